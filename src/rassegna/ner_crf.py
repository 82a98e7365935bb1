"""A second NER tagger beside the spaCy pipeline: a linear-chain CRF over word features.

The spaCy CNN sees about four words either side and learns names only from its training
sentences. This tagger (python-crfsuite, L1+L2-regularised, trained by
`training/ner/train_crf.py` on the same KIND data) reads features the CNN has no access to:
the place gazetteer of `ner_types.place_names`, how silver data (WikiNEuRal) typed each
n-gram and word, the word clusters shipped beside the mention classifier, and the word's
place in its run of capitalised words. Alone it scores better than the CNN on KIND WN_dev
(0.792 against 0.758); the two make different mistakes, so `ner_types.TypeModel.vote` lets
the mention classifier arbitrate between their ranges, weighing the CNN's label and each
CRF's probability of the range (docs/ner.md). A language may ship several CRFs
(`crf.crfsuite`, then `crf_*.crfsuite`); each `.json` beside one holds its vote weight.

The features are written here because they are this project's resources (gazetteer, silver
memory, clusters); crfsuite does the learning and the decoding.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from rassegna import ner_types as T
from rassegna.evaluate.ner import bio_to_spans

MAX_NGRAM = 5        # longest gazetteer / silver name matched, in words


def _top_label(seen: Counter | None) -> str | None:
    """The commonest label of a silver string, with h(igh) or m(ixed) agreement."""
    if not seen:
        return None
    label, n = seen.most_common(1)[0]
    return f"{label}{'h' if n / sum(seen.values()) > 0.8 else 'm'}"


def _longest_matches(words: list[str], lookup) -> list[str | None]:
    """BIO tags ("B-country", "I-country", ...) of the longest capitalised n-grams that
    `lookup` (normalised string → tag or None) knows, left to right."""
    out: list[str | None] = [None] * len(words)
    k = 0
    while k < len(words):
        step = 1
        if words[k][:1].isupper():
            for n in range(min(MAX_NGRAM, len(words) - k), 0, -1):
                tag = lookup(T._norm(" ".join(words[k:k + n])))
                if tag:
                    for j in range(n):
                        out[k + j] = ("B-" if j == 0 else "I-") + tag
                    step = n
                    break
        k += step
    return out


def _run_positions(words: list[str]) -> list[str | None]:
    """For each word in a run of capitalised words (`ner_types.candidates`), the run's length
    (up to 4) and whether the word begins, ends or is inside it."""
    out: list[str | None] = [None] * len(words)
    for a, b in T.candidates(words):
        if out[a] is None:
            for j in range(a, b):
                out[j] = f"{min(b - a, 4)}:{'B' if j == a else 'E' if j == b - 1 else 'I'}"
    return out


def word_features(words: list[str], silver: dict[str, Counter] | None,
                  clusters: dict[str, list[int]] | None) -> list[list[str]]:
    """crfsuite attributes of each word: its own features and those of its neighbours."""
    places = T.place_names()
    silver = silver or {}
    low = [w.lower() for w in words]
    gazetteer = _longest_matches(words, places.get)
    known = _longest_matches(words, lambda s: _top_label(silver.get(s)))
    runs = _run_positions(words)
    own: list[dict[str, str]] = []
    for k, word in enumerate(words):
        w = low[k]
        f = {"w": w, "shape": T._shape(word)[:8], "p3": w[:3], "s3": w[-3:], "s2": w[-2:]}
        # yes/no properties are attributes only when true, as crfsuite reads an absent one as 0
        for key, yes in (("title", word[:1].isupper()), ("upper", word.isupper()),
                         ("digit", any(ch.isdigit() for ch in word))):
            if yes:
                f[key] = ""
        if len(w) > 4:
            f["s4"] = w[-4:]
        ids = clusters.get(w) if clusters else None
        if ids:
            f["c0"], f["c1"] = str(ids[0]), str(ids[1])
        if gazetteer[k]:
            f["gaz"] = gazetteer[k]
        if known[k]:
            f["sil"] = known[k]
        if word[:1].isupper():
            label = _top_label(silver.get("w:" + w))
            if label:
                f["silw"] = label
            place = places.get(w)
            if place:
                f["gaz1"] = place
        if runs[k]:
            f["run"] = runs[k]
        own.append(f)
    out = []
    for k in range(len(words)):
        f = [f"{key}={value}" if value else key for key, value in own[k].items()]
        f.append("bias")
        if k == 0:
            f.append("BOS")
        if k == len(words) - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < len(words):
                other = own[j]
                f += [f"{d}:w={other['w']}", f"{d}:shape={other['shape']}"]
                if "c1" in other:
                    f.append(f"{d}:c1={other['c1']}")
                if abs(d) == 1:
                    if "title" in other:
                        f.append(f"{d}:title")
                    for key in ("gaz", "sil"):
                        if key in other:
                            f.append(f"{d}:{key}={other[key]}")
        if k > 0:
            f.append(f"w-1w={low[k - 1]}|{low[k]}")
        if k + 1 < len(words):
            f.append(f"ww+1={low[k]}|{low[k + 1]}")
        out.append(f)
    return out


# the attributes `word_features` makes from the silver memory: a CRF trained without them
# reads the same features with these left out
_SILVER_ATTRIBUTES = ("sil=", "silw=", "-1:sil=", "1:sil=")


def without_silver(features: list[list[str]]) -> list[list[str]]:
    """`word_features` of a sentence as they are without a silver memory."""
    return [[a for a in word if not a.startswith(_SILVER_ATTRIBUTES)] for word in features]


# (words, silver, features) of the sentence last made: every CRF of a language reads the same
# sentence in turn, so its features are made once
_last_sentence: tuple = (None, None, [])


def _sentence_features(words: list[str], silver, clusters) -> list[list[str]]:
    global _last_sentence
    last = _last_sentence            # read once: another thread may replace it meanwhile
    if last[0] is not words or last[1] is not silver:
        last = _last_sentence = (words, silver, word_features(words, silver, clusters))
    return last[2]


@dataclass
class CrfTagger:
    """A trained crfsuite model with the resources its features read, and the weights with
    which its spans and the pipeline's vote in `TypeModel.vote` (the pipeline's weight and
    the margin are read from the first model of a language only)."""
    path: Path
    silver: dict[str, Counter] | None
    clusters: dict[str, list[int]] | None
    pipeline_weight: float = 3.0
    crf_weight: float = 0.0               # for the CRF's own (Viterbi) spans
    probability_weight: float = 6.0       # for its probability of every candidate range
    name_margin: float = 2.0
    silver_features: bool = True          # False: a model trained without the silver features

    def __post_init__(self):
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._labels = frozenset(self._tagger.labels())
        self._current: list[str] | None = None

    def features(self, words: list[str]) -> list[list[str]]:
        features = _sentence_features(words, self.silver, self.clusters)
        return features if self.silver_features else without_silver(features)

    def spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Token ranges and labels of the names the CRF tags in one sentence."""
        if not words:
            return []
        self._load(words)
        return bio_to_spans(self._tagger.tag())

    def _load(self, words: list[str]) -> None:
        """Set the tagger on this sentence, unless it is the one last set (`spans` and then
        `span_probabilities` on the same words make the features once)."""
        if words is not self._current:
            self._tagger.set(self.features(words))
            self._current = words

    def span_probabilities(self, words: list[str], ranges: list[tuple[int, int]],
                           labels: list[str]) -> np.ndarray:
        """P(words[a:b] is exactly one name of each label) under the CRF, for each range: the
        marginal of B- at its start, of I- inside, and of anything but I- right after it (an
        approximation: the marginals are multiplied as if independent)."""
        out = np.zeros((len(ranges), len(labels)))
        if not words or not ranges:
            return out
        self._load(words)
        tagger, known = self._tagger, self._labels
        for i, (a, b) in enumerate(ranges):
            for j, label in enumerate(labels):
                begin, inside = "B-" + label, "I-" + label
                if begin not in known or (b - a > 1 and inside not in known):
                    continue             # a label (or a long name) the model never saw
                p = tagger.marginal(begin, a)
                for k in range(a + 1, b):
                    p *= tagger.marginal(inside, k)
                if b < len(words) and inside in known:
                    p *= 1.0 - tagger.marginal(inside, b)
                out[i, j] = p
        return out


def load_crf_tagger(path: Path, type_model: T.TypeModel) -> CrfTagger:
    """The CRF in `path` (crfsuite format), its vote weights and whether it reads the silver
    features from the `.json` beside it, and the silver memory and clusters of the mention
    classifier it was trained with."""
    weights = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return CrfTagger(path, type_model.silver, type_model.clusters,
                     float(weights["pipeline_weight"]), float(weights["crf_weight"]),
                     float(weights["probability_weight"]), float(weights["name_margin"]),
                     bool(weights.get("silver_features", True)))


def model_paths(folder: Path) -> list[Path]:
    """The CRFs of a model folder: `crf.crfsuite` first, then `crf_*.crfsuite` by name."""
    main = folder / "crf.crfsuite"
    return ([main] if main.is_file() else []) + sorted(folder.glob("crf_*.crfsuite"))


@lru_cache(maxsize=None)
def crf_taggers(lang: str) -> tuple[CrfTagger, ...]:
    """The shipped CRFs for `lang` (none when none is shipped, or no mention classifier, which
    they need for their features and the vote)."""
    folder = Path(str(resources.files("rassegna") / "models" / f"ner_{lang}"))
    model = T.type_model(lang)
    if model is None:
        return ()
    return tuple(load_crf_tagger(path, model) for path in model_paths(folder))
