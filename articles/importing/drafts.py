"""A draft article: what an import found, for the teacher to check in the preview before saving.

Every import path (pasted text or Markdown, an uploaded file, a web address) ends in a
:class:`Draft`. Fields the source does not state are empty — students then see "unknown" —
and are never filled with a guess.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from articles.importing.paragraphs import repeated_headline, split_long_paragraph, title_at_start
from articles.importing.text import (
    _ATX_HEADING,
    ImportProblem,
    _first_line_and_rest,
    _unescape_heading,
    escape_text,
    normalise,
    text_to_markdown,
)

__all__ = ["Draft", "ImportProblem", "draft_from_markdown", "draft_from_text"]

# Where the title came from, said to the teacher in the preview.
TITLE_SOURCES = {
    "": "",
    "typed": "the title you typed",
    "first line": "the text’s first line, its headline",
    "repeated": "the headline the text repeats at its start",
    "page": "the page’s own headline",
    "document": "the document’s first heading",
}

_MARKDOWN_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\||```|~~~|\{:)")
_MARKDOWN_INLINE = re.compile(r"[*_\[\]<>`\\]")


@dataclass
class Draft:
    title: str = ""
    title_found_in: str = ""  # a key of TITLE_SOURCES
    title_is_editorial: bool = False
    outlet: str = ""
    author: str = ""
    published_on: datetime.date | None = None
    original_url: str = ""
    body_markdown: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def title_source(self) -> str:
        return TITLE_SOURCES.get(self.title_found_in, "")


def _headline_of(text: str, title: str) -> tuple[str, str, str, str]:
    """(title, where it was found, the headline as the text spells it, the text under it) for plain text.

    The headline is not removed from the article: it becomes its ``# `` heading, so only breaks change.
    """
    if title:
        found = title_at_start(text, title)
        return (title, "typed", *found) if found else (title, "typed", "", text)
    first, rest = _first_line_and_rest(text)
    rest = rest.lstrip("\n")
    # A first line that ends like a sentence (". , ; :") is the report's first paragraph, not a headline.
    if rest.strip() and len(first) <= 300 and not first.endswith((".", ",", ";", ":")):
        repeated, after = _first_line_and_rest(rest)
        if repeated == first:  # the headline printed twice (copied from a page): kept once
            rest = after.lstrip("\n")
        return first, "first line", first, rest
    # One single line: a headline glued to the start is found only where the text repeats it.
    found = repeated_headline(text)
    if found:
        return found[0], "repeated", found[0], found[1]
    return "", "", "", text


def draft_from_text(text: str, *, title: str = "") -> Draft:
    """Plain text (pasted, or a .txt file): its wording kept exactly, Markdown characters escaped."""
    text = normalise(text)
    if not text.strip():
        raise ImportProblem("There is no text: paste or upload the article's text.")
    title, found_in, heading, rest = _headline_of(text, " ".join(title.split()))
    body = text_to_markdown(rest)
    if not body:
        raise ImportProblem("The text has a headline but no article under it.")
    if heading:
        body = f"# {escape_text(' '.join(heading.split()))}\n\n{body}"
    draft = Draft(title=title, title_found_in=found_in, body_markdown=body)
    _note_paragraphs(draft, text)
    return draft


def _note_paragraphs(draft: Draft, text: str) -> None:
    if "\n" not in text.strip() and len(text) > 900:
        pieces = draft.body_markdown.count("\n\n") + 1
        draft.notes.append(
            f"The text came as one line of {len(text):,} characters; it is shown in {pieces} paragraphs, "
            "cut at sentence ends. Only the breaks changed, not the words."
        )


def _markdown_paragraphs(source: str) -> str:
    """Markdown pasted without blank lines, where every line was meant as a paragraph, gets them.

    Only when the source has no blank line at all; list lines stay together, and a very long line with
    no inline markup is cut at sentence ends (with markup, a cut could split an emphasis or a link).
    """
    if "\n\n" in source or "\n" not in source.strip() and len(source) <= 900:
        return source
    out: list[str] = []
    for line in source.split("\n"):
        if not line.strip():
            continue
        if out and line.lstrip().startswith("{:"):  # an attribute list belongs to the block above it
            out[-1] += "\n" + line
            continue
        is_item = bool(re.match(r"^\s*(?:[-*+]\s|\d+[.)]\s)", line))
        if out and is_item and re.match(r"^\s*(?:[-*+]\s|\d+[.)]\s)", out[-1].rsplit("\n", 1)[-1]):
            out[-1] += "\n" + line
            continue
        if _MARKDOWN_BLOCK_START.match(line) or _MARKDOWN_INLINE.search(line):
            out.append(line)
        else:
            out.extend(split_long_paragraph(line))
    return "\n\n".join(out) + "\n"


def draft_from_markdown(source: str, *, title: str = "") -> Draft:
    """Markdown (pasted, or a .md file): the teacher's markup kept; a leading ``# `` heading is the title."""
    source = normalise(source)
    if not source.strip():
        raise ImportProblem("There is no text: paste or upload the article's text.")
    body = _markdown_paragraphs(source)
    title = " ".join(title.split())
    found_in = "typed" if title else ""
    if not title:
        heading = _ATX_HEADING.match(_first_line_and_rest(source)[0])
        if heading:
            title, found_in = _unescape_heading(heading.group("text")), "first line"
    draft = Draft(title=title, title_found_in=found_in, body_markdown=body if body.endswith("\n") else body + "\n")
    _note_paragraphs(draft, source)
    return draft
