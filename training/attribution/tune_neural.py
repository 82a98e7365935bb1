"""Score BiLSTM attribution models, alone and averaged, on a PolNeAR folder, with an optional
bias against the O tag (a CRF trained for likelihood need not sit at the F1-best point).

    .venv/bin/python training/attribution/tune_neural.py /work/shared/data/polnear/dev \
        MODEL.npz [MODEL.npz ...] [--bias 0 0.5 1]

Each model's per-token scores are computed once; every subset of the models (in the given
order, prefixes only) and every bias is then decoded and scored with the repository's eval.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


from rassegna import attribution_neural as N
from rassegna.attribution import lexicon
from rassegna.attribution_learned import TAGS, neural_attributions
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.sentences import split_sentences


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--bias", type=float, nargs="+", default=[0.0])
    ap.add_argument("--tag", default="O", help="the tag the bias is taken from (a negative bias adds)")
    args = ap.parse_args(argv)
    lex = lexicon("en")
    members = [N.load_neural(p, "en") for p in args.models]
    arts = read_polnear(args.data)
    t0 = time.time()
    cached = []
    for art in arts:
        sents = split_sentences(art.text, "en")
        per = [N.neural_scores(art.text, sents, lex, m) for m in members]
        cached.append((art, sents, per[0][0], per[0][2], [p[1] for p in per]))
    print(f"scored {len(arts)} articles with {len(members)} models in {time.time() - t0:.0f}s", flush=True)
    for k in range(1, len(members) + 1):
        ens = N.NeuralEnsemble(members[:k])
        for bias in args.bias:
            counts = {m: Counts() for m in METRICS}
            for art, sents, toks, ranges, scores in cached:
                emit = sum(scores[:k]) / k
                emit[:, TAGS.index(args.tag)] -= bias
                tags = N.decode_tags(emit, ranges, ens.trans)
                pred = neural_attributions(art.text, toks, tags, sents)
                score_article(art.text, art.gold, pred, counts)
            s = {m: counts[m].scores() for m in METRICS}
            co = s["content_overlap"]
            print(f"models {k} bias {bias:+.2f}: overlap F1 {co['f1']:.4f} (P {co['p']:.3f} "
                  f"R {co['r']:.3f}) exact {s['content_exact']['f1']:.3f} source {s['source']['f1']:.3f} "
                  f"e2e {s['source_end_to_end']['f1']:.3f} cue {s['cue']['f1']:.3f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
