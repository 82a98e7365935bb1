"""`rassegna build`: read a corpus, run both stages, write the three outputs.

This module wires the stages together and owns nothing else: reading is in `readers`,
per-document analysis in `pipeline`/`engine`, the corpus stage in `corpus`, and the outputs
in `dossier`, `store` and `report`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

from rassegna.clean import common_lines
from rassegna.corpus import build_dossier
from rassegna.dossier import dossier_to_dict, validate_dossier, write_json_atomic
from rassegna.engine import ENGINES, default_workers
from rassegna.model import Quarantined, RawDocument
from rassegna.pipeline import Options
from rassegna.readers import read_inputs
from rassegna.report import write_report
from rassegna.store import write_store

DOSSIER_FILE = "dossier.json"
REPORT_FILE = "index.html"
STORE_FILE = "rassegna.duckdb"


@dataclass
class BuildSummary:
    inputs: int
    documents: int
    quarantined: int
    seconds: float
    out: Path


class Stages:
    """Progress hooks for the CLI; the default reports nothing."""

    def stage(self, name: str, total: int | None):  # -> context manager with .advance(n)
        return nullcontext(_NoProgress())


class _NoProgress:
    def advance(self, n: int = 1) -> None:
        pass


def build(corpus: Sequence[Path | str], out: Path, *, engine: str = "local",
          workers: int | None = None, options: Options = Options(),
          stages: Stages | None = None) -> BuildSummary:
    """Build the dossier of `corpus` into `out`; raises only when nothing could be written."""
    started = time.perf_counter()
    stages = stages or Stages()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    raws, quarantined = read_corpus(corpus, stages)
    data = analyse_records(raws, quarantined, options, engine=engine, workers=workers,
                           stages=stages, corpus=[str(p) for p in corpus])
    with stages.stage("Writing dossier, report and database", 3) as bar:
        out.mkdir(parents=True, exist_ok=True)
        write_json_atomic(data, out / DOSSIER_FILE)
        bar.advance()
        write_report(data, out / REPORT_FILE)
        bar.advance()
        write_store(data, out / STORE_FILE)
        bar.advance()
    return BuildSummary(inputs=data["inputs"], documents=len(data["documents"]),
                        quarantined=len(data["quarantined"]),
                        seconds=time.perf_counter() - started, out=out)


def analyse_records(raws: Sequence[RawDocument], quarantined: list[Quarantined], options: Options,
                    *, engine: str = "local", workers: int | None = None,
                    stages: Stages | None = None, corpus: list[str] | None = None) -> dict:
    """Both phases over documents already read: the dossier as a dict, checked against the
    schema (what `build` writes, and what the Python API returns)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    stages = stages or Stages()
    common = common_lines(r.text for r in raws if r.needs_cleaning)
    with stages.stage("Analysing documents", len(raws)) as bar:
        results = ENGINES[engine](list(raws), options, common, workers or default_workers(), bar.advance)
    with stages.stage("Across documents", None):
        dossier = build_dossier(results, inputs=len(raws) + len(quarantined),
                                quarantined=list(quarantined))
    data = dossier_to_dict(dossier)
    data["corpus"] = corpus or []
    data["options"] = asdict(options)
    validate_dossier(data)
    return data


def read_corpus(corpus: Sequence[Path | str], stages: Stages) -> tuple[list[RawDocument], list[Quarantined]]:
    raws: list[RawDocument] = []
    quarantined: list[Quarantined] = []
    present = [p for p in corpus if Path(p).exists()]
    quarantined += [Quarantined(str(p), "unreadable: no such file or folder")
                    for p in corpus if not Path(p).exists()]
    with stages.stage("Reading inputs", None) as bar:
        for record in read_inputs(present):
            (raws if isinstance(record, RawDocument) else quarantined).append(record)
            bar.advance()
    return raws, quarantined


def previous_build(out: Path) -> tuple[list[str], Options]:
    """The corpus paths and options a dossier was built from, for `build --update`."""
    path = out / DOSSIER_FILE
    if not path.exists():
        raise FileNotFoundError(f"no {DOSSIER_FILE} in {out}: build it first")
    data = json.loads(path.read_text(encoding="utf-8"))
    options = Options(**{k: v for k, v in (data.get("options") or {}).items()
                         if k in Options.__dataclass_fields__})
    return list(data.get("corpus") or []), options

