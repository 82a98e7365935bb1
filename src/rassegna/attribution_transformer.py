"""The pretrained MiniLM encoder (`rassegna.minilm`) fine-tuned as an English attribution tagger,
a member beside the BiLSTM ensemble (`attribution_neural`).

Fine-tuned by `training/attribution/train_transformer.py` on PolNeAR train from the int8
encoder's weights, with a tag layer; what ships (`models/attribution_en/minilm_tagger*.npz`) is
the change of each matrix cut to rank 32 (`compress_transformer.py`, float16 factors), the tuned
biases and layer norms, and the tag layer. Each of our tokens is read at its
first word piece; a window is one of the BiLSTM's paragraph chunks (`chunks_of`), cut further to
fit the encoder. Its per-token log-probabilities over `attribution_learned.TAGS` are added, times
a weight chosen on PolNeAR dev, to the ensemble's averaged scores before the one Viterbi: the
transformer reads context pretrained on a billion sentences, the BiLSTMs read the parse and the
rule marks, and they make different mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.special import log_softmax

from rassegna import minilm
from rassegna.attribution import _MODEL_DIR, Tok

MAX_WINDOW_PIECES = 254         # pieces per window, besides [CLS] and [SEP]
BATCH_WINDOWS = 4           # larger batches were slower in numpy (arrays outgrow the caches)


def piece_windows(text: str, toks: list[Tok]) -> list[tuple[list[int], list[int], tuple[int, int]]]:
    """Per window: (piece ids with [CLS]/[SEP], the position of each token's first piece, the
    range of tokens it covers). Windows follow the BiLSTM's chunks, split where a chunk has too
    many pieces."""
    from rassegna.attribution_neural import chunks_of

    out = []
    for a, b in chunks_of(text, toks):
        ids, firsts, start = [minilm.CLS], [], a
        for i in range(a, b):
            pieces = minilm.token_pieces(toks[i].text)
            if len(ids) + len(pieces) > MAX_WINDOW_PIECES + 1:
                out.append((ids + [minilm.SEP], firsts, (start, i)))
                ids, firsts, start = [minilm.CLS], [], i
            firsts.append(len(ids))
            ids += pieces
        out.append((ids + [minilm.SEP], firsts, (start, b)))
    return out


@dataclass
class TransformerTagger:
    weights: dict[str, np.ndarray]      # the encoder with its update applied
    out_w: np.ndarray                   # (tags, HIDDEN)
    out_b: np.ndarray
    weight: float                       # its log-probabilities' weight beside the ensemble's mean

    def scores(self, text: str, toks: list[Tok]) -> np.ndarray:
        """(n tokens, tags) log-probabilities, each token read at its first piece."""
        logp = np.zeros((len(toks), self.out_w.shape[0]), np.float32)
        wins = sorted(piece_windows(text, toks), key=lambda w: len(w[0]))   # similar lengths batch well
        for k in range(0, len(wins), BATCH_WINDOWS):
            batch = wins[k:k + BATCH_WINDOWS]
            length = max(len(ids) for ids, _, _ in batch)
            ids = np.zeros((len(batch), length), np.int64)
            mask = np.zeros((len(batch), length), bool)
            for j, (p, _, _) in enumerate(batch):
                ids[j, :len(p)], mask[j, :len(p)] = p, True
            states = minilm.encode(self.weights, ids, mask)
            for j, (_, firsts, (a, b)) in enumerate(batch):
                logp[a:b] = log_softmax(states[j, firsts] @ self.out_w.T + self.out_b, axis=1)
        return logp


def load_transformer(path) -> TransformerTagger:
    with np.load(path, allow_pickle=False) as z:
        factors = {k[2:]: (z[k], z["b:" + k[2:]]) for k in z.files if k.startswith("a:")}
        vectors = {k[2:]: z[k] for k in z.files if k.startswith("v:")}
        out_w, out_b, weight = z["out_w"].astype(np.float32), z["out_b"].astype(np.float32), float(z["weight"])
    update = minilm.LowRankUpdate(factors, vectors)
    return TransformerTagger(update.applied(minilm.base_weights()), out_w, out_b, weight)


@lru_cache(maxsize=None)
def transformer_taggers(lang: str) -> tuple[TransformerTagger, ...]:
    """The transformer members shipped for the language (none: the ensemble reads alone)."""
    return tuple(load_transformer(p) for p in sorted((_MODEL_DIR / f"attribution_{lang}").glob("minilm_tagger*.npz")))


def weighted_scores(taggers: tuple[TransformerTagger, ...], text: str, toks: list[Tok]) -> np.ndarray | None:
    """Σ weight × log-probabilities over the members, to add to the ensemble's mean (None
    without members)."""
    if not taggers:
        return None
    return sum(t.weight * t.scores(text, toks) for t in taggers)
