#!/usr/bin/env python3
"""Search benchmark: Noticeboard's static index against Pagefind, on corpora made from the five
notices. Not a test: it prints figures. Usage: search_bench.py [N ...]   (default: 1000 10000)

For each N it makes the corpus (make_corpus.py), builds the site with the release binary, runs
Pagefind (PyPI pagefind-bin-extended) over the same built site, serves it on loopback and measures
in headless Chromium: index size on disk, the bytes the first query loads, the first query's time
on a fresh page (cold), and the median and p95 over the fixed query list once its files are loaded
(warm). Pagefind is driven through its JS API with the first 10 results' fragments loaded, which is
what showing a result list needs.

Phrases typed without spaces (PHRASES) are timed warm against single words (WORDS), the same lists at
every size, and the ratio of their medians printed: a phrase should cost at most twice a word.
"""
import functools
import http.server
import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "browser"))
WORK = pathlib.Path(os.environ.get("BENCH_DIR", "/tmp/nb-bench"))
# Another binary and theme folder (a build of an earlier commit, to compare): BENCH_BIN, BENCH_THEMES.
BINARY = pathlib.Path(os.environ.get("BENCH_BIN", ROOT / ".build/release/noticeboard"))
THEMES = pathlib.Path(os.environ.get("BENCH_THEMES", ROOT / "themes"))
QUERIES = ["评审费", "继续教育", "访惠聚", "普通话", "腾讯会议", "0991-3689900", "水利", "煤炭", "jixujiaoyu", "jxjy"]
# Phrases as applicants type them, without spaces, and single words: timed warm, the same at every size.
PHRASES = ["继续教育学时", "评审费缴纳", "专业技术人员职称", "水利高级工程师", "申报材料清单", "jixujiaoyuxueshi"]
WORDS = ["学时", "缴纳", "职称", "工程师", "材料", "jixu"]
# What the first query loads, by kind of file (the engine, the entry file, term shards, fragments).
KINDS = [("engine", ["/assets/search.js", "/search/engine.js"]), ("meta", ["/search/meta.js"]), ("shards", ["/search/t/"]),
         ("fragments", ["/search/d/", "/search/n/"])]


def ensure_tools():
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pagefind-bin-extended"], check=True)
    try:
        import yaml  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    if "BENCH_BIN" not in os.environ:
        subprocess.run(["swift", "build", "-c", "release", "--product", "noticeboard"], cwd=ROOT, check=True, capture_output=True)


def du(path):
    return sum(f.stat().st_size for f in pathlib.Path(path).rglob("*") if f.is_file())


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def resource_bytes(driver, prefixes):
    entries = driver.execute_script("return performance.getEntriesByType('resource').map(e => [e.name, e.transferSize || e.encodedBodySize])")
    return sum(size for name, size in entries if any(p in name for p in prefixes))


def resource_count(driver, prefixes):
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return sum(1 for name in names if any(p in name for p in prefixes))


def files_in(path):
    return sum(1 for f in pathlib.Path(path).rglob("*") if f.is_file())


def timed(run, queries, rounds=5):
    """Median warm time per query: each is run once to load its files, then `rounds` times. A query
    that runs out of the driver's script timeout counts as NaN (Pagefind's phrases at 10,000)."""
    from selenium.common.exceptions import TimeoutException
    per_query = []
    for query in queries:
        try:
            run(query)
            per_query.append(statistics.median(run(query) for _ in range(rounds)))
        except TimeoutException:
            per_query.append(float("nan"))
    return per_query


def ours(base):
    from conftest import make_driver
    import urllib.parse
    cold, first_bytes, kinds, first_files = [], [], [], []
    for query in QUERIES[:3]:
        driver = make_driver()
        driver.get(base + "search/index.html?q=" + urllib.parse.quote(query))
        deadline = time.time() + 60
        while time.time() < deadline and driver.find_element("id", "search").get_attribute("data-searched") != query:
            time.sleep(0.02)
        cold.append(driver.execute_script("return NBSearch.lastQueryMs"))
        first_bytes.append(resource_bytes(driver, ["/assets/search.js", "/search/"]))
        first_files.append(resource_count(driver, ["/assets/search.js", "/search/"]) - 1)  # not the page itself
        kinds.append({kind: resource_bytes(driver, prefixes) for kind, prefixes in KINDS})
        driver.quit()
    driver = make_driver()
    driver.get(base + "search/index.html")
    while driver.find_element("id", "search").get_attribute("data-ready") != "true":
        time.sleep(0.02)
    warm = []
    for query in QUERIES:
        driver.execute_async_script("NBSearch.search(arguments[0]).then(arguments[1])", query)
        for _ in range(5):
            warm.append(driver.execute_async_script("NBSearch.search(arguments[0]).then(arguments[1])", query))
    counts = {}
    for query in QUERIES:
        driver.execute_async_script("NBSearch.search(arguments[0]).then(arguments[1])", query)
        counts[query] = driver.execute_script("return document.querySelectorAll('#search-results li.search-result').length")
    def run(query):
        return driver.execute_async_script("NBSearch.search(arguments[0]).then(arguments[1])", query)
    phrases, words = timed(run, PHRASES), timed(run, WORDS)
    driver.quit()
    middle = sorted(range(len(first_bytes)), key=lambda k: first_bytes[k])[len(first_bytes) // 2]
    return {"cold": statistics.median(cold), "first_bytes": statistics.median(first_bytes), "warm": warm, "counts": counts,
            "kinds": kinds[middle], "first_files": first_files[middle], "phrases": phrases, "words": words}


HARNESS = """<!DOCTYPE html><meta charset="utf-8"><title>pagefind bench</title>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
window.pf = async (q) => {
  const t0 = performance.now();
  const r = await pagefind.search(q);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return [performance.now() - t0, r.results.length];
};
window.pfReady = true;
</script>"""


def pagefind(base, site):
    from conftest import make_driver
    (site / "pagefind-bench.html").write_text(HARNESS, encoding="utf-8")
    cold, first_bytes = [], []
    for query in QUERIES[:3]:
        driver = make_driver()
        driver.get(base + "pagefind-bench.html")
        while not driver.execute_script("return window.pfReady === true"):
            time.sleep(0.02)
        ms, _ = driver.execute_async_script("pf(arguments[0]).then(arguments[1])", query)
        cold.append(ms)
        first_bytes.append(resource_bytes(driver, ["/pagefind/"]))
        driver.quit()
    driver = make_driver()
    driver.get(base + "pagefind-bench.html")
    while not driver.execute_script("return window.pfReady === true"):
        time.sleep(0.02)
    warm, counts = [], {}
    for query in QUERIES:
        _, counts[query] = driver.execute_async_script("pf(arguments[0]).then(arguments[1])", query)
        for _ in range(5):
            warm.append(driver.execute_async_script("pf(arguments[0]).then(arguments[1])", query)[0])
    def run(query):
        return driver.execute_async_script("pf(arguments[0]).then(arguments[1])", query)[0]
    driver.set_script_timeout(60)
    phrases, words = timed(run, PHRASES, rounds=3), timed(run, WORDS, rounds=3)
    driver.quit()
    return {"cold": statistics.median(cold), "first_bytes": statistics.median(first_bytes), "warm": warm, "counts": counts,
            "phrases": phrases, "words": words}


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def ratio(result):
    phrases, words = [t for t in result["phrases"] if t == t], [t for t in result["words"] if t == t]
    if not phrases or not words:
        return float("nan")
    return statistics.median(phrases) / max(statistics.median(words), 1e-3)


def median(values):
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def bench(count):
    corpus, site = WORK / f"corpus-{count}", WORK / f"site-{count}"
    build_seconds = float("nan")
    if os.environ.get("BENCH_REUSE") and (site / "search" / "meta.js").exists():
        print(f"reusing {site}")
    else:
        if not corpus.exists():  # a corpus already made there (or linked there) is used as it is
            subprocess.run([sys.executable, str(ROOT / "Tests" / "bench" / "make_corpus.py"), str(count), str(corpus)], check=True, capture_output=True)
        started = time.time()
        subprocess.run([str(BINARY), "build", "--content", str(corpus), "--output", str(site),
                        "--themes", str(THEMES)], check=True, capture_output=True)
        build_seconds = time.time() - started
    import pagefind_bin_extended
    binary = pathlib.Path(pagefind_bin_extended.__file__).parent / "pagefind_extended"
    started = time.time()
    # Pagefind indexes the notice pages (the full text of every notice): over every page of a
    # 10,000-notice site (about 70,000 pages) it ran out of memory on this 24 GiB machine.
    pagefind_seconds = float("nan")
    if not (os.environ.get("BENCH_REUSE") and (site / "pagefind" / "pagefind.js").exists()):
        subprocess.run([str(binary), "--site", str(site), "--glob", "[0-9][0-9][0-9][0-9]/*/index.html"], check=True, capture_output=True)
        pagefind_seconds = time.time() - started
    server, base = serve(site)
    try:
        a, b = ours(base), pagefind(base, site)
    finally:
        server.shutdown()
    rows = [
        ("index build (s)", f"{build_seconds:.1f} (whole site)", f"{pagefind_seconds:.1f} (index only)"),
        ("index on disk (MB)", f"{du(site / 'search') / 1e6:.1f}", f"{du(site / 'pagefind') / 1e6:.1f}"),
        ("index files", f"{files_in(site / 'search')}", f"{files_in(site / 'pagefind')}"),
        ("index per notice (KB)", f"{du(site / 'search') / count / 1e3:.1f}", f"{du(site / 'pagefind') / count / 1e3:.1f}"),
        ("first query loads (KB)", f"{a['first_bytes'] / 1024:.0f}", f"{b['first_bytes'] / 1024:.0f}"),
        ("cold first query (ms)", f"{a['cold']:.0f}", f"{b['cold']:.0f}"),
        ("warm median (ms)", f"{statistics.median(a['warm']):.1f}", f"{statistics.median(b['warm']):.1f}"),
        ("warm p95 (ms)", f"{p95(a['warm']):.1f}", f"{p95(b['warm']):.1f}"),
        ("warm word median (ms)", f"{median(a['words']):.1f}", f"{median(b['words']):.1f}"),
        ("warm phrase median (ms)", f"{median(a['phrases']):.1f}", f"{median(b['phrases']):.1f}"),
        ("phrase / word", f"{ratio(a):.2f}", f"{ratio(b):.2f}"),
    ]
    print(f"\n== {count} notices ==")
    print(f"{'':26}{'Noticeboard':>22}{'Pagefind':>22}")
    for name, x, y in rows:
        print(f"{name:26}{x:>22}{y:>22}")
    print("first query loads, by file (KB): " + ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in a["kinds"].items())
          + f"; {a['first_files']} files")
    print("warm phrase / word (ms): " + ", ".join(f"{q} {t:.1f}" for q, t in zip(PHRASES + WORDS, a["phrases"] + a["words"])))
    print("results per query (Noticeboard / Pagefind):")
    print("  " + "  ".join(f"{q} {a['counts'][q]}/{b['counts'][q]}" for q in QUERIES))
    return {"notices": count, "rows": rows, "ours": {k: v for k, v in a.items() if k != "warm"}, "pagefind": {k: v for k, v in b.items() if k != "warm"}}


if __name__ == "__main__":
    ensure_tools()
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = [int(n) for n in sys.argv[1:]] or [1000, 10000]
    results = [bench(n) for n in sizes]
    (WORK / "search-bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
