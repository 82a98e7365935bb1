"""Copy a trained spaCy pipeline into the package, without training-only settings.

    python training/ner/package.py training/output/ner_it/model-best src/rassegna/models/ner_it --lang it

The shipped config keeps no paths to training data ([paths] are nulled) and meta.json
records the data sources and licence. The copy is checked by loading it with spacy.load.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy
from thinc.api import Config

SOURCES = {
    "it": [
        {"name": "KIND (WN, FIC, ADG train)", "url": "https://github.com/dhfbk/KIND",
         "license": "CC BY-NC 4.0 (ADG: CC BY-NC-SA 4.0)"},
        {"name": "WikiNEuRal it (val+test, silver; MISC unannotated)",
         "url": "https://github.com/Babelscape/wikineural", "license": "CC BY-NC-SA 4.0"},
    ],
    "en": [
        {"name": "WikiNEuRal en (val, silver)", "url": "https://github.com/Babelscape/wikineural",
         "license": "CC BY-NC-SA 4.0"},
    ],
}


def package(src: Path, dest: Path, lang: str) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    cfg = Config().from_disk(dest / "config.cfg", interpolate=False)
    for key in list(cfg["paths"]):
        cfg["paths"][key] = None
    cfg.to_disk(dest / "config.cfg")
    meta = json.loads((dest / "meta.json").read_text(encoding="utf-8"))
    meta.update(
        name=f"rassegna_ner_{lang}",
        version="0.1.0",
        description=f"rassegna {lang} NER (PER/ORG/LOC"
        + ("/MISC" if lang != "it" else "") + "), CNN tok2vec trained from scratch, no vectors."
        " Non-commercial use only (training-data licences).",
        license="CC BY-NC-SA 4.0",
        sources=SOURCES.get(lang, []),
        author="rassegna",
    )
    (dest / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    nlp = spacy.load(dest)
    doc = nlp("Mark Rutte è arrivato a Roma." if lang == "it" else "Mark Rutte arrived in Rome.")
    size = sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
    print(f"packaged {src} -> {dest} ({size / 1e6:.1f} MB); smoke test: "
          f"{[(e.text, e.label_) for e in doc.ents]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--lang", required=True)
    args = ap.parse_args()
    package(args.src, args.dest, args.lang)


if __name__ == "__main__":
    main()
