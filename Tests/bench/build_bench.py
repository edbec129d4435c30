#!/usr/bin/env python3
"""Build benchmark (issue 19): Noticeboard's full build against Hugo plus Pagefind, against a plain
copy of its own output, and against the raw cmark-gfm command, on corpora of N notices made from the
five in content/ (make_corpus.py). Not a test: it prints a table. Usage: build_bench.py [N ...]
(default: 1000 10000)

For each N, in one run: the corpus is generated once; then, round after round (median reported),
the tools take turns:
  - noticeboard: `noticeboard build` over the corpus, every page type and the search index;
  - hugo:        the Debian `hugo` over the same notices' Markdown (notice.md) with a minimal
                 theme written here (a page per notice, the home and section lists, RSS, sitemap);
  - pagefind:    Pagefind (PyPI pagefind-bin-extended, as search_bench.py finds it) indexing that
                 round's Hugo output: Hugo + Pagefind is what a Hugo site with search costs;
  - copy:        `cp -a` of that round's finished Noticeboard output into a fresh folder: the floor
                 for writing these files on this disk;
  - hugo-copy:   `cp -a` of that round's Hugo output (before Pagefind adds to it): what the same
                 yardstick makes of Hugo, printed beside ours as Hugo ÷ its own plain copy;
  - cmark-gfm:   the Debian `cmark-gfm` command over the same Markdown files in one process;
  - rebuild:     `noticeboard build` again into that round's output with nothing changed (files
                 whose bytes did not change are kept: how many files the rebuild touched is shown).
Wall time, CPU time (user + system) and peak memory (max RSS) come from wait4() on the child.

Environment: BENCH_ROUNDS (default 3), BENCH_DIR (default /tmp/nb-bench), BENCH_BIN (a noticeboard
binary to use instead of building the release one), BENCH_HUGO=0 to skip Hugo (also skipped with a
note when it is not installed; `make bench` installs it), BENCH_PAGEFIND=0 to skip Pagefind,
BENCH_PAGEFIND=if-installed to use it only when it imports (otherwise it is pip-installed into this
Python), BENCH_JSON=path to also write the results.

Budgets (issue 19): the build ≤ 0.5 × (Hugo + Pagefind) at 1,000 and 10,000 notices, ≤ 2.5 × the
plain copy, peak memory ≤ 1 GiB at 10,000, output ≤ 120 KB per notice at 1,000, the largest HTML
page ≤ 100 KB at 10,000.
"""
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("BENCH_DIR", "/tmp/nb-bench"))
ROUNDS = max(1, int(os.environ.get("BENCH_ROUNDS", "3")))
GFM_EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter"]
HUGO_PAGEFIND_BUDGET = 0.5
HUGO_PAGEFIND_BUDGET_AT = (1_000, 10_000)
COPY_BUDGET = 2.5
MEMORY_BUDGET_MIB = 1024
MEMORY_BUDGET_AT = 10_000
BYTES_PER_NOTICE_BUDGET = 120 * 1000
BYTES_PER_NOTICE_BUDGET_AT = 1_000
LARGEST_PAGE_BUDGET = 100 * 1000
LARGEST_PAGE_BUDGET_AT = 10_000
OUTPUTS = WORK / "outputs"


def run(command, cwd=None):
    """Runs a command to completion; returns (wall s, cpu s, peak MiB, stdout text)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command[:3]))} … failed ({process.returncode}):\n{text[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def noticeboard_binary():
    if os.environ.get("BENCH_BIN"):
        return pathlib.Path(os.environ["BENCH_BIN"])
    subprocess.run(["swift", "build", "-c", "release", "--product", "noticeboard"], cwd=ROOT, check=True)
    return ROOT / ".build" / "release" / "noticeboard"


def corpus(count):
    """The corpus of `count` notices, generated once per generator version."""
    folder = WORK / f"corpus-{count}"
    generator = ROOT / "Tests" / "bench" / "make_corpus.py"
    stamp = folder / ".generator"
    signature = f"{generator.stat().st_size}-{hash_file(generator)}-{hash_tree(ROOT / 'content')}"
    if not (stamp.exists() and stamp.read_text() == signature):
        subprocess.run([sys.executable, str(generator), str(count), str(folder)], check=True, stdout=subprocess.DEVNULL)
        stamp.write_text(signature)
    return folder


def hash_file(path):
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def hash_tree(folder):
    import hashlib
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def markdown_files(corpus_folder):
    return sorted((corpus_folder / "notices").glob("*/notice.md"))


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "zh-cn"
title = "Noticeboard benchmark"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n"
                            "<body><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<article><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</article>{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>"
                          "{{ end }}</ul>{{ end }}\n",
    "index.html": "{{ define \"main\" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">"
                  "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def hugo_site(corpus_folder, count):
    """A minimal Hugo site over the corpus' notice texts: front matter with the notice's title and date."""
    site = WORK / f"hugo-{count}"
    stamp = site / ".corpus"
    signature = (corpus_folder / ".generator").read_text()
    if stamp.exists() and stamp.read_text() == signature:
        return site
    if site.exists():
        shutil.rmtree(site)
    (site / "content" / "notices").mkdir(parents=True)
    (site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    title_line = re.compile(r"^title: (.*)$", re.M)
    year_line = re.compile(r"^year: (\d+)$", re.M)
    for markdown in markdown_files(corpus_folder):
        data = (markdown.parent / "notice.yml").read_text(encoding="utf-8")
        title = title_line.search(data).group(1).strip().strip("'\"")
        year = year_line.search(data).group(1)
        front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {year}-01-01\n---\n"
        (site / "content" / "notices" / f"{markdown.parent.name}.md").write_text(front + markdown.read_text(encoding="utf-8"), encoding="utf-8")
    stamp.write_text(signature)
    return site


def fresh_output(tool, count, round_number):
    """A folder no run has used. Nothing is deleted while timing: on a disk without a journal (ext4
    here), inodes freed in the last minutes are skipped one by one when new files are made, so
    deleting the previous round's site just before a build makes the build pay for the deletion,
    more the more files it writes (docs/benchmark.md). Outputs are removed after the run."""
    return OUTPUTS / f"{tool}-{count}-round{round_number}"


def bench_noticeboard(binary, corpus_folder, count, round_number):
    output = fresh_output("noticeboard", count, round_number)
    wall, cpu, peak, text = run([str(binary), "--lang", "en", "build", "--content", str(corpus_folder), "--output", str(output),
                                 "--themes", str(ROOT / "themes")])
    match = re.search(r"Built (\d+) pages", text)
    return wall, cpu, peak, int(match.group(1)) if match else None


def bench_hugo(site, count, round_number):
    output = fresh_output("hugo", count, round_number)
    wall, cpu, peak, text = run(["hugo", "--source", str(site), "--destination", str(output)])
    match = re.search(r"Pages\s*\|\s*(\d+)", text)
    return wall, cpu, peak, int(match.group(1)) if match else None


def bench_cmark(files):
    command = ["cmark-gfm", "--to", "html"]
    for extension in GFM_EXTENSIONS:
        command += ["-e", extension]
    wall, cpu, peak, _ = run(command + [str(f) for f in files] + ["--validate-utf8"])
    return wall, cpu, peak, len(files)


def pagefind_binary():
    """Pagefind's binary from the PyPI package pagefind-bin-extended (as search_bench.py finds it),
    installed into this Python when missing unless BENCH_PAGEFIND says otherwise; None to skip."""
    mode = os.environ.get("BENCH_PAGEFIND", "1")
    if mode == "0":
        return None
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        if mode == "if-installed":
            return None
        installed = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pagefind-bin-extended"], capture_output=True)
        if installed.returncode != 0:
            return None
        import pagefind_bin_extended  # noqa: F401
    binary = pathlib.Path(pagefind_bin_extended.__file__).parent / "pagefind_extended"
    return binary if binary.exists() else None


def bench_pagefind(binary, hugo_output):
    wall, cpu, peak, text = run([str(binary), "--site", str(hugo_output)])
    match = re.search(r"Indexed (\d+) pages?", text)
    return wall, cpu, peak, int(match.group(1)) if match else None


def bench_copy(site, count, round_number, tool="copy"):
    """`cp -a` of a finished site into a folder no run has used: the I/O floor for its files."""
    target = fresh_output(tool, count, round_number)
    wall, cpu, peak, _ = run(["cp", "-a", str(site), str(target)])
    return wall, cpu, peak, None


def inodes(site):
    """Every file of a site with its inode and modification time (what rsync and make compare)."""
    found = {}
    for folder, _, names in os.walk(site):
        for name in names:
            status = os.lstat(os.path.join(folder, name))
            found[os.path.join(folder, name)] = (status.st_ino, status.st_mtime_ns)
    return found


def bench_rebuild(binary, corpus_folder, count, round_number):
    """The same build again into the same output, nothing changed: time, and files touched (new,
    or kept under a new inode or time)."""
    output = fresh_output("noticeboard", count, round_number)
    before = inodes(output)
    wall, cpu, peak, text = run([str(binary), "--lang", "en", "build", "--content", str(corpus_folder), "--output", str(output),
                                 "--themes", str(ROOT / "themes")])
    after = inodes(output)
    touched = sum(1 for path, stamp in after.items() if before.get(path) != stamp)
    return wall, cpu, peak, touched


def site_sizes(site):
    """Total bytes of a site's files and its largest HTML page (bytes, site-relative path)."""
    total, largest, largest_path = 0, 0, ""
    for folder, _, names in os.walk(site):
        for name in names:
            size = os.lstat(os.path.join(folder, name)).st_size
            total += size
            if name.endswith(".html") and size > largest:
                largest, largest_path = size, os.path.relpath(os.path.join(folder, name), site)
    return total, largest, largest_path


def median_of(rounds):
    return tuple(statistics.median(r[i] for r in rounds) for i in range(3)) + (rounds[-1][3],)


def main(sizes):
    WORK.mkdir(parents=True, exist_ok=True)
    # The last run's outputs are moved aside (a rename frees nothing) and deleted after timing.
    previous = WORK / f"outputs.previous-{os.getpid()}"
    if OUTPUTS.exists():
        OUTPUTS.rename(previous)
    OUTPUTS.mkdir()
    binary = noticeboard_binary()
    use_hugo = os.environ.get("BENCH_HUGO", "1") != "0" and shutil.which("hugo") is not None
    if os.environ.get("BENCH_HUGO", "1") != "0" and not use_hugo:
        print("note: hugo is not installed; `make bench` installs it (Debian package hugo). Hugo columns skipped.")
    pagefind = pagefind_binary() if use_hugo else None
    if use_hugo and pagefind is None and os.environ.get("BENCH_PAGEFIND", "1") != "0":
        print("note: Pagefind (PyPI pagefind-bin-extended) is not available; Pagefind columns skipped.")
    results = []
    for count in sizes:
        corpus_folder = corpus(count)
        files = markdown_files(corpus_folder)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        site = hugo_site(corpus_folder, count) if use_hugo else None
        rounds = {"noticeboard": [], "hugo": [], "pagefind": [], "hugo+pagefind": [], "copy": [], "hugo-copy": [], "cmark-gfm": [],
                  "rebuild": []}
        # The tools take turns within each round, so a change in the machine's load falls on all of them.
        for round_number in range(ROUNDS):
            rounds["noticeboard"].append(bench_noticeboard(binary, corpus_folder, count, round_number))
            if site:
                hugo = bench_hugo(site, count, round_number)
                rounds["hugo"].append(hugo)
                rounds["hugo-copy"].append(bench_copy(fresh_output("hugo", count, round_number), count, round_number, "hugo-copy"))
                if pagefind:
                    indexed = bench_pagefind(pagefind, fresh_output("hugo", count, round_number))
                    rounds["pagefind"].append(indexed)
                    rounds["hugo+pagefind"].append((hugo[0] + indexed[0], hugo[1] + indexed[1], max(hugo[2], indexed[2]), hugo[3]))
            rounds["copy"].append(bench_copy(fresh_output("noticeboard", count, round_number), count, round_number))
            rounds["cmark-gfm"].append(bench_cmark(files))
        # The rebuilds come after every round: a rebuild replaces its output's folders (its files are
        # kept as hard links), and on ext4 without a journal the folders it frees would slow the
        # next round's builds, ours and Hugo's, for the following half minute (docs/benchmark.md).
        for round_number in range(ROUNDS):
            rounds["rebuild"].append(bench_rebuild(binary, corpus_folder, count, round_number))
        row = {"notices": count, "markdownMB": round(megabytes, 1), "rounds": ROUNDS}
        for tool, measured in rounds.items():
            if measured:
                wall, cpu, peak, pages = median_of(measured)
                row[tool] = {"wall": wall, "cpu": cpu, "peakMiB": peak, "pages": pages}
        row["rebuild"]["filesTouched"] = row["rebuild"].pop("pages")
        ours = row["noticeboard"]
        if ours["pages"]:
            ours["pagesPerSecond"] = ours["pages"] / ours["wall"]
        total, largest, largest_path = site_sizes(fresh_output("noticeboard", count, 0))
        row["outputBytes"] = total
        row["outputFiles"] = sum(len(names) for _, _, names in os.walk(fresh_output("noticeboard", count, 0)))
        row["bytesPerNotice"] = total / count
        row["largestHTML"] = {"bytes": largest, "path": largest_path}
        results.append(row)
    print_table(results)
    shutil.rmtree(previous, ignore_errors=True)
    if os.environ.get("BENCH_JSON"):
        pathlib.Path(os.environ["BENCH_JSON"]).write_text(json.dumps(results, indent=2))
    return results


def verdict(value, budget, applies):
    if not applies:
        return "no budget at this size"
    return "met" if value <= budget else "NOT met"


def print_table(results):
    try:
        load = os.getloadavg()
        print(f"\nload average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores; "
              f"median of {results[0]['rounds'] if results else ROUNDS} rounds")
    except OSError:
        pass
    print(f"{'notices':>8} {'Markdown':>9}  {'tool':<14} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'pages':>7} {'pages/s':>8}")
    for row in results:
        for tool in ("noticeboard", "hugo", "pagefind", "hugo+pagefind", "copy", "hugo-copy", "cmark-gfm", "rebuild"):
            if tool not in row:
                continue
            m = row[tool]
            pages = m.get("pages")
            rate = f"{pages / m['wall']:.0f}" if pages and m["wall"] > 0 else ""
            shown = m.get("pages") or ""
            if tool == "rebuild":
                shown = f"{m['filesTouched']} touched"
            print(f"{row['notices']:>8} {row['markdownMB']:>7.1f}MB  {tool:<14} {m['wall']:>8.2f} {m['cpu']:>8.2f} "
                  f"{m['peakMiB']:>9.0f} {shown:>7} {rate:>8}")
    print("\nbudgets:")
    for row in results:
        ours, count = row["noticeboard"], row["notices"]
        checks = []
        if "hugo+pagefind" in row:
            ratio = ours["wall"] / row["hugo+pagefind"]["wall"]
            checks.append(f"{ratio:.2f} × (Hugo + Pagefind) wall (≤ {HUGO_PAGEFIND_BUDGET}: "
                          f"{verdict(ratio, HUGO_PAGEFIND_BUDGET, count in HUGO_PAGEFIND_BUDGET_AT)}); "
                          f"{ours['cpu'] / row['hugo+pagefind']['cpu']:.2f} × by CPU time")
        elif "hugo" in row:
            checks.append(f"{ours['wall'] / row['hugo']['wall']:.2f} × Hugo alone (Pagefind not run)")
        ratio = ours["wall"] / row["copy"]["wall"]
        checks.append(f"{ratio:.2f} × plain copy wall (≤ {COPY_BUDGET}: {verdict(ratio, COPY_BUDGET, True)})")
        # The same yardstick held to Hugo, and what a page costs each in CPU time: how far the copy
        # budget is from what a fast generator does (docs/benchmark.md, the floors).
        if "hugo-copy" in row and row["hugo-copy"]["wall"] > 0:
            checks.append(f"for comparison, Hugo {row['hugo']['wall'] / row['hugo-copy']['wall']:.1f} × a plain copy of its own output")
        if ours["pages"] and "hugo" in row and row["hugo"]["pages"]:
            checks.append(f"CPU per page: {1000 * ours['cpu'] / ours['pages']:.2f} ms ours, "
                          f"{1000 * row['hugo']['cpu'] / row['hugo']['pages']:.2f} ms Hugo's")
        checks.append(f"peak {ours['peakMiB']:.0f} MiB (≤ {MEMORY_BUDGET_MIB}: {verdict(ours['peakMiB'], MEMORY_BUDGET_MIB, count == MEMORY_BUDGET_AT)})")
        checks.append(f"{row['bytesPerNotice'] / 1000:.1f} KB per notice (≤ {BYTES_PER_NOTICE_BUDGET // 1000}: "
                      f"{verdict(row['bytesPerNotice'], BYTES_PER_NOTICE_BUDGET, count == BYTES_PER_NOTICE_BUDGET_AT)})")
        checks.append(f"largest page {row['largestHTML']['bytes'] / 1000:.1f} KB, {row['largestHTML']['path']} (≤ {LARGEST_PAGE_BUDGET // 1000}: "
                      f"{verdict(row['largestHTML']['bytes'], LARGEST_PAGE_BUDGET, count == LARGEST_PAGE_BUDGET_AT)})")
        checks.append(f"{row['cmark-gfm']['wall'] and ours['wall'] / row['cmark-gfm']['wall']:.2f} × cmark-gfm")
        checks.append(f"rebuild with nothing changed {row['rebuild']['wall']:.2f} s, {row['rebuild']['filesTouched']} of {row['outputFiles']} files touched")
        print(f"  {count:>6} notices:\n    " + "\n    ".join(checks))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
