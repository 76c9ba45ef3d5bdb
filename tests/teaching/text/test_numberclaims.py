"""The number-claim parser and the compatibility check (pure Python, no database)."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest

from teaching.text.numberclaims import (
    CLOSE,
    COMPATIBLE,
    DISAGREE,
    NOT_COMPARABLE,
    Value,
    compatible,
    format_number,
    parse_claim,
)

LAUNCH = Path(__file__).resolve().parents[3] / "fixtures" / "pokrovsk"
NOTES = LAUNCH / "notes.md"
ARTICLES = LAUNCH / "sources"


def notes_table(heading: str) -> list[tuple[str, str]]:
    """(file prefix, quote) for every row of one reference-key table in the teacher's notes."""
    text = NOTES.read_text(encoding="utf-8")
    section = text.split(f"### {heading}", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    return re.findall(r"^\| (\d{3}) \| `([^`]+)`", section, flags=re.MULTILINE)


def article_text(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def shape(value: Value) -> tuple:
    """The parts of a value the tables pin down."""
    return (
        value.low,
        value.high,
        value.qualifier,
        value.unit,
        value.noun,
        value.per,
        value.kind,
    )


def v(low, high=None, q="exact", unit=None, noun=None, per=None, kind="count") -> tuple:
    low = Decimal(str(low))
    return (low, Decimal(str(high)) if high is not None else low, q, unit, noun, per, kind)


# Every quote of the notes' NUMBERS table, verbatim, with what the parser must find in it.
NOTES_NUMBERS = [
    ("000", "could rage on for 4 years & kill millions", [v(4, unit="years")], ["millions"]),
    (
        "000",
        "British defense intelligence estimates that Russia would need another four years and two million casualties",
        [v(4, unit="years"), v(2_000_000, noun="casualties")],
        [],
    ),
    (
        "000",
        "For over a year, Ukrainian soldiers have held their ground in Pokrovsk",
        [v(1, q="at_least", unit="years")],
        [],
    ),
    (
        "001",
        "Approximately 25 Russian assault teams – five to ten men",
        [v(25, q="approx", noun="teams"), v(5, 10, noun="men")],
        [],
    ),
    ("001", "70,000 during Putin’s vaunted “summer offensive.”", [v(70_000)], []),
    ("001", "1,200-1,500 souls a day", [v(1200, 1500, noun="souls", per="day")], []),
    (
        "001",
        "The Kremlin’s own documents peg Russia’s burn rate at 1,100-1,600 casualties daily",
        [v(1100, 1600, noun="casualties", per="day")],
        [],
    ),
    (
        "001",
        "8-12 tanks, APCs, IFVs, and 15–20 trucks burn every day. That’s 250–350 vehicles a month.",
        # "burn every day" is not next to "15–20 trucks": the rate is not attached (no guessing).
        [v(8, 12, noun="tanks"), v(15, 20, noun="trucks"), v(250, 350, noun="vehicles", per="month")],
        [],
    ),
    ("001", "causality rates remaining firm at 5:1", [v(5, kind="ratio")], []),
    ("001", "pre-invasion population of 60,000", [v(60_000)], []),
    ("001", "1,418 days", [v(1418, unit="days")], []),
    (
        "002",
        "approximately 300 troops now operating inside the city",
        [v(300, q="approx", noun="troops")],
        [],
    ),
    (
        "002",
        "verified reports indicate Russian occupation of roughly 60% of the city",
        [v(60, q="approx", unit="%")],
        [],
    ),
    (
        "002",
        "With 11,000 Russian forces in the immediate area and 150,000-170,000 deployed",
        [v(11_000, noun="forces"), v(150_000, 170_000)],
        [],
    ),
    (
        "002",
        "at least 162 Russian soldiers in the Pokrovsk area since early November",
        [v(162, q="at_least", noun="soldiers")],
        [],
    ),
    (
        "003",
        "once home to more than 60,000 people, now counts roughly 1,200 souls",
        [v(60_000, q="at_least", noun="people"), v(1200, q="approx", noun="souls")],
        [],
    ),
    (
        "003",
        "approximately 200 Russian soldiers have managed to slip into the centre of town",
        [v(200, q="approx", noun="soldiers")],
        [],
    ),
    ("003", "some 6–8 kilometres from a full link-up", [v(6, 8, q="approx", unit="km")], []),
    (
        "003",
        "outnumbered roughly eight to one, at least that’s what the command told us",
        [v(8, q="approx", kind="ratio")],
        [],
    ),
    (
        "003",
        "Estimated Russian forces concentrated around Pokrovsk: about 11,000",
        [v(11_000, q="approx")],
        [],
    ),
    (
        "003",
        "roughly 45,000 men in that cohort entered Poland between January and August, but since the late-August "
        "easing, that number swelled by almost 100,000",
        [v(45_000, q="approx", noun="men"), v(100_000, q="at_most")],
        [],
    ),
]


def test_numberclaims_table_covers_every_quote_of_the_notes_numbers_table():
    from_notes = notes_table("Numbers (claims to compare)")
    assert len(from_notes) == 21
    assert sorted(from_notes) == sorted((f, q) for f, q, _, _ in NOTES_NUMBERS)


@pytest.mark.parametrize(
    ("prefix", "quote", "values", "vague"), NOTES_NUMBERS, ids=[q[:40] for _, q, _, _ in NOTES_NUMBERS]
)
def test_parse_claim_reads_every_numbers_quote_of_the_notes(prefix, quote, values, vague):
    assert quote in article_text(prefix)
    claim = parse_claim(quote)
    assert [shape(value) for value in claim.values] == values
    assert [item.text for item in claim.vague] == vague
    for value in claim.values:
        assert quote[value.start : value.end] == value.text


@pytest.mark.parametrize(
    ("text", "expected_spans", "expected_values"),
    [
        ("1,200-1,500", ["1,200-1,500"], [v(1200, 1500)]),
        ("150,000-170,000", ["150,000-170,000"], [v(150_000, 170_000)]),
        ("15–20", ["15–20"], [v(15, 20)]),
        ("15 – 20", ["15 – 20"], [v(15, 20)]),
        ("5:1", ["5:1"], [v(5, kind="ratio")]),
        ("3:2", ["3:2"], [v(1.5, kind="ratio")]),
        ("eight to one", ["eight to one"], [v(8, kind="ratio")]),
        ("two million", ["two million"], [v(2_000_000)]),
        ("60%", ["60%"], [v(60, unit="%")]),
        ("1.3 million", ["1.3 million"], [v(1_300_000)]),
        ("1.3–1.5 million", ["1.3–1.5 million"], [v(1_300_000, 1_500_000)]),
        ("two to three million", ["two to three million"], [v(2_000_000, 3_000_000)]),
        ("more than 650", ["more than 650"], [v(650, q="at_least")]),
        ("almost 100,000", ["almost 100,000"], [v(100_000, q="at_most")]),
        ("6–8 kilometres", ["6–8 kilometres"], [v(6, 8, unit="km")]),
        (
            "25 … five to ten men",
            ["25", "five to ten men"],
            [v(25), v(5, 10, noun="men")],
        ),
        ("4 years", ["4 years"], [v(4, unit="years")]),
        ("1,418 days", ["1,418 days"], [v(1418, unit="days")]),
        ("70,000", ["70,000"], [v(70_000)]),
        ("at least 162", ["at least 162"], [v(162, q="at_least")]),
        ("roughly 1,200", ["roughly 1,200"], [v(1200, q="approx")]),
        ("about 11,000", ["about 11,000"], [v(11_000, q="approx")]),
        ("approximately 300 troops", ["approximately 300 troops"], [v(300, q="approx", noun="troops")]),
        (
            "approximately 200 Russian soldiers",
            ["approximately 200 Russian soldiers"],
            [v(200, q="approx", noun="soldiers")],
        ),
        ("30 percent", ["30 percent"], [v(30, unit="%")]),
        ("19 per cent", ["19 per cent"], [v(19, unit="%")]),
        ("less than 19 percent", ["less than 19 percent"], [v(19, q="at_most", unit="%")]),
        ("In less than 40 minutes", ["less than 40 minutes"], [v(40, q="at_most", unit="minutes")]),
        ("up to 100 per day", ["up to 100 per day"], [v(100, q="at_most", per="day")]),
        ("2,000 per day", ["2,000 per day"], [v(2000, per="day")]),
        ("more than 1,400 per week", ["more than 1,400 per week"], [v(1400, q="at_least", per="week")]),
        ("seven days a week", ["seven days a week"], [v(7, unit="days", per="week")]),
        ("A 72-hour walkover", ["72-hour"], [v(72, unit="hours")]),
        ("a 20-km belt", ["20-km"], [v(20, unit="km")]),
        ("the 105mm artillery", ["105mm"], [v(105, unit="mm")]),
        ("men aged 18–22", ["18–22"], [v(18, 22)]),
        ("between 5 and 10 days", ["between 5 and 10 days"], [v(5, 10, unit="days")]),
        ("no more than 5", ["no more than 5"], [v(5, q="at_most")]),
        ("Some 350,000 so far", ["Some 350,000"], [v(350_000, q="approx")]),
        ("twenty-five men", ["twenty-five men"], [v(25, noun="men")]),
        ("forty two tanks", ["forty two tanks"], [v(42, noun="tanks")]),
        ("four bloody years", ["four bloody years"], [v(4, unit="years")]),
        (
            "more than 650 drones and roughly 50 missiles",
            ["more than 650 drones", "roughly 50 missiles"],
            [v(650, q="at_least", noun="drones"), v(50, q="approx", noun="missiles")],
        ),
        ("~40", ["~40"], [v(40, q="approx")]),
        # years are dates now (tests/teaching/text/test_dates.py): only the count is a number here
        ("in 2023 – 40 people", ["40 people"], [v(40, noun="people")]),
    ],
)
def test_parse_claim_small_cases(text, expected_spans, expected_values):
    claim = parse_claim(text)
    assert [value.text for value in claim.values] == expected_spans
    assert [shape(value) for value in claim.values] == expected_values
    assert claim.parsed
    assert claim.primary == claim.readings[0]


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("a few", ["a few"]),
        ("dozens", ["dozens"]),
        ("tens of thousands", ["tens of thousands"]),
        ("hundreds of thousands of shells", ["hundreds of thousands"]),
        ("thousands, even tens of thousands of unrecovered corpses", ["thousands", "tens of thousands"]),
        ("hundreds of rounds fired daily", ["hundreds"]),
        ("several infiltrator groups", ["several"]),
        ("a handful of soldiers", ["a handful"]),
        ("FAB-3000 glide bombs", []),
        ("the E50 highway", []),
        ("their two-pronged advance", []),
        ("almost entirely surrounded", []),
        ("at least that’s what the command told us", []),
        ("a distance a hiker could cover", []),
        ("", []),
    ],
)
def test_parse_claim_never_guesses(text, vague):
    claim = parse_claim(text)
    assert claim.values == ()
    assert not claim.parsed
    assert claim.primary is None
    assert [item.text for item in claim.vague] == vague
    for item in claim.vague:
        assert text[item.start : item.end] == item.text


def test_parse_claim_keeps_qualifier_word_as_written():
    (value,) = parse_claim("Approximately 25 Russian assault teams").values
    assert value.qualifier == "approx"
    assert value.qualifier_word == "Approximately"
    (value,) = parse_claim("no fewer than 9").values
    assert (value.qualifier, value.qualifier_word) == ("at_least", "no fewer than")


def test_parse_claim_does_not_multiply_teams_by_men():
    claim = parse_claim("Approximately 25 Russian assault teams – five to ten men")
    numbers = {value.low for value in claim.values} | {value.high for value in claim.values}
    assert numbers == {Decimal(25), Decimal(5), Decimal(10)}


def test_parse_claim_does_not_join_numbers_across_lines():
    claim = parse_claim("rounds: 15\n– 20 more")
    assert [value.text for value in claim.values] == ["15", "20"]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("300", "300", "300"),
        ("approximately 300", "270", "330"),
        ("about 11,000", "9900", "12100"),
        ("some 6–8 km", "6", "8"),  # a range is not widened again
        ("at least 162", "162", "Infinity"),
        ("more than 60,000", "60000", "Infinity"),
        ("up to 100", "0", "100"),
        ("less than 19 percent", "0", "19"),
        ("almost 100,000", "90000", "100000"),
        ("nearly 50", "45", "50"),
        ("1,200-1,500", "1200", "1500"),
        ("roughly eight to one", "7.2", "8.8"),
    ],
)
def test_value_interval(text, low, high):
    (value,) = parse_claim(text).values
    assert value.interval() == (Decimal(low), Decimal(high))


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("approximately 300 troops", "≈ 300 troops"),
        ("at least 162 Russian soldiers", "≥ 162 soldiers"),
        ("almost 100,000", "≤ 100,000"),
        ("1,200-1,500 souls a day", "1,200–1,500 souls per day"),
        ("5:1", "ratio 5:1"),
        ("roughly eight to one", "≈ ratio 8:1"),
        ("roughly 60%", "≈ 60%"),
        ("some 6–8 kilometres", "≈ 6–8 km"),
        ("over a year", "≥ 1 year"),
        ("1.3 million", "1,300,000"),
    ],
)
def test_value_describe(text, reading):
    (value,) = parse_claim(text).values
    assert value.describe() == reading


@pytest.mark.parametrize(
    ("number", "text"),
    [(Decimal("1300000.0"), "1,300,000"), (Decimal("1.50"), "1.5"), (Decimal("Infinity"), "∞"), (Decimal(0), "0")],
)
def test_format_number(number, text):
    assert format_number(number) == text


def one(text: str) -> Value:
    (value,) = parse_claim(text).values
    return value


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        # 1. Russian soldiers inside the city: 001 ≈125–250 (the student's 25 × 5–10), 002 ≈300, 003 ≈200
        ("about 125–250 men", "approximately 300 troops", DISAGREE),
        ("about 125–250 men", "approximately 200 Russian soldiers", COMPATIBLE),
        ("approximately 300 troops", "approximately 200 Russian soldiers", DISAGREE),
        # 6. agreements
        ("11,000 Russian forces", "about 11,000", COMPATIBLE),
        ("60,000", "more than 60,000 people", COMPATIBLE),
        # 5. two ratios that look alike: comparable as ratios, and numerically different
        ("5:1", "roughly eight to one", DISAGREE),
        ("5:1", "five to one", COMPATIBLE),
        # 4. losses: same window per day overlaps; a total and a rate are different quantities
        ("1,200-1,500 souls a day", "1,100-1,600 casualties daily", COMPATIBLE),
        ("1,200-1,500 souls a day", "70,000", NOT_COMPARABLE),
        ("at least 162 Russian soldiers", "70,000", COMPATIBLE),
        # 8. internal arithmetic: per day vs per month
        ("15–20 trucks a day", "250–350 vehicles a month", NOT_COMPARABLE),
        ("8-12 tanks", "250–350 vehicles a month", NOT_COMPARABLE),
        # qualifiers
        ("up to 100", "150", DISAGREE),
        ("up to 100", "about 95", COMPATIBLE),
        ("almost 100,000", "100,000", COMPATIBLE),
        ("almost 100,000", "95,000", COMPATIBLE),
        ("almost 100,000", "80,000", DISAGREE),
        ("more than 650", "600", DISAGREE),
        ("at least 162", "up to 200", COMPATIBLE),
        ("some 6–8 kilometres", "about 7 km", COMPATIBLE),
        ("some 6–8 kilometres", "10 km", DISAGREE),
        ("300", "301", DISAGREE),
        ("300", "300", COMPATIBLE),
        # different kinds, units, windows, things
        ("5:1", "approximately 300 troops", NOT_COMPARABLE),
        ("roughly 60%", "approximately 300", NOT_COMPARABLE),
        ("4 years", "1,418 days", NOT_COMPARABLE),
        ("6–8 km", "6–8", NOT_COMPARABLE),
        ("8-12 tanks", "10 soldiers", NOT_COMPARABLE),
        ("8-12 tanks", "10", COMPATIBLE),
        # close: they meet only where both "about"s are stretched; neither printed figure fits the other
        ("about 1,400 homes", "around 1,200 homes", CLOSE),
        ("approximately 300", "about 340", CLOSE),
        ("approximately 300", "about 320", COMPATIBLE),  # 320 lies within "approximately 300"
        ("approximately 300", "330", COMPATIBLE),
        ("about 1,400", "1,200", DISAGREE),
    ],
)
def test_compatible(a, b, status):
    assert compatible(one(a), one(b)).status == status
    assert compatible(one(b), one(a)).status == status  # symmetric


def test_compatible_explains_itself():
    verdict = compatible(one("approximately 300 troops"), one("approximately 200 Russian soldiers"))
    assert verdict.reason == "These do not overlap: ≈ 300 troops is above ≈ 200 soldiers."
    assert not verdict.is_compatible
    verdict = compatible(one("1,200-1,500 souls a day"), one("1,100-1,600 casualties daily"))
    assert verdict.is_compatible
    assert "overlap" in verdict.reason
    assert compatible(one("300"), one("300")).reason == "The same value."
    assert compatible(one("2,000 per day"), one("70,000")).reason == "Different time windows (per day and a total)."
    assert "ratio" in compatible(one("5:1"), one("300")).reason


def test_compatible_tolerance_is_a_parameter():
    a, b = one("approximately 300"), one("340")
    assert compatible(a, b).status == DISAGREE
    assert compatible(a, b, tolerance=Decimal("0.2")).status == COMPATIBLE


def test_parse_claim_and_compatible_survive_odd_input():
    """Deterministic jumble of the parser's own vocabulary: no crash, spans always exact."""
    vocab = (
        "5:1 0:0 5:0 1,200 - – — to one two million between and at least more than almost about some a day "
        'per cent % km years men soldiers \n “ ” " 1.3 0 twenty five daily hundred tens of thousands , . '
        "E50 93rd FAB-3000 over up under no fewer"
    ).split(" ")
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        claim = parse_claim(text)
        for value in claim.values:
            assert text[value.start : value.end] == value.text
            low, high = value.interval()
            assert low <= high
            assert value.describe()
            for other in claim.values:
                assert compatible(value, other).status in (COMPATIBLE, DISAGREE, NOT_COMPARABLE)
