"""Ways to combine an ensemble's CRF members, scored on a PolNeAR folder: the shipped one (mean
emission and transition scores, one Viterbi) against averaging each member's own posterior
marginals (forward-backward under its own transitions) and decoding those under the BIO
constraints, plain or with a prior weight on the content tags.

    .venv/bin/python training/attribution/decoders.py /work/shared/data/polnear/dev MODEL.npz ...
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.special import logsumexp

from rassegna import attribution_neural as N
from rassegna.attribution_learned import TAGS, valid_transitions

sys.path.insert(0, str(Path(__file__).parent))
from tune_neural import score_tags, scored_articles  # noqa: E402


def marginals(emit: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Per-token posterior tag probabilities of a linear-chain CRF (trans: (tags + 1, tags), the
    last row the start scores)."""
    n, t = emit.shape
    alpha = np.empty((n, t))
    beta = np.zeros((n, t))
    body = trans[:-1].astype(np.float64)
    alpha[0] = trans[-1] + emit[0]
    for i in range(1, n):
        alpha[i] = logsumexp(alpha[i - 1][:, None] + body, axis=0) + emit[i]
    for i in range(n - 2, -1, -1):
        beta[i] = logsumexp(body + (emit[i + 1] + beta[i + 1])[None, :], axis=1)
    post = alpha + beta
    return np.exp(post - logsumexp(post, axis=1, keepdims=True))


def mean_marginals(members: list, scores: list[np.ndarray], ranges: list[tuple[int, int]]) -> np.ndarray:
    """The members' posterior marginals, each under its own transitions, averaged."""
    post = np.zeros_like(scores[0], dtype=np.float64)
    for m, emit in zip(members, scores):
        for a, b in ranges:
            post[a:b] += marginals(emit[a:b].astype(np.float64), m.trans) / len(members)
    return post


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--content-weight", type=float, nargs="+", default=[1.0])
    args = ap.parse_args(argv)
    members = [N.load_neural(p, "en") for p in args.models]
    ens = N.NeuralEnsemble(members)
    articles = scored_articles(args.data, members)
    allowed = np.where(valid_transitions(), 0.0, -1e6).astype(np.float32)
    content = [TAGS.index("B-CON"), TAGS.index("I-CON")]
    # computed once per article (the score lists live as long as `articles`), read by every weight
    posts = {id(scores): mean_marginals(members, scores, ranges) for *_, ranges, scores in articles}

    print("mean scores, Viterbi (shipped):",
          score_tags(articles, lambda scores, ranges: N.decode_tags(sum(scores) / len(scores), ranges, ens.trans)))
    for w in args.content_weight:
        def by_marginals(scores, ranges, w=w):
            logp = np.log(np.maximum(posts[id(scores)], 1e-9))
            logp[:, content] += np.log(w)
            return N.decode_tags(logp.astype(np.float32), ranges, allowed)

        print(f"mean marginals, constrained Viterbi, content x{w}:", score_tags(articles, by_marginals), flush=True)


if __name__ == "__main__":
    sys.exit(main())
