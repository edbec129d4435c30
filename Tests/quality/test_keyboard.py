"""Keyboard only: real key presses (Tab, Shift+Tab, Enter, Space, arrows) through the checklist,
the calculator, the template form and search; no clicks, no scripted clicks. Every element that
takes focus on the way shows it (a computed outline that is not `none`), and the skip link leads
past the header into the main content."""
import time
import urllib.parse

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_harness import open_page

CHECKLIST = "2024/meitan-aksu/checklist/index.html?level=fugao"
NOTICE = "2024/meitan-aksu/index.html"
TEMPLATE = "2024/meitan-aksu/templates/gongshi/index.html"

FOCUS_STYLE = """const e = document.activeElement, s = getComputedStyle(e);
return {tag: e.tagName, id: e.id, type: e.type || '', name: e.name || '', value: e.value || '', cls: e.className, text: (e.textContent || '').trim().slice(0, 30),
        outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};"""


def press(driver, *keys):
    actions = ActionChains(driver)
    for key in keys:
        actions.send_keys(key)
    actions.perform()


def focused(driver):
    return driver.execute_script(FOCUS_STYLE)


def assert_focus_visible(driver):
    f = focused(driver)
    if f["tag"] in ("BODY", "MAIN"):
        return f
    assert f["outline"] != "none" and f["width"] > 0, f"focus is invisible on {f}"
    return f


def tab_to(driver, matches, limit=400, backwards=False):
    """Presses Tab until the focused element matches; checks focus is visible at every stop."""
    for _ in range(limit):
        press(driver, Keys.SHIFT + Keys.TAB if backwards else Keys.TAB)
        f = assert_focus_visible(driver)
        if matches(f):
            return f
    raise AssertionError("never reached the element by Tab")


def fresh(driver, base, path):
    open_page(driver, base, path)
    driver.execute_script("localStorage.clear()")
    open_page(driver, base, path)


def test_skip_link_is_the_first_stop_and_leads_into_main(browser, http_base):
    fresh(browser, http_base, NOTICE)
    press(browser, Keys.TAB)
    f = assert_focus_visible(browser)
    assert "skip-link" in f["cls"]
    assert browser.find_element(By.CLASS_NAME, "skip-link").location["y"] >= 0  # shown on screen when focused
    press(browser, Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#main"
    assert focused(browser)["tag"] == "MAIN"
    # The next Tab goes to the first thing inside the content, past the header's search box.
    press(browser, Keys.TAB)
    assert browser.execute_script("return document.getElementById('main').contains(document.activeElement)")


def test_checklist_profile_and_tick_by_keyboard(browser, http_base):
    fresh(browser, http_base, CHECKLIST)
    before = browser.find_element(By.ID, "progress-text").text
    tab_to(browser, lambda f: f["name"] == "employer" and f["value"] == "事业单位")  # 单位类型: 事业单位, the first box
    press(browser, Keys.SPACE)
    assert browser.switch_to.active_element.is_selected()
    assert "已按您的情况隐藏" in browser.find_element(By.ID, "progress-text").text
    tab_to(browser, lambda f: f["type"] == "checkbox" and not f["name"])  # an item's box: only the profile's are named
    box = browser.switch_to.active_element
    assert not box.is_selected()
    press(browser, Keys.SPACE)
    assert box.is_selected()
    assert "已勾选 0 项" in before
    assert "已勾选 1 项" in browser.find_element(By.ID, "progress-text").text
    press(browser, Keys.SPACE)
    assert not box.is_selected()
    assert "已勾选 0 项" in browser.find_element(By.ID, "progress-text").text


def test_calculator_by_keyboard(browser, http_base):
    fresh(browser, http_base, NOTICE)
    tab_to(browser, lambda f: f["id"] == "calc-level")
    tab_to(browser, lambda f: f["id"] == "calc-year")
    press(browser, Keys.CONTROL + "a", "2025")
    assert browser.find_element(By.ID, "calc-year").get_attribute("value") == "2025"
    ticked = 0
    for _ in range(80):
        f = tab_to(browser, lambda f: True)
        if f["id"] == "calc-title-date" or not f["id"].startswith("calc-"):
            break
        if f["id"].startswith(("calc-general-", "calc-specialty-")) and f["type"] == "checkbox":
            press(browser, Keys.SPACE)
            ticked += 1
        elif f["id"].startswith(("calc-hours-", "calc-specialtyHours-")):
            press(browser, "90")
    assert ticked >= 8
    text = browser.find_element(By.ID, "calc-result").text
    assert "结论" in text and "2025" in text and "NaN" not in text


def test_template_form_by_keyboard(browser, http_base):
    fresh(browser, http_base, TEMPLATE)
    tab_to(browser, lambda f: f["id"].endswith("name") and f["tag"] == "INPUT")
    press(browser, "张三")
    assert "张三" in browser.find_element(By.ID, "document").text
    # The preview, which scrolls sideways on a phone, takes focus too.
    tab_to(browser, lambda f: "paper-wrap" in f["cls"])
    # Back to the form's buttons and the 记住 box with Shift+Tab; Space unticks it.
    tab_to(browser, lambda f: f["id"] == "keep-values", backwards=True)
    press(browser, Keys.SPACE)
    assert not browser.find_element(By.ID, "keep-values").is_selected()


def test_search_by_keyboard(browser, http_base):
    fresh(browser, http_base, NOTICE)
    tab_to(browser, lambda f: f["id"] == "header-q")
    press(browser, "评审费", Keys.ENTER)
    container = None
    deadline = time.time() + 10
    while time.time() < deadline:
        found = browser.find_elements(By.ID, "search")
        if found and found[0].get_attribute("data-searched") == "评审费":
            container = found[0]
            break
        time.sleep(0.05)
    assert container is not None, "the header's search box did not lead to results"
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results a.result-link")
    assert len(results) >= 2
    tab_to(browser, lambda f: f["id"] == "search-q", backwards=True)
    press(browser, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    f = assert_focus_visible(browser)
    assert "result-link" in f["cls"]
    target = browser.switch_to.active_element.get_attribute("href")
    assert target == results[1].get_attribute("href")
    press(browser, Keys.ENTER)
    deadline = time.time() + 10
    while time.time() < deadline and "search/" in browser.current_url:
        time.sleep(0.05)
    assert urllib.parse.unquote(browser.current_url) == urllib.parse.unquote(target)
