"""Train a CRF tagger (`rassegna.ner_crf`) → `models/ner_LANG/crf[_MEMBER].crfsuite` + `.json`.

    .venv/bin/python training/ner/train_crf.py [--lang it] [--member NAME --silver-training] \
        [--c1 0.5] [--c2 0.1] [--pipeline-weights ...] [--probability-weights ...] \
        [--member-weights ...] [--margins ...] [--grid-only]

1. Italian: KIND WN_train (twice, as for the spaCy pipeline), FIC_train and ADG_train, gold
   tokens; English: WikiNEuRal en val. Features from `ner_crf.word_features` with the shipped
   mention classifier's silver memory and clusters (train `types.npz` first). With
   --silver-training (a second member, `--member silver`), WikiNEuRal it val + test are
   training sentences too (MISC as O) and the silver-memory features are left out: they were
   made from those very sentences.
2. crfsuite L-BFGS with L1 (--c1, keeps the model small) and L2 (--c2), --iterations passes;
   deterministic.
3. Scores each CRF of the folder alone on every dev file, then grids the vote
   (`TypeModel.vote`) of the shipped pipeline's spans (cached by train_types.py) and the
   CRFs' probabilities of each candidate range on WN_dev, and writes the best weights
   (first best in grid order on ties) to the `.json` files. English has no development set:
   it takes the Italian weights, and its test file only reports.

With --folds K it instead trains K models of the member, each without one contiguous block of
every gold training file, for `train_types.py --stack` (tried, not shipped: docs/ner.md).
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
from train_types import FOLDS, MODELS, corpus_files, fold_of, fold_path, pipeline_spans  # noqa: E402


def log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def write_weights(model: Path, weights: dict) -> None:
    """The vote's weights, beside the model (read by `ner_crf.load_crf_tagger`)."""
    model.with_suffix(".json").write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")


class CachedProbabilities:
    """A CRF's span probabilities, made once per sentence and ranges (they do not depend on
    the weights being tried)."""

    def __init__(self, crf: C.CrfTagger):
        self.crf, self.made = crf, {}

    def span_probabilities(self, words, ranges, labels):
        key = (id(words), tuple(ranges))
        if key not in self.made:
            self.made[key] = self.crf.span_probabilities(words, ranges, labels)
        return self.made[key]


def grid(args, score_files: list[Path], folder: Path, types: T.TypeModel) -> None:
    """Score each CRF of `folder` alone, then every vote weighting on the dev files; write
    the best on the first (WN_dev) into the CRFs' `.json` files."""
    crfs = [C.load_crf_tagger(path, types) for path in C.model_paths(folder)]
    sets = {}
    for path in score_files:
        sentences = read_conll(path)
        gold = [bio_to_spans(t) for _, t in sentences]
        alone = []
        for crf in crfs:
            alone.append([crf.spans(words) for words, _ in sentences])
            r = score_spans(gold, alone[-1])
            per = " ".join(f"{k} {v['f1']:.3f}" for k, v in sorted(r["per_type"].items()))
            log(f"{path.stem}: {crf.path.name} alone {r['f1']:.4f} P {r['precision']:.3f} "
                f"R {r['recall']:.3f} ({per})")
        sets[path.stem] = (sentences, gold, pipeline_spans(path, sentences, args.lang), alone)

    # the classifier's features of a range do not depend on the weights either
    features, made = types.features, {}

    def cached_features(words, a, b, crf=None):
        key = (id(words), a, b)
        if key not in made:
            made[key] = features(words, a, b, crf)
        return made[key]

    types.features = cached_features
    soft = [CachedProbabilities(crf) for crf in crfs]
    results = []
    grid = itertools.product(args.pipeline_weights, args.margins, args.probability_weights,
                             *[args.member_weights] * (len(crfs) - 1))
    for pw, margin, *qws in grid:
        f1 = {}
        for name, (sentences, gold, spacy_spans, alone) in sets.items():
            # as `ner.doc_entities` does: the vote, then names made of place words
            voted = [types.places_by_their_words(words, types.vote(
                         words, [(spacy_spans[k], pw)] + [(spans[k], 0.0) for spans in alone], margin,
                         soft=list(zip(soft, qws))))
                     for k, (words, _) in enumerate(sentences)]
            f1[name] = score_spans(gold, voted)["f1"]
        results.append((f1[score_files[0].stem], pw, margin, qws, f1))
        log(f"vote pipeline {pw} margin {margin} probabilities {qws}: "
            + " ".join(f"{k} {v:.4f}" for k, v in f1.items()))
    _, pw, margin, qws, f1 = max(results, key=lambda r: r[0])
    for crf, qw in zip(crfs, qws):
        write_weights(crf.path, {"pipeline_weight": pw, "crf_weight": 0.0, "probability_weight": qw,
                                 "name_margin": margin, "silver_features": crf.silver_features})
    log(f"{f'chosen on {score_files[0].stem}' if args.lang == 'it' else 'with the Italian weights'}: "
        f"pipeline {pw} margin {margin} probabilities {qws} → " + " ".join(f"{k} {v:.4f}" for k, v in f1.items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--lang", choices=("it", "en"), default="it")
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--pipeline-weights", type=float, nargs="+", default=[2.0, 3.0, 4.0])
    ap.add_argument("--probability-weights", type=float, nargs="+", default=[3.0, 6.0, 8.0],
                    help="weights of the first CRF's probability of each candidate range")
    ap.add_argument("--member-weights", type=float, nargs="+", default=[0.0, 2.0, 4.0],
                    help="the same for each further CRF (crf_*.crfsuite)")
    ap.add_argument("--margins", type=float, nargs="+", default=[2.0, 3.0])
    ap.add_argument("--member", default=None, help="train crf_MEMBER.crfsuite, a further CRF")
    ap.add_argument("--silver-training", action="store_true",
                    help="train on WikiNEuRal it too, without the silver-memory features")
    ap.add_argument("--grid-only", action="store_true", help="keep the trained models, choose the weights again")
    ap.add_argument("--types", type=Path, default=None,
                    help="the mention classifier to vote with (default: the shipped types.npz)")
    ap.add_argument("--folds", type=int, default=0,
                    help="instead: train FOLDS models, each without one block of every gold training file "
                         "(for the stacked mention classifier, `train_types.py --stack`), into " + str(FOLDS))
    args = ap.parse_args(argv)
    train_files, silver_files, score_files = corpus_files(args.data, args.lang)
    if args.lang == "it":
        train_files = [train_files[0]] + train_files      # WN_train twice: news is the domain
    if args.silver_training:
        train_files += [p for p in silver_files if p.parent.name == args.lang]
    folder = MODELS / f"ner_{args.lang}"
    out = folder / (f"crf_{args.member}.crfsuite" if args.member else "crf.crfsuite")
    types = T.load_type_model(args.types) if args.types else T.type_model(args.lang)
    if types is None:
        raise SystemExit(f"no mention classifier for {args.lang}: run train_types.py first")
    if args.folds == 1:
        ap.error("--folds needs two folds or more")
    if args.folds:
        FOLDS.mkdir(parents=True, exist_ok=True)
        for k in range(args.folds):
            train(args, train_files, fold_path(args.lang, args.member, k), types,
                  keep=lambda path, i, n, k=k: path in silver_files or fold_of(i, n, args.folds) != k)
        return 0
    if not args.grid_only:
        train(args, train_files, out, types)
    if args.lang != "it":
        # no development set of its own: the English test file must choose nothing, so the
        # weights chosen on Italian WN_dev are used unchanged
        italian = json.loads((MODELS / "ner_it" / "crf.json").read_text(encoding="utf-8"))
        args.pipeline_weights, args.probability_weights = [italian["pipeline_weight"]], [italian["probability_weight"]]
        args.margins = [italian["name_margin"]]
    grid(args, score_files, folder, types)
    return 0


def train(args, train_files: list[Path], out: Path, types: T.TypeModel, keep=None) -> None:
    """Train one CRF on `train_files` (with `keep(path, index, count)`, only the sentences it
    accepts)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for path in train_files:
        sentences = read_conll(path)
        for i, (words, tags) in enumerate(sentences):
            if keep is not None and not keep(path, i, len(sentences)):
                continue
            # Italian: KIND has no MISC; English keeps WikiNEuRal's MISC (the vote leaves it
            # to the spaCy pipeline, and the CRF learns what is not PER/ORG/LOC)
            tags = [t if t == "O" or t[2:] in T.LABELS or args.lang != "it" else "O" for t in tags]
            trainer.append(C.word_features(words, None if args.silver_training else types.silver,
                                           types.clusters), tags)
            n += 1
    log(f"{n} training sentences")
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(out))
    log(f"trained (c1={args.c1}, c2={args.c2}): {out} {out.stat().st_size / 1e6:.2f} MB")
    write_weights(out, {"pipeline_weight": 3.0, "crf_weight": 0.0, "probability_weight": 6.0,
                        "name_margin": 2.0, "silver_features": not args.silver_training})


if __name__ == "__main__":
    sys.exit(main())
