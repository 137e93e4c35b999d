# Shuffles the 420 hand-written posts (seed 20261207) and splits them 210/210, stratified by family x label (and lang inside).
import sys, glob, json, random, importlib.util, collections
allp = []
for f in sorted(glob.glob("scratch/[a-k]_*.py")):
    spec = importlib.util.spec_from_file_location("m", f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    allp += m.POSTS
rng = random.Random(20261207)
groups = collections.defaultdict(list)
for p in allp: groups[(p[2], p[1])].append(p)
a, b, left = [], [], []
seen = {0: collections.Counter(), 1: collections.Counter()}
def put(i, p):
    (a, b)[i].append(p); seen[i][p[0]] += 1; seen[i][(p[1], p[0])] += 1
for key in sorted(groups):
    g = groups[key][:]; rng.shuffle(g)
    if len(g) % 2: left.append(g.pop())
    half = len(g) // 2; cnt = [0, 0]
    for p in g:
        i = min((0, 1), key=lambda i: (cnt[i] >= half, seen[i][p[0]], rng.random()))
        cnt[i] += 1; put(i, p)
rng.shuffle(left)
for p in left:
    i = min((0, 1), key=lambda i: (len((a, b)[i]) >= 210, seen[i][(p[1], p[0])], seen[i][p[0]], rng.random()))
    put(i, p)
assert len(a) == len(b) == 210
D = "Tests/FailwatchKitTests/Fixtures/outage-probe/"
for name, pref, posts in (("dev2.jsonl", "probe-dev2-", a), ("held2.jsonl", "probe-held2-", b)):
    rng.shuffle(posts)
    with open(D + name, "w", encoding="utf-8") as f:
        for n, (lang, label, fam, prov, text) in enumerate(posts, 1):
            rec = {"id": "%s%03d" % (pref, n), "text": text, "lang": "en" if lang == "en" else "de",
                   "label": label, "family": fam, "provider": prov}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
