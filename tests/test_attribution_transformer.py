"""The numpy MiniLM encoder (`rassegna.minilm`) and the transformer attribution member
(`rassegna.attribution_transformer`)."""

from __future__ import annotations

import numpy as np
import pytest

from rassegna import attribution_neural as N
from rassegna import minilm
from rassegna.attribution import tokenize
from rassegna.attribution_learned import TAGS
from rassegna.attribution_transformer import (TransformerTagger, load_transformer, piece_windows,
                                              transformer_taggers, weighted_scores)


def test_base_weights_are_the_six_layers_dequantized():
    w = minilm.base_weights()
    assert w["embeddings.word_embeddings.weight"].shape == (30522, minilm.HIDDEN)
    assert w["embeddings.position_embeddings.weight"].shape == (minilm.MAX_POSITIONS, minilm.HIDDEN)
    for layer in range(minilm.LAYERS):
        pre = f"encoder.layer.{layer}."
        assert w[pre + "attention.self.query.weight"].shape == (384, 384)
        assert w[pre + "intermediate.dense.weight"].shape == (384, 1536)
        assert w[pre + "output.dense.weight"].shape == (1536, 384)
        assert w[pre + "output.LayerNorm.weight"].shape == (384,)
    assert not any(name.endswith(("_q", "_scale")) for name in w)
    assert all(v.dtype == np.float32 for v in w.values())


def _sentence_vector(text: str) -> np.ndarray:
    """all-MiniLM-L6-v2's sentence embedding: the mean of the top states, normalised."""
    ids = [minilm.CLS] + [p for t in tokenize(text, lang="en") for p in minilm.token_pieces(t.text)] + [minilm.SEP]
    states = minilm.encode(minilm.base_weights(), np.array([ids]), np.ones((1, len(ids)), bool))[0]
    v = states.mean(0)
    return v / np.linalg.norm(v)


def test_encoder_is_the_pretrained_sentence_model():
    # a misplaced or transposed matrix leaves a network that no longer knows paraphrases
    a = _sentence_vector("The president said the troops would leave the country next month.")
    b = _sentence_vector("According to the head of state, the soldiers will withdraw within weeks.")
    c = _sentence_vector("Heavy rain flooded the vineyards and ruined this year's grape harvest.")
    d = _sentence_vector("The president stated that the troops would leave the country next month.")
    assert a @ d > 0.95         # one word changed for a synonym
    assert a @ b > 0.4          # a paraphrase (0.50)
    assert a @ c < 0.2 and b @ c < 0.2      # another topic (0.05, -0.03)


def test_padding_and_batching_do_not_change_a_window():
    rng = np.random.default_rng(0)
    short = [minilm.CLS] + list(rng.integers(1000, 29000, size=9)) + [minilm.SEP]
    long = [minilm.CLS] + list(rng.integers(1000, 29000, size=30)) + [minilm.SEP]
    w = minilm.base_weights()
    alone = minilm.encode(w, np.array([short]), np.ones((1, len(short)), bool))[0]
    ids = np.zeros((2, len(long)), np.int64)
    mask = np.zeros((2, len(long)), bool)
    ids[0, :len(short)], mask[0, :len(short)] = short, True
    ids[1], mask[1] = long, True
    batched = minilm.encode(w, ids, mask)
    np.testing.assert_allclose(batched[0, :len(short)], alone, atol=2e-4)
    with pytest.raises(ValueError):
        minilm.encode(w, np.zeros((1, minilm.MAX_POSITIONS + 1), np.int64), np.ones((1, minilm.MAX_POSITIONS + 1), bool))


def test_token_pieces():
    assert minilm.token_pieces("the") == (1996,)
    assert minilm.token_pieces("The") == (1996,)            # uncased
    assert len(minilm.token_pieces("Zelensky")) > 1          # split into word pieces
    assert minilm.token_pieces("forty-three") == minilm.token_pieces("forty") + minilm.token_pieces("-") + minilm.token_pieces("three")
    assert minilm.token_pieces("") == (minilm.UNK,)
    assert len(minilm.token_pieces("https://example.org/" + "x" * 200)) == minilm.MAX_TOKEN_PIECES


def test_windows_cover_every_token_once_within_the_encoder():
    para = "The minister said that the bridge, which opened in 1931, would close for repairs. "
    text = "\n\n".join(para * k for k in (1, 20, 3))
    toks = tokenize(text, lang="en")
    wins = piece_windows(text, toks)
    covered = [i for _, _, (a, b) in wins for i in range(a, b)]
    assert covered == list(range(len(toks)))
    for ids, firsts, (a, b) in wins:
        assert ids[0] == minilm.CLS and ids[-1] == minilm.SEP
        assert len(ids) <= 256
        assert len(firsts) == b - a
        assert [ids[f] for f in firsts] == [minilm.token_pieces(toks[i].text)[0] for i in range(a, b)]
    assert len(wins) > 3                                   # the long paragraph was cut


def test_low_rank_update_is_added_to_the_frozen_matrix():
    base = {"m.weight": np.ones((3, 2), np.float32), "m.bias": np.zeros(2, np.float32)}
    a = np.array([[1.0, 0.0, 2.0]], np.float16)         # (rank 1, in 3)
    b = np.array([[1.0], [-1.0]], np.float16)           # (out 2, rank 1)
    got = minilm.LowRankUpdate({"m.weight": (a, b)}, {"m.bias": np.array([5.0, 6.0], np.float32)}).applied(base)
    np.testing.assert_allclose(got["m.weight"], [[2, 0], [1, 1], [3, -1]])
    np.testing.assert_allclose(got["m.bias"], [5, 6])
    np.testing.assert_allclose(base["m.weight"], 1.0)     # the base is not changed in place
    with pytest.raises(ValueError):
        minilm.LowRankUpdate({}, {"m.bias": np.zeros(3, np.float32)}).applied(base)


def _shipped() -> tuple[TransformerTagger, ...]:
    taggers = transformer_taggers("en")
    if not taggers:
        pytest.skip("no minilm_tagger*.npz is shipped")
    return taggers


def test_shipped_transformer_alone_tags_source_cue_and_content():
    from rassegna.attribution_learned import segments, valid_transitions
    from rassegna.attribution_neural import decode_tags

    text = "Taxes will rise next year, the finance minister told reporters on Monday."
    toks = tokenize(text, lang="en")
    for tagger in _shipped():
        assert 0 < tagger.weight <= 1
        logp = tagger.scores(text, toks)
        np.testing.assert_allclose(np.exp(logp).sum(1), 1.0, rtol=1e-4)
        tags = decode_tags(logp, N.chunks_of(text, toks), np.where(valid_transitions(), 0.0, -1e6))
        found = {role: text[toks[a].start:toks[b - 1].end] for role, a, b in segments(tags)}
        assert (found.get("CON"), found.get("SRC")) == ("Taxes will rise next year", "the finance minister")
        assert found.get("CUE", "").startswith("told")


def test_ensemble_adds_its_transformers_weighted_scores():
    from rassegna.attribution import lexicon
    from rassegna.sentences import split_sentences

    shipped = N.neural_tagger("en")
    if shipped is None or not shipped.transformers:
        pytest.skip("the BiLSTM ensemble or its transformer member is not shipped")
    text = "Officials said on Monday that the bridge would reopen. “It is safe,” the mayor added."
    sents, lex = split_sentences(text, "en"), lexicon("en")
    toks, bilstm, _ = N.neural_scores(text, sents, lex, N.NeuralEnsemble(shipped.members))
    _, both, _ = N.neural_scores(text, sents, lex, shipped)
    extra = sum(t.weight * t.scores(text, toks) for t in shipped.transformers)
    np.testing.assert_allclose(both, bilstm + extra, rtol=1e-5, atol=1e-5)
    assert weighted_scores((), text, toks) is None


def test_export_reads_back_as_torch_computes(tmp_path):
    torch = pytest.importorskip("torch", reason="torch is a training-only dependency (the `train` extra)")
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "attribution"))
    import train_transformer as TT

    torch.manual_seed(0)
    net = TT.make_model(TT.torch_weights(), 0.0, 4)
    with torch.no_grad():
        for b in net.lora_b.values():
            b.normal_(0, 0.02)                  # a trained update, not the zero it starts from
        for p in net.p.values():
            if p.requires_grad:
                p.add_(0.01 * torch.randn_like(p))
    net.eval()
    TT.export(net, tmp_path / "t.npz", 0.3)
    text = "The minister said on Tuesday that the talks would resume.\n\nShe added: “We won’t stop.”"
    toks = tokenize(text, lang="en")
    wins = piece_windows(text, toks)
    ids, mask, _ = TT.tensors([(p, f, None) for p, f, _ in wins])
    with torch.no_grad():
        lp = torch.log_softmax(net(ids, mask), -1).numpy()
    want = np.zeros((len(toks), len(TAGS)), np.float32)
    for (_, f, (a, b)), row in zip(wins, lp):
        want[a:b] = row[f]
    got = load_transformer(tmp_path / "t.npz")
    assert got.weight == pytest.approx(0.3)
    np.testing.assert_allclose(got.scores(text, toks), want, atol=1e-4)
