"""Runs the libFuzzer targets (Tests/Fuzz/*/, built by `make fuzz-build`).

    python3 Tests/Fuzz/run_fuzzers.py SECONDS [SEED]     for a fixed time each (make fuzz)
    python3 Tests/Fuzz/run_fuzzers.py --runs N SEED      for N inputs each, repeatably (make test)

For each target: first every input in Tests/Fuzz/regressions/<target>/ once (the crashes found
so far must stay fixed), then libFuzzer, starting from seeds made from the sample content, the
hostile corpus (Tests/Hostile) and the tokenizer vectors. A timed run also starts from what
earlier runs found (kept in .build-fuzz/corpus/) and, without SEED, lets libFuzzer pick a seed:
it is for finding things. The short run in `make test` is `--runs N 1`: a fixed number of inputs,
seed 1, an empty corpus and Swift's hashing made deterministic, so every machine tries as many
inputs and nearly the same ones (background threads in the code under test shift the coverage
counts a little from run to run). A timed run tries as many as the machine's speed allows (213
to 412 notices a second on the 2-core machine this was written on).

Prints executions, speed and new inputs per target; a crash, a trap, a timeout (10 s for one
input) or running out of memory is copied to .build-fuzz/findings/ and fails the run."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

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


def run(target, seconds=None, runs=None, seed=None):
    name, make_seeds = TARGETS[target]
    binary = BUILD / target
    if not binary.exists():
        sys.exit(f"{binary} is missing: run `make fuzz-build` first")
    # Dictionary order then depends on the input only, and so does (almost all) the coverage
    # libFuzzer follows.
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", SWIFT_DETERMINISTIC_HASHING="1")
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
    corpus = WORK / ("corpus" if runs is None else "smoke-corpus") / name
    if runs is not None:
        shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True, exist_ok=True)
    findings = WORK / "findings" / name
    findings.mkdir(parents=True, exist_ok=True)
    limit = [f"-max_total_time={seconds}"] if runs is None else [f"-runs={runs}"]
    started = time.monotonic()
    fuzz = subprocess.run([str(binary), *limit, "-timeout=10", "-rss_limit_mb=4096", "-max_len=65536",
                           "-print_final_stats=1", f"-artifact_prefix={findings}/",
                           *([f"-seed={seed}"] if seed is not None else []), str(corpus), str(seeds)],
                          capture_output=True, text=True, errors="replace", env=env, cwd=WORK)
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", fuzz.stderr, re.M))
    print(f"{target}: {stats.get('number_of_executed_units', '?')} executions in {time.monotonic() - started:.0f} s "
          f"({stats.get('average_exec_per_sec', '?')}/s), {stats.get('new_units_added', '?')} new inputs, "
          f"{len(regressions)} regression inputs replayed, corpus {len(list(corpus.iterdir()))} files")
    if fuzz.returncode != 0:
        print("\n".join(line for line in fuzz.stderr.splitlines() if "Fatal error" in line or "ERROR" in line or "artifact" in line))
        return False
    return True


def main():
    arguments = sys.argv[1:]
    if arguments[:1] == ["--runs"]:
        if len(arguments) != 3:
            sys.exit("usage: run_fuzzers.py --runs N SEED")
        limits = dict(runs=int(arguments[1]), seed=int(arguments[2]))
    else:
        limits = dict(seconds=int(arguments[0]) if arguments else 60, seed=int(arguments[1]) if len(arguments) > 1 else None)
    ok = all([run(target, **limits) for target in TARGETS])
    if not ok:
        sys.exit("a fuzz target found a crash: see .build-fuzz/findings/, then add the input to Tests/Fuzz/regressions/")


if __name__ == "__main__":
    main()
