"""The per-document stage: RawDocument → Document, as pure functions.

read → clean → language → sentences → the span analyses (entities, attributions,
quantities, time expressions). Nothing here looks at another document, so the stage runs
unchanged in worker processes (`--engine local`) or Spark executors (`--engine spark`); the
only corpus-wide input is the frozen set of boilerplate lines computed beforehand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rassegna.attribution import find_attributions, find_quotations
from rassegna.clean import clean_text
from rassegna.lang import is_supported
from rassegna.language import declared_or_detected, detect_language
from rassegna.ner import find_entity_mentions
from rassegna.quantities import find_quantities
from rassegna.model import Document, Quarantined, RawDocument
from rassegna.options import Options
from rassegna.sentences import split_sentences
from rassegna.timexes import date_document, find_timexes


# A span analysis reads a Document (text, language, sentences, earlier analyses) and returns
# the list for one of its fields. Later stages register here, in dependency order:
# e.g. ("entities", find_entities) before ("attributions", find_attributions).
SpanAnalysis = Callable[[Document, Options], list]
SPAN_ANALYSES: list[tuple[str, SpanAnalysis]] = [
    ("entities", find_entity_mentions),
    ("attributions", find_attributions),
    ("quotations", find_quotations),
    ("quantities", find_quantities),
    ("timexes", find_timexes),
]


# A document in a language with no resources of its own (`rassegna.lang.is_supported`; the
# lexicons and models are Italian and English) keeps its text, metadata, sentences and quotation
# marks, and takes part in reuse and stories; the analyses written for Italian and English are
# not run on it: English rules on Portuguese or Russian text read "21 de outubro de" as a count
# and find cues that are not there. The report lists such languages as not analysed.
LANGUAGE_NEUTRAL = ("quotations",)


def analyse(raw: RawDocument, options: Options = Options(),
            common: frozenset[str] = frozenset()) -> Document | Quarantined:
    """Analyse one article; a document with no text left becomes a Quarantined record."""
    try:
        doc = prepare(raw, options, common)
        if not doc.text.strip():
            removed = ", ".join(sorted({r.reason for r in doc.removed})) or "nothing"
            return Quarantined(raw.source, f"empty after cleaning: all text was removed ({removed})")
        return annotate(doc, options)
    except Exception as error:  # one bad article must not take the run down
        return Quarantined(raw.source, f"analysis failed: {type(error).__name__}: {error}")


def prepare(raw: RawDocument, options: Options, common: frozenset[str] = frozenset()) -> Document:
    """Clean the text (when it is a raw scrape), fill the metadata fields, split sentences."""
    doc = Document(id=raw.id, source=raw.source, text=raw.text, title=raw.title,
                   byline=raw.byline, published=raw.published,
                   published_source=raw.published_source if raw.published else None,
                   credits=list(raw.credits), url=raw.url, site=raw.site)
    if raw.needs_cleaning:
        cleaned = clean_text(raw.text, title=raw.title, common=common)
        doc.text = cleaned.text
        doc.removed = cleaned.removed
        doc.title = doc.title or cleaned.title
        doc.byline = doc.byline or cleaned.byline
        doc.credits = _unique(doc.credits + cleaned.credits)
        if not doc.published and cleaned.published:
            doc.published, doc.published_source = cleaned.published, "text"
    doc.language = choose_language(raw, doc.text, options)
    doc.sentences = split_sentences(doc.text, doc.language)
    return doc


def annotate(doc: Document, options: Options) -> Document:
    """Run the registered span analyses over a prepared document (text taken as given)."""
    supported = doc.language is None or is_supported(doc.language)
    for field_name, analysis in SPAN_ANALYSES:
        if supported or field_name in LANGUAGE_NEUTRAL:
            doc = replace(doc, **{field_name: analysis(doc, options)})
    return date_document(doc, options)


def choose_language(raw: RawDocument, text: str, options: Options) -> str | None:
    """A forced --lang wins, then what the input declared unless the text is surely in
    another language (`language.declared_or_detected`), then identification."""
    if options.lang and options.lang != "auto":
        return options.lang
    if raw.language:
        return declared_or_detected(raw.language.lower()[:2], text)
    return detect_language(text)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
