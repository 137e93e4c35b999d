#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Scores failwatch's spike detector and the named baselines on NAB's public Twitter-volume
# series with the shared NAB scorer, all in one run so the figures are comparable.
#
#   Benchmarks/nab.sh                    # data from ../shared/corpora/nab, or $FAILWATCH_CORPORA/nab
#   Benchmarks/nab.sh --files KO,PFE     # extra arguments go to nab_score.py
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${FAILWATCH_CORPORA:-../../shared/corpora}"
[ -d "$corpora/nab" ] || corpora=/work/shared/corpora
tools="$(dirname "$corpora")/tools"
swift build -c release >/dev/null
bin=.build/release/failwatch
run() {
    local name="$1"; shift
    echo "== $name"
    python3 "$tools/nab_score.py" --data "$corpora/nab" --jobs 2 \
        --cmd "$bin backtest --series {file} $*" "${extra[@]}" | tail -n 4
}
extra=("$@")
run "failwatch balanced" --sensitivity balanced
run "failwatch low" --sensitivity low
run "failwatch high" --sensitivity high
run "huginn (mean + 3 sigma over 14 d)" --detector huginn
run "socialmetrix (24 h vs 7 d + 2 sigma)" --detector socialmetrix
