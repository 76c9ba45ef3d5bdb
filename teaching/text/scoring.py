"""Adding up matching results: one student's figures over several articles, and a class's per key item.

Plain Python, no Django. ``teaching.text.matching.match`` scores one article; a lesson has several, and the
teacher reads one line per student ("Found 14/21") and one line per key item ("found by 12 of 27").
Overall figures add up the counts (micro average), like ``Scores`` does over categories.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from teaching.text.matching import Scores, format_ratio

__all__ = ["CategoryTally", "Tally", "band_for_share", "tally", "tally_figures"]


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class CategoryTally:
    category: str
    found: int = 0
    missed: int = 0
    extra: int = 0

    @property
    def key_items(self) -> int:
        return self.found + self.missed

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.found + self.missed)

    @property
    def precision(self) -> float | None:
        return _ratio(self.found, self.found + self.extra)

    @property
    def recall_display(self) -> str:
        return format_ratio(self.recall)

    @property
    def precision_display(self) -> str:
        return format_ratio(self.precision)


@dataclass(frozen=True)
class Tally(CategoryTally):
    """Overall figures, with the per-category ones in canonical order."""

    categories: tuple[CategoryTally, ...] = ()


def tally(scores: Iterable[Scores], categories: Iterable[str]) -> Tally:
    """Counts per category (in the order given) and overall, over the scores of several articles."""
    wanted = list(dict.fromkeys(categories))
    found = dict.fromkeys(wanted, 0)
    missed = dict.fromkeys(wanted, 0)
    extra = dict.fromkeys(wanted, 0)
    for score in scores:
        for category, result in score.categories.items():
            if category in found:
                found[category] += len(result.found)
                missed[category] += len(result.missed)
                extra[category] += len(result.extra)
    per_category = tuple(CategoryTally(c, found[c], missed[c], extra[c]) for c in wanted)
    return Tally(
        category="all",
        found=sum(found.values()),
        missed=sum(missed.values()),
        extra=sum(extra.values()),
        categories=per_category,
    )


def tally_figures(figures: Iterable[Mapping[str, Sequence[int]]], categories: Iterable[str]) -> Tally:
    """``tally`` from kept counts: per article, category → (found, missed, extra)."""
    wanted = list(dict.fromkeys(categories))
    sums = {c: [0, 0, 0] for c in wanted}
    for article in figures:
        for category, counts in article.items():
            if category in sums:
                for n in range(3):
                    sums[category][n] += counts[n]
    per_category = tuple(CategoryTally(c, *sums[c]) for c in wanted)
    return Tally(
        category="all",
        found=sum(t.found for t in per_category),
        missed=sum(t.missed for t in per_category),
        extra=sum(t.extra for t in per_category),
        categories=per_category,
    )


def band_for_share(share: float, bands: int = 5) -> int:
    """0 for nobody, else 1..bands: the shade step of a share of the class (0 < share ≤ 1)."""
    if share <= 0:
        return 0
    return min(bands, max(1, math.ceil(round(share * bands, 9))))
