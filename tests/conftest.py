"""Fixtures shared by the seed acceptance tests."""

import json
from pathlib import Path

import pytest

from rassegna.build import build

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dossier(tmp_path_factory):
    """The dossier built from ../shared/seeds, once per test session (dict form)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent)")
    out = tmp_path_factory.mktemp("seeds-dossier")
    build([SEEDS], out, workers=1)
    return json.loads((out / "dossier.json").read_text(encoding="utf-8"))


KIND_WN_DEV = SEEDS.parent / "data" / "kind" / "WN_dev.tsv"


@pytest.fixture(scope="session")
def kind_wn_dev():
    """`evaluate_ner` on KIND WN_dev for a (classifier, crf) setting, each run once per session
    (a run takes about ten seconds)."""
    if not KIND_WN_DEV.is_file():
        pytest.skip(f"KIND not found at {KIND_WN_DEV} (../shared is absent)")
    from functools import lru_cache

    from rassegna.evaluate.ner import evaluate_ner

    @lru_cache(maxsize=None)
    def run(classifier: bool = True, crf: bool = True) -> dict:
        return evaluate_ner(KIND_WN_DEV, "it", classifier=classifier, crf=crf)

    return run
