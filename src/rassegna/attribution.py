"""Who said what: direct quotations and reported speech, as `Attribution` spans.

Two passes over a document, then a merge in text order:

1. **Quotations.** `find_quotes` pairs quotation marks of every convention (“…”, «…», "…",
   ‘…’, „…“), across sentences and paragraphs. A quotation is speech when a cue is attached to
   it (`"…", ha detto X` / `X said: "…"` / `"…," he said, "…"` — the last one merged into one
   attribution whose `spans` are the pieces), or when it is a full sentence with no cue
   (a continuation: the last speaker keeps the floor). Short quoted words, titles and names
   (`is_scare_quote`) are not speech unless a cue in the same sentence attributes them and
   they read as a clause.
2. **Reported speech.** Per sentence, cue phrases from the language lexicon
   (`rassegna.lang.attribution_it` / `attribution_en`): verbs (`ha detto che …`, `…, said X`,
   `X, sostiene Y, …`), prepositional cues (`secondo X`, `according to X`) and inverted
   cues whose content is the previous sentence (`Lo ha detto X`).

Sources are noun phrases next to the cue; an empty or pronoun subject (`ha aggiunto.`) takes the
previous attribution's source span. `resolve_speaker` maps a source to a canonical name within
the document (full names, surnames, roles introduced earlier, pronouns).

For English, when `rassegna/models/attribution_en/tagger.npz` is shipped, a learned pipeline
trained on PolNeAR replaces the rules' output (the rules still run, as features): a BIO tagger
over paragraphs (`tag_document`), then a cue classifier and a cue-conditioned source/content
tagger (`tag_arguments`), in `rassegna.attribution_learned`; see docs/attribution.md. Without
the model files English falls back to the rules plus the logistic cue filter (`cue_filter.json`, `training/attribution/train_cue_filter.py`).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from rassegna.lang import attribution_en, attribution_it
from rassegna.lang import en as _en_words, it as _it_words, time_en as _en_time, time_it as _it_time
from rassegna.model import Attribution, Document, Quotation, Span
from rassegna.ner import TITLE_WORDS as PERSON_TITLES  # (not the lexicons' TITLE_WORDS, of quoted titles)

_LEXICONS: dict[str, ModuleType] = {"it": attribution_it, "en": attribution_en}
_MODEL_DIR = Path(__file__).parent / "models"

OPENERS = {"“": "”", "«": "»", "„": "“”", '"': '"', "‘": "’"}
_QUOTE_CHARS = re.compile(r"[“”«»„\"‘’]")
_TERMINAL = ".!?…"
_BOUNDARY_PUNCT = set(",;:()[]—–\"“”«»„‘’")
_MAX_QUOTE = 6000


# ---------------------------------------------------------------- tokens

@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


_TOKEN = {
    "it": re.compile(r"[^\W\d_]+['’](?=[^\W\d_])|\w+(?:[-.,]\w+)*|\S"),
    "en": re.compile(r"\w+(?=n['’]t\b)|n['’]t\b|['’]s\b|\w+(?:[-.]\w+)*\.?(?<=[A-Z]\.)|\w+(?:-\w+)*"
                     r"|\d+(?:[.,]\d+)*|\S"),
}


def tokenize(text: str, start: int = 0, end: int | None = None, lang: str = "it") -> list[Tok]:
    pattern = _TOKEN.get(lang, _TOKEN["en"])
    end = len(text) if end is None else end
    return [Tok(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


# ---------------------------------------------------------------- lexicon

@dataclass
class Lexicon:
    lang: str
    mod: ModuleType
    verb: re.Pattern
    prep: re.Pattern
    gerunds: frozenset[str]
    own: re.Pattern | None = None   # possessive cues: "a suo dire"
    seen: re.Pattern | None = None  # what is seen, not said, after a cue (`SEEN_NOT_SAID`)

    def has(self, name: str, word: str) -> bool:
        return word in _lowset(self.lang, name)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def _lowset(lang: str, name: str) -> frozenset[str]:
    return frozenset(getattr(_LEXICONS[lang], name, ()))


def _learned_cue_words(code: str) -> tuple[str, ...]:
    """Cue words mined from annotated data (`models/attribution_<lang>/cue_words.json`)."""
    path = _MODEL_DIR / f"attribution_{code}" / "cue_words.json"
    if not path.exists():
        return ()
    return tuple(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def lexicon(lang: str | None) -> Lexicon:
    code = (lang or "en").lower()[:2]
    code = code if code in _LEXICONS else "en"
    mod = _LEXICONS[code]
    aux, adv = _alt(mod.AUXILIARIES), _alt(mod.CUE_ADVERBS)
    learned = _learned_cue_words(code)
    finite = _alt(tuple(mod.FINITE_VERBS) + tuple(mod.GERUNDS) + learned)
    parts = [rf"(?:(?:{aux})\s+)?(?:(?:{adv})\s+){{0,2}}(?:{finite})"]
    if mod.PARTICIPLES:
        parts.append(rf"(?:{aux})\s+(?:(?:{adv})\s+){{0,2}}(?:{_alt(mod.PARTICIPLES)})")
    verb = re.compile(rf"(?<![\w'’])(?:{'|'.join(parts)})(?![\w'’])", re.IGNORECASE)
    # an elided article may end the cue ("stando a quanto riportato dall’articolo")
    prep = re.compile(rf"(?<![\w'’])(?:{'|'.join(mod.PREP_CUES)})(?:(?<=['’])|(?![\w]))", re.IGNORECASE)
    own_cues = getattr(mod, "OWN_CUES", ())
    own = re.compile(rf"(?<![\w'’])(?:{'|'.join(own_cues)})(?![\w])", re.IGNORECASE) if own_cues else None
    seen_words = getattr(mod, "SEEN_NOT_SAID", None)
    seen = re.compile(seen_words, re.IGNORECASE) if seen_words else None
    return Lexicon(code, mod, verb, prep, frozenset(mod.GERUNDS), own, seen)


# ---------------------------------------------------------------- quotations

@dataclass(frozen=True)
class Quote:
    open: int          # index of the opening mark
    close: int         # index of the closing mark (== inner_end), or the end when unclosed
    inner_start: int
    inner_end: int


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before.isspace() or before in "([{—–-:;,/“«„‘\"'" or i == 0


def _can_close(text: str, i: int, mark: str) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "’'":
        return not after.isalnum()
    if mark == '"':
        return not after.isalnum() or text[i - 1] in _TERMINAL + ",;:"
    return True


def find_quotes(text: str) -> list[Quote]:
    """Quotations in `text`, outermost only, in order. Unclosed ones end at their paragraph."""
    out: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        m = _QUOTE_CHARS.search(text, i)
        if not m:
            break
        i = m.start()
        ch = text[i]
        if ch not in OPENERS or not _can_open(text, i):
            i += 1
            continue
        closers = OPENERS[ch]
        j = i + 1
        found = None
        while j < n and j - i < _MAX_QUOTE:
            c = text[j]
            if c == "\n":
                # A paragraph break inside a quotation: fine if the quotation closes later
                # before another one of the same kind opens, or if the next paragraph reopens it.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] == ch and ch not in closers:
                    j = k + 1
                    continue
                nxt_close = _next_mark(text, k, closers, ch)
                if nxt_close is None or nxt_close[1] == "open":
                    found = ("unclosed", j)
                    break
                j = k
                continue
            if c in closers and _can_close(text, j, c):
                found = ("closed", j)
                break
            j += 1
        if found is None:
            i += 1
            continue
        kind, pos = found
        if kind == "closed":
            inner_start, inner_end = _strip(text, i + 1, pos)
            if inner_end > inner_start:
                out.append(Quote(i, pos, inner_start, inner_end))
            i = pos + 1
        else:
            inner_start, inner_end = _strip(text, i + 1, pos)
            if inner_end > inner_start:
                out.append(Quote(i, inner_end, inner_start, inner_end))
            i = pos + 1
    return out


def _next_mark(text: str, start: int, closers: str, opener: str) -> tuple[int, str] | None:
    """The next closing (or re-opening) mark of this kind from `start`, within reach."""
    limit = min(len(text), start + _MAX_QUOTE)
    for j in range(start, limit):
        c = text[j]
        if c in closers and _can_close(text, j, c) and not (c == opener and _can_open(text, j)):
            return j, "close"
        if c == opener and _can_open(text, j):
            return j, "open"
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_WORDS = re.compile(r"\w+(?:['’-]\w+)*")


def is_scare_quote(quote: str, before: str = "", lang: str | None = "it") -> bool:
    """True for quoted words that are not speech: scare quotes, titles, names, slogans.

    `quote` is the text inside the marks, `before` the text just before the opening mark.
    A quotation is a scare quote when it has at most four words and no sentence-ending
    punctuation, or when it is a short title/name (capitalised, no final punctuation,
    introduced by an article, a preposition or a naming word such as "chiamato"/"called").
    """
    words = _WORDS.findall(quote)
    if not words:
        return True
    lex = lexicon(lang)
    stripped = quote.rstrip()
    sentence_like = stripped[-1:] in _TERMINAL or bool(re.search(r"[.!?]\s+[A-ZÀ-Þ]", quote))
    prev = re.findall(r"[\w'’-]+", before[-40:].lower())
    prev_word = prev[-1] if prev else ""
    if prev_word in getattr(lex.mod, "TITLE_WORDS", ()) and re.search(r"[\w”\"»]\W{0,3}$", before):
        return True  # "un articolo intitolato «…»", "dal titolo: «…»": a headline, not speech
    if sentence_like and len(words) >= 3:
        return False
    if len(words) <= 4:
        return True
    title_intro = (prev_word in lex.mod.NAMING_WORDS or prev_word in lex.mod.DETERMINERS
                   or prev_word in lex.mod.NP_PREPOSITIONS)
    if words[0][:1].isupper() and title_intro and len(words) <= 12 and not sentence_like:
        return True
    capitals = sum(w[:1].isupper() for w in words)
    if capitals >= max(2, len(words) - 1) and not sentence_like:
        return True  # "Make America Great Again", "Partito Democratico Europeo"
    return False


def is_clause(quote: str, lang: str | None = "it") -> bool:
    """Does a short quoted fragment read as a clause («non resterà a guardare») rather than a
    noun phrase («alleanza», «le crescenti minacce …»)?"""
    words = [w.lower() for w in _WORDS.findall(quote)]
    if len(words) < 3:
        return False
    lex = lexicon(lang)
    if words[0] in lex.mod.DETERMINERS or words[0] in lex.mod.NP_PREPOSITIONS:
        return any(w in lex.mod.COMPLEMENTIZERS or w in lex.mod.VERB_HINTS for w in words[1:])
    return True


# ---------------------------------------------------------------- helpers on sentences

@dataclass
class Candidate:
    content: list[tuple[int, int]]
    direct: bool
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    anchor: int
    inherit: bool = False    # take the previous speaker's source
    kind: str = ""
    score: float = 1.0


def _sentence_index(sentences: list[Span], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return mid
    return max(0, min(len(sentences) - 1, lo))


def _trim_span(text: str, start: int, end: int, chars: str = " \t\n,;:.—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _content_span(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = _trim_span(text, start, end, " \t\n,;:—–-")
    # keep a final period out, but keep closing quotation marks balanced with opening ones
    while end > start and text[end - 1] in ".,;:" and not _inside_open_quote(text, start, end - 1):
        end -= 1
        start, end = _trim_span(text, start, end, " \t\n,;:—–-")
    return start, end


def _inside_open_quote(text: str, start: int, end: int) -> bool:
    seg = text[start:end]
    return seg.count("“") > seg.count("”") or seg.count("«") > seg.count("»")


def _antecedent(toks: list[Tok], idx: int, lex: Lexicon, text: str) -> tuple[int, int] | None:
    """The noun phrase a relative clause hangs on: the phrase before token `idx`, from after
    its last verb-tying preposition ("accolto dalla giudice X, secondo cui") or from its last
    article that follows no preposition ("compare una scritta in tedesco in cui si sostiene") —
    the scan cannot tell an unlisted verb ("compare", "accolto") from a noun."""
    span = _np_before(toks, idx, lex, text)
    if span is None:
        return None
    inside = [k for k, t in enumerate(toks) if span[0] <= t.start and t.end <= span[1]]
    clitics = getattr(lex.mod, "CLITICS", ())
    for k in reversed(inside[1:-1]):
        if toks[k].low in clitics:
            # "La seconda parte del testo si occupa della notizia secondo cui …": a clitic
            # opens the clause's verb; the phrase after the verb is what the relative hangs on
            m = next((m for m in range(k + 2, inside[-1] + 1)
                      if toks[m].low in lex.mod.DETERMINERS or toks[m].low in lex.mod.NP_PREPOSITIONS
                      or toks[m].is_cap), None)
            if m is not None:
                if toks[m].low in lex.mod.NP_PREPOSITIONS and m < inside[-1]:
                    m += 1  # "della | notizia": the phrase, not its preposition
                return toks[m].start, span[1]
            break
    breaks = getattr(lex.mod, "ANTECEDENT_BREAKS", ())
    for k in reversed(inside[:-1]):
        if toks[k].low in breaks:
            return toks[k + 1].start, span[1]
        if k > inside[0] and toks[k].low in lex.mod.DETERMINERS and toks[k - 1].low not in lex.mod.NP_PREPOSITIONS \
                and not toks[k - 1].is_cap and toks[k - 1].text not in ",":
            return toks[k].start, span[1]
    return span


# The two patterns of `_posted_or_true`, made once from the Italian lexicon
_POSTED = re.compile(
    r"(?:\b(?:il|lo|la|i|gli|le|un|uno|una|questo|questa)\s+|\b(?:l|un|quest)['’]\s*)"
    r"[\w'’-]+(?:\s+(?:di|del|della|dello|dei|degli|delle|dell['’])\s*[\w'’-]+)?\s*,?\s*"
    r"(?:(?:anche|molto|già)\s+)?(?:" + "|".join(attribution_it.POSTED_PARTICIPLES) + r")\w*\b[^.;:«»“”\n]{0,80}?"
    r"\s(?:su|sul|sulla|sull['’]|sui|sulle|in|nel|nella|nell['’])\s*$", re.IGNORECASE)
_TRUTH = re.compile(r"(?:l['’]\s*)?(?:" + "|".join(attribution_it.TRUTH_NOUNS)
                    + r")\s+(?:(?:della|dello|delle|degli|dei|del|di)\s+|dell['’]\s*)", re.IGNORECASE)


def _posted_or_true(text: str, span: tuple[int, int] | None, s_start: int, mod) -> tuple[int, int] | None:
    """What a "secondo cui" hangs on, past the place a text went round ("un post, pubblicato il
    28 giugno su Facebook, secondo cui": the post and its description, not "Facebook") and
    past a word for its truth ("l'attendibilità della notizia secondo cui": the news). Italian
    only (`POSTED_PARTICIPLES`, `TRUTH_NOUNS`)."""
    if span is None or not getattr(mod, "POSTED_PARTICIPLES", None):
        return span
    posted = _POSTED.search(text[s_start:span[0]])
    if posted:
        span = (s_start + posted.start(), span[1])
    m = _TRUTH.match(text[span[0]:span[1]])
    if m and span[0] + m.end() < span[1]:
        span = (span[0] + m.end(), span[1])  # "della notizia" → "notizia"
    return span


def _relative_subject_before(toks: list[Tok], j: int, mod) -> int | None:
    """The index of a subject relative pronoun after a comma that ends at token j, past a date
    or time words (", che ha dichiarato", ", che il 4 febbraio ha twittato"), or None."""
    k = j
    while k >= 0 and (toks[k].low in mod.TIME_WORDS or toks[k].text.isdigit() or toks[k].low in _MONTHS
                      or toks[k].low in mod.DETERMINERS and k + 1 <= j and toks[k + 1].text.isdigit()):
        k -= 1
    if k >= 2 and toks[k].low in getattr(mod, "RELATIVE_SUBJECTS", ()) and toks[k - 1].text == ",":
        return k
    return None


def _np_before(toks: list[Tok], idx: int, lex: Lexicon, text: str) -> tuple[int, int] | None:
    """The subject noun phrase ending just before token `idx` (the cue), or None."""
    mod = lex.mod
    j = idx - 1
    end_tok = j
    relative = getattr(mod, "RELATIVE_PREP_OBJECTS", ())
    if j >= 3 and toks[j].low == "si" and toks[j - 1].low in relative and toks[j - 2].low in mod.NP_STOPS:
        return _antecedent(toks, j - 2, lex, text)  # "un articolo in cui si sosteneva che"
    objects = getattr(mod, "OBJECT_CLITICS", ())
    while j >= 0 and toks[j].low in objects:
        # "Il ministro gli ha detto …": a pronoun right before the verb is its object and the
        # subject ends before it; after a comma or at the start ("…, lo ha detto") there is none
        if j == 0 or not toks[j - 1].is_word:
            return None
        j -= 1
        end_tok = j
    if j < 0 or toks[j].low in getattr(mod, "CLITICS", ()):
        return None  # "si spiega che …": impersonal, no subject
    rel = _relative_subject_before(toks, j, mod)
    if rel is not None:
        # "la deputata Nancy Mace, che il 4 febbraio ha twittato: …": the relative pronoun is
        # the subject, and stands for the phrase before its comma
        return _antecedent(toks, rel - 1, lex, text)
    if j >= 2 and toks[j].low in getattr(mod, "RELATIVE_PREP_OBJECTS", ()) and toks[j - 1].low in mod.NP_STOPS:
        return _antecedent(toks, j - 1, lex, text)  # "un post in cui si legge"
    if toks[j].text == ",":
        # "il segretario generale della Nato, Mark Rutte, ha dichiarato"
        k = j - 1
        while k >= 0 and toks[k].text not in {",", ";", ":", "(", "—"} and (
                toks[k].is_cap or toks[k].low in mod.NP_PREPOSITIONS or toks[k].text in "-.'’"):
            k -= 1
        if k >= 0 and toks[k].text == "," and k < j - 1 and toks[k + 1].is_cap:
            end_tok = j - 1
            j = k - 1
        else:
            # "La Corea del Sud, dal canto suo, ha riferito": skip a lower-case parenthetical
            k = j - 1
            while k >= 0 and toks[k].text != "," and j - k < 6 and toks[k].text not in _BOUNDARY_PUNCT:
                k -= 1
            if k > 0 and toks[k].text == "," and not toks[k + 1].is_cap and toks[k + 1].low not in mod.CLAUSE_BOUNDARIES:
                end_tok = k - 1
                j = k - 1
            else:
                return None
    start_tok = None
    crossed = None   # the comma of "<role>, <Name>" when the scan went past it
    k = j
    count = 0
    while k >= 0 and count < 14:
        t = toks[k]
        low = t.low
        if t.text in _BOUNDARY_PUNCT or t.text in _TERMINAL:
            if t.text == "," and start_tok is not None and crossed is None \
                    and _is_apposition_name(toks, start_tok, end_tok):
                crossed = k
                k -= 1
                count += 1
                continue
            break
        if low in mod.CLAUSE_BOUNDARIES:
            break
        if low in mod.NP_PREPOSITIONS and low in {"e", "and"}:
            # coordination: keep "X e Y" only when the left part has no verb
            left = []
            m = k - 1
            while m >= 0 and toks[m].text not in _BOUNDARY_PUNCT and toks[m].low not in mod.CLAUSE_BOUNDARIES and len(left) < 8:
                left.append(toks[m])
                m -= 1
            if any(_verbish(x, lex) for x in left) or not left:
                break
        if _verbish(t, lex) and not t.is_cap and not (k > 0 and toks[k - 1].low in mod.DETERMINERS):
            break  # (a participle after an article is a noun: "la deputata", "il candidato")
        start_tok = k
        k -= 1
        count += 1
    if start_tok is None:
        return None
    # a scene-setting phrase before the subject ("Ieri a Roma il ministro …") is not the source:
    # start at the first determiner that follows a preposition or adverb of that phrase
    # (not the determiner of the scene's own phrase: "In quella circostanza | il tenore")
    for m in range(start_tok + 1, end_tok):
        if toks[m].low in mod.DETERMINERS and toks[m - 1].low not in mod.NP_PREPOSITIONS \
                and not (lex.lang == "it" and toks[m - 1].low in mod.NP_STOPS
                         and _subject_later(toks, m, end_tok, mod)) \
                and (any(toks[x].low in mod.NP_STOPS and toks[x].low not in mod.DETERMINERS
                         for x in range(start_tok, m))
                     or m == start_tok + 1 == 1 and toks[0].low not in mod.DETERMINERS):
            # ("Circola una teoria secondo la quale …": a sentence-initial verb before the subject)
            start_tok = m
            break
    if crossed is not None and start_tok < crossed:
        role = toks[start_tok:crossed]
        opens_clause = k < 0 or toks[k].text in _BOUNDARY_PUNCT or toks[k].text in _TERMINAL \
            or toks[k].low in mod.CLAUSE_BOUNDARIES
        role_like = (role[0].low in mod.DETERMINERS or role[0].is_cap) and not any(
            t.low in mod.NP_STOPS and t.low not in mod.DETERMINERS and t.low not in mod.NP_PREPOSITIONS
            for t in role)
        if not (opens_clause and role_like):
            # "<role>, <Name> ha detto" needs a role; "Stando alle immagini condivise in rete, De
            # Luca ha detto": the tail of another phrase, so the name alone
            start_tok = crossed + 1
    # do not start a source with a preposition / adverb leftover ("parlava | di uno studio"; a
    # capitalised "Di Maio" is a name)
    while start_tok <= end_tok and (toks[start_tok].low in mod.NP_STOPS and toks[start_tok].low not in mod.DETERMINERS
                                    or toks[start_tok].low in mod.NP_PREPOSITIONS and not toks[start_tok].is_cap):
        start_tok += 1
    if start_tok > end_tok:
        return None
    s, e = toks[start_tok].start, toks[end_tok].end
    return _tidy_source(text, *_trim_span(text, s, e))


def _subject_later(toks: list[Tok], m: int, end_tok: int, mod) -> bool:
    """Whether a determiner after token m opens a later phrase that is no date ("In quella
    circostanza | il tenore" has one; "da Il Giornale il 13 gennaio" has only a date)."""
    return any(toks[x].low in mod.DETERMINERS and toks[x - 1].low not in mod.NP_PREPOSITIONS
               and not (x + 1 <= end_tok and toks[x + 1].text[:1].isdigit())
               for x in range(m + 2, end_tok))


def _is_apposition_name(toks: list[Tok], start_tok: int, end_tok: int) -> bool:
    seg = toks[start_tok:end_tok + 1]
    return bool(seg) and all(t.is_cap or t.text in "-.'’" for t in seg) and len(seg) <= 4


def _verbish(t: Tok, lex: Lexicon) -> bool:
    low = t.low
    if low in lex.mod.VERB_HINTS:
        return True
    if lex.lang == "en":
        return len(low) > 4 and low.endswith("ed") and not t.is_cap
    # participles, and the imperfect ("parlava di uno studio secondo cui …"; "-iva" is left out:
    # "iniziativa", "offensiva" are nouns)
    return (len(low) > 5 and low.endswith(("ato", "ito", "uto", "ava", "eva"))
            or len(low) > 6 and low.endswith(("ata", "ati", "ate", "ita", "iti", "ite", "uta", "uti", "ute",
                                              "avano", "evano", "ivano"))) \
        and not t.is_cap


_MONTHS = frozenset(_it_words.MONTHS + _en_words.MONTHS)


def _past_date(toks: list[Tok], i: int, mod) -> int:
    """The token after a date written at token i ("lo scorso 26 maggio", "il 3 marzo 2021",
    "last May"), or i when none is there: a date after a cue is when, the subject follows."""
    n = len(toks)
    j = i
    if j + 1 < n and toks[j].low in mod.DETERMINERS + ("on",) and (
            toks[j + 1].low in ("scorso", "scorsa", "last") or toks[j + 1].text.isdigit()):
        j += 1
    if j < n and toks[j].low in ("scorso", "scorsa", "last"):
        j += 1
    k = j
    while k < n and (toks[k].text.isdigit() or toks[k].low in _MONTHS):
        k += 1
    digits = any(toks[x].text.isdigit() for x in range(j, k))
    # "may" is a month only beside a day or a year
    return k if any(toks[x].low in _MONTHS and (toks[x].low != "may" or digits) for x in range(j, k)) else i


def _participle(tok: Tok, mod) -> bool:
    """A past participle after a noun ("una tesi pubblicata", "un rapporto diffuso"): the phrase
    it opens ("… sul sito dell'Università") still describes the source."""
    return not tok.is_cap and (len(tok.low) > 5 and tok.low.endswith(getattr(mod, "PARTICIPLE_SUFFIXES", ()))
                               or tok.low in getattr(mod, "PARTICIPLE_WORDS", ()))


def _listed_complements(toks: list[Tok], comma: int, mod) -> int | None:
    """The index of the comma or stop that ends a list of "di" complements opened at `comma`
    (", della Corea del Sud e dell'Ucraina,"), or None when what follows the comma is no such
    list: its first word is a "di" form and an "e" + "di" form follows before the next stop
    (", della Nato non ci si può fidare" is the content's own opening)."""
    linking = tuple(w for w in mod.NP_PREPOSITIONS if w not in ("e", "per"))
    n = len(toks)
    if comma + 1 >= n or toks[comma + 1].low not in linking:
        return None
    joined = False
    k = comma + 2
    while k < n and k - comma <= 12 and toks[k].text not in _BOUNDARY_PUNCT and toks[k].text not in _TERMINAL:
        if toks[k].low in ("e", "ed") and k + 1 < n and toks[k + 1].low in linking:
            joined = True
        k += 1
    return k if joined and k < n and (toks[k].text in _BOUNDARY_PUNCT or toks[k].text in _TERMINAL) else None


# Marks a source never runs past (a comma is an apposition's or a list's, decided case by case)
_SOURCE_BREAKS = frozenset({";", ":", "(", ")", "—", "–", "“", "”", "«", "»", '"', "„"})


def _np_after(toks: list[Tok], idx: int, lex: Lexicon, text: str,
              allow_time: bool = True) -> tuple[tuple[int, int] | None, int]:
    """The noun phrase starting at token `idx` (after a cue); returns (span, next token index)."""
    mod = lex.mod
    n = len(toks)
    i = idx
    while True:
        while allow_time and i < n and (toks[i].low in mod.TIME_WORDS and not toks[i].is_cap
                                        or toks[i].low in {"giovedì", "lunedì", "martedì", "mercoledì",
                                                           "venerdì", "sabato", "domenica"}):
            i += 1
        past = _past_date(toks, i, mod)
        if past == i or not allow_time and not any(t.text.isdigit() for t in toks[i:past]):
            break  # without time words, only a date with its day or year ("Secondo Oggi" is a magazine)
        i = past
    if lex.lang == "it" and i < n and toks[i].low in mod.NP_STOPS and toks[i].low not in mod.DETERMINERS \
            and not toks[i].is_cap:
        # "ha chiarito in un lungo approfondimento l’Airc": past the adjunct to the subject
        j = i + 1 + (i + 1 < n and toks[i + 1].low in mod.DETERMINERS)
        k = next((k for k in range(j + 1, min(n, j + 8))
                  if toks[k].text in _BOUNDARY_PUNCT or toks[k].text in _TERMINAL
                  or (toks[k].low in mod.DETERMINERS or toks[k].is_cap) and toks[k - 1].low not in mod.NP_PREPOSITIONS),
                 None)
        if k is None or toks[k].text in _BOUNDARY_PUNCT or toks[k].text in _TERMINAL:
            return None, i
        i = k
    start = i
    if i < n and toks[i].low in getattr(mod, "FREE_RELATIVES", ()):
        # "ha commentato chi ha pubblicato su Facebook il contenuto": the free relative, to its
        # clause's end, is the source
        j = i + 1
        while j < n and j - i < 16 and toks[j].text not in _TERMINAL and toks[j].text != "," \
                and toks[j].text not in _SOURCE_BREAKS:
            if j > i + 2 and not toks[j].is_cap and toks[j].low.endswith(getattr(mod, "CONDITIONAL_SUFFIXES", ())):
                # "secondo chi ha pubblicato il video | sarebbe …": the main clause's verb, and
                # its subject when one stands before it ("… su Facebook | l'immagine mostrerebbe")
                d = next((d for d in range(j - 1, max(i + 2, j - 3), -1) if toks[d].low in mod.DETERMINERS), None)
                if d is not None and not _participle(toks[d - 1], mod) and toks[d - 1].low not in mod.VERB_HINTS:
                    j = d
                break
            j += 1
        if j > i + 2:
            return _trim_span(text, toks[i].start, toks[j - 1].end), j
    seen_cap = False
    last = None
    linked = -1
    while i < n and i - start < 16:
        t = toks[i]
        low = t.low
        if t.text in _TERMINAL or t.text in _SOURCE_BREAKS:
            break
        if t.text == ",":
            listed = _listed_complements(toks, i, mod)
            if last is not None and listed is not None:
                # "i rapporti di intelligence degli Stati Uniti, della Corea del Sud e
                # dell'Ucraina, …": the complements listed after the comma are the source's
                last, i = listed - 1, listed
                break
            # apposition: ", Mark Rutte," / ", Yoon Suk-yeol."
            j = i + 1
            while j < n and (toks[j].is_cap or toks[j].text in "-.'’"):
                j += 1
            if last is not None and j > i + 1 and (j >= n or toks[j].text in {",", ".", ";", ":", "!", "?"}
                                                   or toks[j].low in mod.NP_STOPS):
                last = j - 1
                i = j
                break
            break
        after_participle = (low in getattr(mod, "PARTICIPLE_PREPOSITIONS", ()) and i - 1 > start
                            and _participle(toks[i - 1], mod) and toks[i - 2].low not in mod.DETERMINERS)
        # (after an article the "participle" is the noun itself: "il deputato", "l'astronauta")
        if i > start and low in mod.NP_STOPS and low not in mod.NP_PREPOSITIONS and not after_participle:
            break
        if after_participle:
            linked = i  # "fornita da | La Stampa": the phrase goes on past an article that opens a name
        if low in mod.COMPLEMENTIZERS and i > start:
            break
        if i > start and (seen_cap or i > start + 1) and low in mod.DETERMINERS \
                and toks[i - 1].low not in mod.NP_PREPOSITIONS and not (linked == i - 1 and t.is_cap):
            break  # "la portavoce del Pentagono Sabrina Singh | la Corea del Nord …", "il sindaco | i lavori"
        if i > start and lex.lang == "it" and low.endswith(("ando", "endo")) and not t.is_cap:
            break
        if i > start and (low in mod.VERB_HINTS or low in getattr(mod, "CLITICS", ()) or not t.is_cap and len(low) > 6
                          and low.endswith(getattr(mod, "CONDITIONAL_SUFFIXES", ()))):
            break  # "secondo diversi media | Romano avrebbe detto", "secondo X | riguarderebbe"
        if t.is_cap and i > start and not toks[i - 1].is_cap and toks[i - 1].low not in mod.NP_PREPOSITIONS:
            # "secondo diversi media | Romano avrebbe detto": a name that is the next clause's subject
            j = i
            while j < n and (toks[j].is_cap or toks[j].text in "-.'’"):
                j += 1
            if j < n and toks[j].low in mod.VERB_HINTS:
                break
        if t.is_cap:
            seen_cap = True
        last = i
        i += 1
    if last is None or last < start:
        return None, i
    # a phrase ending with a preposition/determiner is cut back
    while last >= start and (toks[last].low in mod.NP_PREPOSITIONS or toks[last].low in mod.DETERMINERS
                             or toks[last].low in getattr(mod, "PARTICIPLE_PREPOSITIONS", ())):
        last -= 1
    if last < start:
        return None, i
    return _tidy_source(text, *_trim_span(text, toks[start].start, toks[last].end)), i


_SOURCE_LEAD = re.compile(r"(?:\[?\d+\]?\s+|\w+mente\s+)+")
# Italian articulated prepositions of place (`LOCATIVE_PREPOSITIONS` but the bare "in", "su":
# no English word among them), longest first
_SOURCE_PLACE_LEAD = re.compile("|".join(
    re.escape(w) + (r"\s*" if w[-1] in "'’" else r"\s+")
    for w in sorted(set(attribution_it.LOCATIVE_PREPOSITIONS) - {"in", "su"}, key=lambda w: (-len(w), w))),
    re.IGNORECASE)
_SOURCE_TAIL = re.compile(r"(?:\s+(?:\w+mente|qui|qua|here|e|and|solo|soltanto|anche|pure|only|also))+$")  # "come riportato da diversi media qui" (a link)
# "Giovedì 16 aprile il ministro …", "Sempre il 29 maggio The Times of India …", "On Monday the
# agency …": the date and the linking adverb set the scene; the source is what follows.
_MONTH_NAMES = "|".join(_it_words.MONTHS + _en_words.MONTHS)
# full weekday names from the time-expression resources (their abbreviations are words too)
_WEEKDAYS = "|".join(sorted(w for lang in (_it_time, _en_time) for w in lang.WEEKDAYS
                            if len(w) > 3 and w not in lang.AMBIGUOUS_WEEKDAYS))
_SOURCE_TIME_LEAD = re.compile(
    r"(?:(?:sempre|già|poi|anche|inoltre|infine|ieri|oggi|also|then|later|earlier|on)\s+)*"
    r"(?:(?:lo\s+scors[oa]|la\s+scorsa|last)\s+(?=\d|(?:" + _MONTH_NAMES + r")\b))?"
    rf"(?:(?:{_WEEKDAYS})\s+|(?:il|l['’]|the)\s*(?=\d))?"
    rf"(?:\d{{1,2}}(?:º|°)?\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?|(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|(?<=scorso\s)(?:{_MONTH_NAMES})|(?<=scorsa\s)(?:{_WEEKDAYS})|(?<=last\s)(?:{_MONTH_NAMES})|(?<=\s)|^)"
    r"\s*,?\s*", re.IGNORECASE)
# "Il Giornale il 13 gennaio", "the agency on Monday": a trailing date is when, not who.
_SOURCE_TIME_TAIL = re.compile(
    rf"\s+(?:(?:il|l['’]|lo\s+scorso|del|on|last)\s*)?(?:(?:{_WEEKDAYS})\s*)?"
    rf"(?:\d{{1,2}}(?:º|°)?\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?|(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|(?<=\s)(?:{_WEEKDAYS})|(?<=on\s)(?:{_WEEKDAYS})|ieri|oggi|yesterday|today"
    # "Save The Children lo scorso agosto", "the agency last March"
    rf"|(?<=scorso\s)(?:{_MONTH_NAMES}|anno|mese)|(?<=scorsa\s)(?:settimana|{_WEEKDAYS})"
    rf"|(?<=last\s)(?:{_MONTH_NAMES}|year|month|week))$", re.IGNORECASE)
# Words a date is written with: a source made of them alone (and numbers) names nobody ("L’11
# marzo 2021 aveva comunicato …" after an elided subject, "al minuto 1:17 afferma").
_DATE_WORDS = frozenset(w for lang in (_it_words, _en_words) for w in lang.MONTHS) | frozenset(
    w for lang in (_it_time, _en_time) for w in lang.WEEKDAYS) | frozenset(
    "il lo la l del di dell nel in a al alle the on of last scorso scorsa minuto minute".split())
_SOURCE_NOTE = re.compile(r"^.*?(?<![\w,.])\[?\d+\]?\s+(?=[A-ZÀ-Þ])")  # a footnote mark before a name


def _tidy_source(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop footnote numbers and adverbs at the edges of a source ("video 10 Silvana De Mari",
    "correttamente Bassetti", "Quello di X analogamente"); None when nothing is left."""
    span = text[start:end]
    note = _SOURCE_NOTE.search(span)
    if note:
        start, span = start + note.end(), span[note.end():]
    time_lead = _SOURCE_TIME_LEAD.match(span)
    if time_lead and time_lead.end() and time_lead.end() < len(span):
        start, span = start + time_lead.end(), span[time_lead.end():]
    lead = _SOURCE_LEAD.match(span)
    if lead and lead.end() < len(span):
        start, span = start + lead.end(), span[lead.end():]
    elif lead:
        return None
    place = _SOURCE_PLACE_LEAD.match(span)
    if place and place.end() < len(span) and not re.match(r"Nella\s+[A-ZÀ-Ý]", span):  # (Nella, a name)
        start += place.end()  # "Nell'articolo 6 si legge …": the article, not "in" it
    when = _SOURCE_TIME_TAIL.search(text, start, end)
    if when and when.start() > start:
        end = when.start()
    tail = _SOURCE_TAIL.search(text, start, end)
    if tail and tail.start() > start:
        end = tail.start()
    if end <= start or all(w.lower() in _DATE_WORDS for w in re.findall(r"[^\W\d_]+", text[start:end])):
        return None
    if text[start:end].strip().lower() in _NOT_SOURCES:
        return None
    return start, end


_NOT_SOURCES = frozenset(attribution_it.NOT_SOURCES) | frozenset(attribution_en.NOT_SOURCES)
_NEGATIVE_SOURCES = frozenset(attribution_it.NEGATIVE_SOURCES) | frozenset(attribution_en.NEGATIVE_SOURCES)


def _negated_source(words: str) -> bool:
    """"Nessuno ha detto che …", "No official said that …": nobody said it."""
    first = re.findall(r"\w+", words.lower())[:1]
    return bool(first) and first[0] in _NEGATIVE_SOURCES


# ---------------------------------------------------------------- cue matching

@dataclass
class Cue:
    start: int
    end: int
    kind: str   # "verb" | "prep" | "gerund" | "own"
    text: str


def _cues(text: str, start: int, end: int, lex: Lexicon) -> list[Cue]:
    out = [Cue(m.start(), m.end(), "own", m.group()) for m in lex.own.finditer(text, start, end)] if lex.own else []
    for m in lex.prep.finditer(text, start, end):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        if m.group()[:1].isupper() and text[start:m.start()].strip() and not re.search(r"[.!?:;«“\"(\n]\s*$", text[start:m.start()]):
            continue  # capitalised inside a sentence: part of a name ("da Secondo Piano News")
        word = m.group().split()[0].lower()
        if m.group().lower().split()[:2] == ["a", "quanto"] and _a_governed(text, start, m.start(), lex.mod):
            continue  # "conduce a quanto annunciato", "contrariamente a quanto riportato"
        if lex.seen and "quanto" not in m.group().lower() and lex.seen.match(text, m.end(), end):
            continue  # "stando a quanto mostrato nella foto": what is seen, not what anyone said
        if word == "secondo" and lex.mod.PREP_CUE_BLOCKERS:
            prev = re.findall(r"[\w'’]+", text[max(start, m.start() - 20):m.start()].lower())
            if prev and prev[-1] in lex.mod.PREP_CUE_BLOCKERS:
                continue
            nxt = re.match(r"\s*([\w'’]+)", text[m.end():end])
            if not nxt or nxt.group(1).lower() in {"me", "te", "noi", "voi", "posto", "tempo",
                                                    "turno", "giorno", "mandato", "round"}:
                continue
            if _LAW_NUMBER.match(text, m.end(), end):
                continue  # "secondo l'articolo 78 della Costituzione": a law says it, no one speaks
        out.append(Cue(m.start(), m.end(), "prep", m.group()))
    for m in lex.verb.finditer(text, start, end):
        last = m.group().split()[-1].lower()
        kind = "gerund" if last in lex.gerunds else "verb"
        if any(c.start <= m.start() < c.end for c in out):
            continue
        prev = re.findall(r"[\w'’]+", text[max(start, m.start() - 15):m.start()].lower())
        if len(m.group().split()) == 1 and prev and (prev[-1] in lex.mod.DETERMINERS or prev[-1] in lex.mod.NP_PREPOSITIONS) \
                and prev[-1] not in {"e", "and", "che", "that", "lo", "l'", "l’"}:
            continue
        out.append(Cue(m.start(), m.end(), kind, m.group()))
    out.sort(key=lambda c: c.start)
    return out


# "secondo l'articolo 78 della Costituzione", "secondo il comma 3": a law says it
_LAW_NUMBER = re.compile(r"\s*(?:il\s+|l['’]\s*)?(?:articolo|art\.|comma)\s*\d", re.IGNORECASE)


def _a_governed(text: str, start: int, at: int, mod) -> bool:
    """Whether the word right before the "a" at `at` governs it (`A_GOVERNORS`: "contrariamente
    a quanto", "conduce a quanto"): then "a quanto …" is a complement, not a source's cue."""
    words = re.findall(r"[\w'’]+", text[start:at].lower())
    return bool(words) and not re.search(r"[.!?:;,«“\"(\n–—-]\s*$", text[start:at]) \
        and words[-1] in getattr(mod, "A_GOVERNORS", ())


# ---------------------------------------------------------------- the passes

def find_attributions(doc: Document, options=None) -> list[Attribution]:
    """Direct quotations and reported speech in `doc`, in text order; offsets into doc.text."""
    text = doc.text
    if not text.strip():
        return []
    lang = (doc.language or getattr(options, "lang", None) or "en")
    if lang == "auto":
        lang = "en"
    lex = lexicon(lang)
    sentences = doc.sentences
    if not sentences:
        from rassegna.sentences import split_sentences

        sentences = split_sentences(text, lex.lang)
    turns = transcript_turns(text)
    if lex.lang == "en" and getattr(options, "attribution_rules_only", False) is not True:
        # imported here: the learned module builds on this one's rules
        from rassegna.attribution_learned import _tagger, learned_attributions

        tagger = _tagger(lex.lang)
        if tagger is not None:
            # as for the rules: a source that is nobody ("No one knows how much …") says nothing
            return _with_turns(text, [a for a in learned_attributions(text, sentences, lex, tagger)
                                if a.source is None or not _negated_source(a.source.text)], turns)
    cands = candidates(text, sentences, lex)
    cands = _filter(cands, text, lex)
    return _with_turns(text, _finalise(text, cands), turns)


# A transcript's turn: a paragraph that opens with its speaker's name in capitals and a colon
# ("WALLACE: If I may, sir, …", "JAKE TAPPER: …"), after an optional opening quotation mark
# (block quotations open each paragraph with one and close none).
_TURN_LABEL = re.compile(r"(?m)^[ \t]*[\"“«]?([A-ZÀ-Ý][A-ZÀ-Ý.'’-]*(?: [A-ZÀ-Ý][A-ZÀ-Ý.'’-]*){0,2}):[ \t\u00a0]+(?=\S)")


def _written_as_name(text: str, label: str) -> bool:
    """`label` ("WALLACE", "JAKE TAPPER") also appears in ordinary case as part of a name of two
    capitalised words or more ("Chris Wallace", "Jake Tapper"): a person, not a heading like
    "UPDATE", "VIDEO" or "DEAR ABBY"."""
    for m in re.finditer(r"\b" + re.escape(label) + r"\b", text, flags=re.IGNORECASE):
        found = m.group(0)
        if found == found.upper() or not found[0].isupper():
            continue
        if " " in found:
            return True
        before = re.search(r"([A-ZÀ-Ý][\w'’.-]*)\s+$", text[max(0, m.start() - 40):m.start()])
        after = re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", text[m.end():m.end() + 3])
        if before or after:
            return True
    return False


def transcript_turns(text: str) -> list[Attribution]:
    """The turns of an interview or debate transcript, each a direct attribution of its paragraph
    to the name before the colon (cue: the colon). Only in a dialogue: two speakers or more, a
    speaker being a label that takes two turns or more or is written elsewhere in the text as
    a name (a lone "UPDATE:" or "VIDEO:" is a heading)."""
    found = [m for m in _TURN_LABEL.finditer(text)]
    counts = Counter(m.group(1) for m in found)
    # one letter ("Q:", "A:", "D:", "R:") names no one: the answers' speaker is the interviewee,
    # whom the label does not say; a label the text also writes as a common word in lower case
    # ("DOMANDA:" beside "la domanda", "QUESTION:") is a role, not a name
    speakers = {n for n, k in counts.items()
                if sum(c.isalpha() for c in n) >= 2
                and (_written_as_name(text, n) or k >= 2 and not re.search(r"\b" + re.escape(n.lower()) + r"\b", text))}
    turns = [m for m in found if m.group(1) in speakers]
    if len(turns) < 2 or len(speakers) < 2:
        return []
    out = []
    for m in turns:
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Attribution(Span.of(text, start, end), True, Span.of(text, m.start(1), m.end(1)),
                               Span.of(text, m.end(1), m.end(1) + 1)))
    return out


def _with_turns(text: str, found: list[Attribution], turns: list[Attribution]) -> list[Attribution]:
    """`found` with the transcript's turns in text order. A content that opens with a speaker's
    label ("GIORGETTI: Nessun taglio.", the sentence as split) starts after it; one that runs
    over a label into the next turn, takes a turn with other bounds (from its start, over half
    of it or more) or has the label for its source gives way to the turn; speech reported
    inside a turn stays."""
    if not turns:
        return found
    kept = []
    for att in found:
        c = att.content
        crossed = [t for t in turns if c.start <= t.source.start < c.end]
        if crossed and not att.spans and len(crossed) == 1 and c.start >= crossed[0].source.start - 2:
            c = Span.of(text, crossed[0].content.start, max(c.end, crossed[0].content.start))
            att = replace(att, content=c)
            crossed = []
        if crossed or c.end <= c.start or any(
                abs(c.start - t.content.start) <= 2 and 2 * (c.end - c.start) >= t.content.end - t.content.start
                or att.source is not None and att.source.start == t.source.start for t in turns):
            continue
        kept.append(att)
    for turn in turns:
        at = next((i for i, a in enumerate(kept) if _first_offset(a) > turn.source.start), len(kept))
        kept.insert(at, turn)
    return kept


def _first_offset(a: Attribution) -> int:
    return min(x.start for x in (a.content, a.source, a.cue) if x is not None)


def find_quotations(doc: Document, options=None) -> list[Quotation]:
    """Every quotation of `doc`: `speech` when a direct attribution is made of it, `scare` for
    quoted words, titles and names (`is_scare_quote`: «alleanza» stays a quoted word even inside
    reported speech), `speech` for a longer quotation inside a reported content, else
    `unattributed`. Runs after `find_attributions` (it reads `doc.attributions`)."""
    lang = (doc.language or getattr(options, "lang", None) or "en")
    lang = "en" if lang == "auto" else lang

    def held(inner: tuple[int, int], direct: bool) -> bool:
        return any(s < inner[1] and inner[0] < e for a in doc.attributions if a.direct == direct
                   for s, e in (a.spans or ((a.content.start, a.content.end),)))

    out = []
    for q in find_quotes(doc.text):
        inner = (q.inner_start, q.inner_end)
        text = doc.text[q.inner_start:q.inner_end]
        if not _WORDS.search(text):
            continue  # marks around punctuation only: nothing quoted
        if held(inner, True):
            kind = "speech"
        elif is_scare_quote(text, doc.text[max(0, q.open - 40):q.open], lang):
            kind = "scare"
        else:
            kind = "speech" if held(inner, False) else "unattributed"
        out.append(Quotation(q.inner_start, q.inner_end, text, kind))
    return out


def candidates(text: str, sentences: list[Span], lex: Lexicon) -> list[Candidate]:
    """Every attribution the rules propose, before the learned filter and the merge."""
    toks_all = tokenize(text, lang=lex.lang)
    quotes = find_quotes(text)
    used_cues: list[tuple[int, int]] = []
    cands: list[Candidate] = []
    cands += _quote_candidates(text, quotes, sentences, toks_all, lex, used_cues)
    cands += _reported_candidates(text, quotes, sentences, toks_all, lex, used_cues, cands)
    return cands


def _toks_in(toks: list[Tok], start: int, end: int) -> list[Tok]:
    i = _bisect(toks, start)
    out = []
    while i < len(toks) and toks[i].start < end:
        if toks[i].end <= end:
            out.append(toks[i])
        i += 1
    return out


def _bisect(toks: list[Tok], pos: int) -> int:
    return bisect_left(toks, pos, key=lambda t: t.start)


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


_PARAGRAPH_REOPENED = re.compile(r"\n\s*(?![«“„\"‘])\S")


def _reopened_in_each_paragraph(inner: str) -> bool:
    """Whether a quotation's text crosses paragraphs and every new paragraph opens with a
    quote mark («…\n\n«…»): the convention for one quotation over several paragraphs, unlike
    an unclosed mark paired with one paragraphs later."""
    return "\n" in inner.strip() and _PARAGRAPH_REOPENED.search(inner.strip()) is None


def _quote_candidates(text, quotes, sentences, toks_all, lex, used_cues) -> list[Candidate]:
    out: list[Candidate] = []
    skip = set()
    for qi, q in enumerate(quotes):
        if qi in skip:
            continue
        qend = q.close + 1 if q.close < len(text) and text[q.close] in "”»\"’“" else q.inner_end
        inner = text[q.inner_start:q.inner_end]
        before = text[max(0, q.open - 60):q.open]
        para_s, para_e = _paragraph_bounds(text, q.open)
        if _reopened_in_each_paragraph(inner):
            # a quotation over several paragraphs, each reopened with a quote mark as news
            # writes them: its cue follows the closing mark, in the last paragraph
            _, para_e = _paragraph_bounds(text, max(q.open, qend - 1))
        # --- cue after the quotation: `", ha detto X` / `," X said` / `," said X`
        after_limit = min(para_e, len(text))
        nxt_q = quotes[qi + 1].open if qi + 1 < len(quotes) else len(text)
        seg_end = min(after_limit, nxt_q)
        # stop at the end of the sentence that holds the closing mark
        si = _sentence_index(sentences, max(q.open, qend - 1))
        if sentences:
            seg_end = min(seg_end, max(sentences[si].end, qend))
        seg_toks = _toks_in(toks_all, qend, seg_end)
        cue_after = _attached_cue_after(text, seg_toks, lex)
        inside = _cue_inside(text, q, toks_all, lex) if cue_after is None else None
        if inside is not None:
            cue_after = inside[:3]
        cue_before = None
        if cue_after is None:
            cue_before = _attached_cue_before(text, q, sentences, toks_all, lex, para_s)
        speechy = not is_scare_quote(inner, before, lex.lang)
        cue, source, inherit, kind = None, None, False, "quote"
        clause_cues = []
        if cue_after is not None:
            cue, source, inherit = cue_after
            kind = "quote-after"
        elif cue_before is not None:
            cue, source, inherit, clause_cues = cue_before
            kind = "quote-before"
            if cue is None and source is not None:
                cue_before = None  # "Ft: «…»": a speaker with no cue word
        if cue is None and source is None and speechy and not _sentence_like_quote(text, q, sentences, inner):
            continue
        if cue is None and not speechy:
            continue
        # a quotation that opens its sentence and is followed at once by its cue is speech
        # however short («Siamo pronti», ha detto X)
        opening = (kind == "quote-after" and sentences
                   and not text[sentences[_sentence_index(sentences, q.open)].start:q.open].strip()
                   and re.fullmatch(r"[\s,:;—–-]*", text[qend:cue[0]]) is not None)
        if cue is not None and not speechy and not opening and not is_clause(inner, lex.lang) \
                and len(_WORDS.findall(inner)) < 6 and inner.rstrip()[-1:] not in _TERMINAL:
            continue  # a quoted noun with a cue nearby is still a scare quote
        pieces = [_trim_span(text, q.inner_start, q.inner_end, " \t\n,;:—–-")]
        if inside is not None:
            # `«Il risultato – ha spiegato Brusaferro – potrebbe …»`: the words around the cue
            pieces = [_trim_span(text, q.inner_start, inside[3][0], " \t\n,;:—–-"),
                      _trim_span(text, inside[3][1], q.inner_end, " \t\n,;:—–-")]
        # --- interrupted quotation: `"…," he said, "…"` → one attribution with two pieces
        elif cue_after is not None and qi + 1 < len(quotes):
            q2 = quotes[qi + 1]
            gap = text[cue[1]:q2.open]
            if source and source[0] >= cue[1]:
                gap = text[source[1]:q2.open]
            if "\n" not in text[qend:q2.open] and re.fullmatch(r"[\s,:;.—–-]*", gap) and \
                    re.search(r"[,:—–]\s*$", text[qend:q2.open]) and \
                    text[q.inner_end - 1:q.inner_end] not in "?!":
                pieces.append(_trim_span(text, q2.inner_start, q2.inner_end, " \t\n,;:—–-"))
                skip.add(qi + 1)
                # the second piece may itself run on: `…," he said. "…"` is not merged
        if cue is not None:
            used_cues.append(cue)
        used_cues.extend(clause_cues)
        if cue is None and source is None:
            inherit = True
            kind = "continuation"
        out.append(Candidate(pieces, True, cue, source, q.open, inherit=inherit, kind=kind))
    return out


def _sentence_like_quote(text: str, q: Quote, sentences, inner: str) -> bool:
    """A quotation that stands as its own sentence(s): what a continuation looks like."""
    if len(_WORDS.findall(inner)) < 4:
        return False
    si = _sentence_index(sentences, q.open)
    start = sentences[si].start if sentences else 0
    lead = text[min(start, q.open):q.open]
    return len(_WORDS.findall(lead)) <= 1 and (lead.strip()[-1:] in {"", ":"} or len(lead.strip()) < 4)


_DASH = re.compile(r"\s[–—-]\s")
_RELATIVE_WORDS_IT = frozenset(attribution_it.RELATIVE_SUBJECTS + attribution_it.RELATIVE_PREP_OBJECTS)


def _cue_inside(text, q, toks_all, lex):
    """A cue set off by two dashes inside the quotation (`«Il risultato – ha spiegato il
    presidente dell'Iss Silvio Brusaferro – potrebbe …»`): (cue, source, inherit, (start, end)
    of the parenthetical), or None. The dashes hold nothing but the attribution, with words of
    the quotation on both sides."""
    if lex.lang != "it":
        return None  # (English reaches the learned tagger, which reads the rules as trained)
    first = _DASH.search(text, q.inner_start, q.inner_end)
    while first is not None:
        second = _DASH.search(text, first.end(), q.inner_end)
        if second is None:
            return None
        if second.start() - first.end() <= 160 and _WORDS.search(text, q.inner_start, first.start()) \
                and _WORDS.search(text, second.end(), q.inner_end):
            seg = _toks_in(toks_all, first.end(), second.start())
            found = _attached_cue_after(text, seg, lex)
            # ("– un film che denuncia il Nuovo Ordine Mondiale –": a relative clause, no speaker)
            if found is not None and found[1] is not None and \
                    text[found[1][0]:found[1][1]].split()[-1].lower() not in _RELATIVE_WORDS_IT:
                return (*found, (first.start(), second.end()))
        first = second
    return None


def _attached_cue_after(text, seg_toks, lex):
    """`", ha affermato Rutte` / `," Trump said` / `," said Trump` right after a quotation."""
    if not seg_toks:
        return None
    i = 0
    while i < len(seg_toks) and seg_toks[i].text in {",", "—", "–", "-"}:
        i += 1
    if i >= len(seg_toks) or not seg_toks[i].is_word:
        return None
    seg_start = seg_toks[i].start
    seg_end = seg_toks[-1].end
    cues = [c for c in _cues(text, seg_start, seg_end, lex) if c.kind in {"verb", "gerund"}]
    if not cues:
        return None
    c = cues[0]
    before = [t for t in seg_toks[i:] if t.end <= c.start]
    if len(before) > 8 or any(t.text in _TERMINAL for t in before):
        return None
    cue = (c.start, c.end)
    if c.kind == "gerund" and not before:
        return None
    following = []
    for t in seg_toks:
        if t.start >= c.end:
            if t.text in {",", ";", ":"} or t.text in _TERMINAL:
                break  # `…," ha dichiarato Rossi, stimando che …`: a new clause, a new cue
            following.append(t.low)
    following = following[:6]
    if any(w in lex.mod.COMPLEMENTIZERS and w != "come" for w in following):
        return None  # `…" Trump said on CNN that …`: the cue introduces a new clause
    if before:
        if before[0].low in lex.mod.COMPLEMENTIZERS:
            return None
        if before[-1].low in getattr(lex.mod, "CLITICS", ()) or before[0].low in lex.mod.NP_STOPS \
                and before[0].low not in lex.mod.DETERMINERS:
            # `«…», si legge …` / `«…», in un approfondimento, ha chiarito`: no subject here
            return cue, None, True
        src = _tidy_source(text, *_trim_span(text, before[0].start, before[-1].end))
        return cue, src, src is None
    idx = next(k for k, t in enumerate(seg_toks) if t.start >= c.end) if any(t.start >= c.end for t in seg_toks) else len(seg_toks)
    src, _ = _np_after(seg_toks, idx, lex, text)
    return cue, src, src is None


def _attached_cue_before(text, q, sentences, toks_all, lex, para_s):
    """`X ha dichiarato: "…"` / `X said, "…"` (cue in the clause before, ending in : or ,)."""
    pre = text[max(0, q.open - 400):q.open].rstrip()
    if not pre:
        return None
    if pre[-1] not in ":,":
        return None
    # the clause before the opening mark: back to the previous sentence start
    end = q.open - (len(text[:q.open]) - len(text[:q.open].rstrip())) - 1
    si = _sentence_index(sentences, max(0, end - 1))
    start = sentences[si].start if sentences else 0
    if start > end:
        start = max(0, end - 300)
    cues = [c for c in _cues(text, start, end, lex) if c.kind in {"verb", "gerund"}]
    if not cues:
        if pre[-1] == ":":
            # "Ft: «…»" — a short name before a colon is the speaker
            toks = _toks_in(toks_all, start, end)
            if 0 < len(toks) <= 3 and all(t.is_cap for t in toks if t.is_word):
                return None, (toks[0].start, toks[-1].end), False, []
            subject = _subject_before_colon(text, toks, lex)
            inner = text[q.inner_start:q.inner_end]
            if subject is not None and (is_clause(inner, lex.lang) or len(_WORDS.findall(inner)) >= 4):
                return None, subject, False, []
        return None
    toks = _toks_in(toks_all, start, end)
    best = None
    for c in cues:
        idx = next((k for k, t in enumerate(toks) if t.start >= c.start), None)
        if idx is None:
            continue
        src = _np_before(toks, idx, lex, text)
        if src is None and c.kind != "gerund":
            after_idx = next((k for k, t in enumerate(toks) if t.start >= c.end), len(toks))
            if after_idx < len(toks) and toks[after_idx].is_cap:
                src, _ = _np_after(toks, after_idx, lex, text)
        if best is None or (best[1] is None and src is not None):
            best = ((c.start, c.end), src)
    if best is None:
        return None
    cue, src = best
    return cue, src, src is None or _is_pronoun(text, src, lex), [(c.start, c.end) for c in cues]


def _subject_before_colon(text: str, toks: list[Tok], lex) -> tuple[int, int] | None:
    """"Il ministro Neri è stato netto: «…»" / "Zelensky non ha dubbi: «…»": a short clause
    that opens the sentence with a named subject and a verb, then a colon, introduces the
    subject's words. The subject must hold a capitalised name ("Il programma è semplice: «…»"
    is not a speaker) and the clause stay short (its verb and at most four words after it)."""
    hints = getattr(lex.mod, "VERB_HINTS", ())
    verb = next((k for k, t in enumerate(toks) if t.low in hints), None)
    if verb is None or verb == 0 or len(toks) - verb > 5:
        return None
    determiners = lex.mod.DETERMINERS
    if any(t.low in determiners for t in toks[verb + 1:]):
        return None       # "Sotto la foto è riportato questo testo:": the subject follows the verb
    if toks[0].low[-1:] in "'’" and toks[0].low not in determiners:
        return None       # "Sull’immagine è presente …": a preposition, not a subject, opens it
    if toks[verb - 1].low in getattr(lex.mod, "CLITICS", ()):
        verb -= 1                                      # "Zelensky non ha dubbi"
    span = _np_before(toks, verb, lex, text)
    if span is None or span[0] != toks[0].start:
        return None
    if not any(t.is_cap and t.is_word and k > 0 or (k == 0 and t.low not in lex.mod.DETERMINERS and t.is_cap)
               for k, t in enumerate(toks[:verb])):
        return None
    return _tidy_source(text, *span)


def _is_pronoun(text: str, span, lex) -> bool:
    return span is not None and text[span[0]:span[1]].lower() in lex.mod.PRONOUNS


def _in_quotes(pos: int, quotes: list[Quote]) -> bool:
    for q in quotes:
        if q.inner_start <= pos < q.inner_end:
            return True
        if q.open > pos:
            return False
    return False


def _reported_candidates(text, quotes, sentences, toks_all, lex, used_cues, qcands) -> list[Candidate]:
    out: list[Candidate] = []
    speech_quotes = [q for q in quotes
                     if any(c.content[0][0] <= q.inner_start < c.content[-1][1] for c in qcands)]
    for si, sent in enumerate(sentences):
        cues = _cues(text, sent.start, sent.end, lex)
        if not cues:
            continue
        toks = _toks_in(toks_all, sent.start, sent.end)
        if not toks:
            continue
        claimed_end = sent.start
        for c in cues:
            if any(u[0] <= c.start < u[1] for u in used_cues):
                continue
            if _in_quotes(c.start, speech_quotes) or _in_quotes(c.start, quotes) and _quote_is_long(c.start, quotes):
                continue
            inside = c.start < claimed_end and c.kind != "gerund"
            cand = _reported_one(text, sent, si, sentences, toks, c, lex)
            if cand is None:
                continue
            if inside:
                # "she said X, but she said Y": a new clause with its own subject cuts the previous content
                conj = _conjunction_before(text, cand, toks, lex)
                if cand.kind != "forward" or conj is None or not out or not (
                        out[-1].content[-1][0] < conj < out[-1].content[-1][1]):
                    continue
                out[-1].content[-1] = _content_span(text, out[-1].content[-1][0], conj)
            # a gerund continuation cuts the previous content at its comma
            if c.kind == "gerund" and out and out[-1].content[-1][1] > c.start >= out[-1].content[0][0]:
                prev = out[-1]
                cut = text.rfind(",", prev.content[-1][0], c.start)
                if cut > prev.content[-1][0]:
                    prev.content[-1] = (prev.content[-1][0], cut)
            _mixed_quotes(cand, text, quotes, lex)
            out.append(cand)
            claimed_end = max(claimed_end, cand.content[-1][1], c.end)
    return out


def _conjunction_before(text: str, cand: Candidate, toks: list[Tok], lex) -> int | None:
    if cand.source is None:
        return None
    k = _bisect(toks, cand.source[0]) - 1
    if k >= 0 and (toks[k].low in {"but", "and", "while", "ma", "e", "mentre"} or toks[k].text == ";"):
        return toks[k].start
    return None


def _mixed_quotes(cand: Candidate, text: str, quotes: list[Quote], lex) -> None:
    """A reported content holding quoted fragments that read as clauses («non resterà a
    guardare») becomes direct speech made of those fragments; quoted nouns stay reported."""
    if cand.kind not in {"inverted", "final", "paren"}:
        return
    inside = [q for q in quotes
              if any(a <= q.open and q.inner_end <= b for a, b in cand.content)]
    if not inside or not any(is_clause(text[q.inner_start:q.inner_end], lex.lang) for q in inside):
        return
    cand.content = [_trim_span(text, q.inner_start, q.inner_end, " \t\n,;:—–-") for q in inside]
    cand.direct = True


def _quote_is_long(pos: int, quotes: list[Quote]) -> bool:
    for q in quotes:
        if q.inner_start <= pos < q.inner_end:
            return q.inner_end - q.inner_start > 40
    return False


def _overlaps(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _reported_one(text, sent: Span, si: int, sentences, toks, c: Cue, lex) -> Candidate | None:
    mod = lex.mod
    idx = next((k for k, t in enumerate(toks) if t.start >= c.start), None)
    aft = next((k for k, t in enumerate(toks) if t.start >= c.end), len(toks))
    if idx is None:
        return None
    cue = (c.start, c.end)
    s_start, s_end = sent.start, sent.end

    if c.kind == "own":
        prev = sentences[si - 1] if si > 0 else None
        return _own_cue_candidate(text, sent, prev, toks, idx, aft, cue, c, lex)
    relative = getattr(mod, "RELATIVE_PREP_OBJECTS", ())
    rel = aft if aft < len(toks) and toks[aft].low in relative else \
        aft + 1 if aft + 1 < len(toks) and toks[aft].low in mod.DETERMINERS and toks[aft + 1].low in relative else None
    if c.kind == "prep" and rel is not None:
        # "la notizia secondo cui / secondo la quale il governo avrebbe …": the source is the
        # antecedent noun phrase, the content the relative clause
        end = next((t.start for t in toks[rel + 1:] if t.text in {";", ":"}), s_end)
        content = _content_span(text, toks[rel].end, end)
        if _content_words(text, content) < 2 or _denied_existence(toks, idx, s_start, mod):
            return None
        # "il giudice Nicola Di Leo, secondo cui …": a non-restrictive relative, past its comma
        anchor = idx - 1 if idx > 1 and toks[idx - 1].text == "," else idx
        source = _posted_or_true(text, _antecedent(toks, anchor, lex, text), s_start, mod)
        return Candidate([content], False, cue, source, c.start, kind="prep")
    free = getattr(mod, "FREE_RELATIVES", ())
    if c.kind == "prep" and aft < len(toks) and toks[aft].low in free:
        # "Secondo chi ha pubblicato il post, il vaccino …": the relative clause is the source
        comma = next((k for k in range(aft + 1, min(len(toks), aft + 25)) if toks[k].text == ","), None)
        if comma is not None and comma + 1 < len(toks):
            content = _content_span(text, toks[comma + 1].start, s_end)
            if _content_words(text, content) >= 2:
                source = _trim_span(text, toks[aft].start, toks[comma - 1].end)
                return Candidate([content], False, cue, source, c.start, kind="prep")
    if c.kind == "prep":
        src, nxt = _np_after(toks, aft, lex, text, allow_time=False)
        for _ in range(2):  # "Steinar Madsen, direttore dell'Anf, intervistato dal Bmj, …"
            found = _apposition_after(toks, nxt, mod) if src is not None else None
            if found is None:
                break
            after, describes = found
            # "Secondo Paul Offit, direttore del Vaccine Education Center, i vaccini …"; an
            # adjunct ("Secondo il ministro, visto l'andamento dei contagi, …") is skipped only
            src, nxt = ((src[0], toks[after - 2].end) if describes else src), after
        pieces = []
        if idx > 0:
            left_end = toks[idx - 1].end
            pieces.append((s_start, left_end))
        if nxt < len(toks):
            pieces.append((toks[nxt].start, s_end))
        pieces = [_content_span(text, a, b) for a, b in pieces]
        pieces = [p for p in pieces if len(_WORDS.findall(text[p[0]:p[1]])) >= 2]
        if not pieces:
            return None
        return Candidate(pieces, False, cue, src, c.start, kind="prep")

    # inverted: "Lo ha detto X." / "Lo afferma X" → content = previous sentence
    openers = {h.replace("’", "'") for h in mod.INVERTED_OPENERS} | set(mod.INVERTED_OPENERS)
    head = " ".join(t.low for t in toks[:idx])
    if idx <= 3 and head in openers and si > 0:
        src, _ = _np_after(toks, aft, lex, text)
        prev = sentences[si - 1]
        return Candidate([_content_span(text, prev.start, prev.end)], False, cue, src, c.start,
                         kind="inverted", inherit=src is None)
    # the same after a comma, colon or dash: "Il ponte riaprirà a giugno, lo sostiene X."
    # → content = the sentence before the punctuation
    mark = next((j for j in range(max(0, idx - 4), idx) if toks[j].text in {",", ":", ";", "—", "–"}
                 and " ".join(t.low for t in toks[j + 1:idx]) in openers), None)
    if mark is not None and mark >= 2:
        src, _ = _np_after(toks, aft, lex, text)
        content = _content_span(text, s_start, toks[mark].start)
        if _right_after(toks, aft, src, mod) and _content_words(text, content) >= 3:
            return Candidate([content], False, cue, src, c.start, kind="inverted")

    # parenthetical: "La Corea del Nord, sostiene Rutte, ha già inviato …" / "The plan, he said, is …"
    # final: "…, ha affermato giovedì l'agenzia." / "…, sources said." / "…, said Trump."
    apposition = idx > 0 and toks[idx - 1].text == "," and _np_before(toks, idx, lex, text) is not None
    left_comma = None
    if not apposition:
        for k in range(idx - 1, max(-1, idx - 9), -1):
            if toks[k].text == ",":
                left_comma = k
                break
            if toks[k].text in _TERMINAL or toks[k].text in {";", ":"} or toks[k].low in mod.CLAUSE_BOUNDARIES:
                break
    if left_comma is not None and left_comma > 0 and c.kind != "gerund":
        between = toks[left_comma + 1:idx]
        if between and between[-1].low in getattr(mod, "CLITICS", ()):
            return None  # "…, come si sostiene, …": impersonal, nobody is quoted
        if between and between[-1].low in getattr(mod, "CONTRAST_RELATIVES", ()):
            # "…, a differenza di quanto affermano X e Y, …": the clause before is what the
            # writer holds against them, not their words
            return None
        if between and between[0].low in {"come", "as"}:
            between = between[1:]  # "…, come sostiene Rossi, …": the source follows the cue
        object_only = bool(between) and all(t.low in getattr(mod, "OBJECT_CLITICS", ()) for t in between)
        if object_only:
            between = []  # "…, lo ha detto X": the pronoun is the object, the source follows
        if between and (between[0].low in mod.CLAUSE_BOUNDARIES or any(_verbish(t, lex) for t in between)):
            between = None
        if between is not None:
            right_comma = None
            for k in range(aft, len(toks)):
                if toks[k].text in {",", ";", ":"} or toks[k].text in _TERMINAL:
                    right_comma = k if toks[k].text == "," else None
                    break
            tail_end = right_comma if right_comma is not None else len(toks)
            tail = toks[aft:tail_end]
            if between:
                src = _trim_span(text, between[0].start, between[-1].end)
                ok = _is_np_tail(tail, lex, adjunct=True)
            else:
                src, _ = _np_after(toks, aft, lex, text)
                ok = src is not None and _is_np_tail(tail, lex)
                if ok and object_only:
                    ok = _right_after(toks, aft, src, mod)
            if ok:
                left = _content_span(text, s_start, toks[left_comma].start)
                if _content_words(text, left) < 1:
                    return None
                rest = toks[right_comma + 1:] if right_comma is not None else []
                rest_words = [t for t in rest if t.is_word]
                if right_comma is not None and len(rest_words) >= 2 and rest_words[0].low not in lex.gerunds \
                        and rest[0].low not in mod.CLAUSE_BOUNDARIES:
                    right = _content_span(text, toks[right_comma].end, s_end)
                    return Candidate([left, right], False, cue, src, c.start, kind="paren",
                                     inherit=src is None or _is_pronoun(text, src, lex))
                if _content_words(text, left) < 3:
                    return None
                return Candidate([left], False, cue, src, c.start, kind="final",
                                 inherit=src is None or _is_pronoun(text, src, lex))

    # forward: "X ha detto (ai giornalisti) che …" / "X said (that) …"
    if c.kind == "gerund" and idx == 0:
        return None  # "Osservando la foto è evidente che …": the writer's own reasoning, no speaker
    src = _np_before(toks, idx, lex, text) if c.kind != "gerund" else _clause_subject(toks, idx, lex, text)
    reading = " ".join(text[c.start:c.end].lower().split()) in getattr(mod, "READ_CUES", ())
    if reading and src is None:
        # impersonal: the source is the text read from when a place phrase names it; else,
        # as for other cues, the text or speaker of the previous attribution ("L'Iss ha
        # pubblicato il rapporto. Si legge che …")
        src = _text_read_from(toks, idx, aft, lex, text)
    if src is None and c.kind != "gerund" and idx > 0 and toks[idx - 1].text not in {",", ";", ":"} \
            and lex.lang == "en":
        return None
    k = aft
    comp = None
    for m in range(aft, min(len(toks), aft + 9)):
        if toks[m].low in mod.COMPLEMENTIZERS and toks[m].low != "come":
            comp = m
            break
        if toks[m].low in getattr(mod, "INFINITIVE_COMPLEMENTIZERS", ()) and _infinitive_after(toks, m + 1) \
                and _only_adjuncts(toks[aft:m], mod):
            comp = m  # "ha dichiarato di non conoscere nessuno", "ha spiegato di aver modificato"
            break
        if toks[m].text == "," and lex.lang == "it":
            # "Landi afferma, nel corso di una trasmissione, che …": past one adjunct set off
            # by commas that opens with a preposition or "come", to the clause after it
            close = _adjunct_end(toks, m, mod)
            if close is not None:
                comp = close + 1
            break
        if toks[m].text in {";", ":"} and lex.lang == "it":
            break
        if toks[m].text in _TERMINAL:
            break
    if comp is not None:
        k = comp
    elif k < len(toks) and toks[k].text == ",":
        return None  # "sottolinea, secondo Rutte, …": the parenthetical cue takes it
    elif k < len(toks) and toks[k].text == ":":
        k += 1
    elif lex.lang == "it" and c.kind != "gerund":
        return None  # Italian reported speech needs its clause: "ha detto che …"
    elif c.kind == "gerund" and toks[aft - 1].low in getattr(mod, "CLAUSE_ONLY_GERUNDS", ()) \
            and not (k < len(toks) and toks[k].text in OPENERS):
        return None  # "osservando le foto …": what the writer did, not what anyone said
    if k >= len(toks) or all(t.text in _TERMINAL or t.text in "”»\"’)" for t in toks[k:]):
        return None  # "X ha dichiarato:" — the content is the following quotation
    content = _content_span(text, toks[k].start, s_end)
    if _content_words(text, content) < 2:
        return None
    return Candidate([content], False, cue, src, c.start, kind="forward" if c.kind != "gerund" else "gerund",
                     inherit=src is None or _is_pronoun(text, src, lex))


# (with the cut forms before another verb: "di voler chiudere", "di aver visto", "di poter dire")
_INFINITIVE = re.compile(r"[^\W\d_]{2,}(?:are|ere|ire|rre)(?:lo|la|li|le|ne|si|ci|vi|gli|mi|ti)?"
                         r"|aver|esser|voler|poter|dover|saper|far|dir", re.IGNORECASE)


_APPOSITION_HEADS = PERSON_TITLES | frozenset(attribution_it.APPOSITION_HEADS)


def _apposition_after(toks: list[Tok], nxt: int, mod) -> tuple[int, bool] | None:
    """(the index after the comma that closes it, whether it describes the source) for an
    apposition that starts at `nxt` right after a comma: a description with no article and no
    verb ("Paul Offit, direttore del Vaccine Education Center, …") or examples ("i medici,
    come Paul Offit, …"); an absolute participle ("visto l'andamento dei contagi", "detto
    questo") or "tra" with a date ("tra gennaio e marzo", "tra l'altro") is an adjunct of the
    clause, skipped without joining the source; else None. Italian only (`APPOSITION_HEADS`):
    English reaches the learned tagger, which reads the rules' candidates as it was trained on
    them."""
    hints = getattr(mod, "VERB_HINTS", ()) if getattr(mod, "APPOSITION_HEADS", None) else ()
    if 0 <= nxt < len(toks) and toks[nxt].text == ",":
        nxt += 1  # (the source's phrase ends at its comma)
    if not hints or nxt <= 0 or nxt + 2 >= len(toks) or toks[nxt - 1].text != ",":
        return None
    first = toks[nxt]
    examples = first.low == "come" and toks[nxt + 1].is_cap
    # a role ("direttore del …", "tra gli autori …") or a participle ("pubblicato da …",
    # "intervistato dal …"); not a clause whose subject Italian leaves out ("…, sarebbe stato")
    partitive = first.low in ("uno", "una") and toks[nxt + 1].low in ("dei", "degli", "delle")  # "uno dei …"
    description = first.text.islower() and first.low not in mod.NP_STOPS and (
        first.low in _APPOSITION_HEADS or _participle(first, mod) or partitive)
    second = toks[nxt + 1]
    adjunct = ((_participle(first, mod) or first.low in mod.ABSOLUTE_PARTICIPLES)
               and (second.low in mod.DETERMINERS or second.low in ("questo", "ciò")
                    or re.match(r"(?:l|un|quest)['’]", second.low) is not None)
               and not toks[nxt + 2].text[:1].isdigit())  # ("pubblicato il 15 maggio": a description)
    adjunct = adjunct or first.low == "tra" and (second.low in _MONTHS  # (the tokenizer splits "l'altro")
                                                 or second.low in ("l'", "l’") and toks[nxt + 2].low == "altro")
    if not (examples or description or adjunct):
        return None
    for k in range(nxt + 1, min(len(toks) - 1, nxt + 14)):
        t = toks[k]
        if t.text in _TERMINAL or t.text in _SOURCE_BREAKS or t.low in hints or t.low in mod.CLAUSE_BOUNDARIES \
                or t.low.endswith(("ebbe", "ebbero")):
            return None
        if t.text == ",":
            return (k + 1, not adjunct) if k - nxt >= 2 or adjunct else None
    return None


def _adjunct_end(toks: list[Tok], comma: int, mod) -> int | None:
    """The index of the comma closing an adjunct opened by the comma at `comma` (its first
    word a preposition or "come": ", nel corso di una trasmissione,", ", come confermato a
    PolitiFact,"), when a "che" or "di" + infinitive follows it; else None."""
    if comma + 1 >= len(toks) or toks[comma + 1].low not in mod.NP_STOPS and toks[comma + 1].low not in ("come", "secondo") \
            or toks[comma + 1].low in mod.COMPLEMENTIZERS and toks[comma + 1].low != "come":
        return None
    for k in range(comma + 2, min(len(toks) - 1, comma + 26)):
        if toks[k].text in _TERMINAL or toks[k].text in {";", ":"}:
            return None
        if toks[k].text == ",":
            nxt = toks[k + 1]
            if nxt.low in mod.COMPLEMENTIZERS and nxt.low != "come" or \
                    nxt.low in getattr(mod, "INFINITIVE_COMPLEMENTIZERS", ()) and _infinitive_after(toks, k + 2):
                return k
            return None
    return None


def _only_adjuncts(between: list[Tok], mod) -> bool:
    """Whether the words between a cue and its "di" are only time words or adverbs ("ha poi
    dichiarato | anche | di …") or the hearer ("ha detto ai giornalisti di …"): not an object,
    whose noun the "di" would hang on ("evidenzia un rischio maggiore di contrarre …")."""
    if not between:
        return True
    hearer = mod.RECIPIENT_PREPOSITIONS
    if between[0].low in hearer:
        return len(between) <= 4
    return all(t.low in mod.TIME_WORDS or t.low.endswith("mente") for t in between)


def _infinitive_after(toks: list[Tok], j: int) -> bool:
    """Whether an infinitive follows at token j, past a "non" ("di non aver mai …"): the
    content of "ha dichiarato di …" is a clause, not a "di" complement ("ha scritto di lui")."""
    negated = j < len(toks) and toks[j].low == "non"  # ("di non sapere": a verb, never a noun)
    if negated:
        j += 1
    return j < len(toks) and toks[j].text.islower() and _INFINITIVE.fullmatch(toks[j].low) is not None \
        and (negated or toks[j].low not in attribution_it.NOUN_INFINITIVES)


def _denied_existence(toks: list[Tok], idx: int, s_start: int, mod) -> bool:
    """Whether the phrase a "secondo cui" hangs on is denied to exist ("Non esiste alcuna
    evidenza secondo cui …", "non c'è uno studio secondo il quale …"): up to six words before
    it, not past punctuation ("… da alcuna prova, così come l'affermazione secondo cui …" is
    another phrase)."""
    window = []
    for t in reversed(toks[max(0, idx - 6):idx]):
        if t.start < s_start or not t.is_word:
            break
        window.insert(0, t)
    if any(t.low in getattr(mod, "NEGATIVE_DETERMINERS", ()) for t in window):
        return True
    lows = [t.low for t in window]
    existentials = getattr(mod, "EXISTENTIALS", ())
    return any(w == "non" and any(x in existentials for x in lows[k + 1:k + 3]) for k, w in enumerate(lows))


def _right_after(toks: list[Tok], aft: int, src: tuple[int, int] | None, mod) -> bool:
    """Whether a subject found after a cue follows it at once, past time words only ("lo ha
    detto ieri il sindaco"), not past a conjunction ("lo ha detto, ma nessuno gli crede")."""
    return src is not None and all(t.low in mod.TIME_WORDS for t in toks[aft:] if t.start < src[0])


def _text_read_from(toks: list[Tok], idx: int, aft: int, lex: Lexicon, text: str) -> tuple[int, int] | None:
    """The text a "si legge" cue reads from: the noun phrase of a place phrase right after the
    cue ("Si legge in una nota della Regione che …") or opening the clause before it ("Nel
    comunicato si legge che …")."""
    places = getattr(lex.mod, "LOCATIVE_PREPOSITIONS", ())
    if aft < len(toks) and toks[aft].low in places:
        span, _ = _np_after(toks, aft + 1, lex, text, allow_time=False)
        if span is not None:
            return _tidy_source(text, *span)
    start = next((k for k in range(idx - 1, -1, -1) if toks[k].text in _BOUNDARY_PUNCT
                  or toks[k].text in _TERMINAL), -1) + 1
    phrase = toks[start + 1:idx]
    stops = set(lex.mod.VERB_HINTS) | set(lex.mod.CLAUSE_BOUNDARIES) | set(getattr(lex.mod, "RELATIVE_PREP_OBJECTS", ()))
    if start < idx - 1 and toks[start].low in places and len(phrase) <= 6 \
            and not any(t.low in stops for t in phrase):
        return _tidy_source(text, phrase[0].start, phrase[-1].end)
    return None


def _clause_subject(toks: list[Tok], idx: int, lex: Lexicon, text: str) -> tuple[int, int] | None:
    """The subject of the clause a gerund cue hangs on, when the sentence opens with it:
    "Trainor ha definito illegittimo il voto, denunciando …" → Trainor. Only before an
    auxiliary (`VERB_HINTS`: "ha", "hanno", "è" …) with no new clause between it and the cue;
    else None, and the cue takes the previous speaker as before."""
    hints = getattr(lex.mod, "VERB_HINTS", ())
    verb = next((j for j in range(1, idx) if toks[j].low in hints), None)
    if verb is None or any(toks[k].low in lex.mod.CLAUSE_BOUNDARIES or toks[k].text in {";", ":"}
                           for k in range(verb + 1, idx)):
        return None
    if verb == 1 and toks[0].low in getattr(lex.mod, "INVERTED_OPENERS", ()) and verb + 2 < idx:
        # "Lo ha detto il vice ministro, Andrei Rudenko, aggiungendo …": the opener is the
        # object, the subject follows the participle
        span, _ = _np_after(toks, verb + 2, lex, text, allow_time=True)
        if span is None or span[1] > toks[idx].start:
            return None
        return _tidy_source(text, *span)
    span = _np_before(toks, verb, lex, text)
    if span is None or span[0] != toks[0].start:
        return None
    return _tidy_source(text, *span)


def _own_cue_candidate(text, sent: Span, prev: Span | None, toks, idx: int, aft: int, cue, c: Cue,
                       lex) -> Candidate | None:
    """`…, che a suo dire hanno superato le 650.000 vittime` / `A suo avviso, …` / `…, a suo dire.`:
    the content is the clause the cue sits in (what follows it, else what precedes it back to the
    clause start); the source is the subject named earlier in the sentence, else the one named
    first in the previous sentence, else the last speaker."""
    end = next((t.start for t in toks[aft:] if t.text == ";"), sent.end)
    start = toks[aft].start if aft < len(toks) else end
    content = _content_span(text, start, end)
    if _content_words(text, content) < 2:
        left, before = sent.start, toks[:idx]
        while before and not before[-1].is_word:
            before = before[:-1]  # the comma of `…, a suo dire.`
        for t in reversed(before):
            if t.text in {",", ";", ":"} or t.low in lex.mod.CLAUSE_BOUNDARIES:
                left = t.end
                break
        content = _content_span(text, left, c.start)
        if _content_words(text, content) < 2:
            return None
    def named(start: int, end: int) -> list:
        # a capitalised function word at a sentence start ("Non", "Questa") is not a name
        return [n for n in _names_in(text, start, end, {start}) if not n[3] and not (
            len(n[2].split()) == 1 and (n[2].lower() in lex.mod.NP_STOPS or n[2].lower() in lex.mod.DETERMINERS
                                        or n[2].lower() in getattr(lex.mod, "CLITICS", ())))]

    names = named(sent.start, c.start)
    if not names and prev is not None:
        names = named(prev.start, prev.end)
    src = (names[0][0], names[0][1]) if names else None
    return Candidate([content], False, cue, src, c.start, kind="own", inherit=src is None)


def _is_np_tail(toks: list[Tok], lex, adjunct: bool = False) -> bool:
    """`said Trump.` / `ha affermato giovedì l'agenzia di spionaggio della Corea del Sud.`;
    with `adjunct`, what may follow `X said`: nothing, a time, a place ("Tuesday in Ohio")."""
    words = [t for t in toks if t.is_word]
    if not words:
        return True
    if len(words) > (10 if adjunct else 14):
        return False
    if any(t.low in lex.mod.COMPLEMENTIZERS for t in words):
        return False
    if any(t.text in {"“", "«", '"', "„"} for t in toks):
        return False
    for k, t in enumerate(words):
        if _verbish(t, lex):
            return False
        if not t.is_cap and (lex.lang == "it" and t.low.endswith(("ando", "endo"))):
            return False
        if lex.lang == "en" and t.low.endswith("ing") and not t.is_cap and len(t.low) > 5 and (
                k == 0 or words[k - 1].low not in lex.mod.DETERMINERS):
            return False
    if adjunct and words[0].low not in lex.mod.TIME_WORDS and words[0].low not in lex.mod.NP_STOPS \
            and not words[0].is_cap:
        return False
    return True


def _long_subject(left: tuple[int, int], text: str, lex) -> bool:
    """A parenthetical cue interrupts a clause: the part before it is a subject, not a clause."""
    words = re.findall(r"[\w'’]+", text[left[0]:left[1]])
    return len(words) > 8


def _content_words(text: str, span: tuple[int, int]) -> int:
    return len(_WORDS.findall(text[span[0]:span[1]]))


# ---------------------------------------------------------------- learned filter (English)

@lru_cache(maxsize=None)
def _cue_model(lang: str) -> dict | None:
    path = _MODEL_DIR / f"attribution_{lang}" / "cue_filter.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def candidate_features(c: Candidate, text: str) -> list[str]:
    """Sparse string features of a reported-speech candidate, for the learned filter."""
    feats = [f"kind={c.kind}", "bias", f"direct={c.direct}", f"inherit={c.inherit}",
             f"pieces={min(len(c.content), 3)}"]
    if c.cue:
        cue = re.sub(r"\s+", " ", text[c.cue[0]:c.cue[1]].lower())
        words = cue.split()
        feats += [f"cue={cue}", f"cue_last={words[-1]}", f"cue_last+kind={words[-1]}|{c.kind}"]
        nxt = re.findall(r"[\w'’]+|[^\w\s]", text[c.cue[1]:c.cue[1] + 30])[:2]
        prv = re.findall(r"[\w'’]+|[^\w\s]", text[max(0, c.cue[0] - 30):c.cue[0]])[-2:]
        feats += [f"next={w.lower()}" for w in nxt[:1]] + [f"prev={w.lower()}" for w in prv[-1:]]
        if nxt:
            feats.append(f"cue_last+next={words[-1]}|{nxt[0].lower()}")
        if prv:
            feats.append(f"prev+cue_last={prv[-1].lower()}|{words[-1]}")
    if c.source:
        src = text[c.source[0]:c.source[1]]
        sw = src.split()
        feats.append("src=yes")
        feats.append(f"src_len={min(len(sw), 6)}")
        feats.append(f"src_cap={sw[0][:1].isupper() if sw else False}")
        feats.append(f"src_first={sw[0].lower() if sw else ''}")
        feats.append(f"src_last={sw[-1].lower() if sw else ''}")
    else:
        feats.append("src=no")
    n = sum(_content_words(text, p) for p in c.content)
    feats.append(f"content_len={min(n // 3, 10)}")
    first = re.findall(r"\w+", text[c.content[0][0]:c.content[0][1]])[:1]
    if first:
        feats.append(f"content_first={first[0].lower()}")
    return feats


def _filter(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    model = _cue_model(lex.lang)
    if model is None:
        return cands
    weights, threshold = model["weights"], model.get("threshold", 0.5)
    kept = []
    for c in cands:
        z = sum(weights.get(f, 0.0) for f in candidate_features(c, text))
        c.score = 1 / (1 + math.exp(-z))
        if c.score >= threshold:
            kept.append(c)
    return kept


# ---------------------------------------------------------------- merge

def _finalise(text: str, cands: list[Candidate]) -> list[Attribution]:
    out: list[Attribution] = []
    last_source: tuple[int, int] | None = None
    last_speech_source: tuple[int, int] | None = None  # of a cue verb or a quotation, not "secondo X"
    last_pos = -1
    seen: set[tuple] = set()
    for c in sorted(cands, key=lambda c: c.cue[0] if c.cue else c.content[0][0]):
        src = c.source
        if src is not None and _negated_source(text[src[0]:src[1]]):
            continue
        if src is not None and _is_pronoun_text(text[src[0]:src[1]]) and c.inherit and last_source:
            pass  # keep the pronoun as written; resolve_speaker maps it to the last speaker
        if src is None and c.inherit:
            if c.kind == "continuation":
                # a quotation with no cue keeps the floor of the last one who spoke, when near
                if last_speech_source is None or c.content[0][0] - last_pos > 1500:
                    continue
                src = last_speech_source
            elif last_source is not None:
                src = last_source
        pieces = sorted(p for p in c.content if p[1] > p[0])
        if not pieces:
            continue
        start, end = pieces[0][0], pieces[-1][1]
        key = (start, end)
        if key in seen:
            continue
        seen.add(key)
        att = Attribution(
            content=Span.of(text, start, end),
            direct=c.direct,
            source=Span.of(text, *src) if src else None,
            cue=Span.of(text, *c.cue) if c.cue else None,
            spans=tuple(pieces) if len(pieces) > 1 else (),
        )
        out.append(att)
        if src is not None and not (c.kind == "prep" and c.source is None):
            last_source = src
            if c.kind != "prep":
                last_speech_source = src
        last_pos = end
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return out


_PERSON_PRONOUNS = frozenset(attribution_it.PERSON_PRONOUNS) | frozenset(attribution_en.PERSON_PRONOUNS)


def _is_pronoun_text(s: str) -> bool:
    return s.lower() in attribution_it.PRONOUNS or s.lower() in attribution_en.PRONOUNS


# ---------------------------------------------------------------- speaker resolution

_NW = r"[A-ZÀ-Þ](?:\.|[\w’'-]*\w)"
_NAME = re.compile(rf"{_NW}(?:[ \t]+(?:(?:di|de|del|della|dei|van|von|der|da|al|bin|of|the)[ \t]+)?{_NW})*")
_NAME_PREPS = {"di", "del", "della", "dello", "dei", "degli", "delle", "dell", "dell'", "dell’",
               "d'", "d’", "of", "from", "at", "for", "in", "da", "dal", "dalla", "nel", "nella",
               # where something was said is no speaker ("chi ha pubblicato il post su Facebook")
               "su", "sul", "sulla", "sullo", "sui", "sugli", "sulle", "sull'", "sull’", "on"}
_ARTICLES = {"il", "lo", "la", "i", "gli", "le", "l'", "l’", "un", "uno", "una", "un'", "the", "a", "an",
             "anche", "also"}


def _names_in(text: str, start: int, end: int, sentence_starts: set[int]) -> list[tuple[int, int, str, bool]]:
    """Capitalised sequences in text[start:end]: (start, end, name, is_modifier)."""
    out = []
    for m in _NAME.finditer(text, start, end):
        s, e = m.start(), m.end()
        name = m.group().rstrip(".’'")
        e = s + len(name)
        words = name.split()
        # drop a leading capitalised article/function word ("Il Segretario", "The Post")
        while words and words[0].lower() in _ARTICLES | {"secondo", "according", "lo", "per"}:
            s = s + len(words[0]) + (len(name) - len(name.lstrip())) + 1
            name = " ".join(words[1:])
            words = words[1:]
        if not words:
            continue
        s = text.find(words[0], s - 2 if s >= 2 else 0, e)
        elided = re.match(r"(?:[LlDd]|[Uu]n|[Dd]ell|[Nn]ell|[Ss]ull|[Aa]ll|[Dd]all)['’]", words[0])
        if elided:
            s += elided.end()
            words[0] = words[0][elided.end():]
            name = " ".join(words)
            if not words[0][:1].isupper():
                continue
        if s in sentence_starts or _after_sentence_start_article(text, s, sentence_starts):
            if len(words) == 1 and (words[0].lower() in _COMMON_STARTERS
                                    or not _capitalised_elsewhere(text, words[0], s)):
                continue
        prev = re.findall(r"[\w'’]+", text[max(0, s - 12):s].lower())
        modifier = bool(prev) and prev[-1] in _NAME_PREPS
        if modifier and len(words) >= 3 and all(w[:1].isupper() for w in words):
            # "del Pentagono Sabrina Singh": an organisation then the person's name
            head = " ".join(words[:-2])
            out.append((s, s + len(head), head, True))
            tail = " ".join(words[-2:])
            ts = text.find(tail, s, e + 1)
            out.append((ts, ts + len(tail), tail, False))
            continue
        out.append((s, e, name, modifier))
    return out


def _after_sentence_start_article(text: str, s: int, sentence_starts: set[int]) -> bool:
    m = re.search(r"(?:^|(?<=\s))([\w]+['’]?\s*)$", text[max(0, s - 6):s])
    if not m:
        return False
    return (s - len(m.group(1))) in sentence_starts and m.group(1).strip().lower().strip("'’") in _ARTICLES | {"l", "un", "dell", "nell"}


def _capitalised_elsewhere(text: str, word: str, pos: int) -> bool:
    for m in re.finditer(r"(?<![\w'’])" + re.escape(word) + r"(?!\w)", text):
        if m.start() == pos:
            continue
        before = text[max(0, m.start() - 3):m.start()]
        if before.strip() and before.rstrip()[-1:] not in ".!?\n:\"“«" and not before.endswith("\n"):
            return True
    return False


_COMMON_STARTERS = {"secondo", "lo", "la", "il", "according", "but", "and", "however", "ma", "anche",
                    "in", "the", "oggi", "ieri", "this", "that", "he", "she", "they", "it", "we"}


def resolve_speaker(doc: Document, attribution: Attribution) -> str | None:
    """The canonical name (person/organisation) the attribution's source refers to, or None.

    Uses `doc.entities` when present, else capitalised sequences. Surnames map to the fullest
    name in the document that ends with them ("Rutte" → "Mark Rutte"); a role mentioned earlier
    with a name ("il segretario generale della Nato, Mark Rutte") resolves a later bare role;
    pronouns and missing sources resolve to the previous attribution's speaker (a pronoun with
    none before it, to the last person named before it). An unnamed
    source ("un funzionario dell'agenzia") resolves to its own text without the article.
    """
    atts = list(doc.attributions) or find_attributions(doc, None)
    atts.sort(key=lambda a: (a.content.start, a.content.end))
    return _resolve(doc, attribution, atts, depth=0)


def _resolve(doc: Document, att: Attribution, atts: list[Attribution], depth: int) -> str | None:
    text = doc.text
    src = att.source
    if src is not None and src.text.strip().lower() in _NARRATOR_PRONOUNS and not _quoted(doc, src):
        return None  # "I have to say …" in the writer's own voice: not the last one quoted
    if src is not None and src.text.strip() in _RELATIVE_PRONOUNS:
        src = _relative_antecedent(doc, src.start)
        if src is None:
            return None
        att = replace(att, source=src)
    if src is None or _is_pronoun_text(src.text.strip()):
        if depth > 5:
            return None
        prev = [a for a in atts if a.content.start < att.content.start and a.source is not None and a is not att
                and not _is_pronoun_text(a.source.text.strip())]
        if not prev:
            # a pronoun with no speaker before it ("Il ministro Mario Rossi ha parlato ieri. Lo
            # stesso ammette che …") stands for the last person named before it
            if src is None or src.text.strip().lower() not in _PERSON_PRONOUNS:
                return None
            before = [e for e in doc.entities if e.type == "PER" and e.end <= src.start]
            return _canonical(before[-1].text, _known_names(doc)) if before else None
        return _resolve(doc, prev[-1], atts, depth + 1)
    known = _known_names(doc)
    # named speaker inside the span (not a modifier like "della Corea del Sud")
    heads = []
    ents = [e for e in doc.entities if e.type in {"PER", "ORG"} and src.start <= e.start and e.end <= src.end]
    if ents:
        # a person's possessive is the speaker ("Trump's claim"), a place's or body's is not
        # ("New York's chief medical examiner")
        heads = [(e.start, e.end, e.text,
                  _is_modifier(text, e.start, None if e.type == "PER" else e.end, src.start)) for e in ents]
    else:
        heads = _unplaced_names(doc, src)
    speakers = [h for h in heads if not h[3]]
    role = _strip_articles(src.text)
    described = src.text.split()[0].lower().strip("'’") in _ARTICLES | {"l", "un"} if src.text.split() else False
    speakers = [_drop_titles(h) for h in speakers]
    speakers = [h for h in speakers if h[2]]
    if speakers and not (described and speakers[0][0] > src.start + 3 and role.split()[0][:1].isupper()
                         and speakers[-1][2] == _strip_articles(speakers[-1][2]) and False):
        # "Il Segretario Generale della Nato" reads as a capitalised role, not a name
        if not (described and _role_named_elsewhere(text, role)):
            return _canonical(_head_speaker(text, src, speakers)[2], known)
    if att.cue is not None and att.cue.text == ":" and role.isupper() and len(role.split()) <= 3:
        # a transcript's label in capitals ("WALLACE:"): the name it stands for ("Chris Wallace")
        return _canonical(role, known)
    # a role: look for its introduction with a name ("<role>, Mark Rutte," / "<role> Sabrina Singh")
    if role:
        named = _role_named_elsewhere(text, role)
        if named:
            return _canonical(named, known)
        for a in atts:
            if a.source is None or a is att:
                continue
            if role.lower() in a.source.text.lower():
                heads = _unplaced_names(doc, a.source)
                sp = [h for h in heads if not h[3]]
                if sp:
                    return _canonical(sp[-1][2], known)
    return role or None


_NARRATOR_PRONOUNS = frozenset(attribution_en.NARRATOR_PRONOUNS) | frozenset(attribution_it.NARRATOR_PRONOUNS)
_RELATIVE_PRONOUNS = frozenset(attribution_en.RELATIVE_PRONOUNS) | frozenset(attribution_it.RELATIVE_PRONOUNS)
# words an antecedent does not run back past ("many victims, who" → "victims")
_ANTECEDENT_STOPS = (_ARTICLES | _NAME_PREPS | frozenset(attribution_en.DETERMINERS)
                     | frozenset(getattr(attribution_it, "DETERMINERS", ()))
                     | frozenset(attribution_en.PRONOUNS) | frozenset(attribution_it.PRONOUNS)
                     | {"and", "or", "but", "e", "o", "ma", "those", "quelli", "quelle", "all", "tutti",
                        # "anyone who …" names nobody
                        "anyone", "anybody", "someone", "somebody", "everyone", "everybody",
                        "chiunque", "qualcuno", "ognuno"})


def _relative_antecedent(doc: Document, start: int) -> Span | None:
    """What a relative pronoun at `start` stands for: a name ending right before it
    ("Assange, who"), else the words before it back to a determiner, preposition or
    punctuation ("the billionaire investor who" → "billionaire investor"); None when nothing
    is left ("those who"). The nearest phrase, also after a preposition ("the rise of Donald
    Trump, who"): on PolNeAR dev, reaching for the head before the preposition was wrong
    more often than right ("members of the Saudi government, which")."""
    text = doc.text
    end = start
    while end > 0 and text[end - 1] in " \t,—–-":
        end -= 1
    name = next((e for e in doc.entities if e.end == end and e.type in {"PER", "ORG"}), None)
    first = name.start if name else _phrase_start(text, end)
    if first is None or any(t.start < end and first < t.end for t in doc.timexes):
        return None  # "announced in March, which": a date says nothing
    return Span.of(text, first, end)


def _phrase_start(text: str, end: int, max_words: int = 4) -> int | None:
    """The start of the words ending at `end`, back to a determiner, preposition, pronoun or
    punctuation, at most `max_words`; None when there is none."""
    first, words = end, 0
    for m in reversed(list(re.finditer(r"\w[\w'’-]*", text[max(0, end - 80):end]))):
        at = max(0, end - 80) + m.start()
        if text[at + len(m.group()):first].strip() or m.group().lower() in _ANTECEDENT_STOPS \
                or words == max_words:
            break
        first, words = at, words + 1
    return first if words else None


_TITLES = frozenset(attribution_en.NAME_TITLES) | frozenset(attribution_it.NAME_TITLES)
_CLAUSE_VERBS = frozenset(attribution_en.VERB_HINTS) | frozenset(attribution_it.VERB_HINTS)


def _drop_titles(head: tuple[int, int, str, bool]) -> tuple[int, int, str, bool]:
    s, e, name, modifier = head
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".").replace(".", "") in _TITLES:
        words = words[1:]
    return s, e, " ".join(words), modifier


def _role_named_elsewhere(text: str, role: str) -> str | None:
    """`<role>, Name,` or `<role> Name` somewhere in the text: the name that role stands for."""
    if len(role.split()) < 2:
        return None
    pattern = re.compile(r"(?i:" + re.escape(role) + r")(?:(,[ \t]+)(" + _NAME.pattern
                         + r")(?=\s*[,.;:)])|[ \t]+(" + _NAME.pattern + r"))")
    for m in pattern.finditer(text):
        name = m.group(2) or m.group(3)
        if name and name[:1].isupper() and (m.group(2) or m.group(3)):
            if m.group(3) and not m.group(3)[:1].isupper():
                continue
            after = re.match(r"\s*([\w'’]+)", text[m.end():])
            if m.group(3) and after and after.group(1).lower() in _CLAUSE_VERBS:
                continue  # "secondo diversi media Romano avrebbe detto": the name begins a clause
            return name.strip()
    return None


def _quoted(doc: Document, span: Span) -> bool:
    """Whether `span` lies inside quotation marks."""
    quoted = [(q.start, q.end) for q in doc.quotations] or _quote_spans(doc.text)
    return any(a <= span.start and span.end <= b for a, b in quoted)


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The inner spans of a text's quotations, found once per text however many of its
    speakers are asked about (a document without `quotations` read, or without any)."""
    return tuple((q.inner_start, q.inner_end) for q in find_quotes(text))


def _unplaced_names(doc: Document, src: Span) -> list[tuple[int, int, str, bool]]:
    """`_names_in` the source, less the places and adjectives the entity stage read inside a
    longer source: "The Republican presidential nominee", "The New York businessman" are
    roles, not Republican or New York (a source that is the place itself stays)."""
    text = doc.text
    heads = _names_in(text, src.start, src.end, {s.start for s in doc.sentences})
    placed = [(e.start, e.end) for e in doc.entities if e.type in {"LOC", "MISC"}
              and src.start <= e.start and e.end <= src.end]
    if placed and _strip_articles(src.text) not in {text[a:b] for a, b in placed}:
        heads = [h for h in heads if not any(a <= h[0] and h[1] <= b for a, b in placed)]
    return heads


def _is_modifier(text: str, start: int, end: int | None = None, source_start: int = 0) -> bool:
    """A name that modifies the source's head rather than being it: after a preposition, an
    article between them or not ("della Nato", "at the University of Florida"), or a
    possessive ("New York's chief medical examiner"). Only words of the source from
    `source_start` count: "seized on | Trump's claim" has no preposition before the name."""
    prev = re.findall(r"[\w'’]+", text[max(0, start - 20, source_start):start].lower())
    while prev and prev[-1] in _ARTICLES - {"anche", "also"}:
        prev.pop()
    if prev and prev[-1] in _NAME_PREPS:
        return True
    return end is not None and re.match(r"['’]s\b", text[end:end + 3]) is not None


_APPOSITION_COMMA = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")  # "Name (D-Richmond), …"


def _head_speaker(text: str, src: Span, speakers: list[tuple[int, int, str, bool]]) -> tuple[int, int, str, bool]:
    """The named speaker of a source: the last name ("il segretario generale della Nato, Mark
    Rutte"), unless the source opens with a name set off by a comma, an apposition that
    describes it ("Paul Torrey, associate professor at …, and co-author of the study")."""
    if len(speakers) < 2:
        return speakers[-1]
    first, second = speakers[0], speakers[1]
    opening = not _strip_articles(text[src.start:first[0]])
    set_off = _APPOSITION_COMMA.match(text, first[1])
    # "Barack Obama, Hillary Clinton and …" is a list, not a name and its description
    listed = set_off is not None and not text[set_off.end():second[0]].strip()
    return first if opening and set_off and not listed else speakers[-1]


def _strip_articles(s: str) -> str:
    s = s.strip(" ,.;:")
    words = s.split()
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    s = " ".join(words)
    for art in ("l'", "l’", "un'", "un’"):
        if s.lower().startswith(art):
            s = s[len(art):]
    return s


def _known_names(doc: Document) -> list[str]:
    if doc.entities:
        return [e.text for e in doc.entities if e.type in {"PER", "ORG"}]
    heads = _names_in(doc.text, 0, len(doc.text), {s.start for s in doc.sentences})
    return [_drop_titles(h)[2] for h in heads]


def _canonical(name: str, known: list[str]) -> str:
    """The longest known name whose words end with (or equal) `name`'s words; a name in capitals
    (a transcript's "WALLACE:") is compared without case."""
    words = name.split()
    best = name
    fold = str.casefold if name.isupper() else str

    def folded(ws: list[str]) -> list[str]:
        return [fold(w) for w in ws]

    for k in known:
        kw = k.split()
        # a name in capitals takes the known spelling even when no longer ("JAKE TAPPER")
        fuller = len(kw) > len(best.split()) or best == name and len(kw) == len(words) and k != name
        if fuller and len(kw) <= 5 and folded(kw[-len(words):]) == folded(words):
            best = k
    if best == name and len(words) == 1:
        # "Yoon" → "Yoon Suk-yeol" when exactly one longer name starts with it
        longer = {k for k in known if k.split()[0] == name and 1 < len(k.split()) <= 3}
        if len(longer) == 1:
            best = longer.pop()
    return best
