"""Italian lexicon for attribution (who said what). Data only; `rassegna.attribution` compiles it.

Lower-case forms; multiword entries are matched with any whitespace between words.
"""

from rassegna.lang.it import MONTHS

# Finite forms (present, past, conditional) that are cues on their own.
FINITE_VERBS = (
    "dice", "dicono", "diceva", "disse", "afferma", "affermano", "affermava", "affermò",
    "dichiara", "dichiarano", "dichiarò", "sostiene", "sostengono", "sosteneva", "avverte",
    "avvertono", "spiega", "spiegano", "spiegò", "sottolinea", "sottolineano", "aggiunge",
    "aggiungono", "aggiunse", "riferisce", "riferiscono", "annuncia", "annunciano", "osserva",
    "osservano", "ribadisce", "ribadiscono", "conclude", "precisa", "precisano", "assicura",
    "assicurano", "ammette", "conferma", "confermano", "rivela", "rivelano", "scrive", "scrivono",
    "racconta", "raccontano", "commenta", "denuncia", "denunciano", "evidenzia", "ricorda",
    "replica", "rileva", "rilevano", "insiste", "chiarisce", "segnala", "segnalano", "riporta",
    "riportano", "twitta", "fa sapere", "fanno sapere", "rende noto", "rendono noto",
    "ha fatto sapere", "hanno fatto sapere", "ha reso noto", "hanno reso noto",
    "si è detto", "si è detta", "si sono detti", "si è espresso", "si è espressa",
    "si sono espressi", "ha tuonato", "avrebbe detto",
    # a text as the source: "Nel post si legge che …", "un comunicato in cui si legge: «…»"
    "si legge", "si leggeva", "si leggono",
)
# Past participles: a cue only after an auxiliary ("ha detto", "hanno affermato").
PARTICIPLES = (
    "detto", "dichiarato", "affermato", "sottolineato", "aggiunto", "annunciato", "riferito",
    "spiegato", "segnalato", "ribadito", "concluso", "chiarito", "precisato", "osservato",
    "commentato", "confermato", "rivelato", "ammesso", "avvertito", "scritto", "twittato",
    "assicurato", "denunciato", "sostenuto", "evidenziato", "ricordato", "raccontato",
    "rilevato", "replicato", "risposto", "garantito", "rimarcato", "puntualizzato",
    "anticipato", "comunicato", "riportato", "insistito", "dichiarata", "affermata",
    "annunciata", "riferita", "ammonito", "spiegata", "stimato", "previsto",
)
AUXILIARIES = ("ha", "hanno", "aveva", "avevano", "avrebbe", "avrebbero", "abbia", "abbiano",
               "aveva già", "è stato", "è stata")
# Adverbs that may sit inside a cue: "ha poi detto", "ha anche sottolineato".
CUE_ADVERBS = ("poi", "anche", "già", "inoltre", "pure", "infatti", "ancora", "più volte",
               "invece", "però", "ieri", "oggi", "pubblicamente", "nuovamente", "ancora una volta")
# Gerunds continue the previous speaker: "…, aggiungendo che …".
GERUNDS = ("aggiungendo", "sottolineando", "spiegando", "affermando", "dichiarando", "precisando",
           "ricordando", "osservando", "avvertendo", "sostenendo", "annunciando", "ribadendo",
           "evidenziando", "assicurando", "dicendo", "rilevando", "ammettendo", "confermando",
           "denunciando", "chiarendo", "elencando", "stimando", "ritenendo", "prevedendo",
           "lamentando", "riferendo", "segnalando", "ipotizzando", "ammonendo", "commentando",
           "rimarcando", "insistendo", "replicando", "rivelando", "raccontando", "scrivendo",
           "notando", "argomentando", "accusando")
# What "secondo quanto / stando a quanto / a quanto …" may be followed by: a reporting verb, with
# or without its auxiliary, then the agent's preposition ("secondo quanto hanno confermato i
# colleghi", "stando a quanto riportano", "a quanto appreso dal Corriere").
_QUANTO_PARTICIPLES = (
    r"(?:dichiarato|riferito|affermato|reso\s+noto|riportato|scritto|"
    r"annunciato|spiegato|comunicato|confermato|precisato|rivelato|sostenuto|indicato|appreso|"
    r"emerso|trapelato|detto|stabilito|previsto|ricostruito|pubblicato|denunciato|sottolineato|"
    r"evidenziato|raccontato|segnalato|osservato)")
_QUANTO_FINITE = (
    r"(?:riferisce|riferiscono|riporta|riportano|scrive|scrivono|afferma|affermano|dichiara|"
    r"dichiarano|spiega|spiegano|conferma|confermano|sostiene|sostengono|racconta|raccontano|"
    r"ricostruisce|ricostruiscono|emerge|sottolinea|sottolineano|segnala|segnalano|evidenzia|"
    r"evidenziano)")
# (not "testimonia": "come testimonia il giubbotto arancione" is evidence, not speech)
_AGENT = r"d(?:a|al|alla|allo|ai|agli|alle|all['’])"
# Prepositions of place, before a text or a page ("si legge nel comunicato", "riportato su Facebook").
LOCATIVE_PREPOSITIONS = ("in", "nel", "nella", "nello", "nei", "negli", "nelle", "nell'", "nell’", "su",
                         "sul", "sulla", "sullo", "sui", "sugli", "sulle", "sull'", "sull’")
# after "come", what a rule or a plan provides ("come previsto dal decreto") is not a statement
_COME_PARTICIPLES = _QUANTO_PARTICIPLES.replace("stabilito|previsto|", "")
# or where it was read: "stando a quanto riportato nell'articolo, …" (the article is the source);
# not a date ("secondo quanto riportato nel maggio 2009 dal Telegraph": the agent follows) nor
# "nel corso di"
_WHERE = (rf"(?:{'|'.join(LOCATIVE_PREPOSITIONS)})"
          rf"(?!\s*(?:\d|corso\b|{'|'.join(MONTHS)}|giorni|giorno|giornata|ore\b|settimane|settimana|"
          r"mesi|mese|serata|mattinata|passato|precedenza|esclusiva|una\s+nota))"
          # … and not when an agent follows before the comma: "nei giorni scorsi da Repubblica",
          # "su Facebook dal ministro" (the agent is the source)
          rf"(?![^,.;:«»“”\n]*\s{_AGENT}\s*[A-ZÀ-Ýa-zà-ÿ])")
_QUANTO_READ = (
    rf"(?:(?:(?:ha|hanno|è|sono)\s+)?{_QUANTO_PARTICIPLES}|{_QUANTO_FINITE})(?:\s+(?:{_AGENT}|{_WHERE}))?"
)
_SI_LEGGE = r"si\s+legge(?:\s+(?:in|nel|nella|nello|nei|negli|nelle|nell['’]|su|sul|sulla|sull['’]))?"
# Prepositional cues: the source follows ("secondo Rutte, …").
PREP_CUES = (
    rf"secondo\s+quanto\s+(?:{_SI_LEGGE}|{_QUANTO_READ})",
    rf"stando\s+a\s+quanto\s+(?:{_SI_LEGGE}|{_QUANTO_READ})",
    rf"in\s+base\s+a\s+quanto\s+(?:{_SI_LEGGE}|{_QUANTO_READ})",
    # (only where a clause starts: "conduce a quanto annunciato", "contrariamente a quanto
    # riportato" are no attribution; `attribution._cues`)
    rf"a\s+quanto\s+(?:{_SI_LEGGE}|{_QUANTO_READ})",
    r"secondo", r"stando\s+a(?:l|lla|llo|i|gli|lle|ll['’])?",
    r"a\s+detta\s+d(?:i|el|ella|ello|ei|egli|elle|ell['’])",
    # "come riferito dal ministero, …", "come riporta il Corriere, …", "come ha spiegato X, …";
    # a bare participle ("come detto sopra", "come spiegato") is the writer's own reference
    rf"come\s+(?:(?:ha|hanno|aveva|avevano|avrebbe|avrebbero)\s+{_COME_PARTICIPLES}|{_QUANTO_FINITE})(?:\s+{_AGENT})?",
    rf"come\s+(?:(?:è|sono)\s+)?{_COME_PARTICIPLES}\s+{_AGENT}",
    r"citando", r"cita(?:ndo)?\s+fonti",
)
# Cues whose source is a possessive: the speaker is the subject already named in the sentence
# ("Zelensky ha ribadito la stima, che a suo dire supera le 650.000 vittime").
OWN_CUES = (
    r"a\s+(?:suo|sua|loro)\s+(?:dire|avviso|parere|giudizio|modo\s+di\s+vedere)",  # not "a nostro avviso": the writer
    r"secondo\s+(?:lui|lei|loro)", r"(?:stando\s+)?alle\s+(?:sue|loro)\s+parole",
)
# "la notizia secondo cui / secondo la quale …": the relative pronoun after a prepositional cue; the source is the
# noun phrase before the cue.
RELATIVE_PREP_OBJECTS = ("cui", "quale", "quali")
# Prepositions that tie a noun phrase to a verb, not to another noun ("accolto dalla giudice X,
# secondo cui"; "scritto al ministro X, secondo cui"): an antecedent starts after them. "di" and
# "in" stay inside ("il giudice del lavoro X", "una scritta in tedesco").
ANTECEDENT_BREAKS = ("da", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall'", "dall’",
                     "a", "al", "allo", "alla", "ai", "agli", "alle", "all'", "all’", "su", "sul",
                     "sullo", "sulla", "sui", "sugli", "sulle", "sull'", "sull’", "con", "col",
                     "tra", "fra")
# "secondo chi ha pubblicato il post, …": a free relative is the source up to its comma.
FREE_RELATIVES = ("chi", "quanti", "quante")
# "…, a differenza di quanto affermano X, …": "quanto" closing the words before a cue marks the
# clause before as set against the source's words.
CONTRAST_RELATIVES = ("quanto",)
# "Non esiste alcuna evidenza secondo cui …", "non c'è nessuno studio secondo il quale …": the
# writer denies that any source says so; nothing is attributed.
NEGATIVE_DETERMINERS = ("alcun", "alcuna", "alcuno", "nessun", "nessuna", "nessuno")
# A source opening with one of these says that nobody said it ("Nessuno ha detto che …", "in
# nessun punto si legge che …"): no attribution.
NEGATIVE_SOURCES = ("nessun", "nessuna", "nessuno", "niente", "nulla")
# Words that are never a source on their own: a conjunction left by an elided subject ("L'Ecdc
# indica … e riporta …"), the anchor of a link ("come si legge qui").
NOT_SOURCES = ("e", "ed", "ma", "o", "oppure", "qui", "qua")
EXISTENTIALS = ("esiste", "esistono", "esisteva", "c'", "c’", "ci", "vi")
# Gerunds of looking, recalling and writing take a clause to be speech ("osservando che …",
# "ricordando come …"); with a noun phrase they are what the writer did ("osservando le foto",
# "ricordando notizie di altri decessi", "scrivendo un post").
CLAUSE_ONLY_GERUNDS = ("osservando", "notando", "rilevando", "ricordando", "scrivendo", "raccontando",
                       "commentando")
# "secondo" is an ordinal after these words ("il secondo giorno").
PREP_CUE_BLOCKERS = ("il", "un", "al", "del", "nel", "dal", "sul", "per", "lo", "questo", "in",
                     "di", "della")
# Words opening an inverted attribution whose content is the previous sentence:
# "Lo ha detto il ministro", "Lo afferma X", "È quanto sostiene X".
INVERTED_OPENERS = ("lo", "l'", "l’", "è quanto", "e' quanto", "questo è quanto", "così", "cosi")
# "…, la deputata X, che ha dichiarato …": a relative pronoun that is the subject of the cue.
RELATIVE_SUBJECTS = ("che",)
COMPLEMENTIZERS = ("che", "come")
# Words that govern the "a" of "a quanto …", which is then no cue: "contrariamente a quanto
# riportato", "rispetto a quanto previsto", "conduce a quanto annunciato"
A_GOVERNORS = frozenset({
    "contrariamente", "rispetto", "conduce", "conducono", "porta", "portano", "oltre", "inferiore",
    "inferiori", "superiore", "superiori", "uguale", "uguali", "pari", "simile", "simili",
    "analogamente", "diversamente", "conformemente", "risposta", "riferimento", "rimandiamo",
    "rimanda", "corrisponde", "corrispondono", "contrario", "opposto", "aggiunta", "vicino",
    "fronte", "grazie", "credere", "crediamo", "relativo", "relativa", "relativi", "relative",
    "attenersi", "aderente", "fede", "tornando", "torniamo", "sommare", "aggiungere"})
# What follows "secondo / stando a" when it is seen, not said: "stando a quanto mostrato nella
# foto" (the cue words of `PREP_CUES` take "quanto riportato" and the other reporting verbs)
SEEN_NOT_SAID = (r"\s*quanto\s+(?:(?:si|è|sono)\s+)?(?:mostrat[oai]|mostran?o|vist[oai]|vediamo|sappiamo|"
                 r"accadut[oai]|successo)\b")
# Participles that open an absolute clause between commas ("visto l'andamento", "detto questo")
# and are nouns too often to be in `PARTICIPLE_WORDS`
ABSOLUTE_PARTICIPLES = frozenset(f"{stem}{end}" for stem in ("vist", "considerat", "dat", "dett", "passat",
                                                               "trascors", "fatt") for end in "oaie")
# Words that end like an infinitive and are nouns ("ha scritto di potere e corruzione")
NOUN_INFINITIVES = frozenset({"potere", "poteri", "piacere", "dovere", "doveri", "parere", "pareri",
                              "carattere", "mestiere", "cantiere", "fiere", "mare",
                              "affare", "altare", "collare", "esemplare", "lunare", "solare"})
# "ha dichiarato di non conoscere nessuno": "di" and an infinitive open the reported clause too
INFINITIVE_COMPLEMENTIZERS = ("di",)
DETERMINERS = ("il", "lo", "la", "i", "gli", "le", "l'", "l’", "un", "uno", "una", "un'", "un’",
               "questo", "questa", "quel", "quella", "alcuni", "alcune", "due", "tre", "diversi")
# Prepositions that continue a noun phrase ("il ministro degli Esteri", "un funzionario dell'agenzia").
NP_PREPOSITIONS = ("di", "del", "della", "dello", "dei", "degli", "delle", "dell'", "dell’", "d'",
                   "d’", "per", "e")
# Words that end a source noun phrase found after a cue.
NP_STOPS = ("dopo", "durante", "in", "nel", "nella", "nei", "nelle", "nell'", "nell’", "a", "al",
            "alla", "ai", "agli", "con", "su", "sul", "sulla", "che", "mentre", "ma", "perché",
            "quando", "se", "già", "anche", "oggi", "ieri", "da", "dal", "dalla", "tramite",
            "attraverso", "davanti", "prima", "poi", "come", "quanto")
# Participi passati ("una tesi pubblicata", "un rapporto diffuso") e le preposizioni del
# complemento che li segue, di luogo o d'agente ("… sul sito dell'Università di Otago", "…
# pubblicati da Unicef"): con loro la fonte dopo "secondo" continua fino alla virgola.
PARTICIPLE_SUFFIXES = ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti",
                       "ute", "uso", "usa", "usi", "use")
# "secondo cui" after where a text went round hangs on the text: "un post, pubblicato il 28
# giugno su Facebook, secondo cui …" is the post's claim, not Facebook's (`attribution`)
POSTED_PARTICIPLES = ("pubblicat", "circolat", "condivis", "diffus", "postat", "caricat", "appars",
                      "compars", "contenut", "present", "circolant")
# "verificare l'attendibilità della notizia secondo cui …": the news says it, not its reliability
TRUTH_NOUNS = ("attendibilità", "veridicità", "fondatezza", "autenticità", "veracità")
# Words that open a description set off by commas after a source's name, with the titles and
# roles of `ner.TITLE_WORDS` ("Paul Offit, direttore del Vaccine Education Center, …")
APPOSITION_HEADS = ("esperto", "esperta", "docente", "autore", "autrice", "ricercatore", "ricercatrice",
                    "fondatore", "fondatrice", "membro", "responsabile", "medico", "virologo", "virologa",
                    "epidemiologo", "epidemiologa", "immunologo", "immunologa", "infettivologo",
                    "infettivologa", "primario", "primaria", "giornalista", "economista", "analista",
                    "consulente", "coordinatore", "coordinatrice", "ex", "tra", "collaboratore",
                    "collaboratrice", "scienziato", "scienziata", "storico", "storica", "scrittore",
                    "scrittrice", "editorialista", "opinionista", "attivista", "ideatore", "ideatrice",
                    "titolare", "dirigente", "funzionario", "funzionaria", "addetto", "addetta")
# irregular ones ("il messaggio scritto dall'autore del post", "un video condiviso su Facebook")
PARTICIPLE_WORDS = frozenset({
    # (not those that are nouns as often: fatto, letto, vista, messa, presa, prodotto, esposto)
    f"{stem}{end}" for stem in ("scritt", "dett", "redatt", "tradott", "emess", "trasmess", "condivis",
                                "appars", "compars", "propost", "inclus")
    for end in "oaie"})
PARTICIPLE_PREPOSITIONS = ("su", "sul", "sulla", "sui", "sulle", "sull'", "sull’", "in", "nel", "nella",
                           "nei", "nelle", "nell'", "nell’", "da", "dal", "dalla", "dai", "dagli",
                           "dalle", "dall'", "dall’")
# Time words that may sit between a cue and its source ("ha affermato giovedì l'agenzia").
TIME_WORDS = ("oggi", "ieri", "stamattina", "stamani", "stasera", "domenica", "lunedì", "martedì",
              "mercoledì", "giovedì", "venerdì", "sabato", "anche", "poi", "inoltre", "infine",
              "ancora", "già", "pure", "mattina", "sera", "scorso", "scorsa")
# Words that end a source noun phrase found before a cue (scanning leftwards).
CLAUSE_BOUNDARIES = ("che", "ma", "mentre", "perché", "quando", "se", "dove", "poiché", "cui",
                     "quale", "infatti", "però", "quindi", "dunque", "oppure", "o")
# Verb-like words: a coordination ("X e Y ha detto") is kept in the source only without them.
VERB_HINTS = ("ha", "hanno", "è", "sono", "era", "erano", "sarà", "aveva", "avevano", "fa", "va",
              "avrebbe", "avrebbero", "sarebbe", "sarebbero", "potrebbe", "potrebbero", "dovrebbe",
              "dovrebbero", "starebbe", "starebbero")
# Clitics and negation open a verb phrase: a source noun phrase ends before them ("secondo Google
# Maps | si trova …"), and an impersonal "si spiega che" has no source.
CLITICS = ("si", "ci", "vi", "ne", "non")
# "si legge" reads from a text named in a place phrase: "Nel comunicato si legge che …",
# "Si legge in una nota della Regione che …".
READ_CUES = ("si legge", "si leggeva", "si leggono")  # (the place's prepositions: LOCATIVE_PREPOSITIONS)
# Object pronouns between a subject and its verb ("Il ministro gli ha detto", "l'ha detto").
OBJECT_CLITICS = ("lo", "la", "li", "le", "gli", "l'", "l’", "mi", "ti", "ci", "vi", "ne", "glielo",
                  "gliela", "me", "te", "ce", "ve")
# Conditional endings (reported news: "riguarderebbe", "mostrerebbero") mark a verb.
CONDITIONAL_SUFFIXES = ("ebbe", "ebbero")
VERB_SUFFIXES = ("ato", "ito", "uto", "ava", "ano", "ono")
# Sources that are pronouns or empty: the speaker is the last one named.
# "Quest'ultimo" stands for the last one named as a pronoun does ("lo stesso" is more often
# "the same thing": "Lo stesso ha ribadito il Ministero", "secondo lo stesso documento").
PRONOUNS = ("lui", "lei", "egli", "ella", "esso", "essa", "loro", "essi", "esse",
            "quest'ultimo", "quest’ultimo", "quest'ultima", "quest’ultima", "questi ultimi",
            "queste ultime")
# Outside quotation marks, "io", "noi", "tu", "voi" are the writer and the reader, not the last
# speaker: such a source has no named speaker.
NARRATOR_PRONOUNS = ("io", "noi", "tu", "voi")
# Pronouns that stand for a person: with no speaker before them, the last person named
# ("esso", "essa" are as often a document: "in esso si leggeva").
PERSON_PRONOUNS = ("lui", "lei", "egli", "ella", "quest'ultimo", "quest’ultimo", "quest'ultima",
                   "quest’ultima")
# A relative pronoun as the source stands for the phrase before it ("il ministro, il quale ha
# detto"); lower case only.
RELATIVE_PRONOUNS = ("che", "il quale", "la quale", "i quali", "le quali", "cui")
# Recipients between a cue and its content ("ha detto ai giornalisti che", "ha detto ai
# giornalisti di …": a "di" clause may follow past the hearer; `attribution`)
RECIPIENT_PREPOSITIONS = ("a", "ad", "ai", "agli", "alla", "allo", "alle", "al", "all'", "all’")
# Words that, before a short quotation, mark it as a name or title rather than speech.
NAMING_WORDS = ("chiamato", "chiamata", "chiama", "denominato", "denominata", "intitolato",
                "intitolata", "detto", "detta", "cosiddetto", "cosiddetta", "definito", "definita",
                "definisce", "definendo", "ribattezzato", "ribattezzata", "soprannominato")
# Words after which a quotation is a title, however long or sentence-like: "un articolo
# intitolato «…»", "dal titolo: «…»" (headlines often end with a quoted statement of their own).
TITLE_WORDS = ("intitolato", "intitolata", "intitolati", "intitolate", "titolo", "titolato",
               "titolata", "titolando", "titolava", "titola",
               # the works whose names are quoted: "il libro «…»", "il singolo «…»"
               "libro", "romanzo", "film", "canzone", "singolo", "album", "brano", "serie",
               "programma", "trasmissione", "documentario", "spettacolo", "poesia", "podcast",
               "puntata", "saggio")
# Titles dropped from the front of a speaker's name ("il presidente Sergio Rossi" is already lower
# case; these cover capitalised forms such as "Presidente", "On.", "Dott.").
NAME_TITLES = ("sig", "sigra", "dott", "dottssa", "prof", "profssa", "on", "sen", "avv", "ing",
               "presidente", "ministro", "segretario", "generale", "papa", "don", "mons", "santo",
               "san", "premier", "sindaco", "governatore", "ammiraglio", "colonnello", "capitano")
