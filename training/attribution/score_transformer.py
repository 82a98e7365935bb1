"""Dev log-probabilities of a transformer tagger as run time computes them (numpy, the int8
encoder, `attribution_transformer.load_transformer`), written as `train_transformer.py` writes
its own (`*.dev.npz`, read by `combine_transformer.py`): the check that the shipped file scores
what training measured.

    .venv/bin/python training/attribution/score_transformer.py /work/shared/data/polnear \
        src/rassegna/models/attribution_en/minilm_tagger.npz --out training/output/shipped.dev.npz
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_neural as TN  # noqa: E402

from rassegna.attribution_transformer import load_transformer  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, help="PolNeAR root (train/ and dev/)")
    ap.add_argument("model", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    tagger = load_transformer(args.model)
    _, dev_docs = TN.prepared(args.data, "dev")
    t0 = time.time()
    lps = [tagger.scores(d["art"].text, d["toks"]) for d in dev_docs]
    TN.log(f"{len(dev_docs)} dev docs, {sum(len(d['toks']) for d in dev_docs)} tokens in {time.time() - t0:.1f}s")
    np.savez_compressed(args.out, **{f"d{k}": lp for k, lp in enumerate(lps)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
