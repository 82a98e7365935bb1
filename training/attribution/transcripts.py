"""Which PolNeAR texts read as transcripts, and how many of their turns (`attribution.transcript_turns`)
match a gold content (the eval's word-Jaccard matching).

    .venv/bin/python training/attribution/transcripts.py /work/shared/data/polnear/dev /work/shared/data/polnear/train
"""
from __future__ import annotations

import sys
from pathlib import Path

from rassegna.attribution import transcript_turns
from rassegna.evaluate.attribution import match_contents, read_polnear


def main(folders: list[str]) -> None:
    for folder in folders:
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
