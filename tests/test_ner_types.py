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
