"""Readers: each format's fields, and every bad input ending as one Quarantined record."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rassegna.model import Quarantined, RawDocument
from rassegna.readers import read_inputs
from rassegna.readers._common import normalise_date

PARAGRAPHS = [
    "Il ponte sul fiume Serchio, chiuso dal marzo 2021 per lavori di consolidamento, riaprirà "
    "al traffico lunedì mattina. Lo ha annunciato il sindaco in una conferenza stampa, "
    "spiegando che i lavori sono costati 4,2 milioni di euro.",
    "«È una giornata importante per tutta la valle», ha detto il sindaco. I pendolari diretti a "
    "Lucca eviteranno una deviazione di oltre venti chilometri, che negli ultimi due anni ha "
    "allungato i tempi di viaggio di mezz'ora.",
    "Secondo la provincia il ponte può ora sostenere mezzi pesanti fino a 44 tonnellate. Un "
    "secondo lotto di lavori, dedicato alla pista ciclabile, partirà in autunno.",
]
ARTICLE = "\n".join(PARAGRAPHS)


def html_page(*, script: str = "", lang: str = "it-IT") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + script + f"<p>{PARAGRAPHS[2]}</p>"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>Il ponte sul Serchio riapre | Gazzetta di Prova</title>
<meta property="og:title" content="Il ponte sul Serchio riapre">
<meta property="og:site_name" content="Gazzetta di Prova">
<meta name="author" content="Giulia Ferri">
<meta property="article:published_time" content="2023-05-14T09:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/cronaca">Cronaca</a> <a href="/sport">Sport</a></nav>
<article><h1>Il ponte sul Serchio riapre</h1>{body}</article>
<footer>© 2023 Gazzetta di Prova. Iscriviti alla newsletter.</footer>
</body></html>"""


def read(*paths: Path, **kwargs) -> tuple[list[RawDocument], list[Quarantined]]:
    records = list(read_inputs(list(paths), **kwargs))
    docs = [r for r in records if isinstance(r, RawDocument)]
    quarantined = [r for r in records if isinstance(r, Quarantined)]
    assert len(docs) + len(quarantined) == len(records)
    return docs, quarantined


# --- formats -----------------------------------------------------------------------------


def test_txt(tmp_path: Path) -> None:
    path = tmp_path / "000_1017ba8a86d01b77.txt"
    path.write_text("Il ponte riapre\n\n" + ARTICLE, encoding="utf-8")
    (doc,), quarantined = read(path)
    assert not quarantined
    assert doc.id == "000_1017ba8a86d01b77"
    assert doc.source == str(path)
    assert doc.text.startswith("Il ponte riapre\n\nIl ponte sul fiume Serchio")
    assert doc.format == "txt" and doc.needs_cleaning


def test_txt_with_bom_is_stripped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (doc,), _ = read(tmp_path)
    assert doc.text == ARTICLE


def test_html_gz_fields(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html_page().encode()))
    (doc,), quarantined = read(tmp_path)
    assert not quarantined
    assert doc.id == "page" and doc.format == "html" and not doc.needs_cleaning
    assert doc.title == "Il ponte sul Serchio riapre"
    assert doc.byline == "Giulia Ferri"
    assert doc.published == "2023-05-14" and doc.published_source == "metadata"
    assert doc.site == "Gazzetta di Prova"
    assert doc.language == "it"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "newsletter" not in doc.text and "Sport" not in doc.text


def test_html_legacy_charset(tmp_path: Path) -> None:
    page = html_page().replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "old.htm").write_bytes(page.encode("cp1252"))
    (doc,), _ = read(tmp_path)
    assert "riaprirà al traffico lunedì" in doc.text


def test_html_declared_latin1_but_utf8(tmp_path: Path) -> None:
    page = html_page().replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "liar.html").write_bytes(page.encode("utf-8"))
    (doc,), _ = read(tmp_path)
    assert "riaprirà al traffico lunedì" in doc.text


def test_json_single_list_and_wrapped(tmp_path: Path) -> None:
    single = {
        "title": "Il ponte riapre",
        "maintext": ARTICLE,
        "date_publish": "2023-05-14 09:30:00",
        "url": "https://www.gazzetta.example.it/cronaca/ponte",
        "authors": ["Giulia Ferri", "Marco Neri"],
        "language": "it",
    }
    (tmp_path / "a.json").write_text(json.dumps(single), encoding="utf-8")
    listed = [
        {"id": "own-id", "text": "Primo articolo.", "published": "Sun, 14 May 2023 09:30:00 GMT"},
        {"content": ["Primo paragrafo.", "", "Secondo paragrafo."], "source_domain": "x.it"},
        {"title": "Senza corpo"},
    ]
    (tmp_path / "b.json").write_text(json.dumps(listed), encoding="utf-8")
    wrapped = {"articles": [{"body": "Un corpo.", "publish_date": "2023-05", "author": "Ada"}]}
    (tmp_path / "c.json").write_text(json.dumps(wrapped), encoding="utf-8")

    docs, quarantined = read(tmp_path)
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"a", "own-id", "b-2", "c-1"}
    a = by_id["a"]
    assert (a.title, a.text, a.format, a.needs_cleaning) == ("Il ponte riapre", ARTICLE, "json", True)
    assert a.published == "2023-05-14" and a.published_source == "metadata"
    assert a.byline == "Giulia Ferri, Marco Neri"
    assert a.site == "gazzetta.example.it" and a.language == "it" and a.source == str(tmp_path / "a.json")
    assert by_id["own-id"].published == "2023-05-14"
    assert by_id["own-id"].source == f"{tmp_path / 'b.json'}:1"
    assert by_id["b-2"].text == "Primo paragrafo.\nSecondo paragrafo." and by_id["b-2"].site == "x.it"
    assert by_id["c-1"].published == "2023-05" and by_id["c-1"].byline == "Ada"
    (bad,) = quarantined
    assert bad.source == f"{tmp_path / 'b.json'}:3" and bad.reason.startswith("no text field:")


def test_jsonl_broken_line_and_blank_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "Uno", "content": ["Testo uno."], "publish_date": "2021-04-19"}),
        "",
        '{"title": "Due", "content": ["Testo due."',  # broken
        json.dumps({"title": "Tre", "content": "Testo tre.\u2028con separatore"}),
        json.dumps({"title": "Vuoto", "content": []}),
    ]
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    docs, quarantined = read(path)
    assert [d.id for d in docs] == ["feed-1", "feed-4"]
    assert docs[1].text == "Testo tre.\u2028con separatore"
    assert [(q.source, q.reason.split(":")[0]) for q in quarantined] == [
        (f"{path}:3", "invalid JSON"),
        (f"{path}:5", "empty"),
    ]


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text('{"text": "Uno."}\n{"text": "Due."}\n', encoding="utf-8")
    docs, quarantined = read(path)
    assert [(d.id, d.source, d.text) for d in docs] == [
        ("dump-1", f"{path}:1", "Uno."), ("dump-2", f"{path}:2", "Due.")
    ]
    assert not quarantined


def test_csv_semicolon_large_cell_and_case_insensitive_columns(tmp_path: Path) -> None:
    big = "Parola " * 40_000  # > csv's default 128 KB cell limit
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Titolo;Title;Text;Date;URL\n")
        out.write(f'x;Il ponte;"{ARTICLE}; con ""virgolette""";14/05/2023;https://a.example.it/p\n')
        out.write(f"y;Grande;{big};2023-05-15;\n")
        out.write("z;Vuoto;;;\n")
    docs, quarantined = read(path)
    assert [d.id for d in docs] == ["export-1", "export-2"]
    first = docs[0]
    assert first.title == "Il ponte" and first.text.endswith('con "virgolette"')
    assert first.published == "2023-05-14" and first.site == "a.example.it"
    assert first.format == "csv" and first.source == f"{path}:1"
    assert len(docs[1].text) > 200_000
    assert [(q.source, q.reason.split(":")[0]) for q in quarantined] == [(f"{path}:3", "empty")]


def test_csv_without_text_column_is_one_record(tmp_path: Path) -> None:
    (tmp_path / "meta.csv").write_text("title,url\nA,https://a.it\nB,https://b.it\n", encoding="utf-8")
    docs, (bad,) = read(tmp_path)
    assert not docs
    assert bad.reason == "no text field: columns were title, url"


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Gazzetta di Prova</title><link>https://gazzetta.example.it</link>
<language>it</language><description>Notizie</description>
<item><title>Il ponte riapre</title><link>https://gazzetta.example.it/ponte</link>
<dc:creator>Giulia Ferri</dc:creator><pubDate>Sun, 14 May 2023 07:30:00 GMT</pubDate>
<description>Breve sommario.</description>
<content:encoded><![CDATA[<p>{PARAGRAPHS[0]}</p><script>alert(1)</script><p>{PARAGRAPHS[1]}<br>Fine.</p>]]></content:encoded>
</item>
<item><title>Solo sommario</title><link>https://gazzetta.example.it/b</link>
<description>&lt;p&gt;Il consiglio comunale si riunisce &lt;b&gt;giovedì&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>Vuoto</title><link>https://gazzetta.example.it/c</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog di Prova</title><id>urn:x</id>
<updated>2023-05-16T10:00:00Z</updated>
<entry><title>Aggiornamento</title><link href="https://blog.example.it/1"/><id>urn:x:1</id>
<updated>2023-05-16T10:00:00Z</updated><author><name>Ada Rossi</name></author>
<content type="html">&lt;p&gt;Primo.&lt;/p&gt;&lt;p&gt;Secondo.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "blog.atom").write_text(ATOM, encoding="utf-8")
    docs, quarantined = read(tmp_path)
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"news-1", "news-2", "blog-1"}
    entry = by_id["news-1"]
    assert entry.text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1]}\nFine."
    assert (entry.title, entry.url, entry.byline) == (
        "Il ponte riapre", "https://gazzetta.example.it/ponte", "Giulia Ferri"
    )
    assert entry.published == "2023-05-14" and entry.site == "Gazzetta di Prova"
    assert entry.language == "it" and entry.source == f"{tmp_path / 'news.rss'}:1"
    assert by_id["news-2"].text == "Il consiglio comunale si riunisce giovedì."
    assert by_id["blog-1"].text == "Primo.\nSecondo." and by_id["blog-1"].byline == "Ada Rossi"
    assert by_id["blog-1"].published == "2023-05-16"
    assert [(q.source, q.reason.split(":")[0]) for q in quarantined] == [
        (f"{tmp_path / 'news.rss'}:3", "empty")
    ]


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<catalog><book>Titolo</book></catalog>", encoding="utf-8")
    (tmp_path / "broken.rss").write_text("Questo non è XML.", encoding="utf-8")
    (tmp_path / "none.rss").write_text('<rss version="2.0"><channel><title>T</title></channel></rss>')
    docs, quarantined = read(tmp_path)
    assert not docs
    assert [q.reason.split(":")[0] for q in quarantined] == ["unreadable", "unreadable", "empty"]
    assert quarantined[0].reason.startswith("unreadable: not an RSS/Atom feed: ")
    assert quarantined[1].reason == "unreadable: not an RSS/Atom feed: no feed elements found"


def write_warc(path: Path, *, truncate: bool = False) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

    def response(url: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-06-01T12:00:00Z"},
        ))

    request = StatusAndHeaders("GET /ponte HTTP/1.1", [("Host", "gazzetta.example.it")], is_http_request=True)
    writer.write_record(writer.create_warc_record(
        "https://gazzetta.example.it/ponte", "request", payload=io.BytesIO(b""), http_headers=request
    ))
    response("https://gazzetta.example.it/ponte", "200 OK", "text/html; charset=utf-8", html_page().encode())
    response("https://gazzetta.example.it/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
    undated = html_page().replace("2023-05-14T09:30:00+02:00", "")
    response("https://gazzetta.example.it/due", "200 OK", "text/html", undated.encode())
    response("https://gazzetta.example.it/via", "404 Not Found", "text/html", b"<html>Not found</html>")
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - 200] if truncate else data)


def test_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs, quarantined = read(path)
    assert [d.id for d in docs] == ["crawl-1", "crawl-3"]
    first, second = docs
    assert first.url == "https://gazzetta.example.it/ponte" and first.format == "html"
    assert first.published == "2023-05-14" and first.source == f"{path}:1"
    assert PARAGRAPHS[1] in first.text
    assert second.published == "2023-06-01"  # no date in the page: the capture date
    assert [(q.source, q.reason) for q in quarantined] == [
        (f"{path}:2", "not HTML: image/png"),
        (f"{path}:4", "not an article: HTTP status 404"),
    ]


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, truncate=True)
    docs, quarantined = read(path)
    assert [d.id for d in docs] == ["cut-1", "cut-3"]
    assert quarantined[-1].source == str(path)
    assert quarantined[-1].reason.startswith("unreadable: corrupt WARC after 3 responses")


# --- bad inputs, ids, folders --------------------------------------------------------------


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Write the bad-input folder; return file name → expected outcome (category or "doc")."""
    folder.mkdir()
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n  ", encoding="utf-8")
    # valid UTF-8 ("città") then a stray latin-1 byte at offset 18: a damaged file
    (folder / "mixed.txt").write_bytes("Una città".encode() + b" e perch\xe9 no")
    (folder / "latin1.txt").write_bytes("Il perché della città".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as out:  # sparse: instant, takes no disk
        out.truncate(25 * 1024 * 1024)
    page = gzip.compress(html_page().encode())
    (folder / "cut.html.gz").write_bytes(page[: len(page) // 2])
    (folder / "lines.jsonl").write_text(
        '{"text": "Riga buona."}\n{"text": broken\n{"text": "Altra riga buona."}\n', encoding="utf-8"
    )
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (folder / "note.md").write_text("Appunti in testo semplice.", encoding="utf-8")
    (folder / "script.html").write_text(html_page(script="<script>alert(1)</script>"), encoding="utf-8")
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / ".hidden.txt").write_text("non letto", encoding="utf-8")
    return {
        "binary.txt": "not text",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "mixed.txt": "undecodable",
        "latin1.txt": "doc",
        "huge.txt": "too large",
        "cut.html.gz": "unreadable",
        "lines.jsonl": "doc,invalid JSON,doc",
        "scan.png": "unsupported format",
        "note.md": "doc",
        "script.html": "doc",
        "nav.html": "empty",
    }


def test_bad_inputs_each_end_as_one_record(tmp_path: Path) -> None:
    expected = make_bad_inputs(tmp_path / "bad")
    records = list(read_inputs([tmp_path / "bad"]))
    assert len(records) == 14  # 11 single-record files + 3 JSONL lines; the hidden file skipped
    outcomes: dict[str, list[str]] = {}
    for record in records:
        name = Path(record.source.split(":")[0]).name
        outcome = "doc" if isinstance(record, RawDocument) else record.reason.split(":")[0]
        outcomes.setdefault(name, []).append(outcome)
    assert {name: ",".join(v) for name, v in outcomes.items()} == expected

    reasons = {Path(r.source).name: r.reason for r in records if isinstance(r, Quarantined)}
    assert reasons["huge.txt"] == "too large: 25.0 MB > limit 20.0 MB"
    assert reasons["mixed.txt"] == "undecodable: invalid UTF-8 at byte 18"
    assert reasons["binary.txt"] == "not text: binary content"
    assert reasons["empty.txt"] == reasons["blank.txt"] == "empty: no text"
    assert reasons["nav.html"] == "empty: no article text found"
    assert reasons["scan.png"] == "unsupported format: .png file is neither text nor HTML"

    docs = {Path(d.source.split(":")[0]).name: d for d in records if isinstance(d, RawDocument)}
    assert docs["latin1.txt"].text == "Il perché della città"
    script = docs["script.html"]
    assert "alert" not in script.text and PARAGRAPHS[2] in script.text


def test_max_bytes_and_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    records = list(read_inputs([tmp_path], max_bytes=100))
    assert [Path(r.source).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert all(r.reason.startswith("too large:") for r in records)


def test_ids_are_unique_and_missing_paths_quarantined(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "a.txt").write_text("Uno.", encoding="utf-8")
    (tmp_path / "x" / "a.txt").write_text("Due.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"id": "a", "text": "Tre."}', encoding="utf-8")
    docs, quarantined = read(tmp_path, tmp_path / "missing.txt")
    assert sorted(d.id for d in docs) == ["a", "a-2", "a-3"]
    assert [q.reason for q in quarantined] == ["unreadable: no such file or directory"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-04-19", "2021-04-19"),
        ("2021-04-19T10:00:00Z", "2021-04-19"),
        ("2021-04-19 10:00:00", "2021-04-19"),
        ("2021-04", "2021-04"),
        ("Mon, 19 Apr 2021 10:00:00 GMT", "2021-04-19"),
        (1618826400, "2021-04-19"),
        (1618826400000, "2021-04-19"),
        ("19/04/2021", "2021-04-19"),
        ("2021-13-45", None),
        ("", None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected
