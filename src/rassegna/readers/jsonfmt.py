"""JSON and JSON Lines: news-please style article records (also used for CSV rows)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rassegna.model import Quarantined, RawDocument

from ._common import (
    ReadError,
    clean_str,
    decode_text,
    first_value,
    join_names,
    normalise_date,
    read_bytes,
    record_id,
    shorten,
    site_of,
)

# Field names are matched case-insensitively, first present wins.
TEXT_FIELDS = ("maintext", "text", "content", "body", "article")
DATE_FIELDS = ("date_publish", "published", "publish_date", "date", "pubdate")
SITE_FIELDS = ("source_domain", "site", "domain")
LANGUAGE_FIELDS = ("language", "lang")
AUTHOR_FIELDS = ("authors", "author", "byline")
LIST_KEYS = ("articles", "items", "documents")  # a .json object wrapping a list of records

NO_TEXT_FIELD = "no text field: expected one of " + "/".join(TEXT_FIELDS)


def record_document(
    record: dict[str, Any], *, doc_id: str, source: str, fmt: str = "json"
) -> RawDocument | Quarantined:
    """One article record (a dict of fields) as a document, or why it cannot be one."""
    fields = _lowercase_keys(record)
    present = [name for name in TEXT_FIELDS if name in fields]
    if not present:
        return Quarantined(source, NO_TEXT_FIELD)
    try:
        # the first body field with a value (news-please may hold `maintext: null`)
        name = next((n for n in present if fields[n] not in (None, "", [])), present[0])
        text = body_text(fields[name], name)
    except ReadError as err:
        return Quarantined(source, err.reason)
    if not text.strip():
        return Quarantined(source, f"empty: no text in '{name}'")
    url = clean_str(fields.get("url"))
    published = normalise_date(first_value(fields, DATE_FIELDS))
    return RawDocument(
        id=doc_id,
        source=source,
        text=text.strip(),
        format=fmt,
        title=clean_str(fields.get("title")),
        byline=join_names(first_value(fields, AUTHOR_FIELDS)),
        published=published,
        published_source="metadata" if published else None,
        language=clean_str(first_value(fields, LANGUAGE_FIELDS)),
        url=url,
        site=clean_str(first_value(fields, SITE_FIELDS)) or site_of(url),
        needs_cleaning=True,
    )


def body_text(value: Any, field: str) -> str:
    """A body field as text: a string, or a list of paragraph strings joined with newlines."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(p.strip() for p in value if isinstance(p, str) and p.strip())
    raise ReadError(f"no text field: '{field}' holds {type(value).__name__}, not text")


def _lowercase_keys(record: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in record.items():
        fields.setdefault(str(key).lower(), value)
    return fields


def read_json(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.json` file: one object, a list of objects, or an object wrapping such a list."""
    text = decode_text(read_bytes(path, max_bytes))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and err.lineno > 1:
            # one object per line in a file named .json: really JSON Lines
            yield from jsonl_records(text, source, doc_id)
            return
        raise ReadError(f"invalid JSON: {err}") from err
    if isinstance(data, dict):
        wrapped = next((data[k] for k in LIST_KEYS if isinstance(data.get(k), list)), None)
        if wrapped is None:
            yield record_document(data, doc_id=doc_id, source=source)
            return
        data = wrapped
    if not isinstance(data, list):
        raise ReadError(f"invalid JSON: top level is {type(data).__name__}, not an object or list")
    if not data:
        raise ReadError("empty: no records")
    for number, item in enumerate(data, start=1):
        yield _numbered_record(item, doc_id, f"{source}:{number}", number)


def read_jsonl(path: Path, source: str, doc_id: str, max_bytes: int) -> Iterator[RawDocument | Quarantined]:
    """A `.jsonl` file: one record per non-blank line; a broken line is quarantined alone.

    Ids and sources number records by line (`stem-LINE`, `path:LINE`), so both point at it.
    """
    yield from jsonl_records(decode_text(read_bytes(path, max_bytes)), source, doc_id)


def jsonl_records(text: str, source: str, stem: str) -> Iterator[RawDocument | Quarantined]:
    """The records of JSON Lines text, numbered by line."""
    # split("\n"), not splitlines(): U+2028 and friends may occur raw inside JSON strings.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue  # a blank line is not a record
        line_source = f"{source}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield Quarantined(line_source, shorten(f"invalid JSON: {err}"))
            continue
        yield _numbered_record(item, stem, line_source, lineno)


def _numbered_record(item: Any, stem: str, source: str, number: int) -> RawDocument | Quarantined:
    if not isinstance(item, dict):
        return Quarantined(source, f"invalid JSON: record is {type(item).__name__}, not an object")
    return record_document(item, doc_id=record_id(item, stem, number), source=source)
