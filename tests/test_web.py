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
