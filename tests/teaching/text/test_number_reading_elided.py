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
