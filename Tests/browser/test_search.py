"""Search in characters, pinyin and initials, from file:// and over HTTP."""
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import make_driver, open_page


def search(driver, base, query, extra=""):
    open_page(driver, base, "search/index.html?q=" + urllib.parse.quote(query) + extra)
    return wait(driver, query)


def wait(driver, query):
    container = driver.find_element(By.ID, "search")
    deadline = time.time() + 10
    while time.time() < deadline and container.get_attribute("data-searched") != query:
        time.sleep(0.05)
    assert container.get_attribute("data-searched") == query, driver.find_element(By.ID, "search-status").text
    return driver.find_elements(By.CSS_SELECTOR, "#search-results li.search-result")


def links(results):
    return [r.find_element(By.TAG_NAME, "a").get_attribute("href") for r in results]


@pytest.mark.parametrize("query", ["继续教育", "jixujiaoyu", "jixu jiaoyu", "jxjy"])
def test_characters_pinyin_and_initials_find_the_same_thing(browser, base_url, query):
    results = search(browser, base_url, query)
    assert len(results) >= 5
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert "继续教育" in marks or ("继续" in marks and "教育" in marks)
    # Every result is one link to a page of the site, with its anchor.
    for result in results:
        assert len(result.find_elements(By.TAG_NAME, "a")) == 1
    assert any("#" in href for href in links(results))


# Each notice's distinctive terms: its phone numbers, fees, CE years, specialty in characters,
# pinyin and initials. The notice must be among the first three results.
DISTINCTIVE = [
    ("2024/gongcheng-zixun/", ["工程咨询", "gongchengzixun", "gczx", "猎豹浏览器", "明德路102号", "2020-2024年"]),
    ("2021/zizhiqu-5-xilie/", ["0991-3689900", "3689696", "正高级经济师", "人力资源管理", "renliziyuan", "rlzy", "2016-2020年"]),
    ("2024/meitan-aksu/", ["煤炭", "meitan", "700元", "0997-2532160", "三级乙等", "阿克苏"]),
    ("2023/guotu-cehui-dizhi/", ["测绘", "cehui", "779259695", "地质矿产", "dizhikuangchan", "dzkc", "jpg"]),
    ("2022/shuili/", ["水利", "shuili", "腾讯会议", "txhy", "500元", "2018-2022年"]),
]


@pytest.mark.parametrize("notice,queries", DISTINCTIVE)
def test_distinctive_terms_put_their_notice_in_the_top_three(browser, http_base, notice, queries):
    for query in queries:
        results = search(browser, http_base, query)
        top = links(results)[:3]
        assert any(notice in href for href in top), f"{query}: {top}"


def test_no_results_says_so_and_suggests_browsing(browser, base_url):
    # No part of it is in any notice (量子计算机 now finds the calculators by 计算机).
    results = search(browser, base_url, "量子纠缠")
    assert results == []
    assert "没有找到与“量子纠缠”相关的内容" in browser.find_element(By.ID, "search-status").text
    browse = browser.find_element(By.ID, "search-browse")
    assert browse.is_displayed()
    assert browse.find_element(By.PARTIAL_LINK_TEXT, "工程系列")


def forget_last_search(driver):
    """So that wait() waits for the search a filter change starts, not the one before it."""
    driver.execute_script("document.getElementById('search').removeAttribute('data-searched')")


def test_filters_by_year_and_series(browser, base_url):
    search(browser, base_url, "继续教育")
    forget_last_search(browser)
    Select(browser.find_element(By.ID, "search-year")).select_by_value("2022")
    results = wait(browser, "继续教育")
    assert results and all("/2022/shuili/" in href for href in links(results))
    assert "year=2022" in browser.current_url
    Select(browser.find_element(By.ID, "search-year")).select_by_value("")
    Select(browser.find_element(By.ID, "search-series")).select_by_value("gongcheng/meitan")
    # Two searches start; the first may finish before the second, so wait for what the second shows.
    deadline = time.time() + 10
    while time.time() < deadline and "series=gongcheng" not in browser.current_url:
        time.sleep(0.05)
    forget_last_search(browser)
    browser.find_element(By.ID, "search-form").submit()
    results = wait(browser, "继续教育")
    assert results and all("/2024/meitan-aksu/" in href for href in links(results))


def test_keyboard_moves_through_results(browser, base_url):
    search(browser, base_url, "评审费")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys(Keys.ARROW_DOWN)
    first = browser.switch_to.active_element
    assert "result-link" in first.get_attribute("class")
    first.send_keys(Keys.ARROW_DOWN)
    second = browser.switch_to.active_element
    assert second.get_attribute("href") != first.get_attribute("href")
    second.send_keys(Keys.ARROW_UP)
    second = browser.switch_to.active_element
    assert second.get_attribute("href") == first.get_attribute("href")
    second.send_keys(Keys.ESCAPE)
    assert browser.switch_to.active_element.get_attribute("id") == "search-q"


def test_the_search_box_on_every_page_leads_to_results(browser, base_url):
    open_page(browser, base_url, "2022/shuili/index.html")
    box = browser.find_element(By.ID, "header-q")
    box.send_keys("腾讯会议")
    box.submit()
    results = wait(browser, "腾讯会议")
    assert results
    link = results[0].find_element(By.TAG_NAME, "a")
    assert "/2022/shuili/" in link.get_attribute("href")
    link.click()
    assert "腾讯会议" in browser.find_element(By.TAG_NAME, "body").text


def test_the_first_query_loads_only_a_few_index_files(browser, http_base):
    requests = open_page(browser, http_base, "search/index.html?q=" + urllib.parse.quote("评审费"))
    wait(browser, "评审费")
    index_files = [url for url in requests if "/search/t/" in url]
    total_shards = len(browser.execute_script("return Object.keys(NBSearch._shards)"))
    meta_shards = browser.execute_script("return NBSearch.meta.shards")
    assert total_shards <= 6 < meta_shards or meta_shards <= 6
    assert len(index_files) <= 6


def test_without_javascript_the_search_page_offers_browsing(site_dir):
    driver = make_driver(javascript=False)
    try:
        driver.get(site_dir.as_uri() + "/search/index.html?q=x")
        text = driver.find_element(By.TAG_NAME, "body").text
        assert "搜索需要浏览器启用 JavaScript" in text
        assert driver.find_element(By.PARTIAL_LINK_TEXT, "全部通知").is_displayed()
    finally:
        driver.quit()


def test_a_notice_s_last_section_is_found(browser, base_url):
    # 主管单位名称 is only in the last section (附件3, the recommendation template) of two notices:
    # search once left every notice's last section out.
    results = search(browser, base_url, "主管单位名称")
    sections = [href for href in links(results) if "/index.html#" in href or "/#" in href]
    for notice in ["/2021/zizhiqu-5-xilie/", "/2024/gongcheng-zixun/"]:
        assert any(notice in href for href in sections), links(results)
    assert sections[0] == links(results)[0]
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results li.search-result mark")]
    assert "主管单位名称" in marks


def loaded_search_files(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.indexOf('/search/') >= 0)")


def test_the_first_query_loads_the_engine_the_entry_file_its_shards_and_its_results_fragments(browser, http_base):
    search(browser, http_base, "评审费")
    files = [url.split("/search/")[1] for url in loaded_search_files(browser)]
    shards = [f for f in files if f.startswith("t/")]
    fragments = [f for f in files if f.startswith("d/")]
    assert "engine.js" in files and "meta.js" in files
    # No notice table, no filter data, no suggestion vocabulary: what the page shows, and the
    # shards its terms hash to (评审 and 审费).
    assert set(files) == {"engine.js", "meta.js"} | set(shards) | set(fragments), files
    assert 1 <= len(shards) <= 2
    shown = browser.execute_script("return document.querySelectorAll('#search-results li.search-result').length")
    assert 1 <= len(fragments) <= shown
    sizes = browser.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/search/') >= 0).map(e => e.encodedBodySize)")
    # The budget is 85 KB at 10,000 notices (Tests/bench/search_bench.py, docs/search.md); the
    # sample's five notices pack their postings less tightly, in fewer, larger shards.
    assert sum(sizes) < 95 * 1024, sizes


def test_a_phrase_typed_without_spaces_and_its_pinyin_find_the_same_passage(browser, base_url):
    for query in ["继续教育学时", "jixujiaoyuxueshi"]:
        results = search(browser, base_url, query)
        assert len(results) >= 3, query
        marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        assert "继续教育学时" in marks or "继续教育" in marks, (query, marks)


def test_search_works_from_a_folder_in_a_browser_without_file_access_flags(site_dir):
    # A reader's browser: classic scripts by <script> tags, nothing fetched, nothing that needs
    # --allow-file-access-from-files; the packed shards and fragments are unpacked in the page.
    driver = make_driver(file_access=False)
    try:
        results = search(driver, site_dir.as_uri() + "/", "jxjy")
        assert results
        assert "继续教育" in "".join(m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark"))
        results = search(driver, site_dir.as_uri() + "/", "水力评审费")
        assert driver.find_element(By.ID, "search-suggest").find_element(By.PARTIAL_LINK_TEXT, "水利评审费")
    finally:
        driver.quit()
