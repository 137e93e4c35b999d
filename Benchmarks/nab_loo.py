# SPDX-License-Identifier: Apache-2.0
"""Leave-one-file-out on NAB's public five with nab_replica: choose the best setting on four files,
score the fifth with it.  Usage: python3 nab_loo.py  (sweeps false_alarm_every 6-10 d)."""
from nab_replica import *

from concurrent.futures import ProcessPoolExecutor

def file_score(n, alerts):
    ts = series(n)[0]; wins = labels()[n]["windows"]
    prof = ns.DEFAULT_PROFILES["standard"]
    r = ns.score_file(ts, alerts, wins, prof, 0.5)
    nu = ns.score_file(ts, [0.] * len(ts), wins, prof, math.inf)
    sc = r["scored_rows"]
    weeks = ((ts[-1] - ts[sc[0]]).total_seconds() + 300) / (7 * 86400.)
    return r["score"], nu["score"], len(wins), len(r["fp_rows"]), weeks

def job(args):
    key, st, n = args
    return key, n, file_score(n, run_file(n, st))

def table(configs):
    """configs: {key: settings} -> {key: {file: (raw, null, wins, fp, weeks)}}"""
    out = {}
    jobs = [(k, st, n) for k, st in configs.items() for n in FILES]
    with ProcessPoolExecutor(JOBS) as ex:
        for k, n, v in ex.map(job, jobs):
            out.setdefault(k, {})[n] = v
    return out

def norm(rows):
    raw = sum(r[0] for r in rows); null = sum(r[1] for r in rows); w = sum(r[2] for r in rows)
    return 100 * (raw - null) / (w - null)

def fpwk(rows): return sum(r[3] for r in rows) / sum(r[4] for r in rows)

def report(tab, show=True):
    keys = list(tab)
    if show:
        for k in keys:
            rows = [tab[k][n] for n in FILES]
            print("%-40s %.1f %.2f  per-file %s" % (k, norm(rows), fpwk(rows),
                  " ".join("%.2f" % tab[k][n][0] for n in FILES)))
    held = []
    for n in FILES:
        rest = [m for m in FILES if m != n]
        best = max(keys, key=lambda k: norm([tab[k][m] for m in rest]))
        held.append(tab[best][n])
        if show: print("  LOO %s: chose %s -> raw %.2f" % (n[15:19], best, tab[best][n][0]))
    print("LOO normalised %.1f FP/wk %.2f" % (norm(held), fpwk(held)))
    return norm(held)


if __name__ == "__main__":
    report(table({"rp=%d d" % d: settings(burstReturnPeriod=d * 86400.) for d in range(6, 11)}))
