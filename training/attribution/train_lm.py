"""A small bidirectional word language model on unlabeled English → `lm_en.npz` (numpy weights),
whose hidden states the BiLSTM attribution tagger reads as contextual features
(`train_neural.py --lm`).

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/attribution/train_lm.py \
        /work/shared/data [--epochs 4] [--hidden 256] [--out training/output/lm_en.npz]

Why: the tagger learns its words from PolNeAR train alone (≈ 0.5 M tokens); the frozen
PPMI-SVD vectors (v4) gave every seed +0.003 to +0.009 by bringing in the rest of the unlabeled
English. A language model brings in context as well (which clause a word sits in, where a
clause ends), the tagger's main errors being content boundaries (docs/attribution.md).

Text: the same unlabeled English as `train_clusters.py` (PolNeAR *train* texts, WikiNEuRal en,
MEANTIME, TempEval-3), as lower-cased `rassegna.attribution.tokenize` tokens; pieces joined with
a boundary token and cut into windows of `--window` tokens; the last 2% of windows are held out
for the perplexity shown in the log.
Model: a word embedding (`--dim`, initialised from the frozen PPMI-SVD vectors where the word has
one), a forward LSTM that predicts the next word and a backward LSTM that predicts the previous
one (separate, as in ELMo, so neither sees the word it predicts), each through a projection to
the `--out-vocab` most frequent words plus one unknown class. Adam, fixed seed, one thread.
Only the embedding and the two LSTMs are exported (float16); the prediction layers are not
needed to read the states.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_clusters  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "training" / "output" / "lm_en.npz"
BOUNDARY = "<s>"


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def windows_of(pieces, vid, size):
    """One id stream (pieces separated by the boundary id 2; 1 = unknown) cut into windows."""
    stream = []
    for piece in pieces:
        stream.append(2)
        stream += [vid.get(w, 1) for w in piece]
    stream = np.array(stream, dtype=np.int64)
    n = len(stream) // size
    return stream[:n * size].reshape(n, size)


def make_model(n_vocab, dim, hidden, n_out, init):
    import torch
    from torch import nn

    class BiLM(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(n_vocab, dim, padding_idx=0)
            with torch.no_grad():
                rows = torch.from_numpy(init)
                known = rows.abs().sum(1) > 0
                self.emb.weight[known] = rows[known]
            self.fw = nn.LSTM(dim, hidden, batch_first=True)
            self.bw = nn.LSTM(dim, hidden, batch_first=True)
            self.drop = nn.Dropout(0.2)
            self.proj_fw = nn.Linear(hidden, 128)
            self.proj_bw = nn.Linear(hidden, 128)
            self.out = nn.Linear(128, n_out)          # shared by the two directions

        def forward(self, ids, targets):
            x = self.drop(self.emb(ids))
            hf, _ = self.fw(x)
            hb, _ = self.bw(x.flip(1))
            hb = hb.flip(1)
            loss = nn.functional.cross_entropy
            # forward state at t predicts t+1; backward state at t predicts t-1
            lf = loss(self.out(self.proj_fw(self.drop(hf[:, :-1]))).reshape(-1, self.out.out_features),
                      targets[:, 1:].reshape(-1))
            lb = loss(self.out(self.proj_bw(self.drop(hb[:, 1:]))).reshape(-1, self.out.out_features),
                      targets[:, :-1].reshape(-1))
            return lf, lb

    return BiLM()


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--vectors", type=Path, default=Path("training/output/vectors_en.npz"),
                    help="PPMI-SVD vectors (train_clusters.py --vectors) the embedding starts from")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--vocab", type=int, default=30000, help="input words (count ≥ 2)")
    ap.add_argument("--out-vocab", type=int, default=8000, help="predicted words (the rest: unknown)")
    ap.add_argument("--window", type=int, default=100)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    pieces = list(train_clusters.corpus(args.data))
    counts = Counter(w for p in pieces for w in p)
    words = [w for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if c >= 2][:args.vocab]
    vid = {w: i + 3 for i, w in enumerate(words)}          # 0 padding, 1 unknown, 2 boundary
    n_vocab = len(words) + 3
    win = windows_of(pieces, vid, args.window)
    targets = np.where(win < args.out_vocab + 3, win, 1)   # rare words predicted as "unknown"
    order = list(range(len(win)))
    rng.shuffle(order)
    held = order[:max(1, len(order) // 50)]
    train = order[len(held):]
    init = np.zeros((n_vocab, args.dim), dtype=np.float32)
    with np.load(args.vectors, allow_pickle=False) as z:
        for w, v in zip(z["words"], z["vectors"].astype(np.float32)):
            if str(w) in vid and v.shape[0] == args.dim:
                init[vid[str(w)]] = v
    log(f"{len(pieces)} pieces, {int(win.size)} tokens in {len(win)} windows, vocabulary {n_vocab}, "
        f"{int((np.abs(init).sum(1) > 0).sum())} words start from their vectors")
    net = make_model(n_vocab, args.dim, args.hidden, args.out_vocab + 3, init)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    x_all, y_all = torch.from_numpy(win), torch.from_numpy(targets)

    def held_out():
        net.eval()
        with torch.no_grad():
            tot = [0.0, 0.0]
            for k in range(0, len(held), 64):
                idx = held[k:k + 64]
                lf, lb = net(x_all[idx], y_all[idx])
                tot[0] += float(lf) * len(idx)
                tot[1] += float(lb) * len(idx)
        net.train()
        return [float(np.exp(t / len(held))) for t in tot]

    best = float("inf")
    for ep in range(1, args.epochs + 1):
        t0 = time.time()
        rng.shuffle(train)
        if ep == args.epochs and args.epochs > 1:
            for group in opt.param_groups:
                group["lr"] = args.lr * 0.3
        total, n = 0.0, 0
        for k in range(0, len(train), args.batch):
            idx = train[k:k + args.batch]
            lf, lb = net(x_all[idx], y_all[idx])
            loss = lf + lb
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            total += float(loss.detach())
            n += 1
            if n % 500 == 0:
                log(f"  epoch {ep} batch {n}: loss {total / n:.3f}")
        ppl = held_out()
        log(f"epoch {ep}: train loss {total / n:.3f}, held-out perplexity forward {ppl[0]:.1f} "
            f"backward {ppl[1]:.1f} ({time.time() - t0:.0f}s)")
        if sum(ppl) < best:
            best = sum(ppl)
            export(net, words, args.out)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


def export(net, words, path: Path):
    sd = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    p = {"emb": sd["emb.weight"]}
    for d in ("fw", "bw"):
        p[f"{d}.w_ih"] = sd[f"{d}.weight_ih_l0"]
        p[f"{d}.w_hh"] = sd[f"{d}.weight_hh_l0"]
        p[f"{d}.b"] = sd[f"{d}.bias_ih_l0"] + sd[f"{d}.bias_hh_l0"]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, words=np.array(words), **{"p:" + k: v.astype(np.float16) for k, v in p.items()})


if __name__ == "__main__":
    sys.exit(main())
