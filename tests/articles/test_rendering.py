"""Sanitiser and text-extraction cases for articles.rendering (no database needed)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from articles import rendering
from articles.rendering import html_to_text, render, render_markdown

LINK = 'rel="nofollow noopener noreferrer" target="_blank"'

# (Markdown source, sanitised HTML expected). Raw HTML is not part of the article format:
# it is escaped and shown as typed, never run and never silently dropped.
HOSTILE = [
    # script tags, inline and as a block
    ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("Say <script>alert(1)</script> now", "<p>Say &lt;script&gt;alert(1)&lt;/script&gt; now</p>"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<p>&lt;SCRIPT SRC=//evil.example/x.js&gt;&lt;/SCRIPT&gt;</p>"),
    # event-handler attributes
    ('<img src=x onerror="alert(1)">', '<p>&lt;img src=x onerror="alert(1)"&gt;</p>'),
    ('<p onclick="alert(1)">hi</p>', '<p>&lt;p onclick="alert(1)"&gt;hi&lt;/p&gt;</p>'),
    ('hi\n{: onclick="alert(1)" }', "<p>hi</p>"),
    ('hi\n{: onmouseover="alert(1)" .caption }', '<p class="caption">hi</p>'),
    # id attributes could collide with #article-text
    ("hi\n{: #article-text }", "<p>hi</p>"),
    # javascript: and data: links, plain and obfuscated
    ("[x](javascript:alert(1))", "<p><a>x</a></p>"),
    ("[x](jAvAsCrIpT:alert(1))", "<p><a>x</a></p>"),
    ("[x](&#106;avascript:alert(1))", "<p><a>x</a></p>"),
    ("[x](&#x6A;&#x61;vascript:alert(1))", "<p><a>x</a></p>"),
    ("[x](java&#x09;script:alert(1))", "<p><a>x</a></p>"),
    ("[x]( javascript:alert(1))", "<p><a>x</a></p>"),
    ("[x](vbscript:msgbox(1))", "<p><a>x</a></p>"),
    ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p><a>x</a></p>"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "<p><a>x</a></p>"),
    ("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>"),
    ('<a href="javascript:alert(1)">y</a>', '<p>&lt;a href="javascript:alert(1)"&gt;y&lt;/a&gt;</p>'),
    # images (Markdown syntax): not allowed in articles, the element is dropped
    ("![x](javascript:alert(1))", "<p></p>"),
    ('![cat](https://example.com/cat.png "t") after', "<p> after</p>"),
    # raw HTML of every kind
    ("<iframe src='https://evil.example'></iframe>", "<p>&lt;iframe src='https://evil.example'&gt;&lt;/iframe&gt;</p>"),
    ("<style>p{color:red}</style>", "<p>&lt;style&gt;p{color:red}&lt;/style&gt;</p>"),
    ("<form action=/x><input name=a></form>", "<p>&lt;form action=/x&gt;&lt;input name=a&gt;&lt;/form&gt;</p>"),
    ("<svg onload=alert(1)><circle/></svg>", "<p>&lt;svg onload=alert(1)&gt;&lt;circle/&gt;&lt;/svg&gt;</p>"),
    ("<!-- hidden -->", "<p>&lt;!-- hidden --&gt;</p>"),
    ("<div>\n*emph*\n</div>", "<p>&lt;div&gt;\n<em>emph</em>\n&lt;/div&gt;</p>"),
    # classes: only the allow-list survives, per class
    ("hi\n{: .caption }", '<p class="caption">hi</p>'),
    ("hi\n{: .promo }", '<p class="promo">hi</p>'),
    ("hi\n{: .evil }", "<p>hi</p>"),
    ("hi\n{: .caption .evil .caption }", '<p class="caption">hi</p>'),
    ("## Sub {: .caption }", "<h2>Sub</h2>"),
    ('hi\n{: style="position:fixed" }', "<p>hi</p>"),
    # safe links get rel/target
    ("[BBC](https://www.bbc.co.uk/news)", f'<p><a href="https://www.bbc.co.uk/news" {LINK}>BBC</a></p>'),
    ('[a](http://x.example "T")', f'<p><a href="http://x.example" title="T" {LINK}>a</a></p>'),
    # control characters are dropped, CR/CRLF become LF
    ("a\x00b\x07c\x1bd", "<p>abcd</p>"),
    ("one\r\n\r\ntwo\rthree", "<p>one</p>\n<p>two\nthree</p>"),
]


@pytest.mark.parametrize(("source", "expected"), HOSTILE)
def test_render_markdown_hostile_input(source, expected):
    assert render_markdown(source) == expected


class _Inventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel", "target"}, "abbr": {"title"}}


@pytest.mark.parametrize(("source", "expected"), HOSTILE)
def test_render_markdown_output_only_uses_the_allow_list(source, expected):
    inventory = _Inventory()
    inventory.feed(render_markdown(source))
    for tag, attrs in inventory.tags:
        assert tag in rendering.ALLOWED_TAGS
        for name, value in attrs.items():
            if name == "class":
                assert tag in rendering.CLASSED_TAGS
                assert set(value.split()) <= rendering.ALLOWED_CLASSES
            else:
                assert name in ALLOWED_ATTRIBUTES.get(tag, set())
            if name == "href":
                assert urlsplit(value).scheme in {"http", "https", "mailto"}


@pytest.mark.parametrize(
    ("source", "expected_html", "expected_text"),
    [
        ("# Headline\n\nText.", "<h1>Headline</h1>\n<p>Text.</p>", "Headline\nText."),
        ("Tom &amp; Jerry &lt;3", "<p>Tom &amp; Jerry &lt;3</p>", "Tom & Jerry <3"),
        ("Tom & Jerry < 3 > 2", "<p>Tom &amp; Jerry &lt; 3 &gt; 2</p>", "Tom & Jerry < 3 > 2"),
        ("&notit; &copy 5", "<p>&amp;notit; &amp;copy 5</p>", "&notit; &copy 5"),
        ("&nbsp;x &eacute;", "<p>&nbsp;x &eacute;</p>", "\xa0x é"),
        ("“Quoted” – dash — Київ 🙂", "<p>“Quoted” – dash — Київ 🙂</p>", "“Quoted” – dash — Київ 🙂"),
        ("**bold *and em***", "<p><strong>bold <em>and em</em></strong></p>", "bold and em"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>", "\none\ntwo\n"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>", "\none\ntwo\n"),
        ("Para\n\n## Sub\n\nMore", "<p>Para</p>\n<h2>Sub</h2>\n<p>More</p>", "Para\nSub\nMore"),
        ("Caption\n{: .caption }", '<p class="caption">Caption</p>', "Caption"),
        ("line  \nbreak", "<p>line<br>\nbreak</p>", "line\nbreak"),
        (
            r"\*not emphasis\* and 1\. not a list",
            "<p>*not emphasis* and 1. not a list</p>",
            "*not emphasis* and 1. not a list",
        ),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>", "\nquoted\n"),
        ("    code\n\nafter", "<pre><code>code\n</code></pre>\n<p>after</p>", "code\n\nafter"),
        ("", "", ""),
    ],
)
def test_render_returns_html_and_its_text(source, expected_html, expected_text):
    assert render(source) == (expected_html, expected_text)


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>a</p>\n<p>b</p>", "a\nb"),
        ("<p>&amp; &lt; &gt; &quot; &#39; &#x2013; &hellip;</p>", "& < > \" ' – …"),
        ("<p>a<br>b</p>", "ab"),
        ("<p>a<br/>b<hr>c</p>", "abc"),
        ("<ul>\n<li>x</li>\n</ul>", "\nx\n"),
        # the HTML parser drops one newline right after <pre>, so the browser does too
        ("<pre>\nline</pre>", "line"),
        ("<pre>\n\nline</pre>", "\nline"),
        ("<pre><code>\nline</code></pre>", "\nline"),
        ("<p>\nline</p>", "\nline"),
        ("<p>Київ 🙂</p>", "Київ 🙂"),
        ("", ""),
    ],
)
def test_html_to_text_matches_dom_text_content(html, text):
    assert html_to_text(html) == text


def test_cleaner_is_built_once():
    assert rendering._cleaner() is rendering._cleaner()


def test_article_body_is_stored_without_control_characters(db):
    """NUL cannot be stored by PostgreSQL; other control characters are invisible. Neither reaches the database."""
    from articles.models import Article

    article = Article.objects.create(title="Control", body_markdown="a\x00b\x07c\r\nd")
    article.refresh_from_db()
    assert article.body_markdown == "abc\nd"
    assert article.current_revision.body_markdown == "abc\nd"


# (HTML, highlights as (id, start, end, category), HTML expected): what draw_highlights gives, the markup
# static/js/highlights.js draws in the browser (tests/browser/test_annotate.py compares the two there).
DRAWN = [
    # nothing to draw: the HTML as it came
    ("<p>a &amp; b</p>", [], "<p>a &amp; b</p>"),
    # one highlight inside one text node; the text around it re-escaped
    (
        "<p>x &lt; y and z</p>",
        [(7, 0, 5, "numbers")],
        '<p><mark class="hl hl-numbers hl-start-numbers hl-end-numbers" data-annotation-ids="7">x &lt; y</mark>'
        " and z</p>",
    ),
    # across an inline element: a piece per text node, start and end on the first and last
    (
        "<p>ab <em>cd</em> ef</p>",
        [(1, 1, 7, "bias")],
        '<p>a<mark class="hl hl-bias hl-start-bias" data-annotation-ids="1">b </mark><em>'
        '<mark class="hl hl-bias" data-annotation-ids="1">cd</mark></em>'
        '<mark class="hl hl-bias hl-end-bias" data-annotation-ids="1"> e</mark>f</p>',
    ),
    # overlapping: the shared piece carries both, in the order given
    (
        "<p>one two three</p>",
        [(2, 0, 7, "numbers"), (1, 4, 13, "rhetoric")],
        '<p><mark class="hl hl-numbers hl-start-numbers" data-annotation-ids="2">one </mark>'
        '<mark class="hl hl-numbers hl-end-numbers hl-rhetoric hl-start-rhetoric" data-annotation-ids="2 1">two</mark>'
        '<mark class="hl hl-rhetoric hl-end-rhetoric" data-annotation-ids="1"> three</mark></p>',
    ),
    # two of one category over the same words: its classes once
    (
        "<p>same</p>",
        [(1, 0, 4, "bias"), (2, 0, 4, "bias")],
        '<p><mark class="hl hl-bias hl-start-bias hl-end-bias" data-annotation-ids="1 2">same</mark></p>',
    ),
    # across blocks: the newlines between blocks are counted but never wrapped
    (
        "<p>ab</p>\n<ul>\n<li>cd</li>\n</ul>",
        [(1, 1, 6, "bias")],
        '<p>a<mark class="hl hl-bias hl-start-bias" data-annotation-ids="1">b</mark></p>\n<ul>\n<li>'
        '<mark class="hl hl-bias hl-end-bias" data-annotation-ids="1">cd</mark></li>\n</ul>',
    ),
    # offsets in code points: an emoji is one, as in Python and the W3C selectors
    (
        "<p>\U0001f642 ok</p>",
        [(1, 2, 4, "bias")],
        '<p>\U0001f642 <mark class="hl hl-bias hl-start-bias hl-end-bias" data-annotation-ids="1">ok</mark></p>',
    ),
    # attributes and void elements kept as they were
    (
        '<p class="caption">a<br>b <a href="https://x.example/?a=1&amp;b=2" rel="nofollow">c</a></p>',
        [(1, 1, 4, "sourcing")],
        '<p class="caption">a<br><mark class="hl hl-sourcing hl-start-sourcing" data-annotation-ids="1">b </mark>'
        '<a href="https://x.example/?a=1&amp;b=2" rel="nofollow">'
        '<mark class="hl hl-sourcing hl-end-sourcing" data-annotation-ids="1">c</mark></a></p>',
    ),
]


@pytest.mark.parametrize(("html", "highlights", "expected"), DRAWN)
def test_draw_highlights_marks_the_pieces_the_script_would(html, highlights, expected):
    drawn = rendering.draw_highlights(html, highlights)
    assert drawn == expected
    assert html_to_text(drawn) == html_to_text(html)  # the text itself is untouched


def test_draw_highlights_keeps_the_text_of_a_whole_article():
    source = "## Head\n\nA *b* &amp; c.\n\n- one\n- two\n\n> quote  \n> more\n\n    code\n"
    html, text = render(source)
    highlights = [(n, start, min(len(text), start + 9), "bias") for n, start in enumerate(range(0, len(text), 4))]
    drawn = rendering.draw_highlights(html, highlights)
    assert html_to_text(drawn) == text
    assert "<mark" in drawn
