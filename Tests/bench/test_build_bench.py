"""Smoke test of the build benchmark (make bench): a 20-notice corpus, one round, Hugo when it is
installed and Pagefind when it imports (never installed from here). The benchmark itself is not part of make test; this keeps its script working."""
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
    env = dict(os.environ, BENCH_ROUNDS="1", BENCH_DIR=str(tmp_path / "work"), BENCH_BIN=binary, BENCH_JSON=str(results_file),
               BENCH_PAGEFIND="if-installed")
    run = subprocess.run([sys.executable, str(HERE / "build_bench.py"), "20"], env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "budgets:" in run.stdout and "× plain copy" in run.stdout and "KB per notice" in run.stdout and "largest page" in run.stdout
    [row] = json.loads(results_file.read_text())
    assert row["notices"] == 20 and row["rounds"] == 1
    ours = row["noticeboard"]
    # 20 notices: each its page, templates and checklists, plus home, listings, hubs, search, 404.
    assert ours["pages"] > 20 * 3
    assert ours["wall"] > 0 and ours["cpu"] > 0 and ours["peakMiB"] > 0
    assert ours["pagesPerSecond"] > 0
    assert row["cmark-gfm"]["pages"] == 20
    # The plain copy of the finished site, and the rebuild with nothing changed, which keeps every
    # file whose bytes did not change (the sitemap and feed carry no build time).
    assert row["copy"]["wall"] > 0
    assert row["rebuild"]["filesTouched"] < row["outputFiles"] / 10
    assert row["bytesPerNotice"] > 0 and row["largestHTML"]["bytes"] > 0 and row["largestHTML"]["path"].endswith(".html")
    # Each round writes into a folder of its own; nothing is deleted while timing.
    site = tmp_path / "work" / "outputs" / "noticeboard-20-round0"
    assert (site / "index.html").exists() and (site / "search" / "meta.js").exists()
    if "hugo" in row:
        assert row["hugo"]["pages"] > 20
        # Hugo's output copied the same way, printed beside ours as the yardstick's reference.
        assert row["hugo-copy"]["wall"] > 0 and "× a plain copy of its own output" in run.stdout
        assert len(list((tmp_path / "work" / "outputs" / "hugo-20-round0" / "notices").glob("*/index.html"))) == 20
    if "pagefind" in row:
        assert row["hugo+pagefind"]["wall"] >= row["hugo"]["wall"]
        assert (tmp_path / "work" / "outputs" / "hugo-20-round0" / "pagefind" / "pagefind.js").exists()
