"""`noticeboard import` run as the office runs it: the real built binary as a process, on each seed
notice (Tests/import/seeds, copies of the five real notices, or $NOTICEBOARD_SEEDS) as its .txt, as a GB18030 .txt and as a .docx made by
Tests/import/make_docx.py (Word numbering, real tables, converter leftovers), each into a fresh content
folder; then hostile files through the same command, and the measurement gate of
Tests/import/measure_import.py. The tests of make_docx.py itself need no binary."""
import hashlib
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import zipfile

import docx
import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))
sys.path.insert(0, str(ROOT / "Tests" / "import"))
import make_docx  # noqa: E402
import measure_import  # noqa: E402

SEEDS = measure_import.all_seeds()
if not SEEDS:
    pytest.skip(f"no seed notices in {measure_import.SEEDS} (set NOTICEBOARD_SEEDS)", allow_module_level=True)
SEED_IDS = [seed.name.split("_")[0] for seed in SEEDS]
FORMATS = ("txt", "docx")
HOSTILE_ID = "2024-hostile"
CJK = re.compile(r"[\u4e00-\u9fff]")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run(*args, cwd=None, timeout=300):
    """The binary as an office runs it: with no English locale, so it speaks Chinese (conftest.py
    sets LANG=en_US for the other suites); the messages below are checked in Chinese."""
    env = dict(os.environ, LANG="C.UTF-8")
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, cwd=cwd, timeout=timeout, env=env)


def snapshot(folder, leave_out=None):
    """Every file and folder under `folder` (but `leave_out`), with each file's size and digest."""
    found = {}
    for path in sorted(pathlib.Path(folder).rglob("*")):
        if leave_out is not None and (path == leave_out or leave_out in path.parents):
            continue
        relative = str(path.relative_to(folder))
        if path.is_dir():
            found[relative + "/"] = None
        else:
            digest = hashlib.sha256()
            with open(path, "rb") as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(block)
            found[relative] = (path.stat().st_size, digest.hexdigest())
    return found


@pytest.fixture()
def place(tmp_path):
    """tmp_path/site/content (the site's own files, no notices), tmp_path/input for the files to
    import, and tmp_path/cwd, an empty working directory for the command."""
    content = measure_import.fresh_content(tmp_path / "site")
    (tmp_path / "input").mkdir()
    (tmp_path / "cwd").mkdir()
    return content


def import_file(path, notice_id, content, timeout=300):
    return run("import", str(path), "--id", notice_id, "--content", str(content),
               cwd=content.parent.parent / "cwd", timeout=timeout)


def said(result):
    return result.stdout + result.stderr


def page_of(out, notice_id):
    year, slug = notice_id.split("-", 1)
    return out / year / slug / "index.html"


# ---------------------------------------------------------------------------------------------
# make_docx.py: valid files whose Word numbering shows the seed's numbers (no binary needed)


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_make_docx_shows_every_seed_line_with_the_numbers_the_seed_printed(seed, tmp_path):
    out = tmp_path / "notice.docx"
    report = make_docx.make_docx(seed, out, numbering=True, tables=True)
    document = docx.Document(str(out))  # python-docx reopens it
    assert document.paragraphs and report["numbered"] > 0 and report["bookmarks"] >= 1
    lines = [make_docx.BOOKMARK_TEXT.sub("", line).strip(" \u3000\t") for line in seed.read_text(encoding="utf-8").split("\n")
             if line.strip() and not make_docx.TABLE_LINE.match(line)]
    squeeze = lambda text: re.sub(r"\s", "", text)  # noqa: E731
    for per_num in (False, True):  # as Word counts, and as a reader counting each w:num apart would
        shown = [label + text for label, text in make_docx.displayed_paragraphs(out, per_num=per_num) if label or text]
        assert [squeeze(s) for s in shown] == [squeeze(line) for line in lines]
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        numbering = archive.read("word/numbering.xml").decode("utf-8")
        document_xml = archive.read("word/document.xml").decode("utf-8")
        footers = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("word/footer")]
    for text in ('w:numFmt w:val="chineseCounting"', 'w:lvlText w:val="%1、"', 'w:lvlText w:val="（%2）"', 'w:lvlText w:val="(%4)"'):
        assert text in numbering
    assert re.search(r'w:lvlText w:val="%3[.．]"', numbering)
    assert "<w:numPr>" in document_xml and 'w:name="_GoBack"' in document_xml and "[bookmark:" not in document_xml
    assert any("PAGE" in footer and 'w:fldCharType="begin"' in footer for footer in footers)
    # Typed numbers are gone from numbered paragraphs: "一、时间安排" shows as label "一、" + "时间安排".
    assert not any(label and make_docx.typed_heading(text) for label, text in make_docx.displayed_paragraphs(out))


def test_make_docx_restarts_and_jumps_with_start_overrides(tmp_path):
    seed = next(s for s in SEEDS if s.name.startswith("002"))
    out = tmp_path / "notice.docx"
    make_docx.make_docx(seed, out)
    shown = [label for label, _ in make_docx.displayed_paragraphs(out) if label]
    assert shown[shown.index("21."):shown.index("21.") + 3] == ["21.", "（二）", "22."]
    assert "w:startOverride" in zipfile.ZipFile(out).read("word/numbering.xml").decode("utf-8")


def test_make_docx_turns_the_form_into_a_table_with_merged_cells(tmp_path):
    seed = next(s for s in SEEDS if s.name.startswith("002"))
    out = tmp_path / "notice.docx"
    assert make_docx.make_docx(seed, out, numbering=False, tables=True)["tables"] == 1
    table = docx.Document(str(out)).tables[0]
    assert len(table.rows) == 7 and len(table.columns) == 6  # the converter's empty header row is gone
    rows = [[tc.grid_span for tc in row._tr.tc_lst] for row in table.rows]
    assert rows[0] == [1] * 6 and rows[2] == [1, 5] and rows[3] == [1, 1, 1, 3] and rows[6] == [1, 5]
    assert table.rows[2].cells[0].text == "何时何学校\n何专业毕业"
    plain = tmp_path / "plain.docx"
    assert make_docx.make_docx(seed, plain, numbering=False, tables=False)["tables"] == 0
    assert not docx.Document(str(plain)).tables


def test_make_docx_without_numbering_keeps_the_typed_numbers(tmp_path):
    seed = SEEDS[0]
    out = tmp_path / "notice.docx"
    assert make_docx.make_docx(seed, out, numbering=False, tables=False)["numbered"] == 0
    assert not any(label for label, _ in make_docx.displayed_paragraphs(out))


def test_gb18030_copy_decodes_to_the_seed(tmp_path):
    for seed in SEEDS:
        out = tmp_path / (seed.stem + ".gb18030.txt")
        make_docx.write_gb18030(seed, out)
        data = out.read_bytes()
        assert data.decode("gb18030") == seed.read_text(encoding="utf-8")
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


# ---------------------------------------------------------------------------------------------
# The samples through the command


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_each_sample_imports_and_its_draft_builds_as_awaiting_confirmation(seed, fmt, place, tmp_path):
    notice_id, _, _ = measure_import.hand_made_for(seed)
    path = measure_import.input_file(seed, fmt, tmp_path / "input")
    before = snapshot(tmp_path)
    result = import_file(path, notice_id, place)
    assert result.returncode == 0, said(result)
    draft = place / "notices" / notice_id
    assert (draft / "notice.yml").is_file() and (draft / "notice.md").is_file()
    data = yaml.safe_load((draft / "notice.yml").read_text(encoding="utf-8"))
    assert data["id"] == notice_id and data.get("to_confirm"), "every value it found is listed under to_confirm"
    assert snapshot(tmp_path, leave_out=draft) == before, "nothing written outside content/notices/<id>/"
    out = tmp_path / "public"
    build = run("build", "--content", str(place), "--output", str(out), "--themes", str(ROOT / "themes"))
    assert build.returncode == 0, build.stderr
    page = page_of(out, notice_id).read_text(encoding="utf-8")
    assert "待确认" in page


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_check_lists_the_imported_facts_to_confirm_with_their_positions(seed, place, tmp_path):
    notice_id, _, _ = measure_import.hand_made_for(seed)
    path = measure_import.input_file(seed, "txt", tmp_path / "input")
    assert import_file(path, notice_id, place).returncode == 0
    data_file = place / "notices" / notice_id / "notice.yml"
    check = run("check", "--content", str(place), "--themes", str(ROOT / "themes"))
    position = re.compile(rf"^{re.escape(str(data_file))}:(\d+):(\d+): ")
    listed = [line for line in check.stdout.splitlines() if position.match(line) and re.search(r"confirm|确认", line)]
    assert listed, check.stdout + check.stderr
    lines = data_file.read_text(encoding="utf-8").split("\n")
    for line in listed:
        row, column = map(int, position.match(line).groups())
        assert 1 <= row <= len(lines) and 1 <= column <= len(lines[row - 1]) + 1, line


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_refuses_an_existing_notice_folder_and_changes_nothing(fmt, place, tmp_path):
    seed = SEEDS[0]
    notice_id, _, _ = measure_import.hand_made_for(seed)
    path = measure_import.input_file(seed, fmt, tmp_path / "input")
    assert import_file(path, notice_id, place).returncode == 0
    before = snapshot(tmp_path)
    again = import_file(path, notice_id, place)
    assert again.returncode != 0 and CJK.search(said(again)), said(again)
    assert snapshot(tmp_path) == before
    # An empty folder of that name (made by hand) is refused as well.
    (place / "notices" / "2030-empty").mkdir()
    before = snapshot(tmp_path)
    refused = import_file(path, "2030-empty", place)
    assert refused.returncode != 0 and CJK.search(said(refused)), said(refused)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_a_gb18030_txt_imports_to_the_same_notice_md_as_the_utf8_one(seed, tmp_path):
    notice_id, _, _ = measure_import.hand_made_for(seed)
    made = {}
    for encoding in ("utf-8", "gb18030"):
        content = measure_import.fresh_content(tmp_path / encoding)
        path = tmp_path / encoding / seed.name
        if encoding == "utf-8":
            shutil.copy2(seed, path)
        else:
            make_docx.write_gb18030(seed, path)
        result = run("import", str(path), "--id", notice_id, "--content", str(content))
        assert result.returncode == 0, said(result)
        made[encoding] = (content / "notices" / notice_id / "notice.md").read_bytes()
    assert made["gb18030"] == made["utf-8"]


# ---------------------------------------------------------------------------------------------
# Hostile input: refused with a message in Chinese, nothing written


def base_docx(folder):
    path = folder / "base.docx"
    make_docx.make_docx(SEEDS[0], path)
    return path


def rezip(source, target, replace=None, extra=()):
    """A copy of the .docx at source with entries replaced (name → bytes or a writer function) and
    extra entries added."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in replace:
                value = replace[info.filename]
                if callable(value):
                    entry = zipfile.ZipInfo(info.filename)
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    with new.open(entry, "w") as stream:
                        value(stream)
                else:
                    new.writestr(info.filename, value)
            else:
                new.writestr(info, old.read(info.filename))
        for name, value in extra:
            entry = zipfile.ZipInfo(name)
            entry.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(entry, value)
    return target


def document_xml(body, doctype=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
            f'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f'{body}</w:body></w:document>').encode("utf-8")


def zip_bomb(folder):
    # ~100 MB of zeros, deflated to ~100 KB, as the document itself.
    def zeros(stream):
        block = bytes(1 << 20)
        for _ in range(100):
            stream.write(block)
    path = rezip(base_docx(folder), folder / "bomb.docx", {"word/document.xml": zeros})
    assert path.stat().st_size < 2 << 20
    return path


def zip_bomb_of_valid_xml(folder):
    # The same size, but well-formed: 100 MB of spaces between two paragraphs. Only a size limit stops it.
    def spaces(stream):
        head, tail = document_xml("<w:p><w:r><w:t>一、时间安排</w:t></w:r></w:p>\x00").split(b"\x00")
        stream.write(head)
        block = b" " * (1 << 20)
        for _ in range(100):
            stream.write(block)
        stream.write(tail)
    path = rezip(base_docx(folder), folder / "bomb-valid.docx", {"word/document.xml": spaces})
    assert path.stat().st_size < 2 << 20
    return path


def parent_path_entry(folder):
    path = rezip(base_docx(folder), folder / "dotdot.docx", extra=[("../evil.xml", b"<evil/>")])
    assert "../evil.xml" in zipfile.ZipFile(path).namelist()
    return path


def absolute_path_entry(folder):
    path = rezip(base_docx(folder), folder / "absolute.docx", extra=[("/abs.xml", b"<abs/>")])
    assert "/abs.xml" in zipfile.ZipFile(path).namelist()
    return path


def billion_laughs(folder):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    xml = document_xml("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", f"<!DOCTYPE w:document [{entities}]>")
    return rezip(base_docx(folder), folder / "laughs.docx", {"word/document.xml": xml})


def external_entity(folder):
    xml = document_xml("<w:p><w:r><w:t>一、时间安排&x;</w:t></w:r></w:p>",
                       '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    return rezip(base_docx(folder), folder / "xxe.docx", {"word/document.xml": xml})


def huge_txt(folder):
    path = folder / "huge.txt"
    text = SEEDS[0].read_bytes()
    with open(path, "wb") as stream:
        while stream.tell() < 50 << 20:
            stream.write(text)
    return path


def undecodable_txt(folder):
    rng = random.Random(20240830)
    data = bytearray(rng.randbytes(8192))
    data[::64] = b"\xff" * len(data[::64])  # 0xFF starts no character in UTF-8 or GB18030
    for encoding in ("utf-8", "gb18030"):
        with pytest.raises(UnicodeDecodeError):
            bytes(data).decode(encoding)
    path = folder / "random.txt"
    path.write_bytes(bytes(data))
    return path


def empty_txt(folder):
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def pdf(folder):
    path = folder / "notice.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    return path


def word_97_doc(folder):
    path = folder / "notice.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return path


HOSTILE = {
    "zip-bomb": zip_bomb,
    "zip-bomb-well-formed": zip_bomb_of_valid_xml,
    "entry-../evil.xml": parent_path_entry,
    "entry-/abs.xml": absolute_path_entry,
    "billion-laughs": billion_laughs,
    "external-entity": external_entity,
    "50MB-txt": huge_txt,
    "neither-utf8-nor-gb18030": undecodable_txt,
    "empty-txt": empty_txt,
    "pdf": pdf,
    "doc": word_97_doc,
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_input_is_refused_in_chinese_and_nothing_is_written(case, place, tmp_path):
    path = HOSTILE[case](tmp_path / "input")
    for leftover in (tmp_path / "input").iterdir():
        if leftover != path:
            leftover.unlink()
    before = snapshot(tmp_path)
    result = import_file(path, HOSTILE_ID, place, timeout=120)
    assert result.returncode != 0, said(result)
    assert CJK.search(said(result)), f"no Chinese in the message: {said(result)!r}"
    assert "root:" not in said(result)
    assert snapshot(tmp_path) == before, "the import wrote something"
    assert not (tmp_path / "evil.xml").exists() and not pathlib.Path("/abs.xml").exists()


def test_a_notice_without_dates_imports_without_timeline_dates_and_says_so(place, tmp_path):
    path = tmp_path / "input" / "no-dates.txt"
    path.write_text("关于做好职称评审工作的通知\n\n各有关单位：\n\n现将有关事项通知如下：\n\n一、申报要求\n\n"
                    "申报人员按要求上传身份证扫描件和学历证书。\n\n二、注意事项\n\n"
                    "申报材料须真实有效，弄虚作假的不予受理。\n\n联系人：职称办公室\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = import_file(path, HOSTILE_ID, place)
    draft = place / "notices" / HOSTILE_ID
    assert snapshot(tmp_path, leave_out=draft) == before, "nothing written outside content/notices/<id>/"
    assert CJK.search(said(result)), said(result)
    if result.returncode != 0:
        assert snapshot(tmp_path) == before
        return
    data = yaml.safe_load((draft / "notice.yml").read_text(encoding="utf-8")) or {}
    for event in data.get("timeline") or []:
        assert event.get("start") is None and event.get("end") is None, event
    assert re.search(r"(没有|未|无)[^\n。]{0,12}日期", said(result)), said(result)


# ---------------------------------------------------------------------------------------------
# The measurement gate


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_measurement_gate(seed, fmt):
    row = measure_import.measure(seed, fmt)
    table = "\n".join([measure_import.HEADER, measure_import.format_row(row), *measure_import.format_details(row)])
    assert row["ok"], table
    assert row["facts"] >= 0.9 and row["text"] == 1.0 and row["invented"] == 0, table
