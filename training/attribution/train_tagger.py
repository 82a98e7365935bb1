"""Train the English attribution tagger on PolNeAR train and ship it as `tagger.npz`.

    nice -n 10 .venv/bin/python training/attribution/train_tagger.py /work/shared/data/polnear \
        [--epochs 12] [--min-count 2] [--select dev|heldout] [--no-rules] [--out PATH]

1. Gold tags: every token (``rassegna.attribution.tokenize``) takes the role (source, cue,
   content) of the gold span holding it, as BIO tags (`rassegna.attribution_learned.TAGS`).
2. Cue rates: how often each word of train is part of a gold cue (words seen in a cue ≥ 2 times).
3. Features: `rassegna.attribution_learned.token_features` (words, cue-likeness of the nearest words in
   the sentence, quotation, position, stacked rule candidates, and — when
   `models/attribution_en/word_clusters.json` exists (`train_clusters.py`) and `--no-clusters`
   is not given — distributional cluster ids); features seen < min-count times in train are
   dropped.
4. Averaged structured perceptron with BIO-constrained Viterbi over paragraphs, paragraphs
   shuffled each epoch; after every epoch the averaged weights are decoded into attributions
   and scored (content-overlap F1) on the selection split — dev (default), or the last 140
   train articles (then training uses the first 700 only). The best epoch is shipped.
The shipped file holds the feature names, float16 weights, the transition matrix and the cue
rates; `np.load(..., allow_pickle=False)` reads it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from rassegna import attribution as A
from rassegna import attribution_learned as L
from rassegna.evaluate.attribution import METRICS, read_polnear, score_predictions
from rassegna.sentences import split_sentences

OUT = Path(A.__file__).parent / "models" / "attribution_en" / "tagger.npz"
T = len(L.TAGS)
TAG_ID = {t: i for i, t in enumerate(L.TAGS)}
ROLE_TAG = {"content": "CON", "cue": "CUE", "source": "SRC"}


def gold_tags(art, toks) -> list[int]:
    label = [None] * len(toks)
    starts = [t.start for t in toks]
    for n, g in enumerate(art.gold):
        for role in ("content", "source", "cue"):
            for s, e in getattr(g, role):
                k = A.bisect_left(starts, s)
                while k < len(toks) and toks[k].start < e:
                    label[k] = (ROLE_TAG[role], n)
                    k += 1
    out = []
    for i, lab in enumerate(label):
        if lab is None:
            out.append(0)
        elif i > 0 and label[i - 1] == lab:
            out.append(TAG_ID["I-" + lab[0]])
        else:
            out.append(TAG_ID["B-" + lab[0]])
    return out


def prepare(articles, use_rules=True):
    lex = A.lexicon("en")
    docs = []
    for art in articles:
        sents = split_sentences(art.text, "en")
        toks = A.tokenize(art.text, lang="en")
        marks = L.rule_marks(art.text, sents, lex) if use_rules else []
        docs.append({"art": art, "sents": sents, "toks": toks, "gold": gold_tags(art, toks),
                     "marks": marks, "quotes": A.find_quotes(art.text)})
    return docs


def cue_rates(docs) -> dict[str, float]:
    cue, total = Counter(), Counter()
    for d in docs:
        for t, g in zip(d["toks"], d["gold"]):
            total[t.low] += 1
            if L.TAGS[g].endswith("CUE"):
                cue[t.low] += 1
    return {w: cue[w] / total[w] for w in cue if cue[w] >= 2}


def featurize(docs, rates, clusters=None):
    for d in docs:
        d["feats"] = L.token_features(d["art"].text, d["toks"], d["sents"], d["quotes"], d["marks"], rates,
                                      clusters)


def index_features(docs, min_count):
    counts = Counter(f for d in docs for fs in d["feats"] for f in fs)
    names = sorted(f for f, c in counts.items() if c >= min_count)
    return names, {f: i for i, f in enumerate(names)}


def encode(docs, index):
    """Per paragraph: (flat feature ids, reduceat offsets, gold tags)."""
    for d in docs:
        paras = []
        for a, b in L.paragraphs_of(d["art"].text, d["toks"]):
            ids, offs = [], []
            for k in range(a, b):
                offs.append(len(ids))
                ids.extend(index[f] for f in d["feats"][k] if f in index)
            paras.append((np.array(ids, dtype=np.int64), np.array(offs, dtype=np.int64),
                          np.array(d["gold"][a:b], dtype=np.int64), (a, b)))
        d["paras"] = paras


def emissions(W, ids, offs):
    if len(ids) == 0:
        return np.zeros((len(offs), T), dtype=np.float32)
    return np.add.reduceat(W[ids], offs, axis=0)


def decode_docs(docs, W, trans):
    def predicted(d):
        tags = []
        for ids, offs, _, _ in d["paras"]:
            tags += L.viterbi(emissions(W, ids, offs), trans)
        return L.attributions_from_tags(d["art"].text, d["toks"], tags, d["sents"])

    return score_predictions((d["art"].text, d["art"].gold, predicted(d)) for d in docs)


def train(docs, sel_docs, F, epochs, log, seed=13):
    mask = np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32)
    W = np.zeros((F, T), dtype=np.float32)
    U = np.zeros((F, T), dtype=np.float32)
    Tr = np.zeros((T + 1, T), dtype=np.float32)
    Ut = np.zeros((T + 1, T), dtype=np.float32)
    paras = [p for d in docs for p in d["paras"]]
    rng = random.Random(seed)
    c = 1.0
    best = (-1.0, None)
    for ep in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(paras)
        errors = 0
        for ids, offs, gold, _ in paras:
            emit = emissions(W, ids, offs)
            pred = np.array(L.viterbi(emit, Tr + mask), dtype=np.int64)
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
                prev_g = np.concatenate([[T], gold[:-1]])
                prev_p = np.concatenate([[T], pred[:-1]])
                for k in range(len(gold)):
                    if prev_g[k] != prev_p[k] or gold[k] != pred[k]:
                        Tr[prev_g[k], gold[k]] += 1
                        Tr[prev_p[k], pred[k]] -= 1
                        Ut[prev_g[k], gold[k]] += c
                        Ut[prev_p[k], pred[k]] -= c
            c += 1
        Wa, Ta = W - U / c, Tr - Ut / c
        scores = decode_docs(sel_docs, Wa, Ta + mask)
        f1 = scores["content_overlap"]["f1"]
        log(f"epoch {ep}: token errors {errors}, {time.time() - t0:.0f}s; selection "
            + " ".join(f"{m}={scores[m]['f1']}" for m in METRICS)
            + f" co P/R={scores['content_overlap']['p']}/{scores['content_overlap']['r']}")
        if f1 > best[0]:
            best = (f1, (Wa.copy(), Ta.copy(), ep, scores))
    return best[1]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--select", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--no-rules", action="store_true")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-clusters", action="store_true",
                    help="without the word-cluster features (word_clusters.json, train_clusters.py)")
    args = ap.parse_args(argv)

    def log(msg):
        print(time.strftime("%H:%M:%S"), msg, flush=True)

    tr = read_polnear(args.data / "train")
    if args.select == "dev":
        sel = read_polnear(args.data / "dev")
    else:
        tr, sel = tr[:700], tr[700:]
    log(f"{len(tr)} train articles, {len(sel)} selection articles; preparing")
    tr_docs, sel_docs = prepare(tr, not args.no_rules), prepare(sel, not args.no_rules)
    rates = cue_rates(tr_docs)
    clusters = None if args.no_clusters else L.word_clusters("en")
    log(f"word clusters: {len(clusters) if clusters else 'none'}")
    featurize(tr_docs, rates, clusters)
    featurize(sel_docs, rates, clusters)
    names, index = index_features(tr_docs, args.min_count)
    encode(tr_docs, index)
    encode(sel_docs, index)
    log(f"{len(names)} features, {sum(len(d['toks']) for d in tr_docs)} train tokens")
    W, Tr, ep, scores = train(tr_docs, sel_docs, len(names), args.epochs, log)
    log(f"best epoch {ep}: {scores}")
    keep = np.nonzero(np.abs(W).max(1) >= 0.01)[0]
    cue_words = sorted(rates)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, features=np.array([names[i] for i in keep]),
                        weights=W[keep].astype(np.float16), trans=Tr.astype(np.float32),
                        cue_words=np.array(cue_words),
                        cue_rates=np.array([rates[w] for w in cue_words], dtype=np.float32))
    log(f"wrote {args.out} ({len(keep)} features, {args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
