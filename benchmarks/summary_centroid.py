"""The summary's centroid of a story's sentence vectors: summed into one dict
(`vectors.centroid`) against adding Counters (the previous way), in one process.

    .venv/bin/python benchmarks/summary_centroid.py [--sizes 100 300 1089] [--rounds 3]

facta-it is cleaned and split into sentences (no analyses), its first N documents are taken as
one story, and the TF-IDF vectors of the sentences `summary.summarise` would choose from are
made once; the two ways of summing them are then timed alternately, best of --rounds, and
checked to give the same centroid. `summarise` itself is timed once per size beside them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from rassegna.pipeline import Options, prepare
from rassegna.reuse import stem_counts
from rassegna.summary import MAX_WORDS, MIN_WORDS, reads_as_prose, summarise
from rassegna.vectors import centroid, normalised, tfidf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_scaling import facta_raws  # noqa: E402


def added_counters(vectors):
    """The previous way: a new Counter for every vector added."""
    return normalised(sum((Counter(v) for v in vectors), Counter()))


def best_of(rounds: int, function, vectors) -> tuple[float, dict]:
    best, out = float("inf"), None
    for _ in range(rounds):
        started = time.process_time()
        out = function(vectors)
        best = min(best, time.process_time() - started)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1089])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    documents = [prepare(raw, Options(lang="it")) for raw in facta_raws()]
    for size in args.sizes:
        story = documents[:size]
        sentences = [s for doc in story for s in doc.sentences
                     if MIN_WORDS <= len(s.text.split()) <= MAX_WORDS and reads_as_prose(s.text)]
        vectors = tfidf(stem_counts(s.text) for s in sentences)
        old = new = float("inf")
        for _ in range(args.rounds):      # alternate, so that drift on the machine hits both
            t, before = best_of(1, added_counters, vectors)
            old = min(old, t)
            t, after = best_of(1, centroid, vectors)
            new = min(new, t)
        started = time.process_time()
        summarise(story)
        whole = time.process_time() - started
        print(json.dumps({"documents": len(story), "sentences": len(vectors),
                          "added_counters_seconds": round(old, 4), "centroid_seconds": round(new, 4),
                          "ratio": round(new / old, 4) if old else None, "same": before == after,
                          "summarise_seconds": round(whole, 3)}), flush=True)


if __name__ == "__main__":
    main()
