"""Bringing a report into Crosscheck: pasted text or Markdown, a file, or a web address → a draft article.

Django-free: the caller passes the limits (from settings) and turns :class:`ImportProblem` into a
message in its form. Modules:

- ``text``: decoding uploaded text, escaping plain text for Markdown, the admin's file import;
- ``paragraphs``: readable paragraphs and the headline, changing only breaks, never words;
- ``markup``: the structure of a page or a Word document → escaped Markdown;
- ``web``: web pages (trafilatura), ``docx``: Word documents (mammoth), ``fetching``: the bounded,
  SSRF-safe fetch of a web address;
- ``drafts``: the :class:`Draft` every path ends in.
"""

from __future__ import annotations

from pathlib import PurePath

from articles.importing.drafts import Draft, draft_from_markdown, draft_from_text
from articles.importing.text import (
    ALLOWED_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    ImportedArticle,
    ImportProblem,
    check_filename,
    check_size,
    decode,
    escape_text,
    human_size,
    import_file,
    normalise,
    prepare,
    text_to_markdown,
)

__all__ = [
    "ALLOWED_SUFFIXES",
    "HTML_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "TEXT_SUFFIXES",
    "UPLOAD_SUFFIXES",
    "Draft",
    "ImportProblem",
    "ImportedArticle",
    "check_filename",
    "check_size",
    "check_text_size",
    "decode",
    "draft_from_file",
    "draft_from_html",
    "draft_from_markdown",
    "draft_from_text",
    "draft_from_url",
    "escape_text",
    "human_size",
    "import_file",
    "normalise",
    "prepare",
    "text_to_markdown",
    "upload_suffix",
]

HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCX_SUFFIXES = frozenset({".docx"})
UPLOAD_SUFFIXES = ALLOWED_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES


def check_text_size(text: str, *, max_bytes: int) -> None:
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise ImportProblem(
            f"The text is {size:,} bytes, over the limit of {human_size(max_bytes)} for one article. "
            "A news report is far shorter: check that this is only the article."
        )


def _checked(draft: Draft, *, max_text_bytes: int) -> Draft:
    check_text_size(draft.body_markdown, max_bytes=max_text_bytes)
    return draft


def upload_suffix(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        shown = f"“{suffix}”" if suffix else "no extension"
        raise ImportProblem(
            f"This file has {shown}. Crosscheck reads .txt, .md, .html/.htm (a saved web page) and .docx "
            "(Word) files. Save the article in one of those, or copy its text and paste it."
        )
    return suffix


def draft_from_html(html: str | bytes, *, url: str = "", max_text_bytes: int) -> Draft:
    from articles.importing.web import draft_from_html as from_html

    return _checked(from_html(html, url=url), max_text_bytes=max_text_bytes)


def draft_from_file(data: bytes, *, filename: str, max_text_bytes: int, max_file_bytes: int) -> Draft:
    """An uploaded file → a draft; .txt/.md are limited to ``max_text_bytes``, pages and documents to
    ``max_file_bytes`` (they carry markup and styling around the text)."""
    suffix = upload_suffix(filename)
    if suffix in ALLOWED_SUFFIXES:
        text = decode(data, max_bytes=max_text_bytes)
        if suffix in MARKDOWN_SUFFIXES:
            return _checked(draft_from_markdown(text), max_text_bytes=max_text_bytes)
        return _checked(draft_from_text(text), max_text_bytes=max_text_bytes)
    check_size(len(data), max_bytes=max_file_bytes)
    if not data.strip():
        raise ImportProblem("The file is empty: there is no article text in it.")
    if suffix in HTML_SUFFIXES:
        if b"\x00" in data[:4096]:
            raise ImportProblem(
                "This is not a saved web page (it is not text). In the browser, use “Save page as…” with "
                "“Web page, HTML only”, and upload that."
            )
        return draft_from_html(data, max_text_bytes=max_text_bytes)
    from articles.importing.docx import draft_from_docx

    return _checked(draft_from_docx(data), max_text_bytes=max_text_bytes)


def draft_from_url(
    url: str,
    *,
    max_text_bytes: int,
    max_page_bytes: int,
    timeout: float,
    max_redirects: int,
    allow_loopback: bool,
    resolver=None,
) -> Draft:
    """Fetch a web address (see ``fetching``) and draft the article it holds."""
    from articles.importing import fetching

    page = fetching.fetch_page(
        url,
        timeout=timeout,
        max_bytes=max_page_bytes,
        max_redirects=max_redirects,
        allow_loopback=allow_loopback,
        resolver=resolver or fetching.system_resolver,
    )
    html: str | bytes = page.body
    if page.charset:
        try:
            html = page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            html = page.body  # a wrong declared charset: let the extractor find the real one
    return draft_from_html(html, url=page.url, max_text_bytes=max_text_bytes)
