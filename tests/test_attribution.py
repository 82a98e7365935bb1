"""Attribution (who said what): quotations, reported speech, speakers, and the evaluation."""

from pathlib import Path

import pytest

from rassegna.attribution import (_canonical, _with_turns, find_attributions, find_quotes, is_clause, is_scare_quote,
                                 resolve_speaker, transcript_turns)
from rassegna.evaluate.attribution import (Counts, GoldAttribution, METRICS, evaluate_attribution,
                                           match_contents, parse_ann, read_polnear,
                                           score_article, score_spans)
from rassegna.model import Attribution, Document, Span
from rassegna.pipeline import Options
from rassegna.sentences import split_sentences

POLNEAR_DEV = Path("/work/shared/data/polnear/dev")


def doc_of(text: str, lang: str = "it") -> Document:
    doc = Document(id="t", source="t", text=text, language=lang, sentences=split_sentences(text, lang))
    doc.attributions = find_attributions(doc, Options(lang=lang))
    return doc


def atts(text: str, lang: str = "it") -> list[Attribution]:
    return doc_of(text, lang).attributions


def only(text: str, lang: str = "it") -> Attribution:
    found = atts(text, lang)
    assert len(found) == 1, found
    return found[0]


def check_offsets(text: str, found: list[Attribution]) -> None:
    for a in found:
        for span in (a.content, a.source, a.cue):
            if span is not None:
                assert text[span.start:span.end] == span.text
        for s, e in a.spans:
            assert a.content.start <= s < e <= a.content.end


# ---------------------------------------------------------------- Italian: direct quotations

def test_guillemets_with_cue_after_and_apposition_source():
    text = "«Non firmeremo nessun accordo», ha detto il ministro degli Esteri, Paolo Bianchi."
    a = only(text)
    assert a.direct and a.content.text == "Non firmeremo nessun accordo"
    assert a.cue.text == "ha detto"
    assert a.source.text == "il ministro degli Esteri, Paolo Bianchi"
    check_offsets(text, [a])


def test_curly_quotes_with_cue_before_colon_across_sentences():
    text = "Il sindaco di Torino ha spiegato: “I lavori finiranno a maggio. Non ci saranno ritardi”."
    a = only(text)
    assert a.direct
    assert a.content.text == "I lavori finiranno a maggio. Non ci saranno ritardi"
    assert a.source.text == "Il sindaco di Torino" and a.cue.text == "ha spiegato"


def test_interrupted_quotation_is_one_attribution_with_pieces():
    text = '"Il piano è pronto", ha affermato Laura Neri, "ma servono altri fondi per completarlo".'
    a = only(text)
    assert a.direct and a.source.text == "Laura Neri"
    assert len(a.spans) == 2
    pieces = [text[s:e] for s, e in a.spans]
    assert pieces == ["Il piano è pronto", "ma servono altri fondi per completarlo"]
    assert a.content.start == a.spans[0][0] and a.content.end == a.spans[1][1]


def test_low_double_quotes_and_single_quotes():
    a = only("„Siamo pronti a trattare con tutti“, ha dichiarato il portavoce del sindacato.")
    assert a.content.text == "Siamo pronti a trattare con tutti"
    assert a.source.text == "il portavoce del sindacato"
    b = only("‘Non ci arrenderemo mai, nemmeno adesso’, ha aggiunto Neri.")
    assert b.content.text == "Non ci arrenderemo mai, nemmeno adesso" and b.source.text == "Neri"


def test_quotation_running_across_paragraphs():
    text = ("La presidente della Regione, Marta Gallo, ha dichiarato:\n\n"
            "\"Abbiamo stanziato nuovi fondi per gli ospedali.\n\n"
            "Nei prossimi mesi assumeremo altri medici\".")
    a = only(text)
    assert a.direct
    assert a.content.text.startswith("Abbiamo stanziato") and a.content.text.endswith("altri medici")
    assert a.source.text == "La presidente della Regione, Marta Gallo"


def test_quote_continuation_keeps_the_last_speaker():
    text = ('"Abbiamo vinto con merito", ha detto un dirigente del club. '
            '"Adesso pensiamo alla prossima partita", ha aggiunto.\n'
            '"Il campionato è ancora lungo e difficile."')
    found = atts(text)
    assert [a.direct for a in found] == [True, True, True]
    first, second, third = found
    assert first.source.text == "un dirigente del club"
    assert second.cue.text == "ha aggiunto" and second.source == first.source
    assert third.cue is None and third.source == first.source


# ---------------------------------------------------------------- Italian: scare quotes

def test_is_scare_quote():
    assert is_scare_quote("svolta storica", "la manovra una ")
    assert is_scare_quote("alleanza", "sancisce una ")
    assert is_scare_quote("Patto per la crescita sostenibile del Mezzogiorno", "è stato firmato il ")
    assert is_scare_quote("Fratelli d'Italia", "il partito ")
    assert not is_scare_quote("Non lasceremo nessuno indietro, lo prometto.", "")
    assert not is_scare_quote("La situazione resta molto difficile per tutte le famiglie", "")
    # after a title word a quotation is a headline, however long or sentence-like
    headline = "Draghi cancella il bollo auto! Una mossa senza precedenti, dice il governo."
    assert is_scare_quote(headline, "un articolo dal titolo ")
    assert is_scare_quote(headline, "un articolo intitolato: ")
    assert not is_scare_quote(headline, "ha scritto il giornale: ")
    assert is_scare_quote("Trump says he will win every state, and then some.", "an article headlined ", "en")


def test_is_clause():
    assert is_clause("non resterà a guardare")
    assert not is_clause("alleanza")
    assert not is_clause("le crescenti minacce regionali")


@pytest.mark.parametrize("text, content, source", [
    ("„Siamo pronti“, ha dichiarato la portavoce Giulia Sala.", "Siamo pronti", "la portavoce Giulia Sala"),
    ("«Mai più», ha detto il sindaco.", "Mai più", "il sindaco"),
])
def test_a_short_quotation_opening_its_sentence_before_its_cue_is_speech(text, content, source):
    a = only(text)
    assert a.direct and a.content.text == content and a.source.text == source


def test_a_quotation_over_paragraphs_reopened_with_a_mark_takes_the_cue_after_it():
    text = ("Il sindaco Luca Bassi ha detto che il ponte è pronto. «Abbiamo lavorato per mesi senza sosta.\n\n"
            "«Ora il ponte è sicuro e lo sarà a lungo», ha aggiunto.")
    first, second = atts(text)
    assert second.cue.text == "ha aggiunto" and second.source.text == "Il sindaco Luca Bassi"
    assert second.content.text.startswith("Abbiamo lavorato") and second.content.text.endswith("a lungo")
    # without the reopening mark a paragraph break ends the search for the cue: an unclosed mark
    # paired with one paragraphs later is not one quotation
    text = "Il sindaco ha parlato. «Abbiamo lavorato per mesi.\n\nOra il ponte è sicuro e lo sarà a lungo», ha detto."
    assert not any(a.cue and a.cue.text == "ha detto" for a in atts(text))


@pytest.mark.parametrize("text, source", [
    ("Zelensky non ha dubbi: «La Russia vuole soltanto prendere tempo».", "Zelensky"),
    ("Il premier Carlo Neri è stato chiaro: «Non ci saranno nuove tasse quest’anno».", "Il premier Carlo Neri"),
])
def test_a_named_subject_before_a_colon_introduces_its_quotation(text, source):
    a = only(text)
    assert a.direct and a.source.text == source


@pytest.mark.parametrize("text", [
    "Il programma è semplice: «prima gli italiani e poi tutti gli altri».",   # no name
    "Sull’immagine è anche presente questo testo: «Lampedusa: manichini di finti immigrati annegati».",
    "Sotto alla fotografia è riportato questo testo: «Signori, vi ricordo che Lampedusa è un’isola».",
])
def test_a_clause_before_a_colon_without_a_named_subject_is_no_speaker(text):
    assert not any(a.direct and a.source for a in atts(text))


def test_scare_quotes_and_titles_are_not_speech():
    assert atts("Il governo ha definito la manovra una “svolta storica” per il Paese.") == []
    assert atts("Ieri è stato firmato il \"Patto per la crescita sostenibile del Mezzogiorno\".") == []
    assert atts("Il trattato istituisce una «alleanza» tra i due Paesi confinanti.") == []


def test_fragments_attributed_by_inverted_cue_are_direct_speech():
    text = ("La riforma è una «truffa» e il governo «dovrà risponderne in Parlamento». "
            "Lo afferma il leader dell'opposizione, Marco Verdi.")
    a = only(text)
    assert a.direct and a.cue.text == "afferma"
    assert a.source.text == "il leader dell'opposizione, Marco Verdi"
    assert [text[s:e] for s, e in a.spans] == ["truffa", "dovrà risponderne in Parlamento"]


@pytest.mark.parametrize("text, content, cue, source", [
    ("Il ponte riaprirà entro giugno, lo sostiene il sindaco Luca Bassi.",
     "Il ponte riaprirà entro giugno", "sostiene", "il sindaco Luca Bassi"),
    ("La gara sarà rifatta da capo: lo ha annunciato ieri l'assessora Paola Riva.",
     "La gara sarà rifatta da capo", "ha annunciato", "l'assessora Paola Riva"),
    ("I lavori sono finiti in anticipo, così ha spiegato la direttrice del cantiere.",
     "I lavori sono finiti in anticipo", "ha spiegato", "la direttrice del cantiere"),
])
def test_inverted_cue_after_a_comma_or_colon_takes_the_clause_before_it(text, content, cue, source):
    a = only(text)
    assert (a.content.text, a.cue.text, a.source.text) == (content, cue, source)


def test_a_clitic_after_a_comma_is_not_inverted_before_a_conjunction():
    # the subject would have to follow the cue; after "ma" it is another clause's, and the
    # object pronoun "lo" is no source either
    assert not any(a.source and a.source.text in {"gli crede", "lo"}
                   for a in atts("Il ponte è chiuso, lo ha detto ma nessuno gli crede."))


@pytest.mark.parametrize("text", [
    "Il ministro gli ha detto che la legge passerà entro l’estate.",
    "Il ministro ci ha detto che la legge passerà entro l’estate.",
    "Il ministro le ha detto che la legge passerà entro l’estate.",
])
def test_an_object_pronoun_before_the_verb_is_not_part_of_the_subject(text):
    assert only(text).source.text == "Il ministro"


def test_scare_quote_in_content_of_inverted_cue_stays_reported():
    text = ("Il trattato sancisce una «alleanza» tra i due Paesi. "
            "Lo ha detto il vice ministro della Difesa, Carlo Neri.")
    a = only(text)
    assert not a.direct
    assert a.content.text == "Il trattato sancisce una «alleanza» tra i due Paesi"
    assert a.source.text == "il vice ministro della Difesa, Carlo Neri"


# ---------------------------------------------------------------- Italian: reported speech

def test_reported_speech_with_che_clause():
    text = "Il ministro dell'Economia ha sottolineato che il deficit scenderà sotto il tre per cento."
    a = only(text)
    assert not a.direct and a.cue.text == "ha sottolineato"
    assert a.source.text == "Il ministro dell'Economia"
    assert a.content.text == "che il deficit scenderà sotto il tre per cento"


def test_secondo_and_secondo_quanto_dichiarato_da():
    a = only("Secondo il portavoce della polizia, Luca Gialli, i feriti sono dodici.")
    assert a.source.text == "il portavoce della polizia, Luca Gialli"
    assert a.content.text == "i feriti sono dodici"
    b = only("Secondo quanto dichiarato dalla portavoce della Farnesina Anna Viola la nave è salpata ieri.")
    assert b.source.text == "portavoce della Farnesina Anna Viola"
    assert b.content.text == "la nave è salpata ieri"
    c = only("Il ponte sarà chiuso fino a giugno, secondo l'ufficio tecnico del comune.")
    assert c.source.text == "l'ufficio tecnico del comune"
    assert c.content.text == "Il ponte sarà chiuso fino a giugno"


def test_il_secondo_is_not_a_cue():
    assert atts("Il secondo tempo è stato più equilibrato del primo.") == []


def test_inverted_lo_ha_detto_takes_previous_sentence():
    text = "Le scuole riapriranno lunedì in tutta la provincia. Lo ha detto l'assessore regionale, Anna Blu."
    a = only(text)
    assert a.content.text == "Le scuole riapriranno lunedì in tutta la provincia"
    assert a.source.text == "l'assessore regionale, Anna Blu" and a.cue.text == "ha detto"
    b = only("Il piano costerà due miliardi. Lo riferisce l'agenzia Ansa.")
    assert b.source.text == "l'agenzia Ansa" and b.content.text == "Il piano costerà due miliardi"


def test_parenthetical_and_final_cues():
    text = "La crisi, sostiene l'economista Carlo Rosa, durerà almeno altri due anni."
    a = only(text)
    assert a.source.text == "l'economista Carlo Rosa" and a.cue.text == "sostiene"
    assert [text[s:e] for s, e in a.spans] == ["La crisi", "durerà almeno altri due anni"]
    b = only("Il traffico è aumentato del venti per cento, ha riferito giovedì l'ufficio statistico del comune.")
    assert b.source.text == "l'ufficio statistico del comune"
    assert b.content.text == "Il traffico è aumentato del venti per cento"


def test_zero_subject_and_gerund_take_previous_speaker():
    text = ("Il sindaco Paolo Rossi ha detto che il cantiere partirà a marzo, aggiungendo che i costi "
            "sono coperti. Ha poi precisato che i lavori dureranno un anno.")
    found = atts(text)
    assert len(found) == 3
    assert all(a.source is not None and a.source.text == "Il sindaco Paolo Rossi" for a in found)
    assert found[1].cue.text == "aggiungendo" and found[2].cue.text == "Ha poi precisato"


def test_quote_then_cue_then_gerund_clause():
    text = ("La riunione è finita tardi. “Il taglio dei fondi è un errore grave,” ha dichiarato la "
            "rettrice Giulia Marini, stimando che oltre 300 ricercatori perderanno il posto.")
    doc = doc_of(text)
    quote, estimate = doc.attributions
    assert quote.direct and quote.cue.text == "ha dichiarato"
    assert quote.content.text == "Il taglio dei fondi è un errore grave"
    assert resolve_speaker(doc, quote) == "Giulia Marini"
    assert not estimate.direct and estimate.cue.text == "stimando"
    assert estimate.content.text == "che oltre 300 ricercatori perderanno il posto"
    assert resolve_speaker(doc, estimate) == "Giulia Marini"


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("Il ministro Carlo Bianchi ha presentato il piano, che a suo dire ridurrà i costi del 20%.",
     "a suo dire", "ridurrà i costi del 20%", "Carlo Bianchi"),
    ("Il ministro Carlo Bianchi ha parlato a lungo. A suo avviso, la crisi finirà entro l’estate.",
     "A suo avviso", "la crisi finirà entro l’estate", "Carlo Bianchi"),
    ("La sindaca Paola Neri è intervenuta ieri. La situazione è sotto controllo, a suo dire.",
     "a suo dire", "La situazione è sotto controllo", "Paola Neri"),
    ("I sindacati hanno incontrato Marco Galli. Secondo lui la trattativa riprenderà lunedì.",
     "Secondo lui", "la trattativa riprenderà lunedì", "Marco Galli"),
])
def test_possessive_cues_take_the_subject_as_speaker(text, cue, content, speaker):
    doc = doc_of(text)
    a = only(text)
    assert (a.cue.text, a.content.text) == (cue, content)
    assert resolve_speaker(doc, a) == speaker


def test_possessive_words_without_a_cue_are_not_speech():
    assert atts("Il suo dire è sempre stato misurato, e il suo avviso di garanzia è arrivato ieri.") == []


def test_nouns_looking_like_cues_are_not_cues():
    assert atts("La conferma del dispiegamento è arrivata in serata.") == []


# ---------------------------------------------------------------- speaker resolution

def test_resolve_speaker_names_roles_and_pronouns():
    text = ("Il segretario generale del partito, Giulia Rossi, ha parlato ieri a Roma. "
            "Rossi ha detto che il congresso si terrà in autunno. "
            "Il Segretario Generale del partito ha chiarito: “Non ci saranno rinvii di alcun tipo”. "
            "“Lavoreremo con tutti”, ha aggiunto.")
    doc = doc_of(text)
    speakers = [resolve_speaker(doc, a) for a in doc.attributions]
    assert speakers == ["Giulia Rossi"] * 3
    assert doc.attributions[0].source.text == "Rossi"


def test_resolve_speaker_role_followed_by_name_and_unnamed_source():
    text = ("Secondo quanto dichiarato dalla portavoce della Farnesina Anna Viola la nave è salpata. "
            "La portavoce della Farnesina ha sottolineato che l'equipaggio sta bene. "
            "«Stiamo verificando ogni dettaglio», ha affermato un funzionario dell'agenzia.")
    doc = doc_of(text)
    names = [resolve_speaker(doc, a) for a in doc.attributions]
    assert names[1] == "Anna Viola"
    assert names[2] == "funzionario dell'agenzia"



@pytest.mark.parametrize("text, speaker", [
    # a personal pronoun or "quest'ultimo" with no speaker before it: the last person named
    ("Il ministro Mario Rossi ha parlato ieri a Roma. Lui ammette che il piano è in ritardo.",
     "Mario Rossi"),
    ("La sindaca Anna Verdi ha dichiarato che i conti sono in ordine. "
     "Quest'ultima ha spiegato che i fondi arriveranno a marzo.", "Anna Verdi"),
])
def test_anaphoric_subjects_resolve_to_the_person_before(text, speaker):
    from rassegna.model import RawDocument
    from rassegna.pipeline import analyse

    # through the pipeline: the person is told from the place ("Roma") by the NER
    doc = analyse(RawDocument(id="t", source="t", text=text, format="txt", needs_cleaning=False),
                  Options(lang="it"))
    assert resolve_speaker(doc, doc.attributions[-1]) == speaker


@pytest.mark.parametrize("text, pronoun, speaker", [
    # a name right before the pronoun: that entity
    ("Julian Assange, who denies the accusation, has avoided extradition.", "who", "Julian Assange"),
    # else the words before it back to a determiner or punctuation
    ("Lawmakers and a bishop who sought talks said the police had gone too far.", "who", "bishop"),
    ("The billionaire investor who tangled with the senator said the tax was unfair.", "who",
     "billionaire investor"),
    # dashes are punctuation
    ("The study -- which notes that most firms ignore it -- was published.", "which", "study"),
    # a date is no antecedent
    ("The plan was announced in March, which aimed to cut emissions by half.", "which", None),
    # nothing left: no speaker rather than "who"
    ("Those who believe the claim said it was true.", "who", None),
    ("She sings for anyone who has ever said goodbye to a friend.", "who", None),
    ("Il ministro Mario Rossi, il quale ha parlato ieri, è in ritardo.", "il quale", "Mario Rossi"),
])
def test_a_relative_pronoun_source_stands_for_the_phrase_before_it(text, pronoun, speaker):
    from rassegna.model import Attribution, RawDocument, Span
    from rassegna.pipeline import analyse

    doc = analyse(RawDocument(id="t", source="t.txt", text=text, format="txt", needs_cleaning=False),
                  Options(lang="it" if "ministro" in text else "en"))
    at = text.index(" " + pronoun + " ") + 1
    source = Span.of(text, at, at + len(pronoun))
    content = Span.of(text, at + len(pronoun) + 1, len(text) - 1)
    assert resolve_speaker(doc, Attribution(content=content, direct=False, source=source)) == speaker


@pytest.mark.parametrize("text, source, speaker", [
    # a name set off by a comma and described: the name, not the organisation in its description
    ("The plan is not reform, said Douglas Holtz-Eakin, an economist at the American Action Forum.",
     "Douglas Holtz-Eakin, an economist at the American Action Forum", "Douglas Holtz-Eakin"),
    ("Rep. Gregory Meeks (D-N.Y.), chairman of the Congressional Black Caucus, said the vote mattered.",
     "Rep. Gregory Meeks (D-N.Y.), chairman of the Congressional Black Caucus", "Gregory Meeks"),
    # a list is not a name and its description: the last name, as before
    ("Barack Obama, Hillary Clinton and Paul Ryan said the deal was fair.",
     "Barack Obama, Hillary Clinton and Paul Ryan", "Paul Ryan"),
    # a place's possessive modifies the head; a person's possessive is the speaker
    ("President Donald Trump's claim that crime is rising in Chicago was wrong.",
     "President Donald Trump's", "Donald Trump"),
])
def test_the_speaker_is_the_head_of_the_source(text, source, speaker):
    from rassegna.model import Attribution, RawDocument, Span
    from rassegna.pipeline import analyse

    doc = analyse(RawDocument(id="t", source="t.txt", text=text, format="txt", needs_cleaning=False),
                  Options(lang="en"))
    at = text.index(source)
    attribution = Attribution(content=Span.of(text, 0, 10), direct=False,
                              source=Span.of(text, at, at + len(source)))
    assert resolve_speaker(doc, attribution) == speaker


def test_a_place_or_adjective_inside_a_role_is_not_the_speaker():
    from rassegna.model import Attribution, RawDocument, Span
    from rassegna.pipeline import analyse

    text = ("Voters in Ohio are divided. The Republican presidential nominee said the economy was "
            "broken. The New York businessman also said taxes were too high. Russia said it would respond.")
    doc = analyse(RawDocument(id="t", source="t.txt", text=text, format="txt", needs_cleaning=False),
                  Options(lang="en"))

    def speaker(source):
        at = text.index(source)
        return resolve_speaker(doc, Attribution(content=Span.of(text, 0, 5), direct=False,
                                                source=Span.of(text, at, at + len(source))))
    assert speaker("The Republican presidential nominee") == "Republican presidential nominee"
    assert speaker("The New York businessman") == "New York businessman"
    assert speaker("Russia") == "Russia"  # the place itself still speaks


def test_a_place_before_a_possessive_is_not_the_speaker():
    from rassegna.attribution import _is_modifier

    text = "New York's chief medical examiner concluded that he died by suicide."
    assert _is_modifier(text, 0, len("New York"))
    assert not _is_modifier(text, 0)  # a person's possessive is read without `end`
    assert _is_modifier("an economist at the Tax Foundation", len("an economist at the "))
    # where it was posted is no speaker
    text = "chi ha pubblicato il contenuto su Facebook"
    assert _is_modifier(text, text.index("Facebook"), None, 0)
    # only the source's own words count: the preposition before the source is the cue's
    text = "Politifact seized on Trump's claim"
    assert not _is_modifier(text, text.index("Trump"), None, text.index("Trump"))
    assert _is_modifier(text, text.index("Trump"), None, 0)


def test_the_writer_is_not_the_last_speaker():
    from rassegna.model import Attribution, RawDocument, Span
    from rassegna.pipeline import analyse

    text = ("Senator Jane Doe said the plan would fail. I think she is wrong about the plan. "
            "“I know the numbers,” she added.")
    doc = analyse(RawDocument(id="t", source="t.txt", text=text, format="txt", needs_cleaning=False),
                  Options(lang="en"))

    def speaker(source, after):
        at = text.index(source, text.index(after))
        return resolve_speaker(doc, Attribution(content=Span.of(text, at + len(source) + 1, at + 20),
                                                direct=False, source=Span.of(text, at, at + len(source))))
    # "I" in the writer's own voice is the writer, not Jane Doe
    assert speaker("I", "fail.") is None
    # inside quotation marks "I" is still whoever is quoted
    assert speaker("I", "wrong") == "Jane Doe"


def test_who_in_capitals_is_the_organisation():
    from rassegna.model import Attribution, RawDocument, Span
    from rassegna.pipeline import analyse

    text = "Cases are rare, but WHO said the risk was growing."
    doc = analyse(RawDocument(id="t", source="t.txt", text=text, format="txt", needs_cleaning=False),
                  Options(lang="en"))
    at = text.index("WHO")
    attribution = Attribution(content=Span.of(text, at + 9, len(text) - 1), direct=False,
                              source=Span.of(text, at, at + 3))
    assert resolve_speaker(doc, attribution) == "WHO"


# ---------------------------------------------------------------- English

def test_english_direct_and_interrupted_quotes():
    a = only('"We will win this state," Senator Jane Doe said.', "en")
    assert a.direct and a.source.text == "Senator Jane Doe" and a.cue.text == "said"
    assert a.content.text == "We will win this state"
    text = '“This is wrong,” she said, “and we will fight it in every court.”'
    b = only(text, "en")
    assert b.source.text == "she" and len(b.spans) == 2


def test_english_reported_speech():
    a = only("The mayor said that the city budget would be balanced next year.", "en")
    assert not a.direct and a.source.text == "The mayor" and a.cue.text == "said"
    assert a.content.text == "that the city budget would be balanced next year"
    b = only("According to the police report, three people were injured in the crash.", "en")
    assert b.source.text == "the police report" and b.content.text == "three people were injured in the crash"
    c = only("The economy is slowing down sharply, the central bank said on Tuesday.", "en")
    assert c.source.text == "the central bank" and c.content.text == "The economy is slowing down sharply"


def test_english_pronoun_resolves_to_last_speaker():
    text = ('Governor Maria Lopez spoke in Denver. "The plan is ready," Lopez said. '
            '"We start tomorrow morning," she added.')
    doc = doc_of(text, "en")
    assert [resolve_speaker(doc, a) for a in doc.attributions] == ["Maria Lopez", "Maria Lopez"]


def test_find_quotes_conventions():
    text = 'A “uno” B «due» C "tre" D „quattro“ E ‘cinque’ l’apostrofo.'
    inner = [text[q.inner_start:q.inner_end] for q in find_quotes(text)]
    assert inner == ["uno", "due", "tre", "quattro", "cinque"]


# ---------------------------------------------------------------- evaluation

ANN = """T1\tSource 0 5\tSmith
T2\tCue 6 10\tsaid
T3\tContent 11 40\tthe plan would cost two billion
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 42 55;60 70\tfirst piece second
T6\tCue 56 59\tsay
E2\tAttribution:T6 Content:T5 Cue:T6
T7\tDiscuss 0 3\tSmi
"""


def test_parse_ann_reads_events_and_discontinuous_spans():
    gold = parse_ann(ANN)
    assert len(gold) == 2
    assert gold[0].source == ((0, 5),) and gold[0].cue == ((6, 10),)
    assert gold[1].content == ((42, 55), (60, 70)) and gold[1].source == ()


def test_match_contents_uses_word_jaccard_one_to_one():
    text = "one two three four five six seven eight"
    gold = [((0, 23),)]                       # one two three four five
    assert match_contents(text, gold, [((0, 13),)]) == [(0, 0)]  # 3/5 = 0.6
    assert match_contents(text, gold, [((0, 7),)]) == []          # 2/5 = 0.4
    # two predictions for one gold: only the better one matches
    assert match_contents(text, gold, [((0, 13),), ((0, 23),)]) == [(0, 1)]


def test_score_article_counts():
    text = "Smith said the plan would cost two billion dollars in total."
    gold = [GoldAttribution(content=((11, 60),), cue=((6, 10),), source=((0, 5),))]
    pred = [Attribution(Span.of(text, 11, 50), False, Span.of(text, 0, 5), Span.of(text, 6, 10)),
            Attribution(Span.of(text, 0, 5), False, None, None)]
    counts = {m: Counts() for m in METRICS}
    score_article(text, gold, pred, counts)
    assert counts["content_overlap"].scores()["tp"] == 1
    assert counts["content_overlap"].scores()["p"] == 0.5 and counts["content_overlap"].scores()["r"] == 1.0
    assert counts["content_exact"].scores()["tp"] == 0
    assert counts["source"].scores()["f1"] == 1.0
    assert counts["cue"].scores()["p"] == 1.0


def test_evaluate_attribution_on_a_tiny_folder(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "The mayor said that the city budget would be balanced next year.\n"
    (tmp_path / "text" / "art.txt").write_text(text)
    ann = ("T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 63\tthat the city budget would be "
           "balanced next year\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "art_aaaa.ann").write_text(ann)
    (tmp_path / "attributions" / "art_bbbb.ann").write_text("")  # second annotator: ignored
    out = evaluate_attribution(tmp_path)
    assert out["task"] == "attribution" and out["documents"] == 1
    assert out["content_exact"]["f1"] == 1.0 and out["source"]["f1"] == 1.0 and out["cue"]["f1"] == 1.0


def test_read_polnear_first_or_later_annotators(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "one.txt").write_text("Smith said the plan would cost two billion.\n")
    (tmp_path / "text" / "two.txt").write_text("No annotation file names this text.\n")
    first = "T1\tContent 11 43\tthe plan would cost two billion\nE1\tAttribution:T1 Content:T1\n"
    (tmp_path / "attributions" / "one_aaaa.ann").write_text(first)
    (tmp_path / "attributions" / "one_bbbb.ann").write_text(first.replace("11 43", "15 43"))
    (tmp_path / "attributions" / "one_cccc.ann").write_text("")
    [one] = read_polnear(tmp_path)
    assert one.name == "one" and one.gold[0].content == ((11, 43),)
    later = read_polnear(tmp_path, later_annotators=True)
    assert [a.name for a in later] == ["one_bbbb", "one_cccc"]
    assert later[0].gold[0].content == ((15, 43),) and later[1].gold == []


def test_score_spans_scores_one_annotator_against_another():
    text = "Smith said the plan would cost two billion dollars in total."
    gold = [GoldAttribution(content=((11, 60),), cue=((6, 10),), source=((0, 5),))]
    other = [{"content": ((15, 60),), "cue": ((6, 10),), "source": ()}]
    counts = {m: Counts() for m in METRICS}
    score_spans(text, gold, other, counts)
    assert counts["content_overlap"].scores()["f1"] == 1.0
    assert counts["content_exact"].scores()["tp"] == 0
    # the matched content names no source: nothing predicted, one missed
    assert counts["source"].scores()["pred"] == 0 and counts["source"].scores()["gold"] == 1


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev not available")
def test_polnear_dev_handful():
    out = evaluate_attribution(POLNEAR_DEV, limit=8)
    assert out["documents"] == 8
    assert out["content_overlap"]["f1"] > 0.4
    assert out["source"]["f1"] > 0.5


@pytest.mark.parametrize("text, source", [
    # a scene-setting phrase before the subject is not part of the source
    ("Ieri a Roma il ministro degli Esteri, Antonio Tajani, ha detto che la crisi è grave.",
     "il ministro degli Esteri, Antonio Tajani"),
    ("In serata la portavoce del ministero della Salute ha detto che i contagi calano.",
     "la portavoce del ministero della Salute"),
    # a name after a comma is not in apposition to the tail of another phrase
    ("Stando alle immagini condivise in rete, Carlo Neri avrebbe commentato la proposta dichiarando: "
     "«Nessuno verrà curato in ospedale».", "Carlo Neri"),
])
def test_source_is_the_subject_noun_phrase(text, source):
    sources = {a.source.text for a in atts(text) if a.source is not None and a.cue.text != "Stando alle"}
    assert source in sources, sources


def test_quotations_are_marked_by_kind():
    text = ("Il ministro ha parlato di «grave crisi». «Non ci fermeremo davanti a nulla», ha detto Rossi. "
            "Sul cartello si leggeva «Chi entra senza permesso sarà denunciato dalla polizia locale.» e "
            "niente altro. Il punto («.») non conta.")
    doc = doc_of(text)
    from rassegna.attribution import find_quotations

    kinds = {q.text: q.kind for q in find_quotations(doc)}
    assert kinds == {"grave crisi": "scare", "Non ci fermeremo davanti a nulla": "speech",
                     "Chi entra senza permesso sarà denunciato dalla polizia locale.": "unattributed"}


def test_secondo_cui_takes_the_antecedent_as_source():
    a = only("Su Facebook è circolata la notizia secondo cui il governo avrebbe bocciato la proposta.")
    assert a.source.text == "la notizia" and a.cue.text == "secondo"
    assert a.content.text == "il governo avrebbe bocciato la proposta"


def test_prepositional_source_stops_before_the_next_clause_subject():
    doc = doc_of("Secondo quanto riportato da diversi media Romano avrebbe invece detto di non essere incinta.")
    a = doc.attributions[0]
    assert a.source.text == "diversi media"
    assert a.content.text.startswith("Romano avrebbe")
    assert resolve_speaker(doc, a) == "diversi media"


@pytest.mark.parametrize("text, cue, source, content", [
    ("Secondo il sindaco i lavori finiranno presto.", "Secondo", "il sindaco", "i lavori finiranno presto"),
    ("Secondo quanto si legge nel documento, il ceppo sarebbe stato fornito dall’Oms.",
     "Secondo quanto si legge nel", "documento", "il ceppo sarebbe stato fornito dall’Oms"),
    ("Nel rapporto si spiega che l’esigenza è nata nel 2010.", "spiega", None, "che l’esigenza è nata nel 2010"),
])
def test_prepositional_and_impersonal_cues(text, cue, source, content):
    a = only(text)
    assert (a.cue.text, a.source.text if a.source else None, a.content.text) == (cue, source, content)


def test_capitalised_secondo_inside_a_sentence_is_a_name():
    assert atts("L’articolo è stato pubblicato da Secondo Piano News nel maggio 2020.") == []


def test_a_quotation_does_not_continue_a_secondo_source():
    found = atts("Secondo alcune ipotesi prive di fondamento, il virus è artificiale. "
                 "«Il laboratorio di Wuhan è di proprietà di una multinazionale.»")
    assert [a.cue.text for a in found] == ["Secondo"]


def test_secondo_la_quale_and_come_sostiene():
    a = only("Circola una teoria secondo la quale il virus sarebbe artificiale.")
    assert (a.source.text, a.content.text) == ("una teoria", "il virus sarebbe artificiale")
    b = only("La crisi, come sostiene Rossi, è grave.")
    assert b.source.text == "Rossi" and [("La crisi, come sostiene Rossi, è grave."[s:e]) for s, e in b.spans] \
        == ["La crisi", "è grave"]
    assert atts("Non è vero, come si sostiene, che il virus sia artificiale.") == []


@pytest.mark.parametrize("text, source, cue, content", [
    ("Come riporta il Corriere della Sera, la gara sarà rifatta.", "il Corriere della Sera", "Come riporta",
     "la gara sarà rifatta"),
    ("Come ha spiegato il ministro Carlo Neri, la gara sarà rifatta entro maggio.", "il ministro Carlo Neri",
     "Come ha spiegato", "la gara sarà rifatta entro maggio"),
])
def test_come_with_a_reporting_verb_opening_the_sentence_is_a_prepositional_cue(text, source, cue, content):
    a = only(text)
    assert (a.source.text, a.cue.text, a.content.text) == (source, cue, content)
    assert atts("Come ogni anno, il ponte è chiuso per la festa del paese.") == []
    # a bare participle is the writer referring to their own text; a rule provides, it does not say
    assert atts("Come detto sopra, il ponte è chiuso per la festa del paese.") == []
    assert atts("Come previsto dal regolamento comunale, il ponte è chiuso per la festa del paese.") == []


def test_source_edges_drop_footnotes_and_adverbs():
    assert only("Nel video 10 Silvana De Mari sostiene che il vaccino non funzioni.").source.text == "Silvana De Mari"
    assert only("Il dato, come riporta Quello di Roma analogamente, è falso.").source.text == "Quello di Roma"
    a = only("Il pezzo è stato corretto nel 2020, stando a quanto riportato dall’articolo.")
    assert a.source.text == "articolo" and a.cue.text == "stando a quanto riportato dall’"


@pytest.mark.parametrize("text, source, direct", [
    ("Nel post si legge: «Il vaccino contiene un microchip».", "post", True),
    ("Su Facebook è stato pubblicato un post in cui si legge che i soldati avrebbero arrestato il presidente.",
     "un post", False),
])
def test_a_text_as_source_si_legge(text, source, direct):
    a = only(text)
    assert (a.cue.text, a.source.text, a.direct) == ("si legge", source, direct)


@pytest.mark.parametrize("text, source", [
    ("Si legge in una nota della Regione che i fondi per il ponte ci sono.", "una nota della Regione"),
    ("Nel comunicato si legge che i fondi per il ponte ci sono.", "comunicato"),
    ("Sul sito del ministero si legge che i fondi per il ponte ci sono.", "sito del ministero"),
])
def test_si_legge_reads_from_the_text_of_its_place_phrase(text, source):
    assert only(text).source.text == source



@pytest.mark.parametrize("text, cue, source", [
    ("Stando a quanto hanno confermato i colleghi di Stopfake, si tratta di una notizia falsa.",
     "Stando a quanto hanno confermato", "i colleghi di Stopfake"),
    ("A quanto appreso dal Corriere, il governo cadrà entro l’estate.", "A quanto appreso dal", "Corriere"),
    ("«Nessuno dei nessi è stato dimostrato», ha chiarito in un lungo approfondimento l’Airc.",
     "ha chiarito", "l’Airc"),
])
def test_reporting_phrases_and_adjuncts_before_the_source(text, cue, source):
    a = only(text)
    assert (a.cue.text, a.source.text) == (cue, source)


def test_the_writers_own_view_is_not_an_attribution():
    assert atts("Questa, a nostro avviso, non è una fonte autorevole per la notizia.") == []


@pytest.mark.parametrize("text, source, content", [
    # impersonal reporting verb in a relative clause: the text it is said in is the source
    ("Il quotidiano ha pubblicato un articolo in cui si sosteneva che il sindaco aveva mentito.",
     "un articolo", "che il sindaco aveva mentito"),
    ("Sul muro compare una scritta in inglese in cui si afferma che la guerra è finita.",
     "una scritta in inglese", "che la guerra è finita"),
    ("La ministra ha firmato una circolare nella quale si spiega che le scuole resteranno aperte.",
     "una circolare", "che le scuole resteranno aperte"),
    # a non-restrictive "secondo cui" after a comma takes the name before the comma
    ("Il ricorso è stato accolto dalla giudice Anna Verdi, secondo cui mancavano le prove del danno.",
     "giudice Anna Verdi", "mancavano le prove del danno"),
    # a free relative after "secondo" is the source, up to its comma
    ("Secondo chi ha condiviso il video, la polizia avrebbe caricato i manifestanti senza motivo.",
     "chi ha condiviso il video", "la polizia avrebbe caricato i manifestanti senza motivo"),
    # … without a comma, up to the main clause's conditional verb and its subject
    ("Secondo chi ha pubblicato il video sarebbe il filantropo Bill Gates a finanziare il progetto.",
     "chi ha pubblicato il video", "sarebbe il filantropo Bill Gates a finanziare il progetto"),
    ("Secondo chi ha pubblicato il post su Facebook l’immagine mostrerebbe una fuga di notizie.",
     "chi ha pubblicato il post su Facebook", "l’immagine mostrerebbe una fuga di notizie"),
    # … and after an inverted cue, up to its clause's end
    ("«Finalmente un governo serio», ha commentato chi ha pubblicato il post su Facebook.",
     "chi ha pubblicato il post su Facebook", "Finalmente un governo serio"),
    # a participle after the source's noun carries its place or agent phrase
    ("Secondo uno studio pubblicato sulla rivista Lancet, i contagi sono calati del 30 per cento.",
     "uno studio pubblicato sulla rivista Lancet", "i contagi sono calati del 30 per cento"),
    ("Secondo i ricercatori impegnati nella sperimentazione, il farmaco è sicuro.",
     "i ricercatori impegnati nella sperimentazione", "il farmaco è sicuro"),
    ("Secondo un'indiscrezione fornita da La Stampa, il governo cadrà entro l'estate.",
     "un'indiscrezione fornita da La Stampa", "il governo cadrà entro l'estate"),
    # a trailing adverb is not the source's
    ("Secondo quanto dichiarato da Luca Bianchi soltanto, la terapia sarebbe satura.",
     "Luca Bianchi", "la terapia sarebbe satura"),
    # complements listed after a comma are the source's; without a list the content keeps its own
    ("Secondo i dati dell'Istat, della Banca d'Italia e dell'Inps, i salari sono fermi.",
     "i dati dell'Istat, della Banca d'Italia e dell'Inps", "i salari sono fermi"),
    ("Secondo il ministro della Difesa, della Nato non ci si può fidare.",
     "il ministro della Difesa", "della Nato non ci si può fidare"),
    # "secondo cui" after a clause with a clitic verb hangs on the phrase after the verb
    ("La seconda parte del testo si occupa invece della notizia secondo cui il governo avrebbe mentito.",
     "notizia", "il governo avrebbe mentito"),
])
def test_relative_and_phrase_sources(text, source, content):
    a = only(text)
    assert a.source is not None and a.source.text == source
    assert a.content.text == content
    check_offsets(text, [a])


@pytest.mark.parametrize("text, source", [
    ("Sempre il 29 maggio il Times of India ha riportato che il college era chiuso.", "il Times of India"),
    ("Giovedì 16 aprile il ministro della Sanità, Alain Berset, ha ammesso che il Paese era impreparato.",
     "il ministro della Sanità, Alain Berset"),
    ("Ieri Mario Draghi ha annunciato che il governo si dimetterà.", "Mario Draghi"),
    ("Secondo Oggi, il ministro si dimetterà entro la settimana.", "Oggi"),  # the magazine
])
def test_a_date_or_linking_adverb_before_the_subject_is_not_the_source(text, source):
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize("text, source", [
    ("Il sindaco ha pubblicato un video, spiegando che la scuola resterà chiusa fino a lunedì.", "Il sindaco"),
    ("Antonio Rossi ha chiuso il caso dichiarando ai giornalisti che le cose andavano bene.", "Antonio Rossi"),
    ("Trainor ha definito «illegittimo» il voto, denunciando l’assenza di osservatori nei seggi.", "Trainor"),
    # inverted order: the opener is the object, the subject follows the participle
    ("Lo ha confermato ieri la sindaca Anna Neri, spiegando che i lavori partiranno a maggio.",
     "la sindaca Anna Neri"),
    ("Lo ha detto il portavoce del ministero, Carlo Verdi, aggiungendo che la gara sarà rifatta.",
     "il portavoce del ministero, Carlo Verdi"),
])
def test_a_gerund_cue_takes_the_subject_of_its_clause(text, source):
    (a,) = [a for a in atts(text) if a.cue.text.endswith("ndo")]
    assert a.source is not None and a.source.text == source


def test_a_gerund_after_a_new_clause_keeps_the_previous_speaker():
    found = atts("Il ministro ha detto che la legge passerà, sostenendo che i voti ci sono.")
    assert [a.source.text for a in found] == ["Il ministro", "Il ministro"]


def test_a_link_word_after_the_source_is_not_part_of_it():
    a = only("La scena si è verificata a Khyber, come riportato da diversi media pakistani qui.")
    assert a.source.text == "diversi media pakistani"


def test_a_sentence_opening_on_a_gerund_is_the_writers_own_reasoning():
    assert atts("Osservando la fotografia è infatti evidente che le persone in piazza sono poche.") == []


def test_a_trailing_date_is_not_part_of_the_source():
    found = atts("La notizia è stata pubblicata da Il Giornale il 13 gennaio, secondo cui i vaccini funzionano.")
    (a,) = [a for a in found if a.cue.text == "secondo"]
    assert a.source.text == "Il Giornale"


@pytest.mark.parametrize("text", [
    "Non esiste a oggi alcuna evidenza scientifica secondo cui il vaccino possa causare infertilità.",
    "Non c’è uno studio secondo cui il vaccino possa causare infertilità.",
    "Non risulta nessun documento secondo il quale la scuola sarebbe stata chiusa.",
])
def test_a_source_denied_to_exist_is_no_attribution(text):
    assert atts(text) == []


def test_a_source_whose_existence_is_not_denied_keeps_secondo_cui():
    a = only("Il portale parlava di uno studio secondo cui la pandemia aveva provocato morti evitabili.")
    assert a.source.text == "uno studio"


@pytest.mark.parametrize("text, source", [
    # a date after the cue is when; the subject follows it
    ("Il messaggio è circolato anche in spagnolo, come hanno riportato lo scorso 26 maggio i colleghi di Maldita.",
     "i colleghi di Maldita"),
    ("Save The Children lo scorso agosto ha denunciato che il tasso di mortalità era triplicato.", "Save The Children"),
    ("Lo scorso 7 gennaio Donald Trump ha invece dichiarato che garantirà una transizione serena.", "Donald Trump"),
])
def test_a_date_around_the_source_is_not_part_of_it(text, source):
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize("text", [
    "L’agenzia ha sospeso il lotto. L’11 marzo 2021 aveva comunicato che non c’era alcun legame con i decessi.",
    "Il medico al minuto 1:17 afferma che il vaccino non è sicuro.",
])
def test_a_date_or_a_number_is_never_the_source(text):
    for a in atts(text):
        assert a.source is None or any(ch.isalpha() for ch in a.source.text) and "marzo" not in a.source.text


@pytest.mark.parametrize("text, attributed", [
    ("Com’è possibile invece notare osservando le foto del 27 ottobre, tutti i presenti hanno la mascherina.", False),
    ("Il post prosegue ricordando notizie di altri recenti decessi tra i vaccinati.", False),
    ("Il sindaco ha chiuso la conferenza osservando che i lavori sono in ritardo.", True),
    ("Il sindaco ha chiuso la conferenza ricordando «i ritardi accumulati».", True),
    # a gerund of speech keeps its noun-phrase content
    ("Trainor ha definito «illegittimo» il voto, denunciando l’assenza di osservatori nei seggi.", True),
])
def test_gerunds_of_looking_and_recalling_need_a_clause(text, attributed):
    found = [a for a in atts(text) if a.cue is not None and a.cue.text.endswith("ndo")]
    assert bool(found) == attributed


def test_the_clause_set_against_a_source_is_not_its_content():
    found = atts("È evidente quindi che non è vero, a differenza di quanto affermano Becchi e Zibordi, "
                 "che il numero dei morti sia gonfiato.")
    assert all("non è vero" not in a.content.text for a in found)


@pytest.mark.parametrize("text", [
    "Non risulta corretta neanche l’affermazione secondo cui il Senato sarebbe stato eletto dai partiti.",
    "Le accuse non sono supportate da alcuna prova, così come l’affermazione secondo cui il nonno era nelle SS.",
])
def test_a_claim_denied_true_is_still_attributed_to_its_phrase(text):
    a = only(text)
    assert a.source.text == "l’affermazione"


@pytest.mark.parametrize("text, source", [
    ("Lo ha confermato la deputata repubblicana Nancy Mace, che il 4 febbraio ha twittato: "
     "«Ero a due porte di distanza e nessuno è arrivato».", "la deputata repubblicana Nancy Mace"),
    ("Il post è stato condiviso da Anna Bianchi, che ha dichiarato che la città è pronta.", "Anna Bianchi"),
])
def test_a_relative_pronoun_subject_stands_for_the_phrase_before_its_comma(text, source):
    (a,) = [a for a in atts(text) if a.cue.text in ("ha twittato", "ha dichiarato")]
    assert a.source.text == source


def test_a_participle_after_an_article_is_a_noun_of_the_source():
    assert only("La deputata Maria Rossi ha dichiarato che la legge è pronta.").source.text == "La deputata Maria Rossi"


def test_a_place_phrase_after_a_noun_source_is_not_part_of_it():
    # after an article the word in -ato/-uta is the noun itself, and "su Facebook" says where
    assert only("Secondo l'avvocato sul suo blog, la sentenza è sbagliata.").source.text == "l'avvocato"
    assert only("Secondo il sindacato nel comunicato, i salari sono fermi.").source.text == "il sindacato"


def test_a_conjunction_or_a_link_is_no_source_and_nobody_said_nothing():
    from rassegna.attribution import _tidy_source

    # "L'Ecdc indica … e riporta …": the subject is elided, not "e"; "come si legge qui": a link
    for word in ("e", "qui", "and", "here"):
        assert _tidy_source(word, 0, len(word)) is None
    assert _tidy_source("Ecdc", 0, 4) == (0, 4)
    # a source that is nobody: no attribution at all
    assert atts("Nessuno ha detto che la legge è pronta.") == []
    assert atts("In nessun punto si legge che il ministro abbia firmato.") == []
    # the English tagger's output too (it tags "no one" as a source, as PolNeAR annotates)
    text = "Netflix has been a game changer but no one knows just how much disruption it will bring."
    assert not [a for a in atts(text, "en") if a.source and a.source.text.lower().startswith("no")]


# ---------------------------------------------------------------- transcripts

TRANSCRIPT_IT = """Il ministro Giancarlo Giorgetti ha risposto alle domande di Lucia Annunziata.

ANNUNZIATA: Ministro, la manovra basterà?

GIORGETTI: Credo di sì. I conti reggono.

ANNUNZIATA: E le pensioni?

GIORGETTI: Nessun taglio. Lo ha detto anche il presidente del Consiglio.
"""


def test_transcript_turns_are_direct_speech_of_their_labels():
    turns = transcript_turns(TRANSCRIPT_IT)
    assert [(t.source.text, t.cue.text, t.content.text) for t in turns] == [
        ("ANNUNZIATA", ":", "Ministro, la manovra basterà?"),
        ("GIORGETTI", ":", "Credo di sì. I conti reggono."),
        ("ANNUNZIATA", ":", "E le pensioni?"),
        ("GIORGETTI", ":", "Nessun taglio. Lo ha detto anche il presidente del Consiglio."),
    ]
    assert all(t.direct for t in turns)


def test_transcript_turns_keep_speech_reported_inside_a_turn():
    got = find_attributions(doc_of(TRANSCRIPT_IT, "it"))
    said = [(a.source.text if a.source else None, a.content.text) for a in got]
    assert ("il presidente del Consiglio", "Nessun taglio") in said       # the label is not part of it
    assert sum(1 for s, _ in said if s == "GIORGETTI") == 2
    starts = [min(x.start for x in (a.content, a.source, a.cue) if x is not None) for a in got]
    assert starts == sorted(starts)


def test_transcript_needs_a_dialogue_of_named_speakers():
    # headings, a one-letter Q/A interview, a greeting: no speaker
    assert transcript_turns("UPDATE: the road is open again.\n\nVIDEO: the bridge at dawn.\n") == []
    assert transcript_turns("Q: Will taxes rise?\n\nA: No.\n\nQ: Ever?\n\nA: Never.\n") == []
    assert transcript_turns("DEAR ABBY: My sister never calls.\n\nDEAR SISTER: Call her.\n") == []
    # one speaker alone is no dialogue, however often the label comes back
    assert transcript_turns("PENCE: One.\n\nPENCE: Two.\n") == []
    # a name written once as a label counts when the text names that person
    text = "Jake Tapper asked Mary Fallin.\n\nJAKE TAPPER: Is he trying?\n\nFALLIN: He is.\n\nFALLIN: Yes.\n"
    assert [t.source.text for t in transcript_turns(text)] == ["JAKE TAPPER", "FALLIN", "FALLIN"]


def test_turns_replace_what_runs_over_a_label_or_repeats_a_turn():
    text = ("Chris Wallace asked Mike Pence.\n\n\"WALLACE: Will she be there?\n\n"
            "\"PENCE: She will not attend. Donald Trump said that it was a joke.\n\n\"WALLACE: Thanks.\n")
    turns = transcript_turns(text)
    assert [t.source.text for t in turns] == ["WALLACE", "PENCE", "WALLACE"]

    def att(content: str, source: str | None) -> Attribution:
        start = text.index(content)
        src = Span.of(text, text.index(source), text.index(source) + len(source)) if source else None
        return Attribution(Span.of(text, start, start + len(content)), False, src, None)

    found = [att("WALLACE: Will she be there?\n\n\"PENCE: She will not attend", None),   # over a label
             att("She will not attend", "PENCE"),                                    # the label's own
             att("She will not attend. Donald Trump said that it was a joke", None),  # the turn again
             att("that it was a joke", "Donald Trump")]                              # inside: stays
    merged = _with_turns(text, found, turns)
    assert [(a.source.text if a.source else None, a.content.text) for a in merged] == [
        ("WALLACE", "Will she be there?"),
        ("PENCE", "She will not attend. Donald Trump said that it was a joke."),
        ("Donald Trump", "that it was a joke"),
        ("WALLACE", "Thanks."),
    ]


def test_a_label_in_capitals_resolves_to_the_full_name():
    assert _canonical("WALLACE", ["Fox News", "Chris Wallace"]) == "Chris Wallace"
    assert _canonical("JAKE TAPPER", ["Jake Tapper"]) == "Jake Tapper"
    assert _canonical("Wallace", ["Chris WALLACE"]) == "Wallace"    # only a name in capitals folds case


def test_transcript_speakers_resolve_to_the_people_named():
    from rassegna.model import RawDocument
    from rassegna.pipeline import analyse

    doc = analyse(RawDocument(id="t", source="t", text=TRANSCRIPT_IT, format="txt", needs_cleaning=False),
                  Options(lang="it"))
    turns = [a for a in doc.attributions if a.cue is not None and a.cue.text == ":"]
    assert [resolve_speaker(doc, a) for a in turns] == ["Lucia Annunziata", "Giancarlo Giorgetti"] * 2


def test_role_labels_written_as_common_words_are_not_speakers():
    text = ("Abbiamo posto una domanda al sindaco, e questa è la risposta.\n\n"
            "DOMANDA: Il ponte riaprirà?\n\nRISPOSTA: Sì, a maggio.\n\n"
            "DOMANDA: E i costi?\n\nRISPOSTA: Sono coperti.\n")
    assert transcript_turns(text) == []


@pytest.mark.parametrize("text, source, content", [
    # where it was reported is the source, when no one is named
    ("Stando a quanto riportato nell’articolo, il presidente avrebbe accusato l’agenzia di corruzione.",
     "articolo", "il presidente avrebbe accusato l’agenzia di corruzione"),
    ("Secondo quanto riportato nel post diffuso su Telegram, il sindaco si sarebbe dimesso ieri.",
     "post diffuso su Telegram", "il sindaco si sarebbe dimesso ieri"),
    # a date after the participle is when: the agent follows it
    ("Secondo quanto riportato nel maggio 2009 dal Telegraph, gli animali appartengono al circo.",
     "Telegraph", "gli animali appartengono al circo"),
    # a time phrase is no place, and an agent after the place is the source
    ("Secondo quanto riportato nei giorni scorsi da Repubblica, il sindaco si sarebbe dimesso.",
     "Repubblica", "il sindaco si sarebbe dimesso"),
])
def test_what_is_reported_somewhere_has_that_place_for_its_source(text, source, content):
    a = only(text)
    assert a.source is not None and a.source.text == source and a.content.text == content


@pytest.mark.parametrize("text", [
    "Il link non conduce a quanto annunciato nel testo, bensì alla home page del sito.",
    "Contrariamente a quanto riportato da Libero, la tassa non sarà abbuonata.",
    "Il prezzo è più alto rispetto a quanto riportato nel post oggetto della verifica.",
    "Il potere di deliberare, secondo l’articolo 78 della Costituzione, spetta alle Camere.",
    "Secondo il comma 3, la regola vale per tutti.",
])
def test_what_a_sentence_sets_against_or_a_law_says_is_no_attribution(text):
    assert atts(text) == []


def test_a_clause_opened_by_in_base_a_quanto_is_attributed():
    a = only("In base a quanto riferito da un portavoce delle Sdf, la scena si è verificata a Raqqa.")
    assert a.source.text == "un portavoce delle Sdf" and a.content.text == "la scena si è verificata a Raqqa"


def test_an_irregular_participle_carries_its_complement_into_the_source():
    a = only("Secondo il messaggio scritto dall’autore del post, il vaccino sarebbe obbligatorio.")
    assert a.source.text == "il messaggio scritto dall’autore del post"
    a = only("Secondo il video condiviso su Facebook, il vaccino sarebbe tossico.")
    assert a.source.text == "il video condiviso su Facebook"


@pytest.mark.parametrize("text, source", [
    ("Come ha raccontato la Bbc, le sue sorelle hanno sposato uomini tedeschi.", "la Bbc"),
    ("Secondo quanto sottolineato dal quotidiano di Indianapolis, non esistono dati sugli amish.",
     "quotidiano di Indianapolis"),
    ("La cifra, stando a quanto denunciato dal sindacato, sarebbe lorda.", "sindacato"),
])
def test_more_reporting_verbs_after_come_and_quanto(text, source):
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize("text", [
    # evidence testifies, and what a photo shows is seen: no one speaks
    "La persona è uno dei naufraghi, come testimonia il giubbotto arancione che indossa.",
    "Stando a quanto mostrato nella foto, tra i presenti non viene rispettato il distanziamento.",
])
def test_evidence_and_what_is_seen_are_no_attribution(text):
    assert atts(text) == []


@pytest.mark.parametrize("text, source", [
    ("La redazione ha ricevuto un post, pubblicato il 28 giugno su Facebook, secondo cui il vaccino sarebbe tossico.",
     "un post, pubblicato il 28 giugno su Facebook"),
    ("Ci hanno chiesto di verificare la notizia, circolata sull’app di messaggistica, secondo cui i bagnini non "
     "potranno intervenire.", "la notizia, circolata sull’app di messaggistica"),
    ("Ci hanno chiesto di verificare l’attendibilità della notizia secondo cui il ristorante sarebbe chiuso.",
     "notizia"),
])
def test_secondo_cui_hangs_on_the_text_not_where_it_went_round(text, source):
    (a,) = [a for a in atts(text) if a.cue.text == "secondo"]
    assert a.source.text == source


@pytest.mark.parametrize("text, source", [
    ("Nell’articolo 6 si legge che i dati sono protetti.", "articolo 6"),
    ("Sullo schermo si legge che la città sarà denunciata.", "schermo"),
])
def test_a_source_does_not_open_with_the_preposition_of_its_place(text, source):
    assert only(text).source.text == source


@pytest.mark.parametrize("text, source, content", [
    ("Il tenore aveva dichiarato di non conoscere nessuno in terapia intensiva.", "Il tenore",
     "di non conoscere nessuno in terapia intensiva"),
    # the meaning turns on it: the agency denies, it does not claim
    ("La stessa Oms ha dichiarato di non aver mai sostenuto che i test sono difettosi.", "La stessa Oms",
     "di non aver mai sostenuto che i test sono difettosi"),
    ("Il ministro ha detto ai giornalisti di voler chiudere le scuole.", "Il ministro", "di voler chiudere le scuole"),
])
def test_di_and_an_infinitive_open_reported_speech(text, source, content):
    a = only(text)
    assert a.source.text == source and a.content.text == content


@pytest.mark.parametrize("text", [
    # "di" hangs on the object's noun, or opens no clause
    "Lo studio evidenzia un rischio maggiore di contrarre altri virus.",
    "Il giornalista ha scritto di lui in un lungo articolo.",
    "Il professore ha scritto di Cesare in un lungo saggio.",
    "Il giornalista ha scritto di potere e corruzione.",
])
def test_di_after_an_object_or_before_a_noun_is_no_reported_speech(text):
    assert atts(text) == []


def test_come_aveva_spiegato_is_a_cue():
    a = only("Come aveva spiegato Butac, l’intento della petizione era un altro.")
    assert a.source.text == "Butac" and a.content.text == "l’intento della petizione era un altro"


@pytest.mark.parametrize("text, source", [
    ("In quella circostanza il tenore aveva dichiarato che nessuno era malato.", "il tenore"),
    ("Con un comunicato congiunto le due aziende hanno affermato che la app è sicura.", "le due aziende"),
])
def test_a_scene_phrase_with_its_own_article_is_not_the_source(text, source):
    assert only(text).source.text == source


def test_a_cue_between_dashes_inside_a_quotation_attributes_it():
    text = "«Il risultato – ha spiegato il presidente dell’Iss Silvio Brusaferro – potrebbe aiutare»."
    a = only(text)
    assert a.direct and a.cue.text == "ha spiegato"
    assert a.source.text == "il presidente dell’Iss Silvio Brusaferro"
    assert [text[s:e] for s, e in a.spans] == ["Il risultato", "potrebbe aiutare"]
    # a relative clause between dashes is no attribution of the quoted headline
    assert not any(a.cue is not None and a.cue.text == "denuncia" for a in atts(
        "Il titolo era «David Crowley, regista di Gray State – un film che denuncia il Nuovo Ordine – è morto»."))


@pytest.mark.parametrize("text, content", [
    ("L’opinionista Gianmarco Landi afferma, nel corso di una trasmissione, che Trump vincerà.", "che Trump vincerà"),
    ("Skelton ha sostenuto, come confermato a PolitiFact dal suo fidanzato, che i medici hanno sbagliato.",
     "che i medici hanno sbagliato"),
])
def test_one_adjunct_between_commas_may_sit_between_cue_and_clause(text, content):
    assert only(text).content.text == content


def test_a_comma_after_the_cue_still_ends_it_without_an_adjunct():
    # ", che" right after the cue is a relative of something else, not the reported clause
    assert all(a.content.text != "che giornata" for a in atts("Il ministro ha parlato, Rossi ha riso, che giornata."))


@pytest.mark.parametrize("text, source, content", [
    ("Secondo Paul Offit, direttore del Vaccine Education Center, i vaccini sono sicuri.",
     "Paul Offit, direttore del Vaccine Education Center", "i vaccini sono sicuri"),
    ("Secondo l’articolo, pubblicato da Quotidiano Nazionale il 25 aprile, il ristorante è aperto.",
     "l’articolo, pubblicato da Quotidiano Nazionale il 25 aprile", "il ristorante è aperto"),
    ("Secondo Globo, uno dei principali media del Paese, la polizia ha sparato.",
     "Globo, uno dei principali media del Paese", "la polizia ha sparato"),
    # a clause with its subject left out, or the content's own subject, is no apposition
    ("Secondo De Mari, dovrebbe essere effettuato prima del vaccino.", "De Mari",
     "dovrebbe essere effettuato prima del vaccino"),
    ("Secondo questa ricerca, una percentuale di persone non è infetta.", "questa ricerca",
     "una percentuale di persone non è infetta"),
    ("Come ha spiegato il virologo Stefano Vella, tramite un tampone si prende il muco.",
     "il virologo Stefano Vella", "tramite un tampone si prende il muco"),
    # an adjunct between commas is skipped, not joined to the source
    ("Secondo il ministro, visto l’andamento dei contagi, le scuole chiuderanno.", "il ministro",
     "le scuole chiuderanno"),
    ("Secondo l’Istat, tra gennaio e marzo, i morti sono aumentati.", "l’Istat", "i morti sono aumentati"),
])
def test_an_apposition_after_the_source_belongs_to_it(text, source, content):
    a = only(text)
    assert a.source.text == source and a.content.text == content


@pytest.mark.parametrize("text, source, content", [
    # "a detta di" and a closing "a quanto riferito" keep their cues
    ("Il vaccino è sicuro a detta del ministro.", "ministro", "Il vaccino è sicuro"),
    ("Il vaccino sarebbe sicuro a quanto riferito dal ministro.", "ministro", "Il vaccino sarebbe sicuro"),
    # a sentence-opening article is matched too
    ("Un post pubblicato su Facebook, secondo cui il vaccino è tossico, circola da giorni.",
     "Un post pubblicato su Facebook", "il vaccino è tossico, circola da giorni"),
])
def test_closing_cues_and_an_opening_post_keep_their_source_and_content(text, source, content):
    a = only(text)
    assert a.source.text == source and a.content.text == content


def test_a_cue_after_the_quotation_wins_over_one_between_dashes_inside_it():
    a = only("«Il risultato – ha spiegato Brusaferro – potrebbe aiutare», ha aggiunto il ministro.")
    assert a.source.text == "il ministro"


def test_english_rules_ignore_the_italian_dash_cue_and_scene_rules():
    # the English tagger reads the rules' candidates as it was trained on them
    found = atts('"The result - Smith said - could help," the minister added.', "en")
    assert all(a.source is None or a.source.text != "Smith" for a in found)
