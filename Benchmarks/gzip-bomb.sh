#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Peak memory of `poll` and `parse` against a gzip bomb (2 MB on the wire, 2 GiB inflated)
# served on loopback, beside a healthy feed; the 50 MiB cap must hold while libcurl inflates.
# Usage: Benchmarks/gzip-bomb.sh [path/to/failwatch]   (from the package root; needs python3, /usr/bin/time)
set -eu
BIN=${1:-.build/release/failwatch}
[ -x "$BIN" ] || swift build -c release --product failwatch
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
python3 - "$WORK/bomb.gz" <<'PY'
import sys, zlib
c = zlib.compressobj(9, zlib.DEFLATED, 31)
with open(sys.argv[1], "wb") as out:
    out.write(c.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><title>'))
    for _ in range(2048):
        out.write(c.compress(b"\0" * (1 << 20)))
    out.write(c.flush())
PY
cat > "$WORK/serve.py" <<'PY'
import http.server, sys
BOMB = open(sys.argv[1], "rb").read()
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>ok</title>'
        b'<item><guid>1</guid><title>Vodafone Stoerung</title></item></channel></rss>')
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        bomb = self.path.startswith("/bomb")
        body = BOMB if bomb else FEED
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if bomb: self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try: self.wfile.write(body)
        except OSError: pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$WORK/serve.py" "$WORK/bomb.gz" > "$WORK/port" &
SERVER=$!
while [ ! -s "$WORK/port" ]; do sleep 0.1; done
PORT=$(cat "$WORK/port")
echo "bomb: $(wc -c < "$WORK/bomb.gz") bytes on the wire, 2 GiB inflated; cap 50 MiB"
for SOURCES in ok bomb; do
    {
        printf 'version: 1\nstore:\n  path: store-%s.sqlite\nproviders:\n  - name: Vodafone\nsources:\n' "$SOURCES"
        printf '  - {name: ok, url: "http://127.0.0.1:%s/feed.xml"}\n' "$PORT"
        [ "$SOURCES" = bomb ] && printf '  - {name: bomb, url: "http://127.0.0.1:%s/bomb.xml"}\n' "$PORT"
    } > "$WORK/$SOURCES.yml"
    /usr/bin/time -f "poll ($SOURCES): peak %M KB, %e s" "$BIN" poll --quiet --config "$WORK/$SOURCES.yml" \
        --now 2026-11-21T09:00:00Z 2>&1 | grep -E "peak|bomb" || true
done
/usr/bin/time -f "parse (feed): peak %M KB, %e s" "$BIN" parse "http://127.0.0.1:$PORT/feed.xml" 2>&1 | grep peak
/usr/bin/time -f "parse (bomb): peak %M KB, %e s" "$BIN" parse "http://127.0.0.1:$PORT/bomb.xml" 2>&1 | grep -E "peak|failwatch:" || true
