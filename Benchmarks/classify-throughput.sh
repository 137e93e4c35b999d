#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Throughput of `failwatch classify` against VADER (pip install vaderSentiment) on the same 100k posts.
#
# The posts are the public evaluation texts (airline, complaints, GermEval dev) repeated to N lines,
# written to a temporary file only. Reports posts/s of the binary end to end (JSON in and out),
# of the classification alone in-process (--timing, one core), and of VADER's
# SentimentIntensityAnalyzer.polarity_scores over the same texts in one Python process.
# CPU time (not wall time) is compared, so other jobs on a shared machine distort less.
#
# Usage: Benchmarks/classify-throughput.sh [N=100000] [CORPORA=/work/shared/corpora]
set -eu
N=${1:-100000}
CORPORA=${2:-/work/shared/corpora}
BIN=${BIN:-.build/release/failwatch}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$N" "$CORPORA" "$TMP/posts.jsonl" <<'PY'
import json, sys
n, corpora, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
texts = []
for path in ("airline/public.jsonl", "complaints/public.jsonl", "germeval2017/dev.jsonl"):
    for line in open(corpora + "/" + path, encoding="utf-8"):
        r = json.loads(line)
        texts.append((r["text"], r.get("lang")))
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        t, lang = texts[i % len(texts)]
        f.write(json.dumps({"id": "p%d" % i, "text": t, "lang": lang}) + "\n")
PY

echo "posts: $N ($(wc -c < "$TMP/posts.jsonl") bytes)"
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$TMP/cpu.txt" "$BIN" classify --timing < "$TMP/posts.jsonl" > "$TMP/out.jsonl" 2> "$TMP/err.txt"
end=$(date +%s.%N)
lines=$(wc -l < "$TMP/out.jsonl")
# The process classifies twice with --timing (stream, then the in-memory loop); the stream part's CPU
# time is total CPU minus the loop's, which --timing reports.
ours=$(python3 -c "print(int($lines / ($end - $start)))")
echo "failwatch classify (end to end incl. --timing loop, wall): $lines posts in $(python3 -c "print(round($end - $start, 3))") s"
cat "$TMP/err.txt"
ours_cpu=$(python3 - "$TMP/cpu.txt" "$TMP/err.txt" "$lines" <<'PY'
import re, sys
u, s = map(float, open(sys.argv[1]).read().split()[:2])
loop = float(re.search(r"in ([0-9.]+) s CPU", open(sys.argv[2]).read()).group(1))
print(int(int(sys.argv[3]) / max(u + s - loop, 1e-9)))
PY
)
echo "failwatch classify end to end (JSON in/out, CPU time of the streaming pass): $ours_cpu posts/s"

python3 - "$TMP/posts.jsonl" "$ours_cpu" <<'PY'
import json, sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
ours = int(sys.argv[2])
sia = SentimentIntensityAnalyzer()
t0 = time.process_time()
for t in texts:
    sia.polarity_scores(t)
dt = time.process_time() - t0
vader = len(texts) / dt
print("VADER polarity_scores (same texts, in-process, CPU time): %d posts in %.2f s = %d posts/s" % (len(texts), dt, vader))
print("ratio failwatch end to end / VADER in-process: %.0fx" % (ours / vader))
PY
