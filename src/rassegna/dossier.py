"""`dossier.json`: serialising a `Dossier`, validating it, and writing files atomically.

The shape is the binding contract in docs/contract.md ("dossier.json"). `validate_dossier` checks
the shape against the packaged JSON Schema; `check_offsets` checks what a schema cannot express:
that every offset lies inside its document's text and quotes exactly the text it claims to.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import jsonschema

from rassegna.model import Document, Dossier

SCHEMA_ID = "rassegna.dossier/1"

# The cross-document lists are already contract-shaped dicts in the Dossier; they pass through.
PASSTHROUGH_LISTS = ("entities", "attributions", "quantities", "claims", "timeline", "reuse", "stories")


# --------------------------------------------------------------------------- serialising


def utc_now_iso() -> str:
    """Current time as ISO 8601 UTC with a `Z`, to the second (stable enough to diff)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def document_to_dict(doc: Document) -> dict[str, Any]:
    """A `Document` as the contract's document object, plus url, site and sentence offsets.

    Per-document mention lists (entities, attributions, ...) are not repeated here: the
    dossier-level lists carry them with ids, which is what the contract specifies.
    """
    return {
        "id": doc.id,
        "source": doc.source,
        "language": doc.language,
        "title": doc.title,
        "byline": doc.byline,
        "published": doc.published,
        "published_source": doc.published_source,
        "credits": list(doc.credits),
        "text": doc.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "story": doc.story,
        "url": doc.url,
        "site": doc.site,
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "quotations": [{"start": q.start, "end": q.end, "text": q.text, "kind": q.kind}
                       for q in doc.quotations],
    }


def dossier_to_dict(dossier: Dossier, *, generated_at: str | None = None) -> dict[str, Any]:
    """The contract's `dossier.json` object. `generated_at` is a parameter so tests can fix it."""
    out: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "generated_at": generated_at if generated_at is not None else utc_now_iso(),
        "inputs": dossier.inputs,
        "quarantined": [{"source": q.source, "reason": q.reason} for q in dossier.quarantined],
        "documents": [document_to_dict(d) for d in dossier.documents],
    }
    for name in PASSTHROUGH_LISTS:
        out[name] = list(getattr(dossier, name))
    return out


# --------------------------------------------------------------------------- validating


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The packaged JSON Schema (draft 2020-12) for dossier.json."""
    ref = resources.files("rassegna").joinpath("schema", "dossier.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """Replace every local `{"$ref": "#/$defs/x"}` by its target (the schema has no recursion).

    Why: jsonschema resolves `$ref`s on every instance, which makes validating a big corpus
    (100k mentions) about 3x slower than validating the same schema with the refs inlined.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def validate_dossier(d: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` (the most relevant error) if `d` breaks the contract's shape."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(d))
    if error is not None:
        raise error


def _span_problems(where: str, texts: dict[str, str], doc: Any, start: Any, end: Any,
                   quoted: str | None = None) -> list[str]:
    """Problems with one [start, end) span into document `doc`; `quoted` is compared when given."""
    if doc not in texts:
        return [f"{where}: unknown document {doc!r}"]
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return [f"{where}: offsets must be integers, got {start!r}, {end!r}"]
    text = texts[doc]
    if not 0 <= start <= end <= len(text):
        return [f"{where}: [{start}, {end}) outside text of {doc!r} (length {len(text)})"]
    if quoted is not None and text[start:end] != quoted:
        return [f"{where}: text[{start}:{end}] of {doc!r} is {text[start:end]!r}, not {quoted!r}"]
    return []


def _check_entities(d: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    for ent in d.get("entities") or []:
        for i, m in enumerate(ent.get("mentions") or []):
            yield from _span_problems(f"entity {ent.get('id')} mention {i}", texts,
                                      m.get("doc"), m.get("start"), m.get("end"))


def _check_attributions(d: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    for att in d.get("attributions") or []:
        doc, aid = att.get("doc"), att.get("id")
        for part in ("content", "source", "cue"):
            span = att.get(part)
            if span is None:  # source and cue may be null
                continue
            yield from _span_problems(f"attribution {aid} {part}", texts, doc,
                                      span.get("start"), span.get("end"), span.get("text"))
        for i, pair in enumerate(att.get("spans") or []):
            if not isinstance(pair, (list, tuple)) or len(pair) != 2:
                yield f"attribution {aid} spans[{i}]: not a [start, end] pair"
                continue
            yield from _span_problems(f"attribution {aid} spans[{i}]", texts, doc, pair[0], pair[1])


def _check_quoted_items(d: dict[str, Any], texts: dict[str, str], key: str, label: str) -> Iterator[str]:
    """Quantities and timeline events: flat {doc, start, end, text} records."""
    for item in d.get(key) or []:
        yield from _span_problems(f"{label} {item.get('id')}", texts, item.get("doc"),
                                  item.get("start"), item.get("end"), item.get("text"))


def _check_reuse(d: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    for r in d.get("reuse") or []:
        a, b = r.get("a"), r.get("b")
        for i, p in enumerate(r.get("passages") or []):
            where = f"reuse {a}~{b} passage {i}"
            yield from _span_problems(f"{where} (a)", texts, a, p.get("a_start"), p.get("a_end"))
            yield from _span_problems(f"{where} (b)", texts, b, p.get("b_start"), p.get("b_end"))


def _check_summaries(d: dict[str, Any], texts: dict[str, str]) -> Iterator[str]:
    # Each citation must quote the summary sentence: the contract forbids prose no source wrote.
    for story in d.get("stories") or []:
        for i, sent in enumerate(story.get("summary") or []):
            where = f"story {story.get('id')} summary {i}"
            citations = sent.get("citations") or []
            if not citations:
                yield f"{where}: no citation"
            for j, c in enumerate(citations):
                yield from _span_problems(f"{where} citation {j}", texts, c.get("doc"),
                                          c.get("start"), c.get("end"), sent.get("text"))


def _check_documents(d: dict[str, Any]) -> Iterator[str]:
    seen: set[str] = set()
    for doc in d.get("documents") or []:
        did = doc.get("id")
        if did in seen:
            yield f"document {did!r}: duplicate id"
        seen.add(did)
        text = doc.get("text") or ""
        for i, pair in enumerate(doc.get("sentences") or []):
            if not (isinstance(pair, (list, tuple)) and len(pair) == 2 and 0 <= pair[0] <= pair[1] <= len(text)):
                yield f"document {did!r} sentence {i}: {pair!r} outside text (length {len(text)})"
        for q in doc.get("quotations") or []:
            if text[q["start"]:q["end"]] != q["text"]:
                yield f"document {did!r} quotation {q['start']}-{q['end']}: text does not match"


def check_offsets(d: dict[str, Any]) -> list[str]:
    """Semantic problems a schema cannot see, as readable strings; an empty list means all is well.

    Every offset must lie inside its document's text, and where a text is quoted,
    `doc.text[start:end]` must equal it. Run on a dict that already passed `validate_dossier`.
    """
    texts = {doc.get("id"): doc.get("text") or "" for doc in d.get("documents") or []}
    problems: list[str] = list(_check_documents(d))
    problems += _check_entities(d, texts)
    problems += _check_attributions(d, texts)
    problems += _check_quoted_items(d, texts, "quantities", "quantity")
    problems += _check_quoted_items(d, texts, "timeline", "timeline event")
    problems += _check_reuse(d, texts)
    problems += _check_summaries(d, texts)
    return problems


# --------------------------------------------------------------------------- atomic writes


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temp file beside `path`; on clean exit fsync it and `os.replace` it onto `path`.

    On any exception the temp file is removed and `path` keeps its previous content: a crash
    never leaves a half-written file under the real name. The temp file lives in the same
    directory because `os.replace` is only atomic within one filesystem.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    # os.open with 0o666 lets the umask decide permissions, like a plain open() would
    # (tempfile.mkstemp would leave the final file 0600).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": ""})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; best effort (not every platform can open a directory)."""
    with contextlib.suppress(OSError):
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def write_json_atomic(obj: Any, path: Path) -> None:
    """Write `obj` as UTF-8 JSON (indent=1, non-ASCII kept) to `path`, atomically.

    NaN/Infinity are refused (ValueError) because they are not JSON and would break readers;
    the previous file then stays intact.
    """
    with atomic_open(Path(path), "w") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=1, allow_nan=False)
        fh.write("\n")


def write_text_atomic(text: str, path: Path) -> None:
    """Write `text` as UTF-8 to `path`, atomically (used for the HTML report)."""
    with atomic_open(Path(path), "w") as fh:
        fh.write(text)
