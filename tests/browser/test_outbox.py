"""Nothing typed is lost: a comment typed while its highlight is still on the way reaches the server exactly
once — whether the student then moves to the next article, reloads, is logged out or goes offline — in the
reading view, the key mode and side by side. The network is slowed and cut with Playwright routes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, KeyItem
from tests.browser.reading_helpers import drag_select, wait_ready
from tests.browser.test_save_reliability import log_in_again, log_out_in_another_tab, outbox, wait_for_db

pytestmark = pytest.mark.browser

PHRASE = "approximately 300 troops"
COMMENT = "Report 4 says about 200."
CREATE = re.compile(r".*/annotations/$")
KEY_CREATE = re.compile(r".*/key/articles/\d+/items/$")


class Held:
    """Routes a request to the server (which saves it) but keeps its answer back until released or dropped."""

    def __init__(self, page, pattern):
        self.page, self.pattern, self.routes = page, pattern, []
        page.route(pattern, self._hold)

    def _hold(self, route):
        if self.routes:  # only the first one is held: retries go through
            route.continue_()
            return
        self.routes.append((route, route.fetch()))

    def wait(self):
        deadline = 100
        while not self.routes and deadline:
            self.page.wait_for_timeout(100)
            deadline -= 1
        assert self.routes, "the save never left the page"

    def release(self):
        route, response = self.routes[0]
        route.fulfill(response=response)
        self.page.unroute(self.pattern)

    def drop(self):
        self.routes[0][0].abort()
        self.page.unroute(self.pattern)


def _outbox_empties(page):
    """The server has everything: the outbox empties (polled — the page hears the answer a moment later)."""
    page.wait_for_function(
        "() => !Object.keys(localStorage).some((k) => k.startsWith('crosscheck:outbox:'))", timeout=10000
    )
    assert outbox(page) == []


def _read(page, live_server, setup, position=3):
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/articles/{position}/")
    wait_ready(page)


def _highlight_then_comment(page, held):
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    note = page.locator("#toolbar-note")
    expect(note).to_be_focused()
    note.fill(COMMENT)  # typed while the save is on its way
    page.keyboard.press("Escape")  # closing the toolbar hands the comment to the outbox


def _exactly_once(setup):
    assert wait_for_db(lambda: Annotation.objects.filter(comment=COMMENT).count() == 1)
    rows = list(Annotation.objects.filter(submission=setup["submission"]).values_list("exact", "comment"))
    assert rows == [(PHRASE, COMMENT)]


def test_comment_typed_during_the_save_survives_moving_to_the_next_article(live_server, page, login_as, student, setup):
    login_as(student)
    _read(page, live_server, setup)
    held = Held(page, CREATE)
    _highlight_then_comment(page, held)
    assert [(i["exact"], i["comment"]) for i in outbox(page)] == [(PHRASE, COMMENT)]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.get_by_role("link", name=re.compile("Next:")).click()  # leaving with unsent work asks first
    page.wait_for_url(re.compile(r"/articles/4/$"))
    assert dialogs == ["beforeunload"]
    wait_ready(page)  # the next page sends what the last one could not
    _exactly_once(setup)
    expect(page.locator("#save-status")).to_contain_text("Saved")
    _outbox_empties(page)


def test_status_says_saved_once_the_comment_sent_after_the_highlight_has_arrived(
    live_server, page, login_as, student, setup
):
    """The comment typed while the highlight was on its way is sent after it; once it has arrived the status
    says "Saved", not "Saved. Sending the rest…" with nothing left to send."""
    login_as(student)
    _read(page, live_server, setup)
    held = Held(page, CREATE)
    _highlight_then_comment(page, held)
    held.release()
    _exactly_once(setup)
    _outbox_empties(page)
    expect(page.locator("#save-status")).to_have_text("Saved")


def test_comment_typed_during_the_save_survives_a_reload(live_server, page, login_as, student, setup):
    login_as(student)
    _read(page, live_server, setup)
    held = Held(page, CREATE)
    _highlight_then_comment(page, held)
    page.reload()
    wait_ready(page)
    _exactly_once(setup)
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    expect(page.locator("#annotation-list li[data-id] .item-comment")).to_have_text(COMMENT)
    _outbox_empties(page)


def test_comment_typed_during_the_save_survives_being_logged_out(live_server, page, login_as, student, setup):
    login_as(student)
    _read(page, live_server, setup)
    held = Held(page, CREATE)
    _highlight_then_comment(page, held)
    other = log_out_in_another_tab(page, live_server)
    held.release()  # the highlight's answer arrives; the comment's own save meets the ended session
    expect(page.locator("#save-status")).to_contain_text("Your session has ended")
    assert Annotation.objects.get().comment == ""
    assert [i.get("fields") for i in outbox(page)] == [{"comment": COMMENT}]
    log_in_again(other, live_server, student)
    page.reload()
    wait_ready(page)
    _exactly_once(setup)
    _outbox_empties(page)


def test_comment_typed_during_the_save_survives_going_offline(live_server, page, login_as, student, setup):
    login_as(student)
    _read(page, live_server, setup)
    held = Held(page, CREATE)
    _highlight_then_comment(page, held)
    page.context.set_offline(True)
    held.drop()  # the answer never arrives
    expect(page.locator("#save-status")).to_contain_text("the connection was lost")
    assert [(i["exact"], i["comment"]) for i in outbox(page)] == [(PHRASE, COMMENT)]
    page.context.set_offline(False)  # back online: the browser's "online" event sends it
    _exactly_once(setup)
    expect(page.locator("#save-status")).to_contain_text("Saved")
    _outbox_empties(page)


def test_key_item_explanation_typed_during_the_save_survives_leaving(live_server, page, login_as, teacher, setup):
    from teaching.services import copy_lesson

    lesson = copy_lesson(lesson=setup["assignment"].lesson, by=teacher)  # the launch lesson itself is the site's
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/key/articles/3/")
    wait_ready(page)
    held = Held(page, KEY_CREATE)
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    page.locator("#toolbar-note").fill("A round figure from one side.")
    page.keyboard.press("Escape")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("link", name=re.compile("Next:")).click()
    page.wait_for_url(re.compile(r"/articles/4/$"))
    wait_ready(page)
    assert wait_for_db(lambda: KeyItem.objects.filter(explanation="A round figure from one side.").count() == 1)
    assert KeyItem.objects.filter(exact=PHRASE).count() == 1
    _outbox_empties(page)


def test_key_item_explanation_typed_during_the_save_survives_a_reload(live_server, page, login_as, teacher, setup):
    """The first add reached the server (its answer is held); the reload sends the outbox's add again, with the
    explanation: the same client key makes it the same item, now explained — exactly one."""
    from teaching.services import copy_lesson

    lesson = copy_lesson(lesson=setup["assignment"].lesson, by=teacher)
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/key/articles/3/")
    wait_ready(page)
    held = Held(page, KEY_CREATE)
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    assert wait_for_db(lambda: KeyItem.objects.filter(exact=PHRASE).exists())  # the server has it, unexplained
    page.locator("#toolbar-note").fill("A round figure from one side.")
    page.keyboard.press("Escape")
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    wait_ready(page)
    assert wait_for_db(lambda: KeyItem.objects.filter(explanation="A round figure from one side.").count() == 1)
    item = KeyItem.objects.get(exact=PHRASE)  # exactly one
    assert item.client_key  # the outbox's key: the reload's add was the same item
    expect(page.locator("#annotation-list li[data-id]")).to_have_count(1)
    _outbox_empties(page)


def test_side_by_side_comment_typed_during_the_save_survives_a_reload(live_server, page, login_as, student, setup):
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/compare/3/4/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    held = Held(page, CREATE)
    drag_select(page, PHRASE, root_id="article-text-left")
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    page.locator("#toolbar-note").fill(COMMENT)
    page.keyboard.press("Escape")
    page.reload()
    page.wait_for_selector("#compare-page[data-ready=true]")
    _exactly_once(setup)
    expect(page.locator("#pane-list-left li[data-id]")).to_have_count(1)
    _outbox_empties(page)


# --- the key mode and side by side: logged out, offline, and (side by side) leaving --------------------------

EXPLANATION = "A round figure from one side."


def _key_item_then_explanation(page, live_server, teacher, setup):
    from teaching.services import copy_lesson

    lesson = copy_lesson(lesson=setup["assignment"].lesson, by=teacher)  # the launch lesson itself is the site's
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/key/articles/3/")
    wait_ready(page)
    held = Held(page, KEY_CREATE)
    drag_select(page, PHRASE)
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    page.locator("#toolbar-note").fill(EXPLANATION)  # typed while the add is on its way
    page.keyboard.press("Escape")
    return held


def _key_item_exactly_once():
    assert wait_for_db(lambda: KeyItem.objects.filter(explanation=EXPLANATION).count() == 1)
    assert KeyItem.objects.filter(exact=PHRASE).count() == 1


def test_key_item_explanation_typed_during_the_save_survives_being_logged_out(
    live_server, page, login_as, teacher, setup
):
    login_as(teacher)
    held = _key_item_then_explanation(page, live_server, teacher, setup)
    other = log_out_in_another_tab(page, live_server)
    held.release()  # the add's answer arrives; the explanation's own save meets the ended session
    expect(page.locator("#save-status")).to_contain_text("Your session has ended")
    assert not KeyItem.objects.filter(explanation=EXPLANATION).exists()
    log_in_again(other, live_server, teacher)
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    wait_ready(page)
    _key_item_exactly_once()
    _outbox_empties(page)


def test_key_item_explanation_typed_during_the_save_survives_going_offline(live_server, page, login_as, teacher, setup):
    login_as(teacher)
    held = _key_item_then_explanation(page, live_server, teacher, setup)
    page.context.set_offline(True)
    held.drop()  # the answer never arrives
    expect(page.locator("#save-status")).to_contain_text("the connection was lost")
    assert [i.get("explanation") for i in outbox(page)] == [EXPLANATION]
    page.context.set_offline(False)  # back online: the browser's "online" event sends it
    _key_item_exactly_once()
    _outbox_empties(page)


def _compare_highlight_then_comment(page, live_server, setup):
    page.goto(f"{live_server.url}/assignments/{setup['assignment'].pk}/compare/3/4/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    held = Held(page, CREATE)
    drag_select(page, PHRASE, root_id="article-text-left")
    page.locator("#annotate-toolbar").get_by_role("button", name=re.compile("Numbers")).click()
    held.wait()
    page.locator("#toolbar-note").fill(COMMENT)
    page.keyboard.press("Escape")
    return held


def test_side_by_side_comment_typed_during_the_save_survives_leaving(live_server, page, login_as, student, setup):
    login_as(student)
    _compare_highlight_then_comment(page, live_server, setup)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.get_by_role("link", name=re.compile("Open on its own")).first.click()  # the reading view of article 3
    page.wait_for_url(re.compile(r"/articles/3/$"))
    assert dialogs == ["beforeunload"]
    wait_ready(page)  # the reading view sends what side by side could not
    _exactly_once(setup)
    _outbox_empties(page)


def test_side_by_side_comment_typed_during_the_save_survives_being_logged_out(
    live_server, page, login_as, student, setup
):
    login_as(student)
    held = _compare_highlight_then_comment(page, live_server, setup)
    other = log_out_in_another_tab(page, live_server)
    held.release()
    expect(page.locator("#save-status")).to_contain_text("Your session has ended")
    assert Annotation.objects.get().comment == ""
    log_in_again(other, live_server, student)
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    page.wait_for_selector("#compare-page[data-ready=true]")
    _exactly_once(setup)
    _outbox_empties(page)


def test_side_by_side_comment_typed_during_the_save_survives_going_offline(live_server, page, login_as, student, setup):
    login_as(student)
    held = _compare_highlight_then_comment(page, live_server, setup)
    page.context.set_offline(True)
    held.drop()
    expect(page.locator("#save-status")).to_contain_text("the connection was lost")
    assert [(i["exact"], i["comment"]) for i in outbox(page)] == [(PHRASE, COMMENT)]
    page.context.set_offline(False)
    _exactly_once(setup)
    expect(page.locator("#pane-list-left li[data-id]")).to_have_count(1)
    _outbox_empties(page)
