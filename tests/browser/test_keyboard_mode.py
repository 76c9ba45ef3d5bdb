"""The keyboard mode, as a keyboard-only student meets it: a skip link early in the tab order, the cursor on
the article's first word (or where they left it), and selections without the punctuation around words."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.reading_helpers import wait_ready

pytestmark = pytest.mark.browser


def test_skip_link_starts_the_keyboard_mode_on_the_first_word(live_server, page, login_as, student, setup):
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/3/")
    wait_ready(page)
    page.keyboard.press("Tab")  # "Skip to content"
    page.keyboard.press("Tab")
    link = page.get_by_role("link", name="Highlight with the keyboard")
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#article-text")).to_be_focused()
    first = setup["article"].body_text.split()[0]
    expect(page.locator("#kbd-announce")).to_contain_text(f"Selected: {first}")


def test_keyboard_selection_leaves_out_punctuation_and_remembers_its_place(live_server, page, login_as, student, setup):
    login_as(student)
    url = f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/3/"
    page.goto(url)
    wait_ready(page)
    words = setup["article"].body_text.split()
    with_comma = next(i for i, w in enumerate(words) if w.endswith(","))
    page.keyboard.press("Alt+k")
    for _ in range(with_comma):
        page.keyboard.press("ArrowRight")
    announced = words[with_comma].rstrip(",")
    expect(page.locator("#kbd-announce")).to_have_text(announced)  # the word, not its comma
    selected = page.evaluate("() => window.getSelection().toString()")
    assert selected == announced
    page.keyboard.press("Escape")
    page.reload()
    wait_ready(page)
    page.keyboard.press("Alt+k")  # back where it was left
    expect(page.locator("#kbd-announce")).to_contain_text(f"Selected: {announced}")
