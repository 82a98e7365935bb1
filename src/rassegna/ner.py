"""Named-entity recognition with the small spaCy pipelines shipped inside the package.

The pipelines live in ``rassegna/models/ner_{lang}`` and were trained offline from the
data described in ``docs/ner.md`` (non-commercial licences). Nothing is downloaded.
"""

from __future__ import annotations

import re
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


# Characters a mention never starts or ends with: the model sometimes takes in a quote mark,
# a bracket or the comma of an apposition.
_EDGE = " \t\n\xa0\"'“”«»‘’„()[]{},;:!?–—-"
_NAME_WORD = re.compile(r"[ \xa0]([A-ZÀ-Ý][\w’'-]*)")


def find_entity_mentions(doc, options=None) -> list:
    """Per-document analysis: the PER / ORG / LOC / MISC mentions of `doc.text`.

    Sentences go through the shipped pipeline in one batched `nlp.pipe` call (the model was
    trained on sentences). Each mention is then tidied: edge punctuation trimmed, widened to
    whole words ("Yoon Suk" + "-yeol"), and a person's name carried over the capitalised words
    that follow it ("Kim Jong" + "Un", which the tokenizer reads as the article "un").
    All-lowercase mentions are dropped: KIND tags common nouns such as "governo" or "polizia"
    as ORG, which a reader does not list as entities. Languages with no shipped model get no
    entities.
    """
    from rassegna.model import EntityMention, Span

    lang = (doc.language or "")[:2]
    if not (model_path(lang) / "config.cfg").is_file():
        return []
    text = doc.text
    sentences = doc.sentences or [Span(0, len(text), text)]
    found = find_entities([s.text for s in sentences], lang)
    spans: list[tuple[int, int, str, int]] = []
    for sentence, ents in zip(sentences, found):
        spans.extend((sentence.start + a, sentence.start + b, label, sentence.end) for a, b, label in ents)
    starts = {a for a, _, _, _ in spans}
    mentions = []
    for start, end, label, limit in spans:
        start, end = _tidy(text, start, end, label, limit, starts)
        surface = text[start:end]
        if not any(c.isupper() for c in surface) or not any(c.isalpha() for c in surface):
            continue
        if mentions and start < mentions[-1].end:
            continue  # widened into the previous mention's words
        mentions.append(EntityMention(start, end, label, surface))
    return mentions


def _tidy(text: str, start: int, end: int, label: str, limit: int, starts: set[int]) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "." and not _abbreviation_dot(text, start, end)):
        end -= 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < limit and (text[end].isalnum() or text[end] in "-‐" and end + 1 < limit and text[end + 1].isalpha()):
        end += 1
    if label == "PER":
        while True:
            m = _NAME_WORD.match(text, end, limit)
            if not m or m.start(1) in starts or text[end - 1] == ".":
                break
            end = m.end(1)
    return start, end


def _abbreviation_dot(text: str, start: int, end: int) -> bool:
    """"U.S." or "Jr.": the final dot belongs to the name."""
    word = text[start:end].split()[-1]
    return word.count(".") > 1 or len(word) <= 3
