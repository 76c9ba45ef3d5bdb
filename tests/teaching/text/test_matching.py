"""Matching student highlights to the reference key (pure Python, no database)."""

from __future__ import annotations

import pytest

from teaching.text.matching import Span, Tokens, format_ratio, match, tokenize

TEXT = (
    "Russian forces have penetrated deep into Pokrovsk, with approximately 300 troops now operating inside "
    "the city. Video footage confirms Russian forces briefly raised their flag. Pokrovsk now counts roughly "
    "1,200 souls. The list says: roughly 1,200 residents remain. Think of it as a modern-day Stalingrad, "
    "a place where the outcome could shift the balance."
)


def at(phrase: str, category: str = "numbers", occurrence: int = 0, text: str = TEXT, ref: object = None) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), category, ref)


def words(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200-1,500 souls", ["1,200", "1,500", "souls"]),
        ("ratio 5:1, 1.3 million", ["ratio", "5:1", "1.3", "million"]),
        ("Putin’s war", ["Putin", "s", "war"]),
        ("the E50 highway", ["the", "E50", "highway"]),
        ("snake_case", ["snake", "case"]),
        ("Söder said", ["Söder", "said"]),
        ("“—”", []),
        ("", []),
    ],
)
def test_tokenize(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 3, (0, 1)),  # "one"
        (1, 2, (0, 1)),  # one letter of "one" still covers the word
        (0, 4, (0, 1)),  # "one " — the space adds nothing
        (3, 4, (1, 1)),  # only the space: no word
        (0, 7, (0, 2)),  # "one two"
        (2, 5, (0, 2)),  # "e t": the end of one word and the start of the next
        (8, 13, (2, 3)),  # "three"
        (13, 20, (3, 3)),  # past the end
        (5, 5, (0, 0)),  # empty
    ],
)
def test_word_range(start, end, expected):
    assert tokenize("one two three").word_range(start, end) == expected


def only(scores, category="numbers"):
    return scores.categories[category]


def test_exact_highlight_is_found():
    item = at("approximately 300 troops now operating inside the city", ref="key-1")
    highlight = at("approximately 300 troops now operating inside the city", ref="ann-1")
    result = only(match(TEXT, [item], [highlight]))
    assert [(m.key.ref, m.student.ref) for m in result.found] == [("key-1", "ann-1")]
    assert result.found[0].overlap == result.found[0].key_words == 8
    assert (result.missed, result.extra, result.duplicates) == ((), (), ())
    assert (result.recall, result.precision) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("highlight", "found"),
    [
        # the core of the claim: 3 of the item's 8 words, all of the student's words inside it → found
        ("approximately 300 troops", True),
        ("300 troops", True),
        # half of the item's words, whatever the student's span → found
        ("approximately 300 troops now", True),
        # a selection stopping inside words still covers them
        ("pproximately 300 troop", True),
        # a one-word overlap on a long item is not a match
        ("city", False),
        ("300", False),
        # a two-word overlap inside the item matches under rule (b): the rule's floor is two words
        ("the city", True),
        # most of the highlight lies outside the item and it covers under half of it → no match
        ("into Pokrovsk, with approximately 300", False),
        # a long highlight that contains the whole item still finds it (rule a)
        (
            "Russian forces have penetrated deep into Pokrovsk, with approximately 300 troops now operating "
            "inside the city.",
            True,
        ),
        # adjacent but not overlapping
        ("Video footage confirms", False),
        ("deep into Pokrovsk, with", False),
    ],
)
def test_overlap_rule(highlight, found):
    item = at("approximately 300 troops now operating inside the city")
    result = only(match(TEXT, [item], [at(highlight)]))
    assert len(result.found) == int(found)
    assert len(result.missed) == int(not found)
    assert len(result.extra) == int(not found)


def test_category_must_agree():
    item = at("approximately 300 troops", category="numbers")
    highlight = at("approximately 300 troops", category="rhetoric")
    scores = match(TEXT, [item], [highlight])
    assert list(scores.categories) == ["rhetoric", "numbers"]
    assert scores.categories["numbers"].missed == (item,)
    assert scores.categories["numbers"].precision is None
    assert scores.categories["rhetoric"].extra == (highlight,)
    assert scores.categories["rhetoric"].recall is None
    assert (scores.recall, scores.precision) == (0.0, 0.0)


def test_same_words_in_another_place_do_not_match():
    first = at("roughly 1,200", occurrence=0)
    second = at("roughly 1,200", occurrence=1)
    assert first.start != second.start
    result = only(match(TEXT, [first], [second]))
    assert result.found == ()
    assert result.missed == (first,)
    assert result.extra == (second,)
    # and the right place does
    assert len(only(match(TEXT, [first], [first])).found) == 1


def test_one_highlight_swallowing_two_items_finds_the_better_fit_only():
    small = at("approximately 300 troops")
    city = at("now operating inside the city")
    highlight = at("approximately 300 troops now operating inside")
    result = only(match(TEXT, [small, city], [highlight]))
    # both are candidates (3 of 3 and 3 of 5 of their words covered); Dice prefers the closer fit:
    # 2·3/(3+6) = 0.67 for "approximately 300 troops" against 2·3/(5+6) = 0.55
    assert [m.key for m in result.found] == [small]
    assert result.missed == (city,)
    assert result.extra == ()
    assert (result.recall, result.precision) == (0.5, 1.0)


def test_two_highlights_on_one_item_one_finds_it_the_other_is_a_duplicate():
    item = at("approximately 300 troops now operating inside the city")
    better = at("approximately 300 troops now")
    other = at("inside the city")
    result = only(match(TEXT, [item], [other, better]))
    assert [m.student for m in result.found] == [better]
    assert result.duplicates == (other,)
    assert result.extra == ()
    assert result.precision == 1.0  # a duplicate counts neither for nor against


def test_each_highlight_finds_its_own_item():
    items = [at("approximately 300 troops"), at("roughly 1,200", occurrence=0), at("roughly 1,200", occurrence=1)]
    highlights = [at("roughly 1,200 residents"), at("300 troops now"), at("counts roughly 1,200")]
    result = only(match(TEXT, items, highlights))
    pairs = {(TEXT[m.key.start : m.key.end], TEXT[m.student.start : m.student.end]) for m in result.found}
    assert pairs == {
        ("approximately 300 troops", "300 troops now"),
        ("roughly 1,200", "counts roughly 1,200"),
        ("roughly 1,200", "roughly 1,200 residents"),
    }
    assert [m.key.start for m in result.found] == sorted(m.key.start for m in result.found)


def test_a_highlight_without_words_never_matches():
    item = at("modern-day Stalingrad", category="rhetoric")
    dash = at("-", category="rhetoric", occurrence=0)
    result = only(match(TEXT, [item], [dash]), "rhetoric")
    assert result.found == ()
    assert result.extra == (dash,)


def test_recall_precision_per_category_and_overall():
    key = [
        at("approximately 300 troops"),
        at("roughly 1,200", occurrence=0),
        at("Video footage confirms", category="sourcing"),
        at("modern-day Stalingrad", category="rhetoric"),
    ]
    student = [
        at("approximately 300 troops"),
        at("Video footage confirms", category="sourcing"),
        at("Pokrovsk now counts", category="sourcing"),
        at("the balance", category="rhetoric"),
    ]
    scores = match(TEXT, key, student)
    numbers, sourcing, rhetoric = (scores.categories[c] for c in ("numbers", "sourcing", "rhetoric"))
    assert (numbers.recall, numbers.precision) == (0.5, 1.0)
    assert (sourcing.recall, sourcing.precision) == (1.0, 0.5)
    assert (rhetoric.recall, rhetoric.precision) == (0.0, 0.0)
    assert (scores.found, scores.missed, scores.extra) == (2, 2, 2)
    assert (scores.recall, scores.precision) == (0.5, 0.5)
    assert list(scores.categories) == ["rhetoric", "sourcing", "numbers"]


def test_requested_categories_are_reported_even_when_empty_and_others_ignored():
    scores = match(TEXT, [], [at("approximately 300 troops")], categories=["sourcing"])
    assert list(scores.categories) == ["sourcing"]
    empty = scores.categories["sourcing"]
    assert (empty.found, empty.missed, empty.extra) == ((), (), ())
    assert (empty.recall, empty.precision) == (None, None)
    assert (scores.recall, scores.precision) == (None, None)


@pytest.mark.parametrize(("value", "text"), [(None, "—"), (0.0, "0%"), (0.5, "50%"), (2 / 3, "67%"), (1.0, "100%")])
def test_format_ratio(value, text):
    assert format_ratio(value) == text


def test_match_accepts_tokens_computed_once():
    tokens = tokenize(TEXT)
    assert isinstance(tokens, Tokens)
    item = at("approximately 300 troops")
    assert len(only(match(tokens, [item], [item])).found) == 1


def test_ten_thousand_spans_each_side_finish():
    text = " ".join(f"w{n}" for n in range(40_000))
    tokens = tokenize(text)
    assert len(tokens) == 40_000

    def words_span(first: int, last: int, category: str = "numbers") -> Span:
        return Span(tokens.starts[first], tokens.ends[last], category)

    key = [words_span(4 * i, 4 * i + 2) for i in range(10_000)]  # 3 words each
    student = [words_span(4 * i + 1, 4 * i + 3) for i in range(10_000)]  # shifted one word: 2 shared
    result = only(match(tokens, key, student))
    assert len(result.found) == 10_000
    assert all(m.overlap == 2 for m in result.found)
    assert (result.missed, result.extra) == ((), ())
    # long, nested highlights: still only overlapping pairs are looked at
    nested = [words_span(i, min(i + 40, 39_999)) for i in range(0, 40_000, 4)]
    result = only(match(tokens, key, nested))
    assert len(result.found) + len(result.missed) == 10_000
