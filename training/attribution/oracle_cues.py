"""Stage 2 with gold cues (an upper bound for the argument tagger), or with stage-1 candidates,
plus cue-candidate recall.  .venv/bin/python training/attribution/oracle_cues.py DEV [args.npz]"""
import sys
from pathlib import Path

import numpy as np

from rassegna import attribution as A
from rassegna import attribution_learned as L
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.sentences import split_sentences

arts = read_polnear(Path(sys.argv[1]))
path = Path(sys.argv[2]) if len(sys.argv) > 2 else A._MODEL_DIR / "attribution_en" / "arguments.npz"
with np.load(path) as z:
    names = [str(s) for s in z["features"]]
    model = L.ArgModel({n: i for i, n in enumerate(names)}, z["weights"].astype(np.float32),
                       z["trans"] + np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32))
tagger = L._tagger("en")
lex = A.lexicon("en")
counts = {m: Counts() for m in METRICS}
counts2 = {m: Counts() for m in METRICS}
rec = [0, 0, 0]
for art in arts:
    sents = split_sentences(art.text, "en")
    toks, tags = L.tag_document(art.text, sents, lex, tagger)
    info = L.doc_info(art.text, toks, sents, A.find_quotes(art.text), tagger.cue_rate)
    starts = [t.start for t in toks]
    gold_c = []
    for g in art.gold:
        if g.cue:
            a = A.bisect_left(starts, g.cue[0][0]); b = A.bisect_left(starts, g.cue[-1][1])
            if a < b:
                gold_c.append((a, b))
    names_t = [L.TAGS[t] for t in tags]
    found = L.tag_arguments(info, gold_c, model, names_t)
    score_article(art.text, art.gold, L.attributions_from_arguments(info, found), counts)
    cands = L.cue_candidates(info, tags)
    rec[0] += sum(any(c[0] < b and a < c[1] for c in cands) for a, b in gold_c)
    rec[1] += len(gold_c)
    rec[2] += len(cands)
for m in METRICS:
    print(m, counts[m].scores())
print("candidate recall of gold cues", rec[0] / rec[1], "candidates", rec[2], "gold", rec[1])

if len(sys.argv) > 3:
    import random
    random.seed(int(sys.argv[3]))
    shown = 0
    for art in random.sample(arts, 10):
        sents = split_sentences(art.text, "en")
        toks, tags = L.tag_document(art.text, sents, lex, tagger)
        info = L.doc_info(art.text, toks, sents, A.find_quotes(art.text), tagger.cue_rate)
        starts = [t.start for t in toks]
        names_t = [L.TAGS[t] for t in tags]
        t = art.text
        for g in art.gold[:8]:
            if not g.cue:
                continue
            a = A.bisect_left(starts, g.cue[0][0]); b = A.bisect_left(starts, g.cue[-1][1])
            win = L.arg_window(info, (a, b))
            feats = L.arg_features(info, (a, b), win, names_t)
            emit = L.arg_emissions(feats, model.index, model.weights)
            path = L.viterbi(emit, model.trans)
            con = " ".join(toks[k + win[0]].text if L.ARG_TAGS[p].endswith("CON") else "_" for k, p in enumerate(path))
            print(f"CUE[{t[g.cue[0][0]:g.cue[-1][1]]}] GOLD[{' | '.join(t[s:e] for s, e in g.content)[:160]}]\n   PRED {con[:300]}")
