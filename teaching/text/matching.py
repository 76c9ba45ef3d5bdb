"""Match a student's annotations to the teacher's reference key, measured on words.

Plain Python, no Django. Spans are ``Span(start, end, category)`` in code-point offsets into one text.

Words
-----
``tokenize(text)`` splits the text into word tokens: a number with its separators is one word
("1,200", "1.3", "5:1"), otherwise a run of letters and digits (``[^\\W_]+``), so "Putin’s" is "Putin"
+ "s" and "1,200-1,500" is two words. A span covers a word when it covers any character of it: a student
whose selection stops one letter short of a word still gets the word. Spans with no word (only
punctuation or spaces) cover nothing and never match.

When a highlight matches a key item
-----------------------------------
With K the key item's words, S the student's words and O the words they share (by position, so the
same words elsewhere in the text do not count), a pair is a *candidate* when the categories agree and

    (a) O covers at least half of K               — the student found most of the item, or
    (b) O covers at least half of S and |O| ≥ 2   — the highlight sits mostly inside the item and is
                                                    more than one word.

(b) is what makes "approximately 300 troops" (3 of the 8 words of "approximately 300 troops now
operating inside the city") a match: students rightly highlight the core of a claim, not the teacher's
exact phrasing. Its two-word floor is what keeps a one-word overlap with a long item ("city") from
matching. A symmetric measure (Dice 2|O|/(|K|+|S|) or Jaccard |O|/|K∪S|) was considered and rejected
as the *rule*: it punishes a precise short highlight inside a long key item (2 of 27 words: Dice 0.14)
exactly as much as a stray one, so the threshold would have to be tuned per item. Dice is still used
as the *score* that decides between candidates, because it prefers the tightest pairing.

One to one
----------
Each key item is found by at most one highlight and each highlight finds at most one key item:
candidates are taken greedily by score (Dice, then more shared words, then reading order). Greedy is
not an optimal assignment in theory, but with spans this short competing candidates are rare and the
greedy choice is the one a teacher would make by eye.

So a long highlight that swallows two key items finds one of them (the better fit); the other is
shown as missed, with its explanation. That is deliberate and, we think, fair: a highlight is one
claim, precise highlighting is the skill being taught, and otherwise one highlight of a whole
paragraph would "find" everything in it. The feedback makes the remedy obvious (highlight the second
claim on its own).

Two highlights on one key item: the better one finds it; the other is a *duplicate*, reported apart
and counted neither for nor against the student (not an "extra", since it is on a found item).
Highlights that find nothing are *extra*: not wrong, they wait for the teacher.

Figures
-------
recall = found / key items, precision = found / (found + extra). A zero denominator gives ``None``
(no key items in a category; no highlights in it), shown as "—" by ``format_ratio``. Overall figures
add up the counts over categories (micro average), so a category with many items weighs more.

Cost: candidates come from one sweep over the spans sorted by start, keeping the spans still open in
a heap by end, so only overlapping pairs are ever compared: O((n + m) log(n + m) + overlapping pairs).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from teaching.categories import VALUES as CATEGORY_ORDER

__all__ = [
    "CategoryScore",
    "Match",
    "Scores",
    "Span",
    "Tokens",
    "format_ratio",
    "match",
    "tokenize",
]

WORD_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W_]+")
MIN_SHARE = 0.5
MIN_WORDS_INSIDE = 2


@dataclass(frozen=True)
class Tokens:
    """Word tokens of a text, as parallel lists of start and end offsets."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the words that share at least one character with text[start:end]."""
        if end <= start:
            return 0, 0
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        return (i, j) if i < j else (i, i)


def tokenize(text: str) -> Tokens:
    starts, ends = [], []
    for m in WORD_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return Tokens(tuple(starts), tuple(ends))


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    ref: object = field(default=None, compare=False)  # the annotation or key item behind it


@dataclass(frozen=True)
class Match:
    key: Span
    student: Span
    overlap: int  # shared words
    key_words: int
    student_words: int

    @property
    def score(self) -> float:
        return 2 * self.overlap / (self.key_words + self.student_words)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class CategoryScore:
    category: str
    found: tuple[Match, ...] = ()
    missed: tuple[Span, ...] = ()
    extra: tuple[Span, ...] = ()
    duplicates: tuple[Span, ...] = ()

    @property
    def recall(self) -> float | None:
        return _ratio(len(self.found), len(self.found) + len(self.missed))

    @property
    def precision(self) -> float | None:
        return _ratio(len(self.found), len(self.found) + len(self.extra))


@dataclass(frozen=True)
class Scores:
    categories: dict[str, CategoryScore]

    @property
    def found(self) -> int:
        return sum(len(c.found) for c in self.categories.values())

    @property
    def missed(self) -> int:
        return sum(len(c.missed) for c in self.categories.values())

    @property
    def extra(self) -> int:
        return sum(len(c.extra) for c in self.categories.values())

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.found + self.missed)

    @property
    def precision(self) -> float | None:
        return _ratio(self.found, self.found + self.extra)


def format_ratio(value: float | None) -> str:
    """0.75 → "75%"; None (nothing to divide by) → "—"."""
    return "—" if value is None else f"{round(value * 100)}%"


def _is_candidate(overlap: int, key_words: int, student_words: int) -> bool:
    if overlap <= 0:
        return False
    if overlap >= MIN_SHARE * key_words:
        return True
    return overlap >= MIN_SHARE * student_words and overlap >= MIN_WORDS_INSIDE


def _overlapping_pairs(key: list[tuple[int, int]], student: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(key index, student index, shared words) for every pair sharing at least one word, by sweep."""
    events = sorted(
        [(r[0], 0, n) for n, r in enumerate(key) if r[1] > r[0]]
        + [(r[0], 1, n) for n, r in enumerate(student) if r[1] > r[0]]
    )
    open_spans: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])  # heaps of (end, index)
    ranges = (key, student)
    pairs = []
    for start, side, n in events:
        other = open_spans[1 - side]
        while other and other[0][0] <= start:
            heapq.heappop(other)
        own_end = ranges[side][n][1]
        for other_end, m in other:
            # the other span started at or before this one and is still open: they overlap
            shared = min(own_end, other_end) - start
            pairs.append((n, m, shared) if side == 0 else (m, n, shared))
        heapq.heappush(open_spans[side], (own_end, n))
    return pairs


def _match_category(category: str, tokens: Tokens, key: list[Span], student: list[Span]) -> CategoryScore:
    key_ranges = [tokens.word_range(s.start, s.end) for s in key]
    student_ranges = [tokens.word_range(s.start, s.end) for s in student]
    pairs = _overlapping_pairs(key_ranges, student_ranges)
    candidates = []
    for k, s, shared in pairs:
        kw = key_ranges[k][1] - key_ranges[k][0]
        sw = student_ranges[s][1] - student_ranges[s][0]
        if _is_candidate(shared, kw, sw):
            dice = 2 * shared / (kw + sw)
            candidates.append((-dice, -shared, key[k].start, student[s].start, k, s, kw, sw))
    candidates.sort()
    key_taken: dict[int, Match] = {}
    student_taken: set[int] = set()
    for _, neg_shared, _, _, k, s, kw, sw in candidates:
        if k in key_taken or s in student_taken:
            continue
        key_taken[k] = Match(key[k], student[s], -neg_shared, kw, sw)
        student_taken.add(s)
    on_found = {s for k, s, _ in pairs if k in key_taken and s not in student_taken}
    return CategoryScore(
        category=category,
        found=tuple(key_taken[k] for k in sorted(key_taken, key=lambda k: (key[k].start, key[k].end, k))),
        missed=tuple(sorted((key[k] for k in range(len(key)) if k not in key_taken), key=_position)),
        extra=tuple(
            sorted(
                (student[s] for s in range(len(student)) if s not in student_taken and s not in on_found),
                key=_position,
            )
        ),
        duplicates=tuple(sorted((student[s] for s in on_found), key=_position)),
    )


def _position(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _ordered_categories(categories: Iterable[str]) -> list[str]:
    wanted = set(categories)
    known = [c for c in CATEGORY_ORDER if c in wanted]
    return known + sorted(wanted - set(known))


def match(
    text: str | Tokens,
    key: Sequence[Span],
    student: Sequence[Span],
    categories: Iterable[str] | None = None,
) -> Scores:
    """Found / missed / extra / duplicates per category (see the module docstring for the rule).

    ``categories`` lists the categories to report even when empty (e.g. an assignment's categories);
    spans in other categories are ignored. By default every category present in either list is reported.
    """
    tokens = text if isinstance(text, Tokens) else tokenize(text)
    if categories is None:
        wanted = _ordered_categories({s.category for s in key} | {s.category for s in student})
    else:
        wanted = _ordered_categories(categories)
    by_key: dict[str, list[Span]] = {c: [] for c in wanted}
    by_student: dict[str, list[Span]] = {c: [] for c in wanted}
    for span in key:
        if span.category in by_key:
            by_key[span.category].append(span)
    for span in student:
        if span.category in by_student:
            by_student[span.category].append(span)
    return Scores({c: _match_category(c, tokens, by_key[c], by_student[c]) for c in wanted})
