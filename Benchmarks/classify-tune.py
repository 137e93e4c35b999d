#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Re-thresholds `failwatch classify --details` output on the public evaluation splits.

Runs the release binary once per corpus, keeps each post's cue counts, lexicon compound and outage
flag, recomputes the label exactly as RuleJudge does (per language, see RuleThresholds.swift), and
reports the scores for the current thresholds and, with --grid, for a small grid around them, so
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

# Mirrors RuleThresholds.swift (defaults, then the per-language overrides).
DEFAULT = dict(negative=-0.2, positive=0.6, complaint=1.2, cmax=0.5, cdp=1.5, long=50, term=1.0, asked=0.5,
               weak=0.5, negation=0.5, cap=1.0, problem=0.7, others=0.5, duration=0.5, fine=1.0, negw=1.2, addr=0.4)
ENGLISH = dict(DEFAULT, negative=-0.15, cdp=2.0, term=0.8, weak=0.35, negation=0.7, cap=1.4, problem=0.5,
               duration=0.8, negw=0.8, addr=0.7)
GERMAN = dict(DEFAULT, positive=0.55, long=40, term=0.8, weak=0.25, negation=0.25, negw=1.0, addr=0)


def run(path):
    recs = [json.loads(l) for l in open(path, encoding="utf-8")]
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"], "lang": r.get("lang")}) + "\n" for r in recs)
    out = subprocess.run([a.bin, "classify", "--details"], input=inp.encode(), capture_output=True).stdout
    return recs, [json.loads(l) for l in out.decode().splitlines()]


def label(o, en, de):
    """RuleJudge.judge on the numbers `--details` writes."""
    if o["outage"]:
        return "outage"
    t = de if o["lang"] == "de" else en
    c = o["compound"]
    comp, weak, prob, others, dur, fine, addr, length, neg, asked = o["cues"]
    dil = 1 if length <= t["long"] else (t["long"] / length) ** 1.5
    s = comp * t["term"] + asked * t["asked"] + min(weak * t["weak"] + neg * t["negation"], t["cap"])
    s += prob * t["problem"] + others * t["others"] + dur * t["duration"] - fine * t["fine"]
    s = s * dil + max(0, -c) * t["negw"] + (t["addr"] if addr else 0)
    if s >= t["complaint"] and (c < t["cmax"] or s >= t["cdp"]):
        return "complaint"
    if c <= t["negative"]:
        return "negative"
    if c >= t["positive"]:
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


def score(task, recs, outs, en, de):
    preds = [label(o, en, de) for o in outs]
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
mismatch = sum(1 for _, _, outs in data for o in outs if label(o, ENGLISH, GERMAN) != o["label"])
print("labels recomputed differently from the binary's: %d (should be 0)" % mismatch)


def show(en, de):
    return "  ".join("%s %.3f/%.3f" % (t[:5], *score(t, r, o, en, de)) for t, r, o in data)


print("current:", show(ENGLISH, GERMAN))
if a.grid:
    en_data = [d for d in data if d[0] != "sentiment3"]
    best = []
    for comp, weak, neg, negw, addr in itertools.product([1.0, 1.2, 1.4], [0.25, 0.35, 0.5], [0.5, 0.7],
                                                         [0.6, 0.8, 1.0], [0.4, 0.6, 0.7]):
        en = dict(ENGLISH, complaint=comp, weak=weak, negation=neg, negw=negw, addr=addr)
        s = [score(t, r, o, en, GERMAN) for t, r, o in en_data]
        best.append((sum(x[0] + x[1] for x in s), en, s))
    best.sort(key=lambda x: -x[0])
    print("English grid (complaint, negative: headline/macro):")
    for obj, th, s in best[:5]:
        print("  %s %s" % ({k: v for k, v in th.items() if v != ENGLISH[k]}, ["%.3f/%.3f" % x for x in s]))
    best = []
    for pos, neg, comp, weak in itertools.product([0.5, 0.6, 0.7, 0.8], [-0.2, -0.3], [1.2, 1.6], [0.25, 0.5]):
        de = dict(GERMAN, positive=pos, negative=neg, complaint=comp, weak=weak)
        s = score("sentiment3", data[2][1], data[2][2], ENGLISH, de)
        best.append((s[0] + s[1], de, s))
    best.sort(key=lambda x: -x[0])
    print("German grid (GermEval micro/macro):")
    for obj, th, s in best[:5]:
        print("  %s %.3f/%.3f" % ({k: v for k, v in th.items() if v != GERMAN[k]}, *s))
