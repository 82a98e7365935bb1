"""Sentence segmentation for news text, as character spans.

Written here rather than taken from spaCy's sentencizer or pysbd because news needs three
things those get wrong together: closing quotation marks belong to the sentence they close
(`…escalation.”` / `…?», ha detto`), a quotation interrupted by its attribution is not a
sentence boundary (`"…," ha detto X, "…"`), and scraped text glues sentences (`Kursk.Lo`).
Abbreviations come from the per-language lists in `rassegna.lang`.
"""

from __future__ import annotations

import re

from rassegna.lang import all_resources, resources
from rassegna.model import Span

_OPENERS = "\"'“‘«(["
_CLOSERS = "\"'”’»)]"
_TERMINALS = ".!?…"
# Terminal punctuation, then closing quotes/brackets, then the gap to the next sentence.
_BOUNDARY = re.compile(rf"[{_TERMINALS}]+[{re.escape(_CLOSERS)}]*(?=\s|$)")
# Scrapes drop the space after a full stop: "nella regione di Kursk.Lo spiegamento".
_GLUED = re.compile(r"(?<=[a-zà-öø-ÿ]{2}[.!?])(?=[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|['’][A-Za-zÀ-ÖØ-öø-ÿ]))")
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")
# No real sentence is this long (the longest in the seeds and KIND are under 1,000 characters);
# a longer run is text without punctuation (a bad extraction, a transcript) and is cut into
# pieces, preferably after a ; : or , near the limit, so that the per-sentence analyses, some of
# them quadratic in a sentence's length, stay linear in the document's.
MAX_SENTENCE_CHARS = 2000
_SOFT_BREAK = re.compile(r"[;:,]\s")


def split_sentences(text: str, lang: str | None = None) -> list[Span]:
    """Sentences of `text` as spans; every non-blank character belongs to exactly one."""
    abbreviations = resources(lang).ABBREVIATIONS
    spans: list[Span] = []
    for start, end in _paragraphs(text):
        cuts = sorted(set(_cuts(text, start, end, abbreviations)))
        begin = start
        for cut in cuts + [end]:
            span = _trimmed(text, begin, cut)
            if span:
                spans.extend(_bounded(text, span))
            begin = cut
    return spans


def _bounded(text: str, span: Span) -> list[Span]:
    """`span`, or its pieces of at most MAX_SENTENCE_CHARS when it is longer."""
    pieces: list[Span] = []
    start = span.start
    while span.end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        floor = start + MAX_SENTENCE_CHARS // 2
        soft = [m.end() for m in _SOFT_BREAK.finditer(text, floor, limit)]
        cut = soft[-1] if soft else text.rfind(" ", floor, limit) + 1 or limit
        piece = _trimmed(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    piece = _trimmed(text, start, span.end)
    if piece:
        pieces.append(piece)
    return pieces


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """A line break always ends a sentence: cleaned text keeps one paragraph per line."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _cuts(text: str, start: int, end: int, abbreviations: frozenset[str]):
    segment = text[start:end]
    for match in _BOUNDARY.finditer(segment):
        cut = start + match.end()
        if _is_boundary(text, start + match.start(), cut, end, abbreviations):
            yield cut
    for match in _GLUED.finditer(segment):
        yield start + match.start()
    yield from _glued_headings(text, start, segment)


# "…in RussiaLa Corea del Nord": a lower-case letter, then a capitalised sentence opener and
# a space. Only listed openers split, so names written in camel case ("YouTube") stay whole.
_CAMEL = re.compile(r"(?<=[a-zà-öø-ÿ]{3})(?=([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*)\s)")


def _glued_headings(text: str, start: int, segment: str):
    openers = frozenset().union(*(r.SENTENCE_OPENERS for r in all_resources()))
    for match in _CAMEL.finditer(segment):
        if match.group(1).lower() in openers:
            yield start + match.start()


def _is_boundary(text: str, punct: int, cut: int, end: int, abbreviations: frozenset[str]) -> bool:
    nxt = _next_visible(text, cut, end)
    if nxt is None:
        return False
    following = text[nxt]
    # Only an upper-case start opens a new sentence: «Perché?», ha chiesto — the comma and
    # the lower-case cue continue the sentence the quote began.
    if following in _OPENERS:
        after = _next_visible(text, nxt + 1, end)
        following = text[after] if after is not None else following
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if text[punct] == ".":
        word = _WORD_BEFORE.search(text[max(0, punct - 40):punct + 1])
        token = word.group(1).rstrip(".").lower() if word else ""
        if token in abbreviations or token.replace(".", "") in abbreviations:
            return False
        # An initial ("J. R. R. Tolkien", "G. Meloni") is not a sentence end.
        if len(token) == 1 and token.isalpha():
            return False
    return True


def _next_visible(text: str, pos: int, end: int) -> int | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos if pos < end else None


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end) if end > start else None
