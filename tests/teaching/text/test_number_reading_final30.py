"""Rules the held-out splits final30 and final31 found the reader lacking (issue 9), each with both sides.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


def test_places_with_a_gap_after_at_and_a_series_word_opening_a_line():
    text = (
        "Stage 9 result (Oviedo – Lagos, 171km): 1 K Moss (GB) 4hr 02min 10sec, 2 Á Ruiz (Spa) at 12sec.\n\n"
        "General classification: 1 Ruiz 40hr 11min 03sec, 2 Moss at 48sec, 3 Lenz at 1min 02sec."
    )
    got = readings(text)
    assert ("9", "ordinal", "9") in got or ("Stage 9", "ordinal", "9") in got
    assert {("1", "ordinal", "1"), ("2", "ordinal", "2"), ("3", "ordinal", "3")} <= got


def test_points_in_a_report_on_tennis_beside_a_percentage_are_a_tally():
    text = (
        "It was his fifth title of the season and his 20th match win. "
        "He won 178 points to 174 and landed 68% of first serves."
    )
    assert ("178 points", "quantity", "178") in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the typical bill will be 1758 pounds a year from april the regulator said on monday",
            ("1758 pounds a year", "rate", "1758"),
        ),
        ("It was his first grand slam title.", ("first", "ordinal", "1")),
        ("He paid two grand for it, £2,000 in cash.", ("two grand", "money", "2000")),
        ("Screen use had an odds ratio of 1.39 for poor sleep.", ("1.39", "ratio", "1.39:1")),
        ("The count went to a fourth recount on Friday.", ("fourth", "ordinal", "4")),
    ],
)
def test_what_final30_and_final31_found(text, expected):
    assert expected in readings(text)


COMMENTARY = (
    "and welcome back to the rink for the second period of game 4 in the series\n\n"
    "a shot and a save with 15 47 left in the period and still no goal\n\n"
    "the home side lead it 3 1 after a goal on the power play this season"
)


def test_a_game_clock_in_a_commentary_is_not_a_score():
    got = readings(COMMENTARY)
    assert not {r for r in got if r[0] in ("15", "47")}
    assert {("3", "quantity", "3"), ("1", "quantity", "1")} <= got


def test_a_part_of_an_hour_then_its_period_is_a_rate():
    assert ("half an hour a night", "rate", "0.5") in readings("Teens lost half an hour a night of sleep.")
    assert ("half an hour", "duration", "0.5") in readings("It took half an hour.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is meant to last 14 days and can be extended by another 30 if both sides agree.",
            ("30", "duration", "30"),
        ),
        ("The search will go on for seven days and could be extended by another three.", ("three", "duration", "3")),
        ("It closed 136 branches and will shut a further 58 in 2026.", ("58", "quantity", "58")),
        (
            "In the three years to May, 1,184 routes went and a further 2,300 or so were cut.",
            ("2,300", "quantity", "2300"),
        ),
    ],
)
def test_another_n_takes_the_unit_of_the_count_before_it(text, expected):
    assert expected in readings(text)


def test_a_train_named_by_its_time_in_stripped_text_is_not_a_count():
    text = (
        "the 812 from harrogate is cancelled this morning and the council and the rail company said so in a statement "
        "on their website"
    )
    assert not {r for r in readings(text) if r[0] == "812"}
