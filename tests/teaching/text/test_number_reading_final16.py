"""Rules the held-out splits final16 and final17 found the reader lacking (issue 9), each with both sides: a
signed change of share in a results line, a share said once for both sides of a vote, and a bare day before a
second date of the same month. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import check, readings, unsure


def test_a_signed_number_after_a_share_in_brackets_is_its_change_in_points():
    text = "Jo Penhale (Lib Dem) 1,184 (38.6%, +17.9)\nMartin Hale (Con) 1,097 (35.8%, -10.4)\n"
    check(
        text,
        [
            ("38.6%", "percent", "38.6"),
            ("+17.9", "percentage_points", "17.9"),
            ("-10.4", "percentage_points", "-10.4"),
            ("1,097", "quantity", "1097"),
        ],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was 12%, -3 on the day.", ("-3", "quantity", "-3")),  # not in brackets
        ("Shares (up 4%, 17.9) rose.", ("17.9", "quantity", "17.9")),  # no sign: not a change
    ],
)
def test_other_numbers_beside_a_share_stay_bare(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Members voted by 87 per cent to 13 on a turnout of 79%.", ("13", "percent", "13")),
        ("It won 54% to 46.", ("46", "percent", "46")),
        ("The index rose by 3% to 120.", ("120", "quantity", "120")),
        ("Prices rose 3% to 120 in May.", ("120", "quantity", "120")),
        ("It won 54% to 46 seats.", ("46 seats", "quantity", "46")),
    ],
)
def test_a_bare_number_after_a_share_and_to_is_the_other_share(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two earlier attempts, on 27 and 29 November, were called off.", [("27", "date", "XXXX-11-27"),
                                                                         ("29 November", "date", "XXXX-11-29")]),
        ("Polls on 3 or 5 May 2026 are possible.", [("3", "date", "XXXX-05-03"), ("5 May 2026", "date", "2026-05-05")]),
        ("It rained on 14 and 15 March.", [("14 and 15 March", "date_range", "XXXX-03-14..XXXX-03-15")]),
        ("He scored 27 and 29 November was a good month.", [("27", "quantity", "27")]),
    ],
)  # fmt: skip
def test_a_bare_day_before_a_second_date_of_the_month(text, expected):
    check(text, expected)
    assert readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There will be no relief for at least three more days.", ("at least three more days", "duration", "3")),
        ("It took 40 more minutes.", ("40 more minutes", "duration", "40")),
        ("They need 5 more staff.", ("5 more staff", "quantity", "5")),
        ("It is three more than last year.", ("three", "quantity", "3")),
    ],
)
def test_more_between_a_number_and_its_unit(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That is a rise of almost 6p a litre since the start of October.", ("almost 6p a litre", "rate", "0.06")),
        ("Fares went up £2 a ticket since May.", ("£2 a ticket", "rate", "2")),
        ("It cost £200 a year before the war.", ("£200", "money", "200")),
    ],
)
def test_since_after_a_unit_that_is_not_a_period_keeps_the_rate(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In several boroughs the ratio exceeds 13.", ("13", "ratio", "13:1")),
        ("The ratio hit 4.5 last year.", ("4.5", "ratio", "4.5:1")),
        ("The team hit 13 last year.", ("13", "quantity", "13")),
    ],
)
def test_a_ratio_that_exceeds_or_hits_a_number(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We ran out of fresh food by day four, he said.", ("four", "ordinal", "4")),
        ("england 231 for 4 at lunch on day two", ("two", "ordinal", "2")),
        ("Teams spend big on day one of the auction.", ("one", "ordinal", "1")),
        ("It happened on day 3 of the trial.", ("3", "ordinal", "3")),
        ("On the day two men died.", ("two men", "quantity", "2")),
        ("It rained for two days.", ("two days", "duration", "2")),
    ],
)
def test_day_and_a_number_after_a_preposition_is_the_nth_day(text, expected):
    check(text, [expected])


def test_points_and_games_in_a_report_on_tennis_are_scores():
    text = "She hit 17 aces and nine double faults in the deciding set.\n\n"
    text += "“I was down 0-40 at 3-4 in the fifth,” she said."
    check(text, [("0", "quantity", "0"), ("40", "quantity", "40"), ("3", "quantity", "3"), ("4", "quantity", "4")])
    assert not {r for r in readings(text) if r[1] == "range"}


def test_the_same_shapes_outside_tennis_stay_ranges():
    check("Children aged 3-4 were tested.", [("3-4", "range", "3..4")])
    check("The car does 0-40 mph in 5 seconds.", [("0-40 mph", "range", "0..40")])


def test_a_clock_to_beat_in_a_race_report_is_not_a_time_of_day():
    text = "He won the marathon in 2hr 05min.\n\nReid, who had never broken 2:10 before this spring, was delighted."
    assert not {r for r in readings(text) if r[1] == "time"}
    check("The meeting broke at 2:10 for lunch.", [("2:10", "time", "02:10")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okafor won the 110m hurdles in 13.1 seconds.", ("110m", "quantity", "110")),
        ("In the long jump she leapt 8.22m; the 1500m was slow.", ("8.22m", "quantity", "8.22")),
        ("In the long jump she leapt 8.22m; the 1500m was slow.", ("1500m", "quantity", "1500")),
        ("She ran into a tailwind of 0.6m/s in the 200m sprint.", ("0.6m/s", "rate", "0.6")),
        ("The club lost £8.22m on the relay team.", ("£8.22m", "money", "8220000")),
        ("The sprint series drew 1.3m people.", ("1.3m people", "quantity", "1300000")),
    ],
)
def test_m_in_a_report_on_athletics_or_swimming_is_metres(text, expected):
    check(text, [expected])


def test_a_bare_m_elsewhere_stays_unsure():
    assert "1.2m" in unsure("The firm sold 1.2m last year.")


def test_odds_in_a_report_on_a_horse_race():
    text = (
        "the 9 to 4 favourite jumps off in front from river ember at 100 to 30 and morning mist who was evens in the "
        "betting ring drifted out to 7 to 2"
    )
    check(text, [("100 to 30", "ratio", "100:30"), ("7 to 2", "ratio", "7:2"), ("9 to 4", "ratio", "9:4")])


def test_the_same_words_outside_racing_are_two_numbers():
    check("The score went from 3 to 2 in the second half.", [("3", "quantity", "3"), ("2", "quantity", "2")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The route will have a bus an hour on Sundays.", ("a bus an hour", "rate", "1")),
        ("They get a meal a day.", ("a meal a day", "rate", "1")),
        ("It took a day.", ("a day", "duration", "1")),
    ],
)
def test_a_thing_that_happens_a_period_is_one_per_period(text, expected):
    check(text, [expected])
