"""Train the mention type classifier (`rassegna.ner_types`) → `models/ner_it/types.npz`.

    .venv/bin/python training/ner/train_types.py [--data /work/shared/data] [--c 0.5] \
        [--weights 0 0.5 1 1.5 2] [--weight 1.0] [--out PATH]

1. Every gold PER / ORG / LOC mention of KIND {WN,FIC,ADG}_train, with its sentence. The
   memory features of a training mention leave that mention out (else they would always
   agree with its label and the model would learn nothing else).
2. Multinomial logistic regression (scikit-learn, lbfgs, L2 with --c) over hashed features.
3. The shipped spaCy pipeline's mentions on each KIND dev file (cached under
   training/output) are re-typed with each --weights value (the bonus of the pipeline's own
   label) and scored with the repository's NER scorer; --weight is shipped (chosen on WN_dev).
Deterministic: lbfgs with no sampling.

With --stack K the classifier also reads each CRF's probabilities of the range, as the fold
CRFs of `train_crf.py --folds K` give them to sentences they were not trained on; such a model
is scored in the vote by `train_crf.py --grid-only --types PATH` (tried, not shipped:
docs/ner.md).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from rassegna import ner_types as T  # noqa: E402
from rassegna.evaluate.ner import bio_to_spans, predict_spans, read_conll, score_spans  # noqa: E402

CACHE = ROOT / "training" / "output" / "ner_types"
MODELS = ROOT / "src" / "rassegna" / "models"
FOLDS = ROOT / "training" / "output" / "ner_crf_folds"     # CRFs for stacking (train_crf.py --folds)


def fold_of(index: int, count: int, folds: int) -> int:
    """The fold of a file's sentence: contiguous blocks, so that the sentences of one
    document (and the names it repeats) mostly fall in one fold."""
    return index * folds // count


def fold_path(lang: str, member: str | None, k: int) -> Path:
    return FOLDS / f"{lang}_{member or 'main'}_{k}.crfsuite"


def corpus_files(data: Path, lang: str) -> tuple[list[Path], list[Path], list[Path]]:
    """(gold training files, silver files for the memory, files to score) for a language.
    Italian: KIND train / WikiNEuRal it val+test and en val / KIND dev. English: WikiNEuRal en
    val (what the English pipeline was trained on) / WikiNEuRal it val+test / en test. The
    English test file is never used to train or to choose anything."""
    wiki = data / "wikineural"
    if lang == "it":
        kind = data / "kind"
        return ([kind / f"{d}_train.tsv" for d in ("WN", "FIC", "ADG")],
                [wiki / "it" / "val.conllu", wiki / "it" / "test.conllu", wiki / "en" / "val.conllu"],
                [kind / f"{d}_dev.tsv" for d in ("WN", "FIC", "ADG")])
    return ([wiki / "en" / "val.conllu"], [wiki / "it" / "val.conllu", wiki / "it" / "test.conllu"],
            [wiki / "en" / "test.conllu"])


def log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def gold_mentions(paths: list[Path], outside: bool = False, folds: int = 0, tagged=None):
    """(words, start, end, label, fold) of every gold mention; with `outside`, also every
    `ner_types.candidates` range that is not exactly a gold mention, labelled O, and every
    range the taggers of `tagged(words, fold)` (a list of span lists) name that is not
    either. `fold` is the sentence's fold of `folds` (`fold_of`; None without folds)."""
    for path in paths:
        sentences = read_conll(path)
        for i, (words, tags) in enumerate(sentences):
            fold = fold_of(i, len(sentences), folds) if folds else None
            spans = [s for s in bio_to_spans(tags) if s[2] in T.LABELS]
            for a, b, label in spans:
                yield words, a, b, label, fold
            if outside:
                seen = {(a, b) for a, b, _ in spans}
                ranges = T.candidates(words) + [(a, b) for found in (tagged(words, fold) if tagged else [])
                                                for a, b, _ in found]
                for a, b in ranges:
                    if (a, b) not in seen:
                        seen.add((a, b))
                        yield words, a, b, T.OUTSIDE, fold


def fold_taggers(lang: str, folds: int, silver, clusters) -> list[list]:
    """For each fold, the CRFs trained without it (`train_crf.py --folds`), in the order of
    the shipped ones (the first CRF, then the others by member name), reading the silver
    memory and clusters the shipped ones read."""
    from rassegna.ner_crf import CrfTagger, model_paths

    members = [None if p.stem == "crf" else p.stem.removeprefix("crf_") for p in model_paths(MODELS / f"ner_{lang}")]
    out = []
    for k in range(folds):
        paths = [fold_path(lang, m, k) for m in members]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise SystemExit(f"no fold CRF {', '.join(missing)}: run train_crf.py --folds {folds} (and --member …)")
        out.append([CrfTagger(p, silver, clusters,
                              silver_features=json.loads(p.with_suffix(".json").read_text())["silver_features"])
                    for p in paths])
    return out


def fold_probabilities(train, stack) -> list[np.ndarray]:
    """For each training range, its fold's CRFs' probabilities of PER, ORG and LOC (one row
    per CRF), computed a sentence at a time."""
    out: list[np.ndarray] = []
    k = 0
    while k < len(train):
        words, fold = train[k][0], train[k][4]
        j = k
        while j < len(train) and train[j][0] is words:
            j += 1
        ranges = [(a, b) for _, a, b, _, _ in train[k:j]]
        rows = np.stack([tagger.span_probabilities(words, ranges, list(T.LABELS)) for tagger in stack[fold]], axis=1)
        out += list(rows)
        k = j
    return out


def pipeline_spans(path: Path, sentences, lang: str):
    """The shipped pipeline's mentions on a gold file (cached: tagging takes a minute)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    cache = CACHE / f"{lang}_{path.parent.name}_{path.stem}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from rassegna.ner import load_ner

    spans = predict_spans(load_ner(lang), [w for w, _ in sentences])
    cache.write_bytes(pickle.dumps(spans))
    return spans


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--c", type=float, default=0.5)
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.5, 1.0, 1.5, 2.0, 3.0])
    ap.add_argument("--weight", type=float, default=1.0)
    ap.add_argument("--margins", type=float, nargs="+", default=[float("inf"), 4.0, 2.0, 1.0])
    ap.add_argument("--drops", type=float, nargs="+", default=[float("inf"), 2.0])
    ap.add_argument("--drop", type=float, default=float("inf"),
                    help="shipped: how much O must beat the best name label to drop a pipeline mention")
    ap.add_argument("--margin", type=float, default=float("inf"),
                    help="shipped: how much a name label must beat O to add a name the pipeline missed")
    ap.add_argument("--lang", choices=("it", "en"), default="it")
    ap.add_argument("--clusters", type=Path, default=None,
                    help="word_clusters.json to read cluster features from (shipped beside types.npz)")
    ap.add_argument("--out", type=Path, default=None, help="default: models/ner_LANG/types.npz")
    ap.add_argument("--silver-weight", type=float, default=0.0,
                    help="also train on the Italian silver mentions with this weight (0: not)")
    ap.add_argument("--stack", type=int, default=0, metavar="FOLDS",
                    help="read the CRFs' probabilities of each range as features, cross-validated on "
                         "FOLDS folds (train_crf.py --folds FOLDS for each CRF first)")
    ap.add_argument("--crf-ranges", action="store_true",
                    help="with --stack: the fold CRFs' names that are not gold mentions are O examples too")
    ap.add_argument("--no-silver", dest="silver", action="store_false",
                    help="without the silver memory (WikiNEuRal it val+test, en val)")
    args = ap.parse_args(argv)
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression

    if args.crf_ranges and not args.stack:
        ap.error("--crf-ranges goes with --stack")
    if args.stack and (args.silver_weight or not args.silver or not args.clusters):
        ap.error("--stack reads the fold CRFs, which read the silver memory and the clusters: "
                 "give --clusters, and no --no-silver or --silver-weight")
    train_files, silver_files, score_files = corpus_files(args.data, args.lang)
    out = args.out or MODELS / f"ner_{args.lang}" / "types.npz"
    clusters = T.load_clusters(args.clusters) if args.clusters else None
    labels = T.LABELS + (T.OUTSIDE,)
    silver: dict[str, Counter] | None = {} if args.silver else None
    if silver is not None:
        for words, a, b, label, _ in gold_mentions(silver_files):
            low = [w.lower() for w in words[a:b]]
            silver.setdefault(T._norm(" ".join(low)), Counter())[label] += 1
            for w in {low[0], low[-1]}:
                silver.setdefault("w:" + w, Counter())[label] += 1
    stack = fold_taggers(args.lang, args.stack, silver, clusters) if args.stack else None
    tagged = ((lambda words, fold: [tagger.spans(words) for tagger in stack[fold]])
              if stack and args.crf_ranges else None)
    train = list(gold_mentions(train_files, outside=True, folds=args.stack, tagged=tagged))
    memory: dict[str, Counter] = {}
    for words, a, b, label, _ in train:
        if label != T.OUTSIDE:
            memory.setdefault(T._norm(" ".join(words[a:b])), Counter())[label] += 1
    log(f"{len(train)} training mentions, {len(memory)} strings; silver {len(silver or {})} strings and words; "
        f"gazetteer {len(T.place_names())} names" + (f"; stacked on {len(stack[0])} CRFs, {args.stack} folds" if stack else ""))
    probabilities = fold_probabilities(train, stack) if stack else None
    feats, y = [], []
    for n, (words, a, b, label, _) in enumerate(train):
        key = T._norm(" ".join(words[a:b]))
        gold = label != T.OUTSIDE
        if gold:
            memory[key][label] -= 1                  # leave this mention out
        feats.append(T.span_features(words, a, b, memory, silver, clusters)
                     + (T.crf_features(probabilities[n]) if stack else []))
        if gold:
            memory[key][label] += 1
        y.append(labels.index(label))
    weights = [1.0] * len(y)
    if args.silver_weight:
        # silver mentions (and their O candidates) as extra, down-weighted examples; the first
        # two silver files are WikiNEuRal it for either language
        for words, a, b, label, _ in gold_mentions(silver_files[:2], outside=True):
            feats.append(T.span_features(words, a, b, memory, silver, clusters))
            y.append(labels.index(label))
            weights.append(args.silver_weight)
        log(f"{len(y) - len(train)} silver examples beside {len(train)} gold ones")
    hasher = FeatureHasher(n_features=T.N_FEATURES, input_type="string", alternate_sign=False)
    x = hasher.transform(feats)
    clf = LogisticRegression(C=args.c, max_iter=2000)
    clf.fit(x, np.array(y), sample_weight=np.array(weights))
    log(f"trained (C={args.c}); train accuracy {clf.score(x, np.array(y)):.3f}")
    model = T.TypeModel(clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), labels,
                        memory, silver, args.weight, args.margin,
                        clusters=clusters, stacked=len(stack[0]) if stack else 0)
    if stack:
        # a stacked classifier is only meaningful in the vote with the CRFs
        model.pipeline_weight, model.missed_margin, model.drop_margin = args.weight, args.margin, args.drop
        T.save_type_model(out, model)
        log(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB), stacked; score it in the vote with "
            f"train_crf.py --grid-only --types {out}")
        return 0

    for path in score_files:
        name = path.stem
        sentences = read_conll(path)
        gold = [bio_to_spans(t) for _, t in sentences]
        pred = pipeline_spans(path, sentences, args.lang)
        base = score_spans(gold, pred)
        # type accuracy on the gold mentions alone
        ok = total = 0
        for (words, _), spans in zip(sentences, gold):
            spans = [s for s in spans if s[2] in T.LABELS]
            if spans:
                lp = model.log_proba([model.features(words, a, b) for a, b, _ in spans])
                ok += sum(labels[int(r[:len(T.LABELS)].argmax())] == s[2] for r, s in zip(lp, spans))
                total += len(spans)
        line = [f"{name}: pipeline {base['f1']:.4f}", f"classifier type accuracy on gold mentions (names only) {ok / total:.3f}"]
        log(" | ".join(line))
        for m, d in [(m, d) for m in args.margins for d in args.drops]:
            line = [f"  missed margin {m} drop margin {d}"]
            for w in args.weights:
                model.pipeline_weight, model.missed_margin, model.drop_margin = w, m, d
                new = [model.places_by_their_words(words, model.retype(words, spans))
                       for (words, _), spans in zip(sentences, pred)]
                r = score_spans(gold, new)
                per = " ".join(f"{k} {v['f1']:.3f}" for k, v in sorted(r["per_type"].items()) if k in T.LABELS)
                line.append(f"w={w}: {r['f1']:.4f} P {r['precision']:.3f} R {r['recall']:.3f} ({per})")
            log(" | ".join(line))
    model.pipeline_weight, model.missed_margin, model.drop_margin = args.weight, args.margin, args.drop
    T.save_type_model(out, model)
    log(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB), pipeline weight {args.weight}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
