"""How consistently a class highlights: Fleiss' kappa on word tokens, and per-word coverage for a heatmap.

Plain Python, no Django. Words are ``teaching.text.matching.tokenize`` tokens; a highlight covers a word when
it covers any character of it (the same rule as matching).

Kappa on words
--------------
For one article and one category each word is a *subject* and each student a *rater* who either
highlighted it or not. Fleiss' kappa compares the agreement observed with the agreement chance alone
would give from how much each student highlights overall:

    P_i = (Σ_j n_ij² − n) / (n (n − 1))      agreement on subject i (n raters, n_ij in category j)
    P̄  = mean of P_i,  p_j = Σ_i n_ij / (N n),  P̄e = Σ_j p_j²
    κ   = (P̄ − P̄e) / (1 − P̄e)

Every student who took part counts as a rater, including one who highlighted nothing in the category
(that student rated every word "not highlighted"). A student's overlapping highlights count once.

Undefined cases give ``None`` (shown as "not enough highlights yet"), never a made-up number:
fewer than two raters, no words, or every rating the same — in practice nobody highlighted anything in
the category (or everybody highlighted every word). Then P̄ = P̄e = 1 and κ is 0/0: the class "agrees"
only because there was nothing to disagree about, which says nothing about how consistently it reads.

Coverage for the heatmap
------------------------
``coverage`` counts, per word, the students whose highlights cover it; ``heatmap`` does so for all
categories together and per category, and groups consecutive words with the same counts into
passages with a plain reading ("12 of 27 students — 9 as numbers, 3 as rhetoric"). Both are one sweep:
each highlight becomes +1/−1 at its first and past-last word (a binary search per highlight), then one
running sum over the words: O(words + highlights · log words).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice, pairwise
from operator import mul, ne

from teaching.categories import VALUES as CATEGORY_ORDER
from teaching.text.matching import Tokens, tokenize

__all__ = [
    "Highlight",
    "Heatmap",
    "Passage",
    "band",
    "coverage",
    "describe",
    "describe_figures",
    "describe_run",
    "fleiss_kappa",
    "heatmap",
    "heatmap_from_word_ranges",
    "kappa_from_coverage",
    "with_signs",
    "word_kappa",
    "word_ranges",
]


# --- kappa ------------------------------------------------------------------------------------------


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa for a subjects × categories matrix of rater counts (each row sums to the raters).

    None when undefined: no subjects, fewer than two raters, or all ratings in one category.
    Raises ValueError for negative counts or rows with different numbers of raters.
    """
    if not counts:
        return None
    raters = sum(counts[0])
    columns = [0] * len(counts[0])
    observed = 0.0
    for row in counts:
        if len(row) != len(columns) or sum(row) != raters or any(c < 0 for c in row):
            raise ValueError("Every subject must be rated by the same raters, with non-negative counts.")
        for j, c in enumerate(row):
            columns[j] += c
        observed += sum(c * c for c in row)
    if raters < 2:
        return None
    subjects = len(counts)
    total = subjects * raters
    if max(columns) == total:
        return None  # one category took every rating: 0/0
    p_bar = (observed - total) / (total * (raters - 1))
    p_e = sum((c / total) ** 2 for c in columns)
    return (p_bar - p_e) / (1 - p_e)


def word_kappa(text: str | Tokens, span_sets: Sequence[Iterable[tuple[int, int]]]) -> float | None:
    """Fleiss' kappa over the words of ``text``; one (start, end) span set per student (may be empty)."""
    tokens = text if isinstance(text, Tokens) else tokenize(text)
    raters = len(span_sets)
    counts = coverage(tokens, span_sets)
    return fleiss_kappa([(raters - c, c) for c in counts])


# --- coverage ---------------------------------------------------------------------------------------


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for i, j in sorted(r for r in ranges if r[1] > r[0]):
        if merged and i <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], j))
        else:
            merged.append((i, j))
    return merged


def word_ranges(tokens: Tokens, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """One student's highlights as merged, non-empty word ranges [first, past last)."""
    return _merge(tokens.word_range(s, e) for s, e in spans)


_word_ranges = word_ranges


def _sweep(size: int, ranges: Iterable[tuple[int, int]]) -> list[int]:
    delta = [0] * (size + 1)
    for i, j in ranges:
        delta[i] += 1
        delta[j] -= 1
    out, running = [], 0
    for d in delta[:size]:
        running += d
        out.append(running)
    return out


def coverage(text: str | Tokens, span_sets: Iterable[Iterable[tuple[int, int]]]) -> list[int]:
    """Per word token: how many of the span sets (students) cover it."""
    tokens = text if isinstance(text, Tokens) else tokenize(text)
    return _sweep(len(tokens), (r for spans in span_sets for r in _word_ranges(tokens, spans)))


# --- heatmap ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Highlight:
    student: Hashable
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class Passage:
    """Consecutive words highlighted by the same numbers of students."""

    start: int  # offset of the first word
    end: int  # offset just past the last word
    first_word: int
    last_word: int  # inclusive
    students: int
    by_category: dict[str, int]

    def share(self, class_size: int) -> float:
        return self.students / class_size if class_size else 0.0

    def describe(self, class_size: int) -> str:
        """e.g. "12 of 27 students — 9 as numbers, 3 as rhetoric" (never "1 numbers")."""
        return describe_figures(self.students, self.by_category.items(), class_size)


def describe_figures(students: int, by_category: Iterable[tuple[str, int]], class_size: int) -> str:
    """``Passage.describe`` from its figures: students, then (category, students) pairs in order."""
    reading = f"{students} of {class_size} {'student' if class_size == 1 else 'students'}"
    parts = [f"{n} as {category}" for category, n in by_category if n]
    return reading + (" — " + ", ".join(parts) if parts else "")


@lru_cache(maxsize=1 << 15)
def describe_run(figures: tuple[int, ...], shown: tuple[str, ...], class_size: int) -> str:
    """``describe_figures`` for one of ``Heatmap.runs``' figures (students, then each category in ``shown``).

    Kept per process: a class of 160 has over a thousand different figures on one article, and a reload of
    its heatmap (the teacher following a lesson) shows nearly all of them again; formatting them was the part
    of the page that grew with the class."""
    return describe_figures(figures[0], zip(shown, figures[1:], strict=True), class_size)


# Signs printed against a figure belong to it although they are not word characters: a passage over
# "18.4 million" in "£18.4 million" shows (and shades) "£18.4 million", and one over "41" in "41%" "41%".
_CURRENCY = "£$€¥₴₽₹"
_SIGNS_BEFORE = re.compile(f"[{_CURRENCY}]+$")
# The characters just before a passage after which _SIGNS_BEFORE can match: a sign, or a newline (``$`` also
# matches before a newline ending the window). Any other character, and the search is not worth starting.
_MAY_FOLLOW_SIGNS = frozenset(_CURRENCY + "\n")
_SIGNS_AFTER = ("%", "‰")


def with_signs(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened over currency signs just before it and a percent sign just after it."""
    if start and text[start - 1] in _MAY_FOLLOW_SIGNS:
        before = _SIGNS_BEFORE.search(text, max(0, start - 3), start)
        if before:
            start = before.start()
    return start, (end + 1 if text[end : end + 1] in _SIGNS_AFTER else end)


@dataclass(frozen=True)
class Heatmap:
    tokens: Tokens
    class_size: int
    total: tuple[int, ...]  # per word: students who highlighted it in any category
    by_category: dict[str, tuple[int, ...]]  # per category, per word: students
    text: str = ""  # the words the tokens were read from, when known: a passage then keeps its figures' signs

    def runs(self, category: str | None = None) -> tuple[list[str], list[tuple[int, int, int, int, tuple[int, ...]]]]:
        """``passages`` as plain rows, for a page that shows thousands: the categories shown, and per passage
        (start, end, first word, last word inclusive, figures) where figures are (students, then each
        category shown)."""
        if category is not None and category not in self.by_category:
            return [], []
        counts = self.total if category is None else self.by_category[category]
        shown = list(self.by_category) if category is None else [category]
        # Per word, its figures as one tuple (total, then each category shown): a run is equal tuples. Where
        # the runs change is found by comparing each word's figures with the word's before it (in C).
        figures = list(zip(counts, *(self.by_category[c] for c in shown), strict=True))
        size = len(figures)
        if not size:
            return shown, []
        bounds = [0, *compress(range(1, size), map(ne, islice(figures, 1, None), figures)), size]
        starts, ends, text = self.tokens.starts, self.tokens.ends, self.text
        out = []
        for run_start, past in pairwise(bounds):
            first = figures[run_start]
            if first[0]:
                start, end = starts[run_start], ends[past - 1]
                if text:
                    start, end = with_signs(text, start, end)
                out.append((start, end, run_start, past - 1, first))
        return shown, out

    def passages(self, category: str | None = None) -> list[Passage]:
        """Runs of highlighted words with equal counts (all categories, or one), in reading order."""
        shown, rows = self.runs(category)
        return [
            Passage(
                start=start,
                end=end,
                first_word=first_word,
                last_word=last_word,
                students=figures[0],
                by_category=dict(zip(shown, figures[1:], strict=True)),
            )
            for start, end, first_word, last_word, figures in rows
        ]


def heatmap(
    text: str | Tokens,
    highlights: Iterable[Highlight],
    *,
    class_size: int | None = None,
    categories: Iterable[str] | None = None,
    source: str = "",
) -> Heatmap:
    """Per-word counts of distinct students, overall and per category.

    ``class_size`` is the denominator for shares (default: the students seen in ``highlights``).
    ``categories`` fixes which categories are counted, and their order; highlights in other categories
    are left out of the totals too (default: every category present, in the canonical order).
    ``source`` is the text ``tokens`` were read from, when ``text`` is given as tokens.
    """
    source = source if isinstance(text, Tokens) else text
    tokens = text if isinstance(text, Tokens) else tokenize(text)
    items = list(highlights)
    if categories is None:
        present = {h.category for h in items}
        wanted = [c for c in CATEGORY_ORDER if c in present] + sorted(present - set(CATEGORY_ORDER))
    else:
        wanted = list(dict.fromkeys(categories))
        allowed = set(wanted)
        items = [h for h in items if h.category in allowed]
    per_student: dict[Hashable, list[tuple[int, int]]] = {}
    per_category: dict[str, dict[Hashable, list[tuple[int, int]]]] = {c: {} for c in wanted}
    for h in items:
        per_student.setdefault(h.student, []).append((h.start, h.end))
        per_category[h.category].setdefault(h.student, []).append((h.start, h.end))
    return Heatmap(
        tokens=tokens,
        class_size=len(per_student) if class_size is None else class_size,
        total=tuple(coverage(tokens, per_student.values())),
        by_category={c: tuple(coverage(tokens, per_category[c].values())) for c in wanted},
        text=source,
    )


def heatmap_from_word_ranges(
    tokens: Tokens,
    students: Iterable[Mapping[str, Sequence[tuple[int, int]]]],
    *,
    class_size: int,
    categories: Iterable[str],
    source: str = "",
) -> Heatmap:
    """``heatmap`` from each student's merged word ranges per category (``word_ranges``), as kept between
    reads: the same counts without going back to the highlights. ``source``: the text of ``tokens``."""
    wanted = list(dict.fromkeys(categories))
    total: list[tuple[int, int]] = []
    per_category: dict[str, list[tuple[int, int]]] = {c: [] for c in wanted}
    for ranges in students:
        own = [ranges.get(c, ()) for c in wanted]
        for c, r in zip(wanted, own, strict=True):
            per_category[c].extend(r)
        total.extend(_merge(r for rs in own for r in rs))
    size = len(tokens)
    return Heatmap(
        tokens=tokens,
        class_size=class_size,
        total=tuple(_sweep(size, total)),
        by_category={c: tuple(_sweep(size, per_category[c])) for c in wanted},
        text=source,
    )


def kappa_from_coverage(counts: Sequence[int], raters: int) -> float | None:
    """``word_kappa`` from per-word counts of the raters who highlighted each word.

    ``fleiss_kappa`` of the rows (raters − c, c), in closed form: the sums it needs are taken over the
    counts at once rather than row by row (the heatmap asks this for every category on every load).
    """
    if not counts:
        return None
    if min(counts) < 0 or max(counts) > raters:
        raise ValueError("Every subject must be rated by the same raters, with non-negative counts.")
    if raters < 2:
        return None
    subjects = len(counts)
    highlighted = sum(counts)
    columns = [subjects * raters - highlighted, highlighted]
    # Σ (r − c)² + c² = Σ r² − 2rc + 2c²
    observed = subjects * raters * raters - 2 * raters * highlighted + 2 * sum(map(mul, counts, counts))
    total = subjects * raters
    if max(columns) == total:
        return None  # one category took every rating: 0/0
    p_bar = (observed - total) / (total * (raters - 1))
    p_e = sum((c / total) ** 2 for c in columns)
    return (p_bar - p_e) / (1 - p_e)


# --- plain-language reading -------------------------------------------------------------------------

# Landis & Koch (1977): below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, then
# almost perfect; each with the words a teacher reads.
_BANDS: list[tuple[float, str, str]] = [
    (0.20, "slight", "hardly agrees on {what}"),
    (0.40, "fair", "agrees a little on {what}"),
    (0.60, "moderate", "partly agrees on {what}"),
    (0.80, "substantial", "mostly agrees on {what}"),
    (float("inf"), "almost perfect", "almost fully agrees on {what}"),
]
_POOR = "does not agree on {what}: the highlights overlap less than chance alone would make them"


def band(kappa: float | None) -> str | None:
    """Landis & Koch's name for a kappa: poor (< 0), slight, fair, moderate, substantial, almost perfect."""
    if kappa is None:
        return None
    if kappa < 0:
        return "poor"
    return next(name for upper, name, _ in _BANDS if kappa <= upper)


def describe(kappa: float | None, category: str | None = None) -> str:
    """One line for teachers, e.g. "The class mostly agrees on which words are sourcing."."""
    what = f"which words are {category}" if category else "which words to highlight"
    if kappa is None:
        return f"Not enough highlights yet to tell whether the class agrees on {what}."
    phrase = _POOR if kappa < 0 else next(p for upper, _, p in _BANDS if kappa <= upper)
    return f"The class {phrase.format(what=what)}."
