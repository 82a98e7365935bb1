"""`rassegna extract`: the per-document analyses on texts taken as given, JSONL in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import IO, Any

from rassegna.model import Document, RawDocument
from rassegna.pipeline import Options, analyse


def extract_record(record: dict[str, Any], options: Options) -> dict[str, Any]:
    """One output line for one input record; the text is not cleaned, offsets are into it."""
    raw = RawDocument(id=str(record.get("id", "")), source=str(record.get("id", "")),
                      text=str(record.get("text") or ""), format="json",
                      language=record.get("language"), published=record.get("published"),
                      published_source="metadata" if record.get("published") else None,
                      needs_cleaning=False)
    out: dict[str, Any] = {"id": raw.id, "language": None, "entities": [], "attributions": [],
                           "quantities": [], "timexes": []}
    if not isinstance(record.get("text"), str):
        # a feed record ("content", "body") given to extract instead of build: say which field
        # is read rather than report an empty text
        found = ", ".join(sorted(map(str, record))) or "none"
        out["error"] = (f'no "text" string: extract reads the field "text" (fields found: {found}); '
                        f"`rassegna build` reads feed records with other field names")
        return out
    result = analyse(raw, options)
    if not isinstance(result, Document):
        out["error"] = result.reason
        return out
    out["language"] = result.language
    out["entities"] = [asdict(e) for e in result.entities]
    out["attributions"] = [_attribution(a) for a in result.attributions]
    out["quotations"] = [asdict(q) for q in result.quotations]
    out["quantities"] = [asdict(q) for q in result.quantities]
    out["timexes"] = [asdict(t) for t in result.timexes]
    return out


def _attribution(a) -> dict[str, Any]:
    item = asdict(a)
    if not a.spans:
        item.pop("spans")
    else:
        item["spans"] = [list(s) for s in a.spans]
    return item


def extract_lines(source: Iterable[str], sink: IO[str], options: Options) -> tuple[int, int]:
    """Analyse each JSONL line; a bad line yields an output line with an "error" field."""
    count = errors = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a line must be a JSON object")
            out = extract_record(record, options)
        except ValueError as error:
            out = {"id": None, "line": number, "error": f"invalid input line: {error}",
                   "language": None, "entities": [], "attributions": [], "quantities": [],
                   "timexes": []}
        errors += "error" in out
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        count += 1
    return count, errors
