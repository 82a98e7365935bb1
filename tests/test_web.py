"""The local web UI serves the report and the dossier's lists."""

from fastapi.testclient import TestClient

from rassegna.build import build
from rassegna.web import create_app


def test_serve_report_and_api(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Titolo della prova\n\nIl consiglio comunale ha approvato il bilancio ieri sera.", encoding="utf-8")
    build([corpus], tmp_path / "out", workers=1)
    client = TestClient(create_app(tmp_path / "out"))
    home = client.get("/")
    assert home.status_code == 200 and "Titolo della prova" in home.text
    listing = client.get("/api/documents", params={"q": "bilancio"}).json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == "a"
    assert client.get("/api/documents/a").json()["title"] == "Titolo della prova"
    assert client.get("/api/documents/zzz").status_code == 404
    assert client.get("/api/nonsense").status_code == 404
    assert client.get("/dossier.json").json()["schema"] == "rassegna.dossier/1"


def test_lists_filter_by_entity_document_and_story(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Sanità\n\nIl ministro Orazio Schillaci ha detto che 5.000 infermieri saranno assunti.", encoding="utf-8")
    (corpus / "b.txt").write_text("Calcio\n\nLa Juventus ha battuto il Torino a Torino per due a zero.", encoding="utf-8")
    build([corpus], tmp_path / "out", workers=1)
    client = TestClient(create_app(tmp_path / "out"))
    entities = client.get("/api/entities", params={"q": "Schillaci"}).json()["items"]
    (schillaci,) = [e for e in entities if "Schillaci" in e["name"]]
    docs = client.get("/api/documents", params={"entity": schillaci["id"]}).json()
    assert [d["id"] for d in docs["items"]] == ["a"]
    said = client.get("/api/attributions", params={"entity": schillaci["id"]}).json()
    assert said["total"] >= 1 and all(a["speaker"] == schillaci["id"] for a in said["items"])
    assert client.get("/api/entities", params={"entity": schillaci["id"]}).json()["total"] == 1
    assert client.get("/api/attributions", params={"doc": "b"}).json()["total"] == 0
    assert client.get("/api/quantities", params={"doc": "a"}).json()["total"] >= 1
    assert client.get("/api/documents", params={"entity": "e999"}).status_code == 404
