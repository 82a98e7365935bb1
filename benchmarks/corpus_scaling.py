"""Growth of the cross-document phase with corpus size.

    .venv/bin/python benchmarks/corpus_scaling.py [--factors 1 10 50] [--workers 2]

The whole per-document stage (cleaning, language, sentences, entities, attributions,
quantities, time) runs once on facta-it; the corpus is then replicated ×k with perturbed
copies and the cross-document phase (`corpus.build_dossier`: entities, speakers, reuse,
stories, claims, timeline, summaries) is timed on each size in this one process.

A copy is a near-duplicate, not an identical one: one word in ten outside every analysed span
is replaced by another of the same length, so that every span keeps its offsets and the
copy's analyses stay true to its text. The figure to read is CPU microseconds / (n log n)
(process time, so other load on the machine does not count), which stays flat or falls when
growth is no faster than n log n.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from dataclasses import replace
from pathlib import Path

from rassegna.build import Stages, read_corpus
from rassegna.corpus import build_dossier
from rassegna.engine import run_local
from rassegna.model import Document, Span
from rassegna.pipeline import Options

FACTA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "facta-it"
_WORD = re.compile(r"\w{3,}")


def protected(doc: Document) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in doc.entities]
    spans += [(q.start, q.end) for q in doc.quantities] + [(t.start, t.end) for t in doc.timexes]
    for a in doc.attributions:
        spans += [(s.start, s.end) for s in (a.content, a.source, a.cue) if s is not None]
    return sorted(spans)


def perturbed(doc: Document, copy: int, rng: random.Random) -> Document:
    keep = protected(doc)
    chars = list(doc.text)
    for m in _WORD.finditer(doc.text):
        if rng.random() < 0.1 and not any(s < m.end() and m.start() < e for s, e in keep):
            word = m.group()
            chars[m.start():m.end()] = word[1:] + word[0]  # same length: offsets hold
    text = "".join(chars)
    return replace(doc, id=f"{doc.id}~{copy}", text=text,
                   sentences=[Span.of(text, s.start, s.end) for s in doc.sentences], story=None)


def facta_raws() -> list:
    """facta-it's records as `rassegna build` reads them (exits when ../shared is absent)."""
    if not FACTA.exists():
        sys.exit(f"facta-it not found at {FACTA} (../shared/data is absent?)")
    return read_corpus([FACTA], Stages())[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    raws = facta_raws()
    started = time.perf_counter()
    base = [r for r in run_local(raws, Options(lang="it"), frozenset(), args.workers) if isinstance(r, Document)]
    print(json.dumps({"per_document_stage_seconds": round(time.perf_counter() - started, 1),
                      "documents": len(base)}), flush=True)
    rng = random.Random(7)
    for factor in args.factors:
        docs = [replace(d, story=None) for d in base]
        for copy in range(1, factor):
            docs.extend(perturbed(doc, copy, rng) for doc in base)
        started, cpu_started = time.perf_counter(), time.process_time()
        dossier = build_dossier(docs, inputs=len(docs), quarantined=[])
        wall = time.perf_counter() - started
        # CPU time of this process is the figure: on a shared machine wall time also counts
        # whatever else runs, which would blur the growth curve
        seconds = time.process_time() - cpu_started
        n = len(docs)
        print(json.dumps({"factor": factor, "documents": n, "cpu_seconds": round(seconds, 2),
                          "wall_seconds": round(wall, 2),
                          "stories": len(dossier.stories), "reuse_pairs": len(dossier.reuse),
                          "entities": len(dossier.entities), "claims": len(dossier.claims),
                          "timeline_events": len(dossier.timeline),
                          "microseconds_per_n_log_n": round(1e6 * seconds / (n * math.log(n)), 2)}),
              flush=True)


if __name__ == "__main__":
    main()
