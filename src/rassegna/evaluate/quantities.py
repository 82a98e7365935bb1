"""Quantity extraction scored on NewsQuant (the CQE evaluation set).

Layout: one JSON list; each item is ``{"text": sentence, "quantities": [{"value", "unit",
"normalized_unit", "change", "referred_concepts"}]}``. Gold values are strings; a range is
written ``"low-high"``. Scoring follows the published CQE evaluation (satya77/CQE_Evaluation):
a predicted quantity matches a gold one when the values are equal (``numpy.isclose``,
rtol 1e-5; a range matches a range with both ends equal), one-to-one within a sentence;
value+unit also needs the normalised unit equal, after mapping rassegna's unit codes to
NewsQuant's names. A quantity with no unit counts with the counted noun as its unit, singular
and lower-case, as NewsQuant annotates it ("13,000 workers" → ``worker``), or ``-``.

The concept score is the token overlap (F1 over lower-cased word tokens) between the
predicted concept and the gold referred concept, averaged over value matches where the gold
names one; `concept_vs_counted` compares instead with the gold concept plus the counted noun.
"""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path
from statistics import mean

from rassegna.model import Quantity
from rassegna.quantities import extract_quantities
from rassegna.evaluate._scoring import prf_counts

# rassegna unit code → NewsQuant normalised unit name
UNIT_NAMES = {
    "percent": "percentage", "percentage point": "percentage", "basis point": "basis point",
    "point": "point", "USD": "dollar", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "CNY": "chinese yuan", "ILS": "shekel", "AUD": "australian dollar",
    "CAD": "canadian dollar", "HKD": "hong kong dollar", "CHF": "swiss franc",
    "INR": "indian rupee", "ZAR": "south african rand", "MYR": "malaysian ringgit",
    "RUB": "russian ruble", "KRW": "south korean won", "TRY": "turkish lira", "MXN": "mexican peso",
    "BTC": "bitcoin", "cent": "cent", "pence": "point", "km": "kilometre", "m": "metre",
    "cm": "centimetre", "mm": "millimetre", "μm": "micrometre", "nm": "nanometre", "mi": "mile",
    "nmi": "nautical mile", "yd": "yard", "ft": "foot", "in": "inch", "km2": "square kilometre",
    "mi2": "square mile", "m2": "square metre", "ft2": "square foot", "ha": "hectare",
    "acre": "acre", "ft3": "cubic foot", "m3": "cubic metre", "l": "litre", "ml": "millilitre",
    "gal": "gallon", "barrel": "barrel", "pt": "pint", "qt": "quart", "kg": "kilogram", "g": "gram", "mg": "milligram",
    "t": "metric ton", "ton": "ton", "lb": "pound-mass", "oz": "ounce", "km/h": "kilometre per hour",
    "mph": "mile per hour", "knot": "knot", "m/s": "metre per second", "mpg": "mile per gallon",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "hp": "horsepower",
    "bhp": "brake horsepower", "V": "volt", "kV": "kilovolt", "Hz": "hertz", "GHz": "gigahertz",
    "MHz": "megahertz", "GB": "gigabyte", "MB": "megabyte", "TB": "terabyte",
    "mAh": "milliampere-hour", "Mbps": "megabit per second", "Gbps": "gigabit per second",
    "°C": "celsius", "°F": "fahrenheit", "degree": "degree", "year": "year", "month": "month",
    "week": "week", "day": "day", "hour": "hour", "minute": "minute", "second": "second",
    "decade": "decade", "century": "century", "year_of_age": "year of age",
    "month_of_age": "month of age", "week_of_age": "week of age", "day_of_age": "day of age",
    "times": "count", "N·m": "newton metre", "lb·ft": "foot pound-force", "MPa": "megapascal",
    "ksi": "kilopound per square inch", "dB": "decibel", "kcal": "calorie",
    "ppm": "part per million", "share": "share", "person": "person", "game": "game",
    "point/game": "point per game", "rebound/game": "rebound per game",
    "assist/game": "assist per game", "WAR": "win above replacement", "touchdown": "touch down",
}


def parse_gold_value(value: str) -> float | tuple[float, float]:
    """NewsQuant value string → float, or (low, high) for a range "low-high"."""
    s = str(value).strip()
    if "E" not in s and "e" not in s and not s.startswith("-") and "-" in s:
        low, high = s.split("-", 1)
        return float(low), float(high)
    return float(s)


def predicted_value(q: Quantity) -> float | tuple[float, float]:
    if q.qualifier == "range" and q.low is not None and q.high is not None:
        return float(q.low), float(q.high)
    return float(q.value) if q.value is not None else math.nan


def values_match(gold, pred) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        return all(math.isclose(g, p, rel_tol=1e-5, abs_tol=1e-8) for g, p in zip(gold, pred))
    return math.isclose(gold, pred, rel_tol=1e-5, abs_tol=1e-8)


def singular(word: str) -> str:
    """A rough English singular for NewsQuant's noun units ("workers" → "worker")."""
    w = word
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "fishermen": "fisherman", "feet": "foot", "mice": "mouse", "teeth": "tooth"}
    if w in irregular:
        return irregular[w]
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"),
                      ("uses", "us"), ("ses", "se"), ("s", "")):
        if w.endswith(end) and len(w) > len(end) + 1 and not w.endswith(("ss", "us", "is")):
            return w[: -len(end)] + repl
    return w


def unit_name(q: Quantity) -> str:
    """The NewsQuant normalised unit for a predicted quantity."""
    if q.unit == "fraction":
        # NewsQuant writes a share as "% <what it is a share of>"
        words = re.findall(r"[\w'-]+", re.sub(r"['’]s\b", "", (q.concept or "-").lower()))
        return "% " + (" ".join(words) if words else "-")
    if q.unit:
        if q.unit in UNIT_NAMES:
            return UNIT_NAMES[q.unit]
        base, _, rate = q.unit.partition("/")
        name = UNIT_NAMES.get(base, base.lower())
        if rate:
            name = f"{name} per {UNIT_NAMES.get(rate, rate)}"
        return name
    if q.concept:
        concept = re.sub(r"['’]s\b", "", q.concept.lower())
        words = re.findall(r"[\w'-]+", concept)
        if words:
            words = [_positive(w) for w in words[:-1] if not w.endswith("ing")] + [singular(words[-1])]
            return " ".join(words)
    return "-"


def _positive(adjective: str) -> str:
    """'best' → 'good', 'hottest' → 'hot': NewsQuant lemmatises the counted noun phrase."""
    irregular = {"best": "good", "better": "good", "worst": "bad", "worse": "bad",
                 "smaller": "small", "larger": "large", "bigger": "big", "greater": "great",
                 "higher": "high", "lower": "low", "older": "old", "newer": "new",
                 "younger": "young", "largest": "large"}
    if adjective in irregular:
        return irregular[adjective]
    if adjective.endswith("est") and len(adjective) > 6 and adjective not in ("interest", "forest"):
        stem = adjective[:-3]
        if stem[-1] == stem[-2] and stem[-1] in "bdgmnpt":
            stem = stem[:-1]
        return stem
    return adjective


def _tokens(text: str) -> list[str]:
    return [t for t in re.findall(r"[\w'-]+", (text or "").lower()) if t not in ("-", "the", "of", "a")]


def token_f1(pred: str | None, gold: str | None) -> float:
    p, g = _tokens(pred or ""), _tokens(gold or "")
    if not p or not g:
        return 0.0
    common = sum(min(p.count(t), g.count(t)) for t in set(p))
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def match_sentence(gold: list[dict], pred: list[Quantity]) -> list[tuple[dict, Quantity]]:
    """One-to-one matching by value, preferring pairs whose units also agree."""
    pairs: list[tuple[dict, Quantity]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for need_unit in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            gv = parse_gold_value(g["value"])
            for pi, p in enumerate(pred):
                if pi in used_p or not values_match(gv, predicted_value(p)):
                    continue
                if need_unit and unit_name(p) != str(g["normalized_unit"]).lower():
                    continue
                pairs.append((g, p))
                used_g.add(gi)
                used_p.add(pi)
                break
    return pairs


def evaluate_quantities(path: Path, lang: str = "en", limit: int | None = None,
                        errors: list | None = None) -> dict:
    """Score rassegna's quantity extraction on a NewsQuant JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if limit:
        data = data[:limit]
    n_gold = n_pred = tp_value = tp_unit = 0
    concept_scores: list[float] = []
    counted_scores: list[float] = []
    started = time.perf_counter()
    for item in data:
        gold = item.get("quantities") or []
        pred = extract_quantities(item["text"], lang)
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = match_sentence(gold, pred)
        tp_value += len(pairs)
        for g, p in pairs:
            if unit_name(p) == str(g["normalized_unit"]).lower():
                tp_unit += 1
            referred = str(g.get("referred_concepts") or "-")
            if referred.strip() not in ("", "-"):
                concept_scores.append(token_f1(p.concept, referred))
            counted = " ".join(x for x in (referred, str(g.get("unit") or "")) if x.strip() not in ("", "-"))
            if counted and p.concept:
                counted_scores.append(token_f1(p.concept, counted))
        if errors is not None:
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            missed = [g for g in gold if id(g) not in matched_g]
            extra = [p for p in pred if id(p) not in matched_p]
            wrong_unit = [(g, p) for g, p in pairs if unit_name(p) != str(g["normalized_unit"]).lower()]
            if missed or extra or wrong_unit:
                errors.append({"text": item["text"], "missed": missed, "extra": extra,
                               "wrong_unit": wrong_unit})
    seconds = time.perf_counter() - started
    return {
        "task": "quantities",
        "sentences": len(data),
        "gold": n_gold,
        "predicted": n_pred,
        "value": prf_counts(tp_value, n_gold, n_pred),
        "value_unit": prf_counts(tp_unit, n_gold, n_pred),
        "concept_overlap": round(mean(concept_scores), 4) if concept_scores else 0.0,
        "concept_vs_counted": round(mean(counted_scores), 4) if counted_scores else 0.0,
        "seconds": round(seconds, 2),
        "sentences_per_second": round(len(data) / seconds, 1) if seconds else None,
    }
