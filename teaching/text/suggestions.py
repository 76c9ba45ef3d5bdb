"""Candidate spans for a teacher building a reference key: numbers, sourcing, quotations.

Plain Python, no Django. ``suggest(text)`` returns ``Suggestion(start, end, kind, label)`` with
``text[start:end]`` the exact span, sorted by (start, end, kind), never the same (start, end, kind) twice.
Suggestions are offers, not judgements: the teacher accepts or dismisses each with one click, so the
rules lean towards proposing a span a teacher may dismiss rather than missing one.

numbers
    Every mention ``teaching.text.numberclaims.parse_claim`` reads with confidence, whole, as it reads it:
    numbers with their separators ("22 953 people", never "22" and "953 people"), ranges, ratios,
    percentages, money, number words, with the qualifier and unit in the span ("roughly 60%", "at least
    162 Russian soldiers"); dates, date ranges, years and times ("from 15 November 2004 to 3 January
    2005"); and the vague quantities it recognises ("tens of thousands"). Left out: what the reader is not
    sure of or declines ("03/01/2005", a bare "one" as in "One by one").
sourcing
    * "according to X" with X;
    * an attribution verb (said, says, told, claims, confirmed, estimates, reports, revealed, dubbed,
      described, shows, indicates, …) with the words before it back to the start of the clause
      ("Kyiv’s general staff confirmed", "Russian media has even dubbed"), stepping over an inserted
      "who …" or "the …" clause ("A volunteer medic, who asked not to be named, describes"); or, when
      nothing precedes it, with the name after it ("says Oksana, a woman in her fifties");
    * a name with its credentials ("Philip Ingram, a seasoned intelligence officer",
      "Peter Dickinson, an analyst");
    * "produced/assessed/provided… by X" ("produced by DeepState");
    * passive attributions that hide who says so ("are known", "are conservatively estimated");
    * sentences that talk about sources ("…to unlock direct links to all sources used in this article.").
    Overlapping sourcing candidates are merged into one span.
quotation
    Text in curly double quotes “…”, straight double quotes "…" (paired within a paragraph), and curly
    single quotes ‘…’ (a ’ followed by a letter is an apostrophe, not a closing quote). Quotation marks
    are part of the span. Up to three words are labelled "quoted phrase" (scare quotes, names), longer
    ones "direct quotation".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from teaching.text.numberclaims import parse_claim

__all__ = ["Suggestion", "SuggestionKind", "suggest"]

SuggestionKind = Literal["numbers", "sourcing", "quotation"]


@dataclass(frozen=True, order=True)
class Suggestion:
    start: int
    end: int
    kind: str
    label: str


# --- numbers ----------------------------------------------------------------------------------------


def _numbers(text: str) -> list[Suggestion]:
    """Every mention the number reader reads with confidence, whole: "22 953 people", never "22" and "953"."""
    claim = parse_claim(text)
    out = []
    for value in claim.readings:
        if not value.sure:
            continue
        label = value.describe()
        if value.kind in ("date", "time"):
            label = f"{'time' if value.kind == 'time' else 'date'}: {label}"
        out.append(Suggestion(value.start, value.end, "numbers", label))
    out.extend(Suggestion(v.start, v.end, "numbers", f"vague quantity: {v.text}") for v in claim.vague)
    return out


# --- sourcing ---------------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z][\w’'\-]*"
# A proper name: capitalised words, allowing "of", "for", "the" inside ("Institute for the Study of War").
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of|for|the|de|von)\s+)*{_NAME_WORD})*"
_NOT_REL = r"(?!who\b|which\b|that\b)"
# "a seasoned intelligence officer", "an analyst": up to six words, ending before punctuation or "who/which/that".
_ROLE = (
    rf"(?:a|an|the)\s+(?:{_NOT_REL}[\w’'\-]+\s+){{0,5}}?{_NOT_REL}[\w’'\-]+"
    r"(?=\s*[,.;:!?)”\"]|\s+(?:who|which|that)\b)"
)

_VERBS = (
    "said says say told tells claims claim claimed confirmed confirms confirm estimates estimated reports reported "
    "revealed reveals insisted insists noted warned warns argues argued suggests suggested describes described "
    "dubbed indicate indicates indicated shows showed calls concludes concluded stated announced admitted "
    "acknowledged"
).split()
_VERB_RE = re.compile(r"\b(?:" + "|".join(_VERBS) + r"|points to|pointed to)\b")
_ACCORDING_RE = re.compile(rf"\b[Aa]ccording to\s+(?:{_NAME}|(?:the\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){{0,5}}?(?=[,.;:]))")
_CREDENTIALS_RE = re.compile(rf"\b{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*,\s+{_ROLE}")
_BY_RE = re.compile(
    r"\b(?:assessed|produced|provided|published|compiled|released|verified|confirmed|reported)\s+by\s+"
    rf"(?:(?:the|an?)\s+)?(?:{_NAME}|[\w’'\-]+(?:\s+[\w’'\-]+){{0,4}}?(?=[,.;:]))"
)
_PASSIVE_RE = re.compile(
    r"\b(?:(?:who|that|which)\s+)?(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:known|said|reported|believed|thought|estimated|understood|alleged)\b"
)
_SOURCES_RE = re.compile(r"(?<![\w-])sources?\b", re.IGNORECASE)
_NAME_AFTER_RE = re.compile(rf"\s+({_NAME}(?:,\s+{_ROLE})?)")
_PRONOUNS = {"he", "she", "they", "we", "i", "it"}

# Where a subject cannot reach back past: punctuation, quotes, dashes, sentence ends, subordinating words.
_CLAUSE_BREAK = re.compile(r"[,;:()“”\"—\n]|\s[–-]\s|[.!?]\s|\b(?:that|when|whenever|because|while|although|if|but)\s")


def _clause_start(text: str, pos: int, floor: int) -> int:
    """Index just after the last clause boundary before ``pos`` (not before ``floor``)."""
    best = floor
    for m in _CLAUSE_BREAK.finditer(text, floor, pos):
        best = m.end()
    return best


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _attributions(text: str) -> list[Suggestion]:
    out: list[Suggestion] = []
    for m in _VERB_RE.finditer(text):
        verb = m.group()
        para = _paragraph_start(text, m.start())
        start = _clause_start(text, m.start(), para)
        subject = text[start : m.start()].strip()
        # "Markus Söder, the Bavarian prime minister, said" / "A medic, who asked not to be named, describes"
        for _ in range(2):
            if subject or start <= para or text[start - 1] != ",":
                break
            inner = _clause_start(text, start - 1, para)
            chunk = text[inner : start - 1].strip()
            if not re.match(r"(?:who|which|the|a|an)\b", chunk):
                break
            outer = _clause_start(text, inner - 1, para) if inner > para and text[inner - 1] == "," else inner
            start, subject = outer, text[outer : m.start()].strip()
        words = subject.split()
        if subject and len(words) <= 12:
            s, e = _strip_span(text, start, m.end())
            out.append(Suggestion(s, e, "sourcing", f"attribution: {subject} {verb}"))
            continue
        after = _NAME_AFTER_RE.match(text, m.end())
        if after and verb in ("said", "says", "told", "tells", "claims", "insists", "insisted", "noted", "warned"):
            s, e = _strip_span(text, m.start(), after.end())
            out.append(Suggestion(s, e, "sourcing", f"attribution: {verb} {after.group(1)}"))
        elif subject:
            # a long subject: offer the last few words with the verb
            tail = re.search(r"(?:\S+\s+){1,3}$", text[start : m.start()])
            s = start + tail.start() if tail else m.start()
            s, e = _strip_span(text, s, m.end())
            out.append(Suggestion(s, e, "sourcing", f"attribution: … {verb}"))
    for m in _ACCORDING_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        out.append(Suggestion(s, e, "sourcing", "attribution: " + text[s:e]))
    for m in _CREDENTIALS_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        out.append(Suggestion(s, e, "sourcing", "a named source and credentials"))
    for m in _BY_RE.finditer(text):
        s, e = _strip_span(text, m.start(), m.end())
        out.append(Suggestion(s, e, "sourcing", "attribution: " + text[s:e]))
    for m in _PASSIVE_RE.finditer(text):
        out.append(Suggestion(m.start(), m.end(), "sourcing", "passive attribution: by whom?"))
    for sentence_start, sentence_end in _sentences(text):
        if _SOURCES_RE.search(text, sentence_start, sentence_end):
            out.append(Suggestion(sentence_start, sentence_end, "sourcing", "talks about its sources"))
    return [s for s in out if s.end > s.start and text[s.start : s.end].lower() not in _PRONOUNS]


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    for m in re.finditer(r"[^\n.!?]+(?:[.!?]+|$)", text, flags=re.MULTILINE):
        s, e = _strip_span(text, m.start(), m.end())
        if e > s:
            yield s, e


def _merge(items: list[Suggestion]) -> list[Suggestion]:
    """Union overlapping spans of one kind; the label of the first one is kept."""
    merged: list[Suggestion] = []
    for item in sorted(items):
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            merged[-1] = Suggestion(last.start, max(last.end, item.end), last.kind, last.label)
        else:
            merged.append(item)
    return merged


# --- quotations -------------------------------------------------------------------------------------

_CURLY_RE = re.compile(r"“[^”“\n]*”")
_STRAIGHT_RE = re.compile(r'"[^"\n]*"')
_SINGLE_RE = re.compile(r"(?<![\w’])‘(?:[^’‘\n]|’(?=\w)){1,120}?’(?!\w)")


def _quotations(text: str) -> list[Suggestion]:
    out = []
    for pattern in (_CURLY_RE, _STRAIGHT_RE, _SINGLE_RE):
        for m in pattern.finditer(text):
            inner = m.group()[1:-1].strip()
            if not inner:
                continue
            label = "quoted phrase" if len(inner.split()) <= 3 else "direct quotation"
            out.append(Suggestion(m.start(), m.end(), "quotation", label))
    return out


# --- all together -----------------------------------------------------------------------------------


def suggest(text: str) -> list[Suggestion]:
    """Candidate key items in ``text``, sorted by position, no (start, end, kind) twice."""
    found = _numbers(text) + _merge(_attributions(text)) + _quotations(text)
    unique: dict[tuple[int, int, str], Suggestion] = {}
    for item in sorted(found):
        unique.setdefault((item.start, item.end, item.kind), item)
    return sorted(unique.values())
