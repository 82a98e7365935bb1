"""The Python API: analyse texts in memory, build files, load a build."""

import rassegna
from rassegna.dossier import validate_dossier

TEXTS = [
    "Il ministro della Salute Orazio Schillaci ha detto che 5.000 infermieri saranno assunti entro marzo.",
    {"id": "ansa-1", "title": "Sanità, piano per il Sud",
     "text": "Secondo il ministro Orazio Schillaci saranno assunti circa 5.000 infermieri negli ospedali del Sud.",
     "published": "2025-01-10"},
    {"title": "Senza testo"},
    "   ",
    42,
]


def test_analyse_texts_in_memory_gives_a_valid_dossier_and_keeps_bad_items():
    d = rassegna.analyse(TEXTS, lang="it")
    validate_dossier(d)
    docs = {doc["id"]: doc for doc in d["documents"]}
    assert set(docs) == {"text-1", "ansa-1"}  # a record's own id is kept
    assert docs["ansa-1"]["published"].startswith("2025-01-10")
    # nothing silently dropped: every bad item is quarantined with its reason
    reasons = {q["source"]: q["reason"] for q in d["quarantined"]}
    assert set(reasons) == {"<input>:3", "<input>:4", "<input>:5"}
    assert "text" in reasons["<input>:3"] and reasons["<input>:4"].startswith("empty")
    assert d["inputs"] == 5
    assert any("Schillaci" in e["name"] for e in d["entities"])
    assert any(a["speaker_name"] and "Schillaci" in a["speaker_name"] for a in d["attributions"])


def test_write_dossier_then_load(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    summary = rassegna.write_dossier([tmp_path / "in"], tmp_path / "out", workers=1)
    assert summary.documents == 1
    d = rassegna.load(tmp_path / "out")
    assert d["documents"][0]["text"].startswith("Il ministro")


def test_unknown_attribute_is_an_attribute_error():
    import pytest
    with pytest.raises(AttributeError):
        rassegna.nonexistent  # noqa: B018
