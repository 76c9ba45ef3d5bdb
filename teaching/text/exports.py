"""Spreadsheet exports, in plain Python: rows in, CSV text out.

Two things make a CSV safe to hand to a teacher:
* It opens cleanly: UTF-8 with a byte-order mark, which Excel needs to read curly quotes, en dashes and
  Cyrillic names as written instead of guessing a legacy code page.
* No cell can run as a formula ("CSV injection"): a cell a spreadsheet would read as a formula — one
  starting with = + - @, a tab or a carriage return, also after leading spaces or invisible characters
  (zero-width spaces, direction marks, a byte-order mark) — gets an apostrophe in
  front, which spreadsheets show as text. Positions are written as numbers and never touched.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell value that a spreadsheet cannot run as a formula (numbers are left as numbers)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if _skip_invisible(text).startswith(FORMULA_TRIGGERS) or text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def _invisible(ch: str) -> bool:
    """Characters a spreadsheet may skip before deciding a cell is a formula: spaces and line breaks, control
    characters, and invisible format characters (zero-width space U+200B, direction marks U+200E/U+200F,
    the byte-order mark U+FEFF, bidi embeddings and isolates U+202A–U+202E, U+2066–U+2069, …)."""
    return ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _skip_invisible(text: str) -> str:
    start = 0
    while start < len(text) and _invisible(text[start]):
        start += 1
    return text[start:]


@dataclass(frozen=True)
class ExportRow:
    student: str
    username: str
    article: str
    category: str
    quote: str
    comment: str
    teacher_mark: str
    teacher_comment: str
    start: int
    end: int
    status: str
    key_match: str = ""  # how the highlight stands against the reference key (see HEADERS_WITH_KEY)


HEADERS = [
    "Student",
    "Username",
    "Article",
    "Category",
    "Quote",
    "Comment",
    "Teacher mark",
    "Teacher comment",
    "Start",
    "End",
    "Status",
]
# When the lesson has a reference key, the view passes ``with_key_match=True`` and fills
# ``ExportRow.key_match`` from teaching.text.matching (teaching.selectors.key_match_labels).
HEADERS_WITH_KEY = [*HEADERS, "Key match"]


def _cells(row: ExportRow, with_key_match: bool) -> list[object]:
    cells = [
        row.student,
        row.username,
        row.article,
        row.category,
        row.quote,
        row.comment,
        row.teacher_mark,
        row.teacher_comment,
        row.start,
        row.end,
        row.status,
    ]
    if with_key_match:
        cells.append(row.key_match)
    return [neutralise(c) for c in cells]


def to_csv(rows: Iterable[ExportRow], *, with_key_match: bool = False) -> str:
    """The whole file as text, starting with the BOM; encode it as UTF-8."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS_WITH_KEY if with_key_match else HEADERS)
    for row in rows:
        writer.writerow(_cells(row, with_key_match))
    return buffer.getvalue()


def safe_filename(*parts: str, extension: str, fallback: str = "export") -> str:
    """An ASCII slug filename (no quotes, slashes or non-ASCII for Content-Disposition to trip on)."""
    slugs = []
    for part in parts:
        ascii_text = unicodedata.normalize("NFKD", part or "").encode("ascii", "ignore").decode("ascii")
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
        if slug:
            slugs.append(slug)
    stem = "-".join(slugs)[:80].strip("-") or fallback
    return f"{stem}.{extension}"
