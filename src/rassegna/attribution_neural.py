"""Contextual (BiLSTM) attribution tagger for English, run with numpy.

Trained with PyTorch by `training/attribution/train_neural.py` on PolNeAR train; the weights ship
as `rassegna/models/attribution_en/neural.npz` (float16, loaded without pickle). The forward pass
is written out here in numpy on purpose: PyTorch is a training-only dependency (the `train`
extra), and an LSTM is a few matrix products per step, so run time needs nothing but numpy.

Input per token: a word embedding (lowercased form, capped vocabulary), optionally a frozen
word vector learned from unlabeled text (`emb.vec`, read by the word's `vector_words` index),
the embeddings of its two distributional cluster ids (`word_clusters.json`), a character CNN (width 3, max-pooled), and a
few cheap flags the linear tagger also uses (inside a quotation, sentence/paragraph boundaries,
cue-rate bucket, shape, which rule candidate covers it), and for a model trained with them the
flags of a dependency parse (`syntax_flags`: part of speech, label, and where the token hangs
under the nearest cue-like word, as in semantic role labelling). A stack of bidirectional LSTMs reads a
chunk of consecutive paragraphs (PolNeAR contents run across sentences and paragraphs), a linear
layer gives per-token scores over `attribution_learned.TAGS`, decoded with BIO-constrained
Viterbi (plus learned transition scores when the model was trained with a CRF).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import log_softmax

from rassegna.attribution import _MODEL_DIR, Lexicon, Quote, Tok, find_quotes, tokenize
from rassegna.model import Span
from rassegna.syntax import DEPS, UPOS, Parse

CHUNK_TOKENS = 200          # paragraphs are packed into chunks of about this many tokens
MAX_WORD_CHARS = 20
_ROLES = ("con", "cue", "src")
_KEPT = ("q", "k", "d")
_KINDS = ("quote", "continuation", "prep", "inverted", "paren", "final", "forward", "gerund", "own")
_PUNCT = re.compile(r"^\W+$")
_QUOTE_TOK = set("“”\"‘’«»'")

# dense flag layout (see `token_inputs`)
N_DENSE = 15 + len(_ROLES) * len(_KEPT) + len(_ROLES) * len(_KINDS) + len(_ROLES)

# syntax flags (`syntax_flags`), appended to the dense flags of a model trained with them
_REL_GROUPS = {
    **dict.fromkeys(("nsubj", "nsubjpass", "csubj", "csubjpass", "expl"), 0),     # subject
    **dict.fromkeys(("ccomp", "xcomp", "parataxis"), 1),                           # complement clause
    **dict.fromkeys(("advcl", "acl", "relcl"), 2),                                 # modifier clause
    **dict.fromkeys(("dobj", "dative", "attr", "oprd", "acomp"), 3),               # object
    **dict.fromkeys(("prep", "agent"), 4),
    **dict.fromkeys(("conj", "cc"), 5),
    "punct": 6,
}
_N_GROUPS = 9                   # the seven groups above, "other" (7), no cue-like ancestor (8)
_GROUP_OF_DEP = np.array([7] + [_REL_GROUPS.get(d, 7) for d in DEPS])   # by label id (0: none)
# layout: part of speech, label (each with 0 = unknown), head side, group, depth, ancestor's
# cue-rate bucket (2-4), the cue-like token's own two flags
_B_DEP = len(UPOS) + 1
_B_DIR = _B_DEP + len(DEPS) + 1
_B_GROUP = _B_DIR + 3
_B_DEPTH = _B_GROUP + _N_GROUPS
_B_RATE = _B_DEPTH + 4
_B_SELF = _B_RATE + 3
N_SYNTAX = _B_SELF + 2
_ANCESTOR_STEPS = 8


def _rate_bucket(r: float) -> int:
    return 0 if r < 0.02 else 1 if r < 0.1 else 2 if r < 0.3 else 3 if r < 0.6 else 4


def chunks_of(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges of consecutive whole paragraphs packed up to CHUNK_TOKENS (a longer
    paragraph is its own chunk, already cut at 400 tokens by `paragraphs_of`)."""
    from rassegna.attribution_learned import paragraphs_of

    out: list[tuple[int, int]] = []
    for a, b in paragraphs_of(text, toks):
        if out and b - out[-1][0] <= CHUNK_TOKENS:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@dataclass
class Inputs:
    words: np.ndarray      # (n,) vocabulary ids (0 = padding, 1 = unknown)
    clusters: np.ndarray   # (n, 2) cluster ids + 1 (0 = unknown)
    chars: np.ndarray      # (n, MAX_WORD_CHARS) character ids (0 = padding, 1 = unknown)
    dense: np.ndarray      # (n, N_DENSE) float32 flags
    vectors: np.ndarray | None = None   # (n,) ids into the frozen word vectors (0 = none)
    lm: np.ndarray | None = None        # (n, 2 × hidden) states of the word language model


def token_inputs(text: str, toks: list[Tok], sentences: list[Span], quotes: list[Quote],
                 marks: list[tuple[int, int, str]], cue_rate: dict[str, float], vocab: dict[str, int],
                 chars: dict[str, int], clusters: dict[str, list[int]] | None,
                 vector_ids: dict[str, int] | None = None,
                 parse: Parse | None = None, parse_tensor: bool = False) -> Inputs:
    """Per-token model inputs (see the module docstring); the same function builds the training
    inputs, so train and run time agree. With a parse (`syntax.parse_tokens`), the syntax flags
    follow the dense flags, and with `parse_tensor` the parser's contextual vectors after them."""
    from rassegna.attribution_learned import paragraphs_of, token_positions

    n = len(toks)
    sent_of, first_of, last_of, inq = token_positions(toks, sentences, quotes)
    w = np.ones(n, dtype=np.int64)
    cl = np.zeros((n, 2), dtype=np.int64)
    ch = np.zeros((n, MAX_WORD_CHARS), dtype=np.int64)
    dense = np.zeros((n, N_DENSE), dtype=np.float32)
    para_first = {a for a, _ in paragraphs_of(text, toks)}
    for i, t in enumerate(toks):
        low = t.low
        w[i] = vocab.get(low, 1)
        c = clusters.get(low) if clusters else None
        if c is not None:
            cl[i] = (c[0] + 1, c[1] + 1)
        for k, x in enumerate(t.text[:MAX_WORD_CHARS]):
            ch[i, k] = chars.get(x, 1)
        s = sent_of[i]
        d = dense[i]
        d[0] = inq[i]
        d[1] = i == first_of[s]
        d[2] = i == last_of[s]
        d[3] = i in para_first
        d[4] = s == 0
        d[5 + _rate_bucket(cue_rate.get(low, 0.0))] = 1
        d[10] = t.text[:1].isupper()
        d[11] = t.text.isupper() and len(t.text) > 1
        d[12] = any(x.isdigit() for x in t.text)
        d[13] = bool(_PUNCT.match(t.text))
        d[14] = t.text in _QUOTE_TOK
    # rule candidates covering each token: role × kept, role × kind, role begins here
    base_kept, base_kind, base_b = 15, 15 + 9, 15 + 9 + 27
    starts = [t.start for t in toks]
    for a, b, label in marks:
        role, kind, kept = label.split("|")[:3]
        r = _ROLES.index(role)
        k = bisect_left(starts, a)
        first = True
        while k < n and toks[k].start < b:
            dense[k, base_kept + r * 3 + _KEPT.index(kept)] = 1
            if kind in _KINDS:
                dense[k, base_kind + r * len(_KINDS) + _KINDS.index(kind)] = 1
            if first:
                dense[k, base_b + r] = 1
            first = False
            k += 1
    vec = None
    if vector_ids is not None:
        vec = np.array([vector_ids.get(t.low, 0) for t in toks], dtype=np.int64)
    if parse is not None:
        extra = [syntax_flags(toks, parse, cue_rate)] + ([parse.tensor] if parse_tensor else [])
        dense = np.concatenate([dense, *extra], axis=1)
    return Inputs(w, cl, ch, dense, vec)


def syntax_flags(toks: list[Tok], parse: Parse, cue_rate: dict[str, float]) -> np.ndarray:
    """(n, N_SYNTAX) one-hot flags from a dependency parse: part of speech, dependency label,
    head to the left / right / none; and, as in semantic role labelling, where the token hangs
    under the nearest cue-like ancestor (a word that is a cue ≥ 10% of the time in train): the
    relation group of the path's first step below it (subject, complement clause, object, …),
    how far up it is, and how cue-like; and whether the token itself is cue-like with a
    complement clause or a subject below it."""
    pos, dep, head = parse.pos, parse.dep, parse.head
    n = len(toks)
    out = np.zeros((n, N_SYNTAX), dtype=np.float32)
    if not n:
        return out
    rate = [_rate_bucket(cue_rate.get(t.low, 0.0)) for t in toks]
    group = _GROUP_OF_DEP[dep].tolist()
    clause_below, subj_below = [False] * n, [False] * n
    for i in range(n):
        h = int(head[i])
        if h != i:
            clause_below[h] |= group[i] == 1
            subj_below[h] |= group[i] == 0
    rows = np.arange(n)
    out[rows, pos] = 1
    out[rows, _B_DEP + dep] = 1
    for i in range(n):
        h = int(head[i])
        out[i, _B_DIR + (0 if h < i else 1 if h > i else 2)] = 1
        child, up, depth = i, h, 1
        while up != child and depth <= _ANCESTOR_STEPS and rate[up] < 2:
            child, up, depth = up, int(head[up]), depth + 1
        if up != child and rate[up] >= 2:
            out[i, _B_GROUP + group[child]] = 1
            out[i, _B_DEPTH + (0 if depth == 1 else 1 if depth == 2 else 2 if depth <= 4 else 3)] = 1
            out[i, _B_RATE + rate[up] - 2] = 1
        else:
            out[i, _B_GROUP + _N_GROUPS - 1] = 1
        if rate[i] >= 2:
            out[i, _B_SELF] = clause_below[i]
            out[i, _B_SELF + 1] = subj_below[i]
    return out


# ---------------------------------------------------------------- numpy forward pass

def _sigmoid(x):
    return 0.5 * (np.tanh(0.5 * x) + 1.0)     # stable for large |x|


def lstm_lockstep(pre: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
    """K LSTM directions run side by side over left-aligned padded batches of one shape:
    `pre` (K, batch, time, 4 × hidden) their input projections plus biases, `w_hh` (K,
    4 × hidden, hidden), PyTorch gate order (input, forget, cell, output). Outputs (K, batch,
    time, hidden); states past a sequence's length are not used. At these sizes the Python loop
    over time steps, not the arithmetic, is what an LSTM costs in numpy, so the K directions
    (both of a BiLSTM, every member of an ensemble) share one loop: one stacked product a step."""
    k, bsz, steps, _ = pre.shape
    hid = w_hh.shape[2]
    w_hh_t = np.ascontiguousarray(np.transpose(w_hh, (0, 2, 1)))
    h = np.zeros((k, bsz, hid), dtype=np.float32)
    c = np.zeros((k, bsz, hid), dtype=np.float32)
    out = np.zeros((k, bsz, steps, hid), dtype=np.float32)
    for t in range(steps):
        g = pre[:, :, t] + np.matmul(h, w_hh_t)
        gates = _sigmoid(g)                    # input, forget, output (the cell slot is unused)
        z = np.tanh(g[..., 2 * hid:3 * hid])
        c = gates[..., hid:2 * hid] * c + gates[..., :hid] * z
        h = gates[..., 3 * hid:] * np.tanh(c)
        out[:, :, t] = h
    return out


def bidirectional(runs: list[tuple[np.ndarray, tuple, tuple]], ranges: list[tuple[int, int]]) -> list[np.ndarray]:
    """Forward and backward LSTM states (n, 2 × hidden) for each run of (token inputs (n, in),
    forward weights, backward weights), weights as (w_ih, w_hh, b = b_ih + b_hh), each range read
    as its own sequence (rows outside every range stay zero); all runs share one hidden size and
    go in lockstep. Inputs are projected token by token and only then laid out per sequence,
    forwards and reversed, so padding costs no products."""
    n = runs[0][0].shape[0]
    lengths = np.array([e - s for s, e in ranges])
    seq = np.repeat(np.arange(len(ranges)), lengths)             # each laid-out position's sequence
    step = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    starts = np.array([s for s, _ in ranges])
    forward_rows = starts[seq] + step                             # the token at that position, forwards
    backward_rows = starts[seq] + lengths[seq] - 1 - step         # and read from the end
    hid = runs[0][1][1].shape[1]
    pre = np.zeros((2 * len(runs), len(ranges), int(lengths.max()), 4 * hid), dtype=np.float32)
    w_hh = []
    for k, (x, *directions) in enumerate(runs):
        for d, ((w_ih, w, b), rows) in enumerate(zip(directions, (forward_rows, backward_rows))):
            pre[2 * k + d][seq, step] = (x @ w_ih.T + b)[rows]
            w_hh.append(w)
    out = lstm_lockstep(pre, np.stack(w_hh))
    states = []
    for k in range(len(runs)):
        x = np.zeros((n, 2 * hid), dtype=np.float32)
        x[forward_rows, :hid] = out[2 * k][seq, step]
        x[backward_rows, hid:] = out[2 * k + 1][seq, step]
        states.append(x)
    return states


def bilstm_outputs(models: list, xs: list[np.ndarray], ranges: list[tuple[int, int]]) -> list[np.ndarray]:
    """Each tagger's top BiLSTM layer (n, 2 × hidden) over its own token inputs (n, in), each
    range read as its own sequence. Taggers of one hidden size run their directions in lockstep
    (`bidirectional`) layer by layer, whatever their depth: a tagger with fewer layers leaves
    the lockstep after its last one (members of two depths once ran apart, each alone)."""
    def weights(m, layer: int, suffix: str) -> tuple:
        p = m.params
        return p[f"lstm.w_ih_l{layer}{suffix}"], p[f"lstm.w_hh_l{layer}{suffix}"], p[f"lstm.b_l{layer}{suffix}"]

    by_hidden: dict[int, list[int]] = {}
    for k, m in enumerate(models):
        by_hidden.setdefault(m.params["lstm.w_hh_l0"].shape[1], []).append(k)
    out = list(xs)
    for group in by_hidden.values():
        for layer in range(max(models[k].layers for k in group)):
            live = [k for k in group if models[k].layers > layer]
            states = bidirectional([(out[k], weights(models[k], layer, ""), weights(models[k], layer, "_reverse"))
                                    for k in live], ranges)
            for k, x in zip(live, states):
                out[k] = x
    return out


@dataclass
class WordLM:
    """A bidirectional word language model trained on unlabeled English
    (`training/attribution/train_lm.py`): a forward LSTM that read the text up to a token and a
    backward one that read it from the end; their states are contextual inputs of the tagger."""
    params: dict[str, np.ndarray]
    vocab: dict[str, int]        # 1 = unknown

    def states(self, toks: list[Tok], ranges: list[tuple[int, int]]) -> np.ndarray:
        """(n, 2 × hidden) states, each range read as its own sequence (as the tagger reads it)."""
        p = self.params
        hid = p["fw.w_hh"].shape[1]
        out = np.zeros((len(toks), 2 * hid), dtype=np.float32)
        if not ranges:
            return out
        ids = np.array([self.vocab.get(t.low, 1) for t in toks], dtype=np.int64)
        return bidirectional([(p["emb"][ids], (p["fw.w_ih"], p["fw.w_hh"], p["fw.b"]),
                               (p["bw.w_ih"], p["bw.w_hh"], p["bw.b"]))], ranges)[0]


@lru_cache(maxsize=4)
def load_lm(path: str) -> WordLM:
    with np.load(path, allow_pickle=False) as z:
        params = {k[2:]: z[k].astype(np.float32) for k in z.files if k.startswith("p:")}
        words = [str(w) for w in z["words"]]
    return WordLM(params, {w: i + 3 for i, w in enumerate(words)})


@dataclass
class NeuralTagger:
    params: dict[str, np.ndarray]
    layers: int
    vocab: dict[str, int]
    chars: dict[str, int]
    cue_rate: dict[str, float]
    trans: np.ndarray            # (tags + 1, tags): learned CRF transitions (or 0) + BIO mask
    clusters: dict[str, list[int]] | None
    crf: bool = False            # trained with a CRF: decode raw scores with `trans`
    vector_ids: dict[str, int] | None = None   # words of the frozen vectors (`emb.vec`), if any
    lm: WordLM | None = None     # the language model whose states it reads (`lm.proj_w`), if any
    syntax: bool = False         # reads the syntax flags of a dependency parse (`syntax_flags`)
    parse_tensor: bool = False   # and the parser's contextual vectors (`Parse.tensor`)

    def embed(self, inp: Inputs) -> np.ndarray:
        p = self.params
        parts = [p["emb.word"][inp.words]]
        if "emb.vec" in p:
            parts.append(p["emb.vec"][inp.vectors])
        if "emb.cl0" in p:
            parts += [p["emb.cl0"][inp.clusters[:, 0]], p["emb.cl1"][inp.clusters[:, 1]]]
        if "char.conv_w" in p:
            ce = p["emb.char"][inp.chars]                     # (n, L, C)
            cw, cb = p["char.conv_w"], p["char.conv_b"]       # (F, C, 3), (F,)
            n, length, _ = ce.shape
            padded = np.concatenate([np.zeros((n, 1, ce.shape[2]), np.float32), ce,
                                     np.zeros((n, 1, ce.shape[2]), np.float32)], axis=1)
            # a width-3 convolution (padding 1) as one product over stacked windows
            win = np.concatenate([padded[:, k:k + length] for k in range(3)], axis=2)   # (n, L, 3C)
            wmat = np.transpose(cw, (2, 1, 0)).reshape(-1, cw.shape[0])                 # (3C, F)
            conv = np.maximum(win @ wmat + cb, 0.0)
            mask = (inp.chars > 0)[:, :, None]
            conv = np.where(mask, conv, 0.0)                  # ReLU ≥ 0, so 0 never wins falsely
            parts.append(conv.max(1))
        parts.append(inp.dense)
        if "lm.proj_w" in p:
            parts.append(inp.lm @ p["lm.proj_w"].T + p["lm.proj_b"])
        return np.concatenate(parts, axis=1).astype(np.float32)

    def scores(self, inp: Inputs, ranges: list[tuple[int, int]]) -> np.ndarray:
        """(n, tags) per-token scores; each range is read as its own sequence."""
        return tagger_scores([self], [inp], ranges)[0]

    def head(self, x: np.ndarray) -> np.ndarray:
        """Tag scores from the top BiLSTM layer's outputs."""
        p = self.params
        if "hid.w" in p:
            x = np.tanh(x @ p["hid.w"].T + p["hid.b"])
        return x @ p["out.w"].T + p["out.b"]


def tagger_scores(models: list[NeuralTagger], inputs: list[Inputs], ranges: list[tuple[int, int]]) -> list[np.ndarray]:
    """Each tagger's (n, tags) per-token scores for its inputs, each range read as its own
    sequence (zero outside every range); the taggers' LSTMs run side by side (`bilstm_outputs`)."""
    embedded = [m.embed(inp) for m, inp in zip(models, inputs)]
    n = embedded[0].shape[0]
    outs = [np.zeros((n, m.params["out.w"].shape[0]), dtype=np.float32) for m in models]
    if not ranges:
        return outs
    covered = np.concatenate([np.arange(a, b) for a, b in ranges])
    for m, top, out in zip(models, bilstm_outputs(models, embedded, ranges), outs):
        out[covered] = m.head(top[covered])
    return outs


def load_neural(path, lang: str = "en") -> NeuralTagger:
    from rassegna.attribution_learned import valid_transitions, word_clusters

    with np.load(path, allow_pickle=False) as z:
        params = {k[2:]: z[k].astype(np.float32) for k in z.files if k.startswith("p:")}
        vocab_words = [str(s) for s in z["vocab"]]
        char_list = [str(s) for s in z["chars"]]
        cue_words = [str(s) for s in z["cue_words"]]
        cue_rates = z["cue_rates"].astype(float).tolist()
        layers = int(z["layers"])
        trans = z["trans"].astype(np.float32) if "trans" in z.files else None
        vector_words = [str(s) for s in z["vector_words"]] if "vector_words" in z.files else None
        vectors_file = str(z["vectors_file"]) if "vectors_file" in z.files else None
        lm_file = str(z["lm_file"]) if "lm_file" in z.files else None
        syntax = bool(z["syntax"]) if "syntax" in z.files else False
        parse_tensor = bool(z["parse_tensor"]) if "parse_tensor" in z.files else False
    if vectors_file:
        # frozen vectors shared by the members of an ensemble are stored once beside them
        params["emb.vec"], vector_words = shared_vectors(str(Path(path).parent / vectors_file))
    vocab = {w: i + 2 for i, w in enumerate(vocab_words)}
    chars = {c: i + 2 for i, c in enumerate(char_list)}
    mask = np.where(valid_transitions(), 0.0, -1e6).astype(np.float32)
    crf = trans is not None
    trans = mask if trans is None else trans + mask
    clusters = word_clusters(lang) if "emb.cl0" in params else None
    vector_ids = {w: i + 1 for i, w in enumerate(vector_words)} if vector_words is not None else None
    lm = load_lm(str(Path(path).parent / lm_file)) if lm_file else None
    return NeuralTagger(params, layers, vocab, chars, dict(zip(cue_words, cue_rates)), trans, clusters, crf,
                        vector_ids, lm, syntax, parse_tensor)


@lru_cache(maxsize=4)
def shared_vectors(path: str) -> tuple[np.ndarray, list[str]]:
    """A frozen word-vector table (row 0: no vector) and its words, as
    `training/attribution/share_vectors.py` writes them."""
    with np.load(path, allow_pickle=False) as z:
        return z["table"].astype(np.float32), [str(w) for w in z["words"]]


@dataclass
class NeuralEnsemble:
    """BiLSTM taggers of one recipe trained from different seeds. Their per-token scores and
    their transition scores are averaged before a single Viterbi: the seeds make different
    mistakes, and the average keeps what they agree on. Transformer members
    (`attribution_transformer`), when given, add their weighted log-probabilities to that mean."""
    members: list[NeuralTagger]
    transformers: tuple = ()

    def __post_init__(self):
        if len({m.crf for m in self.members}) != 1:
            raise ValueError("an ensemble mixes CRF and softmax taggers; their scores do not add up")
        self.crf = self.members[0].crf
        self.trans = np.mean([m.trans for m in self.members], axis=0).astype(np.float32)
        self.input_sources = input_sources(self.members)


def input_sources(members: list[NeuralTagger]) -> list[int]:
    """For each member, the first member whose token inputs are built from the same settings
    (seeds of one recipe share vocabulary, cue rates, clusters, vectors and parse inputs): those
    inputs are built once per document, not once per member."""
    def settings(m: NeuralTagger) -> tuple:
        return (m.cue_rate, m.vocab, m.chars, m.clusters, m.vector_ids, m.syntax, m.parse_tensor, id(m.lm))

    keys = [settings(m) for m in members]
    return [keys.index(k) for k in keys]


@lru_cache(maxsize=None)
def neural_tagger(lang: str) -> NeuralEnsemble | None:
    """Every `neural*.npz` shipped for the language, as one ensemble (None when none is), with the
    language's transformer members (`minilm_tagger*.npz`) beside it."""
    from rassegna.attribution_transformer import transformer_taggers

    paths = sorted((_MODEL_DIR / f"attribution_{lang}").glob("neural*.npz"))
    return NeuralEnsemble([load_neural(p, lang) for p in paths], transformer_taggers(lang)) if paths else None


def _one_blas_thread():
    """The LSTM steps are many small products: BLAS threads only add synchronisation (on a busy
    2-core machine dev eval took 60 s instead of 7 s), so keep one when threadpoolctl is there."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(1, user_api="blas")


def member_inputs(text: str, sentences: list[Span], lex: Lexicon, members: list[NeuralTagger], sources: list[int],
                  toks: list[Tok] | None = None) -> tuple[list[Tok], list[Inputs], list[tuple[int, int]]]:
    """Tokens, each tagger's token inputs, and the chunks they are read in. The parse, the rule
    marks, language-model states and the inputs of taggers with the same settings (`sources`:
    `input_sources`) are made once for all of them."""
    from rassegna.attribution_learned import rule_marks

    toks = toks if toks is not None else tokenize(text, lang=lex.lang)
    quotes, marks = find_quotes(text), rule_marks(text, sentences, lex)
    ranges = chunks_of(text, toks)
    lm_states: dict[int, np.ndarray] = {}      # members that share a language model read it once
    parse = None
    if any(m.syntax for m in members):
        from rassegna.syntax import parse_tokens

        parse = parse_tokens(text, sentences, [t.start for t in toks], [t.end for t in toks])
    with _one_blas_thread():
        inputs: list[Inputs] = []
        for k, m in enumerate(members):
            if sources[k] != k:
                inputs.append(inputs[sources[k]])
                continue
            inp = token_inputs(text, toks, sentences, quotes, marks, m.cue_rate, m.vocab, m.chars, m.clusters,
                               m.vector_ids, parse if m.syntax else None, m.parse_tensor)
            if m.lm is not None:
                if id(m.lm) not in lm_states:
                    lm_states[id(m.lm)] = m.lm.states(toks, ranges)
                inp.lm = lm_states[id(m.lm)]
            inputs.append(inp)
    return toks, inputs, ranges


def member_tag_scores(members: list[NeuralTagger], inputs: list[Inputs],
                      ranges: list[tuple[int, int]]) -> list[np.ndarray]:
    """Each tagger's per-token scores over TAGS for its inputs (log-probabilities; raw CRF
    emission scores for a CRF model), the LSTMs side by side."""
    with _one_blas_thread():
        return [s if m.crf else log_softmax(s, axis=1)
                for m, s in zip(members, tagger_scores(members, inputs, ranges))]


def member_scores(text: str, sentences: list[Span], lex: Lexicon, model: NeuralTagger | NeuralEnsemble,
                  toks: list[Tok] | None = None) -> tuple[list[Tok], list[np.ndarray], list[tuple[int, int]]]:
    """Tokens, each member's per-token scores over TAGS (`member_tag_scores`), and the chunks
    they were read in; the members' inputs are made together (`member_inputs`)."""
    members = model.members if isinstance(model, NeuralEnsemble) else [model]
    sources = model.input_sources if isinstance(model, NeuralEnsemble) else [0]
    toks, inputs, ranges = member_inputs(text, sentences, lex, members, sources, toks)
    return toks, member_tag_scores(members, inputs, ranges), ranges


def neural_scores(text: str, sentences: list[Span], lex: Lexicon, model: NeuralTagger | NeuralEnsemble,
                  toks: list[Tok] | None = None) -> tuple[list[Tok], np.ndarray, list[tuple[int, int]]]:
    """Tokens, per-token scores over TAGS (the members' mean for an ensemble, see
    `member_scores`, plus its transformer members' weighted log-probabilities), and the chunks
    they were read in."""
    from rassegna.attribution_transformer import weighted_scores

    toks, scores, ranges = member_scores(text, sentences, lex, model, toks)
    mean = sum(scores) / len(scores)
    extra = weighted_scores(model.transformers, text, toks) if isinstance(model, NeuralEnsemble) else None
    return toks, mean if extra is None else mean + extra, ranges


def neural_tags(text: str, sentences: list[Span], lex: Lexicon, model: NeuralTagger | NeuralEnsemble,
                toks: list[Tok] | None = None) -> tuple[list[Tok], list[int], np.ndarray]:
    """Tokens, their Viterbi tag indices (into `attribution_learned.TAGS`) and the scores."""
    toks, logp, ranges = neural_scores(text, sentences, lex, model, toks)
    return toks, decode_tags(logp, ranges, model.trans), logp


def decode_tags(scores: np.ndarray, ranges: list[tuple[int, int]], trans: np.ndarray) -> list[int]:
    """BIO-constrained Viterbi over each chunk the scores were read in, concatenated."""
    from rassegna.attribution_learned import viterbi

    tags: list[int] = []
    for a, b in ranges:
        tags += viterbi(scores[a:b], trans)
    return tags
