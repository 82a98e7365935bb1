"""English language resources: phrase lists for cleaning and abbreviations for segmentation.

Same names as `rassegna.lang.it`; lower-case forms, matched on lower-cased text.
"""

FURNITURE_PREFIXES = (
    "read more", "read also", "read next", "related:", "related articles", "related stories",
    "recommended", "you may also like", "you might also like", "more from", "see also",
    "watch:", "watch the video", "sign up", "subscribe", "newsletter", "share this",
    "share on", "share:", "comments", "advertisement", "sponsored", "click here",
    "all rights reserved", "copyright", "follow us", "last updated", "updated:",
    "topics:", "tags:", "listen to this article", "min read",
)

IMAGE_CREDIT_PREFIXES = (
    "image:", "image credit", "image source", "photo:", "photo by", "photograph:",
    "picture:", "pictured:", "credit:", "photo credit", "getty images", "file photo",
)
# Words that, near the start of a short line with a colon, mark an image credit.
IMAGE_CREDIT_WORDS = ("credit", "credits")

CREDIT_PREFIXES = (
    "with reporting by", "additional reporting by", "reporting by", "writing by",
    "editing by", "compiled by", "source:", "sources:", "with information from",
)

BYLINE_PREFIXES = ("by ", "words by ", "story by ")

RELATIVE_TIME_UNITS = ("second", "minute", "min", "hour", "hr", "day", "week", "month", "year")
RELATIVE_TIME_AGO = ("ago",)
COUNTER_WORDS = ("comments", "comment", "shares", "share", "likes", "views", "reads")

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep pres rev hon
inc ltd co corp dept univ assn bros est vs etc al fig figs no nos vol vols pp approx
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m
""".split())

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")

DATE_HEADER_WORDS = ("date", "published", "posted", "updated")

# Function words inside official names: not counted when an acronym is read from a name
# ("Democratic People's Republic of Korea" → DPRK).
# Words naming a part of a place: "northern Italy", "central Europe" are not Italy or Europe.
AREA_PART_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                             "western", "central", "upper", "lower", "greater", "inner", "outer"})
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "s"})
# Endings of country adjectives after the country's name less its last letters ("russia-n",
# "chin-ese", "south korea-n", "turk-ish"); read by `entities.demonym_country`.
DEMONYM_SUFFIXES = frozenset({"n", "an", "ian", "ese", "ish", "i", "ic"})
# Words that make a name into a modifier when hyphenated to it ("Trump-era", "Russia-backed",
# "Kyiv-based"): the mention is the name alone.
COMPOUND_MODIFIERS = frozenset({"era", "led", "backed", "based", "born", "imposed", "style",
                                "like", "linked", "controlled", "owned", "run", "made", "funded",
                                "sponsored", "affiliated", "allied", "occupied", "held", "friendly",
                                "bound", "centric", "inspired", "appointed", "aligned", "brokered"})
# Courtesy and office titles written before a surname ("Mr. Trump", "Sen. Warren"): the name
# is the same person's without them. Keys as `entities.name_key` writes them (no dots).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "sen",
                        "rep", "gov", "gen", "lt", "col", "capt", "sgt", "rev", "fr"})

# A figure hyphenated to the word after it classifies the noun it modifies ("a 16-inch
# MacBook", "a four-door coupe", "a three-game streak"): two values are two kinds of thing,
# not two accounts of one, so claims leave such figures out. These compound words still make
# the figure a count of something reported: "a 10,000-strong force", "$10-a-month".
COUNTING_COMPOUNDS = frozenset({"strong", "a", "an", "per"})

# Nouns that name a kind of organisation or outlet right before its name ("the website
# Snopes", "the fact-checking site PolitiFact"); read by `entities` on names taken for people.
ORGANISATION_KIND_NOUNS = frozenset({
    "website", "site", "agency", "company", "firm", "newspaper", "outlet", "network", "app",
    "platform", "startup", "publication", "magazine", "tabloid", "broadcaster", "channel",
    "party", "foundation", "university", "hospital", "bank", "group", "organization",
    "organisation", "institute", "fact-checker", "brand", "chain", "carrier", "automaker",
    "retailer", "airline"})
ORGANISATION_MEMBER_NOUNS = frozenset({"colleagues", "staff", "editors", "reporters"})
# Last words that make a name a company's, in any language's news: legal forms and the nouns
# companies and outlets name themselves with ("Moderna Therapeutics", "McClatchy Co.", "Marvel
# Studios", "Prodotti Srl", "Vox News"); read by `entities` on names the model took for people.
ORGANISATION_DESIGNATORS = frozenset({
    "inc", "corp", "co", "ltd", "llc", "plc", "spa", "srl", "ag", "gmbh", "nv", "bv",
    "therapeutics", "pharmaceuticals", "pharma", "biotech", "holdings", "productions", "studios",
    "entertainment", "labs", "laboratories", "technologies", "industries", "news", "media",
    # a desk of an outlet ("Afp Fact Check", "Reuters Fact-check")
    "check", "factcheck"})
# ... and the trades a company names itself by ("Patriot Coal", "General Motors", "Delta Air
# Lines"): these open with any word, so a one-word name joins such a company only in its own
# documents (`entities`)
COMPANY_TRADES = frozenset({
    "coal", "energy", "oil", "petroleum", "mining", "motors", "airlines", "airways", "chemicals",
    "foods", "communications", "systems", "aerospace", "insurance", "bancorp", "capital"})
# Nouns that head an organisation's full name, its last word in English ("Food and Drug
# Administration", "European Medicines Agency"), or its first before "of" ("Council of Europe"):
# an acronym defined by such a name is an organisation, and the noun alone ("the Commission")
# stands for the one name it heads in the document ("European Commission"; `entities`).
ORGANISATION_HEADS = frozenset({
    "institute", "institutes", "agency", "organization", "organisation", "association", "society",
    "foundation", "university", "bank", "party", "council", "committee", "commission",
    "conference", "ministry", "department", "federation", "confederation", "fund", "centre",
    "center", "centers", "centres", "court", "authority", "office", "bureau", "board", "service",
    "union", "administration", "company", "corporation", "academy", "network", "alliance",
    "senate", "parliament", "congress", "assembly", "government", "police", "army"})
# Of those, the nouns of institutions that end no place's name: a name ending with one is an
# organisation's whatever the model read ("Congress"; `entities`). Not "bank" (West Bank),
# "center" (World Trade Center), "university", "house" (White House) or "department".
INSTITUTION_HEADS = frozenset({
    "congress", "senate", "parliament", "ministry", "agency", "commission", "committee", "council",
    "assembly"})
# "court" and "department" end places' names too (Hampton Court, Earls Court, Cusco Department):
# a court is an institution after one of these words ("Supreme Court", "District Court")
COURT_QUALIFIERS = frozenset({
    "supreme", "district", "appeals", "appellate", "high", "constitutional", "federal", "circuit",
    "bankruptcy", "criminal", "international", "superior", "county", "family", "tax", "claims",
    "crown", "magistrates", "administrative"})
# A noun for a kind of organisation and the nouns for its members: "NATO allies", "NATO's
# allies" and "the allies of NATO" say NATO is an alliance, so the document's "the Alliance"
# alone is NATO (`entities`).
ORGANISATION_MEMBERS = {"alliance": ("allies",)}  # plural: "an ally of the Kremlin" is one friend
# Words after "X allies" that make "allies" a verb ("The EU allies itself with …")
MEMBER_VERB_FOLLOWERS = frozenset({"itself", "himself", "herself", "themselves", "with", "to"})

# Last words of places named after people ("George Street", "Alice Springs"; Italian puts the
# noun first, "Piazza Garibaldi"): such a name is no person's (`entities`)
PLACE_LAST_WORDS = frozenset({
    "street", "avenue", "road", "square", "park", "bridge", "airport", "station", "county", "city",
    "island", "lake", "river", "hall", "bay", "town", "beach", "falls", "valley", "springs",
    "harbor", "harbour", "place", "basin", "hill", "stadium", "theatre", "theater"})

# Nouns for people at large, which count whatever their sentence says they are: no head of
# what a figure counts ("30,000 people" and "40,000 residents" may be one crowd; `claims`)
PEOPLE_AT_LARGE = frozenset({"people", "persons", "individuals"})

# Word families for what news counts and outlets dispute: figures counted with different
# words ("600,000 dead and wounded", "650,000 casualties") measure one thing. Matched as word
# prefixes on lower-case words.
COUNTED_FAMILIES = {
    "casualties": ("dead", "death", "killed", "wounded", "injur", "casualt", "loss", "victim", "fatalit"),
    "troops": ("soldier", "troop", "servicem", "men", "fighter", "forces", "personnel"),
    "displaced": ("displaced", "refugee", "evacue"),
    "arrests": ("arrest", "detain", "detention"),
    "munitions": ("shell", "munition", "round", "ammunition"),
}

# Words that open a sentence and never continue a capitalised name: a scraped heading glued to
# the first sentence ("North Korean troops in RussiaThe country has …") splits before them.
SENTENCE_OPENERS = frozenset({"the", "an", "this", "these", "according", "after", "meanwhile",
                              "yesterday", "today"})
