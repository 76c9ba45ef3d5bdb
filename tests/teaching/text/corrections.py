"""A seeded generator of realistic article corrections whose truth is known character by character.

Each correction is built from elementary edits an editor makes (a typo fixed, a word or sentence added,
removed or moved, a paragraph split or merged, a pull quote, whitespace, punctuation, a figure changed),
applied to a list of characters that remember where they came from. After the edits we know, for every
character of the old text, where it is in the new text (or that it is gone), so every highlight made on
the old text can be judged against what really happened to its words:

- kept / moved: placed on exactly its own words (whitespace between them may have changed);
- set aside: orphaned, and its words really changed (one of them edited, removed or moved apart);
- orphaned although intact: orphaned, but its words are all still there, together;
- misplaced: placed on none of its own words (e.g. another copy of the same sentence);
- stretched: placed on some of its words and on words that are not its own;
- shrunk: placed on only part of its own words.

Run as a module for the large evaluation (``make anchoring-eval``); the tests import ``evaluate``.
The launch articles are read from fixtures/pokrovsk (rendered to text the way the site does); the other
texts are written for this generator.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from articles.rendering import render  # noqa: E402  (Django-free: markdown + bleach)
from teaching.text import anchoring  # noqa: E402

OUTCOMES = ["kept", "moved", "set aside", "orphaned although intact", "misplaced", "stretched", "shrunk"]
FAILURES = ["misplaced", "stretched", "shrunk"]

# --- Texts -------------------------------------------------------------------------------------------

OWN_TEXTS = {
    "council-budget": (
        "The city council approved a budget of 48.5 million euros on Tuesday, after a debate that lasted "
        "almost seven hours. The mayor said the plan would protect libraries and swimming pools.\n"
        "Critics said the figures did not add up. The opposition leader, Marta Kovacs, said the council had "
        "counted the same grant twice. The council denied it.\n"
        "“We will not close a single library,” the mayor said.\n"
        "The budget cuts road repairs by 12%, to 3.1 million euros, and raises parking charges by 20 cents an "
        "hour. The council expects 900,000 euros more from parking next year. The council expects fewer "
        "complaints about potholes, although it did not say why.\n"
        "Residents who spoke at the meeting were divided. One pensioner said the pools mattered less than the "
        "buses. A teacher said the libraries were the only warm place some pupils had after school.\n"
        "“We will not close a single library,” the mayor said.\n"
        "The vote was 27 to 14, with two abstentions. The budget takes effect in January."
    ),
    "hospital-study": (
        "A study of 2,400 patients in three hospitals found that shorter waits in the emergency department "
        "were linked to fewer deaths within 30 days. The researchers said the link did not prove that "
        "waiting caused the deaths.\n"
        "Patients who waited more than six hours were 1.3 times as likely to die as those seen within two "
        "hours. The study did not include children. The study was paid for by a health charity.\n"
        "Dr Amina Osei, who led the work, said the numbers were worrying. “Every hour matters,” she said. "
        "Dr Osei said hospitals should publish their waiting times every week.\n"
        "Every hour matters.\n"
        "A spokesman for the health ministry said average waits had fallen by 11 minutes since March. The "
        "ministry did not say how the average was measured. Nurses' unions said staff shortages were the "
        "main cause of the delays, and that 1 in 10 posts was empty.\n"
        "The findings will be presented at a conference in Lisbon next month."
    ),
}

# Sentences an editor might add (written for this generator).
NEW_SENTENCES = [
    "Officials did not respond to a request for comment.",
    "The figures could not be independently verified.",
    "This article has been updated with new information.",
    "A spokesperson declined to give further details.",
    "Local reporters said the situation was changing by the hour.",
    "The claim was repeated in several later reports.",
    "Earlier versions of this report gave a different date.",
    "No casualty figures were released.",
]
NEW_WORDS = ["reportedly", "still", "also", "now", "officially", "only", "nearly", "local", "heavy", "new"]
PUNCTUATION_SWAPS = [(",", ";"), (";", ","), (".", "!"), ("’", "'"), ("'", "’"), ("“", '"'), ("—", " – ")]


def launch_texts() -> dict[str, str]:
    texts = {}
    for path in sorted((ROOT / "fixtures" / "pokrovsk").glob("0*.md")):
        texts[path.stem[:3]] = render(path.read_text(encoding="utf-8"))[1]
    return texts


def all_texts() -> dict[str, str]:
    return {**launch_texts(), **OWN_TEXTS}


# --- A text whose characters remember where they came from --------------------------------------------


class Doc:
    """The text being corrected: ``chars[i]`` came from old index ``origin[i]`` (-1: written by the editor)."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)
        self.origin = list(range(len(text)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def replace(self, start: int, end: int, new: str) -> None:
        self.chars[start:end] = list(new)
        self.origin[start:end] = [-1] * len(new)

    def move(self, start: int, end: int, to: int) -> None:
        """Move chars[start:end] (keeping their origin) so they begin at ``to`` of the current text."""
        chars, origin = self.chars[start:end], self.origin[start:end]
        del self.chars[start:end], self.origin[start:end]
        if to > start:
            to -= end - start
        self.chars[to:to] = chars
        self.origin[to:to] = origin

    def fates(self, old_len: int) -> list[int | None]:
        fate: list[int | None] = [None] * old_len
        for new_index, old_index in enumerate(self.origin):
            if old_index >= 0:
                fate[old_index] = new_index
        return fate


WORD = re.compile(r"[^\W_]+(?:[’'.,-][^\W_]+)*")
SENTENCE = re.compile(r"[^\s.!?\n][^\n]*?[.!?”\"]+(?=\s|$)")


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SENTENCE.finditer(text)]


# --- Elementary edits: each changes the Doc and returns False when it found nothing to do --------------

Edit = Callable[[random.Random, Doc], bool]


def typo(rng: random.Random, doc: Doc, near: tuple[int, int] | None = None) -> bool:
    text = doc.text
    words = [w for w in _words(text) if w[1] - w[0] >= 3 and (near is None or near[0] <= w[0] < near[1])]
    if not words:
        return False
    s, e = rng.choice(words)
    i = rng.randrange(s, e)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap" and i + 1 < e and text[i] != text[i + 1]:
        doc.replace(i, i + 2, text[i + 1] + text[i])
    elif kind == "drop":
        doc.replace(i, i + 1, "")
    elif kind == "double":
        doc.replace(i, i + 1, text[i] * 2)
    else:
        letter = rng.choice([c for c in "etaoinsrhl" if c != text[i].lower()])
        doc.replace(i, i + 1, letter)
    return True


def word_insert(rng: random.Random, doc: Doc) -> bool:
    words = _words(doc.text)
    if not words:
        return False
    s, _ = rng.choice(words)
    doc.replace(s, s, rng.choice(NEW_WORDS) + " ")
    return True


def word_delete(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    words = [w for w in _words(text) if w[1] < len(text) and text[w[1]] == " "]
    if not words:
        return False
    s, e = rng.choice(words)
    doc.replace(s, e + 1, "")  # the word and the space after it
    return True


def word_move(rng: random.Random, doc: Doc) -> bool:
    """Swap a word with its neighbour ("only said" → "said only")."""
    text = doc.text
    words = _words(text)
    pairs = [(a, b) for a, b in zip(words, words[1:], strict=False) if text[a[1] : b[0]] == " "]
    if not pairs:
        return False
    a, b = rng.choice(pairs)
    if b[1] < len(text) and text[b[1]] == " ":
        doc.move(a[0], a[1] + 1, b[1] + 1)  # "a b c" → "b a c"
    else:
        doc.move(b[0] - 1, b[1], a[0] - 1 if a[0] else 0)  # "x a b." → "x b a."
    return True


def sentence_insert(rng: random.Random, doc: Doc) -> bool:
    sentences = _sentences(doc.text)
    if not sentences:
        return False
    _, e = rng.choice(sentences)
    doc.replace(e, e, " " + rng.choice(NEW_SENTENCES))
    return True


def sentence_delete(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    sentences = [s for s in _sentences(text) if s[1] < len(text) and text[s[1]] == " "]
    if not sentences:
        return False
    s, e = rng.choice(sentences)
    doc.replace(s, e + 1, "")  # the sentence and the space after it
    return True


def sentence_move(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    sentences = [s for s in _sentences(text) if s[1] < len(text) and text[s[1]] == " "]
    if len(sentences) < 3:
        return False
    s, e = rng.choice(sentences)
    targets = [t for t, _ in _sentences(text) if t < s or t > e]
    doc.move(s, e + 1, rng.choice(targets))  # "Sentence. " before another sentence's start
    return True


def paragraph_split(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    gaps = [e for _, e in _sentences(text) if e < len(text) - 1 and text[e] == " "]
    if not gaps:
        return False
    gap = rng.choice(gaps)
    doc.replace(gap, gap + 1, "\n")
    return True


def paragraph_merge(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    breaks = [i for i, c in enumerate(text) if c == "\n" and 0 < i < len(text) - 1 and text[i - 1] in '.!?”"']
    if not breaks:
        return False
    i = rng.choice(breaks)
    doc.replace(i, i + 1, " ")
    return True


def pull_quote(rng: random.Random, doc: Doc) -> bool:
    """A copy of one sentence as its own paragraph somewhere else (new characters, the same words)."""
    text = doc.text
    sentences = _sentences(text)
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    if not sentences or not breaks:
        return False
    s, e = rng.choice(sentences)
    at = rng.choice(breaks)
    doc.replace(at, at, "\n" + text[s:e])
    return True


def whitespace(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    spaces = [i for i, c in enumerate(text) if c == " "]
    doubles = [i for i in spaces if i + 1 < len(text) and text[i + 1] == " "]
    if doubles and rng.random() < 0.5:
        i = rng.choice(doubles)
        doc.replace(i, i + 1, "")
    elif spaces:
        i = rng.choice(spaces)
        doc.replace(i, i, rng.choice([" ", "\u00a0"]) if rng.random() < 0.8 else "")
        if doc.text == text:
            return False
    else:
        return False
    return True


def punctuation(rng: random.Random, doc: Doc) -> bool:
    text = doc.text
    options = [(i, old, new) for old, new in PUNCTUATION_SWAPS for i in _find_all(text, old)]
    if not options:
        return False
    i, old, new = rng.choice(options)
    doc.replace(i, i + len(old), new)
    return True


NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def number_change(rng: random.Random, doc: Doc, near: tuple[int, int] | None = None) -> bool:
    numbers = [m for m in NUMBER.finditer(doc.text) if near is None or near[0] <= m.start() < near[1]]
    if not numbers:
        return False
    m = rng.choice(numbers)
    figure = m.group()
    digits = [i for i, c in enumerate(figure) if c.isdigit()]
    i = rng.choice(digits)
    changed = figure[:i] + str((int(figure[i]) + rng.randint(1, 8)) % 10) + figure[i + 1 :]
    if rng.random() < 0.3:
        changed = changed + ",000" if "," not in changed else changed.replace(",", "")
    doc.replace(m.start(), m.end(), changed)
    return True


def _find_all(text: str, needle: str) -> list[int]:
    out, pos = [], text.find(needle)
    while pos != -1:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


ELEMENTARY: dict[str, Edit] = {
    "typo": typo,
    "word insert": word_insert,
    "word delete": word_delete,
    "word move": word_move,
    "sentence insert": sentence_insert,
    "sentence delete": sentence_delete,
    "sentence move": sentence_move,
    "paragraph split": paragraph_split,
    "paragraph merge": paragraph_merge,
    "pull quote": pull_quote,
    "whitespace": whitespace,
    "punctuation": punctuation,
    "number change": number_change,
}
KINDS = [*ELEMENTARY, "edit in a repeated sentence", "delete, next starts alike", "compound"]


# --- Highlights ----------------------------------------------------------------------------------------


def spread_highlights(rng: random.Random, text: str, count: int, favour: list[tuple[int, int]] = ()) -> list:
    """Highlights like a class makes them: 1–8 words, sometimes a whole sentence; some inside ``favour``."""
    words = _words(text)
    sentences = _sentences(text)
    selectors = []
    for n in range(count):
        if favour and n % 5 == 0:
            fs, fe = rng.choice(favour)
            inside = [i for i, w in enumerate(words) if fs <= w[0] and w[1] <= fe]
            first = rng.choice(inside) if inside else rng.randrange(len(words))
            last = min(inside[-1] if inside else first, first + rng.randint(0, 5))
            start, end = words[first][0], words[last][1]
        elif sentences and rng.random() < 0.15:
            start, end = rng.choice(sentences)
        else:
            first = rng.randrange(len(words))
            last = min(len(words) - 1, first + rng.randint(0, 7))
            start, end = words[first][0], words[last][1]
        selectors.append(anchoring.select(text, start, end, text[start:end]))
    return selectors


# --- Cases -------------------------------------------------------------------------------------------


@dataclass
class Case:
    kind: str
    source: str
    old: str
    new: str
    fate: list[int | None]
    selectors: list


def _with_repeated_sentence(rng: random.Random, text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with one sentence repeated as a pull quote (the way the issue's corpus had it)."""
    sentences = [s for s in _sentences(text) if 40 <= s[1] - s[0] <= 300]
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    s, e = rng.choice(sentences)
    at = rng.choice([b for b in breaks if not s <= b <= e] or [len(text)])
    quote = text[s:e]
    text = text[:at] + "\n" + quote + text[at:]
    return text, [(p, p + len(quote)) for p in _find_all(text, quote)]


def _with_alike_sentences(rng: random.Random, text: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Make the sentence after a chosen one start with the same word as it.

    Returns the text, the chosen sentence, and the span from it to the next one's first word."""
    sentences = _sentences(text)
    pairs = [
        (a, b)
        for a, b in zip(sentences, sentences[1:], strict=False)
        if text[a[1] : b[0]] == " " and WORD.match(text, a[0])
    ]
    first, second = rng.choice(pairs)
    word = WORD.match(text, first[0]).group()
    if not text.startswith(word + " ", second[0]):
        text = text[: second[0]] + word + " " + text[second[0] :]
    return text, first, (first[0], second[0] + len(word))


def make_case(rng: random.Random, kind: str, source: str, text: str, highlights: int) -> Case | None:
    favour: list[tuple[int, int]] = []
    if kind == "edit in a repeated sentence":
        text, copies = _with_repeated_sentence(rng, text)
        favour = copies
    elif kind == "delete, next starts alike":
        text, deleted, around = _with_alike_sentences(rng, text)
        favour = [around]
    selectors = spread_highlights(rng, text, highlights, favour)
    doc = Doc(text)
    if kind == "edit in a repeated sentence":
        target = rng.choice(favour)
        done = (number_change if rng.random() < 0.3 else typo)(rng, doc, near=target) or typo(rng, doc, near=target)
    elif kind == "delete, next starts alike":
        doc.replace(deleted[0], deleted[1] + 1, "")  # the sentence and the space after it
        done = True
    elif kind == "compound":
        done = False
        for _ in range(rng.randint(2, 5)):
            done = ELEMENTARY[rng.choice(list(ELEMENTARY))](rng, doc) or done
    else:
        done = ELEMENTARY[kind](rng, doc)
    if not done or doc.text == text:
        return None
    return Case(kind, source, text, doc.text, doc.fates(len(text)), selectors)


def generate(seed: int, count: int, highlights: int = 50, kinds: list[str] | None = None) -> list[Case]:
    """``count`` corrections, cycling through the kinds and the texts, each with its own highlights."""
    rng = random.Random(seed)
    texts = list(all_texts().items())
    kinds = kinds or KINDS
    cases: list[Case] = []
    n = 0
    while len(cases) < count:
        kind = kinds[n % len(kinds)]
        source, text = texts[(n // len(kinds)) % len(texts)]
        n += 1
        case = make_case(rng, kind, source, text, highlights)
        if case is not None:
            cases.append(case)
    return cases


# --- Judging ---------------------------------------------------------------------------------------------


def judge(case: Case, sel, placement: anchoring.Placement) -> str:
    old, new, fate = case.old, case.new, case.fate
    own = [i for i in range(sel.start, sel.end) if not old[i].isspace()]
    images = [fate[i] for i in own]
    intact = all(x is not None for x in images) and images == sorted(images)
    if intact:
        lo, hi = images[0], images[-1] + 1
        between = {i for i in range(lo, hi) if not new[i].isspace()}
        intact = between == set(images)
    if placement.is_orphaned:
        return "orphaned although intact" if intact else "set aside"
    assert new[placement.start : placement.end] == placement.exact, "a placement must read its own quote"
    placed = {i for i in range(placement.start, placement.end) if not new[i].isspace()}
    mine = {x for x in images if x is not None}
    if not placed & mine:
        return "misplaced"
    if placed - mine:
        return "stretched"
    if not intact or placed != mine:
        return "shrunk"
    return "kept" if (placement.start, placement.end) == (sel.start, sel.end) else "moved"


@dataclass
class Table:
    rows: dict[str, Counter] = field(default_factory=dict)
    examples: dict[str, list] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, kind: str, outcome: str, example=None) -> None:
        self.rows.setdefault(kind, Counter())[outcome] += 1
        if example is not None and outcome in FAILURES + ["orphaned although intact"]:
            self.examples.setdefault(outcome, []).append(example)

    @property
    def total(self) -> Counter:
        out: Counter = Counter()
        for row in self.rows.values():
            out.update(row)
        return out

    def format(self) -> str:
        head = f"{'edit':<28}{'highlights':>11}" + "".join(f"{o:>12}" for o in OUTCOMES)
        lines = [head.replace("orphaned although intact", "intact-orph")]
        for kind, row in [*sorted(self.rows.items()), ("all", self.total)]:
            n = sum(row.values())
            lines.append(f"{kind:<28}{n:>11,}" + "".join(f"{row[o]:>12,}" for o in OUTCOMES))
        total = self.total
        n = sum(total.values()) or 1
        lines.append(
            f"orphaned although intact: {total['orphaned although intact'] / n:.3%}; "
            f"misplaced {total['misplaced']}, stretched {total['stretched']}, shrunk {total['shrunk']}; "
            f"placing took {self.seconds:.2f} s"
        )
        return "\n".join(lines)


def evaluate(cases: list[Case], place=None) -> Table:
    """Place every highlight of every case (``place(case)`` → placements; default: the pure module)."""
    table = Table()
    for case in cases:
        t0 = time.perf_counter()
        placements = place(case) if place else _place_all(case)
        table.seconds += time.perf_counter() - t0
        for sel, placement in zip(case.selectors, placements, strict=True):
            outcome = judge(case, sel, placement)
            table.add(case.kind, outcome, (case.kind, case.source, sel.exact, placement.exact))
    return table


def _place_all(case: Case) -> list[anchoring.Placement]:
    reanchorer = anchoring.Reanchorer(case.old, case.new)
    return [
        reanchorer.place(start=s.start, end=s.end, exact=s.exact, prefix=s.prefix, suffix=s.suffix)
        for s in case.selectors
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description="Re-anchoring against corrections of known truth.")
    parser.add_argument("--corrections", type=int, default=3000)
    parser.add_argument("--highlights", type=int, default=50)
    parser.add_argument("--seed", type=int, default=4242)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    cases = generate(args.seed, args.corrections, args.highlights)
    table = evaluate(cases)
    print(f"{len(cases):,} corrections × {args.highlights} highlights, seed {args.seed}")
    print(table.format())
    for outcome, examples in table.examples.items():
        for kind, source, exact, placed in examples[: args.examples]:
            print(f"  {outcome} [{kind}, {source}]: {exact[:70]!r} → {(placed or '')[:70]!r}")


if __name__ == "__main__":
    main()
