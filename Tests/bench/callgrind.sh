#!/bin/sh
# Profiles a release build of N notices (default 50) with valgrind's callgrind, which counts
# instructions: the same input gives the same counts however busy the machine is. Prints the
# total and the costliest functions, inclusive. Usage: Tests/bench/callgrind.sh [N] [OUT.callgrind]
#
# Two things valgrind 3.19 needs here: the binary without its DWARF 5 debug information
# (objcopy --strip-debug), and a sigsuspend that copies its mask first (valgrind_sigsuspend.c,
# preloaded): libdispatch hands the async main thread's sigsuspend a read-only mask, which
# valgrind writes into, and it then stops with "the 'impossible' happened".
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=${1:-50}
OUT=${2:-/tmp/nb-bench/callgrind-$COUNT.out}
WORK=${BENCH_DIR:-/tmp/nb-bench}
mkdir -p "$WORK"
command -v valgrind >/dev/null || { echo "needs valgrind (Debian package valgrind)"; exit 1; }
(cd "$ROOT" && swift build -c release --product noticeboard)
cc -shared -fPIC -O2 -o "$WORK/valgrind_sigsuspend.so" "$ROOT/Tests/bench/valgrind_sigsuspend.c"
objcopy --strip-debug "$ROOT/.build/release/noticeboard" "$WORK/noticeboard-nodebug"
[ -d "$WORK/corpus-$COUNT" ] || python3 "$ROOT/Tests/bench/make_corpus.py" "$COUNT" "$WORK/corpus-$COUNT"
rm -rf "$WORK/callgrind-site-$COUNT"
LD_PRELOAD="$WORK/valgrind_sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$OUT" \
    "$WORK/noticeboard-nodebug" build --content "$WORK/corpus-$COUNT" --output "$WORK/callgrind-site-$COUNT" \
    --themes "$ROOT/themes" 2>&1 | grep -E "refs"
rm -rf "$WORK/callgrind-site-$COUNT"
callgrind_annotate --inclusive=yes "$OUT" | grep -E "SiteGeneration|SearchIndex|NoticeModel|MarkdownRendering|TemplateRendering|NoticeComparison|CalendarExport|Yams|icu_" \
    | grep -v -E "Parallel|partial apply|TA \[" | head -40 | cut -c1-160
echo "full profile: $OUT (callgrind_annotate --inclusive=yes $OUT)"
