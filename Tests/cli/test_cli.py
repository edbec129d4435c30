"""The workflow commands run as the office runs them: the real built binary as a process, on a
copy of the sample content. Also parses every built deadlines.ics back with `icalendar`."""
import datetime
import json
import os
import pathlib
import shutil
import subprocess

import icalendar
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def run(*args, cwd=None):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture()
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "public"
    result = run("build", "--content", str(ROOT / "content"), "--output", str(out), "--themes", str(ROOT / "themes"))
    assert result.returncode == 0, result.stderr
    return out


def test_check_on_the_sample_notices_exits_0_and_reports_the_misprinted_date(content):
    result = run("check", "--content", str(content), "--themes", str(ROOT / "themes"))
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{content}/notices/2024-meitan-aksu/notice.yml:157:16: warning: 'text' mentions 2023年9月15日")
    assert lines[-1].startswith("Checked 5 notices and ")
    assert lines[-1].endswith("links on 70 pages: 0 errors, 2 warnings.")
    assert not any(path.name.startswith(".") or path.name == "public" for path in content.parent.iterdir() if path != content)


def test_content_saved_with_windows_line_ends_builds_the_same_site(content, built, tmp_path):
    # Offices edit on Windows: Notepad and Word save CR LF. Every file turned to CRLF gives the
    # same site, byte for byte, and the same diagnostics at the same lines and columns.
    for path in sorted(content.rglob("*")):
        if path.suffix in (".yml", ".md"):
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    out = tmp_path / "public"
    result = run("build", "--content", str(content), "--output", str(out), "--themes", str(ROOT / "themes"))
    assert result.returncode == 0, result.stderr
    ours = sorted(p.relative_to(out) for p in out.rglob("*"))
    assert ours == sorted(p.relative_to(built) for p in built.rglob("*"))
    differing = [p for p in ours if (out / p).is_file() and (out / p).read_bytes() != (built / p).read_bytes()]
    assert not differing
    lf = run("check", "--content", str(ROOT / "content"), "--themes", str(ROOT / "themes")).stdout
    crlf = run("check", "--content", str(content), "--themes", str(ROOT / "themes")).stdout
    assert crlf.replace(f"{content}/", "content/") == lf.replace(f"{ROOT / 'content'}/", "content/")


def test_check_and_new_from_read_windows_line_ends_as_they_read_lf(tmp_path):
    # The same edits saved with LF and with CR LF: check's broken link and TODO are at the same
    # lines and columns, and `new --from` writes the same notice, keeping the file's line ends.
    copies = {}
    for ending in ("lf", "crlf"):
        folder = tmp_path / ending / "content"
        shutil.copytree(ROOT / "content", folder)
        md = folder / "notices/2022-shuili/notice.md"
        md.write_text(md.read_text(encoding="utf-8") + "\n见[附件九](#附件九)。TODO 核对\n", encoding="utf-8")
        if ending == "crlf":
            for path in folder.rglob("*"):
                if path.suffix in (".yml", ".md"):
                    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        copies[ending] = folder
    checked = {ending: run("check", "--content", str(folder), "--themes", str(ROOT / "themes")).stdout.replace(f"{folder}/", "content/")
               for ending, folder in copies.items()}
    assert "notice.md:" in checked["lf"] and "broken anchor '#附件九'" in checked["lf"] and "TODO left in" in checked["lf"]
    assert checked["crlf"] == checked["lf"]
    for folder in copies.values():
        result = run("new", "--from", "2022-shuili", "--year", "2023", "--content", str(folder))
        assert result.returncode == 0, result.stderr
    made = {ending: (folder / "notices/2023-shuili/notice.yml").read_bytes() for ending, folder in copies.items()}
    assert made["crlf"].count(b"\n") == made["crlf"].count(b"\r\n")
    assert made["crlf"].replace(b"\r\n", b"\n") == made["lf"]
    assert b"to_confirm:" in made["lf"] and b"year: 2023" in made["lf"]


def test_check_json_and_exit_status_1_on_errors(content):
    (content / "notices/2022-shuili/notice.md").write_text(
        (content / "notices/2022-shuili/notice.md").read_text(encoding="utf-8") + "\n[见附件](#附件九)\n", encoding="utf-8")
    result = run("check", "--content", "content", "--themes", str(ROOT / "themes"), "--format", "json", cwd=content.parent)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 1 and report["siteChecked"] is True
    error = next(d for d in report["diagnostics"] if d["severity"] == "error")
    assert error["file"] == "content/notices/2022-shuili/notice.md"
    assert error["message"].startswith("broken anchor '#附件九'")


def test_new_from_copies_with_years_shifted_and_never_overwrites(content):
    result = run("new", "--from", "2022-shuili", "--year", "2023", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert f"{content}/notices/2023-shuili/notice.yml" in result.stdout
    assert "timeline.apply.start: 2022-08-05 10:00 → 2023-08-05 10:00" in result.stdout
    data = (content / "notices/2023-shuili/notice.yml").read_text(encoding="utf-8")
    assert "id: 2023-shuili\nyear: 2023\n" in data and "general_years: [2019, 2023]" in data
    again = run("new", "--from", "2022-shuili", "--year", "2023", "--content", str(content))
    assert again.returncode == 1
    assert "already exists; nothing was written" in again.stderr
    assert (content / "notices/2023-shuili/notice.yml").read_text(encoding="utf-8") == data
    # Its page says which dates wait for confirmation and what changed since 2022 (nothing but the dates).
    out = content.parent / "site"
    assert run("build", "--content", str(content), "--output", str(out), "--themes", str(ROOT / "themes")).returncode == 0
    page = (out / "2023/shuili/index.html").read_text(encoding="utf-8")
    assert "待确认：以下日期沿用上一年度推算，尚未核实" in page and page.count(">待确认</strong>") >= 4
    assert "与上一年度相比" in page and "与上一年度相同（日期顺延一年）" in page
    assert "与上一年度相比" not in (out / "2022/shuili/index.html").read_text(encoding="utf-8")


def test_new_without_from_writes_a_skeleton_that_builds(content):
    result = run("new", "--id", "2026-shuili", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    check = run("check", "--content", str(content), "--themes", str(ROOT / "themes"))
    own = [line for line in check.stdout.splitlines() if "2026-shuili" in line]
    assert own and all(": warning: " in line for line in own)
    assert any("TODO left in" in line for line in own) and any("to confirm" in line for line in own)
    assert check.returncode == 0


def test_diff_prints_the_changes(content):
    assert run("new", "--from", "2022-shuili", "--year", "2023", "--content", str(content)).returncode == 0
    data = content / "notices/2023-shuili/notice.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("    amount: 350", "    amount: 400"), encoding="utf-8")
    result = run("diff", "2022-shuili", "2023-shuili", "--content", str(content))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == ["2022-shuili → 2023-shuili：1 处变化", "", "评审费", "  [变化] 工程师：去年350元，今年400元"]
    # The old amount is still written in payment.text and notice.md: each place is named.
    assert lines[4:6] == ["", "Old values still written (2):"]
    # Each as `check` prints it: the line, the source line with a caret under the amount, the hint.
    places = [line for line in lines[6:] if ": warning: " in line]
    assert places[0].startswith(f"{content}/notices/2023-shuili/notice.md:") and places[0].endswith(
        ": warning: the fee for 工程师 changed from 350 to 400 yuan, but this still says 350")
    assert places[1].startswith(f"{content}/notices/2023-shuili/notice.yml:") and len(places) == 2
    assert lines[8].strip().startswith("|") and lines[8].rstrip().endswith("^")
    missing = run("diff", "2022-shuili", "2023-shuli", "--content", str(content))
    assert missing.returncode == 1 and "did you mean '2023-shuili'?" in missing.stderr


@pytest.mark.parametrize("notice", ["2021/zizhiqu-5-xilie", "2022/shuili", "2023/guotu-cehui-dizhi", "2024/gongcheng-zixun", "2024/meitan-aksu"])
def test_every_notice_offers_a_calendar_that_icalendar_reads_back(built, notice):
    page = (built / notice / "index.html").read_text(encoding="utf-8")
    assert f'href="deadlines.ics" type="text/calendar" download="{notice.replace("/", "-")}-deadlines.ics">加入手机日历</a>' in page
    data = (built / notice / "deadlines.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    events = [component for component in calendar.walk("VEVENT")]
    assert events, notice
    for event in events:
        assert str(event["UID"]).endswith("@noticeboard")
        start = event.decoded("DTSTART")
        if isinstance(start, datetime.datetime):
            assert start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0)
        alarms = [alarm for alarm in event.walk("VALARM")]
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -datetime.timedelta(days=1)
    # The same content gives the same bytes: no timestamp from the clock.
    assert b"DTSTAMP" in data


def test_calendar_times_are_beijing_time(built):
    calendar = icalendar.Calendar.from_ical((built / "2022/shuili/deadlines.ics").read_bytes())
    by_summary = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    deadline = by_summary["截止：网上申报"].decoded("DTSTART").astimezone(BEIJING)
    assert (deadline.year, deadline.month, deadline.day, deadline.hour, deadline.minute) == (2022, 8, 31, 20, 0)
    opening = by_summary["开始：网上申报"].decoded("DTSTART").astimezone(BEIJING)
    assert (opening.month, opening.day, opening.hour) == (8, 5, 10)
    paper = by_summary["截止：评审表报水利厅"]
    assert paper.decoded("DTSTART") == datetime.date(2022, 9, 30) and paper.decoded("DTEND") == datetime.date(2022, 10, 1)
    assert "2022年8月5日 10:00 至 2022年8月31日 20:00" in str(by_summary["截止：网上申报"]["DESCRIPTION"])


def test_a_window_closed_at_build_time_says_so_without_javascript_and_an_open_one_says_nothing(tmp_path):
    # The only output that depends on the build's moment; SOURCE_DATE_EPOCH pins it.
    import re
    def status(moment):
        out = tmp_path / moment.replace(":", "")
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(datetime.datetime.fromisoformat(moment).timestamp())))
        result = subprocess.run([str(BINARY), "build", "--content", str(ROOT / "content"), "--output", str(out),
                                 "--themes", str(ROOT / "themes")], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        html = (out / "2024" / "meitan-aksu" / "index.html").read_text(encoding="utf-8")
        return re.search(r'<p class="window-status[^"]*"[^>]*>([^<]*)</p>', html).group(0)
    during = status("2024-08-30T17:59:00+08:00")
    assert " hidden>" in during and during.endswith("></p>")
    after = status("2024-08-30T18:01:00+08:00")
    assert "status-closed" in after and " hidden" not in after and after.endswith(">已截止</p>")
