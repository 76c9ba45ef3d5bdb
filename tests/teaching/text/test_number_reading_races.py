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
