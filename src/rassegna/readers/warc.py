"""WARC archives: each HTML `response` record is an article, extracted like an HTML file.

Request, metadata, warcinfo and revisit records are not articles and not records. A WARC is
streamed, so `max_bytes` limits each response's payload rather than the whole archive.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from rassegna.model import Quarantined, RawDocument

from ._common import ReadError, decode_text, shorten
from .html import decode_html, html_document, looks_like_html

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_MB = 1024 * 1024


def read_warc(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.warc`/`.warc.gz` file; a damaged archive keeps the records read before the damage."""
    done = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number = done + 1
                yield response_document(
                    record, doc_id=f"{doc_id}-{number}", source=f"{source}:{number}", max_bytes=max_bytes
                )
                done = number
    except Exception as err:  # warcio raises ArchiveLoadFailed, EOFError, OSError, zlib errors…
        raise ReadError(shorten(f"unreadable: corrupt WARC after {done} responses ({err})")) from err
    if done == 0:
        raise ReadError("empty: no HTTP responses in WARC")


def response_document(
    record: ArcWarcRecord, *, doc_id: str, source: str, max_bytes: int
) -> RawDocument | Quarantined:
    """One `response` record: an HTML page becomes a document, anything else is quarantined."""
    http = record.http_headers
    status = http.get_statuscode() if http else None
    if status and not status.startswith("2"):
        return Quarantined(source, f"not an article: HTTP status {status}")
    content_type = (http.get_header("Content-Type") if http else None) or ""
    mime = content_type.split(";")[0].strip().lower()
    if mime and "html" not in mime:
        return Quarantined(source, shorten(f"not HTML: {mime}"))
    # Stream errors while reading the payload propagate: the archive itself is damaged.
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Quarantined(source, f"too large: response > limit {max_bytes / _MB:.1f} MB")
    if not mime and not looks_like_html(payload):
        return Quarantined(source, "not HTML: no content type, content is not HTML")
    warc_date = record.rec_headers.get_header("WARC-Date")
    try:
        charset = _CHARSET.search(content_type)
        html = decode_text(payload, charset.group(1)) if charset else decode_html(payload)
        return html_document(
            html,
            doc_id=doc_id,
            source=source,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            fallback_date=warc_date[:10] if warc_date else None,
        )
    except ReadError as err:
        return Quarantined(source, err.reason)
    except Exception as err:  # an extraction failure spoils this record, not the archive
        return Quarantined(source, shorten(f"unreadable: extraction failed: {type(err).__name__}: {err}"))
