"""Score BiLSTM attribution models, alone and averaged, on a PolNeAR folder, with an optional
bias against the O tag (a CRF trained for likelihood need not sit at the F1-best point).

    .venv/bin/python training/attribution/tune_neural.py /work/shared/data/polnear/dev \
        MODEL.npz [MODEL.npz ...] [--bias 0 0.5 1]

Each model's per-token scores are computed once (all models together); every subset of the models (in the given
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
from rassegna.evaluate.attribution import read_polnear, score_predictions
from rassegna.sentences import split_sentences


def scored_articles(data: Path, members: list) -> list[tuple]:
    """Per article of the folder: (article, sentences, tokens, chunks, each member's scores), the
    members scored together (`attribution_neural.member_scores`: one parse, shared inputs)."""
    lex = lexicon("en")
    ensemble = N.NeuralEnsemble(members)
    out = []
    t0 = time.time()
    arts = read_polnear(data)
    for art in arts:
        sents = split_sentences(art.text, "en")
        toks, scores, ranges = N.member_scores(art.text, sents, lex, ensemble)
        out.append((art, sents, toks, ranges, scores))
    print(f"scored {len(arts)} articles with {len(members)} models in {time.time() - t0:.0f}s", flush=True)
    return out


def tag_scores(articles: list[tuple], decode) -> dict:
    """The eval's measures (`score_predictions`) over the articles of `scored_articles`, each
    tagged by `decode(scores, chunks)`."""
    return score_predictions((art.text, art.gold, neural_attributions(art.text, toks, decode(scores, ranges), sents))
                             for art, sents, toks, ranges, scores in articles)


def score_line(s: dict) -> str:
    co = s["content_overlap"]
    return (f"overlap F1 {co['f1']:.4f} (P {co['p']:.3f} R {co['r']:.3f}) exact {s['content_exact']['f1']:.3f} "
            f"source {s['source']['f1']:.3f} e2e {s['source_end_to_end']['f1']:.3f} cue {s['cue']['f1']:.3f}")


def score_tags(articles: list[tuple], decode) -> str:
    """`tag_scores` as one line."""
    return score_line(tag_scores(articles, decode))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--bias", type=float, nargs="+", default=[0.0])
    ap.add_argument("--tag", default="O", help="the tag the bias is taken from (a negative bias adds)")
    args = ap.parse_args(argv)
    members = [N.load_neural(p, "en") for p in args.models]
    articles = scored_articles(args.data, members)
    for k in range(1, len(members) + 1):
        trans = N.NeuralEnsemble(members[:k]).trans  # (which also refuses CRF and softmax members mixed)
        for bias in args.bias:
            def decode(scores, ranges, k=k, bias=bias, trans=trans):
                emit = sum(scores[:k]) / k
                emit[:, TAGS.index(args.tag)] -= bias
                return N.decode_tags(emit, ranges, trans)

            print(f"models {k} bias {bias:+.2f}: {score_tags(articles, decode)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
