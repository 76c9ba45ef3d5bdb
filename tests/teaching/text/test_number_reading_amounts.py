"""Amounts the held-out split final6 found the reader lacking (issue 9): currency codes before an amount, British
number words with "and", Indian units in compounds, fractions of a point, money whose currency an earlier
amount names. Each rule has both sides. Sentences written for these tests."""

from __future__ import annotations

import pytest

from teaching.text.numberclaims import parse_claim

from .test_number_reading_rules import check, readings


def currencies(text: str) -> set[tuple[str, str | None]]:
    return {(v.text, v.currency) for v in parse_claim(text).readings if v.sure}


@pytest.mark.parametrize(
    ("text", "span", "currency", "value"),
    [
        ("The carrier made a profit of NOK 1.84bn in the quarter.", "NOK 1.84bn", "NOK", "1840000000"),
        ("The fund lost SEK 400m on the deal.", "SEK 400m", "SEK", "400000000"),
        ("Tickets cost CHF 12 at the door.", "CHF 12", "CHF", "12"),
        ("The grant was ZAR 3.5 million.", "ZAR 3.5 million", "ZAR", "3500000"),
        ("A stall rents for KES 2,000 a month.", "KES 2,000 a month", "KES", "2000"),
        ("The league paid DKK 75m for the rights.", "DKK 75m", "DKK", "75000000"),
        ("Wages rose to PLN 7,800.", "PLN 7,800", "PLN", "7800"),
        ("A room costs 900 CZK a night.", "900 CZK a night", "CZK", "900"),
    ],
)
def test_an_iso_code_before_or_after_an_amount_is_its_currency(text, span, currency, value):
    assert (span, currency) in currencies(text), parse_claim(text).readings
    assert any(s == span and v == value for s, _, v in readings(text)), readings(text)


def test_a_range_between_two_amounts_in_a_code():
    text = "It expects a profit between NOK 2.2bn and NOK 2.5bn this year."
    check(text, [("between NOK 2.2bn and NOK 2.5bn", "range", "2200000000..2500000000")])
    assert ("between NOK 2.2bn and NOK 2.5bn", "NOK") in currencies(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Delegates flew home after COP 28 closed.", "COP"),
        ("ALL 300 SEATS WERE TAKEN.", "ALL"),
        ("Shares in AMD 7 rose.", "AMD"),
    ],
)
def test_a_code_that_is_also_a_word_or_a_name_makes_no_money(text, word):
    assert not any(c for _, c in currencies(text)), parse_claim(text).readings
