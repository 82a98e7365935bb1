"""The cross-document stage: a list of analysed Documents → a Dossier.

Each step reads the documents (and what earlier steps made) and fills one part of the
dossier: entities across the corpus, near-duplicates and reuse, stories, claims and their
conflicts, the timeline, the summaries. Steps register in `CORPUS_STEPS` in dependency order;
a dossier with none of them is honest: its lists are empty, never made up.
"""

from __future__ import annotations

from collections.abc import Callable

from rassegna.model import Document, Dossier, Quarantined
from rassegna.reuse import find_reuse
from rassegna.stories import document_vectors, group_stories, label_of
from rassegna.summary import summarise

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

    Entities are grouped by exact (name, type) here; canonicalisation across spellings
    replaces this grouping when it lands.
    """
    entities: dict[tuple[str, str], dict] = {}
    for doc in dossier.documents:
        for mention in doc.entities:
            key = (mention.text, mention.type)
            entity = entities.setdefault(key, {"id": f"e{len(entities) + 1}", "name": mention.text,
                                               "type": mention.type, "aliases": [mention.text],
                                               "mentions": []})
            entity["mentions"].append({"doc": doc.id, "start": mention.start, "end": mention.end})
    dossier.entities = list(entities.values())
    for doc in dossier.documents:
        for a in doc.attributions:
            item = {"id": f"a{len(dossier.attributions) + 1}", "doc": doc.id,
                    "content": _span(a.content), "direct": a.direct, "source": _span(a.source),
                    "speaker": None, "cue": _span(a.cue)}
            if a.spans:
                item["spans"] = [list(s) for s in a.spans]
            dossier.attributions.append(item)
        for q in doc.quantities:
            dossier.quantities.append({"id": f"q{len(dossier.quantities) + 1}", "doc": doc.id,
                                       "start": q.start, "end": q.end, "text": q.text,
                                       "value": q.value, "low": q.low, "high": q.high,
                                       "qualifier": q.qualifier, "unit": q.unit,
                                       "concept": q.concept, "speaker": None})


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
            "independent_sources": independent_sources(ids, dependent),
            "summary": summarise([docs[i] for i in members])})


# Reuse kinds that make two documents one source: a rewrite repeats its source.
DEPENDENT_REUSE = {"duplicate", "rewrite"}


def independent_sources(ids: list[str], dependent: list[tuple[str, str]]) -> int:
    """Documents left once duplicates and rewrites of each other count once (union-find)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in dependent:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    return len({root(i) for i in ids})


CORPUS_STEPS.extend([collect_spans, find_reuse_step, group_stories_step])
