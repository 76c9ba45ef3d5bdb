"""The reading view's list without a form per entry: Edit and Delete are buttons of two shared forms, and the form
to say what a number counts is made when it is opened — by keyboard, with its labels — or, without JavaScript,
found on the highlight's own page."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation
from tests import factories
from tests.browser.reading_helpers import article_at, launch_assignment, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"


@pytest.fixture
def setup(classroom, student):
    assignment = launch_assignment(classroom)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    return {"assignment": assignment, "submission": submission, "article": article_at(assignment, 3)}


def _url(live_server, setup) -> str:
    return f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/3/"


def test_saying_what_a_number_counts_by_keyboard(live_server, page, login_as, student, setup):
    annotation = factories.annotation_for(setup["submission"], setup["article"], PHRASE)
    login_as(student)
    page.goto(_url(live_server, setup))
    wait_ready(page)
    entry = page.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    expect(entry.locator("form")).to_have_count(0)  # not in the page until asked for
    entry.locator("summary", has_text="Say what it counts").focus()
    page.keyboard.press("Enter")
    counted = entry.get_by_label("What is counted")
    expect(counted).to_be_visible()
    page.keyboard.press("Tab")
    expect(counted).to_be_focused()
    page.keyboard.type("Russian troops in the city")
    page.keyboard.press("Tab")
    expect(entry.get_by_label("Place")).to_be_focused()
    page.keyboard.type("Pokrovsk")
    page.keyboard.press("Enter")
    expect(page.locator("#save-status")).to_have_text("Saved what it counts")
    expect(entry).to_contain_text("Counts: Russian troops in the city · Pokrovsk")
    annotation.refresh_from_db()
    assert (annotation.counted, annotation.place) == ("Russian troops in the city", "Pokrovsk")
    # Opened again, the form shows what was saved.
    entry.locator("summary", has_text="Change what it counts").click()
    expect(entry.get_by_label("What is counted")).to_have_value("Russian troops in the city")
    expect(entry.get_by_label("Place")).to_have_value("Pokrovsk")
    expect(entry.get_by_label("Time window")).to_have_value("")


def test_edit_button_opens_the_popover_by_keyboard(live_server, page, login_as, student, setup):
    annotation = factories.annotation_for(setup["submission"], setup["article"], PHRASE, category="rhetoric")
    login_as(student)
    page.goto(_url(live_server, setup))
    wait_ready(page)
    entry = page.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    entry.get_by_role("button", name="Edit").focus()
    page.keyboard.press("Enter")
    editor = page.locator("#annotation-editor")
    expect(editor).to_be_visible()
    expect(page).to_have_url(_url(live_server, setup))  # the popover, not the highlight's own page
    editor.get_by_label("Comment").fill("Loaded word")
    editor.get_by_role("button", name="Save").click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(entry.locator(".item-comment")).to_have_text("Loaded word")
    annotation.refresh_from_db()
    assert annotation.comment == "Loaded word"


def test_without_javascript_edit_and_delete_still_work(live_server, browser, login_as, context, student, setup):
    annotation = factories.annotation_for(setup["submission"], setup["article"], PHRASE)
    other = factories.annotation_for(
        setup["submission"], setup["article"], "Video footage confirms", category="sourcing"
    )
    login_as(student)
    bare_context = browser.new_context(java_script_enabled=False)
    bare_context.add_cookies(context.cookies())
    bare = bare_context.new_page()
    bare.goto(_url(live_server, setup))
    entry = bare.locator(f'#annotation-list li[data-id="{annotation.pk}"]')
    entry.get_by_role("button", name="Edit").click()
    expect(bare).to_have_url(re.compile(rf"/annotations/{annotation.pk}/edit/"))
    bare.get_by_label("Comment").fill("Other reports say 200.")
    bare.get_by_role("button", name="Save", exact=True).click()
    expect(bare).to_have_url(re.compile(r"/assignments/\d+/articles/3/"))
    expect(entry.locator(".item-comment")).to_have_text("Other reports say 200.")

    entry.locator("summary", has_text="Say what it counts").click()
    entry.get_by_role("link", name=re.compile("on the highlight’s own page")).click()
    bare.get_by_label("What is counted").fill("troops")
    bare.get_by_role("button", name="Save what it counts").click()
    expect(entry).to_contain_text("Counts: troops")

    bare.locator(f'#annotation-list li[data-id="{other.pk}"]').get_by_role("button", name="Delete").click()
    expect(bare.locator(f'#annotation-list li[data-id="{other.pk}"]')).to_have_count(0)
    assert not Annotation.objects.filter(pk=other.pk).exists()
    annotation.refresh_from_db()
    assert (annotation.comment, annotation.counted) == ("Other reports say 200.", "troops")
    bare_context.close()
