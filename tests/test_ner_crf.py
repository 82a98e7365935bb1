"""The CRF tagger that votes with the NER pipeline (`rassegna.ner_crf`)."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from rassegna import ner_crf as C
from rassegna import ner_types as T



def attributes(words, silver=None, clusters=None):
    return [set(f) for f in C.word_features(words, silver, clusters)]


def test_gazetteer_and_silver_matches_are_longest_first():
    words = "Il governo della Corea del Sud ha incontrato Mario Draghi .".split()
    silver = {"mario draghi": Counter({"PER": 9}), "w:draghi": Counter({"PER": 4, "LOC": 1})}
    f = attributes(words, silver)
    # "Corea del Sud" is one country, not "Corea" and "Sud"
    assert "gaz=B-country" in f[3] and "gaz=I-country" in f[4] and "gaz=I-country" in f[5]
    assert not any(a.startswith("gaz=") for a in f[1])
    assert "sil=B-PERh" in f[8] and "sil=I-PERh" in f[9]
    assert "silw=PERm" in f[9]                  # 4 of 5 is not above 0.8
    assert "-1:gaz=I-country" in f[6] and "1:gaz=B-country" in f[2]


def test_run_positions_shape_and_neighbours():
    words = "ieri la Corte dei Conti ha parlato".split()
    f = attributes(words, clusters={"corte": [3, 30]})
    assert "run=3:B" in f[2] and "run=3:I" in f[3] and "run=3:E" in f[4]
    assert not any(a.startswith("run=") for a in f[5])
    assert {"w=corte", "title", "c0=3", "c1=30", "shape=Xxx"} <= f[2] and "title" not in f[3]
    assert {"-1:w=la", "1:w=dei", "-2:w=ieri", "2:w=conti", "1:c1=30"} & f[2] == {"-1:w=la", "1:w=dei", "-2:w=ieri", "2:w=conti"}
    assert "BOS" in f[0] and "EOS" in f[-1] and "ww+1=corte|dei" in f[2]


def small_tagger(tmp_path) -> C.CrfTagger:
    """A CRF trained on a handful of sentences written here."""
    import pycrfsuite

    sentences = [
        ("Mario Rossi vive a Torino .", "B-PER I-PER O O B-LOC O"),
        ("Anna Bianchi lavora a Milano .", "B-PER I-PER O O B-LOC O"),
        ("Luca Verdi abita a Napoli .", "B-PER I-PER O O B-LOC O"),
        ("ieri pioveva a Roma .", "O O O B-LOC O"),
    ] * 3
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in sentences:
        trainer.append(C.word_features(text.split(), None, None), tags.split())
    trainer.set_params({"c2": 0.1, "max_iterations": 50, "feature.possible_transitions": True})
    path = tmp_path / "crf.crfsuite"
    trainer.train(str(path))
    path.with_suffix(".json").write_text(json.dumps(
        {"pipeline_weight": 3, "crf_weight": 0, "probability_weight": 6, "name_margin": 2}))
    model = T.TypeModel(np.zeros((4, T.N_FEATURES), np.float32), np.zeros(4, np.float32),
                        T.LABELS + (T.OUTSIDE,), {}, None, 1.0)
    return C.load_crf_tagger(path, model)


def test_small_tagger_spans_and_probabilities(tmp_path):
    tagger = small_tagger(tmp_path)
    assert (tagger.pipeline_weight, tagger.crf_weight, tagger.probability_weight, tagger.name_margin) == (3, 0, 6, 2)
    words = "Paolo Neri vive a Genova .".split()
    assert tagger.spans(words) == [(0, 2, "PER"), (4, 5, "LOC")]
    p = tagger.span_probabilities(words, [(0, 2), (0, 1), (4, 5), (2, 3)], ["PER", "ORG", "LOC"])
    assert p.shape == (4, 3) and ((p >= 0) & (p <= 1)).all()
    assert p[0, 0] > 0.5 and p[0, 0] > p[1, 0]        # the whole name, not its first word
    assert p[2, 2] > 0.5 and p[3].max() < 0.1
    assert p[:, 1].max() == 0                          # ORG never seen: no B-ORG
    # a second sentence resets the tagger (no stale marginals)
    other = "ieri pioveva a Torino .".split()
    assert tagger.spans(other) == [(3, 4, "LOC")]
    assert tagger.span_probabilities(other, [(3, 4)], ["LOC"])[0, 0] > 0.5
    assert tagger.spans([]) == [] and tagger.span_probabilities([], [], ["PER"]).shape == (0, 1)


def test_shipped_tagger_loads_and_finds_a_clear_person():
    taggers = C.crf_taggers("it")
    if not taggers:
        pytest.skip("crf.crfsuite is not shipped")
    tagger = taggers[0]
    assert taggers[0].path.name == "crf.crfsuite"
    words = "Il presidente Sergio Mattarella ha visitato Napoli ieri .".split()
    assert (2, 4, "PER") in tagger.spans(words)
    from rassegna.ner import find_entities

    found = find_entities(["Il presidente Sergio Mattarella ha visitato Napoli ieri."], "it")[0]
    text = "Il presidente Sergio Mattarella ha visitato Napoli ieri."
    assert ("Sergio Mattarella", "PER") in {(text[a:b], lab) for a, b, lab in found}


def test_vote_lifts_kind_wn_dev_over_the_classifier_alone(kind_wn_dev):
    if not C.crf_taggers("it"):
        pytest.skip("crf.crfsuite is not shipped")
    without = kind_wn_dev(crf=False)
    voted = kind_wn_dev()
    assert voted["crf_vote"] and not without["crf_vote"]
    assert voted["f1"] > without["f1"] + 0.01, json.dumps([without["f1"], voted["f1"]])


class FixedProbabilities:
    """A stand-in CRF: the same probability for every range and label."""

    def __init__(self, p: float):
        self.p = p

    def span_probabilities(self, words, ranges, labels):
        return np.full((len(ranges), len(labels)), self.p)


def test_soft_votes_add_weighted_probabilities():
    words = "Ieri Mario Rossi ha parlato .".split()
    # O beats every name by 1 nat; PER is the best name label
    model = T.TypeModel(np.zeros((4, T.N_FEATURES), np.float32), np.array([-2.0, -3.0, -3.0, -1.0], np.float32),
                        T.LABELS + (T.OUTSIDE,), {}, None, 1.0)
    spans = [(1, 3, "PER")]
    assert model.vote(words, [(spans, 1.0)], name_margin=0.5) == []          # 1 nat of vote: margin 0
    # two CRFs, each 0.5 × probability 0.8: +0.8 nats for every label of every range
    soft = [(FixedProbabilities(0.8), 0.5), (FixedProbabilities(0.8), 0.5)]
    got = model.vote(words, [(spans, 1.0)], name_margin=0.5, soft=soft)
    assert got == [(1, 3, "PER")]                                            # 1 + 0.8 - 1 > 0.5
    assert model.vote(words, [(spans, 1.0)], name_margin=0.5, soft=[(FixedProbabilities(0.8), 0.0)]) == []


def test_model_paths_put_the_main_crf_first(tmp_path):
    for name in ("crf_silver.crfsuite", "crf.crfsuite", "crf_b.crfsuite", "crf.json", "types.npz"):
        (tmp_path / name).write_text("")
    assert [p.name for p in C.model_paths(tmp_path)] == ["crf.crfsuite", "crf_b.crfsuite", "crf_silver.crfsuite"]
    assert C.model_paths(tmp_path / "none") == []


def test_features_without_silver_are_those_made_without_a_memory():
    words = "Il governo della Corea del Sud ha incontrato Mario Draghi a Roma .".split()
    silver = {"mario draghi": Counter({"PER": 9}), "w:draghi": Counter({"PER": 4, "LOC": 1}),
              "roma": Counter({"LOC": 3}), "w:roma": Counter({"LOC": 3})}
    clusters = {"roma": [1, 2], "governo": [3, 4]}
    full = C.word_features(words, silver, clusters)
    assert any(a.startswith(("sil=", "silw=", "1:sil=", "-1:sil=")) for word in full for a in word)
    assert C.without_silver(full) == C.word_features(words, None, clusters)
