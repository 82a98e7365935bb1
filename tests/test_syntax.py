"""The packaged English parser and the syntax flags the attribution tagger reads."""

import hashlib
from importlib import import_module
from pathlib import Path

import numpy as np

from rassegna import attribution_neural as N
from rassegna import syntax as S
from rassegna.attribution import tokenize
from rassegna.attribution_learned import TAGS
from rassegna.model import Span


def _parse(text: str, sentences: list[tuple[int, int]]):
    toks = tokenize(text, lang="en")
    spans = [Span.of(text, a, b) for a, b in sentences]
    return toks, S.parse_tokens(text, spans, [t.start for t in toks], [t.end for t in toks])


def test_installed_parser_is_the_pinned_one():
    pkg = import_module(S.MODEL_NAME)
    folder = Path(pkg.__file__).parent / f"{S.MODEL_NAME}-{S.MODEL_VERSION}"
    for name, digest in S.MODEL_FILE_SHA256.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


def test_parse_on_our_tokens():
    text = "The minister said that taxes would rise. Officials denied it."
    toks, parse = _parse(text, [(0, 40), (41, len(text))])
    pos, dep, head = parse.pos, parse.dep, parse.head
    at = {t.text: i for i, t in enumerate(toks)}
    assert S.DEPS[dep[at["said"]] - 1] == "ROOT" and head[at["said"]] == at["said"]
    assert S.DEPS[dep[at["rise"]] - 1] == "ccomp" and head[at["rise"]] == at["said"]
    assert S.DEPS[dep[at["minister"]] - 1] == "nsubj"
    assert S.UPOS[pos[at["taxes"]] - 1] == "NOUN"
    # each sentence is its own tree: nothing in the second hangs on the first
    assert all(head[i] >= at["Officials"] for i in range(at["Officials"], len(toks)))


def test_tokens_outside_every_sentence_are_unparsed():
    text = "Breaking news. The mayor resigned."
    toks, parse = _parse(text, [(15, len(text))])
    pos, dep, head = parse.pos, parse.dep, parse.head
    assert pos[0] == 0 and dep[0] == 0 and head[0] == 0
    assert not parse.tensor[0].any() and parse.tensor[3].any()
    assert toks[3].text == "The" and dep[3] > 0


def test_empty_input():
    parse = S.parse_tokens("", [], [], [])
    assert parse.pos.shape == parse.dep.shape == parse.head.shape == (0,)
    assert parse.tensor.shape == (0, S.TENSOR_WIDTH)
    assert N.syntax_flags([], parse, {}).shape == (0, N.N_SYNTAX)


def test_syntax_flags_place_arguments_under_the_cue():
    text = "The minister said on Tuesday that taxes would rise."
    toks, parse = _parse(text, [(0, len(text))])
    flags = N.syntax_flags(toks, parse, {"said": 0.9})
    assert flags.shape == (len(toks), N.N_SYNTAX)
    at = {t.text: i for i, t in enumerate(toks)}
    groups = 18 + 46 + 3

    def group(word):
        return int(np.argmax(flags[at[word], groups:groups + 9]))

    assert group("minister") == 0          # the subject of the cue
    assert group("rise") == 1 and group("taxes") == 1   # its complement clause
    assert group("said") == 8              # no cue-like ancestor above the cue itself
    self_flags = groups + 9 + 4 + 3
    assert flags[at["said"], self_flags] == 1 and flags[at["said"], self_flags + 1] == 1
    # one part of speech, one label and one head direction per token
    assert (flags[:, :18].sum(1) == 1).all() and (flags[:, 18:64].sum(1) == 1).all()
    # with no cue-like word nothing hangs under a cue
    none = N.syntax_flags(toks, parse, {})
    assert (none[:, groups + 8] == 1).all()


def _tiny_model(tmp_path, name, extra_inputs, rng, **flags):
    hidden, size = 4, 5 + N.N_DENSE + extra_inputs
    p = {"emb.word": rng.normal(size=(6, 5)), "out.w": rng.normal(size=(len(TAGS), 2 * hidden)),
         "out.b": rng.normal(size=len(TAGS))}
    for suffix in ("", "_reverse"):
        p[f"lstm.w_ih_l0{suffix}"] = rng.normal(size=(4 * hidden, size))
        p[f"lstm.w_hh_l0{suffix}"] = rng.normal(size=(4 * hidden, hidden))
        p[f"lstm.b_l0{suffix}"] = rng.normal(size=4 * hidden)
    np.savez_compressed(tmp_path / name, vocab=np.array(["said", "the", "bridge", "mayor"]), chars=np.array([]),
                        cue_words=np.array(["said"]), cue_rates=np.array([0.9]), layers=np.array(1),
                        **{k: np.array(v) for k, v in flags.items()},
                        **{"p:" + k: v.astype(np.float16) for k, v in p.items()})
    return N.load_neural(tmp_path / name)


def test_models_that_read_the_parse(tmp_path):
    from rassegna.attribution import lexicon
    from rassegna.sentences import split_sentences

    rng = np.random.default_rng(5)
    plain = _tiny_model(tmp_path, "plain.npz", 0, rng)
    flags = _tiny_model(tmp_path, "flags.npz", N.N_SYNTAX, rng, syntax=1)
    both = _tiny_model(tmp_path, "both.npz", N.N_SYNTAX + S.TENSOR_WIDTH, rng, syntax=1, parse_tensor=1)
    assert (plain.syntax, plain.parse_tensor) == (False, False)
    assert (flags.syntax, flags.parse_tensor) == (True, False)
    assert (both.syntax, both.parse_tensor) == (True, True)
    text = "The mayor said the bridge is safe. The mayor resigned."
    sents, lex = split_sentences(text, "en"), lexicon("en")
    for model in (plain, flags, both):
        toks, scores, _ = N.neural_scores(text, sents, lex, model)
        assert scores.shape == (len(toks), len(TAGS))
        assert np.isfinite(scores).all()
    # an ensemble of members that do and do not read the parse parses once and feeds each its inputs
    toks, mixed, _ = N.neural_scores(text, sents, lex, N.NeuralEnsemble([plain, both]))
    alone = [N.neural_scores(text, sents, lex, m)[1] for m in (plain, both)]
    np.testing.assert_allclose(mixed, (alone[0] + alone[1]) / 2, rtol=1e-5, atol=1e-5)


def test_overlong_sentences_stay_unparsed():
    text = "The mayor said so. " + "word " * (S.MAX_SENTENCE_CHARS // 5 + 10)
    toks, parse = _parse(text, [(0, 18), (19, len(text))])
    assert parse.dep[1] > 0                      # the short sentence is parsed
    assert not parse.dep[5:].any() and not parse.tensor[5:].any()
