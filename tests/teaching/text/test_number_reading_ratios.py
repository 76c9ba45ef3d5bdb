"""Ratios and odds printed as one hyphenated word, and bare figures named a ratio by their sentence (issue 9).
Sentences written for these tests; each rule with both sides."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The motion passed by a 3-to-1 margin.", ("3-to-1", "ratio", "3:1")),
        ("Voters backed it roughly 2-to-1 in the county.", ("roughly 2-to-1", "ratio", "2:1")),
        ("Members split 1-to-1 on the question.", ("1-to-1", "ratio", "1:1")),
        ("The walls cut the risk to a one-in-200 chance in any year.", ("one-in-200", "ratio", "1:200")),
        ("Astronomers put the odds of a strike at 1-in-48,000.", ("1-in-48,000", "ratio", "1:48000")),
        ("It is a 1-in-100-year flood, engineers said.", ("1-in-100", "ratio", "1:100")),
        ("She was backed at 11-to-4 this morning.", ("11-to-4", "ratio", "11:4")),
    ],
)
def test_a_ratio_printed_as_one_hyphenated_word(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "unexpected_kind"),
    [
        ("It is a 10-to-15-minute walk from the station.", "ratio"),  # a range of minutes
        ("The 18-to-24 age group turned out least.", "ratio"),  # ages, not a ratio
        ("Parents chose the 6-in-1 vaccine.", "ratio"),  # a product's name
    ],
)
def test_hyphenated_pairs_that_are_no_ratio(text, unexpected_kind):
    assert not {r for r in readings(text) if r[1] == unexpected_kind}


def test_one_to_one_in_words_is_a_manner_not_a_ratio():
    assert not {r for r in readings("Pupils get one-to-one tuition twice a week.") if r[1] == "ratio"}
    assert ("two-to-one", "ratio", "2:1") in readings("Members backed the deal two-to-one.")
