import sys, glob, importlib.util, collections
sys.path.insert(0, "Benchmarks")
from guideline_trigger import KEYWORD
allp = []
for f in sorted(glob.glob("scratch/[a-k]_*.py")):
    spec = importlib.util.spec_from_file_location("m", f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    allp += m.POSTS
print(len(allp))
c = collections.Counter(p[1] for p in allp); print(c)
print(collections.Counter(p[0] for p in allp))
nono = [p for p in allp if p[1] != "outage"]
hard = [p for p in nono if KEYWORD.search(p[4])]
print("hard", len(hard), "of", len(nono))
fam = collections.defaultdict(collections.Counter)
for p in allp: fam[p[2]][p[1]] += 1
for k, v in fam.items(): print(k, sum(v.values()), dict(v))
print("providers", len(set(p[3] for p in allp)))
texts = [p[4] for p in allp]; print("dupes", len(texts) - len(set(texts)))
if "-n" in sys.argv:
    for p in nono:
        if not KEYWORD.search(p[4]): print("NOHARD", p[2], p[1], p[4])
