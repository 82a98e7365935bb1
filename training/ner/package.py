"""Copy a trained spaCy pipeline into the package, without training-only settings.

    python training/ner/package.py training/output/ner_it/model-best src/rassegna/models/ner_it --lang it

The shipped config keeps no paths to training data ([paths] are nulled) and meta.json
records the data sources and licence. vocab/strings.json (every token string seen in
training, about 1.6 MB) is emptied: the pipeline has no vectors and no lexeme tables, its
hash features are computed from the text, and the labels live in the ner component, so the
strings are not needed (predictions were checked identical on KIND WN_dev). The copy is
checked by loading it with spacy.load and comparing its predictions with the source's.
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

SMOKE = {
    "it": [
        "Mark Rutte è arrivato a Roma.",
        "Il segretario della Nato Mark Rutte ha incontrato Giorgia Meloni a Palazzo Chigi.",
        "La Juventus ha battuto il Milan a Torino, secondo l'Ansa e la Gazzetta dello Sport.",
        "Il governo italiano e la Commissione europea discutono del Pnrr a Bruxelles.",
    ],
    "en": [
        "Mark Rutte arrived in Rome.",
        "NATO Secretary General Mark Rutte met Giorgia Meloni at Palazzo Chigi.",
        "The European Commission and Apple Inc. discussed the Digital Markets Act in Brussels.",
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
    (dest / "vocab" / "strings.json").write_text("[]", encoding="utf-8")
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
    ref = spacy.load(src)
    texts = SMOKE.get(lang, SMOKE["en"])
    for text in texts:
        got = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        want = [(e.start_char, e.end_char, e.label_) for e in ref(text).ents]
        if got != want:
            raise SystemExit(f"packaged model differs from {src} on {text!r}: {got} != {want}")
    doc = nlp(texts[0])
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
