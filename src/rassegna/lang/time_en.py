"""English data for time expressions (`rassegna.timexes`): words only, no code.

Same names as `rassegna.lang.time_it`.
"""

LANG = "en"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
AMBIGUOUS_MONTHS = frozenset({"may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                              "apr", "feb", "sept", "march"})
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}
WEEKDAY_PLURALS = {"mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5,
                   "saturdays": 6, "sundays": 7}
AMBIGUOUS_WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun", "tues", "thur",
                                "thurs"})
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2, "tonight": 0, "that same day": None,
             "this day": 0}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
             "noon": "MI", "midday": "MI", "midnight": "MI"}
TODAY_PARTS = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF",
               "this evening": "EV", "last night": "NI-1"}
NOON = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}
# Fixed-date holidays (month, day) and movable ones computed by the engine.
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
            "halloween": (10, 31), "valentine's day": (2, 14), "thanksgiving": "THANKSGIVING",
            "thanksgiving day": "THANKSGIVING", "easter": "EASTER", "easter sunday": "EASTER",
            "labor day": "LABOR", "memorial day": "MEMORIAL"}
YEAR_WORDS_TENS = {"nineteen": 19, "twenty": 20}

UNITS = {
    "year": ("Y", False), "years": ("Y", False), "yr": ("Y", False), "yrs": ("Y", False),
    "month": ("M", False), "months": ("M", False), "week": ("W", False), "weeks": ("W", False),
    "day": ("D", False), "days": ("D", False), "hour": ("H", True), "hours": ("H", True),
    "hr": ("H", True), "hrs": ("H", True), "minute": ("M", True), "minutes": ("M", True),
    "min": ("M", True), "mins": ("M", True), "second": ("S", True), "seconds": ("S", True),
    "decade": ("DE", False), "decades": ("DE", False), "century": ("CE", False),
    "centuries": ("CE", False), "quarter": ("Q", False), "quarters": ("Q", False),
    "weekend": ("WE", False), "weekends": ("WE", False), "millennium": ("ML", False),
    "fiscal year": ("Y", False), "fiscal quarter": ("Q", False),
}
VAGUE_COUNTS = frozenset({"several", "a few", "few", "some", "many", "numerous", "various"})
THIS = frozenset({"this", "current", "the current", "present", "the present"})
LAST = frozenset({"last", "past", "previous", "the past", "the last", "the previous",
                  "preceding", "the preceding"})
NEXT = frozenset({"next", "coming", "the coming", "the next", "following", "the following",
                  "upcoming"})
AGO = frozenset({"ago"})
LATER = frozenset({"later", "from now", "hence"})
BEFORE = frozenset({"earlier"})
# "two months later", "a year earlier": counted from another event, not from the article's date
EVENT_ANCHORED = frozenset({"later", "earlier"})
# "(his first trip abroad since 2019)": the start of a state, not the date of an event; a
# sentence with another date is dated by that one
SINCE = frozenset({"since", "ever since"})
SINCE_AFTER_COMPARISON: frozenset[str] = frozenset()
COMPARISON_WORDS: frozenset[str] = frozenset()
RANGE_CLOSERS = frozenset({"to", "until", "through", "till"})
IN_FUTURE = frozenset({"in", "within"})
DURATION_PREPS = frozenset({"for", "during", "over", "in", "within", "about", "nearly",
                            "almost", "at least", "more than", "less than"})
ALL_OF = {"all": 1, "the whole": 1, "the entire": 1, "the full": 1, "an entire": 1,
          "a whole": 1}
EVERY = frozenset({"every", "each", "per"})
EVERY_PLURAL = frozenset()
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "TNI", "every day": "P1D",
               "every week": "P1W", "every month": "P1M", "every year": "P1Y",
               "each year": "P1Y", "each day": "P1D", "each week": "P1W", "each month": "P1M",
               "every night": "TNI", "every morning": "TMO", "every evening": "TEV",
               "every hour": "PT1H", "once a year": "P1Y", "once a month": "P1M",
               "once a week": "P1W", "twice a year": "P1Y", "biweekly": "P2W",
               "semiannually": "P6M"}
PERIOD_PARTS = {"early": "START", "beginning of": "START", "the beginning of": "START",
                "the start of": "START", "start of": "START", "mid": "MID", "mid-": "MID",
                "middle of": "MID", "the middle of": "MID", "late": "END", "end of": "END",
                "the end of": "END", "the rest of": "REST"}
PART_LINKS = ("of",)
PRESENT_REF = frozenset({"now", "currently", "current", "nowadays", "at the moment", "at present",
                         "right now", "these days", "the present", "today's"})
PAST_REF = frozenset({"recently", "the past", "in the past", "lately"})
FUTURE_REF = frozenset({"the future", "in the future", "future", "the near term", "the short term",
                        "a later date"})
YEAR_PREPS = frozenset({"in", "since", "by", "until", "till", "from", "during", "of", "fiscal",
                        "year", "early", "late", "mid", "mid-", "spring", "summer", "autumn",
                        "fall", "winter", "before", "after", "through", "the year", "end of",
                        "in the year", "circa", "around", "to", "and"})
DECADE_WORDS = ()
CENTURY_WORDS = ("century",)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
            "final": -1}
CLOCK_PREPS = ("at", "by", "until", "till", "from", "around", "about", "before", "after")
CLOCK_AM = frozenset({"am", "a.m.", "a.m", "a. m.", "in the morning"})
CLOCK_PM = frozenset({"pm", "p.m.", "p.m", "p. m.", "in the afternoon", "in the evening",
                      "at night"})
FUTURE_CUES = ("will", "'ll", "shall", "going to", "next", "upcoming", "scheduled", "plans to",
               "plan to", "expected to", "to be held", "is due", "are due")
FUTURE_SUFFIXES = ()
RANGE_FROM = ("from", "between")
RANGE_TO = ("to", "and", "-", "–", "until", "through")
ARTICLES = ("the", "a", "an")
