"""A student highlights the launch lesson in Chromium with a real mouse, the keyboard, and a flaky network."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Submission
from tests import factories
from tests.browser.reading_helpers import article_at, drag_select, mark_texts, open_reading_view, outbox_key, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


def test_mouse_highlight_with_comment_survives_reload(live_server, page, login_as, student, setup):
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/")
    wait_ready(page)
    page.get_by_role("link", name=re.compile("Article 3")).click()
    wait_ready(page)

    drag_select(page, PHRASE)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    expect(toolbar.locator("[data-toolbar-quote]")).to_have_text(f"“{PHRASE}”")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    toolbar.get_by_label("Comment").fill("Other reports say about 200.")
    toolbar.get_by_role("button", name="Save comment").click()
    expect(toolbar).to_be_hidden()
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    expect(page.locator("#annotation-list li[data-id] .item-comment")).to_have_text("Other reports say about 200.")

    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.category, annotation.comment) == (
        PHRASE,
        "numbers",
        "Other reports say about 200.",
    )
    assert setup["article"].body_text[annotation.start : annotation.end] == PHRASE

    page.reload()
    wait_ready(page)
    assert mark_texts(page, annotation.pk) == PHRASE
    expect(page.locator(f'[data-article-count-for="{setup["article"].pk}"]')).to_contain_text("1")


def test_click_highlight_change_category_and_delete_another(live_server, page, login_as, student, setup):
    submission, article = setup["submission"], setup["article"]
    first = factories.annotation_for(submission, article, PHRASE)
    second = factories.annotation_for(submission, article, "Video footage confirms", category="sourcing")
    open_reading_view(page, live_server, login_as, student, setup["assignment"])

    page.locator(f'mark[data-annotation-ids="{first.pk}"]').first.click()
    editor = page.locator("#annotation-editor")
    expect(editor).to_be_visible()
    editor.get_by_label("Rhetoric").check()
    editor.get_by_label("Comment").fill("“approximately” hides a guess")
    editor.get_by_role("button", name="Save").click()
    expect(editor).to_be_hidden()
    expect(page.locator("#save-status")).to_have_text("Saved")
    first.refresh_from_db()
    assert (first.category, first.comment) == ("rhetoric", "“approximately” hides a guess")
    expect(page.locator(f'mark[data-annotation-ids="{first.pk}"]').first).to_have_class(re.compile("hl-rhetoric"))

    entry = page.locator(f'#annotation-list li[data-id="{second.pk}"]')
    entry.get_by_role("button", name="Delete").click()
    expect(editor.get_by_text("Delete this highlight?")).to_be_visible()
    editor.get_by_role("button", name="Yes, delete").click()
    expect(page.locator("#save-status")).to_have_text("Highlight deleted")
    expect(entry).to_have_count(0)
    assert not Annotation.objects.filter(pk=second.pk).exists()
    assert mark_texts(page, second.pk) == ""


def test_keyboard_only_student_makes_a_highlight(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    words = setup["article"].body_text.split()
    page.keyboard.press("Alt+k")
    expect(page.locator("#article-text")).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    expect(page.locator("#kbd-announce")).to_have_text(" ".join(words[1:4]))
    page.keyboard.press("Enter")
    expect(page.locator("#annotate-toolbar")).to_be_visible()
    page.keyboard.press("r")
    expect(page.locator("#save-status")).to_have_text("Saved")
    annotation = Annotation.objects.get()
    assert (annotation.exact, annotation.category) == (" ".join(words[1:4]), "rhetoric")
    page.keyboard.press("Escape")  # closes the toolbar, back in the word cursor
    expect(page.locator("#article-text")).to_be_focused()
    page.keyboard.press("Escape")  # leaves keyboard mode
    expect(page.locator("#keyboard-mode-button")).to_be_focused()


def test_find_text_then_shortcut_key(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    page.get_by_label("Find text to highlight").fill("11,000 Russian forces")
    page.keyboard.press("Enter")
    expect(page.locator("#annotate-toolbar")).to_be_visible()
    expect(page.locator("#find-result")).to_contain_text("Found 1 of 1")
    page.keyboard.press("n")
    expect(page.locator("#save-status")).to_have_text("Saved")
    assert Annotation.objects.get().exact == "11,000 Russian forces"


def test_overlapping_highlights_compose(live_server, page, login_as, student, setup):
    numbers = factories.annotation_for(setup["submission"], setup["article"], PHRASE)
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    drag_select(page, "300 troops now operating")
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Rhetoric")).click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    rhetoric = Annotation.objects.get(category="rhetoric")
    both = page.locator("mark.hl-numbers.hl-rhetoric")
    expect(both).to_have_count(1)
    expect(both).to_have_text("300 troops")
    assert mark_texts(page, numbers.pk) == PHRASE
    assert mark_texts(page, rhetoric.pk) == "300 troops now operating"
    # The text itself is untouched by the drawing.
    assert page.evaluate("document.getElementById('article-text').textContent") == setup["article"].body_text


def test_each_article_keeps_its_own_highlights(live_server, page, login_as, student, setup):
    third = factories.annotation_for(setup["submission"], setup["article"], PHRASE)
    fourth_article = article_at(setup["assignment"], 4)
    fourth = factories.annotation_for(setup["submission"], fourth_article, "about 11,000", category="numbers")
    open_reading_view(page, live_server, login_as, student, setup["assignment"], position=4)
    assert mark_texts(page, fourth.pk) == "about 11,000"
    expect(page.locator("#article-text mark.hl")).to_have_count(1)
    page.get_by_role("link", name=re.compile("Article 3")).click()
    wait_ready(page)
    assert mark_texts(page, third.pk) == PHRASE
    expect(page.locator(f'#annotation-list li[data-id="{fourth.pk}"]')).to_have_count(0)


def test_outbox_keeps_a_highlight_while_offline_and_sends_it_later(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    page.route("**/annotations/", lambda route: route.abort())
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    expect(page.locator("#save-status")).to_contain_text("Not saved yet — the connection was lost. Retrying")
    expect(page.locator("#annotation-list li.is-pending .item-state")).to_have_text("Not saved yet — will retry")
    expect(page.locator("#article-text mark.hl-pending")).to_have_text(PHRASE)
    assert not Annotation.objects.exists()

    # Even a reload while still offline keeps it.
    page.reload()
    wait_ready(page)
    expect(page.locator("#article-text mark.hl-pending")).to_have_text(PHRASE)
    stored = page.evaluate(f"localStorage.getItem('{outbox_key(setup)}')")
    assert PHRASE in stored

    page.unroute("**/annotations/")
    expect(page.locator("#save-status")).to_contain_text("Saved", timeout=15000)
    expect(page.locator("#article-text mark.hl-pending")).to_have_count(0)
    assert Annotation.objects.get().exact == PHRASE
    assert page.evaluate(f"localStorage.getItem('{outbox_key(setup)}')") is None


def test_server_refusal_is_shown_and_the_pending_highlight_removed(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    Submission.objects.filter(pk=setup["submission"].pk).update(status="submitted")  # submitted in another tab
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Sourcing")).click()
    expect(page.locator("#save-status")).to_contain_text("read-only until your teacher returns it")
    expect(page.locator("[data-errors]")).to_contain_text("read-only")
    expect(page.locator("#article-text mark.hl")).to_have_count(0)
    assert not Annotation.objects.exists()
    assert page.evaluate(f"localStorage.getItem('{outbox_key(setup)}')") is None


def test_submit_makes_the_work_read_only(live_server, page, login_as, student, setup):
    factories.annotation_for(setup["submission"], setup["article"], PHRASE)
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    page.get_by_role("button", name="Submit to my teacher").click()
    expect(page.get_by_text("Submit 1 highlight?")).to_be_visible()
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.locator(".banner-submitted")).to_contain_text("read-only until your teacher returns it")
    assert Submission.objects.get(pk=setup["submission"].pk).status == "submitted"
    expect(page.locator("#annotate-toolbar")).to_have_count(0)
    drag_select(page, "Video footage confirms")
    page.wait_for_timeout(400)
    assert Annotation.objects.count() == 1
    expect(page.locator("#article-text mark.hl")).to_have_count(1)


def test_screenshots_reading_view_with_toolbar(live_server, page, login_as, student, setup, screenshot_dir):
    submission, article = setup["submission"], setup["article"]
    factories.annotation_for(submission, article, PHRASE, comment="001 says 125–250, 003 about 200.")
    factories.annotation_for(submission, article, "300 troops now operating inside the city", category="rhetoric")
    factories.annotation_for(
        submission, article, "verified reports indicate", category="sourcing", comment="Verified by whom?"
    )
    factories.annotation_for(submission, article, "roughly 60% of the city", category="numbers")
    factories.annotation_for(submission, article, "Video footage confirms", category="sourcing")
    factories.annotation_for(submission, article, "troubling disconnect", category="rhetoric", comment="Opinion word")
    for width, height, name in [(1280, 900, "reading-desktop"), (390, 844, "reading-phone")]:
        page.set_viewport_size({"width": width, "height": height})
        open_reading_view(page, live_server, login_as, student, setup["assignment"])
        page.screenshot(path=f"{screenshot_dir}/{name}-top.png")
        drag_select(page, "11,000 Russian forces")
        expect(page.locator("#annotate-toolbar")).to_be_visible()
        page.screenshot(path=f"{screenshot_dir}/{name}.png")
        page.screenshot(path=f"{screenshot_dir}/{name}-full.png", full_page=True)


def test_comment_typed_after_choosing_is_saved_when_clicking_away(live_server, page, login_as, student, setup):
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    drag_select(page, PHRASE)
    toolbar = page.locator("#annotate-toolbar")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Numbers")
    toolbar.get_by_label("Comment").fill("Compare with report 4.")
    page.locator("#article-text p").nth(3).click()
    expect(toolbar).to_be_hidden()
    expect(page.locator("#annotation-list li[data-id] .item-comment")).to_have_text("Compare with report 4.")
    assert Annotation.objects.get().comment == "Compare with report 4."


@pytest.mark.parametrize("status", ["in_progress", "returned"])
def test_reading_view_has_no_axe_violations(live_server, page, login_as, student, setup, status):
    from axe_playwright_python.sync_playwright import Axe

    factories.annotation_for(setup["submission"], setup["article"], PHRASE, teacher_mark="good", teacher_comment="Yes")
    factories.annotation_for(setup["submission"], setup["article"], "verified reports indicate", category="sourcing")
    Submission.objects.filter(pk=setup["submission"].pk).update(status=status, feedback="Well done.")
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    drag_select(page, "11,000 Russian forces")
    expect(page.locator("#annotate-toolbar")).to_be_visible()
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_list_entry_and_highlight_are_linked(live_server, page, login_as, student, setup):
    annotation = factories.annotation_for(
        setup["submission"], setup["article"], "Moscow has employed", category="rhetoric"
    )
    open_reading_view(page, live_server, login_as, student, setup["assignment"])
    entry = page.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    entry.locator(".item-quote").click()
    mark = page.locator(f'#article-text mark[data-annotation-ids="{annotation.pk}"]')
    expect(mark).to_have_class(re.compile("hl-flash"))
    expect(mark).to_be_in_viewport()
    entry.focus()
    page.keyboard.press("Enter")
    editor = page.locator("#annotation-editor")
    expect(editor).to_be_visible()
    expect(editor.locator("[data-editor-quote]")).to_have_text("“Moscow has employed”")
    page.keyboard.press("Escape")
    expect(editor).to_be_hidden()
    expect(entry).to_be_focused()


# The module the page loaded (static/js/highlights.js, under its hashed name when the manifest is on).
_REDRAW_WITH_SCRIPT = """async () => {
  const url = performance.getEntriesByType('resource').map((e) => e.name)
    .find((name) => /\\/js\\/highlights(\\.[0-9a-f]+)?\\.js$/.test(name));
  const { annotationsFromList, listEl, renderHighlights } = await import(url);
  const root = document.getElementById('article-text');
  renderHighlights(root, annotationsFromList(listEl()));
  return root.innerHTML;
}"""


def test_page_arrives_with_the_highlights_the_script_would_draw(
    live_server, page, login_as, student, setup, browser, context
):
    """The server draws the saved highlights into the article (articles.rendering.draw_highlights), so the text
    shows them before any script runs; the script, drawing the same list itself, gives the very same marks."""
    submission, article = setup["submission"], setup["article"]
    factories.seed_highlights(submission, article, 60, seed=13, longest=12)  # overlapping, across paragraphs
    for n, annotation in enumerate(Annotation.objects.order_by("pk")):
        annotation.category = ["numbers", "sourcing", "rhetoric", "bias"][n % 4]
        annotation.save(update_fields=["category"])
    ids = {str(pk) for pk in Annotation.objects.values_list("pk", flat=True)}
    url = f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/3/"

    login_as(student)
    no_script = browser.new_context(java_script_enabled=False)
    no_script.add_cookies(context.cookies())
    bare = no_script.new_page()
    bare.goto(url)
    drawn = bare.evaluate(
        "[...document.querySelectorAll('#article-text mark.hl')].flatMap((m) => m.dataset.annotationIds.split(' '))"
    )
    assert set(drawn) == ids
    no_script.close()

    page.goto(url)
    wait_ready(page)
    from_server = page.evaluate("document.getElementById('article-text').innerHTML")
    assert page.evaluate(_REDRAW_WITH_SCRIPT) == from_server
    assert page.evaluate("document.getElementById('article-text').textContent") == article.body_text
