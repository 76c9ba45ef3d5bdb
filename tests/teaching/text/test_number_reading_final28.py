"""Rules the held-out splits final28 and final29 found the reader lacking (issue 9), each with both sides: oil
output in barrels per day, a concentration in parts per million. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .test_number_reading_rules import readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group will cut output by 400,000 bpd from May.", ("400,000 bpd", "rate", "400000")),
        ("Saudi Arabia pumps about 9.1 million bpd.", ("about 9.1 million bpd", "rate", "9100000")),
        ("Exports rose to 250,000 b/d in June.", ("250,000 b/d", "rate", "250000")),
        ("Capacity is 1.2 mbpd.", ("1.2 mbpd", "rate", "1200000")),
    ],
)
def test_oil_output_in_barrels_per_day_is_a_rate(text, expected):
    assert expected in readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Carbon dioxide reached 427.1 parts per million in May.", ("427.1 parts per million", "quantity", "427.1")),
        ("Lead was found at 15 parts per billion.", ("15 parts per billion", "quantity", "15")),
        ("The clinic sees 38 admissions per 100,000 people.", ("38 admissions per 100,000 people", "rate", "38")),
    ],
)
def test_parts_per_million_is_a_concentration_not_a_rate(text, expected):
    assert expected in readings(text)
