"""CSV cells that begin with invisible characters and then a formula trigger are neutralised too."""

import pytest

from teaching.text.exports import neutralise

INVISIBLE = {
    "zero-width space": "\u200b",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "byte-order mark": "\ufeff",
    "word joiner": "\u2060",
    "right-to-left override": "\u202e",
    "first-strong isolate": "\u2068",
    "soft hyphen": "\u00ad",
    "ideographic space": "\u3000",
    "line separator": "\u2028",
    "NUL": "\x00",
    "two of them": "\u200b\u200e",
    "space and mark": " \u200f",
}


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
@pytest.mark.parametrize("prefix", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_invisible_characters_before_a_formula_do_not_hide_it(prefix, trigger):
    cell = f'{prefix}{trigger}HYPERLINK("http://x")'
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("prefix", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_invisible_characters_before_ordinary_text_change_nothing(prefix):
    assert neutralise(f"{prefix}300 troops") == f"{prefix}300 troops"
