"""Italian language resources: the small phrase lists that cleaning and segmentation need.

Kept as data, not code, so that a new language is one new module with the same names.
Each list holds lower-case forms; matching is done on lower-cased, apostrophe-normalised text.
"""

# Lines that open with one of these are page furniture, not article text.
FURNITURE_PREFIXES = (
    "ti consigliamo", "ti potrebbe interessare", "potrebbe interessarti", "leggi anche",
    "leggi tutto", "leggi l'articolo", "leggi di più", "continua a leggere", "approfondisci",
    "guarda anche", "guarda il video", "vedi anche", "articoli correlati", "correlati:",
    "iscriviti alla newsletter", "iscriviti alla nostra newsletter", "iscriviti gratis",
    "abbonati", "accedi per", "condividi", "commenta", "commenti", "riproduzione riservata",
    "© riproduzione riservata", "tutti i diritti riservati", "segui ", "seguici",
    "clicca qui", "pubblicità", "scopri di più", "ultimo aggiornamento", "aggiornato il",
    "tag:", "argomenti:", "ascolta l'articolo", "tempo di lettura", "in evidenza",
)

# Image credits: removed from the text, kept in `removed` with their own reason.
IMAGE_CREDIT_PREFIXES = (
    "crediti immagine", "credito immagine", "crediti foto", "credito foto", "foto:", "foto di ",
    "foto ansa", "immagine:", "immagine di copertina", "in copertina", "fonte immagine",
)
# Words that, near the start of a short line with a colon, mark an image credit.
IMAGE_CREDIT_WORDS = ("crediti", "credito", "credits", "credit")


# "Con informazioni dall'AFP." / "Fonte: ANSA": the agency goes into `credits`.
CREDIT_PREFIXES = (
    "con informazioni", "con il contributo", "con la collaborazione", "fonte:", "fonti:",
    "testo a cura", "ha collaborato",
)

# "di Mario Rossi", "a cura di Mario Rossi"
BYLINE_PREFIXES = ("di ", "a cura di ", "dal nostro corrispondente ", "dalla nostra corrispondente ")

# Share/comment counters such as "4 settimane fa 5", "2 ore fa".
RELATIVE_TIME_UNITS = ("second", "minut", "or", "giorn", "settiman", "mes", "ann")
RELATIVE_TIME_AGO = ("fa",)
COUNTER_WORDS = ("commenti", "commento", "condivisioni", "mi piace", "visualizzazioni", "letture")

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
sig sigg sig.ra sigra dott dr prof avv ing arch geom rag on sen gen col cap magg ten mons
ecc pag pagg art artt cfr vol voll n nn num tel fax ca cca c.a spett egr gent mr mrs ms
dott.ssa prof.ssa s.p.a spa s.r.l srl fig figg tab cit op ibid es sec secc a.c d.c
gen feb mar apr mag giu lug ago set ott nov dic st ss
""".split())

MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre")

# Header words that introduce a publication date at the top of a scrape.
DATE_HEADER_WORDS = ("date", "data", "pubblicato", "pubblicato il", "aggiornato")

# Function words inside official names: not counted when an acronym is read from a name
# ("Repubblica Popolare Democratica di Corea" → RPDC).
# Words naming a part of a place: "centro Italia", "nord Europa" are not Italia or Europa.
AREA_PART_WORDS = frozenset({"nord", "sud", "est", "ovest", "centro", "alta", "bassa", "medio",
                             "basso", "alto", "estremo", "sudest", "nordest", "nordovest", "sudovest"})
# Titoli di cortesia e di professione davanti al cognome ("sig. Rossi", "dott.ssa Bianchi"):
# chiavi come le scrive `entities.name_key` (senza punti).
HONORIFICS = frozenset({"sig", "sigra", "signor", "sigg", "dott", "dottssa", "dr", "prof",
                        "profssa", "avv", "ing", "on", "mons", "don", "mr", "mrs", "ms"})
NAME_FUNCTION_WORDS = frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "d",
                                 "e", "ed", "il", "lo", "la", "i", "gli", "le", "l", "per"})
# Desinenze degli aggettivi di paese dopo il nome del paese senza le sue ultime lettere
# ("russ-o", "franc-ese", "sudcore-ano", "ucrain-o"); `entities.demonym_country` le legge.
DEMONYM_SUFFIXES = frozenset({"o", "a", "i", "e", "ano", "ana", "ani", "ane", "iano", "iana",
                              "iani", "iane", "ese", "esi",
                              "ino", "ina", "ini", "ine", "ense", "ensi", "eno", "ena", "eni", "ene",
                              "ita", "iti", "ite", "ico", "ica", "ici", "iche", "olo", "ola", "oli",
                              "ole"})

# Articles and articulated prepositions Italian news never puts before a person's surname
# (masculine and elided forms: "la Meloni" is usual, "l'Aifa", "dell'Anf", "lo Spallanzani"
# are not people); read by `entities` on one-word names the model took for people.
NOT_BEFORE_SURNAMES = frozenset({"l'", "l’", "dell'", "dell’", "all'", "all’", "dall'", "dall’",
                                 "nell'", "nell’", "sull'", "sull’", "il", "lo", "del", "dello",
                                 "al", "allo", "dal", "dallo", "nel", "nello", "sul", "sullo"})

# Nouns that name a kind of organisation or outlet right before its name ("il sito Snopes",
# "la testata Butac", "i colleghi di Pagella Politica"); read by `entities` on names the model
# took for people.
ORGANISATION_KIND_NOUNS = frozenset({
    "sito", "siti", "agenzia", "agenzie", "azienda", "aziende", "società", "farmaceutica",
    "quotidiano", "testata", "giornale", "partito", "associazione", "fondazione", "università",
    "ospedale", "portale", "piattaforma", "emittente", "canale", "rivista", "gruppo",
    "movimento", "compagnia", "multinazionale", "catena", "marchio", "organizzazione",
    "istituto", "fact-checking", "magazine", "settimanale", "network", "startup", "banca",
    "ente", "tabloid", "app", "supermercato", "supermercati", "marchi", "logo"})
# (not "brand": "il brand Chiara Ferragni" is hers; not "insegna": "come insegna Mattarella")
# "i colleghi di X", "la redazione di X": the outlet X
ORGANISATION_MEMBER_NOUNS = frozenset({"colleghi", "colleghe", "redazione", "redattori"})
# Nouns that head an organisation's full name, its first word in Italian ("Istituto superiore di
# sanità", "Consiglio supremo di difesa"): an acronym defined by such a name is an organisation
# whatever the model read the acronym as, and the noun alone ("la Camera") stands for the one
# name it heads in the document ("Camera dei deputati"; `entities`).
ORGANISATION_HEADS = frozenset({
    "istituto", "agenzia", "organizzazione", "associazione", "società", "fondazione", "università",
    "banca", "partito", "movimento", "ente", "consiglio", "comitato", "commissione", "conferenza",
    "ministero", "federazione", "confederazione", "fondo", "centro", "corte", "tribunale",
    "autorità", "ufficio", "dipartimento", "direzione", "servizio", "sindacato", "unione",
    "azienda", "compagnia", "ordine", "accademia", "osservatorio", "consorzio", "camera",
    "senato", "parlamento", "congresso", "assemblea", "governo", "polizia", "procura", "questura",
    "prefettura", "regione", "provincia", "comune", "esercito", "alleanza"})
# Of those, the nouns of institutions that head no place's name: a name headed by one is an
# organisation's whatever the model read ("la Camera", "Ministero della Salute"; `entities`).
# Not "regione", "comune", "provincia", "università": the territory or the campus is a place;
# not "corte", "consiglio": towns are named so (Corte Franca, Consiglio di Rumo).
INSTITUTION_HEADS = frozenset({
    "camera", "senato", "parlamento", "congresso", "tribunale", "ministero", "commissione",
    "comitato", "agenzia", "assemblea"})
# A noun for a kind of organisation and the nouns for its members: a document that writes "gli
# alleati della Nato" says the Nato is an alliance, so its "l'Alleanza" alone is the Nato
# (`entities`); the members are followed by "di" and its articled forms.
ORGANISATION_MEMBERS = {"alleanza": ("alleati", "alleate")}  # plural: "un alleato del Cremlino" is one friend

# Nouns for people at large, which count whatever their sentence says they are: no head of
# what a figure counts ("30,000 people" and "40,000 residents" may be one crowd; `claims`)
PEOPLE_AT_LARGE = frozenset({"persone", "individui"})

# Word families for what news counts and outlets dispute: figures counted with different
# words ("600.000 morti e feriti", "650.000 vittime", "soldati uccisi o feriti") measure one
# thing. Matched as word prefixes on lower-case words.
COUNTED_FAMILIES = {
    "casualties": ("mort", "ferit", "uccis", "vittim", "perdit", "cadut", "decess"),
    "troops": ("soldat", "trupp", "militar", "uomini", "combattent", "forze", "contingent"),
    "displaced": ("sfollat", "profugh", "rifugiat", "evacuat"),
    "arrests": ("arrestat", "fermat", "detenut"),
    "munitions": ("proiettil", "munizion", "colpi", "granat"),
}

# Words that open a sentence and never continue a capitalised name: a scraped heading glued to
# the first sentence ("Soldati nordcoreani in RussiaLa Corea del Nord ha …") splits before them.
SENTENCE_OPENERS = frozenset({"il", "lo", "la", "gli", "le", "un", "uno", "una", "nel", "nella",
                              "secondo", "questo", "questa", "dopo", "intanto", "ieri", "oggi"})
