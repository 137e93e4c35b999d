# SPDX-License-Identifier: Apache-2.0
"""Recurring-burst scenarios for nab_replica.py variants, on the unit tests' synthetic series (a port of
Tests/.../SyntheticSeries: SplitMix64, daily hump 0.5-6 voices, Knuth Poisson), so a variant that looks
flat on NAB can be checked against behaviour a user would notice.

  aftershocks S/A: a 4-hour outage of +S people per interval on day 6 at noon, then +A for 20 minutes
                   every evening (18:00) of days 7-13 (nobody wants an alert a day for these);
  daily crowd C:   +C for 10 minutes every evening of days 2-13 (a routine, e.g. a TV show's hashtag).
Prints the days on which an incident opens (quiet 30 min, cool-down 12 h as IncidentSettings).
Checks on the replica: the existing tests secondIncidentDaysAfterTheFirstIsStillCaught (openings on
days 8 and 11) and smallerAftershockTheDayAfterABigOutageStaysQuiet (day 8 only) come out as in Swift.

  python3 Benchmarks/detector_scenarios.py                    # default, alarm-weight, alarm-record1
  python3 Benchmarks/detector_scenarios.py default no-record  # nab_carry.py variants"""
import math, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nab_replica as rep
import nab_carry

MASK = (1 << 64) - 1
PER_DAY = 288
START = 1_735_689_600  # 2025-01-01, as SyntheticSeries.start


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        """Double.random(in: 0..<1, using:) as Swift's standard library draws it: the low 53 bits."""
        return (self.next() & ((1 << 53) - 1)) * 2.0 ** -53


def usual(index, low, high):
    hour = (index % PER_DAY) / 12
    return low + (high - low) * max(0., math.sin((hour - 6) / 16 * math.pi))


def ordinary(seed, days, low=0.5, high=6.):
    g = SplitMix64(seed)
    out = []
    for i in range(days * PER_DAY):
        limit = math.exp(-usual(i, low, high))
        product = g.unit(); draws = 0
        while product > limit:
            product *= g.unit(); draws += 1
        out.append(float(draws))
    return out


def openings(counts, st, quiet=1800., cool=12 * 3600.):
    """Days on which an incident opens (first alarm, or an alarm after resolution and cool-down)."""
    det = rep.Detector(st)
    days = []; opened = False; last = resolved = None
    for i, c in enumerate(counts):
        t = START + i * 300
        if det.observe(c, t):
            if not opened or (resolved is not None and t - resolved > cool):
                days.append(i // PER_DAY); opened = True
            resolved = None; last = t
        elif opened and resolved is None and t - last >= quiet:
            resolved = t
    return days


def add(counts, start, length, extra):
    for o in range(length):
        counts[start + o] += extra
    return counts


def scenarios():
    out = []
    c = ordinary(5, 14)
    add(add(c, 8 * PER_DAY + 144, 48, 25), 11 * PER_DAY + 144, 4, 20)
    out.append(("test: second incident (days 8, 11)", c))
    c = ordinary(5, 14)
    add(add(c, 8 * PER_DAY + 144, 48, 25), 9 * PER_DAY + 168, 4, 16)
    out.append(("test: smaller aftershock (day 8)", c))
    for size, after in [(25, 12), (25, 16), (25, 20)]:
        c = add(ordinary(5, 14), 6 * PER_DAY + 144, 48, size)
        for day in range(7, 14):
            add(c, day * PER_DAY + 216, 4, after)
        out.append(("aftershocks %d/%d" % (size, after), c))
    for crowd in [12, 16, 25]:
        c = ordinary(5, 14)
        for day in range(2, 14):
            add(c, day * PER_DAY + 216, 2, crowd)
        out.append(("daily crowd %d" % crowd, c))
    return out


if __name__ == "__main__":
    names = sys.argv[1:] or ["default", "alarm-weight", "alarm-record1"]
    for label, counts in scenarios():
        print("%-36s %s" % (label, "  ".join(
            "%s %s" % (v, openings(counts, rep.settings(**nab_carry.VARIANTS[v]))) for v in names)), flush=True)
