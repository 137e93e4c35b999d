# SPDX-License-Identifier: Apache-2.0
"""Does a detector change carry over?  For each variant of nab_replica.py's balanced settings:
the all-in score (false_alarm_every 8 d, all five files in view), leave-one-file-out over
false_alarm_every 6-10 d (as nab_loo.py), their gap, and the score on perturbed copies of the public
five (nab_perturb.py's kinds).  A change is kept only if LOO does not fall, the gap does not widen
and the perturbed scores move no more than before.

  python3 Benchmarks/nab_carry.py                    # every variant below
  python3 Benchmarks/nab_carry.py base rare-derived  # the named ones
  python3 Benchmarks/nab_carry.py --halves           # all-in score with each remaining constant
                                                     # halved and doubled: where the plateau ends
  python3 Benchmarks/nab_carry.py --halves alarm-weight   # the same over a variant"""
import math, os, shutil, sys, tempfile
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nab_replica as rep
import nab_loo as loo
import nab_perturb as per

ORIGINAL = rep.DATA
PERTURB = ["scale0.5", "thin0.5", "poisson", "shift37m"]

# Each variant: settings over the balanced preset (burstReturnPeriod is swept by the LOO).
VARIANTS = {
    "base": dict(earlyAlarmWeight=0.25, rarityFloor=0.1),  # before detection-log step 2
    "default": dict(),  # = early-rare-derived, since detection-log step 2
    "early-full": dict(earlyAlarmWeight=1.),
    "early-rare": dict(earlyAlarmWeight="rare", rarityFloor=0.1),
    "rare-derived": dict(earlyAlarmWeight=0.25, rarityFloor="derived"),
    "early-rare-derived": dict(earlyAlarmWeight="rare", rarityFloor="derived"),
    "no-record": dict(burstRecordRatio=0.),
    # 2026-12-07 (robust): bursts that overlap an alarm count the least weight, all others fully
    "alarm-weight": dict(weighting="alarm"),
    "alarm-record1": dict(weighting="alarm", burstRecordRatio=1.),  # a new alarm must outgrow the recent peak
    "alarm-no-record": dict(weighting="alarm", burstRecordRatio=0.),
    # the record bar as the faded peak plus clipSigmas standard deviations of the window (no ratio)
    "margin": dict(burstRecordRatio=1., recordMargin="sigmas"),
    "alarm-margin": dict(weighting="alarm", burstRecordRatio=1., recordMargin="sigmas"),
}


def job(args):
    data, key, st, name = args
    if rep.DATA != (data or ORIGINAL):
        rep.use_data(data or ORIGINAL)
    alerts = rep.run_file(name, st)
    return data, key, name, loo.file_score(name, alerts)


def main(names):
    scratch = tempfile.mkdtemp(prefix="nab-carry-")
    try:
        dirs = {}
        for kind in PERTURB:
            dirs[kind] = os.path.join(scratch, kind, "nab")
            per.write_corpus(kind, ORIGINAL, dirs[kind])
        jobs = []
        for v in names:
            for d in range(6, 11):
                st = rep.settings(**VARIANTS[v], burstReturnPeriod=d * 86400.)
                jobs += [(None, (v, d), st, n) for n in rep.FILES]
            for kind in PERTURB:
                jobs += [(dirs[kind], (v, kind), rep.settings(**VARIANTS[v]), n) for n in rep.FILES]
        out = {}
        with ProcessPoolExecutor(rep.JOBS) as ex:
            for data, key, name, row in ex.map(job, jobs):
                out.setdefault(key, {})[name] = row
        for v in names:
            grid = {d: out[(v, d)] for d in range(6, 11)}
            allin = loo.norm([grid[8][n] for n in rep.FILES])
            held = []
            for n in rep.FILES:
                rest = [m for m in rep.FILES if m != n]
                best = max(grid, key=lambda d: loo.norm([grid[d][m] for m in rest]))
                held.append(grid[best][n])
            left = loo.norm(held)
            sweep = " ".join("%.1f" % loo.norm(list(grid[d].values())) for d in range(6, 11))
            moved = []
            for kind in PERTURB:
                rows = list(out[(v, kind)].values())
                moved.append("%s %+.1f" % (kind, loo.norm(rows) - allin))
            print("%-14s all-in %.1f (%.2f FP/wk)  LOO %.1f (%.2f)  gap %.1f  6-10d [%s]  %s" % (
                v, allin, loo.fpwk([grid[8][n] for n in rep.FILES]), left, loo.fpwk(held), allin - left,
                sweep, ", ".join(moved)), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# The constants of the burst gate and the count model that are not derived, with their balanced values.
CONSTANTS = ["burstReleasePeriod", "burstHalfLife", "burstLag", "burstOffset", "burstRecordRatio",
             "burstRecordHalfLife", "minPeople", "warmUp", "clipSigmas"]


def halves(variant="default"):
    over = VARIANTS[variant]
    configs = {"default": rep.settings(**over)}
    for key in CONSTANTS:
        value = configs["default"][key]
        if not value:
            continue  # turned off by the variant
        for factor in (0.5, 2.):
            configs["%s x%g" % (key, factor)] = rep.settings(**{**over, key: value * factor})
    tab = loo.table(configs)
    for k in configs:
        rows = [tab[k][n] for n in rep.FILES]
        print("%-28s %.1f (%.2f FP/wk)" % (k, loo.norm(rows), loo.fpwk(rows)), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--halves"]:
        halves(*sys.argv[2:3])
    else:
        main(sys.argv[1:] or list(VARIANTS))
