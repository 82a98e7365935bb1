"""One entity per real-world thing across a corpus.

The per-document stage leaves `EntityMention`s (text, type, offsets). Here they become
canonical entities, each with a name, a type, its aliases and every mention. Names are
joined when one of these holds, and only then:

* the same name once case, accents, hyphens and dots are set aside ("NATO" / "Nato",
  "Yoon Suk-yeol" / "Yoon Suk Yeol", "U.S." / "US");
* the same country in maintained data: pycountry's short, official and common names with
  their Italian translations, Babel's territory names in Italian and English, the ISO alpha-3
  code written in capitals, and acronyms read from official names ("RPDC" / "DPRK" /
  "Corea del Nord" / "North Korea"; "Usa" / "Stati Uniti" / "USA");
* an acronym defined in a text ("Agenzia internazionale per l'energia atomica (AIEA)");
* a one-word person name that is the first or last word of exactly one fuller person name,
  in the same document first, else in the corpus ("Rutte" → "Mark Rutte", "Yoon" → "Yoon
  Suk Yeol");
* the same body of the same country, the country once a name and once an adjective
  ("Ministero della Difesa … sudcoreano" / "… della Repubblica di Corea");
* near-identical spellings of the same type: one word differs, both words at least five
  letters long and almost the same ("Zelensky" / "Zelenskyy").

Names that differ in a whole word are never joined ("Corea del Nord" / "Corea del Sud"),
nor are two different countries, however alike ("Austria" / "Australia").
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from rassegna.lang import en, it, name_initials
from rassegna.model import Document, EntityMention

# How alike two words must be to be one spelling (difflib ratio), and how long at least.
NEAR_SPELLING = 0.85
NEAR_SPELLING_MIN_LENGTH = 5
ITALIAN_POINTS = ("nord", "sud", "est", "ovest")
DOMINANT_SHARE = 4  # a surname goes to the bearer named this many times more than all others
TYPE_ORDER = ("PER", "ORG", "LOC", "MISC")  # ties in the type vote go to the earlier one


def name_key(text: str) -> str:
    """Case, accents, hyphens, apostrophes and dots set aside: the spelling-free form of a name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"(?<=\w)\.(?=\w)|\.$", "", text)  # U.S. → US
    text = re.sub(r"[\s\-‐‑–—'’`´.,]+", " ", text)
    return text.casefold().strip()


_MODIFIER_SUFFIX = re.compile(r"[-‐‑](?:" + "|".join(sorted(en.COMPOUND_MODIFIERS)) + r")$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")
# particles inside people's and organisations' names ("von der", "di", "of")
_NAME_FUNCTION_WORDS = it.NAME_FUNCTION_WORDS | en.NAME_FUNCTION_WORDS


@lru_cache(maxsize=65536)  # a corpus writes the same names over and over; keys are asked for again
def entity_key(text: str) -> str:
    """`name_key` of the name a mention stands for: without a leading courtesy or office
    title ("Mr. Trump" is "trump", as "Trump" is, so that it joins "Donald Trump" rather than
    competing with it as a second two-word name), an English possessive ("Trump’s") or a
    hyphenated modifier ("Trump-era"). A title alone stays itself."""
    text = _POSSESSIVE.sub("", _MODIFIER_SUFFIX.sub("", text.strip()))
    words = name_key(text).split()
    while len(words) > 1 and words[0] in en.HONORIFICS | it.HONORIFICS:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Countries from maintained data


def _acronym_of(name: str) -> str | None:
    """Initials of the content words of an official name, or None when fewer than three."""
    initials = name_initials(name)
    return initials if len(initials) >= 3 else None


def _acronym_shape(acronym: str) -> tuple[str, str, str]:
    """First letter, last letter and the sorted middle: translations of an official name may
    order the middle words differently (DPRK, RPDC ← Repubblica Popolare Democratica di Corea)."""
    return acronym[0], acronym[-1], "".join(sorted(acronym[1:-1]))


def _invert(name: str) -> str:
    """pycountry's "Korea, Republic of" → "Republic of Korea"."""
    head, sep, tail = name.partition(", ")
    return f"{tail} {head}" if sep and tail.split()[-1].lower() in ("of", "di", "del", "della") else name


_OF_EN = re.compile(r"(.+?) of (?:the )?([A-Z][\w-]+)")
_OF_IT = re.compile(r"(.+?) (di|del|della|dello|dei|delle) ([A-Z][\w-]+)")


def _official_name_translator(italian):
    """A translator for the official names pycountry's Italian catalogue lacks ("Republic of
    Korea"), learned from the pairs it has: the frame ("Republic of" → "Repubblica", from
    "Republic of Moldova" → "Repubblica di Moldavia" and the like) and the country word with
    the preposition Italian puts before it ("of Korea" → "di Corea", from "Democratic People's
    Republic of Korea" → "Repubblica democratica popolare di Corea"). A part is used only when
    at least three quarters of the pairs that show it agree on its translation. Returns a
    function giving the Italian name, or None when a part is unknown."""
    import pycountry

    frames: dict[str, Counter] = defaultdict(Counter)
    words: dict[str, Counter] = defaultdict(Counter)
    for country in pycountry.countries:
        english = getattr(country, "official_name", None)
        if not english or italian(english) == english:
            continue
        en, it = _OF_EN.fullmatch(english), _OF_IT.fullmatch(italian(english))
        if en and it:
            frames[en.group(1)][it.group(1)] += 1
            words[en.group(2)][f"{it.group(2)} {it.group(3)}"] += 1

    def agreed(seen: Counter | None) -> str | None:
        if not seen:
            return None
        value, n = seen.most_common(1)[0]
        return value if n >= 0.75 * sum(seen.values()) else None

    def translate(english: str) -> str | None:
        en = _OF_EN.fullmatch(english)
        head, tail = (agreed(frames.get(en.group(1))), agreed(words.get(en.group(2)))) if en else (None, None)
        return f"{head} {tail}" if head and tail else None

    return translate


def country_forms(derived: bool = False):
    """(ISO alpha-2 code, name, official) for every form of every country's name that
    pycountry (its common, official and inverted names, with their Italian translations) and
    Babel (Italian and English territory names) give; `official` is true for an official name,
    whose acronym stands for the country (RPDC, DPRK). With `derived`, also the Italian
    official names the catalogue lacks, translated by `_official_name_translator`
    ("Repubblica di Corea"); the NER gazetteer does without them, as its models were trained."""
    import pycountry
    from babel import Locale

    try:
        italian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["it"]).gettext
    except OSError:  # the translations are optional in pycountry builds
        def italian(s: str) -> str:
            return s
    locales = [Locale("it"), Locale("en")]
    translate_official = _official_name_translator(italian) if derived else (lambda english: None)
    for country in pycountry.countries:
        code = country.alpha_2
        official = getattr(country, "official_name", None)
        forms = {country.name, _invert(country.name)}
        for english in {official, _invert(country.name)} - {None}:
            if italian(english) == english and (translated := translate_official(english)):
                forms.add(translated)
        for attr in ("official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                forms.add(value)
        forms |= {italian(f) for f in list(forms)}
        forms |= {loc.territories.get(code) for loc in locales} - {None}
        for form in forms:
            if "\n" in form:  # gettext's catalogue header, not a name
                continue
            yield code, form, form == official or form == italian(official or "\0")


@lru_cache(maxsize=1)
def country_names() -> tuple[dict[str, str], dict[tuple[str, str, str], str]]:
    """(name key → ISO alpha-2, acronym shape → alpha-2); keys shared by two countries dropped."""
    import pycountry

    names: dict[str, set[str]] = defaultdict(set)
    acronyms: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for code, form, official in country_forms(derived=True):
        names[name_key(form)].add(code)
        if official:
            acronym = _acronym_of(form)
            if acronym:
                acronyms[_acronym_shape(acronym)].add(code)
    for country in pycountry.countries:
        names[f"alpha3:{country.alpha_3}"].add(country.alpha_2)
        names[f"alpha2:{country.alpha_2}"].add(country.alpha_2)
    # ISO 3166-1 reserves "UK" for the United Kingdom beside its code GB; pycountry lists only GB
    names["alpha2:UK"].add("GB")
    return ({k: next(iter(v)) for k, v in names.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in acronyms.items() if len(v) == 1})


def country_of(surface: str, acronyms_too: bool = True) -> str | None:
    """ISO alpha-2 code of the country a name refers to, or None; without `acronyms_too`, not
    through an acronym read from an official name ("RPDC")."""
    names, acronyms = country_names()
    key = name_key(surface)
    if key in names:
        return names[key]
    words = key.split()
    if len(words) > 1 and words[0] in ITALIAN_POINTS:
        # "Nord Corea", "Sud Corea", "Nord Macedonia": the word order papers use beside the
        # official "Corea del Nord"
        inverted = f"{' '.join(words[1:])} del {words[0]}"
        if inverted in names:
            return names[inverted]
    compact = surface.replace(".", "").strip()
    if len(compact) == 3 and compact.isalpha() and (compact.isupper() or compact.istitle()):
        # Italian papers write "Usa" as often as "USA"
        if f"alpha3:{compact.upper()}" in names:
            return names[f"alpha3:{compact.upper()}"]
    if len(compact) == 2 and compact.isalpha() and compact.isupper() and (
            "." in surface or compact in ("US", "UK")):
        # "U.S.", "U.K.": written with dots, two capitals are a country code. Without dots only
        # US and UK are read so (news writes "US-China", "UK ministers"); "IT", "TV", "AI"
        # are words more often than Italy, Tuvalu or Anguilla.
        return names.get(f"alpha2:{compact}")
    if acronyms_too and compact.isupper() and compact.isalpha() and 3 <= len(compact) <= 6:
        return acronyms.get(_acronym_shape(compact))
    return None


# ---------------------------------------------------------------------------------------------
# Organisations of states from maintained data

# CLDR gives territory codes to two unions of states beside the countries and the regions of
# the world; Babel names them in every language ("Nazioni Unite" / "United Nations").
ORGANISATION_TERRITORIES = ("UN", "EU")
# Romance languages name these bodies "Organizzazione delle Nazioni Unite" / "Organisation des
# Nations unies", and their acronym keeps that word's O (ONU) which the common name drops.
_ORGANISATION_WORD_INITIAL = "O"


@lru_cache(maxsize=1)
def organisation_names() -> tuple[dict[str, str], dict[str, str]]:
    """(name key → code, two-letter acronym in capitals → code) for the unions of states in
    `ORGANISATION_TERRITORIES`: Babel's Italian and English names, their initials ("UE", "UN"),
    the initials with the organisation word's O ("ONU"), and the code itself ("EU")."""
    from babel import Locale

    names: dict[str, set[str]] = defaultdict(set)
    short: dict[str, set[str]] = defaultdict(set)
    for code in ORGANISATION_TERRITORIES:
        short[code].add(code)
        for locale in (Locale("it"), Locale("en")):
            name = locale.territories.get(code)
            if not name:
                continue
            names[name_key(name)].add(code)
            initials = name_initials(name)
            for acronym in (initials, _ORGANISATION_WORD_INITIAL + initials):
                if len(acronym) == 2:
                    short[acronym].add(code)
                elif len(acronym) > 2:
                    names[name_key(acronym)].add(code)
    return ({k: next(iter(v)) for k, v in names.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in short.items() if len(v) == 1})


def organisation_of(surface: str) -> str | None:
    """CLDR code of the union of states a name refers to ("Onu", "Nazioni Unite", "Ue"), or
    None. A two-letter acronym counts in capitals, or capitalised when it is no word of either
    language ("Ue" is the Union, "Un" the Italian article)."""
    names, short = organisation_names()
    compact = surface.replace(".", "").strip()
    if len(compact) == 2:
        if compact.isupper() or (compact.istitle() and compact.lower() not in _short_words()):
            return short.get(compact.upper())
        return None
    return names.get(name_key(surface))


@lru_cache(maxsize=1)
def _short_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.it.stop_words import STOP_WORDS as ITALIAN

    return frozenset(w for w in ITALIAN | ENGLISH if len(w) == 2)


# ---------------------------------------------------------------------------------------------
# Acronyms defined in the text


_DEFINITION = re.compile(
    r"(?P<long>(?:[A-ZÀ-Ý][\w’'-]*\s+)(?:(?:[\w’'-]+\s+){0,8}?)[A-ZÀ-Ýa-z][\w’'-]*)\s*"
    r"\((?P<short>[A-ZÀ-Ý][A-Za-z.&]{1,9})\)")


def acronym_definitions(text: str) -> list[tuple[str, str]]:
    """(long name, acronym) pairs written "Long Name (ACR)" where the acronym's letters are
    the initials of the name's content words, in order."""
    return [(text[ls:le], text[ss:se]) for (ls, le), (ss, se) in acronym_definition_spans(text)]


def acronym_definition_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The ((start, end) of the long name, (start, end) of the acronym) of each definition
    "Long Name (ACR)". The acronym is written in capitals ("FMI") or, as Italian news writes
    them, with only its first letter capital and three letters or more ("Istituto superiore di
    sanità (Iss)")."""
    out = []
    function_words = _NAME_FUNCTION_WORDS
    for m in _DEFINITION.finditer(text):
        short = m.group("short").replace(".", "")
        # two capitalised letters after a town are its province ("Piombino Dese (Pd)")
        if not (short.isupper() or short[1:].islower() and len(short) >= 3):
            continue
        words = re.findall(r"\w+", m.group("long"))
        # take the shortest tail of the phrase whose initials spell the acronym
        for i in range(len(words) - 1, -1, -1):
            content = [w for w in words[i:] if w.lower() not in function_words]
            initials = "".join(w[0].upper() for w in content)
            if initials == short.upper() and words[i][0].isupper():
                long_start = m.start("long") + _nth_word_offset(m.group("long"), i)
                out.append(((long_start, m.end("long")), m.span("short")))
                break
            if len(initials) > len(short):
                break
    return out


def organisation_headed(name: str) -> bool:
    """Whether a full name is headed by a noun for an organisation: its first word in Italian
    ("Istituto superiore di sanità"), its last in English ("Food and Drug Administration") or
    its first before "of"/"for" ("Centers for Disease Control")."""
    return bool(_heads_of(name_key(name).split()))


def _heads_of(words: list[str]) -> list[str]:
    """The words of a name's key that head it as an organisation's: its first in Italian
    (`it.ORGANISATION_HEADS`), its first before "of"/"for" or its last in English."""
    if len(words) < 2:
        return []
    heads = [words[0]] if words[0] in _ITALIAN_HEADS or words[0] in _ENGLISH_HEADS and words[1] in ("of", "for") else []
    return heads + [words[-1]] if words[-1] in _ENGLISH_HEADS else heads


def _nth_word_offset(phrase: str, n: int) -> int:
    return [w.start() for w in re.finditer(r"\w+", phrase)][n]


# ---------------------------------------------------------------------------------------------
# Grouping


@dataclass
class _Name:
    key: str
    surfaces: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    country: str | None = None
    organisation: str | None = None

    @property
    def type(self) -> str:
        if self.country:
            return "LOC"
        if self.organisation:
            return "ORG"
        return min(self.types, key=lambda t: (-self.types[t], TYPE_ORDER.index(t)))

    @property
    def surface(self) -> str:
        """The form written most often (the greatest string among equals), a bare noun that
        heads it ("Camera" for "Camera dei deputati", `_headed_names`) only when alone."""
        # forms written as the name itself first: a surname or a head noun moved onto a full
        # name in its document ("Jordan" of "Jim Jordan") does not make it a country
        named = ([s for s in self.surfaces if entity_key(s) == self.key]
                 or [s for s in self.surfaces if entity_key(s) not in _HEAD_NOUNS] or self.surfaces)
        return max(named, key=lambda s: (self.surfaces[s], s))

    @property
    def words(self) -> list[str]:
        return self.key.split()


class _Union:
    def __init__(self, keys):
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)  # a name added after the start (`_add_mention`)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the smaller key roots: order-independent


def canonical_entities(documents: list[Document]) -> list[dict]:
    """The corpus's entities, most mentioned first: id, name, type, aliases, mentions."""
    names: dict[str, _Name] = {}
    by_doc: dict[str, list[str]] = defaultdict(list)
    full_names = [_full_person_names(doc) for doc in documents]
    bearers = _surname_bearers(full_names)
    for doc, in_document in zip(documents, full_names):
        headed = _headed_names(doc)
        surnamed = _surnames_in_document(in_document, bearers)
        for m in doc.entities:
            key = entity_key(m.text)
            if not key:
                continue
            if m.type == "ORG":  # "Corte", a lawyer, is not the "Corte costituzionale"
                key = headed.get(key, key)
            elif m.type == "PER" and key in surnamed and m.start > surnamed[key][1]:
                key = surnamed[key][0]
            name = names.setdefault(key, _Name(key))
            name.surfaces[m.text] += 1
            name.types[m.type] += 1
            name.mentions.append((doc.id, m.start, m.end))
            name.docs.add(doc.id)
            if key not in by_doc[doc.id]:
                by_doc[doc.id].append(key)
    union = _Union(names)
    publishers = _publisher_names(documents)
    texts = {d.id: (d.text, (d.language or "")[:2]) for d in documents}
    for name in names.values():
        surface = name.surface
        name.country = country_of(surface)
        name.organisation = None if name.country else organisation_of(surface)
        if not name.country and _is_publisher(name, publishers):
            # the outlet that published the corpus's articles ("Facta" of facta.news, read as
            # a person 691 times in 691 because the NER data knows a prime minister Facta)
            _read_all_as(name, "ORG")
        elif len(name.words) == 1 and name.type == "PER" and _article_share(name, texts) >= ARTICLE_SHARE:
            # "l'Aifa", "dell'Anf", "lo Spallanzani": no article of that kind goes before a
            # surname; the model's commonest other reading, else an organisation
            others = Counter({t: n for t, n in name.types.items() if t != "PER"})
            _read_all_as(name, max(others, key=lambda t: (others[t], t)) if others else "ORG")
        elif name.type == "PER" and _kind_noun_share(name, texts) >= KIND_NOUN_SHARE:
            # "il sito Snopes", "i colleghi di Pagella Politica": an outlet or a company
            _read_all_as(name, "ORG")
        elif len(name.words) == 1 and name.type in ("PER", "LOC") and _brand_shaped(surface):
            # "BioNTech", "PolitiFact": no person's or place's name is written so; a company or
            # a site ("SpaceX", 16 mentions read as a place on the article-extraction pages)
            _read_all_as(name, "ORG")
        elif name.type == "LOC" and _named_like_a_person(name):
            # "Silvia Romano", read as a place 15 times in 20 on facta-it ("romano" is a
            # Roman): a known first name opens no place's name
            _read_all_as(name, "PER")
        elif len(name.words) == 1 and name.type == "PER" and _placed_in(name, texts):
            # "protests in Charlotte", "children in Charlotte": no one lives in a person
            _read_all_as(name, "LOC")
        elif name.type == "LOC" and _institution_named(name.words):
            # "Congress", "Supreme Court", "la Camera": a body, though it sits in a building
            _read_all_as(name, "ORG")
    _read_governments(names)
    _unread_lone_country_acronyms(names)
    _join_defined_acronyms(documents, names, union)  # first: the names it adds have codes too
    _join_same_code(names, union, "country")
    _join_same_code(names, union, "organisation")
    _join_document_acronyms(names, by_doc, union)
    companies = _read_company_names(names, union)
    _join_person_parts(names, by_doc, union, companies)
    _join_descriptors(names, union)
    _join_country_qualified(names, union)
    _join_near_spellings(names, union)
    _join_middle_initials(names, union)
    _join_misspelt_names(names, by_doc, union)
    groups: dict[str, list[_Name]] = defaultdict(list)
    for key, name in names.items():
        groups[union.find(key)].append(name)
    entities = [_entity(members) for members in groups.values()]
    entities.sort(key=lambda e: (-len(e["mentions"]), e["name"], e["type"]))
    for number, entity in enumerate(entities, start=1):
        entity["id"] = f"e{number}"
    return entities


# A surname's bearer named in a document stands for the surname alone there unless another
# bearer is written this many times as often across the corpus ("Trump" after "Ivanka Trump"
# is most likely still Donald Trump, written a hundred times as often)
SURNAME_DOMINANCE = 5


def _written_in_capitals(surface: str) -> bool:
    """A person's name is written in capitals word by word ("Mark Rutte", "Yoon Suk-yeol"),
    its particles aside ("Ursula von der Leyen")."""
    return all(w[:1].isupper() or w.lower() in _NAME_FUNCTION_WORDS for w in surface.split())


def _full_person_names(doc: Document) -> list[tuple[str, EntityMention]]:
    """(key, mention) of the document's mentions read as people's full names, written in
    capitals word by word and ending with no company's word."""
    found = []
    for m in doc.entities:
        if m.type != "PER":
            continue
        key = entity_key(m.text)
        words = key.split()
        if len(words) > 1 and words[-1] not in _NO_PERSON_LAST_WORDS and _written_in_capitals(m.text):
            found.append((key, m))
    return found


def _surname_bearers(full_names: list[list[tuple[str, EntityMention]]]) -> dict[str, Counter]:
    """{surname: Counter of the full names ending with it} over the documents' full names."""
    bearers: dict[str, Counter] = defaultdict(Counter)
    for in_document in full_names:
        for key, _ in in_document:
            bearers[key.split()[-1]][key] += 1
    return bearers


def _surnames_in_document(full_names: list[tuple[str, EntityMention]],
                          bearers: dict[str, Counter]) -> dict[str, tuple[str, int]]:
    """{surname: (full name, where it is first written)} for the surnames that exactly one of a
    document's full names (`_full_person_names`) ends with: after that name, the surname alone is its bearer there ("Scott"
    of "Keith Lamont Scott" in one article, of "Bobby Scott" in another), unless another
    bearer dominates the corpus (`SURNAME_DOMINANCE`). Within the document only, as a reader
    resolves it. Before the full name the surname is someone the reader already knows
    ("President Obama … his wife, Michelle Obama"), left to the corpus-wide join."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for key, m in full_names:
        found[key.split()[-1]].setdefault(key, m.start)
    out = {}
    for surname, fulls in found.items():
        if len(fulls) != 1:
            continue
        (full, start), = fulls.items()
        others = [n for k, n in bearers[surname].items() if k != full and not _initials_apart(k, full)]
        if not others or max(others) < SURNAME_DOMINANCE * bearers[surname][full]:
            out[surname] = (full, start)
    return out


def _initials_apart(a: str, b: str) -> bool:
    """Whether two keys differ only by one-letter words ("donald j trump" / "donald trump")."""
    return [w for w in a.split() if len(w) > 1] == [w for w in b.split() if len(w) > 1]


_ITALIAN_HEADS = frozenset(name_key(w) for w in it.ORGANISATION_HEADS)  # keys have no accents
_ENGLISH_HEADS = frozenset(name_key(w) for w in en.ORGANISATION_HEADS)
_HEAD_NOUNS = _ITALIAN_HEADS | _ENGLISH_HEADS
# "presidente del Consiglio" is the prime minister, whatever council the document also names
_NOT_REKEYED = frozenset({"consiglio"})


def _headed_names(doc: Document) -> dict[str, str]:
    """{noun: name} for the nouns that head an organisation's name (`ORGANISATION_HEADS`) and
    head exactly one name the model read as an organisation or place in `doc`: there "la
    Camera" is the "Camera dei deputati", "the Commission" the "European Commission". Within
    the document only: another document's "Camera" may be another chamber."""
    heads: dict[str, set[str]] = defaultdict(set)
    for m in doc.entities:
        if m.type in ("ORG", "LOC"):
            key = entity_key(m.text)
            for noun in _heads_of(key.split()):
                heads[noun].add(key)
    headed = {noun: next(iter(keys)) for noun, keys in heads.items()
              if len(keys) == 1 and noun not in _NOT_REKEYED}
    for noun, keys in _kinds_by_members(doc).items():
        if len(keys) == 1 and noun not in heads:  # a name it heads comes first
            headed[noun] = next(iter(keys))
    return headed


_KIND_OF_MEMBER = {member: name_key(kind) for lexicon in (it, en)
                   for kind, members in lexicon.ORGANISATION_MEMBERS.items() for member in members}
# "gli alleati della Nato", "the allies of NATO" (the member noun before the name) and "NATO
# allies", "NATO's allies" (after it)
_MEMBER_BEFORE = re.compile(r"\b(\w+)\s+(?:di|del|dello|della|dei|degli|delle|of(?:\s+the)?)\s+$"
                            r"|\b(\w+)\s+dell['’]$", re.IGNORECASE)
_MEMBER_AFTER = re.compile(r"^(?:['’]s)?\s+(\w+)\b(?!\s+(?:" + "|".join(sorted(en.MEMBER_VERB_FOLLOWERS)) + r")\b)")


def _kinds_by_members(doc: Document) -> dict[str, set[str]]:
    """{kind noun: keys of the organisations} the document names with a noun for their members
    (`ORGANISATION_MEMBERS`): "gli alleati della Nato" makes the Nato an "alleanza"."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for m in doc.entities:
        if m.type != "ORG":
            continue
        key = entity_key(m.text)
        if not key:
            continue
        before = _MEMBER_BEFORE.search(doc.text, max(0, m.start - 40), m.start)
        after = _MEMBER_AFTER.match(doc.text[m.end:m.end + 40])
        for found in (before, after):
            member = found and next((g for g in found.groups() if g), None)
            kind = member and _KIND_OF_MEMBER.get(member.lower())
            if kind:
                kinds[kind].add(key)
    return kinds


# Second-level labels under which a country registers its sites ("bbc.co.uk", "abc.net.au"):
# the publisher's own label is the one before.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "gv"})


def _publisher_names(documents) -> tuple[set[str], set[str]]:
    """(keys of the sites' own names, labels of their domains) for the documents' `site`s:
    a site given as a name ("Il Post", trafilatura's sitename) and one given as a host
    ("facta.news" → "facta", "edition.cnn.com" → "cnn", "bbc.co.uk" → "bbc"). Hand-written:
    the public-suffix list would be one more dependency for this one label."""
    names: set[str] = set()
    labels: set[str] = set()
    for doc in documents:
        site = (doc.site or "").strip().lower()
        if not site:
            continue
        if "." in site and " " not in site:
            parts = [p for p in site.removeprefix("www.").split(".") if p]
            if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL:
                parts = parts[:-2]
            elif len(parts) >= 2:
                parts = parts[:-1]
            if parts:
                labels.add(parts[-1])
        else:
            names.add(name_key(site))
    return names, labels


def _is_publisher(name: _Name, publishers: tuple[set[str], set[str]]) -> bool:
    """Whether a name is that of a site the corpus's articles come from: the site's own name,
    or a one-word name that is its domain label ("Facta" of facta.news). A longer name run
    together is not compared with a domain: "beppegrillo.it" is a person's blog."""
    names, labels = publishers
    return name.key in names or (len(name.words) == 1 and name.key in labels)


# Share of a one-word "person"'s mentions in Italian documents that follow an article a surname
# never takes (`it.NOT_BEFORE_SURNAMES`), and how many such mentions at least. On facta-it the
# names at 0.3 or more are all organisations, drugs or events (Aifa 0.42, Anf 0.88, Spallanzani,
# Tocilizumab 0.75); the people with most, women called "la Lamorgese", are not counted.
ARTICLE_SHARE = 0.3
ARTICLE_MIN_MENTIONS = 3


# Share of a "person"'s mentions (5 at least) right after a noun that names a kind of
# organisation (`ORGANISATION_KIND_NOUNS`: "il sito Snopes", "the website Snopes"; or "i colleghi
# di …"). On facta-it the names at 0.35 or more are all outlets or companies (Snopes 0.35,
# Afp Fact-check 0.36, Pagella Politica 0.71); people reach 0.33 where a hospital or a page is
# named after them ("l'ospedale Sandro Pertini"), with fewer mentions.
KIND_NOUN_SHARE = 0.35
KIND_NOUN_MIN_MENTIONS = 5
_KIND_NOUNS = {"it": (it.ORGANISATION_KIND_NOUNS, it.ORGANISATION_MEMBER_NOUNS),
               "en": (en.ORGANISATION_KIND_NOUNS, en.ORGANISATION_MEMBER_NOUNS)}
_LINKS = frozenset({"di", "del", "della", "dell", "of", "at"})


def _mention_share(name: _Name, texts: dict[str, tuple[str, str]], min_mentions: int, after) -> float:
    """The share of `name`'s mentions for which `after(text before the mention, language)` is
    true, over those for which it is not None (a mention in a language the test does not read);
    0 below `min_mentions` counted. `texts`: every document's (text, language) by id."""
    hits = counted = 0
    for doc, start, _ in name.mentions:
        text, lang = texts[doc]
        found = after(text[max(0, start - 40):start], lang)
        if found is not None:
            counted += 1
            hits += found
    return hits / counted if counted >= min_mentions else 0.0


def _after_kind_noun(before: str, lang: str) -> bool:
    if lang not in _KIND_NOUNS:
        return False
    kinds, members = _KIND_NOUNS[lang]
    written = re.findall(r"[\w-]+", before)
    words = [w.lower() for w in written]
    if words and (words[-1] in kinds or len(words) > 1 and words[-1] in _LINKS and words[-2] in members):
        return True
    # Italian puts the noun's modifiers after it: "l'azienda biotecnologica Moderna", "l'agenzia
    # di stampa Agi" (one lower-case word of four letters or more, or "di" and one, between the
    # kind and the name; short words are mostly articles, prepositions and conjunctions)
    if (lang != "it" or len(words) < 2 or not written[-1].isalpha() or not written[-1].islower()
            or len(words[-1]) < 4 or words[-1] in it.NAME_FUNCTION_WORDS):
        return False
    return words[-2] in kinds or len(words) > 2 and words[-2] == "di" and words[-3] in kinds


def _after_no_surname_article(before: str, lang: str) -> bool | None:
    if lang != "it":
        return None
    before = before[-8:].lower()
    words = re.findall(r"\w+['’]?|\S", before)
    last = words[-1] if words else ""
    if before.endswith(("'", "’")):
        return last in it.NOT_BEFORE_SURNAMES
    return before.endswith(" ") and last in it.NOT_BEFORE_SURNAMES


# A one-word "person" is a place when at least this share of its mentions, and this many, follow
# "in" (the same word in Italian and English), and the model read it as a place at least
# `LOCATIVE_PLACE_READINGS` of the times: on PolNeAR dev only "Charlotte" (6 of 18 after "in",
# 8 read as a place), against "Trump" (2 of 427 after "in": "interest in Trump").
LOCATIVE_SHARE = 0.25
LOCATIVE_MIN_MENTIONS = 3
LOCATIVE_PLACE_READINGS = 0.25


def _placed_in(name: _Name, texts: dict[str, tuple[str, str]]) -> bool:
    hits = 0
    for doc, start, _ in name.mentions:
        before = texts[doc][0][max(0, start - 4):start].lower()
        hits += before.endswith(" in ") or before == "in "
    total = len(name.mentions)
    return (hits >= LOCATIVE_MIN_MENTIONS and hits >= LOCATIVE_SHARE * total
            and name.types["LOC"] >= LOCATIVE_PLACE_READINGS * sum(name.types.values()))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first names the NER training data knows (`training/ner/first_names.py`)."""
    from importlib import resources

    path = resources.files("rassegna") / "models" / "first_names.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else frozenset()


# a last word the silver data reads as a place's at least this share of its typings ends a
# place's name ("Vittorio Veneto", "Martina Franca")
PLACE_WORD_SHARE = 0.8


def _named_like_a_person(name: _Name) -> bool:
    """Two or three words written in capitals, the first a known first name of three letters or
    more (not an article: "El Paso", "La Paz"), the last no place noun and no word the silver
    data reads as a place's, no country, and read as a person at least once by the model."""
    written = name.surface.split()
    return (2 <= len(name.words) <= 3 and len(written) == len(name.words) and name.types["PER"] > 0
            and all(w[:1].isupper() for w in written) and len(name.words[0]) >= 3
            and name.words[0] in first_names() and name.words[-1] not in en.PLACE_LAST_WORDS
            and _silver_word_share(name.words[-1], "LOC") < PLACE_WORD_SHARE
            and not country_of(name.surface))


def _kind_noun_share(name: _Name, texts: dict[str, tuple[str, str]]) -> float:
    return _mention_share(name, texts, KIND_NOUN_MIN_MENTIONS, _after_kind_noun)


def _article_share(name: _Name, texts: dict[str, tuple[str, str]]) -> float:
    return _mention_share(name, texts, ARTICLE_MIN_MENTIONS, _after_no_surname_article)


def _unread_lone_country_acronyms(names: dict[str, _Name]) -> None:
    """An acronym read from a country's official name ("RPDC", "DPRK") stands for the country
    only in a corpus where some document that writes it also names the country otherwise:
    "IRA" is an Irish army, a retirement account or a US law far more often than the Islamic
    Republic of Afghanistan (on the article-extraction pages it joined Afghanistan)."""
    named: dict[str, set[str]] = defaultdict(set)
    derived = []
    for name in names.values():
        if name.country is None:
            continue
        if country_of(name.surface, acronyms_too=False) is None:
            derived.append(name)
        else:
            named[name.country] |= name.docs
    for name in derived:
        if not name.docs & named[name.country]:
            name.country = None
            name.organisation = organisation_of(name.surface)


_INSTITUTION_HEADS_IT = frozenset(name_key(w) for w in it.INSTITUTION_HEADS)
_INSTITUTION_HEADS_EN = frozenset(name_key(w) for w in en.INSTITUTION_HEADS)


def _institution_named(words: list[str]) -> bool:
    """Whether a name is an institution's by its head noun (`INSTITUTION_HEADS`: its first word
    in Italian, its last in English, or the noun alone), nouns that head no place's name."""
    return bool(words) and (words[0] in _INSTITUTION_HEADS_IT or words[-1] in _INSTITUTION_HEADS_EN
                            or words[-1] == "court" and any(w in en.COURT_QUALIFIERS for w in words[:-1]))


def _read_all_as(name: _Name, label: str) -> None:
    """Count every mention of `name` as `label`: the model's other readings were slips."""
    name.types = Counter({label: sum(name.types.values())})


def _join_groups(union: _Union, groups) -> None:
    """Join every key of each group (a list of keys) to the group's first."""
    for keys in groups:
        for key in keys[1:]:
            union.join(keys[0], key)


def _join_same_code(names: dict[str, _Name], union: _Union, attribute: str) -> None:
    """Join the names with the same code in `attribute` (`country`, `organisation`)."""
    first: dict[str, str] = {}
    for key in sorted(names):
        code = getattr(names[key], attribute)
        if code:
            union.join(first.setdefault(code, key), key)


def _join_document_acronyms(names, by_doc, union) -> None:
    """An acronym written in capitals joins the one name of three or more content words in
    the same document that it spells ("DIA" and "Defense Intelligence Agency"); several
    candidates, or none, leave it alone."""
    for keys in by_doc.values():
        spelled: dict[str, set[str]] = defaultdict(set)
        for key in keys:
            name = names[key]
            surface = name.surface
            if len(surface.split()) > 1 and name.type in ("ORG", "LOC"):
                initials = name_initials(surface)
                if len(initials) >= 3:
                    spelled[initials].add(key)
        for key in keys:
            surfaces = [s for s in names[key].surfaces if s.isupper() and s.isalpha()]
            for surface in surfaces:
                long = spelled.get(surface, set())
                if len(long) == 1:
                    other = next(iter(long))
                    if not _different_countries(names[key], names[other]):
                        union.join(key, other)


def _join_defined_acronyms(documents, names, union) -> None:
    """A name and the acronym it defines ("Istituto superiore di sanità (Iss)") are one entity.
    When the model read only one of the two there (it often misses a long name written in
    lower case, or an acronym), the other becomes a mention too, unless a name the model read
    overlaps it. A name headed by a noun for an organisation makes both an organisation (the
    model read "Iss" as a place 21 times in 21 on facta-it); otherwise the two must be of one
    type ("Piombino Dese (Pd)", a town and its province, is not the party), and never a person
    ("Paolo Donati (Pd)", a politician and his party)."""
    for doc in documents:
        read = {(m.start, m.end): m.type for m in doc.entities}
        for (ls, le), (ss, se) in acronym_definition_spans(doc.text):
            long, short = doc.text[ls:le], doc.text[ss:se]
            a, b = entity_key(long), entity_key(short)
            long_type, short_type = read.get((ls, le)), read.get((ss, se))
            if not a or not b or a == b or long_type is short_type is None:
                continue
            organisation = organisation_headed(long)
            if "PER" in (long_type, short_type) and not organisation:
                continue
            if long_type is None:
                if _overlaps(read, ls, le):
                    continue
                _add_mention(names, a, long, "ORG" if organisation else short_type, doc.id, ls, le)
            elif short_type is None:
                if _overlaps(read, ss, se):
                    continue
                _add_mention(names, b, short, long_type, doc.id, ss, se)
            if _different_countries(names[a], names[b]):
                continue
            if organisation:
                for key in (a, b):
                    if not names[key].country:
                        _read_all_as(names[key], "ORG")
            elif names[a].type != names[b].type:
                continue
            union.join(a, b)


def _overlaps(spans, start: int, end: int) -> bool:
    """Whether any (start, end) of `spans` overlaps [start, end)."""
    return any(s < end and start < e for s, e in spans)


def _add_mention(names: dict, key: str, surface: str, label: str, doc: str, start: int, end: int) -> None:
    """A mention found by this stage, not by the model: `names` gains it (and the key, if new)."""
    if key not in names:
        # not a country by an acronym read from its official name: the lone-acronym check
        # (`_unread_lone_country_acronyms`) has run ("IRA" is no Afghanistan)
        names[key] = _Name(key, country=country_of(surface, acronyms_too=False))
        names[key].organisation = None if names[key].country else organisation_of(surface)
    name = names[key]
    name.surfaces[surface] += 1
    name.types[label] += 1
    name.mentions.append((doc, start, end))
    name.docs.add(doc)


_COMPANY_WORDS = frozenset(name_key(w) for w in en.ORGANISATION_DESIGNATORS | en.COMPANY_TRADES)
_TRADE_WORDS = frozenset(name_key(w) for w in en.COMPANY_TRADES)
# the organisation nouns that end no person's name (not "court", "union", "service", "bank":
# Margaret Court, Gabrielle Union, Robert Service)
_INSTITUTION_WORDS = frozenset({"foundation", "hospital", "university", "institute", "network"})
_NO_PERSON_LAST_WORDS = _COMPANY_WORDS | _INSTITUTION_WORDS
# a one-word name the silver data reads as a person's or a place's (together) at least this
# often is no company's base ("Rossi" of "Rossi Group" may be a person named by surname; "Washington" of
# "Washington Post Co" a city; "Moderna" is never either)
COMPANY_BASE_PERSON_SHARE = 0.5
# ... and a word it reads as a place's at least this share of the times never does ("Washington",
# 0.32, of "Washington Post Co"), even beside the company
COMPANY_BASE_PLACE_SHARE = 0.1


def _read_company_names(names, union) -> set[str]:
    """A name the model read as a person's that ends with a company's designator or an
    institution's noun ("Moderna Therapeutics", "McClatchy Co.", "Melinda Gates Foundation",
    "Henry Ford Hospital") is an organisation's, unless it is a first name and a two-letter
    designator ("Zaldy Co" stays a person when the silver data knows "Zaldy" as a name). A one-word
    name read as a person or an organisation that is the first word of exactly one company's
    name ("Moderna" of "Moderna Therapeutics", read as a person 45 times on facta-it; "Fox" of
    "Fox News", but not of "Fox News" and "Fox Corp") joins it, as an organisation — unless
    that word is also the last of a person's fuller name (a surname: "Gates" of "Bill Gates"
    stays his) or the silver data reads it as a person's or a place's
    (`COMPANY_BASE_PERSON_SHARE`). Places and adjectives are left alone: "Oxford" is not
    "Oxford University", "Reno" not "Reno NV". Returns the keys of the names so joined, which
    are no longer parts of a person's name (`_join_person_parts`)."""
    surnames = {n.words[-1] for n in names.values() if n.type == "PER" and len(n.words) > 1
                and n.words[-1] not in _NO_PERSON_LAST_WORDS}
    for name in names.values():
        if name.type == "PER" and len(name.words) > 1 and name.words[-1] in _NO_PERSON_LAST_WORDS \
                and not name.country and name.surface.split()[0][:1].isupper() \
                and not (len(name.words) == 2 and len(name.words[-1]) <= 2
                         and _person_word_share(name.words[0]) >= FIRST_NAME_SHARE):
            _read_all_as(name, "ORG")
    by_first: dict[str, list[_Name]] = defaultdict(list)
    for company in names.values():
        if len(company.words) > 1 and company.words[-1] in _COMPANY_WORDS and company.type in ("PER", "ORG"):
            by_first[company.words[0]].append(company)
    # (document, first word) of the people named in full: "Walter" beside "Walter Mondale"
    named_by_first = {(d, n.words[0]) for n in names.values() if n.type == "PER" and len(n.words) > 1
                      and n.words[-1] not in _NO_PERSON_LAST_WORDS for d in n.docs}
    joined = set()
    for first, companies in sorted(by_first.items()):
        base = names.get(first)
        if len(companies) != 1 or base is None or base.country or base.type not in ("PER", "ORG") \
                or base.key in surnames:
            continue
        company = companies[0]
        # a word the silver data reads as a place's never joins; one it reads as a person's
        # only where each of its documents names the company and no person by it ("from Walter
        # Energy … from Walter")
        place_share = _silver_word_share(base.key, "LOC")
        if _person_word_share(base.key) + place_share >= COMPANY_BASE_PERSON_SHARE \
                and (place_share >= COMPANY_BASE_PLACE_SHARE or not base.docs <= company.docs
                     or any((d, first) in named_by_first for d in base.docs)):
            continue
        # a company named by its trade opens with any word ("General Motors", "American
        # Airlines"): that word is the company only in the company's own documents
        if company.words[-1] in _TRADE_WORDS and not base.docs <= company.docs:
            continue
        union.join(company.key, base.key)
        _read_all_as(base, "ORG")
        if company.type == "PER":
            _read_all_as(company, "ORG")
        joined.add(base.key)
    return joined


def _join_person_parts(names, by_doc, union, companies: set[str] = frozenset()) -> None:
    """A one-word name joins the only fuller person name starting or ending with it: within
    its own documents when they hold one, else across the corpus."""
    # a person's name is written in capitals word by word ("Mark Rutte", "Yoon Suk-yeol"): a span
    # the model took with a lower-case word ("checking Snopes", "biotecnologie BioNTech") is no
    # person's full name, and would pull an organisation's one-word name into a person
    persons = [n for n in names.values() if n.type == "PER" and len(n.words) > 1
               and _written_in_capitals(n.surface)]
    by_edge: dict[str, set[str]] = defaultdict(set)
    for person in persons:
        by_edge[person.words[0]].add(person.key)
        by_edge[person.words[-1]].add(person.key)
    for name in names.values():
        if len(name.words) != 1 or name.country or name.key not in by_edge or _brand_shaped(name.surface) \
                or name.key in companies:  # "Fox" of "Fox News" is no part of "Fox Mulder"
            continue
        candidates = _without_numbered(name.key, by_edge[name.key], names)
        if name.type in ("LOC", "ORG") and _person_word_share(name.key) < FIRST_NAME_SHARE:
            # a place or an organisation opens a name without being its bearer's first name:
            # "Virginia" is not the model's "Virginia Democrats", "Washington" not "Washington
            # Post", "Google" not the model's person "Google Stadia"; as the last word it may
            # be a surname the model read as a place or an organisation ("Machado", "Tare",
            # "Rutte"), and a known first name read so is still one ("Lester")
            candidates = {c for c in candidates if names[c].words[-1] == name.key}
            if not candidates:
                continue
        local = {c for c in candidates if names[c].docs & name.docs}
        if len(local) == 1:
            target = next(iter(local))
            # unless the name is a surname another bearer outweighs across the corpus
            # (`SURNAME_DOMINANCE`); a first name alone is its document's bearer's
            bearers = sorted(c for c in candidates if names[c].words[-1] == name.key)
            heaviest = max(bearers, key=lambda c: len(names[c].mentions)) if bearers else target
            if names[target].words[-1] == name.key \
                    and len(names[heaviest].mentions) >= SURNAME_DOMINANCE * len(names[target].mentions):
                target = heaviest
        elif local:
            target = _dominant(local, names)
        elif name.type != "PER":
            continue  # across the corpus the one-word name must itself read as a person
        elif len({union.find(c) for c in candidates}) == 1:
            target = min(candidates)
        else:
            target = _dominant(candidates, names)
        if target is None:
            continue
        union.join(target, name.key)
        if DOMINANT_SHARE * len(names[target].mentions) >= len(name.mentions) \
                or name.types["PER"] * 2 >= sum(name.types.values()) \
                or _first_names_known(names[target], name.key):
            # part of a person's name: the model's other readings ("Rutte" as LOC) were slips.
            # Not when the one-word name is read otherwise far more often than the full name
            # appears ("Moderna", ORG 49 times, against two "Moderna Therapeutics" read as PER),
            # unless the full name's other words are known first names ("Alicia Machado")
            _read_all_as(name, "PER")


# Capitals inside a word ("QAnon", "BioNTech", "YouTube") make a brand, not a surname, except
# after the particles surnames are built on ("McDonald", "DeSantis", "DuVernay", "O'Brien").
_SURNAME_PARTICLE = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|Del|Della|Dal|Le|La|Van|Von|Fitz|O['’])[A-ZÀ-Þ]")


def _brand_shaped(word: str) -> bool:
    """Whether a one-word name has a capital right after a lower-case letter that no surname
    particle explains; all-capital words (acronyms, "TRUMP") and hyphenated names
    ("Ocasio-Cortez") are not brands by shape."""
    return (len(word.split()) == 1 and any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))
            and not _SURNAME_PARTICLE.match(word))


# A word is a known first name when the silver NER data typed it inside person names at least
# this share of the times it typed it at all ("alicia", "mark"; not "virginia", 0.6 in English).
FIRST_NAME_SHARE = 0.8


def _first_names_known(full: _Name, surname: str) -> bool:
    """Whether every other word of a full person name is a word the silver data (WikiNEuRal,
    as shipped with the mention classifiers) reads as part of people's names, in any language
    shipped."""
    others = [w for w in full.words if w != surname]
    return bool(others) and all(_person_word_share(w) >= FIRST_NAME_SHARE for w in others)


def _person_word_share(word: str) -> float:
    return _silver_word_share(word, "PER")


@lru_cache(maxsize=4096)
def _silver_word_share(word: str, label: str) -> float:
    """How often the silver data (WikiNEuRal, both languages) types `word` as `label`, of all
    its typings; 0 for a word it never typed."""
    from rassegna.ner_types import type_model

    counts: Counter = Counter()
    for lang in ("it", "en"):
        model = type_model(lang)
        if model is not None and model.silver:
            counts.update(model.silver.get(f"w:{word}", Counter()))
    total = sum(counts.values())
    return counts[label] / total if total else 0.0


# "Conte II", "Conte bis", "Berlusconi IV": a surname and a number name a government (or a
# sequel) made from a person's name; as written they look like one more bearer of the surname
_NUMBERED = re.compile(r"^(?:[ivxlc]{1,6}|bis|ter|quater)$")


# governments run to a few in a row ("Andreotti VII"); popes' and kings' numbers run higher
_GOVERNMENT_NUMBER = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|bis|ter|quater)$")


def _read_governments(names: dict[str, "_Name"]) -> None:
    """A surname and a number ("Conte II", "Berlusconi IV", "Conte bis") read as a person is a
    government named after its prime minister, an organisation, when the surname ends a
    person's full name in one of its documents and is no first name the training data knows:
    a regnal number after a first name stays a person ("Carlo III", "Giovanni Paolo II"), and
    "Leone XIV" is no government of a Sergio Leone named elsewhere."""
    surnamed: dict[str, set[str]] = defaultdict(set)  # surname → documents of its full names
    for n in names.values():
        if n.type == "PER" and len(n.words) > 1 and not _NUMBERED.match(n.words[-1]):
            surnamed[n.words[-1]] |= n.docs
    for name in names.values():
        words = name.words
        if name.type == "PER" and len(words) == 2 and _GOVERNMENT_NUMBER.match(words[1]) \
                and name.docs & surnamed.get(words[0], set()) and words[0] not in first_names():
            _read_all_as(name, "ORG")


def _without_numbered(key: str, candidates: set[str], names) -> set[str]:
    """The fuller names a one-word name may stand for, less those made of it and a number
    ("Conte II") when a person's full name ends with it ("Giuseppe Conte"): the surname is
    the person's, not the government's. A regnal number after a first name stays ("Carlo
    III" is Carlo's when no one else is)."""
    numbered = {c for c in candidates if names[c].words[0] == key and len(names[c].words) > 1
                and all(_NUMBERED.match(w) for w in names[c].words[1:])}
    if numbered and any(names[c].words[-1] == key for c in candidates - numbered):
        return candidates - numbered
    return candidates


def _dominant(candidates: set[str], names) -> str | None:
    """The fuller name a surname stands for when one bearer outweighs all others together
    DOMINANT_SHARE to one ("Donald Trump" against a stray "Make Trump" the model cut from a
    slogan); None when two bearers are both present (Joe and Hunter Biden)."""
    weight = {c: len(names[c].mentions) for c in candidates}
    top = max(sorted(weight), key=lambda c: weight[c])
    rest = sum(weight.values()) - weight[top]
    return top if weight[top] >= DOMINANT_SHARE * rest else None


def _join_descriptors(names, union) -> None:
    """"regione di Kursk", "oblast del Donetsk": lower-case descriptor words before a name
    that is itself an entity of the corpus, or the same name under another descriptor."""
    described: dict[tuple[str, str], list[str]] = {}
    for name in sorted(names.values(), key=lambda n: n.key):
        surface = name.surface
        words = surface.split()
        i = 0
        while i < len(words) - 1 and (words[i][:1].islower() or
                                      name_key(words[i]) in _NAME_FUNCTION_WORDS):
            i += 1
        if i == 0 or any(name_key(w) in it.AREA_PART_WORDS | en.AREA_PART_WORDS for w in words[:i]):
            continue  # "centro Italia" is a part of Italia, not another name for it
        rest = name_key(" ".join(words[i:]))
        # a person's name opens with no lower-case word: "checking Snopes" (from "fact-checking
        # Snopes") is the model's slip for whatever "Snopes" is
        if rest in names and rest != name.key and (names[rest].type in (name.type, "LOC") or name.type == "PER") \
                and not _different_countries(name, names[rest]):
            union.join(rest, name.key)
        elif rest not in names:
            # "regione di Donetsk" and "oblast del Donetsk" with no bare "Donetsk": one place
            described.setdefault((rest, name.type), []).append(name.key)
    _join_groups(union, described.values())


# Words that open a country phrase after an organisation's head ("… della Repubblica di Corea",
# "… of the Republic of Korea"), as `name_key` writes them (the elided "dell'" is "dell").
_COUNTRY_LINKS = frozenset({"di", "del", "della", "dello", "dell", "dei", "degli", "delle", "d", "of"})
_COUNTRY_ARTICLES = frozenset({"the", "la", "il", "lo", "l", "i", "gli", "le"})
# A country adjective keeps at least this much of the country's name, and all of it but at
# most its last two letters ("russ|ia" → "russ|o"), before an ending of DEMONYM_SUFFIXES.
_DEMONYM_STEM = 4
_DEMONYM_CUT = 2
_DEMONYM_ENDINGS = it.DEMONYM_SUFFIXES | en.DEMONYM_SUFFIXES


def _join_country_qualified(names, union) -> None:
    """The same body of the same country, the country once an adjective and once a name:
    "Ministero della Difesa nazionale sudcoreano" / "Ministero della Difesa Nazionale della
    Repubblica di Corea"; "Russian Foreign Ministry" / "Foreign Ministry of Russia". The heads
    must be the same words and the two countries the same code, so "… della Corea del Nord"
    never joins "… sudcoreano"."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(names):
        name = names[key]
        if name.type != "ORG" or name.country or name.organisation:
            continue
        qualified = _country_qualified(name.key)
        if qualified:
            groups[qualified].append(key)
    _join_groups(union, groups.values())


def _country_qualified(key: str) -> tuple[str, str] | None:
    """(the head's key, the country's code) of an organisation's name key written as a head of
    two or more words and a country: a phrase after it, or an adjective after or before it."""
    words = key.split()
    for i in range(len(words) - 2, 1, -1):
        if words[i] in _COUNTRY_LINKS:
            tail = words[i + 1:]
            if tail and tail[0] in _COUNTRY_ARTICLES:
                tail = tail[1:]
            code = country_of(" ".join(tail)) if tail else None
            if code:
                return " ".join(words[:i]), code
    if len(words) >= 3:
        code = demonym_country(words[-1])
        if code:
            return " ".join(words[:-1]), code
        for n in (2, 1):  # English puts the adjective first: "South Korean Foreign Ministry"
            if len(words) - n >= 2 and words[n] not in _COUNTRY_LINKS | _COUNTRY_ARTICLES:
                code = demonym_country("".join(words[:n]))
                if code:
                    return " ".join(words[n:]), code
    return None


def demonym_country(adjective: str) -> str | None:
    """The country whose name a country adjective is made from, or None: the adjective (case
    set aside, words run together) is the country's name, its content words run together in
    either order, less at most its last two letters, then an adjective ending of Italian or
    English. "sudcoreano" is Corea del Sud, "russo" Russia, "francese" Francia, "South
    Korean" South Korea. Adjectives not built on the name ("tedesco", "statunitense") are
    not read: pycountry and Babel list no adjectives."""
    adjective = name_key(adjective).replace(" ", "")
    if len(adjective) <= _DEMONYM_STEM or not adjective.isalpha():
        return None
    found = set()
    for stem, code in _country_stems().get(adjective[:_DEMONYM_STEM], ()):
        for cut in range(max(_DEMONYM_STEM, len(stem) - _DEMONYM_CUT), len(stem) + 1):
            if adjective[:cut] == stem[:cut] and adjective[cut:] in _DEMONYM_ENDINGS:
                found.add(code)
                break
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _country_stems() -> dict[str, list[tuple[str, str]]]:
    """Country names as run-together content words, both orders of two ("coreadelsud" is
    read as "coreasud" and "sudcorea"), by their first four letters."""
    from itertools import permutations

    function_words = _NAME_FUNCTION_WORDS
    stems: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names, _ = country_names()
    for key, code in names.items():
        if ":" in key:
            continue
        words = [w for w in key.split() if w not in function_words]
        if not words or len(words) > 2 or not all(w.isalpha() for w in words):
            continue
        for order in set(permutations(words)):
            stem = "".join(order)
            if len(stem) >= 4:
                stems[stem[:4]].append((stem, code))
    return stems


def _join_near_spellings(names, union) -> None:
    """One differing word, both long and nearly the same; blocked on the other words so that
    only names that already agree elsewhere are compared (never all pairs)."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    full_names: dict[str, set[str]] = defaultdict(set)  # group → its people's full names
    for key, name in names.items():
        if name.type == "PER" and len(name.words) > 1:
            full_names[union.find(key)].add(key)
    for key, name in names.items():
        words = name.words
        for i, word in enumerate(words):
            if len(word) >= NEAR_SPELLING_MIN_LENGTH:
                blocks[(len(words), i, tuple(words[:i]), tuple(words[i + 1:]), word[0])].append(key)
    for (_, i, _, _, _), keys in sorted(blocks.items()):
        if len(keys) < 2 or len(keys) > 50:
            continue
        keys.sort()
        for x, a in enumerate(keys):
            for b in keys[x + 1:]:
                na, nb = names[a], names[b]
                if na.type != nb.type or _different_countries(na, nb) or (na.country or nb.country):
                    continue
                if na.type == "PER" and len(na.words) == 1 and (
                        not _doubled_letter_apart(na.key, nb.key)
                        or _named_apart(a, b, union, full_names)):
                    # a one-word person's name has no other word to agree on, and surnames
                    # and first names one letter apart are other people's: on PolNeAR dev
                    # `McKinley` / `McGinley`, `Melania` / `Melanie`, `Michelle` / `Mitchell`,
                    # on facta-it `Johnson` / `Johannson`. A letter written twice is how
                    # transliterations differ (`Zelensky` / `Zelenskyy`, `Mohammed` / `Mohamed`),
                    # unless each already stands for a different full name (`Meloni` of
                    # Giorgia Meloni, `Melloni` of Alberto Melloni)
                    continue
                wa, wb = na.words[i], nb.words[i]
                if SequenceMatcher(None, wa, wb).ratio() >= NEAR_SPELLING:
                    union.join(a, b)


def _join_middle_initials(names, union) -> None:
    """A person's full name with middle initials ("Donald J. Trump") is the same name without
    them ("Donald Trump") when no other initials stand between the same words in the corpus:
    "George W. Bush" beside "George H. W. Bush" joins neither to "George Bush". A middle name
    joins the same way within a document that writes both forms."""
    people = {k for k, n in names.items() if n.type == "PER"}
    shortened: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = names[key].words
        inner = [w for w in words[1:-1] if not any(_initials(w, f) for f in names[key].surfaces)]
        if len(words) > 2 and len(inner) < len(words) - 2:
            shortened[" ".join([words[0], *inner, words[-1]])].add(key)
    for short, keys in shortened.items():
        if short in people and len(keys) == 1:
            union.join(short, next(iter(keys)))
    # a middle name ("Owen John Dempsey" / "Owen Dempsey") only where one document writes both
    # forms, and one three-word name only shortens to the pair
    middle: dict[str, set[str]] = defaultdict(set)
    for key in people:
        words = names[key].words
        if len(words) == 3 and not any(_initials(words[1], f) for f in names[key].surfaces):
            middle[f"{words[0]} {words[2]}"].add(key)
    for short, keys in middle.items():
        if short in people and len(keys) == 1 and names[short].docs & names[next(iter(keys))].docs:
            union.join(short, next(iter(keys)))


@lru_cache(maxsize=65536)
def _initials(word: str, surface: str) -> bool:
    """Whether a word of a name's key is initials: one letter, or letters written with dots
    in the name ("hw" of "George H.W. Bush")."""
    if len(word) == 1:
        return True
    dotted = r"\.\s?".join(re.escape(c) for c in word.upper()) + r"\."
    return len(word) <= 3 and re.search(rf"(?<!\w){dotted}", surface) is not None


def _join_misspelt_names(names, by_doc, union) -> None:
    """A person's name written once in the corpus that differs by one letter in one word from a
    person's name its document writes at least twice ("Kim Yong Un" beside two "Kim Jong Un")
    is a slip, when the word it differs in is written in no other name of the corpus and the
    silver data never typed it. The word's being unknown is what tells a slip from a second
    person ("Maria Rossi" beside "Mario Rossi": "maria" is a known name) and keeps
    `_join_near_spellings`' threshold from applying to short words, where one letter is much."""
    words_used = Counter(w for name in names.values() for w in set(name.words))
    written: Counter = Counter()  # (document, key) → mentions, counted once for the corpus
    for name in names.values():
        if name.type == "PER" and len(name.words) > 1:
            written.update((d, name.key) for d, _, _ in name.mentions)
    for doc_id, keys in by_doc.items():
        people = [names[k] for k in keys if names[k].type == "PER" and len(names[k].words) > 1]
        slips = [n for n in people if len(n.mentions) == 1]
        if not slips:
            continue
        established = [n for n in people if written[(doc_id, n.key)] >= 2]
        for slip in slips:
            for known in established:
                word = _only_differing_word(slip.words, known.words)
                if word and words_used[word] == 1 and not _silver_knows(word):
                    union.join(slip.key, known.key)
                    break


def _only_differing_word(slip: list[str], known: list[str]) -> str | None:
    """The one word of `slip` that differs from its place in `known` by one letter replaced,
    when every other word is the same; None otherwise."""
    if len(slip) != len(known):
        return None
    differing = [(a, b) for a, b in zip(slip, known) if a != b]
    if len(differing) != 1:
        return None
    a, b = differing[0]
    if len(a) != len(b) or len(a) < 3 or sum(x != y for x, y in zip(a, b)) != 1:
        return None
    return a


def _silver_knows(word: str) -> bool:
    return any(_silver_word_share(word, label) for label in TYPE_ORDER)


def _named_apart(a: str, b: str, union, full_names: dict[str, set[str]]) -> bool:
    """Whether two names already belong to two groups that each hold a person's full name."""
    ra, rb = union.find(a), union.find(b)
    return ra != rb and bool(full_names.get(ra)) and bool(full_names.get(rb))


def _doubled_letter_apart(a: str, b: str) -> bool:
    """Whether two words differ only by one letter written twice in one of them."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    for i in range(1, len(long_)):
        if long_[i] == long_[i - 1] and long_[:i] + long_[i + 1:] == short:
            return True
    return False


def _different_countries(a: _Name, b: _Name) -> bool:
    return bool(a.country and b.country and a.country != b.country)


def _entity(members: list[_Name]) -> dict:
    surfaces: Counter = Counter()
    types: Counter = Counter()
    mentions = []
    country = organisation = None
    for m in members:
        surfaces.update(m.surfaces)
        types.update(m.types)
        mentions.extend(m.mentions)
        country = country or m.country
        organisation = organisation or m.organisation
    if country:
        etype = "LOC"
    elif organisation:
        etype = "ORG"
    else:
        etype = min(types, key=lambda t: (-types[t], TYPE_ORDER.index(t)))
    if etype == "PER":
        # the fullest form a source wrote: "Mark Rutte", not "Rutte"; a form written in
        # capitals word by word first ("Snopes", not the model's slip "checking Snopes")
        # ("Donald Trump", written most, before "Donald J. Trump": initials add no word, but a
        # full name comes before a bare one, "J. D. Vance" before "Vance")
        name = max(surfaces, key=lambda s: (all(w[:1].isupper() for w in s.split()),
                                            sum(not _initials(w, s) for w in entity_key(s).split()),
                                            len(entity_key(s).split()) > 1, surfaces[s], s))
    else:
        # the most written form; among equals a name before a descriptor ("Kursk", not
        # "regione di Kursk"), then a spelled-out name before an acronym ("Stati Uniti", "Usa")
        # "Camera" alone is no name where "Camera dei deputati" was written (`_headed_names`)
        named = [s for s in surfaces if entity_key(s) not in _HEAD_NOUNS] or list(surfaces)
        name = max(named, key=lambda s: (surfaces[s], s[:1].isupper(), not s.isupper(),
                                         len(s), s))
    aliases: Counter = Counter()
    for surface, count in surfaces.items():
        aliases[re.sub(r"\s+", " ", surface)] += count
    mentions.sort()
    entity = {"id": "", "name": re.sub(r"\s+", " ", name), "type": etype,
              "aliases": sorted(aliases, key=lambda s: (-aliases[s], s)),
              "mentions": [{"doc": d, "start": s, "end": e} for d, s, e in mentions],
              "documents": len({d for d, _, _ in mentions})}
    if country:
        entity["country"] = country
    return entity


def entity_index(entities: list[dict]) -> tuple[dict[tuple[str, int, int], str], dict[str, str]]:
    """(mention (doc, start, end) → entity id, name key of each alias → entity id)."""
    by_mention = {}
    by_key: dict[str, str] = {}
    for entity in entities:
        for m in entity["mentions"]:
            by_mention[(m["doc"], m["start"], m["end"])] = entity["id"]
        for alias in entity["aliases"]:
            by_key.setdefault(name_key(alias), entity["id"])
    return by_mention, by_key
