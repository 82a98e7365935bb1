"""Numbers and quantities in Italian and English news text, as spans with normalised values.

Two layers:

* `find_numbers(text, lang)` — every number as written (digits in either locale, number words
  through text2num plus what it lacks: "12mila", "mezzo milione", "una dozzina", fractions,
  ordinals), with no judgement on what it means;
* `find_quantities(doc, options)` — the numbers that count or measure something: years, dates,
  clock times, ordinals, phone numbers, list numbering, identifiers ("Model 3", "art. 5") and
  page counters are dropped; each kept number gets its qualifier ("circa", "more than"),
  range ("tra 10.000 e 12.000"), unit ("%", "€", "km") and concept — what is counted, read
  from the syntax around it ("10.000 soldati nordcoreani" → "soldati nordcoreani").

Language-specific words live in `rassegna.lang.quantities_it` / `quantities_en` (data only);
this module is the same for every language. Rules are plain and local on purpose: every
decision can be traced to a few tokens around the number.
"""

from __future__ import annotations

from bisect import bisect_left
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import ModuleType

from rassegna.lang import quantities_en, quantities_it
from rassegna.model import Document, Quantity
from rassegna.options import Options

_LEXICONS: dict[str, ModuleType] = {"it": quantities_it, "en": quantities_en}

# Month and weekday names of both languages: a number next to one is part of a date.
_MONTHS = frozenset("""
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
gen feb mar apr mag giu lug ago set sett ott nov dic
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
_WEEKDAYS = frozenset("""
lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi
lun mer gio ven sab dom
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
""".split())
_ARTICLES_IT = frozenset({"il", "lo", "la", "i", "gli", "le", "l'", "l’"})
_PARTITIVE_IT = frozenset({"dei", "degli", "delle", "del", "della", "dello", "dell'", "dell’", "di", "d'"})
_DETERMINERS_EN = frozenset({"the", "its", "their", "his", "her", "our", "my", "your", "those",
                             "these", "a", "an", "all"})
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade",
                         "century"})
_MONEY_UNITS = frozenset({"EUR", "USD", "GBP", "JPY", "CNY", "RUB", "CHF", "CAD", "AUD", "HKD",
                          "NZD", "MXN", "UAH", "KRW", "INR", "ILS", "ZAR", "MYR", "TRY", "BTC",
                          "ITL", "FIM", "DEM", "ESP", "NLG", "cent", "pence"})

# ---------------------------------------------------------------------------------------------
# Tokens


_TOKEN_RE = re.compile(r"""
    (?P<num>\d+(?:[.,\u00a0\u202f\u2009]\d+)*|(?<![\w.,])\.\d+|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])
  | (?P<word>[^\W\d_]+(?:['’](?=\s|$|[^\W\d_]))?)
  | (?P<punct>[^\s])
""", re.VERBOSE)


@dataclass(frozen=True)
class _Tok:
    kind: str  # num | word | punct
    text: str
    start: int
    end: int
    low: str
    glued: bool  # no space between this token and the previous one


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = -1
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        word = m.group()
        low = word.lower().replace("’", "'")
        toks.append(_Tok(kind, word, m.start(), m.end(), low, m.start() == prev_end))
        prev_end = m.end()
    return toks


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in _tokenize(phrase))


@lru_cache(maxsize=None)
def _compiled(lang: str) -> "_Lexicon":
    return _Lexicon(_LEXICONS[lang])


class _Lexicon:
    """A language module with its phrases pre-tokenised for matching."""

    def __init__(self, mod: ModuleType) -> None:
        self.mod = mod
        self.lang = mod.LANG

        def table(mapping: dict) -> dict[tuple[str, ...], object]:
            return {_phrase_tokens(k): v for k, v in mapping.items()}

        self.qualifiers = table(mod.QUALIFIERS)
        self.post_qualifiers = table(mod.POST_QUALIFIERS)
        self.units = table(mod.UNITS)
        self.prefixes = table(mod.CURRENCY_PREFIXES)
        self.rates = table(mod.RATE_WORDS)
        self.range_openers = {_phrase_tokens(k): tuple(_phrase_tokens(c) for c in v)
                              for k, v in mod.RANGE_OPENERS.items()}
        self.fraction_over = {_phrase_tokens(k) for k in mod.FRACTION_OVER}
        self.max_unit = max(len(k) for k in self.units)
        self.max_qual = max(len(k) for k in self.qualifiers)


def _lang_of(lang: str | None) -> str:
    code = (lang or "").lower()[:2]
    return code if code in _LEXICONS else "en"


def _match_at(toks: list[_Tok], i: int, table: dict, max_len: int,
              require_glue: bool = False) -> tuple[int, object] | None:
    """Longest phrase of `table` starting at token i: (end index, value)."""
    best = None
    for n in range(1, max_len + 1):
        if i + n > len(toks):
            break
        if any(toks[k].kind == "num" and not (k > i and toks[k].glued) for k in range(i, i + n)):
            break
        if n > 1 and not all(_adjacent(toks, k) for k in range(i + 1, i + n)):
            break
        key = tuple(toks[k].low for k in range(i, i + n))
        if key in table:
            best = (i + n, table[key])
    return best


def _match_before(toks: list[_Tok], i: int, table: dict, max_len: int) -> tuple[int, object] | None:
    """Longest phrase of `table` ending just before token i: (start index, value)."""
    best = None
    for n in range(1, max_len + 1):
        if i - n < 0:
            break
        key = tuple(toks[k].low for k in range(i - n, i))
        if key in table:
            best = (i - n, table[key])
    return best


def _adjacent(toks: list[_Tok], k: int) -> bool:
    """Token k follows token k-1 on the same line (at most one space between)."""
    gap = toks[k].start - toks[k - 1].end
    return gap <= 1


# ---------------------------------------------------------------------------------------------
# Number values


def _valid_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def digits_value(s: str, lang: str = "en") -> float | None:
    """The value of a digit string in the language's conventions ("10.000" → 10000 in Italian,
    "2,5" → 2.5 in both); None when the grouping makes no sense as one number ("1.2.3")."""
    lex = _LEXICONS[_lang_of(lang)]
    s = re.sub(r"[\u00a0\u202f\u2009]", "", s)
    if len(s) == 1 and not s.isdigit():
        import unicodedata

        return float(unicodedata.numeric(s))
    if s.startswith("."):
        return float("0" + s) if s[1:].isdigit() else None
    if not any(c in s for c in ".,"):
        return float(s)
    if "." in s and "," in s:
        last = max(s.rfind("."), s.rfind(","))
        dec = s[last]
        thousands = "," if dec == "." else "."
        head, frac = s[:last], s[last + 1:]
        if dec in head:
            return None
        groups = head.split(thousands)
        return float("".join(groups) + "." + frac) if _valid_groups(groups) else None
    sep = "." if "." in s else ","
    parts = s.split(sep)
    if len(parts) > 2:
        return float("".join(parts)) if _valid_groups(parts) else None
    head, tail = parts
    if len(tail) == 3 and sep == lex.THOUSANDS_SEP and len(head) <= 3 and head != "0":
        return float(head + tail)
    return float(head + "." + tail)


@lru_cache(maxsize=4096)
def _word_value(word: str, lang: str) -> float | None:
    """Value of one number word ("ventitré", "dodicimila", "twenty"), else None."""
    lex = _LEXICONS[lang]
    w = word.lower().replace("’", "'")
    if w in lex.EXTRA_NUMBER_WORDS:
        return float(lex.EXTRA_NUMBER_WORDS[w])
    if w in lex.NOT_NUMBER_WORDS or not w.isalpha() and not w.endswith("'"):
        return None
    candidates = [w]
    if w.endswith("'"):  # elision: "settant'anni", "vent'anni"
        stem = w[:-1]
        candidates = [stem + v for v in "aeio"]
    from text_to_num import text2num

    for c in candidates:
        if c in lex.SCALES and c not in ("mille", "cento", "hundred", "thousand"):
            continue
        try:
            return float(text2num(c, lang))
        except (ValueError, IndexError, KeyError, AssertionError, TypeError):
            continue
    return None


@lru_cache(maxsize=2048)
def _ordinal_value(word: str, lang: str) -> int | None:
    """Value of an ordinal word ("ventunesimo" → 21, "twentieth" → 20), else None."""
    lex = _LEXICONS[lang]
    w = word.lower()
    if w in lex.ORDINAL_WORDS:
        return lex.ORDINAL_WORDS[w]
    if lang == "it":
        for suffix in lex.ORDINAL_SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 2:
                stem = w[: -len(suffix)]
                for tail in ("", "e", "i", "o", "a"):
                    value = _word_value(stem + tail, lang)
                    if value is not None and value >= 11:
                        return int(value)
                if stem.endswith("un"):  # ventunesimo → ventuno
                    value = _word_value(stem + "o", lang)
                    if value is not None:
                        return int(value)
    else:
        if w.endswith("ieth"):
            value = _word_value(w[:-4] + "y", lang)
            return int(value) if value is not None else None
        if w.endswith("th") and len(w) > 4:
            value = _word_value(w[:-2], lang)
            return int(value) if value is not None else None
    return None


def _combine(items: list[tuple[float, bool]]) -> float:
    """Add up number words: (value, is_scale) pairs, as in 'tre milioni duecentomila'."""
    total, current = 0.0, 0.0
    for value, is_scale in items:
        if is_scale:
            if value == 100:
                current = (current or 1) * 100
            elif value < 1:  # "e mezzo" after a scale: half of it
                total += value
            else:
                total += (current or 1) * value
                current = 0.0
        else:
            current += value
    return total + current


# ---------------------------------------------------------------------------------------------
# Number mentions


@dataclass(frozen=True)
class NumberMention:
    """A number as written: `text[start:end]`, its value and what kind of number it is."""

    start: int
    end: int
    text: str
    value: float
    kind: str = "cardinal"  # cardinal | ordinal | fraction | vague
    low: float | None = None  # vague plurals ("migliaia") span a range
    high: float | None = None
    digits: bool = True  # written with digits (at least partly)
    approx: bool = False  # "una cinquantina"


@dataclass
class _Num:
    i: int  # first token
    j: int  # one past the last token
    value: float
    kind: str = "cardinal"
    digits: bool = True
    scaled: bool = False  # a scale word or suffix multiplied the value
    approx: bool = False
    low: float | None = None
    high: float | None = None
    plain_int: bool = False  # digits only, no separators, no decimals, no scale
    flags: set[str] = field(default_factory=set)
    scale: float | None = None  # the scale word or suffix that multiplied the value


def _is_number_word(tok: _Tok, lang: str) -> bool:
    return tok.kind == "word" and (_word_value(tok.text, lang) is not None)


def _scale_of(tok: _Tok, lex) -> float | None:
    if tok.kind != "word":
        return None
    value = lex.SCALES.get(tok.low)
    if value is None:
        return None
    if len(tok.low) == 1 and tok.low != "k" and not (tok.text in ("B", "M") and lex.LANG == "en"):
        return None  # "m", "b" only glued to digits
    return value


def _parse_digits(toks: list[_Tok], i: int, lang: str, lex) -> _Num | None:
    tok = toks[i]
    value = digits_value(tok.text, lang)
    if value is None:
        return _Num(i, i + 1, float("nan"), flags={"invalid"})
    plain = tok.text.isdigit()
    num = _Num(i, i + 1, value, plain_int=plain, kind="fraction" if not tok.text[0].isdigit() and tok.text[0] != "." else "cardinal")
    j = i + 1
    # powers: 1,1^23, 2,5^-1
    if j + 1 < len(toks) and toks[j].text == "^" and toks[j].glued:
        k = j + 1
        sign = 1
        while k < len(toks) and toks[k].text in "+-" and toks[k].glued:
            sign = -sign if toks[k].text == "-" else sign
            k += 1
        if k < len(toks) and toks[k].kind == "num" and toks[k].glued and toks[k].text.isdigit():
            num.value = value ** (sign * int(toks[k].text))
            num.j, num.plain_int = k + 1, False
            return num
    # scientific notation: 1e10, 12,32e+14
    if j + 1 < len(toks) and toks[j].low == "e" and toks[j].glued:
        k = j + 1
        sign = 1
        if toks[k].text in "+-" and toks[k].glued and k + 1 < len(toks):
            sign = -1 if toks[k].text == "-" else 1
            k += 1
        if toks[k].kind == "num" and toks[k].glued and toks[k].text.isdigit():
            num.value = value * 10 ** (sign * int(toks[k].text))
            num.j, num.plain_int = k + 1, False
            return num
    # fraction a/b (also "⁄")
    if (j + 1 < len(toks) and toks[j].text in "/⁄" and toks[j].glued and toks[j + 1].kind == "num"
            and toks[j + 1].glued and plain and toks[j + 1].text.isdigit()):
        a, b = int(tok.text), int(toks[j + 1].text)
        if _looks_like_fraction(a, b) and not (j + 2 < len(toks) and toks[j + 2].text in "/⁄-"
                                                 and toks[j + 2].glued):
            num.value, num.kind, num.j, num.plain_int = a / b, "fraction", j + 2, False
            return num
        num.flags.add("slash")
        return num
    # glued suffix: scale, ordinal, other letters
    if j < len(toks) and toks[j].glued and toks[j].kind in ("word", "punct"):
        suffix = toks[j].low
        if suffix in lex.GLUED_SCALES and toks[j].kind == "word":
            if suffix == "m" and not _money_context(toks, i, j + 1, lex):
                pass  # "37m" is metres unless money is around
            elif suffix == "b" and toks[j].text == "b" and lang == "en" and not _money_context(toks, i, j + 1, lex):
                pass
            else:
                num.value = value * lex.GLUED_SCALES[suffix]
                num.j, num.scaled, num.plain_int = j + 1, True, False
                num.scale = lex.GLUED_SCALES[suffix]
                j += 1
        elif suffix in lex.DIGIT_ORDINAL_SUFFIXES and (toks[j].kind == "punct" or toks[j].low in (
                "st", "nd", "rd", "th", "esimo", "esima", "esimi", "esime", "mo", "ma")):
            if suffix in ("°", "º") and not (j + 1 < len(toks) and toks[j + 1].kind == "word"
                                             and not toks[j + 1].glued):
                pass  # "85°", "100°C": degrees
            else:
                num.kind, num.j = "ordinal", j + 1
                return num
        elif suffix == "g" and toks[j].text == "G" and plain and 2 <= value <= 6:
            num.flags.add("code")  # 5G, 4G networks
        elif suffix == "s" and plain and 1000 <= value <= 2100:
            num.flags.add("decade")  # the 1990s
        elif suffix == "g" and toks[j].text == "G":
            num.value, num.j, num.scaled, num.plain_int = value * 1e9, j + 1, True, False
            j += 1
    # spaced scale words: "2 milioni", "7.2 billion", "2,33 k"
    while j < len(toks) and _scale_of(toks[j], lex) and _adjacent(toks, j):
        scale = _scale_of(toks[j], lex)
        if toks[j].low == "k" and not (j + 1 >= len(toks) or toks[j + 1].kind == "punct"):
            break
        if toks[j].text in ("B", "M") and not (j + 1 < len(toks) and toks[j + 1].text[:1].islower()
                                               and toks[j + 1].kind == "word"):
            break
        num.value *= scale
        num.j, num.scaled, num.plain_int = j + 1, True, False
        num.scale = scale * (num.scale or 1)
        j += 1
        # "2 milioni e mezzo"
        if (j + 1 < len(toks) and toks[j].low == lex.CONJUNCTION and toks[j + 1].low in lex.HALF_WORDS):
            num.value += scale / 2
            num.j = j + 2
            j += 2
    if j < len(toks) and toks[j].low in lex.DOZEN_WORDS and _adjacent(toks, j):
        num.value *= 12
        num.j, num.plain_int = j + 1, False
        j += 1
    # mixed fraction "10 1/2", "2 e 1/4"
    k = j
    if k < len(toks) and toks[k].low == lex.CONJUNCTION and plain:
        k += 1
    if (k + 2 < len(toks) and toks[k].kind == "num" and toks[k].text.isdigit() and plain
            and toks[k + 1].text in "/⁄" and toks[k + 1].glued and toks[k + 2].glued
            and toks[k + 2].text.isdigit() and not num.scaled):
        a, b = int(toks[k].text), int(toks[k + 2].text)
        if a < b and _looks_like_fraction(a, b):
            num.value, num.j, num.plain_int = value + a / b, k + 3, False
    # "1 su 3"
    if plain and num.j < len(toks) and num.value <= 10 and not num.scaled:
        over = _match_at(toks, num.j, {t: True for t in lex_over(lex)}, 2)
        if over and over[0] < len(toks):
            other = _parse_number(toks, over[0], lang, lex, allow_fraction=False)
            if other and other.value and other.kind == "cardinal" and num.value < other.value <= 1000 \
                    and not other.scaled:
                num.value, num.kind, num.j, num.plain_int = value / other.value, "fraction", other.j, False
    return num


_SCALE_ORDINALS = {"milionesimo": 1e6, "milionesimi": 1e6, "miliardesimo": 1e9, "miliardesimi": 1e9,
                   "bilionesimo": 1e12, "bilionesimi": 1e12, "trilionesimo": 1e18, "trilionesimi": 1e18,
                   "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "billionths": 1e9}


def _denominator(word: str, lang: str, lex) -> float | None:
    """The denominator an ordinal word stands for in a fraction ("ventunesimi" → 21)."""
    w = word.lower()
    if w in lex.FRACTION_DENOMINATORS:
        return float(lex.FRACTION_DENOMINATORS[w])
    if w in _SCALE_ORDINALS:
        return _SCALE_ORDINALS[w]
    base = w
    if lang == "it" and w.endswith(("esimi", "esime")):
        base = w[:-1] + "o"
    elif lang == "en" and w.endswith("ths"):
        base = w[:-1]
    value = _ordinal_value(base, lang) if base.endswith(("esimo", "th")) or base != w else None
    if value is None and base.endswith("esimo"):
        value = _ordinal_value(base, lang)
    return float(value) if value and value > 10 else None


def lex_over(lex) -> set[tuple[str, ...]]:
    return {_phrase_tokens(p) for p in lex.FRACTION_OVER}


def _looks_like_fraction(a: int, b: int) -> bool:
    return 0 < a < b and b in (2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128, 1000)


def _money_context(toks: list[_Tok], i: int, j: int, lex) -> bool:
    before = _match_before(toks, i, _compiled(lex.LANG).prefixes, 3)
    if before:
        return True
    if j < len(toks):
        unit = _match_at(toks, j, _compiled(lex.LANG).units, 3)
        if unit:
            return True
        if toks[j].kind == "word" and toks[j].low in ("of", "di") :
            return True
    return False


def _parse_words(toks: list[_Tok], i: int, lang: str, lex, allow_fraction: bool = True) -> _Num | None:
    """A run of number words starting at token i ("tre milioni", "twenty-five", "a dozen")."""
    items: list[tuple[float, bool]] = []
    j = i
    first = toks[i]
    has_scale = False
    uno = getattr(lex, "NUMERAL_UNO", None)
    if uno and first.low == uno and i + 1 < len(toks) and toks[i + 1].kind == "word" \
            and toks[i + 1].low not in lex.UNO_NUMERAL_NEXT and toks[i + 1].low not in lex.UNITS:
        return None  # the article: "uno studio", "uno scienziato" (but "uno yen" is 1 yen)
    # article "un"/"a" counts only before a scale, a dozen, an approximate numeral or a fraction
    if first.low in lex.ARTICLE_ONE:
        if i + 1 >= len(toks):
            return _Num(i, i + 1, 1.0, digits=False, flags={"article"})
        nxt = toks[i + 1]
        den = _denominator(nxt.low, lang, lex)
        if allow_fraction and den and nxt.low not in lex.FRACTION_DENOMINATORS:
            return _Num(i, i + 2, 1 / den, kind="fraction", digits=False)
        if allow_fraction and nxt.low in lex.HALF_WORDS and not (i + 2 < len(toks) and _scale_of(toks[i + 2], lex)):
            return _Num(i, i + 2, 0.5, kind="fraction", digits=False)
        over = _match_at(toks, i + 1, {t: True for t in lex_over(lex)}, 2)
        if over and over[0] < len(toks) and allow_fraction:
            other = _parse_number(toks, over[0], lang, lex, allow_fraction=False)
            if other and other.value and other.kind == "cardinal" and other.value > 1:
                return _Num(i, other.j, 1 / other.value, kind="fraction", digits=False)
        if nxt.low in lex.APPROX_NUMERALS:
            return _Num(i, i + 2, float(lex.APPROX_NUMERALS[nxt.low]), digits=False, approx=True)
        if nxt.low in lex.DOZEN_WORDS:
            return _Num(i, i + 2, float(lex.DOZEN_WORDS[nxt.low]), digits=False)
        if allow_fraction and nxt.low in lex.FRACTION_DENOMINATORS and nxt.low not in lex.HALF_WORDS:
            return _Num(i, i + 2, 1 / lex.FRACTION_DENOMINATORS[nxt.low], kind="fraction", digits=False)
        if _scale_of(nxt, lex) and nxt.low not in ("k",):
            items.append((1.0, False))
            j = i + 1
        elif nxt.low in lex.HALF_WORDS and i + 2 < len(toks) and _scale_of(toks[i + 2], lex):
            return _Num(i, i + 3, 0.5 * _scale_of(toks[i + 2], lex), digits=False, scaled=True)
        else:
            return _Num(i, i + 1, 1.0, digits=False, flags={"article"})
    # "mezzo milione"
    if first.low in lex.HALF_WORDS and i + 1 < len(toks) and _scale_of(toks[i + 1], lex):
        return _Num(i, i + 2, 0.5 * _scale_of(toks[i + 1], lex), digits=False, scaled=True)
    while j < len(toks):
        tok = toks[j]
        if j > i and not _adjacent(toks, j):
            break
        scale = _scale_of(tok, lex) if tok.low not in ("k", "m", "b") else None
        value = _word_value(tok.text, lang) if tok.kind == "word" else None
        if scale and items and tok.low in lex.SCALES:
            items.append((scale, True))
            has_scale = has_scale or scale >= 1000
            j += 1
        elif value is not None and tok.low not in lex.ARTICLE_ONE:
            items.append((value, False))
            j += 1
        elif scale and (items or tok.low in ("mille",)):
            items.append((scale, True))
            has_scale = has_scale or scale >= 1000
            j += 1
        elif (tok.text in ("-", "‐") and items and j + 1 < len(toks) and toks[j].glued
              and toks[j + 1].glued and _word_value(toks[j + 1].text, lang) is not None):
            j += 1  # twenty-five
        elif tok.low == lex.CONJUNCTION and items and j + 1 < len(toks):
            nxt = toks[j + 1]
            frac = _parse_words(toks, j + 1, lang, lex) if allow_fraction and nxt.low not in lex.HALF_WORDS else None
            if frac is not None and (frac.kind == "fraction" or frac.scaled and frac.value < (items[-1][0] if items[-1][1] else 0)
                                     or any(t.low in lex.DOZEN_WORDS for t in toks[j + 1:frac.j])):
                last_scale = items[-1][0] if items[-1][1] and items[-1][0] >= 1000 else 1
                extra = frac.value * last_scale if frac.kind == "fraction" else frac.value
                items.append((extra, True) if extra < 1 else (extra, False))
                j = frac.j
                break
            if nxt.low in lex.HALF_WORDS and not _is_unit_next(toks, j + 2, lex):
                items.append((0.5 * (items[-1][0] if items[-1][1] else 1), True))
                j += 2
                break
            if lang == "en" and items[-1][1] and _word_value(nxt.text, lang) is not None:
                j += 1  # one hundred and five
            elif lang == "it" and items[-1][1] and _word_value(nxt.text, lang) is not None and (
                    items[-1][0] >= 1e6):
                j += 1  # un milione e duecentomila
            else:
                break
        elif tok.low in lex.DOZEN_WORDS and items:
            items.append((12.0, True))
            j += 1
        elif (tok.low in ("virgola", "punto", "point") and items and j + 1 < len(toks)
              and _word_value(toks[j + 1].text, lang) is not None and not items[-1][1] or
              tok.low in ("virgola", "punto", "point") and items and items[-1][1] and j + 1 < len(toks)
              and _word_value(toks[j + 1].text, lang) is not None):
            digits = ""
            k = j + 1
            while k < len(toks) and toks[k].kind == "word" and _word_value(toks[k].text, lang) is not None \
                    and _word_value(toks[k].text, lang) < 100:
                digits += str(int(_word_value(toks[k].text, lang)))
                k += 1
            if not digits:
                break
            items.append((float("0." + digits), True))
            j = k
            break
        else:
            break
    if not items:
        return None
    num = _Num(i, j, _combine(items), digits=False, scaled=has_scale,
               scale=max((v for v, sc in items if sc and v >= 1000), default=None))
    # fractions: "due terzi", "tre quarti", "venti e tre quinti", "uno su tre", "two-thirds"
    if allow_fraction and j < len(toks):
        k = j
        if toks[k].text == "-" and toks[k].glued and k + 1 < len(toks) and toks[k + 1].glued:
            k += 1
        den = lex.FRACTION_DENOMINATORS.get(toks[k].low)
        if not den and toks[k].low.endswith(("esimi", "esime", "ths")):
            den = _denominator(toks[k].low, lang, lex)
            if den:
                return _Num(i, k + 1, num.value / den, kind="fraction", digits=False)
        if not den and toks[k].low.endswith(("esimo", "esima")):
            big = _denominator(toks[k].low, lang, lex)
            if big and big >= 1e6:
                return _Num(i, k + 1, num.value * big, kind="ordinal", digits=False)
        if den and toks[k].low.endswith("i") and lang == "it" and num.value >= 100:
            return _Num(i, k + 1, num.value / den, kind="fraction", digits=False)
        if den and (k == j or toks[k].glued) and len(items) == 1 and num.value < 100 and not (
                num.value == 1 and toks[k].low.endswith(("i", "s")) and lang == "it"):
            if toks[k].low not in lex.HALF_WORDS or toks[k].low in lex.HALF_PLURAL or lang == "en":
                if not (lang == "en" and toks[k].low in ("second", "seconds", "quarter", "quarters")
                        and num.value != 1 and toks[k].low in ("second", "seconds")):
                    return _Num(i, k + 1, num.value / den, kind="fraction", digits=False)
        over = _match_at(toks, j, {t: True for t in lex_over(lex)}, 2) if num.value <= 100 else None
        if over and over[0] < len(toks):
            other = _parse_number(toks, over[0], lang, lex, allow_fraction=False)
            if other and other.value and other.kind == "cardinal" and num.value < other.value and (
                    lang == "it" or other.value <= 1000):
                return _Num(i, other.j, num.value / other.value, kind="fraction", digits=False)
        if toks[j].low == lex.CONJUNCTION and j + 2 < len(toks):
            frac = _parse_words(toks, j + 1, lang, lex)
            if frac and frac.kind == "fraction":
                return _Num(i, frac.j, num.value + frac.value, digits=False)
    return num


def _is_unit_next(toks: list[_Tok], k: int, lex) -> bool:
    return k < len(toks) and _match_at(toks, k, _compiled(lex.LANG).units, 2) is not None


def _parse_number(toks: list[_Tok], i: int, lang: str, lex, allow_fraction: bool = True) -> _Num | None:
    tok = toks[i]
    if tok.kind == "num":
        return _parse_digits(toks, i, lang, lex)
    if tok.kind != "word":
        return None
    low = tok.low
    if low in lex.VAGUE_PLURALS:
        lo, hi = lex.VAGUE_PLURALS[low]
        j = i + 1
        # "decine di migliaia", "tens of thousands"
        if j + 1 < len(toks) and toks[j].low in lex.VAGUE_OF and toks[j + 1].low in lex.VAGUE_PLURALS:
            lo2, hi2 = lex.VAGUE_PLURALS[toks[j + 1].low]
            if lo2 >= 1000:
                lo, hi, j = lo * lo2, lo * lo2 * 10, j + 2
        return _Num(i, j, float(lo), kind="vague", digits=False, low=float(lo), high=float(hi))
    if (low in lex.APPROX_NUMERALS and i > 0 and toks[i - 1].low in lex.ARTICLE_ONE):
        return None  # handled from the article
    if _is_number_word(tok, lang) or low in lex.ARTICLE_ONE or (
            low in lex.HALF_WORDS and i + 1 < len(toks) and _scale_of(toks[i + 1], lex)):
        return _parse_words(toks, i, lang, lex, allow_fraction)
    if low in lex.SCALES and low in ("mille",):
        return _parse_words(toks, i, lang, lex, allow_fraction)
    ordinal = _ordinal_value(tok.text, lang)
    if ordinal is not None:
        return _Num(i, i + 1, float(ordinal), kind="ordinal", digits=False)
    if low in _SCALE_ORDINALS and not low.endswith(("i", "s")):
        return _Num(i, i + 1, _SCALE_ORDINALS[low], kind="ordinal", digits=False)
    if lang == "en" and low.endswith("fold") and _word_value(low[:-4], lang) is not None:
        return _Num(i, i + 1, _word_value(low[:-4], lang), digits=False, flags={"fold"})
    if lang == "en" and low == "half" and i + 1 < len(toks) and toks[i + 1].low in (
            "of", "the", "a", "an", "its", "their", "his", "her", "which", "our"):
        return _Num(i, i + 1, 0.5, kind="fraction", digits=False)
    return None


def _scan(text: str, lang: str) -> tuple[list[_Tok], list[_Num]]:
    lex = _LEXICONS[lang]
    toks = _tokenize(text)
    nums: list[_Num] = []
    i = 0
    while i < len(toks):
        num = _parse_number(toks, i, lang, lex)
        if num is None or num.j <= i:
            i += 1
            continue
        # a minus sign glued to the number, after a space or at the start
        if (num.digits and i > 0 and toks[i - 1].text in "-−–" and toks[i].glued
                and (i == 1 or not toks[i - 1].glued)):
            num.value, num.i = -num.value, i - 1
            num.flags.add("signed")
        elif num.digits and i > 0 and toks[i - 1].low in ("minus", "meno") and (
                i + 1 >= len(toks) or True) and not (i > 1 and toks[i - 2].low in ("di", "than", "o", "più")):
            if not (i + 1 < len(toks) and toks[i].low == "meno"):
                num.value, num.i = -num.value, i - 1
                num.flags.add("signed")
        elif num.digits and i > 1 and toks[i - 1].text == "-" and toks[i - 2].low == "minus" and toks[i].glued:
            num.value, num.i = -num.value, i - 2
            num.flags.add("signed")
        nums.append(num)
        i = num.j
    return toks, nums


def find_numbers(text: str, lang: str | None = "it") -> list[NumberMention]:
    """Every number written in `text`: digits, words, fractions, ordinals, vague plurals."""
    code = _lang_of(lang)
    toks, nums = _scan(text, code)
    out = []
    for n in nums:
        if "invalid" in n.flags or n.value != n.value:
            continue
        if "article" in n.flags and code == "en":
            continue
        start, end = toks[n.i].start, toks[n.j - 1].end
        out.append(NumberMention(start, end, text[start:end], n.value, n.kind, n.low, n.high,
                                 n.digits, n.approx))
    return out


# ---------------------------------------------------------------------------------------------
# Spans that hold numbers which are not quantities


_BLOCK_PATTERNS = [
    # URLs, e-mail addresses, hashtags, handles
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|[#@]\w+"),
    # numeric dates: 12/05/2024, 2024-10-28, 9-18-15, 12.05.2024, 21/04/16
    re.compile(r"(?<![\w.,/-])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}/\d{1,2},\s?\d{2,4})(?![\w/-]|[.,]\d)"),
    # year-month: 2015-3, 2015/03, 3/2015, 2015.3 (ISO-like)
    re.compile(r"(?<![\w.,/-])(?:(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\w/-]|[.,]\d)"),
    # clock times: 21:30, 9:01, 1:36.6
    re.compile(r"(?<![\w.,:])\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?"),
    # am / pm times: 11 a.m., 10.45pm, 5am
    re.compile(r"(?<![\w.,])\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.m\b\.?|[ap]m\b)", re.IGNORECASE),
    # Italian clock times: "alle 21", "ore 9.30", "dalle 8 alle 12"
    re.compile(r"(?<!\w)(?:alle|dalle|ore|entro le|verso le|fino alle|all['’]|dall['’])\s*(?:ore\s+)?\d{1,2}(?:[.:]\d{2})?(?!\d|[.,:]\d|\s*(?:%|per\s?cento|anni|mesi|giorni|settimane|persone|volte|km|chilometri|metri|euro|dollari))", re.IGNORECASE),
    # phone numbers: +39 06 1234 5678, (555) 123-4567, 800-555-1234
    re.compile(r"(?<![\w.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w.,]\d)"),
    # sports scores: 2-1, 89-89 (the first is not below the second)
    re.compile(r"(?<![\w.,/-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.,/%-]|\s?(?:%|per\b|mila|milion|million|bill|thous))"),
    # list numbering at line start: "1." / "1)" / "(1)"
    re.compile(r"(?m)^[ \t]*\(?\d{1,2}\s?[.)](?=\s)"),
    # decades and elided years: '70, anni 70, 1990s
    re.compile(r"['’]\d{2}\b(?!\s*%)|(?<=anni )\d{2}\b(?!\s*(?:%|anni))|\b(?:1[0-9]|20)\d0s\b", re.IGNORECASE),
]


def _phone_like(match: re.Match) -> bool:
    s = match.group()
    digits = sum(c.isdigit() for c in s)
    if digits < 8:
        return False
    groups = re.split(r"[\s.()-]+", s.strip("+"))
    groups = [g for g in groups if g]
    if s.startswith(("+", "(", "0")):
        return True
    if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
        return False  # 10 000 000 / 1.234.567
    return any(len(g) >= 4 for g in groups[1:]) or "-" in s


def _blocked_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for k, pattern in enumerate(_BLOCK_PATTERNS):
        for m in pattern.finditer(text):
            if k == 6 and not _phone_like(m):
                continue
            if k == 1 and not _date_like(m.group()):
                continue
            if k == 7:
                a, b = (int(x) for x in re.findall(r"\d+", m.group()))
                if a < b:
                    continue
            spans.append((m.start(), m.end(), ("url", "date", "date", "time", "time", "time", "phone",
                                               "score", "list", "year")[k]))
    return spans


def _date_like(s: str) -> bool:
    parts = re.split(r"[-/.,\s]+", s)
    parts = [p for p in parts if p]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2}", s):
        return False  # 1.234.567 is a number
    seps = re.findall(r"[-/.]", s)
    if len(set(seps)) > 1 or parts[-1] in ("000",):
        return False  # "10-12.000" is a range of numbers
    return True


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, kind in spans:
        if s < end and start < e:
            return kind
    return None


# ---------------------------------------------------------------------------------------------
# Quantities


@dataclass
class _Q:
    num: _Num
    i: int  # first token of the whole mention (qualifier, currency...)
    j: int  # one past the last token
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    concept: str | None = None
    unit_tokens: tuple[int, int] | None = None
    prefix: bool = False
    second: _Num | None = None
    scaled: bool = False


def _sentence_start(toks: list[_Tok], i: int, text: str) -> bool:
    """Token i opens a sentence or a line."""
    if i == 0:
        return True
    prev = toks[i - 1]
    if "\n" in text[prev.end:toks[i].start]:
        return True
    return prev.text in ".!?:;«“\"(" or prev.text in ("—", "–") and not toks[i].glued


def _qualifier_before(toks: list[_Tok], i: int, cl: _Lexicon) -> tuple[int, str] | None:
    """(start token, qualifier) of a qualifier phrase ending right before token i."""
    lang = cl.lang
    if i > 0 and toks[i - 1].kind == "punct" and toks[i].glued:
        sym = toks[i - 1].text
        if i > 1 and toks[i - 2].kind == "punct" and toks[i - 2].text + sym in cl.mod.SYMBOL_QUALIFIERS:
            return i - 2, cl.mod.SYMBOL_QUALIFIERS[toks[i - 2].text + sym]
        if sym in cl.mod.SYMBOL_QUALIFIERS and sym != "+":
            return i - 1, cl.mod.SYMBOL_QUALIFIERS[sym]
    # "< = 100"
    if i > 1 and toks[i - 1].text == "=" and toks[i - 2].text in "<>":
        return i - 2, {"<": "up_to", ">": "at_least"}[toks[i - 2].text]
    found = _match_before(toks, i, cl.qualifiers, cl.max_qual)
    if found:
        return found[0], found[1]
    if lang == "it" and i > 1 and toks[i - 1].low in _ARTICLES_IT:
        found = _match_before(toks, i - 1, cl.qualifiers, cl.max_qual)
        if found:
            return found[0], found[1]
    return None


def _prefix_before(toks: list[_Tok], i: int, cl: _Lexicon) -> tuple[int, str] | None:
    """(start token, unit) of a currency written before the number ("$", "US$", "€")."""
    best = None
    for n in range(1, 4):
        if i - n < 0:
            break
        k = i - n
        key = tuple(toks[x].low for x in range(k, i))
        if key in cl.prefixes:
            if k > 0 and toks[k].glued and toks[k - 1].kind in ("word", "num") or \
                    k > 0 and toks[k].glued and toks[k - 1].text in "-/":
                continue
            if len(key) == 2 and key[0] in ("a",):
                continue
            # words (usd, eur, euro, dollari) need to be right before the number, with a space
            if toks[k].kind == "word" and len(key) == 1 and key[0].isalpha() and len(key[0]) > 3 \
                    and not toks[i].glued and cl.lang == "it" and key[0] in ("euro", "dollari"):
                best = (k, cl.prefixes[key])
            elif toks[k].kind == "word" and len(key) == 1 and key[0] in ("r", "ps", "rm", "rs"):
                if toks[i].glued and toks[k].text[0].isupper():
                    best = (k, cl.prefixes[key])
            elif key[0] not in ("euro", "dollari"):
                best = (k, cl.prefixes[key])
    return best


def _unit_after(toks: list[_Tok], j: int, cl: _Lexicon, num: _Num) -> tuple[int, str, int] | None:
    """(end token, unit, start token) of a unit written after the number."""
    if j >= len(toks):
        return None
    k = j
    if toks[k].text in ("-", "‐") and toks[k].glued and k + 1 < len(toks) and toks[k + 1].glued \
            and toks[k + 1].kind == "word":
        hyph = _match_at(toks, k + 1, cl.units, cl.max_unit)
        if hyph and (hyph[0] >= len(toks) or not (toks[hyph[0]].glued and toks[hyph[0]].kind == "word")):
            return hyph[0], hyph[1], k + 1
    found = _match_at(toks, k, cl.units, cl.max_unit)
    if found is None and (num.scaled or num.kind in ("vague", "fraction")) and toks[k].low in cl.mod.UNIT_OF:
        # "3 milioni di dollari", "2,4 miliardi di galloni"
        found2 = _match_at(toks, k + 1, cl.units, cl.max_unit) if k + 1 < len(toks) else None
        if found2 and found2[1] not in _TIME_UNITS and found2[1] not in ("percent", "point"):
            return found2[0], found2[1], k + 1
    if found is None:
        return None
    end, unit = found
    first = toks[k]
    gap = first.start - toks[j - 1].end
    phrase = " ".join(toks[x].low for x in range(k, end))
    if gap > 1:
        return None
    if phrase in cl.mod.AMBIGUOUS_UNITS:
        # a one-letter unit must be glued, or followed by a break
        if not first.glued:
            nxt = toks[end] if end < len(toks) else None
            if nxt is not None and nxt.kind == "word" and first.kind == "word" and len(phrase) <= 2 \
                    and nxt.low not in cl.mod.STOPWORDS:
                return None
            if first.kind == "word" and first.text[0].isupper() and len(phrase) > 2:
                return None
    # a unit word glued to a longer word is not a unit ("5G" handled elsewhere)
    if end < len(toks) and toks[end].glued and toks[end].kind == "word" and toks[end - 1].kind == "word":
        return None
    return end, unit, k


def _rate_after(toks: list[_Tok], k: int, cl: _Lexicon) -> tuple[int, str] | None:
    if k >= len(toks):
        return None
    found = _match_at(toks, k, cl.rates, 4)
    if found and found[0] < len(toks) and toks[found[0]].low in cl.mod.RELATIVE_TIME_AFTER:
        return None  # "$6.78 billion a year earlier"
    return found


def _is_time_unit(unit: str | None) -> bool:
    return unit in _TIME_UNITS


def _exclusion(q: _Q, toks: list[_Tok], text: str, cl: _Lexicon, blocked) -> str | None:
    """Why this number is not a quantity (None when it is one)."""
    num = q.num
    lang = cl.lang
    mod = cl.mod
    first, last = toks[num.i], toks[num.j - 1]
    if "invalid" in num.flags:
        return "invalid"
    if num.kind == "ordinal":
        return "ordinal"
    if "code" in num.flags or "decade" in num.flags:
        return "code"
    kind = _overlaps(blocked, first.start, last.end)
    if kind and num.digits:
        return kind
    if kind in ("date", "time", "url", "phone") and not num.digits:
        return kind
    before = toks[num.i - 1] if num.i > 0 else None
    after = toks[num.j] if num.j < len(toks) else None
    # digits glued to letters: S23, F-16, COVID-19, iPhone11
    if num.digits and before is not None and first.glued and q.i == num.i:
        if before.kind == "word":
            return "code"
        if before.text in "-–" and num.i > 1 and toks[num.i - 2].kind == "word" and before.glued \
                and toks[num.i - 2].low not in ("minus", "meno", "sub", "under", "over"):
            return "code"
    if num.digits and before is not None and before.text in "-–" and num.i > 1 and \
            toks[num.i - 2].kind == "word" and toks[num.i - 2].text[:1].isupper() and \
            "signed" in num.flags and q.i == num.i:
        return "code"  # COVID -19
    if num.digits and after is not None and after.glued and after.kind == "word" and q.unit is None \
            and not num.scaled and after.low not in ("s",) and num.j == q.j:
        return "code"  # 5G, 3D, 4K
    if num.digits and after is not None and after.glued and after.kind == "num":
        return "code"
    if num.digits and "slash" in num.flags:
        return "date"
    # dates: a month or weekday next to the number
    if _next_to_month(toks, num, q) and not q.prefix and (q.unit is None or _is_time_unit(q.unit) is False and q.unit in ("point",)):
        return "date"
    if q.unit is None and num.value == int(num.value) and 1 <= num.value <= 31 and _date_context(toks, num, lang):
        return "date"
    # years
    if num.plain_int and q.unit is None and not q.prefix and "signed" not in num.flags \
            and len(first.text) == 4:
        v = num.value
        year_prep = before is not None and before.low in mod.YEAR_PREPOSITIONS or bool(
            re.search(r"(?:\bA\.?D\.?|\bB\.?C\.?|d\.C\.|a\.C\.)\s*$", text[max(0, first.start - 8):first.start]))
        noun_after = _noun_follows(toks, num.j, cl)
        if 1900 <= v <= 2100:
            if q.qualifier != "exact" and noun_after:
                pass
            elif lang == "it" and noun_after and not year_prep:
                pass
            else:
                return "year"
        elif 1000 <= v <= 2199 and year_prep and not noun_after and q.qualifier == "exact":
            return "year"
    # clock times: "alle 21", "at 5 p.m." (the patterns), "21h"
    if after is not None and after.glued and after.low == "h" and num.value <= 24:
        return "time"
    # a capitalised number word inside a sentence is a name ("Kick Six", "BBC One")
    if not num.digits and first.text[:1].isupper() and not _sentence_start(toks, num.i, text) and \
            q.i == num.i:
        return "name"
    # identifiers: "art. 5", "Section 427", "Model 3", "S&P 500"
    if num.digits and q.i == num.i:
        k = num.i - 1
        if k >= 0 and toks[k].text == "." and k > 0:
            k -= 1
            ref = toks[k].low + "."
        else:
            ref = toks[k].low if k >= 0 else ""
        if k >= 0 and (toks[k].low in mod.REFERENCE_WORDS or ref in mod.REFERENCE_WORDS) and not (
                toks[k].low in ("day", "week", "game") and q.unit is not None):
            if not (toks[k].low in ("n", "no") and q.unit is not None):
                return "reference"
        if q.unit is None and before is not None and before.kind == "word" and \
                any(c.isupper() for c in before.text) and \
                not _sentence_start(toks, num.i - 1, text) and before.low not in mod.STOPWORDS and \
                before.low not in _MONTHS and before.low not in _WEEKDAYS and \
                before.low not in _qualifier_words(cl) and not _is_currency_word(before.low, cl):
            return "name"
        if q.unit is None and before is not None and before.text == "&" or (q.unit is None and before is not None and before.kind == "word"
                                                          and before.text.isupper() and len(before.text) >= 2
                                                          and before.low not in _qualifier_words(cl)
                                                          and not _is_currency_word(before.low, cl)
                                                          and not _sentence_start(toks, num.i - 1, text)):
            return "name"
        # "787 Dreamliner", "737 Max": a plain number then a capitalised word that is no unit
        if num.plain_int and q.unit is None and after is not None and after.kind == "word" and \
                after.text[:1].isupper() and after.low not in _MONTHS and q.qualifier == "exact" and \
                sum(c.isupper() for c in after.text) < 2 and num.value < 10000 and lang == "en" and \
                after.low not in mod.STOPWORDS:
            return "name"
    # relative dates: "4 settimane fa", "three weeks ago"
    if q.unit in _TIME_UNITS and q.j < len(toks) and toks[q.j].low in mod.RELATIVE_TIME_AFTER:
        if not (lang == "en" and toks[q.j].low == "earlier"):
            return "relative-date"
    # scores: 2-0, 3-1
    if q.second is not None and q.low is not None and q.high is not None and q.low > q.high and \
            q.unit is None and toks[q.second.i - 1].text in "-–" and q.high <= 20:
        return "score"
    return None


def _qualifier_words(cl: _Lexicon) -> frozenset[str]:
    return frozenset(w for k in cl.qualifiers for w in k)


def _is_currency_word(low: str, cl: _Lexicon) -> bool:
    return (low,) in cl.prefixes or low.upper() in _MONEY_UNITS


def _next_to_month(toks: list[_Tok], num: _Num, q: _Q) -> bool:
    """A month or weekday name right before or after the number: a day of a date."""
    i, j = num.i, num.j
    ambiguous = ("may", "mar", "set", "sun", "sat", "wed", "mon", "dom", "ago", "dec")
    k = i - 1
    if k > 0 and toks[k].text in ".,":
        k -= 1
    if k >= 0 and (toks[k].low in _MONTHS or toks[k].low in _WEEKDAYS) and (
            toks[k].low not in ambiguous or toks[k].text[0].isupper()):
        return True
    k = j
    if k < len(toks) and toks[k].text in (".", "-", "/", ","):
        k += 1
    if k + 1 < len(toks) and toks[k].low in ("di", "del", "of"):
        k += 1
    return k < len(toks) and toks[k].low in _MONTHS and (
        toks[k].low not in ambiguous or toks[k].text[0].isupper())


def _date_context(toks: list[_Tok], num: _Num, lang: str) -> bool:
    """Italian "il 15", "del prossimo mese": a bare day of the month."""
    if lang != "it":
        return False
    before = toks[num.i - 1].low if num.i > 0 else ""
    after = toks[num.j].low if num.j < len(toks) else ""
    if after in ("del", "di") and num.j + 2 < len(toks) and toks[num.j + 2].low in ("mese",):
        return True
    if before in ("il", "l'", "entro") and num.i > 1 and toks[num.i - 2].low in (
            "per", "entro", "dal", "al", "fino", "tornato", "tornata", "sabato", "domenica"):
        return True
    return False


def _noun_follows(toks: list[_Tok], j: int, cl: _Lexicon) -> bool:
    if j >= len(toks):
        return False
    t = toks[j]
    return (t.kind == "word" and t.text[:1].islower() and t.low not in cl.mod.STOPWORDS
            and t.low not in _MONTHS and t.low not in cl.mod.VERBS and len(t.low) > 2)


def _range_after(toks: list[_Tok], q: _Q, cl: _Lexicon, lang: str, text: str,
                 opener: tuple[int, tuple] | None) -> _Q | None:
    """Extend q into a range when a second number follows ("10-12", "to 12", "e 12.000")."""
    j = q.j
    if j >= len(toks):
        return None
    joiners: list[tuple[str, ...]] = []
    if opener is not None:
        joiners = list(opener[1])
    else:
        for infix in cl.mod.RANGE_INFIX:
            joiners.append(_phrase_tokens(infix))
    for joiner in sorted(joiners, key=len, reverse=True):
        n = len(joiner)
        if tuple(t.low for t in toks[j:j + n]) != joiner:
            continue
        k = j + n
        if k >= len(toks):
            return None
        if joiner in (("-",), ("–",), ("—",)):
            # "10-12": the dash sits between two numbers, glued or spaced on both sides alike
            if not (toks[j].glued == toks[k].glued or toks[j].text in "–—"):
                return None
        if opener is None and joiner in (("a",),):
            return None  # "a" alone needs "da ... a"
        if opener is None and joiner == ("to",) and _change_before(toks, q.i, cl):
            return None
        k2 = k
        pre = _prefix_before(toks, k2 + 1, cl) if k2 + 1 < len(toks) else None
        prefix_unit = None
        if k2 < len(toks) and toks[k2].kind != "num" and toks[k2].kind != "word":
            found = _match_at(toks, k2, cl.prefixes, 3)
            if found and found[0] < len(toks):
                prefix_unit, k2 = found[1], found[0]
        elif k2 + 1 < len(toks) and toks[k2].kind == "word" and (toks[k2].low,) in cl.prefixes and \
                toks[k2 + 1].kind == "num":
            prefix_unit, k2 = cl.prefixes[(toks[k2].low,)], k2 + 1
        del pre
        if lang == "it" and k2 < len(toks) and toks[k2].low in _ARTICLES_IT and opener is not None:
            k2 += 1  # "tra il 4 e il 22"
        if k2 >= len(toks):
            return None
        second = _parse_number(toks, k2, lang, cl.mod, allow_fraction=False)
        if second is None or second.kind not in ("cardinal", "fraction") or "invalid" in second.flags:
            return None
        if not second.digits and q.num.digits and opener is None and joiner != ("to",):
            return None
        unit2 = _unit_after(toks, second.j, cl, second)
        end = second.j
        unit = q.unit
        if unit2:
            end = unit2[0]
            if unit is not None and unit2[1] != unit and unit.split("/")[0] != unit2[1]:
                return None
            unit = unit if unit and unit.startswith(unit2[1] + "/") else unit2[1]
        rate = _rate_after(toks, end, cl) if unit else None
        if rate and "/" not in (unit or ""):
            unit, end = f"{unit}/{rate[1]}", rate[0]
        if prefix_unit:
            if unit is not None and unit != prefix_unit:
                return None
            unit = prefix_unit
        if opener is None and joiner == ("to",) and q.unit is None and unit is None and not q.prefix:
            pass
        low, high = q.value, second.value
        if "signed" in q.num.flags and joiner in (("-",), ("–",)):
            return None
        # shared scale: "10-12 milioni", "between 10 and 12 million", "10-12,000"
        if second.scaled and not q.num.scaled and q.num.digits == second.digits or (
                second.scaled and not q.num.scaled):
            scale = _scale_factor(second)
            if scale and low * scale <= high * 1.0001:
                low *= scale
        elif q.num.plain_int and low < 1000 and high >= 1000 and high % 1000 == 0 and \
                low * 1000 <= high and low * 1000 >= high / 10 and toks[j].glued:
            low *= 1000
        # a year range (2014-2018) or a date is not a quantity range
        if q.num.plain_int and second.plain_int and 1000 <= low <= 2100 and 1000 <= high <= 2100 \
                and unit is None:
            return None
        new = replace(q, j=end, low=low, high=high, value=low, qualifier="range", unit=unit,
                      second=second)
        return new
    return None


def _scale_factor(num: _Num) -> float | None:
    return num.scale


def _change_before(toks: list[_Tok], i: int, cl: _Lexicon) -> bool:
    for k in range(max(0, i - 3), i):
        if toks[k].low in cl.mod.CHANGE_VERBS:
            return True
    return False


def _range_opener_before(toks: list[_Tok], i: int, cl: _Lexicon) -> tuple[int, tuple] | None:
    k = i
    if cl.lang == "it" and k > 0 and toks[k - 1].low in _ARTICLES_IT:
        k -= 1
    found = _match_before(toks, k, cl.range_openers, 2)
    return found


def _build(toks: list[_Tok], num: _Num, cl: _Lexicon, lang: str, text: str) -> _Q:
    q = _Q(num=num, i=num.i, j=num.j, value=num.value, scaled=num.scaled)
    if num.kind == "vague":
        q.low, q.high, q.qualifier = num.low, num.high, "range"
    if num.approx:
        q.qualifier = "approx"
    # currency before
    pre = _prefix_before(toks, num.i, cl)
    if pre and num.kind != "ordinal":
        q.i, q.unit, q.prefix = pre[0], pre[1], True
        # a sign before the currency: "-$5"
    # unit after
    unit = _unit_after(toks, num.j, cl, num)
    if "fold" in num.flags:
        q.unit = "times"
        unit = None
    if unit and num.kind != "ordinal":
        end, u, _start = unit
        if q.unit is None or u in ("percent",) or q.unit == u:
            q.unit, q.j = u if q.unit is None or u == "percent" else q.unit, end
        elif q.prefix and u in _MONEY_UNITS:
            q.j = end  # "$ 10 dollars"
        rate = _rate_after(toks, q.j, cl)
        if rate and q.unit is not None:
            q.unit = f"{q.unit}/{rate[1]}"
            q.j = rate[0]
    elif q.unit is not None:
        rate = _rate_after(toks, q.j, cl)
        if rate:
            q.unit = f"{q.unit}/{rate[1]}"
            q.j = rate[0]
    # qualifier before (before the currency, if any)
    qual = _qualifier_before(toks, q.i, cl)
    if qual and num.kind != "vague":
        if qual[1] != "exact" or qual[0] < q.i:
            q.qualifier = qual[1] if qual[1] != "exact" or q.qualifier == "exact" else q.qualifier
            q.i = qual[0]
    # range: "tra 10.000 e 12.000", "10-12", "between 10 and 12 million"
    opener = _range_opener_before(toks, q.i, cl)
    if num.kind in ("cardinal", "fraction"):
        ranged = _range_after(toks, q, cl, lang, text, opener)
        if ranged is not None:
            q = ranged
            if opener is not None:
                q.i = opener[0]
    # qualifier after: "10.000 e più", "or more"
    post = _match_at(toks, q.j, cl.post_qualifiers, 3) if q.j < len(toks) else None
    if post and q.qualifier in ("exact", "approx"):
        q.qualifier, q.j = post[1], post[0]
    if qual and qual[1] == "exact" and qual[0] < num.i:
        q.num.flags.add("explicit")
    return q


def _merge_bounds(qs: list[_Q], toks: list[_Tok], cl: _Lexicon) -> list[_Q]:
    """"più di 10 e meno di 20" → one range."""
    out: list[_Q] = []
    lower = {"more_than", "at_least"}
    upper = {"less_than", "up_to"}
    for q in qs:
        if out:
            p = out[-1]
            between = [t.low for t in toks[p.j:q.i]]
            pair = {p.qualifier, q.qualifier}
            if (between and all(w in cl.mod.BOUND_JOINERS or w in ("è", "non", "is", "ma")
                                for w in between)
                    and len(pair & lower) == 1 and len(pair & upper) == 1 and p.unit == q.unit):
                lo_q = p if p.qualifier in lower else q
                hi_q = q if lo_q is p else p
                merged = replace(p, j=q.j, low=lo_q.value, high=hi_q.value, value=lo_q.value,
                                 qualifier="range", i=min(p.i, q.i))
                out[-1] = merged
                continue
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------
# Concept: what is counted


@lru_cache(maxsize=4)
def _spacy_tokenizer(lang: str):
    import spacy

    return spacy.blank(lang).tokenizer


@dataclass(frozen=True)
class _STok:
    text: str
    low: str
    start: int
    end: int
    alpha: bool
    punct: bool


def _spacy_tokens(text: str, lang: str) -> list[_STok]:
    doc = _spacy_tokenizer(lang)(text)
    out = []
    for t in doc:
        if t.is_space:
            continue
        low = t.text.lower().replace("’", "'")
        out.append(_STok(t.text, low, t.idx, t.idx + len(t.text), t.text.replace("'", "").replace("’", "").isalpha(),
                         t.is_punct or not any(c.isalnum() for c in t.text)))
    return out


def _first_at(stoks: list[_STok], pos: int) -> int:
    return bisect_left(stoks, pos, key=lambda t: t.start)


def _content(t: _STok, mod, head: bool = False) -> bool:
    if not t.alpha or t.punct:
        return False
    low = t.low
    if len(t.text) > 1 and t.text.isupper() and low not in ("i",):
        return True  # an acronym ("US", "NATO") is never a function word
    if low in mod.STOPWORDS or low in mod.VERBS or low in _MONTHS or low in mod.NOT_CONCEPT:
        return False
    if not head and low.endswith(mod.VERB_SUFFIXES) and not low.endswith(mod.ADJECTIVE_SUFFIXES):
        return False
    return True


def _concept_after(stoks: list[_STok], k: int, text: str, cl: _Lexicon, skip_of: bool) -> str | None:
    mod = cl.mod
    lang = cl.lang
    n = len(stoks)
    if k >= n:
        return None
    # the phrase must start on the same line, right after the number
    if skip_of and k < n and (stoks[k].low in mod.OF_WORDS or stoks[k].low in _PARTITIVE_IT and lang == "it"):
        k += 1
        while k < n and stoks[k].low in (_DETERMINERS_EN if lang == "en" else _ARTICLES_IT):
            k += 1
    if k >= n:
        return None
    first = stoks[k]
    if lang == "it" and first.low in mod.BREAKDOWN_WORDS and k + 1 < n and _content(stoks[k + 1], mod, True):
        # "600.000 tra morti e feriti"
        end = k + 1
        if end + 2 < n and stoks[end + 1].low in ("e", "o") and _content(stoks[end + 2], mod, True):
            end += 2
        return text[stoks[k + 1].start:stoks[end].end]
    if lang == "en":
        # "six-cylinder engine": the counted noun is the hyphen's second half
        if first.text in ("-", "‐") and k > 0 and first.start == stoks[k - 1].end and k + 1 < n \
                and stoks[k + 1].start == first.end and _content(stoks[k + 1], mod, True):
            return stoks[k + 1].text
        while k + 1 < n and stoks[k].low in ("more", "additional", "extra", "further"):
            k += 1
        words: list[int] = []
        m = k
        while m < n and len(words) < 5:
            t = stoks[m]
            if t.text == "-" and words and m + 1 < n and stoks[m + 1].start == t.end and t.start == stoks[m - 1].end:
                words.append(m)
                m += 1
                continue
            if not _content(t, mod, head=True):
                break
            if t.low.endswith(mod.VERB_SUFFIXES) and not (m + 1 < n and _content(stoks[m + 1], mod, True)
                                                          and not stoks[m + 1].low.endswith(("ed",))):
                if words:
                    break
                if t.low.endswith("ed"):
                    break
            words.append(m)
            m += 1
            if _plural_noun(t.low, mod) and not (m < n and stoks[m].text == "-"):
                break
        while words and stoks[words[-1]].text == "-":
            words.pop()
        if not words:
            return None
        end = words[-1]
        # "rounds of ammunition"
        if end + 2 < n and stoks[end + 1].low in mod.OF_WORDS and _content(stoks[end + 2], mod, True) \
                and not stoks[end + 2].text[:1].isupper() and len(words) < 4:
            end += 2
        return text[stoks[k].start:stoks[end].end]
    # Italian: head noun, then adjectives, then one "di" complement
    if not _content(first, mod, head=True):
        return None
    if first.text[:1].isupper() and k > 0 and "\n" not in text[stoks[k - 1].end:first.start]:
        pass
    end = k
    used_of = False
    m = k + 1
    while m < n and m - k < 6:
        t = stoks[m]
        if _content(t, mod) and not t.text[:1].isupper():
            end = m
            m += 1
            continue
        if t.low in mod.OF_WORDS and not used_of and m + 1 < n:
            nxt = stoks[m + 1]
            if nxt.low in _ARTICLES_IT and m + 2 < n:
                nxt = stoks[m + 2]
                skip = 2
            else:
                skip = 1
            if _content(nxt, mod, True) and not nxt.text[:1].isupper():
                used_of = True
                end = m + skip
                m += skip + 1
                continue
        if t.low.endswith("'") and t.low in ("d'",) and m + 1 < n and _content(stoks[m + 1], mod, True):
            end = m + 1
            m += 2
            used_of = True
            continue
        break
    return text[first.start:stoks[end].end]


def _plural_noun(low: str, mod) -> bool:
    if low in mod.PLURAL_HEADS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


_LENGTH_UNITS = frozenset({"km", "m", "cm", "mm", "mi", "nmi", "yd", "ft", "in"})


def _distance_concept(stoks: list[_STok], k: int, text: str, cl: _Lexicon) -> str | None:
    """"7 km da Pokrovsk" → "distanza da Pokrovsk": the measured thing of a distance is the
    place it is measured from, a capitalised name right after the preposition."""
    mod = cl.mod
    if stoks[k].low not in mod.DISTANCE_FROM or k + 1 >= len(stoks):
        return None
    j = k + 1
    while j < len(stoks) and stoks[j].text[:1].isupper() and \
            (j == k + 1 or stoks[j].start - stoks[j - 1].end <= 1):
        j += 1
    if j == k + 1:
        return None
    return f"{mod.DISTANCE_NOUN} {text[stoks[k].start:stoks[j - 1].end]}"


def _concept_before(stoks: list[_STok], k: int, text: str, cl: _Lexicon) -> str | None:
    """Fallback for a bare number: the noun phrase the clause is about ("vittime … stimate
    intorno a 1.100")."""
    mod = cl.mod
    m = k - 1
    steps = 0
    saw_verb = False
    while m >= 0 and steps < 9:
        t = stoks[m]
        if t.text in (".", "!", "?", ";", ":", "\n") or "\n" in text[t.end:stoks[m + 1].start if m + 1 < len(stoks) else t.end]:
            return None
        if t.alpha and not t.text[:1].isupper() and _content(t, mod) and t.low not in _qualifier_tokens(cl):
            break
        if t.low in mod.VERBS or t.alpha and t.low.endswith(mod.VERB_SUFFIXES):
            saw_verb = True
        m -= 1
        steps += 1
    else:
        return None
    if m < 0 or not saw_verb:
        return None
    end = m
    start = m
    while start - 1 >= 0 and end - start < 2:
        prev = stoks[start - 1]
        if prev.alpha and not prev.text[:1].isupper() and _content(prev, mod, head=True):
            start -= 1
        else:
            break
    return text[stoks[start].start:stoks[end].end]


@lru_cache(maxsize=4)
def _qualifier_tokens_cached(lang: str) -> frozenset[str]:
    cl = _compiled(lang)
    return frozenset(w for k in cl.qualifiers for w in k) | frozenset(
        w for k in cl.range_openers for w in k)


def _qualifier_tokens(cl: _Lexicon) -> frozenset[str]:
    return _qualifier_tokens_cached(cl.lang)


def _short_furniture_line(text: str, start: int, end: int) -> bool:
    """The number sits on a short line with no sentence punctuation: a counter ("4 settimane fa 5")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    words = line.split()
    if len(words) > 6:
        return False
    return not line.endswith((".", "!", "?", "»", "”", "\"", ":", ";", ")"))


# ---------------------------------------------------------------------------------------------
# Public API


def extract_quantities(text: str, lang: str | None = "it") -> list[Quantity]:
    """Quantities in `text` (see the module docstring); offsets into `text`."""
    code = _lang_of(lang)
    cl = _compiled(code)
    toks, nums = _scan(text, code)
    if not nums:
        return []
    blocked = _blocked_spans(text)
    qs: list[_Q] = []
    consumed = -1
    excluded_starts: dict[int, str] = {}
    for num in nums:
        if num.i < consumed:
            continue
        if num.kind == "ordinal":
            continue
        q = _build(toks, num, cl, code, text)
        reason = excluded_starts.get(num.i) or _exclusion(q, toks, text, cl, blocked)
        if reason is not None:
            # the number joined to an excluded one shares its fate: "Sept. 20-24", "1000 and 1260"
            k = num.j
            if k + 1 < len(toks) and (toks[k].text in "-–/" or reason in ("year", "date") and toks[k].low in (
                    "and", "e", "to", "a", "al", "-", "or", "o")):
                nxt = k + 1
                if nxt < len(toks) and toks[nxt].low in _ARTICLES_IT and nxt + 1 < len(toks):
                    nxt += 1
                if toks[nxt].kind == "num" or reason in ("year",):
                    excluded_starts[nxt] = reason
            continue
        if q.second is not None:
            consumed = q.second.j
        qs.append(q)
    qs = _merge_bounds(qs, toks, cl)
    stoks = None
    out: list[Quantity] = []
    suspended: list[Quantity] = []
    for q in qs:
        num = q.num
        if "article" in num.flags and (code == "en" or q.unit is None or q.unit in _TIME_UNITS):
            continue  # "a day", "in una settimana": an article, not a count
        start, end = toks[q.i].start, toks[q.j - 1].end
        # concept
        concept = None
        if stoks is None:
            stoks = _spacy_tokens(text, code)
        k = _first_at(stoks, end)
        skip_of = num.scaled or num.kind in ("vague", "fraction") or num.approx or (
            code == "en") or q.unit is not None
        if k < len(stoks) and "\n" not in text[end:stoks[k].start]:
            if q.unit is None or q.unit in _MONEY_UNITS or q.unit in ("percent", "t", "barrel", "kg", "ton",
                                                                      "l", "gal", "m3", "lb", "oz"):
                if q.unit is not None:
                    nxt = stoks[k].low
                    if nxt in cl.mod.OF_WORDS or (code == "it" and nxt in _PARTITIVE_IT):
                        concept = _concept_after(stoks, k, text, cl, skip_of=True)
                    elif code == "en" and q.unit in _MONEY_UNITS and k + 2 < len(stoks) and (
                            nxt == "worth" and stoks[k + 1].low in cl.mod.OF_WORDS or nxt == "in"):
                        # "$360 billion worth of Chinese goods", "$156 billion in consumer goods"
                        concept = _concept_after(stoks, k + 1, text, cl,
                                                 skip_of=nxt == "worth")
                        if concept and nxt == "in" and concept.lower() in cl.mod.IN_NOT_CONCEPT:
                            concept = None  # "$5 billion in total", "$5 in cash"
                else:
                    concept = _concept_after(stoks, k, text, cl, skip_of=skip_of)
        if concept is None and q.unit is None and code == "it" and k + 1 < len(stoks) and \
                stoks[k].low in ("le", "gli", "i") and "\n" not in text[end:stoks[k].start]:
            # "sono 150 le persone morte", "4.000 gli sfollati": the counted noun after its article
            concept = _concept_after(stoks, k + 1, text, cl, skip_of=False)
        if q.unit in _LENGTH_UNITS and concept is None and k < len(stoks):
            concept = _distance_concept(stoks, k, text, cl)
        if q.unit is None and concept is None and num.digits and code == "it":
            k0 = _first_at(stoks, start)
            concept = _concept_before(stoks, k0, text, cl)
        # word numbers need something to count; bare digits on a short furniture line are counters
        if not num.digits and q.unit is None and concept is None and q.qualifier == "exact" and \
                num.value < 1000 and num.kind not in ("vague", "fraction") and not _suspended(toks, q.j) \
                and "explicit" not in num.flags:
            continue
        if code == "en" and not num.digits and num.value == 1 and q.unit is None and num.kind == "cardinal":
            if concept is None:
                continue
        if num.digits and q.unit is None and q.qualifier == "exact" and concept is None \
                and _short_furniture_line(text, start, end):
            continue
        unit = q.unit
        if unit is None and concept and code == "en":
            # "517 rushing yards", "one US fluid ounce": a unit word heads the phrase
            last = concept.split()[-1].lower()
            if (last,) in cl.units and last not in cl.mod.AMBIGUOUS_UNITS and len(concept.split()) <= 3:
                unit, concept = cl.units[(last,)], None
        if num.kind == "fraction" and unit is None:
            unit = "fraction"
        if unit is None and concept is None and q.qualifier == "exact" and num.digits:
            if num.plain_int and _age_apposition(toks, num, text):
                unit = "year_of_age"
            elif out:
                unit, concept = _inherit(out, text, start)
        quantity = Quantity(start=start, end=end, text=text[start:end], value=_clean(q.value),
                            low=_clean(q.low), high=_clean(q.high), qualifier=q.qualifier,
                            unit=unit, concept=concept)
        # "7- or 8-inch", "four-, five- and six-cylinder": earlier numbers left hanging on a
        # hyphen take the unit and concept of this one
        while suspended and (unit is not None or concept is not None):
            prev = suspended.pop()
            out.append(replace(prev, unit=unit, concept=concept))
        if _suspended(toks, q.j) and unit is None and concept is None:
            suspended.append(quantity)
            continue
        suspended.clear()
        out.append(quantity)
    out.sort(key=lambda x: x.start)
    return out


def _suspended(toks: list[_Tok], j: int) -> bool:
    return (j + 1 < len(toks) and toks[j].text in ("-", "‐") and toks[j].glued
            and (toks[j + 1].text == "," or toks[j + 1].low in ("or", "and", "to", "o", "e")))


def _age_apposition(toks: list[_Tok], num: _Num, text: str) -> bool:
    """"Maddon, 66, has…": a person's age between commas after a name."""
    i, j = num.i, num.j
    return (0 < num.value < 120 and i >= 2 and toks[i - 1].text == "," and toks[i - 2].kind == "word"
            and toks[i - 2].text[:1].isupper() and j < len(toks) and toks[j].text == ",")


def _inherit(previous: list[Quantity], text: str, start: int) -> tuple[str | None, str | None]:
    """A bare number after a measured one in the same clause shares its unit or counted noun:
    "84.75 cents, while the lowest is 74.07", "435 homes … and 187 by tender"."""
    for prev in reversed(previous):
        between = text[prev.end:start]
        if len(between) > 60 or re.search(r"[.;!?]\s|\n", between):
            return None, None
        conj = re.search(r"\b(and|or|but|while|whilst|including|e|ma|mentre|o|di cui|tra cui)\b", between)
        if prev.unit == "percent":
            if conj:
                return prev.unit, None
            continue
        if prev.unit and prev.unit not in ("year_of_age", "fraction") and not prev.unit.endswith("/share"):
            return prev.unit, None
        if prev.unit is None and prev.concept and conj:
            return None, prev.concept
        return None, None
    return None, None


def _noun_after(stoks: list[_STok], k: int, cl: _Lexicon) -> bool:
    return k < len(stoks) and _content(stoks[k], cl.mod, head=True)


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 9)
    return float(int(r)) if r == int(r) and abs(r) < 1e15 else r


def find_quantities(doc: Document, options: Options) -> list[Quantity]:
    """Per-document analysis: the quantities of `doc.text` (offsets into it)."""
    lang = doc.language
    if not lang:
        from rassegna.language import detect_language

        lang = detect_language(doc.text) or "en"
    return extract_quantities(doc.text, lang)
