"""Train the English BiLSTM attribution tagger on PolNeAR train → `neural.npz` (numpy weights).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/attribution/train_neural.py \
        /work/shared/data/polnear [--epochs 12] [--crf] [--layers 2] [--hidden 128] [--seed 1] \
        [--select dev|heldout] [--modes s1 s2 s2cue s2mix] [--out PATH]

Shipped (v4, two seeds): `--epochs 14 --crf --modes s1 --decay-after 10 --decay 0.3 --seed 1|2
--vectors training/output/vectors_en.npz` (≈ 72 min each on one thread), then
`share_vectors.py`; commands in docs/attribution.md.

Needs PyTorch (`pip install -e '.[train]'`, CPU build); run time does not (the forward pass is
re-implemented in numpy in `rassegna.attribution_neural`).
1. Gold tags as for the linear tagger (`train_tagger.gold_tags`: every token takes the role of
   the gold span holding it, BIO over source/cue/content).
2. Inputs (`attribution_neural.token_inputs`): lowercased word (vocabulary of the `--vocab` most
   frequent train words seen ≥ 2 times), with `--vectors` its frozen vector learned from
   unlabeled text (`train_clusters.py --vectors`), the two word-cluster ids, characters (CNN), and flags
   (quotation, sentence/paragraph boundaries, cue-rate bucket, shape, stacked rule candidates);
   with `--syntax` also flags from the packaged English dependency parser
   (`attribution_neural.syntax_flags`; parses cached in training/output/neural_syntax_*.pkl).
   Sequences are chunks of whole paragraphs (`chunks_of`, ≈ 200 tokens).
3. BiLSTM (`--layers`, `--hidden` per direction), dropout, softmax cross-entropy per token
   or, with `--crf`, a linear-chain CRF (learned transitions, exported as `trans`), Adam, fixed
   seed, one CPU thread. After each epoch the selection split is decoded
   (BIO-constrained Viterbi, then `attributions_from_tags` = mode s1; `--modes` adds the
   shipped stage 2 fed with these tags) and scored with the repository's attribution eval; the
   best epoch (by `--select-metric`) is exported as float16 numpy arrays.
Selection split: dev (default; as the linear taggers do) or the last 140 train articles
(`--select heldout`, training on the first 700).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.special import log_softmax

sys.path.insert(0, str(Path(__file__).parent))
import train_tagger as TT  # noqa: E402

from rassegna import attribution as A  # noqa: E402
from rassegna import attribution_learned as L  # noqa: E402
from rassegna import attribution_neural as N  # noqa: E402
from rassegna.evaluate.attribution import read_polnear, score_predictions  # noqa: E402
from rassegna.syntax import TENSOR_WIDTH  # noqa: E402

OUT = Path(A.__file__).parent / "models" / "attribution_en" / "neural.npz"
CACHE = Path(__file__).resolve().parents[2] / "training" / "output" / "neural_prep.pkl"
T = len(L.TAGS)


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def cached(path: Path, key, compute):
    """`compute()`, kept in a pickle at `path` and read back while `key` is the same."""
    if path.exists():
        with path.open("rb") as f:
            got = pickle.load(f)
        if got["key"] == key:
            return got["value"]
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump({"key": key, "value": value}, f)
    return value


def prepared(data: Path, select: str):
    """Tokenised train/selection documents with gold tags and rule marks (cached: the rule
    candidates take a while)."""
    def compute():
        tr = read_polnear(data / "train")
        if select == "dev":
            sel = read_polnear(data / "dev")
        else:
            tr, sel = tr[:700], tr[700:]
        return TT.prepare(tr), TT.prepare(sel)

    return cached(CACHE, (str(data), select), compute)


def prepared_later_annotators(data: Path):
    """The further annotation files of train texts annotated several times, prepared like the rest
    (cached apart, so the main cache stays valid)."""
    return cached(CACHE.parent / "neural_prep_later.pkl", str(data),
                  lambda: TT.prepare(read_polnear(data / "train", later_annotators=True)))


def prepared_extra(folder: Path):
    """Further training documents in PolNeAR's layout (`pseudo_label.py` writes news labelled by
    the shipped system), prepared like the rest and cached under the folder's name and its labels."""
    labels = hashlib.sha256(b"".join(p.read_bytes() for p in sorted((folder / "attributions").glob("*.ann"))))
    return cached(CACHE.parent / f"neural_prep_extra_{folder.name}.pkl", (str(folder.resolve()), labels.hexdigest()),
                  lambda: TT.prepare(read_polnear(folder)))


def build_vocab(docs, cap: int):
    words = Counter(t.low for d in docs for t in d["toks"])
    vocab = [w for w, c in sorted(words.items(), key=lambda x: (-x[1], x[0])) if c >= 2][:cap]
    chars = Counter(ch for d in docs for t in d["toks"] for ch in t.text[:N.MAX_WORD_CHARS])
    char_list = sorted(c for c, k in chars.items() if k >= 5)
    return vocab, char_list


def parsed(docs, name: str):
    """Per document: its dependency parse on our tokens (`syntax.parse_tokens`; cached, the
    parser takes a minute or two over train)."""
    from rassegna.syntax import MODEL_VERSION, parse_tokens

    return cached(CACHE.parent / f"neural_syntax_{name}.pkl",
                  (MODEL_VERSION, "Parse", [d["art"].text[:200] for d in docs]),
                  lambda: [parse_tokens(d["art"].text, d["sents"], [t.start for t in d["toks"]],
                                        [t.end for t in d["toks"]]) for d in docs])


def featurize(docs, rates, vocab, chars, clusters, vector_ids=None, lm=None, parses=None, parse_tensor=False):
    v = {w: i + 2 for i, w in enumerate(vocab)}
    c = {x: i + 2 for i, x in enumerate(chars)}
    for k, d in enumerate(docs):
        d["inp"] = N.token_inputs(d["art"].text, d["toks"], d["sents"], d["quotes"], d["marks"], rates, v, c,
                                  clusters, vector_ids, parses[k] if parses is not None else None, parse_tensor)
        d["ranges"] = N.chunks_of(d["art"].text, d["toks"])
        if lm is not None:
            # the language model is frozen: its states are computed once, by the run-time code
            d["inp"].lm = lm.states(d["toks"], d["ranges"])


def load_vectors(path: Path):
    """Frozen word vectors (`train_clusters.py --vectors`): words and a table whose row 0 (no
    vector) is zeros."""
    with np.load(path, allow_pickle=False) as z:
        words = [str(w) for w in z["words"]]
        table = np.vstack([np.zeros((1, z["vectors"].shape[1]), np.float32), z["vectors"].astype(np.float32)])
    return words, table


def make_model(args, n_vocab, n_chars, vec_table=None, lm_size=0, extra_dense=0):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.word = nn.Embedding(n_vocab + 2, args.word_dim, padding_idx=0)
            size = args.word_dim
            if vec_table is not None:
                # pretrained on unlabeled text and kept frozen: words unseen in train keep a
                # meaningful vector instead of the shared unknown one
                self.vec = nn.Embedding.from_pretrained(torch.from_numpy(vec_table), freeze=True)
                size += vec_table.shape[1]
            if args.clusters:
                self.cl0 = nn.Embedding(65, 8)
                self.cl1 = nn.Embedding(257, 16)
                size += 24
            if args.char_filters:
                self.char = nn.Embedding(n_chars + 2, 16, padding_idx=0)
                self.conv = nn.Conv1d(16, args.char_filters, 3, padding=1)
                size += args.char_filters
            size += N.N_DENSE + (N.N_SYNTAX if args.syntax else 0) + (TENSOR_WIDTH if args.parse_tensor else 0) + extra_dense
            if lm_size:
                # the language model's states (2 × 256) projected down before the BiLSTM
                self.lm_proj = nn.Linear(lm_size, args.lm_dim)
                size += args.lm_dim
            self.drop = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(size, args.hidden, num_layers=args.layers, bidirectional=True,
                                batch_first=True, dropout=args.dropout if args.layers > 1 else 0.0)
            self.out = nn.Linear(2 * args.hidden, T)
            if args.crf:
                # transitions (last row: start); invalid BIO moves are fixed at -1e4
                self.trans = nn.Parameter(torch.zeros(T + 1, T))
                self.register_buffer("bio", torch.from_numpy(
                    np.where(L.valid_transitions(), 0.0, -1e4).astype(np.float32)))

        def embed(self, w, cl, ch, dense, vec=None, lm=None):
            parts = [self.word(w)]
            if vec_table is not None:
                parts.append(self.vec(vec))
            if args.clusters:
                parts += [self.cl0(cl[..., 0]), self.cl1(cl[..., 1])]
            if args.char_filters:
                b, s, length = ch.shape
                ce = self.char(ch.view(b * s, length)).transpose(1, 2)          # (bs, 16, L)
                conv = torch.relu(self.conv(ce)) * (ch.view(b * s, 1, length) > 0)
                parts.append(conv.max(2).values.view(b, s, -1))
            parts.append(dense)
            if lm_size:
                parts.append(self.lm_proj(lm))
            return torch.cat(parts, -1)

        def forward(self, w, cl, ch, dense, lengths, vec=None, lm=None):
            x = self.drop(self.embed(w, cl, ch, dense, vec, lm))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=w.shape[1])
            return self.out(self.drop(h))

        def crf_loss(self, emit, gold, lengths):
            """Negative log-likelihood of the gold paths (linear-chain CRF), summed."""
            trans = self.trans + self.bio
            bsz, steps, _ = emit.shape
            mask = torch.arange(steps)[None, :] < lengths[:, None]
            g = gold.clamp(min=0)
            score = trans[T, g[:, 0]] + emit[:, 0].gather(1, g[:, :1]).squeeze(1)
            alpha = trans[T][None] + emit[:, 0]
            body = trans[:T]
            for i in range(1, steps):
                m = mask[:, i]
                step = trans[g[:, i - 1], g[:, i]] + emit[:, i].gather(1, g[:, i:i + 1]).squeeze(1)
                score = score + torch.where(m, step, torch.zeros_like(step))
                nxt = torch.logsumexp(alpha[:, :, None] + body[None], 1) + emit[:, i]
                alpha = torch.where(m[:, None], nxt, alpha)
            return (torch.logsumexp(alpha, 1) - score).sum()

    return Net()


def batch_tensors(items):
    """items: (doc, (a, b)) chunks → padded tensors."""
    import torch

    lengths = [b - a for _, (a, b) in items]
    steps = max(lengths)
    bsz = len(items)
    w = np.zeros((bsz, steps), dtype=np.int64)
    cl = np.zeros((bsz, steps, 2), dtype=np.int64)
    ch = np.zeros((bsz, steps, N.MAX_WORD_CHARS), dtype=np.int64)
    dense = np.zeros((bsz, steps, items[0][0]["inp"].dense.shape[1]), dtype=np.float32)
    vec = np.zeros((bsz, steps), dtype=np.int64)
    first = items[0][0]["inp"].lm
    lm = np.zeros((bsz, steps, first.shape[1] if first is not None else 0), dtype=np.float32)
    gold = np.full((bsz, steps), -100, dtype=np.int64)
    for k, (d, (a, b)) in enumerate(items):
        inp = d["inp"]
        w[k, :b - a] = inp.words[a:b]
        cl[k, :b - a] = inp.clusters[a:b]
        ch[k, :b - a] = inp.chars[a:b]
        dense[k, :b - a] = inp.dense[a:b]
        if inp.vectors is not None:
            vec[k, :b - a] = inp.vectors[a:b]
        if inp.lm is not None:
            lm[k, :b - a] = inp.lm[a:b]
        if "gold" in d:
            gold[k, :b - a] = d["gold"][a:b]
    return (torch.from_numpy(w), torch.from_numpy(cl), torch.from_numpy(ch), torch.from_numpy(dense),
            torch.tensor(lengths), torch.from_numpy(gold), torch.from_numpy(vec), torch.from_numpy(lm))


def predict_logp(net, docs, crf=False):
    """Per document: (n, T) log-probabilities from the torch model (eval mode); the raw scores
    with a CRF (decoded with its transitions)."""
    import torch

    net.eval()
    out = []
    with torch.no_grad():
        for d in docs:
            items = [(d, r) for r in d["ranges"]]
            w, cl, ch, dense, lengths, _, vec, lm = batch_tensors(items)
            logits = net(w, cl, ch, dense, lengths, vec, lm).numpy()
            lp = np.zeros((len(d["toks"]), T), dtype=np.float32)
            for k, (a, b) in enumerate(d["ranges"]):
                lp[a:b] = logits[k, :b - a]
            out.append(lp if crf else log_softmax(lp, axis=1))
    net.train()
    return out


def stage2_attributions(d, tags, args_model, cue_rate, mode):
    """Stage 2 of the shipped pipeline fed with these stage-1 tags. mode 's2': as shipped
    (candidates + classifier); 's2cue': the tagger's own CUE runs are the cues (classifier
    skipped); 's2mix': the tagger's CUE runs, plus other candidates the classifier keeps."""
    text = d["art"].text
    info = L.doc_info(text, d["toks"], d["sents"], d["quotes"], cue_rate)
    names = [L.TAGS[t] for t in tags]
    if mode == "s2":
        found = L.tag_arguments(info, L.cue_candidates(info, tags), args_model, names)
    else:
        runs = [(a, b) for role, a, b in L.segments(tags) if role == "CUE"]
        found = []
        covered = {k for a, b in runs for k in range(a, b)}
        cands = [(c, True) for c in runs]
        if mode == "s2mix":
            cands += [(c, False) for c in L.cue_candidates(info, tags) if c[0] not in covered]
        for cue, own in cands:
            win, path, summary = L.argument_path(info, cue, args_model, names)
            conf = L.cue_probability(args_model, L.cue_features(info, cue, names) + summary)
            if not own and conf < args_model.threshold:
                continue
            if own:
                conf = 1.0 + conf
            con, src = [], []
            for role, a, b in L.segments_of(path, L.ARG_TAGS):
                (con if role == "CON" else src).append((a + win[0], b + win[0]))
            found.append({"cue": cue, "con": con, "src": src, "conf": conf})
        found = L.resolve_arguments(found, info.sent_of)
    return L.attributions_from_arguments(info, found)


def evaluate(docs, logps, trans, modes, args_model=None, cue_rate=None):
    res = {}
    for mode in modes:
        def predicted(d, lp, mode=mode):
            tags = N.decode_tags(lp, d["ranges"], trans)
            if mode == "s1":
                return L.attributions_from_tags(d["art"].text, d["toks"], tags, d["sents"])
            return stage2_attributions(d, tags, args_model, cue_rate, mode)

        res[mode] = score_predictions((d["art"].text, d["art"].gold, predicted(d, lp)) for d, lp in zip(docs, logps))
    return res


def fmt(scores):
    co = scores["content_overlap"]
    return (f"co {co['p']:.3f}/{co['r']:.3f}/{co['f1']:.4f} ex {scores['content_exact']['f1']:.3f} "
            f"src {scores['source']['f1']:.3f} cue {scores['cue']['f1']:.3f}")


def export(net, args, vocab, chars, rates, path: Path, vector_words=None):
    import os

    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    p = {"emb.word": sd["word.weight"], "out.w": sd["out.weight"], "out.b": sd["out.bias"]}
    if args.clusters:
        p["emb.cl0"], p["emb.cl1"] = sd["cl0.weight"], sd["cl1.weight"]
    extra = {}
    if vector_words is not None:
        p["emb.vec"] = sd["vec.weight"]
        extra["vector_words"] = np.array(vector_words)
    if args.lm:
        p["lm.proj_w"], p["lm.proj_b"] = sd["lm_proj.weight"], sd["lm_proj.bias"]
        # read beside the model by `load_neural`: a path relative to the model's folder
        extra["lm_file"] = np.array(os.path.relpath(args.lm.resolve(), path.resolve().parent))
    if args.syntax:
        extra["syntax"] = np.array(1)      # reads `syntax_flags` after the dense flags
    if args.parse_tensor:
        extra["parse_tensor"] = np.array(1)   # and the parser's vectors after those
    if args.char_filters:
        p["emb.char"], p["char.conv_w"], p["char.conv_b"] = sd["char.weight"], sd["conv.weight"], sd["conv.bias"]
    for layer in range(args.layers):
        for suf in ("", "_reverse"):
            p[f"lstm.w_ih_l{layer}{suf}"] = sd[f"lstm.weight_ih_l{layer}{suf}"]
            p[f"lstm.w_hh_l{layer}{suf}"] = sd[f"lstm.weight_hh_l{layer}{suf}"]
            p[f"lstm.b_l{layer}{suf}"] = sd[f"lstm.bias_ih_l{layer}{suf}"] + sd[f"lstm.bias_hh_l{layer}{suf}"]
    cue_words = sorted(rates)
    arrays = {"p:" + k: v.astype(np.float16) for k, v in p.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, vocab=np.array(vocab), chars=np.array(chars), cue_words=np.array(cue_words),
                        cue_rates=np.array([rates[w] for w in cue_words], dtype=np.float32),
                        layers=np.array(args.layers), **arrays, **extra,
                        **({"trans": net.trans.detach().numpy().astype(np.float32)} if args.crf else {}))


def train_epoch(net, opt, items, args, rng: random.Random, ep: int, bucket) -> float:
    """One pass over the (document, (first, last + 1)) items in batches of similar length
    (`bucket(item)`: less padding), in shuffled order; the learning rate multiplied by
    `args.decay` from epoch `args.decay_after` + 1 on. Returns the mean batch loss."""
    import torch

    if args.decay_after and ep == args.decay_after + 1:
        # a lower rate once the constant-rate run has levelled off (v2 was still rising at 10)
        for group in opt.param_groups:
            group["lr"] = args.lr * args.decay
    rng.shuffle(items)
    order = sorted(range(len(items)), key=lambda k: bucket(items[k]))
    batches = [order[k:k + args.batch] for k in range(0, len(order), args.batch)]
    rng.shuffle(batches)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    total = 0.0
    for bidx in batches:
        w, cl, ch, dense, lengths, gold, vec, lm_batch = batch_tensors([items[k] for k in bidx])
        logits = net(w, cl, ch, dense, lengths, vec, lm_batch)
        if args.crf:
            loss = net.crf_loss(logits, gold, lengths) / float(lengths.sum())
        else:
            loss = loss_fn(logits.reshape(-1, T), gold.reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        total += float(loss.detach())
    return total / len(batches)


def add_model_options(ap: argparse.ArgumentParser, epochs: int, batch: int) -> None:
    """The data folder, the network's shape, its inputs and the optimiser's settings (shared with
    `train_arguments_neural.py`)."""
    ap.add_argument("data", type=Path)
    ap.add_argument("--epochs", type=int, default=epochs)
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--word-dim", type=int, default=64)
    ap.add_argument("--vocab", type=int, default=12000)
    ap.add_argument("--char-filters", type=int, default=32)
    ap.add_argument("--vectors", type=Path, help="frozen word vectors (train_clusters.py --vectors)")
    ap.add_argument("--syntax", action="store_true",
                    help="dependency-parse flags (rassegna.syntax, the packaged English parser) as inputs")
    ap.add_argument("--parse-tensor", action="store_true",
                    help="with --syntax, also the parser's contextual token vectors (spaCy's doc.tensor)")
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decay-after", type=int, default=0,
                    help="from this epoch on, the learning rate is multiplied by --decay (0: constant)")
    ap.add_argument("--decay", type=float, default=0.3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=batch)
    ap.add_argument("--seed", type=int, default=1)


def main(argv=None):
    ap = argparse.ArgumentParser()
    add_model_options(ap, epochs=12, batch=16)
    ap.add_argument("--no-clusters", dest="clusters", action="store_false")
    ap.add_argument("--lm", type=Path, help="a word language model (train_lm.py) whose states are inputs")
    ap.add_argument("--lm-dim", type=int, default=128, help="the size its states are projected to")
    ap.add_argument("--crf", action="store_true", help="a linear-chain CRF on top (else softmax)")
    ap.add_argument("--select", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--select-metric", choices=("s1", "s2", "s2cue", "s2mix"), default="s1")
    ap.add_argument("--modes", nargs="+", default=["s1", "s2", "s2cue", "s2mix"])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--later-annotators", action="store_true",
                    help="also train on the further annotators' files of the train texts annotated several times "
                         "(cue rates and vocabulary still come from the first annotator's)")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="a folder in PolNeAR's layout of further training documents (pseudo_label.py); "
                         "repeatable; cue rates and vocabulary still come from PolNeAR train")
    ap.add_argument("--average-from", type=int, default=0,
                    help="from this epoch on, also keep the running mean of the weights after each epoch "
                         "(stochastic weight averaging) and score it; the better of the two is selected")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    t0 = time.time()
    tr_docs, sel_docs = prepared(args.data, args.select)
    rates = TT.cue_rates(tr_docs)
    vocab, chars = build_vocab(tr_docs, args.vocab)
    clusters = L.word_clusters("en") if args.clusters else None
    vector_words, vec_table = load_vectors(args.vectors) if args.vectors else (None, None)
    vector_ids = {w: i + 1 for i, w in enumerate(vector_words)} if vector_words else None
    lm = N.load_lm(str(args.lm)) if args.lm else None
    tr_parses = parsed(tr_docs, "train") if args.syntax else None
    extra_docs = prepared_later_annotators(args.data) if args.later_annotators else []
    extra_parses = parsed(extra_docs, "train_later") if args.syntax and extra_docs else None
    for folder in args.extra:
        docs = prepared_extra(folder)
        extra_docs += docs
        if args.syntax:
            extra_parses = (extra_parses or []) + parsed(docs, f"extra_{folder.name}")
    sel_parses = parsed(sel_docs, args.select) if args.syntax else None
    if args.parse_tensor and not args.syntax:
        ap.error("--parse-tensor needs --syntax")
    featurize(tr_docs, rates, vocab, chars, clusters, vector_ids, lm, tr_parses, args.parse_tensor)
    featurize(sel_docs, rates, vocab, chars, clusters, vector_ids, lm, sel_parses, args.parse_tensor)
    if extra_docs:
        featurize(extra_docs, rates, vocab, chars, clusters, vector_ids, lm, extra_parses, args.parse_tensor)
    log(f"{len(tr_docs)} train (+{len(extra_docs)} further annotations or extra documents) / {len(sel_docs)} selection docs, vocab {len(vocab)}, chars {len(chars)}, "
        f"prepared in {time.time() - t0:.0f}s")
    args_model = L._arg_model("en")
    trans = np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32)

    net = make_model(args, len(vocab), len(chars), vec_table,
                     2 * lm.params["fw.w_hh"].shape[1] if lm is not None else 0)
    log(f"{sum(p.numel() for p in net.parameters())} parameters; {vars(args)}")
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    items = [(d, r) for d in tr_docs + extra_docs for r in d["ranges"]]
    rng = random.Random(args.seed)
    best = (-1.0, None, 0, None)
    averaged = None
    for ep in range(1, args.epochs + 1):
        t1 = time.time()
        total = train_epoch(net, opt, items, args, rng, ep, lambda item: (item[1][1] - item[1][0]) // 20)
        t2 = time.time()
        logps = predict_logp(net, sel_docs, args.crf)
        if args.crf:
            trans = net.trans.detach().numpy() + np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32)
        res = evaluate(sel_docs, logps, trans, args.modes, args_model, args_model and rates)
        log(f"epoch {ep}: loss {total:.4f} train {t2 - t1:.0f}s eval {time.time() - t2:.0f}s | "
            + " | ".join(f"{m}: {fmt(s)}" for m, s in res.items()))
        f1 = res[args.select_metric]["content_overlap"]["f1"]
        if f1 > best[0]:
            best = (f1, {k: v.clone() for k, v in net.state_dict().items()}, ep, res)
            export(net, args, vocab, chars, rates, args.out, vector_words)   # so a long run can be stopped early
        if args.average_from and ep >= args.average_from:
            # the dev score swings by ±0.005 from epoch to epoch late in training; the mean of the
            # late weights sits between those points (Izmailov et al. 2018)
            if averaged is None:
                averaged = torch.optim.swa_utils.AveragedModel(net)
            averaged.update_parameters(net)
            logps = predict_logp(averaged.module, sel_docs, args.crf)
            if args.crf:
                trans = averaged.module.trans.detach().numpy() + np.where(L.valid_transitions(), 0.0,
                                                                          -1e6).astype(np.float32)
            res = evaluate(sel_docs, logps, trans, args.modes, args_model, args_model and rates)
            log(f"epoch {ep} averaged over {int(averaged.n_averaged)}: "
                + " | ".join(f"{m}: {fmt(s)}" for m, s in res.items()))
            f1 = res[args.select_metric]["content_overlap"]["f1"]
            if f1 > best[0]:
                best = (f1, {k: v.clone() for k, v in averaged.module.state_dict().items()}, ep, res)
                export(averaged.module, args, vocab, chars, rates, args.out, vector_words)
    net.load_state_dict(best[1])
    log(f"best epoch {best[2]} ({args.select_metric} content-overlap F1 {best[0]:.4f}); total {time.time() - t0:.0f}s")
    for m, s in best[3].items():
        log(f"  {m}: {fmt(s)}")
    export(net, args, vocab, chars, rates, args.out, vector_words)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    sys.exit(main())
