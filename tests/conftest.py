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
