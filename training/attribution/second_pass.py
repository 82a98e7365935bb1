"""A second pass tried on 2026-12-05 and not shipped: the BiLSTM ensemble's attributions, plus
the linear stage-2 argument tagger and cue classifier (`arguments.npz`) run on every cue-like
word the BiLSTM left uncovered, kept when the classifier's probability reaches a threshold and
the content overlaps no BiLSTM tag. Prints PolNeAR scores per threshold and minimum cue-rate
bucket (the first line, with nothing added, is the shipped system).

    .venv/bin/python training/attribution/second_pass.py /work/shared/data/polnear/dev
"""
import sys
import time
from pathlib import Path
from rassegna import attribution_neural as N
from rassegna import attribution_learned as L
from rassegna.attribution import lexicon, find_quotes
from rassegna.evaluate.attribution import METRICS, Counts, read_polnear, score_article
from rassegna.sentences import split_sentences



def main():
    data = Path(sys.argv[1])
    lex = lexicon("en")
    ens = N.neural_tagger("en")
    tagger = L._tagger("en")
    args = L._arg_model("en")
    arts = read_polnear(data)
    cache = []
    t0 = time.time()
    for art in arts:
        text = art.text
        sents = split_sentences(text, "en")
        toks, ntags, _ = N.neural_tags(text, sents, lex, ens)
        base = L.neural_attributions(text, toks, ntags, sents)
        toks2, ptags = L.tag_document(text, sents, lex, tagger, toks=toks)
        info = L.doc_info(text, toks, sents, find_quotes(text), tagger.cue_rate)
        names = [L.TAGS[t] for t in ptags]
        covered = set(k for k, t in enumerate(ntags) if L.TAGS[t] != "O")
        extra = []
        for i, r in enumerate(info.rates):
            if r < 1 or i in covered:
                continue
            cue = (i, i + 1)
            win, path, summary = L.argument_path(info, cue, args, names)
            conf = L.cue_probability(args, L.cue_features(info, cue, names) + summary)
            con, src = [], []
            for role, a, b in L.segments_of(path, L.ARG_TAGS):
                (con if role == "CON" else src).append((a + win[0], b + win[0]))
            extra.append({"cue": cue, "con": con, "src": src, "conf": conf, "rate": r})
        cache.append((art, sents, toks, ntags, base, info, extra))
    print(f"prepared in {time.time()-t0:.0f}s", flush=True)

    def run(th, minrate, overlap_ok):
        counts = {m: Counts() for m in METRICS}
        added = 0
        for art, sents, toks, ntags, base, info, extra in cache:
            taken = set(k for k, t in enumerate(ntags) if L.TAGS[t] != "O")
            found = [x for x in extra if x["conf"] >= th and x["rate"] >= minrate and x["con"]]
            found = L.resolve_arguments([dict(x) for x in found], info.sent_of)
            keep = []
            for x in found:
                c = set(k for a, b in x["con"] for k in range(a, b))
                if len(c & taken) > overlap_ok * len(c):
                    continue
                taken |= c
                keep.append(x)
            added += len(keep)
            pred = base + L.attributions_from_arguments(info, keep)
            score_article(art.text, art.gold, pred, counts)
        s = {m: counts[m].scores() for m in METRICS}
        co = s["content_overlap"]
        print(f"th {th} rate>={minrate} ov {overlap_ok}: +{added} overlap F1 {co['f1']:.4f} (P {co['p']:.3f} R {co['r']:.3f}) exact {s['content_exact']['f1']:.3f} source {s['source']['f1']:.3f} cue {s['cue']['f1']:.3f}", flush=True)

    run(2.0, 9, 0)
    for th in (0.5, 0.6, 0.7, 0.8, 0.9):
        for mr in (1, 2, 3):
            run(th, mr, 0.0)
    run(0.7, 2, 0.2)


if __name__ == "__main__":
    main()
