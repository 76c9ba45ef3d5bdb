"""Rules the held-out splits final26 and final27 found the reader lacking (issue 9), each with both sides: a
results list whose names are an initial and a surname, places separated by commas, and "a third" said of the next
in a row. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    "text",
    [
        "Women: 1 K Varga (Hun) 2:24:10; 2 L Okoye (Nga) 2:25:02; 3 P Dunne (Irl) 2:26:40.",
        "Result: 1 Tomas Ek (Swe) 4hr 11min 02sec, 2 Paolo Rizzi (Ita) same time, 3 Ben Hale (GB) +0:08.",
    ],
)
def test_places_in_a_results_list_are_ordinals(text):
    got = readings(text)
    assert {("1", "ordinal", "1"), ("2", "ordinal", "2"), ("3", "ordinal", "3")} <= got


def test_a_count_before_a_capitalised_word_is_still_a_count():
    got = readings("In 2019, 3 Arsenal fans were hurt and 4 Chelsea fans were arrested.")
    assert not {r for r in got if r[1] == "ordinal"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels have sunk two tankers and seized a third, the coastguard said.", ("third", "ordinal", "3")),
        ("We waited for eight months. We will not wait for a ninth.", ("ninth", "ordinal", "9")),
        ("Permits cost £90 for a first car and £140 for a second.", ("second", "ordinal", "2")),
    ],
)
def test_a_third_said_of_the_next_in_a_row_is_an_ordinal(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two in five said yes and a third, said no.", ("a third", "fraction", "1/3")),
        ("Sales fell two years running and were cut by a third.", ("a third", "fraction", "1/3")),
        ("It has two wings. A third of the staff work there.", ("A third", "fraction", "1/3")),
    ],
)
def test_a_share_stays_a_fraction(text, expected):
    assert expected in readings(text)
