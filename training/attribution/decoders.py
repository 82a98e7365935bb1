"""Ways to combine an ensemble's CRF members, scored on a PolNeAR folder: the shipped one (mean
emission and transition scores, one Viterbi) against averaging each member's own posterior
marginals (forward-backward under its own transitions) and decoding those under the BIO
constraints, plain or with a prior weight on the content tags.

    .venv/bin/python training/attribution/decoders.py /work/shared/data/polnear/dev MODEL.npz ...
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy.special import logsumexp

from rassegna import attribution_neural as N
from rassegna.attribution import lexicon
from rassegna.attribution_learned import TAGS, neural_attributions, valid_transitions
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.sentences import split_sentences


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


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--content-weight", type=float, nargs="+", default=[1.0])
    args = ap.parse_args(argv)
    lex = lexicon("en")
    members = [N.load_neural(p, "en") for p in args.models]
    ens = N.NeuralEnsemble(members)
    arts = read_polnear(args.data)
    allowed = np.where(valid_transitions(), 0.0, -1e6).astype(np.float32)
    t0 = time.time()
    cached = []
    for art in arts:
        sents = split_sentences(art.text, "en")
        per = [N.neural_scores(art.text, sents, lex, m) for m in members]
        toks, ranges = per[0][0], per[0][2]
        post = np.zeros((len(toks), len(TAGS)))
        for m, p in zip(members, per):
            for a, b in ranges:
                post[a:b] += marginals(p[1][a:b].astype(np.float64), m.trans) / len(members)
        cached.append((art, sents, toks, ranges, sum(p[1] for p in per) / len(per), post))
    print(f"scored {len(arts)} articles with {len(members)} models in {time.time() - t0:.0f}s", flush=True)
    content = [TAGS.index("B-CON"), TAGS.index("I-CON")]

    def run(label, decode):
        counts = {m: Counts() for m in METRICS}
        for art, sents, toks, ranges, emit, post in cached:
            tags = decode(emit, post, ranges)
            score_article(art.text, art.gold, neural_attributions(art.text, toks, tags, sents), counts)
        s = {m: counts[m].scores() for m in METRICS}
        co = s["content_overlap"]
        print(f"{label}: overlap F1 {co['f1']:.4f} (P {co['p']:.3f} R {co['r']:.3f}) exact "
              f"{s['content_exact']['f1']:.3f} source {s['source']['f1']:.3f} cue {s['cue']['f1']:.3f}", flush=True)

    run("mean scores, Viterbi (shipped)", lambda emit, post, ranges: N.decode_tags(emit, ranges, ens.trans))
    for w in args.content_weight:
        def by_marginals(emit, post, ranges, w=w):
            logp = np.log(np.maximum(post, 1e-9))
            logp[:, content] += np.log(w)
            return N.decode_tags(logp.astype(np.float32), ranges, allowed)
        run(f"mean marginals, constrained Viterbi, content x{w}", by_marginals)


if __name__ == "__main__":
    sys.exit(main())
