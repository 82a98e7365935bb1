"""Time the English attribution tagger's scores with the shipped transformer member(s) beside
the BiLSTM ensemble (as shipped) against the BiLSTM ensemble alone (as before).

    .venv/bin/python benchmarks/attribution_transformer.py /work/shared/data/polnear/dev [--rounds 2]

Both arms score every article with `attribution_neural.neural_scores` in one process (inputs,
rule marks, parse, the BiLSTMs; the first arm also the MiniLM encoder). After an untimed warm-up
the rounds alternate the arms so machine load falls on both alike; the best round of each is kept.
Prints seconds per arm, tokens per second and the ratio.
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


def run(ensemble, articles, lex) -> tuple[float, int]:
    start = time.perf_counter()
    tokens = sum(len(N.neural_scores(art.text, sents, lex, ensemble)[0]) for art, sents in articles)
    return time.perf_counter() - start, tokens


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    shipped = N.neural_tagger("en")
    if not shipped.transformers:
        sys.exit("no transformer member is shipped: nothing to compare")
    lex, articles = lexicon("en"), [(art, split_sentences(art.text, "en")) for art in read_polnear(args.data)]
    arms = {"BiLSTMs alone": N.NeuralEnsemble(shipped.members), "with transformer": shipped}
    print(f"{len(shipped.members)} BiLSTM members, {len(shipped.transformers)} transformer member(s)", flush=True)
    for ensemble in arms.values():
        run(ensemble, articles[:3], lex)         # untimed: loads the parser and warms the caches
    best = dict.fromkeys(arms, float("inf"))
    tokens = 0
    for r in range(args.rounds):
        for name, ensemble in arms.items():
            took, tokens = run(ensemble, articles, lex)
            best[name] = min(best[name], took)
            print(f"round {r + 1} {name}: {took:.1f} s", flush=True)
    alone, both = best["BiLSTMs alone"], best["with transformer"]
    print(f"{len(articles)} articles, {tokens} tokens: BiLSTMs alone {alone:.1f} s ({tokens / alone:,.0f} tokens/s), "
          f"with transformer {both:.1f} s ({tokens / both:,.0f} tokens/s); with / alone = {both / alone:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
