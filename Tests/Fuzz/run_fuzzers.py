"""Runs the libFuzzer targets (Tests/Fuzz/*/, built by `make fuzz-build`) for a fixed time each.

    python3 Tests/Fuzz/run_fuzzers.py SECONDS [SEED]

For each target: first every input in Tests/Fuzz/regressions/<target>/ once (the crashes found
so far must stay fixed), then libFuzzer for SECONDS, starting from seeds made from the sample
content, the hostile corpus (Tests/Hostile) and the tokenizer vectors, and from what earlier runs
found (kept in .build-fuzz/corpus/). With SEED the run is repeatable (make test's short run uses
seed 1, so it fails only for a reason another run can reproduce); without, libFuzzer picks one. Prints executions, speed and new inputs per target; a crash,
a trap, a timeout (10 s for one input) or running out of memory is copied to
.build-fuzz/findings/ and fails the run."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = ROOT / ".build-fuzz" / "debug"
WORK = ROOT / ".build-fuzz"
REGRESSIONS = ROOT / "Tests" / "Fuzz" / "regressions"
SEPARATOR = b"\n%%%%\n"
BASE = ROOT / "Tests" / "Hostile" / "base" / "notices" / "2024-base"


def notice_seeds(folder):
    for notice in sorted((ROOT / "content" / "notices").iterdir()):
        (folder / notice.name).write_bytes((notice / "notice.yml").read_bytes() + SEPARATOR + (notice / "notice.md").read_bytes())
    for case in sorted((ROOT / "Tests" / "Hostile" / "cases").iterdir()):
        yml = next(case.rglob("notice.yml"), BASE / "notice.yml")
        md = next(case.rglob("notice.md"), BASE / "notice.md")
        (folder / case.name).write_bytes(yml.read_bytes() + SEPARATOR + md.read_bytes())


def tokenizer_seeds(folder):
    vectors = json.loads((ROOT / "Tests" / "Vectors" / "tokenize.json").read_text(encoding="utf-8"))
    for index, case in enumerate(vectors["tokenize"]):
        (folder / f"vector-{index}").write_text(case["text"], encoding="utf-8")
    for notice in sorted((ROOT / "content" / "notices").iterdir()):
        text = (notice / "notice.md").read_text(encoding="utf-8")
        for index in range(0, min(len(text), 8000), 400):
            (folder / f"{notice.name}-{index}").write_text(text[index:index + 400], encoding="utf-8")


TARGETS = {
    "FuzzNoticeLoading": ("notice", notice_seeds),
    "FuzzSearchTokenizer": ("tokenizer", tokenizer_seeds),
}


def run(target, seconds, seed=None):
    name, make_seeds = TARGETS[target]
    binary = BUILD / target
    if not binary.exists():
        sys.exit(f"{binary} is missing: run `make fuzz-build` first")
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    regressions = sorted((REGRESSIONS / name).glob("*"))
    if regressions:
        replay = subprocess.run([str(binary), *map(str, regressions)], capture_output=True, text=True, errors="replace", env=env)
        if replay.returncode != 0:
            print(replay.stderr[-4000:])
            sys.exit(f"{target}: a regression input fails again")
    seeds = WORK / "seeds" / name
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    make_seeds(seeds)
    corpus = WORK / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    findings = WORK / "findings" / name
    findings.mkdir(parents=True, exist_ok=True)
    fuzz = subprocess.run([str(binary), f"-max_total_time={seconds}", "-timeout=10", "-rss_limit_mb=4096", "-max_len=65536",
                           "-print_final_stats=1", f"-artifact_prefix={findings}/",
                           *([f"-seed={seed}"] if seed is not None else []), str(corpus), str(seeds)],
                          capture_output=True, text=True, errors="replace", env=env, cwd=WORK)
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", fuzz.stderr, re.M))
    print(f"{target}: {stats.get('number_of_executed_units', '?')} executions in {seconds} s "
          f"({stats.get('average_exec_per_sec', '?')}/s), {stats.get('new_units_added', '?')} new inputs, "
          f"{len(regressions)} regression inputs replayed, corpus {len(list(corpus.iterdir()))} files")
    if fuzz.returncode != 0:
        print("\n".join(line for line in fuzz.stderr.splitlines() if "Fatal error" in line or "ERROR" in line or "artifact" in line))
        return False
    return True


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    ok = all([run(target, seconds, seed) for target in TARGETS])
    if not ok:
        sys.exit("a fuzz target found a crash: see .build-fuzz/findings/, then add the input to Tests/Fuzz/regressions/")


if __name__ == "__main__":
    main()
