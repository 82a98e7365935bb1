"""End to end: `rassegna build` on corpora made here, good and bad, and the CLI around it."""

import gzip
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from rassegna.build import build
from rassegna.cli import app
from rassegna.dossier import check_offsets, validate_dossier
from rassegna.pipeline import Options, analyse
from rassegna.model import Quarantined, RawDocument

ARTICLE_IT = """Sciopero dei treni, disagi in tutta Italia

di Paola Verdi

Lo sciopero nazionale dei treni è iniziato alle 21 di ieri e durerà fino alle 21 di oggi. I sindacati chiedono il rinnovo del contratto.
Leggi anche: Trasporti, gli scioperi di novembre
"La protesta è inevitabile", ha detto il segretario del sindacato.
"""

ARTICLE_EN = """Council approves new bike lanes downtown

The city council voted on Monday to build twelve kilometres of protected bike lanes. Work will start in the spring.
Read more: Traffic fines rise again
"This is a safer city for everyone," the mayor said.
"""

SCRIPT_HTML = """<html><head><title>Harbour reopens after storm</title><script>var tracker = 1;</script></head>
<body><article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Friday after a storm closed it for three days, the port authority said in a statement.</p>
<p>Ferries to the islands resumed in the afternoon, and the first cargo ships were unloaded by evening.</p>
<script>alert("owned")</script>
<p>Fishermen said the damage to the docks was lighter than they had feared after the worst storm in a decade.</p>
</article></body></html>"""


def write_good(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "treni.txt").write_text(ARTICLE_IT, encoding="utf-8")
    (folder / "bikes.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (folder / "harbour.html").write_text(SCRIPT_HTML, encoding="utf-8")
    lines = [json.dumps({"title": "Scuole chiuse", "content": ["Le scuole restano chiuse per neve.", "Riapriranno lunedì."],
                         "publish_date": "2024-01-15", "url": "https://example.org/a"}),
             "{broken json",
             json.dumps({"title": "Script nel testo", "text": "Il sito mostrava <script>alert(1)</script> come testo dell'articolo."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_bad(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "mixed.txt").write_bytes("Città di Roma: il sindaco ha parlato.".encode() + b"\xff\xfe\xfa" + "Perché no.".encode())
    (folder / "latin1.txt").write_bytes("Il perché della città: una frase in Latin-1 da leggere.".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(25 * 1024 * 1024)
    (folder / "cut.html.gz").write_bytes(gzip.compress(SCRIPT_HTML.encode() * 20)[:300])
    (folder / "only-furniture.txt").write_text("Leggi anche\nIscriviti alla newsletter\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    write_good(root / "good")
    write_bad(root / "bad")
    out = root / "out"
    summary = build([root], out, workers=1)
    return summary, json.loads((out / "dossier.json").read_text(encoding="utf-8")), out


def test_every_input_is_a_document_or_quarantined(built):
    summary, dossier, _ = built
    assert dossier["inputs"] == len(dossier["documents"]) + len(dossier["quarantined"])
    ids = {d["id"] for d in dossier["documents"]}
    assert {"treni", "bikes", "harbour", "latin1"} <= ids
    assert len([i for i in ids if i.startswith("feed")]) == 2
    reasons = {Path(q["source"].split(":")[0]).name: q["reason"] for q in dossier["quarantined"]}
    assert reasons["binary.txt"].startswith("not text")
    assert reasons["empty.txt"].startswith("empty")
    assert reasons["mixed.txt"].startswith("undecodable")
    assert reasons["huge.txt"].startswith("too large")
    assert reasons["cut.html.gz"].startswith("unreadable")
    assert reasons["feed.jsonl"].startswith("invalid JSON")
    assert reasons["only-furniture.txt"].startswith("empty after cleaning")
    assert summary.documents == len(dossier["documents"])


def test_dossier_is_valid_and_offsets_are_exact(built):
    _, dossier, _ = built
    validate_dossier(dossier)
    assert check_offsets(dossier) == []


def test_fields_and_cleaning_in_the_dossier(built):
    _, dossier, _ = built
    docs = {d["id"]: d for d in dossier["documents"]}
    treni = docs["treni"]
    assert treni["title"] == "Sciopero dei treni, disagi in tutta Italia"
    assert treni["byline"] == "Paola Verdi"
    assert treni["language"] == "it"
    assert "Leggi anche" not in treni["text"]
    assert any(r["reason"] == "page-furniture" for r in treni["removed"])
    assert docs["bikes"]["language"] == "en"
    assert "Read more" not in docs["bikes"]["text"]
    assert "perché della città" in docs["latin1"]["text"]
    harbour = docs["harbour"]
    assert "alert" not in harbour["text"] and "Fishermen said" in harbour["text"]
    snow = next(d for d in docs.values() if d["title"] == "Scuole chiuse")
    assert snow["published"] == "2024-01-15" and snow["published_source"] == "metadata"


def test_report_escapes_corpus_text_and_is_offline(built):
    _, _, out = built
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html and 'alert("owned")' not in html
    assert 'src="http' not in html and 'href="http' not in html


def test_store_has_the_documents(built):
    _, dossier, out = built
    with duckdb.connect(str(out / "rassegna.duckdb"), read_only=True) as con:
        count = con.execute("select count(*) from documents").fetchone()[0]
        quarantined = con.execute("select count(*) from quarantined").fetchone()[0]
    assert count == len(dossier["documents"]) and quarantined == len(dossier["quarantined"])


def test_build_is_the_same_in_any_order_and_engine(tmp_path):
    write_good(tmp_path / "c")
    a = build([tmp_path / "c"], tmp_path / "a", workers=1)
    b = build(sorted((tmp_path / "c").iterdir(), reverse=True), tmp_path / "b", workers=2)
    da = json.loads((a.out / "dossier.json").read_text())
    db = json.loads((b.out / "dossier.json").read_text())
    for d in (da, db):
        d.pop("generated_at"), d.pop("corpus")
        for doc in d["documents"]:
            doc.pop("source")
        for q in d["quarantined"]:
            q.pop("source")
    assert da == db


def test_analysis_failure_is_quarantined_not_raised(monkeypatch):
    import rassegna.pipeline as pipeline

    def explode(doc, options):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "SPAN_ANALYSES", [("entities", explode)])
    raw = RawDocument(id="x", source="x.txt", text="Una frase qualsiasi da analizzare.", format="txt")
    result = analyse(raw, Options())
    assert isinstance(result, Quarantined) and "boom" in result.reason


def test_cli_build_update_and_closing_line(tmp_path):
    write_good(tmp_path / "c")
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(tmp_path / "c" / "treni.txt"), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert first.exit_code == 0, first.output
    assert "1 documents" in first.output and "quarantined" in first.output
    second = runner.invoke(app, ["build", "--update", str(tmp_path / "o"), str(tmp_path / "c" / "bikes.txt"), "--workers", "1"])
    assert second.exit_code == 0, second.output
    updated = json.loads((tmp_path / "o" / "dossier.json").read_text())
    full = build([tmp_path / "c" / "treni.txt", tmp_path / "c" / "bikes.txt"], tmp_path / "full", workers=1)
    rebuilt = json.loads((full.out / "dossier.json").read_text())
    assert [d["id"] for d in updated["documents"]] == [d["id"] for d in rebuilt["documents"]] == ["bikes", "treni"]


def test_cli_reports_missing_input_and_unwritable_output(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert result.exit_code == 0
    dossier = json.loads((tmp_path / "o" / "dossier.json").read_text())
    assert dossier["quarantined"][0]["reason"].startswith("unreadable")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--out", str(blocker / "o"), "--workers", "1"])
    assert result.exit_code != 0 and "could not build" in result.output


def test_extract_takes_text_as_given(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a1", "text": "Leggi anche\nLa Nato ha confermato il dispiegamento delle truppe."}) + "\n"
                      + "not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert lines[0]["id"] == "a1" and lines[0]["language"] == "it"
    assert set(lines[0]) >= {"entities", "attributions", "quantities", "timexes"}
    assert "error" in lines[1]


def test_extract_says_which_field_it_reads(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "f1", "title": "T", "content": ["Un testo."]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--out", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert line["id"] == "f1" and 'no "text"' in line["error"] and "content" in line["error"]


def test_spark_engine_gives_the_same_documents(tmp_path):
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'rassegna[spark]')")
    write_good(tmp_path / "c")
    local = build([tmp_path / "c"], tmp_path / "l", workers=1)
    spark = build([tmp_path / "c"], tmp_path / "s", engine="spark", workers=2)
    dl = json.loads((local.out / "dossier.json").read_text())
    ds = json.loads((spark.out / "dossier.json").read_text())
    assert dl["documents"] == ds["documents"] and dl["quarantined"] == ds["quarantined"]


def test_eval_rejects_unknown_task(tmp_path):
    result = CliRunner().invoke(app, ["eval", "nonsense", str(tmp_path)])
    assert result.exit_code != 0 and "unknown eval task" in result.output


def test_eval_on_data_in_the_wrong_layout_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "stories", str(tmp_path)])
    assert result.exit_code == 1 and "cannot score stories" in result.output
    assert "corpus_" in result.output and "Traceback" not in result.output


def test_a_language_without_resources_is_kept_but_not_analysed_with_other_rules(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "pt.txt").write_text(
        "Notícia\n\nO ministro disse que 21 de outubro de 2024 foi um dia difícil para 3.000 famílias. "
        "“Não vamos desistir”, afirmou o presidente do Brasil em Brasília.", encoding="utf-8")
    (corpus / "it.txt").write_text("Notizia\n\nIl ministro ha detto che 3.000 famiglie sono state aiutate.", encoding="utf-8")
    build([corpus], tmp_path / "out", workers=1)
    d = json.loads((tmp_path / "out" / "dossier.json").read_text())
    docs = {doc["id"]: doc for doc in d["documents"]}
    assert docs["pt"]["language"] == "pt" and docs["pt"]["text"]
    assert not [q for q in d["quantities"] if q["doc"] == "pt"]
    assert not [a for a in d["attributions"] if a["doc"] == "pt"]
    assert docs["pt"]["quotations"]  # quotation marks are read in any language
    assert [q for q in d["quantities"] if q["doc"] == "it"]
    assert "pt (not analysed)" in (tmp_path / "out" / "index.html").read_text()


def test_a_declared_language_gives_way_to_a_text_surely_in_another():
    from rassegna.model import RawDocument
    from rassegna.pipeline import Options, choose_language

    english = ("Good morning! This is the tech news you need to know this Tuesday. The New York "
               "state attorney general is investigating the company amid layoffs, and the board "
               "met on Monday to discuss what comes next for its thousands of employees around "
               "the world.")
    raw = RawDocument(id="a", source="a.html", text=english, format="html", language="de")
    assert choose_language(raw, english, Options()) == "en"
    # a short text keeps what was declared; a forced --lang always wins
    assert choose_language(raw, "Good morning to all.", Options()) == "de"
    assert choose_language(raw, english, Options(lang="it")) == "it"
    italian = RawDocument(id="b", source="b.json", text="x", format="json", language="it")
    assert choose_language(italian, "Il governo ha approvato ieri il decreto sulle scuole, "
                           "che riapriranno a settembre in tutta Italia, ha detto il ministro "
                           "dell'Istruzione durante una conferenza stampa a Roma.", Options()) == "it"


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [d["num_threads"] for d in threadpool_info() if d["user_api"] == "blas"]


def test_worker_processes_run_one_blas_thread():
    from concurrent.futures import ProcessPoolExecutor

    from rassegna.engine import one_blas_thread_per_worker

    with ProcessPoolExecutor(max_workers=1, initializer=one_blas_thread_per_worker) as pool:
        inside = pool.submit(_blas_threads).result()
        again = pool.submit(_blas_threads).result()     # the limit outlives the initializer
    assert inside and set(inside) == {1} and set(again) == {1}
