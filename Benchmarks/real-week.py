#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Replays a real week of tweets to four UK mobile operators through `failwatch poll` every 5 minutes, then
`backtest --db` on the same store, and sets the incidents against the hand-labelled outage posts.

  python3 Benchmarks/real-week.py --bin .build/release/failwatch [--scale 1,3,5] [--data PATH] [--keep]

Data: the UK part (source isobeldaley…) of the public dev set `../shared/corpora/outage-real-dev/posts.jsonl`
(evaluation data: read here by path at run time, never copied into the project). Each post becomes a tweet on a
loopback X API v2 (`GET /2/tweets/search/recent`, 127.0.0.1 only) that shows it only once the poll's `--now` has
passed its `created_at`; failwatch reads it with a `kind: x` search source, as it would read the real pull (a
Twitter search for @VodafoneUK, @O2, @ThreeUK and @EE). Alerts go to a loopback generic webhook that records
them. feeds.yml has the four operators and no `detection:` key: default settings.

People: the dev set has no author field. Each post is given its own synthetic account, so every labelled post is
one person (an upper bound: a real person may have posted twice; texts are unique in the set).

Runs, per --scale k:
- classifier: `poll` every 5 min over the whole span, failwatch's own verdicts; then `backtest --db` on the same
  store, and whether it lists the same messages as the webhook got;
- oracle: a copy of that store whose outage verdicts are rewritten from the labels (a post is an outage report of
  its labelled operator when labelled `outage`, of no operator else), replayed with `backtest --db`: what the
  detector does with a perfect classifier.
k > 1 is SYNTHETIC: each post is joined by k-1 other posts of the same operator and label (real texts drawn from
the set, no text drawn twice for that operator within the hour, so no copy-paste campaign is faked; a drawn
text may still fall within the hour of its own real post, and then counts once if long), by k-1 new
synthetic accounts, in the same minute. It shows at which density the detector fires; it is no real data.

Clusters (the truth the incidents are set against): per operator, every 60-minute window (--window) that holds
labelled outage posts from at least 5 people (--people); overlapping windows merge into one cluster, which starts
at its first labelled outage post."""
import argparse, bisect, collections, datetime as dt, hashlib, json, os, random, shutil, sqlite3, subprocess
import sys, tempfile, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "corpora", "outage-real-dev", "posts.jsonl")
if not os.path.exists(DATA): DATA = "/work/shared/corpora/outage-real-dev/posts.jsonl"
X_EPOCH_MS = 1_288_834_974_657
UTC = dt.timezone.utc

# The loopback X API takes any token; feeds.yml names it as a user would.
ENV = dict(os.environ, X_BEARER_TOKEN="loopback-token")

# The four operators as a user would configure them; ids are what the store and alerts use.
OPERATORS = [
    {"id": "o2-uk", "name": "O2 UK", "aliases": ["O2"], "handles": ["@O2"], "domains": ["o2.co.uk"],
     "exclude": ["O2 Arena", "O2 Academy"], "languages": ["en"], "label": "O2 UK"},
    {"id": "vodafone-uk", "name": "Vodafone UK", "aliases": ["Vodafone"], "handles": ["@VodafoneUK", "@VodafoneUKhelp"],
     "domains": ["vodafone.co.uk"], "languages": ["en"], "label": "Vodafone UK"},
    {"id": "three-uk", "name": "Three UK", "aliases": ["Three Mobile", "Three network"],
     "handles": ["@ThreeUK", "@ThreeUKSupport"], "domains": ["three.co.uk"], "languages": ["en"], "label": "Three UK"},
    {"id": "ee", "name": "EE", "handles": ["@EE", "@EECommunity"], "domains": ["ee.co.uk"], "languages": ["en"],
     "label": "EE"},
]
BY_LABEL = {op["label"]: op["id"] for op in OPERATORS}
# The dev set's labels as the store's verdicts (Classify/Label.swift has no "other").
STORED = {"outage": "outage", "complaint": "complaint", "other": "neutral"}


def parse(text): return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
def iso(t): return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
def hm(t): return t.strftime("%m-%d %H:%M")


def load(path, scale, seed):
    """The UK tweets as posts with snowflake ids and synthetic authors; k-1 synthetic companions per post."""
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    rows = [r for r in rows if r["source"].startswith("isobeldaley")]
    for r in rows: r["t"] = dt.datetime.strptime(r["created_at"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    posts = [dict(r, synthetic=False, user="u" + r["id"][3:]) for r in rows]
    if scale > 1:
        rng = random.Random(seed)
        pools = collections.defaultdict(list)
        for r in rows: pools[(r["provider"], r["label"])].append(r)
        last_used = {}
        for r in sorted(rows, key=lambda r: r["t"]):
            pool = pools[(r["provider"], r["label"])]
            fresh = [p for p in pool if p["id"] != r["id"]
                     and (r["t"] - last_used.get(p["id"], dt.datetime.min.replace(tzinfo=UTC))).total_seconds() > 3600]
            for n, other in enumerate(rng.sample(fresh, min(scale - 1, len(fresh)))):
                last_used[other["id"]] = r["t"]
                second = min(59, r["t"].second + rng.randint(0, 59 - r["t"].second))
                posts.append(dict(other, t=r["t"].replace(second=second), synthetic=True,
                                  user=f"s{n + 1}{r['id'][3:]}"))
    posts.sort(key=lambda p: (p["t"], p["user"]))
    seq = collections.Counter()
    for p in posts:
        ms = int(p["t"].timestamp() * 1000) - X_EPOCH_MS
        p["sid"] = str((ms << 22) | seq[ms])
        seq[ms] += 1
        p["uid"] = str(int(hashlib.sha1(p["user"].encode()).hexdigest()[:12], 16))
        p["op"] = BY_LABEL.get(p["provider"])
    return posts


class World:
    """The loopback X API and webhook sink; `now` is the simulated clock the script moves."""

    def __init__(self, posts):
        self.posts = sorted(posts, key=lambda p: int(p["sid"]))
        self.ids = [int(p["sid"]) for p in self.posts]
        self.now = None
        self.hooks = []
        self.requests = 0
        world = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args): pass

            def send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                world.requests += 1
                url = urlparse(self.path)
                if url.path != "/2/tweets/search/recent": return self.send(404, {"title": "Not Found"})
                self.send(200, world.search(parse_qs(url.query)))

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                world.hooks.append({"at": iso(world.now), "path": self.path, "json": json.loads(body or b"null")})
                self.send(200, {})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def search(self, q):
        """Recent search as X answers it: newest first, ids in (since_id, until_id), created at or after start_time,
        only what exists at `now`, pages of max_results with next_token."""
        one = lambda k: (q.get(k) or [None])[0]
        hi = bisect.bisect_right(self.ids, ((int(self.now.timestamp() * 1000) - X_EPOCH_MS) << 22) | 0x3FFFFF)
        if one("until_id"): hi = min(hi, bisect.bisect_left(self.ids, int(one("until_id"))))
        lo = 0
        if one("since_id"): lo = bisect.bisect_right(self.ids, int(one("since_id")))
        if one("start_time"):
            start = parse(one("start_time"))
            lo = max(lo, bisect.bisect_left(self.ids, (int(start.timestamp() * 1000) - X_EPOCH_MS) << 22))
        page = max(10, min(100, int(one("max_results") or 10)))
        skip = int(one("next_token") or 0)
        chosen = list(reversed(self.posts[lo:hi]))[skip:skip + page]
        if not chosen: return {"meta": {"result_count": 0}}
        meta = {"result_count": len(chosen), "newest_id": chosen[0]["sid"], "oldest_id": chosen[-1]["sid"]}
        if skip + page < hi - lo: meta["next_token"] = str(skip + page)
        return {"data": [{"id": p["sid"], "text": p["text"], "author_id": p["uid"], "created_at": iso(p["t"]),
                          "lang": p["lang"], "conversation_id": p["sid"]} for p in chosen],
                "includes": {"users": [{"id": p["uid"], "username": p["user"]} for p in chosen]}, "meta": meta}

    def close(self): self.server.shutdown()


def feeds_yml(base, store):
    providers = [{k: v for k, v in op.items() if k != "label"} for op in OPERATORS]
    conf = {"version": 1, "timezone": "Europe/London", "store": {"path": store}, "providers": providers,
            "sources": [{"name": "x-uk-mobile", "kind": "x", "url": base, "token": "${X_BEARER_TOKEN}",
                         "query": "(@VodafoneUK OR @O2 OR @ThreeUK OR @EE) -is:retweet"}],
            "sinks": [{"name": "hook", "kind": "webhook", "url": base + "/hook", "secret": "loopback"}]}
    return json.dumps(conf, indent=1)


def clusters(posts, people, window):
    """Per operator, merged windows of `window` minutes with labelled outage posts from >= `people` people."""
    found = collections.defaultdict(list)
    for op in OPERATORS:
        out = sorted((p for p in posts if p["op"] == op["id"] and p["label"] == "outage"), key=lambda p: p["t"])
        for i, p in enumerate(out):
            inside = [q for q in out[i:] if (q["t"] - p["t"]).total_seconds() < window * 60]
            if len({q["user"] for q in inside}) < people: continue
            last = found[op["id"]][-1] if found[op["id"]] else None
            if last and p["t"] <= last["last"]:
                last["posts"] = sorted({q["sid"]: q for q in last["posts"] + inside}.values(), key=lambda q: q["t"])
                last["last"] = max(last["last"], inside[-1]["t"])
            else:
                found[op["id"]].append({"first": p["t"], "last": inside[-1]["t"], "posts": inside})
    for cs in found.values():
        for c in cs: c["people"] = len({q["user"] for q in c["posts"]})
    return found


def densest(posts, window):
    """Per operator, the most people with labelled outage posts in any `window` minutes, and when."""
    best = {}
    for op in OPERATORS:
        out = sorted((p for p in posts if p["op"] == op["id"] and p["label"] == "outage"), key=lambda p: p["t"])
        top = (0, None)
        for i, p in enumerate(out):
            n = len({q["user"] for q in out[i:] if (q["t"] - p["t"]).total_seconds() < window * 60})
            if n > top[0]: top = (n, p["t"])
        best[op["id"]] = top
    return best


def run(cmd, env=None):
    return subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)


def replay(binary, posts, tmp, step, start, end):
    """`poll --now T` every `step` minutes; returns the webhook's messages, the stderr lines and the run times."""
    world = World(posts)
    conf = os.path.join(tmp, "feeds.yml")
    open(conf, "w").write(feeds_yml(world.base, os.path.join(tmp, "fw.sqlite")))
    problems, seconds, t, runs = collections.Counter(), [], start, 0
    while t <= end:
        world.now = t
        began = time.monotonic()
        out = run([binary, "poll", "--config", conf, "--now", iso(t), "--quiet"], ENV)
        seconds.append(time.monotonic() - began)
        runs += 1
        if out.returncode != 0: raise SystemExit(f"poll at {iso(t)} exited {out.returncode}: {out.stderr.strip()}")
        for line in out.stderr.splitlines(): problems[line[:160]] += 1
        t += dt.timedelta(minutes=step)
    world.close()
    with open(os.path.join(tmp, "replay.json"), "w") as f:
        json.dump({"hooks": world.hooks, "problems": problems, "seconds": seconds, "runs": runs,
                   "requests": world.requests}, f)
    return world.hooks, problems, seconds, runs, world.requests, conf


def reread(tmp):
    """A kept replay (--reuse): the webhook's messages and the run figures as the replay saved them."""
    saved = json.load(open(os.path.join(tmp, "replay.json")))
    return (saved["hooks"], collections.Counter(saved["problems"]), saved["seconds"], saved["runs"],
            saved["requests"], os.path.join(tmp, "feeds.yml"))


def backtest(binary, conf, db, since):
    # Without the X token, as on a machine that only analyses: backtest fetches nothing and needs no secret.
    env = {k: v for k, v in os.environ.items() if k != "X_BEARER_TOKEN"}
    out = run([binary, "backtest", "--config", conf, "--db", db, "--since", iso(since), "--json"], env)
    if out.returncode != 0: raise SystemExit("backtest failed: " + out.stderr.strip())
    return json.loads(out.stdout)


def oracle_store(src, dst, posts):
    """A copy of the store whose outage verdicts are the labels: an outage report of its labelled operator when
    labelled `outage` (added where the classifier did not see the operator named), of no operator else; the
    other verdicts (complaint, sentiment) stay the classifier's, as detection reads only outage reports."""
    shutil.copy(src, dst)
    by_sid = {p["sid"]: p for p in posts}
    db = sqlite3.connect(dst)
    rows = db.execute("SELECT id, guid, link FROM post").fetchall()
    changed = collections.Counter()
    for post_id, guid, link in rows:
        sid = (link or guid or "").rsplit("/", 1)[-1]
        p = by_sid.get(sid)
        if not p: continue
        have = dict(db.execute("SELECT providerId, label FROM postProvider WHERE postId = ?", (post_id,)).fetchall())
        for op in OPERATORS:
            mine = op["id"] == p["op"]
            said, outage = have.get(op["id"]), mine and p["label"] == "outage"
            if outage and said != "outage":
                if said is None:
                    db.execute("INSERT INTO postProvider (postId, providerId, label, sentiment) VALUES (?, ?, ?, 0)",
                               (post_id, op["id"], "outage"))
                else:
                    db.execute("UPDATE postProvider SET label = 'outage' WHERE postId = ? AND providerId = ?",
                               (post_id, op["id"]))
                changed[f"{said or 'unnamed'}->outage"] += 1
            elif not outage and said == "outage":
                want = STORED[p["label"]] if mine else "neutral"
                db.execute("UPDATE postProvider SET label = ? WHERE postId = ? AND providerId = ?",
                           (want, post_id, op["id"]))
                changed[f"outage->{want}" + ("" if mine else " (another operator's post)")] += 1
    db.commit()
    db.close()
    return changed


def verdicts(db_path, posts):
    """What the classifier said: per operator, the labels of the posts it judged outage reports; and per label
    the posts of the labelled operator it judged outage (recall)."""
    by_sid = {p["sid"]: p for p in posts}
    db = sqlite3.connect(db_path)
    rows = db.execute("SELECT post.link, post.guid, postProvider.providerId, postProvider.label, post.published "
                      "FROM postProvider JOIN post ON post.id = postProvider.postId").fetchall()
    db.close()
    judged = []
    for link, guid, provider, label, published in rows:
        p = by_sid.get((link or guid or "").rsplit("/", 1)[-1])
        if p: judged.append((provider, label, p))
    return judged


def incidents_of(doc):
    return [i for i in doc["incidents"] if i["detector"] == "failwatch"]


def describe(incs, messages, cl, posts, judged, window, people):
    """Lines per operator: each incident, matched to a labelled cluster (minutes after its first labelled report)
    or a false alarm (with the labelled mix of the posts judged outage in the hour before); then the clusters by
    size, alerted or missed, listing the missed ones of four times the cluster size (all when there are few)."""
    lines = []
    openings = {m["incident_id"]: m for m in messages if m.get("event") == "opened"}
    outage_by_op = collections.defaultdict(list)
    for provider, label, p in judged:
        if label == "outage": outage_by_op[provider].append(p)
    for op in OPERATORS:
        mine = sorted((i for i in incs if i["provider"] == op["id"]), key=lambda i: i["raised_at"])
        cs = cl.get(op["id"], [])
        hits = {}
        for c in cs:
            hit = next((i for i in mine if c["first"] - dt.timedelta(minutes=15) <= parse(i["raised_at"])
                        <= c["last"] + dt.timedelta(minutes=window)), None)
            if hit: hits.setdefault(hit["incident_id"], c)
            c["hit"] = hit
        false = sum(1 for i in mine if i["incident_id"] not in hits)
        lines.append(f"  {op['name']}: {len(mine)} incidents ({false} false alarms); {len(cs)} labelled clusters, "
                     f"{sum(1 for c in cs if c['hit'])} alerted")
        for i in mine:
            opening = openings.get(i["incident_id"]) or {}
            head = opening.get("headline", "(no opening message)")
            at = parse(i["raised_at"])
            c = hits.get(i["incident_id"])
            if c:
                delay = (at - c["first"]).total_seconds() / 60
                lines.append(f"    incident {hm(at)}: cluster from {hm(c['first'])} ({c['people']} people), "
                             f"{delay:.0f} min after its first labelled report; \"{head}\"")
                continue
            judged_hour = [p for p in outage_by_op[op["id"]] if at - dt.timedelta(minutes=60) <= p["t"] < at]
            mix = collections.Counter(p["label"] if p["op"] == op["id"] else f"{p['provider']} {p['label']}"
                                      for p in judged_hour)
            lines.append(f"    FALSE ALARM {hm(at)}: \"{head}\"; posts judged outage for it in the hour before: "
                         f"{len(judged_hour)}, labelled {dict(mix)}")
        sizes = collections.defaultdict(lambda: [0, 0])
        for c in cs:
            bucket = min(c["people"] // people, 4) * people
            sizes[bucket][0] += 1
            sizes[bucket][1] += 1 if c["hit"] else 0
        if cs:
            lines.append("    clusters alerted by size: " + ", ".join(
                f"{b}{'+' if b == 4 * people else '-' + str(b + people - 1)} people {sizes[b][1]}/{sizes[b][0]}"
                for b in sorted(sizes)))
        for c in cs:
            if not c["hit"] and (c["people"] >= 4 * people or len(cs) <= 5):
                lines.append(f"    missed cluster {hm(c['first'])}..{hm(c['last'])} ({c['people']} people)")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "release", "failwatch"))
    ap.add_argument("--data", default=DATA)
    ap.add_argument("--scale", default="1", help="comma-separated k: 1 is the real sample, k>1 SYNTHETIC density")
    ap.add_argument("--step", type=int, default=5, help="minutes between polls")
    ap.add_argument("--people", type=int, default=5, help="a cluster: labelled outage posts from this many people")
    ap.add_argument("--window", type=int, default=60, help="... within this many minutes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the temp folders (stores, feeds.yml, messages)")
    ap.add_argument("--reuse", help="a folder --keep left (one --scale): analyse its replay again without polling")
    a = ap.parse_args()
    for k in [int(s) for s in a.scale.split(",")]:
        posts = load(a.data, k, a.seed)
        first, last = min(p["t"] for p in posts), max(p["t"] for p in posts)
        start = first.replace(hour=0, minute=0, second=0)
        end = last + dt.timedelta(hours=2)
        tmp = a.reuse or tempfile.mkdtemp(prefix=f"fw-realweek-k{k}-")
        tag = "real sample" if k == 1 else f"SYNTHETIC density x{k}"
        labels = collections.Counter((p["op"] or p["provider"], p["label"]) for p in posts)
        print(f"== k={k} ({tag}): {len(posts)} posts ({sum(p['synthetic'] for p in posts)} synthetic), "
              f"{iso(first)}..{iso(last)}, polls every {a.step} min {iso(start)}..{iso(end)}", flush=True)
        print("   labelled outage posts: " + ", ".join(f"{op['name']} {labels[(op['id'], 'outage')]}"
                                                      for op in OPERATORS))
        dense = densest(posts, a.window)
        print(f"   most people with labelled outage posts in {a.window} min: " + ", ".join(
            f"{op['name']} {dense[op['id']][0]}" + (f" ({hm(dense[op['id']][1])})" if dense[op['id']][1] else "")
            for op in OPERATORS))
        cl = clusters(posts, a.people, a.window)
        began = time.monotonic()
        hooks, problems, seconds, runs, requests, conf = \
            reread(tmp) if a.reuse else replay(a.bin, posts, tmp, a.step, start, end)
        wall = time.monotonic() - began
        seconds.sort()
        print(f"   poll: {runs} runs in {wall:.0f} s (median {seconds[len(seconds) // 2]:.2f} s, max "
              f"{seconds[-1]:.2f} s), {requests} X requests, {len(hooks)} webhook messages", flush=True)
        for line, n in problems.most_common(8): print(f"   stderr x{n}: {line}")
        db = os.path.join(tmp, "fw.sqlite")
        stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM post").fetchone()[0]
        print(f"   stored {stored} of {len(posts)} posts")
        judged = verdicts(db, posts)
        tp = sum(1 for prov, lab, p in judged if lab == "outage" and prov == p["op"] and p["label"] == "outage")
        fp = sum(1 for prov, lab, p in judged if lab == "outage" and not (prov == p["op"] and p["label"] == "outage"))
        gold = sum(1 for p in posts if p["op"] and p["label"] == "outage")
        print(f"   classifier on the stored posts: {tp} of {gold} labelled outage posts judged outage for their "
              f"operator, {fp} other verdicts of outage")
        doc = backtest(a.bin, conf, db, start)
        gist = lambda b: (b.get("created_at"), b.get("event"), b.get("incident_id"), b.get("update_number"),
                          b.get("headline"))
        chat = sorted(gist(h["json"]) for h in hooks)
        listed = sorted(gist(m) for m in doc["messages"])
        same = "the same messages as the webhook got" if chat == listed else \
            f"{len(listed)} messages, {len(set(chat) & set(listed))} of the webhook's {len(chat)}"
        print(f"   backtest --db: {len(incidents_of(doc))} failwatch incidents, {same}; huginn "
              f"{sum(1 for i in doc['incidents'] if i['detector'] == 'huginn')}, socialmetrix "
              f"{sum(1 for i in doc['incidents'] if i['detector'] == 'socialmetrix')}")
        if chat != listed:
            for m in sorted(set(chat) ^ set(listed)):
                print(f"     only {'webhook' if m in chat else 'backtest'}: {m}")
        print(f"  classifier run (poll, webhook):")
        for line in describe(incidents_of(doc), [h["json"] for h in hooks], cl, posts, judged, a.window, a.people):
            print(line)
        odb = os.path.join(tmp, "oracle.sqlite")
        changed = oracle_store(db, odb, posts)
        odoc = backtest(a.bin, conf, odb, start)
        print(f"  oracle run (labels as verdicts, backtest --db; verdicts changed: {dict(changed)}):")
        ojudged = verdicts(odb, posts)
        for line in describe(incidents_of(odoc), odoc["messages"], cl, posts, ojudged, a.window, a.people):
            print(line)
        print(f"   ({tmp})" if a.keep else "", flush=True)
        if not a.keep and not a.reuse: shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
