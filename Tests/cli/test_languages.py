"""What language the office reads: Chinese by default (no locale, `C`, or a Chinese one), English
with `--lang en` anywhere on the command line or an English locale. The real binary as a process.

conftest.py sets LANG=en_US.UTF-8 for every suite; each test here gives its own environment."""
import os
import pathlib
import re
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
SEED = sorted((ROOT / "Tests" / "import" / "seeds").glob("*.txt"))
CJK = re.compile(r"[\u4e00-\u9fff]")
LOCATION = re.compile(r"^[^\s:]+:\d+:\d+: ")


def environment(lang):
    """The process's environment with only LANG deciding (None: no locale at all)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang is not None:
        env["LANG"] = lang
    return env


def run(*args, lang="C.UTF-8", cwd=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, env=environment(lang), cwd=cwd, timeout=300)


@pytest.fixture()
def site(tmp_path):
    """A copy of the sample content and the themes, run from its own folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def build(site, *extra, lang="C.UTF-8"):
    return run("build", "--content", str(site / "content"), "--output", str(site / "public"),
               "--themes", str(ROOT / "themes"), *extra, lang=lang)


@pytest.mark.parametrize("lang", ["C.UTF-8", None, "zh_CN.UTF-8"])
def test_chinese_is_the_default(site, lang):
    built = build(site, lang=lang)
    assert built.returncode == 0, built.stderr
    assert "已生成 70 个页面，来自 5 份通知" in built.stdout, built.stdout
    assert "Built" not in built.stdout

    new = run("new", "--from", "2024-meitan-aksu", "--year", "2025", "--content", str(site / "content"), lang=lang)
    assert new.returncode == 0, new.stderr
    assert new.stdout.startswith("已写入 ") and "下一步：" in new.stdout, new.stdout

    help_text = run("serve", "--help", lang=lang).stdout
    assert "生成网站并在 127.0.0.1 上预览" in help_text and "127.0.0.1 上的端口。" in help_text, help_text
    assert "OVERVIEW:" in help_text   # ArgumentParser's own words stay as they are

    handout = run("handout", "2024-meitan-aksu", "--content", str(site / "content"), "--themes", str(ROOT / "themes"),
                  "--output", str(site / "h.html"), lang=lang)
    assert handout.returncode == 0, handout.stderr
    assert handout.stdout.startswith("已写入 ") and "KB）" in handout.stdout, handout.stdout


@pytest.mark.skipif(not SEED, reason="no seed notices")
def test_import_speaks_chinese_by_default_and_english_when_asked(site):
    chinese = run("import", str(SEED[0]), "--id", "2024-yuyan-yi", "--content", str(site / "content"))
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.startswith("已读取《") and "待确认：共 " in chinese.stdout, chinese.stdout
    english = run("import", str(SEED[0]), "--id", "2024-yuyan-er", "--content", str(site / "content"), "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith("Read '") and "To confirm: " in english.stdout, english.stdout
    missing = run("import", str(site / "no-such.docx"), "--content", str(site / "content"))
    assert missing.returncode == 1
    assert missing.stderr.startswith("错误：无法打开文件") and "提示：" in missing.stderr, missing.stderr


@pytest.mark.parametrize("how", [("--lang", "en", "build"), ("build", "--lang", "en"), ("--lang=en", "build"), ("build", "--lang=en")])
def test_lang_en_anywhere_on_the_command_line(site, how):
    result = run(*how, "--content", str(site / "content"), "--output", str(site / "public"), "--themes", str(ROOT / "themes"))
    assert result.returncode == 0, result.stderr
    assert "Built 70 pages from 5 notices" in result.stdout, result.stdout
    assert not CJK.search(result.stdout.split("\n")[-2]), result.stdout


def test_an_english_locale_speaks_english_and_lang_zh_overrides_it(site):
    english = build(site, lang="en_US.UTF-8")
    assert "Built 70 pages from 5 notices" in english.stdout, english.stdout
    assert "USAGE:" in run("new", "--help", lang="en_US.UTF-8").stdout
    assert "Start a notice" in run("new", "--help", lang="en_US.UTF-8").stdout
    chinese = run("--lang", "zh", "build", "--content", str(site / "content"), "--output", str(site / "public"),
                  "--themes", str(ROOT / "themes"), lang="en_US.UTF-8")
    assert "已生成 70 个页面" in chinese.stdout, chinese.stdout


def test_the_help_says_how_to_choose_the_language():
    assert "--lang en" in run("--help").stdout
    assert "--lang en" in run("--help", lang="en_US.UTF-8").stdout


@pytest.mark.parametrize("how", [("--lang", "fr", "build"), ("build", "--lang=fr"), ("build", "--lang")])
def test_an_unknown_language_fails_clearly_in_both_languages(site, how):
    result = run(*how, "--content", str(site / "content"), "--output", str(site / "public"))
    assert result.returncode == 2
    assert "--lang" in result.stderr and "zh" in result.stderr and "en" in result.stderr
    assert "不支持的语言" in result.stderr and "unknown language" in result.stderr, result.stderr
    assert not (site / "public").exists()


def test_a_chinese_build_failure_keeps_the_clickable_location(site):
    notice = site / "content" / "notices" / "2024-meitan-aksu" / "notice.yml"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace('source: "#', 'source: "#不存在的', 1), encoding="utf-8")
    result = build(site)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    first = lines[0]
    assert LOCATION.match(first) and "错误：" in first and "不是" in first, result.stderr
    assert lines[-1].startswith("生成失败：有 1 个错误。"), result.stderr
    english = build(site, lang="en_US.UTF-8")
    assert LOCATION.match(english.stderr) and ": error: " in english.stderr.splitlines()[0], english.stderr
    assert english.stderr.splitlines()[-1].startswith("Build failed: 1 error."), english.stderr
