# SPDX-License-Identifier: Apache-2.0
"""How far the NAB score moves when the public five are perturbed: a detector that carries over to
unseen series should move little.  Each perturbation writes a scratch corpus (series + windows,
shifted together) and scores it with the shared NAB scorer, either through the release binary or
through the Python replica (fast, for sweeps).

  python3 Benchmarks/nab_perturb.py                           # release binary, every perturbation
  python3 Benchmarks/nab_perturb.py --replica                 # nab_replica.py instead of the binary
  python3 Benchmarks/nab_perturb.py --only none,thin0.5 --args '--false-alarm-every 7d'

Perturbations: none; scale0.5 / scale2 (round(v x f): the volume level changes, the noise shape
not); thin0.5 (each mention kept with probability 1/2: half the people, relatively noisier);
poisson (v -> Poisson(v)); shift37m and shift3h (timestamps and windows moved together: whole
hours give identical alerts by construction, 37 minutes moves every interval across the hour-of-week
buckets).  Random ones use a fixed seed per file."""
import argparse, datetime as dt, json, os, shutil, subprocess, sys, tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.environ.get("FAILWATCH_CORPORA", "/work/shared/corpora")
TOOLS = os.environ.get("NAB_TOOLS", os.path.join(os.path.dirname(CORPORA), "tools"))
FMT = "%Y-%m-%d %H:%M:%S"


def perturb(kind, rows, seed):
    """rows: [(timestamp text, value)] -> perturbed rows, and the shift applied to times."""
    rng = np.random.default_rng(seed)
    shift = dt.timedelta(0)
    if kind.startswith("shift"):
        text = kind[5:]
        shift = dt.timedelta(minutes=int(text[:-1])) if text.endswith("m") else dt.timedelta(hours=int(text[:-1]))
    out = []
    for t, v in rows:
        if kind.startswith("scale"):
            v = int(np.floor(v * float(kind[5:]) + 0.5))
        elif kind.startswith("thin"):
            v = int(rng.binomial(int(v), float(kind[4:])))
        elif kind == "poisson":
            v = int(rng.poisson(v))
        out.append(((dt.datetime.strptime(t, FMT) + shift).strftime(FMT), v))
    return out, shift


def write_corpus(kind, source, target):
    """Writes the perturbed corpus (CSVs, labels.json, profiles.json) into target."""
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(source, "labels.json")) as f:
        doc = json.load(f)
    shutil.copy(os.path.join(source, "profiles.json"), target)
    shift = dt.timedelta(0)
    for seed, name in enumerate(sorted(doc["windows"]), start=1):
        with open(os.path.join(source, name)) as f:
            lines = f.read().split("\n")
        rows = [(l.split(",")[0], float(l.split(",")[1])) for l in lines[1:] if l.strip()]
        rows, shift = perturb(kind, rows, seed)
        with open(os.path.join(target, name), "w") as f:
            f.write("timestamp,value\n" + "".join("%s,%d\n" % r for r in rows))
    def moved(text):
        stamp = dt.datetime.strptime(text[:19], FMT) + shift
        return stamp.strftime(FMT) + text[19:]
    doc["windows"] = {n: [[moved(a), moved(b)] for a, b in w] for n, w in doc["windows"].items()}
    if "labels" in doc:
        doc["labels"] = {n: [moved(t) for t in ts] for n, ts in doc["labels"].items()}
    with open(os.path.join(target, "labels.json"), "w") as f:
        json.dump(doc, f)


def score_binary(data, binary, extra, jobs):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, os.path.join(TOOLS, "nab_score.py"), "--data", data, "--jobs", str(jobs),
               "--quiet", "--json", out.name, "--cmd", "%s backtest --series {file} %s" % (binary, extra)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        doc = json.load(open(out.name))
    events = doc["events"]
    return doc["summary"]["standard"]["normalised"], events["fp_per_week"], events["windows_detected"], events["windows"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="none,scale0.5,scale2,thin0.5,poisson,shift37m,shift3h")
    ap.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "failwatch"))
    ap.add_argument("--args", default="", help="extra backtest flags")
    ap.add_argument("--replica", action="store_true", help="score nab_replica.py's balanced settings")
    ap.add_argument("--jobs", type=int, default=1, help="parallel scorer runs (the machine is shared)")
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="nab-perturb-")
    try:
        base = None
        for kind in args.only.split(","):
            data = os.path.join(scratch, kind, "nab")
            write_corpus(kind, os.path.join(CORPORA, "nab"), data)
            if args.replica:
                sys.path.insert(0, HERE)
                import nab_replica as rep
                rep.use_data(data)
                s, fp, _ = rep.evaluate(rep.settings())
                hit = ""
            else:
                s, fp, found, wins = score_binary(data, os.path.abspath(args.binary), args.args, args.jobs)
                hit = " %d/%d windows" % (found, wins)
            base = s if base is None else base
            print("%-9s NAB %.1f (%+.1f)  FP/wk %.2f%s" % (kind, s, s - base, fp, hit), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
