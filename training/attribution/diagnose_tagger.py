"""Error buckets of the tagger on a PolNeAR folder (gold missed entirely / overlapping but
Jaccard < 0.5 / matched; predictions without any gold overlap), with examples.

    .venv/bin/python training/attribution/diagnose_tagger.py /work/shared/data/polnear/dev [N examples]
"""
from __future__ import annotations

import random
import sys
from collections import Counter

from rassegna.attribution import find_attributions
from rassegna.evaluate.attribution import _words, match_contents, pred_spans, read_polnear
from rassegna.model import Document
from rassegna.sentences import split_sentences


def main(folder, n_ex=0):
    arts = read_polnear(folder)
    c = Counter()
    ex = {"missed": [], "partial": [], "spurious": [], "split": []}
    for art in arts:
        t = art.text
        sents = split_sentences(t, "en")
        doc = Document(id=art.name, source=art.name, text=t, language="en", sentences=sents)
        pred = find_attributions(doc, None)
        pc = [pred_spans(p)["content"] for p in pred]
        gc = [g.content for g in art.gold]
        pairs = match_contents(t, gc, pc)
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        gw, pw = [_words(t, g) for g in gc], [_words(t, p) for p in pc]
        f = lambda sp: " | ".join(t[s:e] for s, e in sp)
        for i, g in enumerate(art.gold):
            if i in mg:
                c["gold matched"] += 1
                continue
            ov = [j for j in range(len(pc)) if gw[i] & pw[j]]
            kind = "missed" if not ov else ("split" if len(ov) > 1 else "partial")
            c["gold " + kind] += 1
            c[f"gold {kind} words={'<=3' if len(gw[i]) <= 3 else '<=10' if len(gw[i]) <= 10 else '>10'}"] += 1
            ex[kind].append(f"GOLD cue[{f(g.cue)}] con[{f(g.content)[:200]}]"
                            + "".join(f"\n   PRED cue[{pred[j].cue.text if pred[j].cue else None}] con[{f(pc[j])[:200]}]" for j in ov))
        for j in range(len(pc)):
            if j in mp:
                continue
            ov = [i for i in range(len(gc)) if gw[i] & pw[j]]
            if not ov:
                c["pred spurious"] += 1
                ex["spurious"].append(f"PRED cue[{pred[j].cue.text if pred[j].cue else None}] con[{f(pc[j])[:200]}]")
            else:
                c["pred partial"] += 1
            c[f"pred unmatched cue={'yes' if pred[j].cue else 'no'}"] += 1
    for k in sorted(c):
        print(f"{k:32s} {c[k]}")
    random.seed(0)
    for k, v in ex.items():
        print(f"\n===== {k}")
        for e in random.sample(v, min(n_ex, len(v))):
            print(e)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
