"""Time-expression extraction and normalisation scored on TimeML (TempEval-3 style).

Each `.tml` file under the folder is read as its `<TEXT>` element with the markup taken out;
the gold TIMEX3 spans are character offsets into that plain text. The document creation time
(the TIMEX3 with functionInDocument="CREATION_TIME") is the anchor handed to the extractor.

Scores, as in TempEval-3: extraction precision/recall/F1 with strict matching (same start
and end) and relaxed matching (any character overlap, one-to-one); over the relaxed matches,
the share with the gold TIMEX3 value (`value_accuracy`) and type (`type_accuracy`), and the
value F1 (a prediction counts when it overlaps a gold expression and has its value).
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from rassegna.timexes import extract_timexes
from rassegna.evaluate._scoring import prf_counts

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, list[dict], str | None]:
    """(plain text of <TEXT>, gold timexes with offsets, document creation time value)."""
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    dct = None
    for m in re.finditer(r"<TIMEX3([^>]*)>", raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>")
    body = raw[start + len("<TEXT>"):end] if start >= 0 and end > start else raw
    text_parts: list[str] = []
    length = 0
    gold: list[dict] = []
    open_timex: dict | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        closing, name = m.group(1) == "/", m.group(2)
        if name == "TIMEX3":
            if not closing:
                attrs = dict(_ATTR.findall(m.group(3)))
                open_timex = {"start": length, "type": attrs.get("type"), "value": attrs.get("value"),
                              "tid": attrs.get("tid")}
            elif open_timex is not None:
                open_timex["end"] = length
                gold.append(open_timex)
                open_timex = None
        pos = m.end()
    tail = html.unescape(body[pos:])
    text_parts.append(tail)
    text = "".join(text_parts)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, gold, dct


def _relaxed_pairs(gold: list[dict], pred: list) -> list[tuple[dict, object]]:
    pairs = []
    used: set[int] = set()
    for g in gold:
        best, best_overlap = None, 0
        for k, p in enumerate(pred):
            if k in used:
                continue
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def evaluate_timex(folder: Path, lang: str = "en", limit: int | None = None,
                   errors: list | None = None) -> dict:
    """Score rassegna's time expressions on every `.tml` file under `folder`."""
    files = sorted(Path(folder).rglob("*.tml"))
    if limit:
        files = files[:limit]
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    started = time.perf_counter()
    for path in files:
        text, gold, dct = read_tml(path)
        pred = extract_timexes(text, lang, dct)
        n_gold += len(gold)
        n_pred += len(pred)
        spans = {(p.start, p.end) for p in pred}
        strict += sum((g["start"], g["end"]) in spans for g in gold)
        pairs = _relaxed_pairs(gold, pred)
        relaxed += len(pairs)
        value_ok += sum(g["value"] == p.value for g, p in pairs)
        type_ok += sum(g["type"] == p.type for g, p in pairs)
        if errors is not None:
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            errors.append({"file": path.name, "dct": dct,
                           "missed": [g for g in gold if id(g) not in matched_g],
                           "extra": [p for p in pred if id(p) not in matched_p],
                           "wrong_value": [(g, p) for g, p in pairs if g["value"] != p.value]})
    seconds = time.perf_counter() - started
    return {
        "task": "timex",
        "documents": len(files),
        "gold": n_gold,
        "predicted": n_pred,
        "strict": prf_counts(strict, n_gold, n_pred),
        "relaxed": prf_counts(relaxed, n_gold, n_pred),
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "value": prf_counts(value_ok, n_gold, n_pred),
        "seconds": round(seconds, 2),
    }
