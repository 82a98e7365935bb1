"""Time the shipped attribution ensemble's forward pass with its members' LSTMs in lockstep
across depths (as shipped) against each member run alone (how members of two depths ran before).

    .venv/bin/python benchmarks/attribution_lockstep.py /work/shared/data/polnear/dev [--rounds 3]

Both arms score every article's tokens with `attribution_neural.neural_scores` (inputs, rule
marks, parse, every member's LSTMs) in one process; only the LSTM scheduling differs. After an
untimed warm-up the rounds alternate the arms so machine load falls on both alike, and the best
round of each is kept.
Prints seconds per arm, the ratio, and the largest difference between the two arms' scores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from rassegna import attribution_neural as N
from rassegna.attribution import lexicon
from rassegna.evaluate.attribution import read_polnear
from rassegna.sentences import split_sentences

LOCKSTEP = N.bilstm_outputs


def apart(models, xs, ranges):
    """Each member's LSTMs on their own (the lockstep still pairs a member's two directions)."""
    return [LOCKSTEP([m], [x], ranges)[0] for m, x in zip(models, xs)]


def run(ensemble, articles, lex, schedule) -> tuple[float, list[np.ndarray]]:
    N.bilstm_outputs = schedule
    try:
        start = time.perf_counter()
        scores = [N.neural_scores(art.text, sents, lex, ensemble)[1] for art, sents in articles]
        return time.perf_counter() - start, scores
    finally:
        N.bilstm_outputs = LOCKSTEP


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    lex = lexicon("en")
    articles = [(art, split_sentences(art.text, "en")) for art in read_polnear(args.data)]
    ensemble = N.neural_tagger("en")
    print(f"{len(ensemble.members)} members, layers {[m.layers for m in ensemble.members]}", flush=True)
    run(ensemble, articles[:3], lex, LOCKSTEP)       # untimed: loads the parser and warms the caches
    best = {"apart": float("inf"), "lockstep": float("inf")}
    outputs = {}
    for r in range(args.rounds):
        for name, schedule in (("apart", apart), ("lockstep", LOCKSTEP)):
            took, outputs[name] = run(ensemble, articles, lex, schedule)
            best[name] = min(best[name], took)
            print(f"round {r + 1} {name}: {took:.2f} s", flush=True)
    diff = max(float(np.abs(a - b).max()) for a, b in zip(outputs["apart"], outputs["lockstep"]))
    print(f"best apart {best['apart']:.2f} s, best lockstep {best['lockstep']:.2f} s, "
          f"lockstep / apart = {best['lockstep'] / best['apart']:.2f}; largest score difference {diff:.2e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
