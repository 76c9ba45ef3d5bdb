"""Text selectors for annotations (W3C TextPositionSelector + TextQuoteSelector).

Plain Python, no Django: positions count Unicode code points, as the W3C model does.
Re-anchoring after an article correction will live here too.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32
MAX_QUOTE_CHARS = 5000


class QuoteMismatch(ValueError):
    """The quote sent by the browser is not what the article says at that position."""


@dataclass(frozen=True)
class TextSelector:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def select(text: str, start: int, end: int, exact: str, context: int = CONTEXT_CHARS) -> TextSelector:
    """Check ``exact`` against ``text[start:end]`` and return the full selector.

    Raises QuoteMismatch with a message a student can act on.
    """
    if not isinstance(start, int) or not isinstance(end, int):
        raise QuoteMismatch("The position of the highlight is not a number.")
    if start < 0 or end > len(text) or start >= end:
        raise QuoteMismatch("The highlight is outside the article. Reload the page and select the text again.")
    if end - start > MAX_QUOTE_CHARS:
        raise QuoteMismatch(f"A highlight can be at most {MAX_QUOTE_CHARS} characters long.")
    if text[start:end] != exact:
        raise QuoteMismatch(
            "The highlighted words do not match the article at that place. "
            "The article may have changed: reload the page and select the text again."
        )
    if not exact.strip():
        raise QuoteMismatch("Select some words, not only spaces.")
    return TextSelector(
        start=start,
        end=end,
        exact=exact,
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
