"""The data that flows through rassegna: small typed records and nothing else.

Readers produce `RawDocument`s (or `Quarantined` records); the per-document stage turns a
`RawDocument` into a `Document` holding spans into its cleaned `text`; the cross-document stage
turns a list of `Document`s into a `Dossier`. Every offset is a Python `str` offset `[start, end)`
into the text it names, so that `text[start:end]` is the quoted string.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Removed:
    """A piece of the input that cleaning took out of the body, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Quarantined:
    """An input that did not become a document: where it came from and why not."""

    source: str
    reason: str


@dataclass
class RawDocument:
    """One article as a reader found it, before analysis.

    `text` is the body as read. `needs_cleaning` is true for plain-text scrapes, whose
    furniture (headline lists, share counters, newsletter prompts) is still in the text;
    extractors such as trafilatura have already done that work for HTML.
    Metadata fields hold what the input itself stated, or None.
    """

    id: str
    source: str
    text: str
    format: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None  # "metadata" | "text" | "inferred" | None
    language: str | None = None
    url: str | None = None
    site: str | None = None
    credits: list[str] = field(default_factory=list)
    needs_cleaning: bool = True


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    type: str  # PER | ORG | LOC | MISC
    text: str


@dataclass(frozen=True)
class Attribution:
    content: Span
    direct: bool
    source: Span | None = None
    cue: Span | None = None
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Quotation:
    """A span in quotation marks (offsets of the text inside the marks) and what it is:
    `speech` (part of an attribution's content), `scare` (a quoted word, title, name or
    slogan: not a statement) or `unattributed` (reads as a statement, no speaker found)."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    concept: str | None = None


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str


@dataclass
class Document:
    """An analysed article. All spans are offsets into `text` (the cleaned body)."""

    id: str
    source: str
    text: str
    language: str | None = None
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    credits: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    story: str | None = None

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that holds the character at `offset`, if any."""
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Dossier:
    """What the cross-document stage makes of a corpus; serialised by `dossier.py`."""

    inputs: int
    documents: list[Document]
    quarantined: list[Quarantined] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    reuse: list[dict[str, Any]] = field(default_factory=list)
    stories: list[dict[str, Any]] = field(default_factory=list)
