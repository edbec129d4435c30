"""`noticeboard serve` as a real process on a loopback port: edits rebuild the page, errors are
reported in the terminal and the browser while the last good site keeps being served, and an open
page in Chromium reloads by itself."""
import json
import re
import shutil
import subprocess
import time
import urllib.request

import pytest

from conftest import BINARY, ROOT, make_driver, open_page
from serve_support import Served, edit


@pytest.fixture(params=["inotify", "poll"])
def served(request):
    server = Served(BINARY, ROOT / "content", ROOT / "themes", extra_args=["--poll"] if request.param == "poll" else [])
    server.wait_until_serving()
    expected = "Watching with inotify." if request.param == "inotify" else "Watching by scanning the folders every 250 ms."
    assert expected in server.stdout
    yield server
    server.stop()


def state(server, since="", known=0):
    status, body = server.get(f"__noticeboard/wait.js?since={since}&known={known}")
    assert status == 200
    return json.loads(re.search(r"__noticeboardState\((.*)\);", body).group(1))


def test_an_edit_rebuilds_the_page_and_only_served_pages_carry_the_reload_script(served):
    status, page = served.get("2022/shuili/")
    assert status == 200 and "500 元" in page
    assert re.search(r'<script src="/__noticeboard/reload.js\?v=\d+" data-generation="\d+" defer></script></body>', page)
    generation = state(served)["generation"]
    edit(served.content / "notices/2022-shuili/notice.yml", "  - level: fugao\n    amount: 500", "  - level: fugao\n    amount: 650")
    served.wait_for(lambda: state(served)["generation"] > generation)
    assert "650 元" in served.get("2022/shuili/")[1]
    served.wait_for(lambda: any(line.startswith("Rebuilt ") and "2022-shuili" in line for line in served.stdout))
    # The listing pages were rewritten too, and the files on disk are the plain build output.
    assert "__noticeboard" not in (served.output / "2022/shuili/index.html").read_text(encoding="utf-8")
    assert "__noticeboard" not in (served.output / "index.html").read_text(encoding="utf-8")
    status, script = served.get("__noticeboard/reload.js")
    assert status == 200 and "location.reload()" in script


@pytest.mark.parametrize("served", ["inotify"], indirect=True)
def test_a_content_error_is_reported_and_the_last_good_site_is_still_served(served):
    path = served.content / "notices/2022-shuili/notice.yml"
    good = path.read_text(encoding="utf-8")
    edit(path, "    amount: 350", "    amount: lots")
    failed = served.wait_for(lambda: (s := state(served)) and not s["ok"] and s)
    assert any("notice.yml" in problem and "'amount' must be a whole number" in problem for problem in failed["problems"])
    assert any("'amount' must be a whole number" in line for line in served.stderr)
    assert any("Still serving the last good site" in line for line in served.stderr)
    status, page = served.get("2022/shuili/")
    assert status == 200 and "350 元" in page
    # A page served now carries the failed generation; its first poll answers at once with the
    # problems instead of waiting for the next change.
    served_at = int(re.search(r'data-generation="(\d+)"', page).group(1))
    asked = time.time()
    first = state(served, since=served_at)
    assert not first["ok"] and first["generation"] == served_at and not first["reload"]
    assert time.time() - asked < 2
    path.write_text(good.replace("    amount: 350", "    amount: 360"), encoding="utf-8")
    served.wait_for(lambda: state(served)["ok"] and "360 元" in served.get("2022/shuili/")[1])


@pytest.mark.parametrize("served", ["inotify", "poll"], indirect=True)
def test_a_new_notice_from_last_years_appears_with_its_changes_and_dates_to_confirm(served):
    subprocess.run([str(BINARY), "new", "--from", "2022-shuili", "--year", "2023", "--content", str(served.content)],
                   check=True, capture_output=True)
    status, page = served.wait_for(lambda: (r := served.get("2023/shuili/")) and r[0] == 200 and r)
    assert "待确认" in page and "与上一年度相比" in page and "2022年度的通知" in page
    assert "2023年8月5日 10:00 至 2023年8月31日 20:00" in page
    home = served.wait_for(lambda: (h := served.get("")[1]) and "2023/shuili/" in h and h)
    assert "2023年度自治区工程水利专业高级工程师职称评审工作申报流程及注意事项" in home
    # The search index catches up once editing pauses.
    served.wait_for(lambda: any(line.startswith("Search index brought up to date") for line in served.stdout), timeout=60)


@pytest.mark.parametrize("served", ["inotify"], indirect=True)
def test_an_open_page_in_chromium_reloads_after_a_save_and_shows_errors(served):
    driver = make_driver()
    try:
        open_page(driver, served.base, "2022/shuili/")
        driver.execute_script("window.__notReloaded = true;")
        time.sleep(0.3)   # the page's first long poll is in place
        saved = time.time()
        edit(served.content / "notices/2022-shuili/notice.yml", "    amount: 100", "    amount: 120")
        served.wait_for(lambda: driver.execute_script("return window.__notReloaded !== true && document.readyState === 'complete'"))
        started = driver.execute_script("return performance.timeOrigin") / 1000
        assert "120 元" in driver.find_element("css selector", ".fees").text
        print(f"save → reload started: {(started - saved) * 1000:.0f} ms")
        assert started - saved < 5

        edit(served.content / "notices/2022-shuili/notice.md", "## 一、时间安排", "## 一、时间安排\n\n[坏链接](#没有这个标题)\n\n![远程](https://example.org/a.png)")
        edit(served.content / "notices/2022-shuili/notice.yml", 'source: "#一时间安排"', 'source: "#一时间安徘"')
        banner = served.wait_for(lambda: driver.find_elements("css selector", "#noticeboard-serve-errors"))[0]
        assert "一时间安徘" in banner.text and "error" in banner.text
        assert driver.find_element("css selector", ".fees").text.count("120 元") == 1   # still the last good page
        # A page opened while the content is broken shows the banner too (it is served at the
        # failed build, so there is no newer build for it to wait for).
        late = make_driver()
        try:
            open_page(late, served.base, "2022/shuili/")
            late_banner = served.wait_for(lambda: late.find_elements("css selector", "#noticeboard-serve-errors"), timeout=5)[0]
            assert "一时间安徘" in late_banner.text
        finally:
            late.quit()
        edit(served.content / "notices/2022-shuili/notice.yml", 'source: "#一时间安徘"', 'source: "#一时间安排"')
        served.wait_for(lambda: not driver.find_elements("css selector", "#noticeboard-serve-errors")
                        and driver.execute_script("return document.readyState") == "complete")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]
        assert not errors, errors

        # A page the save does not change stays as it is; the home page, which lists the notice, reloads.
        other = make_driver()
        try:
            open_page(other, served.base, "2024/meitan-aksu/")
            open_page(driver, served.base, "")
            for page in (driver, other):
                page.execute_script("window.__notReloaded = true;")
            time.sleep(0.3)
            edit(served.content / "notices/2022-shuili/notice.yml", "    amount: 120", "    amount: 130")
            served.wait_for(lambda: driver.execute_script("return window.__notReloaded !== true && document.readyState === 'complete'"))
            time.sleep(0.5)
            assert other.execute_script("return window.__notReloaded") is True
        finally:
            other.quit()
    finally:
        driver.quit()


def test_an_open_page_keeps_the_themes_files_and_the_reload_script_across_saves_and_gets_new_ones_after_a_theme_edit(tmp_path):
    """serve lets the browser keep the theme's assets between reloads (each page asks for them as
    `assets/x?v=<version>`), and a theme edit, a full build, changes the version: the reloaded page
    shows the edited style sheet, never a kept old one."""
    themes = tmp_path / "themes"
    shutil.copytree(ROOT / "themes", themes)
    server = Served(BINARY, ROOT / "content", themes)
    server.wait_until_serving()
    driver = make_driver()
    try:
        status, page = server.get("2022/shuili/")
        assert re.search(r'href="\.\./\.\./assets/site\.css\?v=\d+"', page)
        with urllib.request.urlopen(server.base + "assets/site.css?v=1", timeout=30) as response:
            assert "immutable" in response.headers["Cache-Control"]
        with urllib.request.urlopen(server.base + "assets/site.css", timeout=30) as response:
            assert response.headers["Cache-Control"] == "no-store"
        # The reload script too, at the address this serve gives it (it changes when serve restarts).
        script = re.search(r'src="(/__noticeboard/reload\.js\?v=\d+)"', page).group(1)
        with urllib.request.urlopen(server.base + script.lstrip("/"), timeout=30) as response:
            assert "immutable" in response.headers["Cache-Control"]
        with urllib.request.urlopen(server.base + "__noticeboard/reload.js?v=1", timeout=30) as response:
            assert response.headers["Cache-Control"] == "no-store"

        open_page(driver, server.base, "2022/shuili/")
        body_colour = "return getComputedStyle(document.body).outlineColor"
        before = driver.execute_script(body_colour)
        # A notice's save: the page reloads with its assets from the browser's cache.
        driver.execute_script("window.__notReloaded = true;")
        time.sleep(0.3)
        edit(server.content / "notices/2022-shuili/notice.yml", "    amount: 100", "    amount: 120")
        server.wait_for(lambda: driver.execute_script("return window.__notReloaded !== true && document.readyState === 'complete'"))
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').filter(r => (r.name.indexOf('/assets/') >= 0 ||"
            " r.name.indexOf('/reload.js') >= 0) && r.transferSize > 0).map(r => r.name)")
        assert fetched == [], "the theme's files or the reload script were fetched again after a notice's save"

        # A theme edit: the reloaded page applies the new style sheet.
        driver.execute_script("window.__notReloaded = true;")
        time.sleep(0.3)
        css = themes / "default/assets/site.css"
        css.write_text(css.read_text(encoding="utf-8") + "\nbody { outline: 3px solid rgb(1, 2, 3); }\n", encoding="utf-8")
        server.wait_for(lambda: driver.execute_script("return window.__notReloaded !== true && document.readyState === 'complete'"),
                        timeout=60)
        assert driver.execute_script(body_colour) == "rgb(1, 2, 3)" != before
    finally:
        driver.quit()
        server.stop()
