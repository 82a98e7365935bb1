"""Store the frozen word vectors of BiLSTM attribution models once, beside them.

    .venv/bin/python training/attribution/share_vectors.py MODEL.npz [MODEL.npz ...] \
        --vectors src/rassegna/models/attribution_en/word_vectors.npz \
        [--lm src/rassegna/models/attribution_en/word_lm.npz]

Models trained with `train_neural.py --vectors` carry the same frozen table (`emb.vec`,
`vector_words`) in each file. This checks that the tables are identical, writes the table once
(`table`, `words`) and rewrites each model without it, naming the shared file instead
(`vectors_file`), which `attribution_neural.load_neural` reads. Scores are unchanged.
With `--lm`, models trained with `train_neural.py --lm` must all name the same language model
(`lm_file`, relative to their folder); it is copied to the given path and each model names
that copy instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", type=Path, nargs="+")
    ap.add_argument("--vectors", type=Path, required=True)
    ap.add_argument("--lm", type=Path, help="where the members' shared language model is copied")
    ap.add_argument("--lm-source", type=Path,
                    help="the language model they were trained with, when they were copied away from it")
    args = ap.parse_args(argv)
    table = words = None
    contents = []
    for path in args.models:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
        if "p:emb.vec" not in data:
            sys.exit(f"{path}: no frozen vectors in this model")
        if table is None:
            table, words = data["p:emb.vec"], data["vector_words"]
        elif not (np.array_equal(table, data["p:emb.vec"]) and np.array_equal(words, data["vector_words"])):
            sys.exit(f"{path}: its vectors differ from those of {args.models[0]}")
        contents.append((path, data))
    lm_source = None
    if args.lm:
        found = {(path.parent / str(data["lm_file"])).resolve() for path, data in contents if "lm_file" in data}
        if len({str(data.get("lm_file")) for _, data in contents}) != 1 or any("lm_file" not in data for _, data in contents):
            sys.exit(f"--lm: the models must all read one language model (they name {sorted(map(str, found))})")
        lm_source = args.lm_source.resolve() if args.lm_source else found.pop()
        if not lm_source.exists():
            sys.exit(f"--lm: {lm_source} is not there (name it with --lm-source)")
    args.vectors.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.vectors, table=table, words=words)
    if lm_source is not None and lm_source != args.lm.resolve():
        import shutil

        shutil.copyfile(lm_source, args.lm)
    for path, data in contents:
        del data["p:emb.vec"], data["vector_words"]
        data["vectors_file"] = np.array(args.vectors.name)
        if args.lm:
            data["lm_file"] = np.array(args.lm.name)
        np.savez_compressed(path, **data)
        print(f"{path}: {path.stat().st_size / 1e6:.2f} MB, vectors in {args.vectors.name}")
    print(f"{args.vectors}: {args.vectors.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
