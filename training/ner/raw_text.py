"""Collect raw Italian text for `spacy pretrain` (tok2vec pre-training, characters objective).

    python training/ner/raw_text.py [--data /work/shared/data] [--out training/output/corpus/it_raw.jsonl]

One JSON line {"text": ...} per sentence / paragraph, from
    KIND {WN,FIC,ADG}_train.tsv           tokens re-joined with spaces (labels ignored)
    WikiNEuRal it val.conllu, test.conllu  likewise
    facta-it facta_antibufale.jsonl        titles and paragraphs of the fact-checking articles
The KIND dev sets are not used. The output is written under training/output (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from rassegna.evaluate.ner import read_conll  # noqa: E402


def token_sentences(data: Path):
    """Gold-tokenised sentences (labels ignored): KIND train, then WikiNEuRal it val and test."""
    for dom in ("WN", "FIC", "ADG"):
        for toks, _ in read_conll(data / "kind" / f"{dom}_train.tsv"):
            yield toks
    for split in ("val", "test"):
        for toks, _ in read_conll(data / "wikineural" / "it" / f"{split}.conllu"):
            yield toks


def facta_paragraphs(data: Path):
    """Titles and paragraphs of the facta-it fact-checking articles, as raw text."""
    with (data / "facta-it" / "facta_antibufale.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            yield from [rec.get("title") or ""] + list(rec.get("content") or [])


def iter_texts(data: Path):
    for toks in token_sentences(data):
        yield " ".join(toks)
    yield from facta_paragraphs(data)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/output/corpus/it_raw.jsonl"))
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = words = 0
    with args.out.open("w", encoding="utf-8") as out:
        for text in iter_texts(args.data):
            text = " ".join(text.split())
            if len(text.split()) < 3:
                continue
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n += 1
            words += len(text.split())
    print(f"{args.out}: {n} texts, about {words} words")


if __name__ == "__main__":
    main()
