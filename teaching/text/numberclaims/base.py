"""The token walker the readers share: looking at tokens, phrases, adjacency and line breaks."""

from __future__ import annotations

from teaching.text.numberclaims.tokens import Token, tokenize


class Walker:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)

    def tok(self, i: int) -> Token | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def is_word(self, i: int, *words: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind != "num" and t.low in words

    def is_num(self, i: int) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "num"

    def adjacent(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start

    def same_line(self, i: int) -> bool:
        """Only spaces (no line break) between token i-1 and token i."""
        return 0 < i < len(self.toks) and "\n" not in self.text[self.toks[i - 1].end : self.toks[i].start]

    def phrase(self, i: int, words: tuple[str, ...]) -> bool:
        for n, w in enumerate(words):
            if not self.is_word(i + n, w) or (n and not self.same_line(i + n)):
                return False
        return True

    def span(self, i: int, k: int) -> tuple[int, int, str]:
        """(start, end, text) of tokens i … k-1."""
        start, end = self.toks[i].start, self.toks[k - 1].end
        return start, end, self.text[start:end]

    def sentence_start(self, i: int) -> bool:
        """Token i begins a sentence or a line (nothing before it but punctuation that ends one)."""
        if i == 0:
            return True
        prev = self.toks[i - 1]
        return prev.text in {".", "!", "?", ":", "“", '"', "(", "‘", "—", "–"} or not self.same_line(i)
