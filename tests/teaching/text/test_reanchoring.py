"""Re-anchoring after an article correction: same words, or visibly set aside — never other words."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teaching.text.anchoring import Reanchorer, reanchor, select

BASE = (
    "Russian forces have penetrated deep into Pokrovsk, with approximately 300 troops now operating inside "
    "the city. Video footage confirms Russian forces briefly raised their flag. With 11,000 Russian forces in "
    "the immediate area and 150,000-170,000 deployed across the broader Donetsk offensive, the question is not "
    "whether Pokrovsk will fall. Ukrainian forces report killing at least 162 Russian soldiers since early "
    "November."
)
QUOTE = "approximately 300 troops"
SENTENCE = "The city is not, and never has been, the keystone."

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.–’", min_size=1, max_size=12)


def _selector(text, start, end):
    return select(text, start, end, text[start:end])


def _place(old, new, sel):
    return reanchor(old, new, start=sel.start, end=sel.end, exact=sel.exact, prefix=sel.prefix, suffix=sel.suffix)


@pytest.mark.parametrize(
    "new, status, expected_exact",
    [
        (BASE, "kept", QUOTE),
        ("UPDATE: " + BASE, "moved", QUOTE),
        (BASE.replace("deep into", "into"), "moved", QUOTE),
        (BASE.replace(" now operating", " operating"), "kept", QUOTE),
        # A word inside changed: set aside for a teacher to re-attach, never stretched onto the new words.
        (BASE.replace("approximately 300 troops", "approximately 300 troop"), "orphaned", None),
        (BASE.replace("approximately 300 troops", "approximately 3000 troops"), "orphaned", None),
        (BASE.replace("approximately 300 troops", "approx. 300 troops"), "orphaned", None),
        (BASE.replace("approximately 300 troops", "a few"), "orphaned", None),
        (BASE.replace("with approximately 300 troops now operating inside the city. ", ""), "orphaned", None),
        ("", "orphaned", None),
    ],
    ids=[
        "unchanged",
        "insert-before",
        "delete-before",
        "edit-after",
        "letter-dropped",
        "digit-added",
        "abbreviated",
        "rewritten",
        "deleted",
        "emptied",
    ],
)
def test_reanchor_known_edits(new, status, expected_exact):
    start = BASE.index(QUOTE)
    placement = _place(BASE, new, _selector(BASE, start, start + len(QUOTE)))
    assert placement.status == status
    assert placement.exact == expected_exact
    if expected_exact:
        assert new[placement.start : placement.end] == expected_exact


def test_reanchor_never_attaches_to_the_other_occurrence_when_one_is_deleted():
    old = f"Intro. {SENTENCE} Middle part. {SENTENCE} End."
    second = old.rindex(SENTENCE)
    sel = _selector(old, second, second + len(SENTENCE))
    new = f"Intro. {SENTENCE} Middle part. End."
    assert _place(old, new, sel).is_orphaned


def test_reanchor_identical_context_duplicates_are_not_guessed():
    old = f"{SENTENCE} {SENTENCE} {SENTENCE}"
    middle = old.index(SENTENCE, 1)
    sel = _selector(old, middle, middle + len(SENTENCE))
    new = f"{SENTENCE} {SENTENCE}"  # one of three deleted: which one cannot be known
    placement = _place(old, new, sel)
    assert placement.is_orphaned or new[placement.start : placement.end] == SENTENCE


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_edits_outside_a_quote_never_change_its_words(data):
    start = BASE.index(QUOTE)
    end = start + len(QUOTE)
    sel = _selector(BASE, start, end)
    # An edit strictly before or strictly after the quote, leaving one untouched character of margin.
    before = data.draw(st.booleans())
    if before:
        a = data.draw(st.integers(0, start - 1))
        b = data.draw(st.integers(a, start - 1))
    else:
        a = data.draw(st.integers(end + 1, len(BASE)))
        b = data.draw(st.integers(a, len(BASE)))
    insert = data.draw(words)
    new = BASE[:a] + insert + BASE[b:]
    placement = _place(BASE, new, sel)
    shift = (len(insert) - (b - a)) if before else 0
    assert not placement.is_orphaned
    assert (placement.start, placement.end) == (start + shift, end + shift)
    assert new[placement.start : placement.end] == QUOTE


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_edits_inside_a_quote_orphan_unless_only_spaces_changed(data):
    start = BASE.index(QUOTE)
    end = start + len(QUOTE)
    sel = _selector(BASE, start, end)
    a = data.draw(st.integers(start, end - 1))
    b = data.draw(st.integers(a, end))
    insert = data.draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz 0123456789", max_size=10))
    new = BASE[:a] + insert + BASE[b:]
    placement = _place(BASE, new, sel)
    if placement.is_orphaned:
        return
    found = new[placement.start : placement.end]
    assert found == placement.exact
    assert found.split() == QUOTE.split()  # the same words; only the spaces between them changed
    assert start <= placement.start <= start + len(insert)  # an insert at its very start is before it


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_sentence_that_appears_twice_is_never_confused(data):
    old = f"Opening words here. {SENTENCE} Some other text in between them. {SENTENCE} Closing words."
    first = old.index(SENTENCE)
    second = old.index(SENTENCE, first + 1)
    which = data.draw(st.sampled_from([first, second]))
    other = second if which == first else first
    sel = _selector(old, which, which + len(SENTENCE))
    # Edit anywhere except inside the annotated sentence (including inside the other copy).
    a = data.draw(st.integers(0, len(old)))
    b = data.draw(st.integers(a, min(len(old), a + 15)))
    if a < which + len(SENTENCE) + 1 and b > which - 1:
        return  # touches the annotated sentence: covered by the tests above
    insert = data.draw(words)
    new = old[:a] + insert + old[b:]
    placement = _place(old, new, sel)
    shift = len(insert) - (b - a)
    expected = which + (shift if b <= which else 0)
    assert not placement.is_orphaned
    assert placement.start == expected, (placement, other)
    assert new[placement.start : placement.end] == SENTENCE


def test_reanchorer_shares_one_diff_across_many_annotations():
    new = "Breaking: " + BASE.replace("deep into", "into")
    r = Reanchorer(BASE, new)
    for phrase in ["approximately 300 troops", "11,000 Russian forces", "at least 162 Russian soldiers"]:
        start = BASE.index(phrase)
        sel = _selector(BASE, start, start + len(phrase))
        placement = r.place(start=sel.start, end=sel.end, exact=sel.exact, prefix=sel.prefix, suffix=sel.suffix)
        assert new[placement.start : placement.end] == phrase
