"""Ways of combining a cue-conditioned argument tagger (`train_arguments_neural.py`) with the shipped
ensemble's attributions, scored on a PolNeAR folder with the repository's eval (tagger path
only, as `tune_neural.py` scores: no rules, no transcript turns).

    .venv/bin/python training/attribution/combine_arguments.py /work/shared/data/polnear/dev \
        training/output/argnet_r1_s1.npz [--reach 1] [--margins 1 2 4 8 16]

For each attribution the ensemble finds with a cue whose content lies inside the window the
argument tagger reads, the tagger's own reading (cue forced) is compared with the ensemble's:
- replace: the tagger's content and source always;
- margin M: the tagger's only when its best path beats the ensemble's reading, scored by the
  tagger, by more than M;
- vote: the tagger's when its margin is larger than the ensemble's own preference for its
  reading (the ensemble's whole-chunk path score with this attribution's roles swapped);
- source: the ensemble's content with the tagger's source.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_arguments_neural as TA  # noqa: E402
import train_neural as TN  # noqa: E402

from rassegna import attribution_learned as L  # noqa: E402
from rassegna import attribution_neural as N  # noqa: E402
from rassegna.attribution import lexicon  # noqa: E402
from rassegna.evaluate.attribution import read_polnear, score_predictions  # noqa: E402
from rassegna.sentences import split_sentences  # noqa: E402

ROLE = [t[2:] if t != "O" else "O" for t in L.TAGS]


def path_score(emit: np.ndarray, trans: np.ndarray, tags) -> float:
    s = trans[-1, tags[0]] + emit[0, tags[0]]
    for i in range(1, len(tags)):
        s += trans[tags[i - 1], tags[i]] + emit[i, tags[i]]
    return float(s)


def bio(roles: list[str]) -> list[int]:
    return [0 if r == "O" else L.TAGS.index(("I-" if i and roles[i - 1] == r else "B-") + r)
            for i, r in enumerate(roles)]


def reading_of(toks, att, lo: int, n: int) -> list[int]:
    """An attribution's roles as tags over the window (content, source, cue; other tokens O)."""
    roles = ["O"] * n
    pieces = list(att.spans) if att.spans else [(att.content.start, att.content.end)]
    for role, spans in (("CON", pieces), ("SRC", [(att.source.start, att.source.end)] if att.source else []),
                        ("CUE", [(att.cue.start, att.cue.end)])):
        for a, b in TA.token_runs(toks, spans):
            for i in range(max(a, lo), min(b, lo + n)):
                roles[i - lo] = role
    return bio(roles)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("taggers", type=Path, nargs="+")
    ap.add_argument("--reach", type=int, default=1)
    ap.add_argument("--margins", type=float, nargs="+", default=[1, 2, 4, 8, 16])
    args = ap.parse_args(argv)
    ensemble = N.neural_tagger("en")
    taggers = [N.load_neural(p, "en") for p in args.taggers]
    trans = sum(t.trans for t in taggers) / len(taggers)
    if set(N.input_sources(taggers)) != {0}:
        # the windows are cut from one tagger's inputs (`cue_windows`)
        ap.error("the argument taggers read different inputs (vocabulary, vectors, parse): score them apart")
    lex = lexicon("en")
    members = ensemble.members
    # the taggers' inputs are made with the members' (one parse; shared where the settings agree)
    sources = N.input_sources(members + taggers)
    rows = []
    for art in read_polnear(args.data):
        sents = split_sentences(art.text, "en")
        toks, inputs, ranges = N.member_inputs(art.text, sents, lex, members + taggers, sources)
        scores = N.member_tag_scores(members, inputs[:len(members)], ranges)
        emit = sum(scores) / len(scores)
        tags = N.decode_tags(emit, ranges, ensemble.trans)
        found = L.neural_attributions(art.text, toks, tags, sents)
        inp = inputs[len(members)]
        d = {"art": art, "toks": toks, "sents": sents, "inp": inp}
        windows = TA.cue_windows(d, found, args.reach)
        live = [w for w in windows if w is not None]
        read = {}
        if live:
            lengths = [hi - lo for _, lo, hi, _ in live]
            starts = np.cumsum([0] + lengths[:-1])
            spans = [(int(s), int(s) + n) for s, n in zip(starts, lengths)]
            stacked = N.Inputs(*(np.concatenate([getattr(w[3], f) for w in live])
                                 for f in ("words", "clusters", "chars", "dense")),
                               vectors=np.concatenate([w[3].vectors for w in live]) if inp.vectors is not None else None)
            got = sum(N.member_tag_scores(taggers, [stacked] * len(taggers), spans)) / len(taggers)
            read = {id(w): got[a:b] for w, (a, b) in zip(live, spans)}
        rows.append((d, found, windows, read, emit, tags, ranges))

    def score(name, choose):
        scored, changed = [], 0
        for d, found, windows, read, emit, tags, ranges in rows:
            out = []
            for att, w in zip(found, windows):
                new = choose(d, att, w, read.get(id(w)), emit, tags, ranges) if w is not None else None
                changed += new is not None
                out.append(new or att)
            scored.append((d["art"].text, d["art"].gold, out))
        print(f"{name}: {TN.fmt(score_predictions(scored))}; attributions taken from the tagger {changed}", flush=True)

    def tagger_reading(d, w, s):
        cue, lo, hi, _ = w
        return TA.reading_for_cue(d["art"].text, d["toks"], s, trans, cue, lo)

    def margin_of(d, att, w, s):
        cue, lo, hi, _ = w
        best, new = tagger_reading(d, w, s)
        e = TA.forced_emissions(s, cue, lo)
        own = reading_of(d["toks"], att, lo, hi - lo)
        return path_score(e, trans, best) - path_score(e, trans, own), best, own, new

    score("ensemble", lambda *a: None)
    score("replace", lambda d, att, w, s, *_: tagger_reading(d, w, s)[1])
    for margin in args.margins:
        def gate(d, att, w, s, *_, margin=margin):
            gap, _, _, new = margin_of(d, att, w, s)
            return new if gap > margin else None
        score(f"margin {margin:g}", gate)

    def vote(d, att, w, s, emit, tags, ranges):
        gap, best, own, new = margin_of(d, att, w, s)
        if new is None or list(best) == list(own):
            return None
        cue, lo, hi, _ = w
        # the ensemble's own path, and the same with this attribution's roles swapped (B/I
        # re-derived only where a role changed and just after)
        swapped = [ROLE[t] for t in tags]
        alt = list(tags)
        for i in range(hi - lo):
            if ROLE[own[i]] != ROLE[best[i]]:
                swapped[lo + i] = ROLE[best[i]]
        relabelled = bio(swapped)
        for i in range(lo, min(hi + 1, len(tags))):
            alt[i] = relabelled[i]
        now = tags
        keep = sum(path_score(emit[a:b], ensemble.trans, now[a:b]) - path_score(emit[a:b], ensemble.trans, alt[a:b])
                   for a, b in ranges if b > lo and a < hi)
        return new if gap > keep else None
    score("vote", vote)

    def source_only(d, att, w, s, *_):
        new = tagger_reading(d, w, s)[1]
        if new is None or new.source == att.source:
            return None
        return replace(att, source=new.source)
    score("source", source_only)


if __name__ == "__main__":
    sys.exit(main())
