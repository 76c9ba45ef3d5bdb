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


# --- Re-anchoring after an article correction ---------------------------------------------------
#
# An annotation must either land on the same words or be visibly set aside ("orphaned"); it is never
# attached to another occurrence of the same words. The order of attempts:
#   1. Follow the edit: map the old span through a character diff of old → new text. If the mapped
#      span still reads the quote, it is the same words (kept, or moved when the edit shifted them).
#   2. Exact search: other occurrences of the quote, accepted only if their surrounding text agrees
#      with the stored prefix/suffix and exactly one candidate is best. Two equally good → ambiguous.
#   3. Fuzzy: diff-match-patch's bitap match of the quote's head and tail near the mapped position; the
#      found span must overlap where the edit put the old words and be at least SIMILARITY_THRESHOLD
#      similar (Levenshtein) to the quote. Anything else is orphaned.

SIMILARITY_THRESHOLD = 0.75
FUZZY_PATTERN_CHARS = 32  # bitap cost grows with pattern length; match head and tail separately


@dataclass(frozen=True)
class Placement:
    status: str  # "kept" | "moved" | "orphaned"
    start: int | None = None
    end: int | None = None
    exact: str | None = None
    similarity: float = 0.0

    @property
    def is_orphaned(self) -> bool:
        return self.status == "orphaned"


KEPT, MOVED, ORPHANED = "kept", "moved", "orphaned"


def _dmp():
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    return dmp


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / length of the longer string (1.0 = identical)."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    dmp = _dmp()
    return 1.0 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / max(len(a), len(b))


def _common_suffix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class Reanchorer:
    """Re-anchors many selectors from one old text to one new text (the diff is computed once)."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text
        self._dmp = _dmp()
        self._diffs = self._dmp.diff_main(old_text, new_text, False) if old_text != new_text else None

    def _map(self, index: int) -> int:
        if self._diffs is None:
            return index
        return self._dmp.diff_xIndex(self._diffs, index)

    def place(self, *, start: int, end: int, exact: str, prefix: str = "", suffix: str = "") -> Placement:
        new = self.new_text
        if self._diffs is None and new[start:end] == exact:
            return Placement(KEPT, start, end, exact, 1.0)
        ns = self._map(start)
        ne = self._map(end - 1) + 1 if end > start else ns
        if new[ns:ne] == exact:
            return Placement(KEPT if (ns, ne) == (start, end) else MOVED, ns, ne, exact, 1.0)
        found = self._exact_near(exact, ns, ne)
        if found is None:
            found = self._exact_by_context(exact, prefix, suffix)
        if found is not None:
            return Placement(KEPT if found == start else MOVED, found, found + len(exact), exact, 1.0)
        followed = self._followed(exact, ns, ne)
        if followed is not None:
            return followed
        return self._fuzzy(exact, ns, max(ne, ns))

    def _followed(self, exact: str, ns: int, ne: int) -> Placement | None:
        """The old words as the edit changed them, when still similar enough to the quote.

        The diff is the best witness of what became of these very words: "300 troops" edited to
        "3,000 troops" is that span, where a search would prefer the closer-looking "000 troops".
        """
        new = self.new_text
        ns, ne = max(0, ns), min(ne, len(new))
        while ns < ne and new[ns].isspace():
            ns += 1
        while ne > ns and new[ne - 1].isspace():
            ne -= 1
        if ne <= ns or ne - ns > MAX_QUOTE_CHARS:
            return None
        candidate = new[ns:ne]
        score = similarity(candidate, exact)
        if score < SIMILARITY_THRESHOLD:
            return None
        return Placement(MOVED, ns, ne, candidate, score)

    def _exact_near(self, exact: str, ns: int, ne: int) -> int | None:
        """An occurrence overlapping where the edit put the old span is the same words, shifted by an
        edit that touched their edge (the diff may align a boundary character either way)."""
        new = self.new_text
        lo, hi = max(0, ns - len(exact)), min(len(new), max(ne, ns) + len(exact))
        hits = []
        pos = new.find(exact, lo)
        while pos != -1 and pos < hi:
            if pos < max(ne, ns + 1) and pos + len(exact) > ns:
                hits.append(pos)
            pos = new.find(exact, pos + 1)
        return hits[0] if len(hits) == 1 else None

    def _exact_by_context(self, exact: str, prefix: str, suffix: str) -> int | None:
        new = self.new_text
        scored: list[tuple[float, int]] = []
        pos = new.find(exact)
        while pos != -1:
            before = new[max(0, pos - len(prefix)) : pos]
            after = new[pos + len(exact) : pos + len(exact) + len(suffix)]
            p = _common_suffix_len(prefix, before) / len(prefix) if prefix else 1.0
            s = _common_prefix_len(suffix, after) / len(suffix) if suffix else 1.0
            # Both sides must mostly agree: the same words in another context are another claim.
            if p >= 0.5 and s >= 0.5:
                scored.append((p + s, pos))
            pos = new.find(exact, pos + 1)
        if not scored:
            return None
        scored.sort(reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None  # ambiguous: do not guess
        return scored[0][1]

    def _refine(self, exact: str, s: int, e: int) -> tuple[int, int]:
        """Adjust the found span's ends to the most similar span nearby (bitap finds starts, not ends)."""
        new = self.new_text
        slack = max(4, len(exact) // 5)
        # Character similarity alone prefers cutting a word in half ("300 sold" over "300 soldiers"):
        # where the quote starts or ends on a whole word, only word edges are candidates.
        whole_start, whole_end = exact[0].isalnum(), exact[-1].isalnum()

        def inside_number(x: int) -> bool:  # "3,|000" and "1.|5" are not word edges
            return 2 <= x < len(new) and new[x - 1] in ",." and new[x - 2].isdigit() and new[x].isdigit()

        def starts_word(x: int) -> bool:
            return not whole_start or x == 0 or (not new[x - 1].isalnum() and not inside_number(x))

        def ends_word(x: int) -> bool:
            return not whole_end or x == len(new) or (not new[x].isalnum() and not inside_number(x + 1))

        ends = [x for x in range(max(s + 1, e - slack), min(len(new), e + slack) + 1) if ends_word(x)] or [e]
        e = max(ends, key=lambda x: (similarity(new[s:x], exact), -abs(x - e)))
        starts = [x for x in range(max(0, s - slack), min(e - 1, s + slack) + 1) if starts_word(x)] or [s]
        s = max(starts, key=lambda x: (similarity(new[x:e], exact), -abs(x - s)))
        return s, e

    def _fuzzy(self, exact: str, ns: int, ne: int) -> Placement:
        new = self.new_text
        if not new:
            return Placement(ORPHANED)
        dmp = self._dmp
        dmp.Match_Threshold = 0.5
        dmp.Match_Distance = 1000
        head = exact[:FUZZY_PATTERN_CHARS]
        tail = exact[-FUZZY_PATTERN_CHARS:]
        loc = min(ns, len(new) - 1)
        s = dmp.match_main(new, head, loc)
        if s == -1:
            return Placement(ORPHANED)
        if len(exact) <= FUZZY_PATTERN_CHARS:
            e = s + len(exact)
        else:
            tail_loc = min(s + len(exact) - len(tail), len(new) - 1)
            t = dmp.match_main(new, tail, max(0, tail_loc))
            if t == -1:
                return Placement(ORPHANED)
            e = t + len(tail)
        s, e = self._refine(exact, s, e)
        if e <= s:
            return Placement(ORPHANED)
        candidate = new[s:e]
        # Must overlap where the edit put the old words; a match elsewhere is another passage.
        if not (s < max(ne, ns + 1) and e > ns):
            return Placement(ORPHANED)
        if candidate == exact:
            return Placement(ORPHANED)  # an exact occurrence that failed the context check
        score = similarity(candidate, exact)
        if score < SIMILARITY_THRESHOLD or not candidate.strip():
            return Placement(ORPHANED)
        return Placement(MOVED, s, e, candidate, score)


def reanchor(
    old_text: str, new_text: str, *, start: int, end: int, exact: str, prefix: str = "", suffix: str = ""
) -> Placement:
    """Place one selector made on ``old_text`` in ``new_text`` (see Reanchorer)."""
    return Reanchorer(old_text, new_text).place(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)
