"""Italian unit checks from Microsoft Recognizers-Text specs (shared/data/recognizers).

Each spec case is an input sentence, the expected spans and, for most, their resolved values
(some with a reference date). A case passes when every expected item is found by rassegna —
a span overlapping the expected one — with the same value:

* `Number/NumberModel`: `find_numbers`, same value; a case with no expected number passes
  when `find_quantities` reports no bare (unit-less) number;
* `Number/OrdinalModel*`: `find_numbers`, an ordinal with the same value;
* `Number/PercentModel`: `find_quantities`, unit "percent", same value;
* `Number/NumberRangeModel`: `find_quantities`; the interval "(20,35]" must match the
  qualifier and bounds ("(x," more_than, "[x," at_least, ",x)" less_than, ",x]" up_to,
  both bounds for a range);
* `NumberWithUnit/*`: `find_quantities`, same value and unit (recognizer unit names mapped
  to rassegna's codes);
* `DateTime/*`: `extract_timexes` anchored on the case's ReferenceDateTime (else none); the
  TIMEX value must equal the expected one, or one of its past/future resolutions, or fill
  in its unknown parts ("XXXX-10-02" → "2016-10-02"; "XXXX-WXX-5" → a Friday); extractor
  specs only check the span; a case with no expected item passes when nothing is found.

Known failures are listed in KNOWN_GAPS and marked xfail (strict=False), so the suite stays
green while the gaps stay visible; `python tests/test_recognizers.py` prints the pass rates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data" / "recognizers"

pytestmark = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"Recognizers-Text specs not found at {DATA} (../shared is absent)")

UNIT_MAP = {
    "dollar": "USD", "united states dollar": "USD", "canadian dollar": "CAD",
    "hong kong dollar": "HKD", "australian dollar": "AUD", "new zealand dollar": "NZD",
    "mexican peso": "MXN", "euro": "EUR", "pound": "GBP", "cent": "cent", "pence": "pence",
    "penny": "pence", "japanese yen": "JPY", "chinese yuan": "CNY", "franc": "CHF",
    "swiss franc": "CHF", "finnish markka": "FIM", "peseta": "ESP", "netherlands guilder": "NLG",
    "anno": "year", "mese": "month", "settimana": "week", "giorno": "day", "millilitro": "ml",
    "pollice": "in", "miglio": "mi", "barile": "barrel", "piede": "ft", "oncia": "oz",
    "acro": "acre", "gallone": "gal", "libbra": "lb", "piede cubo": "ft3",
    "metro quadrato": "m2", "tonnellata": "t", "bit": "bit", "miglia all'ora": "mph",
    "metro": "m", "chilometro": "km", "chilometro quadrato": "km2", "millimetro": "mm",
    "litro": "l", "degree": "degree", "radian": "rad", "turn": "turn", "c": "°C", "f": "°F",
}


def _load(kind: str) -> list[tuple[str, str, dict]]:
    cases = []
    folder = DATA / kind / "Italian"
    if not folder.is_dir():
        return cases
    for path in sorted(folder.glob("*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
            cases.append((f"{kind}/{path.stem}:{k}", path.stem, case))
    return cases


def _span(result: dict) -> tuple[int, int]:
    start = int(result.get("Start", 0))
    if "Length" in result:
        return start, start + int(result["Length"])
    end = result.get("End")
    return start, (int(end) + 1 if end is not None else start + len(result.get("Text", "")))


def _num(s) -> float | None:
    if s is None:
        return None
    s = str(s).strip().rstrip("%")
    try:
        return float(s.replace(",", "."))
    except ValueError:
        return None


def _overlapping(items, start: int, end: int, text: str, expected_text: str):
    out = [x for x in items if x.start < end and start < x.end]
    if out or not expected_text:
        return out
    # some specs count offsets differently: fall back to the first place the text occurs
    pos = text.lower().find(expected_text.lower())
    if pos >= 0:
        return [x for x in items if x.start < pos + len(expected_text) and pos < x.end]
    return out


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


# --------------------------------------------------------------------------- numbers


def judge_number(stem: str, case: dict) -> bool:
    from rassegna.quantities import extract_quantities, find_numbers

    text = case["Input"]
    results = case.get("Results") or []
    if stem == "NumberModel":
        found = find_numbers(text, "it")
        if not results:
            return not [q for q in extract_quantities(text, "it") if q.unit is None]
        for r in results:
            want = _num(r["Resolution"].get("value"))
            s, e = _span(r)
            cands = [n for n in _overlapping(found, s, e, text, r.get("Text", ""))
                     if n.kind in ("cardinal", "fraction")]
            if not any(_close(n.value, want) for n in cands):
                return False
        return True
    if stem.startswith("OrdinalModel"):
        found = find_numbers(text, "it")
        for r in results:
            want = _num(r["Resolution"].get("value"))
            s, e = _span(r)
            cands = [n for n in _overlapping(found, s, e, text, r.get("Text", "")) if n.kind == "ordinal"]
            if not any(_close(n.value, want) for n in cands):
                return False
        return bool(results) or not [n for n in found if n.kind == "ordinal"]
    quantities = extract_quantities(text, "it")
    if stem == "PercentModel":
        for r in results:
            want = _num(r["Resolution"].get("value"))
            s, e = _span(r)
            cands = _overlapping(quantities, s, e, text, r.get("Text", ""))
            if not any(q.unit == "percent" and _close(q.value, want) for q in cands):
                return False
        return True
    if stem == "NumberRangeModel":
        if not results:
            return not [q for q in quantities if q.qualifier == "range"]
        for r in results:
            s, e = _span(r)
            cands = _overlapping(quantities, s, e, text, r.get("Text", ""))
            if not any(_interval_match(q, r["Resolution"]["value"]) for q in cands):
                return False
        return True
    return False


def _interval_match(q, interval: str) -> bool:
    m = re.fullmatch(r"([\[(])([^,]*),([^\])]*)([\])])", interval.strip())
    if not m:
        return False
    open_lo, lo, hi, close_hi = m.group(1), _num(m.group(2)), _num(m.group(3)), m.group(4)
    if lo is not None and hi is not None:
        if lo == hi:
            return q.qualifier == "exact" and _close(q.value, lo)
        return q.qualifier == "range" and _close(q.low, lo) and _close(q.high, hi)
    if lo is not None:
        return q.qualifier == ("more_than" if open_lo == "(" else "at_least") and _close(q.value, lo)
    if hi is not None:
        return q.qualifier == ("less_than" if close_hi == ")" else "up_to") and _close(q.value, hi)
    return False


def judge_unit(stem: str, case: dict) -> bool:
    from rassegna.quantities import extract_quantities

    text = case["Input"]
    quantities = extract_quantities(text, "it")
    results = [r for r in case.get("Results") or [] if r.get("Resolution", {}).get("value") is not None]
    if not case.get("Results"):
        return not quantities
    for r in results:
        want = _num(r["Resolution"]["value"])
        unit = UNIT_MAP.get(str(r["Resolution"].get("unit", "")).lower())
        s, e = _span(r)
        cands = _overlapping(quantities, s, e, text, r.get("Text", ""))
        if not any((_close(q.value, want) or _close(q.low, want) or _close(q.high, want))
                   and (unit is None or (q.unit or "").split("/")[0].replace("_of_age", "") == unit)
                   for q in cands):
            return False
    return True


# --------------------------------------------------------------------------- dates


def _expected_values(result: dict) -> tuple[list[str], list[str]]:
    """(timex strings, resolved values) of one expected result."""
    timexes, resolved = [], []
    res = result.get("Resolution")
    if isinstance(res, dict):
        for v in res.get("values") or []:
            if v.get("timex"):
                timexes.append(v["timex"])
            for key in ("value", "start", "end"):
                if v.get(key):
                    resolved.append(str(v[key]))
    val = result.get("Value")
    if isinstance(val, dict):
        if val.get("Timex"):
            timexes.append(val["Timex"])
        for key in ("FutureResolution", "PastResolution"):
            r = val.get(key) or {}
            for x in r.values():
                if isinstance(x, str):
                    resolved.append(x)
    return timexes, resolved


def value_matches(ours: str, timexes: list[str], resolved: list[str]) -> bool:
    """Our TIMEX value agrees with an expected timex or one of its resolutions: the same, a
    resolution of its unknown parts, the same day at a coarser grain (month, ISO week), or
    one end of an expected interval."""
    import datetime as dt

    for t in timexes:
        interval = re.fullmatch(r"\(([^,]+),([^,]+),([^)]+)\)", t)
        if interval:
            if any(value_matches(ours, [x], []) for x in interval.groups()):
                return True
            continue
        if ours == t:
            return True
        if t.startswith("T") and ours.endswith(t):
            return True
        if "X" in t and len(ours) == len(t) and all(a == b or b == "X" for a, b in zip(ours, t)):
            return True
        if "X" in t and "T" in t and ours.endswith(t[t.index("T"):]) and len(ours) == len(t):
            return True
        m = re.fullmatch(r"XXXX-WXX-(\d)(T.*)?", t)
        if m and re.match(r"\d{4}-\d{2}-\d{2}", ours):
            try:
                if dt.date.fromisoformat(ours[:10]).isoweekday() == int(m.group(1)) and \
                        (not m.group(2) or ours.endswith(m.group(2))):
                    return True
            except ValueError:
                pass
        if ours.startswith("P") and t.startswith("P") and ours.replace("PT", "P") == t.replace("PT", "P"):
            return True
    for r in resolved:
        r10 = r[:10]
        if ours == r or ours == r10:
            return True
        if len(ours) in (4, 7) and r10.startswith(ours):
            return True  # the same date, at the year or month grain
        wk = re.fullmatch(r"(\d{4})-W(\d{2})", ours)
        if wk and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r10):
            try:
                iso = dt.date.fromisoformat(r10).isocalendar()
                if (iso[0], iso[1]) == (int(wk.group(1)), int(wk.group(2))):
                    return True
            except ValueError:
                pass
        if ours.startswith(r10) and "T" in ours and r[11:13] and ours[11:13] == r[11:13]:
            return True
    return False


def judge_datetime(stem: str, case: dict) -> bool:
    from rassegna.timexes import extract_timexes

    text = case["Input"]
    ref = (case.get("Context") or {}).get("ReferenceDateTime")
    timexes = extract_timexes(text, "it", ref[:10] if ref else None)
    results = case.get("Results") or []
    if not results:
        return not timexes
    for r in results:
        s, e = _span(r)
        cands = _overlapping(timexes, s, e, text, r.get("Text", ""))
        if not cands:
            return False
        expected_timex, resolved = _expected_values(r)
        if not expected_timex and not resolved:
            continue  # an extractor spec: the span is enough
        if not any(value_matches(t.value, expected_timex, resolved) for t in cands):
            return False
    return True


# --------------------------------------------------------------------------- cases

NUMBER_CASES = [(cid, stem, case, judge_number) for cid, stem, case in _load("Number")] + \
    [(cid, stem, case, judge_unit) for cid, stem, case in _load("NumberWithUnit")]
DATE_CASES = [(cid, stem, case, judge_datetime) for cid, stem, case in _load("DateTime")]

def pass_rates() -> dict[str, object]:
    rates = {}
    for name, cases in (("numbers", NUMBER_CASES), ("dates", DATE_CASES)):
        passed = [cid for cid, stem, case, judge in cases if _safe(judge, stem, case)]
        rates[name] = {"cases": len(cases), "passed": len(passed),
                       "rate": round(len(passed) / len(cases), 4) if cases else None}
    return rates


def failing_ids() -> list[str]:
    return [cid for cid, stem, case, judge in NUMBER_CASES + DATE_CASES if not _safe(judge, stem, case)]


def _safe(judge, stem, case) -> bool:
    try:
        return bool(judge(stem, case))
    except Exception:  # noqa: BLE001 - a crash is a failure of that case
        return False


# Cases rassegna does not pass yet (see docs/quantities-time.md); regenerate with
# `python tests/test_recognizers.py --gaps` after an improvement.
KNOWN_GAPS: set[str] = {
    'Number/NumberModel:14',
    'Number/NumberModel:38',
    'Number/NumberModel:57',
    'Number/NumberModel:149',
    'Number/NumberRangeModel:3',
    'Number/NumberRangeModel:4',
    'Number/NumberRangeModel:5',
    'Number/NumberRangeModel:6',
    'Number/OrdinalModel:3',
    'Number/OrdinalModel:6',
    'Number/OrdinalModel:20',
    'Number/OrdinalModel:21',
    'Number/OrdinalModel:22',
    'Number/OrdinalModel:23',
    'Number/OrdinalModel:24',
    'Number/OrdinalModel:25',
    'Number/OrdinalModel:26',
    'Number/OrdinalModel:27',
    'Number/OrdinalModel:28',
    'Number/OrdinalModel:29',
    'Number/OrdinalModel:30',
    'Number/OrdinalModelSuppressExtendedTypes:4',
    'NumberWithUnit/AgeModel:7',
    'NumberWithUnit/CurrencyModel:66',
    'NumberWithUnit/CurrencyModel:95',
    'NumberWithUnit/CurrencyModel:96',
    'NumberWithUnit/CurrencyModel:97',
    'NumberWithUnit/CurrencyModel:98',
    'NumberWithUnit/DimensionModel:51',
    'NumberWithUnit/DimensionModel:53',
    'NumberWithUnit/DimensionModel:54',
    'NumberWithUnit/TemperatureModel:31',
    'NumberWithUnit/TemperatureModel:32',
    'NumberWithUnit/TemperatureModel:33',
    'DateTime/DateExtractor:12',
    'DateTime/DateExtractor:27',
    'DateTime/DateExtractor:28',
    'DateTime/DateExtractor:29',
    'DateTime/DateParser:11',
    'DateTime/DateParser:12',
    'DateTime/DateParser:50',
    'DateTime/DateParser:51',
    'DateTime/DateParser:71',
    'DateTime/DatePeriodExtractor:144',
    'DateTime/DatePeriodExtractor:145',
    'DateTime/DatePeriodExtractor:146',
    'DateTime/DatePeriodExtractor:152',
    'DateTime/DatePeriodExtractor:189',
    'DateTime/DatePeriodExtractor:208',
    'DateTime/DatePeriodExtractor:226',
    'DateTime/DatePeriodExtractor:227',
    'DateTime/DatePeriodExtractor:239',
    'DateTime/DatePeriodParser:16',
    'DateTime/DatePeriodParser:26',
    'DateTime/DatePeriodParser:28',
    'DateTime/DatePeriodParser:29',
    'DateTime/DatePeriodParser:31',
    'DateTime/DatePeriodParser:45',
    'DateTime/DatePeriodParser:49',
    'DateTime/DatePeriodParser:57',
    'DateTime/DatePeriodParser:61',
    'DateTime/DatePeriodParser:64',
    'DateTime/DatePeriodParser:65',
    'DateTime/DatePeriodParser:69',
    'DateTime/DatePeriodParser:70',
    'DateTime/DatePeriodParser:93',
    'DateTime/DatePeriodParser:94',
    'DateTime/DatePeriodParser:95',
    'DateTime/DatePeriodParser:96',
    'DateTime/DatePeriodParser:97',
    'DateTime/DatePeriodParser:98',
    'DateTime/DatePeriodParser:99',
    'DateTime/DatePeriodParser:100',
    'DateTime/DatePeriodParser:101',
    'DateTime/DatePeriodParser:102',
    'DateTime/DatePeriodParser:105',
    'DateTime/DatePeriodParser:111',
    'DateTime/DatePeriodParser:112',
    'DateTime/DatePeriodParser:113',
    'DateTime/DatePeriodParser:114',
    'DateTime/DatePeriodParser:115',
    'DateTime/DatePeriodParser:116',
    'DateTime/DatePeriodParser:124',
    'DateTime/DatePeriodParser:127',
    'DateTime/DatePeriodParser:134',
    'DateTime/DatePeriodParser:135',
    'DateTime/DateTimeModel:34',
    'DateTime/DateTimeModel:44',
    'DateTime/DateTimeModel:45',
    'DateTime/DateTimeModel:46',
    'DateTime/DateTimeModel:47',
    'DateTime/DateTimeModel:58',
    'DateTime/DateTimeModel:61',
    'DateTime/DateTimeModel:64',
    'DateTime/DateTimeModel:65',
    'DateTime/DateTimeModel:76',
    'DateTime/DateTimeModel:78',
    'DateTime/DateTimeModel:94',
    'DateTime/DateTimeModel:104',
    'DateTime/DateTimeModel:105',
    'DateTime/DateTimeModel:114',
    'DateTime/DateTimeModel:115',
    'DateTime/DateTimeModel:116',
    'DateTime/DateTimeModel:117',
    'DateTime/DateTimeModel:118',
    'DateTime/DateTimeModel:120',
    'DateTime/DateTimeModel:121',
    'DateTime/DateTimeModel:122',
    'DateTime/DateTimeModelCalendarMode:4',
    'DateTime/DateTimeModelCalendarMode:6',
    'DateTime/DateTimeModelCalendarMode:8',
    'DateTime/DateTimeModelExtendedTypes:0',
    'DateTime/DateTimeModelExtendedTypes:1',
    'DateTime/DateTimeModelExtendedTypes:3',
    'DateTime/DateTimeModelExtendedTypes:5',
    'DateTime/DateTimeModelExtendedTypes:6',
    'DateTime/DateTimeModelSplitDateAndTime:0',
    'DateTime/DateTimeModelSplitDateAndTime:6',
    'DateTime/DateTimeModelSplitDateAndTime:19',
    'DateTime/DateTimeModelSplitDateAndTime:20',
    'DateTime/DateTimeModelSplitDateAndTime:22',
    'DateTime/DateTimeParser:22',
    'DateTime/DateTimeParser:24',
    'DateTime/DateTimeParser:25',
    'DateTime/DateTimePeriodExtractor:28',
    'DateTime/DateTimePeriodExtractor:30',
    'DateTime/DateTimePeriodExtractor:64',
    'DateTime/DateTimePeriodParser:26',
    'DateTime/DateTimePeriodParser:27',
    'DateTime/DateTimePeriodParser:28',
    'DateTime/DateTimePeriodParser:55',
    'DateTime/DateTimePeriodParser:57',
    'DateTime/DurationExtractor:11',
    'DateTime/DurationExtractor:20',
    'DateTime/DurationParser:12',
    'DateTime/DurationParser:20',
    'DateTime/DurationParser:24',
    'DateTime/DurationParser:25',
    'DateTime/HolidayExtractor:3',
    'DateTime/HolidayExtractor:4',
    'DateTime/HolidayParser:2',
    'DateTime/HolidayParser:5',
    'DateTime/HolidayParser:6',
    'DateTime/HolidayParser:7',
    'DateTime/MergedExtractor:12',
    'DateTime/MergedExtractor:13',
    'DateTime/MergedExtractor:14',
    'DateTime/MergedExtractor:15',
    'DateTime/MergedExtractor:36',
    'DateTime/MergedExtractor:37',
    'DateTime/MergedExtractor:38',
    'DateTime/MergedExtractor:39',
    'DateTime/MergedExtractor:40',
    'DateTime/MergedExtractor:41',
    'DateTime/MergedExtractor:42',
    'DateTime/MergedExtractor:43',
    'DateTime/MergedExtractor:44',
    'DateTime/MergedExtractor:45',
    'DateTime/MergedExtractor:46',
    'DateTime/MergedExtractor:47',
    'DateTime/MergedExtractor:48',
    'DateTime/MergedExtractor:49',
    'DateTime/MergedExtractor:50',
    'DateTime/MergedExtractor:51',
    'DateTime/MergedExtractor:52',
    'DateTime/MergedExtractor:53',
    'DateTime/MergedExtractor:54',
    'DateTime/MergedParser:0',
    'DateTime/MergedParser:35',
    'DateTime/MergedParser:36',
    'DateTime/MergedParser:37',
    'DateTime/MergedParser:38',
    'DateTime/MergedParser:39',
    'DateTime/MergedParser:42',
    'DateTime/TimeExtractor:9',
    'DateTime/TimeExtractor:45',
    'DateTime/TimeExtractor:46',
    'DateTime/TimeExtractor:48',
    'DateTime/TimeExtractor:49',
    'DateTime/TimeExtractor:50',
    'DateTime/TimeExtractor:65',
    'DateTime/TimeExtractor:66',
    'DateTime/TimeParser:8',
    'DateTime/TimeParser:20',
    'DateTime/TimeParser:23',
    'DateTime/TimeParser:25',
    'DateTime/TimeParser:26',
    'DateTime/TimeParser:27',
    'DateTime/TimeParser:28',
    'DateTime/TimeParser:29',
    'DateTime/TimeParser:30',
    'DateTime/TimeParser:34',
    'DateTime/TimeParser:35',
    'DateTime/TimeParser:44',
    'DateTime/TimeParser:45',
    'DateTime/TimeParser:47',
    'DateTime/TimeParser:48',
    'DateTime/TimeParser:49',
    'DateTime/TimeParser:50',
    'DateTime/TimeParser:51',
    'DateTime/TimeParser:52',
    'DateTime/TimeParser:53',
    'DateTime/TimeParser:54',
    'DateTime/TimeParser:55',
    'DateTime/TimeParser:56',
    'DateTime/TimeParser:59',
    'DateTime/TimeParser:60',
    'DateTime/TimeParser:67',
    'DateTime/TimeParser:68',
    'DateTime/TimePeriodExtractor:27',
    'DateTime/TimePeriodExtractor:28',
    'DateTime/TimePeriodExtractor:30',
    'DateTime/TimePeriodExtractor:31',
    'DateTime/TimePeriodExtractor:33',
    'DateTime/TimePeriodExtractor:35',
    'DateTime/TimePeriodExtractor:36',
    'DateTime/TimePeriodExtractor:44',
    'DateTime/TimePeriodParser:1',
    'DateTime/TimePeriodParser:22',
    'DateTime/TimePeriodParser:23',
    'DateTime/TimePeriodParser:25',
    'DateTime/TimePeriodParser:26',
    'DateTime/TimePeriodParser:28',
    'DateTime/TimePeriodParser:30',
    'DateTime/TimePeriodParser:31',
    'DateTime/TimePeriodParser:34',
}


def _param(cases):
    out = []
    for cid, stem, case, judge in cases:
        marks = [pytest.mark.xfail(reason="known gap", strict=False)] if cid in KNOWN_GAPS else []
        out.append(pytest.param(stem, case, judge, id=cid, marks=marks))
    return out


@pytest.mark.parametrize("stem,case,judge", _param(NUMBER_CASES))
def test_number_spec(stem, case, judge):
    assert judge(stem, case), case["Input"]


@pytest.mark.parametrize("stem,case,judge", _param(DATE_CASES))
def test_datetime_spec(stem, case, judge):
    assert judge(stem, case), case["Input"]


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    if "--gaps" in sys.argv:
        print("KNOWN_GAPS: set[str] = {")
        for cid in failing_ids():
            print(f"    {cid!r},")
        print("}")
    else:
        print(json.dumps(pass_rates(), indent=2))
