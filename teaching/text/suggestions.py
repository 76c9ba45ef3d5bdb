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

# A capitalised word, Latin-1 capitals included ("Élise"), with a lowercase particle glued on ("al-Mutairi").
# Titles printed with a full stop before a name ("state Sen. Dana Whitfield"); their full stop ends no sentence.
_TITLES = r"Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sgt|Capt|Supt|Insp"
_NAME_WORD = (
    r"(?:(?:[A-Z]\.)+(?=\s+[A-Z])"  # an initial or two before a name: "K. Arumugam", "K.T. Rama Rao"
    rf"|(?:{_TITLES})\.(?=\s+[A-Z])"  # "state Sen. Dana Whitfield"
    r"|(?:(?:al|el|bin|ibn|abu|ben|da|di|du|de|del|della|der|van|von|le|la|ter)[-’'])?[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
)
# A proper name: capitalised words, allowing "of", "for", "the" inside ("Institute for the Study of War").
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:of|for|the|de|von)\s+)*{_NAME_WORD})*"
_NOT_REL = r"(?!who\b|which\b|that\b)"
# "a seasoned intelligence officer", "an analyst": up to six words, ending before punctuation or "who/which/that".
_ROLE = (
    rf"(?:a|an|the)\s+(?:{_NOT_REL}[\w’'\-]+\s+){{0,5}}?{_NOT_REL}[\w’'\-]+"
    r"(?=\s*[,.;:!?)”\"]|\s+(?:who|which|that)\b)"
)

_VERBS = (
    "said says say told tells claims claim claimed confirmed confirms confirm estimates estimated estimate reports "
    "reported revealed reveals reveal insisted insists noted notes warned warns argues argued suggests suggested "
    "describes described dubbed indicate indicates indicated shows showed show calls called concludes concluded "
    "stated states announced announces admitted admits acknowledged acknowledges added adds wrote writes "
    "found finds find forecast forecasts predicted predicts think thinks believe believes believed explained "
    "explains recalled recalls conceded concedes denied denies stressed stresses cautioned urged attribute "
    "attributes attributed counted puts put expects expected alleged alleges replied responded "
    # plural subjects take the bare verb: "Critics argue", "Experts warn", "Officials insist"
    "argue warn insist predict allege explain admit acknowledge"
).split()
_VERB_RE = re.compile(r"\b(?:" + "|".join(_VERBS) + r"|points to|pointed to)\b", re.IGNORECASE)
# Verbs that can take the speaker after them: "“…,” said Jane Doe, a spokeswoman".
_VERBS_SPEAKER_AFTER = set(
    "said says added adds wrote writes claims insists insisted noted warned explained recalled "
    "conceded replied asked".split()
)
# The head of a noun phrase that can be a source: people, bodies, documents and data.
_SPEAKER_NOUNS = set(
    "spokesman spokeswoman spokesperson official officials minister ministry police government council company "
    "firm bank authority authorities agency department office organisers organizers researchers scientists "
    "analysts analyst economist economists experts expert doctors doctor survey study report reports data "
    "figures documents document statement poll polls census index review inquiry investigators prosecutors "
    "court judge lawyers lawyer union unions management managers manager chief executive director governor "
    "president mayor leader leaders source sources witness witnesses residents resident campaigners group "
    "regulator commission committee board staff team trust charity observers monitors forecasters "
    "majority opposition coalition party army military forces command commander estimates count pair couple "
    "architects engineers officer officers councillor cllr chairman chairwoman chair secretary professor "
    "economists agency's website results models model trial institute centre center club coach manager's "
    "organisation organization association federation ngo".split()
)
_PRONOUN_SPEAKERS = {"he", "she", "they", "we", "i", "it", "you"}
# Words that end a speaker named after the verb in text without punctuation.
_AFTER_STOP = set(
    "that is was are were has have had will would could should may might can which who when because and but "
    "if as on in at it this these those there their his her its they he she we i".split()
)


_NOUN_VERBS = {"reports", "estimates", "claims", "calls", "shows", "finds", "notes", "states", "counted", "put"}
_NOUN_BEFORE = re.compile(
    r"(?i)(?:\b(?:the|a|an|some|early|two|three|these|those|its|his|her|their|our|new|latest|official|initial|"
    r"first|of|on|other|media|news|following|unconfirmed|conflicting|press|\d[\d,]*)\s+)$"
)
_DETERMINERS = set(
    "the a an his her its their our both some many most local other several all two three four one".split()
)


def _source_before(subject: str) -> str | None:
    """The part of the words before a verb that names who says so: all of it, or its last few words."""
    subject = re.sub(r"^(?:and|but|so|yet|then|also|now|meanwhile)\s+", "", subject.strip(), flags=re.IGNORECASE)
    # "In its quarterly forecasts the Bank cut": the subject starts at its determiner
    lead = re.match(r"(?i)(?:in|on|at|by|after|before|since|during)\s+(?:\S+\s+){0,4}?(?=(?:the|a|an)\s)", subject)
    if lead:
        subject = subject[lead.end() :]
    while True:
        trimmed = re.sub(_TRAILING, "", subject)
        if trimmed == subject:
            break
        subject = trimmed
    if not subject:
        return None
    words = subject.split()
    if subject == subject.lower() and len(words) > 5:
        titled = _titled_name(words)  # no punctuation: the clause may run on from the sentence before
        if titled:
            return titled
    if _looks_like_source(subject):
        return subject
    if words[-1].lower() in _PRONOUN_SPEAKERS:
        return words[-1]  # "… which they said", text without punctuation: "… he said"
    for k in range(min(6, len(words)), 0, -1):
        tail = words[-k:]
        if _person_like(tail[-1]) and (k == 1 or tail[0].lower() in _DETERMINERS or k == 2):
            return " ".join(tail)
    if subject == subject.lower():
        titled = _titled_name(words)
        if titled:
            return titled
        # "although harlow said": one word straight after a clause break
        if len(words) == 1 and words[0] not in _AFTER_STOP and words[0] not in _DETERMINERS and len(words[0]) > 2:
            return words[0]
    return None


def _titled_name(words: list[str]) -> str | None:
    """Text without capitals: "… 92 percent full the chief executive tom harlow" ends in a determiner, a title
    and up to three words of a name."""
    for k in range(min(7, len(words)), 2, -1):
        tail = words[-k:]
        titled = [n for n, w in enumerate(tail) if n and _person_like(w)]
        if tail[0] in _DETERMINERS and titled and len(tail) - 1 - titled[-1] <= 3:
            if not any(w in _AFTER_STOP for w in tail[1:]):
                return " ".join(tail)
    return None


def _person_like(word: str) -> bool:
    low = word.lower().strip(".,")
    return (
        low in _SPEAKER_NOUNS
        or low.rstrip("s") in _SPEAKER_NOUNS
        or low in _PEOPLE_PLURALS
        or (low.endswith(("ers", "ists", "ants", "ents", "ians")) and len(low) > 5 and low not in _NOT_PEOPLE)
        or (low.endswith(("ator", "ators")) and len(low) > 6)  # coordinator, administrator, legislator
    )


_PEOPLE_PLURALS = set(
    "people sides opponents supporters rescuers campaign officials agents traders voters families villagers "
    "locals citizens activists protesters critics neighbours neighbors parents teachers nurses".split()
)
_NOT_PEOPLE = {"numbers", "figures", "centers", "centres", "waters", "matters", "letters", "agreements", "moments"}

_TRAILING = re.compile(
    r"\s+(?:also|has|have|had|would|will|could|can|now|still|already|always|later|then|even|just|repeatedly|"
    r"previously|recently|today|yesterday|on \w+day|last week)$"
)


def _looks_like_source(subject: str) -> bool:
    head = subject.split(",")[0].strip()
    if head != subject.strip() and _looks_like_source(head):
        return True  # "A volunteer medic, who asked not to be named"
    if re.match(r"(?i)(?:(?:many|most|some|all|few|several|one|two|none|each|both|half)\s+of\s+)?"
                r"(?:those|them|these|people)\b", subject):  # fmt: skip
        return True  # "Many of those experiencing its effects"
    words = re.findall(r"[\w’'&.-]+", subject)
    if 2 <= len(words) <= 4 and words[0].lower() in ("a", "an", "the", "one", "two", "three") and "," not in subject:
        return True  # "A volunteer medic", "the organisers", "one resident"
    if not words or len(words) > 14:
        return False
    low = [w.lower().strip(".") for w in words]
    if len(words) == 1 and low[0] in _PRONOUN_SPEAKERS:
        return True
    if any(w in _SPEAKER_NOUNS or w.rstrip("s") in _SPEAKER_NOUNS for w in low):
        return True
    if _person_like(low[0]) and len(low) > 1 and low[1] == "of":
        return True  # "Supporters of the bridge", "Residents of the estate"
    # a proper name: a capitalised word that is not just the first word of the sentence
    return any(w[:1].isupper() for w in words[1:]) or (words[0][:1].isupper() and len(words) <= 3)


_SPEAKER_AFTER_CASED = re.compile(
    rf"\s+((?:(?:the|a|an|one|[a-z][a-z\-]*)\s+){{0,3}}?{_NAME}(?:,\s+\d{{1,3}}(?=,))?"
    r"(?:\s+\([^()\n]{1,30}\))?"  # "Sen. Patricia Callahan (D-Vt.)": a party and state in brackets
    # the description after the name, its full stops only those of abbreviations ("chief U.S. economist",
    # "D-St. Louis"), at most two parts ("D-St. Louis, the ranking Democrat on the committee")
    r"(?:,\s+(?!who\b|which\b|with\b|as\b|and\b|but\b|before\b|after\b|while\b)(?:[^,.;:“”\"\n]|\.(?=[A-Z]\.|\s+[a-z]|[A-Za-z])|(?<=\bSt)\.(?=\s+[A-Z])){2,120}?"
    r"(?:,\s+(?:the|a|an)\s+[^,.;:“”\"\n]{2,80}?)?"
    r"(?=\s*(?:[;:”\"\n]|(?<!\bSt)\.(?![A-Za-z]|\s+[a-z]))|\s*,\s*(?:who|which|adding|as|in|speaking|writing|when|while|after)\b"
    r"|\s+(?:who|which|that)\b|$))?"
    # "said Callum Ross, who led the Yes campaign", "a teacher who lost two sons": the description is the speaker's
    r"(?:,?\s+who\s[^.;:“”\"\n]{2,100}?(?=\s*[.;:”\"\n]|,\s|$))?)"
)
_AUXILIARIES = set("is was are were has have had will would could should may might can".split())
_WHEN_WORDS = set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow on in last this "
    "january february march april may june july august september october november december earlier later".split()
)
_ACCORDING_TO_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)


def _speaker_after(text: str, pos: int, *, cased: bool = True) -> int | None:
    """End of the speaker named right after a verb at ``pos``: "said Nadia Farrow, deputy chief economist"."""
    m = _SPEAKER_AFTER_CASED.match(text, pos)
    if m and m.group(1).split()[0].lower().strip(".,") in _WHEN_WORDS:
        return None  # "Corvane Inc. said Thursday": the day, not a speaker
    if m and any(c.isupper() for c in m.group(1)):
        return m.end(1)
    if cased:
        return None  # in cased text a speaker after the verb has a capitalised name
    # lowercased text: up to six words, ending before a word that starts a new clause
    words = list(re.finditer(r"[\w’'.&-]+", text[pos : pos + 160]))
    end = None
    stopped_by = None
    for n, w in enumerate(words[:8]):
        gap = text[pos + (words[n - 1].end() if n else 0) : pos + w.start()]
        if n and (not gap.isspace() or "\n" in gap):
            break
        if n == 0 and gap.strip():
            return None
        word = w.group().lower()
        if word in _AFTER_STOP and n:
            stopped_by = word
            break
        if word in _AFTER_STOP:
            return None
        end = pos + w.end()
    if end is None or len(words) < 2:
        return None
    speaker = text[pos:end]
    if speaker.split()[0].lower() in ("the", "a", "an") and stopped_by in _AUXILIARIES:
        # "said the chief executive", but not "said the real price would…": a reported clause's subject
        return end if any(_person_like(w) for w in speaker.split()[1:]) else None
    if speaker.split()[0].lower() in ("the", "a", "an"):
        return end
    return end if _looks_like_source(speaker) else None


def _according_to(text: str) -> list[tuple[int, int]]:
    """ "according to Kremlin documents", "according to Layoffs.fyi, a website that tracks job cuts"."""
    out = []
    for m in _ACCORDING_TO_RE.finditer(text):
        end_match = re.compile(r"[,.;:“”\"()\n]|\s[–—-]\s").search(text, m.end() + 1)
        end = end_match.start() if end_match else len(text)
        if text[end - 1 : end] == "." and re.search(r"\b[A-Z][a-z]{0,3}$|\.[a-z]+$", text[m.end() : end]):
            end_match = re.compile(r"[,;:“”\"()\n]|\.\s").search(text, end + 1)
            end = end_match.start() if end_match else len(text)
        words = text[m.end() : end].split()
        if len(words) > 12:
            end = m.end() + len(" ".join(words[:12]))
        appositive = re.compile(r",\s+(?:a|an)\s+[^,.;:“”\"\n]{2,80}?(?=[.;:,“”\"\n]|$)").match(text, end)
        if appositive:
            end = appositive.end()
        if end > m.end():
            out.append((m.start(), end))
    return out


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
    acronyms = [(a.start(), a.end()) for a in _ACRONYM.finditer(text, floor, pos)]
    for m in _CLAUSE_BREAK.finditer(text, floor, pos):
        if m.group() in "()" and any(a <= m.start() < b for a, b in acronyms):
            continue  # "The International Organization for Migration (IOM) said": the body's short name
        if m.group().startswith(".") and _ABBREVIATION.search(text, max(floor, m.start() - 6), m.start() + 1):
            if not _SENTENCE_OPENER.match(text, m.end()):
                continue  # "Corvane Inc. said", "Bellevue, Wash., who", "minister K. Arumugam": an abbreviation
        best = m.end()
    return best


_ABBREVIATION = re.compile(rf"\b(?:Inc|Corp|Co|Ltd|Plc|St|Jr|Sr|{_TITLES}|Wash|Calif|U\.S|(?:[A-Z]\.)*[A-Z])\.$")


# A body's short name in brackets after its full name: "(IOM)", "(MSF)", "(Esa)", "(PVMBG)".
_ACRONYM = re.compile(r"\([A-Z][A-Za-z&]{1,7}\)")
# Words that open a sentence after a full stop, so "in Group B. He said" ends a sentence at "B.".
_SENTENCE_OPENER = re.compile(r"(?:He|She|It|They|We|I|The|This|That|These|Those|There|But|And|A|An|In|On)\b")


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
    quoted = [(q.start, q.end) for q in _quotations(text) if q.label == "direct quotation" and text[q.start] != "‘"]
    for m in _VERB_RE.finditer(text):
        verb = m.group()
        if any(a < m.start() and m.end() < b for a, b in quoted):
            continue  # "Shelley always said…" inside a quotation is the speaker's story, not the article's source
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", before):
            continue  # "was expected", "were counted": passive, offered below when it hides who says so
        if verb.lower() in _NOUN_VERBS and re.search(_NOUN_BEFORE, before):
            continue  # "early reports", "two estimates", "following reports": nouns, not verbs
        para = _paragraph_start(text, m.start())
        start = _clause_start(text, m.start(), para)
        subject = text[start : m.start()].strip()
        # "Markus Söder, the Bavarian prime minister, said" / "A medic, who asked not to be named, describes"
        for _ in range(2):
            if subject or start <= para or text[start - 1] != ",":
                break
            inner = _clause_start(text, start - 1, para)
            chunk = text[inner : start - 1].strip()
            if not chunk or len(chunk.split()) > 10:
                break
            outer = _clause_start(text, inner - 1, para) if inner > para and text[inner - 1] == "," else inner
            start, subject = outer, text[outer : m.start()].strip()
        source = _source_before(subject)
        after = None
        if verb.lower() in _VERBS_SPEAKER_AFTER:
            after = _speaker_after(
                text, m.end(), cased=text[para : m.start() + 200] != text[para : m.start() + 200].lower()
            )
        # "“…,” said X" and "…, says X": the speaker comes after the verb
        quoted_before = bool(re.search(r"[”\",]\s*$", text[max(para, m.start() - 4) : m.start()]))
        if after and (source is None or quoted_before):
            s, e = _strip_span(text, m.start(), after)
            out.append(Suggestion(s, e, "sourcing", f"attribution: {verb} {text[m.end() : after].strip()}"))
        elif source:
            s_start = text.rfind(source, start, m.start())
            s, e = _strip_span(text, s_start if s_start >= 0 else start, m.end())
            out.append(Suggestion(s, e, "sourcing", f"attribution: {source} {verb}"))
    for a, b in _according_to(text):
        s, e = _strip_span(text, a, b)
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
