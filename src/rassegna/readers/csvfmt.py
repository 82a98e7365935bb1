"""CSV files: one article per row, fields named as in JSON records (case-insensitive)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from rassegna.model import Quarantined, RawDocument

from ._common import ReadError, decode_text, read_bytes, record_id, shorten
from .jsonfmt import TEXT_FIELDS, record_document

# Article bodies easily exceed csv's default 128 KB cell limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

_DELIMITERS = ",;\t|"


def read_csv(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.csv` file: each data row is a record; no text column quarantines the file."""
    text = decode_text(read_bytes(path, max_bytes))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    if not any(c.strip().lower() in TEXT_FIELDS for c in columns):
        raise ReadError(shorten(f"no text field: columns were {', '.join(columns) or 'none'}"))
    rows = 0
    try:
        for number, row in enumerate(reader, start=1):
            rows = number
            # Strip header whitespace; drop the None key csv uses for surplus cells.
            fields = {k.strip(): v for k, v in row.items() if k is not None}
            yield record_document(
                fields, doc_id=record_id(fields, doc_id, number), source=f"{source}:{number}", fmt="csv"
            )
    except csv.Error as err:
        raise ReadError(f"unreadable: malformed CSV after row {rows} ({err})") from err
    if rows == 0:
        raise ReadError("empty: no rows")


def _sniff_delimiter(text: str) -> str:
    """The delimiter, sniffed from the header line only: article text is full of commas
    and semicolons, and the quoting rules stay the standard (excel) ones."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","  # a single column, or could not tell
