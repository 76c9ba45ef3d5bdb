"""Saving never lies and never loses work: logged out, lost answers, submitting with highlights on the way.

Started from the reviewer's scratch tests (logout loss, logout edit, submit with a queued highlight,
duplicate after a category change while a retry waited).
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Submission
from tests import factories
from tests.browser.reading_helpers import drag_select, outbox_key, wait_ready

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"
CREATE = re.compile(r".*/annotations/$")


def _open(page, live_server, setup, position=3):
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/{position}/")
    wait_ready(page)


def outbox(page) -> list[dict]:
    raw = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('crosscheck:outbox:'))"
        ".map(k => localStorage.getItem(k))"
    )
    return [item for value in raw for item in json.loads(value)]


def highlight(page, phrase=PHRASE, category="Numbers"):
    drag_select(page, phrase)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile(category)).click()


def wait_for_db(predicate, seconds=8.0):
    """Poll the database (the browser retries on its own clock)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def log_out_in_another_tab(page, live_server):
    other = page.context.new_page()
    other.goto(f"{live_server.url}/dashboard/")
    other.get_by_role("button", name="Log out").click()
    other.wait_for_load_state()
    return other


def log_in_again(tab, live_server, user):
    tab.goto(f"{live_server.url}/accounts/login/")
    tab.get_by_label("Username").fill(user.username)
    tab.get_by_label("Password").fill(factories.PASSWORD)
    tab.get_by_role("button", name=re.compile("Log in")).click()
    tab.wait_for_load_state()


# ------------------------------------------------------------------ C1: logged out, nothing "Saved", nothing lost


def test_highlight_after_logout_is_kept_and_sent_exactly_once_after_logging_in(
    live_server, page, login_as, student, setup, screenshot_dir
):
    login_as(student)
    _open(page, live_server, setup)
    other = log_out_in_another_tab(page, live_server)

    highlight(page)
    status = page.locator("#save-status")
    expect(status).to_contain_text("Not saved — Your session has ended. Log in again in another tab")
    expect(status).not_to_contain_text("Saved")
    expect(page.locator("#annotate-toolbar [data-toolbar-state]")).to_contain_text("Not saved")
    expect(page.locator("#annotation-list li.is-pending .item-state")).to_have_text(
        "Not saved — log in again, then reload"
    )
    assert Annotation.objects.count() == 0
    assert [i["exact"] for i in outbox(page)] == [PHRASE]
    page.locator("#annotate-toolbar").get_by_role("button", name="Close").click()
    page.screenshot(path=f"{screenshot_dir}/save-session-ended.png")

    # The retries keep failing the same way while logged out: still kept, still not "Saved".
    page.get_by_role("button", name="Retry now").click()
    expect(status).to_contain_text("Not saved")
    assert Annotation.objects.count() == 0

    log_in_again(other, live_server, student)
    page.reload()
    wait_ready(page)
    expect(status).to_have_text("Saved")
    assert wait_for_db(lambda: Annotation.objects.count() == 1)
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    assert outbox(page) == []
    page.wait_for_timeout(600)
    assert Annotation.objects.count() == 1


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(
            {"status": 200, "content_type": "text/html", "body": "<html><h1>Log in</h1></html>"}, id="200-login-page"
        ),
        pytest.param({"status": 302, "headers": {"Location": "/accounts/login/?next=/"}}, id="redirect-to-login"),
        pytest.param({"status": 500, "content_type": "text/html", "body": "<h1>Server Error</h1>"}, id="server-error"),
    ],
)
def test_an_answer_without_the_list_is_not_a_save(live_server, page, login_as, student, setup, answer):
    login_as(student)
    _open(page, live_server, setup)
    page.route(CREATE, lambda route: route.fulfill(**answer))
    highlight(page)
    status = page.locator("#save-status")
    expect(status).to_have_attribute("data-state", "queued")
    expect(status).to_contain_text("Not saved")
    assert [i["exact"] for i in outbox(page)] == [PHRASE]
    page.unroute(CREATE)
    page.get_by_role("button", name="Retry now").click()
    expect(status).to_have_text("Saved")
    assert outbox(page) == []
    assert Annotation.objects.filter(exact=PHRASE).count() == 1


def test_comment_edit_after_logout_stays_in_the_editor(live_server, page, login_as, student, setup):
    annotation = factories.annotation_for(setup["submission"], setup["article"], PHRASE, comment="First thought")
    login_as(student)
    _open(page, live_server, setup)
    log_out_in_another_tab(page, live_server).close()

    page.locator(f'mark[data-annotation-ids="{annotation.pk}"]').first.click()
    editor = page.locator("#annotation-editor")
    editor.get_by_label("Comment").fill("My careful note")
    editor.get_by_label("Sourcing").check()
    editor.get_by_role("button", name="Save").click()

    expect(page.locator("#save-status")).to_contain_text("Not saved — Your session has ended")
    expect(editor).to_be_visible()
    expect(editor.locator("[data-editor-state]")).to_contain_text("Not saved — Your session has ended")
    expect(editor.get_by_label("Comment")).to_have_value("My careful note")
    annotation.refresh_from_db()
    assert (annotation.comment, annotation.category) == ("First thought", "numbers")


def test_note_typed_in_the_toolbar_after_logout_comes_back_when_it_cannot_be_saved(
    live_server, page, login_as, student, setup
):
    login_as(student)
    _open(page, live_server, setup)
    highlight(page)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Numbers")
    log_out_in_another_tab(page, live_server).close()
    page.locator("#toolbar-note").fill("Round number, no source")
    page.keyboard.press("Escape")  # closing saves the note; it cannot be saved now
    expect(toolbar).to_be_visible()
    expect(toolbar.locator("[data-toolbar-state]")).to_contain_text("Not saved — Your session has ended")
    expect(page.locator("#toolbar-note")).to_have_value("Round number, no source")
    assert Annotation.objects.get().comment == ""


# ------------------------------------------------------------------ C2: submitting waits for what is on its way


def test_submit_is_refused_while_a_highlight_waits_then_includes_it(live_server, page, login_as, student, setup):
    login_as(student)
    _open(page, live_server, setup)
    page.route(CREATE, lambda route: route.abort())  # the connection drops
    highlight(page)
    expect(page.locator("#save-status")).to_contain_text("Retrying")
    page.locator("#annotate-toolbar").get_by_role("button", name="Close").click()

    page.get_by_role("button", name="Submit to my teacher").click()
    expect(page.locator("[data-pending-note]")).to_have_text(
        "1 more highlight is still being saved: it is sent first, and nothing is submitted unless it arrives."
    )
    page.get_by_role("button", name="Yes, submit").click()
    alert = page.locator("[data-submit-problem]")
    expect(alert).to_have_text("Not submitted: 1 highlight is not saved yet — check your connection, then submit.")
    expect(alert).to_have_attribute("role", "alert")
    setup["submission"].refresh_from_db()
    assert setup["submission"].status == Submission.Status.IN_PROGRESS
    assert Annotation.objects.count() == 0
    assert len(outbox(page)) == 1

    page.unroute(CREATE)  # the connection is back
    page.get_by_role("button", name="Yes, submit").click()
    expect(page.locator(".banner-submitted")).to_be_visible()
    setup["submission"].refresh_from_db()
    assert setup["submission"].status == Submission.Status.SUBMITTED
    assert list(Annotation.objects.values_list("exact", flat=True)) == [PHRASE]
    assert outbox(page) == []
    expect(page.locator("#unsent-highlights")).to_have_count(0)


def test_read_only_page_shows_highlights_that_never_arrived(live_server, page, login_as, student, setup):
    Submission.objects.filter(pk=setup["submission"].pk).update(status=Submission.Status.SUBMITTED)
    login_as(student)
    _open(page, live_server, setup)
    item = {
        "key": "k-1",
        "url": "/x/",
        "articleId": str(setup["article"].pk),
        "start": 1,
        "end": 5,
        "exact": "tens of thousands",
        "category": "numbers",
        "comment": "Vague <b>count</b>",
    }
    page.evaluate(
        "([key, item]) => localStorage.setItem(key, JSON.stringify([item]))",
        [outbox_key(setup), item],
    )
    page.reload()
    wait_ready(page)
    section = page.locator("#unsent-highlights")
    expect(section).to_contain_text("Not sent before you submitted (1)")
    expect(section).to_contain_text("your teacher cannot see it")
    expect(section.locator(".item-quote")).to_have_text("“tens of thousands”")
    expect(section.locator(".item-comment")).to_have_text("Vague <b>count</b>")  # text, never HTML
    assert Annotation.objects.count() == 0  # nothing sent to a read-only submission
    section.get_by_role("button", name="Remove them from this device").click()
    section.get_by_role("button", name="Yes, remove them for good").click()
    expect(section).to_contain_text("Removed from this device.")
    assert outbox(page) == []


# ------------------------------------------------------------------ C3: a change of mind while a retry waits


def test_category_change_after_a_lost_answer_makes_one_highlight_with_the_new_category(
    live_server, page, login_as, student, setup
):
    login_as(student)
    _open(page, live_server, setup)
    state = {"dropped": 0}

    def lose_first_answer(route):
        if state["dropped"] == 0:
            state["dropped"] += 1
            route.fetch()  # the server saves it...
            route.abort()  # ...but the answer never arrives
        else:
            route.continue_()

    page.route(CREATE, lose_first_answer)
    highlight(page)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Not saved yet — will retry")
    assert list(Annotation.objects.values_list("category", flat=True)) == ["numbers"]
    toolbar.get_by_role("button", name=re.compile("Sourcing")).click()  # change of mind while it waits
    page.locator("#toolbar-note").fill("Who says so?")
    toolbar.get_by_role("button", name="Close").click()
    assert outbox(page)[0]["category"] == "sourcing"
    assert outbox(page)[0]["comment"] == "Who says so?"
    page.get_by_role("button", name="Retry now").click()
    expect(page.locator("#save-status")).to_have_text("Saved")
    rows = list(Annotation.objects.values_list("exact", "category", "comment"))
    assert rows == [(PHRASE, "sourcing", "Who says so?")]
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    expect(page.locator("#annotation-list li[data-id]")).to_have_attribute("data-category", "sourcing")
    assert outbox(page) == []


# ------------------------------------------------------------------ the comment box after choosing a category


def test_choosing_a_category_moves_focus_to_the_comment_box(live_server, page, login_as, student, setup):
    login_as(student)
    _open(page, live_server, setup)
    highlight(page)
    note = page.locator("#toolbar-note")
    expect(note).to_be_focused()
    page.keyboard.type("r s n: a round number")  # the shortcut keys type, they don't recategorise
    expect(note).to_have_value("r s n: a round number")
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar.get_by_role("button", name=re.compile("Numbers"))).to_have_attribute("aria-pressed", "true")
    expect(toolbar.get_by_role("button", name=re.compile("Rhetoric"))).to_have_attribute("aria-pressed", "false")
    page.keyboard.press("Escape")
    expect(toolbar).to_be_hidden()
    assert wait_for_db(lambda: Annotation.objects.filter(comment="r s n: a round number").count() == 1)
    assert list(Annotation.objects.values_list("category", flat=True)) == ["numbers"]


# ------------------------------------------------------------------ the key mode: nothing "Added" after logout


def test_key_item_after_logout_keeps_the_selection_and_explanation(
    live_server, page, login_as, teacher, classroom, setup
):
    from teaching.models import KeyItem
    from teaching.services import copy_lesson

    lesson = copy_lesson(lesson=setup["assignment"].lesson, by=teacher)  # the launch lesson itself is the site's
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/key/articles/3/")
    wait_ready(page)
    log_out_in_another_tab(page, live_server).close()
    drag_select(page, PHRASE)
    page.locator("#toolbar-note").fill("A round figure from one side.")
    toolbar = page.locator("#annotate-toolbar")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(page.locator("#save-status")).to_contain_text("Not added to the key")
    expect(page.locator("#save-status")).to_contain_text("Your session has ended")
    expect(toolbar).to_be_visible()
    expect(toolbar.locator("[data-toolbar-state]")).to_contain_text("Not saved — Your session has ended")
    expect(page.locator("#toolbar-note")).to_have_value("A round figure from one side.")
    expect(toolbar.get_by_role("button", name=re.compile("Numbers"))).to_have_attribute("aria-pressed", "false")
    assert KeyItem.objects.count() == 0


# ------------------------------------------------------------------ highlights set aside by a correction


def test_reading_view_shows_highlights_set_aside_by_a_correction(
    live_server, page, login_as, student, submission, assignment, article, screenshot_dir
):
    from teaching import services

    old = "Critics called it a “modern-day Stalingrad” – a claim no one could check."
    factories.annotation_for(
        submission, article, "modern-day Stalingrad", category="rhetoric", comment="Loaded comparison: who says so?"
    )
    factories.annotation_for(submission, article, "no one could check", category="sourcing")
    services.revise_article(
        article=article,
        body_markdown=article.body_markdown.replace(
            old, "Critics likened it to Stalingrad – a claim no one could check."
        ),
        by=factories.AdminFactory(),
    )
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/articles/1/")
    wait_ready(page)
    section = page.locator(".orphaned-annotations")
    expect(section.get_by_role("heading")).to_contain_text("Could not place after a correction")
    expect(section.locator(".orphaned-quote")).to_have_text("“modern-day Stalingrad”")
    expect(section.locator(".orphaned-comment")).to_contain_text("Loaded comparison: who says so?")
    expect(page.locator("#article-text mark.hl")).to_have_count(1)  # only the placed one is drawn
    expect(page.locator(f'[data-article-count-for="{article.pk}"]')).to_contain_text("2")
    section.scroll_into_view_if_needed()
    page.screenshot(path=f"{screenshot_dir}/reading-could-not-place.png", full_page=True)
