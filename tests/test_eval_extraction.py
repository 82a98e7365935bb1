"""The article-extraction scorer on hand-checked strings, and a short run on the benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from rassegna.evaluate.extraction import evaluate_extraction, match_counts, score, shingles

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction"

TRUTH = "Il ponte sul Serchio riapre lunedì"  # 6 tokens → 3 shingles


def test_shingles_count_repeats_and_keep_short_texts() -> None:
    assert shingles("a b c d a b c d") == {"a b c d": 2, "b c d a": 1, "c d a b": 1, "d a b c": 1}
    assert shingles("solo due") == {"solo due": 1}
    assert shingles("") == {}


def test_perfect_match_scores_one() -> None:
    # punctuation and spacing do not matter: only \w+ tokens do
    assert match_counts(TRUTH, "Il ponte, sul  Serchio: riapre lunedì!") == (1.0, 0.0, 0.0)
    assert score([(TRUTH, TRUTH)]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_disjoint_scores_zero() -> None:
    assert match_counts(TRUTH, "nulla a che vedere con questo") == (0.0, 0.5, 0.5)
    assert score([(TRUTH, "nulla a che vedere con questo")]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_partial_overlap_by_hand() -> None:
    # truth shingles:  [Il ponte sul Serchio] [ponte sul Serchio riapre] [sul Serchio riapre lunedì]
    # predicted:       [Il ponte sul Serchio] [ponte sul Serchio riapre] [sul Serchio riapre martedì]
    #                  [Serchio riapre martedì sera]
    # tp = 2, fp = 2, fn = 1 → normalised by 5: (0.4, 0.4, 0.2); P = 0.5, R = 2/3
    predicted = "Il ponte sul Serchio riapre martedì sera"
    tp, fp, fn = match_counts(TRUTH, predicted)
    assert (tp, fp, fn) == pytest.approx((0.4, 0.4, 0.2))
    result = score([(TRUTH, predicted)])
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(2 / 3)
    assert result["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_means_skip_documents_as_the_benchmark_does() -> None:
    # doc 1 perfect; doc 2 extracted nothing: no precision (tp+fp == 0), recall 0
    result = score([(TRUTH, TRUTH), (TRUTH, "")])
    assert result["precision"] == 1.0
    assert result["recall"] == 0.5
    assert result["f1"] == pytest.approx(2 / 3)


def test_benchmark_first_pages() -> None:
    if not (DATA / "ground-truth.json").exists():
        pytest.skip(f"../shared/data/article-extraction not found at {DATA}; benchmark test skipped")
    result = evaluate_extraction(DATA, limit=15)
    assert result["task"] == "extraction" and result["documents"] == 15
    assert result["f1"] >= 0.85, result
