"""Time expressions (TIMEX3) in Italian and English news, normalised against the document date.

`find_timexes(doc, options)` finds dates ("2 gennaio 2024", "giugno 2024", "nel 2019"),
relative dates ("ieri", "giovedì", "4 settimane fa", "dall'agosto scorso", "last year"),
vague parts of periods ("metà gennaio", "all'inizio di questo mese", "late November"),
durations ("per tre giorni" → P3D, "da due anni" → P2Y), sets ("ogni settimana" → P1W),
clock times and the present/past/future references (PRESENT_REF for "ora", "now").

The anchor for relative expressions is the document date (`doc.published`, "YYYY",
"YYYY-MM" or "YYYY-MM-DD"), else `options.reference_date`. Past is preferred, as news
reports what happened: "giovedì" is the most recent Thursday up to the anchor, "a giugno" the
last June, unless the sentence speaks of the future. When the anchor cannot settle a value
it stays unresolved ("XXXX-08", "XXXX-XX-XX"): nothing is guessed.

Expressions are found with per-language patterns built from `rassegna.lang.time_it` /
`time_en` (data only); dateparser reads the odd absolute date the patterns leave over.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType

from rassegna.lang import time_en, time_it
from rassegna.model import Document, Timex
from rassegna.options import Options

_LEXICONS: dict[str, ModuleType] = {"it": time_it, "en": time_en}

# ---------------------------------------------------------------------------------------------
# The anchor


@dataclass(frozen=True)
class Anchor:
    """The reference date, as precise as it is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "Anchor":
        m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value or "")
        if not m:
            return cls()
        y, mo, d = (int(g) if g else None for g in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            mo = d = None
        if d is not None:
            try:
                dt.date(y, mo, d)
            except ValueError:
                d = None
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


# ---------------------------------------------------------------------------------------------
# Value helpers


def _fmt_date(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _fmt_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _shift(anchor: Anchor, unit: str, n: float) -> str:
    """The anchor moved by n units, written at the unit's granularity."""
    k = int(round(n))
    if unit == "Y":
        return f"{anchor.year + k:04d}" if anchor.year else "XXXX"
    if unit == "DE":
        return f"{(anchor.year + 10 * k) // 10:03d}" if anchor.year else "XXX"
    if unit == "CE":
        return f"{(anchor.year + 100 * k) // 100:02d}" if anchor.year else "XX"
    if unit == "M":
        if anchor.year and anchor.month:
            y, m = _add_months(anchor.year, anchor.month, k)
            return f"{y:04d}-{m:02d}"
        return "XXXX-XX"
    if unit == "Q":
        if anchor.year and anchor.month:
            q = (anchor.month - 1) // 3 + k
            y = anchor.year + q // 4
            return f"{y:04d}-Q{q % 4 + 1}"
        return "XXXX-QX"
    if unit in ("W", "WE"):
        d = anchor.date
        if d is None:
            return "XXXX-WXX" + ("-WE" if unit == "WE" else "")
        return _fmt_week(d + dt.timedelta(weeks=k)) + ("-WE" if unit == "WE" else "")
    if unit == "D":
        d = anchor.date
        if d is None:
            if k == 0 and anchor.year and anchor.month:
                return f"{anchor.year:04d}-{anchor.month:02d}-XX"
            return "XXXX-XX-XX"
        return _fmt_date(d + dt.timedelta(days=k))
    if unit in ("H", "MIN", "S"):
        d = anchor.date
        return _fmt_date(d) if d else "XXXX-XX-XX"
    return "XXXX-XX-XX"


def _duration(n: float | None, unit: str, clock: bool) -> str:
    if n is None:
        amount = "X"
    else:
        amount = str(int(n)) if float(n).is_integer() else f"{n:g}"
    if unit == "DE":
        return f"P{int(n * 10)}Y" if n is not None and float(n * 10).is_integer() else f"P{amount}DE"
    if unit == "CE":
        return f"P{int(n * 100)}Y" if n is not None and float(n * 100).is_integer() else f"P{amount}CE"
    if unit == "Q":
        return f"P{amount}Q"
    if unit == "HY":
        return f"P{int(n * 6)}M" if n is not None else "PXM"
    if unit == "WE":
        return f"P{int(n * 2)}D" if n is not None else "PXD"
    if unit == "ML":
        return f"P{int(n * 1000)}Y" if n is not None else "PXY"
    return f"PT{amount}{unit}" if clock else f"P{amount}{unit}"


def _nearest_year(anchor: Anchor, month: int, day: int | None, direction: int) -> int:
    """The year that puts month (and day) nearest the anchor; the past is preferred unless
    the sentence speaks of the future."""
    ref = dt.date(anchor.year, anchor.month, anchor.day or 15)
    best, best_cost = anchor.year, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = dt.date(y, month, day or 15)
        except ValueError:
            continue
        delta = (cand - ref).days
        if day is None and y == anchor.year and month == anchor.month:
            delta = 0
        cost = abs(delta) * (1.0 if (delta <= 0) == (direction < 0) else 2.0)
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _month_value(anchor: Anchor, month: int, direction: int, strict: bool = False) -> str:
    """The month `month` nearest the anchor: -1 the last one, +1 the next one, 0 this year's;
    with `strict` ("agosto scorso", "next June") never the anchor's own month."""
    if not anchor.year or not anchor.month:
        if direction == 0 and anchor.year:
            return f"{anchor.year:04d}-{month:02d}"
        return f"XXXX-{month:02d}"
    y = anchor.year
    if direction == 0:
        return f"{y:04d}-{month:02d}"
    if strict:
        if direction < 0 and month >= anchor.month:
            y -= 1
        elif direction > 0 and month <= anchor.month:
            y += 1
        return f"{y:04d}-{month:02d}"
    return f"{_nearest_year(anchor, month, None, direction):04d}-{month:02d}"


def _day_month_value(anchor: Anchor, month: int, day: int, direction: int) -> str:
    if not anchor.year or not anchor.month:
        return f"XXXX-{month:02d}-{day:02d}"
    y = _nearest_year(anchor, month, day, direction)
    try:
        dt.date(y, month, day)
    except ValueError:
        return f"XXXX-{month:02d}-{day:02d}"
    return f"{y:04d}-{month:02d}-{day:02d}"


def _weekday_value(anchor: Anchor, weekday: int, direction: int, modifier: int | None) -> str:
    d = anchor.date
    if d is None:
        return f"XXXX-WXX-{weekday}"
    today = d.isoweekday()
    if modifier == 0:  # this Friday: in this week
        return _fmt_date(d + dt.timedelta(days=weekday - today))
    if modifier == 1:  # next Friday: in next week
        return _fmt_date(d + dt.timedelta(days=weekday - today + 7))
    if modifier == -1:  # last Friday: the most recent one before the anchor
        back = (today - weekday) % 7 or 7
        return _fmt_date(d - dt.timedelta(days=back))
    if direction > 0:
        return _fmt_date(d + dt.timedelta(days=(weekday - today) % 7))
    return _fmt_date(d - dt.timedelta(days=(today - weekday) % 7))


# ---------------------------------------------------------------------------------------------
# Count words


_IT_UNITS = ["zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"]
_IT_TEENS = ["dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
             "diciassette", "diciotto", "diciannove"]
_IT_TENS = ["", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
            "novanta"]
_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
             "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@lru_cache(maxsize=2)
def _count_words(lang: str) -> dict[str, int]:
    words: dict[str, int] = {}
    if lang == "it":
        for i, w in enumerate(_IT_UNITS):
            words[w] = i
        for i, w in enumerate(_IT_TEENS):
            words[w] = 10 + i
        for t in range(2, 10):
            tens = _IT_TENS[t]
            words[tens] = t * 10
            for u in range(1, 10):
                unit = _IT_UNITS[u]
                stem = tens[:-1] if unit[0] in "uo" else tens
                words[stem + unit] = t * 10 + u
                if u == 3:
                    words[stem + "tré"] = t * 10 + 3
        words.update({"un": 1, "una": 1, "un'": 1, "cento": 100, "mille": 1000, "primo": 1,
                      "un paio di": 2, "paio di": 2})
    else:
        for i, w in enumerate(_EN_UNITS):
            words[w] = i
        for i, w in enumerate(_EN_TEENS):
            words[w] = 10 + i
        for t in range(2, 10):
            words[_EN_TENS[t]] = t * 10
            for u in range(1, 10):
                words[f"{_EN_TENS[t]}-{_EN_UNITS[u]}"] = t * 10 + u
                words[f"{_EN_TENS[t]} {_EN_UNITS[u]}"] = t * 10 + u
        words.update({"a": 1, "an": 1, "hundred": 100, "a hundred": 100, "a dozen": 12,
                      "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
                      "first": 1})
    return words


def _alt(words, boundary: bool = False) -> str:
    items = sorted(set(words), key=len, reverse=True)
    parts = []
    for w in items:
        p = re.escape(w).replace("'", "['’]").replace("\\ ", r"\s+").replace(" ", r"\s+")
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def _number(s: str, lang: str) -> float | None:
    s = s.strip().lower().replace("’", "'")
    s = re.sub(r"\s+", " ", s)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    words = _count_words(lang)
    if s in words:
        return float(words[s])
    return None


# ---------------------------------------------------------------------------------------------
# Patterns


@dataclass
class _Found:
    start: int
    end: int
    type: str
    value: str
    priority: int = 0


class _Grammar:
    """The compiled patterns of one language."""

    def __init__(self, lex: ModuleType) -> None:
        self.lex = lex
        self.lang = lex.LANG
        L = lex
        B0, B1 = r"(?<![\w])", r"(?![\w])"
        self.B0, self.B1 = B0, B1
        months_full = [m for m in L.MONTHS if m not in L.AMBIGUOUS_MONTHS or len(m) > 4 or m == "may"]
        self.MONTH = _alt(L.MONTHS) + r"\.?"
        self.MONTH_FULL = _alt(months_full)
        self.WEEKDAY = _alt(L.WEEKDAYS)
        self.WEEKDAY_FULL = _alt([w for w in L.WEEKDAYS if w not in L.AMBIGUOUS_WEEKDAYS])
        counts = _count_words(self.lang)
        day_words = [w for w, v in counts.items() if 1 <= v <= 31 and " " not in w and w not in (
            "un", "una", "un'", "a", "an", "first", "primo")]
        self.DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:°|º|st|nd|rd|th)?" + B1
        self.DAYW = r"(?:" + self.DAY + "|" + _alt(day_words + (["primo"] if self.lang == "it" else [])) + B1 + ")"
        self.YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![\d,.]\d)"
        self.NUM = r"(?:\d+(?:[.,]\d+)?|" + _alt([w for w in counts]) + ")"
        self.UNIT = _alt(L.UNITS)
        self.THIS = _alt(L.THIS)
        self.LAST = _alt(L.LAST)
        self.NEXT = _alt(L.NEXT)
        self.MOD = "(?:" + "|".join((self.THIS, self.LAST, self.NEXT)) + ")"
        self.SEASON = _alt(L.SEASONS)
        self.VAGUE = _alt(L.VAGUE_COUNTS)
        self.AGO = _alt(L.AGO)
        self.LATER = _alt(L.LATER)
        self.BEFORE = _alt(L.BEFORE)
        self.PART = _alt(L.PERIOD_PARTS)
        self.DAYPART = _alt(L.DAY_PARTS)
        art = _alt(L.ARTICLES)
        self.ART = art
        it = self.lang == "it"
        R: list[tuple[str, str, int]] = []  # (handler, pattern, priority)
        # ISO and numeric dates
        R.append(("iso", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?)?(?![\d])", 9))
        R.append(("numeric", r"(?<![\d./-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<c>\d{4}|\d{2})(?![\d/-]|[.,]\d)", 8))
        R.append(("numeric", r"(?<![\d./-])(?P<a>\d{1,2})/(?P<b>\d{1,2}),\s?(?P<c>\d{4}|\d{2})(?![\d])", 8))
        R.append(("ymd_slash", r"(?<![\d./-])(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d])", 8))
        # day month year / month day year
        wd_opt = r"(?:(?P<wd>" + self.WEEKDAY + r")\.?,?\s+)?"
        if it:
            R.append(("dmy", B0 + wd_opt + r"(?:(?:il|l['’])\s*)?(?P<day>" + self.DAYW + r")(?:\s+|\.\s*|-|/)(?:di\s+|del\s+)?(?P<month>" + self.MONTH + r")" + B1 + r"(?:,?\s+(?:del\s+|dell['’]anno\s+)?(?P<year>" + self.YEAR + r"|" + _alt(_IT_YEAR_WORDS) + r"))?", 7))
            R.append(("mdy", B0 + wd_opt + r"(?P<month>" + self.MONTH + r")" + r"(?:,\s*il|,)?\s+(?P<day>" + self.DAYW + r")(?:,?\s+(?P<year>" + self.YEAR + r"|" + _alt(_IT_YEAR_WORDS) + r"))" + B1, 6))
        else:
            R.append(("dmy", B0 + wd_opt + r"(?:the\s+)?(?P<day>" + self.DAY + r")(?:\s+of)?\s+(?P<month>" + self.MONTH + r")" + B1 + r"(?:,?\s+(?P<year>" + self.YEAR + r"))?", 7))
            R.append(("mdy", B0 + wd_opt + r"(?P<month>" + self.MONTH + r")\s+(?P<day>" + self.DAY + r")(?![:\d])(?:,?\s+(?P<year>" + self.YEAR + r"))?" + B1, 7))
        # odd absolute dates mixing a month name and digits with dashes or slashes
        # ("set-23-2020", "23/set/2020", "2020/set/23"): read by dateparser
        part = r"(?:" + self.MONTH.replace(r"\.?", "") + r"|\d{1,4})"
        R.append(("dateparser", r"(?<![\w/-])" + part + r"[-/]" + part + r"[-/]" + part + r"(?![\w/-])", 4))
        # day/month without a year: "29/2", "il 22/04", "4/22", "Ott/2"
        R.append(("dm_slash", r"(?<![\d/.,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,]\d)", 3))
        R.append(("mdy", B0 + r"(?P<month>" + self.MONTH + r")/(?P<day>" + self.DAY + r")", 5))
        if it:
            # a bare day of the month: "il 15", "per il ventidue", "il 20 del prossimo mese"
            R.append(("bare_day", B0 + r"(?:(?:per|entro|dal|al|fino)\s+)?(?:il|l['’])\s*(?P<day>" + self.DAYW + r")(?:\s+(?:del|di)\s+(?P<rel>" + self.MOD + r"\s+mese|mese\s+" + self.MOD + r"))?(?=\s*(?:$|[.,;!?)]|alle\b|\s(?:del|di)\s))", 3))
            R.append(("day_range", B0 + r"(?:dal|tra\s+il|fra\s+il|da)\s+(?P<d1>" + self.DAY + r")\s*(?:al|-|e\s+il|fino\s+al|a)\s*(?P<d2>" + self.DAY + r")\s+(?:di\s+|del\s+|nel\s+|il\s+)?(?:(?P<rel>" + self.MOD + r"\s+mese|mese\s+" + self.MOD + r")|(?P<month>" + self.MONTH + r")(?:\s+(?P<year>" + self.YEAR + r"))?)" + B1, 7))
            R.append(("nth_weekday", B0 + r"(?:(?:il|la|l['’])\s+)?(?P<ord>primo|prima|secondo|seconda|terzo|terza|quarto|quarta|quinto|quinta|ultimo|ultima)\s+(?P<wd>" + self.WEEKDAY_FULL + r")(?:\s+(?:di|del|dell['’])\s*(?:(?P<month>" + self.MONTH_FULL + r")|(?P<rel>" + self.MOD + r"\s+mese|mese\s+" + self.MOD + r")))?" + B1, 6))
            R.append(("weekend_it", B0 + r"(?:il|nel|questo|lo|del|l['’]intero)\s+(?:mio\s+)?(?:weekend|fine\s+settimana)" + B1, 4))
            R.append(("daypart_phrase", B0 + r"(?:in|al|alla|di|nel|nella|verso\s+(?:il|la|sera))\s+(?P<part>mattinata|serata|mattino|mattina|pomeriggio|sera|nottata|notte)" + B1, 3))
            R.append(("month_abbr", r"(?<![\w])(?P<pre>a|ad|in|questo|quest['’]|scorso|lo\s+scorso|il\s+prossimo|prossimo|il\s+mese\s+di|mese\s+di)\s+(?P<month>(?-i:Gen|Feb|Mar|Apr|Mag|Giu|Lug|Ago|Set|Sett|Ott|Nov|Dic))\.?(?:,?\s+(?P<year>" + self.YEAR + r"))?(?![\w])", 5))
        # month + year, month alone (with a modifier)
        R.append(("my", B0 + r"(?P<month>" + self.MONTH + r"),?\s+(?:del\s+|dell['’]anno\s+|of\s+)?(?P<year>" + self.YEAR + r"|['’]\d{2}|" + _alt(_IT_YEAR_WORDS if it else ["nineteen ninety-six"]) + r")" + B1, 6))
        R.append(("ym", r"(?<![\d./-])(?P<year>(?:19|20)\d{2})[-/.](?P<month>0?[1-9]|1[0-2])(?![\d/-]|[.,]\d)", 5))
        R.append(("ym", r"(?<![\d./-])(?P<month>0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d{2})(?![\d/])", 5))
        if it:
            R.append(("month", B0 + r"(?:(?P<mod1>" + self.MOD + r")\s+)?(?P<month>" + self.MONTH_FULL + r")(?:\s+(?P<mod2>" + self.MOD + r"))?(?:\s+(?:del|dell['’])\s*(?P<rel>" + self.MOD + r"\s+anno|anno\s+" + self.MOD + r"))?" + B1, 4))
        else:
            R.append(("month", B0 + r"(?:(?P<mod1>" + self.MOD + r")\s+)?(?P<month>" + self.MONTH_FULL + r")(?:\s+(?P<rel>" + self.MOD + r"\s+year))?" + B1, 4))
        # quarters
        if it:
            R.append(("quarter", B0 + r"(?:(?:il|l['’])\s+)?(?P<ord>primo|secondo|terzo|quarto|ultimo)\s+trimestre(?:\s+(?:del(?:l['’]anno)?\s*|di\s*)(?:(?P<year>" + self.YEAR + r")|(?P<rel>" + self.MOD + r"\s+anno|quest['’]anno|anno\s+" + self.MOD + r")))?" + B1, 6))
        else:
            R.append(("quarter", B0 + r"(?:(?:the|this\s+year['’]s|last\s+year['’]s)\s+)?(?:(?P<year0>" + self.YEAR + r")\s+)?(?:(?P<rel>latest|last|this|current|next|previous|year-ago|year-earlier|fiscal)[\s-]+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:[\s-]+fiscal)?[\s-]+quarter|(?P<bare>quarter))" + r"(?:\s+(?:of\s+)?(?P<year>" + self.YEAR + r"))?" + B1, 6))
            R.append(("fiscal", B0 + r"fiscal(?:\s+year)?\s+(?P<year>" + self.YEAR + r")" + B1, 7))
            R.append(("nine_months", B0 + r"(?:the\s+)?(?:first\s+)?(?P<n>" + self.NUM + r")\s+months" + B1 + r"(?=\s+(?:ended|ending|of|through|to))", 3))
        # decades and centuries
        if it:
            R.append(("decade", B0 + r"anni\s+(?:['’])?(?P<dec>(?:1\d|20)?\d0|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta|duemila|duemiladieci|millenovecento\w+)" + B1, 6))
            R.append(("century", B0 + r"(?P<roman>[XVI]{1,5})\s+secolo" + B1, 6))
        else:
            R.append(("decade", B0 + r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?P<y4>1\d\d0|20\d0)['’]?s|['’](?P<y2>\d0)['’]?s)" + B1, 6))
            R.append(("century", B0 + r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century" + B1, 6))
        # years
        yp = _alt(L.YEAR_PREPS)
        R.append(("year", B0 + r"(?:(?P<prep>" + yp + r")\s+)?(?P<year>" + self.YEAR + r")" + B1, 3))
        if it:
            R.append(("year", B0 + r"(?:(?P<prep>nel|dal|del|entro\s+il|fino\s+al)\s+)(?P<wyear>millenovecento\w*|duemila\w*|mille\w+)" + B1, 3))
        # seasons
        R.append(("season", B0 + r"(?:(?P<mod1>" + self.MOD + r")\s+)?(?P<season>" + self.SEASON + r")(?:\s+(?P<mod2>" + self.MOD + r"))?(?:\s+(?:del\s+|of\s+)?(?P<year>" + self.YEAR + r"))?" + B1, 4))
        # relative units: this week, last year, l'anno scorso, la prossima settimana
        if it:
            R.append(("rel_unit", B0 + r"(?:(?:il|lo|la|l['’])\s*)?(?:(?P<mod1>" + self.MOD + r")\s*)(?P<unit>" + self.UNIT + r")" + B1, 5))
            R.append(("rel_unit", B0 + r"(?:(?:il|lo|la|l['’])\s*)?(?P<unit>" + self.UNIT + r")\s+(?P<mod2>" + self.MOD + r")" + B1, 5))
            R.append(("rel_unit", B0 + r"(?P<mod1>quest['’])(?P<unit>anno)" + B1, 5))
        else:
            R.append(("rel_unit", B0 + r"(?P<mod1>" + self.MOD + r")\s+(?P<unit>" + self.UNIT + r")" + B1, 5))
            R.append(("year_ago", B0 + r"(?:the\s+)?(?P<unit>year|month|quarter|week)[\s-](?:ago|earlier)(?:\s+(?P<what>quarter|period))?" + B1, 5))
            R.append(("year_ago", B0 + r"the\s+(?P<what>quarter|period)\s+a\s+(?P<unit>year)\s+(?:ago|earlier)" + B1, 6))
        # the past N units (duration), N units ago / later, tra N unità
        R.append(("past_n", B0 + r"(?:(?:the|i|gli|le)\s+)?(?P<mod>" + self.LAST + r"|" + self.NEXT + r")\s+(?P<n>" + self.NUM + r"|" + self.VAGUE + r")\s+(?P<unit>" + self.UNIT + r")" + B1, 6))
        R.append(("past_n", B0 + r"(?:(?:i|gli|le)\s+)?(?P<n>" + self.NUM + r")\s+(?P<unit>" + self.UNIT + r")\s+(?P<mod>precedenti|passati|passate|scorsi|scorse|successivi|successive|prossimi|prossime)" + B1, 6))
        compound = r"(?P<n>" + self.NUM + r"|" + self.VAGUE + r")(?:\s+|(?<=\d)\s*|(?<=['’]))(?P<unit>" + self.UNIT + r")(?P<more>(?:,?\s+(?:e\s+|and\s+)?" + self.NUM + r"\s*" + self.UNIT + r"){0,3})"
        qual = r"(?:(?P<qual>circa|quasi|oltre|almeno|più\s+di|about|nearly|almost|more\s+than|less\s+than|some|roughly|at\s+least|up\s+to|over)\s+)?"
        R.append(("ago", B0 + qual + compound + r"\s+(?P<dir>" + self.AGO + r"|" + self.LATER + r"|" + self.BEFORE + r")" + B1, 7))
        if it:
            R.append(("in_future", B0 + r"(?P<prep>tra|fra)\s+" + compound + B1, 6))
        # durations
        R.append(("duration", B0 + qual + compound + r"(?:\s+(?:e|and)\s+(?:mezz[oa]|a\s+half))?" + B1, 4))
        R.append(("duration", B0 + qual + r"(?P<n>" + self.NUM + r")-(?P<unit>" + self.UNIT + r")(?:-(?:long|old))?" + B1, 4))
        R.append(("duration", B0 + r"(?P<n>\d+(?:[.,]\d+)?)(?P<unit>h|min|giorni|anni|ore|minuti|secondi)" + B1, 4))
        if it:
            R.append(("duration_all", B0 + r"(?P<all>tutto\s+il|tutta\s+la|tutto\s+l['’]|l['’]intero|l['’]intera|il|la)\s*(?P<unit>giorno|settimana|mese|anno|weekend)\s*(?P<intero>intero|intera)?" + B1, 3))
            R.append(("half_hour", B0 + r"(?:mezz['’]?ora|un['’]ora\s+e\s+mezza|mezza\s+giornata)" + B1, 4))
        else:
            R.append(("duration_vague", B0 + r"(?:(?:recent|the\s+past\s+few|several|many|a\s+few|few|some)\s+)(?P<unit>years|months|weeks|days|decades|hours|minutes)" + B1, 4))
        # weekdays (with optional modifier, day number and part of day)
        wdp = r"(?P<wd>" + self.WEEKDAY + r")"
        if it:
            R.append(("weekday", B0 + r"(?:(?P<mod1>" + self.MOD + r")\s+)?" + wdp + r"(?:\s+(?P<day>" + self.DAYW + r")(?![:./-]\d))?(?:\s+(?P<part>" + self.DAYPART + r"))?(?:\s+(?P<mod2>" + self.MOD + r"))?" + B1, 4))
            R.append(("weekday", B0 + r"(?P<wd>" + self.WEEKDAY + r")\s+(?:di|della)\s+(?P<rel>" + self.MOD + r"\s+settimana|settimana\s+" + self.MOD + r")" + B1, 5))
            R.append(("weekday", B0 + r"(?P<rel>" + self.MOD + r"\s+settimana|settimana\s+" + self.MOD + r"),?\s+(?:di\s+|il\s+)?(?P<wd>" + self.WEEKDAY + r")" + B1, 5))
        else:
            R.append(("weekday", B0 + r"(?:(?P<mod1>" + self.MOD + r")\s+)?" + wdp + r"(?:['’]s)?(?:\s+(?P<part>" + self.DAYPART + r"))?" + B1, 4))
        # day words (+ part of day)
        R.append(("dayword", B0 + r"(?P<word>" + _alt(L.DAY_WORDS) + r")(?:\s+(?:in\s+the\s+|di\s+)?(?P<part>" + self.DAYPART + r"))?" + B1, 5))
        R.append(("todaypart", B0 + r"(?P<word>" + _alt(L.TODAY_PARTS) + r")" + B1, 5))
        R.append(("daypart_rel", B0 + r"(?P<mod>" + self.THIS + r"|" + self.LAST + r"|" + self.NEXT + r")\s+(?P<part>" + self.DAYPART + r")" + B1, 5))
        # clock times
        ampm = _alt(list(L.CLOCK_AM) + list(L.CLOCK_PM))
        R.append(("clock", B0 + r"(?P<h>[01]?\d|2[0-4])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*(?P<ampm>" + ampm + r"))?(?:\s+(?P<tz>(?-i:[A-Z]{3})))?(?![\d])", 5))
        R.append(("clock", B0 + r"(?P<h>[01]?\d|2[0-4])\s*(?P<ampm>" + ampm + r")(?:\s+(?P<tz>(?-i:[A-Z]{3})))?(?!\w)", 5))
        R.append(("clock_prep", B0 + r"(?P<prep>" + _alt(L.CLOCK_PREPS) + r")\s*(?:ore\s+)?(?P<h>[01]?\d|2[0-4]|" + _alt([w for w, v in counts.items() if 1 <= v <= 24 and " " not in w and w not in ("un", "una", "un'", "a", "an", "first", "primo")]) + r")(?:\s+(?:e\s+)?(?P<mi>" + _alt([w for w, v in counts.items() if 1 <= v <= 59 and " " not in w and w not in ("un", "una", "un'", "a", "an")]) + r"|mezza|un\s+quarto))?(?:\s+(?P<ampm>" + ampm + r"))?" + B1, 3))
        R.append(("noon", B0 + r"(?P<word>" + _alt(L.NOON) + r")" + B1, 4))
        # sets
        R.append(("set_adverb", B0 + r"(?P<word>" + _alt(L.SET_ADVERBS) + r")" + B1, 6))
        R.append(("set_every", B0 + r"(?:" + _alt(L.EVERY) + r")\s+(?:(?P<n>" + self.NUM + r")\s+)?(?P<unit>" + self.UNIT + r")" + B1, 5))
        R.append(("set_weekday", B0 + r"(?:" + _alt(L.EVERY) + r")\s+(?P<wd>" + self.WEEKDAY_FULL + r")" + B1, 6))
        if L.WEEKDAY_PLURALS or it:
            plural = list(L.WEEKDAY_PLURALS) + (["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"] if it else [])
            R.append(("set_weekday", B0 + (r"(?:i|le|tutti\s+i|tutte\s+le)\s+" if it else r"(?:on\s+)?") + r"(?P<wdp>" + _alt(plural) + r")" + B1, 3))
        # present / past / future
        R.append(("ref", B0 + r"(?P<present>" + _alt(L.PRESENT_REF) + r")" + B1, 2))
        R.append(("ref", B0 + r"(?P<past>" + _alt(L.PAST_REF) + r")" + B1, 2))
        R.append(("ref", B0 + r"(?P<future>" + _alt(L.FUTURE_REF) + r")" + B1, 2))
        # holidays
        R.append(("holiday", B0 + r"(?:(?P<mod>" + self.MOD + r")\s+)?(?P<word>" + _alt(L.HOLIDAYS) + r")(?:\s+(?:del\s+|of\s+)?(?P<year>" + self.YEAR + r"))?" + B1, 5))
        if not it:
            R.append(("year_words", B0 + r"(?:the\s+year\s+)?(?P<c>nineteen|twenty)\s+(?P<rest>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred))" + B1, 6))
            R.append(("year_words", B0 + r"(?:the\s+year\s+)(?P<c>two\s+thousand)(?:\s+and\s+(?P<rest>\w+))?" + B1, 6))
            R.append(("weekend", B0 + r"(?:the|this|last|next)\s+weekend" + B1, 5))
            R.append(("full_year", B0 + r"(?:the\s+)?(?:full\s+year|year[\s-]end)" + B1, 4))
            R.append(("bare_plural", B0 + r"(?:(?<=for\s)|(?<=in\s)|(?<=within\s)|(?<=over\s)|(?<=for\s\s))(?P<unit>years|months|weeks|days|decades|centuries|hours)" + B1, 2))
        # part + bare unit: "fine mese", "inizio anno", "the end of the year"
        R.append(("part_unit", B0 + r"(?P<part>" + self.PART + r")\s*(?:" + _alt(L.PART_LINKS) + r"\s*)?(?:(?:il|la|l['’]|the)\s*)?(?P<unit>mese|anno|settimana|giornata|year|month|week|day)(?:\s+(?P<mod>" + self.MOD + r"))?" + B1, 5))
        self.rules = [(h, re.compile(p, re.IGNORECASE), pr) for h, p, pr in R]
        self.part_before = re.compile(r"(?:(?:all['’]|a(?:lla|gli|i|l)?|dall['’]|dalla|dagli|dai|dal|in|at|by|from|until|since|the|ai|agli|alle)\s*)?(?P<part>" + self.PART + r")[\s-]*(?:" + _alt(L.PART_LINKS) + r"\s*)?(?:(?:il|la|lo|l['’]|the)\s*)?$", re.IGNORECASE)
        self.sentence_future = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in L.FUTURE_CUES) + r")", re.IGNORECASE)


_IT_YEAR_WORDS = ["duemila", "duemilauno", "duemiladue", "duemilatre", "duemilaquattro",
                  "duemilacinque", "duemilasei", "duemilasette", "duemilaotto", "duemilanove",
                  "duemiladieci", "duemiladiciassette", "duemiladiciotto", "duemiladiciannove",
                  "duemilaventi", "duemilaventuno", "duemilaventidue", "duemilaventitré",
                  "duemilaventitre", "duemilaventiquattro", "duemilaventicinque",
                  "millenovecentosettantotto", "millenovecentosettantatre", "millenovecentouno",
                  "millenovecentonovantanove", "millenovecentoventotto", "millesettecentottantanove",
                  "duemilaquattordici", "duemilaventisette"]


@lru_cache(maxsize=2)
def _grammar(lang: str) -> _Grammar:
    return _Grammar(_LEXICONS[lang])


# ---------------------------------------------------------------------------------------------
# Handlers


@dataclass
class _Ctx:
    text: str
    anchor: Anchor
    g: _Grammar

    def direction(self, start: int) -> int:
        """+1 when the clause around `start` speaks of the future, else -1."""
        text = self.text
        s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("!", 0, start),
                text.rfind("?", 0, start), start - 60) + 1
        ends = [i for i in (text.find(".", start), text.find("\n", start)) if i >= 0]
        e = min(ends + [start + 40, len(text)])
        sentence = text[s:e]
        if self.g.sentence_future.search(sentence):
            return 1
        suffixes = self.g.lex.FUTURE_SUFFIXES
        if suffixes:
            for w in re.findall(r"\w+", sentence.lower()):
                if len(w) > 5 and w.endswith(suffixes):
                    return 1
        return -1


def _mod_value(g: _Grammar, s: str | None) -> int | None:
    if not s:
        return None
    s = re.sub(r"\s+", " ", s.lower().replace("’", "'")).strip()
    L = g.lex
    if s in L.THIS or s.startswith("quest"):
        return 0
    if s in L.LAST:
        return -1
    if s in L.NEXT:
        return 1
    return None


def _unit_of(g: _Grammar, s: str) -> tuple[str, bool]:
    s = re.sub(r"\s+", " ", s.lower())
    return g.lex.UNITS[s]


def _month_num(g: _Grammar, s: str) -> int:
    return g.lex.MONTHS[s.lower().rstrip(".")]


def _day_num(g: _Grammar, s: str) -> int | None:
    s = s.lower()
    m = re.match(r"(\d+)", s)
    if m:
        return int(m.group(1))
    if s == "primo":
        return 1
    v = _number(s, g.lang)
    return int(v) if v is not None else None


def _year_num(g: _Grammar, s: str, anchor: Anchor) -> int | None:
    s = s.strip().lower()
    if re.fullmatch(r"\d{4}", s):
        return int(s)
    m = re.fullmatch(r"['’](\d{2})", s) or re.fullmatch(r"(\d{2})", s)
    if m:
        yy = int(m.group(1))
        base = (anchor.year or 2000) // 100 * 100
        y = base + yy
        if anchor.year and y > anchor.year + 10:
            y -= 100
        return y
    try:
        from text_to_num import text2num

        return int(text2num(s, g.lang))
    except Exception:  # noqa: BLE001 - any parse failure means "not a year"
        return None


def _handle(name: str, m: re.Match, ctx: _Ctx) -> list[_Found] | _Found | None:
    g, a = ctx.g, ctx.anchor
    L = g.lex
    gd = m.groupdict()
    s, e = m.start(), m.end()
    low = m.group().lower()

    if name == "iso":
        y, mo, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        v = f"{y:04d}-{mo:02d}-{d:02d}"
        if gd.get("hh"):
            v += f"T{gd['hh']}:{gd['mm']}" + (f":{gd['ss']}" if gd.get("ss") else "")
            return _Found(s, e, "TIME", v)
        return _Found(s, e, "DATE", v)
    if name in ("numeric",):
        x, y_, z = int(gd["a"]), int(gd["b"]), gd["c"]
        year = _year_num(g, z, a) if len(z) == 2 else int(z)
        if g.lang == "en" or x <= 12 < y_:
            month, day = x, y_
        else:
            day, month = x, y_
        if month > 12 and day <= 12:
            month, day = day, month
        if not (1 <= month <= 12 and 1 <= day <= 31) or year is None:
            return None
        return _Found(s, e, "DATE", f"{year:04d}-{month:02d}-{day:02d}")
    if name == "ymd_slash":
        y, mo, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return _Found(s, e, "DATE", f"{y:04d}-{mo:02d}-{d:02d}")
    if name in ("dmy", "mdy"):
        month_s = gd["month"]
        month = _month_num(g, month_s)
        day = _day_num(g, gd["day"])
        if day is None or not 1 <= day <= 31:
            return None
        bare = month_s.lower().rstrip(".")
        if bare in L.AMBIGUOUS_MONTHS and len(bare) <= 4 and not month_s[0].isupper() and name == "mdy" and g.lang == "en":
            return None
        if g.lang == "en" and bare == "may" and not month_s[0].isupper():
            return None
        if gd.get("year"):
            year = _year_num(g, gd["year"], a)
            if year is None:
                return None
            return _Found(s, e, "DATE", f"{year:04d}-{month:02d}-{day:02d}")
        return _Found(s, e, "DATE", _day_month_value(a, month, day, ctx.direction(s)))
    if name == "my":
        month_s = gd["month"]
        bare = month_s.lower().rstrip(".")
        if g.lang == "en" and bare == "may" and not month_s[0].isupper():
            return None
        month = _month_num(g, month_s)
        year = _year_num(g, gd["year"], a)
        if year is None:
            return None
        return _Found(s, e, "DATE", f"{year:04d}-{month:02d}")
    if name == "ym":
        year, month = int(gd["year"]), int(gd["month"])
        return _Found(s, e, "DATE", f"{year:04d}-{month:02d}")
    if name == "month":
        month_s = gd["month"]
        if g.lang == "en" and not month_s[0].isupper():
            return None
        if g.lang == "en" and month_s.lower() in ("may", "march") and not gd.get("mod1") and not _month_context(ctx.text, s):
            return None
        month = _month_num(g, month_s)
        mod = _mod_value(g, gd.get("mod1")) if gd.get("mod1") is not None else _mod_value(g, gd.get("mod2"))
        if gd.get("rel"):
            rel = _mod_value(g, re.sub(r"\s*(anno|year)\s*", " ", gd["rel"]).strip())
            if a.year is None:
                return _Found(s, e, "DATE", f"XXXX-{month:02d}")
            return _Found(s, e, "DATE", f"{a.year + (rel or 0):04d}-{month:02d}")
        if mod == 0:
            return _Found(s, e, "DATE", _month_value(a, month, 0))
        if mod in (-1, 1):
            return _Found(s, e, "DATE", _month_value(a, month, mod, strict=True))
        return _Found(s, e, "DATE", _month_value(a, month, ctx.direction(s)))
    if name == "quarter":
        ords = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                "4th": 4, "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4}
        o = (gd.get("ord") or "").lower()
        rel = (gd.get("rel") or "").lower()
        year = int(gd["year"]) if gd.get("year") else int(gd["year0"]) if gd.get("year0") else a.year
        if o in ords:
            q = ords[o]
            if not gd.get("year") and not gd.get("year0") and not rel and a.year and a.month and \
                    q > (a.month - 1) // 3 + 1 and year == a.year and ctx.direction(s) < 0:
                year -= 1  # "the fourth quarter" in a February story: the one just ended
            if rel in ("year-ago", "year-earlier") and year:
                year -= 1
            elif "last year" in low and year:
                year -= 1
            elif rel and g.lang == "it" and year and a.year and not gd.get("year"):
                year = a.year + (_mod_value(g, re.sub(r"\s*anno\s*", " ", rel.replace("quest'anno", "questo").replace("quest’anno", "questo")).strip()) or 0)
            return _Found(s, e, "DATE", f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}")
        if gd.get("bare"):
            if not rel and not low.startswith("the"):
                return None
            if a.year is None or a.month is None:
                return _Found(s, e, "DATE", "XXXX-QX")
            cur = (a.month - 1) // 3
            if rel in ("this", "current"):
                shift = 0
            elif rel == "next":
                shift = 1
            else:
                shift = -1  # "the quarter", "the latest quarter": the one just reported
            if rel in ("year-ago", "year-earlier"):
                shift = -5
            qn = cur + shift
            return _Found(s, e, "DATE", f"{a.year + qn // 4:04d}-Q{qn % 4 + 1}")
        return None
    if name == "fiscal":
        return _Found(s, e, "DATE", gd["year"])
    if name == "nine_months":
        n = _number(gd["n"], g.lang)
        return _Found(s, e, "DURATION", _duration(n, "M", False)) if n else None
    if name == "decade":
        if g.lang == "it":
            d = gd["dec"].lower()
            words = {"venti": 2, "trenta": 3, "quaranta": 4, "cinquanta": 5, "sessanta": 6,
                     "settanta": 7, "ottanta": 8, "novanta": 9}
            if d in words:
                return _Found(s, e, "DATE", f"19{words[d]}")
            if d.isdigit():
                if len(d) == 4:
                    return _Found(s, e, "DATE", d[:3])
                return _Found(s, e, "DATE", f"19{d[0]}")
            y = _year_num(g, d, a)
            return _Found(s, e, "DATE", f"{y // 10:03d}") if y else None
        if gd.get("y4"):
            return _Found(s, e, "DATE", gd["y4"][:3])
        return _Found(s, e, "DATE", f"19{gd['y2'][0]}")
    if name == "century":
        if gd.get("roman"):
            n = _roman(gd["roman"])
            return _Found(s, e, "DATE", f"{n - 1:02d}") if n else None
        return _Found(s, e, "DATE", f"{int(gd['n']) - 1:02d}")
    if name == "year":
        if gd.get("wyear"):
            y = _year_num(g, gd["wyear"], a)
            if not y:
                return None
            return _Found(m.start("wyear"), e, "DATE", f"{y:04d}")
        y = int(gd["year"])
        prep = (gd.get("prep") or "").lower()
        ys = m.start("year")
        if not _standalone_year(ctx.text, ys, m.end("year"), g.lang):
            return None
        if not prep and not 1900 <= y <= 2100:
            return None
        start = s if prep in ("fiscal",) else ys
        return _Found(start, e, "DATE", f"{y:04d}")
    if name == "season":
        season = L.SEASONS[gd["season"].lower()]
        word = gd["season"]
        mod = _mod_value(g, gd.get("mod1")) if gd.get("mod1") is not None else _mod_value(g, gd.get("mod2"))
        if gd.get("year"):
            return _Found(s, e, "DATE", f"{int(gd['year']):04d}-{season}")
        if g.lang == "en" and word.lower() == "fall" and mod is None:
            return None
        if g.lang == "it" and word.lower() == "estate" and mod is None and not re.search(r"(?:in|d['’]|l['’]|quest['’]|dell['’]|nell['’])\s*$", ctx.text[max(0, s - 8):s], re.I):
            return None
        if a.year is None:
            return _Found(s, e, "DATE", f"XXXX-{season}")
        if mod is None:
            return _Found(s, e, "DATE", f"XXXX-{season}" if g.lang == "it" and a.month is None else f"{a.year:04d}-{season}")
        y = a.year
        if mod == -1:
            y -= 1 if (a.month or 12) < {"SP": 6, "SU": 9, "FA": 12, "WI": 3}[season] + 0 or season == "FA" and (a.month or 0) < 12 else 0
        elif mod == 1:
            y += 1
        return _Found(s, e, "DATE", f"{y:04d}-{season}")
    if name == "rel_unit":
        unit_s = gd["unit"].lower()
        unit, clock = _unit_of(g, unit_s)
        mod = _mod_value(g, gd.get("mod1")) if gd.get("mod1") is not None else _mod_value(g, gd.get("mod2"))
        if mod is None or clock:
            return None
        if g.lang == "en" and unit_s.endswith("s") and unit_s not in ("ss",):
            return _Found(s, e, "DURATION", _duration(None, unit, clock))  # "the coming years"
        if g.lang == "en" and low.startswith(("the past", "the last")) and unit in ("DE", "CE"):
            return _Found(s, e, "DURATION", _duration(1, unit, clock))  # "the past decade"
        if unit == "D":
            return _Found(s, e, "DATE", _shift(a, "D", mod))
        return _Found(s, e, "DATE", _shift(a, unit, mod))
    if name == "year_ago":
        unit = {"year": "Y", "month": "M", "quarter": "Q", "week": "W"}[gd["unit"].lower()]
        what = (gd.get("what") or "").lower()
        if unit == "Y" and a.year and a.month and _quarter_talk(ctx.text, s):
            what = "quarter"
        if what == "quarter" and a.year and a.month:
            qn = (a.month - 1) // 3 - 1 - 4
            return _Found(s, e, "DATE", f"{a.year + qn // 4:04d}-Q{qn % 4 + 1}")
        return _Found(s, e, "DATE", _shift(a, unit, -1))
    if name == "past_n":
        n = _number(gd["n"], g.lang) if not re.match(g.VAGUE, gd["n"], re.I) else None
        unit, clock = _unit_of(g, gd["unit"])
        return _Found(s, e, "DURATION", _duration(n, unit, clock))
    if name in ("ago", "in_future"):
        n = _number(gd["n"], g.lang) if not re.fullmatch(g.VAGUE, gd["n"], re.I) else None
        unit, clock = _unit_of(g, gd["unit"])
        if name == "in_future":
            sign = 1
        else:
            d = re.sub(r"\s+", " ", gd["dir"].lower())
            sign = -1 if d in L.AGO or d in L.BEFORE else 1
        if gd.get("more"):
            parts = _compound_parts(gd["more"], g)
            # the smallest unit sets the granularity
            units = [(unit, n)] + parts
            d0 = a.date
            if d0 is None or any(x[1] is None for x in units):
                return _Found(s, e, "DATE", "XXXX-XX-XX")
            days = 0
            y, mo = d0.year, d0.month
            for u, k in units:
                k = int(k) * sign
                if u == "Y":
                    y += k
                elif u == "M":
                    y, mo = _add_months(y, mo, k)
                elif u == "W":
                    days += 7 * k
                elif u == "D":
                    days += k
            try:
                base = dt.date(y, mo, min(d0.day, 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31))
            except ValueError:
                return None
            return _Found(s, e, "DATE", _fmt_date(base + dt.timedelta(days=days)))
        if n is None:
            return _Found(s, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit == "Y" and n == 1 and sign < 0 and a.year and a.month and g.lang == "en" and \
                _quarter_talk(ctx.text, s):
            qn = (a.month - 1) // 3 - 1 - 4
            return _Found(s, e, "DATE", f"{a.year + qn // 4:04d}-Q{qn % 4 + 1}")
        if clock:
            return _Found(s, e, "TIME" if unit != "S" else "TIME", _shift(a, "D", 0))
        if not float(n).is_integer():
            return _Found(s, e, "DATE", "XXXX-XX-XX")
        if unit == "W" and a.date:
            return _Found(s, e, "DATE", _fmt_week(a.date + dt.timedelta(weeks=sign * int(n))))
        return _Found(s, e, "DATE", _shift(a, unit, sign * n))
    if name == "duration":
        n = _number(gd["n"], g.lang) if not re.fullmatch(g.VAGUE, gd["n"], re.I) else None
        unit_s = gd["unit"]
        unit, clock = _unit_of(g, unit_s)
        if n is not None and 1000 <= n <= 2100 and float(n).is_integer() and unit in ("Y", "Q", "M", "W", "DE", "CE"):
            return None  # "the 1988 quarter"
        if g.lang == "en" and re.match(r"[\s-]*(?:old|-old)\b", ctx.text[e:e + 6]) or low.endswith("-old"):
            return None  # "a 6-year-old": an age, not a stretch of time
        if unit == "Q" and re.search(r"-quarters?$", low):
            return None  # "three-quarters": a fraction
        if unit_s[:1].isupper() and not unit_s.isupper():
            return None  # "10 Secondo": a capitalised word is no unit
        if unit_s.lower() in ("secondo", "seconda") and gd["n"].lower() not in ("1", "un", "uno"):
            return None  # "secondo" is "according to"
        if re.search(r"(?:e|and)\s+(?:mezz[oa]|a\s+half)$", low) and n is not None:
            n += 0.5
        if gd.get("more"):
            parts = _compound_parts(gd["more"], g)
            if any(k is None for _, k in parts):
                return None
            units = dict()
            units[(unit, clock)] = n
            for (u, k) in parts:
                units[(u, _unit_of_letter_clock(g, u))] = k
            return _Found(s, e, "DURATION", _compound_duration([(u, c, k) for (u, c), k in units.items()]))
        if unit_s.lower() in ("h", "min", "sec") and not gd["n"][0].isdigit():
            return None
        if g.lang == "it" and gd["n"].lower() in ("un", "una", "un'") and unit_s.lower() in ("ora",) and not low.startswith("un"):
            return None
        if unit == "Q" and n is not None and n == 1 and gd["n"].lower() in ("a", "an", "un"):
            return None
        if unit_s.lower() in ("secondo", "second") and gd["n"].lower() in ("un", "a", "il"):
            return None
        return _Found(s, e, "DURATION", _duration(n, unit, clock))
    if name == "duration_all":
        allw = re.sub(r"\s+", " ", gd["all"].lower())
        if allw in ("il", "la") and not gd.get("intero"):
            return None
        unit, clock = _unit_of(g, gd["unit"])
        start = s if allw not in ("il", "la") else m.start("unit")
        return _Found(start, e, "DURATION", _duration(1, unit, clock))
    if name == "half_hour":
        if "giornata" in low:
            return _Found(s, e, "DURATION", "PT12H")
        return _Found(s, e, "DURATION", "PT1.5H" if "e mezza" in low else "PT0.5H")
    if name == "duration_vague":
        if low.startswith("recent"):
            return _Found(s, e, "DATE", "PAST_REF")
        unit, clock = _unit_of(g, gd["unit"])
        return _Found(s, e, "DURATION", _duration(None, unit, clock))
    if name == "weekday":
        wd_s = gd["wd"]
        wd_low = wd_s.lower().rstrip(".")
        if wd_low in L.AMBIGUOUS_WEEKDAYS and not gd.get("day") and not (wd_s[0].isupper() and (
                re.match(r"\.?,?\s*(?:\d|" + g.MONTH + ")", ctx.text[e:e + 12], re.I) or g.lang == "it")):
            return None
        if g.lang == "it" and wd_low in ("mar", "set", "dom", "sab", "gio", "ven", "mer", "lun") and not gd.get("day"):
            return None
        wd = L.WEEKDAYS[wd_low]
        if gd.get("rel"):
            rel = _mod_value(g, re.sub(r"\s*settimana\s*", " ", gd["rel"]).strip())
            return _Found(s, e, "DATE", _weekday_value(a, wd, 1, rel if rel else 0))
        mod = _mod_value(g, gd.get("mod1")) if gd.get("mod1") is not None else _mod_value(g, gd.get("mod2"))
        if "coming" in (gd.get("mod1") or "").lower():
            return _Found(s, e, "DATE", _weekday_value(a, wd, 1, None))
        if gd.get("day"):
            day = _day_num(g, gd["day"])
            if day and a.date:
                # the date with that day number nearest the anchor whose weekday matches
                for delta in range(0, 3):
                    for y, mo in (_add_months(a.year, a.month, -delta), _add_months(a.year, a.month, delta)):
                        try:
                            cand = dt.date(y, mo, day)
                        except ValueError:
                            continue
                        if cand.isoweekday() == wd:
                            return _Found(s, e, "DATE", _fmt_date(cand))
                return _Found(s, e, "DATE", f"XXXX-XX-{day:02d}")
            if day:
                return _Found(s, e, "DATE", f"XXXX-XX-{day:02d}")
        v = _weekday_value(a, wd, ctx.direction(s), mod)
        if gd.get("part"):
            part = L.DAY_PARTS.get(gd["part"].lower())
            if part and part != "MI":
                v += "T" + part
        return _Found(s, e, "DATE", v)
    if name == "dayword":
        word = re.sub(r"\s+", " ", gd["word"].lower().replace("’", "'"))
        off = L.DAY_WORDS.get(word)
        if off is None:
            if word == "oggigiorno":
                return _Found(s, e, "DATE", "PRESENT_REF")
            return None
        v = _shift(a, "D", off)
        if word == "tonight":
            v += "TNI"
        elif gd.get("part"):
            part = L.DAY_PARTS.get(gd["part"].lower())
            if part and part != "MI":
                v += "T" + part
        return _Found(s, e, "DATE" if "T" not in v else "TIME", v)
    if name == "todaypart":
        word = re.sub(r"\s+", " ", gd["word"].lower())
        part = L.TODAY_PARTS[word]
        off = -1 if part.endswith("-1") else 0
        return _Found(s, e, "TIME", _shift(a, "D", off) + "T" + part.split("-")[0])
    if name == "daypart_rel":
        mod = _mod_value(g, gd["mod"])
        part = L.DAY_PARTS.get(gd["part"].lower())
        if mod is None or not part or part == "MI":
            return None
        return _Found(s, e, "TIME", _shift(a, "D", mod) + "T" + part)
    if name in ("clock", "clock_prep"):
        hs = gd["h"]
        h = int(hs) if hs.isdigit() else _number(hs, g.lang)
        if h is None:
            return None
        h = int(h)
        mi = gd.get("mi")
        minute = None
        if mi:
            ml = mi.lower()
            if ml == "mezza":
                minute = 30
            elif ml.startswith("un"):
                minute = 15
            elif ml.isdigit():
                minute = int(ml)
            else:
                v = _number(ml, g.lang)
                minute = int(v) if v is not None else None
        ampm = (gd.get("ampm") or "").lower().replace(" ", "")
        if name == "clock" and not ampm and mi and "." in m.group() and not _time_context(ctx.text, s, g):
            return None  # "21.30" alone could be a decimal
        if name == "clock_prep":
            prep = re.sub(r"\s+", " ", (gd.get("prep") or "").lower())
            if g.lang == "en" and not ampm:
                return None
            if not mi and not ampm and prep in ("le", "l'", "ore") and g.lang == "it" and not hs.isdigit():
                pass
            if g.lang == "it" and _followed_by_unit(ctx.text, e):
                return None
        if not ampm and h < 12 and g.lang == "it":
            around = ctx.text[max(0, s - 30):e + 30].lower()
            if re.search(r"\b(?:pomeriggio|sera|stasera|stanotte|notte|serata)\b", around) and h >= 1:
                if not (re.search(r"\bnotte\b", around) and h <= 4):
                    ampm = "pm"
            nxt = re.match(r"\s*(?:alle|e\s+le|fino\s+alle|-)\s*(\d{1,2})(?:[:.]\d{2})?\s*(pm|p\.m\.|del\s+pomeriggio|di\s+sera|della\s+sera)", ctx.text[e:e + 40], re.I)
            if nxt and int(nxt.group(1)) < 12 and h < int(nxt.group(1)):
                ampm = "pm"
        if ampm in ("pm", "p.m.", "p.m", "p.m") or ampm in {x.replace(" ", "") for x in L.CLOCK_PM}:
            if h < 12:
                h += 12
        elif ampm and h == 12:
            h = 0
        if h > 24 or (minute is not None and minute > 59):
            return None
        v = f"T{h:02d}" + (f":{minute:02d}" if minute is not None else "") + (f":{gd['s']}" if gd.get("s") else "")
        base = _shift(a, "D", 0) if a.date else "XXXX-XX-XX"
        start = m.start("h") if name == "clock_prep" else s
        return _Found(start, e, "TIME", base + v)
    if name == "noon":
        word = gd["word"].lower()
        base = _shift(a, "D", 0) if a.date else "XXXX-XX-XX"
        return _Found(s, e, "TIME", base + L.NOON[word])
    if name == "set_adverb":
        word = re.sub(r"\s+", " ", gd["word"].lower().replace("’", "'"))
        return _Found(s, e, "SET", L.SET_ADVERBS[word])
    if name == "set_every":
        unit, clock = _unit_of(g, gd["unit"])
        n = _number(gd["n"], g.lang) if gd.get("n") else 1
        if n is None:
            return None
        if unit == "WE":
            return _Found(s, e, "SET", "XXXX-WXX-WE")
        return _Found(s, e, "SET", _duration(n, unit, clock))
    if name == "set_weekday":
        if gd.get("wd"):
            return _Found(s, e, "SET", f"XXXX-WXX-{L.WEEKDAYS[gd['wd'].lower()]}")
        wdp = gd["wdp"].lower()
        wd = L.WEEKDAY_PLURALS.get(wdp) or L.WEEKDAYS.get(wdp)
        if g.lang == "en" and not low.startswith("on"):
            return None
        return _Found(s, e, "SET", f"XXXX-WXX-{wd}")
    if name == "ref":
        if gd.get("present"):
            word = gd["present"].lower()
            if g.lang == "it" and word == "ora" and not _present_ora(ctx.text, s, e):
                return None
            if g.lang == "en" and word in ("today's",):
                return _Found(s, e, "DATE", _shift(a, "D", 0))
            return _Found(s, e, "DATE", "PRESENT_REF")
        if gd.get("past"):
            word = gd["past"].lower()
            if g.lang == "en" and word in ("once", "earlier") and not _adverbial(ctx.text, s, e):
                return None
            return _Found(s, e, "DATE", "PAST_REF")
        word = gd["future"].lower()
        if g.lang == "en" and word == "future" and not re.search(r"(?:in the|the|near)\s*$", ctx.text[max(0, s - 12):s], re.I) \
                and not re.match(r"\s+(?:quarters|years|months|periods|earnings|results)\b", ctx.text[e:e + 12]):
            return None
        if g.lang == "en" and word == "later":
            return None
        return _Found(s, e, "DATE", "FUTURE_REF")
    if name == "dateparser":
        if not re.search(r"[^\W\d_]", m.group()):
            return None  # all digits: the numeric rules decide
        value = _dateparser_value(m.group(), g.lang, a)
        return _Found(s, e, "DATE", value) if value else None
    if name == "dm_slash":
        x, y_ = int(gd["a"]), int(gd["b"])
        if x < y_ and y_ in (2, 3, 4, 5, 6, 8, 10, 12, 16, 32) and x < 12:
            return None  # a fraction
        if g.lang == "it" and y_ <= 12:
            day, month = x, y_
        elif x <= 12 < y_:
            month, day = x, y_
        elif y_ <= 12:
            day, month = x, y_
        else:
            return None
        if not 1 <= day <= 31:
            return None
        if not re.search(r"(?:il|l['’]|del|dal|al|entro|on|by|of)\s*$", ctx.text[max(0, s - 8):s], re.I) and \
                not (x > 12 or y_ > 12):
            return None
        start = s
        pre = re.search(r"(?:il|l['’])\s*$", ctx.text[max(0, s - 4):s], re.I)
        if pre and g.lang == "it":
            start = s - (len(ctx.text[max(0, s - 4):s]) - pre.start())
        return _Found(start, e, "DATE", _day_month_value(a, month, day, ctx.direction(s)))
    if name == "bare_day":
        day = _day_num(g, gd["day"])
        if not day or not 1 <= day <= 31:
            return None
        if gd.get("rel"):
            rel = _mod_value(g, re.sub(r"\s*mese\s*", " ", gd["rel"]).strip()) or 0
            if a.year and a.month:
                y, mo = _add_months(a.year, a.month, rel)
                return _Found(s, e, "DATE", f"{y:04d}-{mo:02d}-{day:02d}")
            return _Found(s, e, "DATE", f"XXXX-XX-{day:02d}")
        ds = m.start("day")
        return _Found(ds, m.end("day"), "DATE", f"XXXX-XX-{day:02d}")
    if name == "day_range":
        d1, d2 = _day_num(g, gd["d1"]), _day_num(g, gd["d2"])
        if not d1 or not d2:
            return None
        if gd.get("rel"):
            rel = _mod_value(g, re.sub(r"\s*mese\s*", " ", gd["rel"]).strip()) or 0
            if not (a.year and a.month):
                return None
            y, mo = _add_months(a.year, a.month, rel)
            ym = f"{y:04d}-{mo:02d}"
        else:
            mo = _month_num(g, gd["month"])
            if gd.get("year"):
                ym = f"{int(gd['year']):04d}-{mo:02d}"
            else:
                ym = _day_month_value(a, mo, d1, ctx.direction(s))[:7]
        mid = m.start("d2")
        return [_Found(s, mid, "DATE", f"{ym}-{d1:02d}"), _Found(mid, e, "DATE", f"{ym}-{d2:02d}")]
    if name == "nth_weekday":
        o = gd["ord"].lower()
        n = {"primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4,
             "quarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1, "ultima": -1}[o]
        wd = L.WEEKDAYS[gd["wd"].lower()]
        if gd.get("month"):
            mo = _month_num(g, gd["month"])
            if not a.year:
                return _Found(s, e, "DATE", f"XXXX-{mo:02d}-WXX-{wd}-#{n}")
            y = _nearest_year(a, mo, None, ctx.direction(s)) if a.month else a.year
        else:
            if not (a.year and a.month):
                return None
            rel = _mod_value(g, re.sub(r"\s*mese\s*", " ", gd["rel"]).strip()) if gd.get("rel") else 0
            y, mo = _add_months(a.year, a.month, rel or 0)
        first = dt.date(y, mo, 1)
        if n > 0:
            d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
        else:
            ny, nm = _add_months(y, mo, 1)
            last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
            d = last - dt.timedelta(days=(last.isoweekday() - wd) % 7)
        if d.month != mo:
            return _Found(s, e, "DATE", f"{y:04d}-{mo:02d}-WXX-{wd}-#{n}")
        return _Found(s, e, "DATE", _fmt_date(d))
    if name == "weekend_it":
        d = a.date
        if d is None:
            return _Found(s, e, "DATE", "XXXX-WXX-WE")
        return _Found(s, e, "DATE", _fmt_week(d) + "-WE")
    if name == "daypart_phrase":
        part = L.DAY_PARTS.get(gd["part"].lower())
        if not part or part == "MI":
            return None
        base = _shift(a, "D", 0) if a.date else "XXXX-XX-XX"
        return _Found(s, e, "TIME", base + "T" + part)
    if name == "month_abbr":
        mo = _month_num(g, gd["month"])
        if gd.get("year"):
            return _Found(s, e, "DATE", f"{int(gd['year']):04d}-{mo:02d}")
        pre = re.sub(r"\s+", " ", gd["pre"].lower().replace("’", "'"))
        start = s if ("mese" in pre or pre in ("questo", "quest'", "scorso", "lo scorso", "il prossimo", "prossimo")) else m.start("month")
        if pre in ("questo", "quest'"):
            return _Found(start, e, "DATE", _month_value(a, mo, 0))
        if "scorso" in pre:
            return _Found(start, e, "DATE", _month_value(a, mo, -1, strict=True))
        if "prossimo" in pre:
            return _Found(start, e, "DATE", _month_value(a, mo, 1, strict=True))
        return _Found(start, e, "DATE", _month_value(a, mo, ctx.direction(s)))
    if name == "holiday":
        word = re.sub(r"\s+", " ", gd["word"].lower().replace("’", "'"))
        spec = L.HOLIDAYS[word]
        mod = _mod_value(g, gd.get("mod"))
        year = int(gd["year"]) if gd.get("year") else None
        if year is None and a.year:
            year = a.year + (mod or 0) if mod is not None else None
        def on(y: int) -> tuple[int, int]:
            if isinstance(spec, tuple):
                return spec
            return _movable(spec, y)
        if year is None:
            if not a.year or not a.month:
                if isinstance(spec, tuple):
                    return _Found(s, e, "DATE", f"XXXX-{spec[0]:02d}-{spec[1]:02d}")
                return _Found(s, e, "DATE", "XXXX-XX-XX")
            mo, d = on(a.year)
            y = _nearest_year(a, mo, d, ctx.direction(s))
            mo, d = on(y)
            return _Found(s, e, "DATE", f"{y:04d}-{mo:02d}-{d:02d}")
        mo, d = on(year)
        return _Found(s, e, "DATE", f"{year:04d}-{mo:02d}-{d:02d}")
    if name == "year_words":
        c = re.sub(r"\s+", " ", gd["c"].lower())
        if c == "two thousand":
            rest = _number(gd["rest"], "en") if gd.get("rest") else 0
            return _Found(s, e, "DATE", f"{2000 + int(rest or 0):04d}") if rest is not None else None
        rest = gd["rest"].lower()
        tens = L.YEAR_WORDS_TENS[c]
        if rest == "hundred":
            return _Found(s, e, "DATE", f"{tens * 100:04d}")
        v = _number(rest.replace(" ", "-"), "en") or _number(rest, "en")
        return _Found(s, e, "DATE", f"{tens * 100 + int(v):04d}") if v is not None else None
    if name == "full_year":
        if not a.year:
            return _Found(s, e, "DATE", "XXXX")
        if "end" in low:
            return _Found(s, e, "DATE", f"{a.year:04d}-12-31")
        return _Found(s, e, "DATE", f"{a.year:04d}")
    if name == "weekend":
        d = a.date
        if d is None:
            return _Found(s, e, "DATE", "XXXX-WXX-WE")
        k = {"this": 0, "last": -1, "next": 1, "the": -1 if d.isoweekday() <= 3 else 0}[low.split()[0]]
        return _Found(s, e, "DATE", _fmt_week(d + dt.timedelta(weeks=k)) + "-WE")
    if name == "bare_plural":
        unit, clock = _unit_of(g, gd["unit"])
        return _Found(s, e, "DURATION", _duration(None, unit, clock))
    if name == "part_unit":
        unit_s = gd["unit"].lower()
        unit = {"mese": "M", "month": "M", "anno": "Y", "year": "Y", "settimana": "W", "week": "W",
                "giornata": "D", "day": "D"}[unit_s]
        mod = _mod_value(g, gd.get("mod")) or 0
        if g.lang == "en" and not re.search(r"\bthe\b", low):
            return None
        if unit == "D":
            return _Found(s, e, "DATE", _shift(a, "D", mod))
        return _Found(s, e, "DATE", _shift(a, unit, mod))
    return None


def _dateparser_value(text: str, lang: str, anchor: Anchor) -> str | None:
    """An absolute date in an unusual layout, read by dateparser (no relative reading)."""
    import dateparser

    parts = [p for p in re.split(r"[-/]", text) if p]
    years = [p for p in parts if re.fullmatch(r"\d{4}", p)]
    rest = [p for p in parts if p not in years]
    # dateparser wants a conventional order: day month year
    ordered = " ".join(sorted(rest, key=lambda p: p.isalpha()) + years)
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"],
                "PREFER_DAY_OF_MONTH": "first"}
    if anchor.date:
        settings["RELATIVE_BASE"] = dt.datetime.combine(anchor.date, dt.time())
    try:
        parsed = dateparser.parse(ordered, languages=[lang], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises a variety of errors on odd input
        return None
    if parsed is None:
        return None
    if not years:
        return f"XXXX-{parsed.month:02d}-{parsed.day:02d}"
    return _fmt_date(parsed.date())


def _movable(spec: str, year: int) -> tuple[int, int]:
    """Month and day of a movable holiday in `year`."""
    if spec.startswith("EASTER"):
        a_, b, c = year % 19, year // 100, year % 100
        d, e_ = b // 4, b % 4
        f = (b + 8) // 25
        g_ = (b - f + 1) // 3
        h = (19 * a_ + b - d - g_ + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e_ + 2 * i - h - k) % 7
        m_ = (a_ + 11 * h + 22 * l_) // 451
        month = (h + l_ - 7 * m_ + 114) // 31
        day = (h + l_ - 7 * m_ + 114) % 31 + 1
        date = dt.date(year, month, day) + dt.timedelta(days=1 if spec.endswith("+1") else 0)
        return date.month, date.day
    if spec == "THANKSGIVING":
        first = dt.date(year, 11, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7)
        return 11, (thursday + dt.timedelta(weeks=3)).day
    if spec == "LABOR":
        first = dt.date(year, 9, 1)
        return 9, (first + dt.timedelta(days=(0 - first.weekday()) % 7)).day
    if spec == "MEMORIAL":
        last = dt.date(year, 5, 31)
        return 5, (last - dt.timedelta(days=last.weekday())).day
    return 1, 1


def _quarter_talk(text: str, pos: int) -> bool:
    """Financial copy about quarterly results: "a year earlier" then means the same quarter
    a year before (the sentence, or the story, speaks of quarters)."""
    s = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    e = text.find(".", pos)
    sentence = text[s:e if e >= 0 else len(text)].lower()
    if "quarter" in sentence:
        return True
    return len(re.findall(r"\bquarter\b|\bquarterly\b", text, re.IGNORECASE)) >= 2


def _unit_of_letter_clock(g: _Grammar, letter: str) -> bool:
    return letter in ("H", "S") or letter == "MIN"


def _compound_parts(more: str, g: _Grammar) -> list[tuple[str, float | None]]:
    parts = []
    for pm in re.finditer(r"(?P<n>" + g.NUM + r")\s*(?P<unit>" + g.UNIT + r")", more, re.I):
        unit, clock = _unit_of(g, pm.group("unit"))
        parts.append(("MIN" if unit == "M" and clock else unit, _number(pm.group("n"), g.lang)))
    return parts


def _compound_duration(items: list[tuple[str, bool, float]]) -> str:
    order_date = ["Y", "M", "W", "D"]
    order_time = ["H", "MIN", "S"]
    date_parts = {u: k for u, c, k in items if not c and u in order_date}
    time_parts = {("MIN" if u == "M" else u): k for u, c, k in items if c}
    time_parts.update({u: k for u, c, k in items if u == "MIN"})
    out = "P" + "".join(f"{_n(date_parts[u])}{u}" for u in order_date if u in date_parts)
    if time_parts:
        out += "T" + "".join(f"{_n(time_parts[u])}{'M' if u == 'MIN' else u}" for u in order_time if u in time_parts)
    return out


def _n(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _roman(s: str) -> int | None:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = vals.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


def _month_context(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].lower()
    return bool(re.search(r"\b(?:in|since|until|by|last|next|this|early|late|mid|of|from|through|during)\s*-?$", before))


def _standalone_year(text: str, start: int, end: int, lang: str) -> bool:
    """A 4-digit number is a year unless money, a unit or a separator is around it."""
    before = text[max(0, start - 3):start]
    after = text[end:end + 14].lower()
    if re.search(r"[$€£¥]\s?$", before) or re.match(r"\s*[%$€£]", after):
        return False
    if re.match(r"[.,]\d|\s?(?:-|–)\s?\d", text[end:end + 3]):
        return False
    if re.match(r"\s*(?:per\s*cent|percent|euro|dollar|dollari|persone|people|soldati|troops|"
                r"soldiers|km|chilometri|miles|metri|meters|tonnellate|tons|uomini|morti|"
                r"vittime|feriti|units|unità)\b", after):
        return False
    if lang == "en" and re.search(r"(?:no\.|number|page|route|room|flight)\s*$", text[max(0, start - 10):start], re.I):
        return False
    return True


def _time_context(text: str, start: int, g: _Grammar) -> bool:
    before = text[max(0, start - 12):start].lower()
    return bool(re.search(r"(?:alle|dalle|ore|le|entro le|at|by|until|from|around|verso le)\s*$", before))


def _followed_by_unit(text: str, end: int) -> bool:
    return bool(re.match(r"\s*(?:%|per\s*cento|anni|mesi|giorni|settimane|persone|volte|km|"
                         r"chilometri|metri|euro|dollari|milioni|miliardi|mila|soldati|ore)\b",
                         text[end:end + 14], re.I))


def _present_ora(text: str, s: int, e: int) -> bool:
    """Italian "ora" is also the noun "hour" and the adverb in "per ora", "d'ora in poi"."""
    before = text[max(0, s - 12):s].lower()
    after = text[e:e + 12].lower()
    if re.search(r"(?:un|una|un['’]|l['’]|all['’]|ogni|mezz['’]|quest['’]|dell['’]|nell['’]|d['’]|un\s+quarto\s+d['’])\s*$", before):
        return False
    if re.search(r"\d\s*$", before) or re.match(r"\s*(?:di|locale|legale|solare)\b", after):
        return False
    return True


def _adverbial(text: str, s: int, e: int) -> bool:
    return text[e:e + 1] in (",", ".") or s == 0 or text[s - 2:s] in (". ", ", ")


# ---------------------------------------------------------------------------------------------
# Extraction


def extract_timexes(text: str, lang: str | None = "it", anchor: str | None = None) -> list[Timex]:
    """TIMEX3 expressions in `text`, resolved against `anchor` ("YYYY[-MM[-DD]]" or None)."""
    code = (lang or "").lower()[:2]
    if code not in _LEXICONS:
        code = "en"
    g = _grammar(code)
    ctx = _Ctx(text, Anchor.parse(anchor), g)
    found: list[_Found] = []
    for name, pattern, priority in g.rules:
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            try:
                res = _handle(name, m, ctx)
            except (ValueError, KeyError, OverflowError):
                res = None
            if res is None:
                continue
            for f in res if isinstance(res, list) else [res]:
                f.priority = priority
                found.append(f)
    chosen = _select(found)
    chosen = [_extend_part(f, text, g) for f in chosen]
    chosen = _merge_ranges(chosen, text, g)
    return [Timex(start=f.start, end=f.end, text=text[f.start:f.end], type=f.type, value=f.value)
            for f in chosen]


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping expressions: longest first, then the more specific rule."""
    found.sort(key=lambda f: (-(f.end - f.start), -f.priority, f.start))
    taken: list[_Found] = []
    for f in found:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    taken.sort(key=lambda f: f.start)
    return taken


def _extend_part(f: _Found, text: str, g: _Grammar) -> _Found:
    """"metà gennaio", "all'inizio di questo mese", "late November": the part words join the
    expression they qualify; the value stays that of the whole period."""
    if f.type not in ("DATE",) or f.value.endswith("_REF"):
        return f
    m = g.part_before.search(text[max(0, f.start - 30):f.start])
    if not m:
        return f
    start = f.start - (len(text[max(0, f.start - 30):f.start]) - m.start("part"))
    return _Found(start, f.end, f.type, f.value, f.priority)


def _merge_ranges(items: list[_Found], text: str, g: _Grammar) -> list[_Found]:
    """"dal 4 al 22 settembre": the bare first day takes the month (and year) of the second."""
    out = list(items)
    pat = re.compile(r"(?:dal|dall['’]|tra\s+il|fra\s+il|from|between)\s+(?P<d>[12]\d|3[01]|0?[1-9])\s*(?:al|all['’]|e\s+il|e\s+l['’]|-|–|to|and|fino\s+al)\s*$", re.I)
    for f in items:
        if f.type != "DATE" or not re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", f.value):
            continue
        m = pat.search(text[max(0, f.start - 25):f.start])
        if not m:
            continue
        offset = max(0, f.start - 25)
        ds, de = offset + m.start("d"), offset + m.end("d")
        if any(x.start < de and ds < x.end for x in out):
            continue
        day = int(m.group("d"))
        out.append(_Found(ds, de, "DATE", f.value[:8] + f"{day:02d}"))
    out.sort(key=lambda x: x.start)
    return out


def find_timexes(doc: Document, options: Options) -> list[Timex]:
    """Per-document analysis: the time expressions of `doc.text`, anchored on the document
    date (else the run's reference date)."""
    anchor = doc.published or options.reference_date
    return extract_timexes(doc.text, _language(doc), anchor)


def date_document(doc: Document, options: Options) -> Document:
    """An undated document gets a publication date inferred from its text, and the time
    expressions that only lacked a year are resolved against it.

    The inferred date is the latest fully dated day or month the article mentions in a clause
    that does not speak of the future; the article was written then or later, so the value is
    the start of a window (`published_source: inferred`). Because only the lower end is known,
    it settles what needs just a year ("agosto" → the August nearest to it, "metà gennaio"),
    never what needs the day ("ieri", "giovedì", "oggi" stay XXXX). An explicit
    `--reference-date` stays the anchor for everything, as the user asked.
    """
    if doc.published:
        return doc
    inferred = infer_publication_date(doc.text, _language(doc))
    if inferred is None:
        return doc
    dated = replace(doc, published=inferred, published_source="inferred")
    if options.reference_date:
        return dated
    resolved = {(t.start, t.end): t.value
                for t in extract_timexes(doc.text, _language(doc), inferred)}
    timexes = []
    for t in doc.timexes:
        value = resolved.get((t.start, t.end))
        if value and _YEAR_ONLY_MISSING.fullmatch(t.value) and value[4:] == t.value[4:]:
            t = replace(t, value=value)
        timexes.append(t)
    return replace(dated, timexes=timexes)


# "XXXX-08", "XXXX-01-02": values that lack nothing but the year
_YEAR_ONLY_MISSING = re.compile(r"XXXX-\d{2}(?:-\d{2})?")
_FULL_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def infer_publication_date(text: str, lang: str | None) -> str | None:
    """The latest "YYYY-MM" or "YYYY-MM-DD" date stated in full in `text` outside future
    talk, or None. Bare years are too coarse to anchor anything and are not used."""
    code = (lang or "").lower()[:2]
    g = _grammar(code if code in _LEXICONS else "en")
    ctx = _Ctx(text, Anchor(), g)
    best: tuple[str, str] | None = None
    for t in extract_timexes(text, lang, None):
        if t.type != "DATE" or not _FULL_DATE.fullmatch(t.value) or ctx.direction(t.start) > 0:
            continue
        # a day sorts after its own month ("2024-10-02" > "2024-10"): the finer one wins
        if best is None or t.value > best[0]:
            best = (t.value, t.text)
    return best[0] if best else None


def _language(doc: Document) -> str:
    if doc.language:
        return doc.language
    from rassegna.language import detect_language

    return detect_language(doc.text) or "en"
