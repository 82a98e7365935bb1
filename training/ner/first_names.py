"""The first names the NER training data knows, for `rassegna.entities` (a person's name the
model read as a place: "Silvia Romano").

A word is a first name when the gold and silver NER data (KIND's three train sets, WikiNEuRal
it and en val) open a person's name of two words or more with it at least MIN_COUNT times and
at least MIN_SHARE of all the times they write it; when it has three letters or more, is never
written in lower case ("doc", "guru"), opens other names under MAX_OTHER_SHARE of those times
("Abu Dhabi", "Chad") and is no stop word of either language. Deterministic; writes
src/rassegna/models/first_names.json.

    .venv/bin/python training/ner/first_names.py ../shared/data
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

MIN_COUNT = 2
MIN_SHARE = 0.5
MAX_OTHER_SHARE = 0.2  # opens places', organisations' or works' names at most this often
OUT = Path(__file__).resolve().parents[2] / "src" / "rassegna" / "models" / "first_names.json"


def read_tagged(path: Path):
    """Sentences of (word, tag) from a `word<TAB>tag` or `idx<TAB>word<TAB>tag` file."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append((parts[-2], parts[-1]))
    if sentence:
        yield sentence


def first_names(files: list[Path]) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.it.stop_words import STOP_WORDS as ITALIAN

    opening: Counter = Counter()
    other_openings: Counter = Counter()  # "Abu Dhabi", "Chad", "El Paso": places' first words
    written: Counter = Counter()
    lower: Counter = Counter()  # "doc", "guru", "gnocchi": common words, written in lower case
    for path in files:
        for sentence in read_tagged(path):
            for i, (word, tag) in enumerate(sentence):
                if word.islower():
                    lower[word] += 1
                word = word.lower()
                written[word] += 1
                if tag == "B-PER" and i + 1 < len(sentence) and sentence[i + 1][1] == "I-PER":
                    opening[word] += 1
                elif tag in ("B-LOC", "B-ORG", "B-MISC"):
                    other_openings[word] += 1
    return sorted(w for w, n in opening.items()
                  if n >= MIN_COUNT and n >= MIN_SHARE * written[w] and w.isalpha() and len(w) >= 3
                  and not lower[w] and other_openings[w] < MAX_OTHER_SHARE * n
                  and w not in ITALIAN and w not in ENGLISH)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="../shared/data")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    files = sorted((args.data / "kind").glob("*_train.tsv")) + sorted((args.data / "wikineural").glob("*/val.conllu"))
    names = first_names(files)
    args.out.write_text(json.dumps(names, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} first names from {len(files)} files → {args.out}")


if __name__ == "__main__":
    main()
