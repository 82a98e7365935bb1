"""`rassegna eval stories DIR`: story grouping on MEANTIME topic folders.

Each `corpus_*` folder under DIR is one gold group; its NAF-like XML files hold the tokens of
one article. The articles are grouped by `rassegna.stories` and scored with B-cubed and
pairwise precision/recall/F1.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from rassegna.evaluate._scoring import prf
from rassegna.model import Document, RawDocument
from rassegna.pipeline import Options, analyse
from rassegna.stories import group_stories

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%", "'"}


def read_meantime(path: Path) -> RawDocument:
    """Rebuild the article text from its tokens (sentences on their own lines)."""
    root = ET.parse(path).getroot()
    lines: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        lines[int(token.get("sentence", 0))].append(token.text or "")
    text_lines = []
    for number in sorted(lines):
        words = lines[number]
        line = ""
        for word in words:
            line += word if (not line or word in _NO_SPACE_BEFORE or line.endswith(("(", "$"))) else " " + word
        text_lines.append(line)
    return RawDocument(id=root.get("doc_name") or path.stem, source=str(path), text="\n".join(text_lines),
                       format="xml", title=text_lines[0] if text_lines else None, language="en",
                       needs_cleaning=False)


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    gold_groups, pred_groups = _groups(gold), _groups(predicted)
    precision = recall = 0.0
    for item in gold:
        same_pred = pred_groups[predicted[item]]
        same_gold = gold_groups[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    return prf(precision / len(gold), recall / len(gold))


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return prf(p, r)


def evaluate_stories(folder: Path) -> dict:
    started = time.perf_counter()
    documents, gold = [], {}
    # the topic folders may sit below DIR (MEANTIME ships them under intra_cross-doc_annotation/)
    for topic in sorted(p for p in Path(folder).rglob("corpus_*") if p.is_dir()):
        for path in sorted(topic.glob("*.xml")):
            # the whole per-document stage, as in a build: entities weigh in the grouping
            doc = analyse(read_meantime(path), Options(lang="en"))
            if not isinstance(doc, Document):
                raise ValueError(f"{path}: {doc.reason}")
            documents.append(doc)
            gold[doc.id] = topic.name
    if not documents:
        raise ValueError(f"no corpus_* folders with .xml files under {folder}")
    predicted = {}
    for number, group in enumerate(group_stories(documents)):
        for i in group:
            predicted[documents[i].id] = f"s{number + 1}"
    return {"task": "stories", "documents": len(documents), "gold_groups": len(set(gold.values())),
            "predicted_groups": len(set(predicted.values())), "bcubed": bcubed(gold, predicted),
            "pairwise": pairwise(gold, predicted), "seconds": round(time.perf_counter() - started, 2)}


def _groups(assignment: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, group in assignment.items():
        groups[group].add(item)
    return groups

