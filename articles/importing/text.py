"""Plain text and Markdown files: decoding, escaping, and the title and Markdown body they make.

Pure text logic, no Django: the admin upload form and the ``import_article`` command
both call :func:`import_file` and turn :class:`ImportProblem` into their own error.

A plain-text report must keep its wording exactly. So every character Markdown would
otherwise read as markup (a leading ``#`` or ``>``, ``*``/``_`` emphasis, backslashes,
``[links]``, ``<`` autolinks, ``&entities;``, ``{: attributes }``…) is escaped, and only
two structures are recognised: paragraphs and ``- `` bullet lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from articles.importing.paragraphs import split_long_paragraph

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
ALLOWED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES

# Characters Python-Markdown un-escapes after a backslash (Markdown.ESCAPED_CHARS) that
# can start markup anywhere in a line. Leading-only markers are handled separately.
_INLINE_SPECIALS = re.compile(r"([\\`*_{}\[\]!])")
_ENTITY_LIKE = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z0-9]+;)")
_LEADING_BLOCK_MARKER = re.compile(r"^([#>+-])")
_LEADING_ORDERED_MARKER = re.compile(r"^(\d+)\.(?=\s|$)")
_BULLET = re.compile(r"^- +(?=\S)")
_ATX_HEADING = re.compile(r"^#(?!#)\s*(?P<text>.+?)\s*#*\s*$")
_BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
# Control characters that do not occur in text files (tab, newline, form feed and CR do).
_BINARY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


class ImportProblem(ValueError):
    """The file cannot become an article; the message says why, for the person importing."""


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    body_markdown: str


def human_size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def check_filename(filename: str) -> str:
    """Return the file's suffix (".txt", ".md", ".markdown") or raise ImportProblem."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        shown = f"“{suffix}”" if suffix else "no extension"
        raise ImportProblem(
            f"Only .txt and .md files can be imported, and this file has {shown}. "
            "Save the article as plain text (.txt) or Markdown (.md) and try again."
        )
    return suffix


def check_size(size: int, *, max_bytes: int) -> None:
    if size > max_bytes:
        raise ImportProblem(
            f"The file is {size:,} bytes, over the limit of {human_size(max_bytes)} ({max_bytes:,} bytes). "
            "A news report is far smaller: check that this is the right file."
        )


def decode(data: bytes, *, max_bytes: int) -> str:
    """Bytes of an uploaded file → text, refusing what is not a UTF-8 text file."""
    check_size(len(data), max_bytes=max_bytes)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(
            "The file is saved as UTF-16, not UTF-8. Save it again with the encoding set to UTF-8 and upload that."
        )
    if b"\x00" in data:
        raise ImportProblem(
            "This is not a text file (it looks like a PDF, Word document or image). "
            "Copy the article's text into a .txt or .md file and upload that."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"The file is not UTF-8 text (unreadable byte at position {error.start}). "
            "Save it again with the encoding set to UTF-8 and upload that."
        ) from None
    if _BINARY_CONTROL.search(text):
        raise ImportProblem(
            "The file contains control characters that do not belong in a text file. "
            "Copy the article's text into a new .txt or .md file and upload that."
        )
    if not text.strip():
        raise ImportProblem("The file is empty: there is no article text in it.")
    return text


def normalise(text: str) -> str:
    """Unix newlines, no byte-order mark, no trailing blank lines or trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def escape_text(line: str) -> str:
    """Escape one line of plain text so Markdown renders exactly these characters."""
    line = _INLINE_SPECIALS.sub(r"\\\1", line)
    line = _ENTITY_LIKE.sub("&amp;", line)
    line = line.replace("<", "&lt;")
    line = _LEADING_BLOCK_MARKER.sub(r"\\\1", line)
    line = _LEADING_ORDERED_MARKER.sub(r"\1\\.", line)
    if line.startswith("="):  # a setext underline; "=" has no backslash escape in Markdown
        line = "&#61;" + line[1:]
    return line


def paragraph_markdown(text: str) -> list[str]:
    """One paragraph of plain text as Markdown paragraphs: cut if very long, each line escaped."""
    return ["\n".join(escape_text(line) for line in piece.split("\n")) for piece in split_long_paragraph(text)]


def _blocks(lines: list[str], *, hard_wrapped: bool) -> list[str]:
    """Markdown blocks for a run of non-blank lines: bullet runs become one list, long paragraphs are cut."""
    blocks: list[str] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.extend(paragraph_markdown("\n".join(paragraph)))
            paragraph.clear()
        if bullets:
            blocks.append("\n".join(bullets))
            bullets.clear()

    for line in lines:
        line = line.strip()
        bullet = _BULLET.match(line)
        if bullet:
            if paragraph:
                flush()
            bullets.append("- " + escape_text(line[bullet.end() :]))
            continue
        if bullets:
            flush()
        paragraph.append(line)
        if not hard_wrapped:
            flush()
    flush()
    return blocks


def text_to_markdown(text: str) -> str:
    """A plain-text report as Markdown that renders to the same words.

    When the file separates paragraphs with blank lines, the lines inside a paragraph
    are one paragraph (hard-wrapped text); when it does not, every line is a paragraph.
    A paragraph of more than ~900 characters is cut at sentence ends (see ``paragraphs``).
    """
    text = normalise(text)
    if not text:
        return ""
    chunks = [chunk.split("\n") for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]
    hard_wrapped = len(chunks) > 1
    blocks: list[str] = []
    for chunk in chunks:
        blocks.extend(_blocks(chunk, hard_wrapped=hard_wrapped))
    return "\n\n".join(blocks) + "\n"


def _first_line_and_rest(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    return first.strip(), rest


def _unescape_heading(text: str) -> str:
    return _BACKSLASH_ESCAPE.sub(r"\1", text)


def prepare(text: str, *, suffix: str, title: str | None = None) -> ImportedArticle:
    """Title and Markdown body for decoded file text.

    Without a title, the file's first line is the outlet's headline: it becomes the
    title and stays in the body as its ``# `` heading, so students can annotate it.
    A headline repeated on the next line (a common copy-paste artefact) is kept once.
    """
    title = (title or "").strip()
    text = normalise(text)
    if not text.strip():
        raise ImportProblem("The file is empty: there is no article text in it.")
    if suffix in MARKDOWN_SUFFIXES:
        if not title:
            first, _rest = _first_line_and_rest(text)
            heading = _ATX_HEADING.match(first)
            if not heading:
                raise ImportProblem(
                    "Give the article a title, or start the Markdown file with its headline as a `# ` heading."
                )
            title = _unescape_heading(heading.group("text"))
        return ImportedArticle(title=title, body_markdown=text + "\n")
    if title:
        return ImportedArticle(title=title, body_markdown=text_to_markdown(text))
    headline, rest = _first_line_and_rest(text)
    rest = rest.lstrip("\n")
    repeated, after = _first_line_and_rest(rest)
    if repeated == headline:
        rest = after
    body = text_to_markdown(rest)
    if not body:
        raise ImportProblem("The file has a headline but no article text under it.")
    return ImportedArticle(title=headline, body_markdown=f"# {escape_text(headline)}\n\n{body}")


def import_file(data: bytes, *, filename: str, title: str | None = None, max_bytes: int) -> ImportedArticle:
    """Check, decode and convert an uploaded file; raise ImportProblem with a clear message."""
    suffix = check_filename(filename)
    return prepare(decode(data, max_bytes=max_bytes), suffix=suffix, title=title)
