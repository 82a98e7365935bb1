"""What a mixed corpus makes of the cross-document stage, and one pathological document.

    .venv/bin/python benchmarks/mixed_corpus.py [HTML_FOLDER]

Reads the 181 unrelated English web pages of `../shared/data/article-extraction/html` (no gold
grouping: the figures say how tightly stories and claims hold on news that mostly does not
belong together), runs both phases, and prints the number of stories, the sizes of the largest,
the claims and how many are flagged as conflicts. Then times the per-document stage on one
100 KB text with no punctuation (a bad extraction), which used to be quadratic.
To compare two versions, run the same script with PYTHONPATH pointing at the other `src/`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rassegna.build import Stages, read_corpus
from rassegna.clean import common_lines
from rassegna.corpus import build_dossier
from rassegna.engine import ENGINES
from rassegna.model import RawDocument
from rassegna.pipeline import Options, analyse

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-extraction" / "html"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not folder.exists():
        sys.exit(f"corpus not found: {folder} (../shared/data is absent?)")
    raws, quarantined = read_corpus([folder], Stages())
    common = common_lines(r.text for r in raws if r.needs_cleaning)
    results = ENGINES["local"](raws, Options(), common, 1, lambda n=1: None)
    dossier = build_dossier(results, inputs=len(raws) + len(quarantined), quarantined=quarantined)
    sizes = sorted((len(s["documents"]) for s in dossier.stories), reverse=True)
    print(json.dumps({"documents": len(dossier.documents), "stories": len(sizes), "largest_stories": sizes[:5],
                      "claims": len(dossier.claims), "conflicts": sum(bool(c["conflict"]) for c in dossier.claims)}))
    text = "Mario Rossi ha detto che " * 4000  # 100 KB, one "sentence"
    raw = RawDocument(id="long", source="long.txt", text=text, format="txt", needs_cleaning=True)
    analyse(raw, Options())  # loads the models once
    started = time.process_time()
    analyse(raw, Options())
    print(json.dumps({"unpunctuated_100kb_cpu_seconds": round(time.process_time() - started, 1)}))


if __name__ == "__main__":
    main()
