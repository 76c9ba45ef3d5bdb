"""The numbers ledger's reading of comparisons, and matching student comparisons to the key's (pure)."""

import pytest

from teaching.text import comparisons as cmp
from teaching.text.matching import Span


def claims(*texts, **per_member):
    """Claims from quotes; keyword lists give each member's counted/place/time_window."""
    out = []
    for i, text in enumerate(texts):
        extra = {name: values[i] for name, values in per_member.items()}
        out.append(cmp.Claim(ref=i, text=text, **extra))
    return out


# The notes' cross-article comparisons, with the quotes as students highlight them.
SOLDIERS = ("125–250 men", "approximately 300 troops", "approximately 200 Russian soldiers")


@pytest.mark.parametrize(
    ("texts", "relation", "status", "question_kind"),
    [
        # 1. soldiers inside the city: 001 (25 teams × 5–10, multiplied by the student), 002, 003
        (SOLDIERS, "contradict", "disagree", None),
        (SOLDIERS, "agree", "disagree", "no_overlap"),
        (SOLDIERS[1:], "contradict", "disagree", None),
        # 6. agreements: Russian forces around the city, pre-war population
        (("With 11,000 Russian forces", "about 11,000"), "agree", "compatible", None),
        (("With 11,000 Russian forces", "about 11,000"), "contradict", "compatible", "overlap"),
        (("pre-invasion population of 60,000", "once home to more than 60,000 people"), "agree", "compatible", None),
        (("pre-invasion population of 60,000", "more than 60,000 people"), "contradict", "compatible", "overlap"),
        # 5. ratios: 5:1 vs eight to one do not overlap as numbers
        (("causality rates remaining firm at 5:1", "outnumbered roughly eight to one"), "contradict", "disagree", None),
        (("causality rates remaining firm at 5:1", "outnumbered roughly eight to one"), "different", "disagree", None),
        (
            ("causality rates remaining firm at 5:1", "outnumbered roughly eight to one"),
            "agree",
            "disagree",
            "no_overlap",
        ),
        # a ratio against a count, a percentage against a count: different kinds
        (("at 5:1", "approximately 300 troops"), "contradict", "not_comparable", "not_same_kind"),
        (("roughly 60% of the city", "approximately 300 troops"), "different", "not_comparable", None),
        (("1,200-1,500 souls a day", "70,000 during the summer"), "contradict", "not_comparable", "not_same_kind"),
        # nothing to compare: never guessed
        (("tens of thousands", "approximately 300 troops"), "contradict", "unknown", None),
        # close: "about 1,400" and "around 1,200" meet only when both are stretched; neither verdict questioned
        (("about 1,400 homes", "around 1,200 homes"), "contradict", "close", None),
        (("about 1,400 homes", "around 1,200 homes"), "agree", "close", None),
    ],
)
def test_ledger_row_computes_the_verdict_and_asks_when_it_differs(texts, relation, status, question_kind):
    row = cmp.ledger_row("c1", relation, claims(*texts))
    assert row.computed.status == status
    assert row.question_kind == question_kind
    assert (row.question is None) == (question_kind is None)
    assert row.settled == (question_kind is None and status != "close")


def test_overlap_question_wording_names_both_values():
    row = cmp.ledger_row(1, "contradict", claims("about 11,000", "With 11,000 Russian forces"))
    assert row.question == "These ranges overlap (≈ 11,000 and 11,000 forces) — are they really contradictory?"


@pytest.mark.parametrize("relation", ["contradict", "agree"])
def test_different_time_windows_ask_to_compare_windows_first(relation):
    row = cmp.ledger_row(
        1,
        relation,
        claims(
            "70,000 during Putin’s vaunted “summer offensive.”",
            "at least 162 Russian soldiers in the Pokrovsk area since early November",
            time_window=["summer 2025", "since early November"],
            counted=["Russian losses", "Russian losses"],
        ),
    )
    assert row.computed.status == "compatible"
    assert row.question_kind == "windows"
    assert row.question == (
        "These measure at different time windows (summer 2025 and since early November)"
        " — compare windows before numbers."
    )


def test_windows_written_alike_are_the_same_window():
    row = cmp.ledger_row(1, "agree", claims("about 11,000", "11,000 forces", time_window=["November", " november "]))
    assert row.question is None


def test_different_places_ask_to_compare_places_first():
    row = cmp.ledger_row(1, "contradict", claims("about 11,000", "11,000 forces", place=["Pokrovsk", "whole front"]))
    assert row.question_kind == "places"
    assert "(Pokrovsk and whole front)" in row.question


def test_same_words_for_a_different_relation_asks_what_differs():
    row = cmp.ledger_row(1, "different", claims("about 11,000", "11,000 forces", counted=["Russian forces"] * 2))
    assert row.question == "You describe each as “Russian forces” — what makes them different?"
    other = cmp.ledger_row(1, "different", claims("about 11,000", "11,000 forces", counted=["forces", "losses"]))
    assert other.question is None


def test_a_quote_with_several_numbers_compares_the_comparable_one_and_says_so():
    row = cmp.ledger_row(
        1, "contradict", claims("Approximately 25 Russian assault teams – five to ten men", "approximately 300 troops")
    )
    first = row.members[0]
    assert first.several
    assert first.value.describe() == "5–10 men"  # people, like the troops; 25 teams are units
    assert row.computed.status == "disagree"


def test_quantity_joins_distinct_descriptions():
    row = cmp.ledger_row(
        1,
        "contradict",
        claims("about 11,000", "11,000 forces", "12,000", counted=["Russian forces", "russian  forces", "troops"]),
    )
    assert row.quantity == "Russian forces / troops"
    assert cmp.ledger_row(1, "agree", claims("about 11,000", "11,000")).quantity == ""


@pytest.mark.parametrize(
    ("text", "label", "parsed"),
    [
        ("approximately 300 troops", "≈ 300 troops", True),
        ("150,000-170,000 deployed", "150,000–170,000", True),
        ("more than 60,000 people", "≥ 60,000 people", True),
        ("tens of thousands", cmp.NOT_PARSED, False),
        ("the city", cmp.NOT_PARSED, False),
    ],
)
def test_read_claim_labels(text, label, parsed):
    reading = cmp.read_claim(text)
    assert reading.label == label
    assert reading.parsed is parsed


def test_read_claim_parts_give_number_qualifier_and_unit():
    (part,) = cmp.read_claim("roughly 60% of the city").parts
    assert part == {
        "reading": "≈ 60%",
        "kind": "number",
        "sure": True,
        "why": "",
        "qualifier": "about (“roughly”)",
        "unit": "%",
        "counts": "—",
    }
    (rate,) = cmp.read_claim("1,200-1,500 souls a day").parts
    assert rate["kind"] == "range" and rate["unit"] == "per day" and rate["counts"] == "souls"


# --- key comparisons -------------------------------------------------------------------------------------

KEY = [
    cmp.KeyLink("soldiers", "contradict", ("k001", "k002", "k003"), "Russian soldiers inside the city"),
    cmp.KeyLink("forces", "agree", ("k002b", "k003b"), "Russian forces around the city"),
    cmp.KeyLink("ratios", "different", ("k001r", "k003r"), "Ratios"),
]


@pytest.mark.parametrize(
    ("student", "item_for", "found", "missed", "extra", "agrees"),
    [
        # two of three soldiers items, relation as in the key
        (
            [cmp.StudentLink("s1", "contradict", ("a", "b"))],
            {"a": "k002", "b": "k003"},
            ["soldiers"],
            ["forces", "ratios"],
            [],
            [True],
        ),
        # found, but the relation differs from the key's
        (
            [cmp.StudentLink("s1", "agree", ("a", "b"))],
            {"a": "k002", "b": "k003"},
            ["soldiers"],
            ["forces", "ratios"],
            [],
            [False],
        ),
        # only one highlight matches: not enough
        (
            [cmp.StudentLink("s1", "contradict", ("a", "b"))],
            {"a": "k002"},
            [],
            ["soldiers", "forces", "ratios"],
            ["s1"],
            [],
        ),
        # two highlights on the same key item count once
        (
            [cmp.StudentLink("s1", "contradict", ("a", "b"))],
            {"a": "k002", "b": "k002"},
            [],
            ["soldiers", "forces", "ratios"],
            ["s1"],
            [],
        ),
        # items of two different key comparisons: neither
        (
            [cmp.StudentLink("s1", "agree", ("a", "b"))],
            {"a": "k002", "b": "k003b"},
            [],
            ["soldiers", "forces", "ratios"],
            ["s1"],
            [],
        ),
        # one to one: the better student comparison (three items) wins, the other is extra
        (
            [cmp.StudentLink("s1", "contradict", ("a", "b")), cmp.StudentLink("s2", "contradict", ("c", "d", "e"))],
            {"a": "k002", "b": "k003", "c": "k001", "d": "k002", "e": "k003"},
            ["soldiers"],
            ["forces", "ratios"],
            ["s1"],
            [True],
        ),
        # several found
        (
            [cmp.StudentLink("s1", "agree", ("a", "b")), cmp.StudentLink("s2", "contradict", ("c", "d"))],
            {"a": "k002b", "b": "k003b", "c": "k001r", "d": "k003r"},
            ["forces", "ratios"],
            ["soldiers"],
            [],
            [True, False],
        ),
        ([], {}, [], ["soldiers", "forces", "ratios"], [], []),
    ],
)
def test_match_comparisons(student, item_for, found, missed, extra, agrees):
    scores = cmp.match_comparisons(KEY, student, item_for)
    assert [f.key.ref for f in scores.found] == found
    assert [k.ref for k in scores.missed] == missed
    assert [s.ref for s in scores.extra] == extra
    assert [f.relation_agrees for f in scores.found] == agrees


def test_recall_is_none_without_key_comparisons():
    assert cmp.match_comparisons([], [], {}).recall is None
    assert cmp.match_comparisons(KEY, [], {}).recall == 0


def test_highlight_matches_per_article_ignoring_category():
    text_a = "Officials said approximately 300 troops now operating inside the city, said the staff."
    text_b = "Approximately 200 Russian soldiers have managed to slip into the centre of town."
    start_a = text_a.index("approximately 300 troops now operating inside the city")
    key = [
        ("A", Span(start_a, start_a + 54, "numbers", "k002")),
        ("B", Span(0, 34, "numbers", "k003")),
    ]
    student = [
        ("A", Span(start_a, start_a + 24, "whatever", "a")),  # "approximately 300 troops"
        ("B", Span(0, 34, "numbers", "b")),
        ("B", Span(44, 50, "numbers", "c")),  # "slip" region: matches nothing
    ]
    assert cmp.highlight_matches({"A": text_a, "B": text_b}, key, student) == {"a": "k002", "b": "k003"}


def test_highlight_matches_never_crosses_articles():
    text = "approximately 300 troops"
    key = [("A", Span(0, 24, "numbers", "k"))]
    student = [("B", Span(0, 24, "numbers", "s"))]
    assert cmp.highlight_matches({"A": text, "B": text}, key, student) == {}


def test_class_summary_counts_found_missed_and_relation():
    per_student = [
        cmp.match_comparisons(KEY, [cmp.StudentLink("s1", "contradict", ("a", "b"))], {"a": "k002", "b": "k003"}),
        cmp.match_comparisons(KEY, [cmp.StudentLink("s2", "agree", ("a", "b"))], {"a": "k002", "b": "k003"}),
        cmp.match_comparisons(KEY, [], {}),
    ]
    summary = cmp.class_summary(KEY, per_student)
    assert [(c.key.ref, c.found, c.missed, c.relation_agrees) for c in summary] == [
        ("soldiers", 2, 1, 1),
        ("forces", 0, 3, 0),
        ("ratios", 0, 3, 0),
    ]


# --- dates, and readings the reader is not sure of (issue 9) ----------------------------------------------


@pytest.mark.parametrize(
    ("texts", "relation", "status", "question_kind"),
    [
        # the poll story: 3 January and 5 January are different dates, not "the same value"
        (("on 3 January", "on 5 January"), "contradict", "disagree", None),
        (("on 3 January", "on 5 January"), "agree", "disagree", "dates_apart"),
        (("on 3 January 2005", "3 January"), "agree", "compatible", None),
        (("3-5 January", "4 January"), "contradict", "compatible", "dates_overlap"),
        (
            ("from 15 november 2004 to 3 january 2005", "between 3 and 5 January 2005"),
            "contradict",
            "compatible",
            "dates_overlap",
        ),
        (("from 15 november 2004 to 2 january 2005", "5 January 2005"), "contradict", "disagree", None),
        (("in September", "late August"), "contradict", "disagree", None),
        (("in 2004", "3 January 2004"), "agree", "compatible", None),
        (("9.30am", "10.30am"), "contradict", "disagree", None),
        # a date and a number are different kinds
        (("3 January", "22 953 people"), "contradict", "not_comparable", "not_same_kind"),
        (("$1.2bn", "1.2bn people"), "agree", "not_comparable", "not_same_kind"),
        (("£300m", "$300m"), "agree", "not_comparable", "not_same_kind"),
        (("22 953 people", "almost 23 000"), "agree", "compatible", None),
    ],
)
def test_ledger_row_compares_dates_as_dates(texts, relation, status, question_kind):
    row = cmp.ledger_row("c1", relation, claims(*texts))
    assert row.computed.status == status, row.computed.reason
    assert row.question_kind == question_kind


def test_poll_story_contradiction_is_borne_out_not_questioned():
    row = cmp.ledger_row(1, "contradict", claims("on 3 January 2005 22 953 people", "on 5 January 2005"))
    assert row.computed.status == "disagree"
    assert row.computed.reason == "These are different dates: 5 January 2005 is after 3 January 2005."
    assert row.question is None


@pytest.mark.parametrize("relation", ["agree", "contradict", "different"])
@pytest.mark.parametrize(
    "texts",
    [
        ("on 03/01/2005", "on 5 January 2005"),  # declined: day and month order unknown
        ("a 300m race", "300 metres"),  # unsure: metres or millions
        ("One of them", "one"),  # unsure: "one" is often just a word
    ],
)
def test_a_reading_the_reader_is_not_sure_of_never_questions_the_student(texts, relation):
    row = cmp.ledger_row(1, relation, claims(*texts))
    assert row.computed.status == "unknown"
    assert row.question is None
    assert row.doubts
    assert row.computed.reason.startswith("We could not read this for sure — ")


@pytest.mark.parametrize(
    ("texts", "relation", "status", "question_kind", "set_aside"),
    [
        # the count is read for sure, the all-number date is not: the counts are compared, the date set aside
        (("22 953 people voted on 03/01/2005", "22 953 people"), "agree", "compatible", None, "03/01/2005"),
        (("22 953 people voted on 03/01/2005", "12 000 people"), "agree", "disagree", "no_overlap", "03/01/2005"),
        (("a 300m race with 40 runners", "40 runners"), "contradict", "compatible", "overlap", "300m"),
    ],
)
def test_a_partly_unsure_quote_is_compared_through_the_parts_read_for_sure(
    texts, relation, status, question_kind, set_aside
):
    row = cmp.ledger_row(1, relation, claims(*texts))
    assert row.computed.status == status, row.computed.reason
    assert row.question_kind == question_kind
    assert not row.unread
    assert row.set_aside and set_aside in row.set_aside[0]
    assert "Set aside, not read for sure: “" + set_aside in row.computed.reason
    assert row.members[0].value is not None and row.members[0].value.sure
    assert cmp.read_claim(texts[0]).partly_sure


def test_a_quote_with_nothing_read_for_sure_is_still_not_compared():
    row = cmp.ledger_row(1, "agree", claims("on 03/01/2005", "22 953 people on 03/01/2005"))
    assert row.computed.status == "unknown"
    assert row.unread and row.question is None
    assert not cmp.read_claim("on 03/01/2005").partly_sure


def test_claim_reading_says_how_sure_it_is():
    sure = cmp.read_claim("22 953 people on 3 January")
    assert sure.sure and sure.label == "22,953 people; 3 January"
    assert [p["kind"] for p in sure.parts] == ["number", "date"]
    unsure = cmp.read_claim("a 300m race")
    assert not unsure.sure
    assert unsure.label == "300 m (not sure)"
    assert unsure.parts[0]["why"] == "“m” after a number can mean metres or millions."
    declined = cmp.read_claim("03/01/2005")
    assert not declined.parsed and not declined.sure
    assert declined.label == cmp.NOT_READ_FOR_SURE
    assert "Britain" in declined.doubts[0]
