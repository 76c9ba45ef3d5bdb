"""Dates, times and spans the held-out split final6 found the reader lacking (issue 9): each rule in general
form, both sides. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import check, readings


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
