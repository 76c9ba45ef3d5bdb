"""Saved web pages as draft articles (articles.importing.web, trafilatura underneath)."""

import datetime

import pytest

from articles.importing import ImportProblem, draft_from_html
from articles.rendering import render
from tests.page_server import NEWS_PAGE

MB = 1024 * 1024


@pytest.fixture(scope="module")
def news():
    return draft_from_html(NEWS_PAGE.read_bytes(), max_text_bytes=MB)


def test_news_page_metadata_comes_from_its_markup(news):
    assert news.title == "Flood barrier delayed again as costs double, council papers show"
    assert news.title_found_in == "page"
    assert news.outlet == "The Harbour Ledger"
    assert news.author == "Nadia Brennan"
    assert news.published_on == datetime.date(2026, 3, 14)
    assert news.original_url == "https://www.harbourledger.example/news/2026/mar/14/flood-barrier-delayed-costs-double"


def test_news_page_body_is_the_article_and_nothing_around_it(news):
    html, text = render(news.body_markdown)
    assert text.startswith("The tidal flood barrier meant to protect 11,000 homes")
    assert text.rstrip().endswith("The cabinet will discuss the report on Thursday.")
    assert "<h2>‘We were told it was a done deal’</h2>" in html
    assert html.count("<p>") == 7
    for around in [
        "Subscribe from £1 a week",  # navigation
        "Switch energy supplier",  # adverts
        "Holiday cottages",
        "Bus routes 14 and 22",  # related links
        "Eastquay river wall: what went wrong",
        "consultants than on concrete",  # comments
        "We use cookies",
        "Get the Ledger in your inbox",
        "All rights reserved",
    ]:
        assert around not in text


def test_a_page_that_names_no_outlet_author_or_date_leaves_them_unknown():
    page = (
        "<html><head><title>Council votes on budget</title></head><body><div id='main'>"
        "<h1>Council votes on budget</h1>"
        "<p>The council voted on Tuesday to approve a budget of 12 million pounds for the next financial year, "
        "after a debate that lasted four hours and ended close to midnight.</p>"
        "<p>Opponents said the plan would close two libraries and cut the hours of the swimming pool, which "
        "opened only last year after a long campaign by residents.</p></div></body></html>"
    )
    draft = draft_from_html(page, url="https://westfordgazette.example/news/budget", max_text_bytes=MB)
    # The host name is not the outlet's name: unknown rather than a guess.
    assert (draft.outlet, draft.author, draft.published_on) == ("", "", None)
    assert draft.original_url == "https://westfordgazette.example/news/budget"
    # The page's headline at the top of its text stays there as the heading students can highlight.
    assert draft.title == "Council votes on budget"
    assert render(draft.body_markdown)[0].startswith("<h1>Council votes on budget</h1>")


def test_markup_inside_the_page_text_is_shown_as_text_never_run():
    page = (
        "<html><body><article><h1>Headline here</h1>"
        + "".join(
            f"<p>Paragraph {n} about the council &lt;script&gt;alert(1)&lt;/script&gt; and *stars* and [links](x) "
            f"that keeps going with ordinary words, {n} of them, so that it counts as the main text.</p>"
            for n in ("one", "two", "three")
        )
        + "<p><img src=x onerror=alert(1)>An image, then words <a href='javascript:alert(1)'>click</a>.</p>"
        "</article></body></html>"
    )
    draft = draft_from_html(page, max_text_bytes=MB)
    html, text = render(draft.body_markdown)
    assert "<script>alert(1)</script> and *stars* and [links](x)" in text
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html and "<img" not in html


def test_a_page_with_no_main_text_is_refused():
    with pytest.raises(ImportProblem, match="could not find an article"):
        draft_from_html("<html><body><ul><li><a href='/a'>One</a></li></ul></body></html>", max_text_bytes=MB)
