"""Fillable templates: typing fills the document, values carry to the notice's other templates,
the 公示 end date follows from working days, and every template prints on A4."""
import base64
import pathlib
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select

from conftest import make_driver, open_page

GONGSHI = "2024/gongcheng-zixun/templates/gongshi/index.html"
RESULT = "2024/gongcheng-zixun/templates/gongshi-jieguo/index.html"
TEMPLATES = [
    ("2024/gongcheng-zixun/templates/gongshi", "同志申报工程系列工程咨询专业高级职称的公示"),
    ("2024/gongcheng-zixun/templates/gongshi-jieguo", "职称的公示结果"),
    ("2024/gongcheng-zixun/templates/tuijian", "职称的推荐意见"),
    ("2021/zizhiqu-5-xilie/templates/gongshi", "职称的公示"),
    ("2021/zizhiqu-5-xilie/templates/gongshi-jieguo", "职称的公示结果"),
    ("2021/zizhiqu-5-xilie/templates/tuijian", "职称的推荐意见"),
    ("2024/meitan-aksu/templates/gongshi", "推荐单位公示"),
    ("2024/meitan-aksu/templates/tuijian", "单位推荐意见"),
    ("2024/meitan-aksu/templates/chengnuo", "个人承诺书"),
    ("2024/meitan-aksu/templates/mianxue", "免除继续教育学习申请表"),
    ("2022/shuili/templates/gongshi", "职称的公示"),
    ("2022/shuili/templates/gongshi-result", "职称的公示结果"),
]


def fill(driver, field, value):
    control = driver.find_element(By.ID, "field-" + field)
    if control.get_attribute("type") == "date":
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", control, value)
    else:
        control.clear()
        control.send_keys(value)


def blanks(driver, field):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, f"#document .ph[data-field={field}]")]


def pdf_facts(pdf_bytes):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf_bytes)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return info, pages, text


def test_typing_fills_the_document_and_carries_to_another_template(browser, base_url):
    open_page(browser, base_url, GONGSHI)
    browser.execute_script("localStorage.clear()")
    open_page(browser, base_url, GONGSHI)
    fill(browser, "name", "阿依古丽")
    assert blanks(browser, "name") and all(text == "阿依古丽" for text in blanks(browser, "name"))
    fill(browser, "unit", "自治区发展改革研究院")
    fill(browser, "start_date", "2024-09-26")
    # 9/26 Thu, 9/27 Fri, 9/29 Sunday worked, 9/30 Mon, National Day off, 10/8 Tue.
    assert blanks(browser, "end_date") == ["2024年10月8日"]
    assert browser.find_element(By.ID, "field-end_date").get_attribute("value") == "2024-10-08"
    fill(browser, "id_number", "65010219850101")
    assert "身份证号应为18位" in browser.find_element(By.ID, "field-id_number-error").text

    open_page(browser, base_url, RESULT)
    assert all(text == "阿依古丽" for text in blanks(browser, "name"))
    assert blanks(browser, "days") == ["13"]
    assert "自治区发展改革研究院" in blanks(browser, "unit")[0]
    assert blanks(browser, "level") == ["高级"]


def test_a_value_is_text_never_markup(browser, base_url):
    open_page(browser, base_url, GONGSHI)
    fill(browser, "name", "<img src=x onerror=alert(1)>")
    assert browser.find_elements(By.CSS_SELECTOR, "#document img") == []
    assert blanks(browser, "name")[0] == "<img src=x onerror=alert(1)>"
    browser.execute_script("localStorage.clear()")


def test_filled_template_prints_on_one_a4_page_with_the_values(browser, site_dir):
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    browser.execute_script("localStorage.clear()")
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    fill(browser, "name", "阿依古丽")
    Select(browser.find_element(By.ID, "field-gender")).select_by_value("女")
    fill(browser, "start_date", "2024-09-26")
    fill(browser, "phone", "0991-1234567")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 0
    info, pages, text = pdf_facts(base64.b64decode(browser.print_page(options)))
    assert "(A4)" in info
    assert pages == 1
    for value in ["阿依古丽", "女", "2024年9月26日", "2024年10月8日", "0991-1234567"]:
        assert value in text.replace(" ", ""), value
    assert "填写信息" not in text and "职称申报指南" not in text
    browser.execute_script("localStorage.clear()")


@pytest.mark.parametrize("page,title", TEMPLATES)
def test_every_blank_template_prints_with_chromium_print_to_pdf(site_dir, page, title):
    out = pathlib.Path(tempfile.mkdtemp()) / "template.pdf"
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", f"{site_dir.as_uri()}/{page}/index.html"], check=True, capture_output=True, timeout=60)
    info, pages, text = pdf_facts(out.read_bytes())
    assert "(A4)" in info
    assert pages == 1
    assert title in text.replace(" ", "").replace("\n", "")
    assert "填写信息" not in text


def test_without_javascript_the_blank_template_prints(site_dir):
    driver = make_driver(javascript=False)
    try:
        driver.get(site_dir.as_uri() + "/2024/meitan-aksu/templates/mianxue/index.html")
        assert not driver.find_element(By.ID, "template-form").is_displayed()
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 0
        info, pages, text = pdf_facts(base64.b64decode(driver.print_page(options)))
        assert pages == 1 and "(A4)" in info
        assert "免学理由" in text and "审核意见" in text
    finally:
        driver.quit()


POLITICS = ("该同志坚决拥护中国共产党的领导，认真学习贯彻习近平新时代中国特色社会主义思想，自觉在思想上政治上行动上同党中央保持高度一致。"
            "坚持依法依规开展工程咨询工作，恪守职业道德，廉洁自律，严格执行行业规范，无违法违纪行为，在单位和群众中口碑良好。")
ACHIEVEMENTS = ("近五年主持完成自治区重点水利项目可行性研究报告6项、项目建议书4项，参与编制区域发展规划2项，累计咨询投资额逾35亿元；"
                "作为主要完成人获自治区优秀工程咨询成果一等奖1项、二等奖2项，在核心期刊发表论文3篇，负责项目技术路线设计和报告统稿，贡献突出。")
MORE_POLITICS = ("多年来积极参加单位组织的政治理论学习和主题教育活动，撰写学习心得十余篇，带头遵守中央八项规定精神，"
                 "在重大项目评审中坚持客观公正，不接受任何单位和个人的宴请和礼品，主动向组织报告个人有关事项。"
                 "在驻村工作期间深入群众，为村民解决实际困难二十余件，获评单位优秀共产党员，群众评价高。"
                 "该同志注重发挥党员先锋模范作用，在防汛抗旱等急难险重任务中冲锋在前，连续三年年度考核为优秀。")
MORE_ACHIEVEMENTS = ("主持编制的《塔里木河流域水资源综合利用规划咨询报告》被自治区有关部门采纳，为流域治理提供了决策依据；"
                     "牵头完成的大型灌区续建配套与现代化改造项目评估，提出优化建议12条，节约投资约1.2亿元；"
                     "指导青年技术人员8名，其中3人取得中级职称，并多次承担自治区工程咨询行业培训授课任务。"
                     "本人在上述项目中均为项目负责人或技术负责人，对成果的形成起主要作用，相关证明材料已一并上传。")


def fill_gongshi(driver, politics, achievements):
    """The 公示 of the engineering consultancy notice, filled as an office would."""
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    for field, value in [("name", "阿依古丽·买买提"), ("ethnicity", "维吾尔族"), ("political", "中共党员"),
                         ("id_number", "65010219850101123X"), ("education", "大学本科"), ("current_title", "工程师"),
                         ("punishment", "无"), ("office", "本单位人事处"), ("phone", "0991-1234567"),
                         ("unit", "新疆维吾尔自治区水利水电勘测设计研究院有限责任公司"), ("start_date", "2024-09-26"), ("date", "2024-09-25")]:
        fill(driver, field, value)
    Select(driver.find_element(By.ID, "field-gender")).select_by_value("女")
    for field, value in [("politics", politics), ("achievements", achievements)]:
        # Long Chinese text is set at once, as a paste would, and announced as input.
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                              driver.find_element(By.ID, "field-" + field), value)


def pdf_pages(pdf_bytes):
    """The text of each page of a PDF, without the spaces pdftotext puts between CJK glyphs."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf_bytes)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
        count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), handle.name, "-"], capture_output=True, text=True,
                               check=True).stdout.replace(" ", "").replace("\n", "") for n in range(1, count + 1)]


def print_a4(driver):
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 0
    return pdf_pages(base64.b64decode(driver.print_page(options)))


@pytest.mark.parametrize("length,expected_pages", [("realistic", 1), ("long", 2)])
def test_a_filled_gongshi_prints_with_its_closing_block_beside_the_last_paragraph(browser, site_dir, length, expected_pages):
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    politics, achievements = (POLITICS, ACHIEVEMENTS) if length == "realistic" else (POLITICS + MORE_POLITICS, ACHIEVEMENTS + MORE_ACHIEVEMENTS)
    assert length == "realistic" or min(len(politics), len(achievements)) >= 300
    fill_gongshi(browser, politics, achievements)
    pages = print_a4(browser)
    browser.execute_script("localStorage.clear()")
    assert len(pages) == expected_pages, [page[:40] for page in pages]
    # The end of the body (the phone number closes the last paragraph), the signature, the seal and
    # the date are on one page: the closing block never stands alone.
    closing = [page for page in pages if "2024年9月25日" in page]
    assert len(closing) == 1
    # (A hyphen that ends a line is dropped by pdftotext.)
    for text in ["公示时间从2024年9月26日起", "监督电话：0991", "1234567", "单位负责人签字", "（公章）"]:
        assert text in closing[0].replace("-", ""), text
    assert achievements[-10:] in "".join(pages)


def test_filled_values_print_as_running_text_and_empty_blanks_as_lines(browser, site_dir):
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    fill(browser, "name", "李明")
    fill(browser, "unit", "新疆维吾尔自治区水利水电勘测设计研究院有限责任公司")
    style = ("var e = document.querySelector(arguments[0]), s = getComputedStyle(e);"
             "return {border: s.borderBottomStyle === 'none' ? 0 : parseFloat(s.borderBottomWidth), minWidth: s.minWidth,"
             " display: s.display, padding: parseFloat(s.paddingLeft) + parseFloat(s.paddingRight), empty: e.classList.contains('empty')}")
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        name = browser.execute_script(style, "#document .ph[data-field=name]")
        unit = browser.execute_script(style, "#document .ph[data-field=unit]")
        office = browser.execute_script(style, "#document .ph[data-field=office]")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # A filled value is part of the sentence: no underline, no reserved width, no padding, and it
    # wraps with the line like any other words.
    for filled in (name, unit):
        assert not filled["empty"] and filled["border"] == 0 and filled["minWidth"] in ("0px", "auto") and filled["padding"] == 0, filled
        assert filled["display"] == "inline", filled
    # What is still empty prints as a line to write on.
    assert office["empty"] and office["border"] > 0 and office["minWidth"] not in ("0px", "auto"), office
    browser.execute_script("localStorage.clear()")


def test_the_gongshi_result_is_dated_after_the_gongshi_ends(browser, site_dir):
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    browser.execute_script("localStorage.clear()")
    browser.refresh()
    # The 公示 is signed the day before it is posted and runs 9/26–10/8 (National Day in between).
    fill(browser, "start_date", "2024-09-26")
    fill(browser, "date", "2024-09-25")
    assert blanks(browser, "date") == ["2024年9月25日"]
    browser.get(site_dir.as_uri() + "/" + RESULT)
    # The result can only say "no objections" once the 公示 is over: the first working day after 10/8.
    assert blanks(browser, "date") == ["2024年10月9日"]
    assert browser.find_element(By.ID, "field-date").get_attribute("value") == "2024-10-09"
    # A date typed for the result is kept, on reload too, and does not change the 公示's.
    fill(browser, "date", "2024-10-12")
    browser.refresh()
    assert blanks(browser, "date") == ["2024年10月12日"]
    browser.get(site_dir.as_uri() + "/" + GONGSHI)
    assert blanks(browser, "date") == ["2024年9月25日"]
    browser.execute_script("localStorage.clear()")


def test_help_text_says_what_the_reader_can_do(site_dir):
    page = site_dir.as_uri() + "/2021/zizhiqu-5-xilie/templates/gongshi/index.html"
    driver = make_driver(javascript=False)
    try:
        driver.get(page)
        header = driver.find_element(By.CSS_SELECTOR, ".template-header").text
        assert not driver.find_element(By.ID, "template-form").is_displayed()
        assert "在下面填写" not in header and "同步更新" not in header, header
        assert "打印" in header and "手写" in header, header
        # The sheet is shown whole, not squeezed into the hidden form's column.
        assert driver.execute_script("var w = document.querySelector('.paper-wrap'); return w.scrollWidth <= w.clientWidth")
    finally:
        driver.quit()
    driver = make_driver()
    try:
        driver.get(page)
        header = driver.find_element(By.CSS_SELECTOR, ".template-header").text
        assert driver.find_element(By.ID, "template-form").is_displayed()
        assert "同步更新" in header and "用不了" not in header, header
    finally:
        driver.quit()
