#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seeds a failwatch store for the report benchmark: N posts over W weeks for P providers.

The schema comes from failwatch itself (`failwatch prune` creates and migrates a new store), then rows are
bulk inserted with sqlite3: posts (with texts of realistic length, some hostile), their
per-provider verdicts, sources of several kinds, incidents and official statements.

usage: report-seed.py --failwatch PATH --dir DIR [--posts 1000000] [--weeks 8] [--providers 10]
       [--end 2026-11-23T00:00:00Z] [--seed 7]
Writes DIR/feeds.yml and DIR/store.sqlite; prints the config path.
"""
import argparse
import datetime
import os
import random
import sqlite3
import subprocess

WORDS_OUT = ["internet", "down", "störung", "kein", "netz", "seit", "stunden", "outage", "wlan", "router",
             "dsl", "kabel", "ausfall", "mobile", "data", "not", "working", "again", "hotline", "erreichbar"]
WORDS_COMPLAINT = ["rechnung", "support", "vertrag", "speed", "langsam", "techniker", "termin", "billing",
                   "customer", "service", "kündigung", "warteschleife", "refund", "slow", "upload"]
WORDS_OTHER = ["heute", "neue", "angebot", "great", "thanks", "schnell", "fast", "glasfaser", "tarif",
               "news", "preis", "deal", "fiber", "happy", "super", "danke", "top"]
HOSTILE = ["<script>alert(1)</script> internet down", "\u202egnp.exe\u202c kein netz", "x" * 10000 + " störung"]
LABELS = [("outage", 0.12, -0.6), ("complaint", 0.18, -0.4), ("negative", 0.15, -0.3),
          ("neutral", 0.40, 0.0), ("positive", 0.15, 0.5)]
KINDS = ["feed", "mastodon", "reddit", "bluesky", "hackernews"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--failwatch", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--providers", type=int, default=10)
    parser.add_argument("--end", default="2026-11-23T00:00:00+00:00")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.dir, exist_ok=True)
    config = os.path.join(args.dir, "feeds.yml")
    db = os.path.join(args.dir, "store.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    providers = [f"provider{i}" for i in range(args.providers)]
    sources = [f"{KINDS[i % len(KINDS)]}-{i}" for i in range(20)]
    with open(config, "w") as f:
        f.write("version: 1\ntimezone: Europe/Berlin\nstore:\n  path: store.sqlite\nproviders:\n")
        for p in providers:
            f.write(f"  - id: {p}\n    name: Provider {p[8:]}\n")
        f.write("sources:\n")
        for s in sources:
            f.write(f"  - name: {s}\n    url: https://example.org/{s}.xml\n")
    subprocess.run([args.failwatch, "prune", "--no-vacuum", "--config", config], check=True, stdout=subprocess.DEVNULL)

    end = int(datetime.datetime.fromisoformat(args.end).timestamp())
    start = end - args.weeks * 7 * 86400
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.executemany("INSERT INTO source (name, kind, url) VALUES (?, ?, ?)",
                    [(s, s.split("-")[0], f"https://example.org/{s}.xml") for s in sources])
    weights = [w for _, w, _ in LABELS]
    posts, verdicts = [], []
    # Ids grow with time, as in a store that failwatch fills run by run.
    times = sorted(rng.randrange(start, end) for _ in range(args.posts))
    for i in range(1, args.posts + 1):
        t = times[i - 1]
        label, _, base = rng.choices(LABELS, weights)[0]
        pool = WORDS_OUT if label == "outage" else WORDS_COMPLAINT if label == "complaint" else WORDS_OTHER
        provider = providers[min(len(providers) - 1, int(rng.paretovariate(1.2)) - 1)]
        text = f"{provider} " + " ".join(rng.choice(pool) for _ in range(rng.randint(6, 30)))
        if i % 50_000 == 0:
            text = HOSTILE[(i // 50_000) % len(HOSTILE)]
        source = rng.choice(sources)
        posts.append((i, source, f"g{i}", f"https://example.org/p/{i}", f"user{rng.randrange(50_000)}", None, text,
                      rng.choice(["de", "de", "en", None]), t if i % 20 else None, t, f"h{i}", label, base))
        verdicts.append((i, provider, label, base + rng.uniform(-0.3, 0.3)))
        if i % 7 == 0:
            verdicts.append((i, providers[(providers.index(provider) + 1) % len(providers)], "neutral", 0.0))
        if len(posts) >= 50_000:
            flush(con, posts, verdicts)
    flush(con, posts, verdicts)
    incidents, statements = [], []
    for n in range(args.weeks * 4):
        provider = rng.choice(providers)
        first = rng.randrange(start, end - 86400)
        incidents.append((f"inc-{n}", provider, first, first + rng.randrange(300, 1800), first + 3600,
                          rng.randrange(20, 90), rng.uniform(1, 5), rng.randrange(10, 200), first + rng.randrange(3600, 20000)))
        if n % 3:
            statements.append((sources[0], provider, f"st-{n}", "incident", f"Störung bei {provider}", "investigating",
                               f"https://status.example.org/{n}", first + rng.randrange(600, 7200), first))
    con.executemany("""INSERT INTO incident (id, providerId, firstComplaintAt, openedAt, peakAt, peakCount,
        peakExpected, authors, resolvedAt) VALUES (?,?,?,?,?,?,?,?,?)""", incidents)
    con.executemany("""INSERT INTO statement (sourceName, providerId, externalId, kind, title, status, url,
        createdAt, fetched) VALUES (?,?,?,?,?,?,?,?,?)""", statements)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(config)


def flush(con, posts, verdicts):
    con.executemany("""INSERT INTO post (id, sourceName, guid, link, author, title, text, language, published,
        fetched, contentHash, label, sentiment) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""", posts)
    con.executemany("INSERT INTO postProvider (postId, providerId, label, sentiment) VALUES (?,?,?,?)", verdicts)
    con.commit()
    posts.clear()
    verdicts.clear()


if __name__ == "__main__":
    main()
