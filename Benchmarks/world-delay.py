#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Polls failwatch every 5 minutes through the loopback world's scenarios and reports, per watched
provider, when the first alert came: minutes after the first burst post and people who had posted by then.

  python3 Benchmarks/world-delay.py [--bin .build/release/failwatch] [--kinds outage,quiet,...] [--seeds 1,2,3]
      [--common-cause each,combined] [--until 30]

Needs ../shared/tools/world/world.py (or $WORLD). Each scenario is written with --snapshots every 5 min
from -60 to +--until minutes around --now; one store per scenario; the first poll warms up on the history.
With --common-cause, every scenario runs once per feeds.yml `alerts: common_cause:` mode, and one `event` row
per run says what the chat got for the whole event: messages (openings, updates, resolutions), minutes from
the first burst post to the first alert, which spiking providers no message named, and what `backtest` replays
of the same store (its incidents, and whether it lists the messages the chat got)."""
import argparse, json, os, socket, subprocess, sys, tempfile, time, datetime as dt

HERE = os.path.dirname(os.path.abspath(__file__))
WORLD = os.environ.get("WORLD", os.path.join(HERE, "..", "..", "shared", "tools", "world", "world.py"))
if not os.path.exists(WORLD): WORLD = "/work/shared/tools/world/world.py"
NOW = "2026-11-16T18:40:00Z"

def template(truth, base, hook, store, common_cause=None):
    providers, sources = [], []
    for p in truth["providers"]:
        if not p["watched"]: continue
        slug, tag = p["slug"], p["hashtag"].lstrip("#")
        providers.append({"id": slug, "name": p["name"], "aliases": p["aliases"], "handles": [p["handle"]],
                          "hashtags": [p["hashtag"]]})
        sources.append({"name": "mastodon-" + tag, "kind": "mastodon", "url": base, "tag": tag})
        sources.append({"name": "status-" + slug, "kind": "statuspage",
                        "url": f"{base}/status/{slug}/api/v2/incidents.json", "providers": [slug]})
    query = " OR ".join(p["name"] for p in truth["providers"] if p["watched"])
    sources += [{"name": "forum", "url": base + "/feeds/forum.rss", "backfill": "all"},
                {"name": "news", "url": base + "/feeds/news.atom", "backfill": "all"},
                {"name": "reddit", "kind": "reddit", "url": base, "query": query, "user_agent": "failwatch-test"},
                {"name": "hn", "kind": "hackernews", "url": base, "query": query}]
    for s in sources:
        if s.get("kind") in ("mastodon", "reddit", "hackernews"): s["backfill"] = "14d"
    conf = {"version": 1, "timezone": "Europe/Vienna", "store": {"path": store},
            "providers": providers, "sources": sources,
            "detection": {"interval": "5m", "quiet": "30m"},
            "sinks": [{"name": "hook", "kind": "webhook", "url": hook + "/generic", "secret": "s3cret"}]}
    if common_cause: conf["alerts"] = {"common_cause": common_cause}
    return json.dumps(conf)

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def wait_file(path):
    for _ in range(200):
        if os.path.exists(path) and os.path.getsize(path) > 0: return
        time.sleep(0.05)
    raise SystemExit("server did not start: " + path)

def run(kind, seed, binary, extra, common_cause=None, until=30):
    tmp = tempfile.mkdtemp(prefix="fw-world-")
    offsets = ",".join(str(m) for m in range(-60, until + 5, 5))
    subprocess.run([sys.executable, WORLD, "scenario", "--out", tmp + "/world", "--provider", "Netzwerk Nord",
                    "--aliases", "NetzNord", "--handle", "NetzNordHilfe", "--now", NOW, "--kind", kind,
                    "--seed", str(seed), "--snapshots=" + offsets] + extra, check=True, stdout=subprocess.DEVNULL)
    truth = json.load(open(tmp + "/world/truth.json"))
    hook = subprocess.Popen([sys.executable, WORLD, "webhook", "--port", "0", "--port-file", tmp + "/hook.port",
                             "--log", tmp + "/hook.jsonl", "--ttl", "900"], stdout=subprocess.DEVNULL)
    wait_file(tmp + "/hook.port")
    port = free_port()
    conf = template(truth, f"http://127.0.0.1:{port}", "http://127.0.0.1:" + open(tmp + "/hook.port").read().strip(),
                    tmp + "/fw.sqlite", common_cause)
    open(tmp + "/feeds.yml", "w").write(conf)
    alerts = {}
    for snap in truth["snapshots"]:
        pf = tmp + "/serve.port"
        if os.path.exists(pf): os.remove(pf)
        serve = subprocess.Popen([sys.executable, WORLD, "serve", "--root", tmp + "/world/" + snap["root"], "--port",
                                  str(port), "--port-file", pf, "--log", tmp + "/serve.jsonl", "--ttl", "300"],
                                 stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        wait_file(pf)
        before = sum(1 for _ in open(tmp + "/hook.jsonl")) if os.path.exists(tmp + "/hook.jsonl") else 0
        out = subprocess.run([binary, "poll", "--config", tmp + "/feeds.yml", "--now", snap["now"]],
                             capture_output=True, text=True)
        serve.terminate(); serve.wait()
        time.sleep(0.2)
        lines = open(tmp + "/hook.jsonl").read().splitlines() if os.path.exists(tmp + "/hook.jsonl") else []
        for line in lines[before:]:
            body = json.loads(line).get("json") or {}
            pid = (body.get("provider") or {}).get("id") or body.get("provider_id")
            alerts.setdefault(pid, []).append((snap["now"], body))
    hook.terminate(); hook.wait()
    return truth, alerts, tmp

def replayed(binary, tmp, truth, alerts):
    """What `backtest` says of the same store: its failwatch incidents, and whether it lists the messages the
    chat got (time, kind, thread and number, headline); a binary without `backtest --json` gives its count only."""
    since = truth["snapshots"][0]["now"]
    out = subprocess.run([binary, "backtest", "--config", tmp + "/feeds.yml", "--since", since, "--json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        text = subprocess.run([binary, "backtest", "--config", tmp + "/feeds.yml", "--since", since],
                              capture_output=True, text=True).stdout
        count = next((line.split(":")[1].strip() for line in text.splitlines() if line.startswith("failwatch:")), "?")
        return f"backtest: {count} (no messages listed)"
    doc = json.loads(out.stdout)
    mine = [i for i in doc["incidents"] if i["detector"] == "failwatch"]
    joined = sum(1 for i in mine if i.get("in_alert_of"))
    gist = lambda b: (b.get("created_at"), b.get("event"), b.get("incident_id"), b.get("update_number"), b.get("headline"))
    chat = sorted(gist(body) for sent in alerts.values() for _, body in sent)
    listed = sorted(gist(body) for body in doc["messages"])
    same = "the same messages as the chat" if chat == listed else f"{len(listed)} messages, {len(set(chat) & set(listed))} as the chat"
    return f"backtest: {len(mine)} incidents ({joined} joined), {same}"

def parse(t): return dt.datetime.fromisoformat(t.replace("Z", "+00:00"))

def event(kind, seed, mode, truth, alerts):
    """One row for the whole event: what the chat got, how soon, and whom it named."""
    burst = truth.get("burst") or {}
    messages = sorted(((at, body) for sent in alerts.values() for at, body in sent), key=lambda m: m[0])
    kinds = [body.get("event") for _, body in messages]
    spiking = [p["name"] for p in truth["providers"] if p["watched"] and (burst.get("by_provider") or {}).get(p["name"])]
    said = " ".join(json.dumps(body, ensure_ascii=False) for _, body in messages)
    missing = [name for name in spiking if name not in said]
    first = burst.get("first_post")
    delay = f"{(parse(messages[0][0]) - parse(first)).total_seconds() / 60:3.0f} min" if messages and first else "  -"
    return (f"{kind:17} seed {seed} event {mode:8} {len(messages)} messages ({kinds.count('opened')} opened, "
            f"{kinds.count('updated')} updated, {kinds.count('resolved')} resolved); first alert {delay} after the "
            f"first report; named {len(spiking) - len(missing)} of {len(spiking)} spiking"
            + (f" (not {', '.join(missing)})" if missing else ""))

def report(kind, seed, truth, alerts, tmp):
    burst = truth.get("burst") or {}
    first = parse(burst["first_post"]) if burst.get("first_post") else None
    detail = burst.get("posts_detail") or []
    rows = []
    for p in truth["providers"]:
        if not p["watched"]: continue
        expect = truth["expected"]["per_provider"].get(p["name"], {}).get("alert")
        got = [a for a in alerts.get(p["slug"], []) if a[1].get("kind") in ("opened", None)]
        if not got:
            rows.append(f"{kind:17} seed {seed} {p['name']:14} expected {str(expect):12} no alert")
            continue
        at, body = got[0]
        mine = [d for d in detail if d.get("provider") == p["name"] and d.get("label") == "outage"]
        start = min((parse(d["published"]) for d in mine), default=first)
        people = len({d["author"] for d in mine if parse(d["published"]) <= parse(at)})
        delay = (parse(at) - start).total_seconds() / 60 if start else float("nan")
        notes = body.get("notes") or []
        cause = body.get("common_cause") or next((n for n in notes if "cause" in n.lower() or "upstream" in n.lower()), "")
        rows.append(f"{kind:17} seed {seed} {p['name']:14} expected {str(expect):12} alert at {at[11:16]} "
                    f"{delay:5.0f} min after first report, {people} people by then; {len(alerts[p['slug']])} messages; "
                    f"{cause}")
    return rows

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "release", "failwatch"))
    ap.add_argument("--kinds", default="outage,quiet,spam-one-author,competitor-spike,multi-provider")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--common-cause", default="", help="feeds.yml alerts: common_cause modes to run, e.g. each,combined")
    ap.add_argument("--until", type=int, default=30, help="last poll, minutes after --now (90 sees resolutions)")
    a = ap.parse_args()
    modes = [m for m in a.common_cause.split(",") if m] or [None]
    for kind in a.kinds.split(","):
        for seed in a.seeds.split(","):
            for mode in modes:
                truth, alerts, tmp = run(kind, int(seed), a.bin, [], mode, a.until)
                for row in report(kind, seed, truth, alerts, tmp): print(row, flush=True)
                if mode:
                    print(event(kind, seed, mode, truth, alerts) + "; " + replayed(a.bin, tmp, truth, alerts)
                          + f"   ({tmp})", flush=True)
