"""Where the shipped NER loses on a gold CoNLL file: each gold mention is found, found with the
wrong type, found with other boundaries, or missed; each prediction that overlaps no gold
mention is spurious. Prints the counts per bucket and type, then the commonest strings.

    .venv/bin/python training/ner/diagnose.py /work/shared/data/kind/WN_dev.tsv [--lang it] [--no-classifier]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from rassegna.evaluate.ner import bio_to_spans, predict_spans, read_conll
from rassegna.ner import load_ner


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--lang", default="it")
    ap.add_argument("--no-classifier", dest="classifier", action="store_false")
    ap.add_argument("--examples", type=int, default=15)
    args = ap.parse_args(argv)
    data = read_conll(args.file)
    pred = predict_spans(load_ner(args.lang), [w for w, _ in data],
                         lang=args.lang if args.classifier else None)
    buckets: Counter = Counter()
    examples: dict[str, Counter] = {}
    for (words, tags), found in zip(data, pred):
        gold = bio_to_spans(tags)
        for a, b, label in gold:
            text = " ".join(words[a:b])
            same = [p for p in found if (p[0], p[1]) == (a, b)]
            if (a, b, label) in found:
                key = "correct"
            elif same:
                key = f"type {label}->{same[0][2]}"
            elif any(p[0] < b and a < p[1] for p in found):
                key = f"boundary {label}"
            else:
                key = f"missed {label}"
            buckets[key] += 1
            examples.setdefault(key, Counter())[text] += 1
        for a, b, label in found:
            if not any(g[0] < b and a < g[1] for g in gold):
                key = f"spurious {label}"
                buckets[key] += 1
                examples.setdefault(key, Counter())[" ".join(words[a:b])] += 1
    errors = sum(n for k, n in buckets.items() if k != "correct")
    print(f"{args.file.name}: {buckets['correct']} correct, {errors} errors "
          f"({sum(n for k, n in buckets.items() if k.startswith('type'))} of them type errors)")
    for key, n in buckets.most_common():
        if key != "correct":
            print(f"{n:5d}  {key}: " + ", ".join(f"{s} ({c})" for s, c in examples[key].most_common(args.examples)))


if __name__ == "__main__":
    main()
