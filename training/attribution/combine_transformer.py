"""The shipped BiLSTM ensemble's averaged scores plus w × a fine-tuned transformer's dev
log-probabilities (`train_transformer.py` writes them beside its weights, `*.dev.npz`), decoded
with the ensemble's transitions and scored with the repository's eval; then a paired bootstrap
over articles of the ensemble alone against the first weight.

    .venv/bin/python training/attribution/combine_transformer.py /work/shared/data/polnear/dev \
        training/output/minilm_s1.dev.npz --weights 0.25 0.1 0.15 0.2 0.3 0.35 0.5 1

The ensemble's per-token scores are cached in training/output/ensemble_dev_scores.pkl (keyed by
the members' files), as they take a minute.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import bootstrap_ensembles as BE  # noqa: E402
import train_neural as TN  # noqa: E402
import tune_neural as TU  # noqa: E402

from rassegna import attribution_neural as N  # noqa: E402
from rassegna.attribution import _MODEL_DIR  # noqa: E402
from rassegna.attribution_learned import neural_attributions  # noqa: E402
from rassegna.evaluate.attribution import METRICS, Counts, score_article  # noqa: E402


def per_article(articles, lps, trans, w):
    """Per article: the content-overlap counts of the ensemble + w × transformer."""
    out = []
    for (art, sents, toks, ranges, scores), lp in zip(articles, lps):
        tags = N.decode_tags(sum(scores) / len(scores) + w * lp, ranges, trans)
        counts = {m: Counts() for m in METRICS}
        score_article(art.text, art.gold, neural_attributions(art.text, toks, tags, sents), counts)
        c = counts["content_overlap"]
        out.append((c.tp_p, c.tp_r, c.pred, c.gold))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("transformer", type=Path, help="train_transformer.py's *.dev.npz")
    ap.add_argument("--weights", type=float, nargs="+", default=[0.25])
    ap.add_argument("--resamples", type=int, default=2000)
    args = ap.parse_args(argv)
    paths = sorted((_MODEL_DIR / "attribution_en").glob("neural*.npz"))
    members = [N.load_neural(p, "en") for p in paths]
    key = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    articles = TN.cached(TN.CACHE.parent / "ensemble_dev_scores.pkl", (str(args.data), key),
                         lambda: TU.scored_articles(args.data, members))
    trans = N.NeuralEnsemble(members).trans
    with np.load(args.transformer) as z:
        lps = [z[f"d{k}"] for k in range(len(articles))]
    if any(lp.shape[0] != len(a[2]) for lp, a in zip(lps, articles)):
        sys.exit(f"{args.transformer}: not the same tokens as {args.data}")
    print(f"ensemble of {len(members)}: {TU.score_tags(articles, lambda s, r: N.decode_tags(sum(s) / len(s), r, trans))}")
    for w in args.weights:
        scored = iter(lps)
        print(f"+ {w} × transformer: "
              f"{TU.score_tags(articles, lambda s, r: N.decode_tags(sum(s) / len(s) + w * next(scored), r, trans))}",
              flush=True)
    a, b = per_article(articles, lps, trans, 0.0), per_article(articles, lps, trans, args.weights[0])
    rng = random.Random(1)
    diffs = []
    for _ in range(args.resamples):
        draw = [rng.randrange(len(a)) for _ in range(len(a))]
        diffs.append(BE.f1([b[i] for i in draw]) - BE.f1([a[i] for i in draw]))
    diffs.sort()
    low, high = diffs[int(0.025 * len(diffs))], diffs[int(0.975 * len(diffs)) - 1]
    print(f"bootstrap, w = {args.weights[0]}: ahead in {sum(d > 0 for d in diffs) / len(diffs):.3f} of "
          f"{len(diffs)} resamples, 95% interval {low:+.4f} to {high:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
