"""English lexicon for attribution (who said what). Data only; `rassegna.attribution` compiles it.

Lower-case forms; multiword entries are matched with any whitespace between words.
"""

_REGULAR = ("add", "claim", "state", "report", "warn", "note", "argue", "explain", "insist",
            "announce", "acknowledge", "declare", "suggest", "tweet", "recall", "confirm",
            "admit", "assert", "contend", "predict", "stress", "emphasize", "complain", "reveal",
            "answer", "respond", "reply", "observe", "remark", "estimate", "allege", "charge",
            "caution", "vow", "promise", "ask", "conclude", "continue", "agree", "deny", "repeat",
            "indicate", "maintain", "posit", "concede", "boast", "quip", "joke", "mention",
            "point out", "testify", "explain", "recount", "urge", "declin", "disclose", "assure")


def _forms(verb: str) -> tuple[str, ...]:
    words = verb.split(" ", 1)
    base, rest = words[0], (" " + words[1]) if len(words) > 1 else ""
    if base.endswith("e"):
        stems = (base + "d", base + "s", base[:-1] + "ing")
    elif base.endswith("y") and base[-2] not in "aeiou":
        stems = (base[:-1] + "ied", base[:-1] + "ies", base + "ing")
    elif base.endswith(("ss", "sh", "ch", "x")):
        stems = (base + "ed", base + "es", base + "ing")
    else:
        stems = (base + "ed", base + "s", base + "ing")
    return tuple(s + rest for s in (base,) + stems)


FINITE_VERBS = tuple(sorted({f for v in _REGULAR if v != "declin" for f in _forms(v)} | {
    "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "write", "thinks",
    "think", "thought", "believes", "believe", "believed", "declined to say", "spoke",
    "testified", "argued", "went on", "made clear", "pointed out", "put it", "feels", "felt",
    "hopes", "hoped", "knows", "knew", "predicted", "expects", "expected", "fears", "feared",
    "worried", "worries", "called for", "accused", "criticized", "blasted", "slammed",
    "shows", "showed", "show", "found", "finds",
}))
# Participles needing an auxiliary: none in English (the finite list covers "has said").
PARTICIPLES: tuple[str, ...] = ()
AUXILIARIES = ("has", "have", "had", "would", "will", "could", "may", "might", "did", "does",
               "do", "is", "was", "has long", "have long", "had previously")
CUE_ADVERBS = ("also", "later", "previously", "then", "again", "repeatedly", "once", "often",
               "recently", "publicly", "privately", "earlier", "further", "even", "never",
               "already", "frequently", "reportedly", "has")
GERUNDS = ("adding", "saying", "noting", "telling", "arguing", "explaining", "warning",
           "claiming", "insisting", "stressing", "suggesting", "calling", "citing",
           "acknowledging", "declaring", "asserting", "predicting", "writing", "asking")
PREP_CUES = (
    r"according\s+to", r"as\s+reported\s+by", r"in\s+the\s+words\s+of", r"as\s+told\s+to",
    r"quoted\s+by", r"per\s+(?=(?:a|an|the)\s)",
)
PREP_CUE_BLOCKERS: tuple[str, ...] = ()
# "That's according to X" / "So said X": content is the previous sentence.
INVERTED_OPENERS = ("that's", "that is", "so", "this is what")
# "…, the senator, who said …": a relative pronoun that is the subject of the cue.
RELATIVE_SUBJECTS = ("who",)
COMPLEMENTIZERS = ("that",)
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "some", "two", "three",
               "several", "many", "his", "her", "their", "its", "our")
NP_PREPOSITIONS = ("of", "for", "at", "from", "and", "'s", "’s")
NP_STOPS = ("in", "on", "during", "after", "before", "to", "with", "that", "while", "but",
            "when", "as", "because", "if", "last", "this", "earlier", "later", "told", "who",
            "which", "by", "about", "via", "through", "since", "until", "tuesday", "monday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
            "tonight", "recently", "also", "then", "again", "afterward")
TIME_WORDS = ("on", "today", "yesterday", "tonight", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "also", "then", "later", "earlier",
              "again", "last", "this", "week", "morning", "evening", "afternoon", "night",
              "recently", "previously", "repeatedly")
CLAUSE_BOUNDARIES = ("that", "which", "who", "but", "while", "as", "because", "when", "if",
                     "where", "since", "although", "though", "whereas", "so", "or", "whom",
                     "after", "before", "until", "unless", "whether", "than")
VERB_HINTS = ("is", "was", "are", "were", "has", "have", "had", "will", "would", "did", "does",
              "do", "can", "could", "should", "be", "been")
VERB_SUFFIXES = ("ed",)
PRONOUNS = ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them")
# A source opening with one of these says that nobody said it: no attribution.
NEGATIVE_SOURCES = ("no", "nobody", "none", "neither", "nothing")
# Words that are never a source on their own: a conjunction left by an elided subject, the
# anchor of a link ("as reported here").
NOT_SOURCES = ("and", "but", "or", "here")
# Outside quotation marks, "I", "we" and "you" are the writer and the reader, not the last
# speaker: such a source has no named speaker.
NARRATOR_PRONOUNS = ("i", "we", "you", "me", "us")
# Pronouns that stand for one person: with no speaker before them, the last person named.
PERSON_PRONOUNS = ("he", "she")
# A relative pronoun as the source ("Assange, who denies the accusation"; PolNeAR marks the
# pronoun) stands for the phrase before it. Lower case only: "WHO" is the organisation.
RELATIVE_PRONOUNS = ("who", "which", "that", "whom")
RECIPIENT_PREPOSITIONS = ("to",)
NAMING_WORDS = ("called", "calls", "call", "calling", "dubbed", "named", "titled", "entitled",
                "so-called", "term", "termed", "word", "words", "phrase", "slogan", "label",
                "labeled", "describes", "described", "branded")
# Words after which a quotation is a title, however long or sentence-like ("an article headlined
# '…'", "under the title '…'").
TITLE_WORDS = ("titled", "entitled", "headlined", "headline", "title",
               # the works whose names are quoted: "their single “…”", "his book “…”"
               "book", "novel", "film", "movie", "song", "single", "album", "show", "series",
               "documentary", "play", "poem", "podcast", "episode", "memoir", "essay")
# Titles dropped from the front of a speaker's name ("Governor Maria Lopez" → "Maria Lopez").
NAME_TITLES = ("mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
               "president", "secretary", "gen", "general", "judge", "mayor", "prof", "professor",
               "sir", "lady", "lord", "former", "vice", "chairman", "speaker", "leader", "minister",
               "prime", "pres", "col", "capt", "sgt", "lt", "candidate", "nominee", "gop", "democratic",
               "republican", "state")
