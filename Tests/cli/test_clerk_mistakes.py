"""What an office clerk sees for the three classic mistakes in notice.yml (issue 17): a misspelt
key, a date that does not exist, a line indented one space too far. Each is made in its own
notice, so one run must report all three, in Chinese by default, each with the line it is about,
a caret under the column, and a hint; and in English with an English locale.

The outputs are printed on failure and written to $CLERK_MISTAKES_OUTPUT (a folder) when set,
for the issue's closing note."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
CHINESE = dict(os.environ, LANG="C.UTF-8")
ENGLISH = dict(os.environ, LANG="en_US.UTF-8")


def replace_line(path, old, new):
    """Replaces the first line that is exactly `old`; returns its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = lines.index(old)
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.fixture()
def mistakes(tmp_path):
    """content/ with the three mistakes; the line of each."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    notices = tmp_path / "content" / "notices"
    lines = {
        "key": replace_line(notices / "2022-shuili" / "notice.yml", "fees:", "feees:"),
        "date": replace_line(notices / "2024-gongcheng-zixun" / "notice.yml", "    start: 2024-08-30 10:00", "    start: 2024-02-30 10:00"),
        "indent": replace_line(notices / "2024-meitan-aksu" / "notice.yml", "  - id: zhongji", "   - id: zhongji"),
    }
    return tmp_path, lines


def run(folder, env, *args):
    result = subprocess.run([str(BINARY), *args, "--content", "content", "--themes", str(ROOT / "themes")],
                            capture_output=True, text=True, cwd=folder, env=env)
    output = result.stdout + result.stderr
    if target := os.environ.get("CLERK_MISTAKES_OUTPUT"):
        pathlib.Path(target).mkdir(parents=True, exist_ok=True)
        language = "zh" if env is CHINESE else "en"
        (pathlib.Path(target) / f"{args[0]}-{language}.txt").write_text(output, encoding="utf-8")
    return result.returncode, output


def expect(output, *lines):
    """Each expected line appears, in this order, as consecutive lines of the output."""
    text = output.splitlines()
    for start, line in enumerate(text):
        if line == lines[0]:
            assert text[start:start + len(lines)] == list(lines), f"expected after line {start + 1}:\n" + "\n".join(lines) + "\n\nfull output:\n" + output
            return
    pytest.fail("expected:\n" + "\n".join(lines) + "\n\nfull output:\n" + output)


def test_build_shows_each_mistake_in_chinese_with_its_line_caret_and_hint(mistakes):
    folder, lines = mistakes
    status, output = run(folder, CHINESE, "build", "--output", "public")
    assert status == 1, output
    key, date, indent = lines["key"], lines["date"], lines["indent"]
    expect(output,
           f"content/notices/2022-shuili/notice.yml:{key}:1: 错误：未知的字段 feees，是不是 fees？（在 notice.yml 里）",
           f"  {key} | feees:",
           f"  {' ' * len(str(key))} | ^",
           "  提示：字段名要与说明里的写法完全一致：把 feees 改成 fees")
    expect(output,
           f"content/notices/2024-gongcheng-zixun/notice.yml:{date}:12: 错误：日期不存在：2024年2月30日（start）",
           f"  {date} |     start: 2024-02-30 10:00",
           f"  {' ' * len(str(date))} |            ^",
           "  提示：2024年2月只有29天，请对照通知核对日和月")
    expect(output,
           f"content/notices/2024-meitan-aksu/notice.yml:{indent}:4: 错误：缩进不对：第{indent}行的 `-` 应与第{indent - 3}行的 `-` 对齐（第3列）",
           f"  {indent} |    - id: zhongji",
           f"  {' ' * len(str(indent))} |    ^",
           "  提示：同一个列表的各项都以 `-` 开头，上下对齐；缩进只用空格，多一个或少一个都不行")
    # One mistake, one message: no "missing", no to_confirm or fee follow-ons, no "ends before it starts".
    assert len(re.findall(r"^content/.*: 错误：", output, re.M)) == 3, output
    assert not (folder / "public").exists(), output


def test_check_reports_the_same_three_in_chinese(mistakes):
    folder, lines = mistakes
    status, output = run(folder, CHINESE, "check")
    assert status == 1, output
    for message, hint in [
        (f"content/notices/2022-shuili/notice.yml:{lines['key']}:1: 错误：未知的字段 feees，是不是 fees？", "  提示：字段名要与说明里的写法完全一致：把 feees 改成 fees"),
        (f"content/notices/2024-gongcheng-zixun/notice.yml:{lines['date']}:12: 错误：日期不存在：2024年2月30日（start）", "  提示：2024年2月只有29天，请对照通知核对日和月"),
        (f"content/notices/2024-meitan-aksu/notice.yml:{lines['indent']}:4: 错误：缩进不对：", "  提示：同一个列表的各项都以 `-` 开头，上下对齐；缩进只用空格，多一个或少一个都不行"),
    ]:
        assert message in output and hint in output, f"expected {message!r} and {hint!r}\n\nfull output:\n{output}"
    assert len(re.findall(r"^content/.*: 错误：", output, re.M)) == 3, output


def test_an_english_locale_gets_the_same_three_in_english(mistakes):
    folder, lines = mistakes
    status, output = run(folder, ENGLISH, "build", "--output", "public")
    assert status == 1, output
    key, date, indent = lines["key"], lines["date"], lines["indent"]
    expect(output,
           f"content/notices/2022-shuili/notice.yml:{key}:1: error: unknown key 'feees' in notice.yml: did you mean 'fees'?",
           f"  {key} | feees:",
           f"  {' ' * len(str(key))} | ^",
           "  hint: rename 'feees' to 'fees' if that is what you meant")
    expect(output,
           f"content/notices/2024-gongcheng-zixun/notice.yml:{date}:12: error: 'start' is an impossible date: month 2 of 2024 has no day 30",
           f"  {date} |     start: 2024-02-30 10:00",
           f"  {' ' * len(str(date))} |            ^",
           "  hint: month 2 of 2024 has 29 days; check the day and month against the notice")
    expect(output,
           f"content/notices/2024-meitan-aksu/notice.yml:{indent}:4: error: indentation: the '-' on line {indent} must line up with the '-' on line {indent - 3} (column 3)",
           f"  {indent} |    - id: zhongji",
           f"  {' ' * len(str(indent))} |    ^")
    assert len(re.findall(r"^content/.*: error: ", output, re.M)) == 3, output
