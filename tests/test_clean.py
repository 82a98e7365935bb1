"""Cleaning of scraped plain text, in both directions: furniture out, every sentence kept.

The articles here are written for the tests, in the shapes real scrapes take; the seeds have
their own acceptance test.
"""

from rassegna.clean import (byline_of, clean_text, common_lines, credit_of, is_counter,
                            is_headline_like, parse_date_header)

ITALIAN_SCRAPE = """Maltempo in Liguria, chiuse le scuole a Genova e Savona

di Marco Rossi

12 commenti

Le scuole resteranno chiuse domani a Genova e Savona per l'allerta rossa diramata dalla Protezione civile. Lo ha deciso il sindaco dopo una riunione in prefettura.
Leggi anche: Alluvione, i danni in Piemonte superano i 50 milioni
"Non possiamo correre rischi", ha detto il sindaco. "La sicurezza dei ragazzi viene prima di tutto."
Le previsioni per il fine settimana
Secondo l'Arpal, le piogge continueranno fino a domenica, con accumuli fino a 300 millimetri.
Frana sulla statale 1, traffico deviato verso l'autostrada
Incendio in un capannone a Sestri Ponente, nessun ferito
Il porto di Genova chiude per il vento forte
Ti potrebbe interessare: Il meteo di domani in tutta Italia
Foto: Ansa
Fonte: ANSA
Iscriviti alla newsletter
Maltempo in Liguria, chiuse le scuole a Genova e Savona
Il Secolo Ligure
"""

ITALIAN_SENTENCES = [
    "Le scuole resteranno chiuse domani a Genova e Savona per l'allerta rossa diramata dalla Protezione civile.",
    "Lo ha deciso il sindaco dopo una riunione in prefettura.",
    '"Non possiamo correre rischi", ha detto il sindaco.',
    '"La sicurezza dei ragazzi viene prima di tutto."',
    "Secondo l'Arpal, le piogge continueranno fino a domenica, con accumuli fino a 300 millimetri.",
]

ENGLISH_SCRAPE = """Published: 2025-02-03 Flooding closes schools across the county for a second day

By Jane Doe

Schools across the county will stay closed on Tuesday after heavy rain flooded roads, officials said.
Read more: Storm damage tops $50 million in neighbouring state
"We cannot take any risks," the county executive told reporters.
What happens next
Forecasters expect the rain to ease by Wednesday, although rivers may keep rising.
Photo: Reuters
Share this article
3 hours ago 14
With reporting by Reuters
The Daily Courier
"""


def test_italian_scrape_fields_and_furniture_out():
    cleaned = clean_text(ITALIAN_SCRAPE)
    assert cleaned.title == "Maltempo in Liguria, chiuse le scuole a Genova e Savona"
    assert cleaned.byline == "Marco Rossi"
    assert cleaned.credits == ["ANSA"]
    for furniture in ["12 commenti", "Leggi anche", "Ti potrebbe interessare", "Foto: Ansa",
                      "Iscriviti", "Frana sulla statale", "Incendio in un capannone",
                      "Il porto di Genova", "Il Secolo Ligure", "Maltempo in Liguria", "di Marco Rossi"]:
        assert furniture not in cleaned.text, furniture
    reasons = {r.reason for r in cleaned.removed}
    assert {"title", "byline", "share-counter", "page-furniture", "image-credit", "credit",
            "repeated-title", "related-headlines"} <= reasons


def test_italian_scrape_keeps_every_sentence_and_the_heading():
    cleaned = clean_text(ITALIAN_SCRAPE)
    for sentence in ITALIAN_SENTENCES:
        assert sentence in cleaned.text
    assert "\nLe previsioni per il fine settimana\n" in cleaned.text


def test_every_removed_piece_is_recorded():
    cleaned = clean_text(ITALIAN_SCRAPE)
    original = [line.strip() for line in ITALIAN_SCRAPE.splitlines() if line.strip()]
    kept = cleaned.text.split("\n")
    removed = [r.text for r in cleaned.removed]
    for line in original:
        assert line in kept or line in removed, line


def test_english_scrape():
    cleaned = clean_text(ENGLISH_SCRAPE)
    assert cleaned.published == "2025-02-03"
    assert cleaned.title == "Flooding closes schools across the county for a second day"
    assert cleaned.byline == "Jane Doe"
    assert cleaned.credits == ["Reuters"]
    assert cleaned.text.startswith("Schools across the county will stay closed")
    assert '"We cannot take any risks," the county executive told reporters.' in cleaned.text
    assert "What happens next" in cleaned.text
    assert "rivers may keep rising." in cleaned.text
    for furniture in ["Read more", "Photo:", "Share this", "hours ago", "Daily Courier", "With reporting"]:
        assert furniture not in cleaned.text, furniture


def test_clean_prose_loses_nothing():
    prose = ("Il governo ha approvato il decreto. La misura entrerà in vigore a gennaio.\n"
             "Il contesto\n"
             "Condividi la preoccupazione di molti sindaci il presidente della Regione, che ieri ha chiesto più fondi.\n"
             "Le misure previste sono tre:\n"
             "uno, più fondi ai comuni;\n"
             "due, meno burocrazia;\n"
             "tre, controlli più rapidi.\n"
             "«Non resteremo a guardare», ha detto il ministro.")
    cleaned = clean_text(prose, title="Decreto approvato")
    assert cleaned.text == prose
    assert cleaned.removed == []


def test_date_header_inline_with_body():
    cleaned = clean_text(" date 2024-10 Secondo la portavoce, le truppe sono partite.\n\nSeconda frase qui.")
    assert cleaned.published == "2024-10"
    assert cleaned.text.startswith("Secondo la portavoce")
    assert cleaned.removed[0].reason == "date-header"


def test_metadata_title_is_removed_when_repeated_as_first_line():
    cleaned = clean_text("Titolo dell'articolo\nIl corpo dell'articolo è questo.", title="Titolo dell’articolo")
    assert cleaned.text == "Il corpo dell'articolo è questo."
    assert cleaned.removed[0].reason == "title"


def test_first_prose_line_is_not_a_title():
    text = "Il sindaco ha firmato l'ordinanza questa mattina.\nLe scuole restano chiuse."
    cleaned = clean_text(text)
    assert cleaned.title is None and cleaned.text == text


def test_headline_shape():
    assert is_headline_like("La risposta della Nato e dei suoi alleati")
    assert not is_headline_like("La Nato ha risposto.")
    assert not is_headline_like("uno, una significativa escalation;")
    assert not is_headline_like("x" * 300)


def test_counters_and_credits_and_bylines():
    assert is_counter("4 settimane fa 5")
    assert is_counter("2 hours ago")
    assert is_counter("12 commenti")
    assert not is_counter("Sono morte 4 persone")
    assert credit_of("Con informazioni dall'AFP.") == "AFP"
    assert credit_of("Con informazioni di Reuters") == "Reuters"
    assert credit_of("Fonti di intelligence americane hanno rivelato che le truppe sono partite") is None
    assert byline_of("di Antonio Adriano Giancane") == "Antonio Adriano Giancane"
    assert byline_of("di fronte alla crisi") is None
    assert parse_date_header("Data: 2024-10-28") == ("2024-10-28", "")


def test_lines_repeated_across_the_corpus_are_boilerplate():
    promo = "Scarica la nostra app gratuita"
    texts = [f"Titolo {i}\n\nArticolo numero {i} con una frase completa.\n{promo}\nAltra frase di chiusura {i}." for i in range(4)]
    common = common_lines(texts)
    assert promo.lower() in common
    cleaned = clean_text(texts[0], common=common)
    assert promo not in cleaned.text
    assert any(r.reason == "corpus-boilerplate" for r in cleaned.removed)
    # A prose sentence shared by rewrites is content, never boilerplate.
    shared = "La Nato ha confermato il dispiegamento delle truppe nella regione."
    assert not common_lines([f"Titolo {i}\n\n{shared}\nAltro {i}." for i in range(4)])


def test_prompt_glued_to_prose_keeps_the_prose():
    text = ("Titolo di prova per il controllo\n\n"
            "CLICCA QUI PER INIZIARE Il 16 luglio su Facebook è stata pubblicata una foto che mostra due barche. "
            "La foto è stata condivisa migliaia di volte.\nSeconda frase dell'articolo, che resta.")
    cleaned = clean_text(text)
    assert "Il 16 luglio su Facebook è stata pubblicata una foto" in cleaned.text


def test_closing_quotation_is_not_trailing_furniture():
    text = ("Il ministro ha risposto ai giornalisti dopo la riunione di ieri sera.\n"
            "«Non rispondo neanche, non commento, non mi riguarda»")
    cleaned = clean_text(text)
    assert cleaned.text == text


def test_photo_credit_lines():
    text = ("Il ministro ha risposto ai giornalisti dopo la riunione.\n"
            "Photo credits: Mario Rossi via Flickr, CC BY-NC-SA 2.0\n"
            "(Copertina photo credits: Jane Doe via Wikimedia Commons)")
    cleaned = clean_text(text)
    assert cleaned.text == "Il ministro ha risposto ai giornalisti dopo la riunione."
    assert [r.reason for r in cleaned.removed] == ["image-credit", "image-credit"]


def test_a_copyright_notice_is_furniture_however_long():
    text = ("A court ruled on Tuesday that the school must reopen.\n\n"
            "Copyright law was not at issue, the judge said.\n\n"
            "© 2019 Associated Press. All Rights Reserved. This material may not be published, "
            "broadcast, rewritten or redistributed.\n\n© Reuters\n\nCopyright 2024 The Daily Star")
    cleaned = clean_text(text)
    assert "Associated Press" not in cleaned.text and "Reuters" not in cleaned.text
    assert "Daily Star" not in cleaned.text
    assert "Copyright law was not at issue" in cleaned.text
    assert {r.reason for r in cleaned.removed} == {"page-furniture"}
