"""A Word document (.docx) → a draft article, with mammoth reading the document.

mammoth (compared with python-docx: that one gives runs and paragraphs but no headings or lists
as structure, and would mean writing the conversion ourselves) turns headings, lists and
paragraphs into plain HTML with no styling, which ``markup`` then turns into escaped Markdown.

A .docx is a zip file: it is checked as one (and its unpacked size bounded, against zip bombs)
before mammoth reads it. The file's own "author" property is who saved the file, not who wrote
the report, so it is not used.
"""

from __future__ import annotations

import io
import warnings
import zipfile

from lxml import html as lxml_html

from articles.importing.drafts import Draft, ImportProblem
from articles.importing.markup import blocks_to_markdown, tree_blocks

# The unpacked document.xml of a long report is well under a megabyte; this leaves room for styling.
MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024

_STYLE_MAP = """
p[style-name='Title'] => h1:fresh
p[style-name='Subtitle'] => h2:fresh
"""

NOT_A_DOCX = (
    "This file is not a Word document (.docx), though its name ends in .docx. Open it in Word or "
    "LibreOffice and save it as .docx again, or copy its text and paste it."
)


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportProblem(NOT_A_DOCX) from None
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise ImportProblem("This Word document is far larger inside than a news report can be. Paste its text.")


def _no_images(image):
    return {}  # images are not carried over (their alt text is not the report's wording)


def draft_from_docx(data: bytes) -> Draft:
    import mammoth

    _check_zip(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = mammoth.convert_to_html(
                io.BytesIO(data), style_map=_STYLE_MAP, convert_image=mammoth.images.img_element(_no_images)
            )
    except Exception:  # mammoth raises many kinds of error on a damaged file; all mean the same to the teacher
        raise ImportProblem(NOT_A_DOCX) from None
    if not result.value.strip():
        raise ImportProblem("This Word document has no text in it.")
    tree = lxml_html.fragment_fromstring(result.value, create_parent="div")
    blocks = tree_blocks(tree)
    if not blocks:
        raise ImportProblem("This Word document has no text in it.")
    title, found_in, headline = "", "", ""
    if blocks[0].kind == "h" and blocks[0].level == 1 and len(blocks[0].text) <= 300:
        title, found_in, headline = " ".join(blocks[0].text.split()), "document", blocks[0].text
        blocks = blocks[1:]
    body = blocks_to_markdown(blocks, headline=headline)
    if not blocks:
        raise ImportProblem("This Word document has a headline but no article under it.")
    return Draft(title=title, title_found_in=found_in, body_markdown=body)
