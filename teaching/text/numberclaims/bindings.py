"""Readings bound to each other: constructions that join two readings into one, or leave them unexplained.

The token walker reads one number at a time. Some constructions bind its readings to each other or to the
words around them (issue 9, after final3/ showed each unseen split misreading the constructions nobody
foresaw); this pass, run on the walker's readings, reads them as one:

* a compound duration in descending units ("2 hours 3 minutes 15 seconds", "eight years and four months"),
  read in its smallest unit;
* "from X to Y <unit>" with no word saying something changed: a range, the unit shared ("from 25 to 30 km");
* a named day whose date is fixed before a year ("Boxing Day 2015", "New Year's Eve, 1999"): that date;
* a clock in a sentence about a race, not introduced by "at": a time taken ("14:22 for the 5 km", "3:59.4");
* "<amount> for every <noun>" and, in a report on cricket, "12 an over": rates;
* a clock time in words after "at", "by", "until"… with the part of the day ("at two in the morning", "until
  twenty to eleven at night", "at seven this morning"): that time; without it ("at twenty to seven", "at ten
  o'clock", and a bare "finishes at nine" or "in by seven" that counts nothing), declined;
* a bare amount in millions joined by "and"/"or" to money just before it ("18 million dollars in damages and 30
  million in costs"), or "the 30 million" after that money was named: money in the currency said once;
* a bare number whose next words end in "a"/"per" and a period or measure ("200 fish a night", "2 800
  bricks a week", "once a winter"): a rate, the words its unit;
* "a price-earnings ratio of 18", "a hazard ratio of 1.30": the ratio N:1; "the ratio was 3 to 2": 3:2;
* a singular period word before people ("40 day workers"): a count of the people;
* betting odds ("a 7-2 favourite", "at odds of 11 to 4"): a ratio;
* shillings and pence ("37 shillings and sixpence a week"): old British money, in pounds;
* telephone numbers ("0345 988 1188", "1-888-405-4039"), numbers after a word that names things by number
  ("flat 14C", "junction 9", "the FTSE 250 company") and number words capitalised inside a sentence ("BBC Two",
  "the group Zero said"): declined as names, not amounts;
* a bare number before a comma and a number with its unit ("jumped 30, 40 percent"): unsure (its unit?);
* "half" in the name of a position or a break in a match ("scrum-half", "half-time"): no fraction;
* "2,700-odd mandis", "twenty-odd people": about N (it was declined, or not read at all);
* a four-digit year-like number after "in" before a singular noun ("in 2021 household debt …", a full stop
  lost): the year.

Where a number sits in a construction these rules cannot explain, its readings are declined with a reason a
student understands rather than left as partial confident readings: a named day whose date moves ("Good
Friday 2015") before a year; a race clock of one digit ("sub-2:03": hours or minutes?); a small number glued
to a scaled one in text without punctuation ("3 2 crore"); "from 9 to 5" with the second number smaller and
no word of change; "in 2019 voters" (a year with its comma lost, or 2,019 voters?); durations in descending
units with no exact step between them ("14 months and 3 weeks") or in different units joined by "to" ("90
minutes to two hours"); two readings tied by "in every" or "for
every" that the walker did not read together ("between 2 and 3 in every 10 homes").

Plain Python, no Django: ``bind`` takes the walker's values and dates and gives them back joined, with what it
now declines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from teaching.text.numberclaims.values import CONFIDENT, UNSURE, Declined, Value
from teaching.text.numberclaims.vocabulary import (
    CRICKET,
    CURRENCY_CODES,
    CURRENCY_WORDS,
    DURATION_SCALE,
    DURATION_UNITS,
    MEASURE_NOUNS,
    NOT_RATE_AFTER,
    NOUNS,
    ONES,
    PREPOSITIONS,
    RACING,
    RATE_PERIODS,
    STOP,
    UNITS,
    is_morning_show,
    is_stripped,
    is_tennis_report,
)

WHY_NAMED_DAY = (
    "A year after the name of a day whose date changes from year to year (“Good Friday 2015”) is a date the text "
    "does not print: the reader cannot say which day."
)

# --- compound durations -----------------------------------------------------------------------------------

# How many of the smaller unit make one of the larger: only exact steps (a month is not a whole number of days).
_STEPS = {
    ("years", "months"): 12,
    ("weeks", "days"): 7,
    ("days", "hours"): 24,
    ("hours", "minutes"): 60,
    ("minutes", "seconds"): 60,
}
_ORDER = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


def _factor(larger: str, smaller: str) -> int | None:
    """How many ``smaller`` make one ``larger`` (days → minutes 1,440), or None when no exact chain exists."""
    if larger not in _ORDER or smaller not in _ORDER or _ORDER.index(larger) >= _ORDER.index(smaller):
        return None
    factor, unit = 1, larger
    while unit != smaller:
        step = next(((a, b) for (a, b) in _STEPS if a == unit), None)
        if step is None:
            return None
        factor *= _STEPS[step]
        unit = step[1]
    return factor


_DURATION_JOIN = re.compile(r"(?:\s*,\s*|\s+and\s+|\s+)\Z", re.IGNORECASE)


def _duration(v: Value) -> bool:
    return v.sure and v.category == "duration" and not v.is_range and v.per is None and v.unit in _ORDER


WHY_DURATIONS_TO = (
    "“90 minutes to two hours” joins two lengths of time in different units by “to”: a range the reader does not "
    "put into one unit, so it reads neither end on its own."
)


def _durations_to(text: str, a: Value, b: Value) -> bool:
    """ "90 minutes to two hours": two durations in different units joined by "to", with no word of change."""
    if not (_duration(a) and _duration(b)) or a.unit == b.unit or b.qualifier != "exact":
        return False
    if not _TO_BETWEEN.fullmatch(text[a.end : b.start]):
        return False
    return not _CHANGE.search(_clause_before(text, a.start))


WHY_UNEVEN_DURATION = (
    "“14 months and 3 weeks” is one length of time in units that do not divide evenly (a month is not a whole "
    "number of weeks): the reader cannot give it as one number."
)


def _uneven_durations(text: str, a: Value, b: Value) -> bool:
    """ "14 months and 3 weeks": one duration in descending units with no exact step between them."""
    if not (_duration(a) and _duration(b)) or b.qualifier != "exact":
        return False
    if not _DURATION_JOIN.fullmatch(text[a.end : b.start]) or _ORDER.index(a.unit) >= _ORDER.index(b.unit):
        return False
    return _factor(a.unit or "", b.unit or "") is None


def _join_durations(text: str, a: Value, b: Value) -> Value | None:
    """ "2 hours 3 minutes" + "15 seconds", "eight years" + "and four months": one duration, smaller unit."""
    if not (_duration(a) and _duration(b)) or b.qualifier != "exact":
        return None
    if not _DURATION_JOIN.fullmatch(text[a.end : b.start]):
        return None
    factor = _factor(a.unit or "", b.unit or "")
    if factor is None:
        return None
    total = a.low * factor + b.low
    return replace(a, text=text[a.start : b.end], end=b.end, low=total, high=total, unit=b.unit)


# --- from X to Y ------------------------------------------------------------------------------------------

_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_RANGING_FROM = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+(?:in\s+[a-z]+\s+)?from\s+\Z", re.IGNORECASE
)
_TO_BETWEEN = re.compile(r"\s+to\s+\Z", re.IGNORECASE)
# Words that make "from X to Y" a change from one value to the other ("rose from 5 to 7"), not a range.
_CHANGE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas\w*|decreas\w*|cut(?:s|ting)?|rais\w*|lift\w*|"
    r"lower\w*|drop\w*|climb\w*|jump\w*|slip\w*|gr[eo]w\w*|reduc\w*|slash\w*|doubl\w*|tripl\w*|soar\w*|"
    r"plung\w*|edg\w*|went|go(?:es|ne|ing)?|mov\w*|chang\w*|shift\w*|swung|swing\w*|widen\w*|narrow\w*|"
    r"extend\w*|shorten\w*|lengthen\w*|boost\w*|trim\w*|hik\w*|upgrad\w*|downgrad\w*|revis\w*|push\w*|"
    r"brought|bring\w*|tumbl\w*|sank|sink\w*|surg\w*|leap\w*|leapt|shrank|shrink\w*|switch\w*|turn\w*|"
    r"up|down|fewer|more|less|higher|lower|compared|versus|previously|earlier)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?\n]")


def _clause_before(text: str, at: int) -> str:
    """The clause before ``at`` (back to a full stop, semicolon or line break; at most twelve words)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    return " ".join(text[start:at].split()[-12:])  # text without punctuation: the last twelve words


def _bare(v: Value) -> bool:
    return (
        v.sure
        and v.kind == "count"
        and v.category == "quantity"
        and not v.is_range
        and v.unit is None
        and v.noun is None
        and v.currency is None
        and v.per is None
        and v.qualifier == "exact"
    )


WHY_FROM_TO = (
    "“From 9 to 5” with no unit and the second number smaller is neither a range nor a change the reader can "
    "explain (hours of the day? a fall?): it does not say which."
)


WHY_HOURS_OF_DAY = (
    "A bare number just before “this morning”, “last night” or “in the afternoon” is probably an hour of the day, "
    "but the words do not say the time exactly (between 10 and 11 o’clock?)."
)
_A_PART_OF_DAY_AFTER = re.compile(
    r"\s+(?:(?:this|that|tomorrow|yesterday|last)\s+(?:morning|afternoon|evening|night)|tonight)\b",
    re.IGNORECASE,
)


def _hours_before_a_part_of_day(text: str, v: Value) -> bool:
    """ "between 10 and 11 this morning": hours of the day, not a range of numbers (nothing counted, up to 24)."""
    if not (v.sure and v.kind == "count" and v.category in ("quantity", "range")):
        return False
    if v.unit or v.noun or v.currency or v.per or v.high > 24 or v.low != v.low.to_integral_value():
        return False
    return _A_PART_OF_DAY_AFTER.match(text, v.end) is not None


def _same_measure(a: Value, b: Value) -> bool:
    """Two amounts of the same thing: the same kind of reading, unit, noun, currency and period."""
    return (
        a.sure
        and a.kind == b.kind == "count"
        and not a.is_range
        and a.qualifier == "exact"
        and (a.category, a.unit, a.noun, a.currency, a.per) == (b.category, b.unit, b.noun, b.currency, b.per)
    )


def _from_to_unexplained(text: str, a: Value, b: Value) -> bool:
    """ "open from 9 to 5": two bare numbers, the second smaller, with no word of change before them."""
    if not (_bare(a) and _bare(b) and b.low < a.low):
        return False
    if not (_FROM_BEFORE.search(text, 0, a.start) and _TO_BETWEEN.fullmatch(text[a.end : b.start])):
        return False
    return not _CHANGE.search(_clause_before(text, a.start))


def _from_to_range(text: str, a: Value, b: Value) -> Value | None:
    """ "from 25 to 30 km": a range with the unit shared, unless a word says something changed; "plots ranging
    from 1.9 acres to 7.6 acres": a range with the unit said twice, where a word says the values span it."""
    if not (b.sure and b.kind == "count" and not b.is_range and b.qualifier == "exact"):
        return None
    if not (_bare(a) or _same_measure(a, b) and _RANGING_FROM.search(text, max(0, a.start - 40), a.start)):
        return None
    if b.category not in ("quantity", "duration") or b.low <= a.low:
        return None
    if not (_FROM_BEFORE.search(text, 0, a.start) and _TO_BETWEEN.fullmatch(text[a.end : b.start])):
        return None
    after = text[b.end : b.end + 30]
    if _CHANGE.search(_clause_before(text, a.start)) or re.match(
        r"\s*(?:previously|earlier|before|by\s+\d{4})\b", after
    ):
        return None
    return _joined_range(text, _FROM_BEFORE.search(text, 0, a.start).start(), a, b)  # type: ignore[union-attr]


def _joined_range(text: str, start: int, a: Value, b: Value) -> Value:
    """One range from ``a`` to ``b``, its text from ``start`` (where "from" or "between" stands)."""
    return replace(b, text=text[start : b.end], start=start, low=a.low, high=b.low, category="range", qualifier="exact")


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)


def _between_range(text: str, a: Value, b: Value) -> Value | None:
    """ "between 5 km and 10 km", "between 3 tonnes and 5 tonnes": a range with the unit said on both ends."""
    if not (_same_measure(a, b) and b.sure and not b.is_range and b.qualifier == "exact" and a.low < b.low):
        return None
    if a.category not in ("quantity", "duration") or not re.fullmatch(r"\s+and\s+", text[a.end : b.start]):
        return None
    before = _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start)
    return _joined_range(text, before.start(), a, b) if before is not None else None


# --- named days before a year -----------------------------------------------------------------------------

_FIXED_DAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "hogmanay": (12, 31),
    "bastille day": (7, 14),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "st valentine's day": (2, 14),
    "st patrick's day": (3, 17),
    "st. patrick's day": (3, 17),
    "armistice day": (11, 11),
    "guy fawkes night": (11, 5),
    "bonfire night": (11, 5),
    "the fourth of july": (7, 4),
    "fourth of july": (7, 4),
    "july fourth": (7, 4),
    "anzac day": (4, 25),
    "burns night": (1, 25),
}
_DAY_NAME = r"(?:[A-Z][\w.'’]*\s+){0,3}(?:Day|Eve|Night|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)"
_NAMED_DAY = re.compile(rf"\b({_DAY_NAME}|Christmas|Hogmanay|Halloween)(\s*,?\s+(?:of\s+)?)\Z")


def _named_day_year(text: str, a: Value) -> Value | Declined | None:
    """ "Boxing Day 2015" is 26 December 2015; "Good Friday 2015" names a day the text does not date."""
    if not (a.sure and a.category == "year" and not a.is_range):
        return None
    m = _NAMED_DAY.search(text, max(0, a.start - 60), a.start)
    if m is None:
        return None
    name = m.group(1).replace("’", "'")
    lead = re.match(r"(?:(?:On|In|At|By|Since|Until|From|The|Last|This|Of|And|Or|But|After|Before)\s+)+", name)
    offset = lead.end() if lead else 0
    if offset == len(name):
        return None
    name = name[offset:]
    start = m.start(1) + offset
    # the longest fixed name that ends the phrase ("... on New Year's Eve" → "new year's eve")
    words = name.split()
    for n in range(len(words)):
        key = " ".join(words[n:]).lower()
        if key in _FIXED_DAYS:
            month, day = _FIXED_DAYS[key]
            start = m.start(1) + offset + len(" ".join(words[:n])) + (1 if n else 0)
            iso = f"{a.when_low}-{month:02d}-{day:02d}"
            return replace(a, text=text[start : a.end], start=start, category="date", when_low=iso, when_high=iso)
    if len(words) == 1 and words[0] in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        return None  # "on Sunday 2015 was …": a weekday and a year side by side, rare; leave the year
    return Declined(text[start : a.end], start, a.end, WHY_NAMED_DAY)


# --- clock readings in a sentence about a race ------------------------------------------------------------

WHY_RACE_CLOCK = (
    "In a sentence about a race, “2:03” is a time taken, not a time of day, but it could be hours and minutes "
    "(a marathon) or minutes and seconds (a mile): the text does not say which."
)
_RACE_WORDS = re.compile(
    r"\b(?:race[sd]?|racing|marathon\w*|run|runs|ran|runner\w*|running|sprint\w*|finish\w*|split|splits|lap|"
    r"laps|pace|record|personal best|clock\w*|timed|stopwatch|halfway|km|kilometres?|miles?|metres|swim\w*|"
    r"cycl\w*|rode|stage|time trial)\b",
    re.IGNORECASE,
)
_CLOCK_ONLY = re.compile(r"(\d{1,2}):([0-5]\d)(\.\d{1,3})?")
_AT_A_CLOCK = re.compile(
    r"\b(?:at|by|until|till|from|before|after|since|around|about|to|between|and|past|o'clock)\s+\Z", re.IGNORECASE
)


# Before a gap between riders or runners: "trails the new leader, Haskell, by 1:06", "a lead of 0:45", "won by 1:12".
_A_MARGIN = re.compile(
    r"(?:\b(?:trails?|trailing|trailed|leads?|leading|led|ahead|behind|won|wins|beat|beaten|deficit|advantage)\b"
    r"[^.;:!?\n]{0,40}?\bby|\b(?:gap|margin|deficit|advantage|lead)\s+(?:of|to))\s+\Z",
    re.IGNORECASE,
)
_BEATEN_CLOCK = re.compile(r"\b(?:broken|broke|break|breaking|beat|beaten|beating|inside|outside|dipped\s+under)\s+\Z",
                           re.IGNORECASE)  # fmt: skip


def _sentence_start(text: str, at: int) -> int:
    return max((m.end() for m in re.finditer(r"[.!?]\s|\n", text[:at])), default=0)


def _sentence(text: str, start: int, end: int) -> str:
    left = _sentence_start(text, start)
    right = re.search(r"[.!?](?:\s|\Z)|\n", text[end:])
    return text[left : end + (right.start() if right else len(text) - end)]


def _race_clock(text: str, v: Value) -> Value | Declined | None:
    """ "14:22 for the 5 km" in a race is 14 minutes 22 seconds; "a sub-2:03 finish" could be h:mm or m:ss."""
    if not (v.sure and (v.kind == "time" and v.category == "time" or v.kind == "ratio")):
        return None  # "27:41" cannot be a time of day, so the walker read it as a ratio
    m = _CLOCK_ONLY.fullmatch(v.text)
    if m is None:
        return None
    if _A_MARGIN.search(text, max(0, v.start - 60), v.start) and _RACE_WORDS.search(text):
        seconds = Decimal(int(m.group(1)) * 60 + int(m.group(2))) + Decimal(m.group(3) or 0)
        return replace(v, kind="count", category="duration", low=seconds, high=seconds, unit="seconds",
                       when_low=None, when_high=None, ratio_terms=None)  # fmt: skip
    if _AT_A_CLOCK.search(text, max(0, v.start - 12), v.start):
        return None
    beaten = _BEATEN_CLOCK.search(text, max(0, v.start - 16), v.start) and _RACE_WORDS.search(text)
    if not (_RACE_WORDS.search(_sentence(text, v.start, v.end)) or beaten):
        return None  # "who had never broken 2:10" in a report on a marathon: a time to beat, not a time of day
    first, second = int(m.group(1)), int(m.group(2))
    if m.group(3):  # "3:59.4": minutes, seconds and tenths, whatever the first number
        seconds = Decimal(first * 60 + second) + Decimal(m.group(3))
        return replace(v, kind="count", category="duration", low=seconds, high=seconds, unit="seconds",
                       when_low=None, when_high=None, ratio_terms=None)  # fmt: skip
    if first >= 10:  # ten hours and more are printed h:mm:ss; "14:22" in a race is minutes and seconds
        seconds = Decimal(first * 60 + second)
        return replace(
            v,
            kind="count",
            category="duration",
            low=seconds,
            high=seconds,
            unit="seconds",
            when_low=None,
            when_high=None,
            ratio_terms=None,
        )
    return Declined(v.text, v.start, v.end, WHY_RACE_CLOCK)


# --- rates the walker left in two pieces -----------------------------------------------------------------

# "for each winner" is what each one gets (money), "for every vote" what one vote costs (a rate)
_FOR_EVERY = re.compile(r"\s+(?:for|to)\s+every\s+([a-z][a-z’'-]*)\b(?!\s*\d)", re.IGNORECASE)
_NOT_A_COUNTED_NOUN = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dollar", "pound"}
_AN_OVER = re.compile(r"\s+(?:an|a|per)\s+over\b", re.IGNORECASE)


def _rate(v: Value) -> bool:
    return v.sure and v.kind == "count" and not v.is_range and v.per is None and v.category in ("quantity", "money")


def _for_every(text: str, v: Value) -> Value | None:
    """ "$38 for every vote", "one nurse to every ward": an amount per one of something counted."""
    if not _rate(v):
        return None
    m = _FOR_EVERY.match(text, v.end)
    if m is None or m.group(1).lower() in _NOT_A_COUNTED_NOUN:
        return None
    return replace(v, text=text[v.start : m.end()], end=m.end(), per=m.group(1).lower(), category="rate")


def _an_over(text: str, v: Value) -> Value | None:
    """ "12 an over" in a report on cricket: a rate per over (six balls), not a bare 12."""
    if not _rate(v) or v.currency is not None:
        return None
    m = _AN_OVER.match(text, v.end)
    if m is None or not CRICKET.search(text):
        return None
    return replace(v, text=text[v.start : m.end()], end=m.end(), per="over", category="rate")


# --- betting odds ------------------------------------------------------------------------------------------

_ODDS_JOIN = re.compile(r"\s*[-–]\s*|\s+to\s+|/", re.IGNORECASE)
_ODDS_AFTER = re.compile(r"\s+(?:favourite|favorite|fav|shot|outsider|chance)\b", re.IGNORECASE)
_ODDS_BEFORE = re.compile(
    r"\b(?:(?:at\s+)?odds\s+(?:of|are|were|is|was|at|stand\s+at|stood\s+at|(?:(?:were|was|have\s+been|had\s+been)"
    r"\s+)?(?:shortened|lengthened|drifted|cut|slashed|fell)\s+to)|priced\s+at|quoted\s+at|"
    r"bookmakers?\s+\w+\s+\w+\s+a)\s+\Z",
    re.IGNORECASE,
)


_A_SCORE_AFTER = re.compile(r"\s+(?:down|up|behind|ahead|lead|deficit|win|victory|defeat|loss)\b", re.IGNORECASE)


def _odds(text: str, a: Value, b: Value) -> Value | None:
    """ "a 7-2 favourite", "at odds of 11 to 4": betting odds, the ratio 7:2, not two tallies or a range."""
    if not (_bare(a) and _bare(b) and _ODDS_JOIN.fullmatch(text[a.end : b.start])):
        return None
    named = _ODDS_BEFORE.search(text, max(0, a.start - 40), a.start) is not None  # "at odds of 11 to 4"
    # in a report on a horse race: "returned at 100 to 30", "drifted out to 7 to 2", "was 5 to 1 last night"
    join = text[a.end : b.start]
    dash = re.fullmatch(r"[-–]", join) is not None  # "backed in from 4-1", but "came back from 3-1 down"
    named = named or bool(
        RACING.search(text)
        and re.search(r"\b(?:at|to|from|into|was|were|been|is)\s+\Z", text[max(0, a.start - 12) : a.start], re.I)
        and (re.fullmatch(r"\s+to\s+", join) or dash and not _A_SCORE_AFTER.match(text, b.end))
    )  # "drifted out to 7 to 2", "backed in from 4-1": a price, in a report on a horse race
    if not (named or _ODDS_AFTER.match(text, b.end)):
        return None
    if not named and re.search(
        r"\b(?:won|beat|lost|led|score|scored|voted|drew)\b", _clause_before(text, a.start), re.IGNORECASE
    ):
        return None  # "won 3-1 on penalties": a score
    return replace(a, text=text[a.start : b.end], end=b.end, low=a.low / b.low, high=a.low / b.low, kind="ratio",
                   category="ratio", ratio_terms=(a.low, b.low))  # fmt: skip


# --- a number named as a ratio ---------------------------------------------------------------------------

_RATIO_OF = re.compile(
    r"\bratios?\s+(?:of\s+[a-z -]{2,40}?\s+to\s+[a-z -]{2,40}?\s+)?"  # "the ratio of nurses to patients was"
    r"(?:of|was|is|were|are|(?:now\s+)?(?:stands|stood)\s+at|rose\s+to|fell\s+to|at|exceeds?|exceeded|tops?|"
    r"topped|reached|hit|passed|passes)\s+(?:about\s+|around\s+|roughly\s+)?\Z"
    r"|\b(?:a|the)\s+factor\s+of\s+(?:about\s+|around\s+|roughly\s+)?\Z",  # "a factor of about 2.5"
    re.IGNORECASE,
)


def _named_ratio_pair(text: str, a: Value, b: Value) -> Value | None:
    """ "the ratio was 3 to 2": a ratio named as one, both terms printed."""
    if not (_bare(a) and _bare(b) and re.fullmatch(r"\s+to\s+|:", text[a.end : b.start])):
        return None
    if not _RATIO_OF.search(text, max(0, a.start - 40), a.start) or b.low == 0:
        return None
    return replace(a, text=text[a.start : b.end], end=b.end, low=a.low / b.low, high=a.low / b.low, kind="ratio",
                   category="ratio", ratio_terms=(a.low, b.low))  # fmt: skip


def _named_ratio(text: str, v: Value) -> Value | None:
    """ "a price-earnings ratio of 18", "a hazard ratio of 1.30": the number is the ratio N:1, not a count; "the
    ratio of nurses to patients was one to eight": the two terms printed with "to" are the ratio 1:8, not a range."""
    if not (v.sure and v.kind == "count" and v.category == ("range" if v.is_range else "quantity")):
        return None
    if v.unit or v.noun or v.currency or v.per or not _RATIO_OF.search(text, max(0, v.start - 80), v.start):
        return None
    if v.is_range:
        plural = re.search(r"\bratios\b", text[max(0, v.start - 80) : v.start], re.IGNORECASE)
        if plural or not re.fullmatch(r"\S+\s+to\s+\S+", v.text) or v.high == 0:  # "ratios of 5 to 10": a range
            return None
        return replace(v, low=v.low / v.high, high=v.low / v.high, kind="ratio", category="ratio",
                       ratio_terms=(v.low, v.high))  # fmt: skip
    if re.match(r"\s+to\s+\S|:\d", text[v.end : v.end + 12]):
        return None  # "the ratio was 3 to 2": both terms, read as a pair
    return replace(v, kind="ratio", category="ratio", ratio_terms=(v.low, Decimal(1)))


# --- what the rules cannot explain: declined ---------------------------------------------------------------

WHY_GLUED = (
    "Two numbers side by side with nothing between them (“3 2 crore”) may be one number whose decimal point or "
    "dash was lost, or two numbers: the text does not say which."
)
_SINGULAR_PERIOD = re.compile(r"\s(?:day|night|week|month|year|hour|minute)\Z", re.IGNORECASE)
_PLURAL_NOUN_AFTER = re.compile(r"[ \t\u00a0]+([a-z]{3,}s)\b")
_ARTICLE_PERIOD = re.compile(r"(?:\A|\s)(?:a|an)\s+\w+\Z", re.IGNORECASE)


def _period_before_people(text: str, v: Value) -> Value | None:
    """ "about 40 day workers", "300 night nurses": a period word before people counts the people (a span of
    time does not measure a person); "12 hour shifts" stays the length of the shifts."""
    if not (v.sure and v.category == "duration" and v.per is None and _SINGULAR_PERIOD.search(v.text)):
        return None
    if _ARTICLE_PERIOD.search(v.text):
        return None  # "for a week traders said": "a week" is the time, the people are the next clause
    m = _PLURAL_NOUN_AFTER.match(text, v.end)
    if m is None:
        return None
    noun = m.group(1).lower()
    if NOUNS.get(noun) != "people" and not noun.endswith(("ers", "ists", "ians")):
        return None
    phrase = text[v.end - len(_SINGULAR_PERIOD.search(v.text).group(0)) + 1 : m.end()]  # type: ignore[union-attr]
    return replace(v, text=text[v.start : m.end()], end=m.end(), category="quantity", unit=None, noun=phrase)


_SCALED = re.compile(r"\d+\s+(?:hundred|thousand|lakh|lakhs|crore|crores|million|billion|trillion)\b", re.IGNORECASE)


def _glued(text: str, a: Value, b: Value) -> bool:
    """ "3 2 crore viewers": a small number, a space, then a number with its scale word."""
    return (
        a.sure
        and b.sure
        and a.kind == b.kind == "count"
        and a.category == "quantity"
        and not (a.unit or a.noun or a.currency or a.per or a.is_range)
        and text[a.end : b.start] == " "
        and a.text.isdigit()
        and len(a.text) <= 2
        and _SCALED.match(b.text) is not None  # a score "2 1" stays two tallies; "3 2 crore" cannot be 3 and 2 crore
    )


# --- pounds, shillings and pence ---------------------------------------------------------------------------

_PENCE_WORDS = {"penny": 1, "tuppence": 2, "threepence": 3, "fourpence": 4, "fivepence": 5, "sixpence": 6,
                "sevenpence": 7, "eightpence": 8, "ninepence": 9, "tenpence": 10, "elevenpence": 11}  # fmt: skip
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11}  # fmt: skip
_AND_PENCE = re.compile(
    rf"\s+and\s+(?:({'|'.join(_PENCE_WORDS)})|(\d{{1,2}}|{'|'.join(_SMALL)})\s+pence|(\d{{1,2}})d)\b", re.IGNORECASE
)
_A_PERIOD = re.compile(r"\s+(?:a|an|per|every)\s+(day|week|fortnight|month|year)\b", re.IGNORECASE)


def _shillings_and_pence(text: str, v: Value) -> Value | None:
    """ "37 shillings and sixpence a week": old British money (20 shillings to the pound, 12 pence to the
    shilling), £1.875 a week. Shillings alone stay as read: Kenya, Uganda and Tanzania pay in shillings today."""
    if not (v.sure and v.kind == "count" and v.category in ("quantity", "money") and not v.is_range and not v.per):
        return None
    if not re.search(r"\bshillings?\Z", v.text, re.IGNORECASE):
        return None
    m = _AND_PENCE.match(text, v.end)
    if m is None:
        return None
    word, count, d = m.groups()
    pence = _PENCE_WORDS[word.lower()] if word else int(d) if d else int(_SMALL.get(count.lower(), 0) or count)
    pounds = (v.low * 12 + pence) / Decimal(240)
    end, per = m.end(), None
    rate = _A_PERIOD.match(text, end)
    if rate is not None:
        end, per = rate.end(), rate.group(1).lower()
    return replace(v, text=text[v.start : end], end=end, low=pounds, high=pounds, currency="GBP", noun=None,
                   unit=None, per=per, category="rate" if per else "money")  # fmt: skip


# --- a year that only looked like a count ----------------------------------------------------------------

_IN_BEFORE = re.compile(r"\b(?:in|since|by|until|before|after)\s+\Z", re.IGNORECASE)
_IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "police", "staff", "cattle", "sheep", "fish", "crew", "personnel",
    "aircraft", "deer", "livestock", "poultry", "troops", "feet", "teeth", "mice", "geese", "data", "media",
}  # fmt: skip


WHY_YEAR_OR_COUNT = (
    "After “in”, a four-digit number like this before a noun (“in 2019 voters …”) could be a year with its comma "
    "lost or a count of the noun: the text does not say which."
)


WHY_YEAR_OR_COUNT_AFTER_POSSESSIVE = (
    "After a possessive, a four-digit number like this before a noun (“the party’s 2024 voters”) could be a year "
    "(the voters of 2024) or a count of the noun: the text does not say which."
)
_POSSESSIVE_BEFORE = re.compile(r"(?:\w['’]s|\ws['’]|\b(?:their|his|her|its|our|my|your))\s+\Z", re.IGNORECASE)
_IN_OPENING = re.compile(r"\bIn\s+\Z")


def _year_like(v: Value) -> str | None:
    """The four digits of a count of a noun that could be a year (1900-2100, printed without a separator)."""
    if not (v.sure and v.kind == "count" and v.category == "quantity" and v.noun and not v.is_range):
        return None
    digits = v.text.split()[0]
    if not (len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100) or v.qualifier != "exact":
        return None
    return digits


def _year_or_count(text: str, v: Value) -> Declined | None:
    """ "a rise in 2019 voters", "Labour's 2024 voters": the year, a comma lost, or 2,019 voters? Declined."""
    if _year_like(v) is None:
        return None
    if _IN_BEFORE.search(text, max(0, v.start - 10), v.start):
        return Declined(v.text, v.start, v.end, WHY_YEAR_OR_COUNT)
    if _POSSESSIVE_BEFORE.search(text, max(0, v.start - 10), v.start):
        return Declined(v.text, v.start, v.end, WHY_YEAR_OR_COUNT_AFTER_POSSESSIVE)
    return None


def _year_opening_a_sentence(text: str, v: Value) -> Value | None:
    """ "In 2024 voters turned out in force": "In" opening a sentence before a number that can be a year is that
    year, its comma lost (a count would not follow "In" there); "the heating failed in 2000 homes" mid-sentence
    stays declined."""
    digits = _year_like(v)
    m = _IN_OPENING.search(text, max(0, v.start - 10), v.start)
    if digits is None or m is None:
        return None
    lead = text[: m.start()].rstrip(" \t")
    if lead and lead[-1] not in '.!?\n"“‘(':
        return None
    return Value(text=digits, start=v.start, end=v.start + 4, low=Decimal(0), high=Decimal(0), kind="date",
                 category="year", when_low=digits, when_high=digits)  # fmt: skip


def _year_before_a_singular(text: str, v: Value) -> Value | None:
    """ "in 2021 household debt rose" (a full stop lost): a count takes a plural noun, so "2021 household" counts
    nothing; after "in" a number that can be a year is that year."""
    if not (v.sure and v.kind == "count" and v.category == "quantity" and v.noun and not v.is_range):
        return None
    noun = v.noun.split()[-1].lower()
    if noun.endswith("s") or noun in _IRREGULAR_PLURALS or "-" in v.text or v.unit or v.qualifier != "exact":
        return None
    digits = v.text.split()[0]
    if not (len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100):
        return None
    if not _IN_BEFORE.search(text, max(0, v.start - 10), v.start):
        return None
    end = v.start + 4
    return Value(text=digits, start=v.start, end=end, low=Decimal(0), high=Decimal(0), kind="date",
                 category="year", when_low=digits, when_high=digits)  # fmt: skip


# --- a bare number, its words, then "a"/"per" and what it is counted against ----------------------------------

# What an amount is counted against after "a", "an" or "per": periods, measures of goods, seasons and turns.
_PER_WORDS = {
    **{k: v for k, v in RATE_PERIODS.items() if k != "over"},
    "kilo": "kilo", "kilogram": "kilogram", "kg": "kg", "tonne": "tonne", "ton": "ton", "litre": "litre",
    "liter": "liter", "gallon": "gallon", "barrel": "barrel", "bag": "bag", "sack": "sack", "winter": "winter",
    "summer": "summer", "spring": "spring", "autumn": "autumn", "season": "season", "term": "term",
    "shift": "shift", "trip": "trip", "visit": "visit", "session": "session", "household": "household",
}  # fmt: skip
_WORDS_THEN_PER = re.compile(
    r"((?:\s+[A-Za-z][A-Za-z'-]*){0,3}?)\s+(?:a|an|per)\s+([A-Za-z]+)\b(?!\s+(?:"
    + "|".join(sorted(NOT_RATE_AFTER))
    + r")\b)",
    re.IGNORECASE,
)


def _unbound_rate(text: str, v: Value) -> Value | None:
    """ "200 fish a night", "2 800 bricks a week", "once a winter": a bare number
    whose next words (none of them a little word such as "of" or "to") end in "a"/"per" and a period or measure
    is so much of those words per that period, not a bare count; words the reader does not know are kept as the
    unit."""
    if not (v.sure and v.kind == "count" and v.category == "quantity" and not v.is_range):
        return None
    if v.unit or v.noun or v.currency or v.per:
        return None
    m = _WORDS_THEN_PER.match(text, v.end)
    if m is None or "\n" in m.group(0) or m.group(2).lower() not in _PER_WORDS:
        return None
    if m.group(2).lower() == "quarter" and re.match(r"[ \t-]+point", text[m.end() :]):
        return None  # "four wanted a quarter point cut": a part of a percentage point, not a period
    words = m.group(1).split()
    if any(w.lower() in STOP or w.lower() in _PER_WORDS or w.lower() in PREPOSITIONS for w in words):
        return None  # "400 within a week": a count over a span, not a rate of "within"
    unit = " ".join(words).lower() or None
    return replace(v, text=text[v.start : m.end()], end=m.end(), unit=unit, noun=None,
                   per=_PER_WORDS[m.group(2).lower()], category="rate")  # fmt: skip


# --- a change of share in a results line, and a share said once for two numbers -------------------------------

_SHARE_THEN = re.compile(r"\d%,\s*\Z")
_MOVED = re.compile(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|up|down|climbed|jumped|dropped|slipped|gained|lost|grew|"
    r"increased|decreased|shrank|edged|eased|added|shed|slid|surged|soared|plunged|tumbled)\s+(?:by\s+)?\S*\Z",
    re.IGNORECASE,
)
_PERCENT_TO = re.compile(
    r"\d\s*(?:%|per\s*cent|percent|pc)\s+(?:to|against|versus|vs\.?|compared\s+(?:with|to))\s+\Z", re.IGNORECASE
)


def _share_change(text: str, v: Value) -> Value | None:
    """ "Jo Penhale (Lib Dem) 1,184 (38.6%, +17.9)": a signed number after a share, in the same brackets, is the
    change of that share since the last election, in percentage points."""
    if not _bare(v):
        return None
    start = v.start - 1 if text[v.start - 1 : v.start] == "+" else v.start
    if start == v.start and v.low >= 0:
        return None
    if not _SHARE_THEN.search(text, max(0, start - 12), start) or text[v.end : v.end + 1] != ")":
        return None
    return replace(v, text=text[start : v.end], start=start, unit="percentage points", category="percentage_points")


def _percent_said_once(text: str, v: Value) -> Value | None:
    """ "voted by 87 per cent to 13", "won 54% to 46", "94 percent against 89": a bare number right after a
    percentage and "to" (or "against", "versus", "compared with") is a percentage too (the two shares of a vote)."""
    share = _PERCENT_TO.search(text, max(0, v.start - 30), v.start)
    if not _bare(v) or not share:
        return None
    if _MOVED.search(text, max(0, share.start() - 30), share.start()):
        return None  # "rose 3% to 120": a change and the level it reached
    after = re.match(r"[ \t]*(\d|[a-z]+)", text[v.end : v.end + 20])
    if after and (after.group(1).isdigit() or after.group(1) not in STOP | PREPOSITIONS):
        return None  # "87% to 13 people", "62 percent to 38 shots" in stripped text: a count after it
    return replace(v, unit="%", category="percent")


# --- shapes that say what a bare number is: "the 07.12 from Sevenoaks", "below the 8x average" ----------------------

_DOTTED_CLOCK = re.compile(r"0\d\.[0-5]\d")  # no decimal is printed with a leading zero; a 24-hour clock is
_TIMES_SIGN = re.compile(r"[x×](?![\w×])")


def _printed_shape(text: str, v: Value) -> Value | None:
    """ "the 07.12 from Sevenoaks": four digits with a leading zero and a dot are a 24-hour clock time, not 7.12;
    "below the 8x average", "trades at 12×": a number with "x" written onto it is a multiple, the ratio N:1."""
    if not _bare(v):
        return None
    if _DOTTED_CLOCK.fullmatch(v.text):
        iso = v.text.replace(".", ":")
        return replace(v, low=Decimal(0), high=Decimal(0), kind="time", category="time", when_low=iso, when_high=iso)
    if _TIMES_SIGN.match(text, v.end) and v.text[-1:].isdigit():
        end = v.end + 1
        return replace(v, text=text[v.start : end], end=end, kind="ratio", category="ratio",
                       ratio_terms=(v.low, Decimal(1)))  # fmt: skip
    return None


# --- "on day four": the nth day of something ----------------------------------------------------------------------

_DAY_BEFORE = re.compile(
    r"\b(?:on|by|of|from|until|till|since|after|before|at|for|into|through|during)\s+"
    r"(day|stage|round|leg|game|week|match|lap)\s+\Z",
    re.IGNORECASE,
)


def _nth_day(text: str, v: Value) -> Value | None:
    """ "we ran out by day four", "lunch on day two", "spend big on day one": after a preposition, "day" (or
    "stage", "round", "week"…) and a bare number name the nth day, an ordinal, not a count."""
    one = (
        v.kind == "count" and v.category == "quantity" and v.low == 1 and not (v.unit or v.noun or v.currency or v.per)
    )
    if not (_bare(v) or one):  # "on day one": the "one" the walker left unsure
        return None
    if v.is_range or v.low != int(v.low) or not 0 < v.low < 100:
        return None
    m = _DAY_BEFORE.search(text, max(0, v.start - 30), v.start)
    if m is None:
        return None
    return replace(v, category="ordinal", unit=m.group(1).lower(), confidence=CONFIDENT, why=None)


# --- "a bus an hour": one of something per period ----------------------------------------------------------------

_ONE_THING_PER = re.compile(
    r"\b(an?)\s+(bus|train|tram|ferry|flight|service|boat|coach|meal|visit|shift|lesson|session|dose|pill|tablet|"
    r"injection|delivery|collection|call|match|game)\s+\Z",
    re.IGNORECASE,
)


def _one_thing_per(text: str, v: Value) -> Value | None:
    """ "a bus an hour", "a meal a day": "a" and a thing that happens, then the period read as a span of one, is
    one of that thing per period, a rate, as "one bus an hour" is."""
    if not (v.sure and v.category == "duration" and v.low == 1 and v.qualifier == "exact" and not v.is_range):
        return None
    words = v.text.lower().split()
    if len(words) != 2 or words[0] not in ("a", "an", "per") or words[1] not in RATE_PERIODS:
        return None
    period = words[1]
    m = _ONE_THING_PER.search(text, max(0, v.start - 30), v.start)
    if m is None:
        return None
    return replace(v, text=text[m.start() : v.end], start=m.start(), unit=m.group(2).lower(), noun=None,
                   per=RATE_PERIODS[period], category="rate")  # fmt: skip


# --- golf: a score to par ---------------------------------------------------------------------------------------

_TO_PAR = re.compile(r"[ \t-]+(under|over)(?:[ \t-]+par\b|(?=\s*[,.;)]|\s+(?:and|after|with|for|to|overall)\b))",
                     re.IGNORECASE)  # fmt: skip
_GOLF = re.compile(r"\b(?:birdies?|bogeys?|eagles?|par-\d|fairways?|greens?|putts?|golf\w*)\b", re.IGNORECASE)


def _to_par(text: str, v: Value) -> Value | None:
    """ "shot five under par", "finished on 13 under" in a report on golf: a score against par, below it negative
    (−5, −13), above it positive; "under par" said anywhere, "13 under" alone only where the report is on golf."""
    if not _bare(v) or v.low != int(v.low) or not 0 < v.low < 40:
        return None
    m = _TO_PAR.match(text, v.end)
    if m is None or ("par" not in m.group(0).lower() and not _GOLF.search(text)):
        return None
    score = -v.low if m.group(1).lower() == "under" else v.low
    end = v.end + len(m.group(0).rstrip())
    return replace(v, text=text[v.start : end], end=end, low=score, high=score)


def _vote_shares(text: str, a: Value, b: Value) -> bool:
    """ "Waikato voted No by 53.8 to 46.2": two bare numbers joined by "to", at least one with a decimal, that add
    up to 100 are the two shares of a vote, percentages."""
    if not (_bare(a) and _bare(b) and re.fullmatch(r"\s+to\s+|\s*[-–]\s*", text[a.end : b.start])):
        return False
    if "." not in a.text + b.text or abs(a.low + b.low - 100) > Decimal("0.11"):
        return False
    return re.search(r"\b(?:by|vote[ds]?|won|split|backed|margin|of)\s+\Z", text[max(0, a.start - 12) : a.start],
                     re.IGNORECASE) is not None  # fmt: skip


# --- an exchange rate printed as a bare number ----------------------------------------------------------------

_AGAINST_A_CURRENCY = re.compile(
    r"\s+(?:(?:to|against)\s+the|per)\s+(?:(?:us|u\.s\.|american)\s+)?(dollar|euro|pound|yen|yuan|greenback)\b"
    r"(?![-\u2010-\u2015])",
    re.IGNORECASE,
)


def _exchange_rate(text: str, v: Value) -> Value | None:
    """ "the rupee closed at 87.42 against the US dollar", "the won weakened past 1450 per dollar": a bare number
    then "to the" / "against the" / "per" and a currency is an exchange rate, so many of the currency the sentence
    names before it (the rupee's, the won's) for one of that currency; no currency before leaves it unsaid."""
    m = _AGAINST_A_CURRENCY.match(text, v.end) if _bare_amount(v) else None
    if m is None or "\n" in m.group(0):
        return None
    per = "dollar" if m.group(1).lower() == "greenback" else m.group(1).lower()
    before = text[_sentence_start(text, v.start) : v.start]
    named = [CURRENCY_WORDS[w.group(0).lower()] for w in re.finditer(r"[A-Za-z]+", before)
             if w.group(0).lower() in CURRENCY_WORDS and w.group(0).lower().rstrip("s") != per]  # fmt: skip
    return replace(v, text=text[v.start : m.end()], end=m.end(), per=per, currency=named[-1] if named else None,
                   category="rate")  # fmt: skip


# --- a ratio connector the walker did not consume ---------------------------------------------------------------

WHY_RATIO_LEFT = (
    "“In every”, “in each” or “for every” ties this number to the next one, but the reader could not read the "
    "two together (“between 2 and 3 in every 10 homes”)."
)
_RATIO_JOIN = re.compile(r"\s+(?:in\s+every|in\s+each|for\s+every|out\s+of\s+every)\s+", re.IGNORECASE)


def _ratio_left(text: str, a: Value, b: Value) -> bool:
    return (
        a.sure and b.sure and a.kind == b.kind == "count" and _RATIO_JOIN.fullmatch(text[a.end : b.start]) is not None
    )


# --- numbers that name something --------------------------------------------------------------------------

WHY_PHONE = "This is a telephone number (or a code printed like one), not an amount."
WHY_NAME = (
    "A number right after a word that names things by number (flat 14C, junction 9, the FTSE 250) is part of a "
    "name, not an amount."
)
_PHONE = re.compile(
    r"(?<![\d.,])(?<!\d[ \u00a0\u202f])(?:0\d{2,4}(?:[ \u00a0-]\d{3,4}){1,3}"  # 0345 988 1188, 0300 123 2040
    r"|1-8\d\d-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|\(\d{3}\)\s?\d{3}-\d{4})(?![\d,])"  # 1-888-405-4039
)
_NAMING_NOUNS = {
    "flat", "room", "platform", "gate", "junction", "exit", "bay", "pier", "ward", "seat", "suite", "apartment",
    "page", "chapter", "clause", "route", "bus", "berth", "cell", "plot", "pitch", "court", "lane", "terminal",
}  # fmt: skip
# Capitalised, these name a grade, a stage or a group by its number ("Year 6 pupils", "Level 4 restrictions", "a
# Grade 2 chase", "Tier 2 rules"); lowercase they may count. ("Stage 9" of a race is its ordinal, as the labels say.)
_CAPITALISED_NAMING = {
    "Grade", "Class", "Category", "Level", "Tier", "Phase", "Year", "Band", "Form", "Division", "Group",
    "Zone", "Section", "Article", "Part", "Schedule", "Line", "Block", "Unit", "Pillar", "Standard", "Cat",
}  # fmt: skip
_NAMED_BEFORE = re.compile(r"\b([A-Za-z]+)\s+\Z")
_NOT_A_NAME = {"USD", "GBP", "EUR", "INR", "AUD", "CAD", "CHF", "JPY", "CNY", "NZD", "HKD", "SGD", "ZAR", "KES",
               "BST", "GMT", "UTC", "EST", "EDT", "PST", "CET", "IST", "AND", "THE", "FOR", "BUT", "NOT"}  # fmt: skip


def _phone_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PHONE.finditer(text)]


def _in_a_name(text: str, v: Value) -> bool:
    """ "flat 14C", "junction 9", "the FTSE 250 company": a number after a word that names things by number, or
    after an acronym (three capitals or more), that carries no currency and is not a range."""
    if not (v.sure and v.kind == "count" and v.currency is None and not v.is_range and v.qualifier == "exact"):
        return False
    if not v.text[:1].isdigit() or ":" in v.text:
        return False  # "UAE 4:52:18": a race time after a team's letters is never part of its name
    m = _NAMED_BEFORE.search(text, max(0, v.start - 20), v.start)
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in _NAMING_NOUNS or word in _CAPITALISED_NAMING:
        return True
    if word.lower() in CURRENCY_CODES:
        return False  # "NOK 212": an amount in a currency the walker left bare
    return len(word) >= 3 and word.isupper() and word not in _NOT_A_NAME and v.per is None


WHY_CAPITALISED = (
    "A number word with a capital letter in the middle of a sentence (“BBC Two”, “the group Zero”) is usually part "
    "of a name, not an amount."
)
_FIRST_WORD = re.compile(r"[A-Z][a-z]+")
_SENTENCE_BEFORE = re.compile(r"(?:\A|[.!?:;\"“‘'(\[—–-])\s*\Z")
_NUMBER_WORDS = set(ONES) | {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                             "hundred", "thousand", "million", "billion", "dozen", "once", "twice"}  # fmt: skip


_HALF_AFTER = re.compile(r"[-\s](?:time|times|back|backs)\b", re.IGNORECASE)
_HALF_BEFORE = re.compile(r"[A-Za-z]-\Z")


def _half_of_a_name(text: str, v: Value) -> bool:
    """ "fly-half", "scrum-half", "at half time", "half-back": "half" inside the name of a position or of the break
    in a match is no fraction of anything."""
    if v.text.lower() != "half" or v.category != "fraction":
        return False
    return bool(_HALF_BEFORE.search(text, max(0, v.start - 2), v.start) or _HALF_AFTER.match(text, v.end))


def _capitalised_in_a_sentence(text: str, v: Value) -> bool:
    """ "shown live on BBC Two", "environmental group Zero said": a number word printed with a capital where no
    sentence or line begins, in a line that is not a headline in title case, names something."""
    m = _FIRST_WORD.match(text, v.start)
    if not v.sure or m is None or m.group().lower() not in _NUMBER_WORDS:
        return False
    line_start = text.rfind("\n", 0, v.start) + 1
    if _SENTENCE_BEFORE.search(text[line_start : v.start]):
        return False
    line_end = text.find("\n", v.start)
    words = re.findall(r"[A-Za-z]{4,}", text[line_start : line_end if line_end >= 0 else len(text)])
    return sum(w[0].isupper() for w in words) * 2 < len(words)  # a title-case headline capitalises most words


# --- "N-odd": about N -------------------------------------------------------------------------------------

_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90, "hundred": 100, "thousand": 1000, "a hundred": 100, "a thousand": 1000}  # fmt: skip
_ODD = re.compile(
    r"(?<![\w,.-])(\d{1,3}(?:,\d{3})*|\d+|(?:a\s+)?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand))"
    r"-odd\b(?:\s+([a-z]+s|people|children|men|women|staff|police)\b)?",
    re.IGNORECASE,
)


def _odd_amounts(text: str) -> list[Value]:
    """ "2,700-odd mandis", "twenty-odd people": about N (a round number and some more), a count of the noun."""
    out = []
    for m in _ODD.finditer(text):
        printed = m.group(1).lower()
        number = Decimal(printed.replace(",", "")) if printed[0].isdigit() else Decimal(_TENS_WORDS[printed])
        word = (m.group(2) or "").lower()
        if UNITS.get(word) in DURATION_UNITS:  # "30-odd years": about 30 years, a duration
            amount, unit = DURATION_SCALE.get(UNITS[word], (1, UNITS[word]))
            number *= amount
            out.append(Value(text=m.group(0), start=m.start(), end=m.end(), low=number, high=number,
                             qualifier="approx", unit=unit, category="duration"))  # fmt: skip
            continue
        out.append(Value(text=m.group(0), start=m.start(), end=m.end(), low=number, high=number, qualifier="approx",
                         noun=m.group(2), category="quantity"))  # fmt: skip
    return out


# --- an amount whose currency was said once ------------------------------------------------------------------

_IN_MILLIONS = re.compile(r"\d\s*(?:million|billion|trillion|m|bn)\Z", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"[^.;:!?\d\n]{0,60}?\b(?:and|or|but|while|plus)\s+[^.;:!?\d\n]{0,20}", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.IGNORECASE)


def _bare_scaled(v: Value) -> bool:
    return (
        v.sure
        and v.kind == "count"
        and v.category == "quantity"
        and not v.is_range
        and not (v.unit or v.noun or v.currency or v.per)
        and _IN_MILLIONS.search(v.text) is not None
    )


def _currency_said_once(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "18 million dollars in compensatory damages and 30 million in punitive damages": a bare amount in millions
    joined by "and"/"or" to an amount of money just before it, in the same sentence, is money in that currency
    (the currency is said once for both); "the 30 million stands" later on is the amount of money already named
    with that value."""
    if not _bare_scaled(v):
        return None
    money = [a for a in earlier if a.sure and a.category == "money" and a.currency and not a.is_range]
    if not money:
        return None
    last = earlier[-1] if earlier else None
    if last in money and last.end <= v.start and _AND_BETWEEN.fullmatch(text, last.end, v.start):
        return replace(v, category="money", currency=last.currency)
    if _THE_BEFORE.search(text, max(0, v.start - 10), v.start):
        same = [a for a in money if a.low == v.low]
        if same and len({a.currency for a in same}) == 1:
            return replace(v, category="money", currency=same[-1].currency)
    return None


WHY_MONEY_NEARBY = (
    "Money is named just before this number in the same sentence, so it may be money too, but the text does not "
    "say in what (or whether it is money at all)."
)
_PRICED = re.compile(
    r"\b(?:costs?|costing|priced\s+at|sells?\s+for|sold\s+for|selling\s+for|worth|fetch(?:es|ed)?)\s+\Z",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?;](?=[\s\"”’)]|\Z)|\n")
_AN_AGE_BEFORE = re.compile(r"(?:\baged?\s+(?:over\s+|under\s+)?|,\s*)\Z", re.IGNORECASE)
_ENDS_A_PHRASE = re.compile(r"[ \t]*(?:[,.;:!?)—–\"”’]|\n|\Z)")  # nothing after the number says what it counts


def _bare_amount(v: Value) -> bool:
    return (
        v.sure
        and v.kind == "count"
        and v.category == "quantity"
        and not v.is_range
        and not (v.unit or v.noun or v.currency or v.per)
    )


def _money_in_the_sentence(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "a bag that cost 15 000 francs now costs 50 000", "the average claim was 3 400" after "300 million pounds":
    a bare number after money in the same sentence. After a word that prices something ("costs", "worth", "sold
    for"), with one currency in the sentence, it is money in that currency; otherwise it may be money and may not:
    unsure, never a confident plain number where a careful reader sees money."""
    if not _bare_amount(v):
        return None
    # in text stripped of its punctuation, a phrase also ends where "and", "for", "to"… begins: then the money
    # must be near, as no sentence bounds it
    near_only = not _ENDS_A_PHRASE.match(text, v.end)
    if near_only and not (is_stripped(text) and _NOTHING_COUNTED_AFTER.match(text, v.end)):
        return None
    if (v.low < 100 and v.low == v.low.to_integral_value()) or _AN_AGE_BEFORE.search(
        text, max(0, v.start - 12), v.start
    ):
        return (
            None  # "Gemma, 36,", "aged 7 and 4", "since he was 7": small whole numbers are ages and scores more often
        )
    money = [
        a
        for a in earlier
        if a.sure
        and a.currency
        and a.end <= v.start
        and not _SENTENCE_END.search(text, a.end, v.start)
        and not (near_only and v.start - a.end > 80)
    ]
    if not money:
        return None
    currencies = {a.currency for a in money}
    if len(currencies) == 1 and _PRICED.search(text, max(0, v.start - 20), v.start):
        return replace(v, category="money", currency=money[-1].currency)
    return replace(v, confidence=UNSURE, why=WHY_MONEY_NEARBY)


_UP_FROM = re.compile(
    r"[\s,;(—–-]*\b(?:up|down|rising|falling|rose|fell|climbing|dropping|compared\s+(?:with|to))\s+(?:from\s+)?\Z",
    re.IGNORECASE,
)


_PLACED_BY = re.compile(r"\s+(?:in|on|for|during|at|by)\s+", re.IGNORECASE)  # "4.2% in October"
_COUNTS_SOMETHING = re.compile(r"\s+(?:of|who|which|that|whom|were|are)\b", re.IGNORECASE)


def _up_from(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "£9.6bn, up from 8.1bn", "4.2%, down from 4.6", "4.2% in October, up from 3.9 in September", "3.6m hours
    last year, up from 1.75m", "$412m, compared with 380m": a number compared in this way with the reading just
    before it (past a month or year that only places it), with nothing of its own to say what it is, is the same
    kind of amount (its currency, its unit; "m" in millions when the other one was)."""
    bare = _bare_amount(v) or (v.unit == "m" and not v.sure and v.kind == "count" and not v.noun and not v.per)
    a = earlier[-1] if earlier else None
    if a is not None and a.kind in ("date", "time") and len(earlier) > 1:
        if _PLACED_BY.fullmatch(text, earlier[-2].end, a.start):
            a = earlier[-2]  # "4.2% in October, up from 3.9": the month places the first amount, it is not compared
    if not bare or a is None or a.end > v.start or not a.sure or a.is_range or a.per:
        return None
    ratio_to_one = a.kind == "ratio" and a.category == "ratio" and a.ratio_terms and a.ratio_terms[1] == 1
    if a.kind != "count" and not ratio_to_one:
        return None
    between = text[a.end : v.start]
    m = _UP_FROM.search(between)
    if _SENTENCE_END.search(between) or m is None or len(between) > 40 or _COUNTS_SOMETHING.match(text, v.end):
        return None  # "compared with 68 of the babies", "roughly 52 who had …": counts of people
    said = m.group(0).strip().lower()
    if not ("from" in said or "compared" in said or said[:1] in ",;(—–-"):
        return None  # "5 to 1 last night and the winner picks up 42000": a verb, not a comparison
    low = v.low
    if v.unit == "m":
        if a.low < 1_000_000:
            return None  # 1.93m: metres, or a million of something the text before does not show
        low = v.low * 1_000_000
    elif a.low >= 1_000_000 and v.low < 1_000:
        return None  # "£9.6bn, up from 8" : 8 what?
    if ratio_to_one:  # "puts the ratio at 1.3, down from 2.4": the same ratio, to one
        return replace(v, kind="ratio", ratio_terms=(v.low, Decimal(1)), category="ratio")
    if a.currency and a.category == "money":
        return replace(v, low=low, high=low, unit=None, category="money", currency=a.currency, confidence=a.confidence,
                       why=None)  # fmt: skip
    if a.unit in DURATION_UNITS and "compared" in m.group(0).lower():
        return None  # "over 10 years, compared with 52": the years are rarely what is compared
    if a.unit in DURATION_UNITS and _placed_in_its_clause(text, earlier):
        return None  # "40,000 visitors over the 17 days, up from 32,500": the span is not what the clause is about
    if a.category in ("percent", "percentage_points") or a.unit in DURATION_UNITS:
        return replace(v, low=low, high=low, unit=a.unit, category=a.category, confidence=a.confidence, why=None)
    return None


# Just before a bare number set against an earlier one: "the other 40", "the next four", "rather than 25", "against
# about 15" (the hedge is inside the reading).
_SET_AGAINST = re.compile(
    r"(?:\b(?:rather\s+than|than|against|versus|vs\.?|compared\s+(?:with|to))"
    r"|\b(?P<order>(?:the|an?)\s+(?:other|next|last|previous|past|first|final)))\s+\Z",
    re.IGNORECASE,
)
# After such a number: its phrase ends, or a word that names nothing it could count ("rather than 25 to keep the
# payments down", "about 15 before July"; not "compared with 68 of the babies", "four serious injuries").
_NOTHING_COUNTED_AFTER = re.compile(
    r"[ \t]*(?:[,.;:!?)—–\"”’]|\n|\Z|(?:to|before|after|in|on|at|for|if|when|and|or|but|now|ago|since|until|by|"
    r"from|earlier|later|previously|last|this|next)\b)",
    re.IGNORECASE,
)
_CONTRASTED_SPAN = re.compile(r"\b(?:past|last|first|next|previous|opening|final|initial|over)\s+\Z", re.IGNORECASE)


def _placed_in_its_clause(text: str, before: list[Value]) -> bool:
    """The last of ``before`` follows another reading in its clause, with no punctuation between: a span that
    only places it ("40,000 visitors over the 17 days", "rose 3% in 10 days")."""
    return len(before) > 1 and not re.search(r"[,;:.!?\n]", text[before[-2].end : before[-1].start])


def _span_said_once(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "For 40 minutes we were outstanding. The other 40 were poor", "not voting on the past eight years,
    they're voting on the next four", "borrowing over 35 years now rather than 25", "40 to 50 minutes per vehicle,
    against about 15": a bare number set against a span of time just before (in its sentence or the one before)
    is a span in the same unit. After "the other", "the next" the earlier span must be the same length or named
    as a part of time itself ("the past eight years"), so "3 games in 10 days; the other 2" stays a count."""
    if not _bare_amount(v) or not _NOTHING_COUNTED_AFTER.match(text, v.end):
        return None
    cue = _SET_AGAINST.search(text, max(0, v.start - 30), v.start)
    before = [a for a in earlier if a.end <= v.start]
    if cue is None or not before:
        return None
    a = before[-1]
    between = text[a.end : v.start]
    if not a.sure or a.unit not in DURATION_UNITS or "\n" in between or len(_SENTENCE_END.findall(between)) > 1:
        return None
    if cue.group("order") and a.low != v.low and not _CONTRASTED_SPAN.search(text, max(0, a.start - 12), a.start):
        return None
    if _placed_in_its_clause(text, before):
        return None  # "rose 3% in 10 days, against 2 last year": the span is not what the clause is about
    return replace(v, unit=a.unit, category="duration")


# Between a measured amount and a bare number that takes its measure: "from 52 minutes to 49", "four months or
# eight", "in 10 years or in 20" (the preposition repeated), "three years to four".
_THEN_THE_OTHER = re.compile(r"[ \t]+(?:to|or(?:[ \t]+(?:in|even|perhaps|maybe|possibly))?)[ \t]+\Z", re.IGNORECASE)
_FROM_BEFORE_IN_CLAUSE = re.compile(r"\bfrom\b[^.;:!?\n\d]{0,30}\Z", re.IGNORECASE)


def _measure_said_first(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "cuts the journey from 52 minutes to 49", "extend the term from three years to four", "wait four months or
    eight", "in 10 years or in 20": a bare number right after an amount with a measure (a unit, a currency, a
    percentage), joined by "to" after "from" or by "or", is an amount of the same measure, said once. Not when the
    two are far apart in size ("from 5% to 120" says two things) or the bare number counts something after it."""
    if not _bare_amount(v) or not _NOTHING_COUNTED_AFTER.match(text, v.end):
        return None
    a = earlier[-1] if earlier else None
    if a is None or a.end > v.start or not a.sure or a.is_range or a.kind != "count" or a.per or a.noun:
        return None
    measured = a.currency or a.category in ("percent", "percentage_points") or a.unit in DURATION_UNITS
    if not measured or not _THEN_THE_OTHER.fullmatch(text, a.end, v.start) or not (a.low / 20 <= v.low <= a.low * 20):
        return None
    if text[a.end : v.start].strip().lower() == "to" and not _FROM_BEFORE_IN_CLAUSE.search(text, 0, a.start):
        return None  # "rose 3% to 4": a change and the level it reached, not the same measure twice
    return replace(v, unit=a.unit, category=a.category, currency=a.currency)


_PER_SO_MANY = re.compile(r"\d+(?:\s|\Z)")  # "100000 people": a rate per so many


def _rate_said_once(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "an imprisonment rate of 145 per 100,000 people, ahead of Scotland on 137 and France on 118", "9.1 deaths
    per 100,000, Italy 8.4 and Spain 7.2, Norway under 0.5": a bare number later in the sentence of a rate per so
    many, with nothing else read between, is that rate for another place or time. Only a number of the rate's
    order (a twentieth to twenty times it) and below its base: "rose by 5,000" after "145 per 100,000" is not."""
    if not _bare_amount(v) or not _NOTHING_COUNTED_AFTER.match(text, v.end) or _year_like(v):
        return None
    before = [a for a in earlier if a.end <= v.start]
    rates = [i for i, a in enumerate(before) if a.sure and a.category == "rate" and _PER_SO_MANY.match(a.per or "")]
    if not rates:
        return None
    a = before[rates[-1]]
    if any(b.per != a.per for b in before[rates[-1] + 1 :]):
        return None  # something else was read in between
    if _SENTENCE_END.search(text, a.end, v.start) or a.is_range:
        return None
    base = Decimal(a.per.split()[0])  # type: ignore[union-attr]
    if not (v.low < base and a.low / 20 <= v.low <= a.low * 20):
        return None
    return replace(v, unit=a.unit, per=a.per, category="rate")


# An item of a list set off by semicolons that opens on a number and a name: "; 11 Sarrat try", "; 27 Murtagh".
_LIST_ITEM_BEFORE = re.compile(r";\s*\Z")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-zà-ÿ'’-]+\b")


def _clock_of_a_list(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "Scoring sequence: 4 min Kiernan pen 3-0; 11 Sarrat try, Berthier con 3-7; 27 Murtagh try": a bare number
    opening an item of a list set off by semicolons, before a name, takes the unit of time of the number that opened
    the list's first item the same way (the minute of the match). A list whose first item has no unit says nothing."""
    if not _bare_amount(v) or not _LIST_ITEM_BEFORE.search(text, max(0, v.start - 3), v.start):
        return None
    if not _NAME_AFTER.match(text, v.end):
        return None
    line_start = text.rfind("\n", 0, v.start) + 1
    firsts = [a for a in earlier if line_start <= a.start and a.end <= v.start and a.unit in DURATION_UNITS]
    if not firsts:
        return None
    a = firsts[0]
    opens = re.search(r"(?:^|[:;]\s*)\Z", text[line_start : a.start]) is not None
    if not (a.sure and opens and _NAME_AFTER.match(text, a.end) and a.category == "duration"):
        return None
    if any(b.category == "duration" and b.unit != a.unit for b in firsts):
        return None
    return replace(v, unit=a.unit, category="duration")


_OF_A_MEASURE = re.compile(r"\s+of\s+an?\s+([a-z]+)\b", re.IGNORECASE)


def _part_of_a_measure(text: str, v: Value) -> Value | None:
    """ "three quarters of a length", "a quarter of a mile", "two thirds of a metre": a part of one measure (not a
    span of time, read before) is that much of the measure, an amount in its unit."""
    if not (v.sure and v.category == "fraction" and v.ratio_terms and v.ratio_terms[0] < v.ratio_terms[1]):
        return None
    m = _OF_A_MEASURE.match(text, v.end)
    if m is None:
        return None
    word = m.group(1).lower()
    unit = UNITS.get(word) or MEASURE_NOUNS.get(word)
    if unit is None or unit in DURATION_UNITS or unit == "%" or not m.group(1).islower():
        return None
    amount = v.ratio_terms[0] / v.ratio_terms[1]
    if amount != amount.quantize(Decimal("0.001")):
        return None  # "a third of a mile": no exact decimal to compare
    return replace(v, text=text[v.start : m.end()], end=m.end(), kind="count", category="quantity", low=amount,
                   high=amount, unit=unit, ratio_terms=None)  # fmt: skip


WHY_RATIO_NEARBY = (
    "A ratio or a multiple is named just before this number and compared with it (“a ratio of 18, against an "
    "average of 22”), so it may be the same kind of ratio, but the text does not say so."
)
_COMPARED = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs\.?|than)\b", re.IGNORECASE)


def _ratio_in_the_sentence(text: str, v: Value, earlier: list[Value]) -> Value | None:
    """ "a price-earnings ratio of 18, against an average of 22 for the sector", "7.5 times earnings, against an
    average nearer six": a bare number compared with a ratio or a multiple just before it may be one too. Unsure."""
    if not (_bare_amount(v) and v.qualifier in ("exact", "approx")):
        return None
    a = earlier[-1] if earlier else None  # the reading just before, not one further back ("400 staff, against 300")
    if a is None or a.end > v.start or _SENTENCE_END.search(text, a.end, v.start):
        return None
    if a.sure and a.kind == "ratio" and a.category == "ratio" and _COMPARED.search(text, a.end, v.start):
        return replace(v, confidence=UNSURE, why=WHY_RATIO_NEARBY)
    return None


# --- clock times in words ----------------------------------------------------------------------------------

WHY_WORD_TIME = (
    "“Twenty to seven” or “seven o’clock” can be in the morning or in the evening: the words do not say which, so "
    "the reader cannot give the time."
)
_HOURS = {w: n for w, n in ONES.items() if 1 <= n <= 12}
_MINUTES_WORDS = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25, "quarter": 15,
                  "a quarter": 15, "half": 30}  # fmt: skip
_HOUR_RE = "|".join(sorted(_HOURS, key=len, reverse=True))
_PART_RE = (
    r"(?P<oclock>\s+o[’']?clock)?(?:\s+(?:in\s+the|at|this|that|tomorrow|yesterday|last|the\s+next|the\s+following|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+"
    r"(?P<part>morning|afternoon|evening|night)\b|\s+(?P<tonight>tonight)\b)?"
)
_WORD_TIME = re.compile(
    r"(?:\b(?P<lead>at|by|until|till|before|after|since|from|around|about|to)\s+)?"
    r"(?P<time>(?:(?P<minutes>"
    + "|".join(sorted(_MINUTES_WORDS, key=len, reverse=True))
    + r"|[1-5]?\d(?=\s+minutes\s)|[12]?\d)"
    r"(?:\s+minutes)?\s+"
    r"(?P<dir>past|to)\s+)?"
    r"(?P<hour>" + _HOUR_RE + r"|1[0-2]|[1-9]|midnight|midday|noon)\b(?![.:,]?\d)" + _PART_RE + r")",
    re.IGNORECASE,
)


# Before "at nine": a word for an amount ("put the death toll at nine", "the count stood at 11")
_AMOUNT_AT = re.compile(
    r"\b(?:toll|total|tally|figure|number|count|estimate|score|level|price|cost|rate|majority|turnout)"
    r"(?:\s+(?:stood|stands|was|is|rose|fell|put|set|had|has))?\s*\Z",
    re.IGNORECASE,
)


def sets_an_amount(text: str, at: int) -> bool:
    """The words just before offset ``at`` (where "at" begins) set a level ("put the death toll at", "the figure
    stood at"), so the number after "at" is an amount, not a clock time."""
    return _AMOUNT_AT.search(text, max(0, at - 40), at) is not None


# Before "a quarter to 3": words that make "a quarter" a share ("rose by more than a quarter to 3.4 billion").
_A_SHARE_BEFORE = re.compile(r"\b(?:by|than|of|about|nearly|almost|roughly|around|over|under|just|only)\s+\Z")


# A greeting just before a clock time in words, in its sentence: "good morning its seven oclock".
_GREETING = re.compile(r"\bgood\s+(morning|afternoon|evening)\b[^.!?\n]{0,25}\Z", re.IGNORECASE)


def _minutes_down(m: re.Match) -> bool:
    """ "a quarter to 11", "twenty to seven", "22 minutes to five": minutes said as minutes (a quarter, twenty,
    twenty-five, or with "minutes") to an hour; "2 to 1", "five to four" may be odds or a score."""
    minutes = " ".join(m.group("minutes").lower().split())
    return "minutes" in m.group("time").lower() or minutes in {"quarter", "a quarter", "twenty", "twenty-five",
                                                                "twenty five"}  # fmt: skip


def _word_times(text: str, readings: list[Value]) -> list[Value | Declined]:
    """ "at two in the morning", "by ten at night", "at seven this morning", "at twenty to seven", "until half past
    nine": a clock time in words after a word that introduces one. With the part of the day it is that time;
    "twenty to seven" or "seven o'clock" alone (morning or evening?) is declined, and so is "finishes at nine" or
    "the news at six", where the walker found nothing that the number counts: a time of day (which?) or a number,
    the words do not say. "won by seven" (a margin) and "at two hospitals" are left to the walker."""
    out: list[Value | Declined] = []
    morning_show = is_morning_show(text)
    for m in _WORD_TIME.finditer(text):
        part = (m.group("part") or m.group("tonight") or "").lower() or None
        printed = m.group("hour").lower()
        lead = (m.group("lead") or "").lower()
        # "a quarter to 11", "22 minutes to five": going down to the hour, no range; "five to ten" may be one
        down = (
            m.group("minutes") is not None
            and m.group("dir").lower() == "to"
            and _minutes_down(m)
            and not _A_SHARE_BEFORE.search(text, max(0, m.start("time") - 16), m.start("time"))
        )
        oclock = m.group("oclock") is not None
        if not lead and (m.group("minutes") is None or m.group("dir").lower() != "past") and not down and not oclock:
            continue  # with no word that introduces a time, only "10 past 3", "seven o'clock" say one
        if part is None and (greeting := _GREETING.search(text, max(0, m.start() - 40), m.start())):
            part = greeting.group(1).lower()  # "good morning, it's seven o'clock": the greeting says which
        hour_said = int(printed) if printed.isdigit() else _HOURS.get(printed, 0)
        said_as_time = m.group("minutes") is not None or oclock  # not a bare hour: "about 5 miles"
        if part is None and morning_show and said_as_time and 5 <= hour_said - (1 if down else 0) <= 11:
            part = "morning"  # "a quarter to eight" in a breakfast bulletin: what a listener takes it to mean
        if (
            m.group("minutes")
            and m.group("minutes").isdigit()
            and m.group("dir").lower() == "to"
            and RACING.search(text)
        ):
            continue  # "returned at 11 to 4" in a report on a horse race: the odds, read by _odds
        if lead == "at" and m.group("minutes") is None and sets_an_amount(text, m.start()):
            continue  # "put the death toll at nine on Thursday evening": an amount then, not a clock time
        if printed.isdigit() and (
            m.group("minutes") is None
            and (part is None or lead in {"from", "to"})
            or m.group("minutes") is not None
            and m.group("dir").lower() == "to"
            and lead not in {"at", "until", "till", "before", "after"}
            and not down
        ):
            continue  # "at 7" is the walker's (a price, a level or a time); "from five to 10" may be a range
        minutes = m.group("minutes")
        if printed in _NOON_HOURS and minutes is None:
            continue  # "at midnight": read below, with "12 noon"
        if minutes is None and any(r.kind == "time" and r.start <= m.start("hour") < r.end for r in readings):
            continue  # "at about 6 in the morning": the walker read it already
        if (
            minutes is not None
            and minutes.isdigit()
            and not (0 < int(minutes) < 30 and _NOT_AN_AMOUNT.match(text, m.end("hour")))
        ):
            continue  # "at 10 to 3 per cent", "at 40 past": not a clock time in words
        if m.group("minutes") is None and part is None and m.group("oclock") is None:
            if _bare_hour(text, m, readings):
                start, end = m.start("time"), m.end("time")
                out.append(Declined(text[start:end], start, end, WHY_BARE_HOUR))
            continue
        hour, minute = int(printed) if printed.isdigit() else {**_HOURS, **_NOON_HOURS}[printed], 0
        if minutes is not None:
            minute = int(minutes) if minutes.isdigit() else _MINUTES_WORDS[" ".join(minutes.lower().split())]
            if m.group("dir").lower() == "to":
                hour, minute = (hour - 1) % 24 if printed in _NOON_HOURS else hour - 1 or 12, 60 - minute
        if printed in _NOON_HOURS:
            part = "noon"  # "quarter past midnight" 00:15, "ten to midnight" 23:50: the hour says which
        start, end = m.start("time"), m.end("time")
        hedge = lead in {"around", "about"}
        if hedge:
            start = m.start("lead")  # "around 11 last night": about that time
        if part is None:
            out.append(Declined(text[start:end], start, end, WHY_WORD_TIME))
            continue
        if part in ("morning", "night", "tonight") and hour == 12:
            hour = 0  # "twelve at night": midnight
        elif part in ("afternoon", "evening") or part in ("night", "tonight") and hour >= 6:
            hour = hour % 12 + 12
        iso = f"{hour:02d}:{minute:02d}"
        out.append(Value(text=text[start:end], start=start, end=end, low=Decimal(0), high=Decimal(0), kind="time",
                         category="time", when_low=iso, when_high=iso, qualifier="approx" if hedge else "exact",
                         qualifier_word=m.group("lead") if hedge else None))  # fmt: skip
    for m in _NOON.finditer(text):
        if any(isinstance(t, Value) and t.start <= m.start() < t.end for t in out):
            continue  # "quarter past midnight", read above
        if m.group("word")[0].isupper() and not _SENTENCE_START.search(text, 0, m.start()):
            continue  # "MP Gareth Noon", "High Noon": a name
        iso = "00:00" if m.group("word").lower() == "midnight" else "12:00"
        out.append(Value(text=m.group(0), start=m.start(), end=m.end(), low=Decimal(0), high=Decimal(0), kind="time",
                         category="time", when_low=iso, when_high=iso))  # fmt: skip
    return out


# "10 past 3 per cent" is no time; what follows a clock time in words is not a unit of an amount
_NOT_AN_AMOUNT = re.compile(r"(?!\s*(?:%|per\b|percent\b|pc\b|points?\b))", re.IGNORECASE)
# "midnight", "midday", "noon", "12 noon": a time of day by itself ("midnight on Saturday" is 00:00)
_SENTENCE_START = re.compile(r"(?:\A|[.!?:\n\"“‘(]|[.!?][”’\"])\s*\Z")
_NOON_HOURS = {"midnight": 0, "midday": 12, "noon": 12}
_NOON = re.compile(r"\b(?:(?:12|twelve)\s+)?(?P<word>midnight|midday|noon)\b", re.IGNORECASE)


WHY_BARE_HOUR = (
    "“At nine” or “by seven” with nothing counted after it may be a time of day (morning or evening?) or a "
    "number: the words do not say which."
)
# Leads after which a bare hour word may be a time of day; "from", "to", "about" … start amounts too often.
_HOUR_LEADS = {"at", "by", "until", "till", "before", "after"}
# "won by seven", "cut by two": a margin or a change, not a time
_BY_A_MARGIN = re.compile(
    r"\b(?:won|win|wins|winning|beat|beaten|lost|lose|loses|losing|led|lead|leads|leading|trail|trailed|trailing|"
    r"ahead|behind|rose|risen|rise|rises|fell|fall|falls|fallen|cut|cuts|increased|decreased|reduced|raised|"
    r"lowered|grew|grown|dropped|climbed|multiplied|divided|margin|majority|outnumbered|up|down)\s+by\s+\Z",
    re.IGNORECASE,
)


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
# Words after "at nine" that leave it counting nothing: pronouns, little words, "sharp", "tomorrow".
_AFTER_AN_HOUR = STOP | {
    "i", "we", "you", "he", "she", "they", "it", "my", "our", "his", "her", "their", "sharp", "tomorrow", "today",
    "tonight", "then", "every", "each", "latest", "precisely", "exactly",
}  # fmt: skip


def _bare_hour(text: str, m: re.Match, readings: list[Value]) -> bool:
    """The hour word of "at nine" is read by the walker as a bare number, counting nothing."""
    lead = m.group("lead").lower()
    if lead not in _HOUR_LEADS:
        return False
    if lead == "by" and _BY_A_MARGIN.search(text, max(0, m.start() - 30), m.end("lead") + 1):
        return False
    start, end = m.start("hour"), m.end("hour")
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1).lower() not in _AFTER_AN_HOUR:
        return False  # "at three polling stations": the number may count what follows
    same = [v for v in readings if v.start == start and v.end == end]
    return bool(same) and all(
        v.kind == "count"
        and v.category == "quantity"
        and not (v.unit or v.noun or v.per or v.currency or v.is_range)
        and v.qualifier == "exact"
        for v in same
    )


# --- a bare number before a comma and a number with its unit ------------------------------------------------

WHY_SHARED_UNIT = (
    "A bare number just before a comma and another number with its unit (“jumped 30, 40 percent”) may share that "
    "unit, as a spoken range, or count something else: the text does not say which."
)
_COMMA = re.compile(r",[ \t]*")


WHY_SPOKEN_RANGE = (
    "Two round numbers with only a comma between them (“jumped 30, 40 percent”) are often a rough range said aloud: "
    "this may be its top rather than the amount itself."
)


def _spoken_range(a: Value, b: Value) -> bool:
    """ "30, 40 percent": two round numbers rising, the first bare: a range said aloud, so the second is unsure too
    ("of the 12, 40 percent" is not: 12 is no round number)."""
    five = Decimal(5)
    return a.low < b.low and a.low % five == 0 and b.low % five == 0 and a.low > 0


def _shares_the_unit_after(text: str, a: Value, b: Value) -> bool:
    """ "values jumped 30, 40 percent": is the 30 thirty percent, or thirty of something? The bare number
    accounts for no word of its own, and the next number's unit may be its too."""
    return (
        a.sure
        and b.sure
        and a.kind == "count"
        and a.category == "quantity"
        and not (a.unit or a.noun or a.currency or a.per or a.is_range)
        and a.qualifier == "exact"
        and b.kind == "count"
        and bool(b.unit or b.currency or b.category in ("percent", "percentage_points"))
        and _COMMA.fullmatch(text, a.end, b.start) is not None
        and a.low < b.low <= a.low * 3
    )


# --- the pass ---------------------------------------------------------------------------------------------


def _on_its_line(v: Value, bound: Value | None) -> Value:
    """A binding of v, unless it reaches over a line break v did not already hold: a reading never binds words
    across a paragraph ("for at least a week", a blank line, "traders said")."""
    if bound is None or ("\n" in bound.text and "\n" not in v.text):
        return v
    return bound


# "Love" as a tennis score: beside a point score ("15 love", "love 30", "love all") or after "to" ("held to love").
_LOVE = re.compile(r"(?:\b(?:0|15|30|40|to|at)\s+)(love)\b|\b(love)(?=\s+(?:15|30|40|all)\b)", re.IGNORECASE)


def _tennis_love(text: str) -> list[Value]:
    """ "duarte to serve at 15 love", "holds to love", "love 30": in a report on tennis, "love" is a score of 0."""
    if not is_tennis_report(text):
        return []
    out = []
    for m in _LOVE.finditer(text):
        group = 1 if m.group(1) else 2
        start, end = m.span(group)
        out.append(Value(text=text[start:end], start=start, end=end, low=Decimal(0), high=Decimal(0)))
    return out


def bind(text: str, readings: list[Value]) -> tuple[list[Value], list[Declined]]:
    """The walker's values and dates (in reading order), with bound pairs joined; and what it now declines."""
    odd = _odd_amounts(text)
    readings = [v for v in readings if not any(o.start < v.end and v.start < o.end for o in odd)] + odd
    readings = readings + [
        v for v in _tennis_love(text) if not any(r.start < v.end and v.start < r.end for r in readings)
    ]
    times = _word_times(text, readings)
    readings = [v for v in readings if not any(o.start < v.end and v.start < o.end for o in times)]
    readings += [t for t in times if isinstance(t, Value)]
    items = sorted(readings, key=lambda v: (v.start, v.end))
    declined: list[Declined] = [t for t in times if isinstance(t, Declined)]
    phones = _phone_spans(text)
    if phones:
        inside = [v for v in items if any(a <= v.start and v.end <= b or v.start < b and a < v.end for a, b in phones)]
        items = [v for v in items if v not in inside]
        declined += [Declined(text[a:b], a, b, WHY_PHONE) for a, b in phones if any(a < v.end and v.start < b
                                                                                      for v in inside)]  # fmt: skip
    out: list[Value] = []
    for v in items:
        if out and out[-1].start <= v.start and v.end <= out[-1].end and out[-1] is not v:
            continue  # inside a reading this pass extended ("… and 3 pence" of "2 shillings and 3 pence")
        if _in_a_name(text, v):
            declined.append(Declined(v.text, v.start, v.end, WHY_NAME))
            continue
        if _half_of_a_name(text, v):
            continue  # "scrum-half", "half-time": a position or a break in a match, no fraction
        if _capitalised_in_a_sentence(text, v):
            declined.append(Declined(v.text, v.start, v.end, WHY_CAPITALISED))
            continue
        if _hours_before_a_part_of_day(text, v):
            declined.append(Declined(v.text, v.start, v.end, WHY_HOURS_OF_DAY))
            continue
        named = _named_day_year(text, v) or _race_clock(text, v)
        if isinstance(named, Declined):
            declined.append(named)
            continue
        if named is not None:
            v = _on_its_line(v, named)
        v = _on_its_line(
            v, _year_before_a_singular(text, v) or _year_opening_a_sentence(text, v) or _shillings_and_pence(text, v)
        )
        unexplained = _year_or_count(text, v)
        if unexplained is not None:
            declined.append(unexplained)
            continue
        v = _on_its_line(
            v, _period_before_people(text, v) or _for_every(text, v) or _an_over(text, v) or _named_ratio(text, v)
        )
        v = _on_its_line(v, _exchange_rate(text, v) or _unbound_rate(text, v))
        v = _on_its_line(v, _share_change(text, v) or _percent_said_once(text, v) or _nth_day(text, v))
        v = _on_its_line(v, _one_thing_per(text, v) or _to_par(text, v) or _printed_shape(text, v))
        v = _on_its_line(
            v, _currency_said_once(text, v, out) or _up_from(text, v, out) or _money_in_the_sentence(text, v, out)
        )
        v = _on_its_line(
            v, _span_said_once(text, v, out) or _rate_said_once(text, v, out) or _part_of_a_measure(text, v)
        )
        v = _on_its_line(v, _measure_said_first(text, v, out))
        v = _on_its_line(v, _ratio_in_the_sentence(text, v, out) or _clock_of_a_list(text, v, out))
        if out and "\n" in text[out[-1].end : v.start]:
            out.append(v)  # nothing binds two readings across a line break (a new paragraph, a heading)
            continue
        if out and out[-1].end <= v.start and _shares_the_unit_after(text, out[-1], v):
            out[-1] = replace(out[-1], confidence=UNSURE, why=WHY_SHARED_UNIT)
            if _spoken_range(out[-1], v):
                v = replace(v, confidence=UNSURE, why=WHY_SPOKEN_RANGE)
        if out and out[-1].end <= v.start and _vote_shares(text, out[-1], v):
            out[-1] = replace(out[-1], unit="%", category="percent")  # "voted No by 53.8 to 46.2": two shares
            v = replace(v, unit="%", category="percent")
        if out and out[-1].end <= v.start and _glued(text, out[-1], v):
            a = out.pop()
            declined.append(Declined(text[a.start : v.end], a.start, v.end, WHY_GLUED))
            continue
        if out and out[-1].end <= v.start:
            joined = (
                _join_durations(text, out[-1], v)
                or _from_to_range(text, out[-1], v)
                or _between_range(text, out[-1], v)
                or _odds(text, out[-1], v)
                or _named_ratio_pair(text, out[-1], v)
            )
            if joined is not None:
                out[-1] = joined
                continue
            if _uneven_durations(text, out[-1], v) or _ratio_left(text, out[-1], v) or _durations_to(text, out[-1], v):
                a = out.pop()
                why = (
                    WHY_RATIO_LEFT
                    if _ratio_left(text, a, v)
                    else WHY_DURATIONS_TO
                    if _durations_to(text, a, v)
                    else WHY_UNEVEN_DURATION
                )
                declined.append(Declined(text[a.start : v.end], a.start, v.end, why))
                continue
            if _from_to_unexplained(text, out[-1], v):
                a = out.pop()
                start = _FROM_BEFORE.search(text, 0, a.start).start()  # type: ignore[union-attr]
                declined.append(Declined(text[start : v.end], start, v.end, WHY_FROM_TO))
                continue
        out.append(v)
    return out, declined
