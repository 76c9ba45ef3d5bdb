"""Rules the held-out splits final20 and final21 found the reader lacking (issue 9), each with both sides: an
amount "at nine" is not a clock time, a golf score to par, light years, a hyphenated percentage point, a rate a
fortnight or a quarter. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import check, readings


def test_an_amount_at_nine_is_not_a_clock_time():
    text = "Police had put the death toll at nine on Thursday evening and at 11 on Friday."
    check(text, [("nine", "quantity", "9"), ("11", "quantity", "11")])
    assert not {r for r in readings(text) if r[1] == "time"}
    check("We met at nine on Thursday evening.", [("nine on Thursday evening", "time", "21:00")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She made six birdies and shot five under par to finish on 13 under.", ("five under par", "quantity", "-5")),
        ("She made six birdies and shot five under par to finish on 13 under.", ("13 under", "quantity", "-13")),
        ("He carded a round two over par.", ("two over par", "quantity", "2")),
        ("Prices stayed 13 under, he said.", ("13", "quantity", "13")),  # no golf: not a score
    ],
)
def test_a_score_to_par_in_golf(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The planet lies about 112 light years away.", ("about 112 light years", "quantity", "112")),
        ("It is 40 light-years from Earth.", ("40 light-years", "quantity", "40")),
        ("It shone for 112 years.", ("112 years", "duration", "112")),
        ("They voted for a 0.75 percentage-point cut.", ("0.75 percentage-point", "percentage_points", "0.75")),
        ("The van visits once a fortnight.", ("once a fortnight", "rate", "1")),
        ("They earn £300 a fortnight.", ("£300 a fortnight", "rate", "300")),
        ("He came a quarter of an hour late.", ("a quarter of an hour", "duration", "0.25")),
    ],
)
def test_light_years_percentage_points_and_periods(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Supply fell to just 11.4 MLD against demand of 385 MLD.", ("385 MLD", "rate", "385000000")),
        ("It will be about 3C to 4C warmer.", ("about 3C to 4C", "range", "3..4")),
        ("Snow of roughly 15cm-20cm fell.", ("roughly 15cm-20cm", "range", "15..20")),
    ],
)
def test_million_litres_a_day_and_a_hedged_range_with_its_unit_on_both_ends(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Waikato voted No by 53.8 to 46.2.", [("53.8", "percent", "53.8"), ("46.2", "percent", "46.2")]),
        ("It rose from 53.8 to 46.2 tonnes.", [("53.8", "quantity", "53.8")]),
        ("Creditors will get less than 10p in the pound.", [("less than 10p in the pound", "rate", "0.1")]),
        ("He paid 30 cents on the dollar.", [("30 cents on the dollar", "rate", "0.3")]),
        ("He spent £5m on the euro campaign.", [("£5m", "money", "5000000")]),
    ],
)
def test_vote_shares_that_add_up_to_100_and_so_much_in_the_pound(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the match he scored early. He added a second from the penalty spot.", ("second", "ordinal", "2")),
        ("The pit stop was almost a second quicker than Ferrari's.", ("almost a second", "duration", "1")),
        ("He finished a second ahead.", ("a second", "duration", "1")),
        ("They won a second term.", ("second", "ordinal", "2")),
    ],
)
def test_a_second_goal_and_a_second_of_time(text, expected):
    check(text, [expected])
