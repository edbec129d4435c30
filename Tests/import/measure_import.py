#!/usr/bin/env python3
"""How much of a notice `noticeboard import` gets right: each seed in Tests/import/seeds (or
$NOTICEBOARD_SEEDS) imported from its .txt and from a .docx made by make_docx.py (Word numbering and
real tables), each into a fresh content folder, with --id the id of the hand-made notice whose
`source_file` names the seed; the draft is compared with that hand-made notice.

    .venv/bin/python Tests/import/measure_import.py [--details] [--bin PATH] [SEED …]

SEED is a seed's path or the start of its file name ("002"); all five when none is given. The binary
is --bin, else $NOTICEBOARD_BIN, else .build/debug/noticeboard. Prints one row per seed × format:
the notice id, facts matched/total and %, text %, invented values, import wall-clock ms; --details
adds the unmatched facts, the seed lines missing from the draft and the invented values. Exits 0
always (it is a report); `measure(seed, fmt)` gives the same numbers to the tests.

FACTS: each fact of the hand-made notice is matched or not; facts % = matched / total.
  year             the draft's `year` equals the hand-made one.
  series           the draft's `series` as a set equals the hand-made set.
  specialties      the draft's `specialties` as a set equals the hand-made set.
  level <rank>     one fact per distinct `rank` of the hand-made `levels`: some draft level has it.
  apply.start/end  for each `kind: apply` event, its `start` and its `end` (each a fact when present)
                   equal, to the minute, the same field of some draft `kind: apply` event. Values are
                   compared as strings after normalising: a YAML date → "YYYY-MM-DD", a datetime →
                   "YYYY-MM-DD HH:MM", "T" → " ", seconds ":00" dropped. A date without a time never
                   equals the same date with one.
  timeline <id>    every other hand-made event with a `start` or `end`: some draft event (any kind)
                   has the same `end`; or, when the hand-made event has no `end`, the same `start`.
  fee <level>      each hand-made fee: some draft fee has the same `amount` and a level of the same
                   `rank` (looked up in each notice's own `levels`; a draft level id missing from the
                   draft's `levels` falls back to comparing ids).
  ce <years>       each `general_years` and each `specialty_years` range of each hand-made
                   `continuing_education` rule: some draft rule has the same range under the same key.
  submission       `max_submissions` and `fix_window_hours`, each a fact when the hand-made notice has
                   it: the draft's value is equal.
  phone <digits>   each distinct phone number in the hand-made `contacts` (digits only): some draft
                   contact lists it (digits only).
  template <id>    each hand-made template, matched one to one, in order: a draft template not yet
                   taken whose `kind` is the same and whose file exists (`file`, else `shared` →
                   content/templates/<shared>.md, else templates/<id>.md); else one whose `title` has
                   a difflib ratio ≥ 0.8 with the hand-made title.
  checklist <id>   each hand-made checklist item: some draft item (a) has the same `source` anchor
                   (compared without "#", spaces and punctuation), or (b) has `text` with a difflib
                   ratio ≥ 0.6 to the hand-made `text`, or (c) holds, in its title + text, at least
                   half (rounded up) of the hand-made title's keywords: the title cut at punctuation
                   and at the generic words of TITLE_STOPWORDS (上传, 填写, 提交, …), pieces of two or
                   more characters.

TEXT: the share of the seed's characters present in the draft (notice.md + templates/*.md). Each
non-blank seed line counts with the number of characters it has after normalising; it is present
when its normalised text is contained in the normalised draft. Normalising (the same on both
sides): drop `{{…}}` placeholders (draft), HTML tags such as <br>, backslash escapes, the
converter's `[bookmark: …]`; drop blank dates ("××××年××月××日", "年 月 日", "2024年×月×日", the
ones a placeholder replaces); drop blank marks × x X ＿ _, whitespace, Markdown syntax # | * - > ` ~,
and the punctuation a heading loses when its text is split from its body (。：: ; ；. ．). Lines that
are a converter's page number ("(", "10", ")", "- 3 -") are leftovers and do not count.

INVENTED: every date, amount, phone number and year range in the draft notice.yml, outside the top
level `to_confirm` and `transcription_notes`, that the seed does not print in some form:
  date        YAML dates, "YYYY-MM-DD[ HH:MM]" and "M月D日" in strings: the seed prints "M月D日"
              (spaces, leading zeros allowed) or "YYYY.M.D" / "YYYY-M-D" / "YYYY/M/D" with that
              month and day.
  amount      an `amount` value and "N元" in strings: the seed prints "N元".
  phone       `phones`/`phone` values and phone-shaped strings (0xxx-xxxxxxx, 1xxxxxxxxxx): its
              digits appear in the seed with separators between digits removed, or the seed line
              that prints its local number (7–8 digits) also prints its area code (a number the
              notice wrote "0991-3193615、3193501").
  year range  a `*_years`/`years` pair and "YYYY-YYYY" in strings: both years appear in the seed.
"""
import argparse
import datetime
import difflib
import html
import math
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import make_docx  # noqa: E402

SEEDS = pathlib.Path(os.environ.get("NOTICEBOARD_SEEDS", pathlib.Path(__file__).resolve().parent / "seeds"))
CONTENT = ROOT / "content"
FORMATS = ("txt", "docx")

TITLE_STOPWORDS = ["上传", "填写", "提交", "提供", "撰写", "检查", "出具", "手写", "勾选", "打印", "现场",
                   "并", "及", "或", "和", "与", "的", "时", "者", "后"]


def binary():
    return pathlib.Path(os.environ.get("NOTICEBOARD_BIN", ROOT / ".build" / "debug" / "noticeboard"))


# ---------------------------------------------------------------------------------------------
# Seeds and hand-made notices


def seed_path(seed):
    path = pathlib.Path(seed)
    if path.exists():
        return path
    found = sorted(SEEDS.glob(f"{seed}*.txt"))
    if not found:
        raise FileNotFoundError(f"no seed {seed!r} in {SEEDS}")
    return found[0]


def all_seeds():
    return sorted(SEEDS.glob("*.txt"))


def hand_made_for(seed):
    """(id, folder, data) of the hand-made notice whose source_file names the seed."""
    name = seed_path(seed).name
    for folder in sorted((CONTENT / "notices").iterdir()):
        data_file = folder / "notice.yml"
        if not data_file.is_file():
            continue
        data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        if data.get("source_file") == name:
            return data["id"], folder, data
    raise LookupError(f"no notice in {CONTENT / 'notices'} has source_file: {name}")


def fresh_content(parent):
    """A content folder with the site's own files and no notices."""
    folder = pathlib.Path(parent) / "content"
    (folder / "notices").mkdir(parents=True)
    for name in ("site.yml", "taxonomy.yml", "calendar.yml"):
        shutil.copy2(CONTENT / name, folder / name)
    return folder


def input_file(seed, fmt, folder):
    """The file to import: the seed's .txt as it is, or a .docx made from it."""
    seed = seed_path(seed)
    if fmt == "txt":
        target = pathlib.Path(folder) / seed.name
        shutil.copy2(seed, target)
        return target
    if fmt == "docx":
        target = pathlib.Path(folder) / (seed.stem + ".docx")
        make_docx.make_docx(seed, target, numbering=True, tables=True)
        return target
    raise ValueError(f"unknown format {fmt!r}")


def run_import(path, notice_id, content):
    started = time.perf_counter()
    # --lang zh: the summary and errors as an office reads them, whatever the caller's locale.
    result = subprocess.run([str(binary()), "--lang", "zh", "import", str(path), "--id", notice_id, "--content", str(content)],
                            capture_output=True, text=True)
    return result, (time.perf_counter() - started) * 1000


# ---------------------------------------------------------------------------------------------
# Facts


def norm_moment(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    text = re.sub(r"\s+", " ", str(value).strip().replace("T", " "))
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::00)?)?", text)
    if not match:
        return text
    y, m, d, hh, mm = match.groups()
    date = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return date if hh is None else f"{date} {int(hh):02d}:{mm}"


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def digits(value):
    return re.sub(r"\D", "", str(value))


def anchor(value):
    return re.sub(r"[#\s\W_]", "", str(value or ""))


def ratio(a, b):
    """difflib's ratio; its cheap upper bound when that is already below 0.6 (no threshold here is lower)."""
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    bound = matcher.quick_ratio()
    return bound if bound < 0.6 else matcher.ratio()


def title_keywords(title):
    pieces = re.split(r"[\W_]+", str(title or ""))
    for word in TITLE_STOPWORDS:
        pieces = [part for piece in pieces for part in piece.split(word)]
    return [piece for piece in pieces if len(piece) >= 2]


def template_file(draft_folder, template):
    if template.get("file"):
        return draft_folder / template["file"]
    if template.get("shared"):
        return draft_folder.parent.parent / "templates" / f"{template['shared']}.md"
    return draft_folder / "templates" / f"{template.get('id')}.md"


def compare_facts(hand, draft, draft_folder):
    """[(name, matched, detail)] for every fact of the hand-made notice."""
    facts = []

    def fact(name, matched, detail=""):
        facts.append((name, bool(matched), detail))

    draft = draft or {}
    fact("year", draft.get("year") == hand.get("year"), f"hand-made {hand.get('year')}, draft {draft.get('year')}")
    if hand.get("series") is not None:
        fact("series", set(as_list(draft.get("series"))) == set(as_list(hand.get("series"))),
             f"hand-made {hand.get('series')}, draft {draft.get('series')}")
    if hand.get("specialties") is not None:
        fact("specialties", set(as_list(draft.get("specialties"))) == set(as_list(hand.get("specialties"))),
             f"hand-made {hand.get('specialties')}, draft {draft.get('specialties')}")
    hand_ranks = {level.get("id"): level.get("rank") for level in as_list(hand.get("levels")) if isinstance(level, dict)}
    draft_ranks = {level.get("id"): level.get("rank") for level in as_list(draft.get("levels")) if isinstance(level, dict)}
    for rank in dict.fromkeys(rank for rank in hand_ranks.values() if rank):
        fact(f"level {rank}", rank in draft_ranks.values(), f"draft ranks {sorted(set(filter(None, draft_ranks.values())))}")

    draft_events = [e for e in as_list(draft.get("timeline")) if isinstance(e, dict)]
    draft_apply = [e for e in draft_events if e.get("kind") == "apply"]
    for event in as_list(hand.get("timeline")):
        if event.get("kind") == "apply":
            for field in ("start", "end"):
                if event.get(field) is None:
                    continue
                want = norm_moment(event[field])
                got = [norm_moment(e.get(field)) for e in draft_apply]
                fact(f"apply.{field} {want}", want in got, f"draft apply {field}: {got}")
        elif event.get("start") is not None or event.get("end") is not None:
            field = "end" if event.get("end") is not None else "start"
            want = norm_moment(event[field])
            got = [norm_moment(e.get(field)) for e in draft_events]
            fact(f"timeline {event.get('id')}.{field} {want}", want in got,
                 f"draft {field}s: {sorted(set(g for g in got if g))}")

    for fee in as_list(hand.get("fees")):
        rank = hand_ranks.get(fee.get("level"))

        def same_level(draft_fee):
            level = draft_fee.get("level")
            if level in draft_ranks:
                return draft_ranks[level] == rank
            return level == fee.get("level")

        matched = any(isinstance(f, dict) and f.get("amount") == fee.get("amount") and same_level(f)
                      for f in as_list(draft.get("fees")))
        fact(f"fee {fee.get('level')} ({rank}) {fee.get('amount')}", matched,
             f"draft fees {[(f.get('level'), draft_ranks.get(f.get('level')), f.get('amount')) for f in as_list(draft.get('fees')) if isinstance(f, dict)]}")

    draft_ce = [r for r in as_list(draft.get("continuing_education")) if isinstance(r, dict)]
    for rule in as_list(hand.get("continuing_education")):
        for key in ("general_years", "specialty_years"):
            if rule.get(key) is None:
                continue
            want = list(rule[key])
            got = [list(r[key]) for r in draft_ce if isinstance(r.get(key), list)]
            fact(f"ce {key} {want}", want in got, f"draft {key}: {got}")

    for key in ("max_submissions", "fix_window_hours"):
        value = (hand.get("submission") or {}).get(key)
        if value is not None:
            got = (draft.get("submission") or {}).get(key)
            fact(f"submission.{key} {value}", got == value, f"draft {got}")

    draft_phones = {digits(p) for c in as_list(draft.get("contacts")) if isinstance(c, dict)
                    for p in as_list(c.get("phones")) + as_list(c.get("phone"))}
    hand_phones = [digits(p) for c in as_list(hand.get("contacts")) if isinstance(c, dict) for p in as_list(c.get("phones"))]
    for phone in dict.fromkeys(hand_phones):
        fact(f"phone {phone}", phone in draft_phones, f"draft phones {sorted(draft_phones)}")

    taken = set()
    draft_templates = [t for t in as_list(draft.get("templates")) if isinstance(t, dict)]
    for template in as_list(hand.get("templates")):
        chosen = None
        for k, candidate in enumerate(draft_templates):
            if k not in taken and candidate.get("kind") == template.get("kind") and template_file(draft_folder, candidate).is_file():
                chosen = k
                break
        if chosen is None:
            for k, candidate in enumerate(draft_templates):
                if k not in taken and ratio(str(candidate.get("title") or ""), str(template.get("title") or "")) >= 0.8:
                    chosen = k
                    break
        if chosen is not None:
            taken.add(chosen)
        fact(f"template {template.get('id')} ({template.get('kind')})", chosen is not None,
             f"draft templates {[(t.get('id'), t.get('kind'), t.get('title')) for t in draft_templates]}")

    draft_items = [i for i in as_list(draft.get("checklist")) if isinstance(i, dict)]
    draft_anchors = {anchor(i.get("source")) for i in draft_items if i.get("source")}
    for item in as_list(hand.get("checklist")):
        how = ""
        if item.get("source") and anchor(item["source"]) in draft_anchors:
            how = "same source"
        else:
            text = str(item.get("text") or "")
            keywords = title_keywords(item.get("title"))
            needed = math.ceil(len(keywords) / 2)
            for candidate in draft_items:
                if ratio(text, str(candidate.get("text") or "")) >= 0.6:
                    how = f"text like draft {candidate.get('id')}"
                    break
                haystack = str(candidate.get("title") or "") + str(candidate.get("text") or "")
                if keywords and sum(word in haystack for word in keywords) >= needed:
                    how = f"title keywords in draft {candidate.get('id')}"
                    break
        fact(f"checklist {item.get('id')}", how, how or f"source {item.get('source')}, keywords {title_keywords(item.get('title'))}")
    return facts


# ---------------------------------------------------------------------------------------------
# Text


BLANK_DATE = re.compile(r"(?:\d{4}|[×xX＿_ 　\u00a0]*)年[×xX＿_ 　\u00a0]*月[×xX＿_ 　\u00a0]*日")
PAGE_NUMBER_LINE = re.compile(r"^[\s()（）\-—－\d第页/共]*$")


def normalise(text, draft=False):
    if draft:
        text = re.sub(r"\{\{[^{}]*\}\}", "", text)
        text = re.sub(r"<((?:https?|mailto):[^<>\s]+)>", r"\1", text)  # autolinks
        text = re.sub(r"\[([^\]]*)\]\(([^()\s]*)\)", r"\1", text)  # [text](url): the text
        text = re.sub(r"</?(?:br|p|span|div|sup|sub|u|b|i|em|strong|mark|small)\b[^<>]*>", "", text, flags=re.I)
        text = re.sub(r"\\(?=[^\w\s])", "", text)
        text = html.unescape(text)
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    text = BLANK_DATE.sub("", text)
    return re.sub(r"[\s×xX＿_#|*\->`~。：:;；.．]", "", text)


def draft_text(draft_folder):
    """notice.md, templates/*.md, and the notice.yml fields that hold the title lines the importer
    takes out of the body (title, subtitle, attachment_label)."""
    parts = []
    data_file = draft_folder / "notice.yml"
    if data_file.is_file():
        try:
            data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            data = None
        if isinstance(data, dict):
            parts += [str(data[key]) for key in ("attachment_label", "title", "subtitle") if data.get(key)]
    if (draft_folder / "notice.md").is_file():
        parts.append((draft_folder / "notice.md").read_text(encoding="utf-8"))
    for path in sorted((draft_folder / "templates").glob("*.md")) if (draft_folder / "templates").is_dir() else []:
        parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def compare_text(seed_text, draft_folder):
    """(present chars, total chars, [missing seed lines])."""
    whole = normalise(draft_text(draft_folder), draft=True)
    present = total = 0
    missing = []
    for line in seed_text.replace("\r\n", "\n").split("\n"):
        if not line.strip() or PAGE_NUMBER_LINE.match(line) and len(digits(line)) <= 4:
            continue
        wanted = normalise(line)
        total += len(wanted)
        if wanted in whole:
            present += len(wanted)
        else:
            missing.append(line.strip())
    return present, total, missing


# ---------------------------------------------------------------------------------------------
# Invented values


ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
CN_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日")
AMOUNT = re.compile(r"(?<![\d.])(\d+)\s*元")
PHONE = re.compile(r"(?<!\d)(0\d{2,3})[-－—\s]?(\d{7,8})(?!\d)|(?<!\d)(1[3-9]\d{9})(?!\d)")
YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–－~～至到]\s*((?:19|20)\d{2})(?!\d)")


def seed_prints_date(seed_text, month, day):
    m, d = int(month), int(day)
    if re.search(rf"(?<!\d)0?{m}\s*月\s*0?{d}\s*日", seed_text):
        return True
    return bool(re.search(rf"(?<!\d)\d{{4}}\s*[.\-/．]\s*0?{m}\s*[.\-/．]\s*0?{d}(?!\d)", seed_text))


def seed_prints_phone(seed_text, area, local, mobile):
    joined = re.sub(r"(?<=\d)[\s\-－—]+(?=\d)", "", seed_text)
    number = mobile or (area or "") + local
    if re.search(rf"(?<!\d){number}(?!\d)", joined):
        return True
    if area and local:
        return any(re.search(rf"(?<!\d){local}(?!\d)", line) and re.search(rf"(?<!\d){area}(?!\d)", line)
                   for line in seed_text.split("\n"))
    return False


def invented_values(draft, seed_text):
    """[description] of the values in the draft notice.yml that the seed does not print."""
    found = []

    def check_date(where, month, day, shown):
        if not seed_prints_date(seed_text, month, day):
            found.append(f"date {shown} at {where}")

    def check_amount(where, amount):
        if not re.search(rf"(?<![\d.]){int(amount)}\s*元", seed_text):
            found.append(f"amount {amount} at {where}")

    def check_phone(where, value):
        text = str(value)
        matches = list(PHONE.finditer(text))
        if not matches:
            plain = digits(text)
            if plain and not re.search(rf"(?<!\d){plain}(?!\d)", re.sub(r"(?<=\d)[\s\-－—]+(?=\d)", "", seed_text)):
                found.append(f"phone {text} at {where}")
            return
        for match in matches:
            area, local, mobile = match.groups()
            if not seed_prints_phone(seed_text, area, local, mobile):
                found.append(f"phone {match.group(0)} at {where}")

    def check_years(where, first, last):
        if not all(re.search(rf"(?<!\d){int(y)}(?!\d)", seed_text) for y in (first, last)):
            found.append(f"year range {first}-{last} at {where}")

    def walk(value, where, key):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{where}.{k}" if where else str(k), str(k))
            return
        if isinstance(value, list):
            if (key == "years" or key.endswith("_years")) and len(value) == 2 and all(isinstance(v, int) for v in value):
                check_years(where, *value)
                return
            if key in ("phones", "phone"):
                for i, v in enumerate(value):
                    check_phone(f"{where}[{i}]", v)
                return
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]", key)
            return
        if isinstance(value, (datetime.date, datetime.datetime)):
            check_date(where, value.month, value.day, norm_moment(value))
            return
        if key == "amount" and isinstance(value, (int, float)) and not isinstance(value, bool):
            check_amount(where, value)
            return
        if key == "phone":
            check_phone(where, value)
            return
        if isinstance(value, str):
            for match in ISO_DATE.finditer(value):
                check_date(where, match.group(2), match.group(3), match.group(0))
            for match in CN_DATE.finditer(value):
                check_date(where, match.group(1), match.group(2), match.group(0))
            for match in AMOUNT.finditer(value):
                check_amount(where, match.group(1))
            for match in PHONE.finditer(value):
                check_phone(where, match.group(0))
            for match in YEAR_RANGE.finditer(value):
                check_years(where, match.group(1), match.group(2))

    for key, value in (draft or {}).items():
        if key in ("to_confirm", "transcription_notes"):
            continue
        walk(value, str(key), str(key))
    return found


# ---------------------------------------------------------------------------------------------


def measure(seed, fmt):
    """One row of the table, as a dict: seed, format, id, ok (the import exited 0), exit, stderr,
    facts_matched, facts_total, facts (share 0–1), unmatched [(fact, detail)], text (share 0–1),
    text_chars (present, total), missing_lines, invented (count), invented_values, import_ms."""
    seed = seed_path(seed)
    notice_id, hand_folder, hand = hand_made_for(seed)
    seed_text = seed.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="measure-import-") as temp:
        temp = pathlib.Path(temp)
        content = fresh_content(temp / "site")
        (temp / "input").mkdir()
        path = input_file(seed, fmt, temp / "input")
        result, ms = run_import(path, notice_id, content)
        draft_folder = content / "notices" / notice_id
        row = {"seed": seed.name, "format": fmt, "id": notice_id, "ok": result.returncode == 0,
               "exit": result.returncode, "stdout": result.stdout, "stderr": result.stderr, "import_ms": round(ms)}
        draft = None
        data_file = draft_folder / "notice.yml"
        if data_file.is_file():
            try:
                draft = yaml.safe_load(data_file.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as error:
                row["yaml_error"] = str(error)
        facts = compare_facts(hand, draft if isinstance(draft, dict) else {}, draft_folder)
        present, total, missing = compare_text(seed_text, draft_folder)
        invented = invented_values(draft if isinstance(draft, dict) else {}, seed_text)
    matched = sum(1 for _, ok, _ in facts if ok)
    row.update({
        "facts_matched": matched, "facts_total": len(facts), "facts": matched / len(facts) if facts else 1.0,
        "unmatched": [(name, detail) for name, ok, detail in facts if not ok],
        "text": present / total if total else 1.0, "text_chars": (present, total), "missing_lines": missing,
        "invented": len(invented), "invented_values": invented,
    })
    return row


HEADER = f"{'notice':<24} {'fmt':<4} {'facts':>9} {'':>6}  {'text':>6}  {'invented':>8}  {'import':>9}"


def format_row(row):
    line = (f"{row['id']:<24} {row['format']:<4} {row['facts_matched']:>4}/{row['facts_total']:<4} "
            f"{row['facts'] * 100:5.1f}%  {row['text'] * 100:5.1f}%  {row['invented']:>8}  {row['import_ms']:>6} ms")
    if not row["ok"]:
        first = (row["stderr"].strip() or row["stdout"].strip()).split("\n")[0][:100]
        line += f"  import exited {row['exit']}: {first}"
    return line


def format_details(row):
    lines = []
    for name, detail in row["unmatched"]:
        lines.append(f"    unmatched {name}: {detail}")
    for missing in row["missing_lines"]:
        lines.append(f"    text missing: {missing[:80]}")
    for value in row["invented_values"]:
        lines.append(f"    invented {value}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="*", help="seed paths or file-name starts (default: all)")
    parser.add_argument("--details", action="store_true", help="list the unmatched facts, missing lines, invented values")
    parser.add_argument("--bin", help="the noticeboard binary (default $NOTICEBOARD_BIN or .build/debug/noticeboard)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="txt,docx")
    args = parser.parse_args(argv)
    if args.bin:
        os.environ["NOTICEBOARD_BIN"] = str(pathlib.Path(args.bin).resolve())
    seeds = [seed_path(s) for s in args.seeds] or all_seeds()
    print(HEADER)
    for seed in seeds:
        for fmt in args.formats.split(","):
            try:
                row = measure(seed, fmt)
            except (OSError, LookupError) as error:
                print(f"{seed.name:<24} {fmt:<4} not measured: {error}")
                continue
            print(format_row(row), flush=True)
            if args.details:
                for line in format_details(row):
                    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
