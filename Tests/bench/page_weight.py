#!/usr/bin/env python3
"""Measures what a built site's pages weigh, and what each page is made of (issue 19).

    page_weight.py SITE_DIR                 bytes by page type, in total and per notice
    page_weight.py SITE_DIR --parts         the same, and each page type's parts on average
    page_weight.py SITE_DIR PAGE.html ...   one page broken into its parts

The parts are the page's regions (layout head, site header and footer, breadcrumbs, the notice's
sections, the calculator and its JSON, the checklist's profile form and items …) and, across the
whole page, the bytes that carry no text: markup, blank lines, each attribute by name, and a few
boilerplate strings named in the issue. Standard library only; reads, never writes.
"""
import collections
import html.parser
import os
import re
import sys


def kind_of(relative):
    parts = relative.split(os.sep)
    name = parts[-1]
    if name.endswith(".ics"):
        return "calendar (.ics)"
    if parts[0] == "search" or name.startswith("search"):
        return "search"
    if not name.endswith(".html"):
        return "other files"
    if parts[0].isdigit():
        if "checklist" in parts:
            # checklist/LEVEL/index.html is a level's former address: a page that sends the reader on.
            return "former checklist address" if len(parts) == 5 else "checklist page"
        if "templates" in parts:
            return "template page"
        if len(parts) == 3:
            return "notice page"
    if parts[0] == "series":
        return "series / specialty pages"
    return "home, 404 and other pages"


def totals(site, parts=False):
    sizes = collections.defaultdict(lambda: [0, 0])
    regions = collections.defaultdict(collections.Counter)
    extras = collections.defaultdict(collections.Counter)
    notices = 0
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, site)
            kind = kind_of(relative)
            sizes[kind][0] += 1
            sizes[kind][1] += os.path.getsize(path)
            if kind == "notice page":
                notices += 1
            if parts and kind in ("notice page", "checklist page", "template page"):
                data = open(path, "rb").read()
                regions[kind].update(region_spans(data))
                text = data.decode()
                for name, pattern in BOILERPLATE:
                    extras[kind][name] += sum(len(f.encode()) for f in pattern.findall(text))
    notices = max(notices, 1)
    print(f"{notices} notices in {site}\n")
    print("| files | count | bytes | average | per notice |")
    print("|---|---:|---:|---:|---:|")
    html = 0
    for kind, (count, size) in sorted(sizes.items(), key=lambda pair: -pair[1][1]):
        print(f"| {kind} | {count} | {size:,} | {size // max(count, 1):,} | {size / notices / 1024:.1f} KB |")
        if kind.endswith("page") or kind.endswith("pages"):
            html += size
    everything = sum(size for _, size in sizes.values())
    print(f"| all HTML | | {html:,} | | {html / notices / 1024:.1f} KB |")
    print(f"| everything | | {everything:,} | | {everything / notices / 1024:.1f} KB |")
    for kind in regions:
        count = sizes[kind][0]
        print(f"\n### {kind}: {count} pages, {sizes[kind][1] // count:,} bytes on average\n")
        print("| part | bytes per page | share |")
        print("|---|---:|---:|")
        for name, size in sorted(regions[kind].items(), key=lambda pair: -pair[1]):
            print(f"| {name} | {size // count:,} | {100 * size / sizes[kind][1]:.0f} % |")
        for name, size in extras[kind].most_common():
            if size:
                print(f"| of which, across the page: {name} | {size // count:,} | {100 * size / sizes[kind][1]:.0f} % |")


class Census(html.parser.HTMLParser):
    """Text bytes, markup bytes, and attribute bytes by name."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.text = 0
        self.whitespace = 0
        self.attributes = collections.Counter()

    def handle_data(self, data):
        stripped = data.strip()
        self.text += len(stripped.encode())
        self.whitespace += len(data.encode()) - len(stripped.encode())

    def handle_entityref(self, name):
        self.text += len(name) + 2

    def handle_charref(self, name):
        self.text += len(name) + 3

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text()
        for name, value in attrs:
            # The attribute as written: ` name="value"` (values were written with double quotes).
            size = 1 + len(name) + (0 if value is None else 3 + len(raw_value(raw, name, value)))
            self.attributes[name] += size

    handle_startendtag = handle_starttag


def raw_value(raw, name, value):
    match = re.search(r'\s' + re.escape(name) + r'="([^"]*)"', raw)
    return match.group(1).encode() if match else value.encode()


# Regions in page order: a region runs from its marker to the next marker found.
REGIONS = [
    ("layout: head", "<!DOCTYPE"),
    ("layout: skip link and site header", "<body>"),
    ("breadcrumbs", '<nav aria-label="当前位置"'),
    ("notice: header and callouts", '<article class="notice"'),
    ("notice: what changed since last year", '<section class="changes"'),
    ("notice: key facts", '<section class="key-facts"'),
    ("calculator: markup", '<section class="calculator"'),
    ("calculator: rules JSON", '<script type="application/json" id="rules-'),
    ("calculator: markup", "</script>\n</section>"),
    ("notice: eligibility", '<section aria-labelledby="eligibility-title"'),
    ("notice: other rules", '<section aria-labelledby="rules-title"'),
    ("notice: cited documents", '<section aria-labelledby="regulations-title"'),
    ("notice: checklist links", '<section aria-labelledby="checklist-title"'),
    ("notice: template links", '<section aria-labelledby="templates-title"'),
    ("notice: table of contents", '<section aria-labelledby="fulltext-title"'),
    ("notice: full text", '<div class="notice-text">'),
    ("notice: transcription notes", '<section aria-labelledby="notes-title"'),
    ("checklist: heading and intro", '<div class="checklist-page"'),
    ("checklist: profile form", '<form class="profile"'),
    ("checklist: progress and export", '<div class="progress"'),
    ("checklist: items", '<section class="check-section"'),
    ("checklist: print note", '<p class="print-note"'),
    ("template: heading and help", '<div class="template-page"'),
    ("template: form", '<form class="template-form"'),
    ("template: document", '<div class="paper-wrap"'),
    ("template: other templates", '<nav aria-labelledby="other-templates-title"'),
    ("template: working calendar JSON", '<script type="application/json" id="working-calendar"'),
    ("scripts", '<script defer'),
    ("layout: footer", "</main>"),
]

BOILERPLATE = [
    ("blank lines", re.compile(r"\n(?=\n)")),
    ('data-conditions="{}"', re.compile(r' data-conditions="\{\}"')),
    ("source links (查看通知原文)", re.compile(r'<p class="source-line">.*?</p>')),
    ("source links (原文/出处)", re.compile(r' <a class="source" href="[^"]*">(?:原文|出处)</a>')),
    ("item wrapper markup", re.compile(r'<li class="check-item"[^>]*>|<input type="checkbox" id="tick-[^>]*>|<div><label [^>]*>|</label>|</div>\n</li>')),
]


def region_spans(text):
    spans = []
    for name, marker in REGIONS:
        start = 0
        while True:
            found = text.find(marker.encode(), start)
            if found < 0:
                break
            spans.append((found, name))
            if name not in ("checklist: items", "scripts"):
                break
            start = found + 1
    spans.sort()
    merged = []
    for offset, name in spans:
        if merged and merged[-1][1] == name:
            continue
        merged.append((offset, name))
    sizes = collections.Counter()
    for index, (offset, name) in enumerate(merged):
        end = merged[index + 1][0] if index + 1 < len(merged) else len(text)
        sizes[name] += end - offset
    # The body of the layout after the footer marker is the footer itself.
    return sizes


def breakdown(path):
    data = open(path, "rb").read()
    print(f"\n## {path}: {len(data):,} bytes\n")
    print("| part | bytes | share |")
    print("|---|---:|---:|")
    for name, size in sorted(region_spans(data).items(), key=lambda pair: -pair[1]):
        print(f"| {name} | {size:,} | {100 * size / len(data):.0f} % |")
    census = Census()
    census.feed(data.decode())
    markup = len(data) - census.text - census.whitespace
    print(f"\ntext {census.text:,} · markup {markup:,} · whitespace between tags {census.whitespace:,}\n")
    print("| across the page | bytes |")
    print("|---|---:|")
    for name, pattern in BOILERPLATE:
        found = pattern.findall(data.decode())
        if found:
            print(f"| {name} ({len(found)}×) | {sum(len(f.encode()) for f in found):,} |")
    for name, size in census.attributes.most_common(10):
        print(f"| attribute `{name}` | {size:,} |")


def main(arguments):
    if not arguments:
        print(__doc__)
        return 2
    if len(arguments) == 1 or arguments[1:] == ["--parts"]:
        totals(arguments[0], parts=arguments[1:] == ["--parts"])
        return 0
    for page in arguments[1:]:
        breakdown(os.path.join(arguments[0], page))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
