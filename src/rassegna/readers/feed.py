"""RSS and Atom feeds: one document per entry, with the entry's HTML reduced to text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
from lxml import etree

from rassegna.model import Quarantined, RawDocument

from ._common import (
    ReadError,
    check_not_binary,
    clean_str,
    read_bytes,
    shorten,
    site_of,
)

# Elements that end a paragraph-like block: their end becomes a line break in the text.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "table", "section", "article", "figure", "figcaption", "hr",
}
_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "template")


def read_feed(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.rss`/`.atom`/`.xml` feed file: each entry is a record."""
    data = read_bytes(path, max_bytes)
    check_not_binary(data)
    # feedparser on bytes: it reads the XML encoding declaration itself, and never fetches.
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            problem = parsed.get("bozo_exception") or "no feed elements found"
            raise ReadError(shorten(f"unreadable: not an RSS/Atom feed: {problem}"))
        raise ReadError("empty: feed has no entries")
    site = clean_str(parsed.feed.get("title"))
    language = clean_str(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield entry_document(
            entry, doc_id=f"{doc_id}-{number}", source=f"{source}:{number}", site=site, language=language
        )


def entry_document(
    entry: Any, *, doc_id: str, source: str, site: str | None = None, language: str | None = None
) -> RawDocument | Quarantined:
    """One feed entry as a document; its full content if given, else its summary."""
    contents = entry.get("content") or []
    fragment = (contents[0].get("value") if contents else None) or entry.get("summary") or ""
    text = html_fragment_to_text(fragment)
    if not text:
        return Quarantined(source, "empty: feed entry has no text")
    url = clean_str(entry.get("link"))
    published = _entry_date(entry)
    return RawDocument(
        id=doc_id,
        source=source,
        text=text,
        format="feed",
        title=clean_str(entry.get("title")),
        byline=clean_str(entry.get("author")),
        published=published,
        published_source="metadata" if published else None,
        language=clean_str(entry.get("language")) or language,
        url=url,
        site=site or site_of(url),
        needs_cleaning=True,
    )


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", stamp) if stamp else None


def html_fragment_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one line per paragraph-like block."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    etree.strip_elements(root, *_DROP, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
