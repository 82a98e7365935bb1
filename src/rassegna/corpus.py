"""The cross-document stage: a list of analysed Documents → a Dossier.

Each step reads the documents (and what earlier steps made) and fills one part of the
dossier: entities across the corpus, near-duplicates and reuse, stories, claims and their
conflicts, the timeline, the summaries. Steps register in `CORPUS_STEPS` in dependency order;
a dossier with none of them is honest: its lists are empty, never made up.
"""

from __future__ import annotations

from collections.abc import Callable

from rassegna.attribution import resolve_speaker
from rassegna.claims import find_claims
from rassegna.entities import canonical_entities, entity_index, name_key
from rassegna.model import Document, Dossier, Quarantined
from rassegna.reuse import find_reuse
from rassegna.stories import document_vectors, group_stories, label_of
from rassegna.summary import summarise
from rassegna.timeline import build_timeline

CorpusStep = Callable[[Dossier], None]
CORPUS_STEPS: list[CorpusStep] = []


def build_dossier(results: list[Document | Quarantined], inputs: int,
                  quarantined: list[Quarantined]) -> Dossier:
    """Assemble a dossier from per-document results; documents in a stable order."""
    documents = [r for r in results if isinstance(r, Document)]
    late = [r for r in results if isinstance(r, Quarantined)]
    documents.sort(key=lambda d: d.id)
    dossier = Dossier(inputs=inputs, documents=documents,
                      quarantined=sorted(quarantined + late, key=lambda q: (q.source, q.reason)))
    for step in CORPUS_STEPS:
        step(dossier)
    return dossier


def collect_spans(dossier: Dossier) -> None:
    """Lift per-document spans into the dossier's corpus-wide lists, with stable ids.

    Entities are canonical across the corpus (`entities.canonical_entities`). An attribution's
    speaker is the entity its source resolves to within the document (`resolve_speaker`:
    names, roles introduced earlier, pronouns and continuations); a quantity's speaker is that
    of the attribution whose content holds it, else of an attribution in its sentence.
    """
    dossier.entities = canonical_entities(dossier.documents)
    by_mention, by_key = entity_index(dossier.entities)
    dossier.attributions, dossier.quantities = [], []
    for doc in dossier.documents:
        speakers = []
        for a in doc.attributions:
            speaker, name = _speaker(doc, a, by_mention, by_key)
            item = {"id": f"a{len(dossier.attributions) + 1}", "doc": doc.id,
                    "content": _span(a.content), "direct": a.direct, "source": _span(a.source),
                    "speaker": speaker, "speaker_name": name, "cue": _span(a.cue)}
            if a.spans:
                item["spans"] = [list(s) for s in a.spans]
            dossier.attributions.append(item)
            speakers.append((a, item))
        for q in doc.quantities:
            claimed = _claimed_by(doc, q, speakers)
            dossier.quantities.append({"id": f"q{len(dossier.quantities) + 1}", "doc": doc.id,
                                       "start": q.start, "end": q.end, "text": q.text,
                                       "value": q.value, "low": q.low, "high": q.high,
                                       "qualifier": q.qualifier, "unit": q.unit,
                                       "concept": q.concept,
                                       "speaker": claimed["speaker"] if claimed else None,
                                       "speaker_name": claimed["speaker_name"] if claimed else None,
                                       "attribution": claimed["id"] if claimed else None})


def _speaker(doc: Document, a, by_mention: dict, by_key: dict) -> tuple[str | None, str | None]:
    """(entity id, name) of who an attribution's source is; the name alone for unnamed
    sources ("funzionario dell'agenzia"), (None, None) when nothing resolves."""
    try:
        name = resolve_speaker(doc, a)
    except Exception:  # noqa: BLE001 - a failed resolution leaves the speaker unknown, no more
        name = None
    if name and name_key(name) in by_key:
        return by_key[name_key(name)], name
    if a.source is not None:
        # the one person named inside the source span, as the entity stage read it
        inside = [m for m in doc.entities if a.source.start <= m.start and m.end <= a.source.end
                  and m.type == "PER"]
        if len(inside) == 1 and (doc.id, inside[0].start, inside[0].end) in by_mention:
            return by_mention[(doc.id, inside[0].start, inside[0].end)], inside[0].text
    return None, name or None


def _claimed_by(doc: Document, q, speakers: list[tuple]) -> dict | None:
    """The attribution whose content holds the quantity, else one in the same sentence."""
    for a, item in speakers:
        pieces = a.spans or [(a.content.start, a.content.end)]
        if any(s <= q.start and q.end <= e for s, e in pieces):
            return item
    sentence = doc.sentence_at(q.start)
    if sentence is None:
        return None
    for a, item in speakers:
        if a.cue is not None and sentence.start <= a.cue.start < sentence.end and item["speaker_name"]:
            return item
    return None


def _span(span) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def find_reuse_step(dossier: Dossier) -> None:
    dossier.reuse = find_reuse(dossier.documents)


def group_stories_step(dossier: Dossier) -> None:
    """Stories with labels, independent-source counts and cited summaries."""
    docs = dossier.documents
    vectors = document_vectors(docs)
    dependent = [(r["a"], r["b"]) for r in dossier.reuse if r["kind"] in DEPENDENT_REUSE]
    dossier.stories = []
    for number, members in enumerate(group_stories(docs), start=1):
        story_id = f"s{number}"
        ids = [docs[i].id for i in members]
        for i in members:
            docs[i].story = story_id
        dossier.stories.append({
            "id": story_id, "label": label_of(docs, members, vectors), "documents": ids,
            "independent_sources": independent_sources(ids, dependent), "summary": []})


# Reuse kinds that make two documents one source: a rewrite repeats its source.
DEPENDENT_REUSE = {"duplicate", "rewrite"}


def independent_sources(ids: list[str], dependent: list[tuple[str, str]]) -> int:
    """Documents left once duplicates and rewrites of each other count once (union-find)."""
    return len(set(source_roots(ids, dependent).values()))


def source_roots(ids: list[str], dependent: list[tuple[str, str]]) -> dict[str, str]:
    """Each document's representative once duplicates and rewrites are joined; the smaller id
    roots, so the result does not depend on order."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in dependent:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in ids}


def find_claims_step(dossier: Dossier) -> None:
    dossier.claims = find_claims(dossier)


def build_timeline_step(dossier: Dossier) -> None:
    dossier.timeline = build_timeline(dossier.documents)


def summarise_step(dossier: Dossier) -> None:
    """Cited summaries, spread over each story's claims and dated events."""
    by_id = {d.id: d for d in dossier.documents}
    quantities = {q["id"]: q for q in dossier.quantities}
    facets: dict[str, list[set[tuple[str, int]]]] = {}  # story id -> facets, in one pass each
    for claim in dossier.claims:
        for side in _sides(claim, quantities):
            facets.setdefault(claim["story"], []).append(
                {_sentence_of(by_id[quantities[q]["doc"]], quantities[q]["start"]) for q in side} - {None})
    for event in dossier.timeline:
        # explicitly dated events ("nel giugno 2024"), not every "oggi"
        if any(c.isdigit() for c in event["timex"]["text"]):
            facets.setdefault(event["story"], []).append({(c["doc"], c["start"]) for c in event["citations"]})
    for story in dossier.stories:
        docs = [by_id[i] for i in story["documents"]]
        story["summary"] = summarise(docs, facets=[f for f in facets.get(story["id"], []) if f])


def _sides(claim: dict, quantities: dict[str, dict]) -> list[list[str]]:
    """A claim's quantities as facets for the summary: one facet, or for a conflict its low and
    its high side apart, so that the summary names the disagreement ("circa 10.000" and "fino a
    12.000") instead of covering the claim with one side only."""
    if not claim.get("conflict"):
        return [claim["quantities"]]
    middle = (claim["spread"]["low"] + claim["spread"]["high"]) / 2
    low = [q for q in claim["quantities"] if (quantities[q]["value"] or 0) < middle]
    high = [q for q in claim["quantities"] if (quantities[q]["value"] or 0) >= middle]
    return [side for side in (low, high) if side]


def _sentence_of(doc: Document, offset: int) -> tuple[str, int] | None:
    s = doc.sentence_at(offset)
    return (doc.id, s.start) if s else None


CORPUS_STEPS.extend([collect_spans, find_reuse_step, group_stories_step, find_claims_step,
                     build_timeline_step, summarise_step])
