from __future__ import annotations

import pytest

from rassegna.evaluate.ner import bio_to_spans, read_conll, score_tags, to_bio
from rassegna.ner import model_path

# ---------------------------------------------------------------- scorer


def test_exact_match_is_perfect():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["O", "B-ORG", "I-ORG"]]
    s = score_tags(gold, gold)
    assert s["precision"] == s["recall"] == s["f1"] == 1.0
    assert s["per_type"]["PER"]["support"] == 1
    assert s["per_type"]["ORG"]["support"] == 1


def test_boundary_error_counts_as_false_positive_and_negative():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]  # "Mark" instead of "Mark Rutte"
    s = score_tags(gold, pred)
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(0.5)
    assert s["per_type"]["PER"]["f1"] == 0.0
    assert s["per_type"]["LOC"]["f1"] == 1.0


def test_type_error_counts_as_miss():
    gold = [["B-ORG", "I-ORG", "O", "B-PER"]]
    pred = [["B-LOC", "I-LOC", "O", "B-PER"]]
    s = score_tags(gold, pred)
    assert s["precision"] == pytest.approx(0.5)
    assert s["recall"] == pytest.approx(0.5)
    assert s["per_type"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["per_type"]["LOC"]["support"] == 0
    assert s["per_type"]["LOC"]["precision"] == 0.0


def test_extra_and_missing_entities():
    gold = [["B-PER", "O", "O"], ["O", "O", "O"]]
    pred = [["O", "O", "O"], ["B-LOC", "O", "B-ORG"]]
    s = score_tags(gold, pred)
    assert s["precision"] == 0.0 and s["recall"] == 0.0 and s["f1"] == 0.0


def test_iob1_input_is_normalised():
    # IOB1: entities start with I- unless they directly follow one of the same type.
    iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
    assert to_bio(iob1) == ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]
    assert bio_to_spans(iob1) == [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG")]
    bio = [["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]]
    assert score_tags(bio, [iob1])["f1"] == 1.0


def test_adjacent_entities_of_same_type_are_distinct():
    gold = [["B-LOC", "B-LOC"]]
    pred = [["B-LOC", "I-LOC"]]
    s = score_tags(gold, pred)
    assert s["per_type"]["LOC"]["support"] == 2
    assert s["f1"] == 0.0


# ---------------------------------------------------------------- reader


def test_read_conll_two_columns(tmp_path):
    p = tmp_path / "kind.tsv"
    p.write_text("Mark\tB-PER\nRutte\tI-PER\na\tO\nRoma\tB-LOC\n\nCiao\tO\n\n\n", encoding="utf-8")
    assert read_conll(p) == [
        (["Mark", "Rutte", "a", "Roma"], ["B-PER", "I-PER", "O", "B-LOC"]),
        (["Ciao"], ["O"]),
    ]


def test_read_conll_three_columns_and_iob1(tmp_path):
    p = tmp_path / "wikineural.conllu"
    p.write_text(
        "0\tIl\tO\n1\tFestival\tI-MISC\n2\tdi\tI-MISC\n3\tVenezia\tI-MISC\n\n"
        "0\tAngela\tB-PER\n1\tMerkel\tI-PER\n",  # no trailing blank line
        encoding="utf-8",
    )
    sents = read_conll(p)
    assert sents == [
        (["Il", "Festival", "di", "Venezia"], ["O", "B-MISC", "I-MISC", "I-MISC"]),
        (["Angela", "Merkel"], ["B-PER", "I-PER"]),
    ]


# ---------------------------------------------------------------- shipped model


@pytest.fixture(scope="module")
def it_model():
    if not (model_path("it") / "config.cfg").is_file():
        pytest.skip(
            f"Italian NER model not found at {model_path('it')}: "
            "run `bash training/ner/train.sh it` to build it"
        )
    from rassegna.ner import load_ner

    return load_ner("it")


def test_italian_model_finds_person_and_place(it_model):
    from rassegna.ner import find_entities

    text = "Il segretario generale della Nato, Mark Rutte, è arrivato ieri a Roma per un vertice."
    (ents,) = find_entities([text], "it")
    found = {(text[s:e], lab) for s, e, lab in ents}
    assert ("Mark Rutte", "PER") in found, found
    assert ("Roma", "LOC") in found, found
    for s, e, lab in ents:
        assert 0 <= s < e <= len(text) and lab in {"PER", "ORG", "LOC", "MISC"}


def test_italian_model_is_self_contained(it_model):
    cfg = (model_path("it") / "config.cfg").read_text(encoding="utf-8")
    assert "training/" not in cfg and "/work/" not in cfg
    assert it_model.pipe_names == ["tok2vec", "ner"]


def test_evaluate_ner_on_small_file(it_model, tmp_path):
    from rassegna.evaluate.ner import evaluate_ner

    p = tmp_path / "gold.tsv"
    p.write_text("Mark\tB-PER\nRutte\tI-PER\nè\tO\na\tO\nRoma\tB-LOC\n.\tO\n", encoding="utf-8")
    r = evaluate_ner(p, "it", nlp=it_model)
    assert r["task"] == "ner" and r["sentences"] == 1 and r["lang"] == "it"
    assert set(r) >= {"precision", "recall", "f1", "per_type", "sentences_per_second", "file"}
    assert 0.0 <= r["f1"] <= 1.0


def test_missing_model_error_names_the_model():
    from rassegna.ner import ModelNotFoundError, load_ner

    with pytest.raises(ModelNotFoundError, match="ner_xx"):
        load_ner("xx")


def test_entity_mentions_in_the_pipeline_are_tidied():
    from rassegna.model import Document
    from rassegna.ner import find_entity_mentions
    from rassegna.sentences import split_sentences

    text = ("Il presidente sudcoreano, Yoon Suk-yeol, ha parlato con il governo. "
            "Nel 2023 Kim Jong Un si è recato in Russia.")
    doc = Document(id="d", source="s", text=text, language="it", sentences=split_sentences(text, "it"))
    mentions = find_entity_mentions(doc)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    surfaces = {m.text for m in mentions}
    assert "Yoon Suk-yeol" in surfaces and "Kim Jong Un" in surfaces and "Russia" in surfaces
    assert "governo" not in surfaces  # lower-case common nouns are not entities
    assert find_entity_mentions(Document(id="x", source="s", text="Hola Madrid.", language="es")) == []


# ---------------------------------------------------------------- document-level tidying rules
# These run find_entity_mentions with a stand-in for the model (it tags the strings it is
# given, in every sentence where they occur), so that each rule is shown on its own.


@pytest.fixture
def fake_model(monkeypatch, tmp_path):
    import rassegna.ner as ner

    (tmp_path / "config.cfg").write_text("", encoding="utf-8")
    monkeypatch.setattr(ner, "model_path", lambda lang: tmp_path)

    def use(tags_per_sentence):
        def find_entities(texts, lang, batch_size=64):
            out = []
            for i, t in enumerate(texts):
                ents = []
                for surface, label in tags_per_sentence.get(i, []):
                    s = t.index(surface)
                    ents.append((s, s + len(surface), label))
                out.append(sorted(ents))
            return out

        monkeypatch.setattr(ner, "find_entities", find_entities)

    return use


def _mentions(text, offsets=False):
    from rassegna.model import Document
    from rassegna.ner import find_entity_mentions
    from rassegna.sentences import split_sentences

    sentences = split_sentences(text, "it")
    doc = Document(id="d", source="s", text=text, language="it", sentences=sentences)
    mentions = find_entity_mentions(doc)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    if offsets:
        return [(m.start, m.end) for m in mentions]
    return [(m.text, m.type) for m in mentions]


def test_a_name_tagged_once_is_tagged_where_the_model_missed_it(fake_model):
    text = ("La premier danese Mette Frederiksen è arrivata a Oslo. "
            "Frederiksen ha poi incontrato i pescatori. "
            "Secondo Frederiksen, il Washington Post ha sbagliato. "
            "A Washington piove.")
    fake_model({0: [("Mette Frederiksen", "PER"), ("Oslo", "LOC")],
                1: [],  # missed by the model
                2: [],
                3: [("Washington", "LOC")]})
    assert _mentions(text) == [
        ("Mette Frederiksen", "PER"), ("Oslo", "LOC"),
        ("Frederiksen", "PER"),  # the family name of a person named in full
        ("Frederiksen", "PER"),  # also after a sentence's capitalised first word
        ("Washington", "LOC"),  # but "Washington" is not taken out of "Washington Post"
    ]


def test_full_names_vote_for_their_family_name(fake_model):
    text = ("Mette Frederiksen parla. Ha risposto Mette Frederiksen. "
            "Frederiksen insiste. Frederiksen tace.")
    fake_model({0: [("Mette Frederiksen", "PER")], 1: [("Mette Frederiksen", "PER")],
                2: [("Frederiksen", "LOC")], 3: []})  # a slip of the model in sentence 2
    assert _mentions(text)[2:] == [("Frederiksen", "LOC"), ("Frederiksen", "PER")]


def test_spread_forms_are_whole_words_outside_longer_names(fake_model):
    text = ("Seul ha protestato. La Corea del Sud tace, Seul-Busan è chiusa. "
            "Il Museo di Seul riapre. Seulgi canta a Seul.")
    fake_model({0: [("Seul", "LOC")], 1: [("Corea del Sud", "LOC")], 2: [], 3: []})
    found = _mentions(text)
    assert found == [("Seul", "LOC"), ("Corea del Sud", "LOC"), ("Seul", "LOC")]
    assert _mentions(text, offsets=True)[-1] == (text.rindex("Seul"), len(text) - 1)


def test_acronym_of_a_name_in_the_document_takes_its_label(fake_model):
    text = ("Un rapporto della Defense Intelligence Agency è uscito. Gli analisti della DIA confermano. "
            "La Banca Centrale Europea tace. Lo dice la BCE, non la DIAS né la BCE-bis. "
            "Il premier Mario Rossi parla. MR risponde.")
    fake_model({0: [("Defense Intelligence Agency", "ORG")], 1: [], 2: [("Banca Centrale Europea", "ORG")],
                3: [], 4: [("Mario Rossi", "PER")], 5: []})
    found = _mentions(text)
    assert found == [("Defense Intelligence Agency", "ORG"), ("DIA", "ORG"), ("Banca Centrale Europea", "ORG"),
                     ("BCE", "ORG"), ("Mario Rossi", "PER")]


def test_spread_label_is_the_majority_and_common_words_are_not_spread(fake_model):
    text = ("Ieri Marino ha parlato a Roma. Marino è tornato. Poi Marino ha votato. "
            "Il Marino di cui parlo è lui. Lo Stato ha risposto. Il governo è stato chiaro. "
            "Lo Stato tace.")
    fake_model({0: [("Marino", "PER"), ("Roma", "LOC")], 1: [("Marino", "PER")],
                2: [("Marino", "LOC")], 3: [], 4: [("Stato", "ORG")], 5: [], 6: []})
    found = _mentions(text)
    # the model's two PER against one LOC decide the label of the untagged fourth "Marino"
    assert found.count(("Marino", "PER")) == 3 and found.count(("Marino", "LOC")) == 1
    # the model's own label for an occurrence is kept
    assert found[3] == ("Marino", "LOC")
    # "stato" is also a common word in this document: "Stato" is not spread
    assert found.count(("Stato", "ORG")) == 1


def test_one_word_person_takes_in_the_first_name_before_it(fake_model):
    text = "Il premier olandese Dick Schoof ha incontrato i sindacati."
    fake_model({0: [("Schoof", "PER")]})
    assert _mentions(text) == [("Dick Schoof", "PER")]


@pytest.mark.parametrize("text, tagged", [
    ("Ieri il Presidente Mattarella ha firmato.", "Mattarella"),  # a title
    ("Ha parlato il ministro del Lavoro Poletti.", "Poletti"),  # after a preposition
    ("Dick Schoof ha incontrato i sindacati.", "Schoof"),  # the first word of the sentence
    ("Lo ha detto la portavoce della NATO Allison Hart.", "Allison Hart"),  # two words already
    ("Il caso riguarda il Governo Draghi e i sindacati.", "Draghi"),  # an institution
])
def test_person_is_not_extended_left_over_titles_institutions_or_openers(fake_model, text, tagged):
    fake_model({0: [(tagged, "PER")]})
    assert _mentions(text) == [(tagged, "PER")]


def test_a_person_never_starts_with_a_number(fake_model):
    text = "Ingredienti: 2 Tbsp di olio. Poi 1 Yellow Jacket e la signora 3 Anna Rossi."
    fake_model({0: [("2 Tbsp", "PER")], 1: [("1 Yellow Jacket", "PER"), ("3 Anna Rossi", "PER")]})
    found = _mentions(text)
    assert ("Anna Rossi", "PER") in found and ("Yellow Jacket", "PER") in found
    assert all(not m[0][0].isdigit() for m in found)



def test_a_code_name_is_never_a_person(fake_model):
    text = "Il virus Sars-CoV-2 e il ceppo H5N1. Lo ha scritto l'utente Mario88 su Facebook."
    fake_model({0: [("Sars-CoV-2", "PER"), ("H5N1", "PER")], 1: [("Mario88", "PER")]})
    found = _mentions(text)
    assert ("Sars-CoV-2", "MISC") in found and ("H5N1", "MISC") in found
    assert ("Mario88", "PER") in found  # a user name's trailing digits are no code


MEANTIME_XML = """<Document doc_name="x">
<token t_id="1" sentence="0" number="0">Boeing</token><token t_id="2" sentence="0" number="1">beat</token>
<token t_id="3" sentence="0" number="2">Airbus</token><token t_id="4" sentence="0" number="3">in</token>
<token t_id="5" sentence="0" number="4">New</token><token t_id="6" sentence="0" number="5">York</token>
<token t_id="7" sentence="1" number="6">The</token><token t_id="8" sentence="1" number="7">company</token>
<token t_id="9" sentence="2" number="8">Unannotated</token><token t_id="10" sentence="2" number="9">tail</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NOM"><token_anchor t_id="7"/><token_anchor t_id="8"/></ENTITY_MENTION>
<ENTITY m_id="10" ent_type="ORG"/><ENTITY m_id="11" ent_type="LOC"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="3"/><target m_id="10"/></REFERS_TO>
</Relations>
</Document>"""


def test_meantime_named_mentions_become_bio_sentences(tmp_path):
    from rassegna.evaluate.ner import read_meantime
    (tmp_path / "corpus_x").mkdir()
    (tmp_path / "corpus_x" / "a.xml").write_text(MEANTIME_XML)
    sentences = read_meantime(tmp_path)
    # named mentions only (not "The company"), typed by the entity they refer to, anchors in
    # token order; the unannotated tail after the last anchored sentence is left out
    assert sentences == [(["Boeing", "beat", "Airbus", "in", "New", "York"], ["B-ORG", "O", "O", "O", "B-LOC", "I-LOC"]),
                         (["The", "company"], ["O", "O"])]


def test_a_hyphenated_first_name_is_taken_in_for_people_only(fake_model):
    text = "L'analista Ming-Chi Kuo parla del vertice Usa-Cina e di Jean-Claude Juncker."
    fake_model({0: [("Chi Kuo", "PER"), ("Cina", "LOC"), ("Claude Juncker", "PER")]})
    found = _mentions(text)
    assert ("Ming-Chi Kuo", "PER") in found and ("Jean-Claude Juncker", "PER") in found
    assert ("Cina", "LOC") in found


def test_an_institution_cut_before_its_complement_takes_it_in(fake_model):
    text = "Hanno parlato il Ministero della Difesa della Repubblica di Corea e la Banca d'Italia. Il Regno è unito."
    fake_model({0: [("Ministero della Difesa della Repubblica", "ORG"), ("Banca", "ORG")], 1: [("Regno", "LOC")]})
    found = _mentions(text)
    assert ("Ministero della Difesa della Repubblica di Corea", "ORG") in found
    assert ("Banca d'Italia", "ORG") in found
    assert ("Regno", "LOC") in found  # nothing to take in


def test_a_place_name_ending_in_lower_case_is_taken_whole(fake_model):
    text = "La Corea del sud reagisce. Anche la Corea del resto del mondo. Parla Mario di tutto."
    fake_model({0: [("Corea", "LOC")], 1: [("Corea", "LOC")], 2: [("Mario", "PER")]})
    found = _mentions(text)
    assert ("Corea del sud", "LOC") in found            # a country in the gazetteer
    assert found.count(("Corea", "LOC")) == 1           # "Corea del resto" is no place
    assert ("Mario", "PER") in found                    # people are not extended


def test_two_countries_joined_by_a_hyphen_are_two_places(fake_model):
    text = "Il vertice Russia-Corea del Nord e la guerra commerciale Usa-Cina. La Guinea-Bissau vota."
    fake_model({0: [("Russia-Corea del Nord", "LOC"), ("Usa-Cina", "ORG")], 1: [("Guinea-Bissau", "LOC")]})
    found = _mentions(text)
    assert [m for m in found if m[0] in ("Russia", "Corea del Nord", "Usa", "Cina")] == [
        ("Russia", "LOC"), ("Corea del Nord", "LOC"), ("Usa", "LOC"), ("Cina", "LOC")]
    assert ("Guinea-Bissau", "LOC") in found  # one country's name, not two


def test_two_countries_joined_by_a_hyphen_are_two_places_where_the_model_missed_them(fake_model):
    text = ("La cooperazione Russia-Corea del Nord cresce. I colloqui U.S.-China e Corea del Nord-Russia. "
            "La Guinea-Bissau vota, l'Emilia-Romagna no. Il vertice Trump-Putin salta.")
    fake_model({})
    found = _mentions(text)
    assert found == [("Russia", "LOC"), ("Corea del Nord", "LOC"), ("U.S.", "LOC"), ("China", "LOC"),
                     ("Corea del Nord", "LOC"), ("Russia", "LOC")]
    # a side the model tagged is left as the model read it
    fake_model({0: [("Russia-Corea", "ORG")]})
    assert _mentions("La cooperazione Russia-Corea del Nord cresce.") == [("Russia-Corea", "ORG")]
    fake_model({0: [("Corea del Sud", "LOC")]})
    assert _mentions("Il vertice Usa-Corea del Sud si apre.") == [("Usa", "LOC"), ("Corea del Sud", "LOC")]


def test_hyphenated_country_chains_codes_and_sentence_ends(fake_model):
    fake_model({})
    # three countries: the middle one once
    assert _mentions("Il vertice Usa-Corea del Sud-Giappone si apre.", offsets=True) == [(11, 14), (15, 28), (29, 37)]
    # two three-letter codes need a name beside them; no side runs over a sentence's end
    assert _mentions("Il patto Per-Can. Piove al Sud. Corea-Giappone, accordo. La rotta Cina-Usa.\nNuovo Corea") == [
        ("Cina", "LOC"), ("Usa", "LOC")]


def test_meantime_nested_named_mentions_keep_the_inner_names(tmp_path):
    from rassegna.evaluate.ner import read_meantime
    # "New York, USA" is one mention of New York holding one of the USA: a flat tagging keeps
    # "USA" (and "Boeing"), not a span cut into "New York ,"
    xml = MEANTIME_XML.replace(
        '<token t_id="7" sentence="1" number="6">The</token>',
        '<token t_id="11" sentence="0" number="5.1">,</token><token t_id="12" sentence="0" number="5.2">USA</token>'
        '<token t_id="7" sentence="1" number="6">The</token>').replace('number="5.1"', 'number="51"').replace(
        'number="5.2"', 'number="52"').replace(
        '<ENTITY_MENTION m_id="3"',
        '<ENTITY_MENTION m_id="4" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/>'
        '<token_anchor t_id="11"/><token_anchor t_id="12"/></ENTITY_MENTION>'
        '<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="12"/></ENTITY_MENTION>'
        '<ENTITY_MENTION m_id="3"').replace(
        '<REFERS_TO r_id="3">',
        '<REFERS_TO r_id="4"><source m_id="4"/><target m_id="11"/></REFERS_TO>'
        '<REFERS_TO r_id="5"><source m_id="5"/><target m_id="11"/></REFERS_TO><REFERS_TO r_id="3">')
    (tmp_path / "a.xml").write_text(xml)
    tokens, tags = read_meantime(tmp_path)[0]
    assert tokens == ["Boeing", "beat", "Airbus", "in", "New", "York", ",", "USA"]
    assert tags == ["B-ORG", "O", "O", "O", "B-LOC", "I-LOC", "O", "B-LOC"]
