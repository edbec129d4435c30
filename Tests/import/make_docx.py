#!/usr/bin/env python3
"""A .docx made from a seed .txt, as an office's Word file would be, for `noticeboard import`'s tests.

    make_docx.py SEED.txt OUT.docx [--numbering] [--tables]
    make_docx.py SEED.txt OUT.txt --gb18030

One paragraph per non-blank line of the seed (leading spaces become a left indent); the title lines
before the body, and the title lines under an attachment's label ("附件1", "附件 2："), are centred and
bold. What a converter leaves behind is added too, so the reader's cleaning is exercised: two empty
paragraphs at the start and one before each attachment, a footer with a PAGE field, and a `_GoBack`
bookmark (where the seed prints "[bookmark: _GoBack]", the text becomes a real bookmark there;
otherwise one is put into the last body paragraph).

--numbering: a heading whose number is typed at the start of an unindented line ("一、时间安排",
"（一）网上申报。…", "1.基本信息：…", "(1)…") gets Word's automatic numbering instead: the number is
cut from the text and the paragraph gets `w:numPr` (ilvl 0 "一、", 1 "（一）", 2 "1.", 3 "(1)") pointing
at a `w:num` of an abstractNum written into word/numbering.xml. The displayed numbers are exactly the
ones the seed printed: a paragraph keeps the current `w:num` only when continuing it gives the printed
number both as Word counts (counters shared by every `w:num` of one abstractNum, `w:startOverride`
restarting a level on a num's first use) and as a reader counting per `w:num` would; anywhere else
(a restart, a jump such as 21 → 22 across a "（二）" heading) a new `w:num` with a `w:startOverride`
for that level begins. The separator printed after a decimal number ("1." or "1．") is kept by the
level's `w:lvlText`; `w:suff` is "nothing", so Word shows "1.基本信息" as the seed did.

--tables: a form the seed lays out as lines of cells ("| 姓名 | | 性别 | |…", the converter's pipe
table; its empty header row and `|---|` line are the converter's, not the form's) becomes a real Word
table. Rows with fewer filled cells than the grid merge their trailing empty cells (`w:gridSpan`): a
label's value cell takes the rest of the row ("免学理由 | …"), or a filled last cell does ("审核意见 |
公章 年 月 日"). A space between two words of two or more characters inside a cell was a line break in
the form ("何时何学校 何专业毕业") and becomes a second paragraph. A seed without such a form is left
as it is.

Importable: make_docx(seed_path, out_path, numbering=True, tables=True), write_gb18030(seed, out).
"""
import argparse
import copy
import pathlib
import re
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# (level, pattern): the typed number at the start of a line. The group "n" is the number, "sep" the
# printed separator kept by the level's lvlText.
HEADING_PATTERNS = [
    (0, re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})(?P<sep>、)\s*")),
    (1, re.compile(r"^(?P<open>（)(?P<n>[一二三四五六七八九十]{1,3})(?P<sep>）)\s*")),
    (2, re.compile(r"^(?P<n>\d{1,2})(?P<sep>[.．])(?!\d)\s*")),
    (3, re.compile(r"^(?P<open>[(（])(?P<n>\d{1,2})(?P<sep>[)）])\s*")),
]

ATTACHMENT_LABEL = re.compile(r"^附件\s*[0-9一二三四五六七八九十]+(?:[-－—][0-9]+)?\s*[：:]?$")
BOOKMARK_TEXT = re.compile(r"\[bookmark:\s*([^\]]*)\]")
TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")


def chinese_number(text):
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[text]


def typed_heading(line):
    """(level, number, separator, rest) when the line starts with a typed heading number, else None."""
    for level, pattern in HEADING_PATTERNS:
        match = pattern.match(line)
        if not match:
            continue
        rest = line[match.end():]
        if not rest.strip():
            return None
        n = match.group("n")
        number = int(n) if n.isdigit() else chinese_number(n)
        opening = match.groupdict().get("open") or ""
        return level, number, opening + "%" + match.group("sep"), rest
    return None


# ---------------------------------------------------------------------------------------------
# Reading the seed into blocks


def read_seed(seed_path):
    text = pathlib.Path(seed_path).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def blocks_of(lines, tables):
    """[("p", line)] and, with tables, [("table", [[cell, …], …])] for pipe-table runs."""
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if tables and TABLE_LINE.match(line):
            rows = []
            while i < len(lines) and TABLE_LINE.match(lines[i]):
                if not TABLE_RULE.match(lines[i]):
                    cells = [cell.strip() for cell in lines[i].strip()[1:-1].split("|")]
                    rows.append(cells)
                i += 1
            # The converter's header row of empty cells is not the form's.
            while rows and not any(rows[0]):
                rows.pop(0)
            if rows:
                blocks.append(("table", rows))
            continue
        if line.strip():
            blocks.append(("p", line.rstrip()))
        i += 1
    return blocks


def title_flags(blocks):
    """For each block, whether it is a title line: the short lines before the body, and those right
    after an attachment's label. A title line has no sentence end and no typed heading number."""
    flags = [False] * len(blocks)

    def is_title(text):
        text = text.strip()
        return (len(text) <= 40 and not re.search(r"[。；：:，,！？]$", text) and not re.search(r"[，：:]", text)
                and typed_heading(text) is None
                and not ATTACHMENT_LABEL.match(text) and not TABLE_LINE.match(text) and not text.startswith("["))

    def mark_from(start):
        j = start
        while j < len(blocks) and blocks[j][0] == "p" and is_title(blocks[j][1]) and j - start < 3:
            flags[j] = True
            j += 1

    # Before the body: skip a leading attachment label ("附件1"), then the title lines.
    start = 0
    if blocks and blocks[0][0] == "p" and ATTACHMENT_LABEL.match(blocks[0][1].strip()):
        start = 1
    mark_from(start)
    for k, (kind, value) in enumerate(blocks):
        if kind == "p" and k > 0 and ATTACHMENT_LABEL.match(value.strip()):
            mark_from(k + 1)
    return flags


# ---------------------------------------------------------------------------------------------
# Numbering


class Numbering:
    """Writes abstractNum and num definitions into the document's numbering part and decides, for
    each numbered paragraph, which w:num it takes (see the module's docstring)."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        ids = [int(el.get(qn("w:abstractNumId"))) for el in self.root.findall(qn("w:abstractNum"))]
        self.next_abstract = max(ids, default=-1) + 1
        nums = [int(el.get(qn("w:numId"))) for el in self.root.findall(qn("w:num"))]
        self.next_num = max(nums, default=0) + 1
        self.abstracts = {}        # style tuple → abstractNumId
        self.current = {}          # abstractNumId → current numId
        self.overrides = {}        # numId → {level: start}
        self.num_abstract = {}     # numId → abstractNumId
        self.per_num = {}          # numId → {level: last value}        (a reader counting per num)
        self.shared = {}           # abstractNumId → {level: last value} (Word: shared by the abstractNum)
        self.applied = set()       # (numId, level) whose startOverride Word has applied

    def abstract_for(self, style):
        if style not in self.abstracts:
            ident = self.next_abstract
            self.next_abstract += 1
            formats = ["chineseCounting", "chineseCounting", "decimal", "decimal"]
            levels = []
            for level in range(9):
                if level < 4:
                    fmt, text = formats[level], style[level].replace("%", f"%{level + 1}")
                else:
                    fmt, text = "decimal", f"%{level + 1}."
                levels.append(
                    f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                    f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="0" w:firstLine="{640 if level else 0}"/></w:pPr></w:lvl>')
            xml = (f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{ident}">'
                   f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
            element = parse_xml(xml)
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self.root.append(element)
            self.abstracts[style] = ident
        return self.abstracts[style]

    def new_num(self, abstract, overrides):
        ident = self.next_num
        self.next_num += 1
        parts = "".join(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                        for level, start in sorted(overrides.items()))
        self.root.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{ident}">'
                                   f'<w:abstractNumId w:val="{abstract}"/>{parts}</w:num>'))
        self.overrides[ident] = dict(overrides)
        self.num_abstract[ident] = abstract
        self.per_num[ident] = {}
        self.current[abstract] = ident
        return ident

    def _values(self, num, level):
        """The number this paragraph would show under num: (as counted per num, as Word counts)."""
        own = self.per_num[num]
        per_num = own[level] + 1 if level in own else self.overrides[num].get(level, 1)
        shared = self.shared.setdefault(self.num_abstract[num], {})
        if level in self.overrides[num] and (num, level) not in self.applied:
            word = self.overrides[num][level]
        else:
            word = shared[level] + 1 if level in shared else 1
        return per_num, word

    def _count(self, num, level, value):
        for counters in (self.per_num[num], self.shared[self.num_abstract[num]]):
            counters[level] = value
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
        self.applied.add((num, level))

    def assign(self, style, level, number):
        abstract = self.abstract_for(style)
        num = self.current.get(abstract)
        if num is None or self._values(num, level) != (number, number):
            num = self.new_num(abstract, {level: number})
        assert self._values(num, level) == (number, number)
        self._count(num, level, number)
        return num


def set_num_pr(paragraph, num, level):
    pPr = paragraph._p.get_or_add_pPr()
    numPr = parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')
    # numPr comes after pStyle/keepNext/…/pageBreakBefore… and before spacing/ind/jc in CT_PPr.
    anchor = None
    for tag in ("w:spacing", "w:ind", "w:jc"):
        anchor = pPr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(numPr)
    else:
        pPr.append(numPr)


# ---------------------------------------------------------------------------------------------
# Converter leftovers


def add_bookmark(paragraph, name, ident, before_run=None):
    start = parse_xml(f'<w:bookmarkStart xmlns:w="{W_NS}" w:id="{ident}" w:name="{name}"/>')
    end = parse_xml(f'<w:bookmarkEnd xmlns:w="{W_NS}" w:id="{ident}"/>')
    if before_run is not None:
        before_run._r.addprevious(start)
        before_run._r.addprevious(end)
    else:
        paragraph._p.append(start)
        paragraph._p.append(end)


def add_page_footer(document):
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    for xml in (f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:t>1</w:t></w:r>',
                f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))
    paragraph.add_run(" —")


# ---------------------------------------------------------------------------------------------
# Tables


def merged_row(cells):
    """[(text, span)] for a row of the form: trailing empty cells merge (see the module's docstring)."""
    n = len(cells)
    filled = [i for i, cell in enumerate(cells) if cell]
    if not filled:
        return [(cell, 1) for cell in cells]
    last = filled[-1]
    if last == n - 1:
        return [(cell, 1) for cell in cells]
    if last % 2 == 0:  # a label: its value cell takes the rest of the row
        return [(cell, 1) for cell in cells[:last + 1]] + [("", n - last - 1)]
    return [(cell, 1) for cell in cells[:last]] + [(cells[last], n - last)]


def cell_paragraphs(text):
    """A space between two words of two or more characters was a line break inside the form's cell:
    "何时何学校 何专业毕业" is two lines, "公章 年 月 日" one."""
    lines = []
    previous = ""
    for word in text.split(" "):
        if lines and not (len(previous) >= 2 and len(word) >= 2):
            lines[-1] += " " + word
        else:
            lines.append(word)
        previous = word
    return lines


def add_table(document, rows):
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    table = document.add_table(rows=len(rows), cols=columns)
    try:
        table.style = "Table Grid"
    except Exception:  # noqa: BLE001 - a template without the style keeps the default
        pass
    for r, row in enumerate(rows):
        column = 0
        for text, span in merged_row(row):
            cell = table.cell(r, column)
            if span > 1:
                cell = cell.merge(table.cell(r, column + span - 1))
            lines = cell_paragraphs(text) if text else [""]
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            column += span
    return table


# ---------------------------------------------------------------------------------------------


def make_docx(seed_path, out_path, numbering=True, tables=True):
    """Writes out_path; returns a small report: {"numbered": n, "nums": n, "tables": n, "bookmarks": n}."""
    lines = read_seed(seed_path)
    blocks = blocks_of(lines, tables)
    titles = title_flags(blocks)
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(16)
    style.element.get_or_add_rPr()
    fonts = style.element.rPr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    numbers = Numbering(document) if numbering else None
    report = {"numbered": 0, "nums": 0, "tables": 0, "bookmarks": 0}
    bookmark_id = 0
    for _ in range(2):
        document.add_paragraph()  # what a converter leaves at the top
    styles_seen = {}
    last_body = None
    for index, (kind, value) in enumerate(blocks):
        if kind == "table":
            add_table(document, value)
            report["tables"] += 1
            continue
        line = value
        stripped = line.lstrip(" \u3000\t")
        indent = len(line) - len(stripped)
        if ATTACHMENT_LABEL.match(stripped.strip()) and index > 0:
            document.add_paragraph()  # an empty paragraph before each attachment, as Word files have
        paragraph = document.add_paragraph()
        text = stripped
        heading = typed_heading(stripped) if numbers is not None and indent == 0 else None
        if heading is not None:
            level, number, separator, rest = heading
            seen = styles_seen.setdefault(level, separator)
            style_tuple = tuple(styles_seen.get(k, default) for k, default in
                                enumerate(["%、", "（%）", "%.", "(%)"]))
            if separator != seen:
                style_tuple = tuple(separator if k == level else s for k, s in enumerate(style_tuple))
            num = numbers.assign(style_tuple, level, number)
            set_num_pr(paragraph, num, level)
            text = rest.lstrip()
            report["numbered"] += 1
        # A "[bookmark: _GoBack]" the converter printed becomes a real bookmark at its place.
        pieces = BOOKMARK_TEXT.split(text)
        run = None
        for k, piece in enumerate(pieces):
            if k % 2 == 1:
                bookmark_id += 1
                add_bookmark(paragraph, piece.strip() or "_GoBack", bookmark_id)
                report["bookmarks"] += 1
            elif piece:
                run = paragraph.add_run(piece)
                if titles[index]:
                    run.bold = True
        if titles[index]:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif indent:
            paragraph.paragraph_format.left_indent = Pt(8 * min(indent, 40))
        if not titles[index] and heading is None and len(text) > 20:
            last_body = paragraph
    if report["bookmarks"] == 0 and last_body is not None and last_body.runs:
        bookmark_id += 1
        add_bookmark(last_body, "_GoBack", bookmark_id, before_run=last_body.runs[-1])
        report["bookmarks"] += 1
    document.add_paragraph()  # and one at the end
    add_page_footer(document)
    if numbers is not None:
        report["nums"] = len(numbers.overrides)
    document.save(str(out_path))
    return report


# ---------------------------------------------------------------------------------------------
# Reading a made .docx back (for the checks): the numbers Word displays, from the zip's own XML.

CN_NAMES = "零一二三四五六七八九"


def chinese_counting(value):
    if value < 10:
        return CN_NAMES[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else CN_NAMES[tens]) + "十" + (CN_NAMES[ones] if ones else "")


def displayed_paragraphs(docx_path, per_num=False):
    """[(label, text)] for each body paragraph (outside tables) of a .docx, with the label computed
    from word/numbering.xml as Word does (counters shared by the w:num of one abstractNum, a
    w:startOverride restarting its level on the num's first use), or, with per_num, as a reader
    counting each w:num apart would. Parsed with the standard library, not python-docx."""
    import zipfile
    import xml.etree.ElementTree as ET
    w = "{%s}" % W_NS
    with zipfile.ZipFile(docx_path) as archive:
        body = ET.fromstring(archive.read("word/document.xml")).find(w + "body")
        numbering = ET.fromstring(archive.read("word/numbering.xml"))
    abstracts = {}
    for abstract in numbering.findall(w + "abstractNum"):
        levels = {}
        for lvl in abstract.findall(w + "lvl"):
            start = lvl.find(w + "start")
            levels[int(lvl.get(w + "ilvl"))] = (
                int(start.get(w + "val")) if start is not None else 1,
                lvl.find(w + "numFmt").get(w + "val"), lvl.find(w + "lvlText").get(w + "val"))
        abstracts[abstract.get(w + "abstractNumId")] = levels
    nums = {}
    for num in numbering.findall(w + "num"):
        overrides = {int(o.get(w + "ilvl")): int(o.find(w + "startOverride").get(w + "val"))
                     for o in num.findall(w + "lvlOverride") if o.find(w + "startOverride") is not None}
        nums[num.get(w + "numId")] = (num.find(w + "abstractNumId").get(w + "val"), overrides)
    counters, applied, result = {}, set(), []
    for p in body.findall(w + "p"):
        text = "".join(t.text or "" for t in p.iter(w + "t"))
        numPr = p.find(f"{w}pPr/{w}numPr")
        label = ""
        if numPr is not None:
            num_id = numPr.find(w + "numId").get(w + "val")
            level = int(numPr.find(w + "ilvl").get(w + "val"))
            abstract, overrides = nums[num_id]
            key = num_id if per_num else abstract
            state = counters.setdefault(key, {})
            if per_num:
                value = state[level] + 1 if level in state else overrides.get(level, abstracts[abstract][level][0])
            elif level in overrides and (num_id, level) not in applied:
                value = overrides[level]
            else:
                value = state[level] + 1 if level in state else abstracts[abstract][level][0]
            applied.add((num_id, level))
            state[level] = value
            for deeper in [k for k in state if k > level]:
                del state[deeper]
            levels = abstracts[abstract]
            label = levels[level][2]
            for k in range(level + 1):
                if f"%{k + 1}" in label:
                    shown = state.get(k, levels[k][0])
                    label = label.replace(f"%{k + 1}", chinese_counting(shown) if levels[k][1] == "chineseCounting" else str(shown))
        result.append((label, text))
    return result


def write_gb18030(seed_path, out_path):
    """The seed as a GB18030 .txt (what Notepad on a Chinese Windows saves as "ANSI")."""
    text = pathlib.Path(seed_path).read_text(encoding="utf-8")
    pathlib.Path(out_path).write_bytes(text.encode("gb18030"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed")
    parser.add_argument("out")
    parser.add_argument("--numbering", action="store_true")
    parser.add_argument("--tables", action="store_true")
    parser.add_argument("--gb18030", action="store_true", help="write the seed as a GB18030 .txt instead")
    args = parser.parse_args(argv)
    if args.gb18030:
        write_gb18030(args.seed, args.out)
        print(f"{args.out}: GB18030")
        return 0
    report = make_docx(args.seed, args.out, numbering=args.numbering, tables=args.tables)
    print(f"{args.out}: {report['numbered']} numbered paragraphs on {report['nums']} w:num, "
          f"{report['tables']} tables, {report['bookmarks']} bookmarks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
