"""Smoke test of the build benchmark (make bench): a 20-notice corpus, one round, Hugo when it is
installed. The benchmark itself is not part of make test; this keeps its script working."""
import json
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_bench_prints_the_table_and_the_budgets(tmp_path):
    binary = os.environ.get("NOTICEBOARD_BIN", str(ROOT / ".build" / "debug" / "noticeboard"))
    results_file = tmp_path / "results.json"
    env = dict(os.environ, BENCH_ROUNDS="1", BENCH_DIR=str(tmp_path / "work"), BENCH_BIN=binary, BENCH_JSON=str(results_file))
    run = subprocess.run([sys.executable, str(HERE / "build_bench.py"), "20"], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "budgets:" in run.stdout and "× cmark-gfm" in run.stdout
    [row] = json.loads(results_file.read_text())
    assert row["notices"] == 20 and row["rounds"] == 1
    ours = row["noticeboard"]
    # 20 notices: each its page, templates and checklists, plus home, listings, hubs, search, 404.
    assert ours["pages"] > 20 * 3
    assert ours["wall"] > 0 and ours["cpu"] > 0 and ours["peakMiB"] > 0
    assert row["cmark-gfm"]["pages"] == 20
    # Each round writes into a folder of its own; nothing is deleted while timing.
    site = tmp_path / "work" / "outputs" / "noticeboard-20-round0"
    assert (site / "index.html").exists() and (site / "search" / "meta.js").exists()
    if "hugo" in row:
        assert row["hugo"]["pages"] > 20
        assert len(list((tmp_path / "work" / "outputs" / "hugo-20-round0" / "notices").glob("*/index.html"))) == 20
