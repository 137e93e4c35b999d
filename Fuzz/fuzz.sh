#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Coverage-guided fuzzing of one parser with libFuzzer (see Fuzz/README.md).
#   Fuzz/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags…]
# TARGET: feed mastodon bluesky reddit hackernews lemmy instagram threads json statuspage config series
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/fuzz.sh TARGET [SECONDS] [libFuzzer flags]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
scratch=.build-fuzz
FAILWATCH_FUZZ=1 swift build -c release --sanitize=fuzzer --product FailwatchFuzz --scratch-path "$scratch" >&2
binary=$(FAILWATCH_FUZZ=1 swift build -c release --sanitize=fuzzer --product FailwatchFuzz --scratch-path "$scratch" --show-bin-path)/FailwatchFuzz
# libFuzzer writes new inputs into the first corpus folder: a working copy, seeded from the fixtures.
corpus="$scratch/corpus/$target"
findings="$scratch/findings/$target"
mkdir -p "$corpus" "$findings"
seeds=Tests/FailwatchKitTests/Fixtures/fuzz/$target
[ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null || true
# -max_len: big enough for the deep-nesting shapes the replay test tries; -rss_limit_mb: a parser
# that holds more than the fetch cap's worth of memory is a finding too.
SWIFT_BACKTRACE=enable=no FUZZ_TARGET=$target exec "$binary" "$corpus" -artifact_prefix="$findings/" -max_total_time="$seconds" \
    -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@"
