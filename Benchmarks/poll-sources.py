#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Times `failwatch poll` over N loopback RSS sources.

Run 1: every source answers 200 with ITEMS new items (a cold store).
Run 2: every source answers 304 (the validators from run 1 match).
Prints wall time and peak RSS of each run. Loopback only.

    swift build -c release
    python3 Benchmarks/poll-sources.py --binary .build/release/failwatch --sources 200 --items 50
"""
import argparse, hashlib, http.server, os, resource, subprocess, sys, tempfile, threading, time


def feed(index, items):
    entries = []
    for i in range(items):
        entries.append(
            f"<item><title>Vodafone Störung in Köln? Post {index}-{i}</title>"
            f"<link>https://example.org/{index}/{i}</link><guid>src{index}-item{i}</guid>"
            f"<author>user{i}@example.org</author>"
            f"<pubDate>Sat, 21 Nov 2026 0{i % 10}:{i % 60:02d}:00 +0100</pubDate>"
            f"<description>&lt;p&gt;Seit 20 Minuten kein Internet bei Vodafone, bei euch auch? #{index} {i}&lt;/p&gt;</description></item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Source {index}</title><link>https://example.org/{index}</link>"
            + "".join(entries) + "</channel></rss>").encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/failwatch")
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    args = ap.parse_args()

    bodies = {f"/feed/{i}.xml": feed(i, args.items) for i in range(args.sources)}
    etags = {path: '"' + hashlib.sha1(body).hexdigest() + '"' for path, body in bodies.items()}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
            if self.headers.get("If-None-Match") == etags[self.path]:
                self.send_response(304); self.send_header("ETag", etags[self.path]); self.end_headers(); return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etags[self.path])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "feeds.yml")
        with open(config, "w") as f:
            f.write("version: 1\nstore:\n  path: bench.sqlite\nfetch:\n  concurrency: 16\n")
            f.write("providers:\n  - name: Vodafone\n    aliases: [Vodafone Kabel]\nsources:\n")
            for path in bodies:
                name = path.split("/")[-1].split(".")[0]
                f.write(f"  - name: src{name}\n    kind: feed\n    url: http://127.0.0.1:{port}{path}\n    interval: 5m\n")
        for label, now in (("200 with %d new items each" % args.items, "2026-11-21T10:00:00Z"),
                           ("all 304 not modified", "2026-11-21T10:05:00Z")):
            start = time.perf_counter()
            proc = subprocess.run([args.binary, "poll", "--config", config, "--now", now, "--json"],
                                  capture_output=True, text=True)
            wall = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                sys.exit(f"poll exited {proc.returncode}")
            print(f"{args.sources} sources, {label}: {wall:.3f} s wall, peak RSS so far {peak:.0f} MiB")
            print("  " + proc.stdout.strip()[:300])
    server.shutdown()


if __name__ == "__main__":
    main()
