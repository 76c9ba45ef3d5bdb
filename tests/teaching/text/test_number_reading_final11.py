"""Rules the held-out split final11 found the reader lacking (issue 9), each with both sides: a period word
closing a counted phrase ("… litres of water daily"), a range after "runs from", a British "No 2" rank, and
pounds of weight. Sentences written for these tests."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import check, readings


@pytest.mark.parametrize(
    ("text", "span", "value", "per"),
    [
        ("The town needs 20,000 liters of drinking water daily.", "20,000 liters of drinking water daily", "20000",
         "day"),
        ("Some 30 trucks leave daily.", "Some 30 trucks leave daily", "30", "day"),
        ("The mill ships 400 tonnes of flour weekly, and more in winter.", "400 tonnes of flour weekly", "400",
         "week"),
    ],
)  # fmt: skip
def test_a_period_word_closing_a_counted_phrase_makes_a_rate(text, span, value, per):
    check(text, [(span, "rate", value)])
    assert any(v.text == span and v.label()["per"] == per for v in parse_claim(text).readings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It printed 500 copies of the daily paper.", ("500 copies", "quantity", "500")),
        ("About 200 people die daily in the region.", ("About 200 people", "quantity", "200")),
    ],
)
def test_a_period_word_inside_the_phrase_is_not_its_rate(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("Costs are in a range which runs from $1.85 to $2.05.", "$1.85 to $2.05", "1.85", "2.05"),
        ("Its forecast spans 3% to 4%.", "3% to 4%", "3", "4"),
    ],
)
def test_from_to_after_a_word_of_extent_is_a_range(text, span, low, high):
    check(text, [(span, "range", f"{low}..{high}")])


def test_from_to_after_a_word_of_change_stays_two_values():
    check("It rose from $1.85 to $2.05.", [("$1.85", "money", "1.85"), ("$2.05", "money", "2.05")])


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("She came back to beat world No 2 Ana Ruiz.", "No 2", "2"),
        ("She will be No 5 in Monday's rankings.", "No 5", "5"),
        ("He was the No. 3 pick.", "No. 3", "3"),
    ],
)
def test_no_before_a_number_is_a_rank(text, span, value):
    check(text, [(span, "ordinal", value)])


def test_no_at_the_start_of_a_sentence_is_not_a_rank():
    assert ("2 people", "quantity", "2") in readings("No 2 people agree on it.")


@pytest.mark.parametrize(
    "text",
    ["The frame holds under crash loads of 5,000 pounds or greater.", "It is a car weighing 4,000 pounds."],
)
def test_pounds_after_a_word_of_weight_are_not_sterling(text):
    assert not any(kind == "money" for _, kind, _ in readings(text)), readings(text)
    assert any(value in ("5000", "4000") for _, _, value in readings(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It cost 5,000 pounds.", "5,000 pounds", "5000"),
        ("The weight limit is 40 tonnes and the fine 500 pounds.", "500 pounds", "500"),
    ],
)
def test_pounds_without_a_word_of_weight_nearby_are_sterling(text, span, value):
    check(text, [(span, "money", value)])


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("Unions rejected a pay offer of 7.5% over two years.", "two years", None),
        ("The loan is £200,000 over 25 years.", "25 years", None),
        ("The cuts fall on the library budget over three years.", "three years", None),
        ("One in five patients now waits over 18 weeks.", "over 18 weeks", "over"),
        ("The meeting went on for over three hours.", "over three hours", "over"),
        ("It would take well over two decades.", "well over two decades", "well over"),
        ("Over 20 years, the town doubled.", "Over 20 years", "over"),
    ],
)
def test_over_before_a_span_is_across_it_after_an_amount_or_a_noun(text, span, qualifier):
    readings_ = parse_claim(text).readings
    assert any(v.text == span and v.label()["qualifier"] == qualifier for v in readings_), readings_
