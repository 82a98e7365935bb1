"""Is one BiLSTM ensemble's content-overlap F1 really above another's? A paired bootstrap over
articles.

    .venv/bin/python training/attribution/bootstrap_ensembles.py /work/shared/data/polnear/dev \
        --a src/rassegna/models/attribution_en/neural.npz src/rassegna/models/attribution_en/neural_seed2.npz \
        --b training/output/neural_syn_s1.npz training/output/neural_syn_s2.npz [--resamples 2000]

Each ensemble tags every article once (as `tune_neural.py` decodes them); the articles are then
drawn with replacement, both ensembles scored on the same draw, and the share of draws where B
beats A and the 95% interval of B − A printed. Dev has 84 articles of very different lengths, so
a difference of a few thousandths can be one long article.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from rassegna import attribution_neural as N
from rassegna.attribution import lexicon
from rassegna.attribution_learned import neural_attributions
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.sentences import split_sentences


def overlap_counts(art, sents, toks, tags) -> tuple[int, int, int, int]:
    """One article's content-overlap counts (tp for precision, tp for recall, predicted, gold)
    for the tags of its tokens."""
    counts = {m: Counts() for m in METRICS}
    score_article(art.text, art.gold, neural_attributions(art.text, toks, tags, sents), counts)
    c = counts["content_overlap"]
    return c.tp_p, c.tp_r, c.pred, c.gold


def per_article(ensemble, articles, lex) -> list[tuple[int, int, int, int]]:
    """Per article: the content-overlap counts of the ensemble's tags."""
    out = []
    for art, sents in articles:
        toks, tags, _ = N.neural_tags(art.text, sents, lex, ensemble)
        out.append(overlap_counts(art, sents, toks, tags))
    return out


def f1(rows) -> float:
    tp_p, tp_r, pred, gold = (sum(col) for col in zip(*rows))
    p, r = (tp_p / pred if pred else 0.0), (tp_r / gold if gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def paired_bootstrap(a, b, resamples: int, seed: int) -> str:
    """Articles drawn with replacement, A and B scored on the same draw: the share of draws where
    B is above A and the 95% interval of B − A, as one line."""
    rng = random.Random(seed)
    n = len(a)
    diffs = []
    for _ in range(resamples):
        draw = [rng.randrange(n) for _ in range(n)]
        diffs.append(f1([b[k] for k in draw]) - f1([a[k] for k in draw]))
    diffs.sort()
    lo, hi = diffs[int(0.025 * len(diffs))], diffs[int(0.975 * len(diffs)) - 1]
    wins = sum(d > 0 for d in diffs) / len(diffs)
    return f"B above A in {wins:.1%} of {len(diffs)} resamples; 95% interval of B - A: {lo:+.4f} to {hi:+.4f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    for name in ("a", "b"):
        ap.add_argument(f"--{name}", type=Path, nargs="+", required=True, help=f"the members of ensemble {name.upper()}")
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    lex = lexicon("en")
    articles = [(art, split_sentences(art.text, "en")) for art in read_polnear(args.data)]
    rows = {name: per_article(N.NeuralEnsemble([N.load_neural(p, "en") for p in paths]), articles, lex)
            for name, paths in (("A", args.a), ("B", args.b))}
    print(f"A {f1(rows['A']):.4f}  B {f1(rows['B']):.4f}  B - A {f1(rows['B']) - f1(rows['A']):+.4f}")
    print(paired_bootstrap(rows["A"], rows["B"], args.resamples, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
