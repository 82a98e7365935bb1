"""How long `summary.summarise` takes on one large story, and its centroid step against the
previous way of computing it.

    .venv/bin/python benchmarks/summary_speed.py [--sizes 100 300 1089] [--rounds 3] [--no-centroid]

facta-it is cleaned and split into sentences (no analyses) and its first N documents are
taken as one story. The TF-IDF vectors of the sentences `summarise` would choose from are made
once; summing them into one dict (`vectors.centroid`) and adding Counters (the previous way)
are timed alternately, best of --rounds, and checked to give the same centroid (skipped with
--no-centroid). `summarise` itself is timed, best of --rounds, and a digest of its output is
printed: run the script with PYTHONPATH set to another checkout's `src` to time that version's
`summarise` on the same input and to see that both choose the same sentences.
"""

from __future__ import annotations

import argparse
import hashlib
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


def best_of(rounds: int, function, argument) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(rounds):
        started = time.process_time()
        out = function(argument)
        best = min(best, time.process_time() - started)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1089])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-centroid", dest="centroid", action="store_false",
                        help="time summarise only (the Counters take 21 s on the largest size)")
    args = parser.parse_args()
    documents = [prepare(raw, Options(lang="it")) for raw in facta_raws()]
    for size in args.sizes:
        story = documents[:size]
        sentences = [s for doc in story for s in doc.sentences
                     if MIN_WORDS <= len(s.text.split()) <= MAX_WORDS and reads_as_prose(s.text)]
        vectors = tfidf(stem_counts(s.text) for s in sentences)
        out = {"documents": len(story), "sentences": len(vectors)}
        if args.centroid:
            old = new = float("inf")
            for _ in range(args.rounds):      # alternate, so that drift on the machine hits both
                t, before = best_of(1, added_counters, vectors)
                old = min(old, t)
                t, after = best_of(1, centroid, vectors)
                new = min(new, t)
            out.update({"added_counters_seconds": round(old, 4), "centroid_seconds": round(new, 4),
                        "ratio": round(new / old, 4) if old else None, "same": before == after})
        whole, summary = best_of(args.rounds, summarise, story)
        out.update({"summarise_seconds": round(whole, 3),
                    "summary_digest": hashlib.sha256(json.dumps(summary).encode()).hexdigest()[:16]})
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
