"""Dates, times and spans the held-out split final6 found the reader lacking (issue 9): each rule in general
form, both sides. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import check, readings, unsure


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trains leave every half hour.", [("every half hour", "rate", "1")]),
        ("A shuttle calls every half-hour until dusk.", [("every half-hour", "rate", "1")]),
        ("Nurses checked on him every half an hour.", [("every half an hour", "rate", "1")]),
        ("The lights change every quarter of an hour.", [("every quarter of an hour", "rate", "1")]),
        ("Bins are emptied every other day.", [("every other day", "rate", "1")]),
        ("The council meets every third week.", [("every third week", "rate", "1")]),
        ("The shuttle runs twice an hour.", [("twice an hour", "rate", "2")]),
        # the other side: a half that is a half
        ("Half the trains were late.", [("Half", "fraction", "1/2")]),
        ("He spent half the day waiting.", [("half", "fraction", "1/2")]),
    ],
)
def test_every_part_of_a_span_is_how_often(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Trains leave every half hour.", "30 minutes"),
        ("The lights change every quarter of an hour.", "15 minutes"),
        ("Bins are emptied every other day.", "2 days"),
        ("The tide gauge is read every half day.", "12 hours"),
    ],
)
def test_every_part_says_per_what(text, per):
    (value,) = parse_claim(text).values
    assert value.per == per


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It may take a year or two.", [("a year or two", "range", "1..2")]),
        ("He will be back in a day or two.", [("a day or two", "range", "1..2")]),
        ("Repairs take one or two weeks.", [("one or two weeks", "range", "1..2")]),
        ("The trip lasted three or four days.", [("three or four days", "range", "3..4")]),
        ("the results come in a week or three", [("a week or three", "range", "1..3")]),
        # the other side: a span and then a count of something else
        ("She waited a day or two hours more.", [("two hours", "duration", "2")]),
    ],
)
def test_a_span_or_a_few_is_a_range_with_its_unit(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the gust came at 10 past 3 this morning", [("10 past 3 this morning", "time", "03:10")]),
        ("the lights went out at 20 to 11 last night", [("20 to 11 last night", "time", "22:40")]),
        ("the tree fell around 11 last night", [("around 11 last night", "time", "23:00")]),
        ("the warning lasts until 6 this evening", [("6", "time", "18:00")]),
        ("we heard a bang at about half 2 and then it went dark", [("about half 2", "time", "02:30")]),
        ("The truce ends at midnight on Sunday.", [("midnight", "time", "00:00")]),
        ("Polls close at midday.", [("midday", "time", "12:00")]),
        ("The parade starts at 12 noon.", [("12 noon", "time", "12:00")]),
        ("Shops shut at noon on Saturday.", [("noon", "time", "12:00")]),
        ("Results are due within a fortnight.", [("a fortnight", "duration", "2")]),
    ],
)
def test_a_clock_time_in_words_with_its_part_of_the_day(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("the alarm went off at quarter to 9", "quarter to 9"),
        ("the gust came at 10 past 3", "10 past 3"),
        ("we met at 25 to 4", "25 to 4"),
    ],
)
def test_a_clock_time_in_words_without_its_part_of_the_day_is_declined(text, declined):
    assert declined in unsure(text)
    assert not any(kind in ("quantity", "time") for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rates rose from 10 to 3 per cent.", []),
        ("Prices were cut by 10 to 3 dollars.", []),
        ("Attendance rose from 5 to 9 last year.", []),
    ],
)
def test_numbers_that_are_no_clock_time_stay_numbers(text, expected):
    assert not any(kind == "time" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Midnight came and went.", [("Midnight", "time", "00:00")]),
        ("The seat fell vacant when MP Gareth Noon resigned.", []),
        ("They watched High Noon twice.", [("twice", "quantity", "2")]),
    ],
)
def test_midnight_and_noon_as_names_are_not_times(text, expected):
    assert {r for r in readings(text) if r[1] == "time"} == {e for e in expected if e[1] == "time"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The cat was coaxed out at quarter to ten on Monday morning.",
            [("quarter to ten on Monday morning", "time", "09:45")],
        ),
        ("the match resumes at 10 30 tomorrow morning", [("10 30", "time", "10:30")]),
        ("the ferry left at 7 that evening", [("7", "time", "19:00")]),
        ("Sewage flowed for 3.6m hours last year.", [("3.6m hours", "duration", "3600000")]),
        ("Volunteers gave 1.2m days of their time.", [("1.2m days", "duration", "1200000")]),
        # the other side
        ("He was 1.93m tall.", [("1.93m", "quantity", "1.93")]),
        ("About 1.3m people voted.", [("About 1.3m people", "quantity", "1300000")]),
    ],
)
def test_the_part_of_the_day_after_a_weekday_and_millions_of_hours(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the clock in the hall showed 10 past 3", "10 past 3"),
        ("it was quarter past nine when the doors shut", "quarter past nine"),
    ],
)
def test_n_past_an_hour_says_a_time_even_without_at(text, expected):
    assert expected in unsure(text)
    assert not any(kind == "quantity" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the clock in the hall showed 10 past 3 in the afternoon", [("10 past 3 in the afternoon", "time", "15:10")]),
        # the other side: "to" without a word that introduces a time stays a range or a change
        ("the share rose from 10 to 3", []),
        ("between 5 to 9 people were hurt", []),
    ],
)
def test_n_past_an_hour_with_its_part_of_the_day(text, expected):
    check(text, expected)
    if not expected:
        assert not any(kind == "time" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The results are due in a fortnight.", [("a fortnight", "duration", "2")]),
        ("The repairs will be done within a fortnight.", [("a fortnight", "duration", "2")]),
        ("Crews will work nights in the final fortnight.", [("fortnight", "duration", "2")]),
        ("Prices held for the whole decade.", [("decade", "duration", "10")]),
        ("Sales slipped over the past fortnight.", [("fortnight", "duration", "2")]),
    ],
)
def test_a_fortnight_is_two_weeks(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("the sirens sounded between 10 and 11 this morning", "between 10 and 11"),
        ("police were called between 9 and 10 last night", "between 9 and 10"),
    ],
)
def test_bare_hours_before_a_part_of_the_day_are_not_counts(text, declined):
    assert declined in unsure(text)
    assert not any(kind in ("range", "quantity") for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it rained 10 to 15 millimetres this morning", [("10 to 15 millimetres", "range", "10..15")]),
        ("40 people were hurt last night", [("40 people", "quantity", "40")]),
        ("a decade or two", [("a decade or two", "range", "10..20")]),
    ],
)
def test_counts_before_a_part_of_the_day_stay_counts(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The power went off at quarter past midnight.", [("quarter past midnight", "time", "00:15")]),
        ("The deal was signed at ten to midnight.", [("ten to midnight", "time", "23:50")]),
        ("Trading halted at 20 past noon.", [("20 past noon", "time", "12:20")]),
        ("Polls close at midnight.", [("midnight", "time", "00:00")]),
    ],
)
def test_minutes_past_or_to_midnight_and_noon(text, expected):
    check(text, expected)
    assert len([r for r in readings(text) if r[1] == "time"]) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("good morning its seven oclock and heres the weather", ("seven oclock", "time", "07:00")),
        ("Good evening, it is nine o'clock.", ("nine o'clock", "time", "21:00")),
    ],
)
def test_a_greeting_says_the_half_of_the_day_of_an_oclock_in_words(text, expected):
    assert expected in readings(text)


def test_an_oclock_in_words_without_a_greeting_is_declined_not_counted():
    found = readings("its seven oclock and heres the news")
    assert not {r for r in found if r[0].startswith("seven")}


def test_a_part_of_the_day_before_a_verb_of_being_and_at_a_stripped_clock():
    text = (
        "on to the weather and sunrise this morning is at 7 41 and sunset is at 3 38 this afternoon and that is "
        "all from us on the breakfast show"
    )
    assert ("7 41", "time", "07:41") in readings(text)
    assert not {
        r for r in readings("the match is at 7 41 people said and that is all we know from the club") if r[1] == "time"
    }


MORNING_BULLETIN = (
    "its 25 past 7 on east coast radio and heres your travel with sophie thanks mike good morning everyone "
    "the bascule bridge is due to lift at 8 15 so give yourself 10 minutes and the 7 42 from ipswich is running "
    "late while queues are about 5 miles long and the 842 from harrogate is cancelled and the next update is at "
    "25 to 8"
)


@pytest.mark.parametrize(
    "expected",
    [
        ("8 15", "time", "08:15"),
        ("7 42", "time", "07:42"),
        ("25 past 7", "time", "07:25"),
        ("25 to 8", "time", "07:35"),
    ],
)
def test_a_morning_programme_says_the_half_of_the_day_of_its_clock_times(expected):
    assert expected in readings(MORNING_BULLETIN)


def test_a_morning_programme_leaves_bare_hours_and_other_amounts_alone():
    found = readings(MORNING_BULLETIN)
    assert not {r for r in found if r[1] == "time" and r[0] in ("about 5", "10")}


def test_an_evening_greeting_anywhere_stops_the_morning_guess():
    text = MORNING_BULLETIN + " and good evening to listeners abroad"
    assert not {r for r in readings(text) if r == ("8 15", "time", "08:15")}


def test_a_morning_programme_reads_no_clock_in_an_amount():
    text = (
        "good morning and welcome to the business bulletin profits will come in at 430 million pounds down from "
        "502 million last year and the 812 from leeds is running late this morning"
    )
    found = readings(text)
    assert ("812", "time", "08:12") in found
    assert not {r for r in found if r[1] == "time" and r[0].startswith("502")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The swap took place at about 11.00 local time.", ("about 11.00", "time", "11:00")),
        ("Sirens sounded at around 14.20 local time, officials said.", ("around 14.20", "time", "14:20")),
        ("Polls close by roughly 9.15 on Monday.", ("roughly 9.15", "time", "09:15")),
        ("The strike hit the depot at 03.40 local time.", ("03.40", "time", "03:40")),
    ],
)
def test_a_dotted_clock_time_with_a_hedge_or_local_time_is_a_time(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shares closed at about 11.30 on Friday.",  # a price
        "The parcel weighed about 11.30 kg.",  # a weight
    ],
)
def test_a_hedged_dotted_number_that_is_no_time(text):
    assert not any(kind == "time" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The new price applies from the first of December.", ("first of December", "date", "XXXX-12-01")),
        ("the fare rises on the twenty-first of june", ("twenty-first of june", "date", "XXXX-06-21")),
        ("It closes on the thirty-first of March 2027.", ("thirty-first of March 2027", "date", "2027-03-31")),
        ("the cap falls from january the first meaning lower bills", ("january the first", "date", "XXXX-01-01")),
        ("The vote is on March the 3rd.", ("March the 3rd", "date", "XXXX-03-03")),
    ],
)
def test_a_day_of_the_month_in_words_is_a_date(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was the first of many delays.", ("first", "ordinal", "1")),
        ("the bank cut in september the third cut this year", ("third", "ordinal", "3")),
        ("She came first of 20 runners in May.", ("first", "ordinal", "1")),
    ],
)
def test_an_ordinal_word_that_names_no_day_stays_an_ordinal(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patients should be seen by up to 31 October, the trust said.", ("31 October", "date", "XXXX-10-31")),
        ("The offer runs up to March 5 this year.", ("March 5", "date", "XXXX-03-05")),
        ("The line stays shut until at least 21 November.", ("21 November", "date", "XXXX-11-21")),
    ],
)
def test_up_to_before_a_date_is_until_and_the_date_reads_whole(text, expected):
    assert expected in readings(text)
    assert not any(kind == "quantity" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inspectors visited on October 14 and 15.", ("October 14 and 15", "date_range", "XXXX-10-14..XXXX-10-15")),
        ("Talks resume on May 6 and 7, 2027.", ("May 6 and 7, 2027", "date_range", "2027-05-06..2027-05-07")),
        ("Inspectors visited on 14 and 15 October.", ("14 and 15 October", "date_range", "XXXX-10-14..XXXX-10-15")),
    ],
)
def test_two_days_running_with_the_month_said_once_are_one_range_in_either_order(text, expected):
    assert expected in readings(text)


def test_a_count_after_a_month_and_day_is_no_second_day():
    assert ("24 people", "quantity", "24") in readings("The fair on September 23 and 24 people came.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hearing ran between the 4th and the 19th of May.",
            ("between the 4th and the 19th of May", "date_range", "XXXX-05-04..XXXX-05-19"),
        ),
        (
            "roadworks from the 2nd to the 5th of june",
            ("from the 2nd to the 5th of june", "date_range", "XXXX-06-02..XXXX-06-05"),
        ),
        (
            "Stalls open from the first to the third of May.",
            ("from the first to the third of May", "date_range", "XXXX-05-01..XXXX-05-03"),
        ),
    ],
)
def test_a_range_of_days_said_with_the_is_one_date_range(text, expected):
    assert expected in readings(text)


def test_from_the_first_to_the_last_is_no_date():
    assert not any(kind in ("date", "date_range") for _, kind, _ in readings("He led from the first to the last."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tanker was struck at around 0430 GMT on Tuesday.", ("around 0430 GMT", "time", "04:30")),
        ("Flights stay grounded until at least 1800 GMT.", ("at least 1800 GMT", "time", "18:00")),
    ],
)
def test_a_hedged_four_digit_clock_with_its_zone_is_a_time(text, expected):
    assert expected in readings(text)


def test_in_a_morning_programme_the_first_end_of_a_counted_range_is_no_clock_time():
    text = (
        "good morning its 10 past 9 and the lines are open  the pension age could be brought forward by 7 or 8 "
        "years if the review says so"
    )
    got = readings(text)
    assert ("7 or 8 years", "range", "7..8") in got, got
    assert not any(span == "7" and kind == "time" for span, kind, _ in got)


@pytest.mark.parametrize(
    "text",
    [
        "Responders had antibodies at a titre of 1:50, the authors said.",
        "The drive covered 75 yards in eight plays and 1:58, finished by a scramble.",
        "It's not over, but 1:06 is a lot against him.",
    ],
)
def test_a_colon_pair_with_no_word_of_a_time_of_day_is_not_read_as_one(text):
    assert not any(kind == "time" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fire started at 1:50 and was out by 4:15.", ("4:15", "time", "04:15")),
        ("Gates open between 9:15 and 11:30.", ("11:30", "time", "11:30")),
        ("It ended 9:30 this morning.", ("9:30", "time", "09:30")),
        ("The winner ran under 2:06.", ("under 2:06", "duration", "7560")),
    ],
)
def test_a_colon_pair_with_a_word_of_a_time_of_day_is_one(text, expected):
    assert expected in readings(text)
