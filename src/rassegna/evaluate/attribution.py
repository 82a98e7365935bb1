"""Attribution evaluation on the PolNeAR layout (`text/*.txt` + `attributions/*.ann`).

Gold comes from brat standoff files: `T` lines (`Source`, `Cue`, `Content`, possibly
discontinuous `start end;start end`) tied together by `E` lines
(`E1 Attribution:T4 Content:T3 Cue:T2 Source:T1`). When several annotators' files exist for one
article (`<article>_<annotator>.ann`) the first by name is used.

Metrics (all micro-averaged over the folder):

- ``content_exact``: a predicted content matches a gold one when both boundaries agree once
  surrounding whitespace, punctuation and quotation marks are trimmed.
- ``content_overlap``: a prediction matches when the Jaccard index of the two contents' word
  tokens (``\\w+``, by position) is ≥ 0.5; predictions and gold are matched one-to-one, best
  Jaccard first.
- ``source``: among the matched content pairs, a source is correct when predicted and gold
  sources overlap; precision over matched pairs whose prediction has a source, recall over
  matched pairs whose gold has one. ``source_end_to_end`` divides the same count by every
  predicted / gold attribution with a source.
- ``cue``: predicted and gold cues matched one-to-one by character overlap, independently of
  the contents.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from rassegna.model import Attribution, Document

_WORD = re.compile(r"\w+")
_TRIM = " \t\n\r.,;:!?\"'“”‘’«»„()[]—–-…"

Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    content: Spans
    cue: Spans = ()
    source: Spans = ()


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution] = field(default_factory=list)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat `.ann` file (events with a Content argument)."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            pieces = []
            for piece in head[1].split(";"):
                bounds = piece.split()
                if len(bounds) == 2:
                    pieces.append((int(bounds[0]), int(bounds[1])))
            spans[parts[0]] = tuple(pieces)
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), ())
        if not content:
            continue
        out.append(GoldAttribution(content=content, cue=spans.get(roles.get("Cue", ""), ()),
                                   source=spans.get(roles.get("Source", ""), ())))
    return out


def read_polnear(folder: Path, later_annotators: bool = False) -> list[Article]:
    """Articles of a PolNeAR compartment folder, with the first annotator's attributions (by
    file name); with `later_annotators`, instead one article per further annotation file of a
    text annotated several times (named by that file), the extra training data those files are."""
    folder = Path(folder)
    texts = {p.stem: p for p in sorted((folder / "text").glob("*.txt"))}
    anns: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem
        name = stem if stem in texts else stem.rsplit("_", 1)[0]
        if name in texts:
            anns.setdefault(name, []).append(ann)
    articles = []
    for name, path in texts.items():
        files = anns.get(name, [])
        chosen = files[1:] if later_annotators else files[:1]
        if not chosen:
            continue
        text = path.read_text(encoding="utf-8")
        for ann in chosen:
            label = ann.stem if later_annotators else name
            articles.append(Article(label, text, parse_ann(ann.read_text(encoding="utf-8"))))
    return articles


# ---------------------------------------------------------------- matching

def _words(text: str, spans: Spans) -> frozenset[int]:
    out = set()
    for start, end in spans:
        for m in _WORD.finditer(text, start, end):
            out.add(m.start())
    return frozenset(out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _bounds(spans: Spans) -> tuple[int, int]:
    return min(s for s, _ in spans), max(e for _, e in spans)


def _overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def pred_spans(a: Attribution) -> dict[str, Spans]:
    content = tuple(a.spans) if a.spans else ((a.content.start, a.content.end),)
    return {"content": content,
            "cue": ((a.cue.start, a.cue.end),) if a.cue else (),
            "source": ((a.source.start, a.source.end),) if a.source else ()}


def match_contents(text: str, gold: list[Spans], pred: list[Spans],
                   threshold: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs whose word Jaccard ≥ threshold, best first."""
    gw = [_words(text, g) for g in gold]
    pw = [_words(text, p) for p in pred]
    scored = []
    for i, g in enumerate(gw):
        for j, p in enumerate(pw):
            if not g or not p:
                continue
            inter = len(g & p)
            if not inter:
                continue
            jac = inter / len(g | p)
            if jac >= threshold:
                scored.append((-jac, i, j))
    scored.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def match_overlapping(gold: list[Spans], pred: list[Spans]) -> int:
    """How many one-to-one pairs of overlapping spans (greedy, by overlap size)."""
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            size = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in g for s2, e2 in p)
            if size > 0:
                scored.append((-size, i, j))
    scored.sort()
    used_g, used_p = set(), set()
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    return len(used_g)


class Counts:
    def __init__(self) -> None:
        self.tp_p = self.tp_r = self.pred = self.gold = 0

    def add(self, tp: int, pred: int, gold: int, tp_r: int | None = None) -> None:
        self.tp_p += tp
        self.tp_r += tp if tp_r is None else tp_r
        self.pred += pred
        self.gold += gold

    def scores(self) -> dict[str, float | int]:
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                "tp": self.tp_p, "pred": self.pred, "gold": self.gold}


def score_article(text: str, gold: list[GoldAttribution], predicted: list[Attribution],
                  counts: dict[str, Counts]) -> None:
    """Add one article's comparison to the running counts."""
    score_spans(text, gold, [pred_spans(a) for a in predicted], counts)


def score_predictions(scored) -> dict[str, dict]:
    """Each metric's scores over articles given as (text, gold, predicted attributions)."""
    counts = {m: Counts() for m in METRICS}
    for text, gold, predicted in scored:
        score_article(text, gold, predicted, counts)
    return {m: counts[m].scores() for m in METRICS}


def score_spans(text: str, gold: list[GoldAttribution], preds: list[dict[str, Spans]],
                counts: dict[str, Counts]) -> None:
    """`score_article` on predictions given as their spans (`pred_spans`), so that one
    annotator's attributions can be scored against another's."""
    g_content = [g.content for g in gold]
    p_content = [p["content"] for p in preds]

    g_exact = {_trim(text, *_bounds(c)) for c in g_content}
    p_exact = [_trim(text, *_bounds(c)) for c in p_content]
    used: set[tuple[int, int]] = set()
    tp = 0
    for b in p_exact:
        if b in g_exact and b not in used:
            used.add(b)
            tp += 1
    counts["content_exact"].add(tp, len(p_exact), len(g_content))

    pairs = match_contents(text, g_content, p_content)
    counts["content_overlap"].add(len(pairs), len(p_content), len(g_content))

    correct = with_pred = with_gold = 0
    for i, j in pairs:
        gs, ps = gold[i].source, preds[j]["source"]
        with_pred += bool(ps)
        with_gold += bool(gs)
        correct += bool(gs and ps and _overlap(gs, ps))
    counts["source"].add(correct, with_pred, with_gold)
    counts["source_end_to_end"].add(correct, sum(bool(p["source"]) for p in preds),
                                    sum(bool(g.source) for g in gold))

    g_cue = [g.cue for g in gold if g.cue]
    p_cue = [p["cue"] for p in preds if p["cue"]]
    counts["cue"].add(match_overlapping(g_cue, p_cue), len(p_cue), len(g_cue))


METRICS = ("content_exact", "content_overlap", "source", "source_end_to_end", "cue")


def score_system(articles: list[Article]) -> dict[str, Counts]:
    """`find_attributions` on each (English) article, against its gold, as running counts."""
    from rassegna.attribution import find_attributions
    from rassegna.pipeline import Options
    from rassegna.sentences import split_sentences

    counts = {m: Counts() for m in METRICS}
    options = Options(lang="en")
    for art in articles:
        doc = Document(id=art.name, source=art.name, text=art.text, language="en",
                       sentences=split_sentences(art.text, "en"))
        score_article(art.text, art.gold, find_attributions(doc, options), counts)
    return counts


def evaluate_attribution(folder: Path, limit: int | None = None, **_: object) -> dict:
    """Score `find_attributions` on a PolNeAR-style folder; see the module docstring."""
    started = time.perf_counter()
    articles = read_polnear(Path(folder))
    if limit:
        articles = articles[:limit]
    counts = score_system(articles)
    out: dict = {"task": "attribution", "documents": len(articles)}
    for m in METRICS:
        out[m] = counts[m].scores()
    out["seconds"] = round(time.perf_counter() - started, 2)
    return out
