"""Dates, times and spans the held-out split final6 found the reader lacking (issue 9): each rule in general
form, both sides. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import check


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The winger scored on 52 minutes.", [("52 minutes", "duration", "52")]),
        ("They equalised after 58 minutes through a header.", [("58 minutes", "duration", "58")]),
        ("A penalty on 9 minutes settled the nerves.", [("9 minutes", "duration", "9")]),
        ("The winger scored in the 52nd minute.", [("52nd", "ordinal", "52")]),
        ("The ferry was cancelled on 30 days last winter.", [("30 days", "quantity", "30")]),
    ],
)
def test_a_match_clock_is_time_elapsed_and_the_nth_minute_an_ordinal(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The road is shut from Monday 2 March until Friday 22 May.",
            [("from Monday 2 March until Friday 22 May", "date_range", "XXXX-03-02..XXXX-05-22")],
        ),
        (
            "Voting runs between Tuesday 3 and Thursday 5 June.",
            [("between Tuesday 3 and Thursday 5 June", "date_range", "XXXX-06-03..XXXX-06-05")],
        ),
        (
            "Classes pause Monday, March 2, through Friday, May 22.",
            [("Monday, March 2, through Friday, May 22", "date_range", "XXXX-03-02..XXXX-05-22")],
        ),
        (
            "the pool is closed from monday 9 june to sunday 15 june",
            [("from monday 9 june to sunday 15 june", "date_range", "XXXX-06-09..XXXX-06-15")],
        ),
        (
            "The fete runs Friday 4 to Sunday 6 July.",
            [("Friday 4 to Sunday 6 July", "date_range", "XXXX-07-04..XXXX-07-06")],
        ),
        # the other side: one date with its weekday, and a comma that ends the date
        ("The market opens on Tuesday, March 3, in the square.", [("March 3", "date", "XXXX-03-03")]),
        ("It snowed on March 2, to the surprise of nobody.", [("March 2", "date", "XXXX-03-02")]),
        ("On Sunday 400 people marched.", [("400 people", "quantity", "400")]),
    ],
)
def test_a_weekday_inside_a_date_range_keeps_it_one_range(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spending will rise over 2025-2027.", [("2025-2027", "date_range", "2025..2027")]),
        ("Sales fell over 2019–21.", [("2019–21", "date_range", "2019..2021")]),
        ("Targets for the 2025-27 period were cut.", [("2025-27", "date_range", "2025..2027")]),
        ("Veterans of the 1939-45 war gathered.", [("1939-45", "date_range", "1939..1945")]),
        ("Prices rose from 2020 to 2023.", [("from 2020 to 2023", "date_range", "2020..2023")]),
        # the other side: counts stay numeric ranges
        ("The hall holds over 2000-3000 fans.", [("over 2000-3000 fans", "range", "2000..3000")]),
        ("Over 2,000-3,000 people came.", [("Over 2,000-3,000 people", "range", "2000..3000")]),
    ],
)
def test_a_range_of_years_is_a_date_range(text, expected):
    check(text, expected)
