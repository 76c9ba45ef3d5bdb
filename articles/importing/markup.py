"""Structured text (the main text trafilatura finds in a page, the HTML mammoth makes of a .docx) → Markdown.

Only the structure students need survives: paragraphs, headings, lists and quotations. Every piece
of text is escaped with the plain-text escaper, so no markup from the source reaches the article
(links, styles, scripts, images are not carried over — their words are), and the Markdown then goes
through ``articles.rendering`` like every other body. Long paragraphs are cut at sentence ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from articles.importing.paragraphs import split_long_paragraph
from articles.importing.text import escape_text

_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_HEADING_TAG = re.compile(r"^h([1-6])$")


@dataclass(frozen=True)
class Block:
    kind: str  # "p", "h", "li", "quote"
    text: str
    level: int = 0  # heading level
    ordered: bool = False  # list items: numbered
    group: int = 0  # list items of one list share a group


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def element_text(element, *, skip=frozenset()) -> str:
    """The words of an element, whitespace collapsed as a browser does, ``<br>``/``<lb>`` kept as line breaks."""
    parts: list[str] = []

    def walk(node, top: bool) -> None:
        name = _local(node.tag)
        if not top and name in skip:
            if node.tail:
                parts.append(node.tail)
            return
        if name in {"br", "lb"}:
            parts.append("\n")
        elif name in {"script", "style", "template"}:
            pass
        elif node.text:
            parts.append(node.text)
        if name not in {"script", "style", "template"}:
            for child in node:
                walk(child, False)
        if not top and node.tail:
            parts.append(node.tail)

    walk(element, True)
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


class _Walker:
    """Turns an element tree into blocks; knows trafilatura's XML (head/list/item/quote) and HTML."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._groups = 0

    def add(self, kind: str, text: str, **extra) -> None:
        if text.strip():
            self.blocks.append(Block(kind, text.strip(), **extra))

    def walk(self, element) -> None:
        for child in element:
            self.block(child)

    def block(self, node) -> None:
        name = _local(node.tag)
        heading = _HEADING_TAG.match(name)
        if name == "head":
            level = _HEADING_TAG.match(node.get("rend", "") or "")
            self.add("h", element_text(node), level=int(level.group(1)) if level else 2)
        elif heading:
            self.add("h", element_text(node), level=int(heading.group(1)))
        elif name in {"list", "ul", "ol"}:
            self.list(node, ordered=name == "ol" or node.get("rend") == "ol")
        elif name in {"quote", "blockquote"}:
            if any(_local(child.tag) in {"p", "list", "ul", "ol"} for child in node):
                start = len(self.blocks)
                self.walk(node)
                self.blocks[start:] = [Block("quote", b.text) for b in self.blocks[start:]]
            else:
                self.add("quote", element_text(node))
        elif name in {"table", "tbody", "thead", "tfoot", "tr", "div", "section", "article", "main", "body"}:
            self.walk(node)
        elif name in {"td", "th", "cell", "row"}:
            if len(node) and any(_local(c.tag) in {"p", "ul", "ol", "list"} for c in node):
                self.walk(node)
            else:
                self.add("p", element_text(node))
        elif name in {"script", "style", "template", "graphic", "img", "figure"} or not name:
            pass
        else:  # p, code, and anything unexpected: its words as a paragraph
            self.add("p", element_text(node))

    def list(self, node, *, ordered: bool) -> None:
        self._groups += 1
        group = self._groups
        for item in node:
            if _local(item.tag) not in {"item", "li"}:
                continue
            nested = [child for child in item if _local(child.tag) in {"list", "ul", "ol"}]
            self.add("li", element_text(item, skip={"list", "ul", "ol"}), ordered=ordered, group=group)
            for sublist in nested:  # a nested list is flattened into the one it sits in: its words stay
                for sub in self._flatten(sublist):
                    self.add("li", sub, ordered=ordered, group=group)

    def _flatten(self, node) -> Iterator[str]:
        for item in node:
            if _local(item.tag) in {"item", "li"}:
                yield element_text(item, skip={"list", "ul", "ol"})
                for sublist in item:
                    if _local(sublist.tag) in {"list", "ul", "ol"}:
                        yield from self._flatten(sublist)


def tree_blocks(element) -> list[Block]:
    walker = _Walker()
    walker.walk(element)
    return walker.blocks


def blocks_to_markdown(blocks: list[Block], *, headline: str = "") -> str:
    """Markdown for the blocks; ``headline`` (the outlet's, found at the start) becomes the ``# `` heading.

    The headline is the only level-1 heading (``Article.headline_in_body`` relies on it); the text's
    own headings become ``##``/``###``.
    """
    out: list[str] = []
    if headline:
        out.append("# " + escape_text(headline.replace("\n", " ")))
    previous: Block | None = None
    for block in blocks:
        if block.kind == "li":
            marker = "1. " if block.ordered else "- "
            line = marker + escape_text(block.text.replace("\n", " "))
            if previous is not None and previous.kind == "li" and previous.group == block.group:
                out[-1] += "\n" + line
            else:
                out.append(line)
        elif block.kind == "h":
            level = min(max(block.level, 2), 4)
            out.append("#" * level + " " + escape_text(block.text.replace("\n", " ")))
        elif block.kind == "quote":
            for piece in split_long_paragraph(block.text):
                out.append("\n".join("> " + escape_text(line) for line in piece.split("\n")))
        else:
            for piece in split_long_paragraph(block.text):
                out.append("\n".join(escape_text(line) for line in piece.split("\n")))
        previous = block
    return "\n\n".join(out) + "\n" if out else ""


def blocks_text(blocks: list[Block]) -> str:
    return "\n".join(block.text for block in blocks)
