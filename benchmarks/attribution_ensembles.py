"""Time the BiLSTM attribution taggers' forward pass, two ensembles in one process.

    .venv/bin/python benchmarks/attribution_ensembles.py /work/shared/data/polnear/dev \
        --a src/rassegna/models/attribution_en/neural.npz src/rassegna/models/attribution_en/neural_seed2.npz \
        --b training/output/neural_lm_s1.npz training/output/neural_lm_s2.npz [--rounds 3]

Each ensemble scores every article's tokens (`attribution_neural.neural_scores`: inputs, rule
marks, language-model states when a member reads one, every member's LSTMs); the rounds
alternate A and B so machine load falls on both alike, and the best round of each is kept.
Prints seconds per ensemble and the ratio B / A.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rassegna import attribution_neural as N
from rassegna.attribution import lexicon
from rassegna.evaluate.attribution import read_polnear
from rassegna.sentences import split_sentences


def seconds(ensemble, articles, lex) -> float:
    start = time.perf_counter()
    for art, sents in articles:
        N.neural_scores(art.text, sents, lex, ensemble)
    return time.perf_counter() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--a", type=Path, nargs="+", required=True)
    ap.add_argument("--b", type=Path, nargs="+", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    lex = lexicon("en")
    articles = [(art, split_sentences(art.text, "en")) for art in read_polnear(args.data)]
    ensembles = {name: N.NeuralEnsemble([N.load_neural(p, "en") for p in paths])
                 for name, paths in (("A", args.a), ("B", args.b))}
    best = {name: float("inf") for name in ensembles}
    for r in range(args.rounds):
        for name, ensemble in ensembles.items():
            took = seconds(ensemble, articles, lex)
            best[name] = min(best[name], took)
            print(f"round {r + 1} {name}: {took:.2f} s", flush=True)
    print(f"best A {best['A']:.2f} s, best B {best['B']:.2f} s, B / A = {best['B'] / best['A']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
