# SPDX-License-Identifier: Apache-2.0
"""Python replica of failwatch's SpikeDetector + IncidentTracker, scored with shared/tools/nab_score.py.

Step 12 of nab-log.md (window evidence instead of the CUSUM): people over 5/15/30/60 min against the
usual under a negative binomial, threshold log10(returnPeriod / interval x 4), minPeople over a window.
Lets settings be swept without a release build: `python3 nab_replica.py`.
Keep it in step with SpikeDetector.swift when the detector changes. Bursts rarer than
burstReleasePeriod join the history with weight period ratio, at least rarityFloor (burstRareWeight;
"derived": burstReleasePeriod / burstReturnPeriod). earlyAlarmWeight: before the histories know
bursts, alarm-overlapping excesses weigh this ("rare": as much as the rarest burst, rarityFloor;
0.25 before detection-log step 1)."""
import math, sys, os, datetime as dt
import numpy as np
sys.path.insert(0, os.environ.get("NAB_TOOLS", "/work/shared/tools"))
import nab_score as ns

# Processes for the sweeps (nab_loo.py, nab_carry.py, nab_fragile.py): one by default, the machine is shared.
JOBS = max(1, int(os.environ.get("NAB_JOBS", "1")))

DATA = os.path.join(os.environ.get("FAILWATCH_CORPORA", "/work/shared/corpora"), "nab")
FILES = ["Twitter_volume_AAPL.csv", "Twitter_volume_GOOG.csv", "Twitter_volume_IBM.csv",
         "Twitter_volume_KO.csv", "Twitter_volume_PFE.csv"]

DEFAULTS = dict(interval=300., minPeople=6., evidenceWindows=[1, 3, 6, 12],
    baselineWeeks=4, baselineDays=7, clipSigmas=3., dispersionHalfLife=3*86400., priorDispersion=0.5,
    minimumDispersion=0.02, coldStartMean=1., warmUp=86400.,
    burstWindows=[300., 900., 3600., 10800.], burstQuantile=0.99, burstReferenceQuantile=0.9,
    burstReturnPeriod=8*86400., burstReleasePeriod=86400., burstHalfLife=7*86400., burstLag=12*3600.,
    burstOffset=1., burstRecordRatio=1.25, burstRecordHalfLife=2*86400.,
    # experimental
    weighting="rarity", rarityFloor="derived", combine=None,
    # the roles of burstReleasePeriod apart (None: burstReleasePeriod), for nab_fragile.py
    releaseCount=None, releaseBurst=None, releaseWeight=None)
PRESETS = {"balanced": {}, "low": dict(burstReturnPeriod=12*86400.),
           "high": dict(minPeople=4., burstReturnPeriod=6*86400.)}

NB = 201
BW = 0.05
LOW = -3.0

class Hist:
    def __init__(s):
        s.w = np.zeros(NB); s.total = 0.0
    def add(s, x, weight, decay):
        s.w *= decay
        s.w[s.w < 1e-9] = 0
        s.total = s.total * decay + weight
        s.w[Hist.bin(x)] += weight
    @staticmethod
    def bin(x):
        if not x > 0: return 0
        p = math.floor((math.log10(x) - LOW) / BW)
        return int(min(max(p, 0), NB - 2)) + 1
    def quantile(s, p):
        target = (1 - p) * s.total
        w = s.w
        cum = np.cumsum(w[:0:-1])  # from top bin down: cum[k] = sum of bins NB-1 .. NB-1-k
        ks = np.nonzero((cum >= target) & (w[:0:-1] > 0))[0]
        if len(ks) == 0: return 0.0
        k = ks[0]; idx = NB - 1 - k
        frac = (cum[k] - target) / w[idx]
        return 10 ** (LOW + (idx - 1 + frac) * BW)

from scipy.special import betainc, gammainc

def nb_sf(x, m, phi):
    """P(X >= x), X ~ NB(mean m, variance m + phi m^2)."""
    if x <= 0: return 1.0
    m = max(m, 1e-9)
    if phi < 1e-9: return gammainc(x, m)
    r = 1 / phi
    return betainc(x, r, m / (r + m))

def nb_llr(count, mean, disp, ratio):
    if disp < 1e-9:
        return count * math.log(ratio) - mean * (ratio - 1)
    size = 1 / disp; raised = ratio * mean
    return count * math.log(ratio * (mean + size) / (raised + size)) - size * math.log((raised + size) / (mean + size))

class Detector:
    def __init__(s, st):
        s.st = st
        s.hours = {}; s.osum = 0.; s.oint = 0
        s.dn = 0.; s.dd = 0.; s.ev = 0.; s.first = None; s.rising = 0; s.alarmed = False
        s.recent = []; s.bursts = [Hist() for _ in st["burstWindows"]]; s.pending = []
        s.peaks = [0.] * len(st["burstWindows"])
        s.since = 10**6
        s.lengths = [max(1, int(round(w / st["interval"]))) for w in st["burstWindows"]]
        s.maxlen = max(s.lengths)
        s.lag = int(round(st["burstLag"] / st["interval"]))
        s.decay = 0.5 ** (st["interval"] / max(st["burstHalfLife"], st["interval"]))
        s.peak_decay = 0.5 ** (st["interval"] / max(st["burstRecordHalfLife"], st["interval"]))
        s.ext = {}  # experimental state

    def baseline(s, hour):
        st = s.st; c = []
        for w in range(1, st["baselineWeeks"] + 1):
            h = s.hours.get(hour - 168 * w)
            if h: c.append(h[0] / h[1])
        for d in range(1, st["baselineDays"] + 1):
            h = s.hours.get(hour - 24 * d)
            if h: c.append(h[0] / h[1])
        if c:
            c.sort(); m = len(c) // 2
            return c[m] if len(c) % 2 else (c[m - 1] + c[m]) / 2
        n0 = max(3600 / st["interval"], 1)
        return (s.osum + n0 * st["coldStartMean"]) / (s.oint + n0)

    def burst_decades(s, excess):
        st = s.st
        usual_share = 1 - st["burstQuantile"]
        decades = math.log10((1 - st["burstReferenceQuantile"]) / usual_share)
        off = max(st["burstOffset"], 1e-9)
        out = []
        for v, h in zip(excess, s.bursts):
            usual = max(h.quantile(st["burstQuantile"]), 0) + off
            routine = max(h.quantile(st["burstReferenceQuantile"]), 0) + off
            if not v + off > 0: out.append(0.); continue
            slope = decades / max(math.log10(usual / routine), 1e-3)
            out.append(min(max(-math.log10(usual_share) + slope * math.log10((v + off) / usual), 0.), 12.))
        return out

    def observe(s, count, t):
        st = s.st
        hour = int(math.floor(t / 3600))
        expected = max(s.baseline(hour), 0.01)
        if s.dd == 0:
            s.dn = st["priorDispersion"] * expected * expected; s.dd = expected * expected
        disp = max(st["minimumDispersion"], s.dn / s.dd)
        if s.first is None: s.first = t
        past = t - s.first >= st["warmUp"]
        s.recent.append((count, expected))
        cap = max(s.maxlen, max(st["evidenceWindows"]))
        if len(s.recent) > cap: s.recent = s.recent[-cap:]
        excess = [sum(c - e for c, e in s.recent[-L:]) for L in s.lengths]
        sur = 0.; people = 0.; recent_sur = 0.
        for k in st["evidenceWindows"]:
            S = sum(c for c, _ in s.recent[-k:]); M = sum(e for _, e in s.recent[-k:])
            sk = min(-math.log10(max(nb_sf(S, M, disp), 1e-300)), 300)
            sur = max(sur, sk)
            if k * st["interval"] <= 900: recent_sur = max(recent_sur, sk)
            people = max(people, S)
        T = math.log10(max(st["burstReturnPeriod"] / st["interval"], 1) * len(st["evidenceWindows"]))
        TR = math.log10(max(role(st, "releaseCount") / st["interval"], 1) * len(st["evidenceWindows"]))
        s.ev = sur
        knows = all(h.total >= st["warmUp"] / st["interval"] for h in s.bursts[:st.get("knowsWindows")])
        dec = s.burst_decades(excess) if past and knows else None
        burst = None
        if dec is not None:
            burst = st["interval"] * 10 ** min(max(max(dec), 0), 12)
        counted = recent_sur >= TR and (s.alarmed or (sur >= T and people >= st["minPeople"]))
        s.diag = (dec, excess, list(s.peaks), sur, people, recent_sur)
        if burst is not None:
            alarm = counted and decide(s, count, expected, disp, dec, burst, excess)
        else:
            alarm = counted
        s.alarmed = alarm
        s.since = 0 if alarm else min(s.since + 1, 10**6)
        if past:
            weighting = st.get("weighting", "rarity")
            if dec is not None and weighting != "alarm":
                fl = rarity_floor(st)
                weights = [burst_weight(st, st["interval"] * 10 ** x, fl) for x in dec]
            else:
                early = st.get("earlyAlarmWeight", "rare")
                early = rarity_floor(st) if early == "rare" else early
                weights = [early if s.since < L else 1. for L in s.lengths]
            s.pending.append((excess, weights))
            while len(s.pending) > s.lag:
                ex, ws = s.pending.pop(0)
                for i, h in enumerate(s.bursts):
                    h.add(ex[i], ws[i], s.decay)
                    s.peaks[i] = max(s.peaks[i] * s.peak_decay, ex[i])
        # learn
        var = expected + disp * expected * expected
        clipped = min(count, expected + st["clipSigmas"] * math.sqrt(var))
        h = s.hours.setdefault(hour, [0., 0]); h[0] += clipped; h[1] += 1
        s.osum += clipped; s.oint += 1
        if not s.ev >= T:
            hl = max(st["dispersionHalfLife"] / st["interval"], 1)
            a = 1 - 0.5 ** (1 / hl)
            dev = clipped - expected
            s.dn += a * (dev * dev - expected - s.dn)
            s.dd += a * (expected * expected - s.dd)
        return alarm

def burst_weight(st, period, floor):
    """How much a burst of this return period counts in the history (st["weighting"], experimental):
    rarity (default): release / period between 1 and the floor; step: 1 below false_alarm_every, the
    floor above; bayes: F / (F + period), at least the floor; none: 1."""
    w = st.get("weighting", "rarity")
    if w == "rarity": return max(floor, min(1., role(st, "releaseWeight") / period))
    F = st["burstReturnPeriod"]
    if w == "step": return 1. if period < F else floor
    if w == "bayes": return max(floor, F / (F + period))
    if w == "none": return 1.
    raise ValueError(w)

def role(st, key):
    """One role of burstReleasePeriod: its own value when set (nab_fragile.py), else the period."""
    return st["burstReleasePeriod"] if st.get(key) is None else st[key]

def rarity_floor(st):
    """burstRareWeight, or derived: release period / return period when "derived"."""
    fl = st["rarityFloor"]
    return role(st, "releaseWeight") / st["burstReturnPeriod"] if fl == "derived" else fl

def decide(s, count, expected, disp, dec, burst, excess):
    st = s.st
    if st["combine"] is not None:
        return st["combine"](s, count, expected, disp, dec, burst, excess)
    return (burst >= role(st, "releaseBurst") if s.alarmed else
            any(st["interval"] * 10 ** d >= st["burstReturnPeriod"] and x >= st["burstRecordRatio"] * p + margin
                for d, x, p, margin in zip(dec, excess, s.peaks, record_margins(s, disp))))

def record_margins(s, disp):
    """recordMargin (experimental): 0, or per burst window clipSigmas standard deviations of the window's
    sum under the count model (usual M, variance M + dispersion M^2), added to the record bar."""
    st = s.st
    if st.get("recordMargin") != "sigmas":
        return [0.] * len(s.lengths)
    out = []
    for L in s.lengths:
        M = sum(e for _, e in s.recent[-L:])
        out.append(st["clipSigmas"] * math.sqrt(M + disp * M * M))
    return out

class Tracker:
    def __init__(s, quiet=3600., cool=12 * 3600., esc=2.):
        s.quiet, s.cool, s.esc = quiet, cool, esc
        s.inc = None  # dict
    def step(s, alarm, count, t):
        inc = s.inc
        if not alarm:
            if inc and inc["resolved"] is None and t - inc["last"] >= s.quiet:
                inc["resolved"] = t
            return False
        if inc is None or (inc["resolved"] is not None and t - inc["resolved"] > s.cool):
            s.inc = dict(resolved=None, last=t, announced=count)
            return True
        inc["resolved"] = None; inc["last"] = t
        if count >= s.esc * inc["announced"]:
            inc["announced"] = max(count, inc["announced"]); return True
        return False

_series = {}
def series(name):
    if name not in _series:
        ts, vals = ns.read_series(os.path.join(DATA, name))
        epoch = [(t - dt.datetime(1970, 1, 1)).total_seconds() for t in ts]
        _series[name] = (ts, vals, epoch)
    return _series[name]

_labels = None
def labels():
    global _labels
    if _labels is None: _labels = ns.load_labels(DATA)[0]
    return _labels

def use_data(directory):
    """Reads series and windows from another corpus folder (nab_perturb.py's scratch corpora)."""
    global DATA, _labels
    DATA = directory; _labels = None; _series.clear()

def run_file(name, settings):
    ts, vals, epoch = series(name)
    d = Detector(settings); tr = Tracker()
    alerts = []
    for v, t in zip(vals, epoch):
        a = d.observe(v, t)
        last_hour = sum(c for c, _ in d.recent[-max(settings["evidenceWindows"]):])
        alerts.append(1.0 if tr.step(a, last_hour, t) else 0.0)
    return alerts

def score(alerts_by_file, names=None):
    names = names or list(alerts_by_file)
    prof = ns.DEFAULT_PROFILES["standard"]
    raw = null = 0.; nwin = 0; fps = 0; weeks = 0.; hits = []
    for n in names:
        ts, vals, _ = series(n)
        wins = labels()[n]["windows"]
        r = ns.score_file(ts, alerts_by_file[n], wins, prof, 0.5)
        nu = ns.score_file(ts, [0.] * len(ts), wins, prof, math.inf)
        raw += r["score"]; null += nu["score"]; nwin += len(wins); fps += len(r["fp_rows"])
        sc = r["scored_rows"]
        weeks += ((ts[-1] - ts[sc[0]]).total_seconds() + 300) / (7 * 86400.)
        hits.append((n, r))
    return ns.normalise(raw, null, prof["tpWeight"] * nwin), fps / weeks, hits

def settings(preset="balanced", **kw):
    st = dict(DEFAULTS); st.update(PRESETS[preset]); st.update(kw); return st

def evaluate(st, names=FILES, detail=False):
    res = {n: run_file(n, st) for n in names}
    s, fp, hits = score(res, names)
    if detail:
        for n, r in hits:
            ts = series(n)[0]
            print("  %s score %.3f fp %d best %s" % (n[15:19], r["score"], len(r["fp_rows"]),
                  {k: str(ts[i]) for k, i in r["best"].items()}))
    return s, fp, res

if __name__ == "__main__":
    import time
    t0 = time.time()
    for p in ["balanced", "low", "high"]:
        s, fp, _ = evaluate(settings(p), detail=True)
        print(p, "%.1f %.2f" % (s, fp), "%.0fs" % (time.time() - t0))
