"""The shipped BiLSTM ensemble's averaged scores plus w × a fine-tuned transformer's dev
log-probabilities (`train_transformer.py` writes them beside its weights, `*.dev.npz`; given
several, their mean), decoded
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
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import bootstrap_ensembles as BE  # noqa: E402
import train_neural as TN  # noqa: E402
import tune_neural as TU  # noqa: E402

from rassegna import attribution_neural as N  # noqa: E402
from rassegna.attribution import _MODEL_DIR  # noqa: E402


def blended(articles, lps):
    """The articles of `tune_neural.scored_articles` with the transformer's log-probabilities as
    one more, last, score array."""
    return [(art, sents, toks, ranges, scores + [lp]) for (art, sents, toks, ranges, scores), lp in zip(articles, lps)]


def decoder(trans, w):
    """Tags from the ensemble's averaged scores plus w × the transformer's (the last array)."""
    return lambda scores, ranges: N.decode_tags(sum(scores[:-1]) / (len(scores) - 1) + w * scores[-1], ranges, trans)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("transformer", type=Path, nargs="+",
                    help="train_transformer.py's (or score_transformer.py's) *.dev.npz; several are averaged")
    ap.add_argument("--weights", type=float, nargs="+", default=[0.25])
    ap.add_argument("--resamples", type=int, default=2000)
    args = ap.parse_args(argv)
    paths = sorted((_MODEL_DIR / "attribution_en").glob("neural*.npz"))
    members = [N.load_neural(p, "en") for p in paths]
    key = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    articles = TN.cached(TN.CACHE.parent / "ensemble_dev_scores.pkl", (str(args.data), key),
                         lambda: TU.scored_articles(args.data, members))
    trans = N.NeuralEnsemble(members).trans
    runs = []
    for path in args.transformer:
        with np.load(path) as z:
            runs.append([z[f"d{k}"] for k in range(len(articles))])
        if any(lp.shape[0] != len(a[2]) for lp, a in zip(runs[-1], articles)):
            sys.exit(f"{path}: not the same tokens as {args.data}")
    lps = [sum(per_run) / len(runs) for per_run in zip(*runs)]
    both = blended(articles, lps)
    print(f"ensemble of {len(members)}: {TU.score_tags(both, decoder(trans, 0.0))}")
    for w in args.weights:
        print(f"+ {w} × transformer: {TU.score_tags(both, decoder(trans, w))}", flush=True)
    a, b = ([BE.overlap_counts(art, sents, toks, decoder(trans, w)(scores, ranges))
             for art, sents, toks, ranges, scores in both] for w in (0.0, args.weights[0]))
    print(f"bootstrap, B = the ensemble + {args.weights[0]} × transformer: {BE.paired_bootstrap(a, b, args.resamples, 1)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
