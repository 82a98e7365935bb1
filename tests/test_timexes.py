"""Time expressions in Italian and English: absolute dates, dates relative to the document
date, vague parts of periods, durations, sets, PRESENT_REF, and unresolved values when
nothing anchors them."""

import pytest

from rassegna.model import Document
from rassegna.pipeline import Options
from rassegna.timexes import Anchor, extract_timexes, find_timexes


def values(text, lang="it", anchor=None):
    return [(t.text, t.type, t.value) for t in extract_timexes(text, lang, anchor)]


def value_of(text, phrase, lang="it", anchor=None):
    found = extract_timexes(text, lang, anchor)
    for t in found:
        assert text[t.start:t.end] == t.text
        if phrase in t.text or t.text in phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found in {found}")


@pytest.mark.parametrize("text,phrase,value", [
    ("L'incontro si è svolto il 3 marzo 2023 a Roma.", "3 marzo 2023", "2023-03-03"),
    ("La legge è entrata in vigore a luglio 2022.", "luglio 2022", "2022-07"),
    ("Nell'aprile 2021 il governo cadde.", "aprile 2021", "2021-04"),
    ("Nel 2015 la città fu ricostruita.", "2015", "2015"),
    ("Il documento è datato 14/02/2020.", "14/02/2020", "2020-02-14"),
    ("Il vertice del 1° dicembre 2022 fallì.", "dicembre 2022", "2022-12-01"),
    ("Negli anni '90 il paese era in crisi.", "anni '90", "199"),
])
def test_italian_absolute(text, phrase, value):
    assert value_of(text, phrase) == value


@pytest.mark.parametrize("text,phrase,anchor,value", [
    ("Il ministro ha parlato ieri.", "ieri", "2024-03-15", "2024-03-14"),
    ("Oggi il parlamento vota.", "Oggi", "2024-03-15", "2024-03-15"),
    ("La decisione arriverà domani.", "domani", "2024-03-15", "2024-03-16"),
    ("L'annuncio è arrivato martedì.", "martedì", "2024-03-15", "2024-03-12"),
    ("Il portavoce ha parlato venerdì.", "venerdì", "2024-03-15", "2024-03-15"),
    ("L'attacco è avvenuto tre settimane fa.", "tre settimane fa", "2024-03-15", "2024-W08"),
    ("Se ne parla dall'inizio di questo mese.", "inizio di questo mese", "2024-03-15", "2024-03"),
    ("I combattimenti durano dal settembre scorso.", "settembre scorso", "2024-03-15", "2023-09"),
    ("A febbraio i prezzi sono saliti.", "febbraio", "2024-03-15", "2024-02"),
    ("A ottobre era stato firmato l'accordo.", "ottobre", "2024-03-15", "2023-10"),
    ("Le truppe erano ferme da metà dicembre.", "metà dicembre", "2024-01-20", "2023-12"),
    ("L'anno scorso il bilancio era in rosso.", "anno scorso", "2024-03-15", "2023"),
    ("La prossima settimana ci sarà il voto.", "prossima settimana", "2024-03-15", "2024-W12"),
    ("Il mese scorso le vendite sono calate.", "mese scorso", "2024-03-15", "2024-02"),
    ("Il progetto partirà tra due mesi.", "tra due mesi", "2024-03-15", "2024-05"),
    ("Questa estate il caldo è stato record.", "Questa estate", "2024-09-10", "2024-SU"),
    ("Il rapporto esce a fine anno.", "fine anno", "2024-03-15", "2024"),
    ("Il documento di giugno è stato pubblicato.", "giugno", "2024-10", "2024-06"),
])
def test_italian_relative(text, phrase, anchor, value):
    assert value_of(text, phrase, anchor=anchor) == value


@pytest.mark.parametrize("text,phrase,value", [
    ("Le trattative sono andate avanti per tre giorni.", "tre giorni", "P3D"),
    ("Il conflitto dura da due anni.", "due anni", "P2Y"),
    ("La missione durerà sei mesi.", "sei mesi", "P6M"),
    ("Il blackout è durato 36 ore.", "36 ore", "PT36H"),
    ("Hanno aspettato mezz'ora.", "mezz'ora", "PT0.5H"),
    ("È rimasto in carcere per un anno e mezzo.", "un anno e mezzo", "P1.5Y"),
])
def test_italian_durations(text, phrase, value):
    found = [t for t in extract_timexes(text, "it", "2024-03-15") if t.type == "DURATION"]
    assert any(t.value == value and phrase in t.text for t in found), found


@pytest.mark.parametrize("text,phrase,value,kind", [
    ("Il bollettino esce ogni settimana.", "ogni settimana", "P1W", "SET"),
    ("I dati sono aggiornati quotidianamente.", "quotidianamente", "P1D", "SET"),
    ("Ora la situazione è cambiata.", "Ora", "PRESENT_REF", "DATE"),
    ("Adesso il governo deve decidere.", "Adesso", "PRESENT_REF", "DATE"),
    ("La riunione è fissata alle 21:30.", "21:30", "2024-03-15T21:30", "TIME"),
    ("Il consiglio si riunisce alle 18.", "18", "2024-03-15T18", "TIME"),
])
def test_italian_sets_refs_times(text, phrase, value, kind):
    found = extract_timexes(text, "it", "2024-03-15")
    assert any(t.value == value and t.type == kind and (phrase in t.text or t.text in phrase) for t in found), found


@pytest.mark.parametrize("text,phrase,anchor,value", [
    ("The summit took place on July 4, 2016.", "July 4, 2016", "2018-01-01", "2016-07-04"),
    ("Talks resumed in March 2021.", "March 2021", "2022-01-01", "2021-03"),
    ("The minister resigned yesterday.", "yesterday", "2024-03-15", "2024-03-14"),
    ("The ministry said Tuesday that talks had failed.", "Tuesday", "2024-03-15", "2024-03-12"),
    ("Officials will meet Tuesday to decide.", "Tuesday", "2024-03-15", "2024-03-19"),
    ("Exports fell last year.", "last year", "2024-03-15", "2023"),
    ("Sales rose in the third quarter.", "third quarter", "2024-11-02", "2024-Q3"),
    ("The plant closed two years ago.", "two years ago", "2024-03-15", "2022"),
    ("Prices peaked in late November.", "November", "2024-03-15", "2023-11"),
    ("The deal was signed this week.", "this week", "2024-03-15", "2024-W11"),
    ("The trial lasted five weeks.", "five weeks", "2024-03-15", "P5W"),
    ("The index is published monthly.", "monthly", "2024-03-15", "P1M"),
    ("The company is now profitable.", "now", "2024-03-15", "PRESENT_REF"),
    ("Shares recovered in the 1990s.", "1990s", "2024-03-15", "199"),
])
def test_english(text, phrase, anchor, value):
    assert value_of(text, phrase, "en", anchor) == value


@pytest.mark.parametrize("text,phrase,value", [
    ("A giugno le truppe sono arrivate.", "giugno", "XXXX-06"),
    ("Ieri il ministro ha parlato.", "Ieri", "XXXX-XX-XX"),
    ("Giovedì ci sarà il voto.", "Giovedì", "XXXX-WXX-4"),
    ("L'anno scorso il bilancio era in rosso.", "anno scorso", "XXXX"),
    ("Il 2 gennaio 2024 è caduto un missile.", "2 gennaio 2024", "2024-01-02"),
])
def test_nothing_anchors_nothing_is_guessed(text, phrase, value):
    assert value_of(text, phrase, anchor=None) == value


def test_month_only_anchor_keeps_day_unknown():
    assert value_of("Oggi il parlamento vota.", "Oggi", anchor="2024-10") == "2024-10-XX"
    assert value_of("Ad agosto le truppe sono entrate.", "agosto", anchor="2024-10") == "2024-08"


def test_anchor_parsing():
    assert Anchor.parse("2024-10-28") == Anchor(2024, 10, 28)
    assert Anchor.parse("2024-10") == Anchor(2024, 10, None)
    assert Anchor.parse("2024-10-28T09:00:00") == Anchor(2024, 10, 28)
    assert Anchor.parse(None) == Anchor()


def test_document_date_then_reference_date():
    doc = Document(id="d", source="s", text="Ieri il governo ha votato.", language="it",
                   published="2024-10-28")
    assert [t.value for t in find_timexes(doc, Options(reference_date="2020-01-01"))] == ["2024-10-27"]
    doc.published = None
    assert [t.value for t in find_timexes(doc, Options(reference_date="2020-01-01"))] == ["2019-12-31"]


def test_a_quantity_is_not_a_date():
    assert values("Sono arrivati 12.000 soldati e 2,5 miliardi di euro.", anchor="2024-03-15") == []


def test_publication_date_is_inferred_from_the_latest_full_date():
    from rassegna.timexes import date_document, infer_publication_date

    text = ("Nel marzo 2023 il governo aveva annunciato il piano. Il 4 febbraio 2024 il parlamento "
            "lo ha approvato. Ad aprile i lavori sono iniziati. Ieri il ministro ha parlato. "
            "Le elezioni si terranno nel novembre 2026.")
    # the future election does not date the article; the finer and later 4 February does
    assert infer_publication_date(text, "it") == "2024-02-04"
    doc = Document(id="d", source="s", text=text, language="it")
    doc.timexes = find_timexes(doc, Options())
    dated = date_document(doc, Options())
    assert (dated.published, dated.published_source) == ("2024-02-04", "inferred")
    values = {t.text: t.value for t in dated.timexes}
    assert values["aprile"] == "2024-04"  # the April nearest the inferred date
    assert values["Ieri"] == "XXXX-XX-XX"  # only a lower bound: the day is not known


def test_inference_needs_a_full_date_and_never_overrides_a_known_one():
    from rassegna.timexes import date_document, infer_publication_date

    assert infer_publication_date("Nel 2019 era andato in Russia. Ieri è tornato.", "it") is None
    assert infer_publication_date("In March 2024 the plant closed.", "en") == "2024-03"
    doc = Document(id="d", source="s", text="Il 2 gennaio 2024 è caduto un missile.", language="it",
                   published="2024-10-28", published_source="metadata")
    assert date_document(doc, Options()).published == "2024-10-28"
