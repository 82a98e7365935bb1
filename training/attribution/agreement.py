"""How far two PolNeAR annotators agree, by the eval's own measures: every further annotator's
file of a text annotated several times is scored as if it were a prediction against the first
annotator's (the gold `rassegna eval attribution` reads). A reference point for the model's
scores: on these measures a second person is no perfect match either.

    .venv/bin/python training/attribution/agreement.py /work/shared/data/polnear/dev /work/shared/data/polnear/train

With `--system`, the shipped system is scored on the same texts of each folder too (fair on dev
alone).
"""
from __future__ import annotations

import sys
from pathlib import Path

from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_spans, score_system


def agreement(folders: list[Path]) -> dict:
    counts = {m: Counts() for m in METRICS}
    texts, files = set(), 0
    for folder in folders:
        first = {a.name: a for a in read_polnear(folder)}
        for other in read_polnear(folder, later_annotators=True):
            gold = first[other.name.rsplit("_", 1)[0]]
            spans = [{"content": g.content, "cue": g.cue, "source": g.source} for g in other.gold]
            score_spans(gold.text, gold.gold, spans, counts)
            texts.add(gold.name)
            files += 1
    return {"texts": len(texts), "other_annotations": files, **{m: counts[m].scores() for m in METRICS}}


def system_on_same_texts(folder: Path) -> dict:
    """The shipped system against the first annotator, on the texts `agreement` reads (only
    fair on dev: the model was trained on train's)."""
    names = {a.name.rsplit("_", 1)[0] for a in read_polnear(folder, later_annotators=True)}
    counts = score_system([art for art in read_polnear(folder) if art.name in names])
    return {"texts": len(names), **{m: counts[m].scores() for m in METRICS}}


def main(argv: list[str]) -> None:
    system = "--system" in argv
    folders = [Path(a) for a in argv if a != "--system"]
    for folder in folders:
        print(folder.name, "annotators:", agreement([folder]))
        if system:
            print(folder.name, "system:", system_on_same_texts(folder))
    if len(folders) > 1:
        print("all annotators:", agreement(folders))


if __name__ == "__main__":
    main(sys.argv[1:])
