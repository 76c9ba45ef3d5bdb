"""Ratios and odds printed as one hyphenated word, and bare figures named a ratio by their sentence (issue 9).
Sentences written for these tests; each rule with both sides."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The audit puts the benefit-cost ratio at 1.3, well short of hopes.", ("1.3", "ratio", "1.3:1")),
        ("The support ratio now stands at 2.4 workers, officials said.", None),  # counts workers: not read as a ratio
        ("The dependency ratio fell to 1.7 last year.", ("1.7", "ratio", "1.7:1")),
        ("The shares trade on a price-earnings ratio of about 14.", ("about 14", "ratio", "14:1")),
        ("Each step of one magnitude is a factor of about 2.5 in brightness.", ("about 2.5", "ratio", "2.5:1")),
        ("Users had an odds ratio of 1.94 for poor sleep.", ("1.94", "ratio", "1.94:1")),
    ],
)
def test_a_bare_figure_named_a_ratio_by_its_sentence(text, expected):
    found = readings(text)
    if expected is None:
        assert not {r for r in found if r[1] == "ratio"}
    else:
        assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Pupils met at 1.30 in the ratio room.",  # no ratio's value
        "The ratio of 18 pupils to each teacher is high.",  # counts pupils
        "A ratio was agreed at the summit of 12 nations.",  # the number is far from the ratio
    ],
)
def test_numbers_near_the_word_ratio_that_are_not_its_value(text):
    assert not {r for r in readings(text) if r[1] == "ratio"}


def test_a_figure_compared_with_a_ratio_just_before_is_that_ratio():
    found = readings("The audit puts the benefit-cost ratio at 1.3, down from 2.4 in 2019.")
    assert ("2.4", "ratio", "2.4:1") in found
    # a count compared with a ratio stays a count
    assert ("12 staff", "quantity", "12") in readings("The ratio fell to 1.3, down from 12 staff in 2019.")
    # "picks up" is no comparison: the prize is not a ratio
    found = readings("she was 5 to 1 last night and the winner picks up 42000 for the owners")
    assert not {r for r in found if r[0] == "42000" and r[1] == "ratio"}


RACE = (
    "and they are off in the novices chase at newbury with the jockey sam price up on the favourite "
    "dublin dancer at 5 2 who is tucked in about sixth while kilcarn lad was backed in from 4 1 this morning "
    "and at the line it is marching orders who returned at 11 to 4 for the trainer jo carter"
)


@pytest.mark.parametrize(
    "expected", [("5 2", "ratio", "5:2"), ("4 1", "ratio", "4:1"), ("at 11 to 4", "ratio", "11:4")]
)
def test_odds_in_a_stripped_racing_commentary(expected):
    found = readings(RACE)
    assert expected in found or (expected[0].removeprefix("at "), *expected[1:]) in found


def test_two_numbers_in_a_stripped_match_report_are_no_odds():
    text = (
        "and the final score here at the riverside is city 3 rovers 1 and the home side won at 3 1 in the rain "
        "with the fans singing after a match in which the league leaders never looked like losing"
    )
    assert not {r for r in readings(text) if r[1] == "ratio"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Efficacy was 64.9% (95% CI 55.1–72.7) in the first season, and fell in the second season of the trial.",
            ("55.1–72.7", "range", "55.1..72.7"),
        ),
        ("The median age in the league study was 69 (range 60–93), with 12 games each.", ("60–93", "range", "60..93")),
    ],
)
def test_the_ends_of_a_statistical_interval_are_a_range_even_beside_words_of_sport(text, expected):
    assert expected in readings(text)


def test_a_price_with_a_dash_after_from_in_a_racing_report_is_odds():
    text = "Blue Cardigan, backed in from 4-1 to 11-4 favourite this morning, won the chase for trainer Jo Carter."
    assert {("4-1", "ratio", "4:1"), ("11-4", "ratio", "11:4")} <= readings(text)
    assert ("3", "quantity", "3") in readings("Rovers came back from 3-1 down to draw with the trainer's old club.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pupils in the bottom fifth of household incomes did worst.", ("fifth", "fraction", "1/5")),
        ("The richest tenth of households own most of the land.", ("tenth", "fraction", "1/10")),
        ("Teenagers in the top quarter, who used phones past midnight, slept least.", ("quarter", "fraction", "1/4")),
        ("It finished in the lowest third of the league table.", ("third", "fraction", "1/3")),
    ],
)
def test_a_part_of_a_ranked_population_is_a_fraction(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profits fell in the third quarter.", ("third", "ordinal", "3")),
        ("The top fourth seed lost in straight sets.", ("fourth", "ordinal", "4")),  # describes the seed
    ],
)
def test_an_ordinal_of_a_series_stays_an_ordinal(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Economists expect a further quarter-point cut by spring.", {("quarter-point", "percentage_points", "0.25")}),
        (
            "Markets price in two quarter-point cuts next year.",
            {("two", "quantity", "2"), ("quarter-point", "percentage_points", "0.25")},
        ),
        ("Every quarter point matters to borrowers.", {("quarter point", "percentage_points", "0.25")}),
    ],
)
def test_a_quarter_point_after_any_determiner_is_a_part_of_a_percentage_point(text, expected):
    assert expected <= readings(text)


def test_a_three_quarter_point_rise_is_not_read_as_a_quarter_point():
    assert not any(span == "quarter-point" for span, _, _ in readings("It was a three quarter-point rise."))


@pytest.mark.parametrize("text", ["He scored early in the second half of the match.", "Sales rose in the first half."])
def test_the_half_of_a_match_or_a_year_is_read_once_as_its_ordinal(text):
    got = parse_claim(text)
    sure = [v for v in got.values if v.sure]
    assert len(sure) == 1 and sure[0].category == "ordinal", sure


def test_a_count_before_a_quarter_point_cut_is_no_rate_per_quarter():
    got = readings("of the nine members four wanted a quarter point cut")
    assert {("four", "quantity", "4"), ("quarter point", "percentage_points", "0.25")} <= got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trucking would need twice today's level of funding.", ("twice", "ratio", "2:1")),
        ("Sales reached three times last year's total.", ("three times", "ratio", "3:1")),
    ],
)
def test_a_multiple_of_a_possessive_amount_is_a_ratio(text, expected):
    assert expected in readings(text)


def test_twice_last_year_counts_occasions():
    assert ("twice", "quantity", "2") in readings("She won it twice last year.")
