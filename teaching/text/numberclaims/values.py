"""What the number reader returns: values (numbers, dates, times), vague quantities, and what it declined."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from teaching.text.numberclaims.vocabulary import JUST_BELOW, NOUNS

TOLERANCE = Decimal("0.10")
INFINITY = Decimal("Infinity")

Qualifier = Literal["exact", "approx", "at_least", "at_most"]
# How the ledger compares a value: as a count (with unit, noun, rate), a ratio, a date or a time of day.
Kind = Literal["count", "ratio", "date", "time"]
Confidence = Literal["confident", "unsure"]
CONFIDENT: Confidence = "confident"
UNSURE: Confidence = "unsure"

CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹", "JPY": "¥"}
_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)  # fmt: skip


def format_number(number: Decimal) -> str:
    """1300000.0 → "1,300,000"; 1.5 → "1.5"."""
    if number.is_infinite():
        return "∞"
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


def plain_number(number: Decimal) -> str:
    """1300000.0 → "1300000"; 1.50 → "1.5": the corpus's way of writing a value."""
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"


def describe_when(iso: str) -> str:
    """ "2005-01-03" → "3 January 2005"; "XXXX-08" → "August"; "1990s" stays; "10:30" stays."""
    if ":" in iso or iso.endswith("s"):
        return iso
    parts = iso.split("-")
    year = "" if parts[0] == "XXXX" else parts[0]
    if len(parts) == 1:
        return year
    month = _MONTH_NAMES[int(parts[1]) - 1]
    day = str(int(parts[2])) if len(parts) > 2 else ""
    return " ".join(x for x in (day, month, year) if x)


@dataclass(frozen=True)
class Value:
    """One reading. ``low == high`` for a single number; ratios and fractions hold the quotient.

    ``category`` is what kind of mention it is (quantity, money, percent, date, …); ``kind`` is how the
    ledger compares it. Dates and times carry ISO text in ``when_low`` / ``when_high`` instead of numbers.
    """

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
    category: str = "quantity"
    currency: str | None = None
    when_low: str | None = None
    when_high: str | None = None
    confidence: Confidence = CONFIDENT
    why: str | None = None  # when unsure: why, in plain words

    @property
    def is_range(self) -> bool:
        if self.kind in ("date", "time"):
            return self.when_low != self.when_high
        return self.low != self.high

    @property
    def sure(self) -> bool:
        return self.confidence == CONFIDENT

    @property
    def noun_class(self) -> str | None:
        return NOUNS.get(self.noun.lower()) if self.noun else None

    def interval(self, tolerance: Decimal = TOLERANCE) -> tuple[Decimal, Decimal]:
        """The values this expression allows, once its qualifier is taken into account (see the package doc)."""
        if self.qualifier == "approx":
            if self.is_range:
                return self.low, self.high
            return self.low * (1 - tolerance), self.high * (1 + tolerance)
        if self.qualifier == "at_least":
            return self.low, INFINITY
        if self.qualifier == "at_most":
            if (self.qualifier_word or "").lower() in JUST_BELOW:
                return self.high * (1 - tolerance), self.high
            return Decimal(0), self.high
        return self.low, self.high

    def describe(self) -> str:
        """Short plain reading, e.g. "≈ 300 troops", "≥ 162 soldiers", "3 January 2005", "$1,200,000,000"."""
        if self.kind in ("date", "time"):
            text = describe_when(self.when_low or "")
            if self.is_range:
                text += " – " + describe_when(self.when_high or "")
            if self.qualifier_word:
                text = f"{self.qualifier_word.lower()} {text}"
            return text
        sign = {"approx": "≈ ", "at_least": "≥ ", "at_most": "≤ ", "exact": ""}[self.qualifier]
        if self.kind == "ratio" and self.ratio_terms:
            a, b = self.ratio_terms
            if self.category == "fraction":
                return f"{sign}{format_number(a)}/{format_number(b)}"
            return f"{sign}ratio {format_number(a)}:{format_number(b)}"
        number = format_number(self.low)
        if self.is_range:
            number += "–" + format_number(self.high)
        if self.category == "ordinal":
            return f"{sign}{number}{_ordinal_suffix(int(self.low))}"
        if self.currency:
            number = CURRENCY_SIGNS.get(self.currency, self.currency + " ") + number
        parts = [sign + number + ("%" if self.unit == "%" else "")]
        if self.unit and self.unit != "%":
            single = not self.is_range and self.low == 1 and self.unit.endswith("s")
            parts.append(self.unit[:-1] if single else self.unit)
        if self.noun:
            parts.append(self.noun)
        if self.per:
            parts.append(f"per {self.per}")
        return " ".join(parts)

    def label(self) -> dict[str, str | None]:
        """The reading in the evaluation corpus's terms: kind, value or low/high, unit, currency, per."""
        out: dict[str, str | None] = {"kind": self.category}
        if self.kind in ("date", "time"):
            if self.is_range:
                out["low"], out["high"] = self.when_low, self.when_high
            else:
                out["value"] = self.when_low
        elif self.category == "fraction" and self.ratio_terms:
            out["value"] = f"{plain_number(self.ratio_terms[0])}/{plain_number(self.ratio_terms[1])}"
        elif self.kind == "ratio" and self.ratio_terms:
            out["value"] = f"{plain_number(self.ratio_terms[0])}:{plain_number(self.ratio_terms[1])}"
        elif self.is_range:
            out["low"], out["high"] = plain_number(self.low), plain_number(self.high)
        else:
            out["value"] = plain_number(self.low)
        out.update(unit=self.unit, currency=self.currency, per=self.per)
        out["qualifier"] = self.qualifier_word.lower() if self.qualifier_word else None
        return out


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@dataclass(frozen=True)
class Vague:
    """A quantity word that is deliberately not turned into a number ("tens of thousands").

    ``magnitude`` is its order of magnitude where it has one ("tens of thousands" → 10,000), never a value.
    """

    text: str
    start: int
    end: int
    magnitude: Decimal | None = None


@dataclass(frozen=True)
class Declined:
    """Something that looks like a number the reader will not read, and why, in words a student understands."""

    text: str
    start: int
    end: int
    why: str


@dataclass(frozen=True)
class NumberClaim:
    text: str
    values: tuple[Value, ...] = ()  # numbers: counts, money, percentages, ratios, fractions, ordinals
    vague: tuple[Vague, ...] = field(default=())
    dates: tuple[Value, ...] = ()  # dates, years, decades, times of day
    declined: tuple[Declined, ...] = ()

    @property
    def readings(self) -> tuple[Value, ...]:
        """Every value, numbers and dates, in reading order."""
        return tuple(sorted(self.values + self.dates, key=lambda v: (v.start, v.end)))

    @property
    def parsed(self) -> bool:
        return bool(self.values or self.dates)

    @property
    def primary(self) -> Value | None:
        """The first value in reading order, or None when nothing could be parsed."""
        readings = self.readings
        return readings[0] if readings else None

    @property
    def doubts(self) -> tuple[str, ...]:
        """Why the reader is not sure of this text: one plain sentence per unsure or declined part."""
        out = [f"“{v.text}”: {v.why}" for v in self.readings if not v.sure and v.why]
        out += [f"“{d.text}”: {d.why}" for d in self.declined]
        return tuple(out)
