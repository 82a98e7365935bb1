"""HTML pages → documents, with trafilatura doing the boilerplate removal.

`extract_article` is the one extraction function: the HTML and WARC readers use it, and so
does the extraction benchmark (`rassegna.evaluate.extraction`), so the score measured there
is the score of what the readers do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura.settings import set_date_params

from rassegna.model import Quarantined, RawDocument

from ._common import clean_str, decode_text, normalise_date, read_bytes, site_of

# Chosen on the article-extraction benchmark (181 pages, see evaluate/extraction.py):
#   defaults F1 0.960 · favor_precision 0.964 (P .958 R .971) · favor_recall 0.959 ·
#   tables off 0.957 · deduplicate 0.951 · fast (no fallback) 0.962 · precision+fast 0.946.
# Precision matters more downstream anyway: boilerplate in a body pollutes every later stage.
EXTRACTION_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "favor_recall": False,
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "include_links": False,
    "include_images": False,
    "deduplicate": False,
}

# Fewer words than this is navigation or an error page that trafilatura's fallback picked
# up ("Home Cronaca"), not an article; the shortest benchmark article has 66 words.
MIN_ARTICLE_WORDS = 10
_WORD = re.compile(r"\w+")

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3})\b", re.I)


@dataclass(frozen=True)
class Extracted:
    """What trafilatura found in a page: the article body and the metadata it states."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def decode_html(data: bytes) -> str:
    """Decode a page, honouring a `<meta charset>` that names a non-UTF-8 encoding."""
    declared = _META_CHARSET.search(data[:4096])
    return decode_text(data, declared.group(1).decode("ascii") if declared else None)


def looks_like_html(data: bytes) -> bool:
    """Whether content starts like an HTML page (for files and responses of unknown type)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def extract_article(html: str, url: str | None = None) -> Extracted | None:
    """The article body and metadata of a page, or None when trafilatura finds no body
    (or only a few words of navigation)."""
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        # Only dates the page states (meta tags, JSON-LD, <time>, URL): the extensive
        # search would turn a footer's "© 2023" into a published date of 2023-01-01.
        date_extraction_params=set_date_params(extensive=False),
        **EXTRACTION_OPTIONS,
    )
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(_WORD.findall(text)) < MIN_ARTICLE_WORDS:
        return None
    lang = _HTML_LANG.search(html[:8192])
    return Extracted(
        text=text,
        title=clean_str(found.title),
        author=clean_str(found.author),
        date=normalise_date(found.date),
        sitename=clean_str(found.sitename),
        url=clean_str(found.url) or url,
        language=lang.group(1).lower() if lang else clean_str(found.language),
    )


def html_document(
    html: str,
    *,
    doc_id: str,
    source: str,
    url: str | None = None,
    fallback_date: str | None = None,
) -> RawDocument | Quarantined:
    """One page as a document, or quarantined when no article text is found."""
    article = extract_article(html, url=url)
    if article is None:
        return Quarantined(source, "empty: no article text found")
    published = article.date or fallback_date
    page_url = url or article.url  # the URL it was fetched from, else what the page states
    return RawDocument(
        id=doc_id,
        source=source,
        text=article.text,
        format="html",
        title=article.title,
        byline=article.author,
        published=published,
        published_source="metadata" if published else None,
        language=article.language,
        url=page_url,
        site=article.sitename or site_of(page_url),
        needs_cleaning=False,
    )


def read_html(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.html`/`.htm` file (optionally gzipped): one record."""
    html = decode_html(read_bytes(path, max_bytes))
    yield html_document(html, doc_id=doc_id, source=source)


__all__ = ["Extracted", "decode_html", "extract_article", "html_document", "looks_like_html", "read_html"]
