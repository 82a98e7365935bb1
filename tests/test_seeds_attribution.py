"""Acceptance on the seed articles for who said what (issue 3): every direct quotation with
its speaker (roles and continuations included), the reported claims of the named sources,
and quoted words that are not speech."""

import pytest

# `seeds_dossier` (conftest.py) skips these tests when ../shared/seeds is absent.


def speaker_of(dossier, attribution):
    names = {e["id"]: e["name"] for e in dossier["entities"]}
    return names.get(attribution["speaker"]) or attribution["speaker_name"]


def attributions_in(dossier, doc, words, direct=None):
    return [a for a in dossier["attributions"] if a["doc"].startswith(doc) and words in a["content"]["text"]
            and (direct is None or a["direct"] is direct)]


# (document, words of the quotation, speaker): every quotation that is speech in the seeds
DIRECT_QUOTES = [
    ("000", "L’invio di truppe nordcoreane segna", "Mark Rutte"),
    ("000", "La Nato chiede alla Russia", "Mark Rutte"),              # "Il Segretario Generale della Nato"
    ("000", "Gli ucraini stanno combattendo", "Mark Rutte"),
    ("000", "La sicurezza dell’Ucraina è la nostra sicurezza", "Mark Rutte"),  # continuation, no cue
    ("001", "una delegazione della Repubblica di Corea", "Mark Rutte"),
    ("002", "Il ricorso a truppe nordcoreane", "Mark Rutte"),        # "…,” ha dichiarato Rutte, stimando …
    ("003", "si è ridistribuito sul fronte di Kursk", "funzionario dell'agenzia"),
    ("003", "La portata esatta", "funzionario dell'agenzia"),          # "ha aggiunto": same speaker
    ("004", "non resterà inattiva", "Yoon Suk-yeol"),
    ("004", "una provocazione che minaccia", "Yoon Suk-yeol"),
]


@pytest.mark.parametrize("doc, words, speaker", DIRECT_QUOTES)
def test_direct_quotes_have_their_speaker(seeds_dossier, doc, words, speaker):
    found = attributions_in(seeds_dossier, doc, words, direct=True)
    assert len(found) == 1, f"{words!r} in {doc}: {len(found)} direct attributions"
    assert speaker_of(seeds_dossier, found[0]) == speaker


def test_every_speech_quotation_is_in_an_attribution(seeds_dossier):
    for doc in seeds_dossier["documents"]:
        for q in doc["quotations"]:
            if q["kind"] == "speech":
                assert any(a["doc"] == doc["id"] and a["content"]["start"] <= q["start"] < a["content"]["end"]
                           for a in seeds_dossier["attributions"]), q
            assert q["kind"] != "unattributed", q


@pytest.mark.parametrize("doc, words, speaker", [
    ("001", "la Corea del Nord ha inviato circa 10.000 soldati", "Sabrina Singh"),  # the Pentagon spokesperson
    ("002", "potrebbero essere già stati dispiegati", "Volodymyr Zelensky"),
    ("002", "hanno ormai superato le 650.000 vittime", "Volodymyr Zelensky"),     # "che a suo dire …"
    ("002", "oltre 600.000 soldati russi siano stati uccisi", "Mark Rutte"),      # "…, stimando che …"
    ("004", "potrebbero essere inviati", "Financial Times"),
    ("004", "l'accordo non ha clausole segrete", "Andrei Rudenko"),               # the deputy foreign minister
    ("003", "non vi era più traccia di soldati nordcoreani", "agenzia di spionaggio della Corea del Sud"),
])
def test_reported_claims_have_their_source(seeds_dossier, doc, words, speaker):
    found = attributions_in(seeds_dossier, doc, words, direct=False)
    assert found, f"no reported attribution holding {words!r} in {doc}"
    assert {speaker_of(seeds_dossier, a) for a in found} == {speaker}


@pytest.mark.parametrize("doc, quoted", [
    ("000", "grave escalation"),
    ("004", "alleanza"),
    ("004", "Trattato di partenariato strategico globale"),
])
def test_scare_quotes_and_titles_are_not_speech(seeds_dossier, doc, quoted):
    quotations = [q for d in seeds_dossier["documents"] if d["id"].startswith(doc) for q in d["quotations"]
                  if q["text"].replace("\xa0", " ").startswith(quoted)]
    assert quotations and {q["kind"] for q in quotations} == {"scare"}
    assert not [a for a in seeds_dossier["attributions"] if a["doc"].startswith(doc)
                and a["content"]["text"].strip("«»“”\"' ") == quoted]
