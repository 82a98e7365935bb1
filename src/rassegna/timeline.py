"""The timeline: dated events, each the sentence that dates it, merged across documents.

Every time expression that resolves to a calendar date, month, week, quarter, season or
year (not "XXXX…", not a duration or a PRESENT_REF) dates the sentence it stands in. Two
such sentences of one story with the same date are one event when they say the same thing
(stem cosine at least SAME_EVENT): "Nel giugno 2024 … è stato firmato un Trattato" from three
outlets is one event with three citations. Events are ordered by the start of their period,
then by precision (a whole month before a day in it).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
import re
from collections import defaultdict

from rassegna.lang import time_en, time_it
from rassegna.model import Document
from rassegna.reuse import stem_counts
from rassegna.vectors import cosine, normalised

SAME_EVENT = 0.3
RECENT_GROUPS = 200  # events of one date an incoming sentence is compared with
GROUP_SAMPLE = 5  # sentences of an event it is compared with

_PATTERNS = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day"),
    (re.compile(r"(\d{4})-W(\d{2})"), "week"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})"), "year"),
]
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# "due mesi dopo", "a year earlier" are resolved from the article's date by the time-expression
# stage (as TimeML does), but they count from an event of the story, so the date is not one a
# timeline can stand on: such sentences are not dated by them.
_EVENT_ANCHORED = re.compile(r"\b(?:" + "|".join(sorted(time_it.EVENT_ANCHORED | time_en.EVENT_ANCHORED)) + r")$",
                             re.IGNORECASE)


def _words_pattern(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SINCE = re.compile(r"\b(?:" + _words_pattern(time_it.SINCE | time_en.SINCE) + r")\s*$", re.IGNORECASE)
_SINCE_AFTER_COMPARISON = re.compile(
    r"\b(?:" + _words_pattern(time_it.COMPARISON_WORDS | time_en.COMPARISON_WORDS) + r")\b(?:\W+\w+){0,6}?\W+(?:"
    + _words_pattern(time_it.SINCE_AFTER_COMPARISON | time_en.SINCE_AFTER_COMPARISON) + r")\s*$", re.IGNORECASE)
_RANGE_CLOSER = re.compile(r"\s*(?:[-–]|(?:" + _words_pattern(time_it.RANGE_CLOSERS | time_en.RANGE_CLOSERS)
                           + r")\b)", re.IGNORECASE)


def _since(text: str, sentence_start: int, timex) -> bool:
    """Whether the expression gives where a state began ("since 2019", "sin dal 2019", "il primo
    viaggio dal 2019"), not the start of a range ("dal 2013 al 2019")."""
    before = text[max(sentence_start, timex.start - 80):timex.start]
    if not (_SINCE.search(before) or _SINCE_AFTER_COMPARISON.search(before)):
        return False
    return not _RANGE_CLOSER.match(text, timex.end)


_PRECISION_ORDER = {"year": 0, "season": 1, "quarter": 2, "month": 3, "week": 4, "day": 5}


def calendar_value(value: str) -> tuple[str, str, dt.date] | None:
    """(date as written in the timeline, precision, first day of the period) for a TIMEX3
    value that names a period of the calendar, else None. "2024-10-XX" is the month 2024-10."""
    value = re.sub(r"(-XX)+$", "", value.split("T")[0])
    for pattern, precision in _PATTERNS:
        m = pattern.fullmatch(value)
        if not m:
            continue
        year = int(m.group(1))
        try:
            if precision == "day":
                start = dt.date(year, int(m.group(2)), int(m.group(3)))
            elif precision == "week":
                start = dt.date.fromisocalendar(year, int(m.group(2)), 1)
            elif precision == "quarter":
                start = dt.date(year, 3 * int(m.group(2)) - 2, 1)
            elif precision == "season":
                start = dt.date(year, _SEASON_MONTH[m.group(2)], 1)
            elif precision == "month":
                start = dt.date(year, int(m.group(2)), 1)
            else:
                start = dt.date(year, 1, 1)
        except ValueError:
            return None
        return value, precision, start
    return None


def build_timeline(documents: list[Document]) -> list[dict]:
    """Events of every story, in story order then date order, with stable ids."""
    by_story: dict[str | None, list[Document]] = defaultdict(list)
    for doc in documents:
        by_story[doc.story].append(doc)
    events: list[dict] = []
    for story in sorted(by_story, key=lambda s: (s is None, _story_number(s))):
        events.extend(_story_events(story, by_story[story]))
    for number, event in enumerate(events, start=1):
        event["id"] = f"t{number}"
    return events


def _story_number(story: str | None) -> tuple[int, str]:
    digits = (story or "").lstrip("s")
    return (int(digits) if digits.isdigit() else 0, story or "")


def _story_events(story: str | None, documents: list[Document]) -> list[dict]:
    dated: list[dict] = []
    for doc in sorted(documents, key=lambda d: d.id):
        seen: set[tuple[int, str]] = set()
        starts = [s.start for s in doc.sentences]
        found = []
        for t in doc.timexes:
            if t.type not in ("DATE", "TIME") or _EVENT_ANCHORED.search(t.text.strip()):
                continue
            cal = calendar_value(t.value)
            k = bisect_right(starts, t.start) - 1
            sentence = doc.sentences[k] if k >= 0 and t.start < doc.sentences[k].end else None
            if cal is None or sentence is None:
                continue
            since = _since(doc.text, sentence.start, t)
            found.append((t, cal, sentence, since))
        # "since 2019" dates nothing in a sentence that has a date of its own
        dated_sentences = {sentence.start for _, _, sentence, since in found if not since}
        for t, cal, sentence, since in found:
            if (since and sentence.start in dated_sentences) or (sentence.start, cal[0]) in seen:
                continue
            seen.add((sentence.start, cal[0]))
            dated.append({"doc": doc.id, "sentence": sentence, "timex": t, "cal": cal,
                          "vector": normalised(stem_counts(sentence.text))})
    # one event per group of alike sentences with the same date; compared only within a date
    by_date: dict[str, list[dict]] = defaultdict(list)
    for item in dated:
        by_date[item["cal"][0]].append(item)
    events = []
    for date, items in by_date.items():
        groups: list[list[dict]] = []
        for item in items:
            # against each recent group's first few sentences: bounded work per sentence
            home = next((g for g in groups[-RECENT_GROUPS:] if any(
                item["doc"] != o["doc"] and cosine(item["vector"], o["vector"]) >= SAME_EVENT
                for o in g[:GROUP_SAMPLE])), None)
            if home is None:
                groups.append([item])
            else:
                home.append(item)
        for group in groups:
            first = group[0]
            s, t = first["sentence"], first["timex"]
            events.append({
                "id": "", "story": story, "date": date, "precision": first["cal"][1],
                "text": s.text, "doc": first["doc"], "start": s.start, "end": s.end,
                "timex": {"start": t.start, "end": t.end, "text": t.text, "value": t.value},
                "citations": [{"doc": g["doc"], "start": g["sentence"].start, "end": g["sentence"].end}
                              for g in group],
                "documents": len({g["doc"] for g in group}),
                "_order": (first["cal"][2], _PRECISION_ORDER[first["cal"][1]], first["doc"], s.start)})
    events.sort(key=lambda e: e["_order"])
    for e in events:
        del e["_order"]
    return events
