"""What `check`, `diff`, `build` and `handout` tell a clerk who made next year's notice with
`noticeboard new --from` and changed only one fee and one deadline in notice.yml: every date and
year of last year left in the words, the fee and the deadline the words still state the old way,
and — before the site or a handout goes out — how much is still open. The clerk reads Chinese:
the default locale (`C.UTF-8`) must give Chinese text."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
THEMES = str(ROOT / "themes")
CHINESE = dict(os.environ, LANG="C.UTF-8")
NEW = "notices/2025-meitan-aksu"


def run(*args, cwd=None, env=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture()
def clerk(tmp_path):
    """The sample content plus 2025-meitan-aksu from `new --from 2024-meitan-aksu`, with ONE fee
    (高级工程师 700 → 800) and ONE deadline (申报 8月30日 → 9月5日) changed in notice.yml only."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    made = run("new", "--from", "2024-meitan-aksu", "--year", "2025", "--id", "2025-meitan-aksu", "--content", "content", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    data = folder / NEW / "notice.yml"
    text = data.read_text(encoding="utf-8")
    assert "  - level: fugao\n    amount: 700\n" in text and "    end: 2025-08-30 18:00\n" in text
    data.write_text(text.replace("  - level: fugao\n    amount: 700\n", "  - level: fugao\n    amount: 800\n")
                        .replace("    end: 2025-08-30 18:00\n", "    end: 2025-09-05 18:00\n"), encoding="utf-8")
    return tmp_path


def warnings(output):
    """`path:line:column` → message, for the new notice's warnings."""
    found = {}
    for line in output.splitlines():
        match = re.match(rf"content/{NEW}/(notice\.(?:md|yml)):(\d+):(\d+): (?:警告|warning)[：:] ?(.*)", line)
        if match:
            found.setdefault(f"{match[1]}:{match[2]}:{match[3]}", []).append(match[4])
    return found


def test_check_reports_last_years_words_and_the_disagreements_in_chinese(clerk):
    result = run("check", "--content", "content", "--themes", THEMES, cwd=clerk, env=CHINESE)
    assert result.returncode == 0, result.stdout
    found = warnings(result.stdout)
    # Last year's dates left in notice.md, each at its own column: 2024年7月22日—2024年8月30日18:00.
    assert "“2024年7月22日”是上一年（2024年）的日期，从 2024-meitan-aksu 抄来后还没有改" in found["notice.md:19:1"]
    assert "“2024年8月30日”是上一年（2024年）的日期" in found["notice.md:19:12"][0]
    assert any("“2024年9月15日”是上一年（2024年）的日期" in m for m in found["notice.md:27:1"])
    # A span of years not moved on, in notice.md and in the continuing-education text of notice.yml.
    assert any("“2021-2024年”止于上一年（2024年）" in m for key, ms in found.items() if key.startswith("notice.md:") for m in ms)
    assert any("“2021-2024年”止于上一年（2024年）" in m for key, ms in found.items() if key.startswith("notice.yml:") for m in ms)
    # How to say a year is meant, in the hint.
    assert "在这一行末尾加上 <!-- 年份无误 -->" in result.stdout and "在这一行末尾加上注释 # 年份无误" in result.stdout
    # The fee: payment.text and notice.md still say 700, naming where fees says 800.
    fee = [(key, m) for key, ms in found.items() for m in ms if "评审费" in m]
    assert {key.split(":")[0] for key, _ in fee} == {"notice.md", "notice.yml"}
    assert all(m.startswith("这里写高级工程师评审费700元，而 fees 中是800元（content/notices/2025-meitan-aksu/notice.yml:") for _, m in fee)
    # The deadline: the event's note and its heading in notice.md still say 8月30日.
    deadline = [(key, m) for key, ms in found.items() for m in ms if "截止时间 2025-09-05 18:00 不一致" in m]
    assert {key.split(":")[0] for key, _ in deadline} == {"notice.md", "notice.yml"}
    assert any("“截止8月30日18:00”与时间安排中“申报时间”的截止时间" in m for _, m in deadline)
    # Continuing-education years: data moved on, words not. The stale-year warning names the
    # range; its disagreement with general_years at the same place is not said a second time.
    assert not any(any("止于上一年" in m for m in ms) and any("继续教育的说明写的是" in m for m in ms) for ms in found.values())
    # Chinese throughout, the summary included.
    assert "提示：" in result.stdout and "warning:" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("共检查 6 份通知、")


def test_no_new_warnings_for_the_samples_themselves(clerk):
    result = run("check", "--content", "content", "--themes", THEMES, cwd=clerk)
    others = [line for line in result.stdout.splitlines() if ": warning: " in line and NEW not in line]
    assert len(others) == 2 and all("2023年9月15日" in line for line in others)


def test_a_year_marked_as_meant_is_not_reported(clerk):
    markdown = clerk / "content" / NEW / "notice.md"
    text = markdown.read_text(encoding="utf-8")
    assert "\n2024年8月1日—9月10日。\n" in text
    markdown.write_text(text.replace("\n2024年8月1日—9月10日。\n", "\n2024年8月1日—9月10日。<!-- 年份无误 -->\n"), encoding="utf-8")
    data = clerk / "content" / NEW / "notice.yml"
    lines = data.read_text(encoding="utf-8").split("\n")
    ce = next(i for i, line in enumerate(lines) if line.startswith("    text: 申报人按规定每年须完成不少于90学时"))
    lines[ce] += "  # 年份无误"
    data.write_text("\n".join(lines), encoding="utf-8")
    result = run("check", "--content", "content", "--themes", THEMES, cwd=clerk)
    found = warnings(result.stdout)
    assert "notice.md:23:1" not in found
    assert not any(key.startswith(f"notice.yml:{ce + 1}:") for key in found)
    assert "notice.md:19:1" in found  # the lines not marked are still reported


def test_diff_names_the_old_values_still_written(clerk):
    result = run("diff", "2024-meitan-aksu", "2025-meitan-aksu", "--content", "content", cwd=clerk, env=CHINESE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "  [变化] 高级工程师：去年700元，今年800元" in out
    assert "仍写着旧值的地方（5 处）：" in out
    assert re.search(rf"content/{NEW}/notice\.yml:\d+:\d+: 警告：高级工程师的评审费已由700元改为800元，这里仍写着700元", out)
    assert re.search(rf"content/{NEW}/notice\.md:\d+:\d+: 警告：高级工程师的评审费已由700元改为800元，这里仍写着700元", out)
    assert "“申报时间”的截止时间去年是 2024-08-30 18:00，今年改为 2025-09-05 18:00，这里仍写着“截止8月30日18:00”" in out


def test_build_and_handout_say_what_is_still_open(clerk):
    built = run("build", "--content", "content", "--themes", THEMES, "--output", "public", cwd=clerk, env=CHINESE)
    assert built.returncode == 0, built.stderr
    line = next(line for line in built.stdout.splitlines() if line.startswith("注意："))
    assert re.fullmatch(r"注意：还有 7 项待确认、\d+ 条警告没有处理。发布前请运行 noticeboard check --content content 逐条查看。", line)
    handout = run("handout", "2025-meitan-aksu", "--content", "content", "--themes", THEMES, "--output", "h.html", cwd=clerk, env=CHINESE)
    assert handout.returncode == 0, handout.stderr
    assert re.search(r"注意：这份通知还有 7 项待确认、\d+ 条警告没有处理，讲义发出后就无法更正。发送前请运行 noticeboard check --content content 逐条查看。",
                     handout.stdout)
    # In English when asked for (the tests' default locale).
    english = run("handout", "2025-meitan-aksu", "--content", "content", "--themes", THEMES, "--output", "h.html", cwd=clerk)
    assert "Note: this notice still has 7 facts to confirm" in english.stdout
