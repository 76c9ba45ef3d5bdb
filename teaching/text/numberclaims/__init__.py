"""Number claims: read the numbers, dates and times in a text, say how sure the reading is, compare them.

Plain Python, no Django. Positions are code-point offsets into the parsed text. A wrong reading is worse
than none: where the reader is not sure it says so (``Value.confidence == "unsure"`` with ``why``) or
declines (``Declined``, with ``why`` in words a student understands), and the ledger then never questions
the student's verdict.

What is read
------------
* Numbers as news prints them: "22 953", "1,300,000", "1 300 000" with ordinary, non-breaking or thin
  spaces, "1,00,000" (Indian grouping), decimals, number words ("two million", "twenty-five", "a dozen",
  "half a million", "two and a half"), "lakh" and "crore". Two numbers are never glued together: a
  space-separated group of three digits joins only a number of one to three digits, never a year ("in 2004
  300 people") or a day after a month ("March 15 200 people").
* Around a number: a *qualifier* (about, roughly, some, an estimated → ``approx``; at least, more than,
  over, upwards of → ``at_least``; up to, under, less than, almost, nearly, as many as → ``at_most``; the
  words as printed in ``qualifier_word``); a *unit* (%, per cent, percentage points, km, miles, kg, tonnes,
  durations, …); a *currency* ("$1.2bn", "£300m", "€5 million", "Rs 500 crore", "US$", "50p", "20 euros";
  "₦1,800", "KSh 120", "R5 000"; the world's currencies by their ISO 4217 names, "2,500 Kenyan shillings",
  "900 cedis"; a name several countries share, "kwacha" alone, is money in the currency as printed); a
  *noun* it counts (directly or after up to two describing words: "200 Russian soldiers"); a *rate* ("a day",
  "per week", "every day", "daily", "/year") when it follows directly.
* Ranges ("1,200-1,500", "15–20", "five to ten", "between 5 and 10", "$5-10 million", "5% to 10%"; but
  "rose by 13,000 to 231,000" is a change), ratios ("5:1", "eight to one", "two out of three", "tripled",
  "tenfold", "three times higher", "trades at 12 times", "a 60-40 split", "a 50-50 call"), fractions ("a
  third", "two-thirds", "half of", "one in five", "1/3 of";
  "a quarter of a million" is 250,000; "a third term" is an ordinal, but "by a fifth once…", "at least a
  fourth" are parts, and "$250 for a first offense and $1,000 for a third." is the third offense; "the last two
  quarters" counts quarters; "three times its capacity" compares, "twice more by June" counts occasions),
  ordinals ("93rd", "the third"), orders of magnitude ("dozens", "tens of thousands": kept as ``Vague``
  with their order of magnitude, never as a number).
* Dates, date ranges, months, years, decades and times (``dates``): "3 January", "Jan. 12", "March 25,
  2025", "15 november 2004 to 3 january 2005", "between 3 and 5 January", "late August", "in September",
  "2023-24", "the 1990s", "10.30am", "14:00 GMT".
* How often and for how long: "every 7 minutes" (one per 7 minutes), "twice a year", "£20 a week",
  "about 210,000 homes a year on average"; compound durations in the smallest unit printed ("58 hours and 12
  minutes" is 3,492 minutes), "an hour and a half", "a quarter of an hour"; "at half six" ("half nine last
  night" is 21:30); "2:51 left"; "30-odd years". A count over a span ("twice in six minutes", "1,100 troops
  in a day", "400 within a week") is two readings, the count and the duration; one rate is only an amount per
  unit ("a"/"per"/"every"/"each", "annually"…, speeds).
* Scores in a paragraph about a match ("23-24 behind", "(9-14)", stripped: "beating rovers 2 1") are two
  tallies, not a range.
* Also: "$11.85 per $1,000" (a rate per an amount of money), "half a cent on the dollar", "70 pc", "five
  bucks", "4 runs an over", "25,000 acre-feet a year", "a 49-euro monthly ticket", "six-and-a-half-day",
  "a quarter of a point" (percentage points where the sentence is about rates or polls); ", from $18.2bn to
  $18.6bn previously" is the earlier range, not a change; "30 yearly payments" counts payments.
* Text with case and punctuation stripped reads the same where the words allow ("22 953 people on 3
  january 2005"); month names that are everyday words ("may", "march") count only beside a day, a year
  or a word for a time ("in may").

A reading accounts for the words bound to it
--------------------------------------------
The rules above are held together by general ones, so that text nobody tuned to is read or declined, not
misread: a number glued by a hyphen to a word is read as that compound ("a second-quarter loss" is an
ordinal, "a 48-seat majority" counts seats, "five second-half minutes" are minutes) or declined when the word
is a name or says no count ("the 3-D scanner", "7-Eleven", "a two-way race"); a counted phrase followed by
describing words and then a period is a rate of the whole phrase ("1,100 troops a day", "litres of milk a
day", and after "per" any measure: "tonnes of carbon per hectare"); "N times" followed by a noun phrase
multiplies it ("seven times expected earnings") and is unsure before a word it cannot place; fractions in
words are read only in lowest terms ("two quarters of growth"
counts quarters); a bare number word after "a" names something ("hit a six"); "a second" before a span of
time is the ordinal; years in a clause about age are an age; a series name and a number ("Day 2") is an
ordinal. After the walker, ``bindings`` joins readings bound to each other (a compound duration in descending
units, "from 25 to 30 km", "Boxing Day 2015", a race clock "14:22 for the 5 km", "$38 for every vote", "a hazard
ratio of 1.30", "40 day workers", "2,700-odd mandis", "a 7-2 favourite", "37 shillings and sixpence a week") and
declines what it cannot explain ("Good Friday 2015", "a sub-2:03 finish", "3 2 crore" without punctuation, "open
from 9 to 5", "in 2019 voters", "14 months and 3 weeks", "between 2 and 3 in every 10 homes", telephone numbers,
"flat 14C", "the FTSE 250 company"); a pair after a word of contest ("failed 212-219", "trailing 41% to 52%") is
two tallies, never a range.

What it declines, and says why
------------------------------
"at 8.30" with nothing saying time or number, "three figures", a year-like number before a noun ("its 2030
notes"), "every 15" (every 15 what?), a score-like pair ("3-1"), an all-number date whose order is unknown
("03/01/2005"), a number right after a name ("Section 230"), a slash between numbers ("24/7"), "m" that may be
metres or millions, "points" in a sentence that says neither percentages/polls nor a match/market, a lone "one",
a trailing "first" that may be an adverb, a figure of speech ("told me a thousand times", "not in a million
years"), a year range whose halves do not follow, a year printed as ’25–’39
(which century?), and in text without punctuation a year glued to the next year ("in 2019 20 people").
Multiplication is the student's: "25 teams – five to ten men" gives 25 and 5–10, never 125–250. Codes
("FAB-3000", "E50") are not numbers.

Comparing (``compare.compatible``)
----------------------------------
* Numbers are intervals: exact as written; ``approx`` widened by ``TOLERANCE`` (±10%) unless already a
  range; ``at_least`` [x, ∞) ("more than 60,000" next to "60,000" is the same figure, rounded);
  ``at_most`` [0, x], but "almost"/"nearly" x is [x·(1−TOLERANCE), x].
* Two values whose intervals meet only where both are widened ("about 1,400" and "around 1,200": neither
  printed figure lies within what the other allows) are ``close``: not sure either way, so no question.
* Not comparable: a ratio and a count, money and a count, different currencies, units or rates, nouns of
  different classes (soldiers vs tanks), a date and a number. Durations are not converted.
* Dates compare as spans of days: "3 January" and "5 January" disagree; "3-5 January" and "4 January"
  overlap; a month holds its days. When one of them prints no year, only month and day are compared.
"""

from teaching.text.numberclaims.compare import (
    CLOSE,
    COMPATIBLE,
    DISAGREE,
    NOT_COMPARABLE,
    Status,
    Verdict,
    compatible,
)
from teaching.text.numberclaims.reader import parse_claim
from teaching.text.numberclaims.values import (
    CONFIDENT,
    TOLERANCE,
    UNSURE,
    Declined,
    NumberClaim,
    Qualifier,
    Vague,
    Value,
    format_number,
    plain_number,
)
from teaching.text.numberclaims.vocabulary import NOUNS

__all__ = [
    "CLOSE",
    "COMPATIBLE",
    "CONFIDENT",
    "DISAGREE",
    "NOT_COMPARABLE",
    "NOUNS",
    "TOLERANCE",
    "UNSURE",
    "Declined",
    "NumberClaim",
    "Qualifier",
    "Status",
    "Vague",
    "Value",
    "Verdict",
    "compatible",
    "format_number",
    "parse_claim",
    "plain_number",
]
