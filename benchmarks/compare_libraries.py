"""Would a library read dates or quantities better than our reader? Measured on the same labelled corpus.

    .venv/bin/pip install dateparser==1.5.0 quantulum3==0.10.0   # not project dependencies
    .venv/bin/python benchmarks/compare_libraries.py --split dev

For every label of a kind the library claims to read, a library reading *matches* when its span overlaps
the label's; it is correct when the value agrees (for dates without a printed year, month and day only:
dateparser fills in a year of its own), a misread when it says something else, missed when it has none.
Our reader is scored the same way on the same labels (confident readings only), so the figures compare.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import eval_readers  # noqa: E402

from teaching.text.numberclaims import parse_claim  # noqa: E402

DATE_KINDS = {"date", "year"}
QUANTITY_KINDS = {"quantity", "money", "percent"}


def _iso_agrees(label: str, found: str) -> bool:
    if label.startswith("XXXX"):
        return found[4:] == label[4:]
    return found[: len(label)] == label


def _tally(rows: list[str]) -> str:
    n = len(rows)
    c, m = rows.count("correct"), rows.count("misread")
    missed = n - c - m
    return (
        f"{n:>5} labels  correct {c:>4} ({100 * c / n:5.1f}%)  misread {m:>4} ({100 * m / n:5.1f}%)  missed {missed:>4}"
    )


def dates_with_dateparser(articles) -> list[str]:
    from dateparser.search import search_dates

    rows = []
    for article in articles:
        found = search_dates(article.text, languages=["en"]) or []
        spans = []
        at = 0
        for text, when in found:
            start = article.text.find(text, at)
            if start < 0:
                continue
            at = start + 1
            spans.append((start, start + len(text), when))
        for label in article.numbers:
            if label["kind"] not in DATE_KINDS:
                continue
            hits = [w for s, e, w in spans if s < label["end"] and label["start"] < e]
            if not hits:
                rows.append("missed")
                continue
            want = label["value"]
            got = [w.strftime("%Y") if label["kind"] == "year" else w.strftime("%Y-%m-%d")[: len(want)] for w in hits]
            rows.append("correct" if any(_iso_agrees(want, g) for g in got) else "misread")
    return rows


def quantities_with_quantulum(articles) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        rows = []
        for article in articles:
            quantities = parser.parse(article.text)
            for label in article.numbers:
                if label["kind"] not in QUANTITY_KINDS:
                    continue
                hits = [q for q in quantities if q.span[0] < label["end"] and label["start"] < q.span[1]]
                if not hits:
                    rows.append("missed")
                    continue
                want = Decimal(label["value"])
                rows.append("correct" if any(Decimal(str(q.value)) == want for q in hits) else "misread")
    return rows


def ours(articles, kinds: set[str]) -> list[str]:
    rows = []
    for article in articles:
        found = [r for r in eval_readers.readings(parse_claim, article.text) if r.sure]
        for label in article.numbers:
            if label["kind"] not in kinds:
                continue
            hits = [r for r in found if r.start < label["end"] and label["start"] < r.end]
            if not hits:
                rows.append("missed")
            elif any(eval_readers.agrees(label, r.label) for r in hits):
                rows.append("correct")
            else:
                rows.append("misread")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    args = parser.parse_args(argv)
    articles = eval_readers.load(args.split)
    print(f"Dates and years ({args.split}):")
    print(f"  dateparser 1.5.0   {_tally(dates_with_dateparser(articles))}")
    print(f"  our reader         {_tally(ours(articles, DATE_KINDS))}")
    print(f"Quantities, money and percentages ({args.split}):")
    print(f"  quantulum3 0.10.0  {_tally(quantities_with_quantulum(articles))}")
    print(f"  our reader         {_tally(ours(articles, QUANTITY_KINDS))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
