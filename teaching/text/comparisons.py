"""Comparisons of number claims across articles: the numbers ledger and the key's comparisons.

Plain Python, no Django. Builds on ``teaching.text.numberclaims`` (what a quote says as a value, and whether
two values can both be true) and ``teaching.text.matching`` (when a highlight finds a key item).

The ledger
----------
A student links two or more "numbers" highlights and says how they relate: ``agree``, ``contradict`` or
``different`` (they measure different things). ``ledger_row`` reads every member's quote, computes a verdict
across the members and sets it *beside* the student's verdict. It never corrects: where the two differ it
asks a question, because the parser only sees numbers, while the student may know that one report counts
a different place or time (the ledger's questions point exactly there).

* Each member's quote is read with ``parse_claim``. A quote with no number ("tens of thousands") cannot be
  compared: the ledger says so and asks for words instead. It never guesses.
* A quote the reader is not sure of (an unsure reading, or a part it declined, such as "03/01/2005") is not
  compared at all: the verdict is ``unknown``, the reason says what could not be read and why, and the
  ledger never questions the student's verdict on it. A quote that is only partly unsure ("22 953 people on
  03/01/2005") is compared through the parts read for sure, and the reason says which part was set aside
  and why.
* Dates compare as dates: "3 January" and "5 January" disagree, "3-5 January" and "4 January" overlap; a
  date and a number are different kinds.
* A quote with several numbers ("25 Russian assault teams – five to ten men") is compared through the value
  that is comparable with the most other members (ties: the first), and the row says which was used. The
  multiplication 25 × 5–10 is the student's; the ledger does not do it.
* The computed verdict over all members: ``not_comparable`` if any pair is (a ratio and a count, different
  units or rates, different kinds of thing), else ``disagree`` if any pair does not overlap, else ``close`` if
  any pair meets only where "about" is stretched on both sides, else ``compatible``; ``unknown`` with fewer
  than two readable values. ``close`` questions neither agree nor contradict: the numbers cannot tell.
* Time windows and places come from the student's own words (``time_window``, ``place``). When two members
  name different windows (or places), comparing the numbers is premature: for a verdict of agree or contradict
  the ledger asks to compare windows (places) first, whatever the numbers say.

Questions, by the student's relation (the first that applies):

=============  ===========================================================================================
contradict     windows differ → WINDOWS; places differ → PLACES; computed compatible → OVERLAP;
               not comparable → NOT_SAME_KIND; disagree → none (the numbers bear the student out)
agree          windows differ → WINDOWS; places differ → PLACES; computed disagree → NO_OVERLAP;
               not comparable → NOT_SAME_KIND; compatible → none
different      none when windows, places or kinds differ; when the student describes every member with the
               same words and the numbers are comparable → SAME_WORDS
=============  ===========================================================================================

Key comparisons
---------------
A student comparison *finds* a key comparison when at least two of its highlights match distinct key items of
that key comparison (highlight → key item by ``teaching.text.matching``, on every article, categories ignored:
a comparison is about the spans). Pairs are taken one to one, greedily: most shared items first, then key
order, then the student's order. Unmatched key comparisons are *missed* (the feedback shows the teacher's
explanation), unmatched student comparisons are *extra* (not wrong; they wait for the teacher).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from teaching.text import matching
from teaching.text.numberclaims import (
    CLOSE,
    COMPATIBLE,
    DISAGREE,
    NOT_COMPARABLE,
    NumberClaim,
    Value,
    Verdict,
    compatible,
    parse_claim,
)

__all__ = [
    "AGREE",
    "CONTRADICT",
    "DIFFERENT",
    "NOT_PARSED",
    "NOT_READ_FOR_SURE",
    "QUESTIONS",
    "UNKNOWN",
    "Claim",
    "ClaimReading",
    "ComparisonScores",
    "FoundComparison",
    "KeyLink",
    "LedgerMember",
    "LedgerRow",
    "StudentLink",
    "class_summary",
    "highlight_matches",
    "ledger_row",
    "match_comparisons",
    "read_claim",
]

AGREE, CONTRADICT, DIFFERENT = "agree", "contradict", "different"
UNKNOWN = "unknown"
NOT_PARSED = "not a number we can compare — describe it in words"
NOT_READ_FOR_SURE = "not read for sure — so it is not compared"

QUESTIONS = {
    "windows": "These measure at different time windows ({detail}) — compare windows before numbers.",
    "places": "These count in different places ({detail}) — compare places before numbers.",
    "overlap": "These ranges overlap ({detail}) — are they really contradictory?",
    "no_overlap": "These values do not overlap ({detail}) — how can they agree?",
    "dates_overlap": "These dates overlap ({detail}) — are they really contradictory?",
    "dates_apart": "These are different dates ({detail}) — how can they agree?",
    "not_same_kind": "These look like different kinds of number ({detail}) — are they the same quantity?",
    "same_words": "You describe each as “{detail}” — what makes them different?",
}

_QUALIFIER_LABELS = {"exact": "as stated", "approx": "about", "at_least": "at least", "at_most": "at most"}
_STATUS_TO_RELATION = {COMPATIBLE: AGREE, DISAGREE: CONTRADICT, NOT_COMPARABLE: DIFFERENT}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


# --- one claim ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimReading:
    """What the ledger reads in a quote: its values, or why it cannot."""

    text: str
    claim: NumberClaim

    @property
    def values(self) -> tuple[Value, ...]:
        """Every reading, numbers and dates, in reading order."""
        return self.claim.readings

    @property
    def parsed(self) -> bool:
        return self.claim.parsed

    @property
    def sure(self) -> bool:
        """Every part was read with confidence and nothing was declined."""
        return not self.claim.doubts

    @property
    def doubts(self) -> tuple[str, ...]:
        """What could not be read for sure, and why (one plain sentence each)."""
        return self.claim.doubts

    @property
    def sure_values(self) -> tuple[Value, ...]:
        """The values read with confidence: the only ones the ledger compares."""
        return tuple(v for v in self.values if v.sure)

    @property
    def partly_sure(self) -> bool:
        """Some parts were read for sure and others not: the sure parts are compared, the rest set aside."""
        return bool(self.doubts and self.sure_values)

    @property
    def label(self) -> str:
        """ "≈ 300 troops"; several values joined with "; "; NOT_PARSED when there is none."""
        if not self.parsed:
            return NOT_READ_FOR_SURE if self.doubts else NOT_PARSED
        return "; ".join(v.describe() + ("" if v.sure else " (not sure)") for v in self.values)

    @property
    def vague(self) -> tuple[str, ...]:
        return tuple(v.text for v in self.claim.vague)

    @property
    def parts(self) -> list[dict[str, str]]:
        """Per value: number (or range), qualifier, unit — for the claim card."""
        rows = []
        for v in self.values:
            if v.kind in ("date", "time"):
                kind = {"time": "time of day", "year": "year", "decade": "decade"}.get(v.category, "date")
                kind += " range" if v.is_range else ""
            else:
                kind = "ratio" if v.kind == "ratio" else ("range" if v.is_range else "number")
            rows.append(
                {
                    "reading": v.describe(),
                    "kind": kind,
                    "sure": v.sure,
                    "why": v.why or "",
                    "qualifier": _QUALIFIER_LABELS[v.qualifier]
                    + (f" (“{v.qualifier_word}”)" if v.qualifier_word else ""),
                    "unit": " ".join(x for x in (v.unit, f"per {v.per}" if v.per else None) if x) or "—",
                    "counts": v.noun or "—",
                }
            )
        return rows


def read_claim(text: str) -> ClaimReading:
    return ClaimReading(text=text, claim=parse_claim(text))


@dataclass(frozen=True)
class Claim:
    """One member of a comparison: a highlight's quote and the student's words about it."""

    ref: Hashable
    text: str
    source: str = ""  # which article, for people
    counted: str = ""
    place: str = ""
    time_window: str = ""

    @cached_property
    def reading(self) -> ClaimReading:
        return read_claim(self.text)


@dataclass(frozen=True)
class LedgerMember:
    claim: Claim
    value: Value | None  # the value compared (None: nothing readable)

    @property
    def several(self) -> bool:
        return len(self.claim.reading.values) > 1


@dataclass(frozen=True)
class LedgerRow:
    ref: Hashable
    relation: str
    members: tuple[LedgerMember, ...]
    computed: Verdict
    question: str | None
    question_kind: str | None = None

    @property
    def computed_relation(self) -> str | None:
        """The relation the numbers alone suggest (None when they cannot be read)."""
        return _STATUS_TO_RELATION.get(self.computed.status)

    @property
    def quantity(self) -> str:
        """What is counted, in the student's words: distinct descriptions joined with " / "."""
        seen: dict[str, str] = {}
        for m in self.members:
            if m.claim.counted.strip():
                seen.setdefault(_norm(m.claim.counted), m.claim.counted.strip())
        return " / ".join(seen.values())

    @property
    def doubts(self) -> tuple[str, ...]:
        """What the reader could not read for sure in the members' quotes."""
        return tuple(d for m in self.members for d in m.claim.reading.doubts)

    @property
    def unread(self) -> tuple[str, ...]:
        """Doubts that stop the comparison: a member with nothing read for sure (then nothing is compared)."""
        return tuple(d for m in self.members if not m.claim.reading.sure_values for d in m.claim.reading.doubts)

    @property
    def set_aside(self) -> tuple[str, ...]:
        """Parts not read for sure in quotes whose other parts were compared."""
        return tuple(d for m in self.members if m.claim.reading.partly_sure for d in m.claim.reading.doubts)

    @property
    def settled(self) -> bool:
        """The student's verdict and the numbers tell the same story (no question, and the numbers could tell)."""
        return self.question is None and self.computed.status != CLOSE


def _pick_value(claim: Claim, others: Sequence[Claim]) -> Value | None:
    values = claim.reading.sure_values
    if len(values) <= 1:
        return values[0] if values else None
    other_values = [o.reading.sure_values[0] for o in others if o.reading.sure_values]
    numbers = [v for v in values if v.kind not in ("date", "time")]
    if numbers and not any(v.kind in ("date", "time") for v in other_values):
        values = tuple(numbers)  # "162 soldiers since early November": the date is the window, not the claim

    def comparable_with(v: Value) -> int:
        return sum(compatible(v, o).status != NOT_COMPARABLE for o in other_values)

    best = max(range(len(values)), key=lambda i: (comparable_with(values[i]), -i))
    return values[best]


def _differing(members: Sequence[LedgerMember], attr: str) -> tuple[str, str] | None:
    """The first two different non-blank answers to ``attr`` (place, time_window), as written."""
    seen: dict[str, str] = {}
    for m in members:
        raw = getattr(m.claim, attr).strip()
        if raw:
            seen.setdefault(_norm(raw), raw)
    if len(seen) > 1:
        first, second = list(seen.values())[:2]
        return first, second
    return None


def _computed(members: Sequence[LedgerMember]) -> Verdict:
    verdict = _computed_from_sure_parts(members)
    set_aside = [d for m in members if m.claim.reading.partly_sure for d in m.claim.reading.doubts]
    if set_aside and verdict.status != UNKNOWN:
        verdict = Verdict(verdict.status, f"{verdict.reason} Set aside, not read for sure: " + " ".join(set_aside))
    return verdict


def _computed_from_sure_parts(members: Sequence[LedgerMember]) -> Verdict:
    unread = [d for m in members if not m.claim.reading.sure_values for d in m.claim.reading.doubts]
    if unread:
        # A wrong reading is worse than none: nothing is compared, and the student's verdict stands.
        return Verdict(UNKNOWN, "We could not read this for sure — " + " ".join(unread))  # type: ignore[arg-type]
    readable = [m for m in members if m.value is not None]
    unreadable = [m for m in members if m.value is None]
    if len(readable) < 2:
        quotes = ", ".join(f"“{m.claim.text}”" for m in unreadable) or "these quotes"
        return Verdict(UNKNOWN, f"No number to compare in {quotes}: compare them in words.")  # type: ignore[arg-type]
    verdicts = [compatible(a.value, b.value) for a, b in combinations(readable, 2)]  # type: ignore[arg-type]
    for status in (NOT_COMPARABLE, DISAGREE, CLOSE):
        hit = next((v for v in verdicts if v.status == status), None)
        if hit:
            return hit
    if len(verdicts) == 1:
        return verdicts[0]
    return Verdict(COMPATIBLE, "All these values overlap.")


def ledger_row(ref: Hashable, relation: str, claims: Sequence[Claim]) -> LedgerRow:
    """The ledger's reading of one comparison (see the module docstring)."""
    members = tuple(LedgerMember(claim=c, value=_pick_value(c, [o for o in claims if o is not c])) for c in claims)
    computed = _computed(members)
    kind, detail = _question(relation, members, computed)
    question = QUESTIONS[kind].format(detail=detail) if kind else None
    return LedgerRow(ref, relation, members, computed, question, kind)


def _reason_detail(verdict: Verdict) -> str:
    reason = verdict.reason.rstrip(".")
    # "These ranges overlap (≈ 300 troops and …)" → "≈ 300 troops and …"
    inner = re.search(r"\((.*)\)$", reason)
    if inner:
        return inner.group(1)
    return reason.split(": ", 1)[-1]


def _question(relation: str, members: Sequence[LedgerMember], computed: Verdict) -> tuple[str | None, str]:
    windows = _differing(members, "time_window")
    places = _differing(members, "place")
    status = computed.status
    if relation in (AGREE, CONTRADICT):
        if windows:
            return "windows", f"{windows[0]} and {windows[1]}"
        if places:
            return "places", f"{places[0]} and {places[1]}"
        if status == NOT_COMPARABLE:
            return "not_same_kind", _reason_detail(computed)
        dated = all(m.value is not None and m.value.kind in ("date", "time") for m in members)
        if relation == CONTRADICT and status == COMPATIBLE:
            return ("dates_overlap" if dated else "overlap"), _reason_detail(computed)
        if relation == AGREE and status == DISAGREE:
            return ("dates_apart" if dated else "no_overlap"), _reason_detail(computed)
        return None, ""
    if relation == DIFFERENT and status in (COMPATIBLE, CLOSE, DISAGREE) and not windows and not places:
        counted = {_norm(m.claim.counted) for m in members}
        if len(counted) == 1 and "" not in counted:
            return "same_words", members[0].claim.counted.strip()
    return None, ""


# --- the key's comparisons ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyLink:
    """A key comparison: the key items it links and how they relate."""

    ref: Hashable
    relation: str
    items: tuple[Hashable, ...]
    title: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class StudentLink:
    ref: Hashable
    relation: str
    annotations: tuple[Hashable, ...]


@dataclass(frozen=True)
class FoundComparison:
    key: KeyLink
    student: StudentLink
    shared: int  # distinct key items of the key comparison found by the student's highlights

    @property
    def relation_agrees(self) -> bool:
        return self.key.relation == self.student.relation


@dataclass(frozen=True)
class ComparisonScores:
    found: tuple[FoundComparison, ...] = ()
    missed: tuple[KeyLink, ...] = ()
    extra: tuple[StudentLink, ...] = ()

    @property
    def recall(self) -> float | None:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else None


_ANY = "claim"  # one category for all spans: a comparison is about where the words are


def highlight_matches(
    texts: Mapping[Hashable, str],
    key_spans: Iterable[tuple[Hashable, matching.Span]],
    student_spans: Iterable[tuple[Hashable, matching.Span]],
) -> dict[Hashable, Hashable]:
    """Student span ref → key span ref, per article (``texts`` by article), by ``matching.match``."""
    by_article: dict[Hashable, tuple[list[matching.Span], list[matching.Span]]] = {}
    for article, span in key_spans:
        by_article.setdefault(article, ([], []))[0].append(matching.Span(span.start, span.end, _ANY, span.ref))
    for article, span in student_spans:
        by_article.setdefault(article, ([], []))[1].append(matching.Span(span.start, span.end, _ANY, span.ref))
    found: dict[Hashable, Hashable] = {}
    for article, (key, student) in by_article.items():
        if not key or not student or article not in texts:
            continue
        scores = matching.match(texts[article], key, student, categories=[_ANY])
        for m in scores.categories[_ANY].found:
            found[m.student.ref] = m.key.ref
    return found


def match_comparisons(
    key: Sequence[KeyLink], student: Sequence[StudentLink], item_for: Mapping[Hashable, Hashable]
) -> ComparisonScores:
    """Found / missed / extra key comparisons; ``item_for`` maps a highlight to the key item it found."""
    candidates = []
    for k_index, k in enumerate(key):
        items = set(k.items)
        for s_index, s in enumerate(student):
            shared = len({item_for[a] for a in s.annotations if a in item_for and item_for[a] in items})
            if shared >= 2:
                candidates.append((-shared, k_index, s_index))
    candidates.sort()
    key_taken: dict[int, FoundComparison] = {}
    student_taken: set[int] = set()
    for neg_shared, k_index, s_index in candidates:
        if k_index in key_taken or s_index in student_taken:
            continue
        key_taken[k_index] = FoundComparison(key[k_index], student[s_index], -neg_shared)
        student_taken.add(s_index)
    return ComparisonScores(
        found=tuple(key_taken[i] for i in sorted(key_taken)),
        missed=tuple(k for i, k in enumerate(key) if i not in key_taken),
        extra=tuple(s for i, s in enumerate(student) if i not in student_taken),
    )


@dataclass(frozen=True)
class ClassCount:
    key: KeyLink
    found: int
    missed: int
    relation_agrees: int = 0
    students: int = field(default=0)


def class_summary(key: Sequence[KeyLink], scores: Iterable[ComparisonScores]) -> list[ClassCount]:
    """Per key comparison, in key order: how many students found it, missed it, and agreed on the relation."""
    found = {k.ref: 0 for k in key}
    agrees = {k.ref: 0 for k in key}
    students = 0
    for score in scores:
        students += 1
        for f in score.found:
            found[f.key.ref] += 1
            agrees[f.key.ref] += f.relation_agrees
    return [ClassCount(k, found[k.ref], students - found[k.ref], agrees[k.ref], students) for k in key]
