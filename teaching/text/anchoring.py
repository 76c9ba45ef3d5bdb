"""Text selectors for annotations (W3C TextPositionSelector + TextQuoteSelector).

Plain Python, no Django: positions count Unicode code points, as the W3C model does.
Re-anchoring after an article correction lives here too (``Reanchorer``).
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
# A highlight is placed on exactly its own words or visibly set aside ("orphaned"); never on other
# words, never on its words plus others. Its words are the characters the student selected, and a
# character diff of old → new text says which of them are still there:
#   1. Follow the edit: if every non-space character of the highlight survived the diff, in order, with
#      no new non-space character between them, the highlight is those characters (kept, or moved when
#      the edit shifted them; whitespace between words may have changed: a paragraph split or merge).
#   2. Follow a move: if all of its characters were deleted, a block of text around it that is unique in
#      both texts, at least MOVE_MIN_CHARS long, and was inserted whole elsewhere, carries it along
#      (a sentence moved to another paragraph).
#   3. Anything else is set aside: a word inside it changed, or its words are gone. Searching for "the
#      same quote" elsewhere is exactly how a highlight jumps to a pull quote or a repeated line.
# The diff is shifted to word and sentence boundaries (diff-match-patch's semantic-lossless pass), so a
# deleted sentence followed by a sentence that starts with the same word loses its own first word, not
# the next sentence's.
#
# One thing no diff can tell: which of two copies is the old one, when text is inserted right beside a
# copy of itself (a pull quote put next to its sentence, then a word of one copy corrected). "S" → "S' S"
# reads the same whether S' was inserted, or S copied after itself and the first copy corrected; the diff
# picks the cheaper story, the editor may have lived the other. Text beside an inserted near-copy of itself
# is therefore ambiguous: highlights on it are set aside, never guessed onto one of the copies.

MOVE_MIN_CHARS = 20
COPY_SHINGLE = 8  # characters compared at a time when looking for an inserted near-copy of its neighbours
COPY_SHARE = 0.5  # share of an insertion's shingles found beside it that makes it a copy


@dataclass(frozen=True)
class Placement:
    status: str  # "kept" | "moved" | "orphaned"
    start: int | None = None
    end: int | None = None
    exact: str | None = None

    @property
    def is_orphaned(self) -> bool:
        return self.status == "orphaned"


KEPT, MOVED, ORPHANED = "kept", "moved", "orphaned"
_ORPHANED = Placement(ORPHANED)


def _dmp():
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 2.0
    return dmp


def _prefix_counts(flags: list[bool]) -> list[int]:
    out = [0] * (len(flags) + 1)
    total = 0
    for i, flag in enumerate(flags):
        total += flag
        out[i + 1] = total
    return out


def _joined(text: str, left: int, right: int) -> bool:
    """Whether text[left] and text[right] are letters or digits of one word (False at either end)."""
    return 0 <= left and right < len(text) and text[left].isalnum() and text[right].isalnum()


def _count(text: str, needle: str, limit: int = 2) -> int:
    """How many times ``needle`` occurs in ``text`` (overlapping), counting up to ``limit``."""
    n, pos = 0, text.find(needle)
    while pos != -1 and n < limit:
        n += 1
        pos = text.find(needle, pos + 1)
    return n


class Reanchorer:
    """Re-anchors many selectors from one old text to one new text (the diff is computed once).

    Each placement costs a few lookups in arrays built from the diff, so 20,000 highlights take
    about as long as the diff itself.
    """

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text
        self.same = old_text == new_text
        if self.same:
            return
        dmp = _dmp()
        diffs = dmp.diff_main(old_text, new_text, False)
        dmp.diff_cleanupSemanticLossless(diffs)
        to_new = [-1] * len(old_text)  # new index of each surviving old character, -1 when deleted
        inserted = [False] * len(new_text)
        self._equal: list[tuple[int, int, int]] = []  # (old start, old end, shift) of each unchanged stretch
        i = j = 0
        for op, chunk in diffs:
            n = len(chunk)
            if op == 0:
                to_new[i : i + n] = range(j, j + n)
                self._equal.append((i, i + n, j - i))
                i += n
                j += n
            elif op < 0:
                i += n
            else:
                inserted[j : j + n] = [True] * n
                j += n
        self._to_new = to_new
        self._inserted = inserted
        old_word = [not c.isspace() for c in old_text]
        self._old_words = _prefix_counts(old_word)
        self._old_lost = _prefix_counts([w and t < 0 for w, t in zip(old_word, to_new, strict=True)])
        self._new_added = _prefix_counts([f and not c.isspace() for f, c in zip(inserted, new_text, strict=True)])
        beside_copy = _beside_inserted_copies(new_text, inserted)
        self._old_ambiguous = _prefix_counts([t >= 0 and beside_copy[t] for t in to_new])

    def unchanged_ranges(self, context: int = CONTEXT_CHARS) -> list[tuple[int, int, int]]:
        """Stretches ``(lo, hi, shift)`` of the old text where any span with ``lo <= start < end <= hi`` keeps
        its quote and its ``context`` characters each side, ``shift`` characters later in the new text.

        ``place`` would say exactly that for them, so a caller holding many spans can move those in bulk
        and place only the few that lie near an edit.
        """
        old_len, new_len = len(self.old_text), len(self.new_text)
        if self.same:
            return [(0, old_len, 0)]
        ranges = []
        ambiguous = self._old_ambiguous
        for lo, hi, shift in self._equal:
            if not (lo == 0 and shift == 0):
                lo += context  # the prefix must be unchanged too (unless the text starts here in both)
            if not (hi == old_len and hi + shift == new_len):
                hi -= context
            if hi - lo <= 0:
                continue
            if ambiguous[hi] == ambiguous[lo]:
                ranges.append((lo, hi, shift))
                continue
            # Leave out the characters beside an inserted copy: ``place`` sets spans on them aside.
            run = lo
            for i in range(lo, hi + 1):
                if i == hi or ambiguous[i + 1] != ambiguous[i]:
                    if i > run:
                        ranges.append((run, i, shift))
                    run = i + 1
        return ranges

    def place(self, *, start: int, end: int, exact: str, prefix: str = "", suffix: str = "") -> Placement:
        old, new = self.old_text, self.new_text
        if old[start:end] != exact or not exact.strip():
            # The selector does not read the old text (it should): only an unambiguous quote is trusted.
            if _count(old, exact) != 1:
                return _ORPHANED
            start = old.find(exact)
            end = start + len(exact)
        if self.same:
            return Placement(KEPT, start, end, exact)
        a = start + (len(exact) - len(exact.lstrip()))
        b = end - (len(exact) - len(exact.rstrip()))
        placed = self._follow_edit(a, b)
        if placed is None:
            placed = self._follow_move(a, b)
        if placed is None:
            return _ORPHANED
        ns, ne = placed
        if _joined(old, a - 1, a) != _joined(new, ns - 1, ns) or _joined(old, b - 1, b) != _joined(new, ne - 1, ne):
            return _ORPHANED  # a letter added to or dropped from a word at its edge: "had" → "hhad"
        # Spaces the student selected around the words stay if they are still there.
        lead, trail = old[start:a], old[b:end]
        if lead and new[ns - len(lead) : ns] == lead:
            ns -= len(lead)
        if trail and new[ne : ne + len(trail)] == trail:
            ne += len(trail)
        found = new[ns:ne]
        if found != exact and found.split() != exact.split():
            return _ORPHANED  # two words run together, or one split in two: the words changed
        return Placement(KEPT if (ns, ne) == (start, end) and found == exact else MOVED, ns, ne, found)

    def _follow_edit(self, a: int, b: int) -> tuple[int, int] | None:
        """Where the diff put these characters, if all of them survived together (and unambiguously)."""
        if self._old_lost[b] != self._old_lost[a] or self._old_ambiguous[b] != self._old_ambiguous[a]:
            return None
        ns, last = self._to_new[a], self._to_new[b - 1]
        if ns < 0 or last < 0:
            return None
        ne = last + 1
        if self._new_added[ne] != self._new_added[ns]:
            return None  # a word was inserted between them
        return ns, ne

    def _follow_move(self, a: int, b: int) -> tuple[int, int] | None:
        """Where a deleted block that contains these characters was inserted again, if unambiguous."""
        old, new = self.old_text, self.new_text
        words = self._old_words[b] - self._old_words[a]
        if self._old_lost[b] - self._old_lost[a] != words:
            return None  # partly still in place: an edit inside, not a move
        to_new, inserted = self._to_new, self._inserted
        core = old[a:b]
        best: list[tuple[int, int, int]] = []
        pos = new.find(core)
        while pos != -1:
            if self._new_added[pos + len(core)] - self._new_added[pos] == words:
                bs, ps = a, pos  # grow the block while both sides read alike and are moved text
                while bs and ps and old[bs - 1] == new[ps - 1] and to_new[bs - 1] < 0 and inserted[ps - 1]:
                    bs, ps = bs - 1, ps - 1
                be, pe = b, pos + len(core)
                while be < len(old) and pe < len(new) and old[be] == new[pe] and to_new[be] < 0 and inserted[pe]:
                    be, pe = be + 1, pe + 1
                best.append((be - bs, bs, ps))
            pos = new.find(core, pos + 1)
        best.sort(reverse=True)
        if not best or (len(best) > 1 and best[1][0] == best[0][0]):
            return None  # the longest agreement decides ("the" inside the moved sentence, not another "the")
        length, bs, ps = best[0]
        block = old[bs : bs + length].strip()  # the words: a space around them does not make them unique
        if len(block) < MOVE_MIN_CHARS or _count(old, block) != 1 or _count(new, block) != 1:
            return None
        return ps + (a - bs), ps + (b - bs)


def _beside_inserted_copies(new_text: str, inserted: list[bool]) -> list[bool]:
    """For each character of the new text: whether it is surviving text that an insertion beside it copies
    (the diff may have taken the copy for the original: see the note above ``MOVE_MIN_CHARS``)."""
    n, k = len(new_text), COPY_SHINGLE
    marked = [False] * n
    regions: list[list[int]] = []  # inserted runs, joined across a few surviving characters: the diff
    i = 0  # often threads the old sentence through both copies ("3" kept here, ".1" kept there)
    while i < n:
        if not inserted[i]:
            i += 1
            continue
        s = i
        while i < n and inserted[i]:
            i += 1
        if regions and s - regions[-1][1] <= k:
            regions[-1][1] = i
        else:
            regions.append([s, i])
    for s, e in regions:
        run = new_text[s:e]
        if sum(inserted[x] and not new_text[x].isspace() for x in range(s, e)) < MOVE_MIN_CHARS:
            continue
        shingles = {run[j : j + k] for j in range(len(run) - k + 1)}
        pieces = [(j, new_text[j : j + k]) for j in range(max(0, s - len(run)), s - k + 1)]
        pieces += [(j, new_text[j : j + k]) for j in range(e, min(n, e + len(run)) - k + 1)]
        left = [j for j, piece in pieces if j < s and piece in shingles]
        right = [j for j, piece in pieces if j >= e and piece in shingles]
        # Only a copy that touches the insertion counts (gaps shorter than a shingle are corrected letters):
        # there the diff could as well have slid the insertion across it. Further away it is a pull quote.
        lo = s
        for j in reversed(left):
            if j + k < lo - k:
                break
            lo = min(lo, j)
        hi = e
        for j in right:
            if j > hi + k:
                break
            hi = max(hi, j + k)
        found = {new_text[j : j + k] for j in [*left, *right] if lo <= j and j + k <= hi}
        if len(found) < COPY_SHARE * len(shingles):
            continue
        for x in range(lo, hi):
            marked[x] = marked[x] or not inserted[x]
    return marked


def reanchor(
    old_text: str, new_text: str, *, start: int, end: int, exact: str, prefix: str = "", suffix: str = ""
) -> Placement:
    """Place one selector made on ``old_text`` in ``new_text`` (see Reanchorer)."""
    return Reanchorer(old_text, new_text).place(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)
