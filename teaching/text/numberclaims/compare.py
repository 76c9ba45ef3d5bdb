"""Can two readings both be true of the same thing? Numbers as intervals, dates as spans of days."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from teaching.text.numberclaims.values import TOLERANCE, Value, describe_when

Status = Literal["compatible", "close", "disagree", "not_comparable"]
COMPATIBLE: Status = "compatible"
CLOSE: Status = "close"  # they meet only where "about" is stretched on both sides: the numbers alone cannot tell
DISAGREE: Status = "disagree"
NOT_COMPARABLE: Status = "not_comparable"

_KIND_WORDS = {"count": "a number", "ratio": "a ratio", "date": "a date", "time": "a time of day"}
_CATEGORY_WORDS = {
    "money": "an amount of money",
    "ordinal": "a position in order (like 3rd)",
    "fraction": "a fraction",
    "ratio": "a ratio",
}


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str

    @property
    def is_compatible(self) -> bool:
        return self.status == COMPATIBLE


def compatible(a: Value, b: Value, tolerance: Decimal = TOLERANCE) -> Verdict:
    """Can both values be true of the same quantity? See the package docstring for the rules."""
    if a.kind != b.kind:
        if {a.kind, b.kind} == {"count", "ratio"}:
            return Verdict(NOT_COMPARABLE, "One is a ratio and the other a count: they measure different things.")
        return Verdict(
            NOT_COMPARABLE,
            f"One is {_KIND_WORDS[a.kind]} and the other {_KIND_WORDS[b.kind]}: they measure different things.",
        )
    if a.kind in ("date", "time"):
        return _compare_when(a, b)
    special = {"money", "ordinal", "fraction", "ratio"}
    if a.category != b.category and (a.category in special or b.category in special):
        word_a = _CATEGORY_WORDS.get(a.category, "a count")
        word_b = _CATEGORY_WORDS.get(b.category, "a count")
        return Verdict(NOT_COMPARABLE, f"One is {word_a} and the other {word_b}: they measure different things.")
    if a.currency != b.currency:
        return Verdict(NOT_COMPARABLE, f"Different currencies ({a.currency} and {b.currency}).")
    if a.unit != b.unit:
        return Verdict(NOT_COMPARABLE, f"Different units ({a.unit or 'a count'} and {b.unit or 'a count'}).")
    if a.per != b.per:
        return Verdict(NOT_COMPARABLE, f"Different time windows ({_per(a.per)} and {_per(b.per)}).")
    if a.noun_class and b.noun_class and a.noun_class != b.noun_class:
        return Verdict(NOT_COMPARABLE, f"They count different things ({a.noun} and {b.noun}).")
    a_lo, a_hi = a.interval(tolerance)
    b_lo, b_hi = b.interval(tolerance)
    if a_lo <= b_hi and b_lo <= a_hi:
        if (a_lo, a_hi) == (b_lo, b_hi) and a.qualifier == b.qualifier == "exact":
            return Verdict(COMPATIBLE, "The same value.")
        if not (_meets(a.interval(Decimal(0)), (b_lo, b_hi)) or _meets(b.interval(Decimal(0)), (a_lo, a_hi))):
            # "about 1,400" and "around 1,200": neither figure as printed lies within what the other allows;
            # they meet only where both are stretched. Not sure either way, so the ledger questions neither verdict.
            return Verdict(
                CLOSE,
                f"Close, but not the same figure: {a.describe()} and {b.describe()} meet only if both are taken "
                "loosely. The numbers alone cannot tell whether they agree.",
            )
        return Verdict(COMPATIBLE, f"These ranges overlap ({a.describe()} and {b.describe()}).")
    higher, lower = (a, b) if a_lo > b_hi else (b, a)
    return Verdict(DISAGREE, f"These do not overlap: {higher.describe()} is above {lower.describe()}.")


def _meets(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _per(per: str | None) -> str:
    return f"per {per}" if per else "a total"


# --- dates and times ----------------------------------------------------------------------------------

Day = tuple[int, int, int]  # (year, month, day); year 0 when the text prints none


def _bounds(iso: str) -> tuple[Day, Day, bool]:
    """First and last day an ISO reading allows, and whether it names its year."""
    if iso.endswith("s"):  # 1990s
        start = int(iso[:-1])
        return (start, 1, 1), (start + 9, 12, 31), True
    parts = iso.split("-")
    year = 0 if parts[0] == "XXXX" else int(parts[0])
    if len(parts) == 1:
        return (year, 1, 1), (year, 12, 31), year != 0
    month = int(parts[1])
    if len(parts) == 2:
        return (year, month, 1), (year, month, 31), year != 0
    day = int(parts[2])
    return (year, month, day), (year, month, day), year != 0


def _compare_when(a: Value, b: Value) -> Verdict:
    if a.kind == "time":
        if a.when_low == b.when_low and a.when_high == b.when_high:
            return Verdict(COMPATIBLE, "The same time.")
        return Verdict(DISAGREE, f"These are different times: {a.describe()} and {b.describe()}.")
    a_lo, _, a_year = _bounds(a.when_low or "")
    _, a_hi, a_year2 = _bounds(a.when_high or "")
    b_lo, _, b_year = _bounds(b.when_low or "")
    _, b_hi, b_year2 = _bounds(b.when_high or "")
    both_years = a_year and a_year2 and b_year and b_year2
    if not both_years:
        if a_lo[1:] == (1, 1) and a_hi[1:] == (12, 31) or b_lo[1:] == (1, 1) and b_hi[1:] == (12, 31):
            return Verdict(COMPATIBLE, f"These may overlap ({a.describe()} and {b.describe()}): one has no year.")
        a_lo, a_hi, b_lo, b_hi = ((0, *x[1:]) for x in (a_lo, a_hi, b_lo, b_hi))
        if a_lo > a_hi or b_lo > b_hi:
            return Verdict(COMPATIBLE, f"These may overlap ({a.describe()} and {b.describe()}): no year is given.")
    if a_lo <= b_hi and b_lo <= a_hi:
        if (a_lo, a_hi) == (b_lo, b_hi) and a.when_low == b.when_low and a.when_high == b.when_high:
            return Verdict(COMPATIBLE, "The same date.")
        return Verdict(COMPATIBLE, f"These dates overlap ({a.describe()} and {b.describe()}).")
    later, earlier = (a, b) if a_lo > b_hi else (b, a)
    return Verdict(DISAGREE, f"These are different dates: {later.describe()} is after {earlier.describe()}.")


__all__ = ["COMPATIBLE", "DISAGREE", "NOT_COMPARABLE", "Status", "Verdict", "compatible", "describe_when"]
