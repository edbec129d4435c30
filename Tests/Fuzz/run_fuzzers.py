"""Runs the libFuzzer targets (Tests/Fuzz/*/, built by `make fuzz-build`).

    python3 Tests/Fuzz/run_fuzzers.py SECONDS [SEED]     for a fixed time each (make fuzz)
    python3 Tests/Fuzz/run_fuzzers.py --runs N SEED      for N inputs each, repeatably (make test)

For each target: first every input in Tests/Fuzz/regressions/<target>/ once (the crashes found
so far must stay fixed), then libFuzzer, starting from seeds made from the sample content, the
hostile corpus (Tests/Hostile), the tokenizer vectors and small .docx / .md / GB18030 .txt notices
made here. A timed run also starts from what
earlier runs found (kept in .build-fuzz/corpus/) and, without SEED, lets libFuzzer pick a seed:
it is for finding things. The short run in `make test` is `--runs N 1`: a fixed number of inputs,
seed 1, an empty corpus and Swift's hashing made deterministic, so every machine tries as many
inputs and nearly the same ones (background threads in the code under test shift the coverage
counts a little from run to run). A timed run tries as many as the machine's speed allows (213
to 412 notices a second on the 2-core machine this was written on).

Prints executions, speed and new inputs per target; a crash, a trap, a timeout (10 s for one
input) or running out of memory is copied to .build-fuzz/findings/ and fails the run."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = ROOT / ".build-fuzz" / "debug"
WORK = ROOT / ".build-fuzz"
REGRESSIONS = ROOT / "Tests" / "Fuzz" / "regressions"
SEPARATOR = b"\n%%%%\n"
BASE = ROOT / "Tests" / "Hostile" / "base" / "notices" / "2024-base"


def notice_seeds(folder):
    for notice in sorted((ROOT / "content" / "notices").iterdir()):
        (folder / notice.name).write_bytes((notice / "notice.yml").read_bytes() + SEPARATOR + (notice / "notice.md").read_bytes())
    for case in sorted((ROOT / "Tests" / "Hostile" / "cases").iterdir()):
        yml = next(case.rglob("notice.yml"), BASE / "notice.yml")
        md = next(case.rglob("notice.md"), BASE / "notice.md")
        (folder / case.name).write_bytes(yml.read_bytes() + SEPARATOR + md.read_bytes())


def tokenizer_seeds(folder):
    vectors = json.loads((ROOT / "Tests" / "Vectors" / "tokenize.json").read_text(encoding="utf-8"))
    for index, case in enumerate(vectors["tokenize"]):
        (folder / f"vector-{index}").write_text(case["text"], encoding="utf-8")
    for notice in sorted((ROOT / "content" / "notices").iterdir()):
        text = (notice / "notice.md").read_text(encoding="utf-8")
        for index in range(0, min(len(text), 8000), 400):
            (folder / f"{notice.name}-{index}").write_text(text[index:index + 400], encoding="utf-8")


def docx_bytes(body, numbering="", styles=""):
    """A small .docx (stored and deflated entries both occur in the wild; this one deflates)."""
    import io
    import zipfile
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>',
    }
    if numbering:
        parts["word/numbering.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {w}>{numbering}</w:numbering>'
    if styles:
        parts["word/styles.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {w}>{styles}</w:styles>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def zipfile_part(path, name):
    import zipfile
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def document_seeds(folder):
    def p(text, num=None, style=None, extra=""):
        props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
        return f'<w:p>{"<w:pPr>" + props + "</w:pPr>" if props else ""}<w:r><w:t>{text}</w:t></w:r>{extra}</w:p>'
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                     for i, (fmt, text) in enumerate([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "(%4)")]))
    numbering = (f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    styles = ('<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
              '<w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:jc w:val="center"/></w:pPr></w:style>')
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    table = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>系列</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p("工程", (1, 2)) + '</w:tc><w:tc><w:p/></w:tc></w:tr>'
             '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc>' + p("内表") + '</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>')
    body = (p("关于开展职称评审工作的通知") + p("申报范围", style="1") + p("工程系列", style="2") + p("条件", (1, 2)) + p("学历", (1, 3))
            + p("重新编号", (2, 1)) + '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/></w:p>'
            + p("第", extra=field) + table + '<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins></w:p>')
    (folder / "numbered.docx").write_bytes(docx_bytes(body, numbering, styles))
    # The same as unzipped parts, which the target also reads (document, numbering, styles).
    parts = [zipfile_part(folder / "numbered.docx", name) for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml")]
    (folder / "numbered-parts.xml").write_bytes(SEPARATOR.join(parts))
    (folder / "plain.docx").write_bytes(docx_bytes(p("正文")))
    for notice in sorted((ROOT / "content" / "notices").iterdir()):
        text = (notice / "notice.md").read_text(encoding="utf-8")[:3000] + "\n- 2 -\n第 3 页\n[bookmark: _GoBack]\n"
        (folder / f"{notice.name}.md").write_text(text, encoding="utf-8")
        (folder / f"{notice.name}-gb18030.txt").write_bytes(text.encode("gb18030", errors="replace"))


TARGETS = {
    "FuzzNoticeLoading": ("notice", notice_seeds),
    "FuzzSearchTokenizer": ("tokenizer", tokenizer_seeds),
    "FuzzDocumentReading": ("document", document_seeds),
}


def run(target, seconds=None, runs=None, seed=None):
    name, make_seeds = TARGETS[target]
    binary = BUILD / target
    if not binary.exists():
        sys.exit(f"{binary} is missing: run `make fuzz-build` first")
    # Dictionary order then depends on the input only, and so does (almost all) the coverage
    # libFuzzer follows.
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no", SWIFT_DETERMINISTIC_HASHING="1")
    regressions = sorted((REGRESSIONS / name).glob("*"))
    if regressions:
        replay = subprocess.run([str(binary), *map(str, regressions)], capture_output=True, text=True, errors="replace", env=env)
        if replay.returncode != 0:
            print(replay.stderr[-4000:])
            sys.exit(f"{target}: a regression input fails again")
    seeds = WORK / "seeds" / name
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    make_seeds(seeds)
    corpus = WORK / ("corpus" if runs is None else "smoke-corpus") / name
    if runs is not None:
        shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True, exist_ok=True)
    findings = WORK / "findings" / name
    findings.mkdir(parents=True, exist_ok=True)
    limit = [f"-max_total_time={seconds}"] if runs is None else [f"-runs={runs}"]
    started = time.monotonic()
    fuzz = subprocess.run([str(binary), *limit, "-timeout=10", "-rss_limit_mb=4096", "-max_len=65536",
                           "-print_final_stats=1", f"-artifact_prefix={findings}/",
                           *([f"-seed={seed}"] if seed is not None else []), str(corpus), str(seeds)],
                          capture_output=True, text=True, errors="replace", env=env, cwd=WORK)
    stats = dict(re.findall(r"^stat::(\w+):\s+(\d+)", fuzz.stderr, re.M))
    print(f"{target}: {stats.get('number_of_executed_units', '?')} executions in {time.monotonic() - started:.0f} s "
          f"({stats.get('average_exec_per_sec', '?')}/s), {stats.get('new_units_added', '?')} new inputs, "
          f"{len(regressions)} regression inputs replayed, corpus {len(list(corpus.iterdir()))} files")
    if fuzz.returncode != 0:
        print("\n".join(line for line in fuzz.stderr.splitlines() if "Fatal error" in line or "ERROR" in line or "artifact" in line))
        return False
    return True


def main():
    arguments = sys.argv[1:]
    if arguments[:1] == ["--runs"]:
        if len(arguments) != 3:
            sys.exit("usage: run_fuzzers.py --runs N SEED")
        limits = dict(runs=int(arguments[1]), seed=int(arguments[2]))
    else:
        limits = dict(seconds=int(arguments[0]) if arguments else 60, seed=int(arguments[1]) if len(arguments) > 1 else None)
    ok = all([run(target, **limits) for target in TARGETS])
    if not ok:
        sys.exit("a fuzz target found a crash: see .build-fuzz/findings/, then add the input to Tests/Fuzz/regressions/")


if __name__ == "__main__":
    main()
