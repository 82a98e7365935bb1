"""Growth of the cross-document phase with corpus size.

    .venv/bin/python benchmarks/corpus_scaling.py [--factors 1 10 50]

The per-document stage runs once on facta-it; the corpus is then replicated ×k with
perturbed copies (a share of words dropped, sentences in a different order, new ids), and
the cross-document phase (`corpus.build_dossier`) is timed on each size in this one process.
The figure to read is seconds / (n log n), which stays flat or falls when growth is no faster
than n log n.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

from rassegna.build import Stages, read_corpus
from rassegna.corpus import build_dossier
from rassegna.pipeline import Options, prepare

FACTA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "facta-it"


def perturbed(doc, copy: int, rng: random.Random):
    """A copy that is a near-duplicate, not an identical one: words dropped, lines shuffled."""
    lines = doc.text.split("\n")
    rng.shuffle(lines)
    kept = [" ".join(w for w in line.split() if rng.random() > 0.1) for line in lines]
    text = "\n".join(line for line in kept if line)
    raw_like = replace(doc, id=f"{doc.id}~{copy}", text=text, sentences=[], removed=[])
    return raw_like


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 50])
    args = parser.parse_args()
    if not FACTA.exists():
        sys.exit(f"facta-it not found at {FACTA} (../shared/data is absent?)")
    raws, _ = read_corpus([FACTA], Stages())
    base = [prepare(r, Options(lang="it")) for r in raws]
    rng = random.Random(7)
    from rassegna.sentences import split_sentences

    rows = []
    for factor in args.factors:
        docs = list(base)
        for copy in range(1, factor):
            for doc in base:
                p = perturbed(doc, copy, rng)
                p.sentences = split_sentences(p.text, "it")
                docs.append(p)
        started = time.perf_counter()
        dossier = build_dossier(docs, inputs=len(docs), quarantined=[])
        seconds = time.perf_counter() - started
        n = len(docs)
        rows.append({"factor": factor, "documents": n, "seconds": round(seconds, 2),
                     "stories": len(dossier.stories), "reuse_pairs": len(dossier.reuse),
                     "microseconds_per_n_log_n": round(1e6 * seconds / (n * math.log(n)), 2)})
        print(json.dumps(rows[-1]), flush=True)


if __name__ == "__main__":
    main()
