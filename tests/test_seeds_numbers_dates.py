"""Acceptance on the seed articles for numbers and dates (issue 4): every troop, casualty,
shell and distance figure is a quantity with its value and concept, no year or counter is,
and the dated events carry their dates — inferred publication dates included."""

from pathlib import Path

import pytest

from rassegna.options import Options
from rassegna.pipeline import analyse
from rassegna.readers import read_inputs

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS} (../shared is absent)")


@pytest.fixture(scope="module")
def docs():
    return {raw.id[:3]: analyse(raw, Options()) for raw in read_inputs([SEEDS])}


@pytest.mark.parametrize("doc, value, qualifier, concept_word", [
    ("000", 12000, "up_to", "soldati"),
    ("001", 10000, "approx", "soldati"),
    ("001", 600000, "more_than", "soldati russi"),
    ("002", 10000, "approx", "soldati nordcoreani"),
    ("002", 50000, "exact", "soldati russi"),
    ("002", 600000, "more_than", "soldati russi"),
    ("002", 650000, "more_than", "vittime"),
    ("003", 10000, "more_than", "soldati nordcoreani"),
    ("003", 10000, "range", "soldati"),
    ("003", 1100, "approx", "vittime nordcoreane"),
    ("004", 12000, "exact", "soldati nordcoreani"),
    ("004", 50000, "exact", "uomini"),
    ("004", 600000, "approx", "morti e feriti"),
    ("004", 3000000, "approx", "proiettili di artiglieria"),
])
def test_troop_casualty_and_shell_figures(docs, doc, value, qualifier, concept_word):
    found = [(q.value, q.qualifier, q.concept) for q in docs[doc].quantities]
    assert (value, qualifier, concept_word) in found, found


def test_the_range_has_both_bounds(docs):
    (q,) = [q for q in docs["003"].quantities if q.qualifier == "range" and q.concept == "soldati"]
    assert (q.low, q.high) == (10000, 12000) and docs["003"].text[q.start:q.end] == q.text


def test_the_distance_is_measured_from_its_place(docs):
    (q,) = [q for q in docs["002"].quantities if q.unit == "km"]
    assert q.value == 7 and q.concept == "distanza da Pokrovsk"


def test_no_year_or_counter_is_a_quantity(docs):
    for doc in docs.values():
        for q in doc.quantities:
            assert not (1900 <= q.value <= 2100 and q.unit is None and q.qualifier == "exact"), q
            assert q.concept or q.unit, q  # every figure says what it counts


@pytest.mark.parametrize("doc, phrase, value", [
    ("003", "ottobre 2024", "2024-10"),
    ("003", "giugno 2024", "2024-06"),
    ("004", "settembre 2023", "2023-09"),
    ("004", "2 gennaio 2024", "2024-01-02"),
    ("004", "luglio 2024", "2024-07"),
    # bare months, resolved against the publication date inferred from the text
    ("004", "agosto", "2024-08"),
    ("004", "giugno", "2024-06"),
])
def test_dated_events(docs, doc, phrase, value):
    found = {(t.text.lower().removeprefix("il "), t.value) for t in docs[doc].timexes}
    assert (phrase, value) in found, found


def test_publication_dates_from_text_or_inferred(docs):
    assert (docs["001"].published, docs["001"].published_source) == ("2024-10", "text")
    # the latest month stated in full is a lower bound for the article's date
    assert (docs["003"].published, docs["003"].published_source) == ("2024-10", "inferred")
    assert (docs["004"].published, docs["004"].published_source) == ("2024-07", "inferred")
    # nothing stated in full: no date, and day-relative words stay unresolved
    assert docs["000"].published is None
    assert all(t.value.startswith(("XXXX", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "P"))
               for t in docs["000"].timexes)


def test_day_words_are_not_guessed_from_an_inferred_date(docs):
    weekdays = [t for t in docs["003"].timexes if t.text == "giovedì"]
    assert weekdays and all(t.value == "XXXX-WXX-4" for t in weekdays)
