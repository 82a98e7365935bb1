"""Claims and the timeline on corpora written here, in Italian and English."""

import random

from rassegna.claims import interval, is_vague
from rassegna.corpus import build_dossier
from rassegna.model import RawDocument
from rassegna.pipeline import Options, analyse
from rassegna.timeline import calendar_value

IT = [
    ("Il 3 marzo 2025 almeno 120 persone sono morte nell'alluvione in Emilia, ha detto la Protezione civile. "
     "Il governo ha stanziato 2 miliardi di euro per la ricostruzione."),
    ("Secondo la Regione, sono 150 le persone morte nell'alluvione del 3 marzo 2025 in Emilia. "
     "Il governo ha promesso 2 miliardi di euro per ricostruire."),
    ("L'alluvione del 3 marzo 2025 in Emilia ha fatto circa 130 morti, secondo i soccorritori. "
     "Intanto sono 4.000 gli sfollati ospitati nelle palestre."),
]
EN = [
    ("On 12 May 2024 the storm killed at least 40 people in Texas, officials said. "
     "About 200,000 homes lost power."),
    ("The storm that hit Texas on 12 May 2024 killed 35 people, the governor said. "
     "Some 210,000 homes were left without power."),
]


def dossier_of(texts, lang, order=None):
    raws = [RawDocument(id=f"{lang}{i}", source=f"{lang}{i}.txt", text=t, format="txt",
                        needs_cleaning=False, language=lang) for i, t in enumerate(texts)]
    if order:
        raws = [raws[i] for i in order]
    results = [analyse(r, Options()) for r in raws]
    return build_dossier(results, len(raws), [])


def claim_with(d, value):
    (claim,) = [c for c in d.claims if value in c["values"]]
    return claim


def test_italian_death_toll_is_one_claim_in_conflict():
    d = dossier_of(IT, "it")
    claim = claim_with(d, 150)
    assert sorted(claim["values"]) == [120, 130, 150]
    # "almeno 120" allows 150, "circa 130" does not: the sources disagree
    assert claim["conflict"] is True and claim["spread"] == {"low": 120, "high": 150}
    assert len(claim["docs"]) == 3
    # the displaced are another figure, said by one outlet only: no claim
    assert all(4000 not in c["values"] for c in d.claims)
    money = claim_with(d, 2000000000)
    assert money["unit"] == "EUR" and money["agreement"] == "same" and money["conflict"] is False


def test_english_claims_deaths_and_outages():
    d = dossier_of(EN, "en")
    deaths = claim_with(d, 35)
    assert deaths["values"] == [35, 40] and deaths["conflict"] is True  # "at least 40" vs 35
    power = claim_with(d, 210000)
    assert power["values"] == [200000, 210000] and power["conflict"] is False  # "about" 200,000


def test_figures_of_different_size_are_different_claims():
    d = dossier_of(IT, "it")
    assert not any({120, 2000000000} <= set(c["values"]) for c in d.claims)


def test_claims_do_not_depend_on_input_order():
    a = dossier_of(IT, "it")
    b = dossier_of(IT, "it", order=[2, 0, 1])
    strip = lambda cs: [(c["label"], c["values"], c["docs"], c["conflict"]) for c in cs]  # noqa: E731
    assert strip(a.claims) == strip(b.claims)
    assert [(e["date"], e["text"]) for e in a.timeline] == [(e["date"], e["text"]) for e in b.timeline]


def test_intervals_from_qualifiers():
    q = {"value": 10000, "low": None, "high": None, "qualifier": "approx", "text": "circa 10.000"}
    assert interval(q) == (9000, 11000)
    assert interval({**q, "qualifier": "up_to"}) == (0, 10000)
    assert interval({**q, "qualifier": "more_than"})[0] == 10000
    assert interval({**q, "qualifier": "range", "low": 10000, "high": 12000}) == (10000, 12000)
    # written high to low ("47.1 percent to 41.7 percent"), a range still runs low to high
    assert interval({**q, "qualifier": "range", "low": 47.1, "high": 41.7}) == (41.7, 47.1)
    assert is_vague({"qualifier": "range", "low": 1e6, "high": 1e7, "text": "milioni", "value": 1e6})
    assert not is_vague({"qualifier": "range", "low": 10, "high": 100, "text": "tra 10 e 100", "value": 10})


def test_timeline_merges_the_same_event_across_documents():
    d = dossier_of(IT, "it")
    march = [e for e in d.timeline if e["date"] == "2025-03-03"]
    assert len(march) == 1 and march[0]["documents"] == 3 and march[0]["precision"] == "day"
    assert len(march[0]["citations"]) == 3


def test_calendar_values():
    assert calendar_value("2024-10-XX") == ("2024-10", "month", calendar_value("2024-10")[2])
    assert calendar_value("2024-06-15")[1] == "day"
    assert calendar_value("2024-W23")[1] == "week"
    assert calendar_value("2024-Q3")[1] == "quarter"
    assert calendar_value("2024")[1] == "year"
    for unresolved in ("XXXX-08", "XXXX-XX-XX", "PRESENT_REF", "P3D", "XXXX-WXX-4"):
        assert calendar_value(unresolved) is None


def test_timeline_order_is_chronological():
    texts = ["Nel 2019 il progetto è nato a Torino per volontà del sindaco e della giunta comunale.",
             "Il 5 febbraio 2021 il progetto è stato approvato dal consiglio comunale di Torino.",
             "A marzo 2020 i lavori del progetto sono stati sospesi a Torino per la pandemia."]
    random.seed(1)
    d = dossier_of(texts, "it")
    assert [e["date"] for e in d.timeline] == ["2019", "2020-03", "2021-02-05"]


def test_one_outlet_giving_two_values_is_not_a_disagreement_between_sources():
    from rassegna.claims import _sources_disagree
    # an outlet that reports 120 and later 150 agrees with one that reports 150
    assert not _sources_disagree([("doc:a", (120, 120), "a"), ("doc:a", (150, 150), "a"),
                                  ("doc:b", (150, 150), "b")])
    # but not with one that reports 100
    assert _sources_disagree([("doc:a", (120, 120), "a"), ("doc:a", (150, 150), "a"),
                              ("doc:b", (100, 100), "b")])
    # one outlet alone never disagrees with itself
    assert not _sources_disagree([("doc:a", (2400, 2400), "a"), ("doc:a", (3299, 3299), "a")])
    # "circa 10.000" from one source, "12.000" from another: disjoint
    assert _sources_disagree([("entity:e1", (9000, 11000), "a"), ("entity:e2", (12000, 12000), "b")])
    # "oltre 600.000" allows 650.000
    assert not _sources_disagree([("entity:e1", (600000, float("inf")), "a"),
                                  ("entity:e2", (650000, 650000), "b")])


def test_figures_disagree_only_between_documents_on_the_same_subject():
    from collections import Counter

    from rassegna.claims import _sources_disagree, same_subject
    named = {"audi": Counter({"e1": 5, "e2": 3, "e9": 1}), "vw": Counter({"e3": 4, "e4": 2, "e9": 1}),
             "audi2": Counter({"e1": 2, "e2": 1, "e5": 4}), "bare": Counter()}
    # two launches in one topic: one name in common out of seven mentions
    assert not same_subject("audi", "vw", named)
    # three of seven mentions shared; no names at all tells nothing apart; a document and itself
    assert same_subject("audi", "audi2", named)
    assert same_subject("audi", "bare", named) and same_subject("vw", "vw", named)
    top_speeds = [("doc:audi", (108, 110), "audi"), ("doc:vw", (123, 125), "vw")]
    assert not _sources_disagree(top_speeds, named)
    assert _sources_disagree(top_speeds)  # with nothing known of the subjects
    # two speakers in one document still disagree
    assert _sources_disagree([("entity:e1", (9000, 11000), "vw"), ("entity:e2", (12000, 12000), "vw")], named)


def test_a_figure_that_classifies_a_noun_is_no_claim():
    texts = [("Apple launched the 16-inch MacBook Pro on Wednesday, and the 13-inch MacBook Pro "
              "keeps its old keyboard. The 16-inch MacBook Pro costs $2,399."),
             ("The new 16-inch MacBook Pro replaces the 15-inch MacBook Pro, Apple said on "
              "Wednesday. The 16-inch MacBook Pro costs $2,399.")]
    d = dossier_of(texts, "en")
    assert not any(c["unit"] == "in" for c in d.claims)
    assert any(2399 in c["values"] for c in d.claims)
    from rassegna.claims import _classifies
    text = "a four-door coupe, a 10,000-strong force, a $10-a-month plan, 406 lb-ft of torque"
    def figure(s):
        return {"text": s, "start": text.index(s), "end": text.index(s) + len(s)}
    assert _classifies(text, figure("four"))
    assert not _classifies(text, figure("10,000"))  # counts the force's members
    assert not _classifies(text, figure("$10"))  # a price per month
    assert not _classifies(text, figure("406 lb-ft"))  # the hyphen is the unit's


def test_the_same_outlet_giving_a_figure_and_its_update_is_no_conflict():
    texts = [("On 12 May 2024 the storm killed 35 people in Texas. "
              "By the evening the storm had killed 41 people in Texas."),
             "The storm that hit Texas on 12 May 2024 killed 41 people."]
    d = dossier_of(texts, "en")
    (deaths,) = [c for c in d.claims if 41 in c["values"]]
    assert deaths["values"] == [35, 41] and deaths["conflict"] is False


def test_an_exact_figure_covers_what_rounds_to_it():
    q = {"value": 129, "qualifier": "exact", "low": None, "high": None}
    low, high = interval(q)
    assert low < 129 < 129.99 < high and high < 131  # "$129" and "$129.99" agree
    low, high = interval({**q, "value": 0.2})
    assert low <= 0.15 + 1e-9 and high >= 0.25 - 1e-9  # "0.2%" covers 0.21%
    low, high = interval({**q, "value": 12000})
    assert high < 12500 and low > 11500  # "12.000" and "12.500" still differ


def test_dates_counted_from_another_event_do_not_date_the_timeline():
    texts = ["Il 3 marzo 2025 il ponte è crollato a Genova. Due mesi dopo il cantiere è stato riaperto. "
             "Quattro mesi prima i tecnici avevano segnalato crepe.",
             "On 3 March 2025 the bridge collapsed in Genoa. A year earlier engineers had warned of cracks."]
    for lang, text in zip(("it", "en"), texts):
        raw = RawDocument(id="d", source="d.txt", text=text, format="txt", needs_cleaning=False,
                          language=lang, published="2025-03-24")
        d = build_dossier([analyse(raw, Options())], 1, [])
        # the relative expressions resolve (from the article's date) but date no event
        assert any(t.text.lower().endswith(("dopo", "prima", "earlier")) and not t.value.startswith("X")
                   for t in d.documents[0].timexes)
        assert [e["date"] for e in d.timeline] == ["2025-03-03"], d.timeline


def test_since_a_date_dates_nothing_beside_another_date():
    texts = [("Nel settembre 2023 il presidente si è recato in Russia (primo viaggio all'estero dal 2019). "
              "Dal 1° gennaio 2024 scatta l'obbligo."),
             ("In September 2023 the president travelled to Russia, his first trip abroad since 2019. "
              "Since 1 January 2024 the rule has applied.")]
    for lang, text in zip(("it", "en"), texts):
        raw = RawDocument(id="d", source="d.txt", text=text, format="txt", needs_cleaning=False,
                          language=lang, published="2024-03-24")
        d = build_dossier([analyse(raw, Options())], 1, [])
        # "dal 2019" is where a state began; alone in its sentence, "dal 1° gennaio" still dates it
        assert sorted(e["date"] for e in d.timeline) == ["2023-09", "2024-01-01"], d.timeline


def test_a_range_or_a_start_date_still_dates_the_sentence():
    text = ("Il periodo delle indagini va dal 2013 al 2019. "
            "Il decreto del 10 aprile 2020 prevede che i negozi riaprano dal 14 aprile 2020.")
    raw = RawDocument(id="d", source="d.txt", text=text, format="txt", needs_cleaning=False,
                      language="it", published="2020-04-24")
    d = build_dossier([analyse(raw, Options())], 1, [])
    assert {"2013", "2019", "2020-04-10", "2020-04-14"} <= {e["date"] for e in d.timeline}, d.timeline


def test_two_counted_things_alike_in_context_are_two_claims():
    # fact-checks open alike; three photos and three deaths are not one claim
    texts = ["Il 18 aprile 2021 su Facebook sono state pubblicate tre foto di Matteo Bassetti a Genova, "
             "direttore della clinica di malattie infettive del San Martino.",
             "Il 18 aprile 2021 su Facebook sono stati pubblicati due video di Matteo Bassetti a Genova, "
             "direttore della clinica di malattie infettive del San Martino."]
    d = dossier_of(texts, "it")
    assert not any(len(c["docs"]) == 2 for c in d.claims), d.claims
    # unless both sentences count one family: soldiers "uccisi o feriti" are casualties
    texts = ["Guerra in Ucraina: oltre 600.000 soldati russi sono stati uccisi o feriti dall'inizio della "
             "guerra di Putin, ha detto Rutte a Bruxelles.",
             "Guerra in Ucraina: le perdite russe hanno superato le 650.000 vittime dall'inizio della "
             "guerra di Putin, ha detto Zelensky a Bruxelles."]
    d = dossier_of(texts, "it")
    assert any({600000, 650000} <= set(c["values"]) for c in d.claims)


def test_a_shared_family_alone_does_not_join_two_counted_things_but_people_count_anyone():
    # both sentences speak of soldiers killed; the photos and the videos are still two things
    d = dossier_of(["Three photos of Ukrainian soldiers killed near Bakhmut were posted on Facebook on Monday by the army.",
                    "Four videos of Ukrainian soldiers killed near Bakhmut were posted on Facebook on Monday by the army."], "en")
    assert not any(len(c["docs"]) == 2 for c in d.claims)
    # "people" counts whatever the sentence says they are: the marchers, as "residents" do
    d = dossier_of(["About 30,000 people marched in Paris on Saturday against the pension reform, police said.",
                    "About 40,000 residents marched in Paris on Saturday against the pension reform, unions said."], "en")
    claim = claim_with(d, 30000)
    assert claim["values"] == [30000, 40000] and claim["conflict"] is True
    # what one counts in the other's sentence: doses of vaccine and vaccines
    d = dossier_of(["Sono arrivati 2 milioni di dosi di vaccino Pfizer in Italia, ha detto il commissario Figliuolo.",
                    "Sono arrivati 2,5 milioni di vaccini Pfizer in Italia, ha detto il commissario Figliuolo."], "it")
    assert claim_with(d, 2500000)["values"] == [2000000, 2500000]


def test_two_values_side_by_side_count_two_things_and_make_no_conflict():
    # a poll's two candidates in one sentence: 46 and 42, then 51 and 49, are no disagreement
    d = dossier_of(["In the new national poll, Clinton beats Trump by 46 percent to 42 percent among likely voters, the poll found.",
                    "In the new national poll, Clinton leads Trump by 51 percent to 49 percent among likely voters, the poll found."],
                   "en")
    claim = claim_with(d, 46)
    assert claim["values"] == [42, 46, 49, 51] and claim["conflict"] is False
