"""The materials checklist as an applicant uses it: filter by situation, tick, reload, move the
progress to another device, share a filtered link, print."""
import pathlib
import tempfile
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import make_driver, open_page

MEITAN = "2024/meitan-aksu/checklist/index.html?level=fugao"
ZIXUN = "2024/gongcheng-zixun/checklist/index.html"


def fresh(driver, base, path):
    """Opens a checklist with nothing remembered from an earlier test."""
    open_page(driver, base, path)
    driver.execute_script("localStorage.clear()")
    open_page(driver, base, path)


def visible_titles(driver):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".check-items li > label") if e.is_displayed()]


def item_shown(driver, text):
    return any(text in title for title in visible_titles(driver))


def choose(driver, field, value):
    """Answers a question; for 单位类型 (several may be ticked) this type alone."""
    if field == "employer":
        for box in driver.find_elements(By.CSS_SELECTOR, "#profile input[name=employer]"):
            if box.is_selected() != (box.get_attribute("value") == value):
                driver.execute_script("arguments[0].click()", box)
        return
    Select(driver.find_element(By.ID, "profile-" + field)).select_by_value(value)


def employer_types(driver):
    return [box.get_attribute("value") for box in driver.find_elements(By.CSS_SELECTOR, "#profile input[name=employer]") if box.is_selected()]


def test_profile_filter_follows_the_notice_conditions(browser, base_url):
    fresh(browser, base_url, ZIXUN)
    total = len(visible_titles(browser))
    assert item_shown(browser, "社保")  # nothing chosen: everything is listed
    choose(browser, "employer", "民营企业")
    assert item_shown(browser, "社保")
    choose(browser, "employer", "事业单位")
    assert not item_shown(browser, "社保")
    assert len(visible_titles(browser)) < total
    assert "已按您的情况隐藏" in browser.find_element(By.ID, "progress-text").text

    fresh(browser, base_url, MEITAN)
    choose(browser, "employer", "事业单位")
    assert item_shown(browser, "普通话")
    choose(browser, "employer", "民营企业")
    assert not item_shown(browser, "普通话")


def test_ticks_survive_a_reload_and_mark_section_status(browser, base_url):
    fresh(browser, base_url, MEITAN)
    first_box = browser.find_element(By.CSS_SELECTOR, ".check-items input[type=checkbox]")
    browser.execute_script("arguments[0].click()", first_box)
    section_status = browser.find_element(By.CSS_SELECTOR, ".check-section .task-status")
    assert section_status.text in ("进行中", "已完成")
    browser.refresh()
    assert browser.find_element(By.CSS_SELECTOR, ".check-items input[type=checkbox]").is_selected()
    assert "已勾选 1 项" in browser.find_element(By.ID, "progress-text").text


def test_export_then_import_restores_ticks(site_dir, http_base):
    downloads = pathlib.Path(tempfile.mkdtemp(prefix="nb-downloads-"))
    driver = make_driver(downloads=downloads)
    try:
        for base in (site_dir.as_uri() + "/", http_base):
            for old in downloads.iterdir():
                old.unlink()
            fresh(driver, base, MEITAN)
            boxes = driver.find_elements(By.CSS_SELECTOR, ".check-items input[type=checkbox]")
            for box in boxes[:3]:
                driver.execute_script("arguments[0].click()", box)
            choose(driver, "employer", "事业单位")
            driver.find_element(By.ID, "export-progress").click()
            deadline = time.time() + 10
            while time.time() < deadline and not list(downloads.glob("*.json")):
                time.sleep(0.1)
            exported = list(downloads.glob("*.json"))
            assert exported, "export wrote no file"

            driver.execute_script("localStorage.clear()")
            driver.get(base + MEITAN)
            assert "已勾选 0 项" in driver.find_element(By.ID, "progress-text").text
            driver.find_element(By.ID, "import-progress").send_keys(str(exported[0]))
            deadline = time.time() + 5
            while time.time() < deadline and "已导入" not in driver.find_element(By.ID, "import-message").text:
                time.sleep(0.1)
            assert "已导入：3 项勾选" in driver.find_element(By.ID, "import-message").text
            assert "已勾选 3 项" in driver.find_element(By.ID, "progress-text").text
            assert employer_types(driver) == ["事业单位"]
    finally:
        driver.quit()


def test_reset_clears_ticks_after_confirming(browser, base_url):
    fresh(browser, base_url, MEITAN)
    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, ".check-items input[type=checkbox]"))
    browser.find_element(By.ID, "reset-progress").click()
    browser.switch_to.alert.accept()
    assert "已勾选 0 项" in browser.find_element(By.ID, "progress-text").text


def test_a_shared_link_opens_already_filtered(browser, base_url):
    fresh(browser, base_url, ZIXUN)
    choose(browser, "employer", "民营企业")
    shared = browser.current_url
    assert "employer=" in shared
    browser.execute_script("localStorage.clear()")
    browser.get("about:blank")
    browser.get(shared)
    assert employer_types(browser) == ["民营企业"]
    assert item_shown(browser, "社保")

    query = "?employer=" + urllib.parse.quote("事业单位")
    open_page(browser, base_url, ZIXUN + query)
    assert not item_shown(browser, "社保")


def test_print_shows_every_item_with_empty_boxes(browser, base_url):
    fresh(browser, base_url, ZIXUN)
    total = len(browser.find_elements(By.CSS_SELECTOR, ".check-items > li"))
    choose(browser, "employer", "事业单位")
    assert len(visible_titles(browser)) < total
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert len(visible_titles(browser)) == total
        assert not browser.find_element(By.ID, "profile").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_without_javascript_every_item_is_listed(site_dir):
    driver = make_driver(javascript=False)
    try:
        driver.get(site_dir.as_uri() + "/" + MEITAN)
        items = driver.find_elements(By.CSS_SELECTOR, ".check-items > li")
        assert items and all(item.is_displayed() for item in items)
        assert not driver.find_element(By.ID, "profile").is_displayed()
        assert "适用于：事业单位人员" in driver.find_element(By.TAG_NAME, "body").text
    finally:
        driver.quit()


def test_hub_points_at_the_newest_checklists(browser, http_base):
    open_page(browser, http_base, "series/gongcheng/meitan/checklist/index.html")
    newest = browser.find_element(By.CSS_SELECTOR, ".hub-newest")
    assert "2024年度" in newest.text
    newest.find_element(By.PARTIAL_LINK_TEXT, "高级工程师").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("材料清单：高级工程师")
