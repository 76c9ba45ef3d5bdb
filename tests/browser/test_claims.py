"""In Chromium: highlight numbers in two reports side by side, say what they count, link them as
contradicting, and find them in the numbers ledger with the computed verdict beside the student's."""

import os

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Comparison, Submission
from tests.browser.reading_helpers import article_at, drag_select, launch_assignment
from tests.factories import SubmissionFactory, annotation_for

pytestmark = pytest.mark.browser


def settled(page) -> None:
    """htmx wires up swapped-in forms when the swap settles; a click before that would post the plain form."""
    # A function, not an expression: Playwright evaluates an expression with eval(), which the CSP refuses.
    page.wait_for_function(
        "() => [...document.querySelectorAll('#ledger-region form')].every((f) => f['htmx-internal-data'])"
        " && !document.querySelector('.htmx-settling, .htmx-swapping')"
    )


def highlight_as_numbers(page, root_id: str, phrase: str) -> None:
    drag_select(page, phrase, root_id=root_id)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    expect(toolbar.locator("[data-toolbar-quote]")).to_contain_text(phrase[:20])
    toolbar.locator(".cat-button[value=numbers]").click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text("Saved as Numbers")
    toolbar.locator("[data-action=cancel]").click()
    expect(page.locator("#save-status")).to_contain_text("Saved in article")


def link_in_the_ledger(page, left, right, note: str) -> None:
    """Tick two described claims in the ledger and link them, contradicting each other, with `note`."""
    # compare.js may still refresh the ledger after the highlights' saves: let every request finish first.
    page.wait_for_load_state("networkidle")
    settled(page)
    page.locator(f"input[name=annotations][value='{left.pk}']").check()
    page.locator(f"input[name=annotations][value='{right.pk}']").check()
    page.get_by_label("contradict").first.check()
    page.get_by_label("Note").fill(note)
    page.get_by_role("button", name="Link these numbers").click()
    expect(page.locator("#ledger-region [data-errors]")).to_have_count(0)
    expect(page.locator("#ledger-status")).to_have_text("Numbers linked.")


def test_side_by_side_link_and_ledger(page, live_server, login_as, classroom, student, screenshot_dir):
    assignment = launch_assignment(classroom)
    login_as(student)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/")  # starts the submission
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/compare/")
    page.select_option("#compare-left", "3")
    page.select_option("#compare-right", "4")
    page.get_by_role("button", name="Show side by side").click()
    page.wait_for_selector("#compare-page[data-ready=true]")
    page.wait_for_function("() => window.htmx !== undefined")

    # A real mouse drag in each pane; each saves to its own article.
    highlight_as_numbers(page, "article-text-left", "approximately 300 troops")
    highlight_as_numbers(page, "article-text-right", "approximately 200 Russian soldiers")
    submission = Submission.objects.get(student=student, assignment=assignment)
    left, right = Annotation.objects.filter(submission=submission).order_by("pk")
    assert (left.exact, left.article.lesson_articles.get().position) == ("approximately 300 troops", 3)
    assert (right.exact, right.article.lesson_articles.get().position) == ("approximately 200 Russian soldiers", 4)
    expect(page.locator("#article-text-left mark.hl-numbers")).to_have_text("approximately 300 troops")
    expect(page.locator("#article-text-right mark.hl-numbers")).to_have_text("approximately 200 Russian soldiers")
    assert page.locator("#article-text-left mark.hl").count() == 1  # nothing drawn in the wrong pane

    # The ledger below has refreshed: both numbers wait to be described before they can be linked.
    for annotation, counted in ((left, "Russian soldiers inside the city"), (right, "Russian soldiers in the centre")):
        card = page.locator(f"#claim-{annotation.pk}")
        expect(card).to_contain_text("Reads as")
        card.get_by_label("What is counted").fill(counted)
        card.get_by_role("button", name="Save").click()
        expect(page.locator("#ledger-status")).to_have_text("Claim saved.")
        settled(page)
    link_in_the_ledger(page, left, right, "002 says 300, 003 says 200, both inside the city.")
    comparison = Comparison.objects.get()
    assert comparison.relation == "contradict"
    assert set(comparison.annotations.all()) == {left, right}
    row = page.locator(f"#comparison-{comparison.pk}")
    expect(row.locator(".verdict")).to_have_text("Disagree")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=os.path.join(screenshot_dir, "claims-side-by-side-1280.png"), full_page=False)
    row.scroll_into_view_if_needed()
    page.screenshot(path=os.path.join(screenshot_dir, "claims-side-by-side-links-1280.png"), full_page=False)

    # The numbers ledger: the computed verdict beside the student's.
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/ledger/")
    row = page.locator(f"#comparison-{comparison.pk}")
    expect(row.locator(".ledger-quantity")).to_contain_text("Russian soldiers inside the city")
    expect(row.locator(".ledger-values")).to_contain_text("≈ 300 troops")
    expect(row.locator(".ledger-values")).to_contain_text("≈ 200 soldiers")
    expect(row.locator(".verdict")).to_have_text("Disagree")
    expect(row.locator(".relation")).to_have_text("Contradict")
    expect(row.locator(".ledger-settled")).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "claims-ledger-1280.png"), full_page=True)

    # Change the verdict to "agree": the ledger asks rather than corrects.
    settled(page)
    row.locator("summary").click()
    row.get_by_label("agree").check()
    row.get_by_role("button", name="Save link").click()
    expect(page.locator("#ledger-status")).to_have_text("Link saved.")
    expect(page.locator(f"#comparison-{comparison.pk} .ledger-question")).to_contain_text("how can they agree?")

    # The linked claim jumps to the other article and flashes there.
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/articles/3/")
    page.wait_for_selector("#annotate-page[data-ready=true]")
    item = page.locator(f"#annotation-{left.pk}")
    expect(item).to_contain_text("≈ 300 troops")
    item.get_by_role("link", name="article 4").click()
    page.wait_for_selector("#annotate-page[data-ready=true]")
    assert page.url.endswith(f"/articles/4/?focus={right.pk}#annotation-{right.pk}")
    expect(page.locator(f"#annotation-{right.pk}")).to_be_focused()

    # Phone width: the panes stack and the ledger reads as cards.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/compare/3/4/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    page.evaluate("window.scrollTo(0, 0)")
    left_box = page.locator("#pane-left").bounding_box()
    right_box = page.locator("#pane-right").bounding_box()
    assert right_box["y"] >= left_box["y"] + left_box["height"] - 1  # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=os.path.join(screenshot_dir, "claims-side-by-side-390.png"), full_page=False)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/ledger/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=os.path.join(screenshot_dir, "claims-ledger-390.png"), full_page=True)


@pytest.mark.parametrize("where", ["ledger", "compare/3/4", "compare"])
def test_claims_pages_have_no_axe_violations(page, live_server, login_as, classroom, student, where):
    from axe_playwright_python.sync_playwright import Axe

    from teaching import services
    from tests import factories

    assignment = launch_assignment(classroom)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    lesson_articles = {la.position: la.article for la in assignment.lesson.lesson_articles.select_related("article")}
    a = factories.annotation_for(submission, lesson_articles[3], "approximately 300 troops", counted="soldiers")
    b = factories.annotation_for(
        submission, lesson_articles[4], "approximately 200 Russian soldiers", counted="soldiers"
    )
    factories.annotation_for(submission, lesson_articles[2], "tens of thousands")
    services.create_comparison(
        submission=submission, annotations=[a, b], relation="agree", note="?", by=submission.student
    )
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/{where}/")
    if where.startswith("compare/"):
        page.wait_for_selector("#compare-page[data-ready=true]")
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_boxes_ticked_while_the_ledger_refreshes_stay_ticked(page, live_server, login_as, classroom, student):
    """A highlight saved side by side refreshes the ledger below; boxes ticked and a note typed while that
    refresh is on its way are still there when it lands, and the link then goes through."""
    assignment = launch_assignment(classroom)
    submission = SubmissionFactory(assignment=assignment, student=student)
    left = annotation_for(
        submission, article_at(assignment, 3), "approximately 300 troops", counted="soldiers in the city"
    )
    right = annotation_for(
        submission, article_at(assignment, 4), "approximately 200 Russian soldiers", counted="soldiers in the city"
    )
    login_as(student)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/compare/3/4/")
    page.wait_for_selector("#compare-page[data-ready=true]")
    settled(page)

    held = []
    page.route("**/ledger/?scope=*", lambda route: held.append(route))  # the refresh waits until released
    highlight_as_numbers(page, "article-text-left", "Pokrovsk")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "saving a highlight side by side refreshes the ledger"
    page.locator(f"input[name=annotations][value='{left.pk}']").check()
    page.locator(f"input[name=annotations][value='{right.pk}']").check()
    page.get_by_label("contradict").first.check()
    page.get_by_label("Note").fill("300 against 200.")
    held[0].continue_()
    page.unroute("**/ledger/?scope=*")
    expect(page.locator("#ledger-region [data-claim-id]")).to_have_count(3)  # the refreshed region has landed
    settled(page)
    expect(page.locator(f"input[name=annotations][value='{left.pk}']")).to_be_checked()
    expect(page.locator(f"input[name=annotations][value='{right.pk}']")).to_be_checked()
    expect(page.get_by_label("contradict").first).to_be_checked()
    expect(page.get_by_label("Note")).to_have_value("300 against 200.")
    page.get_by_role("button", name="Link these numbers").click()
    expect(page.locator("#ledger-status")).to_have_text("Numbers linked.")
    assert set(Comparison.objects.get().annotations.all()) == {left, right}
