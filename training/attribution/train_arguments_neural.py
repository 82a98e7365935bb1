"""Train a cue-conditioned BiLSTM argument tagger on PolNeAR train → `arguments_neural.npz`.

    OMP_NUM_THREADS=1 .venv/bin/python training/attribution/train_arguments_neural.py \
        /work/shared/data/polnear --vectors training/output/vectors_en.npz --syntax --parse-tensor \
        [--epochs 8] [--seed 1] [--reach 1] [--out PATH]

The BiLSTM ensemble tags every attribution of a document in one sequence, so each token says only
whether it is some content, not whose. Here, as in semantic role labelling, every cue gets its own
reading of the sentences around it (the cue's sentence and `--reach` sentences either side), with
two more input flags (this token is the cue; this token is in the cue's sentence), and the tagger
marks that cue's source and content only. Inputs are otherwise the ensemble's
(`attribution_neural.token_inputs`), so the run-time code is the same numpy forward pass.

Training instances are the gold attributions that have a cue; selection on dev feeds the cues the
shipped ensemble predicts and replaces each predicted attribution's content and source by this
tagger's (the end-to-end setting), scored with the repository's eval.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from bisect import bisect_left
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_neural as TN  # noqa: E402
import train_tagger as TT  # noqa: E402

from rassegna import attribution as A  # noqa: E402
from rassegna import attribution_learned as L  # noqa: E402
from rassegna import attribution_neural as N  # noqa: E402
from rassegna.evaluate.attribution import score_predictions  # noqa: E402

T = len(L.TAGS)
TAG = {t: i for i, t in enumerate(L.TAGS)}
CUE_FLAGS = 2          # extra inputs: the token is the cue; the token is in the cue's sentence
CUE_SIDE = 120         # tokens either side of the cue at most (transcripts have very long "sentences")
OUT = Path(__file__).resolve().parents[2] / "training" / "output" / "arguments_neural.npz"


def sentence_of(d) -> list[int]:
    return L.token_positions(d["toks"], d["sents"], [])[0]


def token_runs(toks, spans) -> list[tuple[int, int]]:
    """Runs (first token, last + 1) of the tokens that the character spans overlap."""
    starts = [t.start for t in toks]
    covered = set()
    for s, e in spans:
        k = max(0, bisect_left(starts, s) - 1)
        while k < len(toks) and toks[k].start < e:
            if toks[k].end > s:
                covered.add(k)
            k += 1
    runs: list[tuple[int, int]] = []
    for k in sorted(covered):
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def cue_window(sent_of: list[int], cue, reach: int) -> tuple[int, int]:
    """The tokens (first, last + 1) read for a cue: its sentences and `reach` more either side,
    at most `CUE_SIDE` tokens either side of the cue. (Not the linear stage 2's
    `attribution_learned.arg_window`, which is fixed at one sentence either side within the
    paragraph: how far the tagger reads, `--reach`, was a variable of this experiment.)"""
    a, b = cue[0][0], cue[-1][1]
    lo = bisect_left(sent_of, sent_of[a] - reach)
    hi = bisect_left(sent_of, sent_of[b - 1] + reach + 1)
    return max(lo, a - CUE_SIDE), min(hi, b + CUE_SIDE)


def cue_inputs(inp: N.Inputs, sent_of: list[int], lo: int, hi: int, cue) -> N.Inputs:
    """The window's token inputs with the `CUE_FLAGS` columns after the dense flags."""
    flags = np.zeros((hi - lo, CUE_FLAGS), dtype=np.float32)
    for a, b in cue:
        flags[max(a, lo) - lo:min(b, hi) - lo, 0] = 1.0
    first, last = sent_of[cue[0][0]], sent_of[cue[-1][1] - 1]
    flags[:, 1] = [first <= sent_of[i] <= last for i in range(lo, hi)]
    return N.Inputs(words=inp.words[lo:hi], clusters=inp.clusters[lo:hi], chars=inp.chars[lo:hi],
                    dense=np.concatenate([inp.dense[lo:hi], flags], axis=1),
                    vectors=inp.vectors[lo:hi] if inp.vectors is not None else None)


def forced_emissions(scores: np.ndarray, cue, lo: int) -> np.ndarray:
    """One window's scores with the cue's tokens forced to be the cue and no other token a cue."""
    emit = scores.copy()
    emit[:, [TAG["B-CUE"], TAG["I-CUE"]]] -= 1e4
    for a, b in cue:
        emit[a - lo, TAG["B-CUE"]] += 2e4
        emit[a - lo + 1:b - lo, TAG["I-CUE"]] += 2e4
    return emit


def reading_for_cue(text: str, toks, scores: np.ndarray, trans: np.ndarray, cue, lo: int):
    """The BIO-constrained Viterbi path over one window's forced scores, and the attribution it
    reads (None when it marks no content)."""
    path = L.viterbi(forced_emissions(scores, cue, lo), trans)
    runs = {"CON": [], "SRC": []}
    for role, a, b in L.segments(path):
        if role in runs:
            runs[role].append((a + lo, b + lo))
    got = L.attributions_of_runs(text, toks, [{"cue": (cue[0][0], cue[-1][1]), "con": runs["CON"], "src": runs["SRC"]}])
    return path, (got[0] if got else None)


def gold_instances(d, reach: int):
    """One training window per gold attribution with a cue: its inputs with the cue flags, and
    the tags of that attribution's source, cue and content (every other token O)."""
    sent_of = sentence_of(d)
    toks = d["toks"]
    out, inside, total = [], 0, 0
    for g in d["art"].gold:
        if not g.cue:
            continue
        cue = token_runs(toks, g.cue)
        if not cue:
            continue
        lo, hi = cue_window(sent_of, cue, reach)
        tags = np.zeros(hi - lo, dtype=np.int64)
        for role, spans in (("CON", g.content), ("SRC", g.source), ("CUE", g.cue)):
            for a, b in token_runs(toks, spans):
                if role == "CON":
                    total += b - a
                    inside += max(0, min(b, hi) - max(a, lo))
                a, b = max(a, lo), min(b, hi)
                if a < b:
                    tags[a - lo] = TAG["B-" + role]
                    tags[a - lo + 1:b - lo] = TAG["I-" + role]
        out.append({"inp": cue_inputs(d["inp"], sent_of, lo, hi, cue), "gold": tags})
    return out, inside, total


def replaced(d, predicted, window_scores, trans):
    """The ensemble's attributions with each cued one's content and source read by this tagger
    (from torch's scores); one where the tagger marks no content is kept."""
    out = list(predicted)
    for k, window in enumerate(window_scores):
        if window is None:
            continue
        cue, lo, scores = window
        _, got = reading_for_cue(d["art"].text, d["toks"], scores, trans, cue, lo)
        if got is not None:
            out[k] = got
    return sorted(out, key=lambda x: (x.content.start, x.content.end))


def ensemble_predictions(docs, name: str):
    """The shipped ensemble's attributions for each document (cached)."""
    def compute():
        lex = A.lexicon("en")
        model = N.neural_tagger("en")
        out = []
        for d in docs:
            toks, tags, _ = N.neural_tags(d["art"].text, d["sents"], lex, model, d["toks"])
            out.append(L.neural_attributions(d["art"].text, toks, tags, d["sents"]))
        return out

    shipped = sorted((Path(N.__file__).parent / "models" / "attribution_en").glob("neural*.npz"))
    key = ([hashlib.sha256(p.read_bytes()).hexdigest() for p in shipped], [d["art"].text[:200] for d in docs])
    return TN.cached(TN.CACHE.parent / f"arguments_ensemble_{name}.pkl", key, compute)


def cue_windows(d, predicted, reach: int):
    """Per predicted attribution: (cue runs, first, last + 1, window inputs), or None where the
    run-time code keeps the ensemble's attribution (no cue, or a content outside the window)."""
    sent_of = sentence_of(d)
    toks = d["toks"]
    out = []
    for att in predicted:
        cue = token_runs(toks, [(att.cue.start, att.cue.end)]) if att.cue is not None else []
        if not cue:
            out.append(None)
            continue
        lo, hi = cue_window(sent_of, cue, reach)
        if not (toks[lo].start <= att.content.start and att.content.end <= toks[hi - 1].end):
            out.append(None)
            continue
        out.append((cue, lo, hi, cue_inputs(d["inp"], sent_of, lo, hi, cue)))
    return out


def torch_scores(net, windows):
    import torch

    items = [({"inp": w[3]}, (0, w[2] - w[1])) for w in windows if w is not None]
    out = []
    if items:
        with torch.no_grad():
            for k in range(0, len(items), 64):
                chunk = items[k:k + 64]
                w, cl, ch, dense, lengths, _, vec, lm = TN.batch_tensors(chunk)
                logits = net(w, cl, ch, dense, lengths, vec, lm).numpy()
                out += [logits[i, :n] for i, (_, (_, n)) in enumerate(chunk)]
    it = iter(out)
    return [None if w is None else (w[0], w[1], next(it)) for w in windows]


def evaluate(net, sel_docs, predicted, windows, trans):
    net.eval()
    scored = [torch_scores(net, ws) for ws in windows]
    net.train()
    return score_predictions((d["art"].text, d["art"].gold, replaced(d, pred, sc, trans))
                             for d, pred, sc in zip(sel_docs, predicted, scored))


def main(argv=None):
    ap = argparse.ArgumentParser()
    TN.add_model_options(ap, epochs=8, batch=32)
    ap.add_argument("--reach", type=int, default=1, help="sentences either side of the cue's")
    ap.add_argument("--later-annotators", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="train documents at most (a quick check)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    args.clusters, args.lm, args.crf = True, None, True
    if args.parse_tensor and not args.syntax:
        ap.error("--parse-tensor needs --syntax")

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    t0 = time.time()
    tr_docs, sel_docs = TN.prepared(args.data, "dev")
    rates = TT.cue_rates(tr_docs)
    vocab, chars = TN.build_vocab(tr_docs, args.vocab)
    clusters = L.word_clusters("en")
    vector_words, vec_table = TN.load_vectors(args.vectors) if args.vectors else (None, None)
    vector_ids = {w: i + 1 for i, w in enumerate(vector_words)} if vector_words else None
    tr_parses = TN.parsed(tr_docs, "train") if args.syntax else None
    sel_parses = TN.parsed(sel_docs, "dev") if args.syntax else None
    extra_docs = TN.prepared_later_annotators(args.data) if args.later_annotators else []
    extra_parses = TN.parsed(extra_docs, "train_later") if args.syntax and extra_docs else None
    if args.limit:
        tr_docs, tr_parses = tr_docs[:args.limit], tr_parses[:args.limit] if tr_parses else None
    TN.featurize(tr_docs, rates, vocab, chars, clusters, vector_ids, None, tr_parses, args.parse_tensor)
    TN.featurize(sel_docs, rates, vocab, chars, clusters, vector_ids, None, sel_parses, args.parse_tensor)
    if extra_docs:
        TN.featurize(extra_docs, rates, vocab, chars, clusters, vector_ids, None, extra_parses, args.parse_tensor)
    instances, inside, total = [], 0, 0
    for d in tr_docs + extra_docs:
        got, i, t = gold_instances(d, args.reach)
        instances += got
        inside, total = inside + i, total + t
    predicted = ensemble_predictions(sel_docs, "dev")
    windows = [cue_windows(d, p, args.reach) for d, p in zip(sel_docs, predicted)]
    own = score_predictions((d["art"].text, d["art"].gold, pred) for d, pred in zip(sel_docs, predicted))
    TN.log(f"the ensemble's own attributions: {TN.fmt(own)}")
    TN.log(f"{len(instances)} training windows ({sum(len(x['gold']) for x in instances)} tokens; "
           f"{inside / max(total, 1):.3f} of gold content tokens inside them); "
           f"{sum(w is not None for ws in windows for w in ws)} predicted cues on dev; prepared in {time.time() - t0:.0f}s")

    net = TN.make_model(args, len(vocab), len(chars), vec_table, 0, CUE_FLAGS)
    TN.log(f"{sum(p.numel() for p in net.parameters())} parameters; {vars(args)}")
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    items = [(x, (0, len(x["gold"]))) for x in instances]
    rng = random.Random(args.seed)
    mask = np.where(L.valid_transitions(), 0.0, -1e6).astype(np.float32)
    best = (-1.0, 0)
    for ep in range(1, args.epochs + 1):
        t1 = time.time()
        total_loss = TN.train_epoch(net, opt, items, args, rng, ep, lambda item: len(item[0]["gold"]) // 10)
        t2 = time.time()
        trans = net.trans.detach().numpy() + mask
        res = evaluate(net, sel_docs, predicted, windows, trans)
        TN.log(f"epoch {ep}: loss {total_loss:.4f} train {t2 - t1:.0f}s eval {time.time() - t2:.0f}s | "
               + TN.fmt(res))
        f1 = res["content_overlap"]["f1"]
        if f1 > best[0]:
            best = (f1, ep)
            TN.export(net, args, vocab, chars, rates, args.out, vector_words)
    TN.log(f"best epoch {best[1]} (content-overlap F1 {best[0]:.4f}); total {time.time() - t0:.0f}s; wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
