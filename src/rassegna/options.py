"""What the user chose for a run, shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """What the user chose for a run; plain data so that it pickles to workers."""

    lang: str = "auto"  # "auto" or an ISO 639-1 code forced on every document
    reference_date: str | None = None  # anchor for relative dates when a document has none
