"""Where does content F1 go?  Buckets the gold attributions of a PolNeAR folder by shape and
reports the recall of the current system per bucket, and the shape of unmatched predictions.

    .venv/bin/python training/attribution/diagnose.py /work/shared/data/polnear/dev
"""
from __future__ import annotations

import re
import sys
from collections import Counter

from rassegna.attribution import find_attributions
from rassegna.evaluate.attribution import match_contents, pred_spans, read_polnear
from rassegna.model import Document
from rassegna.sentences import split_sentences


def shape(text, g, sents):
    cs, ce = min(s for s, _ in g.content), max(e for _, e in g.content)
    inner = text[cs:ce]
    tags = []
    nsent = sum(1 for s in sents if s.start < ce and s.end > cs)
    tags.append("multi-sent" if nsent > 1 else "one-sent")
    if len(g.content) > 1:
        tags.append("discont")
    if not g.cue:
        tags.append("no-cue")
    else:
        cue = " ".join(text[s:e] for s, e in g.cue).lower()
        cue_s = g.cue[0][0]
        tags.append("cue-before" if cue_s < cs else ("cue-after" if cue_s >= ce else "cue-inside"))
        if "according" in cue:
            tags.append("according")
        w = re.findall(r"[a-z]+", cue)
        tags.append("cue-said" if w and w[-1] in {"said", "says", "say", "told", "tells", "added"} else "cue-other")
    if re.search(r"[“\"]", text[max(0, cs - 2):cs + 2]):
        tags.append("quoted")
    n = len(_WORDS.findall(inner))
    tags.append("len<=3" if n <= 3 else "len<=10" if n <= 10 else "len>10")
    if "\n" not in text[:cs].rstrip()[-200:] and text[:cs].count("\n") == 0:
        tags.append("headline")
    return tags


_WORDS = re.compile(r"\w+")


def main(folder):
    arts = read_polnear(folder)
    tot, hit = Counter(), Counter()
    fp = 0
    for art in arts:
        sents = split_sentences(art.text, "en")
        doc = Document(id=art.name, source=art.name, text=art.text, language="en", sentences=sents)
        pred = find_attributions(doc, None)
        pairs = match_contents(art.text, [g.content for g in art.gold], [pred_spans(p)["content"] for p in pred])
        matched = {i for i, _ in pairs}
        for i, g in enumerate(art.gold):
            for t in shape(art.text, g, sents):
                tot[t] += 1
                hit[t] += i in matched
            tot["ALL"] += 1
            hit["ALL"] += i in matched
        fp += len(pred) - len(pairs)
    for t, n in tot.most_common():
        print(f"{t:12s} {n:6d}  recall {hit[t] / n:.3f}  missed {n - hit[t]}")
    print("unmatched predictions", fp)


if __name__ == "__main__":
    main(sys.argv[1])
