"""Named-entity recognition with the small spaCy pipelines shipped inside the package.

The pipelines live in ``rassegna/models/ner_{lang}`` and were trained offline from the
data described in ``docs/ner.md`` (non-commercial licences). Nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "MISC")


class ModelNotFoundError(FileNotFoundError):
    """The NER pipeline for a language is not shipped in this install."""


def model_path(lang: str) -> Path:
    """Filesystem path of the shipped pipeline for ``lang`` (may not exist)."""
    return Path(str(resources.files("rassegna") / "models" / f"ner_{lang}"))


@lru_cache(maxsize=None)
def load_ner(lang: str):
    """Load (once per process) the shipped spaCy NER pipeline for ``lang``."""
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        shipped = sorted(
            p.name[4:] for p in path.parent.glob("ner_*") if (p / "config.cfg").is_file()
        ) if path.parent.is_dir() else []
        raise ModelNotFoundError(
            f"No NER model for language {lang!r}: the spaCy pipeline "
            f"'rassegna/models/ner_{lang}' is missing (looked in {path}; shipped: "
            f"{', '.join(shipped) or 'none'}). Models are built with "
            f"`bash training/ner/train.sh LANG` (see docs/ner.md)."
        )
    import spacy

    # Only the tokenizer, tok2vec and ner are needed; nothing else is in the pipeline.
    return spacy.load(path)


def find_entities(
    texts: list[str], lang: str, batch_size: int = 64
) -> list[list[tuple[int, int, str]]]:
    """Character-offset entities ``(start, end, label)`` for each text, in order.

    ``text[start:end]`` is the mention; labels are PER, ORG, LOC (and MISC for models
    trained with it).
    """
    nlp = load_ner(lang)
    out: list[list[tuple[int, int, str]]] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
    return out
