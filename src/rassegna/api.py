"""The Python API: the same dossier as `rassegna build`, from texts in memory or from files.

    import rassegna
    dossier = rassegna.analyse(["Il ministro ha detto che …", {"title": "…", "text": "…"}])
    rassegna.write_dossier(["articles/"], "out")  # dossier.json, index.html, rassegna.duckdb
    dossier = rassegna.load("out")

A dossier is the plain dict that `dossier.json` holds (see docs/contract in ../shared):
documents, entities, attributions, quantities, claims, timeline, reuse, stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from rassegna.build import BuildSummary
from rassegna.options import Options


def analyse(texts: Iterable[str | Mapping[str, Any]], *, lang: str = "auto",
            reference_date: str | None = None, engine: str = "local",
            workers: int | None = 1) -> dict[str, Any]:
    """The dossier of `texts`, built in memory and checked against the dossier schema.

    Each item is an article's text, or a mapping read as one JSON feed record is (`text` or
    `content`, `title`, `published`, `url`, `id`, …). An item that cannot be read (no text, a
    body that is not text) is quarantined with its reason, as in a build, never dropped.
    """
    from rassegna.build import analyse_records

    raws, quarantined = _records(texts)
    return analyse_records(raws, quarantined, Options(lang=lang, reference_date=reference_date),
                           engine=engine, workers=workers)


def write_dossier(corpus: Iterable[str | Path], out: str | Path, *, lang: str = "auto",
                  reference_date: str | None = None, engine: str = "local",
                  workers: int | None = None) -> BuildSummary:
    """`rassegna build CORPUS… --out OUT`: reads files and folders, writes the three outputs."""
    from rassegna.build import build as build_files

    return build_files([Path(p) for p in corpus], Path(out), engine=engine, workers=workers,
                       options=Options(lang=lang, reference_date=reference_date))


def load(folder: str | Path) -> dict[str, Any]:
    """The dossier a build wrote into `folder` (its dossier.json)."""
    import json

    from rassegna.build import DOSSIER_FILE

    path = Path(folder) / DOSSIER_FILE
    if not path.exists():
        raise FileNotFoundError(f"no {DOSSIER_FILE} in {folder}: build it first")
    return json.loads(path.read_text(encoding="utf-8"))


def _records(texts: Iterable[str | Mapping[str, Any]]):
    from rassegna.model import Quarantined
    from rassegna.readers._common import IdAllocator, ReadError, record_id
    from rassegna.readers.jsonfmt import record_document
    from rassegna.readers.txt import text_document

    ids = IdAllocator()
    raws, quarantined = [], []
    for number, item in enumerate(texts, start=1):
        source = f"<input>:{number}"
        try:
            if isinstance(item, str):
                raw = text_document(item, doc_id=ids.unique(f"text-{number}"), source=source)
            elif isinstance(item, Mapping):
                record = dict(item)
                raw = record_document(record, doc_id=record_id(record, "text", number), source=source)
                if isinstance(raw, Quarantined):
                    quarantined.append(raw)
                    continue
                raw.id = ids.unique(raw.id)
            else:
                raise ReadError(f"not an article: {type(item).__name__}, not text or a mapping")
            if not raw.text.strip():
                raise ReadError("empty: no text")
            raws.append(raw)
        except ReadError as err:
            quarantined.append(Quarantined(source, err.reason))
    return raws, quarantined
