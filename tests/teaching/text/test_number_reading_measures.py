"""Volumes, areas and flows, and changes told in the present tense (issue 9). Sentences written for these
tests; each rule with both sides."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flows fell to 612 cubic metres per second on Monday.", ("612 cubic metres per second", "rate", "612")),
        ("The river ran at 84 m³/s on Tuesday.", ("84 m³/s", "rate", "84")),
        ("Flows peaked at about 900 cumecs.", ("about 900 cumecs", "rate", "900")),
        ("The tank holds 40 m³ of water.", ("40 m³", "quantity", "40")),
        ("The fire burned 40 square miles of forest.", ("40 square miles", "quantity", "40")),
        ("They rent a 1,200 sq ft flat.", ("1,200 sq ft", "quantity", "1200")),
    ],
)
def test_volumes_areas_and_flows_are_one_unit(text, expected):
    assert expected in readings(text)


def test_square_without_a_unit_is_no_unit():
    assert ("3 trees", "quantity", "3") in readings("The square has 3 trees.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Jan. 1 the minimum wage climbs $1 to $15 an hour.", {("$1", "money", "1"), ("$15 an hour", "rate", "15")}),
        ("The fare jumps 20p to £2.80 in May.", {("20p", "money", "0.2"), ("£2.80", "money", "2.8")}),
    ],
)
def test_a_change_told_in_the_present_tense_is_a_change_and_a_level(text, expected):
    assert expected <= readings(text)


def test_a_range_after_a_word_of_no_change_stays_a_range():
    assert ("$10 to $15 an hour", "range", "10..15") in readings("Jobs pay $10 to $15 an hour.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He won by a length and a half from Blue Star.", ("a length and a half", "quantity", "1.5")),
        ("She lost a stone and a half before the trial.", ("a stone and a half", "quantity", "1.5")),
        ("They walked a mile and a quarter to school.", ("a mile and a quarter", "quantity", "1.25")),
        ("It wins by a length and three quarters.", ("a length and three quarters", "quantity", "1.75")),
        ("The leader loses maybe half a length at the last.", ("maybe half a length", "quantity", "0.5")),
        ("Three quarters of a length back came the favourite.", ("Three quarters of a length", "quantity", "0.75")),
        ("The depot is a quarter of a mile away.", ("a quarter of a mile", "quantity", "0.25")),
        ("It took a year and a half to build.", ("a year and a half", "duration", "1.5")),
    ],
)
def test_a_measure_and_a_part_of_one_is_an_amount_in_that_measure(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A third of a mile of road is shut.", ("A third", "fraction", "1/3")),  # no exact decimal
        ("He owns half of a Mile End flat.", ("half", "fraction", "1/2")),  # a name, no measure
        ("A quarter of a century later it closed.", ("A quarter of a century", "duration", "25")),
    ],
)
def test_parts_of_what_is_no_measure_stay_as_they_were(text, expected):
    assert expected in readings(text)


def test_a_swing_of_points_is_percentage_points_even_beside_won():
    text = "That is a swing of 21.6 points from Conservative to Liberal Democrat, the largest since it won Tiverton."
    assert ("21.6 points", "percentage_points", "21.6") in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Each plant needs about a bucket of water a day in this heat.",
            ("about a bucket of water a day", "rate", "1"),
        ),
        ("He smoked a pack a day for years.", ("a pack a day", "rate", "1")),
        ("She drinks a glass of milk a week.", ("a glass of milk a week", "rate", "1")),
    ],
)
def test_one_thing_per_period_is_a_rate_not_a_span_of_one_period(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    "text",
    [
        "They pay a fiver a week for the tickets.",  # money, read with its amount
        "The team loses a lot a year to injuries.",  # no one thing
        "He saw a doctor a week later.",  # a span after the fact
    ],
)
def test_no_rate_of_one_thing_where_the_thing_is_no_thing(text):
    assert not {r for r in readings(text) if r[1] == "rate" and r[2] == "1"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They bought a two-bed flat in Leeds.", ("two-bed", "quantity", "2")),
        ("They rent a three-bed semi near the park.", ("three-bed", "quantity", "3")),
        ("The nine-member board met on Monday.", ("nine-member", "quantity", "9")),
        ("It is a two-tier system now.", ("two-tier", "quantity", "2")),
    ],
)
def test_a_number_glued_to_a_short_noun_counts_it(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize("text", ["It was a real six-pointer.", "He told a one-liner.", "A one-sided game."])
def test_figures_of_speech_glued_to_a_number_count_nothing(text):
    assert not readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the last half hour the run rate dropped.", ("half hour", "duration", "0.5")),
        ("Staff get a half day off in May.", ("a half day", "duration", "0.5")),
        ("It is a half hour drive away.", ("a half hour", "duration", "0.5")),
    ],
)
def test_half_before_a_unit_of_time_is_half_that_span(text, expected):
    assert expected in readings(text)


def test_half_before_another_word_stays_a_fraction():
    assert ("Nearly half", "fraction", "1/2") in readings("Nearly half of them voted against it.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There was one missed shipment in May.", ("one missed shipment", "quantity", "1")),
        ("Only one remaining seat is left.", ("one remaining seat", "quantity", "1")),
    ],
)
def test_one_before_a_participle_and_a_noun_counts_the_noun(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize("text", ["One living in Leeds said so.", "She is the one running the show."])
def test_one_before_a_participle_and_no_noun_is_no_count(text):
    assert not {r for r in readings(text) if r[2] == "1"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters approved a half-cent sales tax.", ("a half-cent", "money", "0.005")),
        ("The board proposed a quarter-cent levy.", ("a quarter-cent", "money", "0.0025")),
        ("Shares took a one-cent hit.", ("one-cent", "money", "0.01")),
        ("He kept a 5-cent coin.", ("5-cent", "money", "0.05")),
        ("She found a two-penny piece.", ("two-penny", "money", "0.02")),
    ],
)
def test_a_number_or_a_part_glued_to_a_coin_is_money(text, expected):
    assert expected in readings(text)


def test_a_cent_is_a_euro_cent_where_the_report_prices_in_euros():
    claim = parse_claim("A 20-cent rise in Paris, where a coffee already costs €2.")
    assert [v.currency for v in claim.readings if v.text == "20-cent"] == ["EUR"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Final leaderboard: Reyes 266 (-14), Birch 268 (-12).", ("-14", "quantity", "-14")),
        ("Losses were worst in the Caucasus (−34%).", ("−34%", "percent", "-34")),
    ],
)
def test_a_minus_sign_after_an_opening_bracket_is_a_sign(text, expected):
    assert expected in readings(text)


def test_a_range_in_brackets_keeps_its_dash():
    assert ("18-24", "range", "18..24") in readings("Voters aged (18-24) stayed home.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bottled water held 36 particles a litre on average.", ("36 particles a litre", "rate", "36")),
        ("Mills docked up to 2 kg a quintal for moisture.", ("up to 2 kg a quintal", "rate", "2")),
        ("Every $5-a-barrel move costs the airline dearly.", ("$5-a-barrel", "rate", "5")),
        ("gold closed at 2480 an ounce", ("2480 an ounce", "rate", "2480")),
    ],
)
def test_an_amount_a_unit_of_measure_is_a_rate(text, expected):
    assert expected in readings(text)


def test_a_unit_of_measure_after_a_that_is_no_rate():
    assert not any(kind == "rate" for _, kind, _ in readings("They bought 3 sacks and a tonne of coal."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The trawler was making 11.5 knots when it struck.", ("11.5 knots", "rate", "11.5")),
        ("The camera maps the whole sky once every four nights.", ("once every four nights", "rate", "1")),
    ],
)
def test_knots_and_once_every_n_nights_are_rates(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The display uses about 1,600 kilowatt hours of power.", ("about 1,600 kilowatt hours", "quantity", "1600")),
        ("A 3,000 megawatt-hour battery opened.", ("3,000 megawatt-hour", "quantity", "3000")),
    ],
)
def test_kilowatt_hours_are_energy_not_time(text, expected):
    got = readings(text)
    assert expected in got, got
    assert not any(kind == "duration" for _, kind, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The arm had 6.2 infections per 1,000 person-years.",
            ("6.2 infections per 1,000 person-years", "rate", "6.2"),
        ),
        ("The chain sold 11m sausage rolls.", ("11m sausage rolls", "quantity", "11000000")),
        (
            "Dentists added more than 1.4m extra appointments.",
            ("more than 1.4m extra appointments", "quantity", "1400000"),
        ),
    ],
)
def test_a_compound_after_per_so_many_or_after_m_reads_whole(text, expected):
    assert expected in readings(text)


def test_metres_before_an_event_stay_metres():
    assert ("400m", "quantity", "400") in readings("She won the 400m freestyle relays at the swimming gala.")


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Plants pay £70 per megawatt hour for power.", "MWh"),
        ("Schools get 9 applications per advertised post.", "post"),
        ("That is four extra cases per thousand children.", "1000 children"),
        ("Earnings were $1.90 a diluted share.", "share"),
        ("The cost is $800 per clinically affected cow.", "cow"),
    ],
)
def test_what_a_rate_is_per_is_the_noun_not_the_word_describing_it(text, per):
    claim = parse_claim(text)
    assert [v.per for v in claim.values if v.sure and v.per] == [per]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the chase over two miles and a half drew 11 runners", ("over two miles and a half", "quantity", "2.5")),
        ("The baby weighed three kilos and three quarters.", ("three kilos and three quarters", "quantity", "3.75")),
    ],
)
def test_a_measure_and_a_part_of_it_is_one_measure(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the crowd has stood for the last hour and a half", ("hour and a half", "duration", "1.5")),
        ("They scored twice in the final minute and a half.", ("minute and a half", "duration", "1.5")),
    ],
)
def test_the_last_hour_and_a_half_is_one_and_a_half_hours(text, expected):
    assert expected in readings(text)
