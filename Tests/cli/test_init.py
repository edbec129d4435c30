"""`noticeboard init` and `--version` run as an office runs them: the built binary, from a folder
that has no themes/ (the default theme is inside the binary)."""
import os
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
CHINESE = dict(os.environ, LANG="C.UTF-8")


def run(*args, cwd, env=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_init_makes_a_site_that_builds_and_checks_clean_from_any_folder(tmp_path):
    made = run("init", "新网站", cwd=tmp_path, env=CHINESE)
    assert made.returncode == 0, made.stderr
    assert "已在 新网站 建好新网站" in made.stdout and "noticeboard import 通知.docx --content 新网站" in made.stdout
    site = tmp_path / "新网站"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == \
        ["calendar.yml", "notices/说明.txt", "site.yml", "taxonomy.yml"]
    built = run("build", "--content", "新网站", "--output", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "index.html").is_file() and (tmp_path / "out" / "assets" / "site.css").is_file()
    checked = run("check", "--content", "新网站", cwd=tmp_path)
    assert checked.returncode == 0 and "0 errors, 0 warnings" in checked.stdout, checked.stdout + checked.stderr


def test_init_in_the_current_folder_and_never_over_an_office_file(tmp_path):
    assert run("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "site.yml").is_file()
    (tmp_path / "taxonomy.yml").write_text("series: []  # ours\n", encoding="utf-8")
    (tmp_path / "site.yml").unlink()
    again = run("init", cwd=tmp_path, env=CHINESE)
    assert again.returncode == 1
    assert "已经存在" in again.stderr and "什么也没有写" in again.stderr, again.stderr
    assert not (tmp_path / "site.yml").exists(), "nothing is written when one file is refused"
    assert (tmp_path / "taxonomy.yml").read_text(encoding="utf-8") == "series: []  # ours\n"


def test_version_names_the_version_and_says_a_development_build_has_no_commit(tmp_path):
    said = run("--version", cwd=tmp_path, env=CHINESE)
    assert said.returncode == 0
    assert re.fullmatch(r"noticeboard \d+\.\d+\.\d+ \(commit (未记录（开发构建）|[0-9a-f]{7}(-modified)?, \d{4}-\d{2}-\d{2})\)\n", said.stdout), said.stdout
