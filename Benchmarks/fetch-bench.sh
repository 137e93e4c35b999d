#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Conditional GETs answered 304 by the loopback server, release build.
# Usage: Benchmarks/fetch-bench.sh   (from the package root)
set -eu
swift build -c release --product FetchBench
exec .build/release/FetchBench
