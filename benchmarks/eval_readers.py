"""How well the readers read news they were not tuned to: `make eval` (`--split dev|…|final73|a+b|held-out|all`).

Plain Python, no Django. Reads tests/data/news/<split>/NN-slug.txt with its labels NN-slug.json (the
format is in tests/data/news/README.md) and prints

* numbers, per kind and overall: correct / misread / declined. A reading *matches* a label when their
  spans overlap. A label is *correct* when a confident matching reading agrees with its kind and value(s),
  *misread* when a confident matching reading says something else, *declined* when the only matching
  readings are unsure or declined, or there are none. Labels of kind ``ambiguous`` are counted apart: a
  reader should decline them. A confident reading that overlaps no label is a *false positive* (readings
  of identifiers such as "FTSE 100" are counted among them and shown apart).
* suggestions for the key, per kind: precision and recall. A numbers suggestion finds a number label when
  it covers every digit of it (half of "22 953" finds nothing) or, for a label in words, most of it. An
  attribution suggestion finds an attribution when it overlaps it and covers at least half of its source
  (the speaker, not the words before the verb). Pairs are one to one.

``--articles 39-99`` (or "3,7,10-12") keeps only the articles with those numbers (the NN of NN-slug), e.g.
to report articles added to a split later on their own. ``--root DIR`` imports the readers from another copy
of the code (e.g. the original modules), to measure before and after on the same corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "data" / "news"
# The splits that may be tuned on: dev and the held-out splits already measured once (each measurement is in
# the corpus README). `--split all` reads these; the HELD_OUT splits, written later, stay apart until they are
# measured, each on its own and together (`--split held-out`).
SEEN_SPLITS = (
    "dev", "test", "final", "final2", "final3", "final4", "final5", "final6", "final7", "final8", "final9", "final10",
    "final11", "final12", "final13", "final14", "final15", "final16", "final17",
    "final18", "final19", "final20", "final21", "final22", "final23", "final24", "final25", "final26", "final27",
    "final28", "final29", "final30", "final31", "final32", "final33", "final34", "final35", "final36", "final37",
    "final38", "final39", "final40", "final41", "final42", "final43", "final44", "final45", "final46", "final47",
    "final48", "final49", "final50", "final51", "final52", "final53", "final54", "final55", "final56", "final57",
    "final58", "final59", "final60", "final61", "final62", "final63", "final64", "final65",
    "final66", "final67", "final68", "final69", "final71", "final72", "final73",
)  # fmt: skip
HELD_OUT: tuple[str, ...] = ()
TARGETS = {"correct": 0.95, "misread": 0.01, "attr_precision": 0.80, "attr_recall": 0.70}
NUMBER_KINDS = (
    "quantity money percent percentage_points fraction magnitude ordinal ratio rate range "
    "date date_range year decade time duration"
).split()


@dataclass
class Article:
    name: str
    text: str
    numbers: list[dict]
    attributions: list[dict]
    identifiers: list[dict]


def locate(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """The README's rule: the occurrence-th start where ``needle`` matches, searching from one past the last."""
    at = -1
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle!r} (occurrence {occurrence}) not found")
    return at, at + len(needle)


def article_numbers(spec: str) -> set[int]:
    """ "39-99" → {39, …, 99}; "3,7,10-12" → {3, 7, 10, 11, 12}: the NN at the start of the file names."""
    out: set[int] = set()
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise ValueError(f"not an article number or range: {part!r} (e.g. 39-99 or 3,7,10-12)")
        out.update(range(int(low), int(high or low) + 1))
    return out


def load(split: str, corpus: Path = CORPUS, articles: set[int] | None = None) -> list[Article]:
    folders = {"all": list(SEEN_SPLITS), "held-out": list(HELD_OUT)}.get(split, split.split("+"))
    out = []
    for folder in folders:
        for path in sorted((corpus / folder).glob("*.txt")):
            number = path.stem.split("-", 1)[0]
            if articles is not None and not (number.isdigit() and int(number) in articles):
                continue
            text = path.read_text(encoding="utf-8")
            labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            out.append(
                Article(
                    f"{folder}/{path.stem}",
                    text,
                    _spans(text, labels.get("numbers", [])),
                    _spans(text, labels.get("attributions", [])),
                    _spans(text, labels.get("identifiers", [])),
                )
            )
    return out


def _spans(text: str, items: list[dict]) -> list[dict]:
    out = []
    for item in items:
        start, end = locate(text, item["text"], item.get("occurrence", 1))
        item = {**item, "start": start, "end": end}
        if "source" in item:
            s = item["text"].find(item["source"])
            item["source_start"], item["source_end"] = start + s, start + s + len(item["source"])
        out.append(item)
    return out


# --- readings -----------------------------------------------------------------------------------------


@dataclass
class Reading:
    start: int
    end: int
    text: str
    sure: bool
    label: dict


def readings(parse_claim, text: str) -> list[Reading]:
    """Every reading of ``text``: numbers, dates, orders of magnitude (sure) and what was declined (unsure)."""
    claim = parse_claim(text)
    out = []
    values = getattr(claim, "readings", None) or claim.values
    for v in values:
        out.append(Reading(v.start, v.end, v.text, getattr(v, "confidence", "confident") == "confident", _label(v)))
    for v in claim.vague:
        magnitude = getattr(v, "magnitude", None)
        label = {"kind": "magnitude", "value": _plain(magnitude)} if magnitude is not None else {"kind": "vague"}
        out.append(Reading(v.start, v.end, v.text, magnitude is not None, label))
    for d in getattr(claim, "declined", ()):
        out.append(Reading(d.start, d.end, d.text, False, {"kind": "declined"}))
    return out


def _plain(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"


def _label(value) -> dict:
    """The reading in the corpus's terms; for readers without ``label()`` (the original), worked out here."""
    if hasattr(value, "label") and callable(value.label):
        return value.label()
    # the original reader: counts and ratios only
    if value.kind == "ratio":
        a, b = value.ratio_terms
        return {"kind": "ratio", "value": f"{_plain(a)}:{_plain(b)}"}
    if value.low != value.high:
        return {"kind": "range", "low": _plain(value.low), "high": _plain(value.high)}
    if value.unit == "%":
        kind = "percent"
    elif value.per:
        kind = "rate"
    elif value.unit in {"seconds", "minutes", "hours", "days", "weeks", "months", "years"}:
        kind = "duration"
    else:
        kind = "quantity"
    return {"kind": kind, "value": _plain(value.low)}


def _same_number(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a == b
    try:
        return Decimal(a) == Decimal(b)
    except InvalidOperation:
        return a.strip().lower() == b.strip().lower()


def agrees(label: dict, reading: dict) -> bool:
    if label["kind"] != reading.get("kind"):
        return False
    if "value" in label:
        return _same_number(label["value"], reading.get("value"))
    return _same_number(label.get("low"), reading.get("low")) and _same_number(label.get("high"), reading.get("high"))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# --- numbers ------------------------------------------------------------------------------------------


def score_numbers(articles: list[Article], parse_claim, *, show: int = 0) -> dict:
    per_kind: dict[str, Counter] = defaultdict(Counter)
    qualifiers: Counter = Counter()
    false_positives: list[tuple[str, str, dict]] = []
    identifier_hits: list[tuple[str, str]] = []
    misreads: list[tuple[str, dict, list[dict]]] = []
    declines: list[tuple[str, dict]] = []
    for article in articles:
        found = readings(parse_claim, article.text)
        used: set[int] = set()
        for label in article.numbers:
            matching = [(n, r) for n, r in enumerate(found) if _overlaps(r.start, r.end, label["start"], label["end"])]
            used.update(n for n, _ in matching)
            sure = [r for _, r in matching if r.sure]
            kind = label["kind"]
            if kind == "ambiguous":
                per_kind[kind]["misread" if sure else "declined"] += 1
                if sure:
                    misreads.append((article.name, label, [r.label | {"text": r.text} for r in sure]))
                continue
            right = [r for r in sure if agrees(label, r.label)]
            if right:
                per_kind[kind]["correct"] += 1
                # the hedge the ledger compares with ("about", "more than"): the label's, or none on both sides
                same = (label.get("qualifier") or None) == (right[0].label.get("qualifier") or None)
                qualifiers["agree" if same else "differ"] += 1
            elif sure:
                per_kind[kind]["misread"] += 1
                if any(agrees({**label, "kind": r.label.get("kind")}, r.label) for r in sure):
                    per_kind[kind]["misread_kind_only"] += 1  # the value is right, the kind of mention is not
                misreads.append((article.name, label, [r.label | {"text": r.text} for r in sure]))
            else:
                per_kind[kind]["declined"] += 1
                declines.append((article.name, label))
        for n, r in enumerate(found):
            if n in used or not r.sure:
                continue
            if any(_overlaps(r.start, r.end, i["start"], i["end"]) for i in article.identifiers):
                identifier_hits.append((article.name, r.text))
            false_positives.append((article.name, r.text, r.label))
    if show:
        for name, label, got in misreads[:show]:
            print(f"  MISREAD {name}: {label['text']!r} {_brief(label)} ← {got}")
        for name, label in declines[:show]:
            print(f"  DECLINED {name}: {label['text']!r} {_brief(label)}")
        for name, text, label in false_positives[:show]:
            print(f"  EXTRA {name}: {text!r} {label}")
    return {
        "per_kind": per_kind,
        "false_positives": false_positives,
        "identifiers": identifier_hits,
        "qualifiers": qualifiers,
    }


def _brief(label: dict) -> str:
    keys = ("kind", "value", "low", "high")
    return str({k: label[k] for k in keys if k in label})


# --- suggestions --------------------------------------------------------------------------------------


def _digits(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isdigit()]


def _finds_number(text: str, s, label: dict) -> bool:
    if not _overlaps(s.start, s.end, label["start"], label["end"]):
        return False
    digits = _digits(text, label["start"], label["end"])
    if digits:
        return all(s.start <= i < s.end for i in digits)
    covered = min(s.end, label["end"]) - max(s.start, label["start"])
    return covered * 2 >= label["end"] - label["start"]


def _finds_attribution(s, label: dict) -> bool:
    if not _overlaps(s.start, s.end, label["start"], label["end"]):
        return False
    covered = min(s.end, label["source_end"]) - max(s.start, label["source_start"])
    return covered * 2 >= label["source_end"] - label["source_start"]


def _pair(suggestions: list, labels: list[dict], finds) -> int:
    """Greedy one-to-one pairs: how many labels a distinct suggestion finds."""
    taken: set[int] = set()
    found = 0
    for label in labels:
        for n, s in enumerate(suggestions):
            if n not in taken and finds(s, label):
                taken.add(n)
                found += 1
                break
    return found


def score_suggestions(articles: list[Article], suggest, *, show: int = 0) -> dict[str, tuple[int, int, int]]:
    """kind → (suggestions, labels, found)."""
    totals: dict[str, list[int]] = {"numbers": [0, 0, 0], "attributions": [0, 0, 0], "sourcing (all)": [0, 0, 0]}
    for article in articles:
        result = suggest(article.text)
        numbers = [s for s in result if s.kind == "numbers"]
        labels = [x for x in article.numbers if x["kind"] != "ambiguous"]
        text = article.text
        found = _pair(numbers, labels, lambda s, label, text=text: _finds_number(text, s, label))
        _add(totals["numbers"], len(numbers), len(labels), found)
        sourcing = [s for s in result if s.kind == "sourcing"]
        attributions = [s for s in sourcing if s.label.startswith(("attribution", "a named source"))]
        for key, group in (("attributions", attributions), ("sourcing (all)", sourcing)):
            found = _pair(group, article.attributions, _finds_attribution)
            _add(totals[key], len(group), len(article.attributions), found)
        if show:
            for label in article.attributions:
                if not any(_finds_attribution(s, label) for s in attributions):
                    near = [
                        article.text[s.start : s.end]
                        for s in attributions
                        if _overlaps(s.start, s.end, label["start"], label["end"])
                    ]
                    print(f"  ATTR MISSED {article.name}: {label['text']!r} (source {label['source']!r}) near {near}")
            for s in attributions:
                if not any(_finds_attribution(s, label) for label in article.attributions):
                    print(f"  ATTR EXTRA {article.name}: {article.text[s.start : s.end]!r}")
    return {k: tuple(v) for k, v in totals.items()}  # type: ignore[misc]


def _add(total: list[int], suggestions: int, labels: int, found: int) -> None:
    total[0] += suggestions
    total[1] += labels
    total[2] += found


# --- report -------------------------------------------------------------------------------------------


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    –"


def report(split: str, numbers: dict, suggestions: dict[str, tuple[int, int, int]], articles: int) -> None:
    per_kind = numbers["per_kind"]
    print(f"Numbers on the {split} ({articles} articles)")
    print(f"  {'kind':<18}{'labels':>7}{'correct':>9}{'misread':>9}{'declined':>10}{'% correct':>11}{'% misread':>11}")
    total = Counter()
    for kind in NUMBER_KINDS:
        c = per_kind.get(kind)
        if not c:
            continue
        c = Counter({k: v for k, v in c.items() if k != "misread_kind_only"}) + Counter(
            {"misread_kind_only": c["misread_kind_only"]}
        )
        n = c["correct"] + c["misread"] + c["declined"]
        total.update(c)
        print(
            f"  {kind:<18}{n:>7}{c['correct']:>9}{c['misread']:>9}{c['declined']:>10}"
            f"{_pct(c['correct'], n):>11}{_pct(c['misread'], n):>11}"
        )
    kind_only = total.pop("misread_kind_only", 0)
    n = sum(total.values())
    print(
        f"  {'ALL unambiguous':<18}{n:>7}{total['correct']:>9}{total['misread']:>9}{total['declined']:>10}"
        f"{_pct(total['correct'], n):>11}{_pct(total['misread'], n):>11}"
        f"   target ≥ {TARGETS['correct']:.0%} correct, ≤ {TARGETS['misread']:.0%} misread"
    )
    print(
        f"  of the {total['misread']} misread, {kind_only} have the right value but another kind"
        f" (e.g. duration for quantity); {total['misread'] - kind_only} read a wrong value"
    )
    q = numbers.get("qualifiers") or Counter()
    if q:
        print(
            f"  of the {total['correct']} correct, the hedge (about, more than, up to…) agrees with the label's on"
            f" {q['agree']} ({_pct(q['agree'], q['agree'] + q['differ'])})"
        )
    amb = per_kind.get("ambiguous", Counter())
    if amb:
        m = sum(amb.values())
        print(f"  {'ambiguous':<18}{m:>7}{'':>9}{amb['misread']:>9}{amb['declined']:>10}   (should be declined)")
    fp = numbers["false_positives"]
    print(f"  confident readings of unlabelled spans (false positives): {len(fp)}", end="")
    print(f", of which identifiers such as FTSE 100: {len(numbers['identifiers'])}")
    print()
    print("Suggestions for the key")
    print(f"  {'kind':<18}{'suggested':>10}{'labels':>8}{'found':>7}{'precision':>11}{'recall':>9}")
    for kind, (made, labels, found) in suggestions.items():
        target = ""
        if kind == "attributions":
            target = f"   target ≥ {TARGETS['attr_precision']:.0%} precision, ≥ {TARGETS['attr_recall']:.0%} recall"
        print(f"  {kind:<18}{made:>10}{labels:>8}{found:>7}{_pct(found, made):>11}{_pct(found, labels):>9}{target}")


def _split_name(name: str) -> str:
    known = {*SEEN_SPLITS, *HELD_OUT}
    if name == "held-out" and not HELD_OUT:
        raise argparse.ArgumentTypeError(
            "no held-out split is waiting to be measured: write one first (see the corpus README)"
        )
    if name in ("all", "held-out") or all(part in known for part in name.split("+")):
        return name
    raise argparse.ArgumentTypeError(
        f"no split {name!r}: one of {', '.join(sorted(known))}, joined by +, all or held-out"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        type=_split_name,
        default="dev",
        help="a split, several joined by + (final26+final27), all (the seen splits) or held-out",
    )
    parser.add_argument("--root", type=Path, default=HERE.parent, help="where to import teaching.text from")
    parser.add_argument("--show", type=int, default=0, help="print up to N misreads, declines and extras")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the folder holding dev/, test/, final/ … final27/",
    )
    parser.add_argument(
        "--articles",
        dest="articles_spec",
        default=None,
        help="only these article numbers (the NN of NN-slug.txt), e.g. 39-99 or 3,7,10-12",
    )
    args = parser.parse_args(argv)
    try:
        args.articles = article_numbers(args.articles_spec) if args.articles_spec else None
    except ValueError as error:
        parser.error(str(error))
    sys.path.insert(0, str(args.root.resolve()))
    from teaching.text.numberclaims import parse_claim
    from teaching.text.suggestions import suggest

    articles = load(args.split, args.corpus, args.articles)
    if not articles:
        chosen = " numbered as asked" if args.articles is not None else ""
        print(f"No articles{chosen} in {args.corpus}/{args.split}")
        return 1
    numbers = score_numbers(articles, parse_claim, show=args.show)
    suggestions = score_suggestions(articles, suggest, show=args.show)
    where = f"{args.split} split" + (f", articles {args.articles_spec}" if args.articles is not None else "")
    report(where, numbers, suggestions, len(articles))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
