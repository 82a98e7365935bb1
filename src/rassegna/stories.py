"""Stories: groups of documents about the same developing event or topic.

Each document becomes a TF-IDF vector over content-word stems (and entity names, when the
entity stage has run). Documents are then grouped in one incremental pass, in a fixed order
(publication date, then id) so that the result does not depend on input order: a document
joins the story whose centroid it is most similar to, if that similarity clears a threshold,
else it starts a new story. Candidate stories come from an inverted index over each story's
strongest terms, so a document is compared with a handful of stories, never with all
documents. A second pass re-assigns each document to its best centroid, which removes most
of the dependence on who came first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rassegna.entities import name_key
from rassegna.model import Document
from rassegna.reuse import stem, stem_counts
from rassegna.vectors import Vector, cosine, normalised, tfidf

# Chosen on MEANTIME without entities (B-cubed F1 0.973 at 0.08 and 0.10, 0.978 at 0.12, 0.78
# at 0.15): 0.10 keeps a margin from the cliff above 0.12.
JOIN_SIMILARITY = 0.10
INDEX_TERMS = 30  # strongest centroid terms of a story that go into the inverted index
QUERY_TERMS = 20  # strongest terms of a document used to look stories up
# Entity names (spelling-free keys) as extra terms. With the NER in the pipeline, MEANTIME gives
# B-cubed F1 0.968 / 0.940 / 0.917 / 0.848 at weight 0 / 0.5 / 1 / 2 (threshold 0.10): model
# noise splits stories when names weigh more than words.
ENTITY_WEIGHT = 0.5
# A document joins a story only if it is also close to one of the story's documents, not just
# to the centroid: a large story's centroid spreads over many words, and on a corpus of mixed
# news (the article-extraction pages) centroid-only joining chained Hong Kong, the trade war,
# oil prices and an Afghanistan crash into one story. 0.10 leaves MEANTIME unchanged (B-cubed
# F1 0.940); 0.15 splits its broad topics (0.51). Only the latest members are compared, so a
# join costs at most RECENT_MEMBERS cosines, whatever the story's size.
MEMBER_SIMILARITY = 0.10
RECENT_MEMBERS = 64


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)
    total: Counter = field(default_factory=Counter)
    _centroid: Vector | None = None

    def add(self, i: int, vector: Vector) -> None:
        self.members.append(i)
        self.total.update(vector)
        self._centroid = None

    def centroid(self) -> Vector:
        if self._centroid is None:  # recomputed only after a change
            self._centroid = normalised(self.total)
        return self._centroid


def group_stories(documents: list[Document]) -> list[list[int]]:
    """Indices of `documents` grouped into stories, largest story first."""
    if not documents:
        return []
    vectors = document_vectors(documents)
    order = sorted(range(len(documents)), key=lambda i: (documents[i].published or "", documents[i].id))
    stories = _single_pass(order, vectors)
    stories = _reassign(order, vectors, stories)
    groups = [sorted(s.members, key=lambda i: documents[i].id) for s in stories if s.members]
    groups.sort(key=lambda g: (-len(g), documents[g[0]].id))
    return groups


def document_vectors(documents: list[Document]) -> list[Vector]:
    """TF-IDF vectors over stems and entity names."""
    return tfidf(_terms(doc) for doc in documents)


def label_of(documents: list[Document], members: list[int], vectors: list[Vector], size: int = 6) -> str:
    """A story's label: its most telling entity names, then its strongest words."""
    total: Counter = Counter()
    for i in members:
        total.update(vectors[i])
    surface = _surface_forms([documents[i] for i in members])
    names: dict[str, Counter] = defaultdict(Counter)
    for i in members:
        for mention in documents[i].entities:
            names[name_key(mention.text)][mention.text] += 1
    words = []
    # up to half the label is names, the story's strongest first; then its strongest words
    ranked = sorted(total, key=lambda t: (-total[t], t))
    entity_terms = [t for t in ranked if t.startswith("ENT:")][:size // 2]
    for term in entity_terms + [t for t in ranked if t not in entity_terms]:
        if term.startswith("ENT:"):
            written = names.get(term[4:])
            word = max(written, key=lambda w: (written[w], w)) if written else None
        else:
            word = surface.get(term)
        if word and not _said_already(word, words):
            words.append(word)
        if len(words) == size:
            break
    return ", ".join(words)


def _said_already(word: str, words: list[str]) -> bool:
    """"Corea" or "Nord" after "Corea del Nord", "NATO" after "Nato": nothing new to a reader."""
    new = set(word.lower().split())
    return any(new <= set(w.lower().split()) or set(w.lower().split()) <= new for w in words)


def _terms(doc: Document) -> Counter:
    terms: Counter = Counter()
    for sentence in doc.sentences or []:
        terms.update(stem_counts(sentence.text))
    if not doc.sentences:
        terms.update(stem_counts(doc.text))
    if doc.title:
        terms.update(stem_counts(doc.title))
    for mention in doc.entities:
        terms[f"ENT:{name_key(mention.text)}"] += ENTITY_WEIGHT
    return terms


def _single_pass(order: list[int], vectors: list[Vector]) -> list[_Story]:
    stories: list[_Story] = []
    index: dict[str, set[int]] = defaultdict(set)
    for i in order:
        best, best_sim = _best_story(i, vectors, stories, index)
        if best is None or best_sim < JOIN_SIMILARITY:
            stories.append(_Story())
            best = len(stories) - 1
        story = stories[best]
        story.add(i, vectors[i])
        for term, _ in story.total.most_common(INDEX_TERMS):
            index[term].add(best)
    return stories


def _best_story(i: int, vectors: list[Vector], stories: list[_Story],
                index: dict[str, set[int]]) -> tuple[int | None, float]:
    vector = vectors[i]
    query = sorted(vector, key=lambda t: (-vector[t], t))[:QUERY_TERMS]
    candidates = {s for term in query for s in index.get(term, ())}
    similarity = {s: cosine(vector, stories[s].centroid()) for s in candidates}
    # the most similar story (the first by index on ties) with a member close to the document:
    # the members are tested most similar story first, so the first that passes is the answer
    # (each test costs up to RECENT_MEMBERS cosines)
    for s in sorted(candidates, key=lambda s: (-similarity[s], s)):
        if similarity[s] <= 0.0:
            break
        if _close_to_a_member(i, vectors, stories[s].members):
            return s, similarity[s]
    return None, 0.0


def _close_to_a_member(i: int, vectors: list[Vector], members: list[int]) -> bool:
    return any(cosine(vectors[i], vectors[m]) >= MEMBER_SIMILARITY
               for m in members[-RECENT_MEMBERS:] if m != i)


def _reassign(order: list[int], vectors: list[Vector], stories: list[_Story]) -> list[_Story]:
    """One refinement pass: every document moves to its most similar story centroid."""
    centroids = [s.centroid() for s in stories]
    index: dict[str, set[int]] = defaultdict(set)
    for s, centroid in enumerate(centroids):
        for term in sorted(centroid, key=lambda t: (-centroid[t], t))[:INDEX_TERMS]:
            index[term].add(s)
    refined = [_Story() for _ in stories]
    story_of = {i: s for s, story in enumerate(stories) for i in story.members}
    for i in order:
        query = sorted(vectors[i], key=lambda t: (-vectors[i][t], t))[:QUERY_TERMS]
        candidates = sorted({s for term in query for s in index.get(term, ())})
        home = story_of[i]
        best, best_sim = home, cosine(vectors[i], centroids[home])
        for s in candidates:
            sim = cosine(vectors[i], centroids[s])
            if sim > best_sim + 1e-12 and _close_to_a_member(i, vectors, stories[s].members):
                best, best_sim = s, sim
        refined[best].add(i, vectors[i])
    return refined


def _surface_forms(documents: list[Document]) -> dict[str, str]:
    """The most frequent written form of each stem, to label stories with real words."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for doc in documents:
        for word in re.findall(r"\w+", doc.text):
            key = stem(word.lower())
            if key:
                forms[key][word] += 1
    return {stem: counter.most_common(1)[0][0] for stem, counter in forms.items()}
