"""`rassegna eval TASK DATA`: each task scores one capability on gold data in its published
format and returns a dict of metrics. Tasks register here as their capability lands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any


def _extraction(data: Path, **_: Any) -> dict:
    from rassegna.evaluate.extraction import evaluate_extraction

    return evaluate_extraction(data)


def _stories(data: Path, **_: Any) -> dict:
    from rassegna.evaluate.stories import evaluate_stories

    return evaluate_stories(data)


def _attribution(data: Path, **_: Any) -> dict:
    from rassegna.evaluate.attribution import evaluate_attribution

    return evaluate_attribution(data)


def _quantities(data: Path, **_: Any) -> dict:
    from rassegna.evaluate.quantities import evaluate_quantities

    return evaluate_quantities(data)


def _timex(data: Path, **_: Any) -> dict:
    from rassegna.evaluate.timex import evaluate_timex

    return evaluate_timex(data)


def _ner(data: Path, lang: str = "it", **_: Any) -> dict:
    from rassegna.evaluate.ner import evaluate_ner

    return evaluate_ner(data, lang=lang)


TASKS: dict[str, Callable[..., dict]] = {"extraction": _extraction, "stories": _stories,
                                         "attribution": _attribution, "quantities": _quantities,
                                         "timex": _timex, "ner": _ner}
