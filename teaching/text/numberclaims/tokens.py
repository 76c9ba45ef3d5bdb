"""Splitting text into tokens for the number reader: numbers (with their separators), words and symbols.

A number token is one number as printed: "22 953", "1,300,000", "1,00,000" (Indian grouping), "3.5". Groups
of exactly three digits after a space (ordinary, non-breaking, thin or narrow) belong to the number before
them, but never after a four-digit number ("in 2004 300 people" is two numbers) and never after a month name
or a day ("March 15 200 people" is a date and a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from teaching.text.numberclaims.vocabulary import MONTHS

SPACES = " \u00a0\u2009\u202f"
_NUMBER = (
    r"(?<![\d.,])(?:"
    r"\d{1,3}(?:,\d{2})+,\d{3}(?!\d)"  # 1,00,000 and 12,34,567: lakh grouping
    r"|\d{1,3}(?:,\d{3}(?!\d))+"  # 1,300,000
    rf"|\d{{1,3}}(?:[{SPACES}]\d{{3}}(?![\d]))+"  # 22 953, 1 300 000
    r"|\d+"
    r")(?:\.\d+(?![\d]))?"
)
_TOKEN_RE = re.compile(rf"(?P<num>{_NUMBER})|(?P<word>[^\W\d_½¼¾]+)|(?P<sym>\S)")


@dataclass(frozen=True)
class Token:
    kind: str  # num / word / sym
    text: str
    start: int
    end: int

    low: str = ""  # the text in lowercase, worked out once

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower())

    @property
    def grouped(self) -> str | None:
        """How the thousands are separated: "comma", "space", or None."""
        if self.kind != "num":
            return None
        whole = self.text.split(".", 1)[0]
        if "," in whole:
            return "comma"
        if any(c in whole for c in SPACES):
            return "space"
        return None

    @property
    def number(self) -> Decimal:
        return Decimal(re.sub(rf"[,{SPACES}]", "", self.text))

    @property
    def is_integer(self) -> bool:
        return self.kind == "num" and "." not in self.text

    @property
    def digits(self) -> int:
        """How many digits before the decimal point."""
        return sum(c.isdigit() for c in self.text.split(".", 1)[0])


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        token = Token(m.lastgroup or "sym", m.group(), m.start(), m.end())
        if token.grouped == "space" and _must_split(tokens, token):
            tokens.extend(_split(token))
        else:
            tokens.append(token)
    return tokens


def _must_split(before: list[Token], token: Token) -> bool:
    """A space-grouped number that is really a day (or a small number) followed by another number."""
    if not before:
        return False
    prev = before[-1]
    if prev.kind == "word" and prev.low in MONTHS:
        return True  # "March 15 200 people"
    if prev.kind == "sym" and prev.text == "." and len(before) > 1 and before[-2].low in MONTHS:
        return True  # "Jan. 12 300 people"
    return False


def _split(token: Token) -> list[Token]:
    out = []
    for m in re.finditer(r"\d+(?:\.\d+)?", token.text):
        out.append(Token("num", m.group(), token.start + m.start(), token.start + m.end()))
    return out
