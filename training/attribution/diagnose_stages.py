"""Why gold attributions are missed by the two-stage system: cue not among the candidates,
candidate rejected (confidence below threshold), removed when resolving overlaps, or produced
with a content whose word Jaccard < 0.5.

    .venv/bin/python training/attribution/diagnose_stages.py DEV [arguments.npz]
"""
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from rassegna import attribution as A
from rassegna import attribution_learned as L
from rassegna.evaluate.attribution import _words, read_polnear
from rassegna.sentences import split_sentences

arts = read_polnear(Path(sys.argv[1]))
path = Path(sys.argv[2]) if len(sys.argv) > 2 else A._MODEL_DIR / "attribution_en" / "arguments.npz"
with np.load(path) as z:
    names = [str(s) for s in z["features"]]
    thr = float(z["threshold"]) if "threshold" in z.files else 0.0
    model = L.ArgModel({n: i for i, n in enumerate(names)}, z["weights"].astype(np.float32),
                       z["trans"] + np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32), thr)
tagger = L._tagger("en")
lex = A.lexicon("en")
c = Counter()
for art in arts:
    t = art.text
    sents = split_sentences(t, "en")
    toks, tags = L.tag_document(t, sents, lex, tagger)
    info = L.doc_info(t, toks, sents, A.find_quotes(t), tagger.cue_rate)
    tn = [L.TAGS[x] for x in tags]
    cands = L.cue_candidates(info, tags)
    allm = L.ArgModel(model.index, model.weights, model.trans, -1e9)
    everything = []
    for cue in cands:
        everything += L.tag_arguments(info, [cue], allm, tn)
    final = L.tag_arguments(info, cands, model, tn)
    starts = [x.start for x in toks]

    def jac(g, x):
        pw = _words(t, tuple((toks[a].start, toks[b - 1].end) for a, b in x["con"]))
        return len(g & pw) / max(1, len(g | pw))

    for g in art.gold:
        gw = _words(t, g.content)
        if any(jac(gw, x) >= 0.5 for x in final):
            c["matched"] += 1
            continue
        if not g.cue:
            c["no gold cue"] += 1
            continue
        a = A.bisect_left(starts, g.cue[0][0]); b = A.bisect_left(starts, g.cue[-1][1])
        mine = [x for x in everything if x["cue"][0] < b and a < x["cue"][1]]
        if not mine:
            c["cue not a candidate"] += 1
        elif not any(jac(gw, x) >= 0.5 for x in mine):
            c["wrong content boundaries"] += 1
        elif not any(jac(gw, x) >= 0.5 and x["conf"] >= thr for x in mine):
            c["below threshold"] += 1
        else:
            c["lost in overlap resolution"] += 1
print(c, sum(c.values()))

if len(sys.argv) > 3:
    import random
    random.seed(1)
    n = 0
    for art in random.sample(arts, 12):
        t = art.text
        sents = split_sentences(t, "en")
        toks, tags = L.tag_document(t, sents, lex, tagger)
        info = L.doc_info(t, toks, sents, A.find_quotes(t), tagger.cue_rate)
        tn = [L.TAGS[x] for x in tags]
        cands = L.cue_candidates(info, tags)
        allm = L.ArgModel(model.index, model.weights, model.trans, -1e9)
        starts = [x.start for x in toks]
        for g in art.gold:
            if not g.cue:
                continue
            gw = _words(t, g.content)
            a = A.bisect_left(starts, g.cue[0][0]); b = A.bisect_left(starts, g.cue[-1][1])
            mine = [x for cue in cands if cue[0] < b and a < cue[1] for x in L.tag_arguments(info, [cue], allm, tn)]
            js = [len(gw & _words(t, tuple((toks[p].start, toks[q - 1].end) for p, q in x["con"]))) / max(1, len(gw | _words(t, tuple((toks[p].start, toks[q - 1].end) for p, q in x["con"])))) for x in mine]
            if mine and max(js) < 0.5:
                print(f"GOLD cue[{t[g.cue[0][0]:g.cue[-1][1]]}] con[{' | '.join(t[s:e] for s, e in g.content)[:200]}]")
                for x in mine:
                    print(f"   PRED cue[{' '.join(toks[k].text for k in range(*x['cue']))}] conf={x['conf']:.1f} con[{' | '.join(t[toks[p].start:toks[q - 1].end] for p, q in x['con'])[:200]}]")
                n += 1
        if n > 40:
            break
