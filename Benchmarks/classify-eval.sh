#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Scores the classifier on the public evaluation splits: rules only (eval_classify.py), then the
# linear model under 5-fold cross-validation (`failwatch train --cv 5`). Trains nothing it keeps.
#
# Usage: Benchmarks/classify-eval.sh [SHARED=/work/shared]   (after `swift build -c release`)
set -eu
SHARED=${1:-/work/shared}
BIN=${BIN:-.build/release/failwatch}
EVAL="$SHARED/tools/eval_classify.py"
C="$SHARED/corpora"

run() {
    echo "== $1 --task $2 (rules only)"
    python3 "$EVAL" --data "$C/$1" --task "$2" --cmd "$BIN classify" | grep -E "^class|accuracy|micro-F1|F1=" | tail -4
}
run complaints/public.jsonl complaint
run airline/public.jsonl negative
run germeval2017/dev.jsonl sentiment3
echo "== germeval2017 dev, language guessed (--no-lang)"
python3 "$EVAL" --data "$C/germeval2017/dev.jsonl" --task sentiment3 --no-lang --cmd "$BIN classify" | tail -1
for d in complaints/public.jsonl airline/public.jsonl germeval2017/dev.jsonl; do
    echo "== train --cv 5 on $d"
    "$BIN" train --data "$C/$d" --cv 5
done
