#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Feed-parser throughput and peak memory, failwatch beside Python feedparser on the same bytes.
#
#   swift build -c release && Benchmarks/parse-throughput.sh
#
# Needs: python3 with feedparser (pip install feedparser), /usr/bin/time, and the shared tools
# and corpora (FAILWATCH_CORPORA, default ../shared/corpora or /work/shared/corpora).
# In-process figures exclude process start-up and file reading (`failwatch parse --bench N`).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/release/failwatch}
TOOLS=${FAILWATCH_TOOLS:-/work/shared/tools}
CORPORA=${FAILWATCH_CORPORA:-/work/shared/corpora}
CORPUS="$CORPORA/feedparser"
BIG=${BIG:-/tmp/failwatch-big.xml}
MB=${MB:-10}
REPEATS_CORPUS=${REPEATS_CORPUS:-20}
REPEATS_BIG=${REPEATS_BIG:-3}

[ -x "$BIN" ] || { echo "build first: swift build -c release" >&2; exit 1; }
[ -f "$BIG" ] || python3 "$TOOLS/make_big_rss.py" "$BIG" --mb "$MB" >&2

peak_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }

echo "== in-process throughput (items/s; start-up and reading excluded)"
echo "   CPU time is shown beside wall time: on a shared machine it is the steadier figure."
for target in "$CORPUS:$REPEATS_CORPUS" "$BIG:$REPEATS_BIG"; do
    path=${target%:*}
    repeats=${target##*:}
    ours=$("$BIN" parse "$path" --bench "$repeats")
    theirs=$(python3 Benchmarks/feedparser_bench.py "$path" "$repeats")
    python3 - "$path" "$ours" "$theirs" <<'PY'
import json, sys
path, ours, theirs = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
for r in (ours, theirs):
    print(f"  {r['parser']:<20} {path}: {r['files']} files x{r['repeats']}, {r['items']} items in "
          f"{r['seconds']:.3f} s wall = {r['items_per_s']:>9,} items/s ({r['mb_per_s']:.1f} MB/s); "
          f"{r['cpu_seconds']:.3f} s CPU = {r['items_per_cpu_s']:>9,} items/CPU-s")
print(f"  speed-up: {ours['items_per_s'] / max(theirs['items_per_s'], 1):.1f}x feedparser (wall), "
      f"{ours['items_per_cpu_s'] / max(theirs['items_per_cpu_s'], 1):.1f}x (CPU time)")
PY
done

echo "== peak memory, one process parsing $BIG ($(stat -c %s "$BIG") bytes)"
size_kb=$(( $(stat -c %s "$BIG") / 1024 ))
ours_kb=$(peak_kb "$BIN" parse "$BIG" --json)
theirs_kb=$(peak_kb python3 -c 'import sys, feedparser; feedparser.parse(open(sys.argv[1], "rb").read())' "$BIG")
idle_kb=$(peak_kb "$BIN" --version)
echo "  failwatch parse --json   peak RSS ${ours_kb} KB = $(python3 -c "print(f'{$ours_kb/$size_kb:.2f}')")x file size (idle process: ${idle_kb} KB)"
echo "                           above the idle runtime: $((ours_kb - idle_kb)) KB = $(python3 -c "print(f'{($ours_kb-$idle_kb)/$size_kb:.2f}')")x file size"
echo "  python feedparser        peak RSS ${theirs_kb} KB = $(python3 -c "print(f'{$theirs_kb/$size_kb:.2f}')")x file size"
start=$(date +%s.%N); "$BIN" parse "$BIG" --json >/dev/null; end=$(date +%s.%N)
echo "  failwatch parse $BIG --json > /dev/null: $(python3 -c "print(f'{$end-$start:.2f}')") s wall (with start-up and JSON output)"
