#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# CPU seconds of `failwatch poll` whose one source accepts the connection and never answers,
# with `fetch: timeout: 5s`: what waiting on the network costs (issue 12, goal <= 0.25 s).
# Each binary given is run RUNS times (default 3) against the same loopback server, so
# transports compare side by side in one run, e.g. the main branch's build against this one:
#   Benchmarks/idle-wait.sh /tmp/failwatch-main .build/release/failwatch
# Needs python3 and GNU time (/usr/bin/time).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BINARY [BINARY...]" >&2; exit 2; }
RUNS=${RUNS:-3}
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
cat > "$WORK/silent.py" <<'PY'
import socket, sys, threading
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(64)
print(listener.getsockname()[1], flush=True)
held = []
while True:
    connection, _ = listener.accept()
    held.append(connection)  # read nothing, answer nothing, close nothing
PY
python3 "$WORK/silent.py" > "$WORK/port" &
SERVER=$!
while [ ! -s "$WORK/port" ]; do sleep 0.1; done
PORT=$(cat "$WORK/port")
printf 'version: 1\nstore:\n  path: store.sqlite\nfetch:\n  timeout: 5s\nproviders:\n  - name: Vodafone\nsources:\n  - {name: silent, url: "http://127.0.0.1:%s/feed.xml"}\n' \
    "$PORT" > "$WORK/feeds.yml"
echo "one source that never answers, fetch timeout 5 s; $RUNS runs per binary"
for BIN in "$@"; do
    for RUN in $(seq "$RUNS"); do
        rm -f "$WORK"/store.sqlite*
        /usr/bin/time -f "%U %S %e %M" -o "$WORK/time" "$BIN" poll --quiet --config "$WORK/feeds.yml" \
            --now 2026-11-21T09:00:00Z > /dev/null 2>&1 || true
        read -r USER SYS WALL PEAK < "$WORK/time"
        CPU=$(awk "BEGIN { print $USER + $SYS }")
        echo "$BIN run $RUN: cpu ${CPU} s (user $USER + sys $SYS), wall $WALL s, peak ${PEAK} KB"
    done
done
