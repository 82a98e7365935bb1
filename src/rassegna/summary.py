"""Extractive story summaries: real sentences from the corpus, each cited.

Maximal marginal relevance over TF-IDF sentence vectors: each pick is the sentence most
central to the story (cosine with the story centroid, plus a bonus for a point other outlets
make too) minus its similarity to what is already picked, so two sentences saying the same thing from two outlets are not both chosen.
Nothing is generated: every summary sentence is a span of a cited document.
"""

from __future__ import annotations

from collections import Counter

from rassegna.model import Document
from rassegna.reuse import stem_counts
from rassegna.vectors import centroid, cosine, tfidf

MIN_SENTENCES = 5
MAX_SENTENCES = 10
MMR_LAMBDA = 0.7
MIN_WORDS = 8  # headings and fragments are not summary material
MAX_WORDS = 60
DUPLICATE_SIMILARITY = 0.6  # never two sentences this alike
FACET_BONUS = 0.15  # for a sentence stating a claim or an event not yet covered
LEAD_BONUS = 0.08  # for an article's opening sentence: news puts the news first
SUPPORT_BONUS = 0.1  # for a point other outlets make too (full at SUPPORT_FULL documents)
SUPPORT_FULL = 2
SUPPORT_SIMILARITY = 0.3  # a sentence this alike in another document supports a point
SUPPORT_POSTINGS = 64  # stems in more sentences than this do not propose partners
SUPPORT_STEMS = 8  # a sentence's rarest stems propose its partners
SUPPORT_PARTNERS = 20  # sentences compared per sentence, those sharing most stems


def summarise(documents: list[Document], size: int | None = None,
              facets: list[set[tuple[str, int]]] | None = None) -> list[dict]:
    """5–10 cited sentences for the documents of one story (fewer if the story is small).

    `facets` are what the summary should cover, each the set of (doc id, sentence start) of
    the sentences that state it: a claim's figures, a dated event. A sentence that covers a
    facet not yet covered gains FACET_BONUS, so the picks spread over the claims and events
    instead of repeating the most central point.
    """
    facets = facets or []
    candidates = [(doc, s) for doc in documents for s in doc.sentences
                  if MIN_WORDS <= len(s.text.split()) <= MAX_WORDS and reads_as_prose(s.text)]
    if not candidates:
        return []
    vectors = tfidf(stem_counts(s.text) for _, s in candidates)
    middle = centroid(vectors)
    relevance = [cosine(v, middle) for v in vectors]
    lead = [LEAD_BONUS if s.start == _first_start(doc) else 0.0 for doc, s in candidates]
    support = [SUPPORT_BONUS * min(k, SUPPORT_FULL) / SUPPORT_FULL
               for k in _support(vectors, [doc.id for doc, _ in candidates])]
    facets_of: dict[tuple[str, int], set[int]] = {}   # sentence → the facets it states, made once
    for f, facet in enumerate(facets):
        for sentence in facet:
            facets_of.setdefault(sentence, set()).add(f)
    covers = [facets_of.get((doc.id, s.start), set()) for doc, s in candidates]
    want = size or max(MIN_SENTENCES, min(MAX_SENTENCES, 2 + len(documents) + len(facets) // 2))
    chosen: list[int] = []
    covered: set[int] = set()
    remaining = sorted(range(len(candidates)), key=lambda i: (-relevance[i], candidates[i][0].id, candidates[i][1].start))
    rank = {i: r for r, i in enumerate(remaining)}  # ties go to the more central, in O(1)
    # each candidate's highest similarity to the sentences chosen so far (0 before the first:
    # the weights are positive, so no cosine is below it), brought up to date at each choice:
    # recomputing it against every chosen sentence at every pick made the loop quadratic in the
    # summary's length
    redundancy = [0.0] * len(candidates)
    while remaining and len(chosen) < want:
        def mmr(i: int) -> float:
            bonus = FACET_BONUS if covers[i] - covered else 0.0
            return (MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy[i]
                    + bonus + lead[i] + support[i])

        best = max(remaining, key=lambda i: (mmr(i), -rank[i]))
        remaining.remove(best)
        if redundancy[best] >= DUPLICATE_SIMILARITY:
            continue
        chosen.append(best)
        covered |= covers[best]
        for i in remaining:
            redundancy[i] = max(redundancy[i], cosine(vectors[i], vectors[best]))
    # Present in reading order: by document date, document, position.
    chosen.sort(key=lambda i: (candidates[i][0].published or "", candidates[i][0].id, candidates[i][1].start))
    return [{"text": s.text, "citations": [{"doc": doc.id, "start": s.start, "end": s.end}]}
            for doc, s in (candidates[i] for i in chosen)]


def reads_as_prose(text: str) -> bool:
    """Table rows ("| 1 | Kyle Busch | 5040 |", which the HTML extractor keeps) and lines that
    open on a symbol are not sentences a summary can quote."""
    first = text.lstrip()[:1]
    return "|" not in text and (first.isalnum() or first in "\"'“‘«„(")


def _first_start(doc: Document) -> int | None:
    """Start of the document's first sentence long enough to be prose (not a heading)."""
    return next((s.start for s in doc.sentences if len(s.text.split()) >= MIN_WORDS), None)


def _support(vectors: list[dict[str, float]], docs: list[str]) -> list[int]:
    """For each sentence, how many other documents have a sentence saying much the same
    (cosine ≥ SUPPORT_SIMILARITY): points several outlets make belong in a summary. Partners
    come from an inverted index of the sentence's rarest stems, at most SUPPORT_PARTNERS per
    sentence, so the cost grows with the number of sentences, not its square."""
    postings: dict[str, list[int]] = {}
    for i, v in enumerate(vectors):
        for t in v:
            postings.setdefault(t, []).append(i)
    out = []
    for i, v in enumerate(vectors):
        shared: Counter[int] = Counter()
        rare = sorted((t for t in v if len(postings[t]) <= SUPPORT_POSTINGS), key=lambda t: (len(postings[t]), t))
        for t in rare[:SUPPORT_STEMS]:
            shared.update(j for j in postings[t] if docs[j] != docs[i])
        partners = sorted(shared, key=lambda j: (-shared[j], j))[:SUPPORT_PARTNERS]
        out.append(len({docs[j] for j in partners if cosine(v, vectors[j]) >= SUPPORT_SIMILARITY}))
    return out
