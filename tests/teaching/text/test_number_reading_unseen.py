"""General rules of the number reader for text nobody tuned it to (issue 9, after final5/): the corpus's
conventions read as the README settles them, and readings declined where the words bound to them are not
accounted for. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import check, readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The river burst its banks twice in eight years.",
            [("twice", "quantity", "2"), ("eight years", "duration", "8")],
        ),
        ("She scored three times in 11 minutes.", [("11 minutes", "duration", "11")]),
        ("The clinic saw 240 patients in a week.", [("240 patients", "quantity", "240"), ("a week", "duration", "1")]),
        (
            "Volunteers planted some 5,000 saplings in a month.",
            [("some 5,000 saplings", "quantity", "5000"), ("a month", "duration", "1")],
        ),
        (
            "The fund lost 12 percent in three years.",
            [("12 percent", "percent", "12"), ("three years", "duration", "3")],
        ),
        ("Firefighters rescued 31 people in an hour.", [("31 people", "quantity", "31"), ("an hour", "duration", "1")]),
    ],
)
def test_a_count_over_a_span_is_two_mentions(text, expected):
    check(text, expected)
    assert not any(kind == "rate" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry makes 14 crossings a day.", [("14 crossings a day", "rate", "14")]),
        ("The mill produced 300 tonnes of flour per week.", [("300 tonnes of flour per week", "rate", "300")]),
        ("Inspections happen twice a month.", [("twice a month", "rate", "2")]),
        ("A bus leaves every 12 minutes.", [("every 12 minutes", "rate", "1")]),
        ("Members pay 40 dollars monthly.", [("40 dollars monthly", "rate", "40")]),
    ],
)
def test_an_amount_per_unit_stays_one_rate(text, expected):
    check(text, expected)
