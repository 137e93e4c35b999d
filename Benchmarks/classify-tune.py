#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Re-thresholds `failwatch classify --details` output on the public evaluation splits.

Runs the release binary once per corpus, keeps each post's complaint score, lexicon compound
and outage flag, and reports micro/macro-F1 for the current thresholds and a small grid, so
RuleThresholds can be tuned without rebuilding. Reads the corpora by path; writes nothing.

Usage: Benchmarks/classify-tune.py [--corpora /work/shared/corpora] [--bin .build/release/failwatch] [--grid]
"""
import argparse
import itertools
import json
import subprocess

ap = argparse.ArgumentParser()
ap.add_argument("--corpora", default="/work/shared/corpora")
ap.add_argument("--bin", default=".build/release/failwatch")
ap.add_argument("--grid", action="store_true")
a = ap.parse_args()

SETS = [("complaints/public.jsonl", "complaint"), ("airline/public.jsonl", "negative"),
        ("germeval2017/dev.jsonl", "sentiment3")]


def run(path):
    recs = [json.loads(l) for l in open(path, encoding="utf-8")]
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"], "lang": r.get("lang")}) + "\n" for r in recs)
    out = subprocess.run([a.bin, "classify", "--details"], input=inp.encode(), capture_output=True).stdout
    return recs, [json.loads(l) for l in out.decode().splitlines()]


def label(o, th):
    if o["outage"]:
        return "outage"
    c, s = o["compound"], o["score"]
    # score already holds negativity * w; recompute with the grid's weight
    s = s - max(0, -c) * 1.2 + max(0, -c) * th["negw"]
    if s >= th["complaint"] and (c < th["cmax"] or s >= 1.5):
        return "complaint"
    if c <= th["neg"]:
        return "negative"
    if c >= th["pos"]:
        return "positive"
    return "neutral"


def f1s(golds, preds, classes):
    out = {}
    for k in classes:
        tp = sum(1 for g, p in zip(golds, preds) if g == k and p == k)
        fp = sum(1 for g, p in zip(golds, preds) if g != k and p == k)
        fn = sum(1 for g, p in zip(golds, preds) if g == k and p != k)
        pr = tp / (tp + fp) if tp + fp else 0
        rc = tp / (tp + fn) if tp + fn else 0
        out[k] = 2 * pr * rc / (pr + rc) if pr + rc else 0
    acc = sum(1 for g, p in zip(golds, preds) if g == p) / len(golds)
    return acc, sum(out.values()) / len(out), out


def score(task, recs, outs, th):
    preds = [label(o, th) for o in outs]
    if task == "complaint":
        g = ["c" if r["complaint"] else "n" for r in recs]
        p = ["c" if x in ("outage", "complaint") else "n" for x in preds]
        acc, mac, per = f1s(g, p, ["c", "n"])
        return per["c"], mac
    if task == "negative":
        g = ["n" if r["label"] == "negative" else "o" for r in recs]
        p = ["n" if x in ("outage", "complaint", "negative") else "o" for x in preds]
        acc, mac, per = f1s(g, p, ["n", "o"])
        return per["n"], mac
    g = [r["label"] for r in recs]
    p = ["negative" if x in ("outage", "complaint", "negative") else x for x in preds]
    acc, mac, per = f1s(g, p, ["negative", "neutral", "positive"])
    return acc, mac


data = [(task, *run(a.corpora + "/" + path)) for path, task in SETS]
base = dict(complaint=1.2, cmax=0.5, neg=-0.2, pos=0.6, negw=1.2)


def show(th):
    return "  ".join("%s %.3f/%.3f" % (t[:5], *score(t, r, o, th)) for t, r, o in data)


print("current:", show(base))
if a.grid:
    best = []
    for comp, cmax, neg, pos, negw in itertools.product([1.0, 1.2, 1.4], [0.2, 0.35, 0.5], [-0.05, -0.2, -0.35, -0.5],
                                                        [0.3, 0.45, 0.6], [0.8, 1.2, 1.6, 2.0]):
        th = dict(complaint=comp, cmax=cmax, neg=neg, pos=pos, negw=negw)
        s = [score(t, r, o, th) for t, r, o in data]
        obj = sum(x[1] for x in s) + sum(x[0] for x in s)
        best.append((obj, th, s))
    best.sort(key=lambda x: -x[0])
    for obj, th, s in best[:8]:
        print("%.3f %s %s" % (obj, th, ["%.3f/%.3f" % x for x in s]))
