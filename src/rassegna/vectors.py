"""Sparse term vectors as plain dicts: enough for cosine similarity between a few thousand
texts without a matrix library, and picklable for any engine."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

Vector = dict[str, float]


def normalised(vector: Mapping[str, float]) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def centroid(vectors: Iterable[Mapping[str, float]]) -> Vector:
    """The L2-normalised sum of `vectors`. Summed into one dict: `sum(Counters)` makes a new
    Counter for every vector added, copying the growing total each time, which is quadratic in
    the number of vectors (a story of many articles has tens of thousands of sentences)."""
    total: dict[str, float] = {}
    for vector in vectors:
        for term, value in vector.items():
            total[term] = total.get(term, 0.0) + value
    return normalised({t: v for t, v in total.items() if v > 0})


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def tfidf(term_counts: Iterable[Mapping[str, float]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors, sublinear term frequency and smoothed idf."""
    counts = list(term_counts)
    df = Counter(term for c in counts for term in c)
    n = len(counts)
    return [normalised({t: (1 + math.log(tf)) * (math.log((1 + n) / (1 + df[t])) + 1)
                        for t, tf in c.items() if tf > 0}) for c in counts]
