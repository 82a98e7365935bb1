"""Italian data for quantity extraction (`rassegna.quantities`): words only, no code.

Every phrase is lower-case; multi-word phrases are written with single spaces and matched
token by token (an elided article such as "dell'" is one token). The same names exist in
`rassegna.lang.quantities_en`.
"""

LANG = "it"

# Digits: "10.000" is ten thousand, "2,5" two and a half. A lone separator followed by exactly
# three digits is read with these; anything else is a decimal point whichever it is.
DECIMAL_SEP = ","
THOUSANDS_SEP = "."

# Number words that text2num does not know, or that need a value of their own.
EXTRA_NUMBER_WORDS = {"zero": 0}
# Words that text2num reads as numbers but that are never numbers on their own in prose.
NOT_NUMBER_WORDS = frozenset()
# The indefinite article: 1 only before a scale ("un milione") or a fraction ("un terzo").
ARTICLE_ONE = frozenset({"un", "una", "un'"})
# "uno" is also the article before s+consonant, z, gn, ps ("uno studio", "uno scienziato"): it is
# the numeral only before these words, a punctuation mark or nothing ("uno su tre", "uno dei due",
# "uno a zero", "solo uno.").
NUMERAL_UNO = "uno"
UNO_NUMERAL_NEXT = frozenset({"su", "di", "dei", "degli", "delle", "del", "della", "a", "ad", "e",
                              "o", "per", "in", "fra", "tra", "solo", "soltanto", "ogni", "mezzo",
                              "virgola", "punto", "o", "contro"})

SCALES = {
    "mille": 1e3, "mila": 1e3, "migliaio": 1e3, "k": 1e3,
    "milione": 1e6, "milioni": 1e6, "mln": 1e6, "mln.": 1e6, "mio": 1e6,
    "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9, "mld.": 1e9, "mrd": 1e9,
    "bilione": 1e12, "bilioni": 1e12, "trilione": 1e18, "trilioni": 1e18,
}
# Scales written glued to digits: "12mila", "2,5mld", "10k".
GLUED_SCALES = {"mila": 1e3, "k": 1e3, "mln": 1e6, "mld": 1e9, "mrd": 1e9, "b": 1e9,
                "milioni": 1e6, "miliardi": 1e9}

HALF_WORDS = frozenset({"mezzo", "mezza"})
HALF_PLURAL = frozenset({"mezzi"})
DOZEN_WORDS = {"dozzina": 12, "dozzine": 12}
CONJUNCTION = "e"

# "una cinquantina di soldati": about fifty.
APPROX_NUMERALS = {
    "decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30,
    "quarantina": 40, "cinquantina": 50, "sessantina": 60, "settantina": 70,
    "ottantina": 80, "novantina": 90, "centinaio": 100, "migliaio": 1000,
}
# Plural approximate numerals: a range of values ("migliaia di soldati").
VAGUE_PLURALS = {
    "decine": (10, 100), "dozzine": (24, 120), "centinaia": (100, 1000),
    "migliaia": (1000, 10000), "milioni": (1e6, 1e7), "miliardi": (1e9, 1e10),
}
VAGUE_OF = frozenset({"di"})  # "decine di migliaia"

# Fractions: denominators (singular and plural forms) and "uno su tre".
FRACTION_DENOMINATORS = {
    "mezzo": 2, "mezzi": 2, "terzo": 3, "terzi": 3, "quarto": 4, "quarti": 4,
    "quinto": 5, "quinti": 5, "sesto": 6, "sesti": 6, "settimo": 7, "settimi": 7,
    "ottavo": 8, "ottavi": 8, "nono": 9, "noni": 9, "decimo": 10, "decimi": 10,
    "centesimo": 100, "centesimi": 100, "millesimo": 1000, "millesimi": 1000,
}
FRACTION_OVER = frozenset({"su"})  # "uno su tre"
FRACTION_OF = frozenset({"di", "dei", "degli", "delle", "del", "della", "dello", "dell'"})

ORDINAL_WORDS = {
    "primo": 1, "prima": 1, "primi": 1, "prime": 1, "secondo": 2, "seconda": 2, "secondi": 2,
    "terzo": 3, "terza": 3, "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5,
    "sesto": 6, "sesta": 6, "settimo": 7, "settima": 7, "ottavo": 8, "ottava": 8,
    "nono": 9, "nona": 9, "decimo": 10, "decima": 10,
}
ORDINAL_SUFFIXES = ("esimo", "esima", "esimi", "esime")
DIGIT_ORDINAL_SUFFIXES = frozenset({"°", "º", "ª", "esimo", "esima", "esimi", "esime", "mo", "ma",
                                    "mi", "me", "o", "a"})

# Qualifiers before the number, longest first when matched.
QUALIFIERS = {
    "circa": "approx", "all'incirca": "approx", "approssimativamente": "approx",
    "intorno a": "approx", "intorno ai": "approx", "intorno alle": "approx", "intorno al": "approx",
    "attorno a": "approx", "attorno ai": "approx", "attorno alle": "approx",
    "quasi": "approx", "pressoché": "approx", "qualcosa come": "approx", "stimati in": "approx",
    "nell'ordine di": "approx", "nell'ordine dei": "approx", "sui": "approx", "sulle": "approx",
    "oltre": "more_than", "oltre i": "more_than", "oltre le": "more_than", "più di": "more_than",
    "ben più di": "more_than", "poco più di": "more_than", "oltre a": "more_than",
    "superiore a": "more_than", "superiori a": "more_than", "sopra i": "more_than",
    "sopra le": "more_than", "maggiore di": "more_than", "più grande di": "more_than",
    "superato i": "more_than", "superato le": "more_than", "superano i": "more_than",
    "almeno": "at_least", "non meno di": "at_least", "minimo": "at_least", "come minimo": "at_least",
    "maggiore o uguale a": "at_least", "più grande o uguale a": "at_least",
    "non inferiore a": "at_least", "è non inferiore a": "at_least", "non è inferiore a": "at_least",
    "non è superiore a": "up_to", "non superiore a": "up_to",
    "fino a": "up_to", "fino ad": "up_to", "sino a": "up_to", "al massimo": "up_to",
    "al più": "up_to", "non più di": "up_to", "un massimo di": "up_to", "massimo": "up_to",
    "minore o uguale a": "up_to", "più piccolo o uguale a": "up_to",
    "più piccoli o uguali a": "up_to", "minori o uguali a": "up_to",
    "meno di": "less_than", "poco meno di": "less_than", "inferiore a": "less_than",
    "inferiori a": "less_than", "sotto i": "less_than", "sotto le": "less_than",
    "al di sotto di": "less_than", "al di sotto dei": "less_than", "minore di": "less_than",
    "più piccolo di": "less_than", "uguale a": "exact", "esattamente": "exact", "ben": "exact",
}
# Qualifiers after the number ("10.000 e più").
POST_QUALIFIERS = {"e più": "at_least", "o più": "at_least", "e oltre": "at_least",
                   "o meno": "up_to", "al massimo": "up_to"}
SYMBOL_QUALIFIERS = {">": "more_than", "<": "less_than", ">=": "at_least", "<=": "up_to",
                     "≥": "at_least", "≤": "up_to", "~": "approx", "+": "exact"}

# Ranges: "tra 10.000 e 12.000", "da 10 a 12", "10-12".
RANGE_OPENERS = {"tra": ("e",), "fra": ("e",), "compreso tra": ("e",), "compresi tra": ("e",),
                 "da": ("a", "fino a"), "dai": ("ai", "a"), "dal": ("al", "a"), "dalle": ("alle", "a")}
RANGE_INFIX = ("-", "–", "—", "a")  # "10-12", "10 a 12" only inside an opener or between numbers
# Words that join two one-sided bounds into a range ("più di 10 e meno di 20").
BOUND_JOINERS = frozenset({"e", "ma", ","})

# Verbs of change: "è salito da 10 a 12" still reads as a range; kept for symmetry with English.
CHANGE_VERBS = frozenset({
    "salito", "salita", "saliti", "sceso", "scesa", "scesi", "aumentato", "aumentata",
    "diminuito", "diminuita", "calato", "calata", "cresciuto", "cresciuta", "crollato",
    "passato", "passata", "balzato",
})

# Unit phrases after the number → normalised unit. Multi-word phrases allowed.
UNITS = {
    # percentages
    "%": "percent", "per cento": "percent", "percento": "percent", "percentuale": "percent",
    "punti percentuali": "percentage point", "punto percentuale": "percentage point",
    "punti base": "basis point", "punti": "point",
    # money
    "euro": "EUR", "€": "EUR", "eur": "EUR", "dollari": "USD", "dollaro": "USD", "$": "USD",
    "dollari statunitensi": "USD", "dollari americani": "USD", "dollari usa": "USD",
    "dollari australiani": "AUD", "dollari canadesi": "CAD", "dollari di hong kong": "HKD",
    "usd": "USD", "sterline": "GBP", "sterlina": "GBP", "sterline inglesi": "GBP", "£": "GBP",
    "gbp": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rubli": "RUB", "rublo": "RUB",
    "franchi svizzeri": "CHF", "franchi": "CHF", "franco": "CHF", "chf": "CHF",
    "grivne": "UAH", "grivnie": "UAH", "hryvnia": "UAH", "won": "KRW", "rupie": "INR", "lire": "ITL",
    "lire turche": "TRY", "shekel": "ILS", "marchi finlandesi": "FIM", "marchi": "DEM",
    "pesetas": "ESP", "fiorini olandesi": "NLG", "centesimi": "cent", "centesimo": "cent",
    "cent": "cent", "pence": "pence", "penny": "pence",
    # length
    "km": "km", "chilometri": "km", "chilometro": "km", "kilometri": "km", "km.": "km",
    "m": "m", "metri": "m", "metro": "m", "cm": "cm", "centimetri": "cm", "centimetro": "cm",
    "mm": "mm", "millimetri": "mm", "millimetro": "mm", "miglia": "mi", "miglio": "mi",
    "miglia nautiche": "nmi", "piedi": "ft", "piede": "ft", "pollici": "in", "pollice": "in",
    "iarde": "yd",
    # area and volume
    "km2": "km2", "km²": "km2", "kmq": "km2", "chilometri quadrati": "km2", "chilometri quadri": "km2",
    "metri quadri": "m2", "metri quadrati": "m2", "mq": "m2", "m2": "m2", "m²": "m2",
    "ettari": "ha", "ettaro": "ha", "acri": "acre", "piedi cubi": "ft3", "metri cubi": "m3",
    "litri": "l", "litro": "l", "l": "l", "ml": "ml", "millilitri": "ml", "galloni": "gal",
    "barili": "barrel", "barile": "barrel",
    # mass
    "kg": "kg", "chili": "kg", "chilogrammi": "kg", "chilo": "kg", "g": "g", "grammi": "g",
    "mg": "mg", "tonnellate": "t", "tonnellata": "t", "t": "t", "quintali": "q",
    "libbre": "lb", "libbra": "lb", "once": "oz", "oncia": "oz",
    # speed, energy, power, data
    "km/h": "km/h", "km orari": "km/h", "chilometri orari": "km/h", "chilometri all'ora": "km/h",
    "nodi": "knot", "miglia all'ora": "mph", "mph": "mph",
    "kw": "kW", "mw": "MW", "gw": "GW", "w": "W", "watt": "W", "kwh": "kWh", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW",
    "cv": "hp", "cavalli": "hp", "volt": "V", "v": "V", "hz": "Hz", "ghz": "GHz", "mhz": "MHz",
    "gb": "GB", "mb": "MB", "tb": "TB", "mah": "mAh", "mbps": "Mbps", "bit": "bit",
    # temperature and angles
    "gradi celsius": "°C", "gradi centigradi": "°C", "°c": "°C", "celsius": "°C", "centigradi": "°C",
    "gradi fahrenheit": "°F", "gradi farenheit": "°F", "°f": "°F", "fahrenheit": "°F",
    "farenheit": "°F", "gradi f": "°F", "gradi c": "°C", "gradi": "degree", "°": "degree",
    "rad": "rad",
    # time
    "anni": "year", "anno": "year", "mesi": "month", "mese": "month", "settimane": "week",
    "settimana": "week", "giorni": "day", "giorno": "day", "ore": "hour", "ora": "hour",
    "minuti": "minute", "minuto": "minute", "secondi": "second", "secondo": "second",
    "decenni": "decade", "decennio": "decade", "secoli": "century", "secolo": "century",
    "anni di età": "year_of_age", "mesi di età": "month_of_age", "settimane di età": "week_of_age",
    # counts
    "volte": "times", "giri": "turn", "giro": "turn", "enne": "year_of_age",
}
# Units written before the number ("$ 75", "€2", "US$ 10").
CURRENCY_PREFIXES = {
    "$": "USD", "us$": "USD", "us $": "USD", "usd": "USD", "usd$": "USD", "$us": "USD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "chf": "CHF",
    "c$": "CAD", "c $": "CAD", "cad$": "CAD", "cad": "CAD", "a$": "AUD", "aud$": "AUD",
    "aud": "AUD", "hk$": "HKD", "hk $": "HKD", "nzd$": "NZD", "mxn$": "MXN", "₽": "RUB",
    "₴": "UAH", "₩": "KRW", "₹": "INR", "dollari": "USD", "euro": "EUR",
}
# Between a scale and its unit: "3 milioni di dollari".
UNIT_OF = frozenset({"di", "d'"})
# A rate after a unit: "500.000 barili al giorno".
RATE_WORDS = {"al giorno": "day", "all'anno": "year", "l'anno": "year", "al mese": "month",
              "a settimana": "week", "alla settimana": "week", "all'ora": "hour", "l'ora": "hour",
              "al secondo": "second", "per azione": "share", "a persona": "person",
              "al chilo": "kg", "al barile": "barrel", "al litro": "l"}
# A unit that is also a plain noun needs the number right before it ("7 km").
AMBIGUOUS_UNITS = frozenset({"m", "l", "g", "t", "v", "w", "ora", "secondo", "punti", "°", "a",
                             "euro", "dollari", "once", "rad"})

# Words that make the number that follows an identifier, not a quantity.
REFERENCE_WORDS = frozenset({
    "art", "art.", "articolo", "articoli", "comma", "commi", "n", "n.", "nr", "nr.", "numero",
    "num.", "pag", "pag.", "pagina", "pagine", "p.", "pp.", "capitolo", "cap.", "legge",
    "decreto", "risoluzione", "risoluzioni", "volo", "linea", "gate", "sezione", "tabella",
    "figura", "fig.", "paragrafo", "punto", "allegato", "versione", "canale", "tel", "tel.",
    "telefono", "cellulare", "fax", "cap", "civico", "via", "piazza", "corso", "viale", "stanza",
    "camera", "binario", "lotto", "codice", "modello", "serie", "edizione", "episodio",
    "stagione", "puntata", "round", "girone", "gruppo", "classe", "livello", "categoria",
    "squadra", "maglia", "numeri", "quota", "minuto", "foto", "slide", "immagine", "galleria",
})
# Words before a 4-digit number that make it a year.
YEAR_PREPOSITIONS = frozenset({
    "nel", "dal", "del", "entro", "anno", "nell'anno", "dell'anno", "all'anno", "sino", "fino",
    "inizio", "fine", "metà", "estate", "inverno", "primavera", "autunno", "natale", "bilancio",
    "esercizio", "classe", "nato", "nata", "datato", "datata", "negli", "degli", "agli", "anni",
})
# Words before a number that make it a clock time ("alle 21", "ore 9").
TIME_PREPOSITIONS = frozenset({"alle", "dalle", "ore", "le", "all'", "dall'", "verso", "entro"})
TIME_SUFFIXES = frozenset({"h", "ore"})
# Words after "N unità" that turn it into a point in time ("4 settimane fa").
RELATIVE_TIME_AFTER = frozenset({"fa", "or", "orsono"})

# Concept (what is counted): phrase-building data.
# Function words that never start or continue the counted noun phrase.
STOPWORDS = frozenset("""
a ad al allo ai agli all alla alle all' anche ancora che chi cui come con col coi contro da dal
dallo dai dagli dall dalla dalle dall' di del dello dei degli dell della delle dell' d' e ed è era
erano essere fa fra gli ha hanno ho i il in invece l l' la le lo lui lei loro ma mentre ne né nei
negli nel nello nell nella nelle nell' non o od per però più poi quale quali quando quanto
quanti quello quella quelli quelle questo questa questi queste se sé senza si sì sia sono stata
state stati stato su sua sue sul sullo sui sugli sull sulla sulle sull' suo suoi tra tutto tutti
un una uno un' verso già solo soltanto circa oltre quasi almeno ben ci vi ogni ciascuno
nessuno alcuni alcune altri altre altro altra dove mai sempre ormai tanto molto poco così
secondo rispetto dopo prima durante entro fino sopra sotto dentro fuori presso
""".split())
PLURAL_HEADS = frozenset()
# Prepositions that may link the head noun to its complement ("proiettili di artiglieria").
OF_WORDS = frozenset({"di", "d'"})
# Verb forms and auxiliaries that end the phrase.
VERBS = frozenset("""
è sono era erano sarà saranno sarebbe sarebbero siano sia fosse fossero ha hanno aveva avevano
avrà avranno avrebbe avrebbero abbia abbiano stato stati stata state viene vengono venne
vennero verrà verranno può possono potrebbe potrebbero potrà potranno deve devono dovrebbe
dovrebbero dovrà dovranno sta stanno stava stavano starebbe starebbero resta restano rimane
rimangono risulta risultano sembra sembrano pare paiono combattono muoiono arrivano partono
""".split())
# Word endings that mark a verb form (participles, gerunds, finite plurals) after the head noun.
VERB_SUFFIXES = ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute",
                 "ando", "endo", "ano", "ono", "ranno", "rebbe", "rebbero", "avano", "evano",
                 "ivano", "arono", "erono", "irono", "ò", "are", "ire")
# Word endings that mark an adjective after the head noun (kept even if they look verbal).
ADJECTIVE_SUFFIXES = ("ani", "ane", "esi", "ese", "ini", "ine", "ici", "iche", "ali", "ari", "ivi",
                      "ive", "osi", "ose", "enti", "anti", "iori", "eni", "ene")
# Nouns that are never the counted thing (they belong to dates, times and the like).
NOT_CONCEPT = frozenset({"fa", "scorso", "scorsa", "prossimo", "prossima", "volta"})
# "600.000 tra morti e feriti": a breakdown of the counted thing.
BREAKDOWN_WORDS = frozenset({"tra", "fra"})

# "a 7 km da Pokrovsk": a distance names what it separates; the concept reads "distanza da …"
DISTANCE_FROM = frozenset({"da", "dal", "dalla", "dallo", "dall'", "dai", "dalle", "dagli"})
DISTANCE_NOUN = "distanza"
