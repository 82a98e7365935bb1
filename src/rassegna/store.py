"""`rassegna.duckdb`: the dossier as an embedded database, one table per contract list.

Nested lists are flattened into child tables (mentions, removed, quotations, reuse_passages,
summary_sentences) so they can be joined with plain SQL. Every table is created with an explicit
schema even when empty, so queries never fail on a small corpus.

Rows are inserted column-wise: each column goes in as one list parameter and DuckDB `unnest`s
them side by side. That is ~40x faster than `executemany` and needs neither pandas nor pyarrow.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

Row = tuple[Any, ...]

# table -> [(column, DuckDB type)]; the single source of truth for CREATE and INSERT.
TABLES: dict[str, list[tuple[str, str]]] = {
    "meta": [("schema", "VARCHAR"), ("generated_at", "VARCHAR"), ("inputs", "INTEGER")],
    "documents": [
        ("id", "VARCHAR"), ("source", "VARCHAR"), ("language", "VARCHAR"), ("title", "VARCHAR"),
        ("byline", "VARCHAR"), ("published", "VARCHAR"), ("published_source", "VARCHAR"),
        ("credits", "VARCHAR[]"), ("text", "VARCHAR"), ("story", "VARCHAR"), ("url", "VARCHAR"),
        ("site", "VARCHAR"), ("removed_count", "INTEGER"), ("sentence_count", "INTEGER"),
    ],
    "removed": [("doc", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"), ("reason", "VARCHAR")],
    "quotations": [("doc", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                   ("kind", "VARCHAR")],
    "quarantined": [("source", "VARCHAR"), ("reason", "VARCHAR")],
    "entities": [("id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"), ("aliases", "VARCHAR[]")],
    "mentions": [("entity", "VARCHAR"), ("doc", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")],
    "attributions": [
        ("id", "VARCHAR"), ("doc", "VARCHAR"), ("direct", "BOOLEAN"),
        ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content_text", "VARCHAR"),
        ("source_start", "INTEGER"), ("source_end", "INTEGER"), ("source_text", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue_text", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
    ],
    "quantities": [
        ("id", "VARCHAR"), ("doc", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("value", "DOUBLE"), ("low", "DOUBLE"), ("high", "DOUBLE"), ("qualifier", "VARCHAR"),
        ("unit", "VARCHAR"), ("concept", "VARCHAR"), ("speaker", "VARCHAR"),
        ("speaker_name", "VARCHAR"), ("attribution", "VARCHAR"),
    ],
    "claims": [
        ("id", "VARCHAR"), ("story", "VARCHAR"), ("label", "VARCHAR"), ("conflict", "BOOLEAN"),
        ("quantities", "VARCHAR[]"), ("docs", "VARCHAR[]"), ("values", "DOUBLE[]"),
        ("agreement", "VARCHAR"), ("spread_low", "DOUBLE"), ("spread_high", "DOUBLE"),
        ("independent_sources", "INTEGER"),
    ],
    "timeline": [
        ("id", "VARCHAR"), ("story", "VARCHAR"), ("date", "VARCHAR"), ("precision", "VARCHAR"),
        ("text", "VARCHAR"), ("doc", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("documents", "INTEGER"),
    ],
    "reuse": [("a", "VARCHAR"), ("b", "VARCHAR"), ("kind", "VARCHAR"), ("score", "DOUBLE")],
    "reuse_passages": [
        ("a", "VARCHAR"), ("b", "VARCHAR"), ("idx", "INTEGER"),
        ("a_start", "INTEGER"), ("a_end", "INTEGER"), ("b_start", "INTEGER"), ("b_end", "INTEGER"),
    ],
    "stories": [
        ("id", "VARCHAR"), ("label", "VARCHAR"), ("independent_sources", "INTEGER"), ("documents", "VARCHAR[]"),
    ],
    # One row per (summary sentence, citation); a sentence without citations gets one row with NULLs.
    "summary_sentences": [
        ("story", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"),
        ("doc", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
    ],
}

_CHUNK = 50_000  # rows per INSERT: bounds the size of the list parameters


def _q(name: str) -> str:
    """Quote an identifier: `end`, `values` and friends are SQL keywords."""
    return '"' + name.replace('"', '""') + '"'


# --------------------------------------------------------------------------- rows per table


def _span(obj: dict[str, Any] | None) -> tuple[Any, Any, Any]:
    if not obj:
        return (None, None, None)
    return (obj.get("start"), obj.get("end"), obj.get("text"))


def _floats(values: Iterable[Any] | None) -> list[float | None] | None:
    return None if values is None else [None if v is None else float(v) for v in values]


def _rows_meta(d: dict[str, Any]) -> Iterator[Row]:
    yield (d.get("schema"), d.get("generated_at"), d.get("inputs"))


def _rows_documents(d: dict[str, Any]) -> Iterator[Row]:
    for doc in d.get("documents") or []:
        yield (
            doc.get("id"), doc.get("source"), doc.get("language"), doc.get("title"), doc.get("byline"),
            doc.get("published"), doc.get("published_source"), list(doc.get("credits") or []),
            doc.get("text"), doc.get("story"), doc.get("url"), doc.get("site"),
            len(doc.get("removed") or []), len(doc.get("sentences") or []),
        )


def _rows_removed(d: dict[str, Any]) -> Iterator[Row]:
    for doc in d.get("documents") or []:
        for i, r in enumerate(doc.get("removed") or []):
            yield (doc.get("id"), i, r.get("text"), r.get("reason"))


def _rows_quotations(d: dict[str, Any]) -> Iterator[Row]:
    for doc in d.get("documents") or []:
        for q in doc.get("quotations") or []:
            yield (doc.get("id"), q.get("start"), q.get("end"), q.get("text"), q.get("kind"))


def _rows_quarantined(d: dict[str, Any]) -> Iterator[Row]:
    for q in d.get("quarantined") or []:
        yield (q.get("source"), q.get("reason"))


def _rows_entities(d: dict[str, Any]) -> Iterator[Row]:
    for e in d.get("entities") or []:
        yield (e.get("id"), e.get("name"), e.get("type"), list(e.get("aliases") or []))


def _rows_mentions(d: dict[str, Any]) -> Iterator[Row]:
    for e in d.get("entities") or []:
        for m in e.get("mentions") or []:
            yield (e.get("id"), m.get("doc"), m.get("start"), m.get("end"))


def _rows_attributions(d: dict[str, Any]) -> Iterator[Row]:
    for a in d.get("attributions") or []:
        yield (a.get("id"), a.get("doc"), a.get("direct"), *_span(a.get("content")),
               *_span(a.get("source")), a.get("speaker"), *_span(a.get("cue")), a.get("speaker_name"))


def _rows_quantities(d: dict[str, Any]) -> Iterator[Row]:
    for q in d.get("quantities") or []:
        yield (q.get("id"), q.get("doc"), q.get("start"), q.get("end"), q.get("text"),
               *_floats([q.get("value"), q.get("low"), q.get("high")]),
               q.get("qualifier"), q.get("unit"), q.get("concept"), q.get("speaker"),
               q.get("speaker_name"), q.get("attribution"))


def _rows_claims(d: dict[str, Any]) -> Iterator[Row]:
    for c in d.get("claims") or []:
        yield (c.get("id"), c.get("story"), c.get("label"), c.get("conflict"),
               list(c.get("quantities") or []), list(c.get("docs") or []), _floats(c.get("values") or []),
               c.get("agreement"), *_floats([(c.get("spread") or {}).get("low"), (c.get("spread") or {}).get("high")]),
               c.get("independent_sources"))


def _rows_timeline(d: dict[str, Any]) -> Iterator[Row]:
    for t in d.get("timeline") or []:
        yield (t.get("id"), t.get("story"), t.get("date"), t.get("precision"), t.get("text"),
               t.get("doc"), t.get("start"), t.get("end"), t.get("documents"))


def _rows_reuse(d: dict[str, Any]) -> Iterator[Row]:
    for r in d.get("reuse") or []:
        score = r.get("score")
        yield (r.get("a"), r.get("b"), r.get("kind"), None if score is None else float(score))


def _rows_reuse_passages(d: dict[str, Any]) -> Iterator[Row]:
    for r in d.get("reuse") or []:
        for i, p in enumerate(r.get("passages") or []):
            yield (r.get("a"), r.get("b"), i, p.get("a_start"), p.get("a_end"), p.get("b_start"), p.get("b_end"))


def _rows_stories(d: dict[str, Any]) -> Iterator[Row]:
    for s in d.get("stories") or []:
        yield (s.get("id"), s.get("label"), s.get("independent_sources"), list(s.get("documents") or []))


def _rows_summary_sentences(d: dict[str, Any]) -> Iterator[Row]:
    for s in d.get("stories") or []:
        for i, sent in enumerate(s.get("summary") or []):
            citations = sent.get("citations") or [{}]
            for c in citations:
                yield (s.get("id"), i, sent.get("text"), c.get("doc"), c.get("start"), c.get("end"))


_ROWS = {
    "meta": _rows_meta, "documents": _rows_documents, "removed": _rows_removed,
    "quotations": _rows_quotations, "quarantined": _rows_quarantined, "entities": _rows_entities, "mentions": _rows_mentions,
    "attributions": _rows_attributions, "quantities": _rows_quantities, "claims": _rows_claims,
    "timeline": _rows_timeline, "reuse": _rows_reuse, "reuse_passages": _rows_reuse_passages,
    "stories": _rows_stories, "summary_sentences": _rows_summary_sentences,
}
assert _ROWS.keys() == TABLES.keys()


# --------------------------------------------------------------------------- writing


def _create_table(con: duckdb.DuckDBPyConnection, table: str) -> None:
    cols = ", ".join(f"{_q(name)} {typ}" for name, typ in TABLES[table])
    con.execute(f"CREATE TABLE {_q(table)} ({cols})")


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[Row]) -> None:
    """Insert `rows` column-wise: one typed list parameter per column, unnested in parallel."""
    columns = TABLES[table]
    select = ", ".join(f"unnest(${i + 1}::{typ}[])" for i, (_, typ) in enumerate(columns))
    sql = f"INSERT INTO {_q(table)} SELECT {select}"
    for k in range(0, len(rows), _CHUNK):
        chunk = rows[k:k + _CHUNK]
        con.execute(sql, [list(col) for col in zip(*chunk)])


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_store(d: dict[str, Any], path: Path) -> None:
    """Write the dossier dict `d` to a DuckDB file at `path`, atomically.

    Builds `<path>.duckdb.tmp` from scratch (a stale one from a crash is discarded), closes it,
    then `os.replace`s it onto `path`: readers see the old database or the new one, never half.
    """
    path = Path(path)
    tmp = path.with_suffix(".duckdb.tmp")
    for stale in (tmp, Path(f"{tmp}.wal")):
        _remove(stale)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute("BEGIN TRANSACTION")
            for table in TABLES:
                _create_table(con, table)
                rows = list(_ROWS[table](d))
                if rows:
                    _insert_rows(con, table, rows)
            con.execute("COMMIT")
            con.execute("CHECKPOINT")  # fold the WAL into the file before it is moved
        finally:
            con.close()
        _fsync_file(tmp)
        # A WAL left by the old database would be replayed onto the new one: drop it first.
        _remove(Path(f"{path}.wal"))
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        _remove(Path(f"{tmp}.wal"))
        raise


# --------------------------------------------------------------------------- reading


def read_table(path: Path, table: str) -> list[dict[str, Any]]:
    """All rows of `table` as dicts (column -> value); handy in tests and scripts."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    con = duckdb.connect(str(path), read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM {_q(table)}")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()
