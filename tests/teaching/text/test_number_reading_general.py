"""General rules of the number reader (issue 9, after final2/ showed the rules over-fitting): a reading is sure
only when it accounts for the words bound to it. A number glued by a hyphen into a compound word is read as
that compound (an ordinal) or declined; a count followed by describing words and then a rate period is a rate
of the whole phrase; a bare number word after "a" names something. Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teaching.text.numberclaims import parse_claim
from teaching.text.numberclaims.vocabulary import ONES, ORDINAL_WORDS

from .test_number_reading_rules import check, readings, unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lender posted a second-quarter loss of $3 million.", [("second-quarter", "ordinal", "2")]),
        ("It was her fourth-round exit in a row.", [("fourth-round", "ordinal", "4")]),
        (
            "Wexford took a first-innings lead of 90 runs.",
            [("first-innings", "ordinal", "1"), ("90 runs", "quantity", "90")],
        ),
        ("Loans to first-time borrowers fell.", [("first-time", "ordinal", "1")]),
        ("It is now the country's third-busiest port.", [("third-busiest", "ordinal", "3")]),
        ("The 12th-century abbey needs a new roof.", [("12th-century", "ordinal", "12")]),
        ("He struck in five second-half minutes.", [("five second-half minutes", "duration", "5")]),
        ("The bank is two-thirds-owned by the state.", [("two-thirds", "fraction", "2/3")]),
    ],
)
def test_a_number_in_a_compound_modifier_is_read_as_the_compound(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("A third-party contractor did the work.", "third"),
        ("She bought it second-hand at a fair.", "second"),
        ("He gave a first-class performance.", "first"),
    ],
)
def test_compounds_that_say_no_position_are_not_numbers(text, not_read):
    claim = parse_claim(text)
    assert not any(not_read in v.text.lower() for v in claim.readings), claim.readings


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("The striker hit a seven-yarder in the rain.", "seven"),
        ("He hit a six over long-on.", "six"),
        ("She rolled a four and moved on.", "four"),
    ],
)
def test_a_number_word_it_cannot_account_for_is_declined_not_read(text, declined):
    assert not any(declined in span.lower() for span, _, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Some 40,000 passenger flights a year use the airport.",
            [("Some 40,000 passenger flights a year", "rate", "40000")],
        ),
        (
            "The plant bottles 3 million litres of water a day.",
            [("3 million litres of water a day", "rate", "3000000")],
        ),
        ("The army lost about 900 soldiers a week, it said.", [("about 900 soldiers a week", "rate", "900")]),
        (
            "The port handles 12,000 shipping containers per week.",
            [("12,000 shipping containers per week", "rate", "12000")],
        ),
    ],
)
def test_a_rate_period_after_a_counted_phrase_makes_the_phrase_a_rate(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the period belongs to another word, or is a point in time
        ("It sent 40 lorries twice a week.", [("40 lorries", "quantity", "40")]),
        ("About 300 homes flooded a year ago.", [("About 300 homes", "quantity", "300")]),
        ("There were 20 arrests in a day of protests.", [("20 arrests", "quantity", "20")]),
        ("Deaths of children under five worldwide each year fell.", []),
    ],
)
def test_a_rate_period_that_belongs_elsewhere_is_left_alone(text, expected):
    check(text, expected)
    assert not any(
        kind == "rate" and "lorries" not in span for span, kind, _ in readings(text) if span.startswith(("About", "20"))
    )


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(w for w in ORDINAL_WORDS if w not in {"half"})),
    st.sampled_from(["round", "quarter", "innings", "largest", "place", "term"]),
)
def test_any_ordinal_word_glued_to_a_word_is_that_ordinal(word, compound):
    text = f"It was a {word}-{compound} result."
    assert (f"{word}-{compound}", "ordinal", str(ORDINAL_WORDS[word])) in readings(text)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(w for w, n in ONES.items() if 1 < n < 10)))
def test_a_bare_number_word_after_a_is_never_a_confident_count(word):
    text = f"In the end he hit a {word} and left."
    assert not any(span == word for span, _, _ in readings(text))
    assert word in unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news prints fractions in lowest terms: "two quarters" counts quarters of a year
        ("We have had two quarters of weak sales.", [("two quarters", "quantity", "2")]),
        ("Three quarters of voters agreed.", [("Three quarters", "fraction", "3/4")]),
        ("It grew for four quarters.", [("four quarters", "quantity", "4")]),
        # "N times" with a noun phrase after it multiplies; with a time or the end of a clause it counts
        ("The shares trade at about nine times expected earnings.", [("about nine times", "ratio", "9:1")]),
        ("Homes cost eight times annual income there.", [("eight times", "ratio", "8:1")]),
        ("He was arrested three times last year.", [("three times", "quantity", "3")]),
        ("She has won it four times since 2010.", [("four times", "quantity", "4")]),
        # a fraction of a scale keeps the money printed after it
        ("He won a quarter of a million euros.", [("a quarter of a million euros", "money", "250000")]),
        # "second" before a span of time is the ordinal: a second is never followed by another span
        ("He is a second year student.", [("second", "ordinal", "2")]),
        # years in a clause about age are an age
        ("The average age of the buses is 14 years.", [("14 years", "quantity", "14")]),
        # a measure then "a <noun>." is a rate per that noun
        ("He gained 5.2 yards a carry.", [("5.2 yards a carry", "rate", "5.2")]),
        ("earning about 12 pounds an hour before tax", [("about 12 pounds an hour", "rate", "12")]),
        # a unit that is never a figure of speech counts one of it after "a"
        ("Rates rose by a percentage point in June.", [("a percentage point", "percentage_points", "1")]),
        ("Yields fell a basis point.", [("a basis point", "percentage_points", "0.01")]),
        ("They needed one more try.", [("one more try", "quantity", "1")]),
        ("Rain stopped play on Day 3 at the ground.", [("Day 3", "ordinal", "3")]),
    ],
)
def test_general_readings_of_what_follows_a_number(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("He was a three times world champion.", "three times"),
        ("Prices were £5 a year before.", None),
    ],
)
def test_what_the_general_rules_leave_unsure(text, declined):
    if declined:
        assert declined in unsure(text)
    assert not any(kind == "rate" for _, kind, _ in readings(text))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=9), st.sampled_from(["quarters", "thirds", "fifths", "eighths"]))
def test_a_fraction_in_words_is_only_read_in_lowest_terms(numerator, plural):
    from math import gcd

    from teaching.text.numberclaims.vocabulary import DENOMINATORS

    denominator = int(DENOMINATORS[plural])
    if numerator >= denominator:
        return
    words = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
    text = f"Over {words[numerator]} {plural} of the year it rained."
    kinds = {kind for span, kind, _ in readings(text) if span.endswith(plural)}
    if gcd(numerator, denominator) == 1:
        assert kinds == {"fraction"}
    else:
        assert "fraction" not in kinds


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        # a number glued by a hyphen to a name or to a word that says no count
        ("The 3-D scanner cost £200.", "3"),
        ("The 7-Eleven shop on the corner shut.", "7"),
        # slang for thousands of an unnamed currency
        ("He sold the van for five grand.", "five grand"),
    ],
)
def test_numbers_glued_to_names_or_slang_are_declined(text, declined):
    assert declined in unsure(text)
    assert not any(span == declined for span, _, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She rents a 2-bed flat.", [("2", "quantity", "2")]),
        ("It was a 48-seat majority.", [("48", "quantity", "48")]),
        ("Dad-of-four Sam Reed, 39, won.", [("four", "quantity", "4")]),
        ("Highs of 38C are expected.", [("38C", "quantity", "38")]),
        ("The grand jury heard 12 witnesses.", [("12 witnesses", "quantity", "12")]),
    ],
)
def test_counts_glued_to_what_they_count_stay_counts(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected", "not_a_rate"),
    [
        ("He took five wickets in an innings.", [("five wickets", "quantity", "5")], True),
        ("She raised £200 a year after the fire.", [("£200", "money", "200")], True),
        ("She earned £9 an hour after tax.", [("£9 an hour", "rate", "9")], False),
    ],
)
def test_a_period_after_in_or_after_a_time_word_is_not_always_a_rate(text, expected, not_a_rate):
    check(text, expected)
    if not_a_rate:
        assert not any(kind == "rate" for _, kind, _ in readings(text))


def test_one_more_of_a_unit_of_time_is_left_unsure():
    assert "one" in unsure("He signed on for one more year.")


@pytest.mark.parametrize(
    ("text", "dangling"),
    [
        ("The clinic sees 300 patients from across the county a week.", "a week"),
        ("Roughly 5% of residents a year move away.", "a year"),
    ],
)
def test_a_period_left_after_a_count_is_not_read_as_a_span_of_one(text, dangling):
    assert dangling in unsure(text)
    assert not any(span == dangling for span, _, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He stayed a month in Paris.", [("a month", "duration", "1")]),
        ("It rained for a week.", [("a week", "duration", "1")]),
        ("Parking, where an hour now costs £1.80, is busy.", [("an hour", "duration", "1")]),
    ],
)
def test_a_period_with_no_count_before_it_is_a_span(text, expected):
    check(text, expected)
