"""The mention classifier that re-decides the NER pipeline's names (`rassegna.ner_types`)."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from rassegna import ner_types as T

LABELS = T.LABELS + (T.OUTSIDE,)


def constant_model(scores: dict[str, float], **kw) -> T.TypeModel:
    """A model whose log-probabilities are the same for every mention: only the intercept."""
    intercept = np.array([scores[label] for label in LABELS], dtype=np.float32)
    return T.TypeModel(np.zeros((len(LABELS), T.N_FEATURES), np.float32), intercept, LABELS,
                       {}, None, **kw)


def test_candidates_are_capitalised_runs_with_connectors():
    words = "Ieri il Presidente della Repubblica Sergio Mattarella ha visitato la Corte dei Conti .".split()
    got = {" ".join(words[a:b]) for a, b in T.candidates(words)}
    assert "Presidente della Repubblica Sergio Mattarella" in got
    assert "Sergio Mattarella" in got                     # titles and connectors stripped
    assert "Corte dei Conti" in got
    assert "Ieri" in got                                  # sentence-initial words are candidates too
    assert not any(w in got for w in ("il", "ha", "visitato", "."))


def test_connector_needs_a_name_after_it():
    words = "Il ministro della Difesa di ieri".split()
    got = {" ".join(words[a:b]) for a, b in T.candidates(words)}
    assert "Difesa" in got and "Difesa di" not in got


def test_pipeline_label_kept_unless_the_classifier_is_clearly_surer():
    words = "Ho visto Napoli ieri".split()
    spans = [(2, 3, "ORG")]
    # the classifier prefers LOC by 0.5 nats: a pipeline bonus of 1 keeps ORG
    m = constant_model({"PER": -5, "ORG": -1.5, "LOC": -1.0, "O": -5}, pipeline_weight=1.0)
    assert m.retype(words, spans) == [(2, 3, "ORG")]
    # by 2 nats: it changes
    m = constant_model({"PER": -5, "ORG": -3.0, "LOC": -1.0, "O": -5}, pipeline_weight=1.0)
    assert m.retype(words, spans) == [(2, 3, "LOC")]


def test_pipeline_span_dropped_only_past_the_drop_margin():
    words = "Mina la pace".split()
    spans = [(0, 1, "PER")]
    scores = {"PER": -3.0, "ORG": -6, "LOC": -6, "O": -0.1}
    assert constant_model(scores, pipeline_weight=1.0, drop_margin=3.0).retype(words, spans) == [(0, 1, "PER")]
    assert constant_model(scores, pipeline_weight=1.0, drop_margin=1.0).retype(words, spans) == []


def test_missed_names_added_past_the_margin_without_overlaps():
    words = "Ieri la Defense Intelligence Agency ha parlato con Mario Rossi".split()
    spans = [(8, 10, "PER")]
    scores = {"PER": -4, "ORG": -0.5, "LOC": -4, "O": -2.0}
    got = constant_model(scores, pipeline_weight=4.0, missed_margin=1.0).retype(words, spans)
    assert (2, 5, "ORG") in got and (8, 10, "PER") in got
    assert (0, 1, "ORG") in got            # a constant model adds every candidate ...
    for a, b, _ in got:                    # ... but never two overlapping names
        assert sum(1 for c, d, _ in got if c < b and a < d) == 1
    assert constant_model(scores, pipeline_weight=4.0).retype(words, spans) == [(8, 10, "PER")]


def test_labels_the_model_does_not_know_stay():
    m = constant_model({"PER": -0.1, "ORG": -5, "LOC": -5, "O": -5}, pipeline_weight=0.0)
    assert m.retype("la Coppa del Mondo".split(), [(1, 4, "MISC")]) == [(1, 4, "MISC")]


def test_save_and_load_round_trip(tmp_path):
    m = constant_model({"PER": -1, "ORG": -2, "LOC": -3, "O": -4}, pipeline_weight=1.5,
                       missed_margin=1.0, drop_margin=3.0)
    m.memory = {"roma": Counter({"LOC": 3, "ORG": 1})}
    m.silver = {"w:mario": Counter({"PER": 7})}
    T.save_type_model(tmp_path / "t.npz", m)
    back = T.load_type_model(tmp_path / "t.npz")
    assert back.labels == LABELS and back.memory == m.memory and back.silver == m.silver
    assert (back.pipeline_weight, back.missed_margin, back.drop_margin) == (1.5, 1.0, 3.0)
    words = "Il sindaco di Roma".split()
    assert back.retype(words, [(3, 4, "LOC")]) == m.retype(words, [(3, 4, "LOC")])


def test_features_read_gazetteer_and_memories():
    words = "Il treno per Parigi è partito".split()
    f = T.span_features(words, 3, 4, {"parigi": Counter({"LOC": 2})}, {"w:parigi": Counter({"LOC": 5})})
    assert "gaz=city1m" in f                              # the Italian name of a large city
    assert "gaz=country" in T.span_features("la Francia".split(), 1, 2)
    assert "gaz=region" in T.span_features("in Lombardia".split(), 1, 2)
    assert "mem_LOC=all" in f and "mem_PER=0" in f
    assert "silver_first_LOC=all" in f
    assert "L1=per" in f and "R1=è" in f


def test_shipped_model_loads_and_keeps_a_clear_person():
    m = T.type_model("it")
    if m is None:
        pytest.skip("types.npz is not shipped")
    assert m.labels == LABELS
    words = "Il presidente Sergio Mattarella ha firmato il decreto .".split()
    assert m.retype(words, [(2, 4, "PER")]) == [(2, 4, "PER")]


def test_classifier_lifts_kind_wn_dev(kind_wn_dev):
    if T.type_model("it") is None:
        pytest.skip("types.npz is not shipped")
    alone = kind_wn_dev(classifier=False)
    both = kind_wn_dev(crf=False)            # the classifier without the CRFs' vote
    assert both["mention_classifier"] and not alone["mention_classifier"] and not both["crf_vote"]
    assert both["f1"] > alone["f1"] + 0.02, json.dumps([alone["f1"], both["f1"]])


def test_cluster_features_and_the_shipped_clusters():
    words = "Il sindaco di Merano ha parlato".split()
    f = T.span_features(words, 3, 4, clusters={"di": [3, 40], "ha": [5, 77], "merano": [9, 200]})
    assert {"cL1=3", "CL1=40", "cR1=5", "CR1=77", "cfirst=9", "Clast=200", "cbag=5"} <= set(f)
    for lang in ("it", "en"):
        m = T.type_model(lang)
        if m is None:
            pytest.skip(f"types.npz is not shipped for {lang}")
        assert m.clusters and all(len(ids) == 2 for ids in list(m.clusters.values())[:100])


def test_shipped_english_model_keeps_clear_names():
    m = T.type_model("en")
    if m is None:
        pytest.skip("types.npz is not shipped for en")
    words = "Senator Elizabeth Warren said in Boston that Microsoft would hire .".split()
    got = m.retype(words, [(1, 3, "PER"), (5, 6, "LOC"), (7, 8, "ORG")])
    assert got == [(1, 3, "PER"), (5, 6, "LOC"), (7, 8, "ORG")]


def test_vote_takes_what_the_taggers_agree_on():
    words = "Ieri Mario Rossi ha visitato Napoli .".split()
    # the classifier alone finds nothing a name (O wins by 1 nat everywhere)
    m = constant_model({"PER": -2.0, "ORG": -3.0, "LOC": -3.0, "O": -1.0}, pipeline_weight=0.0)
    spacy_spans, crf_spans = [(1, 3, "PER"), (5, 6, "ORG")], [(1, 3, "PER"), (5, 6, "LOC")]
    got = m.vote(words, [(spacy_spans, 2.0), (crf_spans, 2.0)], name_margin=1.0)
    # both taggers say PER: 4 nats of votes beat O by 3; one vote for ORG or LOC beats O by
    # 0, not past the margin
    assert got == [(1, 3, "PER")]
    # a lower margin takes the one-vote name too, with the label of the heavier vote; "Ieri"
    # (no vote, PER 1 nat below O) stays out
    assert m.vote(words, [(spacy_spans, 2.0), (crf_spans, 2.5)], name_margin=-0.5) == \
        [(1, 3, "PER"), (5, 6, "LOC")]


def test_vote_never_returns_overlapping_names_and_keeps_unknown_labels():
    words = "la Corte dei Conti di Roma e la Coppa del Mondo".split()
    first = [(1, 4, "ORG"), (8, 11, "MISC")]
    second = [(1, 6, "ORG"), (5, 6, "LOC")]
    # ORG half a nat below O: a range needs a vote of more than 0.75 to pass a margin of 0.25
    m = constant_model({"PER": -3.0, "ORG": -1.0, "LOC": -3.0, "O": -0.5}, pipeline_weight=0.0)
    got = m.vote(words, [(first, 1.0), (second, 0.5)], name_margin=0.25)
    assert got == [(1, 4, "ORG"), (8, 11, "MISC")]   # a label the model does not know stays
    # when every range passes, overlapping ones are taken best first and never both
    m = constant_model({"PER": -3.0, "ORG": -1.0, "LOC": -3.0, "O": -2.0}, pipeline_weight=0.0)
    got = m.vote(words, [(first, 1.0), (second, 0.5)], name_margin=0.0)
    for a, b, _ in got:
        assert sum(1 for c, d, _ in got if c < b and a < d) == 1
    assert (1, 4, "ORG") in got and (8, 11, "MISC") not in got
    assert m.vote([], [([], 1.0)], 0.0) == []


def test_vote_keeps_what_every_tagger_found_with_one_label():
    words = "Lo riferisce l' agenzia Ria Novosti .".split()
    # the classifier is sure it is no name (O beats ORG by 5 nats), and weights are nil
    m = constant_model({"PER": -6.0, "ORG": -5.5, "LOC": -6.0, "O": -0.5}, pipeline_weight=0.0)
    agreed = [(4, 6, "ORG")]
    assert m.vote(words, [(agreed, 0.0), (agreed, 0.0), (agreed, 0.0)], name_margin=0.0) == [(4, 6, "ORG")]
    # one tagger disagreeing on the label, or on the boundaries, is no agreement
    assert m.vote(words, [(agreed, 0.0), ([(4, 6, "PER")], 0.0)], name_margin=0.0) == []
    assert m.vote(words, [(agreed, 0.0), ([(5, 6, "ORG")], 0.0)], name_margin=0.0) == []
    assert m.vote(words, [(agreed, 0.0)], name_margin=0.0) == []          # one tagger is no vote


def test_crf_features_bin_each_probability_their_sum_and_the_best_label():
    f = T.crf_features(np.array([[0.97, 0.02, 0.0], [0.3, 0.3, 0.3]]))
    assert {"crf0_PER=7", "crf0_ORG=2", "crf0_LOC=0", "crf0_name=8", "crf0_best=PER7"} <= set(f)
    assert {"crf1_PER=4", "crf1_name=6", "crf1_best=PER4"} <= set(f)      # ties: the first label
    assert len(f) == 2 * 5


class LabelProbabilities:
    """A stand-in CRF: the given probabilities of (PER, ORG, LOC) for every range."""

    def __init__(self, row):
        self.row, self.calls = np.array(row, dtype=float), 0

    def span_probabilities(self, words, ranges, labels):
        self.calls += 1
        return np.tile(self.row, (len(ranges), 1))


def test_stacked_vote_reads_the_crfs_probabilities_as_features():
    from sklearn.feature_extraction import FeatureHasher

    words = "si combatteva ancora a Pokrovsk .".split()      # one capitalised run: the one range
    m = constant_model({"PER": -3.0, "ORG": -3.0, "LOC": -3.0, "O": -0.5}, pipeline_weight=0.0)
    hashed = FeatureHasher(n_features=T.N_FEATURES, input_type="string", alternate_sign=False)
    column = hashed.transform([["crf0_LOC=8"]]).indices[0]
    m.coef[LABELS.index("LOC"), column] = 5.0          # a sure CRF place is a place
    m.weights = np.ascontiguousarray(m.coef.T)
    sure_place = LabelProbabilities([0.0, 0.0, 0.995])
    # not stacked, with a nil soft weight: the CRF is not even asked, and O wins
    assert m.vote(words, [([], 1.0)], name_margin=0.0, soft=[(sure_place, 0.0)]) == []
    assert sure_place.calls == 0
    m.stacked = 1
    assert m.vote(words, [([], 1.0)], name_margin=0.0, soft=[(sure_place, 0.0)]) == [(4, 5, "LOC")]
    # an unsure CRF falls in another bin, which this model gives no weight
    assert m.vote(words, [([], 1.0)], name_margin=0.0, soft=[(LabelProbabilities([0.0, 0.0, 0.6]), 0.0)]) == []


def test_stacked_model_round_trips_and_needs_its_crfs(tmp_path):
    m = constant_model({"PER": -1, "ORG": -2, "LOC": -3, "O": -4}, pipeline_weight=1.0, stacked=2)
    T.save_type_model(tmp_path / "t.npz", m)
    assert T.load_type_model(tmp_path / "t.npz").stacked == 2
    words = "ieri a Pokrovsk .".split()
    with pytest.raises(ValueError, match="stacked on 2 CRFs; 1 given"):
        m.vote(words, [([], 1.0)], 0.0, soft=[(LabelProbabilities([0, 0, 1]), 0.0)])
    with pytest.raises(ValueError, match="stacked"):
        m.retype(words, [(2, 3, "LOC")])
    assert m.vote(words, [([], 1.0)], 0.0, soft=[(LabelProbabilities([0, 0, 1]), 0.0)] * 2) == [(2, 3, "PER")]


def test_a_model_trained_with_clusters_needs_them_beside_it(tmp_path):
    m = constant_model({"PER": -1, "ORG": -2, "LOC": -3, "O": -4}, pipeline_weight=1.0, clusters={"roma": [1, 2]})
    T.save_type_model(tmp_path / "t.npz", m)
    with pytest.raises(FileNotFoundError, match="word_clusters.json"):
        T.load_type_model(tmp_path / "t.npz")
    (tmp_path / "word_clusters.json").write_text(json.dumps({"k": [64, 256], "words": {"roma": [1, 2]}}))
    assert T.load_type_model(tmp_path / "t.npz").clusters == {"roma": [1, 2]}


def silver_model(**silver) -> T.TypeModel:
    m = constant_model({"PER": -1, "ORG": -2, "LOC": -3, "O": -4}, pipeline_weight=1.0)
    m.silver = {f"w:{w}": Counter(c) for w, c in silver.items()}
    return m


def test_a_person_made_only_of_place_words_is_a_place():
    m = silver_model(indo={"LOC": 2}, pacifico={"LOC": 27, "PER": 1}, jean={"PER": 40}, luc={"PER": 9},
                     godard={"PER": 5}, mario={"PER": 90}, milano={"LOC": 136, "PER": 2, "ORG": 2},
                     cavaliere={"LOC": 3}, washington={"ORG": 26, "LOC": 14, "PER": 13}, asia={"LOC": 50})
    assert m.is_silver_place("Indo-Pacifico") and m.is_silver_place("Milano - Pacifico")
    assert m.is_silver_place("Asia–Pacifico")                        # an en dash joins the parts too
    assert not m.is_silver_place("Jean-Luc Godard")                 # people's words
    assert not m.is_silver_place("Mario Milano")                    # one word of a person is enough
    assert not m.is_silver_place("Cavaliere")                       # too few typings (3 < 5)
    assert not m.is_silver_place("Washington")                      # a place less than 0.8 of the time
    assert not m.is_silver_place("Indo-Sconosciuto")                # a word the silver data never typed
    assert not m.is_silver_place("J. Milano") and not m.is_silver_place("M Milano")   # an initial: a person
    assert m.is_silver_place("Milano — Pacifico") and m.is_silver_place("Milano 2")
    words = "la sicurezza dell' intero Indo-Pacifico e di Mario Milano".split()
    spans = [(4, 5, "PER"), (7, 9, "PER"), (4, 5, "ORG")]
    assert m.places_by_their_words(words, spans) == [(4, 5, "LOC"), (7, 9, "PER"), (4, 5, "ORG")]
    assert not constant_model({"PER": -1, "ORG": -2, "LOC": -3, "O": -4}, pipeline_weight=1.0).is_silver_place("Indo")
    # a capitalised title before the name keeps a person; a lower-case one, or a capitalised
    # word that is no title ("Via"), does not
    words = "il Professor Milano e il professor Milano in Via Milano".split()
    assert m.places_by_their_words(words, [(2, 3, "PER"), (6, 7, "PER"), (9, 10, "PER")]) == \
        [(2, 3, "PER"), (6, 7, "LOC"), (9, 10, "LOC")]


def test_shipped_pipeline_reads_a_compound_of_place_words_as_a_place():
    from rassegna.ner import doc_entities, load_ner

    try:
        nlp = load_ner("it")
    except Exception as e:            # a missing model has its own test in test_ner.py
        pytest.skip(str(e))
    doc = nlp("La Nato parla di una minaccia per la sicurezza dell'intero Indo-Pacifico.")
    found = {doc[a:b].text: label for a, b, label in doc_entities(doc, "it")}
    assert found.get("Indo-Pacifico") == "LOC", found
