"""Convert KIND / WikiNEuRal CoNLL files to spaCy DocBin corpora.

    python training/ner/convert.py [--data /work/shared/data] [--out training/output/corpus]

Writes (all under --out, which is git-ignored):
    it_train/kind/kind_{WN,FIC,ADG}_train.spacy   KIND training sets (gold)
    it_train/silver/wikineural_it_{val,test}.spacy WikiNEuRal it (silver), MISC -> missing
    it_dev/{WN,FIC,ADG}_dev.spacy                 KIND dev sets (WN_dev: selection only)
    it_stage2_wn2/                                stage-2 corpus: symlinks to the three KIND
                                                  files plus kind_WN_train_copy2.spacy (WN twice)
    en_train/wikineural_en_val90.spacy            WikiNEuRal en val, first 90% of sentences
    en_dev/wikineural_en_val10.spacy              last 10% (selection); test.conllu is for reporting

Sentences are grouped into docs of --group sentences. For the Italian silver data the
MISC spans are marked as *missing* (neither entity nor O) so the model is not taught that
titles/events/nationalities are O, nor that they are entities: KIND has no MISC.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from rassegna.evaluate.ner import bio_to_spans, read_conll  # noqa: E402


def to_docbin(sentences, vocab, group: int, drop_labels=(), missing_labels=()) -> DocBin:
    db = DocBin(store_user_data=False)
    for i in range(0, len(sentences), group):
        chunk = sentences[i : i + group]
        words, starts, ents, missing, offset = [], [], [], [], 0
        for toks, tags in chunk:
            for s, e, lab in bio_to_spans(tags):
                if lab in drop_labels:
                    continue
                target = missing if lab in missing_labels else ents
                target.append((s + offset, e + offset, lab))
            starts.append(offset)
            words.extend(toks)
            offset += len(toks)
        start_set = set(starts)
        doc = Doc(vocab, words=words, sent_starts=[j in start_set for j in range(len(words))])
        doc.set_ents(
            [spacy.tokens.Span(doc, s, e, label=lab) for s, e, lab in ents],
            missing=[doc[s:e] for s, e, _ in missing],
            default="outside",
        )
        db.add(doc)
    return db


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/output/corpus"))
    ap.add_argument("--group", type=int, default=10)
    ap.add_argument("--lang", choices=["it", "en", "all"], default="all")
    args = ap.parse_args(argv)

    jobs = []
    kind = args.data / "kind"
    wn = args.data / "wikineural"
    if args.lang in ("it", "all"):
        for dom in ("WN", "FIC", "ADG"):
            jobs.append((kind / f"{dom}_train.tsv", f"it_train/kind/kind_{dom}_train.spacy", "it", ()))
            jobs.append((kind / f"{dom}_dev.tsv", f"it_dev/{dom}_dev.spacy", "it", ()))
        jobs.append((wn / "it" / "val.conllu", "it_train/silver/wikineural_it_val.spacy", "it", ("MISC",)))
        jobs.append((wn / "it" / "test.conllu", "it_train/silver/wikineural_it_test.spacy", "it", ("MISC",)))
    if args.lang in ("en", "all"):
        # val is split 90/10 into train / selection dev; test is only for reporting.
        jobs.append((wn / "en" / "val.conllu", "en_train/wikineural_en_val90.spacy", "en", (), (0.0, 0.9)))
        jobs.append((wn / "en" / "val.conllu", "en_dev/wikineural_en_val10.spacy", "en", (), (0.9, 1.0)))

    vocabs = {}
    for src, rel, lang, missing_labels, *part in jobs:
        vocab = vocabs.setdefault(lang, spacy.blank(lang).vocab)
        sents = read_conll(src)
        if part:
            lo, hi = part[0]
            sents = sents[int(lo * len(sents)) : int(hi * len(sents))]
        db = to_docbin(sents, vocab, args.group, missing_labels=missing_labels)
        dest = args.out / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(dest)
        print(f"{src} -> {dest}: {len(sents)} sentences, {len(db)} docs")

    if args.lang in ("it", "all"):
        # Stage-2 corpus (config_it.cfg): KIND gold with WN_train (news) counted twice.
        stage2 = args.out / "it_stage2_wn2"
        stage2.mkdir(parents=True, exist_ok=True)
        links = {f"kind_{dom}_train.spacy": f"kind_{dom}_train.spacy" for dom in ("WN", "FIC", "ADG")}
        links["kind_WN_train_copy2.spacy"] = "kind_WN_train.spacy"
        for name, target in links.items():
            link = stage2 / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(Path("..") / "it_train" / "kind" / target)
        print(f"{stage2}: {sorted(links)}")


if __name__ == "__main__":
    main()
