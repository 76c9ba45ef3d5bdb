"""What issue 12 promised a new user about the selection toolbar and the keyboard mode, checked in Chromium:
the toolbar sits beside the words without hiding them and closes when the selection goes; a comment belongs to
the highlight whose toolbar it was typed in, even while that highlight is still on its way; keyboard selections
leave out the punctuation after the last word; keyboard hints are not shown on touch screens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation
from tests.browser.reading_helpers import drag_select, login_context, open_reading_view, wait_ready

pytestmark = pytest.mark.browser

FIRST = "approximately 300 troops"
SECOND = "Video footage confirms"


_OVERLAP = """() => {
  const t = document.getElementById('annotate-toolbar').getBoundingClientRect();
  const s = window.getSelection();
  if (!s.rangeCount) return null;
  return [...s.getRangeAt(0).getClientRects()].some(r => r.width > 0 &&
    r.left < t.right && r.right > t.left && r.top < t.bottom && r.bottom > t.top);
}"""


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_the_toolbar_hides_none_of_the_selected_words_and_closes_when_the_selection_goes(
    live_server, page, login_as, student, setup, screenshot_dir, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    drag_select(page, "11,000 Russian forces in the immediate area")
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    page.screenshot(path=f"{screenshot_dir}/toolbar-beside-{width}.png")
    assert page.evaluate(_OVERLAP) is False, "the toolbar covers the words it is about"
    expect(toolbar).to_be_in_viewport()
    # A click elsewhere in the text takes the selection away: the toolbar goes with it.
    page.locator("#article-text p").first.click()
    expect(toolbar).to_be_hidden()
    assert Annotation.objects.count() == 0


def test_a_comment_belongs_to_the_highlight_whose_toolbar_it_was_typed_in(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    toolbar = page.locator("#annotate-toolbar")
    # The first highlight's save is slow: the student moves on before it has reached the server.
    delayed = []

    def slow_first(route):
        if not delayed:
            delayed.append(route.request.url)
            page.wait_for_timeout(1500)
        route.continue_()

    page.route("**/annotations/**", slow_first)
    drag_select(page, FIRST)
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    toolbar.get_by_label("Comment").fill("About the troops.")
    drag_select(page, SECOND)
    expect(toolbar.locator("[data-toolbar-quote]")).to_have_text(f"“{SECOND}”")
    expect(toolbar.get_by_label("Comment")).to_have_value("")  # a fresh toolbar, not the last one's note
    toolbar.get_by_role("button", name=re.compile("Sourcing")).click()
    toolbar.get_by_label("Comment").fill("Whose footage?")
    toolbar.get_by_role("button", name="Save comment").click()
    expect(toolbar).to_be_hidden()
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(2, timeout=15000)
    page.wait_for_timeout(3000)  # nothing else is still on its way
    assert delayed, "the first save was held back"
    comments = dict(Annotation.objects.values_list("exact", "comment"))
    assert comments == {FIRST: "About the troops.", SECOND: "Whose footage?"}


def test_a_keyboard_selection_to_the_end_of_a_sentence_leaves_out_its_full_stop(
    live_server, page, login_as, student, setup
):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    page.keyboard.press("Alt+k")
    page.keyboard.press("Shift+End")  # from the first word to the end of the first sentence
    selected = page.evaluate("() => window.getSelection().toString()")
    first_sentence = setup["article"].body_text.split(". ")[0]
    assert selected == first_sentence, selected
    page.keyboard.press("Enter")
    page.keyboard.press("r")
    expect(page.locator("#save-status")).to_have_text("Saved")
    assert not Annotation.objects.get().exact.endswith(".")


def test_keyboard_hints_are_not_shown_on_a_touch_screen(live_server, browser, student, setup):
    context = browser.new_context(has_touch=True, viewport={"width": 1280, "height": 900})
    try:
        login_context(live_server, context, student)
        page = context.new_page()
        page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/3/")
        wait_ready(page)
        assert page.evaluate("matchMedia('(pointer: coarse)').matches || matchMedia('(hover: none)').matches")
        expect(page.locator("#keyboard-mode-button kbd")).to_be_hidden()
        expect(page.locator("#annotate-toolbar .cat-button kbd").first).to_be_hidden()
        expect(page.locator("#keyboard-mode-button")).to_be_visible()  # the mode itself stays available
    finally:
        context.close()
