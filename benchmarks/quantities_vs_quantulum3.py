"""rassegna's quantity extraction against quantulum3, on the same NewsQuant sentences, in one run.

    .venv/bin/pip install quantulum3==0.10.0      # benchmark-only dependency
    .venv/bin/python benchmarks/quantities_vs_quantulum3.py [NewsQuant_dev.json] [--repeat N]

Both tools read every sentence; the scores use rassegna's NewsQuant matcher
(`rassegna.evaluate.quantities`): one-to-one matches on equal values, value+unit also on the
NewsQuant unit name. quantulum3 reports a range as one value (its mean), so — as in the
published CQE evaluation — gold ranges are averaged when scoring it. quantulum3's unit names
are mapped to NewsQuant's ("per cent" → percentage, "united states dollar" → dollar…).

quantulum3 0.10.0 ships a scikit-learn pickle that newer scikit-learn cannot load; the
benchmark then runs quantulum3 with its classifier-free disambiguation and says so in the
output ("quantulum3_classifier": false).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rassegna.evaluate.quantities import parse_gold_value, unit_name, values_match
from rassegna.quantities import extract_quantities

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "newsquant" / "NewsQuant_dev.json"

QUANTULUM_UNITS = {
    "dimensionless": "-", "per cent": "percentage", "percentage": "percentage",
    "united states dollar": "dollar", "dollar": "dollar", "euro": "euro",
    "pound sterling": "pound sterling", "tonne": "metric ton", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "degree angle": "degree", "kilometre per hour": "kilometre per hour",
    "mile per hour": "mile per hour", "cubic centimetre": "millilitre",
}


@dataclass
class _Pred:
    value: float | tuple[float, float]
    unit: str


def score(data: list[dict], predictions: list[list[_Pred]], average_ranges: bool) -> dict:
    n_gold = n_pred = tp = tp_unit = 0
    for item, preds in zip(data, predictions):
        gold = item.get("quantities") or []
        n_gold += len(gold)
        n_pred += len(preds)
        used_g, used_p = set(), set()
        for need_unit in (True, False):
            for gi, g in enumerate(gold):
                if gi in used_g:
                    continue
                gv = parse_gold_value(g["value"])
                if average_ranges and isinstance(gv, tuple):
                    gv = sum(gv) / 2
                gu = str(g["normalized_unit"]).lower()
                for pi, p in enumerate(preds):
                    if pi in used_p or not values_match(gv, p.value):
                        continue
                    if need_unit and p.unit != gu:
                        continue
                    used_g.add(gi)
                    used_p.add(pi)
                    tp += 1
                    tp_unit += p.unit == gu
                    break

    def prf(k: int) -> dict:
        prec = k / n_pred if n_pred else 0.0
        rec = k / n_gold if n_gold else 0.0
        return {"precision": round(prec, 4), "recall": round(rec, 4),
                "f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}

    return {"gold": n_gold, "predicted": n_pred, "value": prf(tp), "value_unit": prf(tp_unit)}


def run_rassegna(texts: list[str]) -> tuple[list[list[_Pred]], float]:
    started = time.perf_counter()
    raw = [extract_quantities(t, "en") for t in texts]
    seconds = time.perf_counter() - started
    preds = []
    for qs in raw:
        preds.append([_Pred((q.low, q.high) if q.qualifier == "range" and q.low is not None else q.value,
                            unit_name(q)) for q in qs])
    return preds, seconds


def run_quantulum3(texts: list[str]) -> tuple[list[list[_Pred]], float, bool]:
    from quantulum3 import classifier, parser

    use_classifier = True
    try:
        parser.parse("It costs $5.")
    except Exception:  # noqa: BLE001 - the shipped pickle fails to load on newer scikit-learn
        classifier.USE_CLF = False
        use_classifier = False
    started = time.perf_counter()
    raw = []
    for t in texts:
        try:
            raw.append(parser.parse(t))
        except Exception:  # noqa: BLE001 - a sentence quantulum3 cannot parse yields nothing
            raw.append([])
    seconds = time.perf_counter() - started
    preds = []
    for qs in raw:
        out = []
        for q in qs:
            name = q.unit.name.lower()
            out.append(_Pred(float(q.value), QUANTULUM_UNITS.get(name, name)))
        preds.append(out)
    return preds, seconds, use_classifier


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1, help="time each tool this many times (best kept)")
    args = ap.parse_args()
    if not args.data.exists():
        sys.exit(f"NewsQuant not found: {args.data} (../shared/data is absent?)")
    from importlib.metadata import PackageNotFoundError, version

    try:
        q_version = version("quantulum3")
    except PackageNotFoundError:
        sys.exit("quantulum3 is not installed: .venv/bin/pip install quantulum3==0.10.0")
    data = json.loads(args.data.read_text(encoding="utf-8"))
    texts = [item["text"] for item in data]
    r_best = q_best = None
    for _ in range(max(1, args.repeat)):
        r_preds, r_sec = run_rassegna(texts)
        q_preds, q_sec, q_clf = run_quantulum3(texts)
        r_best = min(r_best or r_sec, r_sec)
        q_best = min(q_best or q_sec, q_sec)
    result = {
        "sentences": len(texts),
        "rassegna": {**score(data, r_preds, average_ranges=False), "seconds": round(r_best, 3),
                     "sentences_per_second": round(len(texts) / r_best, 1)},
        "quantulum3": {**score(data, q_preds, average_ranges=True), "seconds": round(q_best, 3),
                       "sentences_per_second": round(len(texts) / q_best, 1), "version": q_version,
                       "quantulum3_classifier": q_clf},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
