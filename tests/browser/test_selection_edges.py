"""Selections that a person makes by accident: a drag started on the toolbar, in the side panel or above the
article, released inside the text. None of them may turn into a highlight running to the article's end."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation
from tests.browser.reading_helpers import drag_select, open_reading_view

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


def _word_point(page, phrase, *, scroll=False):
    """The middle of a phrase's first letter in #article-text (viewport coordinates); with `scroll`, its
    paragraph is first scrolled to the middle of the window."""
    return page.evaluate(
        """([phrase, scroll]) => {
          const root = document.getElementById('article-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.data.indexOf(phrase);
            if (i < 0) continue;
            const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
            if (scroll) n.parentElement.scrollIntoView({block: 'center'});
            const b = r.getBoundingClientRect();
            return {x: b.left + 1, y: b.top + b.height / 2};
          }
          return null;
        }""",
        [phrase, scroll],
    )


def _drag(page, start, end):
    page.mouse.move(start["x"], start["y"])
    page.mouse.down()
    page.mouse.move(end["x"], end["y"], steps=12)
    page.mouse.up()
    page.wait_for_timeout(450)  # past the toolbar's selectionchange delay


def _on_words(page, selector):
    """A point on the middle of the first line of an element's words (a press there starts a text drag)."""
    return page.evaluate(
        """(selector) => {
          const el = document.querySelector(selector);
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.data.trim().length < 6) continue;
            const i = n.data.search(/\\S/);
            const r = document.createRange(); r.setStart(n, i + 2); r.setEnd(n, i + 3);
            const b = r.getBoundingClientRect();
            return {x: b.left + b.width / 2, y: b.top + b.height / 2};
          }
          return null;
        }""",
        selector,
    )


def _toolbar_quote_length(page) -> int:
    return page.evaluate(
        """() => { const t = document.getElementById('annotate-toolbar');
                  return t.hidden ? 0 : t.elements.exact.value.length; }"""
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_drag_started_on_the_toolbar_highlights_nothing_to_the_article_end(
    live_server, page, login_as, student, setup, width
):
    page.set_viewport_size({"width": width, "height": 900})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    drag_select(page, PHRASE)
    toolbar = page.locator("#annotate-toolbar")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Numbers")

    # Press on the toolbar's own words (the quote) and drag into the article, a few lines up.
    start = _on_words(page, "#annotate-toolbar [data-toolbar-quote]")
    target = _word_point(page, "Video footage confirms") or _word_point(page, "troops")
    _drag(page, start, target)

    assert _toolbar_quote_length(page) < 200
    selected = page.evaluate("() => window.getSelection().toString().length")
    assert selected < 200, f"the drag selected {selected} characters"
    assert Annotation.objects.count() == 1
    assert Annotation.objects.get().exact == PHRASE


def test_drag_started_in_the_side_panel_opens_no_toolbar_for_the_rest_of_the_article(
    live_server, page, login_as, student, setup
):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    target = _word_point(page, PHRASE, scroll=True)
    start = _on_words(page, "#reading-panel .legend")
    assert 0 < start["y"] < 900, "the side panel's legend is on screen"
    _drag(page, start, target)
    assert _toolbar_quote_length(page) == 0
    expect(page.locator("#annotate-toolbar")).to_be_hidden()


def test_drag_started_above_the_article_opens_no_toolbar(live_server, page, login_as, student, setup):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    start = _on_words(page, ".assignment-title")
    target = _word_point(page, "Myrnohrad")
    assert target["y"] < 900, "the article's first lines are on screen"
    _drag(page, start, target)
    expect(page.locator("#annotate-toolbar")).to_be_hidden()


def test_drag_from_a_word_released_in_the_side_panel_ends_at_that_line(
    live_server, page, login_as, student, setup, screenshot_dir
):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    start = _word_point(page, PHRASE, scroll=True)
    panel = page.locator("#reading-panel").bounding_box()
    _drag(page, start, {"x": panel["x"] + 40, "y": start["y"]})
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/selection-released-in-panel-1280.png")
    exact = page.evaluate("() => document.getElementById('annotate-toolbar').elements.exact.value")
    assert exact.startswith("approximately") and len(exact) < 80, exact
    assert page.evaluate("() => window.getSelection().toString().trim()") == exact  # what is shown is what is saved
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Numbers")
    assert Annotation.objects.get().exact == exact


def test_drag_from_a_word_released_below_the_text_ends_on_its_last_line(
    live_server, page, login_as, student, setup, screenshot_dir
):
    page.set_viewport_size({"width": 390, "height": 844})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    last = setup["article"].body_text.strip().split("\n")[-1].strip()
    start = _word_point(page, last.split()[-3], scroll=True)
    below = page.evaluate(
        "() => { const b = document.getElementById('article-text').getBoundingClientRect(); return b.bottom + 30; }"
    )
    assert below < 844, "the space below the article is on screen"
    _drag(page, start, {"x": 200, "y": below})
    expect(page.locator("#annotate-toolbar")).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/selection-released-below-390.png")
    exact = page.evaluate("() => document.getElementById('annotate-toolbar').elements.exact.value")
    assert last.endswith(exact) and len(exact) < 80, exact


def test_triple_click_on_the_last_paragraph_still_offers_that_paragraph(live_server, page, login_as, student, setup):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    last = setup["article"].body_text.strip().split("\n")[-1].strip()
    point = _word_point(page, last[:30], scroll=True)
    page.mouse.click(point["x"] + 20, point["y"], click_count=3)
    page.wait_for_timeout(450)
    expect(page.locator("#annotate-toolbar")).to_be_visible()
    exact = page.evaluate("() => document.getElementById('annotate-toolbar').elements.exact.value")
    assert exact == last
