#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Every outage figure issue 14 asks for, in one go, on the two public outage dev sets.

For each set (real customer posts, written DE/EN bank) it runs `failwatch classify` once (only id,
text and lang go in, as in /work/shared/tools/eval_classify.py) and prints F1, precision, recall and
the share of `hard` posts (failure words in another sense) flagged as outage:
  - all posts;
  - the two halves by a stable hash of the id: A = md5(id) even (rules are developed on A, its errors
    read), B = md5(id) odd (held out: scored, never read post by post);
  - per source (real set: UK mobile, US telecom, Mozetič EN/DE tweets) and per language; the rules
    take no data, so "leave one source out" for them is the score on a source whose posts were not
    read while writing the rules; for the linear model it is trained on the other sources;
  - beside it, peers on the same posts: the GUIDELINE's trigger regex as a keyword list, and
    `failwatch train` (5-fold cross-validation; with --loso also trained leaving one source or one
    language out, scored with `classify --model`).
With BASE=path (or --base) an older binary is scored in the same run, column beside the new one.

Usage: Benchmarks/outage-eval.py [--corpora /work/shared/corpora] [--bin .build/release/failwatch]
                                 [--base OLD_BINARY] [--loso] [--errors A]
--errors A prints half A's false positives and negatives (for development; never use B).
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import tempfile

from guideline_trigger import KEYWORD  # the GUIDELINE's trigger words, the keyword peer

ap = argparse.ArgumentParser()
ap.add_argument("--corpora", default="/work/shared/corpora")
ap.add_argument("--bin", default=".build/release/failwatch")
ap.add_argument("--base", default=os.environ.get("BASE"))
ap.add_argument("--loso", action="store_true", help="also train the linear model leaving one source / language out")
ap.add_argument("--no-model", action="store_true", help="skip the linear-model peer")
ap.add_argument("--errors", choices=["A"], help="print half A's errors")
ap.add_argument("--set", choices=["real", "bank"], help="only this set")
a = ap.parse_args()

SETS = [("real", "outage-real-dev/posts.jsonl"), ("bank", "outage-dev/posts.jsonl")]



def half(rec):
    return "A" if int(hashlib.md5(rec["id"].encode()).hexdigest(), 16) % 2 == 0 else "B"


def source(rec):
    s = rec.get("source") or ""
    if "UK mobile" in s:
        return "uk-mobile"
    if "US telecom" in s:
        return "us-telecom"
    if "deu.txt" in s:
        return "mozetic-de"
    if "eng.txt" in s:
        return "mozetic-en"
    return rec.get("sector") or "-"


def gold(rec):
    o = rec.get("outage")
    return o if isinstance(o, bool) else rec.get("label") == "outage"


def classify(binary, recs, *args):
    payload = "".join(json.dumps({"id": r["id"], "text": r["text"], "lang": r.get("lang")}) + "\n" for r in recs)
    out = subprocess.run([binary, "classify", *args], input=payload.encode(), capture_output=True, check=True).stdout
    by_id = {}
    for line in out.decode().splitlines():
        o = json.loads(line)
        by_id[o["id"]] = o
    return [bool(by_id.get(r["id"], {}).get("outage")) for r in recs]


def score(recs, preds):
    tp = sum(1 for r, p in zip(recs, preds) if p and gold(r))
    fp = sum(1 for r, p in zip(recs, preds) if p and not gold(r))
    fn = sum(1 for r, p in zip(recs, preds) if not p and gold(r))
    hard = [p for r, p in zip(recs, preds) if r.get("hard")]
    pr = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return dict(f1=f1, p=pr, r=rc, tp=tp, fp=fp, fn=fn, n=len(recs),
                hard=(sum(hard) / len(hard)) if hard else float("nan"), nhard=len(hard))


def fmt(s):
    if s is None:
        return "-"
    return "F1 %.3f P %.3f R %.3f hard %4.1f%% (n=%d, %d out, tp %d fp %d fn %d)" % (
        s["f1"], s["p"], s["r"], 100 * s["hard"], s["n"], s["tp"] + s["fn"], s["tp"], s["fp"], s["fn"])


def model_label(rec):
    """The corpus label as `failwatch train` takes it (other / hard_negative are neither complaint nor sentiment)."""
    lab = rec.get("label")
    return {"other": "neutral", "hard_negative": "neutral"}.get(lab, lab)


def train_cv(binary, recs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in recs:
            f.write(json.dumps({"text": r["text"], "label": model_label(r), "lang": r.get("lang")}) + "\n")
    try:
        out = subprocess.run([binary, "train", "--data", f.name, "--cv", "5"], capture_output=True, check=True).stdout.decode()
    finally:
        os.unlink(f.name)
    m = re.search(r"outage=([0-9.]+)", out)
    return float(m.group(1)) if m else float("nan")


def train_apply(binary, train, test):
    """Trains on `train`, returns `classify --model`'s outage flags on `test`."""
    with tempfile.TemporaryDirectory() as d:
        data = os.path.join(d, "train.jsonl")
        with open(data, "w") as f:
            for r in train:
                f.write(json.dumps({"text": r["text"], "label": model_label(r), "lang": r.get("lang")}) + "\n")
        model = os.path.join(d, "model.txt")
        subprocess.run([binary, "train", "--data", data, "--out", model], capture_output=True, check=True)
        return classify(binary, test, "--model", model)


binaries = [("new", a.bin)] + ([("base", a.base)] if a.base else [])
for name, path in SETS:
    if a.set and a.set != name:
        continue
    recs = [json.loads(l) for l in open(os.path.join(a.corpora, path), encoding="utf-8")]
    preds = {b: classify(p, recs) for b, p in binaries}
    preds["keyword"] = [bool(KEYWORD.search(r["text"])) for r in recs]
    print("== %s (%s)" % (name, path))
    groups = [("all", lambda r: True), ("half A (developed)", lambda r: half(r) == "A"),
              ("half B (held out)", lambda r: half(r) == "B")]
    for lang in sorted({r.get("lang") for r in recs}):
        groups.append(("lang %s" % lang, lambda r, lang=lang: r.get("lang") == lang))
        for h in ("A", "B"):
            groups.append(("lang %s, half %s" % (lang, h), lambda r, lang=lang, h=h: r.get("lang") == lang and half(r) == h))
    if name == "real":
        for s in sorted({source(r) for r in recs}):
            groups.append(("source %s" % s, lambda r, s=s: source(r) == s))
    for label, keep in groups:
        idx = [i for i, r in enumerate(recs) if keep(r)]
        sub = [recs[i] for i in idx]
        if not any(gold(r) for r in sub):
            continue
        print("  %-24s" % label)
        for b in [b for b, _ in binaries] + ["keyword"]:
            print("    %-8s %s" % (b, fmt(score(sub, [preds[b][i] for i in idx]))))
    if not a.no_model:
        print("  linear model (failwatch train), outage-class F1:")
        print("    5-fold cv, all: %.3f" % train_cv(a.bin, recs))
        if a.loso:
            keys = [("source", source)] if name == "real" else []
            keys.append(("lang", lambda r: r.get("lang")))
            for kind, key in keys:
                for v in sorted({key(r) for r in recs}):
                    test = [r for r in recs if key(r) == v]
                    train = [r for r in recs if key(r) != v]
                    if not any(gold(r) for r in test):
                        continue
                    print("    trained without %s %s, scored on it: %s" % (kind, v, fmt(score(test, train_apply(a.bin, train, test)))))
    if a.errors:
        print("  errors in half A:")
        for r, p in zip(recs, preds["new"]):
            if half(r) == "A" and p != gold(r):
                print("    %s %s [%s%s] %s" % ("FP" if p else "FN", r["id"], r.get("label"), " hard" if r.get("hard") else "",
                                         r["text"].replace("\n", " ")[:300]))
