"""Extractive story summaries: real sentences from the corpus, each cited.

Maximal marginal relevance over TF-IDF sentence vectors: each pick is the sentence most
central to the story (cosine with the story centroid) minus its similarity to what is
already picked, so two sentences saying the same thing from two outlets are not both chosen.
Nothing is generated: every summary sentence is a span of a cited document.
"""

from __future__ import annotations

from collections import Counter

from rassegna.model import Document
from rassegna.reuse import stems
from rassegna.vectors import cosine, normalised, tfidf

MIN_SENTENCES = 5
MAX_SENTENCES = 10
MMR_LAMBDA = 0.7
MIN_WORDS = 8  # headings and fragments are not summary material
MAX_WORDS = 60
DUPLICATE_SIMILARITY = 0.6  # never two sentences this alike


def summarise(documents: list[Document], size: int | None = None) -> list[dict]:
    """5–10 cited sentences for the documents of one story (fewer if the story is small)."""
    candidates = [(doc, s) for doc in documents for s in doc.sentences
                  if MIN_WORDS <= len(s.text.split()) <= MAX_WORDS]
    if not candidates:
        return []
    vectors = tfidf(Counter(stems(s.text)) for _, s in candidates)
    centroid = normalised(sum((Counter(v) for v in vectors), Counter()))
    relevance = [cosine(v, centroid) for v in vectors]
    want = size or max(MIN_SENTENCES, min(MAX_SENTENCES, 2 + len(documents)))
    chosen: list[int] = []
    remaining = sorted(range(len(candidates)), key=lambda i: (-relevance[i], candidates[i][0].id, candidates[i][1].start))
    while remaining and len(chosen) < want:
        def mmr(i: int) -> float:
            redundancy = max((cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            return MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy

        best = max(remaining, key=lambda i: (mmr(i), -remaining.index(i)))
        remaining.remove(best)
        if any(cosine(vectors[best], vectors[j]) >= DUPLICATE_SIMILARITY for j in chosen):
            continue
        chosen.append(best)
    # Present in reading order: by document date, document, position.
    chosen.sort(key=lambda i: (candidates[i][0].published or "", candidates[i][0].id, candidates[i][1].start))
    return [{"text": s.text, "citations": [{"doc": doc.id, "start": s.start, "end": s.end}]}
            for doc, s in (candidates[i] for i in chosen)]
