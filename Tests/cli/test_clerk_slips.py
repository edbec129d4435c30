"""Slips a clerk makes on the command line, found by a tester playing one (issue 17): each is
refused, or said, in Chinese, and nothing of the office's is lost.

Runs with the default locale of an office machine (LANG=C.UTF-8: Chinese)."""
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
CHINESE = dict(os.environ, LANG="C.UTF-8")


def run(*args, cwd=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, env=CHINESE, cwd=cwd, timeout=300)


@pytest.fixture()
def site(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "网站")
    return tmp_path


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("output", ["网站", ".", "网站/发布"])
def test_build_never_replaces_the_content_folder(site, output):
    # `--output 网站` (the content folder), `--output .` run beside it, or a folder inside it.
    before = files(site / "网站")
    result = run("build", "--content", "网站", "--output", output, cwd=site)
    assert result.returncode == 1, result.stdout
    assert "不能把网站写到" in result.stderr and "换一个新的文件夹" in result.stderr, result.stderr
    assert files(site / "网站") == before


def test_build_refuses_a_folder_of_other_files_and_replaces_its_own_site(site):
    papers = site / "材料"
    papers.mkdir()
    (papers / "我的文件.txt").write_text("别删我", encoding="utf-8")
    refused = run("build", "--content", "网站", "--output", "材料", cwd=site)
    assert refused.returncode == 1 and "我的文件.txt" in refused.stderr, refused.stderr
    assert (papers / "我的文件.txt").read_text(encoding="utf-8") == "别删我"
    first = run("build", "--content", "网站", "--output", "网站-发布", cwd=site)
    assert first.returncode == 0, first.stderr
    again = run("build", "--content", "网站", "--output", "网站-发布", cwd=site)
    assert again.returncode == 0, again.stderr


def test_init_suggests_an_output_folder_of_its_own(tmp_path):
    result = run("init", "网站", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--output 网站-发布" in result.stdout
    assert "--output 网站\n" not in result.stdout


def test_command_line_slips_are_said_in_chinese(site):
    forgot_content = run("check", "网站", cwd=site)
    assert forgot_content.returncode == 64
    assert forgot_content.stderr.startswith("命令写得不对：多了“网站”。"), forgot_content.stderr
    assert "--content 网站" in forgot_content.stderr and "noticeboard check --help" in forgot_content.stderr
    assert "Unexpected argument" not in forgot_content.stderr
    unknown = run("build", "--contnet", "网站", cwd=site)
    assert unknown.stderr.startswith("命令写得不对：没有 --contnet 这个选项，是不是 --content？"), unknown.stderr
    # Help is printed as ArgumentParser prints it, with the commands' own Chinese texts.
    helped = run("build", "--help", cwd=site)
    assert helped.returncode == 0 and "网站写到哪里" in helped.stdout


def test_new_outside_the_site_folder_says_where_to_run_it(site):
    result = run("new", "--from", "2024-meitan-aksu", "--year", "2025", cwd=site)
    assert result.returncode == 1
    assert "不是网站的内容文件夹（其中没有 site.yml）" in result.stderr and "--content" in result.stderr, result.stderr
    made = run("new", "--from", "2024-meitan-aksu", "--year", "2025", "--content", "网站", cwd=site)
    assert made.returncode == 0, made.stderr
    assert "noticeboard check --content 网站" in made.stdout
    assert not (site / "网站" / "notices" / "2025-meitan-aksu" / "taxonomy-proposal.yml").exists()


def test_a_misspelt_handout_id_is_the_only_thing_said(site):
    result = run("handout", "2024-meitan-aksus", "--content", "网站", "--output", "讲义.html", cwd=site)
    assert result.returncode == 1
    assert "是不是“2024-meitan-aksu”" in result.stderr, result.stderr
    assert "警告" not in result.stderr, result.stderr
    assert not (site / "讲义.html").exists()


def test_a_missing_year_is_hinted_with_the_year_of_the_id(site):
    data = site / "网站" / "notices" / "2022-shuili" / "notice.yml"
    data.write_text("".join(line for line in data.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("year:")), encoding="utf-8")
    result = run("check", "--content", "网站", cwd=site)
    assert result.returncode == 1
    assert "`year: 2022`" in result.stdout + result.stderr, result.stdout
    assert "1949" not in result.stdout + result.stderr
