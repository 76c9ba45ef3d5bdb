"""General rules of the number reader for text nobody tuned it to (issue 9, after final5/): the corpus's
conventions read as the README settles them, and readings declined where the words bound to them are not
accounted for. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim, plain_number

from .test_number_reading_rules import check, readings, unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The river burst its banks twice in eight years.",
            [("twice", "quantity", "2"), ("eight years", "duration", "8")],
        ),
        ("She scored three times in 11 minutes.", [("11 minutes", "duration", "11")]),
        ("The clinic saw 240 patients in a week.", [("240 patients", "quantity", "240"), ("a week", "duration", "1")]),
        (
            "Volunteers planted some 5,000 saplings in a month.",
            [("some 5,000 saplings", "quantity", "5000"), ("a month", "duration", "1")],
        ),
        (
            "The fund lost 12 percent in three years.",
            [("12 percent", "percent", "12"), ("three years", "duration", "3")],
        ),
        ("Firefighters rescued 31 people in an hour.", [("31 people", "quantity", "31"), ("an hour", "duration", "1")]),
    ],
)
def test_a_count_over_a_span_is_two_mentions(text, expected):
    check(text, expected)
    assert not any(kind == "rate" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry makes 14 crossings a day.", [("14 crossings a day", "rate", "14")]),
        ("The mill produced 300 tonnes of flour per week.", [("300 tonnes of flour per week", "rate", "300")]),
        ("Inspections happen twice a month.", [("twice a month", "rate", "2")]),
        ("A bus leaves every 12 minutes.", [("every 12 minutes", "rate", "1")]),
        ("Members pay 40 dollars monthly.", [("40 dollars monthly", "rate", "40")]),
    ],
)
def test_an_amount_per_unit_stays_one_rate(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "span", "value", "currency"),
    [
        ("Fishermen paid 3,000 Kenyan shillings for the permit.", "3,000 Kenyan shillings", "3000", "KES"),
        ("A sack of maize now costs 12,400 Malawian kwacha.", "12,400 Malawian kwacha", "12400", "MWK"),
        ("The fine was raised to 900 Moroccan dirhams.", "900 Moroccan dirhams", "900", "MAD"),
        ("Traders ask 45 000 naira for a bag of rice.", "45 000 naira", "45000", "NGN"),
        ("Entry to the museum is 20 lari.", "20 lari", None, None),  # "lari" alone is also a word: not read as money
        ("Pensions rose to 1.2 million tenge.", "1.2 million tenge", "1200000", "KZT"),
        ("the ticket cost 7 500 ugandan shillings", "7 500 ugandan shillings", "7500", "UGX"),
        ("He owes 80,000 Brazilian reais in back taxes.", "80,000 Brazilian reais", "80000", "BRL"),
        ("Farmers get 1,500 kwacha a bag.", "1,500 kwacha a bag", "1500", "kwacha"),  # Zambia or Malawi
    ],
)
def test_currency_names_of_the_world_make_money(text, span, value, currency):
    got = {v.text: v for v in parse_claim(text).readings if v.sure}
    if value is None:
        assert not any(v.category == "money" for v in got.values()), got
        return
    assert span in got, got
    assert got[span].category in ("money", "rate") and plain_number(got[span].low) == value
    assert got[span].currency == currency


@pytest.mark.parametrize(
    "text",
    [
        "She scored 100 marks out of 120.",
        "It is a real problem for the 30 real estate agents in town.",
        "They won 3 games and lost 2.",
    ],
)
def test_currency_names_that_are_everyday_words_need_their_country(text):
    assert not any(v.category == "money" for v in parse_claim(text).readings), parse_claim(text).readings


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The shop shuts at eight, so we hurried.", "eight"),
        ("Her shift starts at five.", "five"),
        ("Make sure the forms are in by seven.", "seven"),
        ("Nobody may leave until ten, the guard said.", "ten"),
        ("the bulletin at eleven we will have more", "eleven"),
    ],
)
def test_a_bare_hour_word_after_at_or_by_is_declined_not_counted(text, span):
    assert not any(s == span for s, _, _ in readings(text)), readings(text)
    assert span in unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She rang at seven this morning.", [("seven this morning", "time", "07:00")]),
        ("The vote closes at ten tonight.", [("ten tonight", "time", "22:00")]),
        ("We landed at four yesterday afternoon.", [("four yesterday afternoon", "time", "16:00")]),
    ],
)
def test_a_bare_hour_word_with_its_part_of_the_day_is_that_time(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The home side won by seven.", [("seven", "quantity", "7")]),
        ("Inspectors called at three schools.", [("three schools", "quantity", "3")]),
        ("Prices were cut by two, then by three.", [("two", "quantity", "2")]),
        ("They arrived at two farms before noon.", [("two farms", "quantity", "2")]),
    ],
)
def test_a_number_word_after_at_or_by_that_counts_or_measures_stays_a_number(text, expected):
    check(text, expected)
