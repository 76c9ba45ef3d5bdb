"""Markdown → sanitised HTML → plain text: the one module that imports markdown and bleach.

The plain text is what annotations point into. It must equal the browser's
``textContent`` of the rendered article container, so it is computed from the
sanitised HTML exactly as a browser parses it: tags dropped, entities decoded,
the newlines Markdown puts between blocks kept.

Article bodies are Markdown only. Raw HTML typed into a body is not markup: it is
escaped and shown as typed, so a pasted ``<script>`` or ``<iframe>`` can neither run
nor silently vanish — the admin preview shows it and the editor can fix the source.
bleach then sanitises the output anyway, as a second line of defence.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from html import escape, unescape
from html.parser import HTMLParser

import bleach
import markdown
from bleach.html5lib_shim import Filter

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "em", "b", "i", "blockquote", "code", "pre",
        "ul", "ol", "li", "a", "abbr", "sub", "sup",
    }
)  # fmt: skip

# Classes the lesson editor may put on a block with Markdown's attr_list syntax
# (`{: .caption }`): photo captions and publisher's promotion lines are shown as such.
ALLOWED_CLASSES = frozenset({"caption", "promo", "credit"})
CLASSED_TAGS = frozenset({"p", "li", "blockquote"})

LINK_REL = "nofollow noopener noreferrer"

# C0 control characters (other than tab and newline) and DEL: invisible, and parsers
# disagree about them (bleach turns them into "?", browsers keep or drop them).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

# A newline straight after these start tags is dropped by the HTML parser.
_NEWLINE_EATING_TAGS = frozenset({"pre", "textarea", "listing"})


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a" and name in {"href", "title"}:
        return True
    if tag == "abbr" and name == "title":
        return True
    # Narrowed to ALLOWED_CLASSES by _ArticleFilter, so one unknown class does not
    # cost a caption its styling.
    return name == "class" and tag in CLASSED_TAGS


class _ArticleFilter(Filter):
    """Runs after bleach's sanitiser: keeps only known classes, makes links open the outlet
    in a new tab without handing it our page (``noopener``) or our address (``noreferrer``)."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in {"StartTag", "EmptyTag"} and token.get("data"):
                attrs = dict(token["data"])
                classes = attrs.pop((None, "class"), None)
                if classes is not None:
                    kept = [c for c in classes.split() if c in ALLOWED_CLASSES]
                    if kept:
                        attrs[(None, "class")] = " ".join(dict.fromkeys(kept))
                if token["name"] == "a" and (None, "href") in attrs:
                    attrs[(None, "rel")] = LINK_REL
                    attrs[(None, "target")] = "_blank"
                token["data"] = attrs
            yield token


@lru_cache(maxsize=1)
def _cleaner() -> bleach.sanitizer.Cleaner:
    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allow_attribute,
        protocols=frozenset({"http", "https", "mailto"}),
        strip=True,
        strip_comments=True,
        filters=[_ArticleFilter],
    )


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["attr_list", "sane_lists"], output_format="html")
    # No raw HTML: block-level and inline HTML are escaped as text instead of passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def normalise_source(source: str) -> str:
    """Unify newlines and drop control characters before rendering."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARACTERS.sub("", source)


def render_markdown(source: str) -> str:
    """Render lesson Markdown to HTML that is safe to show with ``|safe``."""
    html = _markdown().convert(normalise_source(source))
    return _cleaner().clean(html).strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._after_newline_eater = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self._after_newline_eater = tag in _NEWLINE_EATING_TAGS

    def handle_endtag(self, tag: str) -> None:
        self._after_newline_eater = False

    def handle_data(self, data: str) -> None:
        if self._after_newline_eater and data.startswith("\n"):
            data = data[1:]
        self._after_newline_eater = False
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The ``textContent`` a browser computes for a container holding ``html``.

    Meant for HTML produced by :func:`render_markdown` (no script, style or comments).
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def render(source: str) -> tuple[str, str]:
    """Return (html, text) for an article body written in Markdown."""
    html = render_markdown(source)
    return html, html_to_text(html)


# --- Highlights drawn into the article's HTML, as the reading view's script draws them -----------------

# Whitespace directly inside these is the space between blocks: wrapping it would take up a line.
_BLOCK_PARENTS = frozenset({"ul", "ol", "blockquote", "div", "section", "article"})
_VOID_TAGS = frozenset({"br", "hr", "img", "wbr"})
# A tag of the sanitised HTML (its attribute values are quoted and may hold ">"), or the text between two.
_TAG = re.compile(r"""(<(?:"[^"]*"|'[^']*'|[^'">])*>)""")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _marked(data: str, start: int, covering: list, out: list[str]) -> None:
    """One text node (``data``, starting at code point ``start``) cut where highlights begin and end, each
    covered piece in a ``<mark>`` with the classes and ids static/js/highlights.js gives it."""
    end = start + len(data)
    cuts = sorted({start, end, *(h[2] for h in covering if h[2] > start), *(h[3] for h in covering if h[3] < end)})
    for seg_start, seg_end in itertools.pairwise(cuts):
        text = escape(data[seg_start - start : seg_end - start], quote=False)
        here = [h for h in covering if h[2] <= seg_start and h[3] >= seg_end]
        if not here:
            out.append(text)
            continue
        classes = {"hl": None}  # an ordered set: a category's classes once, as classList.add does
        for _order, _id, h_start, h_end, category in here:
            classes[f"hl-{category}"] = None
            if h_start == seg_start:
                classes[f"hl-start-{category}"] = None
            if h_end == seg_end:
                classes[f"hl-end-{category}"] = None
        ids = " ".join([h[1] for h in here])
        out.append(f'<mark class="{escape(" ".join(classes))}" data-annotation-ids="{escape(ids)}">{text}</mark>')


def draw_highlights(html: str, highlights) -> str:
    """``html`` (an article's ``body_html``) with ``highlights`` — ``(id, start, end, category)``, offsets in
    code points of its text, in the order the page lists them — drawn in as the reading view's script
    (static/js/highlights.js ``renderHighlights``) draws them, so the page arrives showing them and the
    script may draw again over them. Tags and the text no highlight covers are kept as they came; what is
    cut is decoded, then escaped here again."""
    waiting = sorted(
        ((n, str(i), s, e, c) for n, (i, s, e, c) in enumerate(highlights)), key=lambda h: h[2], reverse=True
    )  # not begun yet, the next one last
    active: list = []
    out: list[str] = []
    open_tags: list[str] = []
    pos = 0  # code points of text before the current piece
    after_newline_eater = False
    for n, part in enumerate(_TAG.split(html)):
        if n % 2:  # a tag
            out.append(part)
            name = _TAG_NAME.match(part)
            if not name:
                continue
            tag = name.group(1).lower()
            after_newline_eater = tag in _NEWLINE_EATING_TAGS and part[1] != "/"
            if part[1] == "/":
                if tag in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(tag) :]
            elif tag not in _VOID_TAGS and not part.endswith("/>"):
                open_tags.append(tag)
            continue
        if not part:
            continue
        data = unescape(part) if "&" in part else part
        if after_newline_eater and data.startswith("\n"):
            out.append("\n")  # the browser's parser drops it again: not part of the text
            data, part = data[1:], part[1:]
        after_newline_eater = False
        start, end = pos, pos + len(data)
        pos = end
        while waiting and waiting[-1][2] < end:
            active.append(waiting.pop())
        active = [h for h in active if h[3] > start]
        parent = open_tags[-1] if open_tags else "div"  # the article's container is a <div>
        if not active or (parent in _BLOCK_PARENTS and not data.strip()):
            out.append(part)
        else:
            _marked(data, start, sorted(active), out)  # in the order given, as the script takes them
    return "".join(out)


# --- Differences between two revisions, for the admin ------------------------------------------------

_DIFF_TOKENS = re.compile(r"\s+|\S+")


def diff_html(old: str, new: str) -> str:
    """A word-level diff of two sources as HTML: ``<ins>`` for added words, ``<del>`` for removed ones.

    Words are what lies between spaces (as ``git diff --word-diff`` has them), so a changed number or
    a tag reads as one replaced word, not as scattered characters. Every piece of text is escaped here,
    so the result is safe to mark safe; newlines are kept (shown in a ``white-space: pre-wrap`` box).
    """
    from difflib import SequenceMatcher

    a, b = _DIFF_TOKENS.findall(old), _DIFF_TOKENS.findall(new)
    # autojunk off: with it on, frequent tokens (spaces, "the") are ignored and the diff becomes noisy.
    chunks: list[list[str]] = []  # [old_text, new_text, kind]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        kind = "equal" if op == "equal" else "change"
        chunks.append([old_part, new_part, kind])
    # A lone space between two changes belongs to them: "[-a b-][+c d+]", not "[-a-][+c+] [-b-][+d+]".
    merged: list[list[str]] = []
    for index, chunk in enumerate(chunks):
        between_changes = 0 < index < len(chunks) - 1 and chunks[index + 1][2] == "change"
        if chunk[2] == "equal" and between_changes and not chunk[0].strip() and merged and merged[-1][2] == "change":
            merged[-1][0] += chunk[0]
            merged[-1][1] += chunk[1]
            continue
        if chunk[2] == "change" and merged and merged[-1][2] == "change":
            merged[-1][0] += chunk[0]
            merged[-1][1] += chunk[1]
            continue
        merged.append(chunk)

    def shown(part: str) -> str:
        # An added or removed line break or space would be invisible: show it with a sign.
        if not part.strip():
            part = part.replace(" ", "·").replace("\n", "↵\n")
        return escape(part, quote=False)

    out = []
    for old_part, new_part, kind in merged:
        if kind == "equal":
            out.append(escape(old_part, quote=False))
            continue
        if old_part:
            out.append(f'<del class="diff-del">{shown(old_part)}</del>')
        if new_part:
            out.append(f'<ins class="diff-ins">{shown(new_part)}</ins>')
    return "".join(out)
