"""Learned attribution for English, trained on PolNeAR (`training/attribution/`).

Stage 1 (`tag_document`) tags every token of a paragraph as source, cue, content or nothing;
stage 2 (`tag_arguments`) classifies cue candidates and tags, for each kept cue, its own source
and content. The rule passes of `rassegna.attribution` run first and are features here. Weights
ship as numpy archives under `rassegna/models/attribution_en/` (loaded without pickle); see
docs/attribution.md for the design and the figures.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rassegna.attribution import (_MODEL_DIR, _QUOTE_CHARS, Lexicon, Quote, Tok, _content_span, _cue_model,
                                  _strip, candidate_features, candidates, find_quotes, tokenize)
from rassegna.model import Attribution, Span


# ---------------------------------------------------------------- learned tagger (English)
#
# PolNeAR annotates every token with at most one role (source, cue, content) of at most one
# attribution, so attributions are a tag sequence. `tag_document` runs an averaged structured
# perceptron (BIO tags, first-order transitions, Viterbi) over each paragraph; the features are
# the words around a token, how cue-like the nearest words left and right in the sentence are
# (cue rates mined from train), quotation and sentence position, and the rule candidates above
# (stacked: which rule role/kind covers the token and whether the cue filter keeps it).
# `training/attribution/train_tagger.py` trains it; weights ship as `tagger.npz` (no pickle).

TAGS = ("O", "B-SRC", "I-SRC", "B-CUE", "I-CUE", "B-CON", "I-CON")
_MAX_PARA_TOKENS = 400


@dataclass
class Tagger:
    index: dict[str, int]
    weights: "object"          # numpy array (features, tags)
    trans: "object"            # numpy array (tags + 1, tags): row len(TAGS) is the start
    cue_rate: dict[str, float]
    clusters: dict[str, list[int]] | None = None   # word → distributional cluster ids


@lru_cache(maxsize=None)
def word_clusters(lang: str) -> dict[str, list[int]] | None:
    """Distributional word clusters (`training/attribution/train_clusters.py`): word → [coarse,
    fine] cluster ids learned from unlabeled text; None when not shipped."""
    path = _MODEL_DIR / f"attribution_{lang}" / "word_clusters.json"
    if not path.exists():
        return None
    import json

    return json.loads(path.read_text(encoding="utf-8"))["words"]


@lru_cache(maxsize=None)
def _tagger(lang: str) -> Tagger | None:
    path = _MODEL_DIR / f"attribution_{lang}" / "tagger.npz"
    return load_tagger(path, lang) if path.exists() else None


def load_tagger(path, lang: str = "en") -> Tagger:
    """A stage-1 tagger archive (`tagger.npz`); cluster features use the shipped word clusters."""
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        names = [str(s) for s in z["features"]]
        weights = z["weights"].astype(np.float32)
        trans = z["trans"].astype(np.float32)
        cue_words = [str(s) for s in z["cue_words"]]
        cue_rates = z["cue_rates"].astype(float)
    trans = trans + np.where(valid_transitions(), 0.0, -1e6).astype(np.float32)
    clusters = word_clusters(lang) if any(n.startswith("cl=") for n in names) else None
    return Tagger({n: i for i, n in enumerate(names)}, weights, trans,
                  dict(zip(cue_words, cue_rates.tolist())), clusters)


def valid_transitions():
    """(tags + 1, tags) boolean mask of allowed BIO transitions (last row: sequence start)."""
    import numpy as np

    ok = np.ones((len(TAGS) + 1, len(TAGS)), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            for i in range(len(TAGS) + 1):
                prev = TAGS[i] if i < len(TAGS) else "START"
                ok[i, j] = prev[2:] == tag[2:] and prev != "O" and prev != "START"
    return ok


def viterbi(emit, trans, final=None):
    """Best tag sequence for emission scores (n, tags) and transitions (tags + 1, tags);
    `final` (tags,) is added to the scores of the last position (to forbid end states)."""
    import numpy as np

    n = emit.shape[0]
    if n == 0:
        return []
    score = trans[-1] + emit[0]
    if n == 1 and final is not None:
        score = score + final
    back = np.zeros((n, emit.shape[1]), dtype=np.int64)
    body = trans[:-1]
    for i in range(1, n):
        cand = score[:, None] + body
        back[i] = cand.argmax(0)
        score = cand.max(0) + emit[i]
        if i == n - 1 and final is not None:
            score = score + final
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    best.reverse()
    return best


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else "4-6" if d <= 6 else "7-10" if d <= 10 else "11-20" if d <= 20 else "21+"


def _rate_bucket(r: float) -> int:
    return 0 if r < 0.02 else 1 if r < 0.1 else 2 if r < 0.3 else 3 if r < 0.6 else 4


def _shape(s: str) -> str:
    out = re.sub(r"[A-Z]+", "X", re.sub(r"[a-z]+", "x", re.sub(r"\d+", "d", s)))
    return out[:4]


def paragraphs_of(text: str, toks: list[Tok]) -> list[tuple[int, int]]:
    """Token index ranges of the paragraphs (long ones cut), for tagging."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j + 1 < n and "\n" not in text[toks[j].end:toks[j + 1].start] and j + 1 - i < _MAX_PARA_TOKENS:
            j += 1
        out.append((i, j + 1))
        i = j + 1
    return out


def rule_marks(text: str, sentences: list[Span], lex: Lexicon) -> list[tuple[int, int, str]]:
    """Character spans the rule system proposes, with a label (role|kind|kept) for features."""
    cands = candidates(text, sentences, lex)
    model = _cue_model(lex.lang)
    marks = []
    for c in cands:
        kept = "q" if c.kind.startswith("quote") or c.kind == "continuation" else "-"
        if model is not None and kept == "-":
            z = sum(model["weights"].get(f, 0.0) for f in candidate_features(c, text))
            kept = "k" if 1 / (1 + math.exp(-z)) >= model.get("threshold", 0.5) else "d"
        kind = c.kind.split("-")[0]
        for a, b in c.content:
            marks.append((a, b, f"con|{kind}|{kept}"))
        if c.cue:
            marks.append((c.cue[0], c.cue[1], f"cue|{kind}|{kept}"))
        if c.source:
            marks.append((c.source[0], c.source[1], f"src|{kind}|{kept}"))
    return marks


def token_positions(toks: list[Tok], sentences: list[Span], quotes: list[Quote]):
    """Per token: its sentence index; per sentence: its first and last token; per token:
    whether it lies inside a quotation."""
    n = len(toks)
    sent_of = [0] * n
    si = 0
    for i, t in enumerate(toks):
        while si + 1 < len(sentences) and t.start >= sentences[si].end:
            si += 1
        sent_of[i] = si
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    for i, s in enumerate(sent_of):
        first_of.setdefault(s, i)
        last_of[s] = i
    inq = [False] * n
    qi = 0
    for i, t in enumerate(toks):
        while qi < len(quotes) and quotes[qi].inner_end <= t.start:
            qi += 1
        if qi < len(quotes) and quotes[qi].inner_start <= t.start < quotes[qi].inner_end:
            inq[i] = True
    return sent_of, first_of, last_of, inq


def token_features(text: str, toks: list[Tok], sentences: list[Span], quotes: list[Quote],
                   marks: list[tuple[int, int, str]], cue_rate: dict[str, float],
                   clusters: dict[str, list[int]] | None = None) -> list[list[str]]:
    """String features of every token of a document (see the section comment); with `clusters`
    also the distributional cluster ids of the word, its neighbours and the nearest cue-like
    words (so rare words share weight with frequent ones of their cluster)."""

    def cl(w: str, level: int = 1) -> str:
        c = clusters.get(w) if clusters else None
        return "x" if c is None else str(c[level])

    n = len(toks)
    lows = [t.low for t in toks]
    rates = [_rate_bucket(cue_rate.get(w, 0.0)) for w in lows]
    sent_of, first_of, last_of, inq = token_positions(toks, sentences, quotes)
    # rule marks per token
    mark_of: list[list[str]] = [[] for _ in range(n)]
    starts = [t.start for t in toks]
    for a, b, label in marks:
        k = bisect_left(starts, a)
        first = True
        while k < n and toks[k].start < b:
            mark_of[k].append(label if not first else label + "|B")
            first = False
            k += 1
    para_first = set()
    for a, _ in paragraphs_of(text, toks):
        para_first.add(sent_of[a] if n else 0)
    feats: list[list[str]] = []
    for i, t in enumerate(toks):
        w = lows[i]
        s = sent_of[i]
        fs, ls = first_of[s], last_of[s]
        p1 = lows[i - 1] if i > fs else "<s>"
        p2 = lows[i - 2] if i - 1 > fs else "<s>"
        n1 = lows[i + 1] if i < ls else "</s>"
        n2 = lows[i + 2] if i + 1 < ls else "</s>"
        f = ["b", "w=" + w, "sh=" + _shape(t.text), "suf=" + w[-3:], "p1=" + p1, "n1=" + n1,
             "p2=" + p2, "n2=" + n2, "p1w=" + p1 + "|" + w, "wn1=" + w + "|" + n1,
             f"cr={rates[i]}", f"crp={rates[i - 1] if i > fs else 'x'}",
             f"crn={rates[i + 1] if i < ls else 'x'}", "spos=" + _bucket(i - fs),
             "send=" + _bucket(ls - i)]
        if inq[i]:
            f.append("inq")
            f.append("inq|w=" + w)
        if s in para_first:
            f.append("pfirst")
        if s == 0:
            f.append("docfirst")
        # nearest cue-like word to the left and to the right within the sentence
        for side, rng in (("L", range(i - 1, fs - 1, -1)), ("R", range(i + 1, ls + 1))):
            comma = False
            found = None
            for k in rng:
                if rates[k] >= 3 or (rates[k] >= 2 and found is None and abs(k - i) <= 3):
                    found = k
                    break
                if toks[k].text in ",;:—–(":
                    comma = True
            if found is None:
                f.append(side + "none")
                continue
            d = _bucket(abs(found - i))
            cw = lows[found]
            f += [side + "c=" + cw, side + "d=" + d, side + "cd=" + cw + "|" + d,
                  side + "comma=" + str(comma), side + "dcomma=" + d + str(comma),
                  side + "r=" + str(rates[found])]
            if clusters:
                f.append(side + "ccl=" + cl(cw))
            if side == "L":
                nxt = lows[found + 1] if found < ls else "</s>"
                f.append("Lnext=" + nxt)
            else:
                prv = lows[found - 1] if found > fs else "<s>"
                f.append("Rprev=" + prv)
        for m in mark_of[i]:
            f.append("m=" + m)
            f.append("mr=" + m.split("|")[0] + "|" + m.split("|")[2])
        if not mark_of[i]:
            f.append("m=none")
        if clusters:
            q1 = lows[i - 1] if i else "<d>"
            m1 = lows[i + 1] if i + 1 < n else "</d>"
            f += ["cl=" + cl(w), "cl0=" + cl(w, 0), "p1cl=" + cl(q1), "n1cl=" + cl(m1),
                  "p1cl|cl=" + cl(q1, 0) + "|" + cl(w, 0)]
        feats.append(f)
    return feats


def tag_document(text: str, sentences: list[Span], lex: Lexicon, model: Tagger,
                 toks: list[Tok] | None = None) -> tuple[list[Tok], list[int]]:
    """The tokens of `text` and their tag indices (into TAGS)."""
    import numpy as np

    toks = toks if toks is not None else tokenize(text, lang=lex.lang)
    feats = token_features(text, toks, sentences, find_quotes(text), rule_marks(text, sentences, lex),
                           model.cue_rate, model.clusters)
    tags: list[int] = []
    index, weights = model.index, model.weights
    for a, b in paragraphs_of(text, toks):
        emit = np.zeros((b - a, len(TAGS)), dtype=np.float32)
        for k in range(a, b):
            ids = [index[f] for f in feats[k] if f in index]
            if ids:
                emit[k - a] = weights[ids].sum(0)
        tags += viterbi(emit, model.trans)
    return toks, tags


def segments(tags: list[int]) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) runs of a BIO tag sequence."""
    return segments_of(tags, TAGS)


def attributions_from_tags(text: str, toks: list[Tok], tags: list[int],
                           sentences: list[Span]) -> list[Attribution]:
    """Group tagged source/cue/content runs into attributions (per paragraph, nearest cue)."""
    out: list[Attribution] = []
    segs_all = segments(tags)
    sent_starts = [s.start for s in sentences]

    def sent(tok_i: int) -> int:
        return max(0, bisect_left(sent_starts, toks[tok_i].start + 1) - 1)

    for a, b in paragraphs_of(text, toks):
        segs = [s for s in segs_all if a <= s[1] < b]
        cues = [s for s in segs if s[0] == "CUE"]
        srcs = [s for s in segs if s[0] == "SRC"]
        groups: dict[int | None, list[tuple[str, int, int]]] = {}
        for seg in (s for s in segs if s[0] == "CON"):
            best, best_key = None, None
            for ci, cue in enumerate(cues):
                gap = cue[1] - seg[2] if cue[1] >= seg[2] else seg[1] - cue[2]
                same = sent(cue[1]) in {sent(seg[1]), sent(seg[2] - 1)}
                key = (not same, max(gap, 0))
                if best_key is None or key < best_key:
                    best, best_key = ci, key
            groups.setdefault(best, []).append(seg)
        used_src: set[int] = set()
        for ci, pieces in groups.items():
            cue = cues[ci] if ci is not None else None
            src = None
            if cue is not None:
                best_key = None
                for k, s in enumerate(srcs):
                    gap = cue[1] - s[2] if cue[1] >= s[2] else s[1] - cue[2]
                    same = sent(s[1]) == sent(cue[1])
                    key = (k in used_src, not same, max(gap, 0))
                    if (same or gap <= 3) and (best_key is None or key < best_key):
                        src, best_key = k, key
                if src is not None:
                    used_src.add(src)
            spans = sorted((toks[p[1]].start, toks[p[2] - 1].end) for p in pieces)
            start, end = spans[0][0], spans[-1][1]
            inner = text[start:end]
            direct = bool(_QUOTE_CHARS.match(inner)) or bool(re.search(r"[“”\"]\W*$", inner))
            s_span = srcs[src] if src is not None else None
            out.append(Attribution(
                content=Span.of(text, start, end), direct=direct,
                source=Span.of(text, toks[s_span[1]].start, toks[s_span[2] - 1].end) if s_span else None,
                cue=Span.of(text, toks[cue[1]].start, toks[cue[2] - 1].end) if cue else None,
                spans=tuple(spans) if len(spans) > 1 else ()))
    out.sort(key=lambda x: (x.content.start, x.content.end))
    return out


# ---------------------------------------------------------------- cue-conditioned tagger (English)
#
# Second stage, as in semantic role labelling: every cue candidate (the first tagger's cue runs,
# plus uncovered words that are cues ≥ 30% of the time in train) gets its own tagging of the
# sentences around it into source/content (O, B-SRC, I-SRC, B-CON, I-CON), with features
# relative to that cue (side, distance, punctuation/sentence/other cues in between, the cue
# word). A candidate whose best tagging has no content is dropped; overlapping results are
# resolved (an attribution whose cue lies in another's content goes, then by confidence).

ARG_TAGS = ("O", "B-SRC", "I-SRC", "B-CON", "I-CON")


@dataclass
class DocInfo:
    text: str
    toks: list[Tok]
    lows: list[str]
    rates: list[int]
    sent_of: list[int]
    first_of: dict[int, int]
    last_of: dict[int, int]
    inq: list[bool]
    para_of: list[int]
    cum_sep: list[int]       # prefix counts of , ; : ( — before token i
    cum_cue: list[int]       # prefix counts of cue-like words (rate bucket ≥ 3)
    cum_qm: list[int]        # prefix counts of quotation marks


def doc_info(text: str, toks: list[Tok], sentences: list[Span], quotes: list[Quote],
             cue_rate: dict[str, float]) -> DocInfo:
    n = len(toks)
    lows = [t.low for t in toks]
    rates = [_rate_bucket(cue_rate.get(w, 0.0)) for w in lows]
    sent_of, first_of, last_of, inq = token_positions(toks, sentences, quotes)
    para_of = [0] * n
    for p, (a, b) in enumerate(paragraphs_of(text, toks)):
        for k in range(a, b):
            para_of[k] = p
    cum_sep, cum_cue, cum_qm = [0], [0], [0]
    for i, t in enumerate(toks):
        cum_sep.append(cum_sep[-1] + (t.text in ",;:(—–"))
        cum_cue.append(cum_cue[-1] + (rates[i] >= 3))
        cum_qm.append(cum_qm[-1] + (t.text in "“”\"‘’''" and len(t.text) == 1))
    return DocInfo(text, toks, lows, rates, sent_of, first_of, last_of, inq, para_of,
                   cum_sep, cum_cue, cum_qm)


def cue_candidates(info: DocInfo, tags: list[int], min_rate: int = 2) -> list[tuple[int, int]]:
    """Token ranges that may be cues: the first tagger's CUE runs, and uncovered cue-like words."""
    out = [(a, b) for role, a, b in segments(tags) if role == "CUE"]
    covered = set()
    for a, b in out:
        covered.update(range(a, b))
    for i, r in enumerate(info.rates):
        if r >= min_rate and i not in covered:
            out.append((i, i + 1))
    out.sort()
    return out


def arg_window(info: DocInfo, cue: tuple[int, int], max_tokens: int = 150) -> tuple[int, int]:
    """The cue's sentence with its neighbours in the same paragraph."""
    s = info.sent_of[cue[0]]
    para = info.para_of[cue[0]]
    lo, hi = s, info.sent_of[cue[1] - 1]
    if lo - 1 in info.first_of and info.para_of[info.first_of[lo - 1]] == para:
        lo -= 1
    if hi + 1 in info.first_of and info.para_of[info.first_of[hi + 1]] == para:
        hi += 1
    a, b = info.first_of[lo], info.last_of[hi] + 1
    # a quotation open at the end of the window (or a cue ending in ":") runs on
    while b < len(info.toks) and b - cue[1] < max_tokens // 2 and (
            info.inq[b - 1] and info.inq[b] or info.toks[cue[1] - 1].text == ":" and b == info.last_of[hi] + 1
            and info.sent_of[b] == hi + 1):
        hi = info.sent_of[b]
        b = info.last_of[hi] + 1
    a = max(a, cue[0] - max_tokens // 2)
    b = min(b, cue[1] + max_tokens // 2)
    return a, b


def _sbucket(d: int) -> str:
    return str(d) if d <= 3 else "4-5" if d <= 5 else "6-9" if d <= 9 else "10-15" if d <= 15 else "16-25" if d <= 25 else "26+"


def arg_features(info: DocInfo, cue: tuple[int, int], win: tuple[int, int],
                 tag_names: list[str] | None = None) -> list[list[str]]:
    """Features of the tokens of `win` relative to the cue candidate `cue` (token ranges)."""
    lows, toks = info.lows, info.toks
    ca, cb = cue
    cue_words = lows[ca:cb]
    cw = cue_words[-1]
    cue_str = " ".join(cue_words) if cb - ca <= 3 else cw
    c_prev = lows[ca - 1] if ca > 0 else "<d>"
    c_next = lows[cb] if cb < len(toks) else "</d>"
    c_next2 = lows[cb + 1] if cb + 1 < len(toks) else "</d>"
    c_sent = info.sent_of[ca]
    c_inq = info.inq[ca]
    cue_rate = max(info.rates[ca:cb])
    base = [f"cw={cw}", f"cue={cue_str}", f"cprev={c_prev}", f"cnext={c_next}", f"cnn={c_next}|{c_next2}",
            f"clen={min(cb - ca, 4)}", f"crate={cue_rate}"]
    if tag_names is not None:
        base.append("ctag=" + "+".join(sorted({t[2:] if t != "O" else "O" for t in tag_names[ca:cb]})))
    out = []
    for i in range(win[0], win[1]):
        w = lows[i]
        if ca <= i < cb:
            out.append(["INCUE"])
            continue
        if i < ca:
            side, d = "L", ca - i
            lo, hi = i + 1, ca
        else:
            side, d = "R", i - cb + 1
            lo, hi = cb, i
        db = _sbucket(d)
        sep = info.cum_sep[hi] - info.cum_sep[lo]
        xcue = info.cum_cue[hi] - info.cum_cue[lo]
        qm = info.cum_qm[hi] - info.cum_qm[lo]
        xs = info.sent_of[i] - c_sent
        sepb = str(min(sep, 2))
        xcb = str(min(xcue, 2))
        s = info.sent_of[i]
        fs, ls = info.first_of[s], info.last_of[s]
        p1 = lows[i - 1] if i > fs else "<s>"
        n1 = lows[i + 1] if i < ls else "</s>"
        f = ["b", "side=" + side, "rel=" + side + db, "w=" + w, "sw=" + side + w, "p1=" + p1,
             "n1=" + n1, "sp1=" + side + p1, "sn1=" + side + n1, "sh=" + _shape(toks[i].text),
             "sep=" + side + sepb, "xcue=" + side + xcb, "xs=" + str(max(-2, min(2, xs))),
             "qm=" + side + str(min(qm, 3)), f"srs={side}{db}|{sepb}|{xcb}",
             f"sx={side}{sepb}|{xs}", f"cr={info.rates[i]}|{side}{sepb}",
             f"send={_bucket(ls - i)}|{side}", f"sbeg={_bucket(i - fs)}|{side}"]
        if info.inq[i]:
            f.append("inq" + side + str(c_inq))
        f += [side + x for x in base]
        f.append(f"{side}{db}|cw={cw}")
        f.append(f"{side}{sepb}{xs}|cw={cw}")
        f.append(f"{side}{sepb}|cnext={c_next}")
        if d <= 3:
            f.append(f"{side}{d}|w={w}|cw={cw}")
        if tag_names is not None:
            tg = tag_names[i]
            tg = tg[2:] if tg != "O" else "O"
            f.append("t=" + tg)
            f.append(f"t={tg}|{side}{sepb}")
            f.append(f"t={tg}|{side}{db}")
        out.append(f)
    return out


def arg_valid_transitions():
    import numpy as np

    ok = np.ones((len(ARG_TAGS) + 1, len(ARG_TAGS)), dtype=bool)
    for j, tag in enumerate(ARG_TAGS):
        if tag.startswith("I-"):
            for i in range(len(ARG_TAGS) + 1):
                prev = ARG_TAGS[i] if i < len(ARG_TAGS) else "START"
                ok[i, j] = prev != "O" and prev != "START" and prev[2:] == tag[2:]
    return ok


@dataclass
class ArgModel:
    index: dict[str, int]
    weights: "object"
    trans: "object"
    threshold: float = 0.0
    cue_weights: dict[str, float] | None = None   # cue classifier (logistic regression)
    cue_bias: float = 0.0


def cue_features(info: DocInfo, cue: tuple[int, int], tag_names: list[str] | None) -> list[str]:
    """Features of a cue candidate for the cue classifier: words, neighbours, stage-1 tags around
    it and in its sentence."""
    lows = info.lows
    ca, cb = cue
    words = lows[ca:cb]
    prev = [lows[k] if k >= 0 else "<d>" for k in (ca - 2, ca - 1)]
    nxt = [lows[k] if k < len(lows) else "</d>" for k in (cb, cb + 1)]
    s = info.sent_of[ca]
    f = ["cw=" + words[-1], "c0=" + words[0], "cue=" + " ".join(words[:4]), f"clen={min(cb - ca, 4)}",
         "p1=" + prev[1], "p2=" + prev[0], "n1=" + nxt[0], "n2=" + nxt[1], "p1c=" + prev[1] + "|" + words[-1],
         "cn1=" + words[-1] + "|" + nxt[0], f"rate={max(info.rates[ca:cb])}", f"inq={info.inq[ca]}",
         "spos=" + _bucket(ca - info.first_of[s]), "send=" + _bucket(info.last_of[s] - cb + 1),
         "sh=" + _shape(info.toks[ca].text), "p1sh=" + (_shape(info.toks[ca - 1].text) if ca else "<d>"),
         f"docfirst={s == 0}"]
    if tag_names is not None:
        tg = "+".join(sorted({t[2:] if t != "O" else "O" for t in tag_names[ca:cb]}))
        f += ["ctag=" + tg, "ctag|cw=" + tg + "|" + words[-1]]
        for side, k in (("L", ca - 1), ("R", cb)):
            t = tag_names[k] if 0 <= k < len(tag_names) else "O"
            f.append(f"{side}tag=" + (t[2:] if t != "O" else "O"))
        near = tag_names[max(0, ca - 4):ca] + tag_names[cb:cb + 4]
        f.append("near_con=" + str(sum(t.endswith("CON") for t in near)))
        f.append("near_src=" + str(sum(t.endswith("SRC") for t in near)))
        # the cue's sentence: `that` right after it, other stage-1 cues, content/source tokens
        fs, ls = info.first_of[s], info.last_of[s]
        ncon = sum(t.endswith("CON") for t in tag_names[fs:ls + 1])
        f += ["that_next=" + str("that" in lows[cb:min(ls + 1, cb + 3)]),
              "other_cues=" + str(min(2, sum(t == "B-CUE" for k, t in enumerate(tag_names[fs:ls + 1], fs)
                                              if not ca <= k < cb))),
              "sent_con=" + _bucket(ncon), "sent_src=" + str(min(3, sum(t.endswith("SRC") for t in tag_names[fs:ls + 1]))),
              "sent_qm=" + str(min(2, info.cum_qm[ls + 1] - info.cum_qm[fs])),
              f"cw_sentcon={words[-1]}|{ncon > 0}"]
    return f


def cue_probability(model: "ArgModel", feats: list[str]) -> float:
    if model.cue_weights is None:
        return 1.0
    z = model.cue_bias + sum(model.cue_weights.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=None)
def _arg_model(lang: str) -> ArgModel | None:
    path = _MODEL_DIR / f"attribution_{lang}" / "arguments.npz"
    if not path.exists():
        return None
    import numpy as np

    with np.load(path, allow_pickle=False) as z:
        names = [str(s) for s in z["features"]]
        weights = z["weights"].astype(np.float32)
        trans = z["trans"].astype(np.float32)
        threshold = float(z["threshold"]) if "threshold" in z.files else 0.0
        cue_w = None
        cue_bias = 0.0
        if "cue_features" in z.files:
            cue_w = dict(zip((str(x) for x in z["cue_features"]), z["cue_weights"].astype(float).tolist()))
            cue_bias = float(z["cue_bias"])
    trans = trans + np.where(arg_valid_transitions(), 0.0, -1e6).astype(np.float32)
    return ArgModel({n: i for i, n in enumerate(names)}, weights, trans, threshold, cue_w, cue_bias)


def arg_emissions(feats: list[list[str]], index: dict[str, int], weights):
    import numpy as np

    emit = np.zeros((len(feats), len(ARG_TAGS)), dtype=np.float32)
    for k, fs in enumerate(feats):
        if fs == ["INCUE"]:
            emit[k, 1:] = -1e6
            continue
        ids = [index[f] for f in fs if f in index]
        if ids:
            emit[k] = weights[ids].sum(0)
    return emit


@lru_cache(maxsize=None)
def _with_content_states(key: bytes, shape: tuple[int, int]):
    """Transitions over (tag, content seen) pairs, and the final mask requiring content."""
    import numpy as np

    trans = np.frombuffer(key, dtype=np.float32).reshape(shape)
    t = shape[1]
    is_con = np.array([x.endswith("CON") for x in ARG_TAGS])
    big = np.full((2 * t + 1, 2 * t), -1e9, dtype=np.float32)
    for s in (0, 1):
        for i in range(t):
            for j in range(t):
                s2 = 1 if (s or is_con[j]) else 0
                big[s * t + i, s2 * t + j] = trans[i, j]
    for j in range(t):
        big[2 * t, (1 if is_con[j] else 0) * t + j] = trans[t, j]
    final = np.concatenate([np.full(t, -1e9), np.zeros(t)]).astype(np.float32)
    return big, final


def viterbi_with_content(emit, trans) -> list[int]:
    """The best tagging that has at least one content token."""
    import numpy as np

    big, final = _with_content_states(np.ascontiguousarray(trans, dtype=np.float32).tobytes(), trans.shape)
    path = viterbi(np.concatenate([emit, emit], axis=1), big, final)
    t = trans.shape[1]
    return [p % t for p in path]


def path_confidence(emit, trans, path: list[int]) -> float:
    """Score of `path` minus the score of the all-O path."""
    import numpy as np

    n = len(path)
    best = trans[-1, path[0]] + emit[0, path[0]] + sum(
        trans[path[k - 1], path[k]] + emit[k, path[k]] for k in range(1, n))
    null = trans[-1, 0] + float(np.sum(emit[:, 0])) + (n - 1) * trans[0, 0]
    return float(best - null)


def resolve_arguments(found: list[dict], sent_of: list[int] | None = None) -> list[dict]:
    """Content pieces in a neighbouring sentence that has a cue of its own go to that cue; then
    attributions whose cue lies inside another one's content go, then overlaps by confidence."""
    if sent_of is not None:
        cue_sents = {sent_of[x["cue"][0]] for x in found}
        for x in found:
            own = {sent_of[x["cue"][0]], sent_of[x["cue"][1] - 1]}
            x["con"] = [(a, b) for a, b in x["con"]
                        if sent_of[a] in own or sent_of[b - 1] in own or not (
                            {sent_of[a], sent_of[b - 1]} & cue_sents)]
        found = [x for x in found if x["con"]]
    contents = [set(k for a, b in x["con"] for k in range(a, b)) for x in found]
    keep = []
    for i, x in enumerate(found):
        cue = set(range(*x["cue"]))
        if any(j != i and cue & contents[j] for j in range(len(found))):
            continue
        keep.append(i)
    keep.sort(key=lambda i: -found[i]["conf"])
    taken: set[int] = set()
    out = []
    for i in keep:
        c = contents[i]
        if len(c & taken) > 0.5 * len(c):
            continue
        taken |= c
        out.append(found[i])
    return out


def tag_arguments(info: DocInfo, cands: list[tuple[int, int]], model: ArgModel,
                  tag_names: list[str] | None) -> list[dict]:
    """Stage 2 over the cue candidates: {"cue", "con", "src" (token ranges), "conf"} per kept
    attribution, after `resolve_arguments`."""
    found = []
    for cue in cands:
        win, path, summary = argument_path(info, cue, model, tag_names)
        conf = cue_probability(model, cue_features(info, cue, tag_names) + summary)
        if conf < model.threshold:
            continue
        con, src = [], []
        for role, a, b in segments_of(path, ARG_TAGS):
            (con if role == "CON" else src).append((a + win[0], b + win[0]))
        found.append({"cue": cue, "con": con, "src": src, "conf": conf})
    return resolve_arguments(found, info.sent_of)


def argument_path(info: DocInfo, cue: tuple[int, int], model: "ArgModel",
                  tag_names: list[str] | None) -> tuple[tuple[int, int], list[int], list[str]]:
    """The cue's window, its best tagging with some content, and features describing that
    tagging for the cue classifier (content side, size, distance, source, score margin)."""
    win = arg_window(info, cue)
    feats = arg_features(info, cue, win, tag_names)
    emit = arg_emissions(feats, model.index, model.weights)
    path = viterbi_with_content(emit, model.trans)
    margin = path_confidence(emit, model.trans, path)
    con = [k + win[0] for k, t in enumerate(path) if ARG_TAGS[t].endswith("CON")]
    src = [k + win[0] for k, t in enumerate(path) if ARG_TAGS[t].endswith("SRC")]
    side = ("L" if con[0] < cue[0] else "") + ("R" if con[-1] >= cue[1] else "")
    gap = min(abs(k - cue[0]) if k < cue[0] else k - cue[1] + 1 for k in con)
    per = margin / max(1, len(con))
    pb = "neg" if margin < 0 else "0-1" if per < 1 else "1-3" if per < 3 else "3-10" if per < 10 else "10+"
    qm = any(info.toks[k].text in "“”\"" for k in con)
    summary = [f"a_side={side}", f"a_len={_bucket(len(con))}", f"a_gap={_bucket(gap)}",
               f"a_src={'yes' if src else 'no'}", f"a_margin={pb}", f"a_q={qm}",
               f"a_side_len={side}|{_bucket(len(con))}", f"a_margin_cw={pb}|{info.lows[cue[1] - 1]}",
               f"a_seg={min(3, len(segments_of(path, ARG_TAGS)))}"]
    return win, path, summary


def segments_of(tags: list[int], names) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) runs of a BIO sequence over the tag `names`."""
    out = []
    cur = None
    for i, t in enumerate(tags):
        tag = names[t]
        if tag == "O":
            if cur:
                out.append(cur)
            cur = None
        elif tag.startswith("B-") or cur is None or cur[0] != tag[2:]:
            if cur:
                out.append(cur)
            cur = (tag[2:], i, i + 1)
        else:
            cur = (cur[0], cur[1], i + 1)
    if cur:
        out.append(cur)
    return out


_OPEN_Q = "“\"‘«'"
_CLOSE_Q = "”\"’»'"


def tidy_piece(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """A tagged content piece as the rules write contents: without the quotation marks that
    wrap it and without trailing , ; : (PolNeAR keeps them); True when it was quoted."""
    start, end = _strip(text, start, end)
    quoted = False
    if end - start > 2 and text[start] in _OPEN_Q:
        k = end
        while k > start + 1 and text[k - 1] in " ,;:.!?":
            k -= 1
        if text[k - 1] in _CLOSE_Q and not _QUOTE_CHARS.search(text, start + 1, k - 1):
            quoted = True
            inner_end = k - 1
            # keep the sentence's own final ?/! inside the marks
            start, end = start + 1, inner_end
    a, b = _content_span(text, start, end)
    if b > a:
        start, end = a, b
    return start, end, quoted


def tidy_attribution(text: str, a: Attribution) -> Attribution:
    """`a` with its content pieces written as the rules write them (`tidy_piece`)."""
    pieces = list(a.spans) if a.spans else [(a.content.start, a.content.end)]
    tidied = sorted(tidy_piece(text, s, e) for s, e in pieces)
    spans = [(s, e) for s, e, _ in tidied if e > s]
    if not spans:
        return a
    start, end = spans[0][0], spans[-1][1]
    return Attribution(content=Span.of(text, start, end),
                       direct=a.direct or any(q for _, _, q in tidied), source=a.source, cue=a.cue,
                       spans=tuple(spans) if len(spans) > 1 else ())


def attributions_from_arguments(info: DocInfo, found: list[dict]) -> list[Attribution]:
    return attributions_of_runs(info.text, info.toks, found)


def attributions_of_runs(text: str, toks: list[Tok], found: list[dict]) -> list[Attribution]:
    """Attributions from token runs: each of `found` has a "cue" run and lists of "con" and
    "src" runs (first token, last + 1); the content pieces are tidied, the source is the run
    nearest the cue, and one with no content left is dropped."""
    out = []
    for x in found:
        tidied = sorted(tidy_piece(text, toks[a].start, toks[b - 1].end) for a, b in x["con"])
        spans = [(a, b) for a, b, _ in tidied if b > a]
        if not spans:
            continue
        start, end = spans[0][0], spans[-1][1]
        inner = text[start:end]
        direct = any(q for _, _, q in tidied) or bool(_QUOTE_CHARS.match(inner))
        src = None
        if x["src"]:
            ca = x["cue"][0]
            a, b = min(x["src"], key=lambda s: abs(s[0] - ca))
            src = Span.of(text, toks[a].start, toks[b - 1].end)
        out.append(Attribution(content=Span.of(text, start, end), direct=direct, source=src,
                               cue=Span.of(text, toks[x["cue"][0]].start, toks[x["cue"][1] - 1].end),
                               spans=tuple(spans) if len(spans) > 1 else ()))
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return out


def neural_attributions(text: str, toks: list[Tok], tags: list[int], sentences: list[Span]) -> list[Attribution]:
    """The BiLSTM's tagged runs grouped into attributions, content pieces tidied."""
    return [tidy_attribution(text, a) for a in attributions_from_tags(text, toks, tags, sentences)]


def learned_attributions(text: str, sentences: list[Span], lex: Lexicon, tagger: Tagger) -> list[Attribution]:
    """The BiLSTM tagger (`attribution_neural`, when `neural.npz` is shipped) with its runs
    grouped by `attributions_from_tags`; otherwise stage 1 (`tag_document`) then, when shipped,
    stage 2 (`tag_arguments`)."""
    from rassegna.attribution_neural import neural_tagger, neural_tags

    neural = neural_tagger(lex.lang)
    if neural is not None:
        # on PolNeAR dev the contextual tagger's own runs beat feeding them to stage 2
        toks, tags, _ = neural_tags(text, sentences, lex, neural)
        return neural_attributions(text, toks, tags, sentences)
    toks, tags = tag_document(text, sentences, lex, tagger)
    args = _arg_model(lex.lang)
    if args is None:
        return attributions_from_tags(text, toks, tags, sentences)
    info = doc_info(text, toks, sentences, find_quotes(text), tagger.cue_rate)
    names = [TAGS[t] for t in tags]
    found = tag_arguments(info, cue_candidates(info, tags), args, names)
    return attributions_from_arguments(info, found)
