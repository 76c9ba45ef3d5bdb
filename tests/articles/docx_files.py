"""Small real .docx files for the import tests, written with zipfile the way Word lays them out.

A document is a list of (kind, text): "Title", "Heading1", "Heading2", "Normal", "Bullet" (an item of a
bulleted list) or "Number" (an item of a numbered list). Styles and numbering are declared in
styles.xml and numbering.xml as Word does, so mammoth reads headings and lists from them.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2"
 Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
 Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>School laptop 14</dc:creator></cp:coreProperties>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def _paragraph(kind: str, text: str) -> str:
    props = ""
    if kind in {"Title", "Heading1", "Heading2"}:
        props = f'<w:pPr><w:pStyle w:val="{kind}"/></w:pPr>'
    elif kind in {"Bullet", "Number"}:
        num = 1 if kind == "Bullet" else 2
        numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        props = f'<w:pPr><w:pStyle w:val="ListParagraph"/>{numbering}</w:pPr>'
    # Word splits a paragraph into runs where formatting changes: the second half of each paragraph is bold.
    half = len(text) // 2
    cut = text.find(" ", half)
    if cut == -1 or kind != "Normal":
        runs = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    else:
        runs = (
            f'<w:r><w:t xml:space="preserve">{escape(text[:cut])}</w:t></w:r>'
            f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(text[cut:])}</w:t></w:r>'
        )
    return f"<w:p>{props}{runs}</w:p>"


def make_docx(paragraphs: list[tuple[str, str]]) -> bytes:
    body = "".join(_paragraph(kind, text) for kind, text in paragraphs)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{body}'
        "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("word/numbering.xml", NUMBERING)
        archive.writestr("docProps/core.xml", CORE)
    return buffer.getvalue()


# A school newsletter-style report with a headline, sub-headings, a bulleted and a numbered list.
REPORT = [
    ("Heading1", "Town’s new bus timetable cuts evening services by a third"),
    (
        "Normal",
        "From 6 April, buses on the three routes that serve the Northgate estate will stop running at 8pm "
        "instead of 11pm, the transport authority confirmed on Monday.",
    ),
    (
        "Normal",
        "The authority said the change would save £1.2m a year. Passenger groups said about 900 people a day "
        "use the late services, most of them shift workers and students.",
    ),
    ("Heading2", "What changes"),
    ("Bullet", "Routes 4, 7 and 12: last bus at 8pm (was 11pm)"),
    ("Bullet", "Sunday services: every 40 minutes (was every 30)"),
    ("Bullet", "Night bus N1: withdrawn"),
    ("Heading2", "What the council says"),
    (
        "Normal",
        "“We had to choose between cutting the late buses and cutting daytime routes that far more people "
        "depend on,” said the council’s transport lead, Cllr Aisha Rahman.",
    ),
    ("Normal", "The consultation asked residents three questions:"),
    ("Number", "Which services do you use after 8pm?"),
    ("Number", "How would you travel if they stopped?"),
    ("Number", "Would you pay a higher fare to keep them?"),
    ("Normal", "The results will be published in May. A petition against the cuts has 2,300 signatures."),
]
