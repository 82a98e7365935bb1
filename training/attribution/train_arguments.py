"""Train the English cue-conditioned argument tagger (stage 2) on PolNeAR train → `arguments.npz`.

    nice -n 10 .venv/bin/python training/attribution/train_arguments.py /work/shared/data/polnear \
        [--epochs 10] [--folds 2] [--select dev|heldout] [--out PATH] [--seed 7] \
        [--classifier-candidates-only] [--tagger PATH] [--cache PATH] [--no-cache] [--no-clusters]

Needs the stage-1 tagger (`train_tagger.py`, shipped `tagger.npz` or `--tagger`) for the
selection split; stage 1 uses the word clusters (`word_clusters.json`) unless `--no-clusters`,
and must match how that tagger was trained.
1. Stage-1 tags on train come from cross-validation (`--folds` taggers, each trained on the
   other folds), so stage 2 sees the same kind of errors it meets at run time.
2. Instances: every cue candidate (`rassegna.attribution_learned.cue_candidates`) plus every gold cue;
   a candidate overlapping a gold cue is tagged with that attribution's source/content in its
   window (`arg_window`), any other one is all O (it teaches the model to drop false cues).
   The cue classifier (logistic regression over `cue_features` + a summary of the 2-fold
   argument tagging) is trained on the same rows, or with `--classifier-candidates-only` on the
   candidates alone (gold cues the candidates miss are never classified at run time).
3. Averaged structured perceptron over `arg_features` with BIO-constrained Viterbi; after each
   epoch the whole system (stage 1 + stage 2 + `resolve_arguments`) is scored on the selection
   split (dev by default; `heldout` = the last 140 train articles, training on the first 700)
   and the best epoch is shipped (float16 weights, features with |w| ≥ 0.01).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_tagger as TT  # noqa: E402

from rassegna import attribution as A  # noqa: E402
from rassegna import attribution_learned as L  # noqa: E402
from rassegna.evaluate.attribution import METRICS, read_polnear, score_predictions  # noqa: E402

OUT = Path(A.__file__).parent / "models" / "attribution_en" / "arguments.npz"
NT = len(L.ARG_TAGS)
AID = {t: i for i, t in enumerate(L.ARG_TAGS)}


def stage1_tags(docs, W, trans):
    for d in docs:
        tags = []
        for ids, offs, _, _ in d["paras"]:
            tags += L.viterbi(TT.emissions(W, ids, offs), trans)
        d["tags"] = tags


def cv_stage1(docs, folds, epochs, log):
    mask = np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32)
    F = max(int(p[0].max(initial=0)) for d in docs for p in d["paras"] if len(p[0])) + 1
    for k in range(folds):
        held = [d for i, d in enumerate(docs) if i % folds == k]
        rest = [d for i, d in enumerate(docs) if i % folds != k]
        W, Tr, ep, _ = TT.train(rest, held, F, epochs, lambda m: log(f"  fold {k}: {m}"))
        stage1_tags(held, W, Tr + mask)


def gold_arg_tags(d, cue, win):
    """Tags of the window for the gold attribution whose cue overlaps `cue` most (or all O)."""
    toks = d["toks"]
    starts = [t.start for t in toks]
    ca, cb = toks[cue[0]].start, toks[cue[1] - 1].end
    best, best_ov = None, 0
    for g in d["art"].gold:
        ov = sum(max(0, min(e, cb) - max(s, ca)) for s, e in g.cue)
        if ov > best_ov:
            best, best_ov = g, ov
    tags = [0] * (win[1] - win[0])
    if best is None:
        return tags, False
    lab = [None] * (win[1] - win[0])
    for role, name in (("content", "CON"), ("source", "SRC")):
        for s, e in getattr(best, role):
            k = A.bisect_left(starts, s)
            while k < len(toks) and toks[k].start < e:
                if win[0] <= k < win[1] and not (cue[0] <= k < cue[1]):
                    lab[k - win[0]] = name
                k += 1
    for i, x in enumerate(lab):
        if x is not None:
            tags[i] = AID[("I-" if i > 0 and lab[i - 1] == x else "B-") + x]
    return tags, True


def instances(docs, index, grow, with_gold_cues):
    out = []
    for d in docs:
        info = d["info"]
        names = [L.TAGS[t] for t in d["tags"]]
        cands = L.cue_candidates(info, d["tags"])
        real = set(cands)
        if with_gold_cues:
            starts = [t.start for t in d["toks"]]
            have = set(cands)
            for g in d["art"].gold:
                if not g.cue:
                    continue
                a = A.bisect_left(starts, g.cue[0][0])
                b = A.bisect_left(starts, g.cue[-1][1])
                if a < b and (a, b) not in have and not any(x[0] < b and a < x[1] for x in cands):
                    cands.append((a, b))
        for cue in cands:
            win = L.arg_window(info, cue)
            tags, pos = gold_arg_tags(d, cue, win)
            if cue in real or not CANDIDATE_ROWS_ONLY:
                CUE_ROWS.append((L.cue_features(info, cue, names), pos, d, cue, names))
            if not pos:
                continue
            feats = L.arg_features(info, cue, win, names)
            ids, offs, incue = [], [], []
            for k, fs in enumerate(feats):
                offs.append(len(ids))
                incue.append(fs == ["INCUE"])
                for f in fs:
                    j = index.get(f)
                    if j is None and grow:
                        j = index[f] = len(index)
                    if j is not None:
                        ids.append(j)
            out.append((np.array(ids, dtype=np.int64), np.array(offs, dtype=np.int64),
                        np.array(tags, dtype=np.int64), np.array(incue), d["art"].name))
    return out


def emit_of(W, ids, offs, incue):
    e = np.add.reduceat(W[ids], offs, axis=0) if len(ids) else np.zeros((len(offs), NT), np.float32)
    e[incue, 1:] = -1e6
    return e


def evaluate(sel_docs, W, trans, threshold=0.5):
    cw = dict(zip((str(x) for x in CUE_MODEL["features"]), CUE_MODEL["weights"].tolist()))
    model = L.ArgModel(EVAL_INDEX, W, trans, threshold, cw, CUE_MODEL["bias"])
    def attributions(d):
        names = [L.TAGS[t] for t in d["tags"]]
        found = L.tag_arguments(d["info"], L.cue_candidates(d["info"], d["tags"]), model, names)
        return L.attributions_from_arguments(d["info"], found)

    return score_predictions((d["art"].text, d["art"].gold, attributions(d)) for d in sel_docs)


EVAL_INDEX: dict[str, int] = {}
CUE_ROWS: list = []
CANDIDATE_ROWS_ONLY = False   # --classifier-candidates-only: no gold cues outside the candidates
CUE_MODEL: dict = {}


def fit_cue_classifier(rows, C, log):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in fs} for fs, _ in rows]).tocsr()
    X.indices = X.indices.astype(np.int32)
    X.indptr = X.indptr.astype(np.int32)
    y = np.array([int(p) for _, p in rows])
    clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
    clf.fit(X, y)
    names = vec.get_feature_names_out()
    w = clf.coef_[0]
    keep = np.nonzero(np.abs(w) >= 1e-4)[0]
    log(f"cue classifier C={C}: {len(rows)} rows, {y.mean():.2f} positive, {len(keep)} weights")
    return {"features": np.array([names[i] for i in keep]), "weights": w[keep].astype(np.float32),
            "bias": float(clf.intercept_[0])}


def train(inst, sel_docs, F, epochs, log, seed=7):
    mask = np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32)
    W = np.zeros((F, NT), np.float32)
    U = np.zeros((F, NT), np.float32)
    Tr = np.zeros((NT + 1, NT), np.float32)
    Ut = np.zeros((NT + 1, NT), np.float32)
    rng = random.Random(seed)
    c = 1.0
    best = (-1, None)
    order = list(range(len(inst)))
    for ep in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(order)
        errors = 0
        for n in order:
            ids, offs, gold, incue, _ = inst[n]
            pred = np.array(L.viterbi(emit_of(W, ids, offs, incue), Tr + mask), dtype=np.int64)
            diff = np.nonzero(pred != gold)[0]
            if len(diff):
                errors += len(diff)
                ends = np.append(offs[1:], len(ids))
                for k in diff:
                    fid = ids[offs[k]:ends[k]]
                    np.add.at(W, (fid, gold[k]), 1.0)
                    np.add.at(W, (fid, pred[k]), -1.0)
                    np.add.at(U, (fid, gold[k]), c)
                    np.add.at(U, (fid, pred[k]), -c)
                pg = np.concatenate([[NT], gold[:-1]])
                pp = np.concatenate([[NT], pred[:-1]])
                for k in range(len(gold)):
                    if pg[k] != pp[k] or gold[k] != pred[k]:
                        Tr[pg[k], gold[k]] += 1
                        Tr[pp[k], pred[k]] -= 1
                        Ut[pg[k], gold[k]] += c
                        Ut[pp[k], pred[k]] -= c
            c += 1
        Wa, Ta = W - U / c, Tr - Ut / c
        if not sel_docs:
            log(f"epoch {ep}: token errors {errors}, {time.time() - t0:.0f}s")
            best = (0, (Wa.copy(), Ta.copy(), ep, {}))
            continue
        scores = evaluate(sel_docs, Wa, Ta + mask)
        log(f"epoch {ep}: token errors {errors}, {time.time() - t0:.0f}s; selection "
            + " ".join(f"{m}={scores[m]['f1']}" for m in METRICS)
            + f" co P/R={scores['content_overlap']['p']}/{scores['content_overlap']['r']}")
        if scores["content_overlap"]["f1"] > best[0]:
            best = (scores["content_overlap"]["f1"], (Wa.copy(), Ta.copy(), ep, scores))
    return best[1]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--stage1-epochs", type=int, default=5)
    ap.add_argument("--select", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--no-gold-cues", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--thresholds", type=float, nargs="*", default=[0.2, 0.3, 0.4, 0.6])
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--cv-epochs", type=int, default=4)
    ap.add_argument("--no-cache", action="store_true", help="redo the stage-1 cross-validation")
    ap.add_argument("--cache", type=Path, help="stage-1 cross-validation tags (default training/output/...)")
    ap.add_argument("--no-clusters", action="store_true", help="stage 1 without word-cluster features")
    ap.add_argument("--classifier-candidates-only", action="store_true",
                    help="train the cue classifier on the candidates only (not on gold cues the "
                         "candidates miss, which it never meets at run time)")
    ap.add_argument("--seed", type=int, default=7, help="perceptron shuffling seed")
    ap.add_argument("--tagger", type=Path, help="stage-1 tagger for the dev split (default: the shipped one)")
    args = ap.parse_args(argv)

    def log(msg):
        print(time.strftime("%H:%M:%S"), msg, flush=True)

    tr = read_polnear(args.data / "train")
    if args.select == "dev":
        sel = read_polnear(args.data / "dev")
    else:
        tr, sel = tr[:700], tr[700:]
    log(f"{len(tr)} train, {len(sel)} selection articles; stage 1 features")
    tr_docs, sel_docs = TT.prepare(tr), TT.prepare(sel)
    rates = TT.cue_rates(tr_docs)
    clusters = None if args.no_clusters else L.word_clusters("en")
    TT.featurize(tr_docs, rates, clusters)
    TT.featurize(sel_docs, rates, clusters)
    names1, index1 = TT.index_features(tr_docs, 2)
    TT.encode(tr_docs, index1)
    TT.encode(sel_docs, index1)
    cache = args.cache or (Path(__file__).resolve().parents[2] / "training" / "output"
                           / f"stage1_cv_{args.select}_{args.folds}{'_cl' if clusters else ''}.json")
    if cache.exists() and not args.no_cache:
        import json
        tags = json.loads(cache.read_text())
        for d in tr_docs:
            d["tags"] = tags[d["art"].name]
        log(f"stage 1 tags from {cache}")
    else:
        log("stage 1 cross-validation")
        cv_stage1(tr_docs, args.folds, args.stage1_epochs, log)
        import json
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps({d["art"].name: [int(x) for x in d["tags"]] for d in tr_docs}))
    if args.select == "dev":
        model = L.load_tagger(args.tagger) if args.tagger else L._tagger("en")
        for d in sel_docs:
            d["tags"] = L.tag_document(d["art"].text, d["sents"], A.lexicon("en"), model, d["toks"])[1]
    else:
        W, Tr, _, _ = TT.train(tr_docs, sel_docs, len(names1), args.stage1_epochs, log)
        stage1_tags(sel_docs, W, Tr + np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32))
    for d in tr_docs + sel_docs:
        d["info"] = L.doc_info(d["art"].text, d["toks"], d["sents"], d["quotes"], rates)
        d.pop("feats", None)
        d.pop("paras", None)
    global CANDIDATE_ROWS_ONLY
    CANDIDATE_ROWS_ONLY = args.classifier_candidates_only
    log("stage 2 instances")
    index: dict[str, int] = {}
    inst = instances(tr_docs, index, True, not args.no_gold_cues)
    EVAL_INDEX.update(index)
    # cue classifier features that describe the argument tagging: from 2-fold taggers
    mask = np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32)
    names_tr = sorted(d["art"].name for d in tr_docs)
    fold_of = {n: i % 2 for i, n in enumerate(names_tr)}
    rows = []
    for k in (0, 1):
        sub = [x for x in inst if fold_of[x[4]] != k]
        Wk, Tk, _, _ = train(sub, [], len(index), args.cv_epochs, lambda m: log(f"  arg fold {k}: {m}"),
                            seed=args.seed)
        mk = L.ArgModel(index, Wk, Tk + mask)
        for fs, pos, d, cue, names in CUE_ROWS:
            if fold_of[d["art"].name] == k:
                rows.append((fs + L.argument_path(d["info"], cue, mk, names)[2], pos))
    CUE_MODEL.update(fit_cue_classifier(rows, args.C, log))
    log(f"{len(inst)} instances, {sum(len(x[2]) for x in inst)} tokens, {len(index)} features")
    W, Tr, ep, scores = train(inst, sel_docs, len(index), args.epochs, log, seed=args.seed)
    log(f"best epoch {ep}: {scores}")
    best_t, best_f = 0.5, scores["content_overlap"]["f1"]
    for t in args.thresholds:
        sc = evaluate(sel_docs, W, Tr + np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32), t)
        log(f"threshold {t}: " + " ".join(f"{m}={sc[m]['f1']}" for m in METRICS)
            + f" co P/R={sc['content_overlap']['p']}/{sc['content_overlap']['r']}")
        if sc["content_overlap"]["f1"] > best_f:
            best_t, best_f = t, sc["content_overlap"]["f1"]
    log(f"threshold {best_t}: content overlap F1 {best_f}")
    names = [None] * len(index)
    for f, i in index.items():
        names[i] = f
    keep = np.nonzero(np.abs(W).max(1) >= 0.01)[0]
    np.savez_compressed(args.out, features=np.array([names[i] for i in keep]),
                        weights=W[keep].astype(np.float16), trans=Tr.astype(np.float32),
                        threshold=np.float32(best_t), cue_features=CUE_MODEL["features"],
                        cue_weights=CUE_MODEL["weights"].astype(np.float32), cue_bias=np.float32(CUE_MODEL["bias"]))
    log(f"wrote {args.out} ({len(keep)} features, {args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
