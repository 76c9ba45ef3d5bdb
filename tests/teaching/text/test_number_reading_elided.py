"""A bare number set against a span of time just before it is a span in the same unit (issue 9).
Sentences written for these tests; each rule with both sides."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We led for 40 minutes. In the other 40, we fell apart.", ("40", "duration", "40")),
        ("They are not voting on the past eight years, they are voting on the next four.", ("four", "duration", "4")),
        ("Many are borrowing over 35 years now rather than 25 to keep payments down.", ("25", "duration", "25")),
        ("Checks took 40 to 50 minutes per vehicle, against about 15 before July.", ("about 15", "duration", "15")),
    ],
)
def test_a_bare_number_set_against_a_span_takes_its_unit(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("They played 3 games in 10 days; the other 2 were called off.", "2"),  # not the same span
        ("Prices rose 3% in 10 days, against 2 last year.", "2"),  # the clause is about the 3%
        ("21 were admitted before the age of six months, compared with 68 of the babies given a dummy.", "68"),
        ("No one was hurt in five months, compared with four serious injuries in 2024.", "four"),
    ],
)
def test_a_number_compared_with_something_else_takes_no_unit_of_time(text, number):
    assert not {r for r in readings(text) if r[0].endswith(number) and r[1] == "duration"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The jail rate, at 212 per 100,000 residents, tops the region, ahead of Leeds on 190.",
            ("190", "rate", "190"),
        ),
        ("Infant deaths fell to 3.9 per 1,000 births, from 4.4 in 2019.", ("4.4", "rate", "4.4")),
        ("Latvia logged 6.2 road deaths per 100,000, Estonia 5.1 and Malta under 0.8.", ("under 0.8", "rate", "0.8")),
        ("The incidence, 450 per 100,000 people, is the country's highest.", ("450 per 100,000 people", "rate", "450")),
    ],
)
def test_a_bare_number_after_a_rate_per_so_many_is_that_rate(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The rate was 212 per 100,000 residents, and the jail added 5,000 beds.", "5,000"),  # a count with its noun
        ("The rate was 212 per 100,000 residents, though 40,000 more were on bail.", "40,000"),  # far off its order
        ("The rate was 212 per 100,000 residents. Leeds had 190.", "190"),  # another sentence
        ("The rate was 212 per 100,000 residents in 2024.", "2024"),  # a year
    ],
)
def test_numbers_near_a_rate_that_are_not_that_rate(text, number):
    assert not {r for r in readings(text) if r[0].endswith(number) and r[1] == "rate"}


def test_the_minute_of_each_item_of_a_scoring_sequence_takes_the_first_items_unit():
    text = "Scoring: 6 min Dalton pen 3-0; 19 Okoye try 3-5; 38 Dalton try, Marsh con 10-5."
    got = readings(text)
    assert {("6 min", "duration", "6"), ("19", "duration", "19"), ("38", "duration", "38")} <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Scoring: Dalton pen 3-0; 19 Okoye try 3-5.",  # the first item gives no unit
        "It took 6 min to load; 19 people gave up.",  # a count of people, not an item before a name
    ],
)
def test_an_item_of_a_list_takes_no_unit_unless_the_first_item_gave_it(text):
    assert not any(span == "19" and kind == "duration" for span, kind, _ in readings(text))
