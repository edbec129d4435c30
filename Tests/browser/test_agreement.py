"""The tools on one notice agree: the checklist's profile, the calculator and the page read the same
rules and the same answers, as an applicant moving between them on a phone would expect."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import open_page

MEITAN = "2024/meitan-aksu/"




def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def fresh(driver, base, path):
    open_page(driver, base, path)
    driver.execute_script("localStorage.clear()")
    driver.get(base + path)


def visible_ids(driver, css):
    return [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def test_a_first_time_private_applicant_is_spared_continuing_education_by_both_tools(phone, base_url):
    # 2024 煤炭: "民营企业专业技术人员初次参加职称评审对继续教育不做硬性要求".
    fresh(phone, base_url, MEITAN + "checklist/index.html?level=fugao")
    assert visible_ids(phone, ".check-items > li[data-ce]"), "continuing-education items are listed before any answer"
    click(phone, phone.find_element(By.CSS_SELECTOR, 'input[name=employer][value="民营企业"]'))
    Select(phone.find_element(By.ID, "profile-first")).select_by_value("是")
    assert visible_ids(phone, ".check-items > li[data-ce]") == []
    assert "不作硬性要求" in phone.find_element(By.ID, "progress-text").text
    # A first application has no current title: neither where it was obtained nor 访惠聚 since it is asked.
    assert not phone.find_element(By.CSS_SELECTOR, "#profile [data-field=title]").is_displayed()
    assert not phone.find_element(By.CSS_SELECTOR, "#profile [data-field=fanghuiju]").is_displayed()
    assert not visible_ids(phone, "#item-title-xinjiang, #item-title-other-province")

    # The calculator on the notice page already has these answers and says the same.
    open_page(phone, base_url, MEITAN + "index.html")
    result = phone.find_element(By.ID, "calc-result")
    WebDriverWait(phone, 10).until(lambda d: "不作硬性要求" in result.text)
    assert phone.find_element(By.CSS_SELECTOR, '.calculator input[data-profile=employer][value="民营企业"]').is_selected()
    first = Select(phone.find_element(By.ID, "calc-profile-first"))
    assert first.first_selected_option.get_attribute("value") == "是"
    # Changed in the calculator, the answer reaches the checklist too.
    first.select_by_value("否")
    WebDriverWait(phone, 10).until(lambda d: "需要的年度" in result.text)
    open_page(phone, base_url, MEITAN + "checklist/index.html?level=fugao")
    assert "ce-certificates" in " ".join(visible_ids(phone, ".check-items > li[data-ce]"))


def test_an_applicant_who_is_two_things_at_once_sees_the_items_of_both(phone, base_url):
    # A civil servant of ten years who moved to a 事业单位 (2022 水利): the 情况说明 stays listed.
    fresh(phone, base_url, "2022/shuili/checklist/index.html?level=fugao")
    for kind in ["事业单位", "机关转任"]:
        click(phone, phone.find_element(By.CSS_SELECTOR, f'input[name=employer][value="{kind}"]'))
    assert phone.find_element(By.ID, "item-civil-servant-statement").is_displayed()
    assert not phone.find_element(By.ID, "item-enterprise-appraisal").is_displayed()
    # The address carries both, so HR can send the filtered list.
    assert "employer=" + "%E4%BA%8B%E4%B8%9A%E5%8D%95%E4%BD%8D%2C" in phone.current_url


def test_the_exemption_form_is_not_hidden_from_those_it_also_covers(phone, base_url):
    # 附件4 of 2024 煤炭 covers 驻村管寺 and 南疆学前双语支教 as well as 访惠聚: the question says so.
    fresh(phone, base_url, MEITAN + "checklist/index.html?level=fugao")
    label = phone.find_element(By.CSS_SELECTOR, "label[for=profile-fanghuiju]").text
    assert "驻村管寺" in label and "南疆学前双语" in label
    Select(phone.find_element(By.ID, "profile-fanghuiju")).select_by_value("是")
    assert phone.find_element(By.ID, "item-ce-exemption-form").is_displayed()


def test_one_list_for_every_level_the_level_chosen_filters_it_and_ticks_stay(browser, base_url):
    fresh(browser, base_url, MEITAN + "checklist/index.html?level=fugao")
    assert browser.find_element(By.ID, "checklist-level").text.startswith("：")
    assert Select(browser.find_element(By.ID, "profile-level")).first_selected_option.get_attribute("value") == "fugao"
    for box in browser.find_elements(By.CSS_SELECTOR, ".check-items input[type=checkbox]")[:3]:
        click(browser, box)
    assert "已勾选 3 项" in browser.find_element(By.ID, "progress-text").text
    # Another level is a choice in the same list: what was ticked as ready stays ticked.
    open_page(browser, base_url, MEITAN + "checklist/index.html?level=zhongji")
    assert Select(browser.find_element(By.ID, "profile-level")).first_selected_option.get_attribute("value") == "zhongji"
    assert "已勾选 3 项" in browser.find_element(By.ID, "progress-text").text
    # No level chosen: every level's items, and a request to choose one.
    Select(browser.find_element(By.ID, "profile-level")).select_by_value("")
    assert "请先选择申报级别" in browser.find_element(By.ID, "progress-text").text
    assert browser.find_element(By.ID, "checklist-level").text == ""


def test_a_levels_former_address_opens_the_list_at_that_level(browser, base_url):
    fresh(browser, base_url, MEITAN + "checklist/zhongji/index.html")
    WebDriverWait(browser, 5).until(lambda b: "level=zhongji" in b.current_url and b.find_elements(By.ID, "profile-level"))
    assert "/checklist/index.html" in browser.current_url
    assert Select(browser.find_element(By.ID, "profile-level")).first_selected_option.get_attribute("value") == "zhongji"


def test_the_calculator_keeps_what_was_ticked_and_answers_the_checklist(browser, base_url):
    fresh(browser, base_url, MEITAN + "index.html")
    Select(browser.find_element(By.ID, "calc-level")).select_by_value("zhongji")
    click(browser, browser.find_element(By.ID, "calc-general-2021"))
    hours = browser.find_element(By.ID, "calc-hours-2021")
    hours.send_keys("96")
    # 2022 spent in a village with 访惠聚: exempt that year.
    exemption = Select(browser.find_element(By.ID, "calc-exemption-2022"))
    fanghuiju = next(o for o in exemption.options if "访惠聚" in o.text)
    exemption.select_by_visible_text(fanghuiju.text)
    browser.refresh()
    assert Select(browser.find_element(By.ID, "calc-level")).first_selected_option.get_attribute("value") == "zhongji"
    assert browser.find_element(By.ID, "calc-general-2021").is_selected()
    assert browser.find_element(By.ID, "calc-hours-2021").get_attribute("value") == "96"
    assert "访惠聚" in Select(browser.find_element(By.ID, "calc-exemption-2022")).first_selected_option.text
    assert "免修年度：2022年" in browser.find_element(By.ID, "calc-result").text
    # The checklist now knows about the 访惠聚 year and lists the exemption form.
    open_page(browser, base_url, MEITAN + "checklist/index.html?level=zhongji")
    assert Select(browser.find_element(By.ID, "profile-fanghuiju")).first_selected_option.get_attribute("value") == "是"
    assert browser.find_element(By.ID, "item-ce-exemption-form").is_displayed()


def test_status_words_fit_the_step(browser, base_url):
    # 20 August 2024: the application window and the review period are both running.
    open_page(browser, base_url, MEITAN + "index.html?now=2024-08-20T12:00:00%2B08:00")
    lines = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#calc-deadlines li")]
    review = next(line for line in lines if line.startswith("审核时间"))
    assert "审核中" in review and "正在申报" not in review
    payment = next(line for line in lines if line.startswith("缴费截止时间"))
    assert "正在申报" not in payment and "距截止还有" in payment
    assert sum("正在申报" in line for line in lines) == 1


def test_a_first_time_applicant_is_not_offered_a_visited_village_year(browser, base_url):
    # 访惠聚 exempts the years since the current title; a first application has none.
    fresh(browser, base_url, MEITAN + "index.html")
    options = [o.text for o in Select(browser.find_element(By.ID, "calc-exemption-2022")).options]
    assert any("访惠聚" in text for text in options)
    Select(browser.find_element(By.ID, "calc-profile-first")).select_by_value("是")
    options = [o.text for o in Select(browser.find_element(By.ID, "calc-exemption-2022")).options]
    assert not any("访惠聚" in text for text in options)
    assert "符合免继续教育培训的" in options
