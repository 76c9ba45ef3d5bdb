"""A time on a race clock said without a unit (issue 9): "came home in 27:14", "clocked 9.91", "finished in
22.08" are times, not a ratio or a bare count; the same shapes outside a race report, or before "million", are
not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings

RACE = "In the 10,000m final at the European championships, "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RACE + "the Kenyan came home in 27:14, a championship record.", ("27:14", "duration", "1634")),
        (RACE + "she won in 3:58.09 after a slow first lap.", ("3:58.09", "duration", "238.09")),
        (RACE + "she finished in 22.08, with Zielinska third in 22.31.", ("22.08", "duration", "22.08")),
        (RACE + "she finished in 22.08, with Zielinska third in 22.31.", ("22.31", "duration", "22.31")),
        ("He clocked 9.91 to beat Oduya by a stride.", ("9.91", "duration", "9.91")),
        ("Nobody in the marathon field had broken 2:06 before this spring.", ("2:06", "duration", "126")),
    ],
)
def test_a_time_on_a_race_clock_is_a_duration(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # no race in the text: "in 22.08" could be anything
        ("Shares closed in 22.08 territory after a quiet session.", ("22.08", "duration", "22.08")),
        # a scaled amount, even in a race report
        (RACE + "the race drew 7.77 million viewers in 2025.", ("7.77", "duration", "7.77")),
        # a clock time with its "am"
        (RACE + "the heats started in 10:30am sunshine.", ("10:30", "duration", "630")),
    ],
)
def test_the_same_shapes_elsewhere_are_not_a_race_time(text, absent):
    assert absent not in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After the time trial Ruiz trails the new leader, Haskell, by 1:06 with two stages to come.",
            ("1:06", "duration", "66"),
        ),
        ("The stage winner now holds a lead of 0:45 on the climb.", ("0:45", "duration", "45")),
        ("In the marathon Kiprop won by 1:12 from his team-mate.", ("1:12", "duration", "72")),
    ],
)
def test_a_gap_on_a_race_clock_after_a_word_of_margin_is_minutes_and_seconds(text, expected):
    assert expected in readings(text)


def test_a_clock_after_by_outside_a_race_stays_a_time():
    assert ("10:30", "time", "10:30") in readings("The council said the road would reopen by 10:30 tomorrow.")


@pytest.mark.parametrize("place", ["1", "2", "3"])
def test_places_in_standings_with_gaps_after_a_plus(place):
    text = "Overall: 1 Haskell 61hr 14min 09sec; 2 Lindqvist +0:11; 3 Verbeek +0:40."
    assert (place, "ordinal", place) in readings(text)


def test_a_count_before_a_plus_is_no_place():
    assert ("3", "ordinal", "3") not in readings("Scores: 3 Rovers +2 on the day.")


SCORECARD = (
    "New Zealand 301 for 7 (Whitlow 96, Marsh 58; Cullen 3-54) beat England 274 (Ferris 112, Dalby 41; "
    "Hartley 4-39) by 27 runs."
)


@pytest.mark.parametrize("number", ["301", "58", "274", "41", "96", "112"])
def test_names_and_numbers_listed_on_a_scorecard_are_tallies(number):
    assert (number, "quantity", number) in readings(SCORECARD)


def test_a_name_and_a_number_alone_in_a_sentence_stays_a_label():
    text = "The measure, Issue 7, passed with 50.6% of the vote after a long campaign season and three league games."
    assert not {r for r in readings(text) if r[0] == "7"}


STAGE = """Results, 14th stage:
1 Tomás Arriaga (Spa) Movistar 4hr 52min 17sec
2 Jonas Hedlund (Swe) Visma at 38sec
3 Luca Ferri (Ita) UAE Team Emirates at 51sec
4 Pieter de Wolf (Ned) Red Bull-Bora at 1min 02sec
5 Sam Whitlock (GB) Ineos Grenadiers at 1min 19sec
"""

TABLE = """Pos Team P W D L GD Pts
1 Arsenal 16 12 3 1 +24 39
2 Liverpool 16 11 3 2 +18 36
3 Brentford 16 10 3 3 +11 33
4 Aston Villa 15 10 2 3 +9 32
"""


@pytest.mark.parametrize("place", ["1", "2", "3", "4", "5"])
def test_a_results_table_with_one_place_to_a_line(place):
    assert (place, "ordinal", place) in readings(STAGE)


def test_a_league_table_has_places_then_tallies():
    found = readings(TABLE)
    assert {("1", "ordinal", "1"), ("4", "ordinal", "4"), ("16", "quantity", "16"), ("15", "quantity", "15")} <= found


def test_lines_that_only_start_with_a_number_are_no_table():
    text = "3 Rovers fans were hurt.\n4 Police officers came later."
    assert not {r for r in readings(text) if r[1] == "ordinal"}
