"""Italian data for time expressions (`rassegna.timexes`): words only, no code.

Lower-case; apostrophes written as "'" (the engine also accepts "’"). Same names in
`rassegna.lang.time_en`.
"""

LANG = "it"

MONTHS = {
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "agosto": 8, "settembre": 9, "ottobre": 10, "novembre": 11, "dicembre": 12,
    "gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9,
    "sett": 9, "ott": 10, "nov": 11, "dic": 12,
}
# Abbreviations that are also common words: only with a day number or a year next to them.
AMBIGUOUS_MONTHS = frozenset({"mar", "mag", "set", "ago", "giu", "gen", "dic", "apr", "nov", "lug",
                              "feb", "ott", "sett"})
WEEKDAYS = {
    "lunedì": 1, "martedì": 2, "mercoledì": 3, "giovedì": 4, "venerdì": 5, "sabato": 6,
    "domenica": 7, "lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4, "venerdi": 5,
    "lun": 1, "mer": 3, "gio": 4, "ven": 5, "sab": 6, "dom": 7,
}
WEEKDAY_PLURALS = {"domeniche": 7, "sabati": 6}
AMBIGUOUS_WEEKDAYS = frozenset({"lun", "mar", "mer", "gio", "ven", "sab", "dom"})
SEASONS = {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"}

# Day-relative words: offset in days from the reference date.
DAY_WORDS = {"oggi": 0, "ieri": -1, "domani": 1, "dopodomani": 2, "l'altroieri": -2,
             "altroieri": -2, "l'altro ieri": -2, "ieri l'altro": -2, "in giornata": 0,
             "questo giorno": 0, "il giorno dopo": 1, "il giorno passato": -1,
             "l'ultimo giorno": -1, "l'indomani": 1, "oggigiorno": None}
# Parts of the day: TIMEX3 codes, and words that name today's part ("stamattina").
DAY_PARTS = {"mattina": "MO", "mattino": "MO", "mattinata": "MO", "pomeriggio": "AF",
             "sera": "EV", "serata": "EV", "notte": "NI", "nottata": "NI", "mezzogiorno": "MI",
             "mezzanotte": "MI"}
TODAY_PARTS = {"stamattina": "MO", "stamani": "MO", "stamane": "MO", "stasera": "EV",
               "stanotte": "NI", "oggi pomeriggio": "AF"}
NOON = {"mezzogiorno": "T12:00", "mezzanotte": "T24:00"}
HOLIDAYS = {"natale": (12, 25), "vigilia di natale": (12, 24), "santo stefano": (12, 26),
            "capodanno": (1, 1), "epifania": (1, 6), "befana": (1, 6), "ferragosto": (8, 15),
            "festa della liberazione": (4, 25), "festa dei lavoratori": (5, 1),
            "primo maggio": (5, 1), "festa della repubblica": (6, 2), "ognissanti": (11, 1),
            "san silvestro": (12, 31), "pasqua": "EASTER", "pasquetta": "EASTER+1",
            "san valentino": (2, 14), "immacolata": (12, 8)}
YEAR_WORDS_TENS = {}

# Units of time: TIMEX3 letter and whether it is a clock unit (PT...).
UNITS = {
    "anno": ("Y", False), "anni": ("Y", False), "mese": ("M", False), "mesi": ("M", False),
    "settimana": ("W", False), "settimane": ("W", False), "giorno": ("D", False),
    "giorni": ("D", False), "giornata": ("D", False), "giornate": ("D", False),
    "ora": ("H", True), "ore": ("H", True), "h": ("H", True), "minuto": ("M", True),
    "minuti": ("M", True), "min": ("M", True), "secondo": ("S", True), "secondi": ("S", True),
    "sec": ("S", True), "decennio": ("DE", False), "decenni": ("DE", False),
    "secolo": ("CE", False), "secoli": ("CE", False), "trimestre": ("Q", False),
    "trimestri": ("Q", False), "semestre": ("HY", False), "weekend": ("WE", False),
    "fine settimana": ("WE", False), "fine-settimana": ("WE", False), "millennio": ("ML", False),
}
# Words for "a few", "several": a count that is not known.
VAGUE_COUNTS = frozenset({"alcuni", "alcune", "qualche", "diversi", "diverse", "vari", "varie",
                          "pochi", "poche", "molti", "molte", "parecchi", "parecchie", "tanti",
                          "tante", "numerosi", "numerose"})
# Modifiers of a calendar unit or name: offset (this 0, last -1, next +1).
THIS = frozenset({"questo", "questa", "quest'", "corrente", "in corso", "attuale"})
LAST = frozenset({"scorso", "scorsa", "passato", "passata", "precedente", "ultimo", "ultima"})
NEXT = frozenset({"prossimo", "prossima", "entrante", "successivo", "successiva", "seguente",
                  "in arrivo", "venturo", "ventura"})
AGO = frozenset({"fa", "or sono", "orsono"})
LATER = frozenset({"dopo", "più tardi", "in futuro", "da adesso", "da ora", "da oggi",
                   "da questo momento"})
BEFORE = frozenset({"prima"})
# "due mesi dopo", "quattro mesi prima": counted from another event, not from the article's date
EVENT_ANCHORED = frozenset({"dopo", "più tardi", "prima"})
# The start of a state, not the date of an event; a sentence with another date is dated by
# that one. "Sin dal", "fin dal" always; a bare "dal" only after a first or a superlative ("primo
# viaggio all'estero dal 2019", "il dato minimo dal 2008"), since "riapre dal 14 aprile",
# "a partire dal 1892" date what happens; not after "più" ("non è più amministratore delegato
# dal 2018" dates the end of something).
SINCE = frozenset({"sin dal", "fin dal", "sin dalla", "fin dalla", "sin dall'", "fin dall'",
                   "sin dall’", "fin dall’"})
SINCE_AFTER_COMPARISON = frozenset({"dal", "dalla", "dall'", "dall’", "dai"})
COMPARISON_WORDS = frozenset({"primo", "prima", "primi", "prime", "record", "massimo", "minimo"})
# what closes a range opened by "dal" ("dal 2013 al 2019"): then the start is a date like any
RANGE_CLOSERS = frozenset({"al", "alla", "all'", "all’", "allo", "ai", "a", "fino"})
IN_FUTURE = frozenset({"tra", "fra", "entro"})  # "tra due settimane"
DURATION_PREPS = frozenset({"per", "da", "durante", "nell'arco di", "in", "oltre", "circa",
                            "quasi", "almeno"})
ALL_OF = {"tutto il": 1, "tutta la": 1, "tutto l'": 1, "l'intero": 1, "l'intera": 1,
          "intero": 1, "intera": 1}
EVERY = frozenset({"ogni", "ciascun", "ciascuna"})
EVERY_PLURAL = frozenset({"tutti i", "tutte le", "tutti gli"})
SET_ADVERBS = {"quotidianamente": "P1D", "giornalmente": "P1D", "settimanalmente": "P1W",
               "mensilmente": "P1M", "annualmente": "P1Y",
               "ogni giorno": "P1D", "ogni settimana": "P1W", "ogni mese": "P1M", "ogni anno": "P1Y",
               "tutti i giorni": "P1D", "una volta all'anno": "P1Y", "una volta al mese": "P1M",
               "una volta alla settimana": "P1W", "ogni ora": "PT1H", "ogni notte": "TNI",
               "ogni mattina": "TMO", "tutte le mattine": "TMO", "ogni sera": "TEV",
               "tutte le sere": "TEV", "ogni pomeriggio": "TAF"}
# Parts of a period: "all'inizio di questo mese", "metà gennaio", "fine anno".
PERIOD_PARTS = {"inizio": "START", "inizi": "START", "primi": "START", "prime": "START",
                "metà": "MID", "meta": "MID", "mezzo": "MID", "fine": "END", "ultimi": "END",
                "ultime": "END", "resto": "REST"}
PART_LINKS = ("di", "del", "della", "dello", "dell'", "d'")
# Present, past and future references.
PRESENT_REF = frozenset({"ora", "adesso", "attualmente", "al momento", "in questo momento",
                         "oggigiorno", "tuttora", "in questo periodo"})
PAST_REF = frozenset({"recentemente", "di recente", "in passato", "nel passato", "un tempo",
                      "tempo fa", "poco fa", "da tempo"})
FUTURE_REF = frozenset({"in futuro", "nel futuro", "prossimamente", "presto", "a breve",
                        "il prima possibile", "quanto prima", "in avvenire"})
# Words before a 4-digit number that make it a year (and make a year a time expression).
YEAR_PREPS = frozenset({"nel", "dal", "del", "al", "entro il", "entro", "fino al", "anno",
                        "l'anno", "nell'anno", "dell'anno", "inizio", "fine", "metà", "estate",
                        "inverno", "primavera", "autunno", "nel corso del", "prima del",
                        "dopo il", "tra il", "fra il", "il", "agli inizi del", "esercizio"})
DECADE_WORDS = ("anni",)
CENTURY_WORDS = ("secolo",)
# Ordinals for "il primo trimestre", "la terza settimana".
ORDINALS = {"primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
            "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1, "ultima": -1}
# Clock: "alle 21", "le 8", "ore 9".
CLOCK_PREPS = ("alle", "dalle", "le", "verso le", "entro le", "fino alle", "per le", "ore",
               "alle ore", "all'", "dall'", "l'", "intorno alle", "attorno alle", "sono le")
CLOCK_AM = frozenset({"am", "a.m.", "a. m.", "a m", "di mattina", "del mattino", "di notte"})
CLOCK_PM = frozenset({"pm", "p.m.", "p. m.", "p m", "di sera", "del pomeriggio", "di pomeriggio",
                      "della sera"})
# Words in a sentence that signal the future (for "venerdì" with no modifier).
FUTURE_CUES = ("tornerò", "sarà", "saranno", "avrà", "avranno", "verrà", "verranno", "dovrà",
               "potrà", "si terrà", "partirò", "andrò", "prossim", "organizza", "prenota")
FUTURE_SUFFIXES = ("erà", "irà", "arà", "eranno", "iranno", "aranno", "erò", "irò", "arò",
                   "eremo", "iremo", "aremo",
                   # contracted futures: terrà/terranno, verrà, avranno, potranno, andranno
                   "rrà", "rranno", "vrà", "vranno", "trà", "tranno", "drà", "dranno")
# The conjunctions that tie two dates into a range ("dal 4 al 22", "tra il 2 e il 7").
RANGE_FROM = ("dal", "dall'", "da", "dai", "tra il", "fra il", "tra l'", "fra l'", "tra", "fra")
RANGE_TO = ("al", "all'", "a", "e il", "e l'", "e", "fino al", "fino a", "fino all'", "-", "–")
ARTICLES = ("il", "lo", "la", "l'", "i", "gli", "le", "un", "una", "uno", "un'")
