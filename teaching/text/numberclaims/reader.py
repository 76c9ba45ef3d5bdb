"""Reading numbers: counts, money, percentages, ranges, ratios, fractions, ordinals, rates and durations.

See the package docstring for what is read and what is declined. ``parse_claim`` walks the tokens once,
trying at each token a date or time (``dates.DateReader``), then a fraction in words, then a number with
what surrounds it, then an ordinal or an order of magnitude.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from math import gcd

from teaching.text.numberclaims.bindings import WHY_BARE_HOUR, bind, sets_an_amount
from teaching.text.numberclaims.dates import DateReader, Point
from teaching.text.numberclaims.values import (
    CONFIDENT,
    UNSURE,
    Declined,
    NumberClaim,
    Qualifier,
    Vague,
    Value,
    plain_number,
)
from teaching.text.numberclaims.vocabulary import (
    CRICKET,
    CURRENCY_CODES,
    CURRENCY_FULL_NAMES,
    CURRENCY_FULL_NAMES_LONGEST,
    CURRENCY_LETTER_PREFIXES,
    CURRENCY_NAMES_THAT_ARE_WORDS,
    CURRENCY_PREFIX_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_UNIT_NAMES,
    CURRENCY_WORDS,
    DAILY_UNITS,
    DASHES,
    DENOMINATORS,
    DURATION_SCALE,
    DURATION_UNITS,
    MAGNITUDES,
    MEASURE_NOUNS,
    MONEY_WORDS,
    MONTHS,
    NOT_RATE_AFTER,
    NOUNS,
    ONES,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PREPOSITIONS,
    QUALIFIER_PHRASES,
    RACING,
    RATE_LEADS,
    RATE_PERIODS,
    RATE_WORDS,
    SCALES,
    SHORT_SCALES,
    SHORT_SCALES_ANYWHERE,
    SPEED_UNITS,
    STOP,
    SUBUNITS,
    TENS,
    THOUSAND_K,
    UNITS,
    is_morning_show,
    is_stripped,
    is_tennis_report,
)

WHY_M = "“m” after a number can mean metres or millions."
WHY_LABEL = "A number right after a name (Section 230, Boeing 737) is usually a label, not an amount."
WHY_SLASH = "Two numbers with a slash between them could be a fraction, a date or a score."
WHY_ONE = "“One” on its own is often just a word (“one of them”), not an amount."
WHY_A_UNIT = "“A year”, “a day” and the like are often a way of speaking rather than an amount."
WHY_GLUED = "In text without punctuation, two numbers side by side could be one number (150 200) or two (150 to 200)."
WHY_POINTS = (
    "“Points” can be percentage points (in a poll), points of a score or of a share index: the sentence does not "
    "say which."
)
WHY_FIRST = "“First” at the end of a phrase is often an adverb (“recover first”), not a position."
WHY_YEAR_OR_COUNT = "A four-digit number like this could be a year or a count."
WHY_FIGURES = "“Three figures” or “six figures” says how many digits a number has, not the number itself."
WHY_CLOCK = "“At 8.30” may be a time of day or a number with two decimals: nothing around it says which."
WHY_HOURS = "“From 9 till 5” gives hours of the clock without saying morning or afternoon."
WHY_PART_OF = "“The best part of a day” means most of one: it does not say how long."
WHY_EVERY = "“Every 15” does not say every 15 what (minutes? people?)."
WHY_COMPOUND = (
    "The number is part of a word joined by a hyphen (“a two-bed flat”), and the reader does not know what that "
    "word counts."
)
WHY_A_NUMBER = "After “a”, a number word is usually the name of something (“hit a six”), not an amount."
WHY_GRAND = "“Grand” means thousands of pounds or dollars; the text does not say which."
WHY_TIMES = "“Nine times …” may multiply what follows or count occasions; the words after it do not say which."
WHY_FIGURATIVE = (
    "“A thousand times” or “not in a million years” is usually a figure of speech for “very often” or “never”, "
    "not a count."
)
# Words before "a"/"an" + a time unit that make it an amount of time: "for a month", "within a decade".
_DURATION_LEADS = {"for", "in", "within", "over", "after", "than", "about", "nearly", "almost", "around", "past"}
_ONCE_BEFORE = {"just", "only", "than", "least", "exactly", "once", "scored", "met", "won"}
_ONCE_AFTER = {"a", "an", "per", "every", "each", "in", "since", "more"}
_NOT_ONE_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone", "everyone"}
_CHANGE_WORDS = {
    "from", "rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "increased", "increase",
    "decreased", "cut", "raised", "lifted", "lowered", "dropped", "climbed", "jumped", "slipped", "grew", "up",
    "down", "reduced", "slashed", "doubled", "soared", "plunged", "edged",
    # and as a report says what happens next: "the minimum wage climbs $1 to $15 an hour"
    "climbs", "jumps", "drops", "grows", "slips", "increases", "decreases", "soars", "plunges", "edges", "raises",
    "lifts", "lowers", "reduces",
}  # fmt: skip
# Before "X-Y" or "X to Y": words of a contest that make the pair two tallies ("the bill failed 212-219",
# "trailing 41% to 52%"), never a range.
_TALLY_VERBS = {
    "failed", "passed", "voted", "approved", "rejected", "defeated", "carried", "split", "trailing", "trailed",
    "trails", "trail", "leading", "leads", "won", "lost", "losing", "winning", "beaten", "beat", "tied", "drew",
}  # fmt: skip
# After "X-Y": what makes the pair two tallies ("failed on a 4-5 vote", "a 2-3 defeat"), never a range.
_TALLIED = {"vote", "votes", "ruling", "decision", "verdict", "win", "victory", "defeat", "loss", "draw", "scoreline"}
# Before "at 7.25": verbs that make it a price or a level ("shares closed at 7.25"), not a time of day.
_PRICED_AT = {
    "closed", "close", "closing", "stood", "stands", "stand", "traded", "trading", "opened", "ended", "finished",
    "settled", "peaked", "priced", "fixed", "set", "valued", "capped", "pegged", "held", "kept", "level",
}  # fmt: skip
# Before "from X to Y": words that make it a range of values, not a change from one to the other.
_RANGE_BEFORE_FROM = {
    "range", "ranges", "ranging", "ranged", "vary", "varies", "varying", "varied", "priced", "costing", "cost",
    "costs", "anywhere", "aged", "ages", "runs", "run", "running", "spans", "spanning", "stretches", "extends",
}  # fmt: skip
_MULTIPLES = {
    "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "treble": 3, "trebled": 3, "quadruple": 4,
    "quadrupled": 4, "halved": None, "doubles": 2, "doubling": 2, "triples": 3, "tripling": 3, "trebles": 3,
    "trebling": 3, "quadruples": 4, "quadrupling": 4,
}  # fmt: skip
# "doubles" is also a game of tennis or badminton: the words around it that say so
_BEFORE_DOUBLES_GAME = {"the", "mixed", "men's", "women's", "men’s", "women’s", "in", "of", "and", "a", "her", "his",
                        "their", "s", "play", "playing", "won", "win", "wins"}  # fmt: skip
_DOUBLES_GAME_NOUNS = {"title", "titles", "final", "finals", "partner", "partners", "champion", "champions", "match",
                       "matches", "semi", "semifinal", "tournament", "crown", "event", "team", "pair", "rubber",
                       "and", "or"}  # fmt: skip
_NOT_MULTIPLYING_AFTER = {"down", "up", "over", "back"}
# Before "double", "triple": words that make it a verb ("to double charges"), not an adjective ("a double murder").
_BEFORE_A_VERB = {
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "set", "also", "than",
    "nearly", "almost", "roughly", "more",
}  # fmt: skip
_AGE_UNITS = {w: UNITS[w] for w in ("year", "years", "month", "months", "week", "weeks", "day", "days")}
_MEASURES_COMPARED = {
    "many", "much", "likely", "high", "low", "long", "short", "big", "large", "small", "fast", "slow", "often",
    "far", "good", "bad", "old", "young", "heavy", "light", "deep", "wide", "tall", "hot", "cold", "strong",
    "weak", "rich", "poor", "quick", "busy", "costly", "deadly", "close", "hard", "well",
}  # fmt: skip
_ADJECTIVE_ENDINGS = ("ly", "ive", "ful", "ous", "able", "ible", "ent", "ant", "al", "ic", "ier", "er")
# Rate periods that are spans of time ("a year since" may place a time; "a litre since" cannot)
_TIME_PERIODS = {"day", "week", "month", "year", "hour", "night", "minute", "second", "annum", "fortnight", "quarter",
                 "decade", "season", "term", "weekend", "morning", "evening", "afternoon"}  # fmt: skip
# Verbs that "over" completes ("handed over 300 files", "turned over £2m"): the "over" is not "more than".
_HANDED_OVER = {"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "sign", "signs", "signed",
                "signing"}  # fmt: skip
_MOVED_UP = {"tick", "ticks", "went", "goes", "go", "going", "rise", "rises", "rose", "gone", "risen", "creep",
             "creeps", "crept", "shot", "shoot", "shoots", "move", "moves", "edge", "edges", "inch", "inches",
             "push", "pushes", "put", "puts", "drive", "drives", "drove", "driven", "jump", "jumps", "climb",
             "climbs", "ratchet", "ratchets", "come", "comes", "came", "step", "steps", "bump", "bumps",
             "ticked", "edged", "inched", "moved", "pushed", "jumped", "climbed", "ratcheted", "stepped", "bumped",
             "creeped"}  # fmt: skip
# After a plural-looking word, an object pronoun makes it a verb ("£5 gets you", "$2m buys them")
_OBJECT_PRONOUNS = {"them", "us", "him", "me", "you"}
# Verbs in -s that follow an amount as its verb: "£42,000 takes the total", "the rise pushes the bill".
_VERBS_OF_AMOUNTS = {"takes", "brings", "pushes", "puts", "lifts", "makes", "gives", "covers", "pays", "buys", "means"}
# before a cricket "hundred" that stands alone ("his 39th Test hundred" is the ordinal's unit, not a mention)
_BEFORE_A_HUNDRED = {"maiden", "successive", "fine", "brilliant", "unbeaten", "his", "her", "fastest", "another"}
# with CRICKET, a report on snooker, where a "century" is a break of a hundred, not a hundred years
_SNOOKER = re.compile(r"\b(?:snooker|frames?|cue)\b", re.IGNORECASE)
_MOST_OF = {"best", "better", "greater", "larger", "bigger"}
# before "over" and a span of time, words that make it "more than": "waits over 18 weeks", "in over 20 years"
_OVER_MEANS_MORE = {"for", "wait", "waits", "waited", "waiting", "from", "well", "took", "take", "takes", "taken",
                    "lasted", "lasts", "last", "lasting", "in", "of", "than", "after", "just", "spent", "spend",
                    "spends", "is", "was", "are", "were", "be", "been", "aged", "at", "by", "within", "since",
                    "slightly", "far", "way", "nearly", "now"}  # fmt: skip
_DOSE_UNITS = {"mg", "g", "mcg", "ml", "kg", "mmol", "units", "kcal"}
_RESULT_WORDS = {"score", "scores", "result", "results", "ft", "ht", "final", "full-time", "half-time"}
_VULGAR = {"½": Decimal("0.5"), "¼": Decimal("0.25"), "¾": Decimal("0.75")}
_GAP_WORDS = {"sec", "secs", "seconds", "behind", "clear", "classification", "gc", "standings", "adrift"}
_WEIGHT_WORDS = {"weigh", "weighs", "weighing", "weighed", "weight", "weights", "load", "loads", "payload",
                 "heavier", "lighter", "tipped", "scales"}  # fmt: skip
_CLOSING = {")", ",", ".", ";", ":", "!", "?", "”", "’", '"'}
_DISTANCE_RACES = {"run", "runs", "race", "races", "walk", "walks", "swim", "row", "runners", "fun", "course"}
_VAGUE_COUNTS = {"dozens", "scores", "hundreds", "thousands", "millions", "billions"}
_FOLD = re.compile(r"([a-z]+)fold")
# After "60-40": words that make the pair shares of a whole ("a 60-40 split"), not a score.
_SHARES = {
    "split",
    "splits",
    "chance",
    "chances",
    "call",
    "division",
    "share",
    "shares",
    "ratio",
    "basis",
    "mix",
    "bet",
}
# "as high as 2 times": words of a level between "as" and "as".
_LEVELS = {"high", "low", "big", "large", "great", "small", "fast", "heavy", "steep"}
# After "three times" or "twice": what makes it a comparison (a ratio), not a count of occasions.
_COMPARING = {
    "as", "the", "that", "what", "more", "less", "fewer", "higher", "lower", "bigger", "larger", "greater",
    "faster", "slower", "longer", "smaller", "likely", "over",
}  # fmt: skip


class _Num:
    __slots__ = ("value", "next", "scaled", "digits", "base")

    def __init__(self, value: Decimal, next_: int, scaled: bool, digits: bool, base: Decimal) -> None:
        self.value, self.next, self.scaled, self.digits, self.base = value, next_, scaled, digits, base


class Scanner(DateReader):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        # Text with its case and punctuation stripped (a caption track): spaces may stand for lost dashes.
        self.stripped = is_stripped(text)
        self.race_report = _RACE_REPORT.search(text) is not None
        # A report on sport as a whole: several words of matches, leagues or races ("points" in it are a tally)
        self.sports_report = self.race_report or len({m.group().lower() for m in _SCORE_CONTEXT.finditer(text)}) >= 3
        # A stripped caption track of a match (a commentary): its lines are short, so the match is the whole text's.
        self.racing = RACING.search(text) is not None
        self.morning_show = is_morning_show(text)
        self.tennis = is_tennis_report(text)
        self.cricket = CRICKET.search(text) is not None
        self.commentary = self.stripped and len({m.group().lower() for m in _MATCH_CONTEXT.finditer(text)}) >= 3

    def number(self, i: int, *, guard: bool = True, money: bool = False) -> _Num | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num":
            nxt = self.tok(i + 1)
            if nxt and self.adjacent(i + 1) and nxt.kind == "word" and _ordinal_suffix_fits(t.text, nxt.low):
                return None  # 93rd, 21st: an ordinal (but "9st 2lb" is nine stone)
            if nxt and self.adjacent(i + 1) and nxt.text in {"G", "D"}:
                return None  # 5G, 3D: a name, not an amount
            if guard and self.adjacent(i):
                prev = self.toks[i - 1]
                if prev.kind in ("word", "num") and not (
                    money and (prev.low in CURRENCY_CODES or prev.low in CURRENCY_LETTER_PREFIXES)
                ):
                    return None  # E50
                if (
                    prev.text in DASHES
                    and self.adjacent(i - 1)
                    and i > 1
                    and self.toks[i - 2].kind != "sym"
                    and self.toks[i - 2].low != "magnitude"  # "a magnitude-6.2 quake": its size
                ):
                    return None  # FAB-3000, and the tail of "2023-24"
            value, j, digits = t.number, i + 1, True
            part = self.tok(j)
            if part is not None and part.text in _VULGAR and self.adjacent(j) and t.is_integer:
                value, j = value + _VULGAR[part.text], j + 1  # "2½ to 4 days", "3¾ miles"
        elif t.kind == "word" and t.low in TENS:
            value, j, digits = Decimal(TENS[t.low]), i + 1, False
            # twenty-five / twenty five
            if self.is_word(i + 1, *DASHES) and self.adjacent(i + 1) and self.adjacent(i + 2):
                if self.is_word(i + 2, *ONES) and 0 < ONES[self.toks[i + 2].low] < 10:
                    value, j = value + ONES[self.toks[i + 2].low], i + 3
            elif self.is_word(i + 1, *ONES) and self.same_line(i + 1) and 0 < ONES[self.toks[i + 1].low] < 10:
                value, j = value + ONES[self.toks[i + 1].low], i + 2
        elif t.kind == "word" and t.low in ONES:
            value, j, digits = Decimal(ONES[t.low]), i + 1, False
            if ONES[t.low] > 1 and self.is_word(j, "dozen") and self.same_line(j):
                value, j = value * 12, j + 1  # "two dozen macarons": 24
        elif (
            t.kind == "word" and t.low in ("a", "an", "one") and self.is_word(i + 1, "dozen") and self.same_line(i + 1)
        ):
            value, j, digits = Decimal(12), i + 2, False
        elif (
            t.kind == "word"
            and t.low == "half"
            and self.is_word(i + 1, "a")
            and self.is_word(i + 2, "dozen")
            and self.same_line(i + 2)
        ):
            value, j, digits = Decimal(6), i + 3, False  # "half a dozen molecules": six
        elif t.low == "a" and self.is_word(i + 1, "hundred", "thousand", "million", "billion", "trillion"):
            value, j, digits = Decimal(1), i + 1, False  # "a million": the scale multiplies below
        elif t.kind == "word" and t.low == "half" and self.is_word(i + 1, "a") and self.is_word(i + 2, *SCALES):
            value, j, digits = Decimal("0.5"), i + 2, False
        elif (
            t.kind == "word"
            and t.low == "half"
            and self.is_word(i + 1, "a")
            and self.same_line(i + 1)
            and self.percent(i + 2) is not None
        ):
            value, j, digits = Decimal("0.5"), i + 2, False  # half a percentage point, half a per cent
        else:
            return None
        if (
            self.is_word(j, *DASHES)
            and self.is_word(j + 1, "and")
            and self.is_word(j + 2, *DASHES)
            and self.is_word(j + 3, "a")
            and self.is_word(j + 4, *DASHES)
            and self.is_word(j + 5, "half")
            and all(self.adjacent(n) for n in range(j, j + 6))
        ):
            value, j = value + Decimal("0.5"), j + 6  # a six-and-a-half-day week
        hyphen_scale = (
            self.is_word(j, *DASHES)
            and self.adjacent(j)
            and self.adjacent(j + 1)
            and self.is_word(j + 1, *SCALES)
            and not (digits and money)  # "Rs 18,400-crore": after the decimals below
        )
        if hyphen_scale:
            value, j = value * SCALES[self.toks[j + 1].low], j + 2  # "two-lakh", "a 5-crore project"
            if self.is_word(j, *DASHES) and self.adjacent(j) and self.adjacent(j + 1):
                return _Num(value, j, True, digits, value)
        if not digits and self.is_word(j, *DASHES) and self.adjacent(j) and self.adjacent(j + 1):
            after = self.tok(j + 1)
            if after and after.kind == "word" and after.low not in UNITS and after.low != "strong":
                n = self.tok(j + 3)
                ratio = after.low in ("in", "to") and self.is_word(j + 2, "-") and n is not None
                ratio = ratio and (n.kind == "num" or n.low in ONES or n.low in TENS)  # type: ignore[union-attr]
                if not _counted_after_hyphen(after.low) and not ratio:  # "one-in-20": a ratio, read later
                    return None  # two-pronged, one-sided, two-thirds: an adjective or a fraction, not a count
        # "5 point 2 percent", "two point five": a decimal point said in words (captions, transcripts)
        if (
            self.is_word(j, "point")
            and self.same_line(j)
            and self.same_line(j + 1)
            and (d := self.tok(j + 1)) is not None
            and d.kind == "num"
            and d.is_integer
            and not d.grouped
            and len(d.text) <= 2
            and value == value.to_integral_value()
            and not self.is_word(j + 2, "point")
        ):
            value, j = value + Decimal(d.text) / (10 ** len(d.text)), j + 2
        elif (
            self.is_word(j, "point")
            and self.same_line(j + 1)
            and self.is_word(j + 1, *ONES)
            and ONES[self.toks[j + 1].low] < 10
            and not digits
        ):
            value, j = value + Decimal(ONES[self.toks[j + 1].low]) / 10, j + 2
            place = Decimal(100)
            while (  # "three point seven five percent": each word after the point is one more digit
                place <= 1000
                and self.same_line(j)
                and self.is_word(j, *ONES)
                and ONES[self.toks[j].low] < 10
                and not self.is_word(j + 1, *DASHES, "point")
            ):
                value, j, place = value + Decimal(ONES[self.toks[j].low]) / place, j + 1, place * 10
        # "two and a half years", "4 and a quarter percent", "3 and three quarters"
        part = self._and_a_part(j)
        if part is not None:
            value, j = value + part, j + 3
        base, scaled = value, False
        if (
            money
            and self.is_word(j, "grand")
            and self.same_line(j)
            and not self.is_word(j + 1, "prix", "slam", "total", "national", "jury", "final", "tour", "opening")
        ):
            value, j, scaled = value * 1000, j + 1, True  # "£40 grand": forty thousand pounds
        while self.is_word(j, *SCALES) and self.same_line(j):
            scale = SCALES[self.toks[j].low]
            value *= scale
            j, scaled = j + 1, True
            if not digits and (tail := self._and_tens(j)) is not None:
                # "two hundred and fifty", "one thousand and forty", "two hundred and fifty thousand": British
                # number words, one number; not "two hundred and three hundred" (a range or a list)
                n, k = tail
                if not (self.is_word(k, *SCALES) and self.same_line(k) and SCALES[self.toks[k].low] <= scale):
                    value, j = value + n, k
        if (
            digits
            and money
            and not scaled
            and self.is_word(j, *DASHES)
            and self.adjacent(j)
            and self.adjacent(j + 1)
            and self.is_word(j + 1, *SCALES)
        ):
            value *= SCALES[self.toks[j + 1].low]  # a Rs 18,400-crore project
            j, scaled = j + 2, True
        if digits and self.adjacent(j) and self.is_word(j, *SHORT_SCALES_ANYWHERE):
            value *= SHORT_SCALES[self.toks[j].low]
            j, scaled = j + 1, True
        elif digits and money and self.adjacent(j) and self.is_word(j, *SHORT_SCALES, *THOUSAND_K):
            value *= {**SHORT_SCALES, **THOUSAND_K}[self.toks[j].low]
            j, scaled = j + 1, True
        elif digits and self.adjacent(j) and self.is_word(j, *THOUSAND_K) and self._thousands_of(j + 1):
            value *= THOUSAND_K[self.toks[j].low]  # "12k people", "40k fans": thousands (a "5k run" is a distance)
            j, scaled = j + 1, True
        return _Num(value, j, scaled, digits, base)

    def _thousands_of(self, k: int) -> bool:
        t = self.tok(k)
        if t is None or t.kind != "word" or not self.same_line(k) or self.adjacent(k):
            return False
        return t.low not in _DISTANCE_RACES and (_plural_noun(t.text) or t.low in {"people", "staff", "children"})

    def _and_tens(self, j: int) -> tuple[Decimal, int] | None:
        """ "and fifty", "and twelve", "and forty-two" after a scale word: the part under a hundred, where it ends."""
        if not (self.is_word(j, "and") and self.same_line(j) and self.same_line(j + 1)):
            return None
        t = self.tok(j + 1)
        if t is None or t.kind != "word":
            return None
        if t.low in ONES and ONES[t.low] > 0:
            return Decimal(ONES[t.low]), j + 2
        if t.low not in TENS:
            return None
        n, k = Decimal(TENS[t.low]), j + 2
        if self.is_word(k, *DASHES) and self.adjacent(k) and self.adjacent(k + 1) and self.is_word(k + 1, *ONES):
            if 0 < ONES[self.toks[k + 1].low] < 10:
                n, k = n + ONES[self.toks[k + 1].low], k + 2
        elif self.is_word(k, *ONES) and self.same_line(k) and 0 < ONES[self.toks[k].low] < 10:
            n, k = n + ONES[self.toks[k].low], k + 1
        return n, k

    def qualifier(self, i: int) -> tuple[Qualifier, int] | None:
        t = self.tok(i)
        if t is None or t.low not in _QUALIFIER_STARTS:
            return None
        for words, qualifier in QUALIFIER_PHRASES:
            if self.phrase(i, words):
                k = i + len(words)
                if words == ("c",) and not (self.is_word(k, ".") and self.adjacent(k)):
                    continue
                if words == ("c",):
                    k += 1
                if words == ("up", "to") and self._moved_up(i - 1):
                    return None  # "ticked up to 4.3%", "went up to £5": the value it rose to, not a ceiling
                if words == ("over",) and self.is_word(i - 1, *_HANDED_OVER) and self.same_line(i):
                    return None  # "handed over 300 documents", "signed over the land": a phrasal verb, no hedge
                if words == ("over",) and self._over_a_span(i):
                    return None  # "a pay offer of 7.5% over two years": across them, not more than them
                return qualifier, k  # type: ignore[return-value]
        return None

    def _over_a_span(self, i: int) -> bool:
        """ "over" at i before a span of time ("over two years", "over 25 years") means across it, unless the
        word before makes it "more than" ("waits over 18 weeks", "for over three hours", "well over")."""
        n = self.number(i + 1, guard=False)
        if (
            n is None
            or not self.same_line(i + 1)
            or UNITS.get(self.tok(n.next).low if self.tok(n.next) else "")
            not in (DURATION_UNITS | {"decades", "centuries", "fortnights"})
        ):
            return False
        before = self.tok(i - 1)
        if before is None or not self.same_line(i) or self.sentence_start(i) or before.text in {",", "(", "—", "–"}:
            return False  # "Over 20 years, the town…" at the start of a clause: either; the hedge reading stays
        return before.low not in _OVER_MEANS_MORE  # after an amount or a noun: "7.5% over two years"

    def _moved_up(self, j: int) -> bool:
        """Token j is a verb of movement that "up" completes ("ticked", "went", "crept", "pushed")."""
        t = self.tok(j)
        if t is None or t.kind != "word" or not self.same_line(j + 1):
            return False
        return t.low in _MOVED_UP

    def currency_before(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is None:
            return None
        if t.text in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[t.text], j + 1
        if t.low in CURRENCY_PREFIX_WORDS and self.is_word(j + 1, "$") and self.adjacent(j + 1) and t.text.isupper():
            return CURRENCY_PREFIX_WORDS[t.low], j + 2
        if t.kind == "word" and t.text[:1].isupper() and t.low in CURRENCY_LETTER_PREFIXES:
            # "KSh 120", "Rp 15,000", "R5 000": the abbreviations of currencies printed before the amount; a lone
            # "R" only glued to a number with thousands separators (R5 is also a road)
            n = self.tok(j + 1)
            if n is not None and n.kind == "num" and self.same_line(j + 1):
                if t.low != "r" or (self.adjacent(j + 1) and n.grouped):
                    return CURRENCY_LETTER_PREFIXES[t.low], j + 1
        if t.low in CURRENCY_CODES and (t.text.isupper() or t.text == "Rs" or t.low == "rs"):
            k = j + 1
            if self.is_word(k, ".") and self.adjacent(k):
                k += 1
            if self.is_num(k) or self.is_word(k, "$"):
                if self.is_word(k, "$"):
                    k += 1
                return CURRENCY_CODES[t.low], k
        return None

    # --- what follows a number ------------------------------------------------------------------------

    # --- what follows a number ------------------------------------------------------------------------

    def percent(self, j: int) -> tuple[str, int, Decimal] | None:
        """ "%", "per cent", "percentage points", "basis points" (hundredths of a point), "-point"."""
        t = self.tok(j)
        one, hundredth = Decimal(1), Decimal("0.01")
        if t is None or not self.same_line(j):
            return None
        if t.text == "%":
            return "percent", j + 1, one
        if self.phrase(j, ("per", "cent")):
            return "percent", j + 2, one
        if self.phrase(j, ("percentage", "points")) or self.phrase(j, ("percentage", "point")):
            return "percentage_points", j + 2, one
        if t.low in {"percent", "pc", "pct"} and (t.low == "percent" or self.adjacent(j) or t.text in {"pc", "pct"}):
            return "percent", j + 1, one  # "35pc", "about 70 pc" (lowercase: "PC 45" is a constable)
        if t.low in {"pp", "ppt", "ppts"}:
            return "percentage_points", j + 1, one
        if t.low in {"bps", "bp"}:
            return "percentage_points", j + 1, hundredth
        if self.phrase(j, ("basis", "points")) or self.phrase(j, ("basis", "point")):
            return "percentage_points", j + 2, hundredth
        if t.low == "basis" and self.is_word(j + 1, *DASHES) and self.is_word(j + 2, "point", "points"):
            return "percentage_points", j + 3, hundredth
        if t.low == "percentage" and self.is_word(j + 1, *DASHES) and self.is_word(j + 2, "point", "points"):
            if self.adjacent(j + 1) and self.adjacent(j + 2):
                return "percentage_points", j + 3, one  # "a 0.75 percentage-point cut"
        if t.text in DASHES and self.adjacent(j) and self.adjacent(j + 1):
            if self.is_word(j + 1, "point"):
                return "percentage_points", j + 2, one  # a 0.7-point rise
            if self.is_word(j + 1, "percentage") and self.is_word(j + 2, *DASHES) and self.is_word(j + 3, "point"):
                return "percentage_points", j + 4, one
            if self.is_word(j + 1, "basis") and self.is_word(j + 2, *DASHES) and self.is_word(j + 3, "point"):
                return "percentage_points", j + 4, hundredth  # "a 25-basis-point cut"
        return None

    def currency_after(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is not None and t.low in ("pounds", "pound") and self._weighed_before(j):
            return None  # "weighing 4,000 pounds", "crash loads of 5,000 pounds": a weight, read as lb
        if (
            t is not None
            and t.text in DASHES
            and self.adjacent(j)
            and self.adjacent(j + 1)
            and self.is_word(j + 1, "euro", "dollar", "pound", "rupee", "yen", "franc")
        ):
            return CURRENCY_WORDS.get(self.toks[j + 1].low, "CHF"), j + 2  # a 49-euro monthly ticket
        if t is None or not self.same_line(j) or t.kind != "word":
            return None
        if t.low in CURRENCY_WORDS and not (t.low in {"won", "sol", "rand"} and t.text[0].islower()):
            return self._local_currency(t.low), j + 1
        if (
            t.low in {"won", "rand"}
            and self.is_word(j - 1, "million", "billion", "trillion", "crore")
            and not (self.same_line(j + 1) and self.is_word(j + 1, *STOP, *PREPOSITIONS))  # "5 million won the vote"
        ):
            return CURRENCY_WORDS[t.low], j + 1  # "1,900 trillion won": after a scale word, no verb "won"
        if t.low in CURRENCY_CODES and t.text.isupper() and t.low not in {"rs", "rs."}:
            return CURRENCY_CODES[t.low], j + 1
        if t.low in SUBUNITS and (t.low != "p" or self.adjacent(j)):
            return SUBUNITS[t.low] + ":sub", j + 1
        return self._currency_name(j)

    def _currency_name(self, j: int) -> tuple[str, int] | None:
        """The world's currencies by name (ISO 4217): "2,500 Zambian kwacha", "51 660 cedis", "300 Kenyan
        shillings". A name several countries share ("kwacha", "CFA francs") is money all the same; the currency is
        kept as printed, for the ledger to compare like with like."""
        for n in range(CURRENCY_FULL_NAMES_LONGEST, 0, -1):
            words = [self.tok(m) for m in range(j, j + n)]
            if any(w is None or w.kind != "word" or not self.same_line(j + m) for m, w in enumerate(words)):
                continue
            key = tuple(_plain_letters(w.low) for w in words)  # type: ignore[union-attr]  # "złoty", "bolívares"
            if n > 1 and key in CURRENCY_FULL_NAMES:
                return CURRENCY_FULL_NAMES[key] or " ".join(key), j + n
            if n == 1 and key[0] in CURRENCY_UNIT_NAMES and key[0] not in CURRENCY_NAMES_THAT_ARE_WORDS:
                return CURRENCY_UNIT_NAMES[key[0]] or key[0], j + 1
            if n == 1 and self.is_word(j - 1, *_SCALE_WORDS) and not self.adjacent(j):
                # "19 billion crowns", "5 billion marks": nobody counts crowns or marks in billions but money
                if key[0] in ("crowns", "marks"):
                    return key[0], j + 1  # which crowns (Czech, Icelandic…), which marks (German, Bosnian): as printed
                if key[0] in ("rand", "rands", "dong"):  # not "won" ("5 million won the vote"), not "real"
                    return CURRENCY_UNIT_NAMES[key[0]] or key[0], j + 1
        return None

    def unit_or_noun(self, j: int) -> tuple[str | None, str | None, int]:
        """(unit, noun, next index) for what directly follows the number ending before token j."""
        t = self.tok(j)
        if t is None:
            return None, None, j
        if t.kind == "sym" and t.text == "°" and self.same_line(j):
            k = j + 1
            if self.is_word(k, "c", "f", "celsius", "fahrenheit") and self.adjacent(k):
                return "degrees", None, k + 1
            return "degrees", None, k
        if (
            self.is_word(j, "light")
            and self.same_line(j)
            and (
                self.is_word(j + 1, "years", "year")
                or self.is_word(j + 1, *DASHES)
                and self.is_word(j + 2, "years", "year")
            )
        ):
            return "light years", None, j + (2 if self.is_word(j + 1, "years", "year") else 3)  # a distance, not a span
        if t.low == "g" and self.is_word(j + 1, "/") and self.is_word(j + 2, "t") and self.adjacent(j + 2):
            return "grams", None, j + 1  # "2.07 g/t": grams of gold a tonne of ore; the "/t" is the rate's
        if (energy := self._energy_unit(j)) is not None:
            return energy[0], None, energy[1]  # "1,900 kilowatt hours": energy, one unit, not hours of time
        if self.phrase(j, ("parts", "per")) and self.is_word(j + 2, "million", "billion", "thousand", "trillion"):
            return f"parts per {self.toks[j + 2].low}", None, j + 3  # a concentration, a unit: not a rate
        if (
            self.is_word(j, "cubic", "square", "sq")
            and self.same_line(j + 1)
            and self.is_word(j + 1, *UNITS)
            and UNITS[self.toks[j + 1].low] in _MEASURES_OF_LENGTH
        ):
            # "612 cubic metres", "40 square miles", "1,200 sq ft": a volume or an area, one unit
            shape = "square" if t.low == "sq" else t.low
            return f"{shape} {self.toks[j + 1].low}", None, j + 2
        # "a 7 year old" in text without hyphens, "six months old", "three weeks old": an age in that unit
        if self.is_word(j, *_AGE_UNITS) and self.is_word(j + 1, "old", "olds") and self.same_line(j + 1):
            return f"{UNITS[t.low]} old", None, j + 2
        if (
            self.is_word(j, "acre")
            and self.is_word(j + 1, *DASHES)
            and self.is_word(j + 2, "feet", "foot")
            and self.adjacent(j + 1)
            and self.adjacent(j + 2)
        ):
            return "acre-feet", None, j + 3  # a volume of water, not an area
        after = self.tok(j + 1)
        if t.text in {"C", "F"} and self.adjacent(j) and (not self.adjacent(j + 1) or after.text in _CLOSING):  # type: ignore[union-attr]
            return "degrees", None, j + 1  # "40C", "104F": degrees, the scale printed as one capital
        if t.text in ("Year", "Grade") and self.is_num(j + 1) and self.same_line(j + 1) and not self.adjacent(j + 1):
            return None, None, j  # "52 Year 13 students", "40 Grade 5 pupils": a school year's name, not a unit
        if t.kind == "word" and t.low in UNITS and (self.same_line(j) or self.adjacent(j)):
            k = j + 1
            if UNITS[t.low] == "degrees" and self.is_word(k, "celsius", "fahrenheit", "c", "f") and self.same_line(k):
                k += 1
            return UNITS[t.low], None, k
        # a six-game losing streak, a three-match series, a one-bedroom flat: the count of what follows the hyphen
        if (
            t.text in DASHES
            and self.adjacent(j)
            and self.adjacent(j + 1)
            and (after := self.tok(j + 1)) is not None
            and after.kind == "word"
            and after.low not in UNITS
            and _counted_after_hyphen(after.low)
            and (self.tok(j - 1) is not None and self.toks[j - 1].kind == "word")
        ):
            return None, after.text, j + 2
        # 72-hour, 20-km, a 26-year-old
        if t.text in DASHES and self.adjacent(j) and self.adjacent(j + 1) and self.is_word(j + 1, *UNITS):
            unit = UNITS[self.toks[j + 1].low]
            k = j + 2
            if (
                self.is_word(k, *DASHES)
                and self.is_word(k + 1, "old", "olds")
                and self.adjacent(k)
                and self.adjacent(k + 1)
                and unit in _AGE_UNITS.values()
            ):
                return f"{unit} old", None, k + 2  # a 26-year-old, a six-month-old
            return unit, None, k
        # up to two describing words, then a unit or a counted noun: "four bloody years", "200 Russian soldiers"
        k = j
        for step in range(3):
            t = self.tok(k)
            if t is None or t.kind != "word" or not self.same_line(k) or self.adjacent(k):
                return None, None, j
            if t.low in NOUNS:
                return None, t.text, k + 1
            if t.low in UNITS and UNITS[t.low] in DURATION_UNITS:
                return UNITS[t.low], None, k + 1
            if (
                step == 0
                and t.low in ("more", "fewer")
                and not self.is_word(j - 1, "one", "a", "an")  # "one more year": left unsure, as before
                and (u := self.tok(k + 1)) is not None
                and self.same_line(k + 1)
            ):
                if u.low in NOUNS or UNITS.get(u.low) in DURATION_UNITS:
                    k += 1  # "three more days", "40 more minutes", "five more staff": more of the unit
                    continue
            if t.low in STOP or t.low in ONES or t.low in TENS or t.low in SCALES:
                return None, None, j
            if step == 0 and _plural_noun(t.text) and not self._object_follows(k + 1):
                return None, t.text, k + 1  # "1 million containers"; but "$41.5 million tells every company"
            k += 1
        return None, None, j

    def _weighed_before(self, j: int) -> bool:
        """A word of weight within the five words before the amount that ends before token j."""
        for k in range(j - 2, max(j - 8, -1), -1):
            t = self.toks[k]
            if not self.same_line(k + 1) or t.text in {".", ";", "£", "$", "€"}:
                return False
            if t.low in _WEIGHT_WORDS:
                return True
        return False

    def _local_currency(self, word: str) -> str:
        """ "pesos" in a report on Colombia are Colombian pesos, "rupees" in one on Pakistan Pakistani rupees: a
        currency name several countries share is the one of the country the text names first."""
        code = CURRENCY_WORDS[word]
        countries = _SHARED_CURRENCY_NAMES.get(word.rstrip("s"))
        if countries is None:
            return code
        return next((countries[c] for c in self._countries_named if c in countries), code)

    @cached_property
    def _countries_named(self) -> list[str]:
        """The country words of _SHARED_CURRENCY_NAMES in the text, lowercased, in reading order (read once)."""
        return [m.group(0).lower() for m in _COUNTRY_WORDS.finditer(self.text)]

    def _unit_range(self, i: int, j: int, first: _Num, k: int, between: bool) -> tuple[Value, int] | None:
        """ "3C to 4C", "30C-35C", "15cm-20cm", "between 5km and 10km": a range with its unit printed, glued, on
        both ends ("m" is left alone: metres or millions)."""
        scale = self.tok(k)
        if scale is None or not self.adjacent(k):
            return None
        if scale.text in {"C", "F"}:
            unit = "degrees"
        elif scale.kind == "word" and scale.low in UNITS and scale.low != "m" and scale.text.islower():
            unit = UNITS[scale.low]
        else:
            return None
        if not (self.is_word(k + 1, *(("and",) if between else ("to", *DASHES))) and self.same_line(k + 2)):
            return None
        second = self.number(k + 2, guard=False)
        if second is None or not second.digits or not self.is_word(second.next, scale.low):
            return None
        if not self.adjacent(second.next) or first.value >= second.value:
            return None
        end = second.next + 1
        return self._make(i if between else j, end, first.value, second.value, "exact", None, unit=unit), end

    def _bowling_figures(self, j: int, first: _Num) -> bool:
        """ "took 5-37", "figures of 3-41", "finished with 4-78", "M Fenwick 4-78" in a report on cricket: wickets and
        runs, two tallies, not a range."""
        if not (first.digits and first.value <= 10 and self.cricket):
            return False
        before = self.tok(j - 1)
        if (
            before is not None
            and before.kind == "word"
            and before.text[:1].isupper()
            and not self.sentence_start(j - 1)
        ):
            return before.low not in STOP  # "M Fenwick 4-78" in a scorecard: a bowler's name
        return self.is_word(j - 1, "took", "takes", "taking", "returned", "claimed", "with") or self.phrase(
            j - 2, ("figures", "of")
        )

    def _a_gap(self, i: int) -> bool:
        """ "+0:22" in a results line, "fourth at 1:47" beside "third at 31sec": a time behind the leader."""
        if self.is_word(i - 1, "+") and self.adjacent(i):
            return True
        if not self.is_word(i - 1, "at"):
            return False
        for k in range(i - 2, max(i - 20, -1), -1):
            t = self.toks[k]
            if not self.same_line(k + 1) or t.text in {".", "!", "?"}:
                return False
            if t.low in _GAP_WORDS:
                return True
        return False

    def _results_rank(self, i: int) -> bool:
        """ "Result: 1. Vidal (Spa) …; 2. Mora …", "Men: 1 Kiprono Langat (Ken) 2:05:41; 2 Haile Gebru …": a place in
        a results list (after a colon, a semicolon, a dash or at the start of a line, a full stop or not, then a
        name), with another place (the next, the previous or the same) shaped so in the same line."""
        if not self._place_shape(i):
            return False
        n = int(self.toks[i].text)
        line_start, line_end = i, i
        while line_start > 0 and self.same_line(line_start):
            line_start -= 1
        while line_end + 1 < len(self.toks) and self.same_line(line_end + 1):
            line_end += 1
        for k in range(line_start, line_end):
            other = self.toks[k]
            if k != i and other.text in (str(n - 1), str(n), str(n + 1)) and self._place_shape(k):
                return True
        # a table, a place to a line: "1 Tomás Arriaga (Spa) Movistar 4hr 52min" over "2 Jonas Hedlund (Swe) …"
        if i != line_start and self.same_line(i):
            return False
        before = i - 1 if i > 0 else None  # the previous line's first token
        if before is not None:
            while before > 0 and self.same_line(before):
                before -= 1
        after = line_end + 1 if line_end + 1 < len(self.toks) else None
        return any(
            k is not None and self.toks[k].text == str(m) and self._place_shape(k)
            for k, m in ((before, n - 1), (after, n + 1))
        )

    def _place_shape(self, i: int) -> bool:
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.is_integer or len(t.text) > 2:
            return False
        k = i + 1 if self.is_word(i + 1, ".") and self.adjacent(i + 1) else i
        name = self.tok(k + 1)
        if name is None or name.kind != "word" or not name.text[:1].isupper() or not self.same_line(k + 1):
            return False
        if k == i:  # without its full stop, a full name: "2 Haile Gebru", "4 Sophie Lang (Ger)"; not "3 Arsenal fans"
            after = self.tok(k + 2)
            initial = len(name.text) == 1 and name.text.isupper()  # "1 D Kiptoo (Ken)", "2 M Sørensen"
            if self.adjacent(k + 1) or name.low in UNITS or name.low in NOUNS or after is None:
                return False
            if name.text.isupper() and not initial:
                return False
            if after.low in _NAME_PARTICLES and self.same_line(k + 2) and self.same_line(k + 3):
                after = self.tok(k + 3) or after  # "4 Pieter de Wolf (Ned)", "2 Lieke van Dam"
            if not (
                after.text == "("
                or after.kind == "word"
                and after.text[:1].isupper()
                and self.same_line(k + 2)
                or after.kind == "num"
                and self.same_line(k + 2)  # standings: "1 Ferreira 398pts; 2 Kessler 387"
                or after.low == "at"
                and self.is_num(k + 3)
                and self.same_line(k + 3)  # a gap: "2 Kjeldsen at 48sec"
                or after.text == "+"
                and self.is_num(k + 3)
                and self.adjacent(k + 3)  # a gap: "2 Lindqvist +0:11"
            ):
                return False
        return i == 0 or not self.same_line(i) or self.is_word(i - 1, ":", ";", ",", *DASHES)

    def _ends_phrase(self, k: int) -> bool:
        t = self.tok(k)
        return t is None or not self.same_line(k) or t.kind == "sym" or t.low in ("and", "or", "for", "to", "until")

    def _scaled_number(self, k: int) -> bool:
        n = self.number(k, guard=False, money=True)
        return n is not None and n.scaled and n.digits

    def _object_follows(self, k: int) -> bool:
        """Token k starts the object of a verb: an object pronoun, or "every" before something that is not a
        period ("$41.5 million tells every trucking company"; but "200 trucks every day")."""
        if self.is_word(k, *_OBJECT_PRONOUNS, "her", "his", "its", "their", "our", "your", "my"):
            return True  # "£42,000 takes her earnings past £1m": a verb and its object, not a plural noun
        if self.is_word(k, "the") and self.is_word(k - 1, *_VERBS_OF_AMOUNTS):
            return True  # "the £42,000 takes the total to £1m"
        if not self.is_word(k, "every", "each") or not self.same_line(k + 1):
            return False
        t, after = self.tok(k + 1), self.tok(k + 2)
        if t is None or t.kind != "word" or t.low in RATE_PERIODS or t.low in UNITS:
            return False
        # "every trucking company": a noun phrase goes on; "30 patients every shift." ends there, a rate
        return after is not None and after.kind == "word" and self.same_line(k + 2) and after.low not in STOP

    def rate(
        self, j: int, *, money: bool = False, after_duration: bool = False, counted: bool = False
    ) -> tuple[str | None, int]:
        t = self.tok(j)
        if t is None or not self.same_line(j):
            return None, j
        if t.low == "or" and self.is_word(j + 1, "more", "less", "so", "over", "above") and self.same_line(j + 2):
            per, k = self.rate(j + 2, money=money, after_duration=after_duration, counted=counted)
            if per:
                return per, k  # "£300 or more a week": the hedge sits between the amount and its period
        if money and t.low == "each" and self.is_word(j + 1, "a", "an", "per", "every"):
            per, k = self.rate(j + 1, money=money, after_duration=after_duration, counted=counted)
            if per:
                return per, k  # "members paid £2.50 each a week": each member's rate
        if t.kind == "word" and t.low in RATE_WORDS and t.low != "annual":
            nxt = self.tok(j + 1)
            if not money and nxt is not None and self.same_line(j + 1) and _plural_noun(nxt.text):
                return None, j  # "30 yearly payments": thirty payments, each a year apart; not 30 a year
            return RATE_WORDS[t.low], j + 1
        if t.text == "/" and self.adjacent(j) and self.is_word(j + 1, *RATE_PERIODS) and self.adjacent(j + 1):
            return RATE_PERIODS[self.toks[j + 1].low], j + 2
        if t.text == "/" and self.adjacent(j) and self.is_word(j + 1, *_PER_SLASH_UNITS) and self.adjacent(j + 1):
            if not self.is_word(j + 2, "/", *DASHES) or not self.adjacent(j + 2):
                return self.toks[j + 1].low, j + 2  # "A$2,310/oz", "2.07 g/t", "$55/kWh": a price or a grade per unit
        if (
            t.text == "/"
            and self.adjacent(j)
            and self.adjacent(j + 1)
            and self.is_word(j + 1, "kg", "g", "l", "litre", "m2", "ha", "hectare", "person", "head")
            and self.is_word(j - 1, *_DOSE_UNITS)
        ):
            return self.toks[j + 1].low, j + 2  # "20mg/kg": a dose per kilogram of body weight
        if (
            t.low == "every"
            and not after_duration
            and (n := self.number(j + 1, guard=False)) is not None
            and n.value > 1
        ):
            period = self.tok(n.next)
            if period is not None and self.same_line(n.next) and UNITS.get(period.low) in DURATION_UNITS:
                return f"{plain_number(n.value)} {UNITS[period.low]}", n.next + 1  # one every three weeks
            if period is not None and self.same_line(n.next) and period.low == "nights":
                return f"{plain_number(n.value)} nights", n.next + 1  # once every three nights
        if (
            t.low == "per"
            and counted
            and self.same_line(j + 1)
            and (n := self.number(j + 1, guard=False)) is not None
            and n.digits
            and n.value > 1
        ):
            # "38 admissions per 100,000 people": so many for every so many of something
            compound = self._per_noun(n.next)
            if compound is not None and "-" in compound[0]:
                return f"{plain_number(n.value)} {compound[0]}", compound[1]  # "4.9 cases per 1,000 person-years"
            noun = self.tok(n.next)
            if noun is not None and noun.kind == "word" and self.same_line(n.next) and noun.low not in STOP:
                return f"{plain_number(n.value)} {noun.low}", n.next + 1
            return f"{plain_number(n.value)}", n.next
        if t.low == "per" and money and (measure := self._per_a_measure(j + 1)) is not None:
            return measure  # "Rs 79,960 per 10 grams", "£1 per 30 minutes", "Rs 5 lakh per MW"
        if t.low == "per" and money and (c := self.currency_before(j + 1)) and self.same_line(j + 1):
            n = self.number(c[1], guard=False, money=True)
            if n is not None:
                return f"{plain_number(n.value)} {c[0]}", n.next  # "$11.85 per $1,000" of assessed value
        if (
            money
            and t.low in ("to", "against", "in", "on")
            and self.is_word(j + 1, "the")
            and self.is_word(j + 2, "dollar", "euro", "pound", "yen", "rupee", "yuan", "franc")
            and self.same_line(j + 2)
            and (self._ends_phrase(j + 3) or self.is_word(j + 3, *_AFTER_A_RATE))
        ):
            # "3,870 pesos to the dollar": an exchange rate; "10p in the pound", "30 cents on the dollar": so much
            # of each unit owed
            return self.toks[j + 2].low, j + 3
        if money and t.low == "of" and self.is_word(j + 1, "every", "each") and self.same_line(j + 2):
            unit = self.tok(j + 2)  # "14 paise of every rupee", "30 cents of every dollar": so much per unit
            if unit is not None and unit.kind == "word" and unit.text.islower() and unit.low not in STOP:
                return unit.low, j + 3
        if t.kind == "word" and t.low in RATE_LEADS and self.same_line(j + 1):
            nxt = self.tok(j + 1)
            if nxt is None or nxt.kind != "word" or self._not_a_rate_after(j + 2, money=money, counted=counted):
                return None, j
            if nxt.low in PREPOSITIONS or nxt.low not in RATE_PERIODS and self.is_num(j + 2) and self.same_line(j + 2):
                return None, j  # "Rs 27 lakh each against …", "460 pounds an extra 360": no thing it is per
            end = self.tok(j + 2)
            if (
                after_duration
                and t.low in ("a", "an")
                and nxt.low not in RATE_PERIODS
                and nxt.low not in STOP
                and nxt.text.isalpha()
                and nxt.text.islower()
                and not nxt.low.endswith("s")
                and (end is None or end.text in {".", ",", ";"} or not self.same_line(j + 2))
            ):
                return nxt.low, j + 2  # "averaging just over eight hours a marathon."
            if nxt.low in RATE_PERIODS and (nxt.low != "over" or t.low != "a"):
                return RATE_PERIODS[nxt.low], j + 2
            # "£12 a head", "$1.68 a share", "up to Rs 50,000 per farmer"; but "tells every trucking company",
            # "£50 to every ticket holder": "every" then a noun phrase, not so much per one thing
            if (money or t.low == "per") and nxt.low not in STOP and nxt.text[0].islower():
                after = self.tok(j + 2)
                if (
                    t.low in ("every", "each")
                    and after is not None
                    and after.kind == "word"
                    and self.same_line(j + 2)
                    and after.low not in STOP
                    and after.low not in PREPOSITIONS
                ):
                    return None, j
                return self._per_what(j + 1)
        if (
            t.text in DASHES
            and self.adjacent(j)
            and self.is_word(j + 1, "a", "an")
            and self.is_word(j + 3, *RATE_PERIODS)
        ):
            if self.adjacent(j + 1) and self.is_word(j + 2, *DASHES):
                return RATE_PERIODS[self.toks[j + 3].low], j + 4  # £200K-A-WEEK
        return None, j

    def _per_a_measure(self, k: int) -> tuple[str, int] | None:
        """After "per" at token k-1, the measure a price is given for: so many of a unit ("per 10 grams", "per
        6,000 litres", "per 30 minutes": "10 grams"), a unit or a thing printed in capitals ("per MW", "per UDA"),
        or a named kind of thing ("per Instagram post"). None where it is none of these."""
        if not self.same_line(k):
            return None
        n = self.number(k, guard=False)
        if n is not None and n.value > 1 and (unit := self.tok(n.next)) is not None and self.same_line(n.next):
            if unit.kind == "word" and unit.low in UNITS and unit.low not in ("%", "percent", "pc", "pct"):
                return f"{plain_number(n.value)} {unit.low}", n.next + 1
            return None
        t = self.tok(k)
        if t is None or t.kind != "word" or n is not None:
            return None
        if t.low in UNITS and not t.text.islower() and t.low not in RATE_PERIODS:
            return UNITS[t.low], k + 1  # "per MW", "per KG"
        if t.text.isupper() and t.text.isalpha() and 2 <= len(t.text) <= 5:
            return t.text, k + 1  # "£28.50 per UDA" (a unit of dental activity): a thing named by its initials
        noun = self.tok(k + 1)
        if (
            t.text[:1].isupper()
            and t.text[1:].islower()
            and noun is not None
            and noun.kind == "word"
            and self.same_line(k + 1)
            and noun.text.islower()
            and noun.low not in STOP | PREPOSITIONS
            and not noun.low.endswith(("ly", "ed"))
        ):
            return f"{t.text} {noun.low}", k + 2  # "up to £15,000 per Instagram post"
        return None

    def _not_a_rate_after(self, k: int, *, money: bool = False, counted: bool = False) -> bool:
        """After "a year": "earlier", "ago", "or" make it a point in time or a loose span, not a rate; "on" does
        only where it ends the phrase ("a year on, the town…", "a year on from the fire"), not in "a year on
        average" or "an hour on Saturdays"."""
        if not self.is_word(k, *NOT_RATE_AFTER):
            return False
        if self.is_word(k - 2, "per") and self.is_word(k, "since", "before", "after"):
            return False  # "13% per decade since 1979": "per" makes a rate, never a point in time
        if self.is_word(k, "since") and (money or self.year(k + 1)):
            return False  # "140 pounds a month since the spring", "2.6 percent a year since 2014": a rate since then
        if self.is_word(k, "since", "before", "after") and not self.is_word(k - 1, *_TIME_PERIODS):
            return False  # "6p a litre since October", "£2 a ticket before tax": only a period can be a time ago
        if money and self.is_word(k, "before", "after") and (after := self.tok(k + 1)) is not None:
            if after.kind == "word" and self.same_line(k + 1) and after.low not in STOP and after.text.islower():
                return False  # "£17 an hour before tax"; but "£200 a year after the fire" places a time
            if self._rate_just_before(k - 3):
                return False  # "$9 a month, or $112.50 a year after the exemption": a rate beside a rate
        if self.is_word(k, "since") and self.is_num(k - 3) and self.is_word(k - 2, "a", "an", "per"):
            return False  # "an average fall of 24,000 a month since the spring": the number's own rate
        if counted and self.is_word(k, "before", "after", "since") and not self.is_word(k - 3, "for", "within", "in"):
            return False  # "drew 180,000 visits a year before they closed", "10 times a week since January"
        if self.is_word(k, "or"):
            after = self.tok(k + 1)
            return after is None or after.kind == "num" or after.low in ONES or after.low in TENS or after.low == "so"
        if not self.is_word(k, "on"):
            return True
        after = self.tok(k + 1)
        return after is None or after.kind == "sym" or not self.same_line(k + 1) or after.low in {"from", "and"}

    def _vague_amount_before(self, j: int) -> bool:
        """ "tens of thousands of pounds a week", "dozens of calls a day": "a week" at j is the period of a vague
        amount (an order of magnitude and its noun), not a span of its own."""
        if self.is_word(j - 1, *_DURATION_LEADS):
            return False  # "hundreds of them for a week": a span
        k = j - 1
        for _ in range(3):  # "of" and at most two words: "of pounds", "of new homes"; not "of people waited"
            if self.is_word(k, "of") and self.is_word(k - 1, *_VAGUE_COUNTS) and self.same_line(k):
                return True
            t = self.tok(k)
            if t is None or t.kind != "word" or not t.text.isalpha() or t.low.endswith("ed") or not self.same_line(k):
                return False
            k -= 1
        return False

    def _rate_just_before(self, k: int) -> bool:
        """Token k ends the words before an amount; they are "a month, or" / "a week and" / "per day, ": the
        amount stands beside a rate of the same sentence."""
        for _ in range(3):  # back over the amount itself: "$112.50", "£1.2 million", "Rs 500"
            t = self.tok(k)
            if t is None or not (t.kind in ("num", "sym") or t.low in SCALES or t.low in CURRENCY_WORDS):
                break
            k -= 1
        j = k
        while j >= 0 and self.is_word(j, ",", "or", "and") and self.same_line(j):
            j -= 1
        if j == k:
            return False
        return self.is_word(j, *RATE_PERIODS) and self.is_word(j - 1, *RATE_LEADS) and self.same_line(j - 1)

    def _duration_more(self, k: int, unit: str, total: Decimal) -> tuple[Decimal, str, int] | None:
        """ "61 minutes 48 seconds", "2 hours 5 minutes", "58 hours and 12 minutes": a compound duration, in the
        smallest unit it prints (347 minutes, 3,708 seconds), as a reader would add it up."""
        seconds = {"hours": 3600, "minutes": 60, "seconds": 1}
        if unit not in seconds:
            return None
        if self.is_word(k, "and") and self.same_line(k) and self.is_num(k + 1):
            k += 1
        nxt = self.number(k, guard=False)
        if nxt is None or not nxt.digits or not self.same_line(k):
            return None
        u = self.tok(nxt.next)
        said = (
            unit in ("hours", "minutes") and nxt.value < 60 and len(self.toks[k].text) == 2 and self.toks[k].is_integer
        )
        score = u is not None and (u.text in DASHES or u.text in {"-", "/", ":"})  # "the last 15 minutes 43-41 up"
        if (
            said
            and not score
            and (u is None or not self.same_line(nxt.next) or u.kind == "sym" or u.low in _AFTER_A_CLOCK_SAID)
        ):
            # "8 minutes 40 to go", "two hours 15 to spare": the smaller unit said without its name
            small = "seconds" if unit == "minutes" else "minutes"
            total = (total * seconds[unit] + nxt.value * seconds[small]) / seconds[small]
            return total, small, nxt.next
        if u is None or u.kind != "word" or UNITS.get(u.low) not in seconds or seconds[UNITS[u.low]] >= seconds[unit]:
            return None
        small = UNITS[u.low]
        total = (total * seconds[unit] + nxt.value * seconds[small]) / seconds[small]
        return total, small, nxt.next + 1

    # --- one value starting at token i ----------------------------------------------------------------

    def value_at(self, i: int) -> tuple[Value | Declined | tuple[Value, ...], int] | None:
        t = self.tok(i)
        if (
            t is not None
            and t.kind == "num"
            and t.is_integer
            and i >= 2
            and self.toks[i - 2].text == "No"
            and self.is_word(i - 1, ".")
            and self.adjacent(i - 1)
        ):
            # "the No. 2 pick": a rank
            s, e, text = self.span(i - 2, i + 1)
            return Value(text=text, start=s, end=e, low=t.number, high=t.number, category="ordinal"), i + 1
        if (
            t is not None
            and t.kind == "num"
            and t.is_integer
            and i >= 1
            and self.toks[i - 1].text == "No"
            and self.same_line(i)
            and not self.adjacent(i)
            and not self.sentence_start(i - 1)
        ):
            # "world No 2", "the No 5 seed" (British style, no full stop): a rank
            s, e, text = self.span(i - 1, i + 1)
            return Value(text=text, start=s, end=e, low=t.number, high=t.number, category="ordinal"), i + 1
        if self._results_rank(i):
            s, e, text = self.span(i, i + 1)
            return Value(text=text, start=s, end=e, low=t.number, high=t.number, category="ordinal"), i + 1  # type: ignore[union-attr]
        group = self._age_group(i)
        if group is not None:
            return group
        qualifier: Qualifier = "exact"
        qualifier_word = None
        j = i
        q = self.qualifier(i)
        if q:
            qualifier, j = q
            qualifier_word = self.text[self.toks[i].start : self.toks[j - 1].end]
            if not self.same_line(j):
                return None
            # "under 2:03:30" is a race time, "under 2:06" too; "around 0430 GMT" a clock time
            timed = self.clock_at(j) or self.time_at(j) or self._four_digit_clock(j)
            if timed:
                value, k = timed
                s, e, text = self.span(i, k)
                if value.kind == "time" and (
                    value.category == "duration" or qualifier in ("at_most", "at_least") and ":" in value.text
                ):
                    value = self._clock_duration(value)
                return _with(value, start=s, end=e, text=text, qualifier_word=qualifier_word, qualifier=qualifier), k
            if qualifier_word.lower() == "over" and self._years_range_at(j):
                return None  # "over 2025-2027": the span of time those years cover, read from the first year
            if self._a_day_at(j):
                return None  # "seen by up to 31 October", "closed until at least 21 November": the date reads whole
        between = False
        if not q and self.is_word(i, "between") and (self.number(i + 1) or self.currency_before(i + 1)):
            between, j = True, i + 1
        # "rose from £1.60 to £3", "up 5% to 10%": a change between two values, not a range
        change = self.is_word(i - 1, *_CHANGE_WORDS) and not (
            self.is_word(i - 1, "from") and (self.is_word(i - 2, *_RANGE_BEFORE_FROM) or self._range_before(i))
        )
        tally = not q and self.is_word(i - 1, *_TALLY_VERBS)  # "trailing 41% to 52%": two tallies
        change = change or tally
        by = self.is_word(i - 1, "by")  # "rose by 13,000 to 231,000": a change; "cut by 10 to 15 per cent": a range
        plus_minus = self.phrase(j, ("plus", "or", "minus")) or self.is_word(j, "±")
        if plus_minus:
            j += 3 if self.is_word(j, "plus") else 1

        currency = None
        cb = self.currency_before(j)
        if cb:
            currency, j = cb
        negative = False
        if plus_minus:
            pass
        elif self.is_word(j, "minus") and self.same_line(j + 1) and not currency:
            negative, j = True, j + 1
        elif (
            self.is_word(j, "-", "−")
            and self.adjacent(j + 1)
            and (not self.adjacent(j) or self.is_word(j - 1, "(", "["))
            and self.is_num(j + 1)
        ):
            negative, j = True, j + 1  # "-5C", "(-14)", "(−34%)": a minus sign, not a dash
        first = self.number(j, money=currency is not None, guard=not negative)
        if first is None:
            return None if currency or negative else self._without_number(i, j, q, qualifier, qualifier_word)
        if negative:
            first.value, first.base = -first.value, -first.base
        hours = None if q or currency or negative else self._hours_without_a_clock(j, first)
        if hours is not None:
            return hours
        if not first.digits and first.value == 1 and self.is_word(first.next, "half", "third", "quarter", "fifth"):
            return None  # "about one half of 1%": a fraction, read from "one"
        if self._figurative(i, j, first, q):
            s, e, text = self.span(j, first.next + 1)
            return Declined(text, s, e, WHY_FIGURATIVE), first.next + 1
        fraction = None
        if not first.digits and first.next == j + 1 and self.is_word(first.next, *DENOMINATORS):
            # "nearly two thirds": a fraction (with its qualifier), or nothing ("two quarters" is read apart)
            fraction = self.fraction_at(j)
            counted = fraction is None and self.is_word(first.next, "quarters")  # "two quarters": counted below
            if not counted and (fraction is None or isinstance(fraction[0], Declined) or not q):
                return fraction
        if not first.digits and first.next == j + 1 and self.is_word(first.next, *DENOMINATORS) and fraction:
            value, k = fraction
            s, e, text = self.span(i, k)
            return _with(value, start=s, end=e, text=text, qualifier=qualifier, qualifier_word=qualifier_word), k
        # a label: "Section 230", "Boeing 737" (a capitalised word, not at a sentence start, then a bare number)
        label = (
            not q
            and not currency
            and first.digits
            and not first.scaled
            and j > 0
            and (prev := self.toks[j - 1]).kind == "word"
            and prev.text[:1].isupper()
            and prev.low not in STOP
            and not self.sentence_start(j - 1)
            and not self.adjacent(j)
            and self.toks[j].grouped is None
            and self.toks[j].digits <= 4
        )
        if self.stripped and first.digits and self.is_num(first.next) and self.same_line(first.next):
            second_tok = self.toks[first.next]
            if (odds := self._stripped_odds(j, first, second_tok)) is not None:
                a, b = odds
                return self._ratio(i, first.next + 1, a, b, "ratio", qualifier, qualifier_word), first.next + 1
            score = self._stripped_score(j, first, second_tok)
            if score:
                return score, first.next + 1
            s, e, text = self.span(j, first.next + 1)
            if not self.year(j) or second_tok.grouped:
                return Declined(text, s, e, WHY_GLUED), first.next + 1
        plural = self.is_word(first.next, "s") and self.adjacent(first.next)  # "23 180s": 23 of the 180s
        glued_scores = (self.sports_report or self.commentary) and _like_two_scores(self.toks[j].text)
        if (
            self.stripped
            and self.tok(j).grouped == "space"
            and (plural or glued_scores or _could_be_two(self.toks[j].text))
        ):  # type: ignore[union-attr]
            s, e, text = self.span(j, first.next)
            return Declined(text, s, e, WHY_GLUED), first.next

        low = high = first.value
        k = first.next
        if not currency and (ratio := self._hyphen_ratio(i, first, k, qualifier, qualifier_word)) is not None:
            return ratio
        if (
            self.is_word(k, *DASHES)
            and self.adjacent(k)
            and self.is_word(k + 1, "to", "and", "or")
            and not self.adjacent(k + 1)
            and self.is_num(k + 2)
        ):
            k += 1  # "25- to 34-year-olds", "10- and 12-hour shifts": the unit is printed once, on the second
        glued = None if currency or (change and not between) else self._unit_range(i, j, first, k, between)
        if glued is not None:
            if q:  # "roughly 67C to 137C": the hedge is the range's
                value, end = glued
                s, e, text = self.span(i, end)
                return _with(value, start=s, end=e, text=text, qualifier=qualifier, qualifier_word=qualifier_word), end
            return glued
        kind = "count"
        category = None
        ratio_terms = None
        second = None
        confidence, why = CONFIDENT, None
        scale = Decimal(1)
        hyphen_points = False
        pct = self.percent(k) if not currency else None
        if pct and self.is_word(k, *DASHES) and self.is_word(k + 1, "point") and first.value == int(first.value):
            # "a 14-point comeback" is a score, "a 3-point lead" in a poll is percentage points: the sentence says
            points = self._points_kind(j)
            if points != "percentage_points":
                pct = None
                hyphen_points, k, category = True, k + 2, "quantity"
                if points is None:
                    confidence, why = UNSURE, WHY_POINTS
        if pct:
            category, k, scale = pct
        if between:
            if self.is_word(k, "and", "to") and self.same_line(k) and self.same_line(k + 1):
                c2 = self.currency_before(k + 1)
                second = self.number(c2[1] if c2 else k + 1, guard=False, money=currency is not None)
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
            b = t.number
            if b != 0:
                kind, ratio_terms, k, category = "ratio", (first.value, b), k + 2, "ratio"
                low = high = first.value / b
        elif self.is_word(k, "/") and self.adjacent(k) and self.is_num(k + 1) and self.adjacent(k + 1):
            b_tok = self.toks[k + 1]
            end = k + 2
            if self.is_word(end, "of") and b_tok.is_integer and int(b_tok.text) > first.value:
                s, e, text = self.span(i, end)
                return self._ratio(i, end, first.value, b_tok.number, "fraction", qualifier, qualifier_word), end
            s, e, text = self.span(i, end)
            return Declined(text, s, e, WHY_SLASH), end
        elif (
            self.is_word(k, "to")
            and not pct
            and not currency
            and (one := self.number(k + 1, guard=False)) is not None
            and one.value == 1
            and (self.phrase(one.next, ("in", "favour")) or self.phrase(one.next, ("in", "favor")))
        ):
            # "voted 2 to 1 in favour": a ratio of votes, even after a verb of tallies
            return self._ratio(i, one.next, first.value, Decimal(1), "ratio", qualifier, qualifier_word), one.next
        elif self.is_word(k, "to") and self.same_line(k) and self.same_line(k + 1) and not change:
            c2 = self.currency_before(k + 1)
            # "NOK 36.8bn to 37.5bn": the currency printed once, both ends scaled alike
            scaled_pair = currency and not c2 and first.scaled and self._scaled_number(k + 1)
            if bool(c2) == bool(currency) or scaled_pair:
                candidate = self.number(c2[1] if c2 else k + 1, guard=False, money=currency is not None)
                if candidate is not None and candidate.value == 1 and first.value > 1 and not candidate.scaled:
                    if not pct and not currency:
                        return self._ratio(i, candidate.next, first.value, Decimal(1), "ratio", qualifier,
                                           qualifier_word), candidate.next  # fmt: skip
                elif candidate is not None and not (by and candidate.value > first.value * 3):
                    second = candidate
        elif (
            (self.is_word(k, "in", "per") or self.phrase(k, ("out", "of")) or self._one_noun_in(first, k))
            and self.same_line(k + 1)
            and not pct
            and not currency
        ):
            if self._one_noun_in(first, k):
                k += 1  # "one voter in four"
            of = 2 if self.is_word(k, "out") else 1
            if self.phrase(k, ("in", "every")) or self.phrase(k, ("in", "each")):
                of = 2  # "one in every four"
            elif self.phrase(k, ("out", "of", "every")) or self.phrase(k, ("out", "of", "each")):
                of = 3  # "two out of every three"
            candidate = self.number(k + of, guard=False)
            if candidate is not None and (
                self._a_year_not_a_whole(k + of, candidate)
                or (self.is_word(i - 1, "from", "than") and of == 1 and self.year(k + 1) and candidate.next == k + 2)
            ):
                candidate = None  # "up from six in 2020", "down from four in 2000": a count in a year
            if candidate is not None and self.is_word(k, "in") and self._occasions_after(candidate.next):
                candidate = None  # "eight in 14 games", "five in six matches": a count over a span, two mentions
            per_a_base = self.is_word(k, "per") and candidate is not None and _a_base(candidate.value)
            if (
                candidate is not None
                and candidate.value > first.value
                and (first.value < 100 or candidate.scaled or per_a_base)
            ):  # "145 per 100,000 people": any count for every so many
                per_what = self._per_noun(candidate.next) if self.is_word(k, "per") and candidate.digits else None
                if per_what is not None and candidate.value == candidate.value.to_integral_value():
                    # "3.1 per 1,000 person-years", "4.9 per 1,000 births": a rate for so many of something
                    noun, end = per_what
                    per = f"{plain_number(candidate.value)} {noun}"
                    return self._make(i, end, first.value, first.value, qualifier, qualifier_word, per=per), end
                if candidate.value == candidate.value.to_integral_value() and not self.unit_or_noun(candidate.next)[0]:
                    end = candidate.next
                    return self._ratio(i, end, first.value, candidate.value, "ratio", qualifier, qualifier_word), end
        elif (
            self.is_word(k, ",")
            and self.adjacent(k)
            and not self.adjacent(k + 1)
            and self.is_word(i - 1, *_BEFORE_SPOKEN_RANGE)
            and not pct
            and not currency
        ):
            # "here for 10, 15 years": a spoken range, the comma standing for "or"
            candidate = self.number(k + 1, guard=False)
            if (
                candidate is not None
                and candidate.digits == first.digits
                and first.value < candidate.value
                and any(self.unit_or_noun(candidate.next)[:2])
                and not self.is_word(candidate.next + 1, ",", "and", "or")
            ):
                second = candidate
        elif self.is_word(k, "or") and self.same_line(k + 1) and not pct and not currency and not change:
            candidate = self.number(k + 1, guard=False)
            round_pair = first.value % 5 == 0 and candidate is not None and candidate.value % 5 == 0
            if (
                candidate is not None
                and candidate.digits == first.digits
                and first.value < candidate.value
                and not (candidate.value <= 10 and candidate.value - first.value > 1 and not round_pair)
                and (
                    candidate.value <= 20
                    or (round_pair and candidate.value <= first.value * 2 or candidate.value * 2 <= first.value * 3)
                    and (any(self.unit_or_noun(candidate.next)[:2]) or self.is_word(candidate.next, "of"))
                )
                and not self.year(j)
            ):
                second = candidate  # "2 or 3 families", "in 20 or 30 years", "28 or 30 kids" (close, then a noun)
        elif self.is_word(k, *DASHES) and self.same_line(k) and self.same_line(k + 1):
            c2 = self.currency_before(k + 1)
            candidate = self.number(c2[1] if c2 else k + 1, guard=False, money=currency is not None)
            figures = (
                candidate is not None
                and not currency
                and self._bowling_figures(j, first)
                and not any(self.unit_or_noun(candidate.next)[:2])
            )
            if candidate is not None and (candidate.digits == first.digits or figures) and bool(c2) <= bool(currency):
                tight = self.adjacent(k) and self.adjacent(k + 1)
                scoreline = (
                    tight
                    and candidate.value > first.value
                    and first.digits
                    and candidate.value < 200
                    and not pct
                    and not currency
                    and not candidate.scaled
                    and not any(self.unit_or_noun(candidate.next)[:2])
                    and not self.percent(candidate.next)
                    and not self.is_word(j - 1, "aged", "ages", "age", "between", "from")
                    and not self._an_interval_before(j)
                    and (self._in_a_match(j) or self.sports_report or self._tennis_score(first.value, candidate.value))
                ) or (
                    tight
                    and (tally or self.is_word(candidate.next, *_TALLIED))
                    and not pct
                    and not currency
                    and not candidate.scaled
                )
                scoreline = scoreline or (tight and not pct and figures)
                if (
                    tight
                    and first.digits
                    and not (pct or currency or candidate.scaled)
                    and first.value + candidate.value == 100
                    and first.value % 5 == 0
                    and 0 < first.value < 100
                    and (first.value == candidate.value or self.is_word(candidate.next, *_SHARES))
                ):
                    # "a 50-50 call", "a 60-40 split": shares of a whole, a ratio; not a score, not a range
                    end = candidate.next
                    return self._ratio(i, end, first.value, candidate.value, "ratio", qualifier, qualifier_word), end
                if scoreline or (
                    tight and candidate.value <= first.value and not candidate.scaled and not pct and not currency
                ):
                    # a score or a vote, "7-2": two tallies
                    a = self._make(j, first.next, first.value, first.value, "exact", None)
                    b = self._make(k + 1, candidate.next, candidate.value, candidate.value, "exact", None)
                    return (a, b), candidate.next
                second = candidate
        fold = k + 1 if self.is_word(k, *DASHES) and self.adjacent(k) else k
        if not pct and not currency and self.is_word(fold, "fold") and self.adjacent(fold) and second is None:
            return self._ratio(i, fold + 1, first.value, Decimal(1), "ratio", qualifier, qualifier_word), fold + 1
        if (
            second is None
            and kind == "count"
            and not pct
            and not currency
            and self.phrase(k, ("times", "out", "of"))
            and (of := self.number(k + 3, guard=False)) is not None
            and of.value > first.value
        ):
            # "nine times out of 10"
            return self._ratio(i, of.next, first.value, of.value, "ratio", qualifier, qualifier_word), of.next
        if (
            second is None
            and kind == "count"
            and not pct
            and not currency
            and self.is_word(k, "times")
            and self.same_line(k)
            and (self._comparing(k + 1) or first.value != first.value.to_integral_value())
        ):
            # "three times higher", "five times as many": a ratio, not a count of occasions
            return self._ratio(i, k + 1, first.value, Decimal(1), "ratio", qualifier, qualifier_word), k + 1
        if second is None and kind == "count" and not pct and not currency and self.is_word(k, "times"):
            multiplies = self._multiplies(k + 1)
            if multiplies:
                # "seven times expected earnings", "four times annual income": "times" takes what it multiplies
                return self._ratio(i, k + 1, first.value, Decimal(1), "ratio", qualifier, qualifier_word), k + 1
            if multiplies is False and self._level_before(i):
                # "trades at 12 times", "as high as 2 times": a multiple read against a level, not occasions
                return self._ratio(i, k + 1, first.value, Decimal(1), "ratio", qualifier, qualifier_word), k + 1
            if multiplies is None:
                confidence, why = UNSURE, WHY_TIMES
        if second is not None:
            lo = first.value
            if second.scaled and not first.scaled:
                ratio = second.value / second.base
                if lo * ratio <= second.value:
                    lo *= ratio
            p2 = self.percent(second.next)
            mixed = bool(pct) and not p2 or (p2 and pct and p2[0] != pct[0])
            if lo < second.value and not mixed:
                low, high, k = lo, second.value, second.next
                if p2:
                    category, k, scale = p2
            elif between:
                return None
        unit = noun = per = None
        if hyphen_points:
            unit = "points"
        if currency is None and category is None:
            ca = self.currency_after(k)
            if ca:
                currency, k = ca
                if currency.endswith(":sub"):
                    currency = currency.split(":")[0]
                    low, high = low / 100, high / 100
        if currency:
            category = "money"
        elif category == "percent":
            unit = "%"
        elif category == "percentage_points":
            unit = "basis points" if scale != 1 else "percentage points"
            low, high = low * scale, high * scale
        mt = self.tok(k)
        if category is None and kind == "count" and mt is not None and mt.low in {"points", "pts", "point"}:
            singular = mt.low == "point"
            if (
                self.same_line(k)
                and not self.adjacent(k)
                and not (singular and (low != 1 or self.is_word(j - 1, "at")))
            ):
                points = self._points_kind(j)
                unit, k = ("percentage points" if points == "percentage_points" else "points"), k + 1
                category = points or "quantity"
                if points is None:
                    confidence, why = UNSURE, WHY_POINTS
        if category is None and kind == "count" and first.digits:
            mt = self.tok(k)
            if mt is not None and mt.low == "m" and self.adjacent(k):
                after = self.tok(k + 1)
                if (
                    after is not None
                    and UNITS.get(after.low) in DURATION_UNITS
                    and after.low.endswith("s")
                    and self.same_line(k + 1)
                    and not self.adjacent(k + 1)
                ):
                    low, high = low * 1_000_000, high * 1_000_000
                    unit, k, category = UNITS[after.low], k + 2, "duration"  # 3.6m hours: millions of them
                elif (
                    self.is_word(k + 1, "/")
                    and self.is_word(k + 2, "s")
                    and self.adjacent(k + 1)
                    and self.adjacent(k + 2)
                ):
                    unit, per, k, category = "m", "second", k + 3, "quantity"  # a wind of 0.6m/s: metres a second
                elif (after is not None and after.low in _RACE_EVENTS and self.same_line(k + 1)) or (
                    (
                        after is None
                        or after.low not in NOUNS
                        and not _plural_noun(after.text)
                        or not self.same_line(k + 1)
                    )
                    and low <= 10_000
                    and _ATHLETICS.search(self.text)
                    and not re.search(
                        r"[£$€]|\b(?:rs|dollars?|pounds?|euros?)\b",
                        self.text[max(0, self.toks[j].start - 40) : self.toks[j].start],
                        re.IGNORECASE,
                    )
                ):
                    unit, k, category = "m", k + 1, "quantity"  # "the 110m hurdles", "cleared 1.97m": metres
                elif (
                    after is not None
                    and after.kind == "word"
                    and (after.low in NOUNS or _plural_noun(after.text))
                    and self.same_line(k + 1)
                    and not self.adjacent(k + 1)
                ):
                    low, high = low * 1_000_000, high * 1_000_000
                    noun, k, category = after.text, k + 2, "quantity"  # 1.3m people
                    if after.low in DURATION_UNITS:
                        unit, noun = after.low, None  # 3.6m hours: a duration in millions of hours
                elif self.is_word(k + 1, *_MEASURED) and self.same_line(k + 1):
                    unit, k, category = "m", k + 1, "quantity"  # 1.93m tall, 828m high: metres
                elif self._millions_of_a_compound(k + 1):
                    # "14m mince pies", "2.3m party platters": a plural noun after one describing word, millions
                    low, high = low * 1_000_000, high * 1_000_000
                    noun, k, category = self.toks[k + 2].text, k + 3, "quantity"
                else:
                    unit, k, category = "m", k + 1, "quantity"
                    confidence, why = UNSURE, WHY_M
            elif mt is not None and mt.low in SPEED_UNITS and self.same_line(k):
                unit, per = SPEED_UNITS[mt.low][0], "hour"
                k, category = k + 1, "quantity"
            elif mt is not None and mt.low in ("m³", "cumecs") and self.same_line(k):
                unit, k, category = "cubic metres", k + 1, "quantity"  # "84 m³/s", "350 cumecs": a river's flow
                if mt.low == "cumecs":
                    per = "second"
                elif self.is_word(k, "/") and self.adjacent(k) and self.adjacent(k + 1) and self.is_word(k + 1, "s"):
                    per, k = "second", k + 2
            elif mt is not None and mt.text in ("MLD", "mld") and self.same_line(k):
                low, high = low * 1_000_000, high * 1_000_000  # "385 MLD": million litres a day, a water supply
                unit, per, k, category = "litres", "day", k + 1, "quantity"
            elif mt is not None and mt.low in DAILY_UNITS and self.same_line(k):
                factor, unit = DAILY_UNITS[mt.low]  # "500,000 bpd", "1.2 mbpd": barrels of oil a day
                low, high, per, k, category = low * factor, high * factor, "day", k + 1, "quantity"
            elif (
                mt is not None
                and mt.low == "b"
                and self.is_word(k + 1, "/")
                and self.is_word(k + 2, "d")
                and self.adjacent(k + 1)
                and self.adjacent(k + 2)
            ):
                unit, per, k, category = "barrels", "day", k + 3, "quantity"  # "300,000 b/d"
            elif mt is not None and mt.low == "km" and self.is_word(k + 1, "/") and self.is_word(k + 2, "h"):
                unit, per, k, category = "km", "hour", k + 3, "quantity"
        if kind == "count" and category in (None, "money") and unit is None:
            if category is None:
                unit, noun, k = self.unit_or_noun(k)
                if unit in SPEED_UNITS and per is None:
                    unit, per = SPEED_UNITS[unit]  # "a 55-mph work zone": a speed, as "55 mph" is
                if unit == "centuries" and (self.cricket or _SNOOKER.search(self.text)):
                    unit, noun = None, self.toks[k - 1].text  # "three centuries", "87 century breaks": scores of 100+
                if unit in DURATION_SCALE:
                    factor, unit = DURATION_SCALE[unit]
                    low, high = low * factor, high * factor
                if unit in ("hours", "minutes") and not second and not q:
                    more = self._duration_more(k, unit, low)
                    if more:
                        low, unit, k = more
                        high = low
                elif unit is not None and unit not in DURATION_UNITS and unit != "%" and not second:
                    part = self._and_a_part(k) if low == low.to_integral_value() else None
                    if part is not None:  # "two miles and a half", "three kilos and a quarter": one measure
                        low = high = low + part
                        k += 3  # every part is three words
            else:
                _, noun, k2 = self.unit_or_noun(k)
                k = k2 if noun else k
        if not second and low == high:
            compound = self._compound(k, unit, currency, low)
            if compound:
                low, k = compound
                high = low
        if per is None:
            per, k = self.rate(
                k,
                money=currency is not None,
                after_duration=unit is not None and unit != "%",
                counted=noun is not None and unit is None,
            )
            if per is None and currency and self.is_word(k, "more", "extra", "less") and self.same_line(k):
                per, k2 = self.rate(k + 1, money=True)
                k = k2 if per else k
        if category is None:
            category = "quantity"
        if unit is not None and unit.endswith(" old"):
            unit, category = unit.removesuffix(" old"), "age"
        elif (
            unit == "years"
            and category == "quantity"
            and per is None
            and not q
            and not self.is_word(k, "ago", "earlier", "later", "before", "after", "since")  # "births 18 years ago"
            and self._age_before(j)
        ):
            category = "age"  # "the average age of the fleet is 14 years": how old, not how long
        if (
            self.is_word(first.next, *DASHES)
            and self.is_word(first.next + 1, "strong")
            and self.adjacent(first.next + 1)
        ):
            k = first.next + 2  # a seven-strong majority
        bare = not (unit or noun or per or second or q or currency or category != "quantity")
        if not (unit or noun or per or second or currency or category != "quantity") and self._named_ratio(j):
            # "an odds ratio of 1.94", "(hazard ratio 1.14, 95% CI…)": a ratio to 1, said as its value
            return self._ratio(i, first.next, first.value, Decimal(1), "ratio", qualifier, qualifier_word), first.next
        if label and bare and (self._results_line(j) or self._on_a_scorecard(j, first) or self._after_a_place(j)):
            label = False  # "Harbour Lions 24 Castlegate 22", "(Whitlow 96, Marsh 58; …)": a result, tallies
        if label and bare and self.toks[j - 1].low in _SEQUENCE_NAMES and first.value < 100:
            # "Day 2", "Game 7", "Stage 4": a place in a series, named with its number
            s, e, text = self.span(j - 1, first.next)
            return Value(text=text, start=s, end=e, low=first.value, high=first.value, category="ordinal"), first.next
        if label and bare:
            s, e, text = self.span(j, first.next)
            return Declined(text, s, e, WHY_LABEL), first.next
        if bare and not q and self._place_in_a_series(j, first):
            # "on day two", "lap 41 of 53", "after stage six", "world number 6": a place in a series
            s, e, text = self.span(j, first.next)
            return Value(text=text, start=s, end=e, low=first.value, high=first.value, category="ordinal"), first.next
        if bare and not first.digits and not first.scaled and first.value <= 1:
            one = self._one(j, k)
            if one is None:
                return None
            confidence, why, k = one
            if confidence == CONFIDENT and per is None:
                per, k = self.rate(k)
        bare_number = not (unit or noun or per or second or currency or category != "quantity")
        if bare_number and not q and (span := self._more_of_a_span(i, j, k)):
            unit, category, bare_number = span, "duration", False  # "last 14 days and be extended by another 30"
        if bare_number and not q and self.is_word(k, "and", "or") and self.same_line(k + 1) and not self.year(j):
            # "sentenced to 12 and 15 years": the first number shares the unit of time printed after the second
            nxt = self.number(k + 1, guard=False)
            u = self.tok(nxt.next) if nxt is not None else None
            if (
                nxt is not None
                and nxt.digits == first.digits
                and nxt.value > first.value
                and u is not None
                and UNITS.get(u.low) in DURATION_UNITS
                and self.same_line(nxt.next)
            ):
                unit, category, bare_number = UNITS[u.low], "duration", False
        if bare_number and first.digits and not first.scaled and self.year(j) and not negative:
            confidence, why = UNSURE, WHY_YEAR_OR_COUNT
        elif bare_number and self._clock_like(j, first) and not q:
            confidence, why = UNSURE, WHY_CLOCK
        elif bare_number and not q and self._hour_at_the_end(j, first, k):
            confidence, why = UNSURE, WHY_BARE_HOUR
        elif bare_number and not q and self._a_service_time(j, first, k):
            confidence, why = UNSURE, WHY_CLOCK
        elif (
            noun
            and noun.lower() not in NOUNS
            and first.digits
            and not first.scaled
            and self.year(j)
            and 1950 <= first.value <= 2100
            and not q
        ):
            confidence, why = UNSURE, WHY_YEAR_OR_COUNT  # "its 2030 notes": the bonds due in 2030
        if noun and noun.lower() in {"figure", "figures"}:
            confidence, why = UNSURE, WHY_FIGURES
        category = _category(category, unit, per, low != high)
        if self.is_word(i - 1, "every") and not q and not currency and per is None and kind == "count":
            if unit in DURATION_UNITS:
                # "every 7 minutes", "every two years": how often, one per period (the corpus's rate)
                span = plain_number(low) if low == high else f"{plain_number(low)}-{plain_number(high)}"
                one = Decimal(1)
                return self._make(i - 1, k, one, one, "exact", None, per=f"{span} {unit}", category="rate"), k
            if not (unit or noun or second or category != "quantity"):
                confidence, why = UNSURE, WHY_EVERY
        if (
            category == "duration"
            and not q
            and not second
            and self.is_word(i - 1, "on")
            and self.same_line(i)
            and not self.is_word(first.next, *DASHES)  # "the yield on two-year gilts" stays a duration
        ):
            # "headed in on 27 minutes" stays a duration, the time elapsed on a match clock (the corpus README;
            # "in the 27th minute" is the ordinal); "cancelled on 41 days": days counted
            if unit != "minutes":
                category = "quantity"
        value = self._make(
            i, k, low, high, qualifier, qualifier_word, kind, unit, noun, per, ratio_terms,  # type: ignore[arg-type]
            category=category, currency=currency, confidence=confidence, why=why,
        )  # fmt: skip
        return value, k

    def _years_range_at(self, j: int) -> bool:
        """A range of years starts at token j ("2025-2027", "2019–21"), not a numeric range."""
        found = self.date_at(j)
        return found is not None and isinstance(found[0], Value) and found[0].category == "date_range"

    def _per_what(self, k: int) -> tuple[str, int]:
        """The thing a rate is per, from token k after "per"/"a": "£12 a head"; past describing words ("$2.18 a
        diluted share", "$950 per clinically affected cow"); "per megawatt hour" is per MWh; "per thousand children"
        is per 1000 children."""
        t = self.toks[k]
        if (energy := self._energy_unit(k)) is not None:
            return energy
        if t.low in ("cubic", "square", "sq") and self.is_word(k + 1, *UNITS, "ft", "foot") and self.same_line(k + 1):
            return f"{t.low} {self.toks[k + 1].low}", k + 2  # "per cubic metre", "per square foot"
        if t.low in SCALES and (noun := self.tok(k + 1)) is not None and noun.kind == "word" and self.same_line(k + 1):
            if noun.text.islower() and noun.low not in STOP:
                return f"{plain_number(Decimal(SCALES[t.low]))} {noun.low}", k + 2
        m = k
        while m < k + 2 and self.toks[m].low.endswith(("ed", "ly")) and self.same_line(m + 1):
            nxt = self.tok(m + 1)
            if nxt is None or nxt.kind != "word" or not nxt.text.islower() or nxt.low in STOP | PREPOSITIONS:
                break
            m += 1
        return self.toks[m].low, m + 1

    def _energy_unit(self, k: int) -> tuple[str, int] | None:
        """ "kilowatt hours", "megawatt-hour" from token k: a unit of energy (kWh, MWh), with the index after it."""
        if not self.is_word(k, *_ENERGY_PREFIXES) or not self.same_line(k + 1):
            return None
        m = k + 2 if self.is_word(k + 1, *DASHES) and self.adjacent(k + 1) and self.adjacent(k + 2) else k + 1
        if not (self.is_word(m, "hours", "hour") and self.same_line(m)):
            return None
        return f"{_ENERGY_PREFIXES[self.toks[k].low]}Wh", m + 1

    def _millions_of_a_compound(self, k: int) -> bool:
        """After "14m": a lowercase describing word and a plural noun on the same line ("mince pies", "party
        platters"); not a race ("400m freestyle relays" is a distance in a report on athletics or swimming)."""
        a, b = self.tok(k), self.tok(k + 1)
        if a is None or b is None or a.kind != "word" or b.kind != "word" or self.adjacent(k):
            return False
        if not (a.text.islower() and b.text.islower() and self.same_line(k + 1)) or a.low in STOP | PREPOSITIONS:
            return False
        if _ATHLETICS.search(self.text):
            return False
        return _plural_noun(b.text) and b.low not in UNITS and not a.low.endswith(("ly", "ed", "ing"))

    def _a_day_at(self, j: int) -> bool:
        """A date with its day starts at token j ("31 October", "October 31")."""
        found = self.date_at(j)
        return (
            found is not None
            and isinstance(found[0], Value)
            and found[0].kind == "date"
            and len(found[0].when_low or "") == len("XXXX-MM-DD")
        )

    def _clock_like(self, j: int, first: _Num) -> bool:
        """ "at 8.30 or later": printed like a clock time (hours, a point, two digits of minutes) after a word that
        places a time, with nothing counted after it."""
        t = self.tok(j)
        if t is None or t.kind != "num" or first.next != j + 1:
            return False
        whole, _, minutes = t.text.partition(".")
        return (
            len(minutes) == 2
            and whole.isdigit()
            and 0 < int(whole) <= 24
            and int(minutes) <= 59
            and self.is_word(j - 1, "at", "by", "until", "till", "from", "before", "after")
            and not self.is_word(j - 2, *_PRICED_AT)
        )

    def _stripped_odds(self, j: int, first: _Num, second) -> tuple[Decimal, Decimal] | None:
        """ "the favourite dublin dancer at 5 2", "backed in from 4 1", "returned at 100 30": in a report on a horse
        race stripped of its dashes, two numbers after a word that gives a price are the odds (5:2), the longer
        term first; not a score, and not after a name ("copper kettle 9 2" may be a weight or a draw)."""
        if not (self.racing and first.next == j + 1 and self.toks[j].is_integer and second.is_integer):
            return None
        a, b = first.value, second.number
        if b == 0 or a < b or len(self.toks[j].text) > 3 or len(second.text) > 2:
            return None
        priced = self.is_word(j - 1, "at", "from", "into", "was", "were", "been", "returned", "backed", "drifted")
        if not (priced or self.is_word(first.next + 1, "favourite", "favorite", "fav", "shot", "outsider", "chance")):
            return None
        if any(self.unit_or_noun(first.next + 1)[:2]) and not self.is_word(first.next + 1, "favourite", "shot"):
            return None  # "at 3 2 furlongs out": a distance that lost its point
        return a, b

    def _stripped_score(self, j: int, first: _Num, second) -> tuple[Value, Value] | None:
        """ "beating rovers 2 1" in a match report stripped of its dash: two tallies. A second group of one or
        two digits cannot be the thousands of the first, and a score counts nothing after it ("2 3 goals",
        "2 5 percent" stay declined: a range or a decimal that lost its dash or point)."""
        if not (first.next == j + 1 and self.toks[j].is_integer and second.is_integer and len(second.text) <= 2):
            return None
        in_a_match = self._in_a_match(j)
        small = first.value <= 20 and second.number <= 20
        if not (in_a_match and small or self._tennis_score(first.value, second.number)):
            if not self.commentary or first.value == 0 or first.value > 199 or len(self.toks[j].text) > 3:
                return None  # "0 9" in a commentary is a gap said aloud (0.9 seconds), not a score
            clock = len(second.text) == 2 and second.number <= 59
            if clock and (first.value <= 12 or first.value <= 20 and second.number > first.value):
                # "at 6 12 of the third", "2 34 remaining", "15 47 left in the period": a clock, not a score
                return None
        after = first.next + 1
        unit, noun, _ = self.unit_or_noun(after)
        if self.commentary and noun and not unit:
            # in a commentary a lowercase name follows a score ("thats 80 74 marsh now has 22 points")
            t = self.toks[after]
            noun = t.low in NOUNS or _plural_noun(t.text)
        if unit or noun or self.percent(after) or self.rate(after)[0]:
            return None
        sets = self.tennis and first.value <= 7 and second.number <= 7  # "6 4 3 6 6 3": set scores, a pair each
        if self.is_num(after) and not (self.commentary and any(self.unit_or_noun(after + 1)[:2])) and not sets:
            return None  # "87 79 6 minutes 30 to go": a score, then a clock with its unit
        if self.is_word(after, *SCALES):
            return None  # "3 2 crore viewers": a scaled number that lost its point, not a score
        a = self._make(j, j + 1, first.value, first.value, "exact", None)
        b = self._make(first.next, after, second.number, second.number, "exact", None)
        return a, b

    def _figurative(self, i: int, j: int, first: _Num, q: tuple | None) -> bool:
        """ "told me a thousand times", "not in a million years": "a" + a round scale word + "times" or (after
        "in") "years" is a way of speaking; "a million years ago" and "three times" are amounts."""
        if q or first.digits or not self.is_word(j, "a") or first.next != j + 2:
            return False
        if not self.is_word(j + 1, "hundred", "thousand", "million", "billion", "trillion"):
            return False
        if self.is_word(first.next, "times") and not self._comparing(first.next + 1):
            return True
        return (
            self.is_word(first.next, "years", "lifetimes")
            and self.is_word(i - 1, "in")
            and not self.is_word(first.next + 1, "ago", "old", "before", "earlier", "later")
        )

    def _range_before(self, i: int) -> bool:
        """ "(raised its forecast to A to B,) from $18.2 billion to $18.6 billion previously": "from X to Y" ends
        with a word saying it was the earlier range, so it is a range, not a change from X to Y."""
        if (before := self.tok(i - 2)) is None or before.kind != "sym":
            return False  # "rose from 5 to 7": a change; ", from 5 to 7 previously": the earlier range
        ends = []
        j = i
        for _ in range(2):
            c = self.currency_before(j)
            n = self.number(c[1] if c else j, guard=False, money=c is not None)
            if n is None:
                return False
            ends.append(n.next)
            j = n.next + 1
        if not self.is_word(ends[0], "to") or not self.same_line(ends[0] + 1):
            return False
        k = ends[1]
        if (pct := self.percent(k)) is not None:
            k = pct[1]  # ", from 6.5 to 7.5 per cent previously": past the unit the two share
        after = self.tok(k + 1)
        return (
            self.is_word(k, "previously", "earlier")
            and self.same_line(k)
            and (after is None or after.kind == "sym" or not self.same_line(k + 1))
        )

    def _one_noun_in(self, first: _Num, k: int) -> bool:
        """ "one voter in four": a ratio with its noun between the terms."""
        t = self.tok(k)
        return (
            first.value == 1
            and not first.digits
            and t is not None
            and t.kind == "word"
            and t.low not in STOP
            and self.same_line(k)
            and self.is_word(k + 1, "in")
            and (n := self.number(k + (3 if self.is_word(k + 2, "every", "each") else 2), guard=False)) is not None
            and n.value > 1
            and (self.is_word(k + 2, "every", "each") or not any(self.unit_or_noun(n.next)[:2]))
        )  # "one child in every five lives …": after "every" the word that follows is not what is counted

    def _occasions_after(self, k: int) -> bool:
        """A noun of occasions or of a span after the second number of "N in M": "games", "matches", "starts",
        "appearances", "days", "seasons" (an adjective may stand between: "14 league games")."""
        for n in (k, k + 1):
            if not self.same_line(n) or self.tok(n) is None or self.toks[n].kind != "word":
                return False
            if self.toks[n].low in _OCCASION_NOUNS:
                return True
            if self.toks[n].low in STOP:
                return False
        return False

    def _comparing(self, k: int) -> bool:
        """What follows "three times" or "twice" makes it a ratio: "as", "the", "more", "higher", "bigger"…"""
        t = self.tok(k)
        if t is None or t.kind != "word" or not self.same_line(k):
            return False
        if t.low in (*_POSSESSIVES, "its") and not self.is_word(k + 1, "life", "career", "history"):
            return True  # "ten times her original target", "three times its capacity"; but "three times in her life"
        m = k + 1 if t.low in ("last", "this", "next", "the") else k  # "three times last year's total"
        if self.is_word(m + 1, "'", "’") and self.is_word(m + 2, "s") and self.adjacent(m + 1) and self.adjacent(m + 2):
            return True  # "twice today's level", "three times last year's total": a multiple of something's amount
        if t.low == "more":
            # "twice more likely", "three times more than": a comparison; "cut twice more by the end of the
            # year", "rose three times more.": more occasions
            after = self.tok(k + 1)
            return not (
                after is None
                or after.kind == "sym"
                or not self.same_line(k + 1)
                or (after.low in STOP and after.low != "than")
            )
        if t.low == "as":
            # "twice as many", "three times as likely": "as" then the measure compared; "scored twice as the
            # hosts won", "came on twice as a substitute", "strikes twice as Harrogate sink": "as" opens a clause
            # or a role, and "twice" counts occasions
            after = self.tok(k + 1)
            if (
                after is None
                or after.kind != "word"
                or not self.same_line(k + 1)
                or after.low in STOP
                or after.low in _PRONOUNS
                or after.low in _POSSESSIVES
                or (after.text[:1].isupper() and not t.text[:1].isupper())
            ):
                return False
            if getattr(self, "stripped", False):
                # no capitals to tell a name ("twice as harrogate sink"): only a measure is compared
                return self._a_measure_compared(k + 1)
            return True
        return t.low in _COMPARING or (t.low.endswith("er") and t.low not in STOP and len(t.low) > 4)

    def _multiplying(self, j: int) -> bool:
        """ "the fire triples in size", "a doubling of the cap", "is doubling": the verb or its noun, not the
        tennis "doubles" ("won the mixed doubles", "the doubles final")."""
        low = self.toks[j].low
        if low.endswith("ing"):
            return self.is_word(j + 1, "of") or self.is_word(j - 1, "is", "are", "was", "were", "been", "be")
        if not low.endswith("es"):
            return False
        before, after = self.tok(j - 1), self.tok(j + 1)
        if before is None or before.low in _BEFORE_DOUBLES_GAME or (before.kind != "word" and before.text != ","):
            return False
        return after is not None and after.kind == "word" and after.low not in _DOUBLES_GAME_NOUNS

    def _on_a_scorecard(self, j: int, first: _Num) -> bool:
        """In a report on sport, a name and a number in a list of them: "New Zealand 301 for 7 (Whitlow 96, Marsh 58;
        Cullen 3-54) beat England 274 (Ferris 112 …)". The number is followed by the list's punctuation or "for"
        (wickets), and the name starts the list, an item of it or a clause."""
        if not (self.sports_report or self.cricket) or first.scaled or first.value >= 1000:
            return False
        after = self.tok(first.next)
        if after is None or not (
            after.text in {",", ";", ")", "("} or after.low == "for" and self.is_num(first.next + 1)
        ):
            return False
        n = j - 1
        while n > 0 and self.toks[n - 1].kind == "word" and self.toks[n - 1].text[:1].isupper() and self.same_line(n):
            n -= 1  # "New Zealand": a name of several capitalised words
        if not (n == 0 or not self.same_line(n) or self.is_word(n - 1, "(", ",", ";", *DASHES, "beat", "beats", "and")):
            return False
        start, end = j, j  # another name and number so listed on the line ("The measure, Issue 7, passed": a name)
        while start > 0 and self.same_line(start):
            start -= 1
        while end + 1 < len(self.toks) and self.same_line(end + 1):
            end += 1
        return any(
            m != j
            and self.toks[m].kind == "num"
            and self.toks[m - 1].kind == "word"
            and self.toks[m - 1].text[:1].isupper()
            and self.is_word(m + 1, ",", ";", ")", "(")
            for m in range(max(start, 1), end)
        )

    def _after_a_place(self, j: int) -> bool:
        """The number at token j follows a name that follows a place in a results table: "1 Arsenal 16 12 3 1 +24
        39", "4 Aston Villa 15 …": the team's tallies, not a label."""
        n = j - 1
        while (
            n > 0
            and self.same_line(n)
            and (self.toks[n - 1].text[:1].isupper() or self.toks[n - 1].low in _NAME_PARTICLES)
        ):
            if self.toks[n - 1].kind != "word":
                break
            n -= 1
        return n > 0 and self.same_line(n) and self.toks[n - 1].kind == "num" and self._results_rank(n - 1)

    def _results_line(self, j: int) -> bool:
        """Token j is on a line that is only a result: a name, a score, a name, a score ("Harbour Lions 24
        Castlegate 22", "Arsenal 2 Chelsea 1."), as headlines and results tables print them."""
        start = end = j
        while start > 0 and self.same_line(start):
            start -= 1
        while end + 1 < len(self.toks) and self.same_line(end + 1):
            end += 1
        while end > start and self.toks[end].kind == "sym":
            end -= 1  # a full stop after the last score
        for k in range(start, min(start + 5, j)):
            if self.is_word(k, ":") and any(self.is_word(m, *_RESULT_WORDS) for m in range(start, k)):
                start = k + 1  # "Final score: Celtics 112, Knicks 104", "Result: …"
                break
        groups: list[str] = []
        for t in self.toks[start : end + 1]:
            if t.text == ",":
                continue
            if t.kind == "num" and t.is_integer and t.grouped is None and int(t.text) <= 200:
                groups.append("n")
            elif t.kind == "word" and t.text[:1].isupper():
                if not groups or groups[-1] != "w":
                    groups.append("w")
            else:
                return False
        return groups == ["w", "n", "w", "n"]

    def _hours_without_a_clock(self, j: int, first: _Num) -> tuple[Declined, int] | None:
        """ "open from 9 till 5", "9 until 1": two hours of the clock; "till" says so, but not which half of the
        day (no "am", "pm", "in the morning"), so neither is read as a count nor guessed as a time."""
        if not (first.value == first.value.to_integral_value() and 1 <= first.value <= 12):
            return None
        if not (self.is_word(first.next, "till", "until", "til") and self.same_line(first.next + 1)):
            return None
        second = self.number(first.next + 1, guard=False)
        if second is None or not 1 <= second.value <= 12 or second.value != second.value.to_integral_value():
            return None
        if self._meridiem(second.next) or self._oclock(second.next):
            s, e, text = self.span(j, first.next)
            return Declined(text, s, e, WHY_HOURS), first.next  # "9 till 5pm": the 5 is a time, the 9 unsaid
        if any(self.unit_or_noun(second.next)[:2]):
            return None  # "from 9 till 5 people" is not about the clock
        s, e, text = self.span(j, second.next)
        return Declined(text, s, e, WHY_HOURS), second.next

    def _a_measure_compared(self, k: int) -> bool:
        """Token k, after "twice as": a measure ("many", "likely", "expensive") or a word a second "as" or
        "than" soon follows ("twice as fast a rise as")."""
        low = self.toks[k].low
        if low in _MEASURES_COMPARED or low.endswith(_ADJECTIVE_ENDINGS):
            return True
        return any(self.is_word(n, "as", "than") and self.same_line(n) for n in range(k + 1, k + 5))

    def _age_before(self, j: int) -> bool:
        """ "age" or "aged" earlier in the same clause, with no other number between: the years are an age; but "for
        44 years" is a span whatever came before ("the pension age went up; I paid in for 44 years")."""
        if self.is_word(j - 1, "for"):
            return False
        n = j - 1
        while n >= 0 and n > j - 9 and self.same_line(n + 1):
            t = self.toks[n]
            if t.kind == "num" or t.text in {".", ";", ":", "!", "?"}:
                return False
            if t.low in {"age", "aged", "ages"} and not self.is_word(n + 1, "group", "groups", "band", "bands"):
                return True
            n -= 1
        return False

    def _level_before(self, i: int) -> bool:
        """ "at 12 times", "as high as 2 times": the words before say a level, so "times" multiplies it."""
        if self.is_word(i - 1, "at"):
            return True
        if self.is_word(i - 1, "by") and self.is_word(i - 2, *_MOVED_BY):
            return True  # "prices rocketed by nearly six times": the factor of a change, not occasions
        return self.is_word(i - 1, "as") and self.is_word(i - 2, *_LEVELS) and self.is_word(i - 3, "as")

    def _multiplies(self, k: int) -> bool | None:
        """After "N times": a noun phrase is what is multiplied (True); a time, a place, a verb or the end of the
        clause says how often (False); a word the reader cannot place leaves it unsure (None)."""
        t = self.tok(k)
        if t is not None and t.text in _CLOSING_QUOTES and self.adjacent(k):
            k, t = k + 1, self.tok(k + 1)  # "a number "roughly 120 times" what it had been": past the quote
        if t is None or t.kind != "word" or not self.same_line(k):
            return False
        if t.low == "what":
            return True  # "five times what it cost", "120 times what it had been"
        if t.low == "too" and (adj := self.tok(k + 1)) is not None and adj.kind == "word" and self.same_line(k + 1):
            if adj.text.islower() and adj.low not in STOP | PREPOSITIONS:
                return True  # "roughly 100,000 times too dim to see": a multiple of a measure, not occasions
        after = self.tok(k + 1)
        if (
            t.text.isupper()
            and len(t.text) > 1
            and after is not None
            and after.kind == "word"
            and self.same_line(k + 1)
            and after.text.islower()
            and after.low in _MULTIPLIED | _LIMITS
        ):
            return True  # "PM2.5 over 20 times WHO limit", "three times EU average"
        for m in range(k, k + 5):  # "9 times next year's earnings", "12 times forward sales": a valuation
            w = self.tok(m)
            if w is None or not self.same_line(m) or (w.kind != "word" and w.text not in {"'", "’"}):
                break
            if w.low in _VALUED_BY:
                return True
        if t.low in STOP or t.low in _OCCASION_AFTER or not t.text.islower() or t.low.endswith(("ly", "ing")):
            return False
        if t.low in MONTHS or t.low in UNITS:
            return False
        for m in (k, k + 1):
            w = self.tok(m)
            if w is None or w.kind != "word" or (m > k and not self.same_line(m)) or w.low in STOP:
                break
            if _plural_noun(w.text) or w.low in _MULTIPLIED:
                return True
        return None

    def _points_kind(self, j: int) -> str | None:
        """ "Points" after the number at token j: percentage points in a sentence about percentages or polls,
        points of a score or an index in one about a match or a market; None (unsure) when the sentence says
        neither or both."""
        before, after = self.text[: self.toks[j].start], self.text[self.toks[j].end :]
        start = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
        ends = [at for at in (after.find(". "), after.find("\n"), after.find("? ")) if at >= 0]
        sentence = before[start + 1 :] + " " + after[: min(ends) if ends else len(after)]
        percentages = _PERCENT_CONTEXT.search(sentence) is not None
        scores = _SCORE_CONTEXT.search(sentence) is not None
        if re.search(
            r"\bswing\s+of\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?\Z", before[-40:], re.I
        ):
            return "percentage_points"  # "a swing of 21.6 points from Conservative to Liberal Democrat"
        if _VOTE_CONTEXT.search(sentence) and not _MATCH_CONTEXT.search(sentence):
            return "percentage_points"  # "the share of the vote dropped by nearly nine points", "2.6 points short"
        if self.sports_report and not (percentages and _POINTS_OF_A_SHARE.search(sentence)):
            return "quantity"  # "Reiner won 178 points to Alvarez's 174, landed 68% of his first serves"
        if percentages and not scores:
            return "percentage_points"
        if scores and not percentages:
            return "quantity"
        if scores and _INDEX_CONTEXT.search(sentence):
            return "quantity"  # "the FTSE 100 closed up 41 points, or 0.5%"
        if not percentages and not scores and self._in_a_match(j):
            return "quantity"  # "led by Andre Lyles with 27 points", in a report of a game
        return None

    def _hour_at_the_end(self, j: int, first: _Num, k: int) -> bool:
        """ "back with the news at 7", "finishes work at 9,": a whole number from 1 to 12 after "at" that ends its
        phrase may be a time of day; not after words that set a level ("put the death toll at 9,"). (Hour words,
        "at nine", are the bindings' WHY_BARE_HOUR rule.)"""
        if not self.is_word(j - 1, "at") or not first.digits or first.scaled or not 1 <= first.value <= 12:
            return False
        if first.value != first.value.to_integral_value():
            return False
        after = self.tok(k)
        if not (after is None or not self.same_line(k) or after.text in {",", ".", ";", "!", "?"}):
            return False
        return not sets_an_amount(self.text, self.toks[j - 1].start)

    def _named_ratio(self, j: int) -> bool:
        """The number at token j follows the name of a ratio: "odds ratio of", "hazard ratio", "risk ratio was"."""
        k = j - 1
        if self.is_word(k, "of", "was", "is", "=", ":", "("):
            k -= 1
        if (t := self.tok(k)) is not None and t.text in _RATIO_ABBREVIATIONS and self.same_line(k + 1):
            return True  # "(OR 2.31; 95% CI …)", "an adjusted HR of 0.74": printed as capitals, never "or"
        return self.is_word(k, "ratio") and self.is_word(k - 1, "odds", "hazard", "risk", "rate", "incidence")

    def _a_service_time(self, j: int, first: _Num, k: int) -> bool:
        """ "the 812 from harrogate", "the 1745 to leeds" in text stripped of its colons: a train or a bus named by
        the time it leaves (which, morning or evening, the words may not say), not a count."""
        t = self.toks[j]
        if not (self.stripped and t.is_integer and len(t.text) in (3, 4) and int(t.text[-2:]) <= 59):
            return False
        return self.is_word(j - 1, "the") and self.is_word(k, "from", "to", "service", "train", "bus")

    def _more_of_a_span(self, i: int, j: int, k: int) -> str | None:
        """ "meant to last 14 days and can be extended by another 30": a number after "another" or "a further" that
        ends its phrase takes the unit of time of a span counted earlier in the sentence."""
        if not (
            self.is_word(i - 1, "another")
            or self.phrase(i - 2, ("a", "further"))
            or self.phrase(i - 2, ("an", "extra"))
        ):
            return None
        after = self.tok(k)
        if not (after is None or not self.same_line(k) or after.kind == "sym" or after.low in ("if", "when", "and")):
            return None
        m = i - 2
        while m > 0 and self.same_line(m + 1) and self.toks[m].text not in {".", "!", "?", ";"}:
            n = (
                self.number(m, guard=False)
                if self.is_num(m) or self.toks[m].low in ONES or self.toks[m].low in TENS
                else None
            )
            if n is not None:  # the nearest count before is what there is more of: "1,184 routes … a further 2,300"
                unit = UNITS.get(self.toks[n.next].low) if n.next < len(self.toks) else None
                return unit if unit in DURATION_UNITS else None
            m -= 1
        return None

    def _per_noun(self, k: int) -> tuple[str, int] | None:
        """The lowercase noun at token k after "per 1,000" ("births", "person-years"), with the index after it."""
        t = self.tok(k)
        if t is None or t.kind != "word" or not t.text.islower() or t.low in STOP or not self.same_line(k):
            return None
        if self.is_word(k + 1, *DASHES) and self.adjacent(k + 1) and self.adjacent(k + 2):
            nxt = self.tok(k + 2)
            if nxt is not None and nxt.kind == "word" and nxt.text.islower():
                return f"{t.low}-{nxt.low}", k + 3  # "person-years"
        if not (t.low in NOUNS or _plural_noun(t.text)):
            return None
        return t.low, k + 1

    def _place_in_a_series(self, j: int, first: _Num) -> bool:
        """The number at token j names a place in a series after a lowercase series word ("on day two", "lap 41 of
        53", "session two", "world number 6"), not a count after it ("the next day two people died", "this leg 60
        with three darts", "tie game 93 93", "the frame 76 to 58")."""
        name = self.tok(j - 1)
        if name is None or name.kind != "word" or self.adjacent(j) or not self.same_line(j):
            return False
        if not (name.text.islower() or name.text.istitle() and self.sentence_start(j - 1)):
            return False  # "on day two"; "Stage 17 result:" opening a line
        if name.low in ("number", "no"):
            if not self.is_word(j - 2, "world"):
                return False
        elif name.low not in _SERIES_WORDS:
            return False
        if first.value >= 100 or first.value < 1 or first.value != first.value.to_integral_value() or first.scaled:
            return False
        if self.is_word(j - 2, *_NOT_BEFORE_A_SERIES_WORD) or self.is_word(j - 2, *ORDINAL_WORDS):
            return False
        after = self.tok(first.next)
        if after is None or not self.same_line(first.next):
            return True
        if after.kind == "num" or after.text in DASHES or after.low in ("to", "points", "runs", "goals"):
            return False  # a score
        return after.kind == "sym" or not (after.low in NOUNS or after.low in UNITS or _plural_noun(after.text))

    def _tennis_score(self, a: Decimal, b: Decimal) -> bool:
        """ "down 0-40 at 3-4 in the fifth" in a report on tennis: points (0, 15, 30, 40) or games (up to 7)."""
        points = {0, 15, 30, 40}
        if not (a in points and b in points or a <= 7 and b <= 7):
            return False
        return self.tennis

    def _an_interval_before(self, j: int) -> bool:
        """ "(95% CI 55.1–72.7)", "(range 60–93)", "confidence interval 0.71 to 0.88": the pair at token j gives
        the ends of a statistical interval, a range whatever the paragraph is about ("in the first season")."""
        for n in range(j - 1, max(-1, j - 6), -1):
            t = self.toks[n]
            if t.text in {")", "(", ";"} or not self.same_line(n + 1):
                return t.text == "(" and self.is_word(n + 1, "range")
            if t.low in {"ci", "interval", "iqr", "range", "cri"}:
                return True
        return False

    def _in_a_match(self, j: int) -> bool:
        """The paragraph around token j is about a match or a league (a score, not a range): "We're 9-14." """
        start = self.text.rfind("\n", 0, self.toks[j].start) + 1
        end = self.text.find("\n", self.toks[j].end)
        return _MATCH_CONTEXT.search(self.text[start : end if end >= 0 else len(self.text)]) is not None

    def _compound(self, k: int, unit: str | None, currency: str | None, low: Decimal) -> tuple[Decimal, int] | None:
        """ "9 metres 40 centimetres" is 9.4 metres; "58 pounds 50 pence" and "9 pounds 20" are £58.50, £9.20."""
        if not (currency or unit == "m") or low != low.to_integral_value():
            return None
        t = self.tok(k)
        if (
            currency
            and t is not None
            and t.kind == "word"
            and (t.low in TENS or t.low in ONES and 10 <= ONES[t.low] < 20)
            and self.tok(k - 1) is not None
            and self.toks[k - 1].low in CURRENCY_WORDS
            and self.same_line(k)
        ):
            # said aloud: "one euro sixteen", "a dollar twenty seven": the cents after the currency word
            cents, end = (ONES.get(t.low) or TENS[t.low]), k + 1
            if t.low in TENS and self.is_word(k + 1, *ONES) and 0 < ONES[self.toks[k + 1].low] < 10:
                cents, end = cents + ONES[self.toks[k + 1].low], k + 2
            nxt = self.tok(end)
            if nxt is None or nxt.kind == "sym" or not self.same_line(end) or not any(self.unit_or_noun(end)[:2]):
                return low + Decimal(cents) / 100, end
        if t is None or t.kind != "num" or not t.is_integer or len(t.text) != 2 or not self.same_line(k):
            return None
        if currency and self.tok(k - 1) is not None and self.toks[k - 1].kind == "word":
            after = self.tok(k + 1)
            if self.is_word(k + 1, "pence", "p", "cents", "paise"):
                return low + t.number / 100, k + 2
            if after is None or after.kind == "sym" or not self.same_line(k + 1) or after.low in STOP:
                return low + t.number / 100, k + 1  # stripped text: "9 pounds 20"
            if not any(self.unit_or_noun(k + 1)[:2]) and not self.percent(k + 1) and not self.currency_after(k + 1):
                return low + t.number / 100, k + 1  # "closed at 7 pounds 84 valuing…", but "5 pounds 20 people"
            return None
        if unit == "m" and self.is_word(k + 1, "centimetres", "centimeters", "cm"):
            return low + t.number / 100, k + 2
        return None

    def _one(self, j: int, k: int) -> tuple[str, str | None, int] | None:
        """ "One witness", "one product manager" count one; "no one", "one of them", "at one point" do not."""
        if self.is_word(j - 1, *_NOT_ONE_BEFORE):
            return None
        if self.is_word(j - 1, "at") and self.is_word(k, "point", "stage", "time", "moment"):
            return None
        t = self.tok(k)
        if t is not None and t.low in DENOMINATORS and t.low not in {"second", "seconds"}:
            return None  # "one half", "one third": a fraction, read as one
        if t is not None and t.kind == "word" and self.same_line(k) and t.low not in STOP and t.text[0].islower():
            # "one like it", "one within reach": a preposition or an adverb after "one" counts nothing
            if not t.low.endswith(("ing", "ed", "ly")) and t.low not in PREPOSITIONS | _NOT_COUNTED_BY_ONE:
                return CONFIDENT, None, k + 1
            noun = self.tok(k + 1)
            if (
                t.low.endswith(("ing", "ed"))
                and noun is not None
                and noun.kind == "word"
                and noun.text.islower()
                and self.same_line(k + 1)
                and len(noun.low) > 2
                and noun.low not in STOP | PREPOSITIONS | _NOT_COUNTED_BY_ONE
                and not noun.low.endswith(("ing", "ed", "ly"))
            ):
                return CONFIDENT, None, k + 2  # "one remaining seat", "one missed shipment": one of the noun
        if self.is_word(k, "more", "extra", "last", "fewer") and self.same_line(k + 1):
            nxt = self.tok(k + 1)
            if nxt is not None and nxt.kind == "word" and nxt.low not in STOP and nxt.text[0].islower():
                if not nxt.low.endswith(("ing", "ed", "ly")) and nxt.low not in {"time", "thing"} | set(UNITS):
                    return CONFIDENT, None, k + 2  # "one more drive", "one extra shift": one of the noun
        return UNSURE, WHY_ONE, k

    def _coins(self, start: int, end: int, coins: Decimal, coin: str) -> Value:
        """ "a 5-cent coin", "a one-cent rise", "a two-penny piece", "a half-cent tax": that many of the coin, money
        (``start``/``end`` are character offsets)."""
        amount = coins / 100
        return Value(text=self.text[start:end], start=start, end=end, low=amount, high=amount, category="money",
                     currency=self._coin_currency(coin))  # fmt: skip

    def _coin_currency(self, coin: str) -> str:
        """The currency of a cent or a penny: a euro's cent where the report prices in euros."""
        if coin.startswith("cent") and ("€" in self.text or re.search(r"\beuros?\b", self.text, re.IGNORECASE)):
            return "EUR"
        return SUBUNITS.get(coin, "USD")

    def _a_thing_a_period(self, j: int) -> tuple[str, str, int] | None:
        """Token j is "a" before a thing (and "of" what it holds) then "a" or "per" and a period: "about a bucket
        of water a day", "an apple a day", "a pack a week" count one of the thing per period; the "a day" is no
        span of one day."""
        thing = self.tok(j + 1)
        if thing is None or not self._a_plain_noun(j + 1):
            return None
        k = j + 2
        if self.is_word(k, "of") and self._a_plain_noun(k + 1):
            k += 2  # "a bucket of water", "a glass of milk"
        if not (self.is_word(k, "a", "per") and self.is_word(k + 1, *RATE_PERIODS) and self.same_line(k + 1)):
            return None
        if self.is_word(k + 2, "later", "earlier", "ago", "before", "after", "of", "'s", "’s"):
            return None  # "a week later", "a day of rain": a span, not how often
        return thing.low, RATE_PERIODS[self.toks[k + 1].low], k + 2

    def _a_plain_noun(self, k: int) -> bool:
        t = self.tok(k)
        return (
            t is not None
            and t.kind == "word"
            and t.text.islower()
            and self.same_line(k)
            and t.low not in STOP
            and t.low not in UNITS
            and t.low not in RATE_PERIODS
            and t.low not in DENOMINATORS
            and t.low not in ONES
            and t.low not in MONEY_WORDS  # "a fiver a week": money, read with its amount
            and t.low not in _NOT_A_THING
            and not t.low.endswith(("ly", "ing"))
        )

    def _a_measure_and_a_part(self, j: int) -> tuple[Decimal, str, int] | None:
        """Token j is "a" before a measure that is not a span of time, then "and a half", "and a quarter" or "and
        three quarters": one and that part of the measure (spans of time are read with their unit below)."""
        word = self.tok(j + 1)
        if word is None or not self.same_line(j + 1) or not self.same_line(j + 2):
            return None
        unit = UNITS.get(word.low) or MEASURE_NOUNS.get(word.low)
        if unit is None or unit in DURATION_UNITS or unit == "%":
            return None
        part = self._and_a_part(j + 2)
        return (1 + part, unit, j + 5) if part is not None else None

    def _and_a_part(self, j: int) -> Decimal | None:
        """ "and a half", "and a quarter", "and three quarters" from token j: the part of one they add."""
        for words, part in _AND_A_PART:
            if self.phrase(j, words) and self.same_line(j):
                return part
        return None

    def _without_number(
        self, i: int, j: int, q: tuple | None, qualifier: Qualifier, qualifier_word: str | None
    ) -> tuple[Value, int] | None:
        """What a qualifier or a word may start without digits: "over a year", "a third", "once", "£20 a week"."""
        t = self.tok(j)
        if t is None or t.kind != "word":
            return None
        if t.low in ("a", "an", "one") and (pct := self.percent(j + 1)) and pct[0] == "percentage_points":
            if not self.is_word(j + 2, *DASHES) and not self.is_word(j + 1, *DASHES):
                category, k, scale = pct  # "a percentage point below inflation": never a figure of speech
                unit = "basis points" if scale != 1 else "percentage points"
                return self._make(i, k, scale, scale, qualifier, qualifier_word, unit=unit, category=category), k
        thing = self._a_thing_a_period(j) if t.low in ("a", "an") else None
        if thing is not None:  # "a bucket of water a day", "an apple a day", "a pack a week": one per period
            noun, per, k = thing
            return self._make(i, k, Decimal(1), Decimal(1), qualifier, qualifier_word, noun=noun, per=per), k
        mixed = self._a_measure_and_a_part(j) if t.low in ("a", "an") else None
        if mixed is not None:  # "a length and a half", "a mile and a quarter", "a stone and three quarters"
            amount, unit, k = mixed
            return self._make(i, k, amount, amount, qualifier, qualifier_word, unit=unit), k
        # "for over a year", "within a decade", "an hour": "a"/"an" before a time unit is one of it
        if t.low in ("a", "an") and self.is_word(j + 1, *UNITS) and self.same_line(j + 1):
            if self._ordinal_of_noun(j + 1) or self.is_word(j + 1, "night"):
                return None  # a second yellow card; after a night in which…
            if self.is_word(j - 1, "of") and self.is_word(j - 2, "part") and self.is_word(j - 3, *_MOST_OF):
                s, e, text = self.span(j - 4 if self.is_word(j - 4, "the") else j - 3, j + 2)
                return Declined(text, s, e, WHY_PART_OF), j + 2  # "the best part of a day": most of one
            unit = UNITS[self.toks[j + 1].low]
            # "a year ago", "a month earlier" place a time, they give no amount; but "for a month before
            # deciding" is one, and "a fortnight" always carries its two weeks
            relative = self.is_word(j + 2, "ago", "earlier", "later", "before") and not (
                unit == "fortnights" or self.is_word(j - 1, "for", "within")
            )
            if q and unit not in DURATION_UNITS and unit != "%":
                # "more than a metre", "about a mile": with a qualifier, "a" is the amount
                return self._make(i, j + 2, Decimal(1), Decimal(1), qualifier, qualifier_word, unit=unit), j + 2
            if unit in DURATION_UNITS and not relative and self.phrase(j + 2, ("and", "a", "half")):
                amount, unit = DURATION_SCALE.get(unit, (1, unit))
                half = Decimal(amount) * Decimal("1.5")
                return self._make(i, j + 5, half, half, qualifier, qualifier_word, unit=unit), j + 5
            if unit in DURATION_UNITS and not relative and not (q is None and self._vague_amount_before(j)):
                if q or not (self.is_num(j - 1) or self.is_word(j - 1, "times", "once", "twice", "per", *ONES, *TENS)):
                    amount, unit = DURATION_SCALE.get(unit, (1, unit))
                    s, e, text = self.span(i, j + 2)
                    value = self._make(i, j + 2, Decimal(amount), Decimal(amount), qualifier, qualifier_word, unit=unit)
                    return value, j + 2
            return None
        if t.low in ("decade", "century", "fortnight") and self.is_word(
            j - 1,
            "next",
            "past",
            "last",
            "preceding",
            "following",
            "previous",
            "coming",
            "another",
            "final",
            "first",
            "whole",
            "entire",
        ):  # "in the final fortnight", "the whole decade": a span of that length
            amount, unit = DURATION_SCALE[UNITS[t.low]] if UNITS[t.low] in DURATION_SCALE else (2, "weeks")
            return self._make(j, j + 1, Decimal(amount), Decimal(amount), "exact", None, unit=unit), j + 1
        if t.low in MONEY_WORDS and MONEY_WORDS[t.low] and self.is_word(j - 1, "a"):
            amount, currency = MONEY_WORDS[t.low]  # type: ignore[misc]
            start = j - 1 if not q else i
            per, k = self.rate(j + 1, money=True)
            value = self._make(start, k, Decimal(amount), Decimal(amount), qualifier, qualifier_word,
                               category="rate" if per else "money", currency=currency, per=per)  # fmt: skip
            return value, k
        if t.low == "hundred" and self.is_word(j - 1, *_BEFORE_A_HUNDRED) and self.cricket:
            # "Kerr's maiden hundred", "his first Test hundred": in a report on cricket, a hundred runs
            return self._make(i, j + 1, Decimal(100), Decimal(100), qualifier, qualifier_word, noun="runs"), j + 1
        if t.low in ("once", "twice") and self.is_word(j + 1, "or") and self.same_line(j + 2):
            # "once or twice", "twice or three times", "twice or thrice": a spoken range of occasions
            nxt = self.tok(j + 2)
            low = 1 if t.low == "once" else 2
            end = None
            if nxt is not None and nxt.low == ("twice" if low == 1 else "thrice"):
                end = j + 3
            elif low == 2 and self.is_word(j + 2, "three") and self.is_word(j + 3, "times"):
                end = j + 4
            if end is not None:
                per, k = self.rate(end)
                return self._make(i, k, Decimal(low), Decimal(low + 1), qualifier, qualifier_word, per=per), k
        if (
            t.low in ("once", "twice", "thrice")
            and self.is_word(j + 1, *DASHES)
            and self.adjacent(j + 1)
            and self.adjacent(j + 2)
            and self.is_word(j + 2, *RATE_WORDS)
            and self.toks[j + 2].low != "annual"
        ):
            n = {"once": 1, "twice": 2, "thrice": 3}[t.low]  # "twice-yearly", "once-weekly": so often a period
            per = RATE_WORDS[self.toks[j + 2].low]
            return self._make(i, j + 3, Decimal(n), Decimal(n), qualifier, qualifier_word, per=per), j + 3
        if t.low in ("once", "twice", "thrice"):
            n = {"once": 1, "twice": 2, "thrice": 3}[t.low]
            if t.low == "once" and not q:
                nxt = self.tok(j + 1)
                ends = nxt is None or nxt.kind == "sym" or not self.same_line(j + 1)
                if not (ends or self.is_word(j - 1, *_ONCE_BEFORE) or self.is_word(j + 1, *_ONCE_AFTER)):
                    return None
            if n > 1 and self._comparing(j + 1):
                return self._ratio(i, j + 1, Decimal(n), Decimal(1), "ratio", qualifier, qualifier_word), j + 1
            # "twice a year" is a rate; "twice in 10 years" is a count over a span, two mentions (the
            # corpus's convention): the span is read on its own as a duration. "Once a year before the rains"
            # stays a rate: occasions are counted, as a noun would be
            per, k = self.rate(j + 1, counted=True)
            return self._make(i, k, Decimal(n), Decimal(n), qualifier, qualifier_word, per=per), k
        fold = _FOLD.fullmatch(t.low)
        if fold and (fold.group(1) in ONES or fold.group(1) in TENS or fold.group(1) == "hundred"):
            n = ONES.get(fold.group(1)) or TENS.get(fold.group(1)) or 100
            return self._ratio(i, j + 1, Decimal(n), Decimal(1), "ratio", qualifier, qualifier_word), j + 1
        if (
            t.low in ("double", "triple", "treble", "quadruple")
            and self.is_word(j + 1, "the", "that", "its", "their", "his", "her", "what")
            and self.same_line(j + 1)
        ):
            n = Decimal(_MULTIPLES[t.low])  # type: ignore[arg-type]
            return self._ratio(i, j + 1, n, Decimal(1), "ratio", qualifier, qualifier_word), j + 1  # double the usual
        verb = (
            t.low in _MULTIPLES
            and (t.low.endswith("ed") or self.is_word(j - 1, *_BEFORE_A_VERB) or self._multiplying(j))
            and not self.is_word(j + 1, *_NOT_MULTIPLYING_AFTER)  # "doubled down"
            and not (self.is_word(j + 1, "as") and self.is_word(j + 2, "a", "an"))  # "doubles as a shelter"
        )
        if (q or verb) and t.low in _MULTIPLES and _MULTIPLES[t.low]:
            return self._ratio(
                i, j + 1, Decimal(_MULTIPLES[t.low]), Decimal(1), "ratio", qualifier, qualifier_word
            ), j + 1  # type: ignore[arg-type]
        if q:
            fraction = self.fraction_at(j)
            if fraction:
                value, k = fraction
                s, e, text = self.span(i, k)
                return _with(value, start=s, end=e, text=text, qualifier=qualifier, qualifier_word=qualifier_word), k
        return None

    def _clock_duration(self, value: Value) -> Value:
        """ "under 2:06" in a race is two hours and six minutes, not a time of day."""
        hours, minutes = (int(x) for x in (value.when_low or "0:0").split(":"))
        seconds = Decimal(hours * 3600 + minutes * 60)
        return _with(value, kind="count", category="duration", low=seconds, high=seconds, unit="seconds",
                     when_low=None, when_high=None, confidence=CONFIDENT, why=None)  # fmt: skip

    def _a_year_not_a_whole(self, j: int, n) -> bool:
        """After "six in": a year printed without separators (1900-2100), one word alone, and not a round hundred
        ("one in 2000" may still be a chance): a whole is printed round ("one in 2,000"), a year is not."""
        t = self.tok(j)
        if t is None or n.next != j + 1 or not re.fullmatch(r"(?:19|20)\d\d|2100", t.text):
            return False
        return int(t.text) % 100 != 0

    def _hyphen_ratio(
        self, i: int, first: _Num, k: int, qualifier: Qualifier, qualifier_word: str | None
    ) -> tuple[Value, int] | None:
        """ "a 3-to-1 margin", "11-to-4", "a one-in-200 chance", "1-in-48,000", "a 1-in-100-year flood": a ratio or
        odds printed as one hyphenated word. Not a rising pair ("a 10-to-15-minute walk", "the 18-to-24 age
        group": ranges), nor a name whose part is bigger than its whole ("the 6-in-1 vaccine")."""
        if not (
            self.is_word(k, "-")
            and self.is_word(k + 1, "to", "in")
            and self.is_word(k + 2, "-")
            and all(self.adjacent(n) for n in (k, k + 1, k + 2, k + 3))
        ):
            return None
        second = self.number(k + 3, guard=False)
        if second is None or second.value == 0 or second.scaled or self.percent(second.next):
            return None
        a, b = first.value, second.value
        if a == b == 1 and not first.digits:
            return None  # "one-to-one tuition", "a one-in-one-out rule": a way of doing something, no ratio
        if self.is_word(k + 1, "to"):
            if a < b or self._hyphen_glued(second.next):
                return None  # "a 10-to-15-minute walk", "the 18-to-24 age group"
        elif a >= b:
            return None  # "the 6-in-1 vaccine"
        return self._ratio(i, second.next, a, b, "ratio", qualifier, qualifier_word), second.next

    def _ratio(
        self, i: int, k: int, a: Decimal, b: Decimal, category: str, qualifier: Qualifier, qualifier_word: str | None
    ) -> Value:
        s, e, text = self.span(i, k)
        return Value(text=text, start=s, end=e, low=a / b, high=a / b, kind="ratio", ratio_terms=(a, b),
                     category=category, qualifier=qualifier, qualifier_word=qualifier_word)  # fmt: skip

    # --- words: fractions, ordinals, orders of magnitude, clock times as durations --------------------

    def fraction_at(self, i: int) -> tuple[Value, int] | None:
        """ "a third", "two-thirds", "three quarters", "half", "a quarter-point" is left to percent."""
        every = self._n_weekly(i)
        if every is not None:
            return every
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        if t.low == "halfway":
            return self._fraction(i, i + 1, Decimal(1), Decimal(2)), i + 1  # halfway between the two
        if t.low == "every":
            return self._every_part(i)
        if (
            t.low in ("quarter", "half")
            and not self.is_word(i - 1, "a", "an", "one", *DASHES)
            and not (self.is_word(i - 1, *ONES) and self.is_word(i - 2, "a", "an"))  # "a three quarter-point rise"
            and (points := self._part_point(i + 1)) is not None
        ):
            # "a further quarter-point cut", "two quarter-point cuts": a part of a percentage point, the words
            # before it say how many or which, not a numerator
            return self._points(i, points, Decimal(1) / (2 if t.low == "half" else 4))
        if (
            ONES.get(t.low, 0) > 1
            and not self.is_word(i - 1, "a", "an")  # "a three quarter-point rise" is one rise of 0.75
            and self.is_word(i + 1, "quarter", "half")
            and self.same_line(i + 1)
            and self._part_point(i + 2) is not None
        ):
            n = Decimal(ONES[t.low])  # "two quarter-point cuts": two of them, each a quarter of a point
            return self._make(i, i + 1, n, n, "exact", None), i + 1
        if (
            t.low in ("a", "an")
            and self.is_word(i + 1, "half")
            and self.is_word(i - 1, "and")
            and (unit := UNITS.get(self.toks[i - 2].low if i >= 2 else "")) in DURATION_UNITS
            and not self.toks[i - 2].low.endswith("s")
            and self.is_word(i - 3, "the", "last", "past", "next", "first", "final", "this", "that")
            and self.same_line(i - 2)
        ):
            # "for most of the last hour and a half": one and a half of the unit of time before it
            s, e, text = self.span(i - 2, i + 2)
            one_and_half = Decimal("1.5")
            return Value(text=text, start=s, end=e, low=one_and_half, high=one_and_half, unit=unit,
                         category="duration"), i + 2  # fmt: skip
        if t.low in ("a", "an"):
            few = self._one_or_few(i)
            if few is not None:
                return few
        if t.low == "half":
            if self.phrase(i + 1, ("a", "dozen")):
                return None  # "half a dozen molecules": six, read as a number
            hour = self._half_past(i)
            if hour is not None:
                # "half nine last night", "half seven in the evening": past noon; alone, as British speech means it
                evening = self._part_of_day(i + 2) in ("afternoon", "evening") or any(
                    self.phrase(i + 2, words) for words in (("last", "night"), ("tonight",), ("at", "night"))
                )
                if evening and hour < 12:
                    hour += 12
                s, e, text = self.span(i, i + 2)
                return self._time(s, e, text, hour, 30), i + 2  # "at half six": 6.30
            if self.is_word(i + 1, *DASHES) and self.adjacent(i + 1):
                u = self.tok(i + 2)
                if u is not None and self.adjacent(i + 2) and u.low in ("cent", "penny"):
                    s, e, _ = self.span(i - 1 if self.is_word(i - 1, "a") else i, i + 3)  # a half-cent sales tax
                    return self._coins(s, e, Decimal("0.5"), u.low), i + 3
                if u is not None and self.adjacent(i + 2) and UNITS.get(u.low) in ("hours", "minutes", "days"):
                    amount = Decimal("0.5")
                    return self._make(i, i + 3, amount, amount, "exact", None, unit=UNITS[u.low]), i + 3  # half-hour
                span = self._part_of_a_span(i + 1)
                if span is not None:
                    start = i - 1 if self.is_word(i - 1, "a") and self.same_line(i) else i
                    amount = span[0] / 2  # "the past half-century": fifty years
                    s, e, text = self.span(start, span[1])
                    return Value(text=text, start=s, end=e, low=amount, high=amount, unit="years",
                                 category="duration"), span[1]  # fmt: skip
                if u is not None and self.adjacent(i + 2) and u.low in ("price", "priced", "fare", "fares"):
                    return self._fraction(i, i + 3, Decimal(1), Decimal(2)), i + 3  # half-price: a half of the price
                if (points := self._part_point(i + 1)) is not None:
                    return self._points(i, points, Decimal("0.5"))  # "a half-point cut": half a percentage point
                return None  # half-time, half-hearted
            if self.is_word(i + 1, "a", "an") and self.is_word(i + 2, *SCALES):
                return None  # half a million: a number
            if self.is_word(i + 1, "a") and self.same_line(i + 1) and self.percent(i + 2) is not None:
                return None  # half a percentage point, half a per cent: a number
            if self.is_word(i + 1, "a") and self.is_word(i + 2, "cent", "penny") and self.same_line(i + 2):
                # "half a cent on the dollar": money, and a rate when it says on or in what
                currency = SUBUNITS[self.toks[i + 2].low]
                start = i - 1 if self.is_word(i - 1, "one") else i
                k, per = i + 3, None
                if self.is_word(k, "on", "in") and self.is_word(k + 1, "the") and self.is_word(k + 2, *CURRENCY_WORDS):
                    k, per = k + 3, self.toks[k + 2].low
                amount = Decimal("0.005")
                value = self._make(start, k, amount, amount, "exact", None, per=per,
                                   category="rate" if per else "money", currency=currency)  # fmt: skip
                return value, k
            start = i - 1 if self.is_word(i - 1, "a", "one") and self.same_line(i) else i
            if self.is_word(i + 1, "hour", "day", "minute", "second") and self.same_line(i + 1):
                unit = UNITS[self.toks[i + 1].low]  # "the last half hour", "a half day off": half of that span
                s, e, text = self.span(start, i + 2)
                return Value(text=text, start=s, end=e, low=Decimal("0.5"), high=Decimal("0.5"), unit=unit,
                             category="duration"), i + 2  # fmt: skip
            if (
                self.is_word(i + 1, "a", "an")
                and self.is_word(i + 2, *UNITS, *MEASURE_NOUNS)
                and self.same_line(i + 2)
                and UNITS.get(self.toks[i + 2].low) != "%"
            ):
                unit = UNITS.get(self.toks[i + 2].low) or MEASURE_NOUNS[self.toks[i + 2].low]
                amount, unit = DURATION_SCALE.get(unit, (1, unit))
                half = Decimal(amount) / 2
                s, e, text = self.span(start, i + 3)
                return Value(text=text, start=s, end=e, low=half, high=half, unit=unit,
                             category="duration" if unit in DURATION_UNITS else "quantity"), i + 3  # fmt: skip
            if self.is_word(i - 1, "first", "second") and self.adjacent(i) is False and self.same_line(i):
                return None  # "the second half of the match": the ordinal of the half, read once (not also 1/2)
            return self._fraction(start, i + 1, Decimal(1), Decimal(2)), i + 1
        if t.low in ("a", "an"):
            numerator, k = Decimal(1), i + 1
            if self._ordinal_of_noun(k):
                return None  # a third term
            if (
                self.is_word(k, "quarter")
                and self.is_word(k + 1, *DASHES)
                and self.is_word(k + 2, "cent", "penny")
                and self.adjacent(k + 1)
                and self.adjacent(k + 2)
            ):
                s, e, _ = self.span(i, k + 3)  # "a quarter-cent levy": money, a quarter of a cent
                return self._coins(s, e, Decimal("0.25"), self.toks[k + 2].low), k + 3
            if self.is_word(k, "half") and (
                self.is_word(k + 1, *DASHES)
                and self.adjacent(k + 1)
                or self.is_word(k + 1, "hour", "day", "minute", "second")
                and self.same_line(k + 1)
            ):
                return None  # a half-hour delay, a half day off: read from "half"
        elif t.low in ONES and 0 < ONES[t.low] < 10:
            numerator, k = Decimal(ONES[t.low]), i + 1
        else:
            return None
        if self.is_word(k, *DASHES) and self.adjacent(k) and self.adjacent(k + 1):
            k += 1
        elif not self.same_line(k):
            return None
        d = self.tok(k)
        if d is None or d.kind != "word" or d.low not in DENOMINATORS or d.low in {"second", "seconds"}:
            return None
        if numerator > 1 and not d.low.endswith("s"):
            return None
        if gcd(int(numerator), int(DENOMINATORS[d.low])) > 1:
            return None  # news prints fractions in lowest terms: "two quarters of growth" counts quarters
        if numerator == 1 and d.low.endswith("s") and d.low != "halves":
            return None
        if d.low == "quarters" and not self.is_word(k + 1, "of") and self.is_word(i - 1, *_BEFORE_COUNTED_PERIODS):
            return None  # "over the last two quarters", "for two quarters": quarters of a year or a game, counted
        if t.low in ("a", "an") and d.low == "fourth" and not self._an_amount_before(i):
            return None  # "a fourth term"; but "by at least a fourth" is a part
        points = self._part_point(k + 1) if d.low in ("half", "quarter", "quarters") else None
        if points is not None:
            start = i + (1 if t.low in ("a", "an") else 0)  # a quarter-point cut, a quarter point cut
            return self._points(start, points, Decimal(numerator) / DENOMINATORS[d.low])
        span = self._part_of_a_span(k + 1) if t.low in ("a", "an") and d.low in ("half", "quarter") else None
        if span is not None:
            years, end = span  # "a quarter-century", "a half-century": so many years
            amount = years / DENOMINATORS[d.low]
            s, e, text = self.span(i, end)
            return Value(text=text, start=s, end=e, low=amount, high=amount, unit="years", category="duration"), end
        if self.phrase(k + 1, ("of", "a", "percentage", "point")):
            return self._points(i, k + 5, numerator / DENOMINATORS[d.low])
        if self.phrase(k + 1, ("of", "a", "point")) or self.phrase(k + 1, ("of", "one", "point")):
            # "by a quarter of a point": percentage points in a sentence about rates or polls, else unsure
            value = numerator / DENOMINATORS[d.low]
            s, e, text = self.span(i, k + 4)
            if self._points_kind(i) != "percentage_points":
                return Declined(text, s, e, WHY_POINTS), k + 4
            return self._points(i, k + 4, value)
        if (
            self.is_word(k + 1, "of")
            and self.is_word(k + 2, "a", "an")
            and self.is_word(k + 3, *UNITS)
            and UNITS[self.toks[k + 3].low] in DURATION_UNITS
            and self.same_line(k + 3)
        ):
            amount, unit = DURATION_SCALE.get(UNITS[self.toks[k + 3].low], (1, UNITS[self.toks[k + 3].low]))
            part = numerator / DENOMINATORS[d.low] * amount
            return self._make(i, k + 4, part, part, "exact", None, unit=unit), k + 4  # a quarter of an hour
        if (
            self.is_word(k + 1, "of")
            and (n := self.tok(k + 2)) is not None
            and n.kind == "num"
            and self.same_line(k + 2)
        ):
            pct = self.percent(k + 3)
            if pct and pct[0] == "percent":
                part = numerator / DENOMINATORS[d.low] * n.number
                s, e, text = self.span(i, pct[1])
                return Value(text=text, start=s, end=e, low=part, high=part, unit="%", category="percent"), pct[1]
        if self.is_word(k + 1, "of") and self.is_word(k + 2, "a", "an") and self.is_word(k + 3, *SCALES):
            # "a quarter of a million people": a number, 250,000
            amount = numerator / DENOMINATORS[d.low] * SCALES[self.toks[k + 3].low]
            start = i
            money = self.currency_after(k + 4)
            if money and not money[0].endswith(":sub"):
                per, end = self.rate(money[1], money=True)
                category = "rate" if per else "money"
                return self._make(
                    start, end, amount, amount, "exact", None, per=per, category=category, currency=money[0]
                ), end  # fmt: skip  a quarter of a million pounds
            unit, noun, end = self.unit_or_noun(k + 4)
            return self._make(start, end, amount, amount, "exact", None, unit=unit, noun=noun), end
        return self._fraction(i, k + 1, numerator, Decimal(DENOMINATORS[d.low])), k + 1

    def _duration_unit(self, k: int, *, singular: bool = True) -> str | None:
        """The unit of time named at token k ("hour", "day"), on the same line; a plural only when asked."""
        t = self.tok(k)
        if t is None or t.kind != "word" or not self.same_line(k) or UNITS.get(t.low) not in DURATION_UNITS:
            return None
        if singular and t.low.endswith("s"):
            return None
        return UNITS[t.low]

    def _n_weekly(self, i: int) -> tuple[Value, int] | None:
        """ "four-weekly", "six-monthly", "2-yearly": once every N of that period (the corpus's rate, per "4
        weeks"); "weekly" alone is left to the rates after an amount."""
        t = self.tok(i)
        if t is None or not self.is_word(i + 1, *DASHES) or not self.adjacent(i + 1) or not self.adjacent(i + 2):
            return None
        if t.kind == "num" and t.is_integer and not t.grouped:
            n = int(t.number)
        elif t.kind == "word" and t.low in ONES:
            n = ONES[t.low]
        else:
            return None
        period = self.tok(i + 2)
        if n < 2 or period is None or period.low not in ("hourly", "daily", "weekly", "monthly", "yearly"):
            return None
        one = Decimal(1)
        return self._make(
            i, i + 3, one, one, "exact", None, per=f"{n} {RATE_WORDS[period.low]}s", category="rate"
        ), i + 3

    def _age_group(self, i: int) -> tuple[Value, int] | None:
        """ "over-65s", "under-16s", "the over 60s": people older or younger than that age, an age."""
        t = self.tok(i)
        if t is None or t.low not in ("over", "under"):
            return None
        k = i + 1
        if self.is_word(k, *DASHES) and self.adjacent(k) and self.adjacent(k + 1):
            k += 1
        qualifier: Qualifier = "at_least" if t.low == "over" else "at_most"
        category = _category("age", "years", None, False)
        n, s_ = self.tok(k), self.tok(k + 1)
        if n is None or s_ is None or n.kind != "num" or not n.is_integer or len(n.text) > 2 or not self.same_line(k):
            return self._people_over_an_age(i, qualifier, category)
        if not (s_.low == "s" and self.adjacent(k + 1)):
            return self._people_over_an_age(i, qualifier, category)
        return self._make(i, k + 2, n.number, n.number, qualifier, t.text, unit="years", category=category), k + 2

    def _people_over_an_age(self, i: int, qualifier: Qualifier, category: str) -> tuple[Value, int] | None:
        """ "adults over 65", "children under five", "those aged over 70": people older or younger than an age (a
        whole number of years up to 120, nothing counted after it but "years" or "years old")."""
        before = self.tok(i - 1)
        if before is None or not self.same_line(i) or self.adjacent(i):
            return None
        if not (NOUNS.get(before.low) == "people" and before.low.endswith(("s", "men", "children", "people")) or
                before.low in ("those", "anyone", "everyone", "aged")):  # fmt: skip
            return None
        n = self.number(i + 1, guard=False)
        if n is None or not self.same_line(i + 1) or n.value != int(n.value) or not 0 < n.value <= 120:
            return None
        k = n.next
        if self.is_word(k, "years", "year") and self.same_line(k):
            k += 2 if self.is_word(k + 1, "old") else 1
        elif (
            (t := self.tok(k)) is not None
            and self.same_line(k)
            and (t.kind == "num" or t.low in UNITS or t.text in {"%", "-", "–"} or t.low in ("per", "percent", "cent"))
        ):
            return None  # "people over 65 per cent", "children under 5kg": not an age
        elif self.adjacent(k) and t is not None and t.kind == "word":
            return None
        return self._make(i, k, n.value, n.value, qualifier, self.toks[i].text, unit="years", category=category), k

    def _points(self, i: int, k: int, part: Decimal) -> tuple[Value, int]:
        """Tokens i..k are a part of a percentage point ("a quarter-point", "half a percentage point")."""
        s, e, text = self.span(i, k)
        return Value(text=text, start=s, end=e, low=part, high=part, unit="percentage points",
                     category="percentage_points"), k  # fmt: skip

    def _part_point(self, k: int) -> int | None:
        """After "quarter"/"half" at k-1: "-point" or " point" (not "point of", "point in"), a part of a percentage
        point in a report of rates or polls; returns the index after it."""
        if self.is_word(k, *DASHES) and self.adjacent(k) and self.is_word(k + 1, "point") and self.adjacent(k + 1):
            return k + 2
        if self.is_word(k, "point") and self.same_line(k) and not self.is_word(k + 1, "of", "in", "where", "at"):
            return k + 1
        if self.phrase(k, ("percentage", "point")) or self.phrase(k, ("percentage", "points")):
            return k + 2  # "by a quarter percentage point"
        return None

    def _part_of_a_span(self, k: int) -> tuple[Decimal, int] | None:
        """After "half"/"quarter" at k-1: "-century" or "-decade" (hyphen, as printed), in years."""
        if not (self.is_word(k, *DASHES) and self.adjacent(k) and self.adjacent(k + 1)):
            return None
        years = {"century": 100, "decade": 10}.get(self.tok(k + 1).low)  # type: ignore[union-attr]
        return (Decimal(years), k + 2) if years else None

    def _every_part(self, i: int) -> tuple[Value, int] | None:
        """ "every half hour", "every quarter of an hour", "every other day", "every third week": how often, one
        per that span (the corpus's rate, per "30 minutes", "2 days"), never the fraction 1/2 on its own."""
        k = i + 1
        if self.is_word(k, "other", "second", "third", "fourth") and self.same_line(k):
            unit = self._duration_unit(k + 1)
            if unit is None:
                return None
            n = 2 if self.tok(k).low in ("other", "second") else ORDINAL_WORDS[self.tok(k).low]  # type: ignore[union-attr]
            one = Decimal(1)
            return self._make(i, k + 2, one, one, "exact", None, per=f"{n} {unit}", category="rate"), k + 2
        if not self.is_word(k, "half", "quarter") or not self.same_line(k):
            return None
        part = Decimal(1) / (2 if self.tok(k).low == "half" else 4)  # type: ignore[union-attr]
        points = self._part_point(k + 1)
        if points is not None:  # "every quarter point makes a difference": a part of a percentage point
            return self._points(k, points, part)
        m = k + 1
        if self.is_word(m, *DASHES) and self.adjacent(m) and self.adjacent(m + 1):
            m += 1  # every half-hour
        elif self.is_word(m, "of") and self.is_word(m + 1, "a", "an"):
            m += 2  # every quarter of an hour
        elif self.is_word(m, "a", "an"):
            m += 1  # every half an hour
        unit = self._duration_unit(m)
        if unit is None:
            return None
        amount, smaller = part * _SMALLER_UNIT.get(unit, (1, unit))[0], _SMALLER_UNIT.get(unit, (1, unit))[1]
        one = Decimal(1)
        per = f"{plain_number(amount)} {smaller}"
        return self._make(i, m + 1, one, one, "exact", None, per=per, category="rate"), m + 1

    def _one_or_few(self, i: int) -> tuple[Value, int] | None:
        """ "a year or two", "a day or three": a span of one to a few units of time, not a year and a bare two."""
        unit = self._duration_unit(i + 1)
        if unit is None or not self.is_word(i + 2, "or") or not self.is_word(i + 3, "two", "three", "four"):
            return None
        if not self.same_line(i + 3) or any(self.unit_or_noun(i + 4)[:2]):
            return None  # "a day or two weeks" is left to the walker
        amount, unit = DURATION_SCALE.get(unit, (1, unit))  # "a decade or two": 10 to 20 years
        high = Decimal(ONES[self.toks[i + 3].low]) * amount
        return self._make(i, i + 4, Decimal(amount), high, "exact", None, unit=unit), i + 4

    def _half_past(self, i: int) -> int | None:
        """ "at half six", "until half eight": half past the hour, as British speech says it."""
        if not self.is_word(i - 1, *_CLOCK_LEADS) or not self.same_line(i + 1):
            return None
        t = self.tok(i + 1)
        if t is None:
            return None
        if t.kind == "num" and t.is_integer and not self.adjacent(i + 1) and 1 <= t.number <= 12:
            hour = int(t.number)
        elif t.kind == "word" and (t.low in ONES or t.low in {"eleven", "twelve"}) and 1 <= ONES.get(t.low, 0) <= 12:
            hour = ONES[t.low]
        else:
            return None
        after = self.tok(i + 2)
        if after is not None and self.same_line(i + 2) and after.kind != "sym":
            if any(self.unit_or_noun(i + 2)[:2]) or self.percent(i + 2) or after.low in {"of", "a", "an"}:
                return None
            if after.low == "and" and (self.is_num(i + 3) or self.is_word(i + 3, *ONES, "a", "an", "half")):
                return None  # "half 2 and 3": numbers; "at about half 2 and then the lights went": a time
        return hour

    def _fraction(self, i: int, k: int, numerator: Decimal, denominator: Decimal) -> Value:
        s, e, text = self.span(i, k)
        q = numerator / denominator
        return Value(text=text, start=s, end=e, low=q, high=q, kind="ratio", ratio_terms=(numerator, denominator),
                     category="fraction")  # fmt: skip

    def _a_ranked_part(self, i: int) -> bool:
        """ "the bottom fifth of incomes", "among the poorest fifth", "those in the top quarter, who…": a part of a
        population ranked by something (a quintile, a quartile), not the fifth or the quarter of a series."""
        t, nxt = self.tok(i), self.tok(i + 1)
        if t is None or t.low not in DENOMINATORS or t.low.endswith("s") or t.low in {"second", "half"}:
            return False
        if not (self.is_word(i - 1, *_RANKS) and self.is_word(i - 2, "the") and self.same_line(i - 1)):
            return False
        return nxt is None or not self.same_line(i + 1) or nxt.kind == "sym" or nxt.low == "of" or nxt.low in STOP

    def _ordinal_of_noun(self, i: int) -> bool:
        """ "a second yellow card", "a third term", "a fifth straight year": after "a", an ordinal word that
        describes the noun after it is an ordinal, not a fraction ("a third of voters") or a duration ("a second
        later")."""
        t, nxt = self.tok(i), self.tok(i + 1)
        if t is None or t.low not in ORDINAL_WORDS or not self.is_word(i - 1, "a", "an"):
            return False
        if (
            self.is_word(i - 2, *_SCORED)
            and self._in_a_match(i)
            and not (nxt is not None and self.same_line(i + 1) and nxt.low in _NOT_AN_ORDINAL_NOUN)
        ):
            return True  # "He added a second from the penalty spot": a second goal, in a report on a match
        if nxt is None or nxt.kind != "word" or not self.same_line(i + 1) or self.adjacent(i + 1):
            return False
        if self.is_word(i + 1, "and", "or") and self.is_word(i + 2, *ORDINAL_WORDS) and self.same_line(i + 2):
            return True  # "a second and third season": a list of ordinals of one noun
        if nxt.low in STOP or nxt.low in _NOT_AN_ORDINAL_NOUN:
            return False
        if t.low in DENOMINATORS and self._an_amount_before(i - 1):
            return False  # "fall by a fifth once…", "cut it by at least a fourth within two years": a part
        # "a third night", "a fifth day", "a second term": an ordinal; but "a quarter hour", "a half day" are
        # fractions and "a second" is itself a unit
        if t.low == "second" and UNITS.get(nxt.low) in DURATION_UNITS:
            return True  # "a second year doctor": a second is never followed by another span of time
        return nxt.low not in UNITS or (t.low not in {"quarter", "half", "second"} and UNITS[nxt.low] in DURATION_UNITS)

    def _elided_ordinal(self, a: int, k: int) -> bool:
        """ "$250 for a first offense and $1,000 for a third.", "sunk two and seized a third,", "patient for eight
        months … not for a ninth,": "a" + the ordinal at k ends its clause after the place before it (a count of
        N-1, the ordinal N-1, or "a first"/"a second") in the sentence or the one before, so it is the next of the
        same thing, not a part ("cut by a third." asks for an amount)."""
        end = self.tok(k + 1)
        if not (end is None or end.text in {".", ",", ";", ":", "!", "?", "”", '"', ")"} or not self.same_line(k + 1)):
            return False
        if self._an_amount_before(a):
            return False
        n = ORDINAL_WORDS.get(self.toks[k].low, 0)
        before = {w for w, v in ORDINAL_WORDS.items() if v == n - 1} | {w for w, v in ONES.items() if v == n - 1}
        before.add(str(n - 1))
        m, stops = a - 1, 0
        while m >= 0 and m > a - 60 and self.same_line(m + 1) and stops < 2:
            stops += self.toks[m].text in {".", "!", "?"}
            if self.is_word(m, "first", "second") and self.is_word(m - 1, "a", "an", "the") and stops == 0:
                return True
            if self.toks[m].low in before and not self.is_word(m + 1, "in", "out", "of", "per", "to"):
                return True
            m -= 1
        return False

    def _an_amount_before(self, a: int) -> bool:
        """The words before the "a" at token a ask for an amount ("by a", "at least a", "than a"), so what
        follows is a part of something, not a position."""
        if self.is_word(a - 1, "by", "than", *_TAKES_A_SHARE):
            return True  # "cut by a third", "lost a fifth", "they'll get a fifth"
        for words, _ in QUALIFIER_PHRASES:
            if len(words) <= a and all(self.is_word(a - len(words) + n, w) for n, w in enumerate(words)):
                return True
        return False

    def ordinal_at(self, i: int) -> tuple[Value | Declined, int] | None:
        t = self.tok(i)
        if t is None:
            return None
        quarter = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(t.low)
        if quarter and self.phrase(i + 1, ("quarter", "of")) and (y := self.year(i + 3)) and self.same_line(i + 3):
            # "the first quarter of 2023": January to March 2023
            first_month = 3 * quarter - 2
            return self._make_range(i, y[1], Point(y[0], first_month, None), Point(y[0], first_month + 2, None)), y[1]
        if (
            t.kind == "num"
            and t.is_integer
            and self.is_word(i + 1, *ORDINAL_SUFFIXES)
            and self.adjacent(i + 1)
            and _ordinal_suffix_fits(t.text, self.toks[i + 1].low)
        ):
            if self.adjacent(i) and self.toks[i - 1].kind in ("word", "num"):
                return None
            s, e, text = self.span(i, i + 2)
            return Value(text=text, start=s, end=e, low=t.number, high=t.number, category="ordinal"), i + 2
        if t.kind == "word" and self._a_ranked_part(i):
            return self._fraction(i, i + 1, Decimal(1), Decimal(DENOMINATORS[t.low])), i + 1
        if t.kind == "word" and t.low in ORDINAL_WORDS:
            if (
                self._hyphen_glued(i + 1)
                and not self.is_word(i + 2, *_NOT_ORDINAL_COMPOUNDS)
                and not self.is_word(i - 1, *DASHES)
                and t.low not in {"half", "halves", "quarter", "quarters"}
            ):
                n = Decimal(ORDINAL_WORDS[t.low])
                s, e, text = self.span(i, i + 3)
                return Value(text=text, start=s, end=e, low=n, high=n, category="ordinal"), i + 3  # a first-time buyer
            if self._ordinal_of_noun(i):
                n = Decimal(ORDINAL_WORDS[t.low])
                return Value(text=t.text, start=t.start, end=t.end, low=n, high=n, category="ordinal"), i + 1
            if self.is_word(i - 1, "a", "an", "one", "per", "every", "each", "split", *ONES, *TENS, *DASHES):
                return None
            if t.low == "second" and (self.is_num(i - 1) or self.is_word(i + 1, "thoughts", "hand")):
                return None
            if t.low == "first" and (
                self.is_word(
                    i - 1, "is", "was", "were", "are", "been", "be", "had", "has", "have", "at", *_BEFORE_A_VERB_ONLY
                )
                or (self.tok(i + 1) is not None and self.toks[i + 1].low.endswith("ed"))
            ):
                return None  # "were first published", "at first", "she first told him", "should first fix": an adverb
            if t.low == "first" and self._counted_span_after(i + 1):
                return None  # "the first 24 hours", "the first six months": the span is the mention
            nxt = self.tok(i + 1)
            ends = (nxt is None or nxt.kind == "sym" or not self.same_line(i + 1)) and not self._hyphen_glued(i + 1)
            if t.low == "first" and ends and not self.is_word(i - 1, "the", *_PLACED):
                s, e, text = self.span(i, i + 1)
                return Declined(text, s, e, WHY_FIRST), i + 1  # "my body needs to recover first," an adverb
            if t.low != "first" and t.low != "second" and self.is_word(i + 1, "of") and not self.is_word(i - 1, "the"):
                return None
            n = Decimal(ORDINAL_WORDS[t.low])
            return Value(text=t.text, start=t.start, end=t.end, low=n, high=n, category="ordinal"), i + 1
        return None

    def _counted_span_after(self, k: int) -> bool:
        """A number (digits or words) with a unit or noun starts at token k: "24 hours", "six months"."""
        t = self.tok(k)
        if t is None or not self.same_line(k) or not (t.kind == "num" or t.low in ONES or t.low in TENS):
            return False
        n = self.number(k, guard=False)
        return n is not None

    def decade_of_life_at(self, i: int) -> tuple[Value, int] | None:
        """ "in their twenties", "in her 70s": an age from 20 to 29, 70 to 79."""
        t = self.tok(i)
        if (
            t is not None
            and t.kind == "num"
            and t.is_integer
            and t.text in {"20", "30", "40", "50", "60", "70", "80", "90"}
            and self.is_word(i + 1, "s")
            and self.adjacent(i + 1)
            and self.is_word(i - 1, *_POSSESSIVES, "early", "mid", "late")
        ):
            before = i - 1 if self.is_word(i - 1, *_POSSESSIVES) else i - 2
            if self.is_word(before, *_POSSESSIVES) and self.is_word(before - 1, "in"):
                low = t.number
                return self._make(i, i + 2, low, low + 9, "exact", None, unit="years"), i + 2
        if t is None or t.low not in _DECADES_OF_LIFE or not self.is_word(i - 1, *_POSSESSIVES):
            return None
        if not self.is_word(i - 2, "in") or not self.same_line(i):
            return None
        low = Decimal(_DECADES_OF_LIFE[t.low])
        return self._make(i, i + 1, low, low + 9, "exact", None, unit="years"), i + 1

    def vague_at(self, i: int) -> tuple[Vague, int] | None:
        t = self.tok(i)
        if t is None or t.low not in _MAGNITUDE_STARTS:
            return None
        for phrase, magnitude in _MAGNITUDE_PHRASES:
            if self.phrase(i, phrase):
                if phrase == ("scores",) and not self.is_word(i + 1, "of"):
                    return None  # "Okafor scores 41", "levelled the scores": a verb or a tally, not "scores of"
                if self.is_word(i - 1, "low", "high", "mid", "upper", "lower") and self.is_word(i - 2, "the"):
                    # "in the low hundreds", "the high thousands": a place within the order, no order of its own
                    s, e, text = self.span(i - 1, i + len(phrase))
                    return Vague(text, s, e, None), i + len(phrase)
                s, e, text = self.span(i, i + len(phrase))
                return Vague(text, s, e, magnitude), i + len(phrase)
        return None

    def clock_at(self, i: int) -> tuple[Value, int] | None:
        """ "2:04:37" is a race time: two hours, four minutes, 37 seconds (read in seconds)."""
        t = self.tok(i)
        if t is None or t.kind != "num" or not t.is_integer or len(t.text) > 2:
            return None
        parts, k = [int(t.text)], i + 1
        while len(parts) < 3 and self.is_word(k, ":") and self.adjacent(k) and self.adjacent(k + 1):
            nxt = self.tok(k + 1)
            if nxt is None or nxt.kind != "num" or len(nxt.text) != 2 or not nxt.is_integer:
                return None
            parts.append(int(nxt.text))
            k += 2
        if (
            len(parts) == 2
            and parts[1] <= 59
            and (self.is_word(k, "left", "remaining") or self.phrase(k, ("to", "play")) or self.phrase(k, ("to", "go")))
        ):
            seconds = Decimal(parts[0] * 60 + parts[1])  # "with 2:51 left": minutes and seconds on a game clock
            return self._make(i, k, seconds, seconds, "exact", None, unit="seconds"), k
        if len(parts) == 2 and parts[1] <= 59 and self._a_gap(i):
            seconds = Decimal(parts[0] * 60 + parts[1])  # "+0:22", "fourth at 1:47": minutes and seconds behind
            return self._make(i, k, seconds, seconds, "exact", None, unit="seconds"), k
        if len(parts) != 3 or parts[1] > 59 or parts[2] > 59:
            return None
        seconds = Decimal(parts[0] * 3600 + parts[1] * 60 + parts[2])
        return self._make(i, k, seconds, seconds, "exact", None, unit="seconds"), k

    def elliptic_ordinal_at(self, i: int) -> tuple[Value, int] | None:
        """ "a third," said of the next in a row (see ``_elided_ordinal``): the ordinal alone is the mention. Read
        before fractions and durations, so "a second," is not a second of time either."""
        t = self.tok(i + 1)
        if not self.is_word(i, "a") or t is None or t.kind != "word" or not self.same_line(i + 1):
            return None
        if not 2 <= ORDINAL_WORDS.get(t.low, 0) <= 10 or not self._elided_ordinal(i, i + 1):
            return None
        value = Decimal(ORDINAL_WORDS[t.low])
        return Value(text=t.text, start=t.start, end=t.end, low=value, high=value, category="ordinal"), i + 2

    def race_time_at(self, i: int) -> tuple[Value, int] | None:
        """ "came home in 27:14", "clocked 9.91", "finished in 22.08": a time on a race clock after a word that
        times a run, in a report on a race. "N:MM" is minutes and seconds (hours and minutes in a marathon; the
        value is the same count either way); a bare decimal is seconds."""
        t = self.tok(i)
        if t is None or t.kind != "num" or t.grouped or t.digits > 3:
            return None
        lead = self.tok(i - 1)
        if (
            self.is_word(i - 1, "-", *DASHES)
            and self.is_word(i - 2, "sub")
            and self.adjacent(i - 1)
            and self.adjacent(i)
        ):
            lead = self.tok(i - 2)  # "Sub-2:22 was the dream"
        elif self.is_word(i - 1, "+", "-", *DASHES):
            return None
        if lead is None or not self.same_line(i) or lead.low not in _RACE_TIME_LEADS:
            return None
        if lead.low in _RACE_TIME_SOFT_LEADS and not self.race_report:
            return None  # "in 27:14" or "under 9.91" outside a report on a race could be anything
        after = self.tok(i + 1)
        if t.is_integer and self.is_word(i + 1, ":") and self.adjacent(i + 1) and self.adjacent(i + 2):
            seconds = self.tok(i + 2)
            if seconds is None or seconds.kind != "num" or len(seconds.text.split(".")[0]) != 2:
                return None
            if seconds.number >= 60 or self.is_word(i + 3, ":", "am", "pm", "a", "p", "gmt", "bst", "local"):
                return None  # "2:04:37" is clock_at's; "at 10:30am" is a time of day
            value = t.number * 60 + seconds.number
            unit = "minutes" if _MARATHON.search(self.text) and t.number <= 4 and seconds.is_integer else "seconds"
            return self._make(i, i + 3, value, value, "exact", None, unit=unit), i + 3
        if t.is_integer or len(t.text.split(".")[1]) != 2:
            return None
        if not self.race_report and lead.low not in _RACE_TIME_HARD_LEADS:
            return None  # "clocked 9.91", not "ran 3 times" or "in 2.5"
        if after is not None and self.same_line(i + 1) and (after.low in NOUNS or _plural_noun(after.text)):
            return None  # "in 22.08 seconds" is value_at's, with its unit
        if after is not None and (after.text in {"%", "m", "s"} or after.low in SCALES):
            return None  # "7.77 million", "1.87 lakh": a scaled amount
        return self._make(i, i + 1, t.number, t.number, "exact", None, unit="seconds"), i + 1

    # --- what a reading leaves unread -------------------------------------------------------------------

    def settle(self, item: Value | Declined, k: int) -> tuple[Value | Declined | None, int]:
        """A reading is sure only when it accounts for the words that bind to it. Looks at what follows the
        reading (ending before token k) and either takes it in, reads it another way or declines:

        * glued to a word by a hyphen ("a third-quarter profit", "a second-round exit", "a two-bed flat"): the
          number is part of a compound modifier, so an ordinal word is the ordinal of that compound and any other
          bare word-number is declined (the reader does not know what "-bed" counts);
        * a count followed by a few describing words and then "a day", "per year", "every week" ("1.2 billion
          bus journeys a year"): the period is the rate of the whole phrase, not a separate "a year";
        * a bare number word after "a" or "an" ("hit a six"): a name for something, not an amount.
        """
        if not isinstance(item, Value) or item.kind not in ("count", "ratio") or k <= 0:
            return item, k
        if item.category == "duration" and not item.per and item.text.lower().startswith(_PART_WORDS):
            per, end = self.rate(k, after_duration=True)
            if per and not self._not_a_rate_after(end):
                # "half an hour a night", "a quarter of an hour a day": a part of a unit, then its period
                text = self.text[item.start : self.toks[end - 1].end]
                return replace(item, text=text, end=self.toks[end - 1].end, per=per, category="rate"), end
        first = self._token_at(item.start)
        if (
            first is not None
            and item.category == "duration"
            and item.low == 1
            and item.qualifier == "exact"
            and self.is_word(first, "a", "an")
            and first + 2 == k
            and not self.is_word(
                first - 1,
                *_DURATION_LEADS,
                "take",
                "takes",
                "took",
                "taken",
                "spend",
                "spent",
                "last",
                "lasted",
                "lasts",
                "nearly",
                "almost",
                "only",
                "just",
                "than",
                "of",
                "by",
                "to",
                "another",
                "after",
                "within",
                "under",
            )
            and not self.sentence_start(first)
            and not self.is_word(k, "and", "of", "long", *(NOT_RATE_AFTER - {"since"}))
            and self._count_earlier_in_clause(first)
        ):
            # "treats 300 patients from across the county a week": a period with no word that makes it a span,
            # after a count in the same clause, is how often that count happens, tied by words the reader
            # could not follow; not a span of one week
            return Declined(item.text, item.start, item.end, WHY_A_UNIT), k
        last = self.toks[k - 1]
        if (
            item.kind == "count"
            and item.category == "quantity"
            and item.noun
            and item.noun.lower() in SUBUNITS
            and re.search(r"[-‐–]" + re.escape(item.noun) + r"\Z", item.text)
        ):
            return self._coins(item.start, item.end, item.low, item.noun.lower()), k  # "a one-cent rise"
        if (
            first is not None
            and item.kind == "count"
            and item.category == "quantity"
            and self.is_word(first - 1, *DASHES)
            and self.adjacent(first)
            and self.adjacent(first - 1)
            and (before := self.tok(first - 2)) is not None
            and before.kind in ("word", "num")
            and before.low not in _PREFIXES
        ):
            return Declined(item.text, item.start, item.end, WHY_COMPOUND), k  # "7-Eleven", "Covid-19"
        if (
            self.is_word(k, "grand")
            and self.same_line(k)
            and item.kind == "count"
            and item.category == "quantity"
            and not (item.unit or item.noun or item.per or item.currency)
            and not self.is_word(k + 1, *_GRAND_NAMES)  # "his first grand slam", "a grand prix": names, not money
        ):
            s, e, text = self.span(k - 1, k + 1)
            text = self.text[item.start : e]
            pounds, dollars = "£" in self.text, "$" in self.text
            if pounds != dollars:  # "two grand" in a report that prints only pounds (or only dollars)
                amount = item.low * 1000
                value = replace(item, text=text, end=e, low=amount, high=amount, category="money",
                                currency="GBP" if pounds else "USD")  # fmt: skip
                return value, k + 1
            return Declined(text, item.start, e, WHY_GRAND), k + 1
        if self._hyphen_glued(k):
            word = self.toks[k + 1]
            if item.category == "ordinal" and word.low not in _NOT_ORDINAL_COMPOUNDS:
                s, e, text = self.span(k - 1, k + 2)
                return replace(item, text=self.text[item.start : e], end=e), k + 2  # a 15th-century church
            after_article = self.is_word(k - 2, "a", "an") and self.toks[k - 2].start == item.start
            if (item.unit or item.noun) and last.start > item.start and last.kind == "word" and not after_article:
                # "six second-half minutes": the unit word begins a compound describing what is counted
                unit, noun, end = self.unit_or_noun(k + 2)
                if (unit or noun) and unit not in DURATION_SCALE and item.unit not in DURATION_SCALE:
                    category = _category("quantity", unit, None, item.is_range)
                    text = self.text[item.start : self.toks[end - 1].end]
                    e = self.toks[end - 1].end
                    return replace(item, text=text, end=e, unit=unit, noun=noun, category=category), end
                return Declined(item.text, item.start, item.end, WHY_COMPOUND), k
            if last.kind == "word" and last.low in ORDINAL_WORDS and last.low not in {"half", "halves"}:
                if word.low in _NOT_ORDINAL_COMPOUNDS:
                    return None, k + 2  # "a third-party supplier": no number at all
                n = Decimal(ORDINAL_WORDS[last.low])
                s, e, text = self.span(k - 1, k + 2)
                return Value(text=text, start=s, end=e, low=n, high=n, category="ordinal"), k + 2
            if item.category == "fraction" and word.low.endswith("ed"):
                return item, k  # "two-thirds-owned": owned two thirds over
            if item.category == "quantity" and not (item.unit or item.noun or item.currency) and word.low in SUBUNITS:
                return self._coins(item.start, self.toks[k + 1].end, item.low, word.low), k + 2  # "a 5-cent coin"
            if (
                not (item.unit or item.noun or item.per or item.currency)
                and item.category == "quantity"
                and (not word.text.islower() or word.low in _NOT_COUNTED_AFTER_HYPHEN - {"time"})
            ):
                return Declined(item.text, item.start, item.end, WHY_COMPOUND), k  # "the 3-D printer", "a two-way race"
            return item, k
        if (
            item.kind == "count"
            and item.category in ("quantity", "money", "duration")
            and item.per is None
            and not item.is_range
            and not (item.unit == "years" and "year" not in item.text.lower())  # "adults over 65 falls each year"
        ):
            found = self._rate_after_words(k, bool(item.unit or item.noun or item.currency))
            if found:
                per, end = found
                s, e, text = self.span(k - 1, end)
                text = self.text[item.start : e]
                category = _category("money" if item.currency else "quantity", item.unit, per, False)
                return replace(item, text=text, end=e, per=per, category=category), end
        if (
            item.kind == "count"
            and item.category == "quantity"
            and not (item.unit or item.noun or item.per or item.currency or item.qualifier_word)
            and last.kind == "word"
            and (last.low in ONES or last.low in TENS)
            and ONES.get(last.low, 2) > 1
            and self.toks[k - 1].start == item.start
            and self.is_word(k - 2, "a", "an")
            and self.same_line(k - 1)
        ):
            return Declined(item.text, item.start, item.end, WHY_A_NUMBER), k
        return item, k

    def _count_earlier_in_clause(self, a: int) -> bool:
        """A number stands earlier in the clause that ends at token a (no punctuation between)."""
        n = a - 1
        while n >= 0 and n > a - 10 and self.same_line(n + 1):
            t = self.toks[n]
            if t.kind == "sym" and t.text not in {"%", "$", "£", "€"}:
                return False
            if t.kind == "num" or t.low in ONES or t.low in TENS:
                return True
            n -= 1
        return False

    def _token_at(self, start: int) -> int | None:
        for n, t in enumerate(self.toks):
            if t.start == start:
                return n
            if t.start > start:
                return None
        return None

    def _hyphen_glued(self, k: int) -> bool:
        """Token k is a hyphen that glues the token before it to a word after it: "third-quarter"."""
        nxt = self.tok(k + 1)
        return (
            self.is_word(k, *DASHES)
            and self.toks[k].text != "—"
            and self.adjacent(k)
            and self.adjacent(k + 1)
            and nxt is not None
            and nxt.kind == "word"
        )

    def _rate_after_words(self, k: int, counted: bool) -> tuple[str, int] | None:
        """ "… bus journeys a year", "… litres of milk a day", "… troops per day": up to four describing words
        (no punctuation, no other number, no word that starts a new phrase) and then a rate period."""
        n = k
        while n < k + 5:
            t = self.tok(n)
            if t is None or not self.same_line(n) or t.kind != "word":
                return None
            if t.low in RATE_LEADS:
                break
            if t.low in RATE_WORDS and t.low != "annual" and n > k and self._ends_phrase(n + 1):
                # "20,000 liters of drinking water daily": the period word closes the phrase
                if counted or any(_plural_noun(self.toks[m].text) for m in range(k, n)):
                    return RATE_WORDS[t.low], n + 1
                return None
            if t.low == "in":
                return None  # "1,100 troops in a day": a count over a span, two mentions, not one rate
            if t.low in STOP and t.low != "of" or t.low in PREPOSITIONS:
                return None
            if t.low in ONES or t.low in TENS or t.low in SCALES:
                return None
            if t.low in _OCCASIONS or t.low.endswith("ly"):
                return None  # "50 trucks twice a week": the rate is the twice's
            n += 1
        else:
            return None
        if n == k:
            return None  # directly after the number: rate() has had its say
        if not (counted or any(_plural_noun(self.toks[m].text) for m in range(k, n))):
            return None  # "under five worldwide each year": nothing in between says what is counted
        lead = n
        period = self.tok(lead + 1)
        if period is None or not self.same_line(lead + 1) or period.kind != "word":
            return None
        if period.low not in RATE_PERIODS:
            # "1.4 tonnes of carbon per hectare": after "per", any measure; after "a", only a period
            if not self.is_word(lead, "per") or period.low in STOP or not period.text.islower():
                return None
            if self._not_a_rate_after(lead + 2) or self.is_word(lead + 2, "of", "when", "that", "which", "in"):
                return None
            return self._per_what(lead + 1)
        if period.low in {"over", "second", "head"}:
            return None
        if self._not_a_rate_after(lead + 2) or self.is_word(lead + 2, "of", "when", "that", "which", "in"):
            return None
        return RATE_PERIODS[period.low], lead + 2

    def _make(
        self,
        i: int,
        k: int,
        low: Decimal,
        high: Decimal,
        qualifier: Qualifier,
        qualifier_word: str | None,
        kind: str = "count",
        unit: str | None = None,
        noun: str | None = None,
        per: str | None = None,
        ratio_terms: tuple[Decimal, Decimal] | None = None,
        *,
        category: str | None = None,
        currency: str | None = None,
        confidence: str = CONFIDENT,
        why: str | None = None,
    ) -> Value:
        start, end, text = self.span(i, k)
        return Value(
            text=text,
            start=start,
            end=end,
            low=low,
            high=high,
            kind=kind,  # type: ignore[arg-type]
            qualifier=qualifier,
            qualifier_word=qualifier_word,
            unit=unit,
            noun=noun,
            per=per,
            ratio_terms=ratio_terms,
            category=category or _category("quantity", unit, per, low != high),
            currency=currency,
            confidence=confidence,  # type: ignore[arg-type]
            why=why,
        )


_QUALIFIER_STARTS = {words[0] for words, _ in QUALIFIER_PHRASES}
_MAGNITUDE_STARTS = {k.split()[0] for k in MAGNITUDES}
_MAGNITUDE_PHRASES = sorted(((tuple(k.split()), v) for k, v in MAGNITUDES.items()), key=lambda item: -len(item[0]))


# After a whole number or a measure, the part of one it adds: "two and a half", "a mile and three quarters".
_AND_A_PART = ((("and", "a", "half"), Decimal("0.5")), (("and", "a", "quarter"), Decimal("0.25")),
               (("and", "three", "quarters"), Decimal("0.75")))  # fmt: skip
# Words that open a part of a unit of time ("half an hour", "a quarter of an hour").
_PART_WORDS = ("half", "a half", "a quarter", "quarter", "three quarters", "three-quarters")
# A part of a unit of time in the next smaller unit: half an hour is 30 minutes.
_SMALLER_UNIT = {"hours": (60, "minutes"), "minutes": (60, "seconds"), "days": (24, "hours"), "years": (12, "months"),
                 "weeks": (7, "days")}  # fmt: skip


def _with(value: Value, **changes) -> Value:
    return Value(**{**value.__dict__, **changes})


def _like_two_scores(printed: str) -> bool:
    """ "104 101", "3 109 107" in a stripped commentary on a game: two three-digit groups close to each other are
    more likely a score that lost its dash than one number in the hundreds of thousands."""
    groups = printed.split()
    if len(groups) < 2 or any(g.startswith("0") or len(g) != 3 for g in groups[-2:]):
        return False
    a, b = int(groups[-2]), int(groups[-1])
    return abs(a - b) <= 40


def _could_be_two(printed: str) -> bool:
    """ "150 200" could be 150 to 200 with its dash lost; "30 000" (a group starting with 0), "2 104" (a range
    from 2 to 104 is unlikely) or "34 200" (ends of different sizes) can only be one number."""
    groups = printed.split()
    if any(g.startswith("0") for g in groups[1:]):
        return False
    first, second = int(groups[0]), int(groups[1])
    # the ends of a range are round and of one size ("150 200", "120 150"); "34 200", "296 400" are thousands
    return len(groups[0]) == len(groups[1]) and first % 10 == 0 and second % 10 == 0 and first < second < first * 2


# After "a", words that are amounts or figures of speech, not one thing: "a lot a year", "an average a day".
_NOT_A_THING = {
    "lot",
    "bit",
    "few",
    "couple",
    "number",
    "total",
    "maximum",
    "minimum",
    "average",
    "record",
    "quarter",
    "half",
    "third",
    "little",
    "dozen",
    "score",
    "handful",
    "fraction",
    "rate",
    "share",
    "percentage",
}
# Lowercase words inside a person's name: "Pieter de Wolf", "Lieke van Dam", "Omar al Hassan".
_NAME_PARTICLES = {"de", "van", "der", "den", "von", "da", "di", "du", "le", "la", "al", "el", "bin", "ben", "dos"}
_MEASURES_OF_LENGTH = {"km", "miles", "m", "cm", "mm", "yards", "feet", "inches"}
# After "six-", "three-": words that make an adjective, not a count of something ("two-way", "one-off").
_NOT_COUNTED_AFTER_HYPHEN = {
    "way", "off", "time", "times", "fold", "and", "or", "to", "in", "on", "of", "up", "out", "hand", "handed", "sided",
    "star", "nil", "all", "for", "nothing", "odd", "pointer", "liner", "timer", "footer", "yarder",
}  # fmt: skip


_ENERGY_PREFIXES = {"watt": "", "kilowatt": "k", "megawatt": "M", "gigawatt": "G", "terawatt": "T"}
# Before a part of a ranked population: "the bottom fifth", "the richest tenth", "the top quarter".
_RANKS = frozenset("top bottom poorest richest wealthiest lowest highest middle least most best worst".split())


def _a_base(value: Decimal) -> bool:
    """A round base a rate is given per: 100, 1,000, 10,000, 100,000, a million."""
    return value in (100, 1000, 10000, 100000, 1000000)


def _counted_after_hyphen(word: str) -> bool:
    """ "game" in "six-game", "bedroom" in "one-bedroom": a noun counted by the number before the hyphen."""
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 2
        and word not in _NOT_COUNTED_AFTER_HYPHEN
        and word not in DENOMINATORS
        and word not in STOP
        and word not in ONES
        and word not in TENS
        and not word.endswith(("ing", "ly", "s", "est"))
        and not (word.endswith("ed") and len(word) > 4)  # "two-pronged", "one-sided"; but "a two-bed flat"
    )


def _plain_letters(word: str) -> str:
    """ "złoty" → "zloty", "bolívares" → "bolivares": currency names as the tables spell them."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word.replace("ł", "l")) if not unicodedata.combining(c))


def _ordinal_suffix_fits(digits: str, suffix: str) -> bool:
    """ "21st", "93rd", "12th": the suffix English gives that number ("9st" is not an ordinal: nine stone)."""
    digits = digits.replace(",", "")  # "9,212th": a place with its thousands printed
    if suffix not in ORDINAL_SUFFIXES or not digits.isdigit():
        return False
    n = int(digits)
    if n % 100 in (11, 12, 13):
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _plural_noun(word: str) -> bool:
    low = word.lower()
    return (
        word[:1].islower()
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in STOP
        and low not in _NOT_NOUNS
    )


# After "a third", "a fifth": words that keep it a fraction ("a third more likely", "cut by a third overall").
_NOT_AN_ORDINAL_NOUN = {
    "more", "fewer", "less", "higher", "lower", "larger", "smaller", "bigger", "cheaper", "dearer", "off", "again",
    "overall", "ago", "later", "earlier", "before", "after", "lived", "said", "say", "says",
    # "almost a second quicker", "a second clear": a second of time ahead of or behind something
    "quicker", "faster", "slower", "clear", "ahead", "behind", "adrift", "sooner", "longer", "shorter",
}  # fmt: skip
# Verbs of scoring before "a second", "a third" in a report on a match: the nth goal, try or point
_SCORED = {"added", "scored", "grabbed", "netted", "got", "headed", "struck", "bagged", "notched", "slotted", "claimed"}
# Words before "10, 15 years" that make it one spoken range rather than a list or a label ("day 10, 15 people").
_BEFORE_SPOKEN_RANGE = {"for", "of", "about", "around", "maybe", "perhaps", "some", "like", "than", "been", "in", "be"}
_PERCENT_CONTEXT = re.compile(
    r"%|\bper ?cent\b|\bpercent|\bpolls?\b|\bpolling\b|\bsurvey|\bmargin of error\b|\bapproval\b|"
    r"\bvote share\b|\binterest rates?\b|\bunemployment\b|\binflation\b",
    re.IGNORECASE,
)
# In a report on sport, "points" of a share: "possession rose 12 points", "his first-serve percentage fell 9 points".
_POINTS_OF_A_SHARE = re.compile(
    r"\b(?:percentage|share|possession|rate|rating)\b[^.]{0,40}\b(?:rose|fell|up|down|by)\b"
)
# A sentence about a vote's shares: "points" in it are percentage points, unless it is about a match.
_VOTE_CONTEXT = re.compile(
    r"\bof the vote\b|\bvote share\b|\bshare of the vote\b|\bturnout\b|\bballots?\b|\bswing\b|\belectorate\b|"
    r"\bpolls?\b|\bpolling\b",
    re.IGNORECASE,
)
_INDEX_CONTEXT = re.compile(
    r"\bindex\b|\bindices\b|\bftse\b|\bdow\b|\bnasdaq\b|\bs&p\b|\bnikkei\b|\bsensex\b|\bnifty\b|"
    r"\bhang seng\b|\bdax\b|\bcac\b|\bstoxx\b|\bkospi\b|\basx\b",
    re.IGNORECASE,
)
_SCORE_CONTEXT = re.compile(
    _INDEX_CONTEXT.pattern + r"|\btable\b|\bleague\b|\bstandings\b|\bleaders\b|\btop (?:two|three|four|six)\b|"
    r"\bgames?\b|\bmatch(?:es)?\b|\bseasons?\b|\bscored?\b|\bscoring\b|\bappearances\b|"
    r"\bbasket|\bquarter-?back|\brebounds\b|\bassists\b|\bpenalt|\bfixtures?\b|\bwins?\b|\bdraws?\b|"
    r"\binterval\b|\bhalf-?time\b|\b(?:first|second|third|fourth|final) quarter\b|\bin the (?:third|fourth)\b",
    re.IGNORECASE,
)
_MATCH_CONTEXT = re.compile(
    r"\btable\b|\bleague\b|\bstandings\b|\bgames?\b|\bmatch(?:es)?\b|\bseasons?\b|\bscored?\b|\bscoring\b|"
    r"\bbasket|\brebounds\b|\bassists\b|\bpenalt|\bconversion\b|\btries\b|\bgoals?\b|\bwickets?\b|"
    r"\bbeat(?:s|ing)?\b|\blost\b|\bwon\b|\bdefeat",
    re.IGNORECASE,
)
# After "m": words that make it metres ("1.93m tall"), not millions.
# After "110m": an event on the track or in the pool, so metres, not millions
_RACE_EVENTS = {
    "hurdles", "freestyle", "butterfly", "backstroke", "breaststroke", "medley", "relay", "sprint", "dash",
    "steeplechase", "individual",
}  # fmt: skip
# A report on athletics or swimming, where a bare "8.22m" or "1500m" is a distance
_ATHLETICS = re.compile(
    r"\b(?:hurdles|long jump|high jump|triple jump|pole vault|javelin|discus|shot put|steeplechase|sprint(?:er|ers|s)?|"
    r"relay|freestyle|backstroke|breaststroke)\b",
    re.IGNORECASE,
)
_GRAND_NAMES = {"slam", "slams", "prix", "final", "finals", "jury", "national", "tour", "master", "masters", "opening",
                "canyon", "duchy", "duke", "duchess", "piano", "total"}  # fmt: skip
# Units after a slash that make a rate: "A$2,310/oz", "2.07 g/t" (grams a tonne), "$55/kWh", "$80/bbl".
_PER_SLASH_UNITS = {"oz", "t", "tonne", "kg", "lb", "bbl", "barrel", "mwh", "kwh", "gwh", "unit", "share", "sqft",
                    "litre", "gallon", "mmbtu"}  # fmt: skip
# Before "a third", "a fifth": verbs that take a share of something ("lost a fifth", "they'll get a fifth each").
_TAKES_A_SHARE = {"lost", "lose", "loses", "losing", "cut", "cuts", "get", "gets", "got"}
# Words before a time on a race clock ("clocked 9.91", "came home in 27:14"); the soft ones only in a race report.
_RACE_TIME_SOFT_LEADS = {"in", "under", "sub", "best", "record", "run", "ran", "broke", "broken", "break", "go", "went"}
_RACE_TIME_HARD_LEADS = {"clocked", "clocking", "timed", "swam"}  # a race clock's own verbs, in any text
_RACE_TIME_LEADS = _RACE_TIME_SOFT_LEADS | _RACE_TIME_HARD_LEADS
# A race report names an event or a standard track distance ("the 1500m", "10,000 metres").
_RACE_REPORT = re.compile(
    r"\b(?:marathon|sprint(?:ed|er|ers|s)?|hurdles|relay|freestyle|backstroke|breaststroke|butterfly|medley|"
    r"personal best|world record|championship record|photo finish|finish line)\b|"
    r"(?<![£$€\d.,])\b(?:60|100|110|200|400|800|1,?500|3,?000|5,?000|10,?000) ?(?:m|metres|meters)\b",
    re.IGNORECASE,
)
_MARATHON = re.compile(r"\bmarathon", re.IGNORECASE)
_MEASURED = {"tall", "long", "high", "deep", "wide", "away", "above", "below", "across", "underground", "apart"}
_DECADES_OF_LIFE = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip
_POSSESSIVES = {"their", "his", "her", "my", "our", "your"}
# After "eight in 14": nouns of occasions or of a span of time, which make it a count over them, not a ratio.
_OCCASION_NOUNS = {
    "games", "matches", "starts", "appearances", "outings", "fixtures", "races", "innings", "tests", "bouts",
    "fights", "attempts", "tries", "meetings", "visits", "seasons", "days", "weeks", "months", "years",
    "nights", "hours", "minutes", "sessions", "rounds", "tournaments", "events", "elections", "laps",
}  # fmt: skip
_PRONOUNS = {"i", "you", "he", "she", "we", "they", "it", "one", "someone", "everyone"}
# Before "two quarters" with no "of" after it: words that make it a count of periods, not three-quarters of a thing.
_BEFORE_COUNTED_PERIODS = {
    "last", "past", "next", "previous", "first", "final", "recent", "for", "in", "within", "after", "over",
}  # fmt: skip
# Before "half six" (half past six): words that place a time.
_CLOCK_LEADS = {"at", "by", "until", "till", "from", "around", "about", "before", "after", "since"}
# Verbs of placing after which a bare "first" is a position ("she finished first"), not an adverb.
_PLACED = {"finished", "finish", "finishes", "came", "come", "comes", "placed", "ranked", "ranks", "ranking"}
# Compounds that begin with an ordinal word but say no position: "a third-party supplier", "second-hand".
_NOT_ORDINAL_COMPOUNDS = {"party", "hand", "rate", "class", "guess", "guessed", "guessing", "person", "degree"}
# After "N times", words that say when or how, so the times are occasions ("three times today").
_OCCASION_AFTER = {
    "today", "yesterday", "tonight", "again", "already", "before", "overall", "apiece", "running", "together",
    "too", "then", "there", "here", "year", "week", "month", "season", "daily", "weekly", "per", "so", "now",
}  # fmt: skip
# What "N times" multiplies when it is printed without a plural: "six times salary", "ten times the price".
_SHARED_CURRENCY_NAMES = {
    "peso": {"colombia": "COP", "colombian": "COP", "argentina": "ARS", "argentine": "ARS", "argentinian": "ARS",
             "chile": "CLP", "chilean": "CLP", "philippines": "PHP", "philippine": "PHP", "filipino": "PHP",
             "uruguay": "UYU", "uruguayan": "UYU", "cuba": "CUP", "cuban": "CUP", "dominican": "DOP",
             "mexico": "MXN", "mexican": "MXN"},
    "rupee": {"pakistan": "PKR", "pakistani": "PKR", "sri lanka": "LKR", "sri lankan": "LKR", "nepal": "NPR",
              "nepali": "NPR", "nepalese": "NPR", "mauritius": "MUR", "india": "INR", "indian": "INR"},
}  # fmt: skip
_COUNTRY_WORDS = re.compile(
    r"\b(?:"
    + "|".join(sorted({c for cs in _SHARED_CURRENCY_NAMES.values() for c in cs}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_AFTER_A_RATE = {"on", "in", "at", "since", "after", "before", "last", "this", "from", "by", "when", "while"}
# Scale words after which a currency name that is also an English word can only be money.
_SCALE_WORDS = ("million", "billion", "trillion", "bn", "mn", "m")
# Ratios a study names by their initials: odds, hazard, risk, incidence rate ratios (adjusted).
_RATIO_ABBREVIATIONS = {"OR", "HR", "RR", "IRR", "aOR", "aHR", "aRR", "AOR", "AHR"}
_CLOSING_QUOTES = {'"', "”", "’", "'"}
# A level a multiple is read against, after an acronym: "20 times WHO limit".
_LIMITS = {"limit", "limits", "level", "levels", "guideline", "guidelines", "threshold", "target", "norm", "norms"}
# Verbs of change before "by N times": "rocketed by six times", "increased by 3 times" (the change words of a range,
# and the stronger verbs a multiple is said with).
_MOVED_BY = _CHANGE_WORDS | {
    "rocketed",
    "rocket",
    "surged",
    "surge",
    "multiplied",
    "shrank",
    "shrunk",
    "inflated",
    "went",
}
_VALUED_BY = {"earnings", "profits", "sales", "revenue", "revenues", "ebitda", "cashflow", "turnover"}
_MULTIPLIED = {"salary", "income", "pay", "revenue", "profit", "rent", "value", "size", "price", "cost", "budget",
               "gdp", "output", "capacity", "speed", "amount", "rate", "average", "wage"}  # fmt: skip
# After "8 minutes 40": words that leave the 40 its seconds ("to go", "left", "remaining", "on the clock").
_AFTER_A_CLOCK_SAID = {"to", "left", "remaining", "on", "in", "and", "of", "gone", "played", "into", "before", "after"}
# Lowercase words naming a place in a series before its number ("on day two", "lap 41"), and words before them
# that make the number a count instead ("the next day two people…", "this leg 60", "each round 30 riders").
_SERIES_WORDS = {"day", "lap", "round", "stage", "session", "frame", "heat"}
_NOT_BEFORE_A_SERIES_WORD = {"the", "this", "that", "a", "an", "each", "every", "per", "last", "next", "same", "one",
                             "tie", "which", "whole", "entire", "full"}  # fmt: skip
_SEQUENCE_NAMES = {"day", "week", "round", "stage", "game", "leg", "phase", "lap", "heat", "match", "year", "test"}
# Words a count may follow across a hyphen: "mid-30s", "mum-of-three" (a mother of three children).
_PREFIXES = {"mid", "pre", "post", "early", "late", "ex", "non", "anti", "over", "of", "magnitude"}
_OCCASIONS = {"once", "twice", "thrice"}
# Subject pronouns and helping verbs: the next word is a verb, so "first" between them is an adverb.
_BEFORE_A_VERB_ONLY = {
    "i", "we", "you", "he", "she", "they", "it", "should", "would", "could", "will", "shall", "must", "can", "may",
    "might", "did", "does", "do",
}  # fmt: skip
# After "one": words that are no noun, so "one" is a pronoun ("one like it", "no one else"). ("pulled one back" is
# left: the corpus counts it as a goal in test/38 and not in test/58.)
_NOT_COUNTED_BY_ONE = {
    "like", "apart", "away", "off", "again", "too", "either", "else",
    # "One said she now spends £80", "one told the BBC": a verb after "one" makes it a pronoun, a person
    "said", "says", "told", "tells", "wrote", "writes", "thinks", "thought", "feels", "felt", "knew", "knows", "saw",
    "sees", "went", "goes", "came", "comes", "got", "gets", "took", "takes", "gave", "gives", "spoke", "speaks",
    "recalls", "admits", "insists", "describes", "complains", "warns", "adds", "explains", "claims",
}  # fmt: skip
_NOT_NOUNS = {"towards", "afterwards", "always", "perhaps", "sometimes", "whereas", "besides", "nevertheless", "thus",
              # contractions that lost their apostrophe in stripped text ("thats the ball game")
              "thats", "whats", "theres", "heres", "wheres", "lets", "hes", "shes",
              "onwards", "upwards", "downwards", "backwards", "forwards"}  # fmt: skip


def _category(category: str, unit: str | None, per: str | None, is_range: bool) -> str:
    """The kind of mention, in the evaluation corpus's terms (tests/data/news/README.md)."""
    if category in ("ratio", "fraction", "ordinal"):
        return category
    if is_range:
        return "range"  # "20 to 30 minutes a night": a range (of a rate), its two ends are what a reader checks
    if per:
        return "rate"
    if category == "age":
        return "quantity"
    if category in ("money", "percent", "percentage_points"):
        return category
    if unit in DURATION_UNITS:
        return "duration"
    return "quantity"


def parse_claim(text: str) -> NumberClaim:
    """Everything numeric in ``text``, in reading order (see the package docstring)."""
    scanner = Scanner(text)
    values: list[Value] = []
    dates: list[Value] = []
    vague: list[Vague] = []
    declined: list[Declined] = []
    readers = (
        scanner.decade_of_life_at,
        scanner.clock_at,
        scanner.race_time_at,
        scanner.elliptic_ordinal_at,
        scanner.date_at,
        scanner.fraction_at,
        scanner.value_at,
        scanner.ordinal_at,
        scanner.vague_at,
    )
    i = 0
    n = len(scanner.toks)
    while i < n:
        found = None
        for read in readers:
            found = read(i)  # type: ignore[operator]
            if found is not None:
                break
        if found is None:
            i += 1
            continue
        item, i = found
        if not isinstance(item, tuple | Vague):
            item, i = scanner.settle(item, i)
            if item is None:
                continue
        for one in item if isinstance(item, tuple) else (item,):
            if isinstance(one, Declined):
                declined.append(one)
            elif isinstance(one, Vague):
                vague.append(one)
            elif one.kind in ("date", "time"):
                dates.append(one)
            else:
                values.append(one)
    bound, unexplained = bind(text, values + dates)
    values = [v for v in bound if v.kind not in ("date", "time")]
    dates = [v for v in bound if v.kind in ("date", "time")]
    # what the walker declined inside a reading the pass joined ("a week" of "37 shillings and sixpence a week")
    declined = [d for d in declined if not any(v.start <= d.start and d.end <= v.end for v in bound)]
    vague = [x for x in vague if not any(v.start < x.end and x.start < v.end for v in bound)]
    declined = sorted(declined + unexplained, key=lambda d: d.start)
    return NumberClaim(
        text=text, values=tuple(values), vague=tuple(vague), dates=tuple(dates), declined=tuple(declined)
    )
