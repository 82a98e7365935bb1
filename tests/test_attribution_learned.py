"""The learned English attribution tagger (stage 1 BIO tagger, stage 2 cue-conditioned
argument tagger + cue classifier): it loads, it changes predictions, and its pieces behave."""

import itertools
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from rassegna import attribution as A
from rassegna import attribution_learned as L
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.model import Document
from rassegna.sentences import split_sentences

POLNEAR_DEV = Path("/work/shared/data/polnear/dev")
RULES_ONLY = SimpleNamespace(lang="en", attribution_rules_only=True)


def find(text, options=None, lang="en"):
    doc = Document(id="t", source="t", text=text, language=lang, sentences=split_sentences(text, lang))
    return A.find_attributions(doc, options)


def test_learned_models_load_with_consistent_shapes():
    tagger, args = L._tagger("en"), L._arg_model("en")
    assert tagger is not None and args is not None
    assert tagger.weights.shape == (len(tagger.index), len(L.TAGS))
    assert tagger.trans.shape == (len(L.TAGS) + 1, len(L.TAGS))
    assert args.weights.shape == (len(args.index), len(L.ARG_TAGS))
    assert args.cue_weights and 0 < args.threshold < 1
    assert tagger.cue_rate["said"] > 0.5 and tagger.cue_rate.get("the", 0) < 0.05
    assert L._tagger("it") is None and L._arg_model("it") is None  # Italian stays rule-based


def test_learned_component_changes_a_prediction():
    text = "The senator endorsed Hillary Clinton for president."
    assert find(text, RULES_ONLY) == []
    (a,) = find(text)
    assert a.cue.text == "endorsed" and a.source.text == "The senator"
    assert a.content.text.startswith("Hillary Clinton")


def test_learned_english_reported_and_direct_speech():
    (a,) = find("The mayor said that the city budget would be balanced next year.")
    assert (a.source.text, a.cue.text, a.content.text) == (
        "The mayor", "said", "that the city budget would be balanced next year")
    (b,) = find('"We will win this state," Senator Jane Doe said.')
    assert b.direct and b.content.text == "We will win this state" and b.source.text == "Senator Jane Doe"
    (c,) = find("“This is wrong,” she said, “and we will fight it in every court.”")
    assert c.source.text == "she" and len(c.spans) == 2


def test_italian_ignores_the_english_model():
    text = "Il ministro ha detto che il piano è pronto."
    (a,) = find(text, None, "it")
    assert a.cue.text == "ha detto" and a.content.text == "che il piano è pronto"


def test_word_cluster_features_are_optional():
    text = "The senator claimed that taxes would fall."
    sents = split_sentences(text, "en")
    toks = A.tokenize(text, lang="en")
    args = (text, toks, sents, A.find_quotes(text), [], {"claimed": 0.5})
    plain = L.token_features(*args)
    assert not any(f.startswith("cl=") for fs in plain for f in fs)
    clustered = L.token_features(*args, {"claimed": [3, 17], "said": [3, 17]})
    claimed = clustered[[t.low for t in toks].index("claimed")]
    assert "cl=17" in claimed and "cl0=3" in claimed
    assert all(set(p) <= set(fs) for fs, p in zip(clustered, plain))  # clusters only add features
    tagger = L._tagger("en")
    uses = any(n.startswith("cl=") for n in tagger.index)
    assert (tagger.clusters is not None) == uses  # loaded only when the tagger was trained with them
    if uses:
        clusters = L.word_clusters("en")
        assert clusters["said"][1] == clusters["told"][1]


def test_cue_features_describe_the_cue_sentence():
    text = "The senator said that taxes would fall."
    sents = split_sentences(text, "en")
    toks = A.tokenize(text, lang="en")
    info = L.doc_info(text, toks, sents, A.find_quotes(text), {"said": 0.9})
    names = ["B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"]
    f = L.cue_features(info, (2, 3), names[:len(toks)])
    assert "that_next=True" in f and "other_cues=0" in f and "sent_src=2" in f


def test_viterbi_with_content_is_the_best_path_with_content():
    rng = np.random.default_rng(0)
    t = len(L.ARG_TAGS)
    mask = np.where(L.arg_valid_transitions(), 0.0, -1e6).astype(np.float32)
    for _ in range(20):
        n = int(rng.integers(1, 5))
        emit = rng.normal(size=(n, t)).astype(np.float32)
        trans = (rng.normal(size=(t + 1, t)) + mask).astype(np.float32)

        def score(p):
            return trans[-1, p[0]] + emit[0, p[0]] + sum(trans[p[k - 1], p[k]] + emit[k, p[k]] for k in range(1, n))

        best = max((p for p in itertools.product(range(t), repeat=n)
                    if any(L.ARG_TAGS[x].endswith("CON") for x in p)), key=score)
        got = L.viterbi_with_content(emit, trans)
        assert any(L.ARG_TAGS[x].endswith("CON") for x in got)
        assert abs(score(got) - score(best)) < 1e-3


def test_bio_segments_and_invalid_transitions():
    tags = [L.TAGS.index(x) for x in ("B-SRC", "I-SRC", "B-CUE", "B-CON", "I-CON", "O", "B-CON")]
    assert L.segments(tags) == [("SRC", 0, 2), ("CUE", 2, 3), ("CON", 3, 5), ("CON", 6, 7)]
    ok = L.valid_transitions()
    assert not ok[L.TAGS.index("O"), L.TAGS.index("I-CON")]
    assert not ok[-1, L.TAGS.index("I-SRC")] and ok[L.TAGS.index("B-CON"), L.TAGS.index("I-CON")]


def test_tidy_piece_drops_wrapping_quotes_and_trailing_commas():
    text = '"We will win this state," she said'
    s, e, quoted = L.tidy_piece(text, 0, 25)
    assert text[s:e] == "We will win this state" and quoted
    text = 'voter fraud “would be one hell of a way to lose.”'
    s, e, quoted = L.tidy_piece(text, 0, len(text))
    assert text[s:e] == text and not quoted


def test_resolve_arguments_drops_nested_cues_and_weaker_overlaps():
    outer = {"cue": (1, 2), "con": [(2, 10)], "src": [], "conf": 0.6}
    nested = {"cue": (5, 6), "con": [(6, 10)], "src": [], "conf": 0.9}
    dup = {"cue": (1, 2), "con": [(2, 9)], "src": [], "conf": 0.5}
    kept = L.resolve_arguments([outer, nested, dup])
    assert kept == [outer]
    # a neighbouring sentence with its own cue is not content of this one
    sent_of = [0] * 6 + [1] * 6
    a = {"cue": (1, 2), "con": [(2, 5), (7, 10)], "src": [], "conf": 0.9}
    b = {"cue": (6, 7), "con": [(7, 10)], "src": [], "conf": 0.8}
    kept = L.resolve_arguments([a, b], sent_of)
    assert [x["con"] for x in kept] == [[(2, 5)], [(7, 10)]]


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev not available")
def test_learned_beats_rules_on_polnear_dev_articles():
    # 20 articles: on 10 the margin over the rules swings by ±0.02 from one retraining to the next
    arts = read_polnear(POLNEAR_DEV)[:20]
    scores = {}
    for name, options in (("learned", None), ("rules", RULES_ONLY)):
        counts = {m: Counts() for m in METRICS}
        for art in arts:
            score_article(art.text, art.gold, find(art.text, options), counts)
        scores[name] = {m: counts[m].scores()["f1"] for m in METRICS}
    assert scores["learned"]["content_overlap"] > scores["rules"]["content_overlap"] + 0.01
    assert scores["learned"]["content_overlap"] > 0.6 and scores["learned"]["source"] > 0.75
