#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Weekly report on a big store: 1,000,000 posts over 8 weeks and 10 providers (goal: html
# report under 2 s and under 300 MB peak memory, release build).
#
# usage: Benchmarks/report-bench.sh [POSTS] [ROUNDS]    (FAILWATCH_BENCH_DIR to keep the store)
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${1:-1000000}"
rounds="${2:-5}"
dir="${FAILWATCH_BENCH_DIR:-/tmp/failwatch-report-bench}"

swift build -c release --product failwatch >/dev/null
bin="$(swift build -c release --show-bin-path)/failwatch"

if [ ! -f "$dir/store.sqlite" ] || [ "$(cat "$dir/posts" 2>/dev/null)" != "$posts" ]; then
    echo "seeding $posts posts into $dir …"
    start=$(date +%s)
    python3 Benchmarks/report-seed.py --failwatch "$bin" --dir "$dir" --posts "$posts" --weeks 8 --providers 10 >/dev/null
    echo "$posts" >"$dir/posts"
    echo "seeded in $(( $(date +%s) - start )) s; store $(du -h "$dir/store.sqlite" | cut -f1)"
fi

for format in html md csv json; do
    for _ in $(seq "$rounds"); do
        # GNU time: elapsed seconds and peak resident set size in KiB.
        /usr/bin/time -o "$dir/time" -f "%e %M" "$bin" report --config "$dir/feeds.yml" --week 2026-W47 \
            --format "$format" --out "$dir/report.$format" 2>/dev/null
        line=$(tail -1 "$dir/time")
        echo "  $format: ${line% *} s, $(( ${line#* } / 1024 )) MB peak"
    done
done
ls -l "$dir"/report.*
