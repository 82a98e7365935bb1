"""Named-entity recognition with the small spaCy pipelines shipped inside the package.

The pipelines live in ``rassegna/models/ner_{lang}`` and were trained offline from the
data described in ``docs/ner.md`` (non-commercial licences). Nothing is downloaded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rassegna.lang import name_initials

LABELS = ("PER", "ORG", "LOC", "MISC")


class ModelNotFoundError(FileNotFoundError):
    """The NER pipeline for a language is not shipped in this install."""


def model_path(lang: str) -> Path:
    """Filesystem path of the shipped pipeline for ``lang`` (may not exist)."""
    return Path(str(resources.files("rassegna") / "models" / f"ner_{lang}"))


@lru_cache(maxsize=None)
def load_ner(lang: str):
    """Load (once per process) the shipped spaCy NER pipeline for ``lang``."""
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        shipped = sorted(
            p.name[4:] for p in path.parent.glob("ner_*") if (p / "config.cfg").is_file()
        ) if path.parent.is_dir() else []
        raise ModelNotFoundError(
            f"No NER model for language {lang!r}: the spaCy pipeline "
            f"'rassegna/models/ner_{lang}' is missing (looked in {path}; shipped: "
            f"{', '.join(shipped) or 'none'}). Models are built with "
            f"`bash training/ner/train.sh LANG` (see docs/ner.md)."
        )
    import spacy

    # Only the tokenizer, tok2vec and ner are needed; nothing else is in the pipeline.
    return spacy.load(path)


def find_entities(
    texts: list[str], lang: str, batch_size: int = 64
) -> list[list[tuple[int, int, str]]]:
    """Character-offset entities ``(start, end, label)`` for each text, in order.

    ``text[start:end]`` is the mention; labels are PER, ORG, LOC (and MISC for models
    trained with it).
    """
    nlp = load_ner(lang)
    out: list[list[tuple[int, int, str]]] = []
    # spaCy makes a token of a no-break or thin space ("Corea\xa0del Nord" is four tokens and
    # two names); one space for one keeps every offset
    texts = (t.translate(_ONE_SPACE) for t in texts)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        out.append([(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), label)
                    for a, b, label in doc_entities(doc, lang)])
    return out


_ONE_SPACE = {ord(c): " " for c in "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"}


def doc_entities(doc, lang: str, crf: bool = True) -> list[tuple[int, int, str]]:
    """Token ranges and labels of a processed spaCy Doc's names: the pipeline's entities,
    re-decided by the shipped mention classifier (`ner_types`) when there is one, in a vote
    with the CRF taggers' names (`ner_crf`) when they are shipped too (and `crf` is True);
    a person's name made only of words the silver data reads as places is then a place."""
    from rassegna.ner_crf import crf_taggers
    from rassegna.ner_types import type_model

    spans = [(e.start, e.end, e.label_) for e in doc.ents]
    model = type_model(lang)
    if model is None:
        return spans
    words = [t.text for t in doc]
    taggers = crf_taggers(lang) if crf else ()
    if not taggers:
        return model.places_by_their_words(words, model.retype(words, spans))
    first = taggers[0]
    voted = model.vote(words, [(spans, first.pipeline_weight)]
                       + [(tagger.spans(words), tagger.crf_weight) for tagger in taggers],
                       first.name_margin, soft=[(tagger, tagger.probability_weight) for tagger in taggers])
    return model.places_by_their_words(words, voted)


# Characters a mention never starts or ends with: the model sometimes takes in a quote mark,
# a bracket or the comma of an apposition.
_EDGE = " \t\n\xa0\"'“”«»‘’„()[]{},;:!?–—-"
_NAME_WORD = re.compile(r"[ \xa0]([A-ZÀ-Ý][\w’'-]*)")
# Head nouns of institution and state names that need their proper-name complement: a span the
# model ended on one of them ("Ministero della Difesa Nazionale della Repubblica" | "di Corea")
# takes in the "di/of + Name" that follows.
_NEEDS_COMPLEMENT = frozenset("""repubblica regno stato stati federazione università ministero
    ministry republic kingdom state states federation university bank banca comune provincia
    regione province region county contea""".split())
_COMPLEMENT = re.compile(r"[ \xa0]+(?:di|del|della|dello|dei|degli|delle|d['’]|of(?: the)?)[ \xa0]*"
                         r"[A-ZÀ-Ý][\w’'-]*(?:[ \xa0]+[A-ZÀ-Ý][\w’'-]*)*")
# "Corea" + " del sud": a place name whose last word the model left out because it is
# written in lower case; taken in only when the whole is a place the gazetteer knows
_LOWERCASE_PLACE_TAIL = re.compile(r"[ \xa0]+(?:di|del|della|dello|de|do|da)[ \xa0]+[^\W\d_]+")
# Capitalised words that stand before a name without being part of it: titles and roles
# ("Presidente", "Papa", "Dott"), institutions and common nouns written with a capital
# ("Governo Meloni", "Premio Nobel"). Never taken into a person's name.
# TITLE_WORDS are the titles and roles among them (a capitalised one right before a name says
# the name is a person's: "Professor Alba").
TITLE_WORDS = frozenset("""
    presidente presidentessa vicepresidente premier ministro ministra viceministro segretario
    segretaria sottosegretario generale generalessa colonnello capitano ammiraglio maresciallo
    comandante tenente sergente caporale papa pontefice cardinale monsignor mons vescovo
    arcivescovo patriarca don padre frate fra suor madre santo santa san sant re regina principe
    principessa duca duchessa conte contessa barone marchese imperatore zar sultano emiro
    sceicco ayatollah imam rabbino sindaco sindaca governatore governatrice assessore consigliere
    senatore senatrice deputato deputata onorevole on sen cancelliere ambasciatore console
    commissario procuratore giudice magistrato avvocato avv dottor dottore dottoressa dott
    professor professore professoressa prof ingegnere ing architetto arch maestro mister ct
    signor signore signora signorina sig sigra direttore direttrice amministratore ad ceo
    presidenti ministri leader capo portavoce
    mr mrs ms miss dr sir lady lord president vice prime minister secretary general senator
    governor mayor judge chancellor king queen prince princess saint st pope father sister
""".split())
NOT_NAME_WORDS = TITLE_WORDS | frozenset("""
    governo stato paese repubblica regno camera senato parlamento consiglio chiesa esercito
    partito regione provincia comune premio nobel oscar coppa legge decreto caso operazione
    squadra gruppo fondazione università ospedale piazza via viale corso stadio aeroporto
    teatro museo nord sud est ovest
    lui lei loro egli ella essi esse noi voi io tu dio
""".split())
# A number after a hyphen ("Sars-CoV-2", "Covid-19", "F-35") or digits between letters
# ("H5N1") make a code name: a virus, a disease, a model, never a person, whatever the model
# (trained mostly on pre-2020 text) says. A user name's trailing digits ("Mario88") do not count.
_CODE_NAME = re.compile(r"\w[-‐‑]\d+[A-Za-z]?\b|[A-Za-z]\d+[A-Za-z]")
# Articles, prepositions, conjunctions, possessives and demonstratives (Italian and English).
FUNCTION_WORDS = frozenset("""
    il lo la i gli le l un uno una di d a ad da in con su per tra fra del dello della dei degli
    delle dell al allo alla ai agli alle all dal dallo dalla dai dagli dalle dall nel nello
    nella nei negli nelle nell sul sullo sulla sui sugli sulle sull col coi e ed o od ma né che
    se come anche dove quando mentre mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro
    nostra nostri nostre vostro vostra vostri vostre questo questa questi queste quello quella
    quelli quelle quel
    my your his her its our their this that these those
    the a an of and or for in on at by to from with as
""".split())


def find_entity_mentions(doc, options=None) -> list:
    """Per-document analysis: the PER / ORG / LOC / MISC mentions of `doc.text`.

    Sentences go through the shipped pipeline in one batched `nlp.pipe` call (the model was
    trained on sentences) and its mention classifier (`doc_entities`: re-typed, non-names
    dropped, missed capitalised names added). Each mention is then tidied: edge punctuation trimmed, widened to
    whole words ("Yoon Suk" + "-yeol"), a person's name carried over the capitalised words
    that follow it ("Kim Jong" + "Un", which the tokenizer reads as the article "un") and over
    one capitalised word before a one-word name ("ucraino Volodymyr" + "Zelensky"; only after
    a lower-case content word, never a title such as "Presidente"); a "person" that is a code
    name ("Sars-CoV-2", "H5N1") is MISC. All-lowercase mentions are
    dropped: KIND tags common nouns such as "governo" or "polizia" as ORG, which a reader does
    not list as entities. Finally labels are made consistent within the document: a name the
    model tagged somewhere is tagged wherever else it is written as a whole capitalised word
    outside other mentions, with the label the model gave it most often (see `_propagate`).
    Languages with no shipped model get no entities.
    """
    from rassegna.model import EntityMention, Span

    lang = (doc.language or "")[:2]
    if not (model_path(lang) / "config.cfg").is_file():
        return []
    text = doc.text
    sentences = doc.sentences or [Span(0, len(text), text)]
    found = find_entities([s.text for s in sentences], lang)
    spans: list[tuple[int, int, str, Span]] = []
    for sentence, ents in zip(sentences, found):
        spans.extend((sentence.start + a, sentence.start + b, label, sentence)
                     for a, b, label in ents)
    starts = {a for a, _, _, _ in spans}
    ends = {b for _, b, _, _ in spans}
    kept: list[tuple[int, int, str]] = []
    for start, end, label, sentence in spans:
        start, end = _tidy(text, start, end, label, sentence.end, starts)
        surface = text[start:end]
        if not any(c.isupper() for c in surface) or not any(c.isalpha() for c in surface):
            continue
        if kept and start < kept[-1][1]:
            continue  # widened into the previous mention's words
        if label == "PER" and _CODE_NAME.search(surface):
            label = "MISC"
        if label == "PER":
            start = _extend_left(text, start, end, sentence.start, kept[-1][1] if kept else 0, ends)
        kept.extend(_country_pair(text, start, end, label))
    kept = _propagate(text, kept, sentences)
    kept = _add_country_pairs(text, kept)
    kept = _add_acronyms(text, kept)
    return [EntityMention(a, b, label, text[a:b]) for a, b, label in kept]


def _country_pair(text: str, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """"Russia-Corea del Nord", "US-China": two countries joined by a hyphen are two places
    (pycountry and Babel say which names are countries), else the span as it is."""
    m = re.fullmatch(r"(.+?)[-‐–](.+)", text[start:end])
    if label not in ("LOC", "ORG") or not m:
        return [(start, end, label)]
    from rassegna.entities import country_of  # entities reads mentions; imported late

    if country_of(m.group(1)) and country_of(m.group(2)):
        return [(start, start + m.end(1), "LOC"), (start + m.start(2), end, "LOC")]
    return [(start, end, label)]


# two capitalised words joined by a hyphen ("Usa-Cina", "U.S.-China", "Russia-Corea"); the
# names around the hyphen may run on over more words ("Corea del Nord")
_HYPHENATED = re.compile(r"(?<![\w-])([A-ZÀ-Ý][\w.]*)[-‐–]([A-ZÀ-Ý][\w.]*)(?![\w-])")
_PAIR_NAME_WORDS = 3  # "Corea del Nord", "Stati Uniti d'America" is no compound's side
_SENTENCE_END = re.compile(r"\n|[.!?;:]\s")  # "Piove al Sud. Corea-Giappone": no "Sud. Corea"


def _add_country_pairs(text: str, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Both countries of a hyphenated pair the taggers missed ("la cooperazione Russia-Corea
    del Nord", "i colloqui Usa-Cina", "U.S.-China talks"): the Italian tokenizer keeps such a
    compound one token, which the model seldom tags. Only where both sides are countries
    (`_country_pair` splits the pairs the taggers did tag), and only outside every mention."""
    pairs = []
    for m in _HYPHENATED.finditer(text):
        left = _longest_country(text, m.start(1), m.end(1), backwards=True)
        right = left and _longest_country(text, m.start(2), m.end(2), backwards=False)
        if right:
            pairs.append((left, right))
    if not pairs:
        return kept  # most documents: no per-character map of the mentions
    occupied = _occupied(text, kept)
    # a side may already be a mention, the taggers' or one added with the pair before it
    # ("Usa-Corea del Sud-Giappone"); then only the other side is added
    spans = {(a, b) for a, b, _ in kept}
    added: list[tuple[int, int, str]] = []
    for left, right in pairs:
        if _three_letters(text[left[0]:left[1]]) and _three_letters(text[right[0]:right[1]]):
            continue  # "the Per-Can deal", "Sen-Nor": codes that need a name beside them
        new = [side for side in (left, right) if side not in spans]
        if any(any(occupied[a:b]) for a, b in new):
            continue  # inside or across another mention
        for a, b in new:
            added.append((a, b, "LOC"))
            spans.add((a, b))
            occupied[a:b] = [True] * (b - a)
    return sorted(kept + added) if added else kept


def _three_letters(name: str) -> bool:
    return len(name) == 3 and name.isalpha()


def _longest_country(text: str, start: int, end: int, backwards: bool) -> tuple[int, int] | None:
    """The longest run of up to `_PAIR_NAME_WORDS` words that is a country's name, from the
    word at (start, end) onwards (or backwards, ending with it)."""
    from rassegna.entities import country_of  # entities reads mentions; imported late

    if backwards:
        before = list(re.finditer(r"[\w.'’]+", text[max(0, start - 60):start]))
        starts = [start] + [max(0, start - 60) + m.start() for m in reversed(before)]
        spans = [(a, end) for a in starts[:_PAIR_NAME_WORDS]]
    else:
        after = list(re.finditer(r"[\w.'’]+", text[end:end + 60]))
        ends = [end] + [end + m.end() for m in after]
        spans = [(start, b) for b in ends[:_PAIR_NAME_WORDS]]
    for a, b in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
        last = text[a:b].split()[-1]
        if last.endswith(".") and "." not in last[:-1]:
            b -= 1  # a full stop, not an abbreviation's ("U.S.")
        if not _SENTENCE_END.search(text[a:b]) and country_of(text[a:b]):
            return a, b
    return None


def _tidy(text: str, start: int, end: int, label: str, limit: int, starts: set[int]) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "." and not _abbreviation_dot(text, start, end)):
        end -= 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < limit and (text[end].isalnum() or text[end] in "-‐" and end + 1 < limit and text[end + 1].isalpha()):
        end += 1
    if label in ("ORG", "LOC"):
        last = re.findall(r"[\w’']+", text[start:end])
        if last and last[-1].lower() in _NEEDS_COMPLEMENT:
            m = _COMPLEMENT.match(text, end, limit)
            if m:
                end = m.end()
        m = _LOWERCASE_PLACE_TAIL.match(text, end, limit)
        if m:
            from rassegna.ner_types import is_place_name   # the gazetteer; loaded once

            if is_place_name(text[start:m.end()]):
                end = m.end()
    if label == "PER":
        # a hyphenated first name the model cut ("Ming-" + "Chi Kuo", "Jean-" + "Claude Juncker");
        # only for people: "US-" + "China" is two places
        while start > 1 and text[start - 1] in "-‐" and text[start - 2].isalnum():
            k = start - 1
            while k > 0 and text[k - 1].isalnum():
                k -= 1
            if not text[k].isupper():
                break
            start = k
        # no name starts with a number ("1 Yellow", "2 Tbsp" in a recipe list)
        number = re.match(r"(?:\d[\d.,:/]*\s+)+", text[start:end])
        if number:
            start += number.end()
        while True:
            m = _NAME_WORD.match(text, end, limit)
            if not m or m.start(1) in starts or text[end - 1] == ".":
                break
            end = m.end(1)
    return start, end


def _abbreviation_dot(text: str, start: int, end: int) -> bool:
    """"U.S." or "Jr.": the final dot belongs to the name."""
    word = text[start:end].split()[-1]
    return word.count(".") > 1 or len(word) <= 3


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The word separated from `start` by one space: (its start, the word), or None."""
    if start < 2 or text[start - 1] not in " \xa0":
        return None
    k = start - 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "’'-"):
        k -= 1
    return (k, text[k:start - 1]) if k < start - 1 else None


def _sentence_initial(text: str, sentence_start: int, k: int) -> bool:
    return all(c in _EDGE for c in text[sentence_start:k])


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name: not an acronym, a title or a role."""
    return (len(word) > 1 and word[0].isupper() and word[0].isalpha() and not word.isupper()
            and word.lower() not in NOT_NAME_WORDS)


def _extend_left(text: str, start: int, end: int, sentence_start: int, floor: int,
                 ends: set[int]) -> int:
    """A one-word person's name takes in the capitalised word just before it ("ucraino
    Volodymyr" + "Zelensky"), unless that word opens the sentence, is a title or role, an
    acronym, or belongs to another mention."""
    if any(c in " \xa0" for c in text[start:end]):
        return start
    before = _word_before(text, start)
    if before is None:
        return start
    k, word = before
    if k < max(floor, sentence_start) or start - 1 in ends or not _is_name_word(word):
        return start
    # The word before it must be a lower-case content word ("ucraino", "leader", "detto"), which
    # also rules out a sentence's first word: after a preposition or article the capitalised
    # word is more often a name of its own ("il ministro del Lavoro Poletti", "a Lui Riccardo").
    context = _word_before(text, k)
    if context is None or context[0] < sentence_start or not context[1].isalpha() \
            or not context[1].islower() or context[1] in FUNCTION_WORDS:
        return start
    return k


# Words that link the parts of a name: "Corea del Nord", "Università di Roma", "van Gogh".
_LINK = (r"(?:(?:di|del|della|dello|dei|degli|delle|de|da|dal|von|van|der|den|du|des|of)"
         r"[ \xa0]+|dell['’]|d['’])")
_LINK_AFTER = re.compile(rf"[ \xa0]+{_LINK}?[A-ZÀ-Ý]")
_LINK_BEFORE = re.compile(rf"[A-ZÀ-Ý][\w’'-]*[ \xa0]+{_LINK}?$")


def _inside_longer_name(text: str, a: int, b: int, sentence_starts: list[int]) -> bool:
    """Whether text[a:b] continues a capitalised run: "Washington" in "Washington Post",
    "Corea" in "Corea del Sud", "Roma" in "Università di Roma". A capitalised word before it
    that only opens its sentence ("Secondo Rutte") does not count."""
    if _LINK_AFTER.match(text, b):
        return True
    m = _LINK_BEFORE.search(text, max(0, a - 40), a)
    if not m:
        return False
    sentence_start = sentence_starts[max(0, bisect_right(sentence_starts, a) - 1)]
    linked = text[m.start():a].split()
    return len(linked) > 1 or not _sentence_initial(text, sentence_start, m.start())


def _propagate(text: str, kept: list[tuple[int, int, str]],
               sentences) -> list[tuple[int, int, str]]:
    """Label consistency within a document. The model reads one sentence at a time and may miss
    in one sentence a name that it tagged in another ("Secondo Rutte" after "Rutte ha detto").
    Every other occurrence of a tagged surface form is tagged too, with the label the model
    gave that form most often, when it is a whole word (or words), capitalised, outside every
    mention, and not part of a longer capitalised run ("Washington" is not taken out of
    "Washington Post", "Corea" not out of "Corea del Sud"). Each full name the model tagged
    as PER also counts as one PER reading of its last word ("Mark Rutte" makes "Rutte" a form
    to spread, and outvotes a slip that read "Rutte" as LOC). A form also written in lower case
    in the document ("Stato" / "stato") is a common word and is not spread. The model's own
    labels are never changed."""
    if not kept:
        return kept
    labels: dict[str, Counter] = defaultdict(Counter)
    for a, b, label in kept:
        labels[" ".join(text[a:b].split())][label] += 1
    # the family name of a person named in full ("Rutte" after "Mark Rutte") votes PER
    full_names: Counter = Counter()
    for a, b, label in kept:
        words = text[a:b].split()
        if label == "PER" and len(words) > 1 and len(words[-1]) > 2:
            full_names[words[-1]] += 1
    for surname, n in full_names.items():
        labels[surname]["PER"] += n
    occupied = _occupied(text, kept)
    sentence_starts = sorted(s.start for s in sentences)
    spread = {}
    for surface, counts in labels.items():
        if len(surface) < 2 or not surface[0].isupper():
            continue
        common = surface[0].lower() + surface[1:]
        if common in text and re.search(rf"(?<!\w){re.escape(common)}(?!\w)", text):
            continue
        spread[surface] = _majority(counts)
    if not spread:
        return kept
    # one pass over the text; at each position the longest form wins
    forms = sorted(spread, key=lambda s: (-len(s), s))
    alternatives = "|".join(r"[ \xa0]+".join(re.escape(w) for w in f.split()) for f in forms)
    added: list[tuple[int, int, str]] = []
    for m in re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)", text):
        a, b = m.span()
        if any(occupied[a:b]) or _inside_longer_name(text, a, b, sentence_starts):
            continue
        added.append((a, b, spread[" ".join(m.group().split())]))
    return sorted(kept + added)


def _add_acronyms(text: str, kept: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Acronyms of names the document spells out. The taggers seldom take a lone word in
    capitals for a name ("gli analisti della DIA"), but when an organisation or place of three
    or more content words is named in the same document ("Defense Intelligence Agency"), its
    initials written in capitals as a whole word are that name: they take its label. The
    acronym must belong to one name only, and the model's own mentions are never changed."""
    owners: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for a, b, label in kept:
        name = " ".join(text[a:b].split())
        if label in ("ORG", "LOC") and len(name.split()) >= 3:
            initials = name_initials(name)
            if len(initials) >= 3:
                owners[initials][name][label] += 1
    acronyms = {k: _majority(next(iter(v.values()))) for k, v in owners.items() if len(v) == 1}
    if not acronyms:
        return kept
    occupied = _occupied(text, kept)
    added = []
    pattern = "|".join(re.escape(k) for k in sorted(acronyms, key=lambda k: (-len(k), k)))
    for m in re.finditer(rf"(?<![\w.-])(?:{pattern})(?![\w]|[.-]\w)", text):
        if not any(occupied[m.start():m.end()]):
            added.append((m.start(), m.end(), acronyms[m.group()]))
    return sorted(kept + added)


def _occupied(text: str, kept: list[tuple[int, int, str]]) -> list[bool]:
    """For each character of `text`, whether a kept mention covers it."""
    occupied = [False] * (len(text) + 1)
    for a, b, _ in kept:
        for i in range(a, b):
            occupied[i] = True
    return occupied


def _majority(counts: Counter) -> str:
    return min(counts, key=lambda t: (-counts[t], LABELS.index(t) if t in LABELS else 9))
