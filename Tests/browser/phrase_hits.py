"""Phrase queries (Tests/Vectors/phrase_queries.json) run in Chromium against a built site: for each,
the rank of the first result from the expected notice, and the hit rate (expected notice in the
top three).

    python3 Tests/browser/phrase_hits.py [SITE_DIR]

Without SITE_DIR the sample content is built first (with $NOTICEBOARD_BIN, else .build/debug/noticeboard).
Tests/browser/test_search_phrases.py runs the same table and fails on any miss."""
import json
import pathlib
import subprocess
import sys
import tempfile
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "Tests" / "Vectors" / "phrase_queries.json").read_text(encoding="utf-8"))["cases"]
TOP = 3


def notice_path(notice_id):
    """`2022-shuili` → `/2022/shuili/`, the notice's folder in the site."""
    year, slug = notice_id.split("-", 1)
    return f"/{year}/{slug}/"


def run_queries(driver, base, cases=CASES):
    """Opens the search page once and runs every query as if typed; returns rows
    (case, rank of the first result from the expected notice or None, first three result addresses)."""
    driver.get(base + "search/index.html")
    driver.execute_async_script(
        "var done = arguments[0];"
        "(function wait() { document.getElementById('search').getAttribute('data-ready') ? done() : setTimeout(wait, 20); })();")
    rows = []
    for case in cases:
        hrefs = driver.execute_async_script(
            "var done = arguments[1];"
            "NBSearch.search(arguments[0]).then(function () {"
            "  done(Array.prototype.map.call(document.querySelectorAll('#search-results a.result-link'),"
            "    function (a) { return a.getAttribute('href'); }));"
            "});", case["query"])
        want = notice_path(case["notice"])
        rank = next((i + 1 for i, href in enumerate(hrefs) if want in "/" + href.lstrip("./")), None)
        rows.append((case, rank, hrefs[:TOP]))
    return rows


def pad(text, width):
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - columns)


def table(rows):
    """The rows as text, one query a line, and the hit rate."""
    lines = [f"{pad('query', 26)} {'kind':<7} {'set':<9} {'expected notice':<24} rank"]
    for case, rank, _ in rows:
        mark = "" if rank is not None and rank <= TOP else "  ← MISS"
        lines.append(f"{pad(case['query'], 26)} {case['kind']:<7} {case['set']:<9} {case['notice']:<24} {rank or '—'}{mark}")
    hits = sum(1 for _, rank, _ in rows if rank is not None and rank <= TOP)
    lines.append(f"hit rate (expected notice in the top {TOP}): {hits}/{len(rows)} = {hits / len(rows):.1%}")
    return "\n".join(lines)


def main():
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    from conftest import BINARY, make_driver

    if len(sys.argv) > 1:
        site = pathlib.Path(sys.argv[1]).resolve()
    else:
        site = pathlib.Path(tempfile.mkdtemp(prefix="nb-phrases-")) / "site"
        subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--output", str(site),
                        "--themes", str(ROOT / "themes")], check=True, capture_output=True)
    driver = make_driver()
    try:
        print(table(run_queries(driver, site.as_uri() + "/")))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
