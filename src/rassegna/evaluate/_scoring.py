"""Precision/recall/F1 in the one shape every `rassegna eval` task reports."""

from __future__ import annotations


def prf(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def prf_counts(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    return prf(tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0)
