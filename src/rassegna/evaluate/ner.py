"""Entity-level NER evaluation (conlleval definition) on CoNLL-style gold files.

Two layouts are read: ``token<TAB>tag`` (KIND) and ``idx<TAB>token<TAB>tag``
(WikiNEuRal); sentences are separated by blank lines. Tags may be IOB1 or BIO
(IOB2); both are normalised to BIO. An entity counts as correct only when its
type and both boundaries match a gold entity exactly.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL-style file into ``[(tokens, bio_tags), ...]``.

    Accepts ``token<TAB>tag`` and ``idx<TAB>token<TAB>tag`` lines (the last column is
    the tag, the one before it the token), skips ``#`` comment lines, and turns
    IOB1 tags into BIO.
    """
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    sentences.append((tokens, to_bio(tags)))
                    tokens, tags = [], []
                continue
            if line.startswith("#") and "\t" not in line:
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                cols = line.split()
            if len(cols) < 2:
                raise ValueError(f"{path}: cannot parse line {line!r}")
            tokens.append(cols[-2])
            tags.append(cols[-1].strip() or "O")
    if tokens:
        sentences.append((tokens, to_bio(tags)))
    return sentences


# MEANTIME entity types as the CoNLL types the models know: products, financial entities and
# mixed groups are MISC.
MEANTIME_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC", "FIN": "MISC", "MIX": "MISC"}


def read_meantime(folder: str | Path) -> list[Sentence]:
    """Sentences of every MEANTIME NAF-like ``.xml`` file below `folder`, tagged in BIO with the
    named (``syntactic_type="NAM"``) entity mentions only: MEANTIME also marks nominal and
    pronominal mentions ("the company", "he"), which no NER tags. A mention's type is that of
    the entity it REFERS_TO. Sentences after the last annotated one of an article are left out."""
    import xml.etree.ElementTree as ET

    sentences: list[Sentence] = []
    for path in sorted(Path(folder).rglob("*.xml")):
        root = ET.parse(path).getroot()
        tokens = {t.get("t_id"): (int(t.get("sentence", 0)), int(t.get("number", 0)), t.text or "")
                  for t in root.iter("token")}
        markables = root.find("Markables")
        if markables is None:
            continue
        entity_type = {e.get("m_id"): e.get("ent_type") for e in markables.iter("ENTITY")}
        refers = {r.find("source").get("m_id"): r.find("target").get("m_id")
                  for r in root.iter("REFERS_TO") if r.find("source") is not None and r.find("target") is not None}
        by_sentence: dict[int, list[tuple[int, str]]] = {}
        for sentence, number, word in tokens.values():
            by_sentence.setdefault(sentence, []).append((number, word))
        tags = {t_id: "O" for t_id in tokens}
        named = []
        for mention in markables.iter("ENTITY_MENTION"):
            label = MEANTIME_TYPES.get(entity_type.get(refers.get(mention.get("m_id"), ""), ""))
            anchors = [a.get("t_id") for a in mention.iter("token_anchor") if a.get("t_id") in tokens]
            if mention.get("syntactic_type") != "NAM" or not label or not anchors:
                continue
            anchors.sort(key=lambda t: tokens[t][:2])
            named.append((anchors, label))
        # Named mentions nest ("Bangkok, Thailand", a mention of Bangkok, holds one of Thailand);
        # a flat tagging keeps the inner names, else the outer one's tags would be cut by the
        # inner one's B- into a span that is no mention ("Bangkok ,")
        spans = [(tokens[a[0]][:2], tokens[a[-1]][:2]) for a, _ in named]
        for (anchors, label), (first, last) in zip(named, spans):
            if any(f >= first and l <= last and (f, l) != (first, last) for f, l in spans):
                continue
            for i, t_id in enumerate(anchors):
                tags[t_id] = ("B-" if i == 0 else "I-") + label
        # MEANTIME leaves the end of many articles unannotated:
        # the sentences up to the last one any mention, entity or event, is anchored in
        anchored = [tokens[a.get("t_id")][0] for a in markables.iter("token_anchor") if a.get("t_id") in tokens]
        last = max(anchored, default=-1)
        order = sorted(tokens, key=lambda t: tokens[t][:2])
        for sentence in sorted(s for s in by_sentence if s <= last):
            ids = [t for t in order if tokens[t][0] == sentence]
            sentences.append(([tokens[t][2] for t in ids], to_bio([tags[t] for t in ids])))
    if not sentences:
        raise ValueError(f"no MEANTIME .xml files with tokens under {folder}")
    return sentences


def to_bio(tags: Sequence[str]) -> list[str]:
    """Normalise IOB1 (or already-BIO) tags to BIO: an ``I-X`` that does not continue
    an ``X`` entity starts one."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and (prev == "O" or prev.split("-", 1)[1] != label):
            prefix = "B"
        elif prefix not in ("B", "I"):  # E-/S-/L-/U- from other schemes
            prefix = "B" if prefix in ("S", "U") or prev == "O" else "I"
        new = f"{prefix}-{label}"
        out.append(new)
        prev = new
    return out


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end_exclusive, label)`` from BIO (or IOB1) tags."""
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(to_bio(tags)) + ["O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def score_spans(
    gold: Iterable[Iterable[tuple[int, int, str]]],
    pred: Iterable[Iterable[tuple[int, int, str]]],
) -> dict:
    """Exact-match micro P/R/F1 and per-type scores over parallel lists of span sets."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for _, _, lab in gs:
            n_gold[lab] += 1
        for _, _, lab in ps:
            n_pred[lab] += 1
        for _, _, lab in gs & ps:
            tp[lab] += 1

    def prf(t: int, np_: int, ng: int) -> tuple[float, float, float]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    p, r, f = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    per_type = {}
    for lab in sorted(set(n_gold) | set(n_pred)):
        lp, lr, lf = prf(tp[lab], n_pred[lab], n_gold[lab])
        per_type[lab] = {"precision": lp, "recall": lr, "f1": lf, "support": n_gold[lab]}
    return {"precision": p, "recall": r, "f1": f, "per_type": per_type}


def score_tags(gold_tags: Sequence[Sequence[str]], pred_tags: Sequence[Sequence[str]]) -> dict:
    """conlleval-style scores from parallel tag sequences (BIO or IOB1)."""
    return score_spans(
        [bio_to_spans(g) for g in gold_tags], [bio_to_spans(p) for p in pred_tags]
    )


def predict_spans(nlp, sentences: Sequence[Sequence[str]], batch_size: int = 256, lang: str | None = None,
                  crf: bool = True):
    """Run ``nlp``'s components over pre-tokenised sentences; token spans per sentence. With
    ``lang``, the names go through the same mention classifier as in the pipeline
    (`rassegna.ner.doc_entities`)."""
    from spacy.tokens import Doc

    from rassegna.ner import doc_entities

    docs = (Doc(nlp.vocab, words=list(words)) for words in sentences)
    return [
        doc_entities(doc, lang, crf=crf) if lang else [(e.start, e.end, e.label_) for e in doc.ents]
        for doc in nlp.pipe(docs, batch_size=batch_size)
    ]


def evaluate_ner(path: Path, lang: str = "it", nlp=None, classifier: bool = True, crf: bool = True) -> dict:
    """Score the shipped (or given) NER pipeline on a gold CoNLL file, or on a folder of
    MEANTIME files (named mentions only). The shipped pipeline is scored with its mention
    classifier (`rassegna.ner_types`, when shipped for the language; in a vote with the CRF
    tagger of `rassegna.ner_crf` when that ships too, unless `crf` is False) unless
    `classifier` is False; a given pipeline is scored alone."""
    shipped = nlp is None
    if nlp is None:
        from rassegna.ner import load_ner

        nlp = load_ner(lang)
    data = read_meantime(path) if Path(path).is_dir() else read_conll(path)
    labels = set(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else None
    gold = []
    for _, tags in data:
        spans = bio_to_spans(tags)
        # Gold types the model cannot produce (e.g. MISC for a PER/ORG/LOC model) stay in:
        # they count as misses, as conlleval would count them.
        gold.append(spans)
    t0 = time.perf_counter()
    from rassegna.ner_crf import crf_taggers
    from rassegna.ner_types import type_model

    retype = shipped and classifier and type_model(lang) is not None
    vote = retype and crf and bool(crf_taggers(lang))
    pred = predict_spans(nlp, [toks for toks, _ in data], lang=lang if retype else None, crf=vote)
    elapsed = time.perf_counter() - t0
    result = score_spans(gold, pred)
    extra = {}
    if Path(path).is_dir():
        extra["note"] = ("MEANTIME marks the named mentions of the entities its event annotation "
                         "links, not every name: recall is the figure to read, precision is low by "
                         "construction")
    return {
        **extra,
        "task": "ner",
        "file": str(path),
        "lang": lang,
        "sentences": len(data),
        "precision": result["precision"],
        "recall": result["recall"],
        "f1": result["f1"],
        "per_type": result["per_type"],
        "sentences_per_second": len(data) / elapsed if elapsed > 0 else float("inf"),
        "model_labels": sorted(labels) if labels is not None else None,
        "mention_classifier": retype,
        # with the classifier, names are voted between the pipeline and the CRF when one ships
        "crf_vote": vote,
    }


def main(argv: list[str] | None = None) -> None:
    import argparse
    import json

    import spacy

    ap = argparse.ArgumentParser(description="Score a NER pipeline on CoNLL gold files.")
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--lang", default="it")
    ap.add_argument("--model", default=None, help="pipeline dir (default: the shipped one)")
    ap.add_argument("--no-classifier", dest="classifier", action="store_false",
                    help="the shipped spaCy pipeline alone, without the mention classifier")
    ap.add_argument("--no-crf", dest="crf", action="store_false",
                    help="the pipeline and the mention classifier, without the CRF tagger's vote")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model) if args.model else None
    for f in args.files:
        print(json.dumps(evaluate_ner(f, args.lang, nlp=nlp, classifier=args.classifier, crf=args.crf), indent=1))


if __name__ == "__main__":
    main()
