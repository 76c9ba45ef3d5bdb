"""A stripped caption track of a match (issue 9): its lines are short, so whether "88 85" is a score is decided
by the whole commentary, not by the line; and a stripped thousands group is one number unless its two groups
look like the ends of a range. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings

COMMENTARY = (
    "and welcome back to the arena for the fourth quarter of game 3 here tonight\n\n"
    "the hawks lead the kings 88 85 with the home crowd on its feet\n\n"
    "a steal and a dunk and it is 90 85\n\n"
    "kings call a timeout with 2 34 remaining in the quarter\n\n"
    "his average is up 0 9 on last year after tonight\n\n"
    "that basket was his 30th point and the hawks have won 11 of their last 14 games at home"
)


def test_a_score_in_a_stripped_commentary_is_two_tallies_even_on_a_short_line():
    got = readings(COMMENTARY)
    assert {("88", "quantity", "88"), ("85", "quantity", "85"), ("90", "quantity", "90")} <= got


def test_a_clock_or_a_decimal_said_aloud_in_a_commentary_is_not_a_score():
    spans = {span for span, _, _ in readings(COMMENTARY)}
    assert not spans & {"2", "34", "2 34", "0", "9", "0 9"}


def test_a_stripped_bulletin_that_is_not_about_a_match_keeps_the_pair_declined():
    text = (
        "and now the business news\n\nhouse prices rose again in the spring\n\n"
        "the index stands at 88 85 after a quiet month the lender said\n\n"
        "mortgage approvals were flat and rents went up in most regions of the country"
    )
    spans = {span for span, _, _ in readings(text)}
    assert not spans & {"88", "85", "88 85", "8885"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the average teacher will earn 34 200 pounds from september", ("34 200 pounds", "money", "34200")),
        ("the typical home now costs 296 400 pounds in the region", ("296 400 pounds", "money", "296400")),
        ("a crowd of 41 208 watched them in the national stadium tonight", ("41 208", "quantity", "41208")),
    ],
)
def test_a_stripped_thousands_group_of_another_size_is_one_number(text, expected):
    text += " and the club and the council and the union all said so in a statement on monday evening"
    assert expected in readings(text)


def test_two_round_groups_of_one_size_could_be_a_range_and_stay_declined():
    text = (
        "the flood left 150 200 homes without power in the delta officials said on monday and the council and "
        "the union all said so in a statement"
    )
    spans = {span for span, _, _ in readings(text)}
    assert not spans & {"150", "200", "150 200", "150 200 homes"}


LONG_COMMENTARY = (
    "and welcome back to the arena for the fourth quarter of game 3 here tonight in the series\n\n"
    "a steal at the other end and thats 80 74 marsh now has 22 points and 11 rebounds this season\n\n"
    "an answer from the baseline 87 79 6 minutes 30 to go\n\n"
    "he hits both free throws 98 91 thats the ball game and the hawks have won it"
)


@pytest.mark.parametrize("pair", [("80", "74"), ("87", "79"), ("98", "91")])
def test_a_commentary_score_over_twenty_a_side_followed_by_a_name_a_clock_or_thats(pair):
    got = readings(LONG_COMMENTARY)
    assert {(pair[0], "quantity", pair[0]), (pair[1], "quantity", pair[1])} <= got


TENNIS_CAPTION = (
    "and weve reached a critical moment here on centre court she leads by two sets to one 6 4 3 6 6 3 "
    "and in this fourth set its 5 4 with duarte serving to stay in the match\n"
    "duarte to serve at 15 love\ngood first serve and novak cant get it back 30 love\n"
    "a double fault 0 15\nnovak with a forehand winner 15 40 two match points\n"
    "and duarte holds to love thats her 11th ace of the match"
)


@pytest.mark.parametrize(
    "expected",
    [("6", "quantity", "6"), ("3", "quantity", "3"), ("15", "quantity", "15"), ("40", "quantity", "40")],
)
def test_set_and_point_scores_of_a_stripped_tennis_commentary_are_tallies(expected):
    assert expected in readings(TENNIS_CAPTION)


def test_love_is_a_score_of_nought_in_a_report_on_tennis_only():
    assert ("love", "quantity", "0") in readings(TENNIS_CAPTION)
    caption = "and the couple say they love 30 minutes of quiet each morning before the children wake up for school"
    assert not {r for r in readings(caption) if r[0] == "love"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the base rate is three point seven five percent", ("three point seven five percent", "percent", "3.75")),
        ("the judges gave her nine point two five", ("nine point two five", "quantity", "9.25")),
    ],
)
def test_digits_said_one_by_one_after_point_are_one_decimal(text, expected):
    assert expected in readings(text)


def test_two_close_three_digit_groups_in_a_stripped_commentary_are_not_one_large_number():
    text = (
        "brunson drives and scores  the knicks lead 104 101 with two minutes to go in game 3  "
        "the celtics call a timeout after that basket  tatum has 9 rebounds and 31 points in this match  "
        "the knicks lead 104 101 and the crowd is on its feet  what a quarter of basketball"
    )
    assert not any(value == "104101" for _, _, value in readings(text))
