"""Re-anchoring 1,000 highlights on the longest Pokrovsk article after a realistic correction.

A plain script over the pure module (no Django, no database): `make bench` or
`.venv/bin/python benchmarks/reanchor.py [--repeat N] [--annotations N]`. Prints figures only.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from teaching.text.anchoring import Reanchorer, select  # noqa: E402

SOURCES = [ROOT / "fixtures" / "pokrovsk" / "sources", ROOT / "fixtures" / "pokrovsk"]  # as received, else the lesson

# A correction an editor would make: typos fixed, a sentence added, a sentence removed.
TYPO_FIXES = [
    ("US-made Blackhawk helicopters", "US-made Black Hawk helicopters"),
    ("there are no ‘safe. rear areas", "there are no ‘safe’ rear areas"),
    ("Ukrainian Operators ambushed", "Ukrainian operators ambushed"),
    ("Let’s cut through the hype", "Let us cut through the hype"),
]
INSERTED_AFTER = "An atrocity, but not a victory."
INSERTED = " Local officials could not confirm the number of teams independently."
DELETED = "The fight continues, door to door and floor to floor."


def longest_article() -> tuple[Path, str]:
    for folder in SOURCES:
        files = sorted(folder.glob("001_*.txt")) or sorted(folder.glob("001_*.md"))
        if files:
            return files[0], files[0].read_text(encoding="utf-8")
    raise SystemExit("No Pokrovsk article found in " + ", ".join(map(str, SOURCES)))


def corrected(text: str) -> tuple[str, list[str]]:
    applied = []
    for old, new in TYPO_FIXES:
        if old in text:
            text = text.replace(old, new, 1)
            applied.append(f"typo: {old!r} → {new!r}")
    if INSERTED_AFTER in text:
        text = text.replace(INSERTED_AFTER, INSERTED_AFTER + INSERTED, 1)
        applied.append("inserted a sentence")
    if DELETED in text:
        text = text.replace(" " + DELETED, "", 1) if " " + DELETED in text else text.replace(DELETED, "", 1)
        applied.append("deleted a sentence")
    return text, applied


def spread_selectors(text: str, count: int, seed: int = 5) -> list:
    """``count`` highlights of 1–8 words at random word starts: like a class of students, overlapping freely."""
    rng = random.Random(seed)
    words = [m.span() for m in re.finditer(r"\S+", text)]
    selectors = []
    for _ in range(count):
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randint(0, 7))
        start, end = words[first][0], words[last][1]
        selectors.append(select(text, start, end, text[start:end]))
    return selectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--annotations", type=int, default=1000)
    args = parser.parse_args()

    path, old = longest_article()
    new, applied = corrected(old)
    selectors = spread_selectors(old, args.annotations)
    print(f"Article: {path.name} ({len(old):,} characters → {len(new):,} after the correction)")
    for change in applied:
        print(f"  {change}")

    timings, counts = [], None
    for _ in range(args.repeat):
        began = time.perf_counter()
        reanchorer = Reanchorer(old, new)  # one diff per correction, as revise_article does
        placements = [
            reanchorer.place(start=s.start, end=s.end, exact=s.exact, prefix=s.prefix, suffix=s.suffix)
            for s in selectors
        ]
        timings.append(time.perf_counter() - began)
        run_counts = {status: sum(p.status == status for p in placements) for status in ("kept", "moved", "orphaned")}
        if counts not in (None, run_counts):
            raise SystemExit("Re-anchoring gave different results on the same input: a bug")
        counts = run_counts
        wrong = [p for p in placements if not p.is_orphaned and new[p.start : p.end] != p.exact]
        if wrong:
            raise SystemExit(f"{len(wrong)} placements do not read their quote: a bug")

    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"{args.annotations:,} highlights, {args.repeat} runs (diff included in each run):")
    print(
        f"  median {statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"fastest {timings[0] * 1000:.1f} ms"
    )
    print(f"  kept {counts['kept']:,} · moved {counts['moved']:,} · orphaned {counts['orphaned']:,}")


if __name__ == "__main__":
    main()
