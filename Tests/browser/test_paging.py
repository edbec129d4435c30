"""A region's archive, paged: the home page stays short, and every notice is a few plain clicks
away from it, from a folder (file://, no browser flags) and over HTTP, with JavaScript off too.

The archive is 120 notices made from the five (Tests/bench/make_corpus.py) with `page_size: 10`,
so years, series and specialties all run to several pages."""
import collections
import functools
import http.server
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import BINARY, ROOT, make_driver, open_page

HREF = re.compile(r'href="([^"#?]+\.html)(?:#[^"]*)?"')


@pytest.fixture(scope="module")
def archive():
    work = pathlib.Path(tempfile.mkdtemp(prefix="nb-paging-"))
    content, site = work / "content", work / "site"
    subprocess.run([sys.executable, str(ROOT / "Tests" / "bench" / "make_corpus.py"), "120", str(content)], check=True, capture_output=True)
    with open(content / "site.yml", "a", encoding="utf-8") as settings:
        settings.write("page_size: 10\n")
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(site), "--themes", str(ROOT / "themes")],
                   check=True, capture_output=True)
    notices = sorted(f"{folder.name[:4]}/{folder.name[5:]}/index.html" for folder in (content / "notices").iterdir())
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"site": site, "notices": notices, "http": f"http://127.0.0.1:{server.server_address[1]}/"}
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def clicks_from_home(read):
    """How many clicks each page is from the home page: a breadth-first walk over the links, as a
    reader follows them. `read(path)` gives a page's HTML by its path below the site."""
    depth = {"index.html": 0}
    queue = collections.deque(["index.html"])
    while queue:
        page = queue.popleft()
        if depth[page] >= 3:
            continue
        for link in HREF.findall(read(page)):
            target = urllib.parse.urljoin("/" + page, link).lstrip("/")
            if target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    return depth


def test_every_notice_is_three_clicks_from_home_from_a_folder_and_over_http(archive):
    site = archive["site"]
    from_folder = clicks_from_home(lambda path: (site / path).read_text(encoding="utf-8") if (site / path).is_file() else "")

    def over_http(path):
        try:
            with urllib.request.urlopen(archive["http"] + path) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError:
            return ""
    served = clicks_from_home(over_http)
    for depth in [from_folder, served]:
        missing = [notice for notice in archive["notices"] if depth.get(notice, 99) > 3]
        assert not missing, f"{len(missing)} notices are more than three clicks from home: {missing[:5]}"
    # The listings really are paged, and no page of HTML reaches 100 KB.
    assert (site / "series/gongcheng/page/2/index.html").is_file()
    largest = max(site.rglob("*.html"), key=lambda path: path.stat().st_size)
    assert largest.stat().st_size < 100_000, largest


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_reader_pages_through_a_year_with_javascript_off(archive, where):
    base = archive["site"].as_uri() + "/" if where == "file" else archive["http"]
    driver = make_driver(width=360, height=780, javascript=False, file_access=False)
    try:
        open_page(driver, base, "index.html")
        years = driver.find_elements(By.CSS_SELECTOR, "nav[aria-labelledby=years-nav-title] a")
        assert len(years) >= 5
        # The year with the most notices: its listing runs to more than one page.
        year = max(years, key=lambda a: int(a.find_element(By.XPATH, "..").text.split("（")[1].rstrip("）")))
        name = year.text
        year.click()
        assert driver.find_element(By.TAG_NAME, "h1").text == f"{name}通知"
        pager = driver.find_element(By.CSS_SELECTOR, "nav.pager")
        assert pager.find_element(By.CSS_SELECTOR, "[aria-current=page]").text == "1"
        pager.find_element(By.LINK_TEXT, "2").click()
        assert driver.find_element(By.TAG_NAME, "h1").text == f"{name}通知（第 2 页）"
        assert driver.title.startswith(f"{name}通知（第 2 页）")
        assert driver.find_element(By.CSS_SELECTOR, "nav.pager [aria-current=page]").text == "2"
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"page 2 scrolls sideways by {overflow}px at 360px"
        first = driver.find_element(By.CSS_SELECTOR, ".notice-list .notice-link")
        title = first.text
        first.click()
        assert driver.find_element(By.ID, "notice-title").text == title
        driver.back()
        driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]").click()
        assert driver.find_element(By.CSS_SELECTOR, "nav.pager [aria-current=page]").text == "1"
    finally:
        driver.quit()
