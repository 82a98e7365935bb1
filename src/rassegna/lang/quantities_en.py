"""English data for quantity extraction (`rassegna.quantities`): words only, no code.

Same names as `rassegna.lang.quantities_it`; lower-case phrases, single spaces.
"""

LANG = "en"

DECIMAL_SEP = "."
THOUSANDS_SEP = ","

EXTRA_NUMBER_WORDS = {"zero": 0, "nil": 0}
NOT_NUMBER_WORDS = frozenset({"point", "a", "an"})
ARTICLE_ONE = frozenset({"a", "an"})

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "mln": 1e6, "mn": 1e6, "bln": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
    "k": 1e3, "m": 1e6, "b": 1e9, "lakh": 1e5, "crore": 1e7,
}
GLUED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9,
                "tn": 1e12, "trn": 1e12}

HALF_WORDS = frozenset({"half"})
HALF_PLURAL = frozenset({"halves"})
DOZEN_WORDS = {"dozen": 12}
CONJUNCTION = "and"

APPROX_NUMERALS = {"score": 20}
VAGUE_PLURALS = {
    "dozens": (12, 120), "tens": (10, 100), "scores": (20, 100), "hundreds": (100, 1000),
    "thousands": (1000, 10000), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
}
VAGUE_OF = frozenset({"of"})

FRACTION_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
FRACTION_OVER = frozenset({"out of", "in"})  # "one out of three", "one in five"
FRACTION_OF = frozenset({"of", "the"})

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
ORDINAL_SUFFIXES = ("th",)
DIGIT_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "°", "º"})

QUALIFIERS = {
    "about": "approx", "around": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "nearly": "approx", "almost": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "approx.": "approx", "approx": "approx",
    "circa": "approx", "ca.": "approx", "an approximate": "approx", "just about": "approx",
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "exceeding": "more_than", "well over": "more_than",
    "just over": "more_than", "greater than": "more_than", "higher than": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "minimum": "at_least",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "no more than": "up_to",
    "at most": "up_to", "a maximum of": "up_to", "maximum": "up_to", "as high as": "up_to",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "just under": "less_than", "just below": "less_than",
    "lower than": "less_than", "short of": "less_than", "sub": "less_than",
    "exactly": "exact", "precisely": "exact", "just": "exact", "only": "exact",
}
POST_QUALIFIERS = {"or more": "at_least", "and more": "at_least", "or so": "approx",
                   "or less": "up_to", "or fewer": "up_to", "plus": "at_least", "odd": "approx"}
SYMBOL_QUALIFIERS = {">": "more_than", "<": "less_than", ">=": "at_least", "<=": "up_to",
                     "≥": "at_least", "≤": "up_to", "~": "approx", "+": "exact"}

RANGE_OPENERS = {"between": ("and", "to", "-", "–"), "from": ("to", "-", "–")}
RANGE_INFIX = ("-", "–", "—", "to")
BOUND_JOINERS = frozenset({"and", "but", ","})

# After one of these, "X to Y" is a change ("rose 5% to $30"), not a range.
CHANGE_VERBS = frozenset({
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling",
    "gained", "gain", "gains", "lost", "lose", "loses", "up", "down", "increased", "increase",
    "increases", "decreased", "decrease", "dropped", "drop", "drops", "climbed", "climb",
    "jumped", "jump", "slid", "slide", "declined", "decline", "grew", "grow", "surged",
    "soared", "tumbled", "plunged", "slipped", "added", "shed", "advanced", "eased", "cut",
    "raised", "lowered", "boosted", "higher", "lower", "by",
})

UNITS = {
    # percentages
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point",
    "points": "point", "point": "point", "pts": "point", "percent-owned": "percent",
    # money
    "dollars": "USD", "dollar": "USD", "usd": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "€": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "gbp": "GBP", "£": "GBP", "yen": "JPY", "jpy": "JPY", "yuan": "CNY",
    "chinese yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rmb": "CNY", "rubles": "RUB",
    "roubles": "RUB", "rupees": "INR", "won": "KRW", "shekels": "ILS", "shekel": "ILS",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "swiss francs": "CHF", "francs": "CHF", "chf": "CHF", "hryvnias": "UAH", "rand": "ZAR",
    "ringgit": "MYR", "pesos": "MXN", "lira": "TRY", "liras": "TRY", "cents": "cent",
    "cent": "cent", "pence": "pence", "p": "pence", "bitcoin": "BTC", "btc": "BTC",
    # length
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "m": "m", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "cm": "cm",
    "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
    "millimeter": "mm", "millimetre": "mm", "μm": "μm", "micrometres": "μm", "nm": "nm",
    "miles": "mi", "mile": "mi", "nautical miles": "nmi", "yards": "yd", "yard": "yd",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in", "″": "in", "in.": "in",
    # area and volume
    "km2": "km2", "km²": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "mi2", "square mile": "mi2", "sq m": "m2", "sqm": "m2", "square metres": "m2",
    "square meters": "m2", "m2": "m2", "m²": "m2", "square feet": "ft2", "sq ft": "ft2",
    "square foot": "ft2", "hectares": "ha", "acres": "acre", "acre": "acre",
    "cubic feet": "ft3", "cubic metres": "m3", "cubic meters": "m3",
    "litres": "l", "liters": "l", "litre": "l", "liter": "l", "l": "l", "ml": "ml",
    "millilitres": "ml", "milliliters": "ml", "gallons": "gal", "gallon": "gal",
    "barrels": "barrel", "barrel": "barrel", "barrels of oil": "barrel", "pints": "pt",
    "pint": "pt", "quarts": "qt", "quart": "qt",
    # mass
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "g": "g", "grams": "g",
    "grammes": "g", "mg": "mg", "milligrams": "mg", "tonnes": "t", "tonne": "t",
    "metric tons": "t", "tons": "ton", "ton": "ton", "lb": "lb", "lbs": "lb", "pounds": "lb",
    "pound": "lb", "ounces": "oz", "ounce": "oz", "oz": "oz",
    # speed, energy, power, data
    "km/h": "km/h", "kmh": "km/h", "kph": "km/h", "km/hr": "km/h", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "mph": "mph", "miles per hour": "mph", "miles an hour": "mph",
    "knots": "knot", "kt": "knot", "metres per second": "m/s", "meters per second": "m/s",
    "m/s": "m/s", "mpg": "mpg", "miles per gallon": "mpg",
    "kw": "kW", "mw": "MW", "gw": "GW", "w": "W", "watts": "W", "kwh": "kWh", "mwh": "MWh",
    "gwh": "GWh", "twh": "TWh", "megawatts": "MW", "megawatt": "MW", "gigawatts": "GW",
    "kilowatts": "kW", "kilowatt": "kW", "hp": "hp", "horsepower": "hp", "bhp": "bhp",
    "ps": "hp", "horses": "hp", "volts": "V", "volt": "V", "v": "V", "kv": "kV", "hz": "Hz",
    "ghz": "GHz", "mhz": "MHz", "gb": "GB", "mb": "MB", "tb": "TB", "mah": "mAh", "mbps": "Mbps",
    "gbps": "Gbps", "newton metres": "N·m", "lb-ft": "lb·ft", "mpa": "MPa", "ksi": "ksi", "decibels": "dB",
    "db": "dB", "calories": "kcal", "kcal": "kcal", "ppm": "ppm", "parts per million": "ppm",
    # temperature and angles
    "degrees celsius": "°C", "°c": "°C", "celsius": "°C", "c": "°C", "degrees fahrenheit": "°F",
    "°f": "°F", "fahrenheit": "°F", "degf": "°F", "f": "°F", "degrees": "degree",
    "degree": "degree", "°": "degree", "deg c": "°C", "degc": "°C", "deg f": "°F", "deg": "degree",
    "ppg": "point/game", "rpg": "rebound/game", "apg": "assist/game", "war": "WAR",
    "tds": "touchdown", "td": "touchdown", "touchdowns": "touchdown",
    # time
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "hrs": "hour", "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute",
    "seconds": "second", "second": "second", "secs": "second", "decades": "decade",
    "decade": "decade", "centuries": "century", "century": "century",
    "year-old": "year_of_age", "years old": "year_of_age", "years-old": "year_of_age",
    "year old": "year_of_age", "month-old": "month_of_age", "months old": "month_of_age",
    "week-old": "week_of_age", "day-old": "day_of_age",
    # counts
    "times": "times", "fold": "times",
}
CURRENCY_PREFIXES = {
    "$": "USD", "us$": "USD", "us $": "USD", "$us": "USD", "usd": "USD", "u.s. $": "USD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "ps": "GBP", "¥": "JPY", "y=": "JPY",
    "jpy": "JPY", "c$": "CAD", "c $": "CAD", "cad": "CAD", "a$": "AUD", "a $": "AUD", "aud": "AUD",
    "hk$": "HKD", "hk $": "HKD", "nz$": "NZD", "rm": "MYR", "rs": "INR", "rs.": "INR", "₹": "INR",
    "chf": "CHF", "₽": "RUB", "₴": "UAH", "₩": "KRW", "r": "ZAR", "cny": "CNY", "rmb": "CNY",
}
UNIT_OF = frozenset({"of"})
RATE_WORDS = {"a day": "day", "per day": "day", "a year": "year", "per year": "year",
              "a month": "month", "per month": "month", "a week": "week", "per week": "week",
              "an hour": "hour", "per hour": "hour", "a minute": "minute", "per minute": "minute",
              "a share": "share", "per share": "share", "a barrel": "barrel", "per barrel": "barrel",
              "an ounce": "oz", "per ounce": "oz", "a gallon": "gal", "per gallon": "gal",
              "per gram": "g", "a gram": "g", "per square foot": "ft2", "per person": "person",
              "per game": "game", "a game": "game", "per century": "century"}
AMBIGUOUS_UNITS = frozenset({"m", "l", "g", "c", "f", "v", "w", "p", "point", "points", "second",
                             "minute", "a", "in", "ps", "r", "b", "nm", "db", "kt", "horses"})

REFERENCE_WORDS = frozenset({
    "article", "section", "page", "pages", "p.", "pp.", "no", "no.", "nos.", "number", "chapter",
    "room", "flight", "route", "gate", "table", "figure", "fig.", "resolution", "row", "line",
    "vol.", "volume", "version", "channel", "tel", "tel.", "phone", "fax", "box", "suite",
    "apt", "apt.", "unit", "level", "grade", "class", "category", "group", "season", "episode",
    "round", "week", "day", "game", "stage", "highway", "interstate", "i-", "bill", "proposition",
    "amendment", "paragraph", "clause", "item", "step", "part", "lot", "platform", "track",
    "jersey", "model", "series", "edition", "issue", "exit", "zip", "code", "precinct", "district",
    "ward", "lane", "street", "avenue", "pier", "hole", "lap", "card", "photo", "slide", "image",
})
YEAR_PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "from", "during", "of", "fiscal", "year", "early",
    "late", "mid", "mid-", "spring", "summer", "autumn", "fall", "winter", "before", "after",
    "circa", "born", "dated", "the", "class", "through",
})
TIME_PREPOSITIONS = frozenset({"at", "by", "until", "till", "from", "around"})
TIME_SUFFIXES = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "est", "edt",
                           "pst", "pdt", "cet", "bst", "hrs", "o'clock"})
RELATIVE_TIME_AFTER = frozenset({"ago", "earlier"})

STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for from with without into onto over under about
above below between among through during before after since until than then that this these
those which who whom whose what when where why how is are was were be been being am have has
had having do does did will would shall should can could may might must not no yes it its
it's he him his she her they them their we us our you your i me my as if so such very just
also only even most less least many much some any each every all both either neither
another same own up down out off again further once here there per via vs versus
while because though although whether nearly almost about around roughly approximately
against across along behind beyond despite inside outside toward towards upon within whilst
amid amidst including like near past plus unlike worldwide nationwide globally overall apiece
each respectively alone already still now today yesterday tomorrow ago later earlier
""".split())
# Irregular plurals: the counted noun ends there.
PLURAL_HEADS = frozenset({"people", "men", "women", "children", "police", "staff", "personnel",
                          "troops", "cattle", "feet", "teeth", "mice", "geese"})
OF_WORDS = frozenset({"of"})
VERBS = frozenset("""
is are was were be been being am has have had do does did will would shall should can could may
might must said says say got get gets made make makes went go goes came come comes took take
takes gave give gives saw see sees told tell tells according
""".split())
VERB_SUFFIXES = ("ed", "ing")
ADJECTIVE_SUFFIXES = ()
NOT_CONCEPT = frozenset({"ago", "later", "earlier", "time", "times"})
BREAKDOWN_WORDS = frozenset()

# "7 km from Pokrovsk": a distance names what it separates; the concept reads "distance from …"
DISTANCE_FROM = frozenset({"from"})
DISTANCE_NOUN = "distance"

# After "$N in": phrases that say how, not what ("$5 billion in total", "$20 in cash").
IN_NOT_CONCEPT = frozenset({"total", "all", "cash", "addition", "advance", "fact", "full", "part",
                            "return", "exchange", "person"})
