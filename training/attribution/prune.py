"""Drop small weights from the shipped tagger files (features whose largest |weight| < T) and
score the pruned system on a PolNeAR folder.

    .venv/bin/python training/attribution/prune.py T DEV [--from DIR] [--write]

(--from DIR: prune DIR/tagger.npz and DIR/arguments.npz instead of the shipped ones.)
"""
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from rassegna import attribution as A
from rassegna import attribution_learned as L
from rassegna.evaluate.attribution import evaluate_attribution

thr, dev = float(sys.argv[1]), sys.argv[2]
src = A._MODEL_DIR / "attribution_en"
ship = src
if "--from" in sys.argv:  # candidate files (tagger.npz, arguments.npz) from another folder
    cand = Path(sys.argv[sys.argv.index("--from") + 1])
tmp = Path(tempfile.mkdtemp()) / "attribution_en"
shutil.copytree(src, tmp)
if "--from" in sys.argv:
    for name in ("tagger.npz", "arguments.npz"):
        shutil.copy(cand / name, tmp / name)
    src = tmp
for name in ("tagger.npz", "arguments.npz"):
    with np.load(src / name) as z:
        data = {k: z[k] for k in z.files}
    keep = np.abs(data["weights"].astype(np.float32)).max(1) >= thr
    data["features"], data["weights"] = data["features"][keep], data["weights"][keep]
    np.savez_compressed(tmp / name, **data)
    print(name, int(keep.sum()), f"{(tmp / name).stat().st_size / 1e6:.1f} MB")
A._MODEL_DIR = L._MODEL_DIR = tmp.parent  # the learned module holds its own reference
out = evaluate_attribution(Path(dev))
print({k: (v["p"], v["r"], v["f1"]) if isinstance(v, dict) else v for k, v in out.items()})
if "--write" in sys.argv:
    for name in ("tagger.npz", "arguments.npz"):
        shutil.copy(tmp / name, ship / name)
    print("written to", ship)
