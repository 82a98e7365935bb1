"""Which PolNeAR texts read as transcripts, and how many of their turns (`attribution.transcript_turns`)
match a gold content (the eval's word-Jaccard matching).

    .venv/bin/python training/attribution/transcripts.py /work/shared/data/polnear/dev /work/shared/data/polnear/train

A `dossier.json` instead of a PolNeAR folder: the turns found in its documents (no gold).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rassegna.attribution import transcript_turns
from rassegna.evaluate.attribution import match_contents, read_polnear


def in_dossier(path: Path) -> None:
    documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
    found = {d["id"]: transcript_turns(d["text"]) for d in documents}
    for doc_id, turns in found.items():
        if turns:
            print(f"{doc_id}: {len(turns)} turns of {', '.join(sorted({t.source.text for t in turns}))}")
    print(f"{path}: {len(documents)} documents, {sum(1 for t in found.values() if t)} transcripts")


def main(folders: list[str]) -> None:
    for folder in folders:
        if folder.endswith(".json"):
            in_dossier(Path(folder))
            continue
        texts = turns = matched = 0
        for art in read_polnear(Path(folder)):
            found = transcript_turns(art.text)
            if not found:
                continue
            pairs = match_contents(art.text, [g.content for g in art.gold],
                                   [((t.content.start, t.content.end),) for t in found])
            speakers = sorted({t.source.text for t in found})
            print(f"{Path(folder).name} {art.name}: {len(found)} turns of {', '.join(speakers)}, {len(pairs)} match gold")
            texts, turns, matched = texts + 1, turns + len(found), matched + len(pairs)
        print(f"{Path(folder).name}: {texts} transcripts, {turns} turns, {matched} match gold")


if __name__ == "__main__":
    main(sys.argv[1:])
