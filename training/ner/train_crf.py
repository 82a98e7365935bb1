"""Train the CRF tagger (`rassegna.ner_crf`) → `models/ner_LANG/crf.crfsuite` + `crf.json`.

    .venv/bin/python training/ner/train_crf.py [--lang it] [--c1 0.5] [--c2 0.1] \
        [--pipeline-weights 1 2 3 4] [--crf-weights 1 2 3 4] [--margins -1 0 1 2 3]

1. KIND WN_train (twice, as for the spaCy pipeline), FIC_train and ADG_train, gold tokens,
   features from `ner_crf.word_features` with the shipped mention classifier's silver memory
   and clusters (train `types.npz` first).
2. crfsuite L-BFGS with L1 (--c1, keeps the model small) and L2 (--c2), --iterations passes;
   deterministic.
3. Scores the CRF alone on every dev file, then grids the vote (`TypeModel.vote`) of the
   shipped pipeline's spans (cached by train_types.py), the CRF's spans and the CRF's
   probability of each candidate range on WN_dev, and writes the best weights to `crf.json`
   (first best in grid order on ties).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from rassegna import ner_crf as C  # noqa: E402
from rassegna import ner_types as T  # noqa: E402
from rassegna.evaluate.ner import bio_to_spans, read_conll, score_spans  # noqa: E402
from train_types import MODELS, corpus_files, pipeline_spans  # noqa: E402


def log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def write_weights(model: Path, pipeline: float, crf: float, probability: float, margin: float) -> None:
    """The vote's weights, beside the model (read by `ner_crf.load_crf_tagger`)."""
    model.with_suffix(".json").write_text(json.dumps(
        {"pipeline_weight": pipeline, "crf_weight": crf, "probability_weight": probability,
         "name_margin": margin}, indent=1) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--lang", choices=("it", "en"), default="it")
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--pipeline-weights", type=float, nargs="+", default=[2.0, 3.0, 4.0])
    ap.add_argument("--crf-weights", type=float, nargs="+", default=[0.0, 1.0],
                    help="votes for the CRF's own spans")
    ap.add_argument("--probability-weights", type=float, nargs="+", default=[4.0, 6.0, 8.0],
                    help="weights of the CRF's probability of each candidate range")
    ap.add_argument("--margins", type=float, nargs="+", default=[1.0, 2.0, 3.0])
    ap.add_argument("--out", type=Path, default=None, help="default: models/ner_LANG/crf.crfsuite")
    ap.add_argument("--grid-only", action="store_true", help="keep the trained model, choose the weights again")
    args = ap.parse_args(argv)
    train_files, _, score_files = corpus_files(args.data, args.lang)
    if args.lang == "it":
        train_files = [train_files[0]] + train_files      # WN_train twice: news is the domain
    out = args.out or MODELS / f"ner_{args.lang}" / "crf.crfsuite"
    types = T.type_model(args.lang)
    if types is None:
        raise SystemExit(f"no mention classifier for {args.lang}: run train_types.py first")
    if args.grid_only:
        log(f"grid only, with {out}")
    else:
        train(args, train_files, out, types)
    if args.lang != "it":
        # no development set of its own: the English test file must choose nothing, so the
        # weights chosen on Italian WN_dev are used unchanged
        italian = json.loads((MODELS / "ner_it" / "crf.json").read_text(encoding="utf-8"))
        write_weights(out, *(italian[k] for k in ("pipeline_weight", "crf_weight", "probability_weight",
                                                  "name_margin")))
        args.pipeline_weights, args.crf_weights = [italian["pipeline_weight"]], [italian["crf_weight"]]
        args.probability_weights, args.margins = [italian["probability_weight"]], [italian["name_margin"]]
    crf = C.load_crf_tagger(out, types)
    grid(args, score_files, out, types, crf)
    return 0


def train(args, train_files: list[Path], out: Path, types: T.TypeModel) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for path in train_files:
        for words, tags in read_conll(path):
            # Italian: KIND has no MISC; English keeps WikiNEuRal's MISC (the vote leaves it
            # to the spaCy pipeline, and the CRF learns what is not PER/ORG/LOC)
            tags = [t if t == "O" or t[2:] in T.LABELS or args.lang != "it" else "O" for t in tags]
            trainer.append(C.word_features(words, types.silver, types.clusters), tags)
            n += 1
    log(f"{n} training sentences")
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(out))
    log(f"trained (c1={args.c1}, c2={args.c2}): {out} {out.stat().st_size / 1e6:.2f} MB")
    write_weights(out, 3.0, 0.0, 6.0, 2.0)


def grid(args, score_files: list[Path], out: Path, types: T.TypeModel, crf: C.CrfTagger) -> None:
    """Score the CRF alone, then every vote weighting on the dev files; write the best on the
    first (WN_dev)."""
    sets = {}
    for path in score_files:
        sentences = read_conll(path)
        gold = [bio_to_spans(t) for _, t in sentences]
        alone = [crf.spans(words) for words, _ in sentences]
        r = score_spans(gold, alone)
        per = " ".join(f"{k} {v['f1']:.3f}" for k, v in sorted(r["per_type"].items()))
        log(f"{path.stem}: CRF alone {r['f1']:.4f} P {r['precision']:.3f} R {r['recall']:.3f} ({per})")
        sets[path.stem] = (sentences, gold, pipeline_spans(path, sentences, args.lang), alone)

    # the classifier's features and the CRF's probabilities of a range do not depend on the
    # weights: make them once
    features, made = types.features, {}

    def cached_features(words, a, b):
        key = (id(words), a, b)
        if key not in made:
            made[key] = features(words, a, b)
        return made[key]

    class CachedProbabilities:
        def __init__(self):
            self.made = {}

        def span_probabilities(self, words, ranges, labels):
            key = (id(words), tuple(ranges))
            if key not in self.made:
                self.made[key] = crf.span_probabilities(words, ranges, labels)
            return self.made[key]

    types.features = cached_features
    soft = CachedProbabilities()
    results = []
    grid = itertools.product(args.pipeline_weights, args.crf_weights, args.probability_weights, args.margins)
    for pw, cw, qw, margin in grid:
        f1 = {}
        for name, (sentences, gold, spacy_spans, crf_spans) in sets.items():
            voted = [types.vote(words, [(p, pw), (c, cw)], margin, soft=soft, soft_weight=qw)
                     for (words, _), p, c in zip(sentences, spacy_spans, crf_spans)]
            f1[name] = score_spans(gold, voted)["f1"]
        results.append((f1[score_files[0].stem], pw, cw, qw, margin, f1))
        log(f"vote pipeline {pw} crf {cw} probability {qw} margin {margin}: "
            + " ".join(f"{k} {v:.4f}" for k, v in f1.items()))
    if len(results) == 1:
        return                    # nothing to choose (English: the Italian weights)
    _, pw, cw, qw, margin, f1 = max(results, key=lambda r: r[0])
    write_weights(out, pw, cw, qw, margin)
    log(f"chosen on {score_files[0].stem}: pipeline {pw} crf {cw} probability {qw} margin {margin} → "
        + " ".join(f"{k} {v:.4f}" for k, v in f1.items()))


if __name__ == "__main__":
    sys.exit(main())
