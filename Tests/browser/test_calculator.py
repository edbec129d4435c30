"""The continuing-education and eligibility calculator, one case per notice, read off the page."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import make_driver, open_page


def result(driver):
    return driver.find_element(By.ID, "calc-result").text


def tick(driver, kind, years):
    for year in years:
        box = driver.find_element(By.ID, f"calc-{kind}-{year}")
        if not box.is_selected():
            driver.execute_script("arguments[0].click()", box)


def type_into(driver, element_id, text):
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def test_000_complete_certificates(browser, base_url):
    open_page(browser, base_url, "2024/gongcheng-zixun/index.html")
    tick(browser, "general", range(2020, 2025))
    tick(browser, "specialty", range(2021, 2025))
    text = result(browser)
    assert "需要的年度：公需科目 2020–2024年；专业科目 2021–2024年。" in text
    assert "证书已齐全。" in text
    assert "结论：继续教育材料已齐全。" in text


def test_001_missing_specialty_year(browser, base_url):
    open_page(browser, base_url, "2021/zizhiqu-5-xilie/index.html")
    Select(browser.find_element(By.ID, "calc-level")).select_by_value("jingji-zhenggao")
    tick(browser, "general", range(2016, 2021))
    text = result(browser)
    assert "还缺：专业科目 2021年的培训合格证书。" in text
    assert "本通知未列明" in browser.find_element(By.ID, "calc-fee").text


def test_002_hours_sources_fee_service_and_skilled_track(browser, base_url):
    open_page(browser, base_url, "2024/meitan-aksu/index.html")
    tick(browser, "general", range(2021, 2025))
    tick(browser, "specialty", range(2021, 2025))
    for year in range(2021, 2025):
        type_into(browser, f"calc-hours-{year}", "90")
        type_into(browser, f"calc-specialtyHours-{year}", "59" if year == 2023 else "60")
    text = result(browser)
    assert "从管理平台获取：公需科目 2022–2024年；专业科目 2021–2024年。" in text
    assert "手动上传扫描件：公需科目 2021年。" in text
    assert "学时不足：2023年" in text
    type_into(browser, "calc-specialtyHours-2023", "六十")
    assert "请输入数字（学时）。" in browser.find_element(By.ID, "calc-specialtyHours-2023-error").text
    assert "请填写 2023年 的学时" in result(browser)
    assert "NaN" not in result(browser)

    Select(browser.find_element(By.ID, "calc-level")).select_by_value("zhongji")
    assert browser.find_element(By.ID, "calc-fee").text == "工程师（中级）的评审费：400 元。"

    # The checklist's own questions: a private company, a first application.
    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, 'input[data-profile=employer][value="民营企业"]'))
    Select(browser.find_element(By.ID, "calc-profile-first")).select_by_value("是")
    assert "本通知对“民营企业专业技术人员初次参加职称评审”的继续教育不作硬性要求。" in result(browser)
    Select(browser.find_element(By.ID, "calc-profile-first")).select_by_value("")
    browser.execute_script("arguments[0].click()", browser.find_element(By.CSS_SELECTOR, 'input[data-profile=employer][value="民营企业"]'))

    # Dates typed as a person would, through the date picker's keyboard entry.
    browser.execute_script("var f=document.getElementById('calc-title-date'); f.value='2020-02-29'; f.dispatchEvent(new Event('input'))")
    assert browser.find_element(By.ID, "calc-service-result").text == "截至2024年12月31日，任现职满 4 年 10 个月。"
    browser.execute_script("var f=document.getElementById('calc-title-date'); f.value='2025-03-01'; f.dispatchEvent(new Event('input'))")
    assert "晚于资历计算截止日" in browser.find_element(By.ID, "calc-service-result").text

    Select(browser.find_element(By.ID, "calc-qualification")).select_by_value("技师")
    browser.execute_script("var f=document.getElementById('calc-qualification-date'); f.value='2022-03-01'; f.dispatchEvent(new Event('input'))")
    assert browser.find_element(By.ID, "calc-skilled-result").text == \
        "截至2024年12月31日，已从事技术技能工作 2 年 9 个月，需满 3 年，2025年3月1日起可申报中级职称。"


def test_003_exempt_year_needs_its_form(browser, base_url):
    open_page(browser, base_url, "2023/guotu-cehui-dizhi/index.html")
    tick(browser, "general", [2021, 2022])
    Select(browser.find_element(By.ID, "calc-exemption-2023")).select_by_index(2)
    text = result(browser)
    assert "免修年度：2023年（任现职称以来，参加少数民族科技骨干特殊培养的（免继续教育））" in text
    assert "结论：继续教育材料已齐全。" in text


def test_004_planning_ahead_and_a_year_out_of_range(browser, base_url):
    open_page(browser, base_url, "2022/shuili/index.html")
    type_into(browser, "calc-year", "2023")
    text = result(browser)
    assert "按 2023 年度申报估算" in text
    assert "需要的年度：公需科目 2019–2023年；专业科目 2022–2023年。" in text
    type_into(browser, "calc-year", "1999")
    assert browser.find_element(By.ID, "calc-year-error").text == "请输入 2022 至 2032 之间的年份。"
    assert "NaN" not in result(browser)


def test_specialty_page_carries_the_newest_notices_calculator(browser, http_base):
    open_page(browser, http_base, "series/gongcheng/shuili/index.html")
    assert "按2022年度通知" in browser.find_element(By.CSS_SELECTOR, ".calc-for").text
    assert "需要的年度：公需科目 2018–2022年" in result(browser)


@pytest.mark.parametrize("zone,offset", [("America/New_York", 300), ("Asia/Kolkata", -330), ("Pacific/Auckland", -780)])
def test_answers_are_the_same_in_any_device_time_zone(site_dir, zone, offset):
    driver = make_driver(timezone=zone)
    try:
        # The device clock really is in that zone (minutes behind UTC on 1 January 2024).
        assert driver.execute_script("return new Date(2024, 0, 1).getTimezoneOffset()") == offset
        driver.get(site_dir.as_uri() + "/2024/meitan-aksu/index.html?now=2024-08-30T17:59:00%2B08:00")
        assert driver.find_element(By.CSS_SELECTOR, ".apply-window .window-status").text == "正在申报，距截止还有 1 分钟"
        deadlines = driver.find_element(By.ID, "calc-deadlines").text
        assert "申报时间：2024年7月22日 至 2024年8月30日 18:00（北京时间）正在申报，距截止还有 1 分钟" in deadlines.replace("\n", "")
        driver.execute_script("var f=document.getElementById('calc-title-date'); f.value='2020-02-29'; f.dispatchEvent(new Event('input'))")
        assert driver.find_element(By.ID, "calc-service-result").text == "截至2024年12月31日，任现职满 4 年 10 个月。"
    finally:
        driver.quit()
