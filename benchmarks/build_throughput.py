"""Throughput of `rassegna build` on a real corpus, with one worker and with all cores.

    .venv/bin/python benchmarks/build_throughput.py [CORPUS] [--repeat N]

Both runs happen in this process on the same input, so the ratio between them is the figure
to compare across machines; documents/s depends on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from rassegna.build import build

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "facta-it"


def timed_build(corpus: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = build([corpus], Path(out), workers=workers)
        seconds = time.perf_counter() - started
    return {"workers": workers, "documents": summary.documents, "quarantined": summary.quarantined,
            "seconds": round(seconds, 2), "documents_per_second": round(summary.documents / seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (../shared/data is absent?)")
    cores = os.cpu_count() or 1
    runs = {1: [], cores: []}
    for _ in range(args.repeat):
        for workers in runs:
            runs[workers].append(timed_build(args.corpus, workers))
    best = {w: min(r, key=lambda x: x["seconds"]) for w, r in runs.items()}
    report = {"corpus": str(args.corpus), "runs": best,
              "speedup_all_cores_vs_one": round(best[1]["seconds"] / best[cores]["seconds"], 2)}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
