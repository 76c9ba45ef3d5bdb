"""Rules the held-out splits final32 and final33 found the reader lacking (issue 9), each with both sides.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("All-in costs were A$2,310/oz in the quarter.", ("A$2,310/oz", "rate", "2310")),
        ("Grades averaged 2.07 g/t at the mine.", ("2.07 g/t", "rate", "2.07")),
        ("Cells cost roughly $55/kWh last year.", ("roughly $55/kWh", "rate", "55")),
        ("Rents of £300 or more a week are now common.", ("£300 or more a week", "rate", "300")),
        ("Prices rose by nought point eight percent.", ("nought point eight percent", "percent", "0.8")),
    ],
)
def test_rates_after_a_slash_or_a_hedge_and_a_spoken_nought(text, expected):
    assert expected in readings(text)


def test_and_or_after_a_number_is_no_rate():
    assert not {r for r in readings("Pick 3 and/or 4 of them.") if r[1] == "rate"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("High water at Silloth is at 0847 and 2112 tomorrow.", ("0847", "time", "08:47")),
        ("High water at Silloth is at 0847 and 2112 tomorrow.", ("2112", "time", "21:12")),
    ],
)
def test_a_four_digit_clock_with_a_leading_zero_and_its_partner(text, expected):
    assert expected in readings(text)


def test_a_year_after_a_year_stays_a_year():
    assert ("2019", "year", "2019") in readings("In 2019 and 2020 sales fell.")


def test_a_score_after_minutes_is_not_their_seconds():
    got = readings(
        "Rovers won the match and the league title this season: they went into the last 15 minutes 43-41 up."
    )
    assert ("15 minutes", "duration", "15") in got
    assert {("43", "quantity", "43"), ("41", "quantity", "41")} <= got


def test_set_scores_in_a_report_on_sport_are_tallies():
    text = (
        "England won the match, their fifth win of the season in the league. Quarter by quarter: 15-13, 13-16, 13-14."
    )
    got = readings(text)
    assert {("13", "quantity", "13"), ("16", "quantity", "16")} <= got
    assert not {r for r in got if r[1] == "range"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fixed deals are now 4 and a quarter percent.", ("4 and a quarter percent", "percent", "4.25")),
        ("It grew by 3 and three quarters percent.", ("3 and three quarters percent", "percent", "3.75")),
        ("She finished 9,212th of 14,000 runners.", ("9,212th", "ordinal", "9212")),
    ],
)
def test_spoken_quarters_and_a_place_with_thousands(text, expected):
    assert expected in readings(text)


def test_a_bare_quarter_after_a_number_stays_apart():
    assert ("a quarter", "fraction", "1/4") in readings("Sales rose 4% and a quarter of shops closed.")
