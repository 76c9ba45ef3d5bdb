"""Agreement (Fleiss' kappa on words) and per-word coverage for the heatmap (pure Python)."""

from __future__ import annotations

import pytest

from teaching.text import agreement
from teaching.text.agreement import (
    Highlight,
    band,
    coverage,
    describe,
    fleiss_kappa,
    heatmap,
    kappa_from_coverage,
    word_kappa,
)
from teaching.text.matching import tokenize

# Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories.
WIKIPEDIA = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_textbook_example():
    assert fleiss_kappa(WIKIPEDIA) == pytest.approx(0.20993, abs=5e-5)
    assert round(fleiss_kappa(WIKIPEDIA), 3) == 0.210


@pytest.mark.parametrize(
    ("counts", "kappa"),
    [
        # P̄ = 3/4, p = (5/8, 3/8), P̄e = 34/64 → κ = (48/64 − 34/64) / (30/64) = 7/15
        ([[2, 0], [0, 2], [2, 0], [1, 1]], 7 / 15),
        ([[3, 0], [0, 3]], 1.0),  # everyone agrees, on both categories
        ([[1, 1], [1, 1]], -1.0),  # two raters who always disagree
        # 3 raters, 3 subjects: P_i = 1, 1/3, 1/3 → P̄ = 5/9; p = (5/9, 4/9), P̄e = 41/81 → κ = 4/40 = 0.1
        ([[3, 0], [1, 2], [1, 2]], 0.1),
    ],
)
def test_fleiss_kappa_hand_computed(counts, kappa):
    assert fleiss_kappa(counts) == pytest.approx(kappa)


@pytest.mark.parametrize(
    "counts",
    [
        [],  # no subjects
        [[1, 0], [0, 1]],  # one rater
        [[0, 0], [0, 0]],  # no raters
        [[3, 0], [3, 0], [3, 0]],  # every rating the same: nobody highlighted anything
        [[0, 4], [0, 4]],  # everybody highlighted everything
    ],
)
def test_fleiss_kappa_undefined_is_none(counts):
    assert fleiss_kappa(counts) is None


@pytest.mark.parametrize("counts", [[[2, 0], [1, 0]], [[2, 0], [2]], [[3, -1], [2, 0]]])
def test_fleiss_kappa_rejects_inconsistent_rows(counts):
    with pytest.raises(ValueError, match="same raters"):
        fleiss_kappa(counts)


TEXT = "one two three four"  # words at 0-3, 4-7, 8-13, 14-18
ONE_TWO = (0, 7)
THREE_FOUR = (8, 18)


@pytest.mark.parametrize(
    ("span_sets", "counts"),
    [
        ([[ONE_TWO], [ONE_TWO]], [2, 2, 0, 0]),
        ([[ONE_TWO], [THREE_FOUR]], [1, 1, 1, 1]),
        ([[ONE_TWO, (4, 13)], []], [1, 1, 1, 0]),  # a student's overlapping highlights count once
        ([[(1, 2)], [(13, 14)]], [1, 0, 0, 0]),  # a letter covers its word; a space covers nothing
        ([[(0, 18)], [(0, 18)], [(5, 6)]], [2, 3, 2, 2]),
        ([], [0, 0, 0, 0]),
    ],
)
def test_coverage(span_sets, counts):
    assert coverage(TEXT, span_sets) == counts
    assert coverage(tokenize(TEXT), span_sets) == counts


@pytest.mark.parametrize(
    ("span_sets", "kappa"),
    [
        ([[ONE_TWO], [ONE_TWO]], 1.0),
        ([[ONE_TWO], [THREE_FOUR]], -1.0),
        # counts (3, 2, 0, 0) of 3: P̄ = (1 + 1/3 + 1 + 1)/4 = 5/6, p = 5/12, P̄e = 74/144 → κ = 23/35
        ([[ONE_TWO], [ONE_TWO], [(0, 3)]], 23 / 35),
        ([[], []], None),  # nobody highlighted: undefined, not "perfect agreement"
        ([[ONE_TWO]], None),  # one student
        ([[(0, 18)], [(0, 18)]], None),  # everybody highlighted everything
    ],
)
def test_word_kappa(span_sets, kappa):
    result = word_kappa(TEXT, span_sets)
    if kappa is None:
        assert result is None
    else:
        assert result == pytest.approx(kappa)


def test_word_kappa_counts_students_without_highlights_as_raters():
    with_idle = word_kappa(TEXT, [[ONE_TWO], [ONE_TWO], []])
    without = word_kappa(TEXT, [[ONE_TWO], [ONE_TWO]])
    assert without == 1.0
    assert with_idle is not None and with_idle < without


@pytest.mark.parametrize(
    ("kappa", "name", "line"),
    [
        (None, None, "Not enough highlights yet to tell whether the class agrees on which words are sourcing."),
        (
            -0.2,
            "poor",
            "The class does not agree on which words are sourcing: "
            "the highlights overlap less than chance alone would make them.",
        ),
        (0.0, "slight", "The class hardly agrees on which words are sourcing."),
        (0.2, "slight", "The class hardly agrees on which words are sourcing."),
        (0.21, "fair", "The class agrees a little on which words are sourcing."),
        (0.5, "moderate", "The class partly agrees on which words are sourcing."),
        (0.7, "substantial", "The class mostly agrees on which words are sourcing."),
        (0.8, "substantial", "The class mostly agrees on which words are sourcing."),
        (0.81, "almost perfect", "The class almost fully agrees on which words are sourcing."),
        (1.0, "almost perfect", "The class almost fully agrees on which words are sourcing."),
    ],
)
def test_describe_and_band(kappa, name, line):
    assert band(kappa) == name
    assert describe(kappa, "sourcing") == line


def test_describe_without_category():
    assert describe(0.7) == "The class mostly agrees on which words to highlight."


HEAT_TEXT = "Approximately 25 Russian assault teams slithered into the rubble."


def at(phrase: str) -> tuple[int, int]:
    start = HEAT_TEXT.index(phrase)
    return start, start + len(phrase)


def test_heatmap_counts_distinct_students_per_word_and_category():
    highlights = [Highlight(f"n{i}", *at("Approximately 25 Russian assault teams"), "numbers") for i in range(9)]
    highlights += [Highlight(f"r{i}", *at("Approximately 25 Russian assault teams"), "rhetoric") for i in range(3)]
    highlights += [Highlight("r0", *at("slithered into the rubble"), "rhetoric")]
    highlights += [Highlight("r0", *at("slithered"), "rhetoric")]  # the same student again: counts once
    heat = heatmap(HEAT_TEXT, highlights, class_size=27)
    assert list(heat.by_category) == ["rhetoric", "numbers"]
    assert heat.total == (12, 12, 12, 12, 12, 1, 1, 1, 1)
    assert heat.by_category["numbers"] == (9, 9, 9, 9, 9, 0, 0, 0, 0)
    passages = heat.passages()
    assert [HEAT_TEXT[p.start : p.end] for p in passages] == [
        "Approximately 25 Russian assault teams",
        "slithered into the rubble",
    ]
    assert passages[0].describe(27) == "12 of 27 students — 3 as rhetoric, 9 as numbers"
    assert passages[0].share(27) == pytest.approx(12 / 27)
    assert passages[1].describe(27) == "1 of 27 students — 1 as rhetoric"
    assert (passages[1].first_word, passages[1].last_word) == (5, 8)
    (only_numbers,) = heat.passages("numbers")
    assert only_numbers.describe(27) == "9 of 27 students — 9 as numbers"
    assert heat.passages("sourcing") == []


def test_heatmap_splits_passages_where_counts_change_and_skips_unhighlighted_words():
    highlights = [
        Highlight("a", *at("Approximately 25 Russian"), "numbers"),
        Highlight("b", *at("25 Russian assault"), "numbers"),
    ]
    heat = heatmap(HEAT_TEXT, highlights)
    assert heat.class_size == 2
    assert [(HEAT_TEXT[p.start : p.end], p.students) for p in heat.passages()] == [
        ("Approximately", 1),
        ("25 Russian", 2),
        ("assault", 1),
    ]


def test_heatmap_categories_argument_fixes_order_and_filters():
    highlights = [
        Highlight("a", *at("Approximately 25"), "numbers"),
        Highlight("b", *at("slithered"), "rhetoric"),
    ]
    heat = heatmap(HEAT_TEXT, highlights, categories=["sourcing", "numbers"])
    assert list(heat.by_category) == ["sourcing", "numbers"]
    assert heat.total == (1, 1, 0, 0, 0, 0, 0, 0, 0)  # the rhetoric highlight is left out
    assert heat.passages()[0].describe(1) == "1 of 1 student — 1 as numbers"


def test_heatmap_and_kappa_scale_linearly():
    text = " ".join(f"w{n}" for n in range(20_000))
    tokens = tokenize(text)
    highlights = [
        Highlight(f"s{n % 40}", tokens.starts[(n * 7) % 19_990], tokens.ends[(n * 7) % 19_990 + 5], "numbers")
        for n in range(10_000)
    ]
    heat = heatmap(tokens, highlights, class_size=40)
    assert max(heat.total) <= 40
    assert sum(1 for c in heat.total if c) > 0
    span_sets = [[(h.start, h.end) for h in highlights if h.student == f"s{i}"] for i in range(40)]
    kappa = word_kappa(tokens, span_sets)
    assert kappa is not None and -1 <= kappa <= 1


MONEY_TEXT = "The barrier cost £18.4 million, prices rose by 41% and (about) $3bn was spent."


@pytest.mark.parametrize(
    "phrase, shown",
    [
        ("£18.4 million", "£18.4 million"),  # the pound sign is not a word, but it is part of the figure
        ("18.4 million", "£18.4 million"),  # a student who left it out marked the same figure
        ("41%", "41%"),
        ("$3bn", "$3bn"),
        ("(about)", "about"),  # brackets and other punctuation stay out
        ("million,", "million"),
    ],
)
def test_passages_keep_the_currency_and_percent_signs_of_their_figures(phrase, shown):
    start = MONEY_TEXT.index(phrase)
    heat = heatmap(MONEY_TEXT, [Highlight("a", start, start + len(phrase), "numbers")])
    (passage,) = heat.passages()
    assert MONEY_TEXT[passage.start : passage.end] == shown


@pytest.mark.parametrize("seed", range(6))
def test_kappa_from_coverage_is_fleiss_kappa_of_the_rows(seed):
    import random

    rng = random.Random(seed)
    raters = rng.randint(0, 40)
    counts = [rng.randint(0, raters) for _ in range(rng.randint(0, 300))]
    if seed == 0:
        counts = [raters] * len(counts)  # everybody highlighted everything: undefined
    assert kappa_from_coverage(counts, raters) == fleiss_kappa([(raters - c, c) for c in counts])


def test_kappa_from_coverage_refuses_more_highlighters_than_raters():
    with pytest.raises(ValueError):
        kappa_from_coverage([3, 1], 2)


@pytest.mark.parametrize(
    ("figures", "shown", "class_size", "label"),
    [
        ((12, 9, 3), ("numbers", "rhetoric"), 27, "12 of 27 students — 9 as numbers, 3 as rhetoric"),
        ((3, 0, 3, 0), ("numbers", "rhetoric", "sourcing"), 27, "3 of 27 students — 3 as rhetoric"),
        ((1, 1), ("numbers",), 1, "1 of 1 student — 1 as numbers"),
        ((2,), (), 5, "2 of 5 students"),
    ],
)
def test_describe_run_is_describe_figures_of_a_runs_figures(figures, shown, class_size, label):
    assert agreement.describe_run(figures, shown, class_size) == label
    assert agreement.describe_figures(figures[0], zip(shown, figures[1:], strict=True), class_size) == label
    assert agreement.describe_run(figures, shown, class_size) == label  # kept: the same text again
