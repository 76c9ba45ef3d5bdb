"""Readable paragraphs and the headline, changing only where the text breaks — never its words.

Reports copied out of a web page or an app often arrive without blank lines: one line per
paragraph (which the importers already read as paragraphs), or the whole report as one line
of 3,000 characters with the headline glued to its first sentence. Here a long paragraph is
cut at sentence ends into paragraphs of a few sentences, and a headline is found where the
text repeats it or where it equals the title the teacher typed. Every function returns slices
of its input: the only thing that may change is which whitespace becomes a paragraph break.
"""

from __future__ import annotations

import re

# A paragraph longer than this is cut; the pieces aim at about TARGET characters each.
LONG_PARAGRAPH = 900
TARGET = 380
# A last piece shorter than this joins the one before it, rather than standing alone.
SHORTEST = 140

HEADLINE_MAX_CHARS = 300
_HEADLINE_WORDS = range(3, 41)

# A sentence ends at . ! ? or … (possibly followed by closing quotes or brackets), then
# whitespace, then something that can open a sentence: a capital, a digit, an opening quote.
_SENTENCE_BREAK = re.compile(r"(?P<end>[.!?…][”\"’'»)\]]*)(?P<space>\s+)(?=[“\"‘'«(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐ])")
# Words after which a full stop does not end the sentence ("Mr. Hask", "St. Mary's", "No. 4").
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof rev st sr jr gen lt col sgt capt cmdr maj adm gov sen rep cllr pres
    no nos vol fig p pp vs etc approx est dept univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue wed thu fri sat sun e.g i.e u.s u.k u.n a.m p.m""".split()
)
_WORD_BEFORE = re.compile(r"(\S+)$")
_WORD = re.compile(r"\S+")


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the punctuation at ``text[:end]`` closes a sentence (not "Mr." or an initial "J.")."""
    word = _WORD_BEFORE.search(text, max(0, end - 80), end)  # a bounded look back: linear in the text
    if not word:
        return True
    token = word.group(1)
    if not token.endswith("."):
        return True  # ! ? … or a closing quote after them
    bare = token.rstrip(".").lstrip("“\"‘'«([").lower()
    if bare in _ABBREVIATIONS:
        return False
    # A single letter ("J. Smith") or dotted initials ("U.S.") are abbreviations.
    return not (len(bare) == 1 and bare.isalpha()) and not re.fullmatch(r"(?:\w\.)+\w", bare)


def sentence_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the whitespace between sentences of ``text``."""
    breaks = []
    for match in _SENTENCE_BREAK.finditer(text):
        if _ends_sentence(text, match.end("end")):
            breaks.append(match.span("space"))
    return breaks


def split_long_paragraph(text: str) -> list[str]:
    """Cut a paragraph longer than LONG_PARAGRAPH at sentence ends into pieces of a few sentences.

    Joining the pieces with the whitespace they were cut at gives ``text`` back exactly; shorter
    paragraphs, and long ones with no sentence end to cut at, come back whole.
    """
    if len(text) <= LONG_PARAGRAPH:
        return [text]
    pieces: list[str] = []
    start = 0
    for space_start, space_end in sentence_breaks(text):
        if space_start - start >= TARGET and len(text) - space_end >= SHORTEST:
            pieces.append(text[start:space_start])
            start = space_end
    pieces.append(text[start:])
    return pieces


def repeated_headline(text: str) -> tuple[str, str] | None:
    """A headline printed twice at the start (a copy-paste artefact): (headline, the text after both copies).

    "Flood barrier delayed Flood barrier delayed The tidal barrier…" → ("Flood barrier delayed",
    "The tidal barrier…"). The headline must be 3–40 words and not itself run on into sentences.
    When the second copy ends a sentence ("Flood barrier delayed Flood barrier delayed. The tidal…"),
    it is the body's first sentence: the body keeps it and only the first copy is the headline.
    """
    words = list(_WORD.finditer(text))
    for count in _HEADLINE_WORDS:
        if 2 * count >= len(words):
            break
        first = [w.group() for w in words[:count]]
        second = [w.group() for w in words[count : 2 * count]]
        as_sentence = first[:-1] == second[:-1] and second[-1] != first[-1] and second[-1].rstrip(".!?…") == first[-1]
        if first != second and not as_sentence:
            continue
        headline = text[words[0].start() : words[count - 1].end()]
        if len(headline) > HEADLINE_MAX_CHARS or sentence_breaks(headline):
            return None
        return headline, text[words[count if as_sentence else 2 * count].start() :]
    return None


def title_at_start(text: str, title: str) -> tuple[str, str] | None:
    """When ``text`` opens with the words of ``title`` and a new sentence follows: (headline, rest).

    "Flood barrier delayed The tidal barrier…" with the title "Flood barrier delayed" →
    ("Flood barrier delayed", "The tidal barrier…"): the headline as the text spells it, so the
    body keeps its own characters. A title that is only the start of the first sentence
    ("Council" for "Council votes…") is not a headline.
    """
    title_words = title.split()
    if len(title_words) < 2:
        return None
    words = list(_WORD.finditer(text))
    count = len(title_words)
    if len(words) <= count or [w.group() for w in words[:count]] != title_words:
        return None
    following = words[count].group()
    if not re.match(r"[“\"‘'«(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐ]", following):
        return None
    return text[words[0].start() : words[count - 1].end()], text[words[count].start() :]
