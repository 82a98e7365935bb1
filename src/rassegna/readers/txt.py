"""Plain-text articles: the body as read; the cleaning stage parses any header lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rassegna.model import Quarantined, RawDocument

from ._common import decode_text, read_bytes


def text_document(text: str, *, doc_id: str, source: str) -> RawDocument:
    return RawDocument(id=doc_id, source=source, text=text, format="txt", needs_cleaning=True)


def read_txt(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.txt` file (optionally gzipped): one record."""
    yield text_document(decode_text(read_bytes(path, max_bytes)), doc_id=doc_id, source=source)
