"""Reading dates, date ranges, months, years, decades and times of day.

A date is kept as ISO text with ``XXXX`` where the year is not printed: "3 January" → ``XXXX-01-03``,
"September 2025" → ``2025-09``, "in May" → ``XXXX-05``, "2004" → ``2004``, "the 1990s" → ``1990s``,
"10.30am" → ``10:30``. A range keeps both ends; the first end takes the month and year the second one
prints ("3-5 January 2005", "15 November to 3 January 2005": the November is of 2004).

Declined, with the reason: all-number dates whose order is unknown ("03/01/2005": 3 January in Britain,
1 March in America), and a year range whose second half does not follow the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from teaching.text.numberclaims.base import Walker
from teaching.text.numberclaims.values import CONFIDENT, UNSURE, Declined, Value
from teaching.text.numberclaims.vocabulary import (
    CURRENCY_WORDS,
    DASHES,
    DATE_QUALIFIERS,
    MONTHS,
    MONTHS_THAT_ARE_WORDS,
    NOUNS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PREPOSITIONS,
    SCALES,
    SHORT_SCALES,
    STOP,
    TIME_LEADS,
    TIME_ZONES,
    UNITS,
    WEEKDAYS,
)

# Words that may stand between a clock time and the part of the day: "on Sunday afternoon", "that evening".
_BEFORE_PART_OF_DAY = {"in", "the", "on", "that", "this", "yesterday", "tomorrow", "of", "same", "next", "last"}
_AFTER_A_TIME = {
    "on", "this", "that", "last", "yesterday", "today", "tonight", "tomorrow", "local", "sharp", "precisely",
    "when", "before", "after", "until", "in", "and", "the", "at", "o",
}  # fmt: skip
WHY_BARE_CLOCK = (
    "Hours and minutes with a colon, no am or pm and no word such as “at” could be a time of day, but also a game "
    "clock, a time gap or a ratio."
)
_PRICE_VERBS = {
    "closed", "opened", "traded", "trading", "stood", "priced", "valued", "sold", "bought", "finished", "ended",
    "peaked", "settled", "fixed", "set", "pegged",
}  # fmt: skip
_BEFORE_A_TIME = {
    "at", "by", "until", "till", "before", "after", "since", "from", "about", "around", "approximately", "roughly",
    "to", "past",
}  # fmt: skip
_RANGE_WORDS = {"to", "until", "till", "through", "thru"}
# The words a date, a range of dates or a time can start with (anything else starts with a number).
_YEAR_HEDGES = {"early", "mid", "late"}
# Between a part of the day and "at" a time: "sunrise this morning is at 7 41", "tonight will be at 9 12".
_BEING = {"is", "was", "will", "be", "due", "expected", "comes", "falls"}
_SPAN_LEADS = {"in", "during", "over", "across", "throughout", "through"}
# zones that follow a four-digit clock ("2215 GMT"); not "et"/"pt", which are words in stripped text
_CLOCK_ZONES = TIME_ZONES - {"et", "pt"}
_DATE_STARTS = (
    {w[0] for w in DATE_QUALIFIERS} | set(MONTHS) | set(WEEKDAYS) | {"between", "from", "fy"} | set(ORDINAL_WORDS)
) | {"twenty", "thirty"}
_ZERO = Decimal(0)
WHY_DAY_MONTH_ORDER = (
    "Dates written all in numbers can be read two ways (03/01 is 3 January in Britain but 1 March in America)."
)
WHY_YEAR_RANGE = "The two years of this range do not follow each other, so it may not be a range of years."
WHY_OCLOCK = "“Four o’clock” can be in the morning or in the afternoon."
WHY_GLUED_YEAR = (
    "In text without punctuation, a year followed by a number could be a financial year (2019 20 for 2019–20) or "
    "a year and a count."
)
WHY_SHORT_YEAR = "A year printed with two digits (’31) could be in this century or the last."
WHY_LONE_YEAR = "A four-digit number on its own could be a year or a count."


# Before "27 and 29 November": words that place a date, so the bare day is a date too
_BEFORE_TWO_DAYS = {"on", "by", "until", "till", "before", "after", "since", "from", "of", "(", ","}


@dataclass(frozen=True)
class Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.month is None:
            return year
        out = f"{year}-{self.month:02d}"
        return out if self.day is None else f"{out}-{self.day:02d}"

    @property
    def category(self) -> str:
        if self.month is None:
            return "year"
        return "date"


class DateReader(Walker):
    # --- pieces -----------------------------------------------------------------------------------

    def day(self, i: int) -> tuple[int, int] | None:
        t = self.tok(i)
        if (
            t is None
            or t.kind != "num"
            or not t.is_integer
            or t.grouped
            or len(t.text) > 2
            or not 1 <= int(t.text) <= 31
        ):
            return None
        j = i + 1
        if self.is_word(j, *ORDINAL_SUFFIXES) and self.adjacent(j):
            j += 1
        return int(t.text), j

    def month(self, i: int, *, guard: bool = True) -> tuple[int, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "word" or t.low not in MONTHS:
            return None
        if t.low in MONTHS_THAT_ARE_WORDS and t.text.islower() and self._cased:
            return None  # in text that keeps its capitals, "may" and "march" are verbs: "Classes 6 to 12 may run"
        j = i + 1
        if self.is_word(j, ".") and self.adjacent(j) and len(t.text) <= 4 and t.low not in {"may", "june", "july"}:
            j += 1
        if guard and t.low in MONTHS_THAT_ARE_WORDS and not self._month_in_context(i, j, t.text):
            return None
        return MONTHS[t.low], j

    def _month_in_context(self, i: int, j: int, word: str) -> bool:
        """ "May", "march", "Jan" are months only beside a day or a year, or after a word for a time."""
        if self.day(j) or self.year(j) or self.day(i - 1) or self.is_word(i - 1, *TIME_LEADS):
            return True
        if self.is_word(j, ",") and self.year(j + 1):
            return True
        if (
            self.is_word(i - 1, *DASHES)
            and self.adjacent(i - 1)
            and self.adjacent(i)
            and self.month(i - 2, guard=False)
        ):
            return word[0].isupper() or not self._cased  # "the March-May long rains": a month after a month
        return word[0].isupper() and word.lower() != "may" and not self.sentence_start(i)

    @cached_property
    def _cased(self) -> bool:
        """The text keeps its capitals (it is not a caption track or a paste stripped to lowercase)."""
        return any(c.isupper() for c in self.text)

    def year(self, i: int) -> tuple[int, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.is_integer or t.grouped or len(t.text) != 4:
            return None
        value = int(t.text)
        if not 1000 <= value <= 2100:
            return None
        return value, i + 1

    def _weekday(self, i: int) -> int:
        """Skip a weekday ("Tuesday, ") before a date; returns the index after it."""
        if self.is_word(i, *WEEKDAYS) and self.same_line(i + 1):
            j = i + 1
            if self.is_word(j, ".") and self.adjacent(j):
                j += 1
            if self.is_word(j, ","):
                j += 1
            if self.day(j) or self.month(j):
                return j
        return i

    def _comma(self, j: int) -> int:
        return j + 1 if self.is_word(j, ",") and self.same_line(j + 1) else j

    def _skip_date_hedge(self, j: int) -> int:
        """ "between late February and mid-March": the hedges ("late", "mid-") widen the ends, the months stay."""
        for words in DATE_QUALIFIERS:
            if self.phrase(j, words):
                k = j + len(words)
                if self.is_word(k, *DASHES) and self.adjacent(k):
                    k += 1
                return k if self.month(k, guard=False) else j
        return j

    def day_word(self, i: int) -> tuple[int, int] | None:
        """A day of the month in words at token i: "first", "twenty-first", "twenty first", "thirty-first"."""
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        if t.low in ("twenty", "thirty"):
            k = i + 2 if self.is_word(i + 1, "-") and self.adjacent(i + 1) and self.adjacent(i + 2) else i + 1
            unit = self.tok(k)
            if unit is None or not self.same_line(k) or ORDINAL_WORDS.get(unit.low, 10) > 9:
                return None
            day = (20 if t.low == "twenty" else 30) + ORDINAL_WORDS[unit.low]
            return (day, k + 1) if day <= 31 else None
        day = ORDINAL_WORDS.get(t.low)
        return (day, i + 1) if day is not None and day <= 31 else None

    def _spoken_day(self, i: int) -> bool:
        """A day said as an ordinal at token i, as after "the": "2nd", "28th", "first", "twenty-first"."""
        return (
            self.day(i) is not None and self.is_word(i + 1, *ORDINAL_SUFFIXES) and self.adjacent(i + 1)
        ) or self.day_word(i) is not None

    def point(self, i: int, *, bare_day: bool = False, guard: bool = True) -> tuple[Point, int] | None:
        """One date at token i: day-month-year, month-day-year, month-year, a month, or a bare day."""
        w = self.day_word(i)
        if w and bare_day and self.is_word(i - 1, "the") and not self.is_word(w[1], "of"):
            return Point(None, None, w[0]), w[1]  # "from the first to the third of May": the first day
        if w and self.is_word(w[1], "of") and self.same_line(w[1] + 1) and (m := self.month(w[1] + 1, guard=False)):
            # "the first of December", "the twenty-first of June 2024": a day in words, always with "of" and a month
            month, k = m
            y = self.year(self._comma(k))
            if y and self.same_line(self._comma(k)):
                return Point(y[0], month, w[0]), y[1]
            return Point(None, month, w[0]), k
        d = self.day(i)
        if d:
            day, j = d
            k = j + 1 if self.is_word(j, "of") else j
            m = self.month(k, guard=False) if self.same_line(k) else None
            if m:
                month, k = m
                y = self.year(self._comma(k))
                if y and self.same_line(self._comma(k)):
                    return Point(y[0], month, day), y[1]
                return Point(None, month, day), k
            if bare_day:
                return Point(None, None, day), j
            return None
        m = self.month(i, guard=guard)
        if m:
            month, j = m
            d = self.day(j) if self.same_line(j) else None
            if d is None and self.is_word(j, "the") and self.same_line(j + 1):
                d = self.day_word(j + 1) or self.day(j + 1)  # "January the first", "March the 3rd"
                if d is not None and self.is_num(j + 1) and not self.is_word(j + 2, *ORDINAL_SUFFIXES):
                    d = None  # "March the 3" is not how a date is said
                after = self.tok(d[1]) if d is not None else None
                if after is not None and after.kind == "word" and self.same_line(d[1]):  # type: ignore[index]
                    if after.low not in STOP | PREPOSITIONS and not after.low.endswith(("ing", "ed", "ly")):
                        d = None  # "cut in september the third cut this year": the third of something
            if d and not self._counted_after(d[1]):
                day, k = d
                y = self.year(self._comma(k))
                if y and self.same_line(self._comma(k)):
                    return Point(y[0], month, day), y[1]
                return Point(None, month, day), k
            k = j + 1 if self.is_word(j, "of") else self._comma(j)
            y = self.year(k)
            if y and self.same_line(k):
                return Point(y[0], month, None), y[1]
            return Point(None, month, None), j
        return None

    def _counted_after(self, j: int) -> bool:
        """ "March 15 people": the number counts something, it is not a day."""
        t = self.tok(j)
        return t is not None and t.kind == "word" and (t.low in NOUNS or t.low in UNITS) and self.same_line(j)

    def _year_context(self, i: int) -> bool:
        return self.is_word(i - 1, *TIME_LEADS, "the", "year", "’s", "'s", "season", "fiscal")

    # --- whole expressions --------------------------------------------------------------------------

    def date_at(self, i: int) -> tuple[Value | Declined, int] | None:
        """A date, date range, month, year, decade or time starting at token i (with its qualifier)."""
        start = i
        qualifier_word = None
        t = self.tok(i)
        if t is None or (t.kind == "word" and t.low not in _DATE_STARTS):
            return None
        clock = self._four_digit_clock(i)
        if clock is not None:
            return clock
        hedged = self._hedged_year(i)
        if hedged is not None:
            return hedged
        fiscal = self._fiscal_year(i)
        if fiscal is not None:
            return fiscal
        for words in DATE_QUALIFIERS:
            if self.phrase(i, words):
                j = i + len(words)
                if self.is_word(j, *DASHES) and self.adjacent(j):
                    j += 1  # mid-September
                if self.month(j, guard=False) or self.day(j):
                    qualifier_word = self.span(i, i + len(words))[2]
                    i = j
                break
        found = self._range_or_point(i)
        if found is None:
            if qualifier_word is None:
                return self.time_at(start)
            return None
        value, k = found
        if isinstance(value, Declined):
            return value, k
        if qualifier_word is not None:
            s, e, text = self.span(start, k)
            value = Value(**{**value.__dict__, "start": s, "end": e, "text": text, "qualifier_word": qualifier_word})
        return value, k

    def _range_or_point(self, i: int) -> tuple[Value | Declined, int] | None:
        j = i
        between = self.is_word(i, "between", "from")
        if between:
            j = self._skip_date_hedge(i + 1)
            if self.is_word(j, "the") and self._spoken_day(j + 1):
                j += 1  # "between the 2nd and the 28th of August", "from the first to the third of May"
        # "from Monday 2 March until Friday 22 May": a range starts at its first weekday, a date after it
        start, j = (i if between else j), self._weekday(j)
        numeric = self._numeric_date(j)
        if numeric:
            return numeric
        decade = self._decade(j)
        if decade:
            return decade
        short = self._short_year(j)
        if short:
            return short
        first = self.point(j, bare_day=True)
        if first is None:
            return self._year_only(i, j, between)
        p1, k = first
        if p1.month is None and p1.day is not None:
            # a bare day: only a date when a range ends in a month ("3-5 January", "between 3 and 5 January",
            # "the weekend of 14 and 15 March": two days running)
            c = self._connector(k, between)
            c = c if c is None else self._weekday(c)
            if c is not None and self.is_word(c, "the") and self._spoken_day(c + 1):
                c += 1
            if c is None and self.is_word(k, "and", "or") and self.same_line(k + 1):
                nxt = self.point(k + 1)
                if nxt is not None and nxt[0].month is not None and nxt[0].day is not None:
                    if nxt[0].day == p1.day + 1 and self.is_word(k, "and"):  # type: ignore[operator]
                        c = k + 1
                    elif nxt[0].day > p1.day and self.is_word(j - 1, *_BEFORE_TWO_DAYS):  # type: ignore[operator]
                        # "on 27 and 29 November", "by 3 or 5 May": two dates apart, the month said once (the year
                        # printed after the second belongs to it)
                        return self._make_point(j, k, Point(None, nxt[0].month, p1.day)), k
            if c is None:
                return None
            second = self.point(c)
            if second is None or second[0].month is None or second[0].day is None:
                return None
            p2, end = second
            p1 = Point(p2.year, p2.month, p1.day)
            if p1.day >= p2.day:  # type: ignore[operator]
                return None
            return self._make_range(start, end, p1, p2), end
        if p1.month is None:
            return None
        if p1.day is not None and self.month(j, guard=False) and self.is_word(k, "and") and self.same_line(k + 1):
            d2 = self.day(k + 1)
            if d2 is not None and d2[0] == p1.day + 1 and self.is_num(k + 1) and not self._counted_after(d2[1]):
                # "on September 23 and 24": two days running, the month said once before them (as "14 and 15
                # March" after them)
                end, year = d2[1], p1.year
                y = self.year(self._comma(end))
                if y and self.same_line(self._comma(end)) and year is None:
                    end, year = y[1], y[0]
                return self._make_range(start, end, Point(year, p1.month, p1.day), Point(year, p1.month, d2[0])), end
        c = self._connector(k, between)
        if c is None and p1.day is None and self.is_word(j - 1, *_SPAN_LEADS) and self.is_word(k, "and"):
            c = self._next_month(k + 1, p1)  # "in July and August": two months running are one span
        if c is not None:
            c = self._weekday(c)
            if between and p1.day is None:
                c = self._skip_date_hedge(c)
            second = self.point(c, bare_day=p1.day is not None, guard=not (between and p1.day is None))
            if second is not None:
                p2, end = second
                if p2.month is None and p2.day is not None:
                    # "January 3-5, 2005"
                    y = self.year(self._comma(end))
                    year = y[0] if y and self.same_line(self._comma(end)) else p1.year
                    if y and year == y[0]:
                        end = y[1]
                    p2 = Point(year, p1.month, p2.day)
                    p1 = Point(year, p1.month, p1.day)
                if p2.month is not None and (p1.day is None) == (p2.day is None):
                    if p1.year is None and p2.year is not None:
                        p1 = Point(
                            p2.year - (1 if (p1.month, p1.day or 0) > (p2.month, p2.day or 0) else 0), p1.month, p1.day
                        )
                    return self._make_range(start, end, p1, p2), end
        if between:
            return None
        if p1.day is None and p1.year is None and self.is_word(j - 1, "every", "each"):
            return None  # "every November": no one date ("last November" still prints its month)
        return self._make_point(j, k, p1), k

    def _next_month(self, k: int, p1: Point) -> int | None:
        """Token k starts the month after p1's ("July and August"), or None."""
        second = self.point(k, guard=False) if self.same_line(k) else None
        if second is None or second[0].month is None or second[0].day is not None:
            return None
        return k if second[0].month == p1.month + 1 else None  # type: ignore[operator]  (not across a new year)

    def _connector(self, k: int, between: bool) -> int | None:
        if not self.same_line(k) or not self.same_line(k + 1):
            return None
        if self.is_word(k, ",") and self.is_word(k + 1, *_RANGE_WORDS) and self.same_line(k + 2):
            k += 1  # "Monday, March 2, through Friday, May 22"
        if self.is_word(k, *DASHES) or self.is_word(k, *_RANGE_WORDS):
            return k + 1
        if between and self.is_word(k, "and"):
            return k + 1
        if between and self.is_word(k, ",") and self.is_word(k + 1, "and") and self.same_line(k + 2):
            return k + 2  # "between Oct. 1, 2026, and Sept. 30, 2027": the comma that closes the first year
        return None

    def _year_only(self, i: int, j: int, between: bool) -> tuple[Value | Declined, int] | None:
        y = self.year(j)
        if y is None:
            return None
        year, k = y
        t = self.tok(k)
        # 2023-24, 2004-2008, 2022/23, 2004 to 2008
        if t is not None and (
            t.text in DASHES or t.text == "/" or t.low in _RANGE_WORDS or (between and t.low == "and")
        ):
            adjacent = self.adjacent(k) and self.adjacent(k + 1)
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.kind == "num" and nxt.is_integer and self.same_line(k + 1):
                if len(nxt.text) == 2 and adjacent:
                    second = year // 100 * 100 + int(nxt.text)
                    if second > year:  # "2023-24", "the 2025-27 period", "1939-45": later in the same century
                        return self._make_range(i if between else j, k + 2, Point(year), Point(second)), k + 2
                    s, e, text = self.span(j, k + 2)
                    return Declined(text, s, e, WHY_YEAR_RANGE), k + 2
                y2 = self.year(k + 1)
                if y2 and y2[0] > year:
                    return self._make_range(i if between else j, y2[1], Point(year), Point(y2[0])), y2[1]
        nxt = self.tok(k)
        if getattr(self, "stripped", False) and nxt is not None and nxt.kind == "num" and self.same_line(k):
            # stripped text lost the dash of a financial year: "the budget for 2024 25"
            if len(nxt.text) == 2 and nxt.is_integer and int(nxt.text) == (year + 1) % 100:
                after = self.tok(k + 1)
                counted = (
                    after is not None
                    and after.kind == "word"
                    and self.same_line(k + 1)
                    and (
                        after.low in NOUNS or after.low in UNITS or (after.low.endswith("s") and after.low not in STOP)
                    )
                )
                s, e, text = self.span(j, k + 1)
                if counted:
                    return Declined(text, s, e, WHY_GLUED_YEAR), k + 1  # "in 2019 20 people": 2019–20, or 20 people?
                return self._make_range(i if between else j, k + 1, Point(year), Point(year + 1)), k + 1
        if between:
            return None
        if self._not_a_year(k):
            return None
        nxt = self.tok(k)
        if (
            nxt is not None
            and nxt.kind == "word"
            and self.same_line(k)
            and nxt.text.islower()
            and nxt.low.endswith("s")
            and nxt.low not in STOP
            and not self._year_context(j)
        ):
            return None  # "said 1200 homes had been damaged": a count ("in 1990 prices rose" stays a year)
        if self.adjacent(j) and self.tok(j - 1).kind != "sym":  # type: ignore[union-attr]
            return None
        if self.adjacent(j) and self.tok(j - 1).text in {"$", "£", "€", "₹", "¥", "#", "-"}:  # type: ignore[union-attr]
            return None
        value = self._make_point(j, k, Point(year))
        if not self._year_context(j) and not (1900 <= year <= 2100):
            value = Value(**{**value.__dict__, "confidence": UNSURE, "why": WHY_LONE_YEAR})
        return value, k

    def _not_a_year(self, k: int) -> bool:
        """What follows makes a four-digit number a count: "2000 people", "1500 km", "2024%"."""
        t = self.tok(k)
        if t is None or not self.same_line(k):
            return False
        if t.text in {"%", ".", ","} and self.is_num(k + 1) and self.adjacent(k + 1):
            return True  # 2004.5, 2,004 split oddly
        if t.text == "%" or (t.kind == "word" and (t.low in NOUNS or t.low in UNITS or t.low in ORDINAL_SUFFIXES)):
            return True
        if t.kind == "word" and t.low in CURRENCY_WORDS and not t.text[:1].isupper():
            return True  # "1758 pounds a year": an amount of money, not the year 1758
        if t.low == "per" and self.same_line(k + 1) and self.is_word(k + 1, *CURRENCY_WORDS, "head", "person"):
            return True  # "1450 per dollar", "1200 per head": an amount for each, not a year
        return t.kind == "word" and self.adjacent(k) and t.low not in {"s"}

    def _decade(self, j: int) -> tuple[Value, int] | None:
        t = self.tok(j)
        start = j
        if t is not None and t.text in {"'", "’"} and self.is_num(j + 1) and self.adjacent(j + 1):
            j += 1
            t = self.tok(j)
        if t is None or t.kind != "num" or not t.is_integer or t.grouped:
            return None
        digits = t.text
        if not digits.endswith("0") or len(digits) not in (2, 4):
            return None
        k = j + 1
        if self.is_word(k, "’", "'") and self.adjacent(k):
            k += 1
        if not (self.is_word(k, "s") and self.adjacent(k)):
            return None
        if len(digits) == 2:
            if start == j and not self.is_word(j - 1, "the", "early", "late", "mid", "in"):
                return None  # "20s" without "the": an age or a temperature
            decade = f"19{digits}s"
            s, e, text = self.span(start, k + 1)
            return self._value(s, e, text, decade, decade, "decade", CONFIDENT if start != j else UNSURE), k + 1
        s, e, text = self.span(start, k + 1)
        return self._value(s, e, text, digits + "s", digits + "s", "decade"), k + 1

    def _short_year(self, j: int) -> tuple[Value | Declined, int] | None:
        """ "in '98", "the summer of ’05": a year with its century left off, after a word that places a time.
        Which century is plain only for years well away from today's: '25 to '39 are declined."""
        t, n = self.tok(j), self.tok(j + 1)
        if t is None or t.text not in {"'", "’"} or n is None or n.kind != "num" or not self.adjacent(j + 1):
            return None
        if len(n.text) != 2 or not n.is_integer or not self.is_word(j - 1, *TIME_LEADS, "of"):
            return None
        after = self.tok(j + 2)
        if (
            after is not None
            and self.same_line(j + 2)
            and ((after.kind == "word" and after.low not in STOP) or after.text in {"'", "’", "%"})
        ):
            return None  # ‘20 people were hurt’: a quotation that starts with a number
        two = int(n.text)
        s, e, text = self.span(j, j + 2)
        if 25 <= two < 40:
            return Declined(text, s, e, WHY_SHORT_YEAR), j + 2
        year = 2000 + two if two < 25 else 1900 + two
        return self._value(s, e, text, str(year), None, "year"), j + 2

    def _numeric_date(self, j: int) -> tuple[Value | Declined, int] | None:
        """2025-09-03 (ISO), 03/01/2005 and 3.1.2005 (order unknown unless a part is above 12)."""
        t = self.tok(j)
        if t is None or t.kind != "num" or not t.is_integer or t.grouped:
            return None
        parts, k, seps = [t], j + 1, set()
        while len(parts) < 3 and self.is_word(k, "-", "/", ".") and self.adjacent(k) and self.adjacent(k + 1):
            nxt = self.tok(k + 1)
            if nxt is None or nxt.kind != "num" or not nxt.is_integer:
                break
            seps.add(self.toks[k].text)
            parts.append(nxt)
            k += 2
        if len(parts) != 3 or len(seps) != 1:
            return None
        a, b, c = (int(p.text) for p in parts)
        s, e, text = self.span(j, k)
        if len(parts[0].text) == 4 and 1 <= b <= 12 and 1 <= c <= 31:
            return self._value(s, e, text, f"{a:04d}-{b:02d}-{c:02d}", None, "date"), k
        if len(parts[2].text) not in (2, 4) or seps == {"-"} and len(parts[2].text) == 2:
            return None
        year = c if len(parts[2].text) == 4 else 2000 + c
        if a > 12 and b <= 12:
            return self._value(s, e, text, f"{year:04d}-{b:02d}-{a:02d}", None, "date"), k
        if b > 12 and a <= 12:
            return self._value(s, e, text, f"{year:04d}-{a:02d}-{b:02d}", None, "date"), k
        if a <= 12 and b <= 12:
            return Declined(text, s, e, WHY_DAY_MONTH_ORDER), k
        return None

    def _make_point(self, i: int, k: int, p: Point) -> Value:
        s, e, text = self.span(i, k)
        category = "date" if p.month is not None else "year"
        return self._value(s, e, text, p.iso(), None, category)

    def _make_range(self, i: int, k: int, p1: Point, p2: Point) -> Value:
        s, e, text = self.span(i, k)
        category = "year" if p1.month is None and p2.month is None else "date_range"
        if category == "year":
            category = "date_range"
        return self._value(s, e, text, p1.iso(), p2.iso(), category)

    def _value(
        self, s: int, e: int, text: str, low: str, high: str | None, category: str, confidence: str = CONFIDENT
    ) -> Value:
        return Value(
            text=text,
            start=s,
            end=e,
            low=_ZERO,
            high=_ZERO,
            kind="date",
            category=category,
            when_low=low,
            when_high=high or low,
            confidence=confidence,  # type: ignore[arg-type]
            why=None if confidence == CONFIDENT else "A two-digit decade could be an age or a temperature.",
        )

    # --- times of day -------------------------------------------------------------------------------

    def time_at(self, i: int) -> tuple[Value, int] | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind != "num" or t.grouped:
            return None
        hour = minute = None
        j = i + 1
        if t.is_integer and self.is_word(j, ":", ".") and self.adjacent(j) and self.adjacent(j + 1):
            nxt = self.tok(j + 1)
            if nxt is not None and nxt.kind == "num" and nxt.is_integer and len(nxt.text) == 2:
                hour, minute, j = int(t.text), int(nxt.text), j + 2
        elif not t.is_integer and len(t.text.split(".")[1]) == 2 and len(t.text.split(".")[0]) <= 2:
            hour, minute = (int(x) for x in t.text.split("."))
            lead = self._lead_before_time(i)
            at = self.is_word(lead, "at", "by", "until", "till", "before", "after") and not self.adjacent(i)
            if self.is_word(lead - 1, *_PRICE_VERBS):
                at = False  # "shares closed at 7.25", "closed at about 7.25": a price, not a time
            after = self.tok(j)
            # "at 9.15 on Monday", "at 9.15." is a time; "at 1.08 dollars", "at 2.45 million" is not
            plain = (
                after is None
                or not self.same_line(j)
                or (after.kind == "sym" and after.text not in {"%", "/", "-", "–"})
                or (after.text in {"-", "–", "—"} and not self.adjacent(j) and not self.is_num(j + 1))
                or (after.kind == "word" and (after.low in _AFTER_A_TIME or after.low in TIME_ZONES))
            )
            zoned = self.is_word(j, *_CLOCK_ZONES) and self.same_line(j)  # "(15.40 GMT)"
            zoned = zoned or self.phrase(j, ("local", "time"))  # "at about 11.00 local time"
            if self._meridiem(j) is None and not (at and plain) and not zoned:
                return None  # "10.30" alone is a decimal; "at 9.15." is a time
        elif t.is_integer and len(t.text) in (3, 4) and getattr(self, "stripped", False):
            # a caption track that lost the colon: "at 140 in the morning", "at 1115pm"
            hour, minute = int(t.text[:-2]), int(t.text[-2:])
            in_the = self.is_word(i - 1, *_BEFORE_A_TIME) and self._part_of_day(j, only_in=True)
            if self._meridiem(j) is None and not in_the and not self._morning_show(i, hour, j):
                return None  # "the 842 from harrogate" is a time only in a morning programme
        elif t.is_integer and len(t.text) <= 2:
            hour, minute = int(t.text), 0
            nxt = self.tok(j)
            before = self._part_of_day_before(i) or self._morning_show(i, hour, j + 1)
            if (
                nxt is not None
                and nxt.kind == "num"
                and len(nxt.text) == 2
                and nxt.is_integer
                and self.same_line(j)
                and (self._meridiem(j + 1) or self._part_of_day(j + 1, only_in=True) or before)
            ):
                minute, j = int(nxt.text), j + 1  # stripped text: "3 30 in the morning", "7 45 pm"
            if before and self._meridiem(j) is None and not self._oclock(j) and not self._part_of_day(j, only_in=True):
                # "tomorrow night at 7 45", "tonight at 9": the part of the day was said first
                if not 1 <= hour <= 12 or self._counted_after(j):
                    return None
                if before != "morning":
                    hour = hour % 12 + 12
                s, e, text = self.span(i, j)
                return self._time(s, e, text, hour, minute), j
            timed = self.is_word(i - 1, *_BEFORE_A_TIME) and self._part_of_day(j, only_in=True)
            if self._meridiem(j) is None and not self._oclock(j) and not timed:
                return None  # "6 in the morning" is a time after "at", "by", "about"…, not in "6 in the morning class"
        if hour is None or minute is None or minute > 59 or hour > 23:
            return None
        m = self._meridiem(j)
        if m is not None:
            half, j = m
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half == "pm" else 0)
        elif self._oclock(j) or (self.is_word(i - 1, *_BEFORE_A_TIME) and self._part_of_day(j, only_in=True)):
            j = self._oclock(j) or j
            part = self._part_of_day(j)
            if part == "night" and 6 <= hour <= 11:
                part = "evening"  # "at 10 o'clock last night"; "2 o'clock last night" could be either
            if part in ("afternoon", "evening"):
                hour = hour % 12 + 12
            elif part != "morning":
                s, e, text = self.span(i, j)
                value = self._time(s, e, text, hour, minute)
                return Value(**{**value.__dict__, "confidence": UNSURE, "why": WHY_OCLOCK}), j
        zoned = self.is_word(j, *TIME_ZONES) and self.same_line(j)
        if zoned:
            j += 1
        s, e, text = self.span(i, j)
        value = self._time(s, e, text, hour, minute)
        if ":" in text and m is None and not zoned and hour <= 12 and not self._timed_around(i, j):
            # "a titre of 1:50", "75 yards in eight plays and 1:58", "but 1:06 is a lot": a colon pair with no
            # word that makes it a time of day may as well be a ratio, a game clock or a gap
            return Value(**{**value.__dict__, "confidence": UNSURE, "why": WHY_BARE_CLOCK}), j
        return value, j

    def _timed_around(self, i: int, j: int) -> bool:
        """Words around a clock time at tokens i..j that make it a time of day: "at 1:50", "by about 9:15",
        "1:50 on Monday", "9:15 this morning", "until 11:30 local time"."""
        lead = self._lead_before_time(i)
        if self.is_word(lead, *_BEFORE_A_TIME, "between"):
            return True
        if self.is_word(lead, "and", "to", "or", "-", "–") and self.is_num(lead - 1):
            return True  # "between 9:15 and 11:30", "from 8:30 to 9:45"
        if self.is_word(j, *_AFTER_A_TIME - {"and", "the", "in"}) and self.same_line(j):
            return True
        return bool(self._part_of_day(j))

    def _lead_before_time(self, i: int) -> int:
        """The token that places the time at token i, past a hedge: "at" in "at about 11.00", "by around 9:15"."""
        return i - 2 if self.is_word(i - 1, "about", "around", "approximately", "roughly", "shortly") else i - 1

    def _fiscal_year(self, i: int) -> tuple[Value, int] | None:
        """ "FY27", "FY2027": a financial year named by the year it ends in, so it runs across two years (2026 to
        2027), as Indian, British and American reports print it. "FY 2025-26" is left to the year ranges."""
        t = self.tok(i)
        if t is None or t.low != "fy" or not self.same_line(i + 1):
            return None
        n = self.tok(i + 1)
        if n is None or n.kind != "num" or not n.is_integer or n.grouped or len(n.text) not in (2, 4):
            return None
        if self.is_word(i + 2, *DASHES, "/") and self.adjacent(i + 2):
            return None
        end = int(n.text) + (2000 if len(n.text) == 2 else 0)
        if not 1950 <= end <= 2100:
            return None
        return self._make_range(i, i + 2, Point(end - 1), Point(end)), i + 2

    def _hedged_year(self, i: int) -> tuple[Value, int] | None:
        """ "early 2024", "mid-2027", "late 2027": a year hedged at its start, a `year` with the hedge as its
        qualifier (a season is not a hedge: "summer of 2025" reads the year alone). Not "early 2024 voters" (a
        count), nor "the early 1990s" (a decade, read elsewhere), nor "early 2024-25" (left to the ranges)."""
        t = self.tok(i)
        if t is None or t.kind != "word" or t.low not in _YEAR_HEDGES:
            return None
        j = i + 1
        if self.is_word(j, *DASHES) and self.adjacent(j) and self.adjacent(j + 1):
            j += 1  # mid-2027
        y = self.year(j) if self.same_line(j) and not self._decade(j) else None
        if y is None or self._not_a_year(y[1]) or not 1900 <= y[0] <= 2100:
            return None
        k = y[1]
        if self.is_word(k, *DASHES, "/", *_RANGE_WORDS):
            return None
        s, e, text = self.span(i, k)
        value = self._value(s, e, text, str(y[0]), None, "year")
        return Value(**{**value.__dict__, "qualifier_word": t.text}), k

    def _four_digit_clock(self, i: int) -> tuple[Value, int] | None:
        """ "2215 GMT", "0600 UTC": four digits and a time zone are a 24-hour clock, not a year or a count; so are
        four digits with a leading zero ("0847"), and the four digits joined to them ("at 0847 and 2112")."""
        t = self.tok(i)
        if t is None or t.kind != "num" or t.grouped or not t.is_integer or len(t.text) != 4:
            return None
        hour, minute = int(t.text[:2]), int(t.text[2:])
        if hour > 23 or minute > 59:
            return None
        if self.is_word(i + 1, *_CLOCK_ZONES) and self.same_line(i + 1):
            s, e, text = self.span(i, i + 2)
            return self._time(s, e, text, hour, minute), i + 2
        # "high water at 0847 and 2112": a leading zero makes four digits a 24-hour clock, and so is its partner
        before = self.tok(i - 2) if self.is_word(i - 1, "and", ",", "or") else None
        partner = before is not None and before.kind == "num" and len(before.text) == 4 and before.text[0] == "0"
        if t.text[0] == "0" or partner:
            return self._time(t.start, t.end, t.text, hour, minute), i + 1
        return None

    def _part_of_day(self, j: int, *, only_in: bool = False) -> str | None:
        """ "in the afternoon", "on Sunday afternoon", "that evening": the part of the day a clock time is in,
        when the words right after it (no punctuation between) name one. ``only_in``: just "in the morning",
        "in the afternoon", "in the evening", which make a bare number a time ("at about 6 in the morning")."""
        if only_in:
            # "in the morning", "this evening", "tomorrow morning", "on Monday morning" ("at 10 30 tomorrow morning")
            on_a_day = self.is_word(j, "on") and self.is_word(j + 1, *WEEKDAYS)
            for part in ("morning", "afternoon", "evening"):
                if not self.same_line(j):
                    return None
                if self.phrase(j, ("in", "the", part)) or on_a_day and self.phrase(j + 2, (part,)):
                    return part
                if self.is_word(j, "this", "that", "tomorrow", "yesterday") and self.phrase(j + 1, (part,)):
                    return part
            return None
        for k in range(j, j + 4):
            t = self.tok(k)
            if t is None or t.kind != "word" or not self.same_line(k):
                return None
            if t.low in ("morning", "afternoon", "evening"):
                return t.low
            if t.low == "tonight" or t.low == "night" and self.is_word(k - 1, "last", "tomorrow", "that", "at"):
                return "night"
            if t.low not in _BEFORE_PART_OF_DAY and t.low not in WEEKDAYS:
                return None
        return None

    def _morning_show(self, i: int, hour: int, after: int) -> str | None:
        """ "good morning everyone … the bascule bridge is due to lift at 8 15", "the 7 42 from ipswich": in a
        morning programme stripped of its punctuation (it greets its listeners with "good morning" or calls itself
        a breakfast show, and greets no afternoon or evening), a clock time from 5 to 11 after "at", "the", "is"
        or "its" is in the morning: what a listener takes it to mean."""
        if not (getattr(self, "morning_show", False) and 5 <= hour <= 11):
            return None
        t = self.tok(after)  # the word after the clock: "down from 502 million last year" counts, it is no time
        if (
            t is not None
            and self.same_line(after)
            and (t.low in SCALES or t.low in SHORT_SCALES or t.low in CURRENCY_WORDS)
        ):
            return None
        if self._counted_after(after) or self.is_word(after, "percent", "per", "%"):
            return None
        if self.is_word(i + 1, "or", "to", "and") and self.is_num(i + 2) and self._counted_after(i + 3):
            return None  # "brought forward by 7 or 8 years": the first end of a range of something counted
        return "morning" if self.is_word(i - 1, "at", "the", "is", "its", "until", "by", "from") else None

    def _part_of_day_before(self, i: int) -> str | None:
        """ "tonight at 7 45", "tomorrow night at 7 45", "this morning at 8 15": the part of the day said just
        before "at" and a clock time (evening for "night")."""
        if not self.is_word(i - 1, "at") or not self.same_line(i - 1):
            return None
        t = self.tok(i - 2)
        if t is None or not self.same_line(i - 2) or t.kind != "word":
            return None
        if t.low == "tonight" or t.low == "night" and self.is_word(i - 3, "tomorrow", "last", "that"):
            return "evening"
        if t.low in ("morning", "afternoon", "evening") and self.is_word(i - 3, *_BEFORE_PART_OF_DAY, *WEEKDAYS):
            return t.low
        # "sunrise this morning is at 7 41", "high tide tonight will be at 9 12": a verb of being between
        n = i - 2
        while n > i - 5 and self.same_line(n) and self.is_word(n, *_BEING):
            n -= 1
        if n < i - 2 and self.same_line(n):
            if self.is_word(n, "tonight"):
                return "evening"
            if self.is_word(n, "morning", "afternoon", "evening") and self.is_word(n - 1, "this", "tomorrow"):
                return self.toks[n].low
        return None

    def _oclock(self, j: int) -> int | None:
        if self.is_word(j, "oclock"):
            return j + 1
        if self.is_word(j, "o") and self.is_word(j + 1, "’", "'") and self.is_word(j + 2, "clock"):
            return j + 3
        return None

    def _meridiem(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is None or not self.same_line(j):
            return None
        if t.low in {"am", "pm"}:
            return t.low, j + 1
        if t.low in {"a", "p"} and self.is_word(j + 1, ".") and self.is_word(j + 2, "m") and self.adjacent(j + 2):
            k = j + 3
            if self.is_word(k, ".") and self.adjacent(k):
                k += 1
            return t.low + "m", k
        return None

    def _time(self, s: int, e: int, text: str, hour: int, minute: int) -> Value:
        iso = f"{hour:02d}:{minute:02d}"
        return Value(
            text=text, start=s, end=e, low=_ZERO, high=_ZERO, kind="time", category="time", when_low=iso, when_high=iso
        )
