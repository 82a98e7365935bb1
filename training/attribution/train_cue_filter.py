"""Train the English attribution filter on PolNeAR (train split) and ship it as JSON.

    nice .venv/bin/python training/attribution/train_cue_filter.py /work/shared/data/polnear

1. Mines cue words from the gold `Cue` spans of train (last word of the cue, seen ≥ 4 times
   and a cue at least 20% of the times it occurs) → `cue_words.json`; the rule lexicon in
   `rassegna.lang.attribution_en` is extended with them at run time.
2. Runs the rule-based candidate generator (`rassegna.attribution.candidates`) over train; a
   candidate is positive when its content matches a gold content (word Jaccard ≥ 0.5).
3. Fits a logistic regression over `candidate_features` on the first 700 train articles,
   picks C and the decision threshold on the last 140 (content-overlap F1 of the whole
   system), refits on all of train and writes the non-zero weights to `cue_filter.json`.
The dev split is only used afterwards, by `rassegna eval attribution`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from rassegna import attribution as A
from rassegna.evaluate.attribution import Counts, read_polnear, score_article, METRICS, _words
from rassegna.model import Document
from rassegna.sentences import split_sentences

OUT = Path(A.__file__).parent / "models" / "attribution_en"
STOP = {"for", "in", "of", "to", "on", "with", "by", "at", "from", "and", "the", "a", "an", "as",
        "is", "was", "be", "are", "were", "that", "this", "it", "he", "she", "they", "about",
        "into", "over", "after", "not", "no", "has", "have", "had", "his", "her", "their"}


def mine_cue_words(articles) -> list[str]:
    cue, total = Counter(), Counter()
    for art in articles:
        for m in re.finditer(r"[A-Za-z]+", art.text):
            total[m.group().lower()] += 1
        for g in art.gold:
            if not g.cue:
                continue
            words = re.findall(r"[A-Za-z]+", " ".join(art.text[s:e] for s, e in g.cue).lower())
            if words:
                cue[words[-1]] += 1
    keep = [w for w, n in cue.items()
            if n >= 4 and len(w) > 2 and w not in STOP and n / max(1, total[w]) >= 0.2]
    return sorted(keep)


def gen(articles):
    lex = A.lexicon("en")
    rows = []
    for art in articles:
        sents = split_sentences(art.text, "en")
        cands = A.candidates(art.text, sents, lex)
        gold = [_words(art.text, g.content) for g in art.gold]
        for c in cands:
            pw = _words(art.text, tuple(c.content))
            best = max((len(pw & g) / len(pw | g) for g in gold if pw | g), default=0.0)
            rows.append((art, sents, c, A.candidate_features(c, art.text), best >= 0.5))
    return rows


def system_f1(articles, model_json) -> float:
    A._cue_model.cache_clear()
    (OUT / "cue_filter.json").write_text(json.dumps(model_json))
    counts = {m: Counts() for m in METRICS}
    for art in articles:
        doc = Document(id=art.name, source="", text=art.text, language="en",
                       sentences=split_sentences(art.text, "en"))
        score_article(art.text, art.gold, A.find_attributions(doc, None), counts)
    return counts["content_overlap"].scores()["f1"], counts


def fit(rows, C):
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r[3]} for r in rows]).tocsr()
    X.indices = X.indices.astype("int32")
    X.indptr = X.indptr.astype("int32")
    y = [int(r[4]) for r in rows]
    clf = LogisticRegression(C=C, fit_intercept=False, max_iter=2000, solver="liblinear")
    clf.fit(X, y)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) > 0.02}
    return weights


def main(root: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    train = read_polnear(Path(root) / "train")
    words = mine_cue_words(train)
    (OUT / "cue_words.json").write_text(json.dumps(words, indent=0))
    print(f"{len(words)} mined cue words")
    A.lexicon.cache_clear()
    fit_part, held = train[:700], train[700:]
    rows = gen(fit_part)
    print(f"{len(rows)} candidates, {sum(r[4] for r in rows)} positive")
    best = None
    for C in (0.1, 0.3, 1.0):
        weights = fit(rows, C)
        for th in (0.3, 0.35, 0.4, 0.45, 0.5):
            f1, _ = system_f1(held, {"weights": weights, "threshold": th})
            print(f"C={C} threshold={th} held-out content-overlap F1={f1}")
            if best is None or f1 > best[0]:
                best = (f1, C, th)
    f1, C, th = best
    print(f"chosen C={C} threshold={th} (held-out F1 {f1})")
    weights = fit(rows + gen(held), C)
    model = {"weights": weights, "threshold": th, "C": C, "trained_on": "PolNeAR train (840 articles)",
             "held_out_f1": f1}
    (OUT / "cue_filter.json").write_text(json.dumps(model, indent=0, sort_keys=True))
    print(f"wrote {OUT / 'cue_filter.json'} with {len(weights)} weights")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/polnear")
