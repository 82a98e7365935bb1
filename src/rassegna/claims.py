"""Claims: the same measured thing across documents, its values, and whether sources agree.

A claim groups the quantities of one story that count the same thing: "circa 10.000 soldati
nordcoreani", "fino a 12.000 soldati", "12mila soldati nordcoreani" from several outlets. Two
quantities are linked when

* they are in the same story and their units agree (both plain counts, or the same unit);
* their values are of the same size (within MAGNITUDE_RATIO of each other): a figure five
  times another is a different figure, even of the same thing ("50.000 soldati russi" at
  Kursk, "600.000 soldati russi" killed or wounded);
* they count the same thing: the same head noun of the concept ("soldati") with contexts not
  unlike, or contexts alike enough on their own ("perdite russe … 650.000 vittime" and
  "600.000 soldati russi … uccisi o feriti"). A context is the concept and the words of the
  clause around the number, as stems.

Groups are the connected components of those links, found by comparing each quantity only
with its neighbours in value order (sub-quadratic). Each figure becomes an interval from its
qualifier (circa ±10 %, oltre → open above, fino a → open below, a range → its bounds); a
claim is a **conflict** when two of its figures' intervals do not overlap ("circa 10.000" and
"12mila"), and its **spread** is the lowest and highest figure given.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from rassegna.lang import en, it
from rassegna.model import Document
from rassegna.reuse import stem
from rassegna.vectors import cosine, normalised

MAGNITUDE_RATIO = 1.5
APPROX_TOLERANCE = 0.10  # "circa 10.000" covers 9.000–11.000
# An exact figure still stands for what rounds to it: "$129" for $129.99, "0.2%" for 0.21%.
# 1 % of the value (prices, rounded totals), or half a unit of its last decimal when wider.
ROUNDING = 0.01
SAME_HEAD_CONTEXT = 0.08  # context similarity enough when the head nouns agree
CONTEXT_ALONE = 0.25  # context similarity enough on its own
CONTEXT_WORDS = 8  # words either side of the number, inside its sentence
MIN_DOCUMENTS = 2  # a claim is made across documents
NEIGHBOURS = 64  # value-order neighbours compared with each figure
# Figures disagree only between documents that name mostly the same things: the share of the
# smaller one's entity mentions the other also names. Read off a mixed corpus (the 181
# article-extraction pages): outlets on one event shared 0.32-0.81, the seeds 0.42-0.67,
# two car launches or two football tournaments in one topic 0.00-0.16.
SHARED_SUBJECT = 0.3
MAX_SOURCES_COMPARED = 500  # beyond this many sources in one claim, compare the extremes only
DOCUMENTS_PER_SOURCE = 20  # documents of one source read when comparing subjects
MAX_DOCUMENT_PAIRS = 20_000  # past this many pairs of documents read, compare the extremes only

_WORD = re.compile(r"\w+")


def find_claims(dossier) -> list[dict]:
    """Claims of every story, each with its figures, values, spread and conflict flag."""
    docs = {d.id: d for d in dossier.documents}
    independent = _source_roots(dossier)
    named = _named_things(dossier)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for q in dossier.quantities:
        doc = docs.get(q["doc"])
        if doc is None or doc.story is None or (q["concept"] is None and q["unit"] is None):
            continue
        if q["unit"] in ("fraction", "year_of_age") or _representative(q) <= 0:
            continue
        if _classifies(doc.text, q):
            continue
        by_story[doc.story].append(q)
    claims: list[dict] = []
    for story in sorted(by_story, key=_story_order):
        quantities = by_story[story]
        sentences = {q["id"]: docs[q["doc"]].sentence_at(q["start"]) for q in quantities}
        contexts = [_context(docs[q["doc"]], q, sentences[q["id"]]) for q in quantities]
        heads = [_head(q, docs[q["doc"]].language) for q in quantities]
        for group in _groups(quantities, contexts, heads):
            members = [quantities[i] for i in group]
            if len({q["doc"] for q in members}) < MIN_DOCUMENTS:
                continue
            families: Counter = Counter()
            for i in group:
                families.update({t: w for t, w in contexts[i].items() if t.startswith("family:")})
            dominant = max(families, key=lambda f: (families[f], f)) if families else None
            label_from = [quantities[i] for i in group if heads[i] == dominant] or members
            claims.append(_claim(story, members, independent, label_from, named,
                                 _side_by_side(members, sentences)))
    for number, claim in enumerate(claims, start=1):
        claim["id"] = f"c{number}"
    return claims


def _story_order(story_id: str) -> tuple[int, str]:
    digits = story_id.lstrip("s")
    return (int(digits) if digits.isdigit() else 0, story_id)


# ---------------------------------------------------------------------------------------------
# Linking


def _representative(q: dict) -> float:
    if q["qualifier"] == "range" and q["low"] is not None and q["high"] is not None:
        return math.sqrt(max(q["low"], 1e-9) * max(q["high"], 1e-9))
    return float(q["value"] or 0)


def _groups(quantities: list[dict], contexts: list[dict], heads: list[str | None]) -> list[list[int]]:
    parent = list(range(len(quantities)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Neighbours in value order, up to the size limit and at most NEIGHBOURS of them: never all
    # pairs. Once within a head noun (where most links are), once across heads.
    blocks: dict[object, list[int]] = defaultdict(list)
    for i, q in enumerate(quantities):
        blocks[(q["unit"], heads[i])].append(i)
        blocks[("any", q["unit"])].append(i)
    for members in blocks.values():
        order = sorted(members, key=lambda i: (_representative(quantities[i]), quantities[i]["id"]))
        values = [_representative(quantities[i]) for i in order]
        for x, i in enumerate(order):
            for y in range(x + 1, min(len(order), x + 1 + NEIGHBOURS)):
                if values[y] > values[x] * MAGNITUDE_RATIO:
                    break
                j = order[y]
                # a claim is made across documents: figures of one document are not linked to
                # each other (a price list, a match report's statistics), only through other
                # documents, so one document's many numbers do not chain into one claim
                if quantities[i]["doc"] != quantities[j]["doc"] and root(i) != root(j) and _linked(
                        quantities[i], quantities[j], contexts[i], contexts[j], heads[i], heads[j]):
                    parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quantities)):
        groups[root(i)].append(i)
    return sorted(groups.values(), key=lambda g: min(quantities[i]["id"] for i in g))


def _linked(a: dict, b: dict, ca: dict, cb: dict, ha: str | None, hb: str | None) -> bool:
    if a["unit"] != b["unit"]:
        return False
    if ha and hb and ha != hb and not (ha in cb or hb in ca):
        # two counted things ("tre foto", "tre decessi"): however alike the sentences around
        # them (fact-checks open alike: "su Facebook sono state pubblicate …"), no one claim,
        # unless what one counts is in the other's sentence ("600.000 soldati russi … uccisi
        # o feriti" are casualties, as "650.000 vittime" are; "2 milioni di dosi di vaccino"
        # and "2,5 milioni di vaccini")
        return False
    similarity = cosine(ca, cb)
    if ha and ha == hb:
        return similarity >= SAME_HEAD_CONTEXT
    return similarity >= CONTEXT_ALONE


# the hyphen right after the number ("16-inch", "2.0-liter"), not inside a unit ("406 lb-ft"),
# either inside the figure as written or right after it ("four" + "-door")
_COMPOUND_WORD = re.compile(r"(?:\d|^[^\W\d_]+)[-‑]([^\W\d_]+)$")
_HYPHENATED_WORD = re.compile(r"[-‑]([^\W\d_]+)")


def _classifies(text: str, q: dict) -> bool:
    """The figure is hyphenated to a word and so modifies the noun after it ("16-inch
    MacBook", "four-door coupe", "180-day cruise"): it says what kind of thing that is, and
    other values are other things, not other accounts (`en.COUNTING_COMPOUNDS` excepted)."""
    compound = _COMPOUND_WORD.search(q["text"])
    if compound is None and (q["text"][-1:].isdigit() or q["text"].isalpha()):
        compound = _HYPHENATED_WORD.match(text, q["end"])
    return compound is not None and compound.group(1).lower() not in en.COUNTING_COMPOUNDS


def _head(q: dict, lang: str | None) -> str | None:
    """What is counted, as a word family when it has one ("soldati" → troops), else the stem
    of the counted noun: Italian puts it first ("soldati nordcoreani", "proiettili di
    artiglieria"), English last before "of" ("North Korean troops")."""
    concept = q["concept"]
    if not concept:
        return None
    words = _WORD.findall(concept.lower())
    if not words:
        return None
    if (lang or "")[:2] == "en":
        words = _WORD.findall(concept.lower().split(" of ")[0]) or words
        head = words[-1]
    else:
        head = words[0]
    if head in it.PEOPLE_AT_LARGE or head in en.PEOPLE_AT_LARGE:
        return None  # "30,000 people" and "40,000 residents" may count the same crowd
    return _family(head) or _word_stem(head)


def _word_stem(word: str) -> str | None:
    """Stop words out; a final vowel off so that "russi"/"russe", "morti"/"morte" meet."""
    word = word.lower()
    if stem(word) is None or word.isdigit():
        return None
    if len(word) >= 5 and word[-1] in "aeiouy":
        word = word[:-1]
    return word[:6]


def _family(word: str) -> str | None:
    word = word.lower()
    for families in (it.COUNTED_FAMILIES, en.COUNTED_FAMILIES):
        for family, prefixes in families.items():
            if word.startswith(prefixes):
                return f"family:{family}"
    return None


def _context(doc: Document, q: dict, sentence) -> dict[str, float]:
    """Stems of the concept (counted twice) and of the words around the number in its
    sentence (the `Span` that holds it, if any); a word of a counted family also counts as its
    family."""
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(doc.text))
    before = _WORD.findall(doc.text[lo:q["start"]])[-CONTEXT_WORDS:]
    after = _WORD.findall(doc.text[q["end"]:hi])[:CONTEXT_WORDS]
    bag: Counter = Counter()
    concept_words = _WORD.findall(q["concept"] or "")
    for words, weight in ((before + after, 1), (concept_words, 2)):
        for word in words:
            for token in (_word_stem(word), _family(word)):
                if token:
                    bag[token] += weight
    return normalised(bag)


# ---------------------------------------------------------------------------------------------
# What a claim says


def interval(q: dict) -> tuple[float, float]:
    """The values a figure allows, from its qualifier."""
    v = float(q["value"] or 0)
    kind = q["qualifier"]
    if kind == "range" and q["low"] is not None and q["high"] is not None:
        # a range may be written high to low ("47.1 percent to 41.7 percent")
        return tuple(sorted((float(q["low"]), float(q["high"]))))
    if kind == "approx":
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if kind in ("more_than", "at_least"):
        return v, math.inf
    if kind in ("less_than", "up_to"):
        return 0.0, v
    margin = max(abs(v) * ROUNDING, _half_last_decimal(v))
    return v - margin, v + margin


def _half_last_decimal(v: float) -> float:
    digits = repr(float(v)).partition(".")[2]
    if "e" in digits or digits in ("", "0"):
        return 0.0
    return 0.5 * 10 ** -len(digits)


def is_vague(q: dict) -> bool:
    """"milioni di proiettili", "decine di missili": an order of magnitude, not a figure; it
    joins the claim but neither sets its values nor makes a conflict."""
    return q["qualifier"] == "range" and not any(c.isdigit() for c in q["text"]) and \
        q["low"] is not None and q["high"] == q["low"] * 10


def _side_by_side(members: list[dict], sentences: dict) -> set[str]:
    """Ids of the figures that share a sentence with another figure of the claim whose values
    they exclude ("Clinton beats Trump by 46 percent to 42 percent", "306 voti contro i 232",
    "da 315 a 200"): side by side, two values count two things (candidates, before and after),
    so neither says what another source's figure should have been. `sentences`: each figure's
    sentence by id."""
    found: set[str] = set()
    by_sentence: dict[tuple[str, object], list[tuple[dict, tuple[float, float]]]] = defaultdict(list)
    for q in members:
        by_sentence[(q["doc"], sentences[q["id"]])].append((q, interval(q)))
    for figures in by_sentence.values():
        for a, (la, ha) in figures:
            if any(la > hb or lb > ha for b, (lb, hb) in figures if b is not a):
                found.add(a["id"])
    return found


def _claim(story: str, members: list[dict], independent: dict[str, str], label_from: list[dict],
           named: dict[str, Counter], side_by_side: set[str]) -> dict:
    """The claim record; its label is the commonest concept among the figures that count
    what the claim's contexts mostly speak of ("morti e feriti", not "soldati russi"). A source
    whose figures are all given side by side (`_side_by_side`) makes no conflict."""
    members = sorted(members, key=lambda q: (q["doc"], q["start"]))
    precise = [q for q in members if not is_vague(q)]
    # a source that gives figures only side by side takes no part; one that also gives a
    # figure alone covers all of its figures, as any source does
    alone = {_source_of(q) for q in precise if q["id"] not in side_by_side}
    conflict = _sources_disagree([(_source_of(q), interval(q), q["doc"]) for q in precise
                                  if _source_of(q) in alone], named)
    stated = precise or members
    points = sorted({float(v) for q in stated
                     for v in (q["value"], q["high"] if q["qualifier"] == "range" else None) if v is not None})
    same = len(points) == 1
    concepts = Counter(q["concept"] for q in label_from if q["concept"])
    label = max(concepts, key=lambda c: (concepts[c], len(c.split()), c)) if concepts else members[0]["unit"]
    docs = sorted({q["doc"] for q in members})
    return {
        "id": "", "story": story, "label": label,
        "quantities": [q["id"] for q in members], "docs": docs,
        "values": [_plain(v) for v in points], "conflict": conflict,
        "agreement": "conflict" if conflict else ("same" if same else "compatible"),
        "spread": {"low": _plain(points[0]), "high": _plain(points[-1])},
        "unit": members[0]["unit"],
        # repetition by one outlet, or by a rewrite of it, is not corroboration
        "independent_sources": len({independent.get(d, d) for d in docs}),
        "figures": [{"quantity": q["id"], "doc": q["doc"], "text": q["text"], "value": q["value"],
                     "low": q["low"], "high": q["high"], "qualifier": q["qualifier"],
                     "speaker": q.get("speaker"), "speaker_name": q.get("speaker_name")}
                    for q in members],
    }


def _source_of(q: dict) -> str:
    """Who gives a figure: its speaker when it is attributed, else its document. A rewrite
    that changes its original's figure disagrees with it, so documents are not merged into
    their independent sources here."""
    if q.get("speaker"):
        return "entity:" + q["speaker"]
    if q.get("speaker_name"):  # an unnamed source ("officials") is one only within its document
        return f"speaker:{q['doc']}:{q['speaker_name'].lower()}"
    return "doc:" + q["doc"]


def _sources_disagree(figures: list[tuple[str, tuple[float, float], str]],
                      named: dict[str, Counter] | None = None) -> bool:
    """Two sources say incompatible things about the same subject: what one allows lies
    wholly past what the other allows, and they say it in documents that name mostly the same
    people, organisations and places (`same_subject`). A source that gives several values
    ("$2,400" for one model and "$3,299" for another; a toll of 120 in the morning and 150 by
    the evening) allows all of them, so it disagrees with no one who gives one of those values."""
    named = named or {}
    lowest: dict[str, float] = {}
    highest: dict[str, float] = {}
    docs: dict[str, set[str]] = defaultdict(set)
    for source, (start, end), doc in figures:
        lowest[source] = min(start, lowest.get(source, math.inf))
        highest[source] = max(end, highest.get(source, -math.inf))
        docs[source].add(doc)
    if len(lowest) <= MAX_SOURCES_COMPARED:
        found = _disagree_about_one_subject(lowest, highest, docs, named)
        if found is not None:
            return found
    # too many to compare pairwise: the two extreme sources on each side, subjects unread;
    # some two sources are disjoint exactly when one of these pairs is
    above = sorted(lowest.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    below = sorted(highest.items(), key=lambda kv: (kv[1], kv[0]))[:2]
    return any(a != b and start > end for a, start in above for b, end in below)


def _disagree_about_one_subject(lowest: dict[str, float], highest: dict[str, float],
                                docs: dict[str, set[str]], named: dict[str, Counter]) -> bool | None:
    """Whether two sources with disjoint values wrote in documents on the same subject; None
    when that took more than MAX_DOCUMENT_PAIRS comparisons. A speaker quoted in hundreds of
    documents is read through DOCUMENTS_PER_SOURCE of them, each pair of documents once."""
    below = sorted(highest, key=lambda s: (highest[s], s))
    sample = {source: sorted(found)[:DOCUMENTS_PER_SOURCE] for source, found in docs.items()}
    compared: dict[tuple[str, str], bool] = {}
    for source in sorted(lowest, key=lambda s: (-lowest[s], s)):
        for other in below:
            if highest[other] >= lowest[source]:
                break  # the rest of `below` reaches this source's values
            if other == source:
                continue
            for a in sample[source]:
                for b in sample[other]:
                    key = (a, b) if a <= b else (b, a)
                    if key not in compared:
                        compared[key] = same_subject(a, b, named)
                    if compared[key]:
                        return True
            if len(compared) > MAX_DOCUMENT_PAIRS:
                return None
    return False


def _named_things(dossier) -> dict[str, Counter]:
    """Per document, how often it names each canonical entity."""
    named: dict[str, Counter] = defaultdict(Counter)
    for entity in getattr(dossier, "entities", None) or []:
        for mention in entity["mentions"]:
            named[mention["doc"]][entity["id"]] += 1
    return named


def _shared_mentions(a: str, b: str, named: dict[str, Counter]) -> tuple[int, int] | None:
    """(mentions shared, mentions of the document with fewer), each entity counted up to the
    lesser number of mentions; None when one of the two names nothing."""
    na, nb = named.get(a), named.get(b)
    if not na or not nb:
        return None
    return sum(min(n, nb[e]) for e, n in na.items() if e in nb), min(sum(na.values()), sum(nb.values()))


def subject_share(a: str, b: str, named: dict[str, Counter]) -> float | None:
    """The share of the smaller document's entity mentions that the other also names."""
    found = _shared_mentions(a, b, named)
    return None if found is None else found[0] / found[1]


def same_subject(a: str, b: str, named: dict[str, Counter]) -> bool:
    """Two documents speak of the same things when the mentions of the one with fewer share
    SHARED_SUBJECT or more with the other's; with no names in one of them there is nothing to
    tell them apart."""
    if a == b:
        return True
    found = _shared_mentions(a, b, named)
    return found is None or found[0] >= SHARED_SUBJECT * found[1]


def _plain(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _source_roots(dossier) -> dict[str, str]:
    """Each document's representative once duplicates and rewrites are joined."""
    from rassegna.corpus import DEPENDENT_REUSE, source_roots  # corpus imports this module

    dependent = [(r["a"], r["b"]) for r in dossier.reuse if r["kind"] in DEPENDENT_REUSE]
    return source_roots([d.id for d in dossier.documents], dependent)
