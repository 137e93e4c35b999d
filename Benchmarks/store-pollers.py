#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Several `failwatch poll` processes on one PostgreSQL store (issue 19's measure).

Pollers mode: ROUNDS rounds one simulated minute apart (`--now`, so ten minutes take as long
as the polls do); in each round POLLERS processes start together against SOURCES loopback RSS
sources with 1-minute intervals, every source having one new item per round (a neutral mention of
Vodafone; in round BURST the first BURST_SOURCES sources each bring a complaint by another person,
an outage). Detection counts 1-minute intervals and alerts go to a loopback webhook receiver. In
round KILL one poller is killed with SIGKILL after KILL_AFTER seconds. Prints, per round, how many
sources were fetched 0, 1 or more times, how many each poller stored (its run's source rows), how
many detection passes were saved (PostgreSQL's insert and update count of the `detection` table,
one row per provider), and at the end how many posts are stored twice and how many alert
messages (Idempotency-Key) the receiver got more than once.

Compare mode (`--compare`): wall time of one poll of SOURCES sources x ITEMS new posts into
SQLite and into PostgreSQL, same binary, same run (use a release build for figures).

    swift build -c release --product failwatch
    . .ci/postgres.sh          # or any server: FAILWATCH_TEST_POSTGRES_URL=postgres://…
    python3 Benchmarks/store-pollers.py --binary .build/release/failwatch
    python3 Benchmarks/store-pollers.py --binary .build/release/failwatch --compare --sources 200 --items 50
"""
import argparse, collections, datetime, hashlib, http.server, os, signal, subprocess, sys, tempfile, threading, time, uuid


class World:
    """The loopback sources: each has `items` posts per round so far; GETs are counted per round."""

    def __init__(self, sources, items, burst_round=None, burst_sources=0, start=None):
        self.sources, self.items, self.round = sources, items, 0
        self.burst_round, self.burst_sources, self.start = burst_round, burst_sources, start
        self.lock = threading.Lock()
        self.fetches = collections.Counter()

    def text(self, index, r, i):
        if r == self.burst_round and index < self.burst_sources:
            return f"Vodafone Störung Köln: seit {r + 5} Minuten kein Internet #{index}-{i}"
        return f"Vodafone hat heute den neuen Tarif vorgestellt #{index}-{r}-{i}"

    def body(self, index):
        entries = []
        for r in range(self.round + 1):
            # Published half a minute before the round's --now: counted in the interval that round closes.
            published = (self.start + datetime.timedelta(minutes=r, seconds=-30)).strftime("%a, %d %b %Y %H:%M:%S +0000")
            for i in range(self.items):
                entries.append(
                    f"<item><title>{self.text(index, r, i)}</title><guid>s{index}-r{r}-i{i}</guid>"
                    f"<author>user{index}x{i}@example.org</author><pubDate>{published}</pubDate>"
                    f"<description>{self.text(index, r, i)}</description></item>")
        return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>s</title>"
                + "".join(entries) + "</channel></rss>").encode()


class Receiver:
    """A loopback webhook sink: counts the messages it got by Idempotency-Key."""

    def __init__(self):
        self.keys = collections.Counter()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.keys[self.headers.get("Idempotency-Key")] += 1
                self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def serve(world):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            index = int(self.path.strip("/").split(".")[0][1:])
            with world.lock:
                world.fetches[(world.round, index)] += 1
                body = world.body(index)
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304); self.send_header("ETag", etag); self.end_headers(); return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_config(path, port, sources, store, hook=None):
    with open(path, "w") as f:
        f.write(f"version: 1\nstore: {store}\nfetch:\n  concurrency: 16\n")
        f.write("providers:\n  - name: Vodafone\n")
        if hook:
            f.write(f"detection: {{interval: 1m}}\nsinks:\n  - {{name: hook, kind: webhook, url: \"{hook}\", secret: bench}}\n")
        f.write("sources:\n")
        for i in range(sources):
            f.write(f"  - {{name: s{i}, url: \"http://127.0.0.1:{port}/s{i}.xml\", interval: 1m, backfill: all}}\n")


def psql(url, schema, sql):
    base = url.split("?")[0]
    return subprocess.run(["psql", base, "-tA", "-c", f"SET search_path TO {schema}; {sql}"],
                          capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]


def detection_saves(url, schema):
    """Rows inserted or updated in the schema's `detection` table so far (one per provider and pass)."""
    return int(psql(url, "public", "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables "
                                   f"WHERE schemaname = '{schema}' AND relname = 'detection'"))


def pollers(args, url):
    start = datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.timezone.utc)
    world = World(args.sources, 1, args.burst, args.burst_sources, start)
    server = serve(world)
    receiver = Receiver()
    schema = "bench_" + uuid.uuid4().hex[:12]
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "feeds.yml")
        write_config(config, server.server_address[1], args.sources, f"{{url: \"${{BENCH_URL}}\", lease: {args.lease}}}",
                     receiver.url)
        env = dict(os.environ, BENCH_URL=url + ("&" if "?" in url else "?") + "schema=" + schema)
        print(f"{args.pollers} pollers x {args.rounds} rounds (1 simulated minute apart), {args.sources} sources "
              f"at 1m, lease {args.lease}, burst of {args.burst_sources} people in round {args.burst + 1}, "
              + (f"SIGKILL of one poller {args.kill_after}s into round {args.kill + 1}" if args.kill >= 0 else "no kill"))
        saves = 0
        for r in range(args.rounds):
            world.round = r
            when = start + datetime.timedelta(minutes=r)
            now = when.strftime("%Y-%m-%dT%H:%M:%SZ")
            began = time.perf_counter()
            procs = [subprocess.Popen([args.binary, "poll", "--config", config, "--now", now, "--quiet"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                     for _ in range(args.pollers)]
            if r == args.kill:
                time.sleep(args.kill_after)
                procs[0].send_signal(signal.SIGKILL)
            codes = [p.wait() for p in procs]
            wall = time.perf_counter() - began
            time.sleep(1)  # a backend reports its table counts when its poller's connection closes
            counts = collections.Counter(world.fetches[(r, i)] for i in range(args.sources))
            per_run = psql(url, schema, "SELECT COALESCE(string_agg(n::text, ' ' ORDER BY n DESC), '') FROM (SELECT COUNT(s.runId) AS n "
                                        f"FROM run LEFT JOIN sourceRun s ON s.runId = run.id WHERE run.startedAt = {int(when.timestamp())} "
                                        "GROUP BY run.id) t")
            total = detection_saves(url, schema)
            print(f"round {r + 1} ({now}): sources fetched 0x: {counts[0]}, 1x: {counts[1]}, "
                  f"2x or more: {sum(v for k, v in counts.items() if k > 1)}; stored per poller: {per_run or '-'}; "
                  f"detection passes: {total - saves}; exits {codes}; {wall:.1f} s")
            saves = total
        posts = psql(url, schema, "SELECT COUNT(*) || ' ' || COUNT(DISTINCT identity) FROM post").split()
        incidents = psql(url, schema, "SELECT COUNT(*) FROM incident")
        print(f"posts stored: {posts[0]}, distinct: {posts[1]} (stored twice: {int(posts[0]) - int(posts[1])}); "
              f"items served at least once: {len({(r, i) for (r, i) in world.fetches})} source-rounds")
        print(f"incidents: {incidents}; alert messages received: {sum(receiver.keys.values())} "
              f"({', '.join(f'{k} x{n}' for k, n in sorted(receiver.keys.items()))}); "
              f"received more than once: {sum(1 for n in receiver.keys.values() if n > 1)}")
        psql(url, "public", f"DROP SCHEMA {schema} CASCADE")
    server.shutdown()
    receiver.server.shutdown()


def compare(args, url):
    world = World(args.sources, args.items, 0, args.sources, datetime.datetime(2026, 11, 21, 9, 0, tzinfo=datetime.timezone.utc))
    server = serve(world)
    schema = "bench_" + uuid.uuid4().hex[:12]
    with tempfile.TemporaryDirectory() as tmp:
        for label, store, env in (
            ("SQLite", "{path: bench.sqlite}", {}),
            ("PostgreSQL", "{url: \"${BENCH_URL}\"}", {"BENCH_URL": url + ("&" if "?" in url else "?") + "schema=" + schema}),
        ):
            config = os.path.join(tmp, f"{label}.yml")
            write_config(config, server.server_address[1], args.sources, store)
            began = time.perf_counter()
            proc = subprocess.run([args.binary, "poll", "--config", config, "--now", "2026-11-21T09:00:00Z"],
                                  env=dict(os.environ, **env), capture_output=True, text=True)
            wall = time.perf_counter() - began
            if proc.returncode != 0:
                sys.exit(proc.stderr)
            print(f"{label}: one poll of {args.sources} sources x {args.items} new posts: {wall:.2f} s wall; "
                  + proc.stderr.strip().splitlines()[-1][:160])
        psql(url, "public", f"DROP SCHEMA {schema} CASCADE")
    server.shutdown()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/failwatch")
    ap.add_argument("--postgres", default=os.environ.get("FAILWATCH_TEST_POSTGRES_URL"))
    ap.add_argument("--sources", type=int, default=600)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--pollers", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--kill", type=int, default=4, help="0-based round in which one poller is killed (-1: none)")
    ap.add_argument("--kill-after", type=float, default=1.0)
    ap.add_argument("--burst", type=int, default=2, help="0-based round in which BURST_SOURCES people complain")
    ap.add_argument("--burst-sources", type=int, default=60)
    ap.add_argument("--lease", default="2m")
    ap.add_argument("--compare", action="store_true")
    args = ap.parse_args()
    if not args.postgres:
        sys.exit("set FAILWATCH_TEST_POSTGRES_URL or pass --postgres postgres://…")
    (compare if args.compare else pollers)(args, args.postgres)


if __name__ == "__main__":
    main()
