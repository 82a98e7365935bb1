"""Cleaning of plain-text articles as scraped.

A scrape keeps the article and the page around it: headline lists of related articles,
"Leggi anche" prompts, newsletter calls, share counters, image credits, the outlet's name,
the title repeated at the bottom. No library cleans *plain text* (trafilatura and its kin work
on the HTML tree, which is gone by now), so this module decides line by line from the shape of
each line (length, position, final punctuation, runs of headline-like lines, repetition within
the document and across the corpus) plus the small per-language phrase lists in
`rassegna.lang`. It never edits inside a sentence: a line is kept whole or removed whole (a
leading date header is the one exception), and every removed piece is recorded with a reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rassegna.lang import all_resources
from rassegna.model import Removed

# A line longer than this is prose, whatever its punctuation.
HEADLINE_MAX_CHARS = 180
HEADLINE_MAX_WORDS = 28
# Below the last paragraph, lines this short without final punctuation are the page's.
TRAILING_MAX_WORDS = 12
# A prompt line ("Ti consigliamo: …") is furniture up to this length.
STRONG_PROMPT_MAX_WORDS = 16
# Corpus-wide repetition: a short line seen in this many documents is template text.
COMMON_LINE_MIN_DOCS = 3

_SENTENCE_END = tuple(".!?…;:")
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"\w+", re.UNICODE)
# A sentence end followed by another sentence inside one line: "… fine. Poi …"
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s+[\"'“‘«(]*[A-ZÀ-ÖØ-Þ]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@dataclass
class Cleaned:
    """The result of cleaning: the body and the fields taken out of it."""

    text: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


@dataclass
class _Line:
    text: str  # stripped
    blank_before: bool  # a blank line separated it from the previous non-blank line
    keep: bool = True


def normalise_line(line: str) -> str:
    """Comparable form of a line: NFKC, lower case, straight apostrophes, single spaces."""
    line = unicodedata.normalize("NFKC", line).translate(_APOSTROPHES).lower()
    return " ".join(line.split())


def common_lines(texts: Iterable[str]) -> frozenset[str]:
    """Short lines that recur in several documents of a corpus (site templates, promos).

    Only headline-shaped lines count: a wire paragraph shared by three rewrites is content,
    and cross-document reuse detection needs it left in place.
    """
    seen: Counter[str] = Counter()
    for text in texts:
        lines = {normalise_line(raw) for raw in text.splitlines() if is_headline_like(raw.strip())}
        seen.update(lines)
    return frozenset(line for line, n in seen.items() if n >= COMMON_LINE_MIN_DOCS)


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS + " ").endswith(_SENTENCE_END)


def is_headline_like(line: str) -> bool:
    """A title, a section heading or a link to another article: short, no final punctuation."""
    if not line or len(line) > HEADLINE_MAX_CHARS:
        return False
    words = word_count(line)
    if words < 1 or words > HEADLINE_MAX_WORDS:
        return False
    first = line.lstrip("\"'“‘«([-–—•*· ")[:1]
    return (first.isupper() or first.isdigit()) and not ends_sentence(line)


def _starts_with_any(norm: str, prefixes: Iterable[str], line: str) -> bool:
    """Prefix match with a length guard: one-word prompts ("Condividi") only on short lines,
    longer prompts ("Leggi anche: …") with at most one headline or sentence after them, so
    that a prompt glued to a paragraph of prose never takes the prose with it."""
    for prefix in prefixes:
        if not norm.startswith(prefix):
            continue
        rest = norm[len(prefix):len(prefix) + 1]
        if rest and prefix[-1].isalnum() and rest.isalnum():
            continue  # "commentatori" does not start with the word "commenti"
        strong = " " in prefix.strip() or prefix.endswith(":")
        if word_count(line) <= (STRONG_PROMPT_MAX_WORDS if strong else 6) and \
                not _INNER_SENTENCE_END.search(line[len(prefix):]):
            return True
    return False


@lru_cache(maxsize=None)
def _phrases(name: str) -> tuple[str, ...]:
    return tuple(p for module in all_resources() for p in getattr(module, name))


# A copyright notice opens with the sign or with "Copyright" and the sign or a year; it may run
# long ("© 2019 Associated Press. All Rights Reserved. This material may not be published,
# broadcast, rewritten or redistributed.") but is never the article's prose. "Copyright law
# …" is prose.
_COPYRIGHT_NOTICE = re.compile(r"\s*(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", re.IGNORECASE)
COPYRIGHT_NOTICE_MAX_WORDS = 60


def is_furniture_phrase(line: str) -> bool:
    if _COPYRIGHT_NOTICE.match(line) and word_count(line) <= COPYRIGHT_NOTICE_MAX_WORDS:
        return True
    return _starts_with_any(normalise_line(line), _phrases("FURNITURE_PREFIXES"), line)


def is_image_credit(line: str) -> bool:
    """ "Foto: Ansa", "Photo credits: X via Flickr", "(Copertina photo credits: …" """
    if word_count(line) > 15:
        return False
    norm = normalise_line(line).lstrip("([ ")
    if _starts_with_any(norm, _phrases("IMAGE_CREDIT_PREFIXES"), line):
        return True
    head = [w.lower() for w in _WORD.findall(line)[:4]]
    return any(w in _phrases("IMAGE_CREDIT_WORDS") for w in head) and ":" in line


def credit_of(line: str) -> str | None:
    """The agency named by a credit line ("Con informazioni dall'AFP." → "AFP"), else None."""
    norm = normalise_line(line)
    if word_count(line) > 12:
        return None
    for prefix in _phrases("CREDIT_PREFIXES"):
        if norm.startswith(prefix):
            rest = line.strip()[len(prefix):].strip(" :.-–—")
            # Drop the linking words before the name: "dall'", "della", "da", "by", "from".
            rest = re.sub(r"^(?:(?:d|dall|dell|dalla|dalle|dagli|dai|dal|da|di|della|by|from)"
                          r"(?:\s+|'|’))+", "", rest, flags=re.IGNORECASE)
            rest = re.sub(r"^(?:l'|l’|la |il |the )", "", rest, flags=re.IGNORECASE)
            return rest.strip(" .") or None
    return None


def is_counter(line: str) -> bool:
    """Share/comment counters and relative stamps: "4 settimane fa 5", "12 comments"."""
    words = [w.lower() for w in _WORD.findall(line)]
    if not words or len(words) > 7 or ends_sentence(line):
        return False
    units = _phrases("RELATIVE_TIME_UNITS")
    ago = set(_phrases("RELATIVE_TIME_AGO"))
    counters = _phrases("COUNTER_WORDS")
    has_digit = any(w.isdigit() for w in words)
    relative = any(w in ago for w in words) and any(w.startswith(units) for w in words)
    counted = any(w.startswith(counters) for w in words)
    only_numbers = all(w.isdigit() for w in words)
    return only_numbers or (has_digit and (relative or counted))


def parse_date_header(line: str) -> tuple[str, str] | None:
    """A leading "date 2024-10" / "Data: 2024-10-28" header: (iso date, rest of the line)."""
    words = "|".join(re.escape(w) for w in _phrases("DATE_HEADER_WORDS"))
    match = re.match(rf"^\s*(?:{words})\s*:?\s*(\d{{4}}-\d{{2}}(?:-\d{{2}})?)\b\s*", line,
                     flags=re.IGNORECASE)
    if not match:
        return None
    return match.group(1), line[match.end():]


def byline_of(line: str) -> str | None:
    """ "di Antonio Adriano Giancane" → the name; None when the line is not a byline."""
    norm = normalise_line(line)
    if word_count(line) > 8 or ends_sentence(line.rstrip(".")):
        return None
    for prefix in _phrases("BYLINE_PREFIXES"):
        if norm.startswith(prefix):
            name = line.strip()[len(prefix):].strip()
            parts = name.split()
            if parts and all(p[:1].isupper() for p in parts if p.lower() not in {"de", "di", "da", "del", "della", "van", "von", "e", "and"}):
                return name
    return None


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lines.append(_Line(stripped, blank_before=blank and bool(lines)))
        blank = False
    return lines


def clean_text(text: str, *, title: str | None = None,
               common: frozenset[str] = frozenset()) -> Cleaned:
    """Split a scraped article into body and fields; record every removed piece."""
    lines = _split_lines(text)
    out = Cleaned(text="", title=title)
    position = {id(line): i for i, line in enumerate(lines)}
    dropped: list[tuple[int, Removed]] = []

    def drop(line: _Line, reason: str) -> None:
        line.keep = False
        dropped.append((position[id(line)], Removed(line.text, reason)))

    _take_header(lines, out, drop)
    _drop_furniture_lines(lines, out, drop, common)
    _drop_headline_runs(lines, drop)
    _drop_trailing_furniture(lines, drop)
    out.text = _join(lines)
    # Report removals in reading order (the date header, if any, is already first).
    out.removed.extend(removed for _, removed in sorted(dropped, key=lambda pair: pair[0]))
    return out


def _take_header(lines: list[_Line], out: Cleaned, drop) -> None:
    """Date header, title and byline at the top of the scrape."""
    if not lines:
        return
    header = parse_date_header(lines[0].text)
    if header:
        iso, rest = header
        out.published = iso
        out.removed.append(Removed(lines[0].text[: len(lines[0].text) - len(rest)].strip(), "date-header"))
        if rest.strip():
            lines[0].text = rest.strip()
        else:
            lines[0].keep = False
    live = [line for line in lines if line.keep]
    if not live:
        return
    first = live[0]
    if out.title and normalise_line(first.text) == normalise_line(out.title):
        drop(first, "title")
    elif out.title is None and _looks_like_title(first, live[1:2]):
        out.title = first.text
        drop(first, "title")
    for line in [line for line in lines if line.keep][:3]:
        name = byline_of(line.text)
        if name:
            out.byline = name
            drop(line, "byline")
            break


def _looks_like_title(first: _Line, following: list[_Line]) -> bool:
    """The first line is a title when it is headline-shaped (quotes may close it) and the
    article goes on after it."""
    text = first.text
    if not following or len(text) > HEADLINE_MAX_CHARS + 60:
        return False
    if is_headline_like(text):
        return True
    # "… aggrediti. Ft: «Truppe potrebbero essere inviate a Kursk»": a quote closes it.
    return text[-1] in "»”\"" and word_count(text) <= HEADLINE_MAX_WORDS + 10 and following[0].blank_before


def _drop_furniture_lines(lines: list[_Line], out: Cleaned, drop, common: frozenset[str]) -> None:
    title_norm = normalise_line(out.title) if out.title else None
    seen: Counter[str] = Counter(normalise_line(line.text) for line in lines if line.keep)
    for line in lines:
        if not line.keep:
            continue
        norm = normalise_line(line.text)
        credit = credit_of(line.text)
        if credit:
            out.credits.append(credit)
            drop(line, "credit")
        elif is_image_credit(line.text):
            drop(line, "image-credit")
        elif is_furniture_phrase(line.text):
            drop(line, "page-furniture")
        elif is_counter(line.text):
            drop(line, "share-counter")
        elif title_norm and norm == title_norm:
            drop(line, "repeated-title")
        elif is_headline_like(line.text) and seen[norm] > 1:
            drop(line, "repeated-line")
        elif norm in common:
            drop(line, "corpus-boilerplate")


def _drop_headline_runs(lines: list[_Line], drop) -> None:
    """Two or more headline-shaped lines in a row are a list of links to other articles.

    The last line of a run that is followed by prose is a section heading and stays:
    headings introduce the paragraph below them, link lists do not.
    """
    live = [line for line in lines if line.keep]
    i = 0
    while i < len(live):
        if not is_headline_like(live[i].text):
            i += 1
            continue
        j = i
        while j < len(live) and is_headline_like(live[j].text):
            j += 1
        run = live[i:j]
        followed_by_prose = j < len(live)
        if len(run) >= 2:
            links = run[:-1] if followed_by_prose else run
            for line in links:
                drop(line, "related-headlines")
        i = j


def _drop_trailing_furniture(lines: list[_Line], drop) -> None:
    """After the last paragraph of prose, what is left is the page: outlet names, tags, a
    stray headline. A quotation that closes the article ("… non mi riguarda»") is prose."""
    for line in reversed(lines):
        if not line.keep:
            continue
        text = line.text
        words = word_count(text)
        tiny = words <= 4 and not ends_sentence(text)
        headline = is_headline_like(text) and words <= TRAILING_MAX_WORDS and not _has_quote(text)
        if not (tiny or headline):
            break
        drop(line, "trailing-furniture")


def _has_quote(text: str) -> bool:
    return any(ch in text for ch in "\"«»“”")


def _join(lines: list[_Line]) -> str:
    parts: list[str] = []
    blank = False
    for line in lines:
        if not line.keep:
            blank = blank or line.blank_before
            continue
        if parts:
            parts.append("\n\n" if (blank or line.blank_before) else "\n")
        parts.append(line.text)
        blank = False
    return "".join(parts)
