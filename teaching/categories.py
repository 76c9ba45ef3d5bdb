"""The three things students highlight. Plain Python: used by models, forms, JS data and scoring."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    value: str
    label: str
    question: str  # the prompt students see in the legend and toolbar
    key: str  # keyboard shortcut in the selection toolbar


RHETORIC = Category("rhetoric", "Rhetoric", "Language that argues instead of informing", "r")
SOURCING = Category("sourcing", "Sourcing", "Who is cited, and can a reader check it?", "s")
NUMBERS = Category("numbers", "Numbers", "Numeric claims, above all ones other reports contradict", "n")

ALL: tuple[Category, ...] = (RHETORIC, SOURCING, NUMBERS)
BY_VALUE: dict[str, Category] = {c.value: c for c in ALL}
CHOICES: list[tuple[str, str]] = [(c.value, c.label) for c in ALL]
VALUES: tuple[str, ...] = tuple(c.value for c in ALL)


def ordered(values) -> list[str]:
    """Known category values in canonical order, duplicates and unknowns dropped."""
    wanted = set(values)
    return [v for v in VALUES if v in wanted]
