import pytest

from teaching.text.anchoring import CONTEXT_CHARS, MAX_QUOTE_CHARS, QuoteMismatch, select

TEXT = "Officials said approximately 300 troops were inside the city, according to the general staff."


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (TEXT, "approximately 300 troops"),
        (TEXT, "Officials"),  # at the very start: empty prefix
        (TEXT, "general staff."),  # at the very end: empty suffix
        ("Critics called it a “modern-day Stalingrad” – a claim", "“modern-day Stalingrad”"),
        ("Шторм 🔥 над Покровськом: 300 військових", "Покровськом"),
        ("🔥🔥🔥 approximately 300 troops 🔥", "300 troops"),
        ("a\u00a0b non-breaking", "a\u00a0b"),
    ],
)
def test_select_matching_quote_returns_selector(text, phrase):
    start = text.index(phrase)  # Python str indexes are code points, like the W3C selector
    sel = select(text, start, start + len(phrase), phrase)
    assert (sel.start, sel.end, sel.exact) == (start, start + len(phrase), phrase)
    assert sel.prefix == text[max(0, start - CONTEXT_CHARS) : start]
    assert sel.suffix == text[start + len(phrase) : start + len(phrase) + CONTEXT_CHARS]
    assert len(sel.prefix) <= CONTEXT_CHARS and len(sel.suffix) <= CONTEXT_CHARS


def test_select_prefix_and_suffix_at_text_edges():
    sel = select("whole", 0, 5, "whole")
    assert (sel.prefix, sel.suffix) == ("", "")


def test_select_counts_emoji_as_one_code_point():
    text = "🔥 300 troops"
    # In UTF-16 (the browser) "300" starts at 3; in code points at 2.
    assert select(text, 2, 5, "300").exact == "300"
    with pytest.raises(QuoteMismatch):
        select(text, 3, 6, "300")


@pytest.mark.parametrize(
    ("start", "end", "exact", "message"),
    [
        (0, 9, "Officialz", "do not match"),  # mismatch
        (1, 10, "Officials", "do not match"),  # shifted by one
        (-1, 5, "Offic", "outside the article"),
        (0, len(TEXT) + 1, TEXT + " ", "outside the article"),
        (5, 5, "", "outside the article"),  # empty span
        (9, 4, "x", "outside the article"),  # reversed
        (9, 10, " ", "only spaces"),  # whitespace only
        ("0", 9, "Officials", "not a number"),
        (0, 9.0, "Officials", "not a number"),
    ],
)
def test_select_rejects_bad_input(start, end, exact, message):
    with pytest.raises(QuoteMismatch, match=message):
        select(TEXT, start, end, exact)


def test_select_rejects_overlong_quote():
    text = "word " * (MAX_QUOTE_CHARS // 4)
    with pytest.raises(QuoteMismatch, match="at most"):
        select(text, 0, MAX_QUOTE_CHARS + 1, text[: MAX_QUOTE_CHARS + 1])
