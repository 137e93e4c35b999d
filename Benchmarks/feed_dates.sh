#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# In-process throughput of FeedDate.parse per date form (release build).
# Usage: swift build -c release && Benchmarks/feed_dates.sh [REPEAT]
set -eu
bin=${FAILWATCH_BIN:-.build/release/failwatch}
n=${1:-1000000}
for d in \
    'Mon, 05 Jan 2004 21:49:13 GMT' \
    'Mon, 05 Jan 2004 21:49:13 +0100' \
    '2004-01-05T21:49:13Z' \
    '2007-04-23T23:25:47.538+10:00' \
    'Mo., 15 Mär 2004 10:00:00 MEZ' \
    'Sun Jan  4 16:29:06 2004' \
    'not a date at all'
do
    printf '%-36s ' "$d"
    "$bin" parse-date --repeat-count "$n" "$d" 2>&1 >/dev/null || true
done
