"""Number claims: turn the text of a "numbers" highlight into values that can be compared.

Plain Python, no Django. Positions are code-point offsets into the parsed text.

What a value is
---------------
A ``Value`` is one numeric expression found in the text: a single number ("70,000", "two million",
"1.3 million") or a range ("1,200-1,500", "15–20", "five to ten", "between 5 and 10"), or a ratio
("5:1", "eight to one", stored as the quotient, 5 and 8). Around it the parser keeps

* a *qualifier*: ``"approx"`` (about, roughly, approximately, around, some, circa, ~), ``"at_least"``
  (at least, more than, over, upwards of, in excess of, no fewer/less than) or ``"at_most"`` (up to,
  almost, nearly, under, less than, fewer than, at most, no more than); ``"exact"`` when there is none.
  The word as written is kept in ``qualifier_word``.
* a *unit* when one is stated right after the number: ``%`` (also "percent", "per cent"), lengths
  (``km``, ``m``, ``mm``, ``miles``) and durations (``seconds`` … ``years``). "72-hour" and "105mm" count.
* a *noun*: the thing counted, when the number is followed (directly or after at most two describing
  words, e.g. "200 Russian soldiers", "25 Russian assault teams") by a noun from ``NOUNS``. Nouns fall
  into classes (people, vehicles, weapons, units); "troops", "soldiers", "men" and "casualties" are all
  people, because what exactly is counted is the student's call ("Russian soldiers inside the city").
* a *rate*: ``per="day"`` for "a day", "per day", "each day", "every day", "daily", likewise for week,
  month, year and hour, when it follows the number/unit/noun directly ("1,200-1,500 souls a day").
  A rate further away ("15–20 trucks burn every day") is not attached: the parser never guesses.

What it refuses
---------------
It never guesses. Vague quantities ("a few", "several", "dozens", "hundreds", "thousands", "millions",
"tens of thousands", "hundreds of thousands", "a handful", "a dozen") are recognised and kept as
``Vague`` text with no number: "tens of thousands" is *not* turned into 10,000–99,999, because the
writer did not commit to that. Ordinals ("93rd"), codes ("FAB-3000", "E50") and compound adjectives
("two-pronged") are not numbers. Digits around a colon are a ratio, so a clock time ("10:30") would
read as one; the lesson texts have none. "a year" counts as 1 year only after a qualifier ("for over a year").
Multiplication is the student's: "25 teams – five to ten men" gives 25 and 5–10, never 125–250.

Comparing
---------
``compatible(a, b)`` turns each value into an interval and checks for overlap:

* exact: the number as written (a range: its ends);
* approx: a single number widened by ``TOLERANCE`` (±10%); an approximate *range* is not widened again,
  because a range already states its own uncertainty ("some 6–8 km" is 6–8 km);
* at_least: [x, ∞). "more than 60,000" is treated as ≥ 60,000, not > 60,000: reporters round, and
  "60,000" next to "more than 60,000" is the same figure, not a contradiction;
* at_most: [0, x] for "up to", "under", "less than"…; "almost"/"nearly" x means just below x:
  [x·(1−TOLERANCE), x].

Values are *not comparable* when one is a ratio and the other is not, when their units differ (% vs a
count, km vs days), when their rates differ (per day vs per month, a total vs a rate), or when both name
what they count and the classes differ (soldiers vs tanks). Durations are not converted (4 years vs
1,418 days is "not comparable"): the ledger compares like with like and leaves conversions to students.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

__all__ = [
    "COMPATIBLE",
    "DISAGREE",
    "NOT_COMPARABLE",
    "NOUNS",
    "TOLERANCE",
    "NumberClaim",
    "Qualifier",
    "Status",
    "Vague",
    "Value",
    "Verdict",
    "compatible",
    "format_number",
    "parse_claim",
]

TOLERANCE = Decimal("0.10")
INFINITY = Decimal("Infinity")

Qualifier = Literal["exact", "approx", "at_least", "at_most"]
Kind = Literal["count", "ratio"]
Status = Literal["compatible", "disagree", "not_comparable"]
COMPATIBLE: Status = "compatible"
DISAGREE: Status = "disagree"
NOT_COMPARABLE: Status = "not_comparable"

# --- vocabulary -------------------------------------------------------------------------------------

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Longest phrases first so that "no more than" wins over "more than".
_QUALIFIERS: list[tuple[tuple[str, ...], Qualifier]] = sorted(
    [
        (("about",), "approx"),
        (("roughly",), "approx"),
        (("approximately",), "approx"),
        (("around",), "approx"),
        (("some",), "approx"),
        (("circa",), "approx"),
        (("approx",), "approx"),
        (("~",), "approx"),
        (("at", "least"), "at_least"),
        (("more", "than"), "at_least"),
        (("over",), "at_least"),
        (("upwards", "of"), "at_least"),
        (("in", "excess", "of"), "at_least"),
        (("no", "fewer", "than"), "at_least"),
        (("no", "less", "than"), "at_least"),
        (("up", "to"), "at_most"),
        (("almost",), "at_most"),
        (("nearly",), "at_most"),
        (("under",), "at_most"),
        (("less", "than"), "at_most"),
        (("fewer", "than"), "at_most"),
        (("at", "most"), "at_most"),
        (("no", "more", "than"), "at_most"),
    ],
    key=lambda item: -len(item[0]),
)
# "almost 100,000" is just below 100,000, "up to 100" anything from 0 to 100.
_JUST_BELOW = {"almost", "nearly"}

_UNITS = {
    "%": "%", "percent": "%",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "miles", "miles": "miles", "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "mm": "mm",
    "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
    "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years",
}  # fmt: skip
_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year"}

#: What a number may count, by class. Values whose nouns are in different classes are not comparable.
NOUNS: dict[str, str] = {
    **dict.fromkeys(
        "man men woman women people person persons soldier soldiers troop troops force forces fighter fighters "
        "casualty casualties death deaths dead soul souls resident residents civilian civilians deserter "
        "deserters recruit recruits prisoner prisoners infiltrator infiltrators".split(),
        "people",
    ),
    **dict.fromkeys("tank tanks vehicle vehicles truck trucks apc apcs ifv ifvs".split(), "vehicles"),
    **dict.fromkeys("drone drones missile missiles shell shells round rounds bomb bombs".split(), "weapons"),
    **dict.fromkeys(
        "team teams group groups unit units battalion battalions brigade brigades company companies".split(),
        "units",
    ),
}

_RATES = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "hourly": "hour"}
_RATE_LEADS = {"a", "an", "per", "each", "every"}
_RATE_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour"}

# Words that end the search for a counted noun ("70,000 during Putin's…" counts nothing).
_STOP = set(
    "a an the of in on at to for from by with and or but nor per than that which who whom whose is are was were "
    "be been being has have had it its this these those as so since during into onto over under up down out about "
    "more less now still just only not no across after before between through while when where if".split()
)
_DASHES = {"-", "–", "—", "‑"}
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}

_VAGUE_RE = re.compile(
    r"\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|a few|a handful|a dozen|several|dozens|scores"
    r"|hundreds|thousands|millions|billions)\b",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"(?P<num>\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)|(?P<word>[^\W\d_]+)|(?P<sym>\S)")


# --- results ----------------------------------------------------------------------------------------


def format_number(number: Decimal) -> str:
    """1300000.0 → "1,300,000"; 1.5 → "1.5"."""
    if number.is_infinite():
        return "∞"
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


@dataclass(frozen=True)
class Value:
    """One numeric expression. ``low == high`` for a single number; ratios hold the quotient."""

    text: str  # exactly what was matched, qualifier and unit included
    start: int
    end: int
    low: Decimal
    high: Decimal
    kind: Kind = "count"
    qualifier: Qualifier = "exact"
    qualifier_word: str | None = None
    unit: str | None = None
    noun: str | None = None  # as written: "soldiers", "IFVs"
    per: str | None = None
    ratio_terms: tuple[Decimal, Decimal] | None = None

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def noun_class(self) -> str | None:
        return NOUNS.get(self.noun.lower()) if self.noun else None

    def interval(self, tolerance: Decimal = TOLERANCE) -> tuple[Decimal, Decimal]:
        """The values this expression allows, once its qualifier is taken into account (see module doc)."""
        if self.qualifier == "approx":
            if self.is_range:
                return self.low, self.high
            return self.low * (1 - tolerance), self.high * (1 + tolerance)
        if self.qualifier == "at_least":
            return self.low, INFINITY
        if self.qualifier == "at_most":
            if (self.qualifier_word or "").lower() in _JUST_BELOW:
                return self.high * (1 - tolerance), self.high
            return Decimal(0), self.high
        return self.low, self.high

    def describe(self) -> str:
        """Short plain reading, e.g. "≈ 300 troops", "≥ 162 soldiers", "1,200–1,500 souls per day"."""
        sign = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ ", "exact": ""}[self.qualifier]
        if self.kind == "ratio" and self.ratio_terms:
            a, b = self.ratio_terms
            return f"{sign}ratio {format_number(a)}:{format_number(b)}"
        number = format_number(self.low)
        if self.is_range:
            number += "–" + format_number(self.high)
        parts = [sign + number + ("%" if self.unit == "%" else "")]
        if self.unit and self.unit != "%":
            single = not self.is_range and self.low == 1 and self.unit.endswith("s")
            parts.append(self.unit[:-1] if single else self.unit)
        if self.noun:
            parts.append(self.noun)
        if self.per:
            parts.append(f"per {self.per}")
        return " ".join(parts)


@dataclass(frozen=True)
class Vague:
    """A quantity word that is deliberately not turned into a number ("tens of thousands")."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NumberClaim:
    text: str
    values: tuple[Value, ...] = ()
    vague: tuple[Vague, ...] = field(default=())

    @property
    def parsed(self) -> bool:
        return bool(self.values)

    @property
    def primary(self) -> Value | None:
        """The first value in reading order, or None when nothing could be parsed."""
        return self.values[0] if self.values else None


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str

    @property
    def is_compatible(self) -> bool:
        return self.status == COMPATIBLE


# --- scanner ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # num / word / sym
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class _Num:
    value: Decimal
    next: int  # index of the first token after the number
    scaled: bool  # a scale word ("million") was part of it
    digits: bool
    base: Decimal  # the value without its scale words


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = [_Tok(m.lastgroup or "sym", m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def is_word(self, i: int, *words: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind != "num" and t.low in words

    def adjacent(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start

    def same_line(self, i: int) -> bool:
        """Only spaces (no line break) between token i-1 and token i."""
        return 0 < i < len(self.toks) and "\n" not in self.text[self.toks[i - 1].end : self.toks[i].start]

    def phrase(self, i: int, words: tuple[str, ...]) -> bool:
        for n, w in enumerate(words):
            if not self.is_word(i + n, w) or (n and not self.same_line(i + n)):
                return False
        return True

    # numbers

    def number(self, i: int, *, guard: bool = True) -> _Num | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num":
            nxt = self.tok(i + 1)
            if nxt and self.adjacent(i + 1) and nxt.kind == "word" and nxt.low in _ORDINAL_SUFFIXES:
                return None  # 93rd, 21st
            if guard and self.adjacent(i):
                prev = self.toks[i - 1]
                if prev.kind == "word" or prev.kind == "num":
                    return None  # E50
                if prev.text in _DASHES and self.adjacent(i - 1) and self.toks[i - 2].kind != "sym":
                    return None  # FAB-3000, and the tail of "2023-24" (not a range, not a number of its own)
            value, j, digits = Decimal(t.text.replace(",", "")), i + 1, True
        elif t.kind == "word" and t.low in _TENS:
            value, j, digits = Decimal(_TENS[t.low]), i + 1, False
            # twenty-five / twenty five
            if self.is_word(i + 1, *_DASHES) and self.adjacent(i + 1) and self.adjacent(i + 2):
                if self.is_word(i + 2, *_ONES) and 0 < _ONES[self.toks[i + 2].low] < 10:
                    value, j = value + _ONES[self.toks[i + 2].low], i + 3
            elif self.is_word(i + 1, *_ONES) and self.same_line(i + 1) and 0 < _ONES[self.toks[i + 1].low] < 10:
                value, j = value + _ONES[self.toks[i + 1].low], i + 2
        elif t.kind == "word" and t.low in _ONES:
            value, j, digits = Decimal(_ONES[t.low]), i + 1, False
        else:
            return None
        if not digits and self.is_word(j, *_DASHES) and self.adjacent(j) and self.adjacent(j + 1):
            after = self.tok(j + 1)
            if after and after.kind == "word" and after.low not in _UNITS:
                return None  # two-pronged, one-sided: an adjective, not a count
        base, scaled = value, False
        while self.is_word(j, *_SCALES) and self.same_line(j):
            value *= _SCALES[self.toks[j].low]
            j, scaled = j + 1, True
        return _Num(value, j, scaled, digits, base)

    def qualifier(self, i: int) -> tuple[Qualifier, int] | None:
        for words, qualifier in _QUALIFIERS:
            if self.phrase(i, words):
                return qualifier, i + len(words)
        return None

    # what follows a number

    def unit_or_noun(self, j: int) -> tuple[str | None, str | None, int]:
        """(unit, noun, next index) for what directly follows the number ending before token j."""
        t = self.tok(j)
        if t is None:
            return None, None, j
        if t.text == "%" and self.same_line(j):
            return "%", None, j + 1
        if self.phrase(j, ("per", "cent")) and self.same_line(j):
            return "%", None, j + 2
        if t.kind == "word" and t.low in _UNITS and (self.same_line(j) or self.adjacent(j)):
            return _UNITS[t.low], None, j + 1
        # 72-hour, 20-km
        if t.text in _DASHES and self.adjacent(j) and self.adjacent(j + 1) and self.is_word(j + 1, *_UNITS):
            return _UNITS[self.toks[j + 1].low], None, j + 2
        # up to two describing words, then a unit or a counted noun: "four bloody years", "200 Russian soldiers"
        k = j
        for _ in range(3):
            t = self.tok(k)
            if t is None or t.kind != "word" or not self.same_line(k) or self.adjacent(k):
                return None, None, j
            if t.low in NOUNS:
                return None, t.text, k + 1
            if t.low in _UNITS and t.low.rstrip("s") in _DURATIONS:
                return _UNITS[t.low], None, k + 1
            if t.low in _STOP or t.low in _ONES or t.low in _TENS or t.low in _SCALES:
                return None, None, j
            k += 1
        return None, None, j

    def rate(self, j: int) -> tuple[str | None, int]:
        t = self.tok(j)
        if t is None or t.kind != "word" or not self.same_line(j):
            return None, j
        if t.low in _RATES:
            return _RATES[t.low], j + 1
        if t.low in _RATE_LEADS and self.is_word(j + 1, *_RATE_PERIODS) and self.same_line(j + 1):
            return _RATE_PERIODS[self.toks[j + 1].low], j + 2
        return None, j

    # one value starting at token i

    def value_at(self, i: int) -> tuple[Value, int] | None:
        qualifier: Qualifier = "exact"
        qualifier_word = None
        j = i
        q = self.qualifier(i)
        if q:
            qualifier, j = q
            qualifier_word = self.text[self.toks[i].start : self.toks[j - 1].end]
            if not self.same_line(j):
                return None
        between = False
        if not q and self.is_word(i, "between"):
            between, j = True, i + 1

        first = self.number(j)
        if first is None:
            # "for over a year": a qualified "a"/"an" before a duration means one of it.
            if q and self.is_word(j, "a", "an") and self.is_word(j + 1, *_DURATIONS) and self.same_line(j + 1):
                unit = _UNITS[self.toks[j + 1].low]
                return self._make(i, j + 2, Decimal(1), Decimal(1), qualifier, qualifier_word, unit=unit), j + 2
            return None

        low = high = first.value
        k = first.next
        kind: Kind = "count"
        ratio_terms = None
        second: _Num | None = None
        if between:
            if self.is_word(k, "and") and self.same_line(k) and self.same_line(k + 1):
                second = self.number(k + 1, guard=False)
            if second is None:
                return None
        elif (
            self.is_word(k, ":")
            and self.adjacent(k)
            and self.adjacent(k + 1)
            and first.digits
            and (t := self.tok(k + 1)) is not None
            and t.kind == "num"
        ):
            b = Decimal(t.text.replace(",", ""))
            if b != 0:
                kind, ratio_terms, k = "ratio", (first.value, b), k + 2
                low = high = first.value / b
        elif self.is_word(k, "to") and self.same_line(k) and self.same_line(k + 1):
            candidate = self.number(k + 1, guard=False)
            if candidate is not None and candidate.value == 1 and first.value > 1 and not candidate.scaled:
                kind, ratio_terms, k = "ratio", (first.value, Decimal(1)), candidate.next
                low = high = first.value
            elif candidate is not None:
                second = candidate
        elif self.is_word(k, *_DASHES) and self.same_line(k) and self.same_line(k + 1):
            candidate = self.number(k + 1, guard=False)
            if candidate is not None and candidate.digits == first.digits:
                second = candidate
        if second is not None:
            lo = first.value
            if second.scaled and not first.scaled:
                scale = second.value / second.base
                if lo * scale <= second.value:
                    lo *= scale
            if lo < second.value:
                low, high, k = lo, second.value, second.next
            elif between:
                return None
        unit = noun = per = None
        if kind == "count":
            unit, noun, k = self.unit_or_noun(k)
        per, k = self.rate(k)
        return (
            self._make(i, k, low, high, qualifier, qualifier_word, kind, unit, noun, per, ratio_terms),
            k,
        )

    def _make(
        self,
        i: int,
        k: int,
        low: Decimal,
        high: Decimal,
        qualifier: Qualifier,
        qualifier_word: str | None,
        kind: Kind = "count",
        unit: str | None = None,
        noun: str | None = None,
        per: str | None = None,
        ratio_terms: tuple[Decimal, Decimal] | None = None,
    ) -> Value:
        start, end = self.toks[i].start, self.toks[k - 1].end
        return Value(
            text=self.text[start:end],
            start=start,
            end=end,
            low=low,
            high=high,
            kind=kind,
            qualifier=qualifier,
            qualifier_word=qualifier_word,
            unit=unit,
            noun=noun,
            per=per,
            ratio_terms=ratio_terms,
        )


def parse_claim(text: str) -> NumberClaim:
    """All values and vague quantities in ``text``, in reading order (see the module docstring)."""
    scanner = _Scanner(text)
    values: list[Value] = []
    i = 0
    while i < len(scanner.toks):
        found = scanner.value_at(i)
        if found is None:
            i += 1
            continue
        value, i = found
        values.append(value)
    vague = [
        Vague(m.group(), m.start(), m.end())
        for m in _VAGUE_RE.finditer(text)
        if not any(v.start < m.end() and m.start() < v.end for v in values)
    ]
    return NumberClaim(text=text, values=tuple(values), vague=tuple(vague))


# --- comparing --------------------------------------------------------------------------------------


def compatible(a: Value, b: Value, tolerance: Decimal = TOLERANCE) -> Verdict:
    """Can both values be true of the same quantity? See the module docstring for the rules."""
    if a.kind != b.kind:
        return Verdict(NOT_COMPARABLE, "One is a ratio and the other a count: they measure different things.")
    if a.unit != b.unit:
        return Verdict(NOT_COMPARABLE, f"Different units ({a.unit or 'a count'} and {b.unit or 'a count'}).")
    if a.per != b.per:
        return Verdict(
            NOT_COMPARABLE,
            f"Different time windows ({_per(a.per)} and {_per(b.per)}).",
        )
    if a.noun_class and b.noun_class and a.noun_class != b.noun_class:
        return Verdict(NOT_COMPARABLE, f"They count different things ({a.noun} and {b.noun}).")
    a_lo, a_hi = a.interval(tolerance)
    b_lo, b_hi = b.interval(tolerance)
    if a_lo <= b_hi and b_lo <= a_hi:
        if (a_lo, a_hi) == (b_lo, b_hi) and a.qualifier == b.qualifier == "exact":
            return Verdict(COMPATIBLE, "The same value.")
        return Verdict(COMPATIBLE, f"These ranges overlap ({a.describe()} and {b.describe()}).")
    higher, lower = (a, b) if a_lo > b_hi else (b, a)
    return Verdict(DISAGREE, f"These do not overlap: {higher.describe()} is above {lower.describe()}.")


def _per(per: str | None) -> str:
    return f"per {per}" if per else "a total"
