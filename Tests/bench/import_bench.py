#!/usr/bin/env python3
"""Import benchmark: how long `noticeboard import` takes for each of the five sample notices, from
its .txt and from a .docx made by Tests/import/make_docx.py (Word numbering and tables). Not a test:
it prints a table. Each import goes into a fresh content folder (site.yml, taxonomy.yml,
calendar.yml, empty notices/); BENCH_ROUNDS rounds (default 5), the median wall time reported,
process start included. The budget (issue #16): well under a second per notice.

Usage: import_bench.py   (BENCH_BIN: the binary, default .build/release/noticeboard)
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "import"))
import make_docx  # noqa: E402

BIN = pathlib.Path(os.environ.get("BENCH_BIN", ROOT / ".build" / "release" / "noticeboard"))
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "5")))
SEEDS = sorted((ROOT / "Tests" / "import" / "seeds").glob("*.txt"))


def fresh_content(base):
    content = base / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "notices").mkdir(parents=True)
    for name in ("site.yml", "taxonomy.yml", "calendar.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    return content


def main():
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = pathlib.Path(tmp)
        for seed in SEEDS:
            docx = base / (seed.stem + ".docx")
            make_docx.make_docx(seed, docx, numbering=True, tables=True)
            for source in (seed, docx):
                times = []
                for _ in range(ROUNDS):
                    content = fresh_content(base)
                    start = time.perf_counter()
                    result = subprocess.run([str(BIN), "import", str(source), "--content", str(content)],
                                            capture_output=True, text=True)
                    times.append((time.perf_counter() - start) * 1000)
                    if result.returncode != 0:
                        sys.exit(f"import of {source.name} failed: {result.stderr}")
                rows.append((source.name, source.stat().st_size, statistics.median(times), max(times)))
    print(f"{'file':<32} {'bytes':>8} {'median ms':>10} {'max ms':>8}")
    for name, size, median, worst in rows:
        print(f"{name:<32} {size:>8} {median:>10.1f} {worst:>8.1f}")
    slowest = max(row[2] for row in rows)
    print(f"slowest median {slowest:.1f} ms (budget: well under 1000 ms)")


if __name__ == "__main__":
    main()
