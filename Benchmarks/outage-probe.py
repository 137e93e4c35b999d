#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Scores a failwatch binary's outage verdict on the project's own probe posts.

The probe files (Tests/FailwatchKitTests/Fixtures/outage-probe/) were written by someone other than
the rule writer, from the labelling guideline alone. dev.jsonl is for development: its errors may be
read (so may dev2.jsonl's, dev3.jsonl's and dev4.jsonl's). held.jsonl, fresh.jsonl, held2.jsonl,
held3.jsonl and held4.jsonl are held out: only their scores are printed, never their lines (--errors
refuses them).

Only id, text and lang go into `failwatch classify`. Prints outage F1 / precision / recall, the share
of hard posts flagged (complaint/other posts containing the guideline's failure words), and per family
how many posts were judged wrong (outage vs. not outage).

Usage: Benchmarks/outage-probe.py [FILE] [--bin .build/release/failwatch] [--errors [--reasons]]
FILE defaults to dev.jsonl. --errors prints the wrong posts of dev.jsonl (or dev2.jsonl, dev3.jsonl,
dev4.jsonl) grouped by family; --reasons adds the rules' reasons (`classify --details`) to each.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

from guideline_trigger import KEYWORD

PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "FailwatchKitTests", "Fixtures", "outage-probe")

ap = argparse.ArgumentParser(description="outage F1 of a failwatch binary on the probe posts")
ap.add_argument("file", nargs="?", default=os.path.join(PROBE, "dev.jsonl"))
ap.add_argument("--bin", default=".build/release/failwatch")
ap.add_argument("--errors", action="store_true", help="print the wrong posts (dev.jsonl, dev2.jsonl, dev3.jsonl and dev4.jsonl only)")
ap.add_argument("--reasons", action="store_true", help="with --errors: the rules' reasons for each")
a = ap.parse_args()


def load(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit("%s:%d: not JSON (%s)" % (path, n, e))
            if r.get("label") not in ("outage", "complaint", "other") or not r.get("id") or not r.get("text"):
                sys.exit("%s:%d: needs id, text and a label outage|complaint|other" % (path, n))
            recs.append(r)
    return recs


recs = load(a.file)
HELD_OUT = {"held.jsonl": "probe-held-", "fresh.jsonl": "probe-fresh-", "held2.jsonl": "probe-held2-", "held3.jsonl": "probe-held3-",
            "held4.jsonl": "probe-held4-"}
held = [name for name, prefix in HELD_OUT.items()
        if os.path.basename(a.file) == name or any(r["id"].startswith(prefix) for r in recs)]
if a.errors and held:
    sys.exit("outage-probe: --errors is for dev.jsonl, dev2.jsonl, dev3.jsonl and dev4.jsonl only; %s is scored, never read line by line" % " and ".join(held))
if not os.access(a.bin, os.X_OK):
    sys.exit("outage-probe: no failwatch binary at %s (swift build --product failwatch, or pass --bin)" % a.bin)

payload = "".join(json.dumps({"id": r["id"], "text": r["text"], "lang": r.get("lang")}, ensure_ascii=False) + "\n" for r in recs)
args = [a.bin, "classify"] + (["--details"] if a.errors and a.reasons else [])
run = subprocess.run(args, input=payload.encode(), capture_output=True)
if run.returncode != 0:
    sys.exit("outage-probe: %s classify failed (exit %d): %s" % (a.bin, run.returncode, run.stderr.decode().strip()[:500]))
out = {}
for line in run.stdout.decode().splitlines():
    o = json.loads(line)
    out[o["id"]] = o
missing = [r["id"] for r in recs if r["id"] not in out]
if missing:
    sys.exit("outage-probe: classify returned no verdict for %d posts (first: %s)" % (len(missing), missing[0]))

gold = [r["label"] == "outage" for r in recs]
pred = [bool(out[r["id"]].get("outage")) for r in recs]


def summary(flags):
    """F1 / P / R of outage flags against the labels, and the hard posts among the flags."""
    tp = sum(g and p for g, p in zip(gold, flags))
    fp = sum(p and not g for g, p in zip(gold, flags))
    fn = sum(g and not p for g, p in zip(gold, flags))
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    hard = [p for r, g, p in zip(recs, gold, flags) if not g and KEYWORD.search(r["text"])]
    return "outage F1 %.3f  P %.3f  R %.3f  (tp %d fp %d fn %d); hard posts flagged %d of %d (%.1f%%)" % (
        f1, prec, rec, tp, fp, fn, sum(hard), len(hard), 100.0 * sum(hard) / len(hard) if hard else 0.0)


print("%s (%d posts, %d outage)" % (os.path.relpath(a.file), len(recs), sum(gold)))
print("  failwatch  %s  [%s]" % (summary(pred), a.bin))
print("  keyword    %s  [the guideline's trigger words, peer]" % summary([bool(KEYWORD.search(r["text"])) for r in recs]))
for lang in sorted({r.get("lang") for r in recs}):
    idx = [i for i, r in enumerate(recs) if r.get("lang") == lang]
    wrong = sum(gold[i] != pred[i] for i in idx)
    print("  lang %s: %d wrong of %d" % (lang, wrong, len(idx)))

fams = collections.OrderedDict()
for r, g, p in zip(recs, gold, pred):
    f = fams.setdefault(r["family"], {"n": 0, "fn": 0, "fp": 0, "label": collections.Counter()})
    f["n"] += 1
    f["label"][r["label"]] += 1
    f["fn"] += g and not p
    f["fp"] += p and not g
print("per family (wrong = missed outage + false outage):")
for name, f in sorted(fams.items(), key=lambda kv: (-(kv[1]["fn"] + kv[1]["fp"]), kv[0])):
    labels = "/".join("%s %d" % kv for kv in sorted(f["label"].items()))
    print("  %-26s %2d wrong of %2d  (missed %d, false %d; %s)" % (name, f["fn"] + f["fp"], f["n"], f["fn"], f["fp"], labels))

if a.errors:
    print("wrong posts by family:")
    for name in sorted(fams):
        rows = [(r, p) for r, g, p in zip(recs, gold, pred) if r["family"] == name and g != p]
        if not rows:
            continue
        print("  == %s" % name)
        for r, p in rows:
            print("    %s %s [%s] %s" % ("FP" if p else "FN", r["id"], r["label"], r["text"]))
            if a.reasons:
                print("        reasons: %s" % "; ".join(map(str, out[r["id"]].get("reasons") or [])))
