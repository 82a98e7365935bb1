"""Distributional word clusters for the English attribution models → `word_clusters.json`.

    OMP_NUM_THREADS=1 nice -n 5 .venv/bin/python training/attribution/train_clusters.py \
        /work/shared/data [--out PATH] [--k 64 256] [--min-count 3] [--lang en|it]

`--lang it` (for the Italian NER mention classifier, `--out
src/rassegna/models/ner_it/word_clusters.json`) reads KIND train, WikiNEuRal it and the
facta-it paragraphs instead.

Unlabeled English text only: PolNeAR *train* texts (not dev/test), WikiNEuRal en (conllu
tokens), MEANTIME en (NAF tokens) and TempEval-3 TBAQ (TimeML with the tags stripped). Words are
lower-cased `rassegna.attribution.tokenize` tokens (as `Tok.low`).
1. Co-occurrence counts of every word (count ≥ --min-count) with the 3,000 most frequent words
   at relative positions −2, −1, +1, +2 (position-marked contexts).
2. Positive PMI (context distribution smoothed with α = 0.75), truncated SVD to 64 dimensions
   (`sklearn.utils.extmath.randomized_svd`, fixed seed), rows L2-normalised.
3. k-means (fixed seed) for each k in --k; a word's cluster ids are written as one small json:
   {"k": [64, 256], "words": {word: [c64, c256]}}. No pickle, a few hundred kB.
With `--vectors PATH` the SVD vectors of the `--vectors-max` most frequent words are written
too (npz: words, float16 vectors): the BiLSTM tagger's frozen word vectors (`train_neural.py
--vectors`). (The k-means ids may differ between machines and thread counts; the shipped
`word_clusters.json` is the file the models were trained with.)
These ids are features of the cue classifier (`attribution_learned.cue_features`), so rare cue
verbs and nouns share weight with frequent ones of the same cluster.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from rassegna import attribution as A

OUT = Path(A.__file__).parent / "models" / "attribution_en" / "word_clusters.json"


def corpus(root: Path, wikineural: tuple[str, ...] = ("val", "test")):
    """Token lists (lower-cased), one per sentence or document."""
    for p in sorted((root / "polnear" / "train" / "text").glob("*.txt")):
        yield [t.low for t in A.tokenize(p.read_text(encoding="utf-8"), lang="en")]
    for p in sorted(root / "wikineural" / "en" / f"{split}.conllu" for split in wikineural):
        sent = []
        for line in p.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 2 and parts[0].isdigit():
                if parts[0] == "0" and sent:
                    yield sent
                    sent = []
                sent.append(parts[1].lower())
            elif sent:
                yield sent
                sent = []
        if sent:
            yield sent
    for p in sorted((root / "meantime-en").rglob("*.xml")):
        toks = re.findall(r"<token [^>]*>([^<]*)</token>", p.read_text(encoding="utf-8"))
        if toks:
            yield [t.lower() for t in toks]
    for p in sorted((root / "tempeval3" / "TBAQ-cleaned").rglob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        body = re.sub(r"<[^>]+>", "", m.group(1) if m else raw)
        yield [t.low for t in A.tokenize(body, lang="en")]


def corpus_it(root: Path):
    """Italian token lists: the raw text `training/ner/raw_text.py` collects (KIND train, not
    dev; WikiNEuRal it; facta-it paragraphs, tokenised here)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ner"))
    import raw_text

    for words in raw_text.token_sentences(root):
        yield [w.lower() for w in words]
    for para in raw_text.facta_paragraphs(root):
        yield [t.low for t in A.tokenize(para, lang="it")]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--lang", choices=("en", "it", "en-ner"), default="en",
                    help="it: the Italian corpus (for the NER mention classifier); en-ner: the "
                         "English one without WikiNEuRal en test (the English NER is scored on it)")
    ap.add_argument("--k", type=int, nargs="+", default=[64, 256])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--contexts", type=int, default=3000)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--vectors", type=Path,
                    help="also write the SVD word vectors of the --vectors-max most frequent words "
                         "(npz: words, float16 vectors) for the BiLSTM's frozen embedding input")
    ap.add_argument("--vectors-max", type=int, default=25000)
    args = ap.parse_args(argv)

    def log(msg):
        print(time.strftime("%H:%M:%S"), msg, flush=True)

    sents = list(corpus_it(args.data) if args.lang == "it"
                 else corpus(args.data, ("val",)) if args.lang == "en-ner" else corpus(args.data))
    counts = Counter(w for s in sents for w in s)
    log(f"{len(sents)} pieces, {sum(counts.values())} tokens, {len(counts)} types")
    vocab = sorted((w for w, c in counts.items() if c >= args.min_count), key=lambda w: (-counts[w], w))
    vid = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:args.contexts])}
    C = len(ctx)
    rows, cols = [], []
    for s in sents:
        ids = [vid.get(w, -1) for w in s]
        cids = [ctx.get(w, -1) for w in s]
        for i, v in enumerate(ids):
            if v < 0:
                continue
            for slot, off in enumerate((-2, -1, 1, 2)):
                j = i + off
                if 0 <= j < len(s) and cids[j] >= 0:
                    rows.append(v)
                    cols.append(slot * C + cids[j])
    M = sparse.coo_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                          shape=(len(vocab), 4 * C)).tocsr()
    M.sum_duplicates()
    log(f"co-occurrence {M.shape}, {M.nnz} cells")
    total = M.sum()
    pw = np.asarray(M.sum(1)).ravel() / total
    pc = np.asarray(M.sum(0)).ravel() ** 0.75
    pc /= pc.sum()
    M = M.tocoo()
    pmi = np.log(M.data / total / (pw[M.row] * pc[M.col]))
    keep = pmi > 0
    P = sparse.csr_matrix((pmi[keep].astype(np.float32), (M.row[keep], M.col[keep])), shape=M.shape)
    from sklearn.cluster import KMeans
    from sklearn.utils.extmath import randomized_svd

    U, S, _ = randomized_svd(P, args.dim, random_state=0)
    X = U * np.sqrt(S)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    log(f"svd {X.shape}")
    if args.vectors:
        top = min(args.vectors_max, len(vocab))
        np.savez_compressed(args.vectors, words=np.array(vocab[:top]), vectors=X[:top].astype(np.float16))
        log(f"wrote {args.vectors} ({top} words, {args.vectors.stat().st_size / 1e6:.2f} MB)")
    ids = []
    for k in args.k:
        km = KMeans(k, n_init=1, random_state=0, max_iter=100).fit(X)
        ids.append(km.labels_.astype(int))
        log(f"k-means {k}")
    words = {w: [int(c[i]) for c in ids] for i, w in enumerate(vocab)}
    args.out.write_text(json.dumps({"k": args.k, "words": words}, separators=(",", ":"), sort_keys=True))
    log(f"wrote {args.out} ({len(words)} words, {args.out.stat().st_size / 1e6:.2f} MB)")
    for probe in ("said", "told", "claimed", "denied", "insisted", "statement", "according", "believes",
                  "ha", "detto", "comune", "sindaco", "squadra", "città"):
        if probe in vid:
            c = words[probe][-1]
            log(f"{probe}: " + " ".join([w for w in vocab if words[w][-1] == c][:15]))


if __name__ == "__main__":
    sys.exit(main())
