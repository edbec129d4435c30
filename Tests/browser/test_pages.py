"""The home and notice pages as an applicant uses them, from file:// and over HTTP."""
import subprocess
import tempfile

from selenium.webdriver.common.by import By

from conftest import make_driver, open_page

NOTICE = "2024/meitan-aksu/index.html"


def visible_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def test_home_lists_every_notice_with_its_status(browser, base_url):
    requests = open_page(browser, base_url, "index.html")
    assert any(url.endswith("assets/site.css") for url in requests)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".notice-link")]
    assert len(links) == 5
    # The status script ran from this origin and states that every sample window has closed.
    statuses = browser.find_elements(By.CSS_SELECTOR, ".window-status")
    assert statuses and all(s.is_displayed() and s.text == "已截止" for s in statuses)


def test_notice_page_key_facts_and_working_anchors(browser, base_url):
    open_page(browser, base_url, NOTICE)
    text = visible_text(browser)
    for fact in ["2024年7月22日 至 2024年8月30日 18:00", "700 元", "2021–2024年（共4年）", "请注意：通知原文有误"]:
        assert fact in text
    assert browser.find_element(By.CSS_SELECTOR, ".apply-window .window-status").text == "已截止"
    # A "原文" link jumps to the paragraph of the notice it comes from.
    source = browser.find_element(By.CSS_SELECTOR, ".key-facts a.source")
    anchor = source.get_attribute("hash")[1:]
    browser.execute_script("arguments[0].click()", source)
    assert browser.execute_script("return decodeURIComponent(location.hash.slice(1))") == browser.execute_script(
        "return decodeURIComponent(arguments[0])", anchor)
    assert browser.execute_script("return document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null")


def test_status_counts_down_while_a_window_is_open(browser, base_url):
    # ?now= previews the page as of a moment: inside the 2024 煤炭 window, 6 hours before it closes.
    open_page(browser, base_url, NOTICE + "?now=2024-08-30T12:00:00%2B08:00")
    status = browser.find_element(By.CSS_SELECTOR, ".apply-window .window-status")
    assert status.text == "正在申报，距截止还有 6 小时"
    assert "status-open" in status.get_attribute("class")


def test_breadcrumbs_and_listing_links_lead_somewhere(browser, http_base):
    # Over HTTP: the web build links folders (煤炭/), which file:// shows as a listing; an offline
    # build that links …/index.html explicitly is its own output mode.
    open_page(browser, http_base, NOTICE)
    browser.find_element(By.LINK_TEXT, "煤炭").click()
    assert "煤炭" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.PARTIAL_LINK_TEXT, "阿克苏地区工程系列煤炭").click()
    assert browser.find_element(By.ID, "notice-title").text.startswith("关于 2024 年阿克苏地区")


def test_phone_width_has_no_sideways_scroll(phone, base_url):
    for page in ["index.html", NOTICE, "2022/shuili/index.html", "series/gongcheng/index.html"]:
        open_page(phone, base_url, page)
        overflow = phone.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{page} scrolls sideways by {overflow}px at 360px"


def test_key_facts_are_readable_without_javascript(site_dir):
    driver = make_driver(javascript=False)
    try:
        driver.get(site_dir.as_uri() + "/" + NOTICE)
        text = visible_text(driver)
        for fact in ["网上申报时间", "2024年7月22日 至 2024年8月30日 18:00", "（北京时间）", "700 元", "公需科目", "0997-2532160"]:
            assert fact in text
        # The status line is added by script only; without it nothing half-finished shows.
        assert not driver.find_element(By.CSS_SELECTOR, ".apply-window .window-status").is_displayed()
    finally:
        driver.quit()


def test_notice_prints_on_a4_without_navigation(browser, site_dir):
    import base64
    from selenium.webdriver.common.print_page_options import PrintOptions

    browser.get(site_dir.as_uri() + "/" + NOTICE)
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(browser.print_page(options))
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", handle.name, "-"], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in info, info
    assert "700 元" in text and "跳到正文" not in text and "订阅更新" not in text
