"""Offline use: each notice's handout (one .html file) and the unzipped site bundle, opened from
file:// in Chromium with the network switched off. Any request that leaves the file (or the
unzipped folder) fails the test, as does a console error."""
import base64
import pathlib
import shutil
import subprocess
import tempfile
import zipfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BINARY, ROOT, make_driver, open_page
from test_templates import pdf_facts

NOTICES = {
    # id: (site path, a term only its text has, a template with a name field or None)
    "2024-gongcheng-zixun": ("2024/gongcheng-zixun/", "工程咨询", "gongshi"),
    "2024-meitan-aksu": ("2024/meitan-aksu/", "普通话", "gongshi"),
    "2023-guotu-cehui-dizhi": ("2023/guotu-cehui-dizhi/", "测绘", None),
    "2022-shuili": ("2022/shuili/", "水利", "gongshi"),
    "2021-zizhiqu-5-xilie": ("2021/zizhiqu-5-xilie/", "技工院校", "gongshi"),
}
GENERATED = "1763770000"  # 2025-11-22 08:06 Beijing time


@pytest.fixture(scope="module")
def handouts():
    out = pathlib.Path(tempfile.mkdtemp(prefix="nb-handouts-"))
    run = subprocess.run([str(BINARY), "handout", "--all", "--output", str(out), "--content", str(ROOT / "content"),
                          "--themes", str(ROOT / "themes")], check=True, capture_output=True, text=True,
                         env={"SOURCE_DATE_EPOCH": GENERATED, "PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8"})
    assert run.stdout.count("Wrote ") == len(NOTICES), run.stdout
    yield out
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def bundle():
    out = pathlib.Path(tempfile.mkdtemp(prefix="nb-bundle-"))
    archive = out / "noticeboard-offline.zip"
    run = subprocess.run([str(BINARY), "bundle", "--output", str(archive), "--content", str(ROOT / "content"),
                          "--themes", str(ROOT / "themes")], check=True, capture_output=True, text=True)
    assert "KB zipped" in run.stdout
    with zipfile.ZipFile(archive) as handle:
        assert handle.namelist()[0] == "index.html"
        handle.extractall(out / "unzipped")
    yield out / "unzipped"
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def offline():
    """A browser with no network at all: only what is in the file can load."""
    driver = make_driver()
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    yield driver
    driver.quit()


def open_handout(driver, handouts, notice, fragment=""):
    uri = (handouts / f"{notice}.html").as_uri()
    requests = open_page(driver, uri, fragment)
    assert all(url.split("#")[0].split("?")[0] == uri or url.startswith("data:") for url in requests), requests
    return uri


def wait_for(driver, css):
    """The first element matching css, once a script has put it there."""
    return WebDriverWait(driver, 10).until(lambda d: (d.find_elements(By.CSS_SELECTOR, css) or [None])[0])


def show(driver, href):
    """Follows a link to another part of a handout and waits until that part is shown."""
    driver.find_element(By.CSS_SELECTOR, f'a[href="{href}"]').click()
    view = href[2:].split("/")[0]
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-view") == view)


def print_a4(driver):
    """Prints the page as Chromium's print dialog would on A4, and reads the PDF back."""
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 0
    return pdf_facts(base64.b64decode(driver.print_page(options)))


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_each_handout_is_one_small_file_that_says_what_it_is(handouts):
    for notice in NOTICES:
        html = (handouts / f"{notice}.html").read_text(encoding="utf-8")
        assert len(html.encode()) < 500 * 1024, f"{notice} is {len(html.encode())} bytes"
        assert "<script src" not in html and 'rel="stylesheet"' not in html
        assert "本文件生成于 2025年11月22日 08:06（北京时间）" in html


@pytest.mark.parametrize("notice", NOTICES)
def test_handout_holds_every_fact_of_the_notice_page_and_its_checklists(offline, handouts, site_dir, notice):
    path = NOTICES[notice][0]
    open_page(offline, site_dir.as_uri() + "/", path + "index.html")
    site_lines = lines(offline.find_element(By.ID, "main").text)
    has_checklist = bool(offline.find_elements(By.CSS_SELECTOR, ".checklist-cta a"))
    open_handout(offline, handouts, notice)
    handout_lines = lines(offline.find_element(By.ID, "main").text)
    missing = [line for line in site_lines if line not in handout_lines]
    assert not missing, f"{notice}: the handout lacks {missing[:5]}"
    assert len(site_lines) > 100
    if has_checklist:
        open_page(offline, site_dir.as_uri() + "/", f"{path}checklist/index.html")
        site_lines = lines(offline.find_element(By.ID, "main").text)
        open_handout(offline, handouts, notice, "#/checklist")
        handout_lines = lines(offline.find_element(By.ID, "main").text)
        missing = [line for line in site_lines if line not in handout_lines]
        assert not missing, f"{notice}: the handout's checklist lacks {missing[:5]}"


@pytest.mark.parametrize("notice", NOTICES)
def test_handout_search_tick_calculator_and_template_work_offline(offline, handouts, notice, tmp_path):
    path, term, template = NOTICES[notice]
    uri = open_handout(offline, handouts, notice)
    offline.execute_script("localStorage.clear()")

    # Search over the notice's own text; a result opens the part of the handout that holds it.
    show(offline, "#/search")
    box = offline.find_element(By.ID, "search-q")
    box.send_keys(term + Keys.ENTER)
    first = wait_for(offline, "#search-results a.result-link")
    assert term in offline.find_element(By.ID, "search-results").text
    target = first.get_attribute("href")
    assert target.split("#")[0].split("?")[0] == uri and "#" in target, target
    first.click()
    WebDriverWait(offline, 10).until(lambda d: d.find_element(By.ID, "main").get_attribute("data-view") != "search")

    # A tick on a checklist survives a reload of the file.
    show(offline, offline.find_element(By.CSS_SELECTOR, '.handout-nav a[href="#/checklist"]').get_dom_attribute("href"))
    view = offline.find_element(By.ID, "main").get_attribute("data-view")
    box = offline.find_elements(By.CSS_SELECTOR, ".check-items input[type=checkbox]")[0]
    item = box.find_element(By.XPATH, "ancestor::li").get_attribute("id")
    box.click()
    offline.refresh()
    assert offline.find_element(By.ID, "main").get_attribute("data-view") == view
    assert offline.find_element(By.CSS_SELECTOR, f'#{item} input').is_selected()

    # The calculator answers on the notice view.
    show(offline, "#/notice")
    result = offline.find_element(By.ID, "calc-result")
    year_box = offline.find_element(By.ID, "calc-year")
    year_box.clear()
    year_box.send_keys("2030")
    WebDriverWait(offline, 10).until(lambda d: "2030" in result.text)
    assert "NaN" not in result.text

    if template:
        show(offline, f"#/template-{template}")
        name = offline.find_element(By.ID, "field-name")
        name.clear()
        name.send_keys("阿依古丽")
        assert "阿依古丽" in offline.find_element(By.CSS_SELECTOR, ".ph[data-field=name]").text
        info, pages, text = print_a4(offline)
        assert "(A4)" in info and pages == 1
        assert "阿依古丽" in text.replace(" ", "")
        assert "离线版" not in text  # the handout's bar is not printed


def test_handout_reads_without_javascript(handouts):
    driver = make_driver(javascript=False)
    try:
        driver.get((handouts / "2024-meitan-aksu.html").as_uri())
        text = driver.find_element(By.ID, "main").text
        assert "评审费" in text or "收费" in text
        assert "材料清单、模板和搜索需要浏览器启用 JavaScript" in driver.find_element(By.TAG_NAME, "body").text
    finally:
        driver.quit()


def test_unzipped_bundle_works_from_the_folder_with_no_network(offline, bundle, tmp_path):
    base = bundle.as_uri() + "/"
    open_page(offline, base, "index.html")
    offline.execute_script("localStorage.clear()")
    # Follow links as a reader would: every page is a file, never a folder listing.
    offline.find_element(By.PARTIAL_LINK_TEXT, "煤炭").click()
    assert offline.current_url.endswith("/2024/meitan-aksu/index.html")
    offline.find_element(By.CSS_SELECTOR, ".checklist-cta a").click()
    assert offline.current_url.endswith("/checklist/index.html?level=fugao")
    box = offline.find_elements(By.CSS_SELECTOR, ".check-items input[type=checkbox]")[0]
    item = box.find_element(By.XPATH, "ancestor::li").get_attribute("id")
    box.click()
    offline.refresh()
    assert offline.find_element(By.CSS_SELECTOR, f'#{item} input').is_selected()

    # Search from the header box of any page, then open a result.
    header = offline.find_element(By.ID, "header-q")
    header.send_keys("jxjy" + Keys.ENTER)
    # Enter submits the form; the search page loads after send_keys returns.
    WebDriverWait(offline, 10).until(lambda d: d.current_url.split("?")[0].endswith("/search/index.html"))
    first = wait_for(offline, "#search-results a.result-link")
    assert "/index.html" in first.get_attribute("href")
    first.click()
    assert offline.find_element(By.ID, "main").text

    # Calculator and a template, printed.
    open_page(offline, base, "2024/meitan-aksu/index.html")
    Select(offline.find_element(By.ID, "calc-level")).select_by_index(0)
    WebDriverWait(offline, 10).until(lambda d: d.find_element(By.ID, "calc-result").text)
    open_page(offline, base, "2024/meitan-aksu/templates/gongshi/index.html")
    name = offline.find_element(By.ID, "field-name")
    name.send_keys("阿依古丽")
    info, pages, text = print_a4(offline)
    assert "(A4)" in info and pages == 1 and "阿依古丽" in text.replace(" ", "")


def test_every_link_of_the_bundle_names_a_file_that_is_there(bundle):
    import re
    broken = []
    for page in bundle.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src|action)="([^"#?]+)', html):
            if re.match(r"^[a-z]+:", link):
                continue
            target = (page.parent / link).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(bundle)} → {link}")
    assert not broken, broken[:10]


def test_handout_carries_the_deadlines_calendar(handouts, tmp_path):
    """加入手机日历 works from the file alone: the .ics travels inside it as a data: address."""
    driver = make_driver(downloads=tmp_path)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        open_handout(driver, handouts, "2024-meitan-aksu")
        driver.find_element(By.CSS_SELECTOR, ".calendar-link a").click()
        saved = tmp_path / "2024-meitan-aksu-deadlines.ics"
        WebDriverWait(driver, 10).until(lambda d: saved.exists() and saved.stat().st_size > 0)
        text = saved.read_text(encoding="utf-8")
        assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VALARM" in text and "TRIGGER:-P1D" in text
    finally:
        driver.quit()


def test_in_a_handout_the_checklist_and_the_calculator_share_the_applicants_answers(offline, handouts):
    # One file, two views: what the checklist is told reaches the calculator when the reader goes
    # back to the notice, and the calculator's stale copy never overwrites it.
    open_handout(offline, handouts, "2024-meitan-aksu")
    offline.execute_script("localStorage.clear()")
    offline.refresh()
    result = offline.find_element(By.ID, "calc-result")
    WebDriverWait(offline, 10).until(lambda d: "需要的年度" in result.text)
    show(offline, "#/checklist")
    offline.execute_script("arguments[0].click()", offline.find_element(By.CSS_SELECTOR, '#profile input[name=employer][value="民营企业"]'))
    Select(offline.find_element(By.ID, "profile-first")).select_by_value("是")
    show(offline, "#/notice")
    WebDriverWait(offline, 10).until(lambda d: "不作硬性要求" in d.find_element(By.ID, "calc-result").text)
    show(offline, "#/checklist")
    assert Select(offline.find_element(By.ID, "profile-first")).first_selected_option.get_attribute("value") == "是"
    offline.execute_script("localStorage.clear()")
