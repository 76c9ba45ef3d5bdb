"""Readings bound to each other (numberclaims.bindings, issue 9 after final3/): a compound duration in
descending units is one duration; "from X to Y <unit>" with no word of change is one range; a named day whose
date is fixed, before a year, is that date, and one whose date moves is declined. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import check, readings, unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The relay team finished in 1 hour 12 minutes 40 seconds.",
            [("1 hour 12 minutes 40 seconds", "duration", "4360")],
        ),
        ("She served six years and five months of the term.", [("six years and five months", "duration", "77")]),
        ("The ferry crossing took 3 days, 4 hours in the gale.", [("3 days, 4 hours", "duration", "76")]),
        ("The fire burned for two weeks and three days.", [("two weeks and three days", "duration", "17")]),
        ("Her split was 4 minutes 9 seconds.", [("4 minutes 9 seconds", "duration", "249")]),
    ],
)
def test_a_compound_duration_in_descending_units_is_one_duration(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "They met for 3 hours and 20 people came.",  # "20 people" is not a part of the duration
        "He spent 4 minutes and then 2 hours on it.",  # ascending: two durations
    ],
)
def test_durations_not_in_descending_units_stay_apart(text):
    spans = {s for s, _, _ in readings(text)}
    assert not any(" and " in s for s in spans), spans


@settings(max_examples=60, deadline=None)
@given(
    h=st.integers(min_value=1, max_value=9),
    m=st.integers(min_value=1, max_value=59),
    s=st.integers(min_value=1, max_value=59),
    join=st.sampled_from([" ", ", ", " and "]),
)
def test_hours_minutes_seconds_add_up_in_seconds(h, m, s, join):
    text = f"The winner crossed the line in {h} hours {m} minutes{join}{s} seconds."
    got = [v for v in parse_claim(text).readings if v.sure]
    assert len(got) == 1, got
    assert got[0].label()["kind"] == "duration"
    assert got[0].low == h * 3600 + m * 60 + s and got[0].unit == "seconds"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trucks were weighed at checkpoints from 40 to 55 km inland.", [("from 40 to 55 km", "range", "40..55")]),
        ("Patients were followed from 2 to 6 years after surgery.", [("from 2 to 6 years", "range", "2..6")]),
        ("the bowlers rotated through overs from 11 to 15 without a wicket", [("from 11 to 15", "range", "11..15")]),
    ],
)
def test_from_x_to_y_without_a_change_is_a_range_sharing_the_unit(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The bus fare rose from 2 to 3 dollars last spring.",
        "The ministry will lift the retirement age from 65 to 67 by 2031.",
        "Its membership went from 40 to 90 members in a year.",
    ],
)
def test_from_x_to_y_after_a_word_of_change_is_not_a_range(text):
    assert not any(kind == "range" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The river last burst its banks on Christmas Day 2013.", [("Christmas Day 2013", "date", "2013-12-25")]),
        (
            "Fireworks were banned on Bonfire Night, 2020, after the fires.",
            [("Bonfire Night, 2020", "date", "2020-11-05")],
        ),
        ("The mill closed on New Year’s Day 1986.", [("New Year’s Day 1986", "date", "1986-01-01")]),
        ("Riots broke out on Bastille Day 2005 in two suburbs.", [("Bastille Day 2005", "date", "2005-07-14")]),
    ],
)
def test_a_named_day_with_a_fixed_date_before_a_year_is_that_date(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("The bridge reopened on Easter Sunday 2019.", "Easter Sunday 2019"),
        ("Stores opened at dawn on Black Friday 2022.", "Black Friday 2022"),
        ("The walkout began on Independence Day 1998.", "Independence Day 1998"),  # which country's?
    ],
)
def test_a_named_day_whose_date_moves_or_is_unclear_is_declined_with_its_year(text, declined):
    assert declined in unsure(text)
    assert not any(kind == "year" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her split of 14:50 for the third mile was the fastest of the race.", [("14:50", "duration", "890")]),
        ("He clocked 27:41 for the 10 km, a national record.", [("27:41", "duration", "1661")]),
        ("She is one of five women to run under 2:18:30 in the marathon.", [("under 2:18:30", "duration", "8310")]),
    ],
)
def test_a_clock_in_a_sentence_about_a_race_is_a_time_taken(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The race starts at 9:30 on Sunday.", "time"),  # "at": a time of day
        ("The runners set off at 10:45 after a delay.", "time"),
        ("The council meeting ended at 11:20.", "time"),  # no race
    ],
)
def test_a_clock_of_the_day_stays_a_time(text, kind):
    assert any(k == kind for _, k, _ in readings(text)), readings(text)


def test_a_short_race_clock_that_could_be_hours_or_minutes_is_declined():
    text = "She was on course for a sub-2:20 finish until the wind rose."
    assert "2:20" in unsure(text)
    assert not any(k in ("time", "duration") for _, k, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inspectors found mould in two out of every five homes.", [("two out of every five", "ratio", "2:5")]),
        ("Roughly one dollar in every three went on fees.", [("Roughly one dollar in every three", "ratio", "1:3")]),
        ("One pupil in every four is absent on Fridays.", [("One pupil in every four", "ratio", "1:4")]),
        ("The shares trade on a price-earnings ratio of 14, the lowest in years.", [("14", "ratio", "14:1")]),
        ("Smokers had a hazard ratio of 2.15 against non-smokers.", [("2.15", "ratio", "2.15:1")]),
    ],
)
def test_ratios_with_every_and_numbers_named_as_ratios(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That works out to nearly $12 for every resident.", [("nearly $12 for every resident", "rate", "12")]),
        ("The scheme pays £40 for every tonne recycled.", [("£40 for every tonne", "rate", "40")]),
        (
            "chasing 180 the visitors needed almost 11 an over after 8 overs",
            [("almost 11 an over", "rate", "11")],
        ),
    ],
)
def test_an_amount_for_every_one_of_something_is_a_rate(text, expected):
    check(text, expected)


def test_an_amount_for_each_one_is_what_each_gets_not_a_rate():
    assert ("£5,000 for each finalist", "rate", "5000") not in readings("The prize is £5,000 for each finalist.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The amendment failed 198-231 in the Senate.", [("198", "quantity", "198"), ("231", "quantity", "231")]),
        ("The levy is trailing 38% to 47% in the latest poll.", [("38%", "percent", "38"), ("47%", "percent", "47")]),
        ("The board voted 6-3 to close the depot.", [("6", "quantity", "6"), ("3", "quantity", "3")]),
        ("The cheaper plan fell on a 3-4 vote.", [("3", "quantity", "3"), ("4", "quantity", "4")]),
        ("Rovers slumped to a 1-2 defeat at home.", [("1", "quantity", "1"), ("2", "quantity", "2")]),
    ],
)
def test_a_pair_after_a_word_of_contest_is_two_tallies_not_a_range(text, expected):
    check(text, expected)
    assert not any(kind == "range" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 40 day workers were also studied.", [("About 40 day workers", "quantity", "40")]),
        ("The trust hired 300 night nurses.", [("300 night nurses", "quantity", "300")]),
        ("Staff were working 12 hour shifts all week.", [("12 hour", "duration", "12")]),
    ],
)
def test_a_period_word_before_people_counts_the_people(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("the final was watched by 4 5 crore people across the country", "4 5 crore people"),
        ("the appeal raised 2 7 million pounds in a week", "2 7 million"),
    ],
)
def test_a_small_number_glued_to_a_scaled_one_is_declined(text, declined):
    assert any(d.startswith(declined) for d in unsure(text)), unsure(text)
    assert not readings(text) & {(declined.split()[0], "quantity", declined.split()[0])}


def test_a_stripped_score_stays_two_tallies():
    text = "united came back to win beating rovers 2 1 at home in the league on saturday night"
    assert {("2", "quantity", "2"), ("1", "quantity", "1")} <= readings(text)


@settings(max_examples=40, deadline=None)
@given(a=st.integers(min_value=1, max_value=9), b=st.integers(min_value=1, max_value=9))
def test_glued_numbers_before_a_scale_are_never_read_as_two(a, b):
    text = f"the match was watched by {a} {b} crore viewers on television"
    sure = [v for v in parse_claim(text).readings if v.sure]
    assert not any(v.low in (a, b) for v in sure), sure


def test_a_stripped_pair_before_a_scale_word_is_not_a_score():
    text = "rovers play city at 3 pm on sunday the match was watched by 1 4 crore people on television and online"
    assert not {("1", "quantity", "1"), ("4", "quantity", "4")} & readings(text), readings(text)
    assert any(d.startswith("1 4") for d in unsure(text)), unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "arrears fell to 2 million in 2022 household budgets were squeezed again",
            [("2022", "year", "2022")],
        ),
        ("The plant was sold in 1998 company records show.", [("1998", "year", "1998")]),
    ],
)
def test_a_year_before_a_singular_noun_is_the_year(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("the scheme began in 2008 families were told", "2008 families"),
        ("The vote split in 2019 voters and non-voters alike.", "2019 voters"),
    ],
)
def test_a_year_like_number_after_in_mid_sentence_before_a_plural_noun_is_declined(text, declined):
    """ "In 2019 voters …" opening a sentence is the year (test_number_reading_amounts)."""
    assert declined in unsure(text)
    assert not any(span == declined for span, _, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 1952 a docker earned 9 shillings and sixpence a day.",
            [("9 shillings and sixpence a day", "rate", "0.475")],
        ),
        ("A pint cost 2 shillings and 3 pence then.", [("2 shillings and 3 pence", "money", "0.1125")]),
    ],
)
def test_shillings_and_pence_are_old_british_money(text, expected):
    check(text, expected)
    assert len([r for r in readings(text) if "pence" in r[0] or "a day" == r[0]]) <= 1


def test_shillings_alone_are_not_turned_into_pounds():
    got = readings("Farmers in Nakuru are paid 40 shillings a kilo.")
    assert not any(kind == "money" and value == "2" for _, kind, value in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bookmakers made her a 9-4 favourite.", [("9-4", "ratio", "9:4")]),
        ("The colt was a 20-1 shot before the race.", [("20-1", "ratio", "20:1")]),
        ("He won at odds of 11 to 4.", [("11 to 4", "ratio", "11:4")]),
    ],
)
def test_betting_odds_are_a_ratio(text, expected):
    check(text, expected)


def test_a_score_stays_two_tallies_even_with_a_word_of_odds_nearby():
    got = readings("Rovers won 3-1 on penalties, a fair result.")
    assert {("3", "quantity", "3"), ("1", "quantity", "1")} <= got, got


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("The library opens from 9 to 5 on weekdays.", "from 9 to 5"),
        ("Rooms were let from 12 to 3 on most days.", "from 12 to 3"),
    ],
)
def test_from_a_larger_to_a_smaller_bare_number_without_a_change_is_declined(text, declined):
    assert declined in unsure(text)
    assert not readings(text), readings(text)


@settings(max_examples=60, deadline=None)
@given(a=st.integers(min_value=2, max_value=99), d=st.integers(min_value=1, max_value=98))
def test_from_x_to_y_is_never_two_confident_bare_numbers_without_a_change(a, d):
    b = a - d if d < a else a + d
    text = f"Visitors came from {a} to {b} on most days."
    bare = [v for v in parse_claim(text).readings if v.sure and v.text in (str(a), str(b))]
    assert not bare, bare


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("On Easter Monday 2016 the line closed.", "Easter Monday 2016"),
        ("By Good Friday 2021 the works were done.", "Good Friday 2021"),
    ],
)
def test_a_named_day_is_declined_without_the_word_before_it(text, declined):
    assert declined in unsure(text), unsure(text)


def test_one_in_every_n_is_a_ratio_whatever_word_follows():
    check("One child in every five lives in poverty.", [("One child in every five", "ratio", "1:5")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He ran the mile in 3:59.4 in 1954.", [("3:59.4", "duration", "239.4")]),
        ("Her winning time in the 1500 metres was 4:02.15.", [("4:02.15", "duration", "242.15")]),
    ],
)
def test_a_race_clock_with_tenths_is_minutes_and_seconds(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("Work on the tunnel lasted 14 months and 3 weeks.", "14 months and 3 weeks"),
        ("The voyage took 2 years and 10 days.", "2 years and 10 days"),
        ("Between 2 and 3 in every 10 homes are damp.", "Between 2 and 3 in every 10 homes"),
    ],
)
def test_a_construction_the_reader_cannot_join_is_declined_whole(text, declined):
    assert declined in unsure(text), unsure(text)
    assert not readings(text), readings(text)


@settings(max_examples=60, deadline=None)
@given(
    big=st.sampled_from(["years", "months", "weeks", "days", "hours", "minutes"]),
    small=st.sampled_from(["months", "weeks", "days", "hours", "minutes", "seconds"]),
    a=st.integers(min_value=2, max_value=40),
    b=st.integers(min_value=2, max_value=11),
)
def test_two_durations_in_descending_units_are_one_reading_or_none(big, small, a, b):
    order = ["years", "months", "weeks", "days", "hours", "minutes", "seconds"]
    if order.index(big) >= order.index(small):
        return
    text = f"The work lasted {a} {big} and {b} {small} in all."
    sure = [v for v in parse_claim(text).readings if v.sure]
    assert len(sure) <= 1, sure
    if sure:
        assert sure[0].text == f"{a} {big} and {b} {small}"


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("For advice, ring the helpline on 0808 800 5000 at any hour.", "0808 800 5000"),
        ("Residents can call 1-800-555-0199 until Friday.", "1-800-555-0199"),
        ("Report it on 0300 123 4567 or online.", "0300 123 4567"),
    ],
)
def test_a_telephone_number_is_not_an_amount(text, declined):
    assert declined in unsure(text), unsure(text)
    assert not readings(text), readings(text)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("She grew up in flat 22B on the top floor.", "22"),
        ("Lorries queued back to junction 14 of the motorway.", "14"),
        ("The AIM 100 firm said profits fell.", "100"),
    ],
)
def test_a_number_after_a_word_that_names_things_by_number_is_a_name(text, declined):
    assert any(d.startswith(declined) for d in unsure(text)), unsure(text)
    assert not any(span.startswith(declined) for span, _, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Highs of 14C are expected on Friday.", [("14C", "quantity", "14")]),
        ("It raised USD 250 million from investors.", [("USD 250 million", "money", "250000000")]),
        ("The room holds 40 people.", [("40 people", "quantity", "40")]),
    ],
)
def test_amounts_next_to_such_words_are_still_read(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ratio was 3 to 2 in favour of the plan.", [("3 to 2", "ratio", "3:2")]),
        ("Its debt ratio stood at 4:1 last year.", [("4:1", "ratio", "4:1")]),
    ],
)
def test_a_ratio_named_as_one_with_both_terms_reads_both(text, expected):
    check(text, expected)
    assert not any(kind == "quantity" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("The drive takes 90 minutes to two hours in traffic.", "90 minutes to two hours"),
        ("Repairs take three days to two weeks.", "three days to two weeks"),
    ],
)
def test_two_durations_in_different_units_joined_by_to_are_declined(text, declined):
    assert declined in unsure(text), unsure(text)
    assert not readings(text), readings(text)


def test_a_change_between_durations_stays_two_readings():
    got = readings("Waits grew from 40 minutes to two hours.")
    assert {("40 minutes", "duration", "40"), ("two hours", "duration", "2")} <= got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The state runs 1,800-odd markets for grain.", [("1,800-odd markets", "quantity", "1800")]),
        ("Thirty-odd people came to the meeting.", [("Thirty-odd people", "quantity", "30")]),
        ("He has played in 60-odd countries.", [("60-odd countries", "quantity", "60")]),
    ],
)
def test_n_odd_is_about_n(text, expected):
    check(text, expected)
    sure = [v for v in parse_claim(text).readings if v.sure and "odd" in v.text]
    assert all(v.qualifier == "approx" for v in sure), sure


def test_odd_in_other_words_is_not_a_number():
    assert not readings("The city tried an odd-even scheme for cars.")


@pytest.mark.parametrize(
    ("text", "expected", "per", "currency"),
    [
        (
            "Traders in Lomé pay 3 150 CFA francs a kilo for shrimp.",
            ("3 150 CFA francs a kilo", "rate", "3150"),
            "kilo",
            "cfa francs",  # West or Central African: the text does not say which
        ),
        (
            "Millers offered 4 200 kwacha per bag at the depot.",
            ("4 200 kwacha per bag", "rate", "4200"),
            "bag",
            "kwacha",
        ),
        ("The stall sells 150 pies a night in December.", ("150 pies a night", "rate", "150"), "night", None),
        (
            "Growers were quoted 18 700 cedis a tonne last week.",
            ("18 700 cedis a tonne", "rate", "18700"),
            "tonne",
            "GHS",
        ),
        ("The lane turns to ice once a winter, residents say.", ("once a winter", "rate", "1"), "winter", None),
    ],
)
def test_a_bare_number_whose_words_end_in_a_or_per_a_period_or_measure_is_a_rate(text, expected, per, currency):
    check(text, [expected])
    (rate,) = [v for v in parse_claim(text).readings if v.text == expected[0]]
    assert rate.per == per and rate.currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "He sold 40 to a farmer at the market.",  # "to": not words counted per something
        "Prices rose by 5 a year ago.",  # "a year ago" places it in time
        "She kept 12 in a bag by the door.",  # "in": a place, not a rate
    ],
)
def test_a_bare_number_before_little_words_is_not_made_a_rate(text):
    assert not any(kind == "rate" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The party holds 11 councils, up from seven in 2018.", [("seven", "quantity", "7"), ("2018", "year", "2018")]),
        ("Two in 1987 and three in 2004 were rebuilt.", [("1987", "year", "1987"), ("2004", "year", "2004")]),
        ("The risk is 1 in 1500 for each birth.", [("1 in 1500", "ratio", "1:1500")]),  # not a year
        ("One in four voters stayed home.", [("One in four", "ratio", "1:4")]),
    ],
)
def test_a_count_in_a_year_is_not_a_ratio(text, expected):
    check(text, expected)
    assert not any(kind == "ratio" and value.endswith(("2018", "2004")) for _, kind, value in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sirens sounded at three in the morning.", [("three in the morning", "time", "03:00")]),
        ("The market stays open until nine in the evening.", [("nine in the evening", "time", "21:00")]),
        (
            "The first train leaves at quarter past five in the morning.",
            [("quarter past five in the morning", "time", "05:15")],
        ),
        ("Talks ran on until twenty to eleven at night.", [("twenty to eleven at night", "time", "22:40")]),
        ("The patrol came back at twelve at night.", [("twelve at night", "time", "00:00")]),
    ],
)
def test_a_clock_time_in_words_with_its_part_of_the_day_is_that_time(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The last ferry goes at twenty to eight, the council said.", "twenty to eight"),
        ("Doors open at half past six.", "half past six"),
        ("The vote closes at ten o'clock.", "ten o'clock"),
    ],
)
def test_a_clock_time_in_words_without_its_part_of_the_day_is_declined(text, span):
    claim = parse_claim(text)
    assert not [v for v in claim.readings if v.sure], claim.readings
    assert [d.text for d in claim.declined] == [span]


@pytest.mark.parametrize("text", ["They sold the van at five to a dealer.", "The lead went to two in the second half."])
def test_a_number_word_after_at_or_to_that_is_no_clock_stays_a_number(text):
    assert not any(kind == "time" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the court awarded 4 million pounds in costs and 12 million in damages to the families",
            [("4 million pounds", "money", "4000000"), ("12 million", "money", "12000000")],
        ),
        (
            "The county set aside $2.5 billion for roads and 1.2 billion for schools.",
            [("1.2 billion", "money", "1200000000")],
        ),
        (
            "The insurer paid €40 million. Lawyers said the 40 million would not cover the losses.",
            [("40 million", "money", "40000000")],
        ),
    ],
)
def test_an_amount_whose_currency_was_said_once_is_money(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The fund raised $5 million and 3 million people signed up.",  # people: a count
        "He paid $2 million. About 7 million watched the final.",  # no "and", another value
    ],
)
def test_a_count_near_money_stays_a_count(text):
    assert not any(kind == "money" and value in ("3000000", "7000000") for _, kind, value in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eleven plots, ranging from 1.2 acres to 6.5 acres, were sold.",
            ("from 1.2 acres to 6.5 acres", "range", "1.2..6.5"),
        ),
        ("Fines vary from 40 hours to 90 hours of unpaid work.", ("from 40 hours to 90 hours", "range", "40..90")),
        ("Lots range in size from 3 hectares to 8 hectares.", ("from 3 hectares to 8 hectares", "range", "3..8")),
    ],
)
def test_a_range_with_its_unit_said_twice_after_ranging(text, expected):
    check(text, {expected})


@pytest.mark.parametrize(
    "text",
    [
        "The exclusion zone was widened from 5 km to 8 km.",  # a change
        "His split from 35km to 40km was the fastest of the race.",  # no word says the values span it
        "Ages ranged from 18 km away to 40 minutes' drive.",  # not the same measure
    ],
)
def test_from_one_measure_to_another_without_ranging_is_no_range(text):
    assert not {r for r in readings(text) if r[1] == "range"}, readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deliveries between 4 km and 9 km cost more.", ("between 4 km and 9 km", "range", "4..9")),
        ("Each lorry carries between 3 tonnes and 5 tonnes.", ("between 3 tonnes and 5 tonnes", "range", "3..5")),
    ],
)
def test_between_two_amounts_of_one_measure_is_a_range(text, expected):
    check(text, {expected})


@pytest.mark.parametrize(
    "text",
    [
        "The wait is between 20 minutes and 2 hours.",  # two units: the reader cannot say one range
        "Sea temperatures between 60 degrees south and 60 degrees north rose.",  # two places
    ],
)
def test_between_two_different_amounts_is_no_range(text):
    assert not {r for r in readings(text) if r[1] == "range"}, readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Borrowers who fixed two or five years ago face a jolt.",
            {("two", "duration", "2"), ("five years", "duration", "5")},
        ),
        ("It may take two or three days.", {("two or three days", "range", "2..3")}),
        ("The walk takes 5 or 10 minutes.", {("5 or 10 minutes", "range", "5..10")}),
    ],
)
def test_small_numbers_joined_by_or_are_an_estimate_only_when_next_to_each_other_or_round(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Year 6 pupils sat the test on Tuesday.",
        "The region stays under Level 4 restrictions.",
        "She won the Grade 2 novices' chase by a length.",
        "The Tier 2 rules end on Friday.",
    ],
)
def test_a_number_after_a_capitalised_grade_or_level_word_names_it_and_counts_nothing(text):
    assert not readings(text), readings(text)


def test_a_lowercase_year_before_a_count_still_counts():
    assert ("2 people", "quantity", "2") in readings("In the year 2 people died of it.")


# A measure said once, for the first of two numbers, holds for the bare second one — and no further.
@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        # "from … to", "… or …" (_measure_said_first)
        ("The new timetable cuts the fastest journey from 52 minutes to 49, and adds trains.", "49", "duration", "49"),
        ("Voters agreed to extend the term from three years to four, with 51% in favour.", "four", "duration", "4"),
        ("Where you live decides whether you wait four months or eight for a new hip.", "eight", "duration", "8"),
        ("Whether we open it in 10 years or in 20, it is worth the wait.", "20", "duration", "20"),
        ("The bank rate will fall from 4.25% to about 3.75 by the summer.", "about 3.75", "percent", "3.75"),
        ("Tickets went from £5 to 7 in a year.", "7", "money", "7"),
        ("Sales rose 3% to 4 in May.", "4", "quantity", "4"),  # a change and a level: no "from"
        ("from 10 days to 5 people", "5 people", "quantity", "5"),
        # "up from", past a month or year that only places the first amount (_up_from)
        ("Inflation was 4.2% in October, up from 3.9 in September.", "3.9", "percent", "3.9"),
        ("Sales hit £9.6bn in 2024, up from 8.1bn in 2023.", "8.1bn", "money", "8100000000"),
        ("unemployment rose to 5.1 percent in march up from 4.8 in february", "4.8", "percent", "4.8"),
        ("a single 25-basis-point cut in 2027, down from two penciled in", "two", "quantity", "2"),  # cuts compared
        # "against", "compared with" a percentage (_percent_said_once)
        ("his pot success is 94 percent against 89 for hargreaves", "89", "percent", "89"),
        ("Turnout was 61% compared with 58 in 2019.", "58", "percent", "58"),
        ("It rose 3% against 2 people last year.", "2 people", "quantity", "2"),
    ],
)
def test_a_measure_said_once_holds_for_a_bare_second_number_and_no_further(text, span, kind, value):
    assert (span, kind, value) in readings(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "in court today a driver from leeds was fined 800 pounds with a victim surcharge of 320 and costs of 85 a "
            "takeaway owner was also fined",
            "320",
        ),
        (
            "and after a long final at the crucible the winner takes home 250000 pounds and the runner up 100000 and "
            "theres an extra prize for the highest break",
            "100000",
        ),
    ],
)
def test_in_stripped_text_a_bare_amount_near_money_is_not_read_as_a_plain_count(text, span):
    assert span in unsure(text)
    assert not any(s == span for s, _, _ in readings(text))


def test_in_stripped_text_money_far_back_does_not_make_a_later_count_unsure():
    text = (
        "the council spent 2 million pounds on the scheme last year and officials say the work on the new roads "
        "and the bridges is going well with 300 and more volunteers"
    )
    assert "300" not in unsure(text)
