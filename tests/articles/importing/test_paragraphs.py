"""Readable paragraphs and headlines (articles.importing.paragraphs): only breaks change, never words."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.importing.paragraphs import (
    LONG_PARAGRAPH,
    repeated_headline,
    sentence_breaks,
    split_long_paragraph,
    title_at_start,
)

SENTENCE = "The council said on Tuesday that the barrier would cost £97m, almost twice the first estimate of £48m. "


def _rejoin(text: str, pieces: list[str]) -> str:
    """Put the pieces back with the whitespace that stood between them in ``text``."""
    out, position = [], 0
    for piece in pieces:
        start = text.index(piece, position)
        out.append(text[position:start])
        out.append(piece)
        position = start + len(piece)
    return "".join(out)


@pytest.mark.parametrize(
    ("text", "breaks_after"),
    [
        ("One. Two.", ["One."]),
        ("He said “No.” Then he left.", ["He said “No.”"]),
        ("Is it? Yes! Fine… Good.", ["Is it?", "Is it? Yes!", "Is it? Yes! Fine…"]),
        ("Mr. Hask spoke. Dr. Daley replied.", ["Mr. Hask spoke."]),
        ("J. Smith and the U.S. Army. Then more.", ["J. Smith and the U.S. Army."]),
        ("It rose 3.5 per cent. Prices fell.", ["It rose 3.5 per cent."]),
        ("No. 10 said so. Then 2025 began.", ["No. 10 said so."]),
        ("lower case. after a stop", []),
        ("Ends here.", []),
    ],
)
def test_sentence_breaks(text, breaks_after):
    assert [text[:start] for start, _end in sentence_breaks(text)] == breaks_after


def test_a_short_paragraph_is_left_whole():
    text = SENTENCE * 3
    assert split_long_paragraph(text) == [text]


def test_a_3000_character_line_becomes_paragraphs_of_a_few_sentences():
    text = (SENTENCE * 30).strip()
    assert len(text) > 3000
    pieces = split_long_paragraph(text)
    assert 5 <= len(pieces) <= 12
    assert all(200 <= len(piece) <= LONG_PARAGRAPH for piece in pieces)
    assert all(piece.endswith(".") for piece in pieces)
    assert " ".join(pieces) == text


def test_a_long_line_without_sentence_ends_stays_whole():
    text = "word " * 400
    assert split_long_paragraph(text.strip()) == [text.strip()]


def test_the_last_piece_is_never_a_stub():
    text = (SENTENCE * 10) + "Short end."
    pieces = split_long_paragraph(text)
    assert len(pieces[-1]) >= 140


@given(st.lists(st.sampled_from(["Word", "word.", "Mr.", "3.5", "“Quote.”", "Yes!", "\n", "  ", "A."]), max_size=600))
def test_splitting_never_changes_the_words(tokens):
    text = " ".join(tokens).strip()
    pieces = split_long_paragraph(text)
    assert _rejoin(text, pieces) == text
    assert " ".join(pieces).split() == text.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Flood barrier delayed again Flood barrier delayed again The tidal barrier will not open.",
            ("Flood barrier delayed again", "The tidal barrier will not open."),
        ),
        (  # a saved page's headline, then the same words as the body's first sentence: the body keeps them
            "Flood defences cost twice the estimate Flood defences cost twice the estimate. The barrier at Bewdley…",
            (
                "Flood defences cost twice the estimate",
                "Flood defences cost twice the estimate. The barrier at Bewdley…",
            ),
        ),
        ("Costs rose again Costs rose again! Then fell.", ("Costs rose again", "Costs rose again! Then fell.")),
        ("Costs rose again Costs rose sharply. Then fell.", None),  # the second copy is not the same words
        ("Two words Two words and more.", None),  # under three words: not a headline
        ("The the the the the the the.", None),
        ("No repetition here at all, just a sentence.", None),
        ("It fell. It rose. It fell. It rose. Then it stopped.", None),  # sentences, not a headline
    ],
)
def test_repeated_headline(text, expected):
    assert repeated_headline(text) == expected


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (
            "Flood barrier delayed again as costs double The tidal barrier will not open before 2030.",
            "Flood barrier delayed again as costs double",
            ("Flood barrier delayed again as costs double", "The tidal barrier will not open before 2030."),
        ),
        # spacing in the typed title does not matter; the text's own spelling is kept
        (
            "Barrier   delayed “Now it is 2030”, she said.",
            "Barrier delayed",
            ("Barrier   delayed", "“Now it is 2030”, she said."),
        ),
        ("Council votes on the budget tonight.", "Council votes", None),  # the title runs on into a sentence
        ("Council", "Council", None),
        ("Something else entirely. Council votes.", "Council votes", None),
        ("Any text at all.", "", None),
    ],
)
def test_title_at_start(text, title, expected):
    assert title_at_start(text, title) == expected


def test_pieces_cut_only_at_whitespace():
    text = (SENTENCE * 12).strip()
    for piece in split_long_paragraph(text):
        assert not re.match(r"\s", piece) and not re.search(r"\s$", piece)
