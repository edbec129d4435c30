#!/usr/bin/env python3
"""Build benchmark: Noticeboard's full build against Hugo and the raw cmark-gfm command, on
corpora of N notices made from the five in content/ (make_corpus.py). Not a test: it prints a
table. Usage: build_bench.py [N ...]   (default: 1000 10000)

For each N, in one run: the corpus is generated once; then, for several rounds (median reported),
  - noticeboard: `noticeboard build` over the corpus, every page type and the search index;
  - hugo:        the Debian `hugo` over the same notices' Markdown (notice.md) with a minimal
                 theme written here (a page per notice, the home and section lists, RSS, sitemap);
  - cmark-gfm:   the Debian `cmark-gfm` command over the same Markdown files in one process, with
                 the GFM extensions Noticeboard uses: close to the floor for rendering alone.
Wall time, CPU time (user + system) and peak memory (max RSS) come from wait4() on the child.

Environment: BENCH_ROUNDS (default 3), BENCH_DIR (default /tmp/nb-bench), BENCH_BIN (a noticeboard
binary to use instead of building the release one), BENCH_HUGO=0 to skip Hugo (also skipped with a
note when it is not installed; `make bench` installs it), BENCH_JSON=path to also write the results.

Budgets (issue #9): the build ≤ 0.5 × Hugo's wall time at every N, ≤ 5 × cmark-gfm's at 10,000,
peak memory ≤ 1 GiB at 10,000.
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
HUGO_BUDGET = 0.5
CMARK_BUDGET = 5.0
CMARK_BUDGET_FROM = 10_000
MEMORY_BUDGET_MIB = 1024
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
    results = []
    for count in sizes:
        corpus_folder = corpus(count)
        files = markdown_files(corpus_folder)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        site = hugo_site(corpus_folder, count) if use_hugo else None
        rounds = {"noticeboard": [], "hugo": [], "cmark-gfm": []}
        for round_number in range(ROUNDS):
            rounds["noticeboard"].append(bench_noticeboard(binary, corpus_folder, count, round_number))
            if site:
                rounds["hugo"].append(bench_hugo(site, count, round_number))
            rounds["cmark-gfm"].append(bench_cmark(files))
        row = {"notices": count, "markdownMB": round(megabytes, 1), "rounds": ROUNDS}
        for tool, measured in rounds.items():
            if measured:
                wall, cpu, peak, pages = median_of(measured)
                row[tool] = {"wall": wall, "cpu": cpu, "peakMiB": peak, "pages": pages}
        results.append(row)
    print_table(results)
    shutil.rmtree(previous, ignore_errors=True)
    if os.environ.get("BENCH_JSON"):
        pathlib.Path(os.environ["BENCH_JSON"]).write_text(json.dumps(results, indent=2))
    return results


def print_table(results):
    try:
        load = os.getloadavg()
        print(f"\nload average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores; "
              f"median of {results[0]['rounds'] if results else ROUNDS} rounds")
    except OSError:
        pass
    print(f"{'notices':>8} {'Markdown':>9}  {'tool':<12} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9} {'pages':>7}")
    for row in results:
        for tool in ("noticeboard", "hugo", "cmark-gfm"):
            if tool not in row:
                continue
            m = row[tool]
            print(f"{row['notices']:>8} {row['markdownMB']:>7.1f}MB  {tool:<12} {m['wall']:>8.2f} {m['cpu']:>8.2f} "
                  f"{m['peakMiB']:>9.0f} {m['pages'] if m['pages'] is not None else '?':>7}")
    print("\nbudgets:")
    for row in results:
        ours = row["noticeboard"]
        checks = []
        if "hugo" in row:
            ratio = ours["wall"] / row["hugo"]["wall"]
            checks.append(f"{ratio:.2f} × Hugo (≤ {HUGO_BUDGET}: {'met' if ratio <= HUGO_BUDGET else 'NOT met'})")
        ratio = ours["wall"] / row["cmark-gfm"]["wall"]
        if row["notices"] >= CMARK_BUDGET_FROM:
            checks.append(f"{ratio:.2f} × cmark-gfm (≤ {CMARK_BUDGET:g}: {'met' if ratio <= CMARK_BUDGET else 'NOT met'})")
            checks.append(f"peak {ours['peakMiB']:.0f} MiB (≤ {MEMORY_BUDGET_MIB}: {'met' if ours['peakMiB'] <= MEMORY_BUDGET_MIB else 'NOT met'})")
        else:
            checks.append(f"{ratio:.2f} × cmark-gfm")
            checks.append(f"peak {ours['peakMiB']:.0f} MiB")
        print(f"  {row['notices']:>6} notices: " + "; ".join(checks))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
