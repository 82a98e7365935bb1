"""Article-extraction evaluation on the scrapinghub article-extraction-benchmark.

Layout: `<data_dir>/html/<id>.html.gz` and `<data_dir>/ground-truth.json` mapping
id → {"articleBody": …, "url": …}. Pages are extracted with the very function the HTML and
WARC readers use, and scored as the benchmark's own `evaluate.py` does: 4-token shingles
with counts, per-document scores normalised so long articles weigh no more than short ones.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path
from statistics import mean

from rassegna.readers._common import ReadError
from rassegna.readers.html import decode_html, extract_article

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


def shingles(text: str, n: int = SHINGLE_SIZE) -> Counter[str]:
    """Counts of n-token shingles; a text shorter than n tokens is one (short) shingle."""
    tokens = _TOKEN.findall(text or "")
    grams = (" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def match_counts(expected: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of shingle multisets, normalised to sum to 1 (when not all zero)."""
    truth, pred = shingles(expected), shingles(predicted)
    tp = sum((truth & pred).values())  # multiset intersection
    fp = sum((pred - truth).values())  # predicted shingles in excess
    fn = sum((truth - pred).values())  # expected shingles missed
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0  # nothing wrong (also: both empty)
    if tp == fp == 0:
        return 0.0  # predicted nothing
    return tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0  # nothing was expected
    return tp / (tp + fn)


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Benchmark scores over (expected, predicted) pairs: means of per-document P and R.

    Precision is averaged over documents where something was predicted, recall over those
    where something was expected; F1 is the harmonic mean of the two means.
    """
    counts = [match_counts(expected, predicted) for expected, predicted in pairs]
    precisions = [precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def extract_page(path: Path, url: str | None = None) -> str:
    """The body the readers would extract from one gzipped benchmark page ("" if none)."""
    try:
        html = decode_html(gzip.decompress(path.read_bytes()))
    except ReadError:  # a page the readers would quarantine counts as extracting nothing
        return ""
    article = extract_article(html, url=url)
    return article.text if article else ""


def evaluate_extraction(data_dir: Path, limit: int | None = None) -> dict:
    """Extract every benchmark page (or the first `limit`, in id order) and score it."""
    data_dir = Path(data_dir)
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    started = time.perf_counter()
    pairs = []
    for page_id in ids:
        expected = truth[page_id]
        predicted = extract_page(data_dir / "html" / f"{page_id}.html.gz", expected.get("url"))
        pairs.append((expected.get("articleBody") or "", predicted))
    seconds = time.perf_counter() - started
    return {"task": "extraction", "documents": len(pairs), **score(pairs), "seconds": round(seconds, 2)}
