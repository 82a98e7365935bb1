"""Label unlabeled English news with the shipped attribution system, in PolNeAR's layout, as
further training text for the BiLSTM (`train_neural.py --extra DIR`): self-training, the
students learning what the shipped system (BiLSTM ensemble, rules, transcript turns) finds in news the
annotators never saw.

    .venv/bin/python training/attribution/pseudo_label.py /work/shared/data training/output/pseudo_en

Texts (none of them annotated for attribution; none in PolNeAR):
- TempEval-3 TBAQ-cleaned (TimeBank and AQUAINT news wires, the text of each `<TEXT>`),
- the article-extraction benchmark's English article bodies (`language.detect_language`).
Written: `DIR/text/NAME.txt` and `DIR/attributions/NAME.ann` (brat, as PolNeAR's: Source, Cue,
Content and an Attribution event tying them), read back by `evaluate.attribution.read_polnear`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from rassegna.attribution import find_attributions
from rassegna.evaluate.timex import read_tml
from rassegna.language import detect_language
from rassegna.model import Document
from rassegna.sentences import split_sentences


def news_texts(data: Path):
    """(name, text) of every unlabeled English news text used."""
    for path in sorted((data / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        yield "tbaq_" + path.stem, read_tml(path)[0].strip()
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        body = (truth[key].get("articleBody") or "").strip()
        if body and detect_language(body) == "en":
            yield "extraction_" + key[:16], body


def ann_lines(attributions) -> list[str]:
    lines: list[str] = []
    ids = iter(range(1, 10 ** 9))

    def span(role: str, pieces, text: str) -> str:
        name = f"T{next(ids)}"
        where = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"{name}\t{role} {where}\t{' '.join(text.split())}")
        return name

    for k, a in enumerate(attributions, 1):
        content = tuple(a.spans) if a.spans else ((a.content.start, a.content.end),)
        roles = {"Content": span("Content", content, a.content.text)}
        if a.cue is not None:
            roles["Cue"] = span("Cue", ((a.cue.start, a.cue.end),), a.cue.text)
        if a.source is not None:
            roles["Source"] = span("Source", ((a.source.start, a.source.end),), a.source.text)
        anchor = a.cue or a.content
        roles = {"Attribution": span("Attribution", ((anchor.start, anchor.end),), anchor.text), **roles}
        lines.append(f"E{k}\t" + " ".join(f"{r}:{t}" for r, t in roles.items()))
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path, help="../shared/data")
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    (args.out / "text").mkdir(parents=True, exist_ok=True)
    (args.out / "attributions").mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    docs = found = words = 0
    seen: set[str] = set()
    for name, text in news_texts(args.data):
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        while name in seen:          # TimeBank and AQUAINT share a file name or two
            name += "_"
        seen.add(name)
        doc = Document(id=name, source=name, text=text, language="en", sentences=split_sentences(text, "en"))
        attributions = find_attributions(doc)
        (args.out / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        (args.out / "attributions" / f"{name}.ann").write_text("\n".join(ann_lines(attributions)) + "\n",
                                                               encoding="utf-8")
        docs, found, words = docs + 1, found + len(attributions), words + len(text.split())
    print(f"{docs} texts, {words} words, {found} attributions in {time.time() - t0:.0f}s -> {args.out}")


if __name__ == "__main__":
    sys.exit(main())
