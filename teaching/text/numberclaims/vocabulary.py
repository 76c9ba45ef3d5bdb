"""The words the number reader knows: number words, qualifiers, units, currencies, months, counted nouns.

Plain data, no logic. Every table is lowercase; the reader lowercases what it looks up.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

ONES = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Scale words after a number. "lakh" and "crore" are how Indian English prints 100,000 and 10,000,000.
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip
# Short scales written onto a number: "$1.2bn", "£300m", "10k". "m" and "k" only count as scales after a
# currency (a bare "300m" is a distance); "bn", "mn" and "tn" are never anything else.
SHORT_SCALES = {"bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "tn": 1_000_000_000_000}
SHORT_SCALES_ANYWHERE = {"bn", "mn", "tn"}
THOUSAND_K = {"k": 1_000}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}

# Fractions written in words: the denominator, singular and plural.
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20, "hundredth": 100,
    "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
}  # fmt: skip

# Qualifiers, longest first when matched. The value is what they mean for comparing.
QUALIFIERS: dict[tuple[str, ...], str] = {
    ("about",): "approx", ("roughly",): "approx", ("approximately",): "approx", ("around",): "approx",
    ("some",): "approx", ("maybe",): "approx", ("perhaps",): "approx", ("circa",): "approx",
    ("approx",): "approx", ("c",): "approx", ("~",): "approx",
    ("an", "estimated"): "approx", ("estimated",): "approx", ("an", "approximate"): "approx",
    ("close", "to"): "approx", ("nearly",): "at_most", ("almost",): "at_most", ("just", "under"): "at_most",
    ("at", "least"): "at_least", ("more", "than"): "at_least", ("over",): "at_least", ("above",): "at_least",
    ("upwards", "of"): "at_least", ("in", "excess", "of"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("well", "over"): "at_least", ("just", "over"): "at_least",
    ("well", "above"): "at_least", ("as", "few", "as"): "at_least",
    ("up", "to"): "at_most", ("under",): "at_most", ("below",): "at_most", ("less", "than"): "at_most",
    ("fewer", "than"): "at_most", ("at", "most"): "at_most", ("no", "more", "than"): "at_most",
    ("as", "many", "as"): "at_most", ("as", "much", "as"): "at_most", ("well", "under"): "at_most",
    ("well", "below"): "at_most", ("at", "least", "some"): "at_least",
}  # fmt: skip
QUALIFIER_PHRASES = sorted(QUALIFIERS.items(), key=lambda item: -len(item[0]))
# "almost 100,000" is just below 100,000; "up to 100" anything from 0 to 100.
JUST_BELOW = {"almost", "nearly", "just under", "close to"}

# Units, as printed → as read. Durations are a kind of their own in the reading.
UNITS = {
    "%": "%", "percent": "%", "pc": "%", "pct": "%",
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "miles", "miles": "miles", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "centimetres": "cm", "centimeters": "cm", "centimetre": "cm", "centimeter": "cm", "millimetre": "mm",
    "millimetres": "mm", "millimeter": "mm", "millimeters": "mm", "gram": "g", "grams": "g", "yard": "yards",
    "yards": "yards", "ounce": "ounces", "ounces": "ounces", "pint": "pints", "pints": "pints",
    "mm": "mm", "cm": "cm", "ft": "feet", "feet": "feet", "foot": "feet", "inch": "inches", "inches": "inches",
    "kg": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "tonnes",
    "tonnes": "tonnes", "ton": "tons", "tons": "tons", "lb": "lb", "lbs": "lb", "pound-weight": "lb",
    "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres", "gallon": "gallons",
    "gallons": "gallons", "barrel": "barrels", "barrels": "barrels", "acre": "acres", "acres": "acres",
    "hectare": "hectares", "hectares": "hectares", "mph": "mph", "kph": "km/h", "mw": "MW", "gw": "GW",
    "kwh": "kWh", "degree": "degrees", "degrees": "degrees", "°c": "°C", "°f": "°F", "mg": "mg",
    "milligram": "mg", "milligrams": "mg", "ml": "ml", "millilitre": "ml", "millilitres": "ml",
    "second": "seconds", "seconds": "seconds", "sec": "seconds", "secs": "seconds", "minute": "minutes",
    "minutes": "minutes", "min": "minutes", "mins": "minutes", "hour": "hours", "hours": "hours",
    "hr": "hours", "hrs": "hours", "day": "days", "days": "days", "night": "days",
    "week": "weeks", "weeks": "weeks", "fortnight": "fortnights", "fortnights": "fortnights",
    "month": "months", "months": "months", "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
}  # fmt: skip
# Measures that are not units everywhere, but are with a part of one: "half a length", "a stone and a half".
MEASURE_NOUNS = {"length": "lengths", "stone": "stone", "furlong": "furlongs", "lap": "laps"}
DURATION_UNITS = {
    "seconds",
    "minutes",
    "hours",
    "days",
    "weeks",
    "fortnights",
    "months",
    "years",
    "decades",
    "centuries",
}
# Durations are read in the units a reader compares: a fortnight is 2 weeks, a decade 10 years.
DURATION_SCALE = {"fortnights": (2, "weeks"), "decades": (10, "years"), "centuries": (100, "years")}

# Currencies: symbols and codes before a number, words after it.
CURRENCY_SYMBOLS = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₦": "NGN", "₵": "GHS",
    "₱": "PHP", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND", "₸": "KZT", "₼": "AZN", "₾": "GEL", "₲": "PYG",
    "₡": "CRC", "฿": "THB", "৳": "BDT", "₭": "LAK", "₮": "MNT",
}  # fmt: skip
# Abbreviations printed before an amount, as letters: "KSh 120", "Rp 15,000", "RM 40", "R5 000", "DKr2.6bn".
CURRENCY_LETTER_PREFIXES = {
    "ksh": "KES", "kshs": "KES", "ush": "UGX", "tsh": "TZS", "rp": "IDR", "rm": "MYR", "tk": "BDT", "mk": "MWK",
    "r": "ZAR", "dkr": "DKK", "skr": "SEK", "nkr": "NOK",
}  # fmt: skip
CURRENCY_PREFIX_WORDS = {
    "us": "USD",
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "nz": "NZD",
    "hk": "HKD",
    "s": "SGD",
}  # fmt: skip  — only when written onto "$": US$, A$, C$
CURRENCY_CODES = {
    "usd": "USD", "gbp": "GBP", "eur": "EUR", "inr": "INR", "jpy": "JPY", "rs": "INR", "rs.": "INR",
    "rub": "RUB", "uah": "UAH", "cny": "CNY", "chf": "CHF",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "euro": "EUR",
    "euros": "EUR", "rupee": "INR", "rupees": "INR", "yen": "JPY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "yuan": "CNY", "francs": "CHF",
    "quid": "GBP", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "sol": "PEN", "soles": "PEN",
    "naira": "NGN", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS", "lira": "TRY", "dirham": "AED",
    "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "baht": "THB", "ringgit": "MYR", "taka": "BDT",
    "kronor": "SEK", "kroner": "NOK", "krone": "DKK", "krona": "SEK", "forint": "HUF", "lei": "RON",
    "pesos": "MXN", "peso": "MXN", "won": "KRW", "rupiah": "IDR", "bitcoin": "XBT", "bucks": "USD",
}  # fmt: skip
# Money in slang: the amount is in the word.
MONEY_WORDS = {"fiver": ("5", "GBP"), "tenner": ("10", "GBP"), "grand": None}
SUBUNITS = {"p": "GBP", "pence": "GBP", "penny": "GBP", "cent": "USD", "cents": "USD", "paise": "INR"}

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Month names that are also everyday words: read as months only next to a day or a year, or after a word
# that introduces a time ("in May", "since March").
MONTHS_THAT_ARE_WORDS = {"may", "march", "mar", "jan", "dec", "sep", "aug", "jun", "jul", "oct", "nov", "apr"}
TIME_LEADS = {
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "early", "late", "mid",
    "between", "through", "throughout", "to", "on", "end", "beginning", "start",
}  # fmt: skip
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}  # fmt: skip
# "late August", "the end of June", "mid-September": kept as the qualifier of a date.
DATE_QUALIFIERS: list[tuple[str, ...]] = sorted(
    [
        ("early",), ("late",), ("mid",), ("the", "end", "of"), ("the", "start", "of"), ("the", "beginning", "of"),
        ("the", "middle", "of"), ("end", "of"), ("start", "of"), ("beginning", "of"), ("middle", "of"),
    ],
    key=lambda words: -len(words),
)  # fmt: skip
TIME_ZONES = {"gmt", "bst", "utc", "et", "est", "edt", "pt", "pst", "pdt", "cet", "cest", "ist", "msk", "eet"}

# Rates: what follows a number to make it "per" something.
RATE_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
              "hourly": "hour", "nightly": "night", "annual": "year"}  # fmt: skip
RATE_LEADS = {"a", "an", "per", "each", "every"}
RATE_PERIODS = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "hour": "hour",
    "night": "night",
    "minute": "minute",
    "second": "second",
    "head": "head",
    "person": "person",
    "capita": "person",
    "annum": "year",
    "fortnight": "fortnight",
    "quarter": "quarter",
    "game": "game",
    "match": "match",
    "over": "over",
    "innings": "innings",
    "decade": "decade",
    "century": "century",
    "hectare": "hectare",
    "acre": "acre",
    "litre": "litre",
    "liter": "liter",
    "gallon": "gallon",
    "barrel": "barrel",
    "tonne": "tonne",
    "quintal": "quintal",
    "kilogram": "kilogram",
    "kilo": "kilo",
    "ounce": "ounce",
}  # fmt: skip  — "4 runs an over" in cricket; "8.4 tonnes a hectare", "once a decade"
# After a rate period these words make it a point in time, a loose span or a shift, not the period of a rate:
# "5% a month earlier", "an hour late", "a year early", "an hour away".
NOT_RATE_AFTER = {
    "earlier", "later", "ago", "before", "after", "on", "since", "or", "late", "early", "longer", "shorter",
    "away", "apart", "overdue",
}  # fmt: skip
# Speeds carry their own rate.
# Words that say a report is about cricket (where "12 an over", "took 5-37" and a "maiden hundred" mean runs)
CRICKET = re.compile(r"\b(?:overs|wickets?|innings|runs|bowl\w*|batt\w*|cricket|odi|test match)\b", re.IGNORECASE)
# A programme that greets its listeners in the morning (and not in the afternoon or evening).
MORNING_SHOW = re.compile(r"\bgood morning\b|\bbreakfast (?:show|programme|bulletin)\b", re.IGNORECASE)
EVENING_SHOW = re.compile(r"\bgood (?:afternoon|evening)\b", re.IGNORECASE)
# Punctuation a caption track or a pasted transcript has lost (with its capitals).
_PUNCTUATION = re.compile(r"[.,;:!?\"“”'’()\-–—%$£€]")


@lru_cache(maxsize=16)
def is_stripped(text: str) -> bool:
    """Text with its case and punctuation stripped, as a student pastes a caption track (asked once per text: the
    bindings ask it for every bare amount, so the answer is kept for the last few texts)."""
    return len(text) >= 120 and not _PUNCTUATION.search(text) and text == text.lower()


def is_morning_show(text: str) -> bool:
    """A stripped programme that greets its listeners in the morning and greets no afternoon or evening."""
    return is_stripped(text) and MORNING_SHOW.search(text) is not None and not EVENING_SHOW.search(text)


def is_tennis_report(text: str) -> bool:
    """Two different words of tennis make a report on tennis."""
    return len({m.group(0).lower() for m in TENNIS.finditer(text)}) >= 2


# Words of tennis; two different ones make a report on tennis.
TENNIS = re.compile(
    r"\btie-?breaks?\b|\baces\b|\bdouble faults?\b|\bbreak points?\b|\bdeuce\b|\bgrand slam\b|\bstraight sets\b|"
    r"\b(?:first|second|third|fourth|fifth|deciding|final) set\b|\bserv(?:e|ed|ing)\b|\bwimbledon\b|\btennis\b",
    re.IGNORECASE,
)
# A report on a horse race: words only racing uses.
RACING = re.compile(r"\b(?:furlongs?|jockey|trainer|betting ring|bookmakers?|odds-on|each-way|fences?|hurdle race|"
              r"going was|the favourite|nap|racecourse|handicap|stakes)\b", re.IGNORECASE)  # fmt: skip
# Units that carry "a day" in them: oil output in barrels per day ("500,000 bpd"; "mbpd" is millions of them).
DAILY_UNITS = {"bpd": (1, "barrels"), "bopd": (1, "barrels"), "mbpd": (1_000_000, "barrels"),
               "mbd": (1_000_000, "barrels")}  # fmt: skip
SPEED_UNITS = {
    "mph": ("miles", "hour"), "kph": ("km", "hour"), "kmph": ("km", "hour"), "km/h": ("km", "hour"),
    "knots": ("nautical miles", "hour"), "knot": ("nautical miles", "hour"),
}  # fmt: skip

#: What a number may count, by class. Values whose nouns are in different classes are not comparable.
NOUNS: dict[str, str] = {
    **dict.fromkeys(
        "man men woman women people person persons soldier soldiers troop troops force forces fighter fighters "
        "casualty casualties death deaths dead soul souls resident residents civilian civilians deserter "
        "deserters recruit recruits prisoner prisoners infiltrator infiltrators child children adult adults "
        "voter voters worker workers employee employees patient patients student students pupil pupils "
        "migrant migrants refugee refugees passenger passengers victim victims officer officers fan fans "
        "member members user users customer customers household households family families visitor "
        "visitors tourist tourists inhabitant inhabitants citizen citizens staff players player "
        "spectators spectator applicants applicant teachers teacher doctors doctor nurses nurse "
        "respondents respondent adults".split(),
        "people",
    ),
    **dict.fromkeys("tank tanks vehicle vehicles truck trucks apc apcs ifv ifvs car cars".split(), "vehicles"),
    **dict.fromkeys("drone drones missile missiles shell shells round rounds bomb bombs".split(), "weapons"),
    **dict.fromkeys(
        "team teams group groups unit units battalion battalions brigade brigades company companies".split(),
        "units",
    ),
}

# Words that end the search for a counted noun ("70,000 during Putin's…" counts nothing).
STOP = set(
    "a an the of in on at to for from by with and or but nor per than that which who whom whose is are was were "
    "be been being has have had it its this these those as so since during into onto over under up down out about "
    "more less now still just only not no across after before between through while when where if each every "
    "last next ago earlier later".split()
)
# Prepositions STOP leaves out: after one, the words place or bound a span ("400 within a week"), they are no unit.
PREPOSITIONS = {
    "within", "inside", "outside", "throughout", "around", "across", "among", "amid", "against", "without",
    "beyond", "behind", "beside", "near", "toward", "towards", "upon", "via", "despite", "except", "along", "past",
}  # fmt: skip
DASHES = {"-", "–", "—", "‑", "‒"}

# Vague quantities: recognised, never turned into a number. Orders of magnitude keep their order.
MAGNITUDES: dict[str, Decimal | None] = {
    "tens of thousands": Decimal(10_000), "hundreds of thousands": Decimal(100_000),
    "tens of millions": Decimal(10_000_000), "hundreds of millions": Decimal(100_000_000),
    "tens of billions": Decimal(10_000_000_000), "hundreds of billions": Decimal(100_000_000_000),
    "dozens": Decimal(12), "scores": Decimal(20), "hundreds": Decimal(100), "thousands": Decimal(1_000),
    "millions": Decimal(1_000_000), "billions": Decimal(1_000_000_000),
    "several hundred thousand": Decimal(100_000), "several thousand": Decimal(1_000),
    "several hundred": Decimal(100), "several million": Decimal(1_000_000), "a few hundred": Decimal(100),
    "a few thousand": Decimal(1_000), "a few million": Decimal(1_000_000), "many thousands": Decimal(1_000),
    "a few hundred thousand": Decimal(100_000), "a few hundred million": Decimal(100_000_000),
    "several hundred million": Decimal(100_000_000),
    "a few": None, "a handful": None, "several": None,
}  # fmt: skip
# The world's currencies by their English names (ISO 4217, the active codes): the country or people's word and
# the unit, singular and plural forms as English prints them. A unit name shared by several countries
# ("shilling", "dinar", "kwacha") names its country only with the word before it ("Kenyan shillings"); alone
# it is money in a currency the text does not pin down, except where English news uses it for one country
# by default (dollars, pounds, francs, pesos, rupees… in CURRENCY_WORDS).
_ISO_4217: list[tuple[str, str, str]] = [
    # (code, the words before the unit in "<words> <unit>", the unit's forms separated by "/")
    ("AED", "emirati/uae", "dirham/dirhams"),
    ("AFN", "afghan", "afghani/afghanis"),
    ("ALL", "albanian", "lek/leke/leks"),
    ("AMD", "armenian", "dram/drams"),
    ("ANG", "antillean", "guilder/guilders"),
    ("AOA", "angolan", "kwanza/kwanzas"),
    ("ARS", "argentine/argentinian", "peso/pesos"),
    ("AUD", "australian", "dollar/dollars"),
    ("AWG", "aruban", "florin/florins"),
    ("AZN", "azerbaijani/azeri", "manat/manats"),
    ("BAM", "bosnian/convertible", "mark/marks"),
    ("BBD", "barbadian/barbados", "dollar/dollars"),
    ("BDT", "bangladeshi", "taka/takas"),
    ("BGN", "bulgarian", "lev/leva/levs"),
    ("BHD", "bahraini", "dinar/dinars"),
    ("BIF", "burundian/burundi", "franc/francs"),
    ("BMD", "bermudian", "dollar/dollars"),
    ("BND", "brunei", "dollar/dollars"),
    ("BOB", "bolivian", "boliviano/bolivianos"),
    ("BRL", "brazilian", "real/reais/reals"),
    ("BSD", "bahamian", "dollar/dollars"),
    ("BTN", "bhutanese", "ngultrum/ngultrums"),
    ("BWP", "botswanan/botswana", "pula/pulas"),
    ("BYN", "belarusian", "rouble/roubles/ruble/rubles"),
    ("BZD", "belize/belizean", "dollar/dollars"),
    ("CAD", "canadian", "dollar/dollars"),
    ("CDF", "congolese", "franc/francs"),
    ("CHF", "swiss", "franc/francs"),
    ("CLP", "chilean", "peso/pesos"),
    ("CNY", "chinese", "yuan/renminbi"),
    ("COP", "colombian", "peso/pesos"),
    ("CRC", "costa rican", "colon/colones/colons"),
    ("CUP", "cuban", "peso/pesos"),
    ("CVE", "cape verdean/cabo verdean", "escudo/escudos"),
    ("CZK", "czech", "koruna/korunas/koruny/korun"),
    ("DJF", "djiboutian/djibouti", "franc/francs"),
    ("DKK", "danish", "krone/kroner"),
    ("DOP", "dominican", "peso/pesos"),
    ("DZD", "algerian", "dinar/dinars"),
    ("EGP", "egyptian", "pound/pounds"),
    ("ERN", "eritrean", "nakfa/nakfas"),
    ("ETB", "ethiopian", "birr/birrs"),
    ("FJD", "fijian/fiji", "dollar/dollars"),
    ("GBP", "british", "pound/pounds"),
    ("GEL", "georgian", "lari/laris"),
    ("GHS", "ghanaian/ghana", "cedi/cedis"),
    ("GMD", "gambian", "dalasi/dalasis"),
    ("GNF", "guinean", "franc/francs"),
    ("GTQ", "guatemalan", "quetzal/quetzales/quetzals"),
    ("GYD", "guyanese", "dollar/dollars"),
    ("HKD", "hong kong", "dollar/dollars"),
    ("HNL", "honduran", "lempira/lempiras"),
    ("HTG", "haitian", "gourde/gourdes"),
    ("HUF", "hungarian", "forint/forints"),
    ("IDR", "indonesian", "rupiah/rupiahs"),
    ("ILS", "israeli", "shekel/shekels/sheqel/sheqels/shekalim"),
    ("INR", "indian", "rupee/rupees"),
    ("IQD", "iraqi", "dinar/dinars"),
    ("IRR", "iranian", "rial/rials"),
    ("ISK", "icelandic", "krona/kronur"),
    ("JMD", "jamaican", "dollar/dollars"),
    ("JOD", "jordanian", "dinar/dinars"),
    ("JPY", "japanese", "yen"),
    ("KES", "kenyan", "shilling/shillings"),
    ("KGS", "kyrgyz", "som/soms"),
    ("KHR", "cambodian", "riel/riels"),
    ("KMF", "comorian", "franc/francs"),
    ("KPW", "north korean", "won"),
    ("KRW", "south korean/korean", "won"),
    ("KWD", "kuwaiti", "dinar/dinars"),
    ("KYD", "cayman", "dollar/dollars"),
    ("KZT", "kazakh/kazakhstani", "tenge/tenges"),
    ("LAK", "lao/laotian", "kip/kips"),
    ("LBP", "lebanese", "pound/pounds/lira/liras"),
    ("LKR", "sri lankan", "rupee/rupees"),
    ("LRD", "liberian", "dollar/dollars"),
    ("LSL", "lesotho/basotho", "loti/maloti"),
    ("LYD", "libyan", "dinar/dinars"),
    ("MAD", "moroccan", "dirham/dirhams"),
    ("MDL", "moldovan", "leu/lei"),
    ("MGA", "malagasy", "ariary/ariarys"),
    ("MKD", "macedonian", "denar/denars/denari"),
    ("MMK", "burmese/myanmar", "kyat/kyats"),
    ("MNT", "mongolian", "tugrik/tugriks/togrog"),
    ("MOP", "macanese/macau", "pataca/patacas"),
    ("MRU", "mauritanian", "ouguiya/ouguiyas"),
    ("MUR", "mauritian", "rupee/rupees"),
    ("MVR", "maldivian", "rufiyaa/rufiyaas"),
    ("MWK", "malawian/malawi", "kwacha/kwachas"),
    ("MXN", "mexican", "peso/pesos"),
    ("MYR", "malaysian", "ringgit/ringgits"),
    ("MZN", "mozambican", "metical/meticais/meticals"),
    ("NAD", "namibian", "dollar/dollars"),
    ("NGN", "nigerian", "naira/nairas"),
    ("NIO", "nicaraguan", "cordoba/cordobas"),
    ("NOK", "norwegian", "krone/kroner"),
    ("NPR", "nepalese/nepali", "rupee/rupees"),
    ("NZD", "new zealand", "dollar/dollars"),
    ("OMR", "omani", "rial/rials"),
    ("PAB", "panamanian", "balboa/balboas"),
    ("PEN", "peruvian", "sol/soles"),
    ("PGK", "papua new guinean", "kina/kinas"),
    ("PHP", "philippine/filipino", "peso/pesos"),
    ("PKR", "pakistani", "rupee/rupees"),
    ("PLN", "polish", "zloty/zlotys/zlote/zlotych"),
    ("PYG", "paraguayan", "guarani/guaranis/guaranies"),
    ("QAR", "qatari", "riyal/riyals/rial/rials"),
    ("RON", "romanian", "leu/lei"),
    ("RSD", "serbian", "dinar/dinars"),
    ("RUB", "russian", "rouble/roubles/ruble/rubles"),
    ("RWF", "rwandan/rwanda", "franc/francs"),
    ("SAR", "saudi", "riyal/riyals/rial/rials"),
    ("SBD", "solomon islands", "dollar/dollars"),
    ("SCR", "seychellois", "rupee/rupees"),
    ("SDG", "sudanese", "pound/pounds"),
    ("SEK", "swedish", "krona/kronor"),
    ("SGD", "singapore/singaporean", "dollar/dollars"),
    ("SLE", "sierra leonean", "leone/leones"),
    ("SOS", "somali", "shilling/shillings"),
    ("SRD", "surinamese", "dollar/dollars"),
    ("SSP", "south sudanese", "pound/pounds"),
    ("STN", "sao tomean", "dobra/dobras"),
    ("SYP", "syrian", "pound/pounds/lira/liras"),
    ("SZL", "swazi/eswatini", "lilangeni/emalangeni"),
    ("THB", "thai", "baht"),
    ("TJS", "tajik/tajikistani", "somoni/somonis"),
    ("TMT", "turkmen", "manat/manats"),
    ("TND", "tunisian", "dinar/dinars"),
    ("TOP", "tongan", "pa'anga/paanga"),
    ("TRY", "turkish", "lira/liras/lire"),
    ("TTD", "trinidad and tobago/trinidadian", "dollar/dollars"),
    ("TWD", "taiwan/taiwanese", "dollar/dollars"),
    ("TZS", "tanzanian", "shilling/shillings"),
    ("UAH", "ukrainian", "hryvnia/hryvnias/hryvnas/hryvnya"),
    ("UGX", "ugandan", "shilling/shillings"),
    ("USD", "us/american", "dollar/dollars"),
    ("UYU", "uruguayan", "peso/pesos"),
    ("UZS", "uzbek", "sum/som/soms"),
    ("VES", "venezuelan", "bolivar/bolivares/bolivars"),
    ("VND", "vietnamese", "dong"),
    ("VUV", "vanuatu", "vatu"),
    ("WST", "samoan", "tala"),
    ("XAF", "central african cfa/cfa", "franc/francs"),
    ("XCD", "east caribbean", "dollar/dollars"),
    ("XOF", "west african cfa/cfa", "franc/francs"),
    ("XPF", "cfp/pacific", "franc/francs"),
    ("YER", "yemeni", "rial/rials"),
    ("ZAR", "south african", "rand/rands"),
    ("ZMW", "zambian", "kwacha/kwachas"),
    ("ZWG", "zimbabwean", "dollar/dollars"),
]


def _currency_names() -> tuple[dict[tuple[str, ...], str | None], dict[str, str | None]]:
    """("kenyan", "shillings") → KES; "shillings" alone → None (several countries): built once from _ISO_4217."""
    full: dict[tuple[str, ...], set[str]] = {}
    units: dict[str, set[str]] = {}
    for code, countries, forms in _ISO_4217:
        for form in forms.split("/"):
            units.setdefault(form, set()).add(code)
            for country in countries.split("/"):
                full.setdefault((*country.split(), form), set()).add(code)
    return (
        {words: next(iter(codes)) if len(codes) == 1 else None for words, codes in full.items()},
        {form: next(iter(codes)) if len(codes) == 1 else None for form, codes in units.items()},
    )


#: "<country word(s)> <unit>" → ISO code, or None where two countries share the words ("CFA francs").
CURRENCY_FULL_NAMES, CURRENCY_UNIT_NAMES = _currency_names()
CURRENCY_FULL_NAMES_LONGEST = max(len(words) for words in CURRENCY_FULL_NAMES)
#: Unit names that are also everyday English words or names ("100 marks", "a real problem", "he won", "Lev"): a
#: currency only with their country before them ("Brazilian reals"). Names that are nothing else in English
#: ("500,000 lek", "1.2 billion birr", "40 leva", "90 lari") are money after an amount on their own.
CURRENCY_NAMES_THAT_ARE_WORDS = {
    "real", "reals", "sol", "soles", "rand", "rands", "won", "kip", "kips", "sum", "som", "soms", "mark", "marks",
    "dram", "drams", "dong", "kina", "kinas", "lev", "lei", "leu", "leone", "leones", "gourde",
}  # fmt: skip
#: ISO 4217 codes that are also words or common names in capitals ("ALL 300 seats", "COP 28", "TRY 2"): not a
#: currency before or after an amount.
CURRENCY_CODES_THAT_ARE_WORDS = {
    "ALL", "AMD", "BAM", "BOB", "COP", "CUP", "GEL", "MAD", "MOP", "PEN", "SOS", "TOP", "TRY",
}  # fmt: skip
# Every active ISO 4217 code printed in capitals before or after an amount ("NOK 1.84bn", "SEK 400m", "500 DKK").
CURRENCY_CODES = {
    **{code.lower(): code for code, _, _ in _ISO_4217 if code not in CURRENCY_CODES_THAT_ARE_WORDS},
    **CURRENCY_CODES,
}
