#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The peer's side of parse-throughput.sh: Python feedparser parsing the same bytes in-process.

Reads every file first (not timed), then parses each one REPEATS times and prints one JSON
line shaped like `failwatch parse --bench`: files, bytes, items, seconds, items_per_s, mb_per_s.
"""
import json
import os
import sys
import time

import feedparser


def main() -> None:
    source, repeats = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1
    paths = []
    if os.path.isdir(source):
        for root, _, names in os.walk(source):
            if os.path.samefile(root, source):
                continue  # files beside the folders (README, manifest) are not feeds
            paths += [os.path.join(root, name) for name in names]
    else:
        paths = [source]
    bodies = [open(path, "rb").read() for path in sorted(paths)]
    items = failed = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(repeats):
        for body in bodies:
            try:
                items += len(feedparser.parse(body).entries)
            except Exception:  # noqa: BLE001 - a crash counts as a failed file, as on our side
                failed += 1
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    size = sum(len(body) for body in bodies)
    print(json.dumps({
        "parser": f"feedparser {feedparser.__version__}", "files": len(bodies), "repeats": repeats,
        "bytes": size, "items": items, "failed": failed, "seconds": seconds,
        "items_per_s": int(items / seconds), "mb_per_s": size * repeats / 1048576 / seconds,
        "cpu_seconds": cpu_seconds, "items_per_cpu_s": int(items / cpu_seconds),
    }))


if __name__ == "__main__":
    main()
