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
        ("Entry to the museum is 20 lari.", "20 lari", "20", "GEL"),  # no English word: Georgia's lari alone
        ("Entry to the museum is 20 Brazilian reals.", "20 Brazilian reals", "20", "BRL"),
        ("It is a real problem for 20 real people.", "20 real", None, None),  # "real" is a word: needs its country
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pundits called it a 50-50 game.", [("50-50", "ratio", "50:50")]),
        ("Ownership is on a 60-40 split between the two firms.", [("60-40", "ratio", "60:40")]),
        ("She rated it a 70-30 chance at best.", [("70-30", "ratio", "70:30")]),
        ("Profits are shared on a 55-45 basis.", [("55-45", "ratio", "55:45")]),
    ],
)
def test_shares_of_a_hundred_are_a_ratio(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a score in a match stays two tallies; a range stays a range
        ("Leeds won 60-40 at home on Sunday in the league.", [("60", "quantity", "60"), ("40", "quantity", "40")]),
        ("Tickets cost 30-70 dollars.", [("30-70 dollars", "range", "30..70")]),
    ],
)
def test_pairs_that_are_not_shares_stay_as_they_were(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shares trade at 14 times.", [("14 times", "ratio", "14:1")]),
        ("Debt could rise as high as 3 times before the sale.", [("3 times", "ratio", "3:1")]),
        ("The bank lends at about five times, the broker said.", [("about five times", "ratio", "5:1")]),
    ],
)
def test_n_times_after_a_level_is_a_multiple(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The alarm went off 14 times.", [("14 times", "quantity", "14")]),
        ("He has been arrested three times since May.", [("three times", "quantity", "3")]),
        ("I rang at least five times, she said.", [("at least five times", "quantity", "5")]),
    ],
)
def test_n_times_after_a_verb_counts_occasions(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Farms used 90 kilograms of fertiliser per hectare.",
            [("90 kilograms of fertiliser per hectare", "rate", "90")],
        ),
        ("The plant burns 2 tonnes of coal per household.", [("2 tonnes of coal per household", "rate", "2")]),
        ("Growers harvest 6 tonnes of grapes per acre.", [("6 tonnes of grapes per acre", "rate", "6")]),
    ],
)
def test_a_measure_of_something_per_any_unit_is_a_rate(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Rents went up 20, 25 percent in a year.", "20"),
        ("They were charging 15, 20 dollars for a ticket.", "15"),
        ("The lake fell 2, 3 metres over the summer.", "2"),
    ],
)
def test_a_bare_number_before_a_comma_and_a_number_with_its_unit_is_unsure(text, span):
    assert not any(s == span for s, _, _ in readings(text)), readings(text)
    assert span in unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 12, 10 percent were late.", [("10 percent", "percent", "10")]),  # 10 < 12: not a spoken range
        ("By 2019, 30 percent had left.", [("2019", "year", "2019"), ("30 percent", "percent", "30")]),
    ],
)
def test_the_number_with_its_unit_stays_read(text, expected):
    check(text, expected)


def test_a_bare_hour_word_at_the_start_of_a_sentence_is_declined_too():
    assert "nine" in unsure("By nine, the square was full.")
    assert "seven" in unsure("The doors shut. By seven, nobody was left.")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The final is shown live on Channel Four tonight.", "Four"),
        ("Campaign group Forty said the plan was unlawful.", "Forty"),
        ("She moved to the band Nine after college.", "Nine"),
    ],
)
def test_a_capitalised_number_word_inside_a_sentence_is_part_of_a_name(text, span):
    assert not any(s.startswith(span) for s, _, _ in readings(text)), readings(text)
    assert any(u.startswith(span) for u in unsure(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people were hurt.", [("Three people", "quantity", "3")]),
        ('He said: "Two buses never came."', [("Two buses", "quantity", "2")]),
        ("Council Approves Two New Schools\n\nThe plan passed.", [("Two", "quantity", "2")]),
        ("Rain fell all night. Seven homes flooded.", [("Seven homes", "quantity", "7")]),
    ],
)
def test_a_capitalised_number_word_that_starts_a_sentence_or_a_headline_word_is_read(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She has run the shop for 30-odd years.", [("30-odd years", "duration", "30")]),
        ("The feud lasted twenty-odd years.", [("twenty-odd years", "duration", "20")]),
        ("They waited 40-odd minutes for a bus.", [("40-odd minutes", "duration", "40")]),
        ("The 60-odd members voted.", [("60-odd members", "quantity", "60")]),
    ],
)
def test_n_odd_before_a_unit_of_time_is_about_that_long(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cases rose to 400 within a week.", [("400", "quantity", "400"), ("a week", "duration", "1")]),
        ("The crew laid 90 metres of track inside a day.", [("90 metres", "quantity", "90")]),
        ("Some 30 boats sank across a month of storms.", [("Some 30 boats", "quantity", "30")]),
    ],
)
def test_a_preposition_before_a_period_makes_no_rate(text, expected):
    check(text, expected)
    assert not any(kind == "rate" for _, kind, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened at about half nine last night.", [("about half nine", "time", "21:30")]),
        ("We met at half seven in the evening.", [("half seven", "time", "19:30")]),
        ("Doors open at half eight every morning.", [("half eight", "time", "08:30")]),
    ],
)
def test_half_past_in_british_speech_takes_the_part_of_the_day_after_it(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "span", "currency"),
    [
        ("The fare rose to KSh 120 last month.", "KSh 120", "KES"),
        ("He was fined R5 000 by the court.", "R5 000", "ZAR"),
        ("A kilo of rice costs ₦1,800 in Lagos.", "₦1,800", "NGN"),
        ("Rooms start at ₱2,500 a night.", "₱2,500 a night", "PHP"),
        ("The stall charges Rp 15,000 per plate.", "Rp 15,000 per plate", "IDR"),
        ("Tickets cost ₩30,000.", "₩30,000", "KRW"),
    ],
)
def test_currency_signs_and_letter_abbreviations_before_an_amount(text, span, currency):
    got = {v.text: v for v in parse_claim(text).readings if v.sure}
    assert span in got and got[span].currency == currency, got


@pytest.mark.parametrize("text", ["Take the R5 north out of town.", "The R12 bus was late."])
def test_a_lone_r_before_a_small_number_is_no_currency(text):
    assert not any(v.category == "money" for v in parse_claim(text).readings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry docked at quarter past 7 in the evening.", [("quarter past 7 in the evening", "time", "19:15")]),
        ("Talks ended at twenty to 11 at night.", [("twenty to 11 at night", "time", "22:40")]),
        ("The shop opens at half past 8 in the morning.", [("half past 8 in the morning", "time", "08:30")]),
    ],
)
def test_a_clock_time_in_words_with_a_digit_hour_is_read_like_one_in_words(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The bus leaves at quarter past 7.", "quarter past 7"),
        ("Come back at ten to 4, she said.", "ten to 4"),
    ],
)
def test_a_clock_time_with_a_digit_hour_and_no_part_of_the_day_is_declined(text, span):
    assert not [v for v in parse_claim(text).readings if v.sure], parse_claim(text).readings
    assert span in unsure(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares closed at 7 on Friday.", []),
        ("The quota was raised from five to 10 per cent.", [("10 per cent", "percent", "10")]),
    ],
)
def test_a_digit_after_at_or_to_is_not_taken_for_a_clock_in_words(text, expected):
    check(text, expected)
    assert not any(kind == "time" for _, kind, _ in readings(text))


@pytest.mark.parametrize(
    ("text", "span", "currency"),
    [
        ("A pint costs 6 złoty in Kraków.", "6 złoty", "PLN"),
        ("Bread now costs 40 bolívares.", "40 bolívares", "VES"),
        ("The fine was 2,000 colónes.", "2,000 colónes", "CRC"),
    ],
)
def test_currency_names_are_read_with_or_without_their_accents(text, span, currency):
    got = {v.text: v for v in parse_claim(text).readings if v.sure}
    assert span in got and got[span].currency == currency, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The odds are 50-1.", [("50-1", "ratio", "50:1")]),
        ("Her odds were cut to 9-4 on Friday.", [("9-4", "ratio", "9:4")]),
        ("The odds stood at 100-1 a week ago.", [("100-1", "ratio", "100:1")]),
    ],
)
def test_a_pair_after_the_word_odds_is_a_ratio(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Okafor scores 41 as the Hawks rally.",
        "A late penalty levelled the scores.",
        "Fly-half Rory Tait kicked the conversion.",
        "The scrum-half sniped over from close range.",
        "City led at half-time and again at half time in the replay.",
    ],
)
def test_scores_and_half_as_words_of_a_match_are_no_numbers(text):
    claim = parse_claim(text)
    assert not [v for v in claim.vague if v.text.lower() == "scores"], claim.vague
    assert not [v for v in claim.readings if v.text.lower() == "half"], claim.readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scores of people queued overnight.", [("Scores", "magnitude", "20")]),
        ("Half of the 300 seats are empty.", [("Half", "fraction", "1/2")]),
        ("It took half the time.", [("half", "fraction", "1/2")]),
    ],
)
def test_scores_of_and_half_of_stay_read(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("I had never seen one like it.", "one"),
        ("There was one within reach of the door.", "one"),
        ("She kept one apart from the rest.", "one"),
    ],
)
def test_one_before_a_preposition_or_an_adverb_is_no_confident_count(text, word):
    assert not any(span.lower().startswith(word) for span, _, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One witness saw the crash.", [("One witness", "quantity", "1")]),
        ("Rescuers found one survivor.", [("one survivor", "quantity", "1")]),
    ],
)
def test_one_before_a_noun_still_counts(text, expected):
    check(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "She first met him at a dance in 1961.",
        "The council should first repair the roof.",
        "They first tried the scheme in Leeds.",
        "We will first hear from the mayor.",
    ],
)
def test_first_after_a_subject_pronoun_or_a_helping_verb_is_an_adverb(text):
    assert not any(span.lower() == "first" for span, _, _ in readings(text)), readings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was her first race.", [("first", "ordinal", "1")]),
        ("They won for the first time in a decade.", [("first", "ordinal", "1")]),
    ],
)
def test_first_before_a_noun_is_still_an_ordinal(text, expected):
    check(text, expected)
