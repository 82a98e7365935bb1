"""Reuse across documents: duplicates, rewrites and shared passages, with aligned offsets.

Two signals, both found without comparing all pairs:
- whole-document near-duplicates: MinHash LSH (datasketch) over word 5-gram shingles;
- passages: sentences that say the same thing with mostly the same content words in the
  same order. A rewrite of a press statement keeps names, numbers and the order of points but
  changes the wording, so exact n-gram matching misses it; instead each sentence is reduced to
  a set of word stems, candidate sentence pairs come from an inverted index on each sentence's
  rarest stems (prefix filtering), and matched pairs that run in order in both documents are
  chained into passages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.it.stop_words import STOP_WORDS as IT_STOP_WORDS

from rassegna.model import Document

SHINGLE_WORDS = 5
NUM_PERM = 128
DUPLICATE_JACCARD = 0.8
# Sentence matching: overlap of stem sets, relative to the smaller sentence.
SENTENCE_MIN_STEMS = 5
SENTENCE_MATCH = 0.55
SIGNATURE_STEMS = 6  # rarest stems of a sentence that go into the inverted index
STEM_CHARS = 6
# A document pair is a rewrite when its passages cover this much of the shorter text.
REWRITE_COVERAGE = 0.25
PASSAGE_GAP = 2  # sentences that may be skipped inside one passage, on either side
# Bounds that keep the work linear when one text is copied many times: a sentence is compared
# with at most this many candidates per index stem, and a document keeps its strongest
# partners only (a wire story in 200 outlets gives 200 links, not 20,000).
CANDIDATES_PER_STEM = 40
PARTNERS_PER_DOCUMENT = 10

_TOKEN = re.compile(r"\w+", re.UNICODE)
_STOP_WORDS = frozenset(IT_STOP_WORDS | EN_STOP_WORDS)
SENTENCE_MIN_SHARED = 4


@dataclass(frozen=True)
class _Sentence:
    doc: int
    index: int
    start: int
    end: int
    stems: frozenset[str]


def find_reuse(documents: list[Document]) -> list[dict]:
    """Reuse records between documents (contract shape), strongest first."""
    duplicates = _near_duplicates(documents)
    sentences = [_sentences_of(i, doc) for i, doc in enumerate(documents)]
    matches = _matching_sentences(sentences)
    records = []
    pairs = set(matches) | set(duplicates)
    for a, b in sorted(pairs):
        passages = _passages(matches.get((a, b), []), sentences[a], sentences[b])
        coverage = _coverage(passages, documents[a], documents[b])
        jaccard = duplicates.get((a, b), 0.0)
        if jaccard >= DUPLICATE_JACCARD:
            kind, score = "duplicate", jaccard
        elif not passages:
            continue
        elif coverage >= REWRITE_COVERAGE:
            kind, score = "rewrite", coverage
        else:
            kind, score = "shared-passages", coverage
        records.append({"a": documents[a].id, "b": documents[b].id, "kind": kind,
                        "score": round(score, 4), "passages": passages})
    records.sort(key=lambda r: (-r["score"], r["a"], r["b"]))
    return _strongest_partners(records)


def _strongest_partners(records: list[dict]) -> list[dict]:
    """Keep a pair when it is among the strongest links of either of its documents."""
    links: dict[str, int] = defaultdict(int)
    kept = []
    for record in records:  # strongest first
        if links[record["a"]] < PARTNERS_PER_DOCUMENT or links[record["b"]] < PARTNERS_PER_DOCUMENT:
            kept.append(record)
            links[record["a"]] += 1
            links[record["b"]] += 1
    return kept


def stems(text: str) -> frozenset[str]:
    """Content-word stems: long-enough non-stop words cut to a fixed prefix, numbers whole.

    Cutting to a prefix is a crude stemmer, but it is language-independent and makes
    "nordcoreane"/"nordcoreani" or "deployed"/"deployment" meet.
    """
    return frozenset(filter(None, map(stem, _TOKEN.findall(text.lower()))))


def stem_counts(text: str) -> Counter:
    """`stems` as counts (one each), added in sorted order: the key order, and so float sums
    over the keys, must not follow the process's string hashing, or near-ties in stories,
    summaries and the timeline go one way or the other from run to run."""
    return Counter(sorted(stems(text)))


def stem(token: str) -> str | None:
    """The stem of one lower-case word, or None for a stop word or a short word."""
    if token.isdigit():
        return token
    if len(token) >= 4 and token not in _STOP_WORDS:
        return token[:STEM_CHARS]
    return None


def _sentences_of(doc_index: int, doc: Document) -> list[_Sentence]:
    return [_Sentence(doc_index, i, s.start, s.end, stems(s.text)) for i, s in enumerate(doc.sentences)]


def _near_duplicates(documents: list[Document]) -> dict[tuple[int, int], float]:
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD * 0.9, num_perm=NUM_PERM)
    hashes: list[MinHash] = []
    for i, doc in enumerate(documents):
        words = _TOKEN.findall(doc.text.lower())
        shingles = {" ".join(words[j:j + SHINGLE_WORDS]) for j in range(max(1, len(words) - SHINGLE_WORDS + 1))}
        minhash = MinHash(num_perm=NUM_PERM, seed=1)
        # one vectorised update for the document (the same minima as one update per shingle)
        minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles)])
        hashes.append(minhash)
        lsh.insert(str(i), minhash)
    found = {}
    for i, minhash in enumerate(hashes):
        later = sorted(j for j in map(int, lsh.query(minhash)) if j > i)
        for j in later[:CANDIDATES_PER_STEM]:
            found[(i, j)] = hashes[i].jaccard(hashes[j])
    return found


def _matching_sentences(sentences: list[list[_Sentence]]) -> dict[tuple[int, int], list[tuple[_Sentence, _Sentence, float]]]:
    """Sentence pairs from different documents whose stems overlap enough."""
    frequency: dict[str, int] = defaultdict(int)
    for doc in sentences:
        for sentence in doc:
            for stem in sentence.stems:
                frequency[stem] += 1
    index: dict[str, list[_Sentence]] = defaultdict(list)
    usable = [s for doc in sentences for s in doc if len(s.stems) >= SENTENCE_MIN_STEMS]
    signatures = []
    for sentence in usable:
        rarest = sorted(sentence.stems, key=lambda stem: (frequency[stem], stem))[:SIGNATURE_STEMS]
        signatures.append(rarest)
        for stem in rarest:
            index[stem].append(sentence)
    pairs: dict[tuple[int, int], list[tuple[_Sentence, _Sentence, float]]] = defaultdict(list)
    for sentence, signature in zip(usable, signatures):
        mine, size = sentence.stems, len(sentence.stems)
        seen = set()  # the later sentences already compared with this one (several stems lead to one)
        for stem in signature:
            postings = index[stem]  # in document order: skip to the later documents
            first = bisect_right(postings, sentence.doc, key=_doc_of)
            for other in postings[first:first + CANDIDATES_PER_STEM]:
                key = (other.doc, other.index)
                if key in seen:
                    continue
                seen.add(key)
                shared = len(mine & other.stems)
                if shared < SENTENCE_MIN_SHARED:
                    continue
                overlap = shared / min(size, len(other.stems))
                if overlap >= SENTENCE_MATCH:
                    pairs[(sentence.doc, other.doc)].append((sentence, other, overlap))
    return pairs


def _doc_of(sentence: _Sentence) -> int:
    return sentence.doc


def _passages(matches: list[tuple[_Sentence, _Sentence, float]], left: list[_Sentence],
              right: list[_Sentence]) -> list[dict]:
    """Chain matched sentence pairs that advance together in both documents into passages."""
    best: dict[int, tuple[_Sentence, _Sentence, float]] = {}
    for a, b, score in matches:  # each sentence of `a` keeps its best partner
        if a.index not in best or score > best[a.index][2]:
            best[a.index] = (a, b, score)
    chains: list[list[tuple[_Sentence, _Sentence]]] = []
    for a, b, _ in sorted(best.values(), key=lambda m: m[0].index):
        last = chains[-1][-1] if chains else None
        if last and 0 < a.index - last[0].index <= PASSAGE_GAP + 1 and 0 < b.index - last[1].index <= PASSAGE_GAP + 1:
            chains[-1].append((a, b))
        else:
            chains.append([(a, b)])
    return [{"a_start": chain[0][0].start, "a_end": chain[-1][0].end,
             "b_start": min(p[1].start for p in chain), "b_end": max(p[1].end for p in chain)}
            for chain in chains]


def _coverage(passages: list[dict], a: Document, b: Document) -> float:
    """Share of the shorter document's text inside reused passages."""
    if not passages:
        return 0.0
    covered_a = sum(p["a_end"] - p["a_start"] for p in passages)
    covered_b = sum(p["b_end"] - p["b_start"] for p in passages)
    return min(1.0, max(covered_a / max(1, len(a.text)), covered_b / max(1, len(b.text))))
