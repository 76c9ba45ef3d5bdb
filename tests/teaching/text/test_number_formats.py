"""The number reader on the formats news prints (issue 9): one table per format, plus property tests."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teaching.text.numberclaims import parse_claim


def readings(text: str) -> list[tuple[str, str, str]]:
    """(span, kind, value) for every confident reading; value is "low..high" for ranges."""
    out = []
    for v in parse_claim(text).readings:
        if not v.sure:
            continue
        label = v.label()
        value = label["value"] if "value" in label else f"{label['low']}..{label['high']}"
        out.append((v.text, label["kind"], value))
    for vague in parse_claim(text).vague:
        if vague.magnitude is not None:
            out.append((vague.text, "magnitude", str(int(vague.magnitude))))
    return sorted(out, key=lambda r: text.find(r[0]))


def declined(text: str) -> list[str]:
    claim = parse_claim(text)
    return [d.text for d in claim.declined] + [v.text for v in claim.readings if not v.sure]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # thousands: commas, spaces, non-breaking, thin and narrow spaces; Indian grouping
        ("22 953 people", [("22 953 people", "quantity", "22953")]),
        ("almost 23 000", [("almost 23 000", "quantity", "23000")]),
        ("1 300 000 votes", [("1 300 000 votes", "quantity", "1300000")]),
        ("22\u00a0953 people", [("22\u00a0953 people", "quantity", "22953")]),
        ("22\u2009953 people", [("22\u2009953 people", "quantity", "22953")]),
        ("22\u202f953 people", [("22\u202f953 people", "quantity", "22953")]),
        ("1,300,000", [("1,300,000", "quantity", "1300000")]),
        ("1,00,000 people", [("1,00,000 people", "quantity", "100000")]),
        ("12,34,567", [("12,34,567", "quantity", "1234567")]),
        ("3.5 million", [("3.5 million", "quantity", "3500000")]),
        ("0.6", [("0.6", "quantity", "0.6")]),
        ("Rs 5 lakh", [("Rs 5 lakh", "money", "500000")]),
        ("two crore", [("two crore", "quantity", "20000000")]),
        # never two numbers glued together
        ("in 2004 30 people", [("2004", "year", "2004"), ("30 people", "quantity", "30")]),
        ("in 2004 300 people", [("2004", "year", "2004"), ("300 people", "quantity", "300")]),
        (
            "on 3 January 2005 22 953 people",
            [("3 January 2005", "date", "2005-01-03"), ("22 953 people", "quantity", "22953")],
        ),
        ("March 15 200 people", [("March 15", "date", "XXXX-03-15"), ("200 people", "quantity", "200")]),
        ("7-2 split", [("7", "quantity", "7"), ("2", "quantity", "2")]),
        # number words
        ("twenty-three", [("twenty-three", "quantity", "23")]),
        ("three million", [("three million", "quantity", "3000000")]),
        ("a dozen eggs", [("a dozen eggs", "quantity", "12")]),
        ("half a million", [("half a million", "quantity", "500000")]),
        ("minus 8 degrees Celsius", [("minus 8 degrees Celsius", "quantity", "-8")]),
        ("scored twice", [("twice", "quantity", "2")]),
        ("a 26-year-old", [("26-year-old", "quantity", "26")]),
        ("The seven-strong majority", [("seven-strong", "quantity", "7")]),
        (
            "Petrescu had 52\u00a0614 votes and Dobre 51\u00a0327",
            [("52\u00a0614 votes", "quantity", "52614"), ("51\u00a0327", "quantity", "51327")],
        ),
    ],
)
def test_numbers_as_news_prints_them(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1.2bn", [("$1.2bn", "money", "1200000000")]),
        ("£300m", [("£300m", "money", "300000000")]),
        ("€5 million", [("€5 million", "money", "5000000")]),
        ("US$40", [("US$40", "money", "40")]),
        ("45p", [("45p", "money", "0.45")]),
        ("4,000 zlotys", [("4,000 zlotys", "money", "4000")]),
        ("Forty quid", [("Forty quid", "money", "40")]),
        ("a fiver", [("a fiver", "money", "5")]),
        ("£200K", [("£200K", "money", "200000")]),
        ("$218.40", [("$218.40", "money", "218.4")]),
        ("£310m to £330m", [("£310m to £330m", "range", "310000000..330000000")]),
        ("$5-10 million", [("$5-10 million", "range", "5000000..10000000")]),
        ("rose 3.2% to $218.40", [("3.2%", "percent", "3.2"), ("$218.40", "money", "218.4")]),
    ],
)
def test_money(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35%", [("35%", "percent", "35")]),
        ("35 per cent", [("35 per cent", "percent", "35")]),
        ("35 percent", [("35 percent", "percent", "35")]),
        ("roughly 30%", [("roughly 30%", "percent", "30")]),
        ("0.4 percentage points", [("0.4 percentage points", "percentage_points", "0.4")]),
        ("25 basis points", [("25 basis points", "percentage_points", "0.25")]),
        ("a 25 basis-point move", [("25 basis-point", "percentage_points", "0.25")]),
        ("a quarter-point cut", [("quarter-point", "percentage_points", "0.25")]),
        ("a 0.7-point rise", [("0.7-point", "percentage_points", "0.7")]),
        ("38% to 63%", [("38% to 63%", "range", "38..63")]),
    ],
)
def test_percentages_and_points(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a third of voters", [("a third", "fraction", "1/3")]),
        ("two-thirds", [("two-thirds", "fraction", "2/3")]),
        ("three quarters", [("three quarters", "fraction", "3/4")]),
        ("Half of the money", [("Half", "fraction", "1/2")]),
        ("more than half", [("more than half", "fraction", "1/2")]),
        ("1/3 of the budget", [("1/3", "fraction", "1/3")]),
        ("dozens of homes", [("dozens", "magnitude", "12")]),
        ("scores of people", [("scores", "magnitude", "20")]),
        ("hundreds", [("hundreds", "magnitude", "100")]),
        ("tens of thousands", [("tens of thousands", "magnitude", "10000")]),
        ("hundreds of thousands", [("hundreds of thousands", "magnitude", "100000")]),
        ("millions", [("millions", "magnitude", "1000000")]),
        ("several hundred thousand", [("several hundred thousand", "magnitude", "100000")]),
        ("a few thousand", [("a few thousand", "magnitude", "1000")]),
    ],
)
def test_fractions_and_orders_of_magnitude(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 93rd brigade", [("93rd", "ordinal", "93")]),
        ("11th", [("11th", "ordinal", "11")]),
        ("the third day", [("third", "ordinal", "3")]),
        ("for the first time", [("first", "ordinal", "1")]),
        ("15th-century", [("15th-century", "ordinal", "15")]),
        ("5:1", [("5:1", "ratio", "5:1")]),
        ("eight to one", [("eight to one", "ratio", "8:1")]),
        ("one in four", [("one in four", "ratio", "1:4")]),
        ("about one in eight", [("about one in eight", "ratio", "1:8")]),
        ("5.7 per 1,000", [("5.7 per 1,000", "ratio", "5.7:1000")]),
        ("nearly double", [("nearly double", "ratio", "2:1")]),
        ("600 operations a week", [("600 operations a week", "rate", "600")]),
        ("1,200-1,500 souls a day", [("1,200-1,500 souls a day", "range", "1200..1500")]),
        ("2,000 per day", [("2,000 per day", "rate", "2000")]),
        ("seven days a week", [("seven days a week", "rate", "7")]),
        ("every day", []),
        ("£12 a head", [("£12 a head", "rate", "12")]),
        ("$1.68 a share", [("$1.68 a share", "rate", "1.68")]),
        ("up to 65 mph", [("up to 65 mph", "rate", "65")]),
        ("£200K-A-WEEK", [("£200K-A-WEEK", "rate", "200000")]),
        ("5% a month earlier", [("5%", "percent", "5")]),
    ],
)
def test_ordinals_ratios_and_rates(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("less than 40 minutes", [("less than 40 minutes", "duration", "40")]),
        ("1,418 days", [("1,418 days", "duration", "1418")]),
        ("four bloody years", [("four bloody years", "duration", "4")]),
        ("more than a year", [("more than a year", "duration", "1")]),
        ("for an hour", [("an hour", "duration", "1")]),
        ("within a decade", [("a decade", "duration", "10")]),
        ("half an hour", [("half an hour", "duration", "0.5")]),
        ("half a century", [("half a century", "duration", "50")]),
        ("two and a half years", [("two and a half years", "duration", "2.5")]),
        ("a two-year deal", [("two-year", "duration", "2")]),
        ("61 minutes 48 seconds", [("61 minutes 48 seconds", "duration", "3708")]),
        ("in 2:04:37", [("2:04:37", "duration", "7477")]),
        ("under 2:06", [("under 2:06", "duration", "7560")]),
        ("a year ago", []),
        ("a month earlier", []),
        (
            "a fortnight earlier",
            [("a fortnight", "duration", "2")],
        ),  # its two weeks are printed, as the corpus labels it
        ("a week after the wave", [("a week", "duration", "1")]),
        ("the plans were first published", []),
        ("over the preceding fortnight", [("fortnight", "duration", "2")]),
        ("three times a week", [("three times a week", "rate", "3")]),
        ("between 24 and 36 weeks", [("between 24 and 36 weeks", "range", "24..36")]),
        ("between three and five days", [("between three and five days", "range", "3..5")]),
    ],
)
def test_durations(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same mentions with case and punctuation stripped, as a student pastes a caption track
        (
            "from 15 november 2004 to 3 january 2005",
            [("from 15 november 2004 to 3 january 2005", "date_range", "2004-11-15..2005-01-03")],
        ),
        ("in 2004 30 people died", [("2004", "year", "2004"), ("30 people", "quantity", "30")]),
        ("it cost 12 million pounds", [("12 million pounds", "money", "12000000")]),
        ("about 40 percent of voters", [("about 40 percent", "percent", "40")]),
        ("in may 2025", [("may 2025", "date", "2025-05")]),
        ("you may have seen it", []),
        ("they march on", []),
    ],
)  # fmt: skip
def test_text_with_case_and_punctuation_stripped(text, expected):
    assert readings(text) == expected


STRIPPED_ARTICLE = (
    "the flood left 150 200 bodies in the delta officials said and the rate rose 2 5 percent in the "
    "region while about 3000 families moved to camps near the river last week and 30 000 people left "
    "according to a poll of 2 104 adults"
)


def test_stripped_article_declines_numbers_that_stripping_made_unreadable():
    assert declined(STRIPPED_ARTICLE) == ["150 200", "2 5"]
    found = readings(STRIPPED_ARTICLE)
    assert ("about 3000 families", "quantity", "3000") in found
    # a group starting with 0 cannot be a number of its own, and 2 to 104 is no range: one number each
    assert ("30 000 people", "quantity", "30000") in found
    assert ("2 104 adults", "quantity", "2104") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words around a number change what kind of mention it is
        ("headed in a corner on 27 minutes.", [("27 minutes", "duration", "27")]),  # a match clock: time elapsed
        ("ferries were cancelled on 41 days this winter", [("41 days", "quantity", "41")]),  # days counted
        ("the yield on two-year gilts fell", [("two-year", "duration", "2")]),
        ("was shown a second yellow card", [("second", "ordinal", "2")]),
        ("she won a third term in office", [("third", "ordinal", "3")]),
        ("a fifth straight year of growth", [("fifth", "ordinal", "5")]),
        ("a third of voters", [("a third", "fraction", "1/3")]),
        ("patients are a third more likely", [("a third", "fraction", "1/3")]),
        ("prices fell by a third last year", [("a third", "fraction", "1/3")]),
        ("for a second, nothing moved", [("a second", "duration", "1")]),
        ("rest for a month before deciding", [("a month", "duration", "1")]),
        ("after a night in which he", []),
        ("the first round a fortnight later", [("first", "ordinal", "1"), ("a fortnight", "duration", "2")]),
        ("in the first six months of life", [("six months", "duration", "6")]),  # "first" is no mention here
        ("the first 90 days", [("90 days", "duration", "90")]),
        ("she finished first.", [("first", "ordinal", "1")]),
        ("the first priority was water", [("first", "ordinal", "1")]),
        ("At one point it was advancing", []),
        ("at one school", [("one school", "quantity", "1")]),
        ("which lies halfway between", [("halfway", "fraction", "1/2")]),
        ("a drop among people in their twenties.", [("twenties", "range", "20..29")]),
        ("more than a metre above the record", [("more than a metre", "quantity", "1")]),
        ("about a mile away", [("about a mile", "quantity", "1")]),
        ("People have been here for 10, 15 years.", [("10, 15 years", "range", "10..15")]),
        ("children aged 10, 12 and 14", [("10", "quantity", "10"), ("12", "quantity", "12"), ("14", "quantity", "14")]),
        ("In 2019, 15 people", [("2019", "year", "2019"), ("15 people", "quantity", "15")]),
        ("bin collections cut to one every three weeks.", [("one every three weeks", "rate", "1")]),
        ("£5 every two weeks", [("£5 every two weeks", "rate", "5")]),
        ("closed at 7 pounds 84 valuing the firm", [("7 pounds 84", "money", "7.84")]),
        ("paid 5 pounds 20 people came", [("5 pounds", "money", "5"), ("20 people", "quantity", "20")]),
        ("at 4 oclock on sunday afternoon", [("4 oclock", "time", "16:00")]),
        ("at 5 o'clock that evening", [("5 o'clock", "time", "17:00")]),
        ("at 9 o'clock in the morning", [("9 o'clock", "time", "09:00")]),
    ],
)
def test_words_around_a_number_decide_its_kind(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # multiples and comparisons are ratios; counts of occasions stay counts
        ("Prices have tripled since 2020.", [("tripled", "ratio", "3:1"), ("2020", "year", "2020")]),
        ("Prices have trebled.", [("trebled", "ratio", "3:1")]),
        ("Council votes to double parking charges", [("double", "ratio", "2:1")]),
        ("Charges will almost double.", [("almost double", "ratio", "2:1")]),
        ("a double murder", []),
        ("Costs have risen tenfold.", [("tenfold", "ratio", "10:1")]),
        ("The risk rose 10-fold.", [("10-fold", "ratio", "10:1")]),
        ("The risk is three times higher", [("three times", "ratio", "3:1")]),
        ("five times as many", [("five times", "ratio", "5:1")]),
        ("twice as high as", [("twice", "ratio", "2:1")]),
        ("He has been married three times.", [("three times", "quantity", "3")]),
        ("Two out of three voters backed it", [("Two out of three", "ratio", "2:3")]),
        # a fraction of a scale word is a number
        ("Roughly a quarter of a million people", [("Roughly a quarter of a million people", "quantity", "250000")]),
        ("three-quarters of a million homes", [("three-quarters of a million homes", "quantity", "750000")]),
        # "m" before a counted plural is millions; a month name keeps no full stop
        ("The firm makes 10m widgets a year.", [("10m widgets a year", "rate", "10000000")]),
        ("in the three months to June.", [("three months", "duration", "3"), ("June", "date", "XXXX-06")]),
        ("on Jan. 12", [("Jan. 12", "date", "XXXX-01-12")]),
        # a year with its century left off, after a word that places a time
        ("The record was set in '98.", [("'98", "year", "1998")]),
        ("the summer of ’05, when", [("’05", "year", "2005")]),
        ("in ’98 the", [("’98", "year", "1998")]),
        ("‘20 people were hurt’", [("20 people", "quantity", "20")]),
        # "points": percentage points about polls, points of a score or an index about matches and markets
        ("a margin of error of plus or minus three points", [("plus or minus three points", "percentage_points", "3")]),
        ("Labour's lead fell to 4 points, a YouGov poll found", [("4 points", "percentage_points", "4")]),
        (
            "The club sit 11th in the table, nine points off",
            [("11th", "ordinal", "11"), ("nine points", "quantity", "9")],
        ),
        ("The FTSE 100 closed up 41 points, or 0.5%", [("41 points", "quantity", "41"), ("0.5%", "percent", "0.5")]),
        ("He scored 31 points", [("31 points", "quantity", "31")]),
    ],
)
def test_multiples_fractions_of_scales_short_years_and_points(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # spoken and caption forms: times without o'clock, decimals said as "point"
        ("the storm hit at about 6 in the morning", [("about 6", "time", "06:00")]),
        ("the fire started at 3 30 in the morning", [("3 30", "time", "03:30")]),
        ("at 7 45 pm", [("7 45 pm", "time", "19:45")]),
        ("there were 6 in the morning class", [("6", "quantity", "6")]),
        ("unemployment is at 5 point 2 percent", [("5 point 2 percent", "percent", "5.2")]),
        ("growth of two point five percent", [("two point five percent", "percent", "2.5")]),
        ("cut by a quarter of a percentage point", [("a quarter of a percentage point", "percentage_points", "0.25")]),
        # "at 9.15" is a time, but not before a currency or a scale, nor after a price verb
        ("posted at 9.15 on Monday morning", [("9.15", "time", "09:15")]),
        ("the train left at 10.45, police said", [("10.45", "time", "10:45")]),
        ("The euro was flat at 1.08 dollars.", [("1.08 dollars", "money", "1.08")]),
        ("unemployment at 2.45 million", [("2.45 million", "quantity", "2450000")]),
        ("shares closed at 7.25 on Friday", [("7.25", "quantity", "7.25")]),
        ("The 5G network covers 90% of homes", [("90%", "percent", "90")]),
        ("He was 1.93m tall.", [("1.93m", "quantity", "1.93")]),
        # after "by", "X to Y" far apart is a change (by X, to Y), close together a range
        ("claims rose by 13,000 to 231,000.", [("13,000", "quantity", "13000"), ("231,000", "quantity", "231000")]),
        ("prices rose by 0.5% to 4.6%", [("0.5%", "percent", "0.5"), ("4.6%", "percent", "4.6")]),
        ("costs were cut by 10 to 15 per cent", [("10 to 15 per cent", "range", "10..15")]),
        ("rainfall of up to 80 millimetres", [("up to 80 millimetres", "quantity", "80")]),
        # a four-digit number before a counted plural is a count, unless a word places it in time
        ("the council said 1200 homes had been damaged", [("1200 homes", "quantity", "1200")]),
        ("in 1990 prices rose", [("1990", "year", "1990")]),
    ],
)
def test_spoken_times_and_decimals(text, expected):
    assert readings(text) == expected


STRIPPED_TAIL = " and that is all the minister would say about the matter when asked by reporters outside the building"


@pytest.mark.parametrize(
    ("text", "expected", "refused"),
    [
        ("the budget for 2024 25 is 6 billion euros", [("2024 25", "date_range", "2024..2025"),
                                                       ("6 billion euros", "money", "6000000000")], []),
        ("in 2019 20 people died", [], ["2019 20"]),
        ("in 2004 30 people died", [("2004", "year", "2004"), ("30 people", "quantity", "30")], []),
    ],
)  # fmt: skip
def test_stripped_financial_years(text, expected, refused):
    whole = text + STRIPPED_TAIL
    assert readings(whole) == expected
    assert declined(whole) == refused


@pytest.mark.parametrize("text", ["The Tories are 20 points behind.", "since '31, the", "a 300m race"])
def test_unsure_of_points_short_years_and_metres(text):
    assert declined(text)
    assert readings(text) == []


@pytest.mark.parametrize("text", ["My body needs to recover first, he said.", "at 4 o'clock."])
def test_unsure_words_are_declined(text):
    assert declined(text)
    assert readings(text) == []


def test_a_rate_every_few_periods_carries_its_count():
    (value,) = parse_claim("to one every three weeks").readings
    assert value.label()["per"] == "3 weeks"


@pytest.mark.parametrize(
    ("text", "why_contains"),
    [
        ("03/01/2005", "two ways"),
        ("open 24/7", "slash"),
        ("under Section 230 of", "label"),
        ("a 300m race", "metres or millions"),
        ("One of them", "just a word"),
        ("2023-19", "do not follow"),
    ],
)
def test_declines_and_says_why(text, why_contains):
    claim = parse_claim(text)
    reasons = [d.why for d in claim.declined] + [v.why for v in claim.readings if not v.sure]
    assert reasons, text
    assert any(why_contains in (r or "") for r in reasons)
    assert all(not v.sure for v in claim.readings)


# --- properties -----------------------------------------------------------------------------------

SEPARATORS = [",", " ", "\u00a0", "\u2009", "\u202f"]


def printed(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=300, deadline=None)
@given(
    n=st.integers(min_value=0, max_value=10**12),
    sep=st.sampled_from(SEPARATORS),
    noun=st.sampled_from(["people", "votes", "homes", ""]),
)
def test_a_number_printed_with_any_separator_reads_back_its_value(n, sep, noun):
    text = f"there were {printed(n, sep)} {noun}".strip()
    values = [v for v in parse_claim(text).values if v.sure]
    assert len(values) == 1
    assert values[0].low == values[0].high == Decimal(n)


@settings(max_examples=300, deadline=None)
@given(
    a=st.integers(min_value=0, max_value=10**9),
    b=st.integers(min_value=0, max_value=10**9),
    sep_a=st.sampled_from(SEPARATORS),
    sep_b=st.sampled_from(SEPARATORS),
    word=st.sampled_from(["and", "or", "then", "people", "while", "but", "with"]),
)
def test_two_numbers_separated_by_a_word_never_merge(a, b, sep_a, sep_b, word):
    text = f"{printed(a, sep_a)} {word} {printed(b, sep_b)}"
    claim = parse_claim(text)
    numbers = {v.low for v in claim.values} | {v.high for v in claim.values}
    assert numbers <= {Decimal(a), Decimal(b)}
    for v in claim.readings:
        assert text[v.start : v.end] == v.text
        assert word not in v.text.split() or word in ("people", "and", "or")  # "a and b", "a or b" only as a range


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("0123456789 ,.-–:/%$£€apmAPMofandtoinJanuaryMay\u00a0")), max_size=40)
)
def test_reader_never_crashes_and_spans_are_exact(text):
    claim = parse_claim(text)
    for v in claim.readings:
        assert text[v.start : v.end] == v.text
        assert v.describe()
        assert v.label()["kind"]
    for d in claim.declined:
        assert text[d.start : d.end] == d.text
        assert d.why
