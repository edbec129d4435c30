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


def test_breadcrumbs_and_listing_links_lead_somewhere(browser, base_url):
    open_page(browser, base_url, NOTICE)
    browser.find_element(By.LINK_TEXT, "煤炭").click()
    assert "煤炭" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.PARTIAL_LINK_TEXT, "阿克苏地区工程系列煤炭").click()
    assert browser.find_element(By.ID, "notice-title").text.startswith("关于 2024 年阿克苏地区")


def assert_a_page_of_the_site(driver, step):
    """Not a folder listing ("Index of …"), not an error page: one of the site's own pages."""
    title = driver.title
    assert not title.startswith("Index of"), f"{step}: {driver.current_url} opened a folder listing"
    assert driver.find_elements(By.ID, "main"), f"{step}: {driver.current_url} is not a page of the site ({title!r})"


def click_and_check(driver, element, step):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    assert_a_page_of_the_site(driver, step)


def test_the_default_build_works_link_by_link_from_a_folder_and_over_http(site_dir, http_base):
    # The README says: build, then open public/index.html. The default build must work from the
    # folder (as from a USB stick, in a browser with no special flags) and served over HTTP alike.
    from selenium.webdriver.support.ui import WebDriverWait
    for base in [site_dir.as_uri() + "/", http_base]:
        driver = make_driver(width=360, height=780, file_access=False)
        try:
            open_page(driver, base, "index.html")
            driver.execute_script("localStorage.clear()")
            assert_a_page_of_the_site(driver, "home")
            click_and_check(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "煤炭"), "home → notice")
            assert driver.find_element(By.ID, "notice-title").text.startswith("关于 2024 年阿克苏地区")
            click_and_check(driver, driver.find_element(By.CSS_SELECTOR, ".checklist-cta a"), "notice → checklist")
            box = driver.find_elements(By.CSS_SELECTOR, ".check-items input[type=checkbox]")[0]
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
            item = box.find_element(By.XPATH, "ancestor::li").get_attribute("id")
            driver.refresh()
            assert driver.find_element(By.CSS_SELECTOR, f'#{item} input').is_selected(), "the tick did not survive a reload"
            template = driver.find_element(By.CSS_SELECTOR, '.check-items a[href*="templates/"]')
            click_and_check(driver, template, "checklist → template")
            assert driver.find_elements(By.ID, "document")
            header = driver.find_element(By.ID, "header-q")
            header.send_keys("评审费")
            header.submit()
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a.result-link"))
            assert_a_page_of_the_site(driver, "template → search")
            click_and_check(driver, driver.find_element(By.CSS_SELECTOR, "#search-results a.result-link"), "search → result")
            # Every link on the page a reader ends on names a page, not a folder.
            folders = driver.execute_script(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"
                ".filter(h => !/^[a-z]+:/.test(h) && !h.startsWith('#') && h.split('#')[0].split('?')[0].endsWith('/'))")
            assert not folders, folders
        finally:
            driver.quit()


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
        # A window that had closed when the site was built says so without the script.
        status = driver.find_element(By.CSS_SELECTOR, ".apply-window .window-status")
        assert status.is_displayed() and status.text == "已截止"
        # So does every closed window on the home page.
        driver.get(site_dir.as_uri() + "/index.html")
        statuses = driver.find_elements(By.CSS_SELECTOR, ".window-status")
        assert len(statuses) == 5 and all(s.is_displayed() and s.text == "已截止" for s in statuses)
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
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", handle.name, "-"], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in info, info
    # The site's own print margins (16 mm at the side), not the 28 mm an official document takes.
    import re
    left = min(float(x) for x in re.findall(r'xMin="([\d.]+)"', boxes)) / 72 * 25.4
    assert 14 <= left <= 18, f"the text starts {left:.1f} mm from the left edge"
    assert "700 元" in text and "跳到正文" not in text and "订阅更新" not in text
