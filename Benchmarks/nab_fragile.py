# SPDX-License-Identifier: Apache-2.0
"""Why a constant is fragile: which windows and false alerts flip when it is halved or doubled.

For each variant of nab_replica.py's balanced settings, every file is run once; the script prints the
score, then per file what differs from the default: windows caught or lost (with the first alert in
them) and false alerts added or removed, each with the detector's state at that alert (the burst scale
that was rarest, its rarity in days, its excess against the recent peak).

  python3 Benchmarks/nab_fragile.py                         # both fragile constants, halved and doubled
  python3 Benchmarks/nab_fragile.py roles                   # burst_release_period's roles one at a time
  python3 Benchmarks/nab_fragile.py alarm-weight --perturb poisson   # a nab_carry.py variant against
                                                            # the default, on a perturbed copy
  NAB_JOBS=2 python3 Benchmarks/nab_fragile.py              # two processes (default one)"""
import math, os, sys
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nab_replica as rep
import nab_loo as loo

DAY = 86400.
FRAGILE = {
    "release x0.5": dict(burstReleasePeriod=0.5 * DAY),
    "release x2": dict(burstReleasePeriod=2 * DAY),
    "record x0.5": dict(burstRecordRatio=0.625),
    "record x2": dict(burstRecordRatio=2.5),
}
# burst_release_period does four things; each halved / doubled alone (the others stay at 1 d).
ROLES = {"%s x%g" % (role, f): {role: f * DAY}
         for role in ("releaseCount", "releaseBurst", "releaseWeight") for f in (0.5, 2.)}


def run(name, st):
    """Alerts of one file with the detector's state at each alert row."""
    ts, vals, epoch = rep.series(name)
    d = rep.Detector(st); tr = rep.Tracker()
    alerts = []; state = {}
    for i, (v, t) in enumerate(zip(vals, epoch)):
        a = d.observe(v, t)
        last_hour = sum(c for c, _ in d.recent[-max(st["evidenceWindows"]):])
        fired = tr.step(a, last_hour, t)
        alerts.append(1.0 if fired else 0.0)
        if fired:
            state[i] = d.diag
    return alerts, state


def job(args):
    key, st, name, data = args
    if rep.DATA != data:
        rep.use_data(data)
    alerts, state = run(name, st)
    return key, name, alerts, state


def describe(diag, st):
    """'1h scale: once in 23 d, excess 410 = 1.9 x peak' for the rarest scale at an alert."""
    dec, excess, peaks, sur, people, recent = diag
    if dec is None:
        return "count model only (%.1f decades, %d people)" % (sur, people)
    k = max(range(len(dec)), key=lambda i: dec[i])
    scale = st["burstWindows"][k]
    period = st["interval"] * 10 ** dec[k] / DAY
    ratio = excess[k] / peaks[k] if peaks[k] > 0 else math.inf
    return "%s scale once in %.1f d, excess %.0f = %.2f x peak; count %.1f decades" % (
        "%dm" % (scale / 60) if scale < 3600 else "%dh" % (scale / 3600), period, excess[k], ratio, sur)


def outcome(name, alerts):
    ts = rep.series(name)[0]
    wins = rep.labels()[name]["windows"]
    prof = rep.ns.DEFAULT_PROFILES["standard"]
    r = rep.ns.score_file(ts, alerts, wins, prof, 0.5)
    first = {}
    for w, (a, b) in enumerate(wins):
        rows = [i for i, t in enumerate(ts) if a <= t <= b and alerts[i] >= 0.5]
        first[w] = rows[0] if rows else None
    return first, set(r["fp_rows"])


BASE = {}  # the variant that the others are compared with (--base)


def main(variants):
    configs = {"default": rep.settings(**BASE)}
    configs.update({k: rep.settings(**{**BASE, **v}) for k, v in variants.items()})
    out = {}
    jobs = [(k, st, n, rep.DATA) for k, st in configs.items() for n in rep.FILES]
    with ProcessPoolExecutor(rep.JOBS) as ex:
        for key, name, alerts, state in ex.map(job, jobs):
            out.setdefault(key, {})[name] = (alerts, state)
    base = {n: outcome(n, out["default"][n][0]) for n in rep.FILES}
    for key, st in configs.items():
        rows = [loo.file_score(n, out[key][n][0]) for n in rep.FILES]
        found = sum(1 for n in rep.FILES for v in outcome(n, out[key][n][0])[0].values() if v is not None)
        print("== %s: NAB %.1f, FP/wk %.2f, %d/16 windows" % (key, loo.norm(rows), loo.fpwk(rows), found))
        if key == "default":
            for n in rep.FILES:
                ts = rep.series(n)[0]
                alerts, state = out[key][n]
                first, fps = base[n]
                for w, i in first.items():
                    print("  %s window %d: %s" % (n[15:19], w + 1, "missed" if i is None else
                          "first alert %s  %s" % (ts[i], describe(state[i], st))))
                for i in sorted(fps):
                    print("  %s false alert %s  %s" % (n[15:19], ts[i], describe(state[i], st)))
            continue
        for n in rep.FILES:
            ts = rep.series(n)[0]
            alerts, state = out[key][n]
            first, fps = outcome(n, alerts)
            bfirst, bfps = base[n]
            for w in first:
                if (first[w] is None) != (bfirst[w] is None):
                    print("  %s window %d %s" % (n[15:19], w + 1, "LOST (default caught it at %s)" % ts[bfirst[w]]
                          if first[w] is None else "GAINED at %s  %s" % (ts[first[w]], describe(state[first[w]], st))))
            for i in sorted(fps - bfps):
                print("  %s + false alert %s  %s" % (n[15:19], ts[i], describe(state[i], st)))
            for i in sorted(bfps - fps):
                print("  %s - false alert %s (default's)" % (n[15:19], ts[i]))


if __name__ == "__main__":
    import argparse, shutil, tempfile
    import nab_carry, nab_perturb
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", nargs="*", help="'roles', or nab_carry.py variants (default: both fragile constants)")
    ap.add_argument("--base", default="default", help="the nab_carry.py variant the others are compared with")
    ap.add_argument("--perturb", help="run on a perturbed copy of the public five (nab_perturb.py's kinds)")
    args = ap.parse_args()
    if args.what == ["roles"]:
        chosen = ROLES
    elif args.what:
        chosen = {v: nab_carry.VARIANTS[v] for v in args.what}
    else:
        chosen = FRAGILE
    BASE.update(nab_carry.VARIANTS[args.base])
    scratch = tempfile.mkdtemp(prefix="nab-fragile-")
    try:
        if args.perturb:
            data = os.path.join(scratch, "nab")
            nab_perturb.write_corpus(args.perturb, rep.DATA, data)
            rep.use_data(data)
        main(chosen)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
