import sys, glob, json, importlib.util, collections
sys.path.insert(0, "Benchmarks")
from guideline_trigger import KEYWORD
dial = {}
for f in sorted(glob.glob("scratch/[a-k]_*.py")):
    spec = importlib.util.spec_from_file_location("m", f); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for p in m.POSTS: dial[p[4]] = p[0]
D = "Tests/FailwatchKitTests/Fixtures/outage-probe/"
KEYS = ["id", "text", "lang", "label", "family", "provider"]
ids = set()
for name in ("dev2.jsonl", "held2.jsonl"):
    t = collections.Counter(); fams = collections.Counter(); provs = set()
    for n, line in enumerate(open(D + name, encoding="utf-8"), 1):
        r = json.loads(line)
        assert list(r) == KEYS, (name, n, list(r))
        assert r["lang"] in ("en", "de") and r["label"] in ("outage", "complaint", "other")
        assert isinstance(r["family"], str) and (r["provider"] is None or isinstance(r["provider"], str))
        assert r["id"] not in ids; ids.add(r["id"])
        hard = r["label"] != "outage" and bool(KEYWORD.search(r["text"]))
        t[(r["lang"], r["label"])] += 1; t[(r["lang"], "hard-" + r["label"])] += hard
        t[dial[r["text"]]] += 1; fams[(r["family"], r["label"])] += 1; provs.add(r["provider"])
    print(name)
    for lang in ("en", "de"):
        print(lang, [t[(lang, l)] for l in ("outage", "complaint", "other")], "hard c/o", t[(lang, "hard-complaint")], t[(lang, "hard-other")])
    print("at", t["at"], "ch", t["ch"], "providers", len(provs - {None}))
    fam = collections.defaultdict(dict)
    for (f, l), c in fams.items(): fam[f][l] = c
    print(" ".join("%s %s" % (f, "/".join(str(fam[f].get(l, 0)) for l in ("outage", "complaint", "other"))) for f in sorted(fam)))
print(len(ids), "ids ok")
