"""Search as applicants type: phrases without spaces in characters, pinyin or both, zero results
only when nothing matches (with suggestions), passages as the reader sees them, results that fit a
phone screen, and the index files a phrase loads."""
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import make_driver, open_page
from phrase_hits import CASES, TOP, run_queries, table
from test_search import links, search, wait


def test_every_phrase_query_puts_its_notice_in_the_top_three(browser, base_url):
    rows = run_queries(browser, base_url)
    print("\n" + table(rows))
    misses = [(case["query"], rank, top) for case, rank, top in rows if rank is None or rank > TOP]
    assert not misses, misses
    assert len(rows) == len(CASES) >= 30


@pytest.mark.parametrize("query,notice", [
    ("水利高级工程师", "/2022/shuili/"), ("水利评审费", "/2022/shuili/"), ("煤炭工程师", "/2024/meitan-aksu/"),
    ("水利工程", "/2022/shuili/"), ("shuiligaoji", "/2022/shuili/"), ("meitanpingshenfei", "/2024/meitan-aksu/"),
    ("水利gaoji", "/2022/shuili/"),
])
def test_the_issues_phrases_find_their_notice_first(browser, base_url, query, notice):
    results = search(browser, base_url, query)
    assert results, browser.find_element(By.ID, "search-status").text
    assert notice in links(results)[0]


def test_a_phrase_ranks_documents_holding_all_its_words_first_and_says_how_many(browser, base_url):
    results = search(browser, base_url, "水利高级工程师")
    status = browser.find_element(By.ID, "search-status").text
    assert "条包含全部词语" in status
    # The words side by side are one highlight.
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert "高级工程师" in marks and "水利" in marks


def test_no_part_found_suggests_the_closest_terms_and_a_suggestion_runs_its_search(browser, base_url):
    results = search(browser, base_url, "shuilli")
    assert results == []
    assert "没有找到与“shuilli”相关的内容" in browser.find_element(By.ID, "search-status").text
    offers = browser.find_elements(By.CSS_SELECTOR, "#search-suggest a")
    assert offers and offers[0].text == "水利"
    browser.execute_script("document.getElementById('search').removeAttribute('data-searched')")
    offers[0].click()
    results = wait(browser, "水利")
    assert results and "/2022/shuili/" in links(results)[0]
    assert "q=%E6%B0%B4%E5%88%A9" in browser.current_url
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-suggest a")


def test_a_word_found_nowhere_is_named_and_replaced_by_a_suggestion(browser, base_url):
    results = search(browser, base_url, "水力评审费")
    assert results, "评审费 alone still finds its passages"
    status = browser.find_element(By.ID, "search-status").text
    assert "未找到“水力”" in status
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-suggest a")][0] == "水利评审费"


TEMPLATE_KEYS = ["name", "gender", "ethnicity", "political", "id_number", "series", "specialty", "level", "unit",
                 "supervising_unit", "start_date", "end_date", "days", "office", "phone", "date", "reason"]


def test_template_passages_show_blanks_and_the_notices_values_never_placeholder_keys(browser, base_url):
    results = search(browser, base_url, "同志申报")
    templates = [r for r in results if "/templates/" in r.find_element(By.TAG_NAME, "a").get_attribute("href")]
    assert templates
    for result in templates:
        passage = result.find_element(By.CLASS_NAME, "result-snippet").get_attribute("textContent")
        assert "＿＿" in passage, passage
        words = set("".join(ch if ch.isascii() and (ch.isalpha() or ch == "_") else " " for ch in passage).split())
        assert not words & set(TEMPLATE_KEYS), passage
    # The notice fixes the series and specialty: they are written in (工程咨询's templates).
    zixun = [r for r in templates if "/2024/gongcheng-zixun/" in r.find_element(By.TAG_NAME, "a").get_attribute("href")]
    assert any("工程系列工程咨询专业" in r.text for r in zixun)
    # And a key is no word the index knows.
    assert search(browser, base_url, "seriesspecialty") == []


def test_a_results_heading_does_not_repeat_its_kind(browser, base_url):
    results = search(browser, base_url, "继续教育计算器")
    assert results
    for result in results:
        text = result.get_attribute("textContent")
        assert "计算器计算器" not in text
        heading = result.find_element(By.CLASS_NAME, "result-link").text
        assert not heading.startswith("材料：") and not heading.startswith("模板：")
    calculators = [r for r in results if "#calculator" in r.find_element(By.TAG_NAME, "a").get_attribute("href")]
    assert calculators and not calculators[0].find_elements(By.CLASS_NAME, "result-kind")


@pytest.mark.parametrize("query", ["水利高级工程师", "同志申报", "继续教育计算器", "shuiligaoji"])
def test_each_result_fits_a_third_of_a_phone_screen(site_dir, query):
    driver = make_driver(width=360, height=640)
    try:
        results = search(driver, site_dir.as_uri() + "/", query)
        assert results
        viewport = driver.execute_script("return window.innerHeight")
        heights = [r.size["height"] for r in results]
        assert max(heights) <= viewport / 3, heights
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        driver.quit()


def shards_loaded(driver, base, query):
    requests = open_page(driver, base, "search/index.html?q=" + urllib.parse.quote(query))
    wait(driver, query)
    return len({url for url in requests if "/search/t/" in url})


def test_a_phrase_loads_about_one_index_file_per_character(browser, http_base):
    word = shards_loaded(browser, http_base, "水利")
    phrase = shards_loaded(browser, http_base, "水利高级工程师评审费")
    pinyin = shards_loaded(browser, http_base, "shuiligaojigongchengshi")
    shards = browser.execute_script("return NBSearch.meta.shards")
    print(f"\nindex files loaded: 水利 {word}, 水利高级工程师评审费 {phrase}, shuiligaojigongchengshi {pinyin} (of {shards})")
    assert word <= 2
    assert phrase <= 9          # its nine bigrams at most
    assert pinyin <= shards / 2
