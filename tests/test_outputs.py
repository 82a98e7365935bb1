"""The three outputs of `rassegna build`: dossier.json, rassegna.duckdb and index.html."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import jsonschema
import pytest

from rassegna.dossier import (
    check_offsets,
    dossier_to_dict,
    validate_dossier,
    write_json_atomic,
    write_text_atomic,
)
from rassegna.model import Document, Dossier, Quarantined, Removed, Span
from rassegna.report import render_report, write_report
from rassegna.store import TABLES, read_table, write_store

GENERATED_AT = "2024-11-01T12:00:00Z"
TEXT1 = "Mark Rutte ha detto che circa 10.000 soldati sono in Russia.\n\nLa NATO conferma."
TEXT2 = "Secondo Rutte, 12mila soldati nordcoreani sono stati inviati a giugno 2024."
TEXT3 = "Test di sicurezza: <script>alert(1)</script> & altro."


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_dossier() -> Dossier:
    docs = [
        Document(
            id="d1", source="corpus/d1.txt", text=TEXT1, language="it", title="Soldati in Russia",
            byline="Anna Bianchi", published="2024-10-28", published_source="text", credits=["AFP"],
            site="Il Quotidiano", url="https://example.org/d1",
            removed=[Removed("Leggi tutto", "page-furniture"), Removed("Condividi 42", "share-counter")],
            sentences=[Span.of(TEXT1, 0, 60)], story="s1",
        ),
        Document(
            id="d2", source="corpus/d2.html", text=TEXT2, language="it", published="2024-11",
            published_source="metadata", removed=[Removed("Iscriviti alla newsletter", "newsletter-prompt")],
            story="s1",
        ),
        Document(id="d3", source="corpus/d3.txt", text=TEXT3, language="en"),
    ]
    rutte1, rutte2 = _span(TEXT1, "Mark Rutte"), _span(TEXT2, "Rutte")
    q1, q2 = _span(TEXT1, "circa 10.000 soldati"), _span(TEXT2, "12mila soldati")
    content = _span(TEXT1, "circa 10.000 soldati sono in Russia")
    cue = _span(TEXT1, "ha detto")
    event = _span(TEXT2, "12mila soldati nordcoreani sono stati inviati a giugno 2024")
    return Dossier(
        inputs=4,
        documents=docs,
        quarantined=[Quarantined("corpus/broken.warc", "unreadable WARC record")],
        entities=[{"id": "e1", "name": "Mark Rutte", "type": "PER", "aliases": ["Rutte", "Mark Rutte"],
                   "mentions": [{"doc": "d1", "start": rutte1[0], "end": rutte1[1]},
                                {"doc": "d2", "start": rutte2[0], "end": rutte2[1]}]}],
        attributions=[{"id": "a1", "doc": "d1", "direct": False, "speaker": "e1",
                       "content": {"start": content[0], "end": content[1], "text": TEXT1[slice(*content)]},
                       "source": {"start": rutte1[0], "end": rutte1[1], "text": "Mark Rutte"},
                       "cue": {"start": cue[0], "end": cue[1], "text": "ha detto"}}],
        quantities=[
            {"id": "q1", "doc": "d1", "start": q1[0], "end": q1[1], "text": "circa 10.000 soldati", "value": 10000,
             "low": None, "high": None, "qualifier": "approx", "unit": None, "concept": "soldati", "speaker": "e1"},
            {"id": "q2", "doc": "d2", "start": q2[0], "end": q2[1], "text": "12mila soldati", "value": 12000,
             "low": None, "high": None, "qualifier": "exact", "unit": None, "concept": "soldati", "speaker": None},
        ],
        claims=[{"id": "c1", "story": "s1", "label": "soldati nordcoreani in Russia", "quantities": ["q1", "q2"],
                 "docs": ["d1", "d2"], "values": [10000, 12000], "conflict": True}],
        timeline=[{"id": "t1", "story": "s1", "date": "2024-06", "precision": "month",
                   "text": TEXT2[slice(*event)], "doc": "d2", "start": event[0], "end": event[1]}],
        reuse=[{"a": "d1", "b": "d2", "kind": "shared-passages", "score": 0.31,
                "passages": [{"a_start": 0, "a_end": 5, "b_start": 0, "b_end": 5}]}],
        stories=[{"id": "s1", "label": "Truppe nordcoreane", "documents": ["d1", "d2"], "independent_sources": 2,
                  "summary": [{"text": TEXT2, "citations": [{"doc": "d2", "start": 0, "end": len(TEXT2)}]}]}],
    )


@pytest.fixture
def d() -> dict:
    return dossier_to_dict(make_dossier(), generated_at=GENERATED_AT)


# --------------------------------------------------------------------------- dossier.json


def test_dossier_to_dict_shape(d: dict) -> None:
    assert d["schema"] == "rassegna.dossier/1"
    assert d["generated_at"] == GENERATED_AT
    assert [doc["id"] for doc in d["documents"]] == ["d1", "d2", "d3"]
    first = d["documents"][0]
    assert first["removed"][0] == {"text": "Leggi tutto", "reason": "page-furniture"}
    assert first["sentences"] == [[0, 60]]
    assert first["url"] == "https://example.org/d1" and first["site"] == "Il Quotidiano"
    assert d["quarantined"] == [{"source": "corpus/broken.warc", "reason": "unreadable WARC record"}]
    assert d["claims"][0]["conflict"] is True


def test_dossier_validates_and_offsets_are_right(d: dict) -> None:
    validate_dossier(d)
    assert check_offsets(d) == []


def test_default_generated_at_is_utc() -> None:
    d = dossier_to_dict(Dossier(inputs=0, documents=[]))
    assert d["generated_at"].endswith("Z")
    validate_dossier(d)  # an empty corpus with empty lists is a valid dossier


@pytest.mark.parametrize("mutate", [
    lambda d: d["documents"][0].__setitem__("published_source", "guess"),
    lambda d: d.pop("documents"),
    lambda d: d.__setitem__("schema", "rassegna.dossier/2"),
    lambda d: d["entities"][0].__setitem__("type", "PERSON"),
    lambda d: d["quantities"][0].__setitem__("qualifier", "about"),
    lambda d: d["reuse"][0].__setitem__("kind", "copy"),
    lambda d: d["entities"][0]["mentions"][0].__setitem__("start", -1),
    lambda d: d["quantities"][0].__setitem__("start", 1.5),
    lambda d: d["documents"][1].pop("title"),
    lambda d: d["attributions"][0].__setitem__("direct", "yes"),
    lambda d: d["quantities"][0].update(qualifier="range", low=None),
])
def test_broken_dossier_fails_validation(d: dict, mutate) -> None:
    broken = copy.deepcopy(d)
    mutate(broken)
    with pytest.raises(jsonschema.ValidationError):
        validate_dossier(broken)


def test_nullable_fields_validate(d: dict) -> None:
    doc = d["documents"][2]
    assert doc["published_source"] is None and doc["story"] is None and doc["title"] is None
    d["attributions"][0].update(source=None, cue=None, speaker=None)
    validate_dossier(d)


def test_check_offsets_catches_wrong_offsets(d: dict) -> None:
    d["entities"][0]["mentions"][0]["end"] = 10_000            # outside the text
    d["quantities"][0]["start"] += 1                           # no longer quotes its text
    d["attributions"][0]["cue"]["text"] = "ha negato"          # quoted text differs
    d["timeline"][0]["doc"] = "nope"                           # unknown document
    d["reuse"][0]["passages"][0]["b_end"] = len(TEXT2) + 1     # outside doc b
    d["stories"][0]["summary"][0]["citations"][0]["start"] = 3  # citation no longer the sentence
    problems = check_offsets(d)
    for marker in ("entity e1 mention 0", "quantity q1", "attribution a1 cue", "timeline event t1",
                   "reuse d1~d2 passage 0 (b)", "story s1 summary 0 citation 0"):
        assert any(p.startswith(marker) for p in problems), (marker, problems)


def test_write_json_atomic_round_trips(tmp_path: Path, d: dict) -> None:
    out = tmp_path / "dossier.json"
    write_json_atomic(d, out)
    assert json.loads(out.read_text(encoding="utf-8")) == d
    assert "Mark Rutte" in out.read_text(encoding="utf-8")
    assert "\\u" not in out.read_text(encoding="utf-8")  # ensure_ascii=False
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]  # no temp file left


def test_crash_during_write_keeps_previous_file(tmp_path: Path, d: dict, monkeypatch) -> None:
    out = tmp_path / "dossier.json"
    write_json_atomic({"old": True}, out)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(json, "dump", boom)
    with pytest.raises(RuntimeError):
        write_json_atomic(d, out)
    monkeypatch.undo()
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(RuntimeError):
        write_json_atomic(d, out)
    assert json.loads(out.read_text(encoding="utf-8")) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]


def test_nan_is_refused_and_previous_file_kept(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    write_text_atomic("{}", out)
    with pytest.raises(ValueError):
        write_json_atomic({"v": float("nan")}, out)
    assert out.read_text() == "{}"


# --------------------------------------------------------------------------- rassegna.duckdb


def test_write_store_tables_and_counts(tmp_path: Path, d: dict) -> None:
    db = tmp_path / "rassegna.duckdb"
    write_store(d, db)
    expected = {"meta": 1, "documents": 3, "removed": 3, "quotations": 0, "quarantined": 1, "entities": 1, "mentions": 2,
                "attributions": 1, "quantities": 2, "claims": 1, "timeline": 1, "reuse": 1, "reuse_passages": 1,
                "stories": 1, "summary_sentences": 1}
    assert expected.keys() == TABLES.keys()
    for table, n in expected.items():
        assert len(read_table(db, table)) == n, table
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rassegna.duckdb"]

    docs = {r["id"]: r for r in read_table(db, "documents")}
    assert sorted(docs) == ["d1", "d2", "d3"]
    assert docs["d1"]["credits"] == ["AFP"] and docs["d1"]["removed_count"] == 2
    claim = read_table(db, "claims")[0]
    assert claim["values"] == [10000.0, 12000.0] and claim["docs"] == ["d1", "d2"]
    att = read_table(db, "attributions")[0]
    assert att["cue_text"] == "ha detto" and att["speaker"] == "e1"
    mention = read_table(db, "mentions")[0]
    assert TEXT1[mention["start"]:mention["end"]] == "Mark Rutte"

    import duckdb  # a plain SQL query, as a user of the database would write it
    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    assert ids == ["d1", "d2", "d3"]


def test_write_store_empty_lists_and_overwrite(tmp_path: Path, d: dict) -> None:
    db = tmp_path / "rassegna.duckdb"
    write_store(d, db)
    (tmp_path / "rassegna.duckdb.tmp").write_text("stale junk from a crash")
    empty = dossier_to_dict(Dossier(inputs=0, documents=[]), generated_at=GENERATED_AT)
    write_store(empty, db)  # replaces the old database, ignores the stale temp file
    for table in TABLES:
        assert read_table(db, table) == [] or table == "meta", table
    assert read_table(db, "meta") == [{"schema": "rassegna.dossier/1", "generated_at": GENERATED_AT, "inputs": 0}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rassegna.duckdb"]


def test_read_table_rejects_unknown_table(tmp_path: Path, d: dict) -> None:
    db = tmp_path / "r.duckdb"
    write_store(d, db)
    with pytest.raises(ValueError):
        read_table(db, "documents; DROP TABLE documents")


# --------------------------------------------------------------------------- index.html


def test_report_escapes_corpus_text(d: dict) -> None:
    html = render_report(d)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "&amp; altro" in html


def test_report_is_offline(d: dict) -> None:
    html = render_report(d)
    for bad in ('src="http', "src='http", 'href="http', "href='http", "@import", "url(", "<link"):
        assert bad not in html, bad
    # The only http(s) text is the corpus URL, shown as escaped text, never as a link.
    assert "https://example.org/d1" in html
    del d["documents"][0]["url"]
    assert "http://" not in render_report(d) and "https://" not in render_report(d)


def test_report_content(d: dict) -> None:
    html = render_report(d)
    assert "unreadable WARC record" in html and "corpus/broken.warc" in html  # quarantine
    assert "<del>Leggi tutto</del>" in html and "page-furniture" in html      # removed pieces
    assert "Iscriviti alla newsletter" in html
    assert "Soldati in Russia" in html and "Il Quotidiano" in html and "AFP" in html
    assert "Truppe nordcoreane" in html and "Mark Rutte" in html
    assert "conflict" in html and "10,000" in html and "12,000" in html
    assert "<svg" in html and "2024-10: 1" in html  # month chart
    assert "white-space: pre-wrap" in html


def test_report_empty_sections(tmp_path: Path) -> None:
    d = dossier_to_dict(Dossier(inputs=1, documents=[Document(id="x", source="x.txt", text="ciao")]),
                        generated_at=GENERATED_AT)
    html = render_report(d)
    assert html.count("none found yet") >= 5
    assert "<svg" not in html  # no dates, no chart
    out = tmp_path / "index.html"
    write_report(d, out)
    assert out.read_text(encoding="utf-8") == html
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]


def test_write_store_crash_keeps_previous_database(tmp_path: Path, d: dict, monkeypatch) -> None:
    db = tmp_path / "rassegna.duckdb"
    write_store(d, db)

    def boom(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(RuntimeError):
        write_store(dossier_to_dict(Dossier(inputs=0, documents=[]), generated_at=GENERATED_AT), db)
    monkeypatch.undo()
    assert len(read_table(db, "documents")) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rassegna.duckdb"]


def test_report_quotes_name_the_speaker_and_list_quoted_words(d: dict) -> None:
    att = d["attributions"][0]
    entity = d["entities"][0]
    att["speaker"] = entity["id"]
    doc = next(x for x in d["documents"] if x["id"] == att["doc"])
    word = doc["text"].split()[0]
    doc["quotations"] = [{"start": 0, "end": len(word), "text": word, "kind": "scare"}]
    html = render_report(d)
    quotes = html[html.index('id="quotes"'):html.index('id="claims"')]
    assert f"<td>{entity['name']}" in quotes and f">{entity['id']}<" not in quotes
    assert "Quoted words, titles and names" in quotes and f"“{word}”" in quotes


def test_report_filter_reaches_entities_quotes_claims_and_timeline(d: dict) -> None:
    import re
    html = render_report(d)
    filters = re.findall(r'<(tr|details)[^>]*data-filter="([^"]*)"', html)
    assert filters and all(f == f.lower() for _, f in filters)
    # one box filters every list: a name finds its entity row, its quotes and its claims' figures
    assert sum("mark rutte" in f for _, f in filters) >= 2
    assert html.count('id="doc-filter"') == 1 and html.index('id="doc-filter"') < html.index('id="stories"')


def test_a_large_dossier_shows_the_first_rows_and_says_where_the_rest_are(d: dict, monkeypatch) -> None:
    import rassegna.report as report
    big = json.loads(json.dumps(d))
    big["entities"] = [dict(big["entities"][0], id=f"e{i}", name=f"Zqxname{i}") for i in range(30)]
    monkeypatch.setattr(report, "REPORT_LIMITS", {**report.REPORT_LIMITS, "entities": 10, "texts": 1})
    html = render_report(big)
    section = html[html.index('id="entities"'):html.index('id="quotes"')]
    assert section.count(">Zqxname") == 10 and "… and 20 more" in section
    assert html.count('class="document"') == 1 and f"… and {len(big['documents']) - 1} more" in html
    assert "rassegna serve" in html
