# SPDX-License-Identifier: Apache-2.0
"""A second proxy for "unseen series": seeded copies of NAB's public five with another weekly level,
other noise and other burst sizes, scored with the shared NAB scorer through nab_replica.py.

Per file and seed (numpy's default_rng(seed * 100 + file number)):
  - level: the whole series times a factor drawn log-uniformly from 0.3-3, and each week times its own
    factor from 0.7-1.4 (linear between week centres), so levels drift;
  - noise: each interval times a log-normal factor (sigma drawn from 0-0.4), then Poisson resampled;
  - bursts: inside each labelled window the part above the day's median is scaled by a factor drawn
    log-uniformly from 0.5-2 (anomalies smaller or bigger than the originals);
  - time: series and windows moved by a whole number of days (0-6) plus 0-59 minutes, so intervals fall
    into other hour-of-week buckets and weekdays.
Windows keep their places; the scorer and profiles are the public five's.

  python3 Benchmarks/nab_synth.py --seeds 1,2,3              # the default settings
  python3 Benchmarks/nab_synth.py --seeds 1,2,3 --variant alarm-weight   # a nab_carry.py variant

Never tune on these copies and on the public five both: they are a check, not a training set."""
import argparse, datetime as dt, json, os, shutil, sys, tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nab_replica as rep
import nab_loo as loo

FMT = "%Y-%m-%d %H:%M:%S"
PER_DAY = 288


def day_median(values):
    """The median of the surrounding day (centred), as the series' ordinary level."""
    v = np.asarray(values, float)
    out = np.empty_like(v)
    half = PER_DAY // 2
    for i in range(0, len(v), 12):  # once an hour is enough for a day's median
        m = np.median(v[max(0, i - half):i + half])
        out[i:i + 12] = m
    return out


def resample(values, windows_rows, rng):
    """The perturbed counts and what was drawn."""
    v = np.asarray(values, float)
    n = len(v)
    level = np.exp(rng.uniform(np.log(0.3), np.log(3.)))
    weeks = int(np.ceil(n / (7 * PER_DAY))) + 1
    weekly = np.exp(rng.uniform(np.log(0.7), np.log(1.4), size=weeks))
    centres = (np.arange(weeks) + 0.5) * 7 * PER_DAY
    drift = np.interp(np.arange(n), centres, weekly)
    sigma = rng.uniform(0., 0.4)
    base = day_median(v)
    out = v.copy()
    sizes = []
    for a, b in windows_rows:
        size = np.exp(rng.uniform(np.log(0.5), np.log(2.)))
        sizes.append(size)
        above = np.maximum(v[a:b + 1] - base[a:b + 1], 0)
        out[a:b + 1] = np.minimum(v[a:b + 1], base[a:b + 1]) + size * above
    mean = out * level * drift * np.exp(rng.normal(0., sigma, size=n) - sigma * sigma / 2)
    return rng.poisson(np.maximum(mean, 0)), dict(level=level, sigma=sigma, sizes=sizes)


def write_corpus(seeds, source, target):
    """Writes one copy of every file per seed into target (file names carry the seed)."""
    os.makedirs(target, exist_ok=True)
    doc = json.load(open(os.path.join(source, "labels.json")))
    shutil.copy(os.path.join(source, "profiles.json"), target)
    windows = {}
    drawn = {}
    for seed in seeds:
        for number, name in enumerate(sorted(doc["windows"]), start=1):
            rng = np.random.default_rng(seed * 100 + number)
            lines = [l for l in open(os.path.join(source, name)).read().split("\n")[1:] if l.strip()]
            stamps = [l.split(",")[0] for l in lines]
            values = [float(l.split(",")[1]) for l in lines]
            index = {t[:19]: i for i, t in enumerate(stamps)}
            rows = [(index[a[:19]], index[b[:19]]) for a, b in doc["windows"][name]]
            counts, what = resample(values, rows, rng)
            shift = dt.timedelta(days=int(rng.integers(0, 7)), minutes=int(rng.integers(0, 60)))
            moved = lambda text: (dt.datetime.strptime(text[:19], FMT) + shift).strftime(FMT) + text[19:]
            copy = name.replace(".csv", "_s%d.csv" % seed)
            with open(os.path.join(target, copy), "w") as f:
                f.write("timestamp,value\n" + "".join("%s,%d\n" % (moved(t), c) for t, c in zip(stamps, counts)))
            windows[copy] = [[moved(a), moved(b)] for a, b in doc["windows"][name]]
            drawn[copy] = what
    json.dump({"windows": windows}, open(os.path.join(target, "labels.json"), "w"))
    return sorted(windows), drawn


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--variant", default="default", help="a variant of nab_carry.py (default: the defaults)")
    ap.add_argument("--show", action="store_true", help="print what was drawn per copy")
    args = ap.parse_args()
    import nab_carry
    seeds = [int(s) for s in args.seeds.split(",")]
    scratch = tempfile.mkdtemp(prefix="nab-synth-")
    try:
        data = os.path.join(scratch, "nab")
        names, drawn = write_corpus(seeds, rep.DATA, data)
        rep.use_data(data)
        rep.FILES[:] = names
        st = rep.settings(**nab_carry.VARIANTS[args.variant])
        rows = {}
        for n in names:
            rows[n] = loo.file_score(n, rep.run_file(n, st))
            if args.show:
                w = drawn[n]
                print("  %s level %.2f sigma %.2f bursts %s raw %.2f fp %d" % (
                    n, w["level"], w["sigma"], " ".join("%.2f" % s for s in w["sizes"]), rows[n][0], rows[n][3]))
        wins = sum(r[2] for r in rows.values())
        print("synthetic seeds %s, %s: NAB %.1f, FP/wk %.2f, %d copies, %d windows" % (
            args.seeds, args.variant, loo.norm(list(rows.values())), loo.fpwk(list(rows.values())), len(names), wins))
        for seed in seeds:
            part = [rows[n] for n in names if n.endswith("_s%d.csv" % seed)]
            print("  seed %d: NAB %.1f, FP/wk %.2f" % (seed, loo.norm(part), loo.fpwk(part)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
