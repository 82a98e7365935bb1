from hypothesis import given, strategies as st

from rassegna.sentences import split_sentences


def texts(text, lang="it"):
    return [s.text for s in split_sentences(text, lang)]


def test_italian_abbreviations_do_not_split():
    assert texts("Il sig. Rossi e il dott. Bianchi sono arrivati. Poi sono partiti.") == [
        "Il sig. Rossi e il dott. Bianchi sono arrivati.", "Poi sono partiti."]
    assert texts("Lo ha detto G. Meloni ieri. La S.p.A. Alfa ha firmato.") == [
        "Lo ha detto G. Meloni ieri.", "La S.p.A. Alfa ha firmato."]


def test_closing_quotes_belong_to_their_sentence():
    assert texts("«Non lo so.» Poi tacque.") == ["«Non lo so.»", "Poi tacque."]
    assert texts("“La Nato chiede di cessare.” Rutte ha poi lasciato la sala.") == [
        "“La Nato chiede di cessare.”", "Rutte ha poi lasciato la sala."]


def test_quote_followed_by_attribution_is_one_sentence():
    assert texts("«Perché?», ha chiesto il giudice. Nessuno rispose.") == [
        "«Perché?», ha chiesto il giudice.", "Nessuno rispose."]
    assert texts('"Siamo pronti!" ha detto il sindaco.') == ['"Siamo pronti!" ha detto il sindaco.']


def test_quotation_spanning_sentences_splits_inside_and_closes_at_the_end():
    got = texts("“Gli ucraini combattono. La loro sicurezza è la nostra.”, ha dichiarato Rutte. Fine.")
    assert got == ["“Gli ucraini combattono.", "La loro sicurezza è la nostra.”, ha dichiarato Rutte.", "Fine."]


def test_glued_sentences_and_numbers():
    assert texts("Nella regione di Kursk.Lo spiegamento è grave.") == [
        "Nella regione di Kursk.", "Lo spiegamento è grave."]
    assert texts("Cessino tali azioni.L'approfondimento preoccupa.") == [
        "Cessino tali azioni.", "L'approfondimento preoccupa."]
    assert texts("Costano 2.5 milioni. 10.000 soldati sono partiti.") == [
        "Costano 2.5 milioni.", "10.000 soldati sono partiti."]


def test_english_abbreviations():
    assert texts("Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.", "en") == [
        "Mr. Smith met Dr. Jones in the U.S. on Monday.", "They talked."]


def test_line_breaks_end_sentences():
    assert texts("Un titolo\nUna frase. Un'altra frase.") == ["Un titolo", "Una frase.", "Un'altra frase."]


@given(st.text(alphabet=st.sampled_from(list("ab .!?«»\"\nA1")), max_size=80))
def test_spans_are_exact_ordered_and_cover_all_visible_text(text):
    spans = split_sentences(text, "it")
    for span in spans:
        assert text[span.start:span.end] == span.text and span.text.strip() == span.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    covered = "".join(s.text for s in spans)
    assert "".join(text.split()) == "".join(covered.split())


def test_heading_glued_to_the_first_sentence_splits_before_an_opener():
    text = "Soldati nordcoreani in RussiaLa Corea del Nord ha inviato truppe. Lo dice YouTube oggi."
    assert [s.text for s in split_sentences(text, "it")] == [
        "Soldati nordcoreani in Russia", "La Corea del Nord ha inviato truppe.", "Lo dice YouTube oggi."]
    en = "Troops in RussiaThe country sent troops. The site LinkedIn said so."
    assert [s.text for s in split_sentences(en, "en")][:2] == ["Troops in Russia", "The country sent troops."]
    assert len(split_sentences("Il sito LinkedIn ha detto che McDonald ha chiuso.", "it")) == 1


def test_a_run_without_punctuation_is_cut_into_bounded_pieces():
    from rassegna.sentences import MAX_SENTENCE_CHARS
    text = "Mario Rossi ha detto che " * 400 + "piove, e " * 300 + "fine."
    spans = split_sentences(text, "it")
    assert len(spans) > 2 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in spans)
    # nothing lost, nothing doubled, and the pieces end on a word
    assert "".join(s.text for s in spans).replace(" ", "") == text.replace(" ", "")
    assert all(text[s.end - 1] != " " and (s.end == len(text) or text[s.end] == " ") for s in spans)
