"""Quantities in Italian and English: values, qualifiers, ranges, units, concepts, and the
numbers that are not quantities (years, dates, times, ordinals, phone and list numbers)."""

import pytest

from rassegna.model import Document
from rassegna.pipeline import Options
from rassegna.quantities import digits_value, extract_quantities, find_numbers, find_quantities


def one(text, lang="it"):
    found = extract_quantities(text, lang)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


@pytest.mark.parametrize("text,value,qualifier,concept", [
    ("Il Pentagono stima che siano arrivati circa 8.000 militari nordcoreani.", 8000, "approx", "militari nordcoreani"),
    ("Sul fronte sono schierati 25mila uomini della brigata.", 25000, "exact", "uomini"),
    ("L'esercito ha sparato oltre 40.000 colpi di mortaio in una settimana.", 40000, "more_than", "colpi di mortaio"),
    ("Il governo ha stanziato più di 300 ambulanze per la regione.", 300, "more_than", "ambulanze"),
    ("Sono stati evacuati quasi 2.500 civili dalla città.", 2500, "approx", "civili"),
    ("Il contingente potrebbe arrivare fino a 5.000 effettivi.", 5000, "up_to", "effettivi"),
    ("Servono almeno 200 camion di aiuti.", 200, "at_least", "camion di aiuti"),
    ("Restano meno di 90 medici nell'ospedale.", 90, "less_than", "medici"),
    ("Mosca avrebbe ricevuto due milioni di granate di artiglieria.", 2_000_000, "exact", "granate di artiglieria"),
    ("Le stime parlano di 40.000 tra morti e dispersi.", 40000, "exact", "morti e dispersi"),
    ("Hanno partecipato ventitré delegazioni straniere.", 23, "exact", "delegazioni straniere"),
    ("Nel campo vivono dodicimila rifugiati.", 12000, "exact", "rifugiati"),
])
def test_italian_counts(text, value, qualifier, concept):
    q = one(text)
    assert (q.value, q.qualifier, q.concept, q.unit) == (value, qualifier, concept, None)


@pytest.mark.parametrize("text,value,qualifier,concept", [
    ("Officials said about 4,000 North Korean troops had arrived.", 4000, "approx", "North Korean troops"),
    ("The ministry counted more than 1,200 drones over the weekend.", 1200, "more_than", "drones"),
    ("Up to 300 engineers were sent to the border.", 300, "up_to", "engineers"),
    ("At least 45 civilians were wounded.", 45, "at_least", "civilians"),
    ("Fewer than 20 tanks remain operational.", 20, "less_than", "tanks"),
    ("The army fired twelve thousand shells.", 12000, "exact", "shells"),
    ("Nearly 2.5 million refugees have crossed.", 2_500_000, "approx", "refugees"),
    ("They delivered a dozen launchers.", 12, "exact", "launchers"),
])
def test_english_counts(text, value, qualifier, concept):
    q = one(text, "en")
    assert (q.value, q.qualifier, q.concept) == (value, qualifier, concept)


@pytest.mark.parametrize("text,lang,low,high,concept", [
    ("Secondo Seul sono tra 3.000 e 4.000 soldati.", "it", 3000, 4000, "soldati"),
    ("Il bilancio è di 10-12.000 sfollati.", "it", 10000, 12000, "sfollati"),
    ("La spesa salirà da 5 a 7 miliardi di euro.", "it", 5e9, 7e9, None),
    ("Analysts expect between 10 and 12 million doses.", "en", 10e6, 12e6, "doses"),
    ("Estimates range from 8,000 to 9,500 fighters.", "en", 8000, 9500, "fighters"),
    ("The convoy had 10-12,000 vehicles.", "en", 10000, 12000, "vehicles"),
])
def test_ranges(text, lang, low, high, concept):
    q = one(text, lang)
    assert (q.qualifier, q.low, q.high, q.value) == ("range", low, high, low)
    assert q.concept == concept


@pytest.mark.parametrize("text,lang,value,unit", [
    ("L'inflazione è salita al 5,4%.", "it", 5.4, "percent"),
    ("Il prezzo è sceso del 12 per cento.", "it", 12, "percent"),
    ("Il piano costa 2,5 miliardi di euro.", "it", 2.5e9, "EUR"),
    ("Un aiuto da 300 milioni di dollari.", "it", 3e8, "USD"),
    ("Costa €45 a persona.", "it", 45, "EUR/person"),
    ("Il debito è di 12 miliardi di sterline.", "it", 12e9, "GBP"),
    ("Le truppe sono a 15 chilometri dal confine.", "it", 15, "km"),
    ("Il carico pesava 40 tonnellate.", "it", 40, "t"),
    ("Unemployment rose to 4.2 percent.", "en", 4.2, "percent"),
    ("The deal is worth $7.5bn.", "en", 7.5e9, "USD"),
    ("The fund holds 3 billion dollars.", "en", 3e9, "USD"),
    ("The fine was £20,000.", "en", 20000, "GBP"),
    ("The column stretched for 40 miles.", "en", 40, "mi"),
    ("The plant produces 800,000 barrels a day.", "en", 800000, "barrel/day"),
])
def test_units(text, lang, value, unit):
    q = one(text, lang)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text,value", [
    ("Sono stati consegnati mezzo milione di proiettili.", 500_000),
    ("La città conta un milione e mezzo di abitanti.", 1_500_000),
    ("Erano tre milioni e mezzo di persone.", 3_500_000),
    ("Arrivano 1,5 milioni di dosi.", 1_500_000),
    ("Servono una ventina di ambulanze.", 20),
])
def test_scaled_italian_words(text, value):
    assert one(text).value == value


@pytest.mark.parametrize("text,lang", [
    ("Nel 2019 il leader visitò Mosca.", "it"),
    ("Il trattato del 1953 è ancora in vigore.", "it"),
    ("The talks began in 2022 and stalled.", "en"),
    ("L'attacco è avvenuto il 2 gennaio 2024.", "it"),
    ("The vote is on March 12.", "en"),
    ("La riunione è alle 21:30.", "it"),
    ("Il vertice inizierà alle 21.", "it"),
    ("The briefing starts at 9 a.m.", "en"),
    ("È arrivato 2° nella classifica.", "it"),
    ("She finished 3rd in the race.", "en"),
    ("È il terzo tentativo.", "it"),
    ("Per informazioni chiamare il 06 1234 5678.", "it"),
    ("Call +1 202-555-0143 for details.", "en"),
    ("Il numero verde è 800-123456.", "it"),
    ("Il modello F-16 e la Model 3 restano in servizio.", "it"),
    ("Lo prevede l'art. 5 del trattato.", "it"),
    ("The iPhone 15 went on sale.", "en"),
    ("Leggi tutto\n4 settimane fa 5", "it"),
    ("La partita è finita 2-1.", "it"),
    ("Secondo uno studio pubblicato ieri il vaccino funziona.", "it"),  # "uno" the article
    ("Lo ha detto uno scienziato dell'università.", "it"),
])
def test_not_quantities(text, lang):
    assert extract_quantities(text, lang) == []


def test_list_numbering_is_not_a_quantity():
    text = "I punti chiave:\n1. la tregua\n2) gli aiuti\n(3) le sanzioni"
    assert extract_quantities(text, "it") == []


def test_a_year_with_a_unit_or_noun_is_a_quantity():
    assert one("Sono stati spesi 2024 euro.").unit == "EUR"
    assert one("Oltre 2000 soldati sono partiti.").value == 2000


def test_bare_number_takes_the_clause_subject():
    q = one("L'elevato numero di vittime civili, stimate intorno a 1.100, preoccupa.")
    assert (q.value, q.qualifier, q.concept) == (1100, "approx", "vittime civili")


def test_locale_separators():
    assert digits_value("10.000", "it") == 10000
    assert digits_value("2,5", "it") == 2.5
    assert digits_value("10,000", "en") == 10000
    assert digits_value("2.5", "en") == 2.5
    assert digits_value("1.234.567,89", "it") == 1234567.89
    assert digits_value("1,234,567.89", "en") == 1234567.89
    assert digits_value("1.2.3", "it") is None


def test_find_numbers_sees_every_number():
    values = [(n.value, n.kind) for n in find_numbers("il 4 maggio, tremila persone e il quinto giorno", "it")]
    assert (4.0, "cardinal") in values and (3000.0, "cardinal") in values and (5.0, "ordinal") in values


def test_offsets_are_into_the_document_text():
    doc = Document(id="d", source="s", text="Titolo\n\nCirca 10.000 soldati nordcoreani in Russia.",
                   language="it")
    (q,) = find_quantities(doc, Options())
    assert doc.text[q.start:q.end] == q.text == "Circa 10.000"
    assert (q.value, q.qualifier, q.concept) == (10000, "approx", "soldati nordcoreani")


def test_uno_is_a_numeral_before_a_preposition_or_a_unit():
    assert [q.text for q in extract_quantities("Uno su tre non lo sa.", "it")] == ["Uno su tre"]
    assert [(q.value, q.unit) for q in extract_quantities("Offrì uno yen per il progetto.", "it")] == [(1.0, "JPY")]


@pytest.mark.parametrize("text,concept", [
    ("Tariffs on $360 billion worth of Chinese goods will stay.", "Chinese goods"),
    ("The storm caused $10 million in damages to the port.", "damages"),
    ("A tariff on some $156 billion in Chinese consumer goods was cancelled.", "Chinese consumer goods"),
    ("The deal is worth $5 billion in total.", None),
    ("He paid $5 in cash at the door.", None),
])
def test_what_an_english_sum_of_money_is_for(text, concept):
    q = one(text, "en")
    assert q.unit == "USD" and q.concept == concept
