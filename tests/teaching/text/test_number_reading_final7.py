"""Rules the held-out split final7 found the reader lacking (issue 9), each with both sides: Scandinavian
currency prefixes glued to the amount, readings that never cross a line break, "twice" as a count of
occasions. Sentences written for these tests."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import check


def currencies(text: str) -> set[tuple[str, str | None]]:
    return {(v.text, v.currency) for v in parse_claim(text).readings if v.sure}


@pytest.mark.parametrize(
    ("text", "span", "currency", "kind", "value"),
    [
        ("The brewer now expects DKr2.6bn in profit.", "DKr2.6bn", "DKK", "money", "2600000000"),
        ("The insurer set aside SKr400m for claims.", "SKr400m", "SEK", "money", "400000000"),
        ("A bus ticket costs NKr12 in the city.", "NKr12", "NOK", "money", "12"),
        ("Parking is Dkr 380 a month.", "Dkr 380 a month", "DKK", "rate", "380"),
        ("Shares closed at DKr412.50 on Friday.", "DKr412.50", "DKK", "money", "412.5"),
        ("It guided for DKr500mn-600mn in savings.", "DKr500mn-600mn", "DKK", "range", "500000000..600000000"),
        (
            "Profit will land between DKr2.1bn and DKr2.4bn, it said.",
            "between DKr2.1bn and DKr2.4bn",
            "DKK",
            "range",
            "2100000000..2400000000",
        ),
    ],
)
def test_a_krone_or_krona_prefix_glued_to_an_amount_is_its_currency(text, span, currency, kind, value):
    assert (span, currency) in currencies(text), parse_claim(text).readings
    check(text, [(span, kind, value)])


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Losses reached 250mn last year.", "250mn", "250000000"),
        ("The fund raised 1.5mn from donors.", "1.5mn", "1500000"),
    ],
)
def test_mn_after_an_amount_is_a_million(text, span, value):
    check(text, [(span, "quantity", value)])


@pytest.mark.parametrize(
    "text",
    [
        "Tickets for the 12 concerts sold out.",
        "The krone fell 2% against the euro.",
        "Drivers on the R5 waited 40 minutes.",
    ],
)
def test_no_krone_prefix_no_krone(text):
    assert not any(c in {"DKK", "SEK", "NOK"} for _, c in currencies(text)), parse_claim(text).readings


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Prices held for at least a week\n\ntraders said the market was calm.", "at least a week", "duration", "1"),
        ("The strike lasted a week\nworkers said.", "a week", "duration", "1"),
        ("The strike lasted a week traders said.", "a week", "duration", "1"),
        ("It cost 40\n\npounds were raised later.", "40", "quantity", "40"),
        ("They paid £5 million.\n\n30 million viewers watched.", "30 million viewers", "quantity", "30000000"),
        ("The count reached 12\n\nyears of work went into it.", "12", "quantity", "12"),
    ],
)
def test_a_reading_never_binds_words_across_a_line_break(text, span, kind, value):
    check(text, [(span, kind, value)])
    assert not any("\n" in v.text for v in parse_claim(text).readings), parse_claim(text).readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency hired about 40 day workers.", ("about 40 day workers", "quantity", "40")),
        ("The ward has 300 night nurses.", ("300 night nurses", "quantity", "300")),
        ("It costs £20 a week for members.", ("£20 a week", "rate", "20")),
    ],
)
def test_on_one_line_the_same_bindings_still_hold(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("The tie had been postponed twice because of rain.", "twice", "quantity", "2"),
        ("The launch was delayed twice.", "twice", "quantity", "2"),
        ("He came on twice as a substitute.", "twice", "quantity", "2"),
        ("Okafor struck twice as Harrogate sank Tranmere.", "twice", "quantity", "2"),
        ("She scored twice as the hosts won.", "twice", "quantity", "2"),
        ("He won three times as a player.", "three times", "quantity", "3"),
        ("They had twice as many fans.", "twice", "ratio", "2:1"),
        ("The new hall is twice the size of the old one.", "twice", "ratio", "2:1"),
        ("Teenagers were twice as likely to report anxiety.", "twice", "ratio", "2:1"),
        ("Prices rose three times as fast as wages.", "three times", "ratio", "3:1"),
        ("Rents have doubled since 2019.", "doubled", "ratio", "2:1"),
    ],
)
def test_twice_counts_occasions_unless_it_multiplies(text, span, kind, value):
    check(text, [(span, kind, value)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He has eight in 14 games this season.", [("eight", "quantity", "8"), ("14 games", "quantity", "14")]),
        ("She scored five in six matches.", [("five", "quantity", "5"), ("six matches", "quantity", "6")]),
        ("The striker has 12 in 20 appearances.", [("12", "quantity", "12"), ("20 appearances", "quantity", "20")]),
        ("One in four voters backed the plan.", [("One in four", "ratio", "1:4")]),
        ("Three in 10 adults had never voted.", [("Three in 10", "ratio", "3:10")]),
        ("Two in three homes lost power.", [("Two in three", "ratio", "2:3")]),
    ],
)
def test_n_in_m_is_a_count_over_a_span_when_a_span_noun_follows_else_a_ratio(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bins will be emptied four-weekly from April.", ("four-weekly", "rate", "1")),
        ("The board holds a six-monthly review.", ("six-monthly", "rate", "1")),
        ("Railcard holders travel half-price.", ("half-price", "fraction", "1/2")),
        ("Children under five travel half-fare.", ("half-fare", "fraction", "1/2")),
    ],
)
def test_n_weekly_is_once_every_n_weeks_and_half_price_is_a_half(text, expected):
    check(text, [expected])


@pytest.mark.parametrize(
    ("text", "per"),
    [("Bins will be emptied four-weekly.", "4 weeks"), ("The board holds a six-monthly review.", "6 months")],
)
def test_n_weekly_says_per_what(text, per):
    assert any(v.per == per for v in parse_claim(text).readings if v.sure), parse_claim(text).readings


@pytest.mark.parametrize(
    "text",
    ["She does a weekly shop.", "It is half-time at the ground.", "A half-hearted effort.", "It is a 4-week course."],
)
def test_no_number_before_weekly_and_no_price_after_half_no_such_reading(text):
    assert not any(v.text.endswith(("weekly", "price", "fare")) for v in parse_claim(text).readings)
    assert not any(v.category == "fraction" for v in parse_claim(text).readings if v.sure), parse_claim(text).readings
