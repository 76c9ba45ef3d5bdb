"""Markdown → sanitised HTML → plain text: the one module that imports markdown and bleach.

The plain text is what annotations point into. It must equal the browser's
``textContent`` of the rendered article container, so it is computed from the
sanitised HTML exactly as a DOM would: tags dropped, entities decoded, the
newlines Markdown puts between blocks kept.
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

import bleach
import markdown

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


def _allow_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a" and name in {"href", "title"}:
        return True
    if tag == "abbr" and name == "title":
        return True
    if name == "class" and tag in {"p", "li", "blockquote"}:
        return all(c in ALLOWED_CLASSES for c in value.split())
    return False


@lru_cache(maxsize=1)
def _cleaner() -> bleach.sanitizer.Cleaner:
    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allow_attribute,
        protocols=frozenset({"http", "https", "mailto"}),
        strip=True,
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """Render lesson Markdown to HTML that is safe to show with ``|safe``."""
    html = markdown.markdown(
        source,
        extensions=["attr_list", "sane_lists"],
        output_format="html",
    )
    cleaned = _cleaner().clean(html)
    # Links in articles open the outlet, never inside our site's session.
    cleaned = cleaned.replace("<a href=", '<a rel="nofollow noopener" target="_blank" href=')
    return cleaned.strip()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The ``textContent`` a browser computes for a container holding ``html``."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def render(source: str) -> tuple[str, str]:
    """Return (html, text) for an article body written in Markdown."""
    html = render_markdown(source)
    return html, html_to_text(html)
