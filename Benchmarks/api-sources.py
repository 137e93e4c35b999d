#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""One `failwatch poll` over N loopback API sources beside one over N loopback RSS sources.

Both sides carry ITEMS posts per source with the same texts; API sources are paged
(PAGE posts per page, so ITEMS/PAGE requests each). Kinds rotate through KINDS; to add a
kind, add one line to KINDS (its feeds.yml settings and the function serving one page).
Responders for mastodon, bluesky and reddit are ready (commented lines in KINDS).
Each side runs once to warm up (the server then answers from memory, like the RSS side),
then REPEAT times with a cold store; the median wall time and the largest
peak RSS (from /usr/bin/time -v) are printed, and the API/RSS ratios. Loopback only.

    swift build -c release
    python3 Benchmarks/api-sources.py --binary .build/release/failwatch --sources 100 --items 40
"""
import argparse, http.server, json, os, re, statistics, subprocess, sys, tempfile, threading
from urllib.parse import parse_qs, urlsplit

NOW = 1795251600  # 2026-11-21T09:00:00Z, passed as --now


def text(index, i):
    return f"Seit 20 Minuten kein Internet bei Vodafone, bei euch auch? #{index} {i}"


def title(index, i):
    return f"Vodafone Störung in Köln? Post {index}-{i}"


def stamp(i):
    return NOW - 600 - i * 60  # newest first: i = 0 is the newest


def iso(t):
    import datetime
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000Z")


def window(query, items, page_key, first, size_key, default_size):
    """The indices of one newest-first page and whether another follows."""
    page = int(query.get(page_key, [str(first)])[0]) - first
    size = int(query.get(size_key, [str(default_size)])[0])
    start = page * size
    return range(start, min(items, start + size)), start + size < items, page + first


def hackernews(index, query, items, page_size):
    since = int(query.get("numericFilters", ["created_at_i>0"])[0].split(">")[-1])
    fresh = [i for i in range(items) if stamp(i) > since]
    rows, _, page = window(query, len(fresh), "page", 0, "hitsPerPage", 20)
    hits = [{"objectID": f"{index}-{fresh[r]}", "author": f"user{fresh[r]}", "title": title(index, fresh[r]),
             "story_text": f"<p>{text(index, fresh[r])}</p>", "created_at_i": stamp(fresh[r]), "points": 1,
             "_tags": ["story"]} for r in rows]
    return {"hits": hits, "page": page, "nbPages": (len(fresh) + page_size - 1) // page_size, "hitsPerPage": page_size}


def lemmy(index, query, items, page_size):
    rows, _, _ = window(query, items, "page", 1, "limit", 10)
    posts = [{"post": {"id": i, "name": title(index, i), "body": text(index, i), "published": iso(stamp(i)),
                       "ap_id": f"https://lemmy.example/post/{index}-{i}"},
              "creator": {"name": f"user{i}", "actor_id": f"https://lemmy.example/u/user{i}"},
              "counts": {"score": 1}} for i in rows]
    return {"type_": "Posts", "posts": posts, "comments": [], "communities": [], "users": []}


def generic(index, query, items, page_size):
    since = int(query.get("since", ["0"])[0])
    fresh = [i for i in range(items) if stamp(i) > since]
    rows, _, _ = window(query, len(fresh), "page", 1, "per_page", page_size)
    return {"data": {"items": [{"id": f"{index}-{fresh[r]}", "title": title(index, fresh[r]),
                                "body": text(index, fresh[r]), "user": {"name": f"user{fresh[r]}"},
                                "created": stamp(fresh[r])} for r in rows]}}


def mastodon(index, query, items, page_size):
    """GET /api/v1/timelines/tag/:tag (or /api/v2/search): statuses newest first, paged by max_id (Link header)."""
    max_id = int(query.get("max_id", [str(10 ** 9)])[0])
    since = int(query.get("since_id", query.get("min_id", ["-1"]))[0])
    size = int(query.get("limit", [str(page_size)])[0])
    rows = [i for i in range(items) if since < 10 ** 6 - i < max_id][:size]
    statuses = [{"id": str(10 ** 6 - i), "created_at": iso(stamp(i)), "uri": f"https://social.example/users/user{i}/statuses/{index}{i}",
                 "url": f"https://social.example/@user{i}/{index}{i}", "content": f"<p>{text(index, i)}</p>", "language": "de",
                 "account": {"id": str(i), "username": f"user{i}", "acct": f"user{i}", "url": f"https://social.example/@user{i}"},
                 "media_attachments": [], "tags": [{"name": "störung"}]} for i in rows]
    return statuses


def bluesky(index, query, items, page_size):
    """GET /xrpc/app.bsky.feed.searchPosts?q=&sort=latest&limit=&cursor=: posts newest first, an opaque cursor."""
    start = int(query.get("cursor", ["0"])[0])
    size = int(query.get("limit", [str(page_size)])[0])
    rows = range(start, min(items, start + size))
    posts = [{"uri": f"at://did:plc:user{i}/app.bsky.feed.post/{index}x{i}", "cid": f"cid{index}x{i}",
              "author": {"did": f"did:plc:user{i}", "handle": f"user{i}.bsky.social"},
              "record": {"$type": "app.bsky.feed.post", "text": text(index, i), "createdAt": iso(stamp(i)), "langs": ["de"]},
              "indexedAt": iso(stamp(i))} for i in rows]
    return {"posts": posts, **({"cursor": str(start + size)} if start + size < items else {})}


def reddit(index, query, items, page_size):
    """GET /r/:sub/search.json?sort=new (or /new.json): a Listing paged by after=fullname."""
    after = query.get("after", [None])[0]
    first = 0 if after is None else int(after.split("_")[-1].split("x")[-1]) + 1
    size = int(query.get("limit", [str(page_size)])[0])
    rows = range(first, min(items, first + size))
    children = [{"kind": "t3", "data": {"id": f"{index}x{i}", "name": f"t3_{index}x{i}", "title": title(index, i),
                                        "selftext": text(index, i), "author": f"user{i}", "created_utc": float(stamp(i)),
                                        "permalink": f"/r/de/comments/{index}x{i}/post/", "subreddit": "de"}} for i in rows]
    last = f"t3_{index}x{rows[-1]}" if rows and rows[-1] + 1 < items else None
    return {"kind": "Listing", "data": {"after": last, "children": children}}


def snowflake(t):
    return str(((t * 1000 - 1288834974657) << 22) + 7)


def x(index, query, items, page_size):
    """GET /2/tweets/search/recent: posts newest first with includes.users, paged by meta.next_token."""
    start = int(query.get("next_token", ["0"])[0])
    size = int(query.get("max_results", [str(page_size)])[0])
    rows = range(start, min(items, start + size))
    data = [{"id": str(int(snowflake(stamp(i))) + index), "text": text(index, i), "author_id": str(1000 + i), "created_at": iso(stamp(i)), "lang": "de",
             "conversation_id": str(int(snowflake(stamp(i))) + index), "edit_history_tweet_ids": []} for i in rows]
    users = [{"id": str(1000 + i), "name": f"User {i}", "username": f"user{i}"} for i in rows]
    meta = {"result_count": len(data), **({"next_token": str(start + size)} if start + size < items else {})}
    return {"data": data, "includes": {"users": users}, "meta": meta}


def facebook(index, query, items, page_size):
    """GET /{page}/feed: one page post per page of comments, comments nested, paged by cursors.after."""
    start = int(query.get("after", ["0"])[0])
    rows = range(start, min(items, start + page_size))
    post = {"id": f"1047{index}_{start}", "message": title(index, start), "created_time": iso(stamp(start)),
            "from": {"name": "Vodafone", "id": f"1047{index}"},
            "comments": {"data": [{"id": f"{start}_{index}x{i}", "message": text(index, i), "created_time": iso(stamp(i)),
                                   "from": {"name": f"User {i}", "id": str(5000 + i)}} for i in rows]}}
    paging = {"cursors": {"after": str(start + page_size)}, **({"next": "more"} if start + page_size < items else {})}
    return {"data": [post], "paging": paging}


def instagram(index, query, items, page_size):
    """GET /{ig-user-id}/media: one media per page with its comments nested, paged by cursors.after."""
    start = int(query.get("after", ["0"])[0])
    rows = range(start, min(items, start + page_size))
    media = {"id": f"1790{index}{start}", "caption": title(index, start), "timestamp": iso(stamp(start)),
             "permalink": f"https://www.instagram.com/p/B{index}x{start}/", "username": "vodafone_de",
             "comments": {"data": [{"id": f"1789{index}x{i}", "text": text(index, i), "timestamp": iso(stamp(i)),
                                    "username": f"user{i}", "from": {"id": str(5000 + i), "username": f"user{i}"},
                                    "hidden": False} for i in rows]}}
    paging = {"cursors": {"after": str(start + page_size)}, **({"next": "more"} if start + page_size < items else {})}
    return {"data": [media], "paging": paging}


def threads(index, query, items, page_size):
    """GET /keyword_search?q=&search_type=RECENT: posts newest first, paged by cursors.after."""
    start = int(query.get("after", ["0"])[0])
    size = min(page_size, int(query.get("limit", [str(page_size)])[0]))
    rows = range(start, min(items, start + size))
    data = [{"id": f"1805{index}x{i}", "text": text(index, i), "timestamp": iso(stamp(i)),
             "permalink": f"https://www.threads.net/@user{i}/post/T{index}x{i}", "username": f"user{i}",
             "has_replies": False, "media_type": "TEXT_POST"} for i in rows]
    more = start + size < items
    return {"data": data, "paging": {"cursors": {"before": "b", "after": str(start + size)},
                                     **({"next": "more"} if more else {})}}


def link_next(body, query):
    """The Link header Mastodon pages with, for a list of statuses."""
    if isinstance(body, list) and body:
        return {"Link": f'<http://127.0.0.1/?max_id={body[-1]["id"]}>; rel="next"'}
    return {}


# kind: (feeds.yml lines after url, {page} the page size; what follows the base in url:; the page function).
# The server answers any path under a source's base with that kind's page function.
KINDS = {
    "hackernews": ("query: vodafone\n    page_size: {page}", "", hackernews),
    "lemmy": ("query: vodafone\n    page_size: {page}", "", lemmy),
    "json": ("items: /data/items\n    fields: {{id: /id, title: /title, text: /body, author: /user/name, time: /created}}\n"
             "    time_format: unix\n    author_prefix: 'example:'\n    cursor: {{param: since}}\n"
             "    next: {{param: page, start: 1}}", "/posts?per_page={page}", generic),
    "x": ("query: vodafone\n    max_results: {page}", "", x),
    "facebook": ("page_id: vodafone", "/v21.0", facebook),
    "instagram": ("account_id: \"17841400000000000\"", "/v21.0", instagram),
    "threads": ("query: vodafone", "/v1.0", threads),
    # The responders below serve the documented shapes; enable a kind once its adapter is in
    # main by uncommenting its line and matching its feeds.yml keys.
    # "mastodon": ("tag: störung\n    page_size: {page}", "", mastodon),
    # "bluesky": ("query: vodafone\n    page_size: {page}", "", bluesky),
    # "reddit": ("subreddit: de\n    query: vodafone\n    page_size: {page}", "", reddit),
}


def rss(index, items):
    entries = "".join(
        f"<item><title>{title(index, i)}</title><link>https://example.org/{index}/{i}</link>"
        f"<guid>src{index}-item{i}</guid><author>user{i}@example.org</author>"
        f"<pubDate>{__import__('email.utils').utils.formatdate(stamp(i), usegmt=True)}</pubDate>"
        f"<description>&lt;p&gt;{text(index, i)}&lt;/p&gt;</description></item>" for i in range(items))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Source {index}</title>"
            f"<link>https://example.org/{index}</link>{entries}</channel></rss>").encode()


def serve(args):
    feeds = {f"/feed/{i}.xml": rss(i, args.items) for i in range(args.sources)}
    kinds = args.kinds
    pages = {}  # API answers by request path, so after the warm-up run both sides serve bytes from memory

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK stall every reused keep-alive connection by 40 ms.
        disable_nagle_algorithm = True

        def do_GET(self):
            parts = urlsplit(self.path)
            body, kind = feeds.get(parts.path), "application/rss+xml"
            match = re.match(r"^/api/(\d+)(/.*)$", parts.path)
            if match and self.path in pages:
                body, extra = pages[self.path]
                kind = "application/json"
            elif match:
                index = int(match.group(1))
                name = kinds[index % len(kinds)]
                page = KINDS[name][2](index, parse_qs(parts.query), args.items, args.page)
                extra = link_next(page, parts.query) if name == "mastodon" else {}
                body = json.dumps(page).encode()
                kind = "application/json"
                pages[self.path] = (body, extra)
            if body is None:
                self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            for key, value in (extra if match else {}).items():
                self.send_header(key, value.replace("http://127.0.0.1", f"http://127.0.0.1:{self.server.server_address[1]}{parts.path}"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def config(path, sources):
    with open(path, "w") as f:
        f.write("version: 1\nstore:\n  path: bench.sqlite\nfetch:\n  concurrency: 16\n")
        f.write("providers:\n  - name: Vodafone\n    aliases: [Vodafone Kabel]\nsources:\n" + "".join(sources))


def poll(binary, config_path):
    """Wall seconds, peak RSS (MiB), the summary and CPU seconds (user + system) of one cold run."""
    store = os.path.join(os.path.dirname(config_path), "bench.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    proc = subprocess.run(["/usr/bin/time", "-v", binary, "poll", "--config", config_path, "--now",
                           "2026-11-21T09:00:00Z", "--json"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"poll exited {proc.returncode}: {proc.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", proc.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    summary = json.loads(proc.stdout)
    return seconds, int(peak.group(1)) / 1024, summary, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/failwatch")
    ap.add_argument("--sources", type=int, default=100)
    ap.add_argument("--items", type=int, default=40)
    ap.add_argument("--page", type=int, default=10, help="posts per API page")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated subset of KINDS")
    args = ap.parse_args()
    args.kinds = [k for k in args.kinds.split(",") if k in KINDS]
    server = serve(args)
    port = server.server_address[1]
    kinds = args.kinds
    pages = (args.items + args.page - 1) // args.page
    with tempfile.TemporaryDirectory() as tmp:
        rss_config, api_config = os.path.join(tmp, "rss.yml"), os.path.join(tmp, "api.yml")
        config(rss_config, [f"  - name: rss{i}\n    url: http://127.0.0.1:{port}/feed/{i}.xml\n    interval: 5m\n"
                            for i in range(args.sources)])
        api = []
        for i in range(args.sources):
            name = kinds[i % len(kinds)]
            settings, endpoint, _ = KINDS[name]
            base = f"http://127.0.0.1:{port}/api/{i}"
            url = base + endpoint.format(page=args.page)
            api.append(f"  - name: {name}{i}\n    kind: {name}\n    url: {url}\n    interval: 5m\n"
                       f"    max_pages: {pages + 1}\n    {settings.format(page=args.page)}\n")
        config(api_config, api)
        results = {}
        for label, path in (("rss", rss_config), ("api", api_config)):
            poll(args.binary, path)  # warm-up, not counted: fills the page cache and the OS file cache
            runs = [poll(args.binary, path) for _ in range(args.repeat)]
            walls = [r[0] for r in runs]
            summary = runs[-1][2]
            posts = summary.get("posts", {}).get("new")
            results[label] = (statistics.median(walls), max(r[1] for r in runs), statistics.median(r[3] for r in runs))
            print(f"{label}: {args.sources} sources x {args.items} posts"
                  + (f" ({pages} pages of {args.page}, kinds {', '.join(kinds)})" if label == "api" else "")
                  + f": wall median {results[label][0]:.3f} s (runs {', '.join(f'{w:.3f}' for w in walls)}),"
                  f" poll CPU {results[label][2]:.2f} s, peak RSS {results[label][1]:.1f} MiB, new posts {posts}, failed sources {summary['sources']['failed']}")
        print(f"api/rss: wall {results['api'][0] / results['rss'][0]:.2f}x,"
              f" peak RSS {results['api'][1] / results['rss'][1]:.2f}x (goal <= 1.5x)")
    server.shutdown()


if __name__ == "__main__":
    main()
