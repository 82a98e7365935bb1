"""The numpy BiLSTM attribution tagger (`rassegna.attribution_neural`)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rassegna import attribution_neural as N
from rassegna.attribution_learned import TAGS


def _tiny_inputs(rng, n, vocab=30, chars=12):
    words = rng.integers(1, vocab, size=n)
    clusters = np.stack([rng.integers(0, 65, size=n), rng.integers(0, 257, size=n)], 1)
    ch = np.zeros((n, N.MAX_WORD_CHARS), dtype=np.int64)
    for i in range(n):
        k = int(rng.integers(1, 8))
        ch[i, :k] = rng.integers(1, chars, size=k)
    dense = (rng.random((n, N.N_DENSE)) < 0.2).astype(np.float32)
    return N.Inputs(words, clusters, ch, dense)


@pytest.mark.parametrize("with_vectors", [False, True])
def test_numpy_forward_matches_torch(with_vectors):
    torch = pytest.importorskip("torch", reason="torch is a training-only dependency (the `train` extra)")
    from torch import nn

    torch.manual_seed(0)
    vocab, chars, hidden, layers, fil, n_vec = 30, 12, 6, 2, 5, 17
    word = nn.Embedding(vocab, 4)
    vec = nn.Embedding(n_vec, 3)
    cl0, cl1 = nn.Embedding(65, 8), nn.Embedding(257, 16)
    char = nn.Embedding(chars, 3)
    conv = nn.Conv1d(3, fil, 3, padding=1)
    size = 4 + 24 + fil + N.N_DENSE + (3 if with_vectors else 0)
    lstm = nn.LSTM(size, hidden, num_layers=layers, bidirectional=True, batch_first=True)
    out = nn.Linear(2 * hidden, len(TAGS))
    rng = np.random.default_rng(0)
    inp = _tiny_inputs(rng, 23, vocab, chars)
    if with_vectors:
        inp.vectors = rng.integers(0, n_vec, size=23)
    ranges = [(0, 9), (9, 11), (11, 23)]

    p = {"emb.word": word.weight, "emb.cl0": cl0.weight, "emb.cl1": cl1.weight, "emb.char": char.weight,
         "char.conv_w": conv.weight, "char.conv_b": conv.bias, "out.w": out.weight, "out.b": out.bias}
    if with_vectors:
        p["emb.vec"] = vec.weight
    for layer in range(layers):
        for suf in ("", "_reverse"):
            p[f"lstm.w_ih_l{layer}{suf}"] = getattr(lstm, f"weight_ih_l{layer}{suf}")
            p[f"lstm.w_hh_l{layer}{suf}"] = getattr(lstm, f"weight_hh_l{layer}{suf}")
            p[f"lstm.b_l{layer}{suf}"] = getattr(lstm, f"bias_ih_l{layer}{suf}") + getattr(lstm, f"bias_hh_l{layer}{suf}")
    params = {k: v.detach().numpy().astype(np.float32) for k, v in p.items()}
    model = N.NeuralTagger(params, layers, {}, {}, {}, np.zeros((len(TAGS) + 1, len(TAGS)), np.float32), None)
    got = model.scores(inp, ranges)

    with torch.no_grad():
        for a, b in ranges:
            w = torch.from_numpy(inp.words[a:b])
            ch = torch.from_numpy(inp.chars[a:b])
            ce = torch.relu(conv(char(ch).transpose(1, 2))) * (ch[:, None, :] > 0)
            first = [word(w)] + ([vec(torch.from_numpy(inp.vectors[a:b]))] if with_vectors else [])
            x = torch.cat(first + [cl0(torch.from_numpy(inp.clusters[a:b, 0])),
                           cl1(torch.from_numpy(inp.clusters[a:b, 1])), ce.max(2).values,
                           torch.from_numpy(inp.dense[a:b])], -1)
            h, _ = lstm(x[None])
            want = out(h[0]).numpy()
            np.testing.assert_allclose(got[a:b], want, atol=1e-4)


def test_frozen_vector_ids_are_looked_up_by_lowercased_word():
    from rassegna.attribution import tokenize

    text = "Officials SAID the plan works."
    toks = tokenize(text, lang="en")
    inp = N.token_inputs(text, toks, [], [], [], {}, {}, {}, None, {"said": 1, "plan": 2})
    assert inp.vectors.tolist() == [0, 1, 0, 2, 0, 0]
    assert N.token_inputs(text, toks, [], [], [], {}, {}, {}, None).vectors is None


def test_chunks_cover_paragraphs():
    from rassegna.attribution import tokenize

    text = "One two three.\nFour five.\n\nSix."
    toks = tokenize(text, lang="en")
    ranges = N.chunks_of(text, toks)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(toks)
    assert all(a < b for a, b in ranges)
    assert all(ranges[k][1] == ranges[k + 1][0] for k in range(len(ranges) - 1))


def test_shipped_model_finds_said():
    model = N.neural_tagger("en")
    if model is None:
        pytest.skip("neural.npz is not shipped")
    from rassegna.attribution import lexicon
    from rassegna.attribution_learned import segments
    from rassegna.sentences import split_sentences

    text = "The minister said that taxes would rise."
    toks, tags, _ = N.neural_tags(text, split_sentences(text, "en"), lexicon("en"), model)
    runs = {role: text[toks[a].start:toks[b - 1].end] for role, a, b in segments(tags)}
    assert runs.get("CUE") == "said"
    assert runs.get("SRC") == "The minister"
    assert "taxes would rise" in runs.get("CON", "")


def test_ensemble_averages_members():
    from rassegna.attribution import lexicon
    from rassegna.sentences import split_sentences

    shipped = N.neural_tagger("en")
    if shipped is None:
        pytest.skip("neural.npz is not shipped")
    one = shipped.members[0]
    text = "Officials said on Monday that the bridge would reopen. “It is safe,” the mayor added."
    sents, lex = split_sentences(text, "en"), lexicon("en")
    _, alone, _ = N.neural_scores(text, sents, lex, one)
    _, twice, _ = N.neural_scores(text, sents, lex, N.NeuralEnsemble([one, one]))
    np.testing.assert_allclose(twice, alone, rtol=1e-5, atol=1e-5)
    # a member whose scores are shifted moves the mean by half the shift
    shifted = replace(one, params={**one.params, "out.b": one.params["out.b"] + 2.0})
    _, mixed, _ = N.neural_scores(text, sents, lex, N.NeuralEnsemble([one, shifted]))
    np.testing.assert_allclose(mixed, alone + 1.0, rtol=1e-4, atol=1e-4)
    softmax = replace(one, crf=not one.crf)
    with pytest.raises(ValueError):
        N.NeuralEnsemble([one, softmax])


def _one_direction(pre, w_hh):
    """A reference LSTM direction, one step and one gate at a time."""
    hid = w_hh.shape[1]
    h = np.zeros((pre.shape[0], hid))
    c = np.zeros((pre.shape[0], hid))
    out = np.zeros(pre.shape[:2] + (hid,))
    sig = lambda x: 1 / (1 + np.exp(-x))   # noqa: E731
    for t in range(pre.shape[1]):
        g = pre[:, t] + h @ w_hh.T
        i, f, z, o = sig(g[:, :hid]), sig(g[:, hid:2 * hid]), np.tanh(g[:, 2 * hid:3 * hid]), sig(g[:, 3 * hid:])
        c = f * c + i * z
        h = o * np.tanh(c)
        out[:, t] = h
    return out


def test_lstm_directions_in_lockstep_match_each_run_alone():
    rng = np.random.default_rng(3)
    k, bsz, steps, hid = 3, 4, 7, 5
    pre = rng.normal(size=(k, bsz, steps, 4 * hid)).astype(np.float32)
    w_hh = rng.normal(size=(k, 4 * hid, hid)).astype(np.float32)
    got = N.lstm_lockstep(pre, w_hh)
    assert got.shape == (k, bsz, steps, hid)
    for j in range(k):
        np.testing.assert_allclose(got[j], _one_direction(pre[j], w_hh[j]), atol=1e-5)


def test_ensemble_members_run_side_by_side_score_as_each_alone():
    rng = np.random.default_rng(5)
    inp = _tiny_inputs(rng, 15)
    ranges = [(0, 6), (6, 15)]

    def tagger(hidden, seed, layers=2):
        r = np.random.default_rng(seed)
        size = 4 + N.N_DENSE
        p = {"emb.word": r.normal(size=(30, 4)), "out.w": r.normal(size=(len(TAGS), 2 * hidden)),
             "out.b": r.normal(size=len(TAGS))}
        for layer in range(layers):
            for suffix in ("", "_reverse"):
                p[f"lstm.w_ih_l{layer}{suffix}"] = r.normal(size=(4 * hidden, size if layer == 0 else 2 * hidden))
                p[f"lstm.w_hh_l{layer}{suffix}"] = r.normal(size=(4 * hidden, hidden))
                p[f"lstm.b_l{layer}{suffix}"] = r.normal(size=4 * hidden)
        params = {k: v.astype(np.float32) for k, v in p.items()}
        return N.NeuralTagger(params, layers, {}, {}, {}, np.zeros((len(TAGS) + 1, len(TAGS)), np.float32), None)

    # two hidden sizes (two lockstep groups); three depths in the first group, so the shallower
    # members leave its lockstep after their last layer
    models = [tagger(6, 1), tagger(6, 2, layers=3), tagger(9, 3), tagger(6, 4, layers=1), tagger(6, 5)]
    alone = [m.scores(inp, ranges) for m in models]
    together = N.tagger_scores(models, [inp] * len(models), ranges)
    for want, got in zip(alone, together):
        np.testing.assert_allclose(got, want, atol=1e-5)
    assert not np.allclose(alone[0], alone[4])


def test_members_of_one_recipe_share_their_inputs():
    shipped = N.neural_tagger("en")
    if shipped is None:
        pytest.skip("neural.npz is not shipped")
    one = shipped.members[0]
    other_vocab = replace(one, vocab={**one.vocab, "zzzz-not-a-word": 1})
    assert N.input_sources([one, one, other_vocab, replace(one)]) == [0, 0, 2, 0]


def test_frozen_vectors_stored_once_beside_the_members_load_as_inline_ones(tmp_path):
    from rassegna.attribution import lexicon
    from rassegna.sentences import split_sentences

    rng = np.random.default_rng(1)
    hidden, size = 4, 5 + 3 + N.N_DENSE
    p = {"emb.word": rng.normal(size=(6, 5)), "emb.vec": rng.normal(size=(4, 3)),
         "out.w": rng.normal(size=(len(TAGS), 2 * hidden)), "out.b": rng.normal(size=len(TAGS))}
    for suffix in ("", "_reverse"):
        p[f"lstm.w_ih_l0{suffix}"] = rng.normal(size=(4 * hidden, size))
        p[f"lstm.w_hh_l0{suffix}"] = rng.normal(size=(4 * hidden, hidden))
        p[f"lstm.b_l0{suffix}"] = rng.normal(size=4 * hidden)
    common = {"vocab": np.array(["said", "the", "bridge", "mayor"]), "chars": np.array([]),
              "cue_words": np.array(["said"]), "cue_rates": np.array([0.9]), "layers": np.array(1)}
    arrays = {"p:" + k: v.astype(np.float16) for k, v in p.items()}
    np.savez_compressed(tmp_path / "inline.npz", **common, **arrays, vector_words=np.array(["said", "mayor", "bridge"]))
    shared = {k: v for k, v in arrays.items() if k != "p:emb.vec"}
    np.savez_compressed(tmp_path / "neural_a.npz", **common, **shared, vectors_file=np.array("vectors.npz"))
    np.savez_compressed(tmp_path / "vectors.npz", table=arrays["p:emb.vec"], words=np.array(["said", "mayor", "bridge"]))
    inline, stored = N.load_neural(tmp_path / "inline.npz"), N.load_neural(tmp_path / "neural_a.npz")
    assert stored.vector_ids == inline.vector_ids == {"said": 1, "mayor": 2, "bridge": 3}
    text = "The mayor said the bridge is safe."
    sents, lex = split_sentences(text, "en"), lexicon("en")
    np.testing.assert_allclose(N.neural_scores(text, sents, lex, stored)[1],
                               N.neural_scores(text, sents, lex, inline)[1], rtol=1e-6)


def _tiny_lm(rng, words, dim=3, hidden=4):
    p = {"emb": rng.normal(size=(len(words) + 3, dim))}
    for d in ("fw", "bw"):
        p[f"{d}.w_ih"] = rng.normal(size=(4 * hidden, dim))
        p[f"{d}.w_hh"] = rng.normal(size=(4 * hidden, hidden))
        p[f"{d}.b"] = rng.normal(size=4 * hidden)
    return {k: v.astype(np.float32) for k, v in p.items()}


def test_language_model_states_match_torch():
    torch = pytest.importorskip("torch", reason="torch is a training-only dependency (the `train` extra)")
    from torch import nn

    from rassegna.attribution import tokenize

    rng = np.random.default_rng(2)
    words = ["the", "mayor", "said", "bridge"]
    p = _tiny_lm(rng, words)
    lm = N.WordLM(p, {w: i + 3 for i, w in enumerate(words)})
    toks = tokenize("The mayor said the old bridge is safe. The bridge", lang="en")
    ranges = [(0, 9), (9, len(toks))]
    got = lm.states(toks, ranges)
    ids = [lm.vocab.get(t.low, 1) for t in toks]
    assert ids[4] == 1                                   # "old": unknown
    hid = p["fw.w_hh"].shape[1]
    for d, flip in (("fw", False), ("bw", True)):
        cell = nn.LSTM(3, hid, batch_first=True)
        with torch.no_grad():
            cell.weight_ih_l0.copy_(torch.from_numpy(p[f"{d}.w_ih"]))
            cell.weight_hh_l0.copy_(torch.from_numpy(p[f"{d}.w_hh"]))
            cell.bias_ih_l0.copy_(torch.from_numpy(p[f"{d}.b"]))
            cell.bias_hh_l0.zero_()
            for a, b in ranges:
                x = torch.from_numpy(p["emb"][ids[a:b]])[None]
                h, _ = cell(x.flip(1) if flip else x)
                want = (h.flip(1) if flip else h)[0].numpy()
                np.testing.assert_allclose(got[a:b, hid:] if flip else got[a:b, :hid], want, atol=1e-5)


def test_language_model_beside_the_tagger_is_read_through_its_projection(tmp_path):
    from rassegna.attribution import lexicon
    from rassegna.sentences import split_sentences

    rng = np.random.default_rng(3)
    words = ["said", "the", "bridge", "mayor"]
    lm = _tiny_lm(rng, words)
    np.savez_compressed(tmp_path / "lm.npz", words=np.array(words),
                        **{"p:" + k: v.astype(np.float16) for k, v in lm.items()})
    hidden, size = 4, 5 + N.N_DENSE + 2
    p = {"emb.word": rng.normal(size=(6, 5)), "lm.proj_w": np.zeros((2, 8)), "lm.proj_b": np.zeros(2),
         "out.w": rng.normal(size=(len(TAGS), 2 * hidden)), "out.b": rng.normal(size=len(TAGS))}
    for suffix in ("", "_reverse"):
        p[f"lstm.w_ih_l0{suffix}"] = rng.normal(size=(4 * hidden, size))
        p[f"lstm.w_hh_l0{suffix}"] = rng.normal(size=(4 * hidden, hidden))
        p[f"lstm.b_l0{suffix}"] = rng.normal(size=4 * hidden)
    common = {"vocab": np.array(words), "chars": np.array([]), "cue_words": np.array(["said"]),
              "cue_rates": np.array([0.9]), "layers": np.array(1), "lm_file": np.array("lm.npz")}
    np.savez_compressed(tmp_path / "zero.npz", **common, **{"p:" + k: v.astype(np.float16) for k, v in p.items()})
    p["lm.proj_w"] = rng.normal(size=(2, 8))
    np.savez_compressed(tmp_path / "read.npz", **common, **{"p:" + k: v.astype(np.float16) for k, v in p.items()})
    zero, read = N.load_neural(tmp_path / "zero.npz"), N.load_neural(tmp_path / "read.npz")
    assert zero.lm is read.lm and zero.lm.vocab["said"] == 3
    text = "The mayor said the bridge is safe."
    sents, lex = split_sentences(text, "en"), lexicon("en")
    _, with_zero, _ = N.neural_scores(text, sents, lex, zero)
    _, with_states, _ = N.neural_scores(text, sents, lex, read)
    # a zero projection adds nothing; a learned one changes the scores
    no_lm = replace(zero, params={k: v for k, v in zero.params.items() if not k.startswith("lm.")}, lm=None)
    no_lm.params["lstm.w_ih_l0"] = zero.params["lstm.w_ih_l0"][:, :-2]
    no_lm.params["lstm.w_ih_l0_reverse"] = zero.params["lstm.w_ih_l0_reverse"][:, :-2]
    np.testing.assert_allclose(with_zero, N.neural_scores(text, sents, lex, no_lm)[1], rtol=1e-5, atol=1e-5)
    assert not np.allclose(with_zero, with_states)


def test_pseudo_labels_read_back_as_the_attributions_written():
    """`training/attribution/pseudo_label.py` writes the system's attributions as brat; the
    training reads them with the eval's own reader, pieces and roles intact."""
    import sys
    from pathlib import Path

    from rassegna.evaluate.attribution import parse_ann
    from rassegna.model import Attribution, Span

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "attribution"))
    from pseudo_label import ann_lines

    text = 'The mayor said the bridge, "long closed," would reopen. Rain is forecast.'
    said = Attribution(content=Span.of(text, 15, 54), direct=False, source=Span.of(text, 0, 9),
                       cue=Span.of(text, 10, 14), spans=((15, 25), (27, 38), (40, 54)))
    bare = Attribution(content=Span.of(text, 56, 73), direct=False)
    gold = parse_ann("\n".join(ann_lines([said, bare])))
    assert [g.content for g in gold] == [((15, 25), (27, 38), (40, 54)), ((56, 73),)]
    assert gold[0].source == ((0, 9),) and gold[0].cue == ((10, 14),)
    assert gold[1].source == () and gold[1].cue == ()
