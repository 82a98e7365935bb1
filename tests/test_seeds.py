"""Acceptance on the five seed articles: fields, furniture out, no article sentence lost."""

import json
from pathlib import Path

import pytest

from rassegna.build import build
from rassegna.clean import ends_sentence, word_count

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS} (../shared is absent)")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    build([SEEDS], out, workers=1)
    return json.loads((out / "dossier.json").read_text(encoding="utf-8")), out


def docs_by_prefix(dossier):
    return {d["id"][:3]: d for d in dossier["documents"]}


def test_all_seeds_are_italian_documents(dossier):
    data, out = dossier
    assert data["inputs"] == 5 and len(data["documents"]) == 5 and not data["quarantined"]
    assert {d["language"] for d in data["documents"]} == {"it"}
    assert (out / "index.html").exists() and (out / "rassegna.duckdb").exists()


def test_fields(dossier):
    docs = docs_by_prefix(dossier[0])
    assert docs["001"]["published"] == "2024-10" and docs["001"]["published_source"] == "text"
    assert docs["002"]["title"] == "Le truppe nordcoreane al fianco della Russia rischiano di allargare il conflitto"
    assert docs["002"]["byline"] == "Antonio Adriano Giancane"
    assert docs["003"]["title"] == "La Corea del Nord invia truppe aggiuntive in Russia: Seul"
    assert docs["003"]["credits"] == ["AFP"]
    assert docs["004"]["title"].startswith("Corea del nord e Russia, accordo per aiutarsi se aggrediti.")
    assert docs["000"]["title"] is None


def test_furniture_is_removed(dossier):
    docs = docs_by_prefix(dossier[0])
    furniture = {
        "001": ["date 2024-10", "Crediti immagine"],
        "002": ["di Antonio Adriano Giancane", "Subscribe to our newsletter"],
        "003": ["Ti consigliamo", "Con informazioni dall'AFP", "ORP", "excelsior"],
        "004": ["4 settimane fa", "Leggi tutto", "Navi russe trasportano", "La Nato è in grado di provare",
                "Armi nucleari tattiche", "Russia, il caso degli 8 soldati", "Guerra Ucraina, la Corea"],
    }
    for prefix, pieces in furniture.items():
        for piece in pieces:
            assert piece not in docs[prefix]["text"], (prefix, piece)
    assert docs["002"]["text"].count("rischiano di allargare il conflitto") == 0
    assert docs["003"]["text"].count("Soldati nordcoreani in Russia") == 1


def test_no_article_sentence_is_lost(dossier):
    docs = docs_by_prefix(dossier[0])
    for path in sorted(SEEDS.glob("*.txt")):
        text = docs[path.name[:3]]["text"]
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("date "):
                line = line.split(" ", 2)[2]
            is_prose = ends_sentence(line) and word_count(line) > 12 and not line.startswith("Ti consigliamo")
            if is_prose:
                assert line in text, (path.name, line[:80])


def test_section_headings_are_kept(dossier):
    docs = docs_by_prefix(dossier[0])
    assert "La risposta della Nato e dei suoi alleati" in docs["000"]["text"]
    assert "L’Ucraina contrattacca a Kursk" in docs["000"]["text"]
    assert "Corea del Sud e Polonia preoccupate" in docs["004"]["text"]
    assert "Corea del Nord e Russia: su cosa si basa l'alleanza" in docs["004"]["text"]
