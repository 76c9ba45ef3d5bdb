"""A teacher who is not staff builds a two-article lesson in Chromium, makes its key (an item on each article and
a comparison across them), sets it for a class; a student highlights in it; the teacher sees the work."""

import re

import pytest
from playwright.sync_api import expect

from teaching.models import Annotation, Assignment, KeyComparison, KeyItem, Lesson
from tests import factories
from tests.browser.reading_helpers import assert_fits_the_screen, drag_select, login_context, wait_ready

pytestmark = pytest.mark.browser

FIRST_BODY = (
    "Officials said approximately 300 troops were inside the city, according to the general staff.\n\n"
    "Critics called it a “modern-day Stalingrad” – a claim no one could check.\n"
)
SECOND_BODY = (
    "A military blogger wrote that about 200 soldiers had slipped into the centre.\n\n"
    "The regional governor said the corridor to the west was still open.\n"
)


def _shot(page, screenshot_dir, name):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{screenshot_dir}/{name}-{width}.png", full_page=True)
        assert_fits_the_screen(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def _key_item(page, phrase, category, explanation):
    drag_select(page, phrase)
    toolbar = page.locator("#annotate-toolbar")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name=re.compile(category)).click()
    expect(toolbar.locator("[data-toolbar-state]")).to_have_text(f"Saved as {category}")
    toolbar.get_by_label("Explanation").fill(explanation)
    toolbar.get_by_role("button", name="Save explanation").click()
    expect(toolbar).to_be_hidden()


def test_teacher_builds_a_lesson_keys_it_sets_it_and_sees_a_students_work(
    live_server, page, browser, login_as, teacher, classroom, student, other_teacher, screenshot_dir
):
    assert not teacher.is_staff
    factories.ArticleFactory(title="Troops enter the city", body_markdown=FIRST_BODY, owner=teacher)
    factories.ArticleFactory(title="Blogger: 200 inside", body_markdown=SECOND_BODY, owner=teacher)
    # Something in the library, for its screenshot: another teacher's lesson and the site's.
    theirs = factories.LessonFactory(owner=other_teacher, title="Flooding: three reports")
    factories.LessonArticleFactory(lesson=theirs, article=factories.ArticleFactory(title="River breaks its banks"))
    site = factories.LessonFactory(owner=None, title="Pokrovsk: four reports")
    factories.LessonArticleFactory(lesson=site, article=factories.ArticleFactory(title="The noose tightens"))
    login_as(teacher)

    # My lessons, empty: make one.
    page.goto(f"{live_server.url}/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My lessons").click()
    expect(page.get_by_role("heading", name="No lessons of your own yet")).to_be_visible()
    page.get_by_role("link", name="Make your first lesson").click()
    page.get_by_label("Title").fill("How many soldiers?")
    page.get_by_label("Introduction for students").fill("Two reports count the soldiers inside. Compare them.")
    page.get_by_role("button", name="Create lesson").click()
    expect(page.get_by_role("heading", name="How many soldiers?", level=1)).to_be_visible()
    lesson = Lesson.objects.get(title="How many soldiers?")
    assert lesson.owner == teacher

    # Add both articles (htmx swaps the list), the second first, then put them in order.
    articles = page.locator(".builder-list .builder-item-title")
    page.get_by_role("button", name="Add Blogger: 200 inside").click()
    expect(articles).to_have_text(["Blogger: 200 inside"])
    page.get_by_role("button", name="Add Troops enter the city").click()
    expect(articles).to_have_text(["Blogger: 200 inside", "Troops enter the city"])
    page.locator(".builder-item", has_text="Troops enter the city").get_by_role("button", name=re.compile("Up")).click()
    expect(articles).to_have_text(["Troops enter the city", "Blogger: 200 inside"])
    expect(page.locator(".builder-status")).to_contain_text("Moved “Troops enter the city” up.")
    page.reload()
    expect(articles).to_have_text(["Troops enter the city", "Blogger: 200 inside"])
    _shot(page, screenshot_dir, "lesson-builder")

    # Preview the second article as students will see it.
    page.get_by_role("link", name="Preview Blogger: 200 inside").click()
    expect(page.locator(".preview-note")).to_contain_text("article 2 of 2")
    expect(page.locator("#article-text")).to_contain_text("about 200 soldiers")
    page.get_by_role("link", name="Back to the lesson").click()

    # The key: an item on each article in the key mode, then a comparison across them.
    page.get_by_role("link", name="Open the key mode").click()
    wait_ready(page)
    _key_item(page, "approximately 300 troops", "Numbers", "Who counted? The staff gives no method.")
    page.get_by_role("link", name=re.compile("Article 2")).click()
    wait_ready(page)
    _key_item(page, "about 200 soldiers", "Numbers", "A blogger's figure, from the other side.")
    assert KeyItem.objects.filter(key__lesson=lesson).count() == 2
    page.get_by_role("link", name=re.compile("Comparisons across the articles")).click()
    expect(page.get_by_role("heading", name="Comparisons across the articles")).to_be_visible()
    new = page.locator(".comparison-new")
    new.get_by_label("What is compared").fill("Soldiers inside the city")
    new.get_by_label("Contradict").check()
    new.get_by_label(re.compile("approximately 300 troops")).check()
    new.get_by_role("button", name="Add the comparison").click()
    expect(page.locator(".builder-status")).to_contain_text("A comparison links at least two key items.")
    assert not KeyComparison.objects.exists()
    new = page.locator(".comparison-new")
    expect(new.get_by_label("What is compared")).to_have_value("Soldiers inside the city")  # kept after a refusal
    new.get_by_label(re.compile("about 200 soldiers")).check()
    new.get_by_label("Explanation for students").fill("300 or 200: neither says how it counted.")
    new.get_by_role("button", name="Add the comparison").click()
    expect(page.locator(".comparison-card")).to_have_count(1)
    expect(page.locator(".comparison-card")).to_contain_text("Soldiers inside the city")
    comparison = KeyComparison.objects.get()
    assert comparison.relation == "contradict" and comparison.items.count() == 2
    _shot(page, screenshot_dir, "key-comparisons")

    # Set it for the class from the builder.
    page.get_by_role("link", name="How many soldiers?").click()
    page.get_by_role("link", name=f"Set for {classroom.name}").click()
    expect(page.get_by_label("Lesson")).to_have_value(str(lesson.pk))
    page.get_by_role("button", name=re.compile("Create assignment|Set")).click()
    assignment = Assignment.objects.get(lesson=lesson, classroom=classroom)

    # My lessons and the library, for the screenshots.
    page.goto(f"{live_server.url}/lessons/")
    expect(page.locator(".lesson-card")).to_have_count(1)
    _shot(page, screenshot_dir, "my-lessons")
    page.goto(f"{live_server.url}/lessons/library/")
    expect(page.locator(".lesson-card")).to_have_count(2)
    _shot(page, screenshot_dir, "lesson-library")

    # A student highlights in it, at another computer.
    student_context = browser.new_context()
    login_context(live_server, student_context, student)
    student_page = student_context.new_page()
    student_page.goto(f"{live_server.url}/assignments/{assignment.pk}/")
    wait_ready(student_page)
    drag_select(student_page, "approximately 300 troops")
    toolbar = student_page.locator("#annotate-toolbar")
    toolbar.get_by_role("button", name=re.compile("Numbers")).click()
    expect(student_page.locator("#save-status")).to_have_text("Saved")
    student_context.close()
    assert Annotation.objects.filter(submission__assignment=assignment).count() == 1

    # The teacher sees the work; the article now cannot leave the lesson.
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/review/")
    expect(page.locator("body")).to_contain_text(student.display_name)
    expect(page.locator(".review-summary")).to_contain_text("1 in progress")
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/edit/")
    expect(page.locator(".builder-item").first).to_contain_text("students have highlighted it here")


def test_the_builders_side_panels_follow_the_first_article_and_the_owner_deletes_the_lesson(
    live_server, page, login_as, teacher, classroom, screenshot_dir
):
    lesson = factories.LessonFactory(owner=teacher, title="This week", introduction="Read both reports.")
    factories.ArticleFactory(title="Report from the front", body_markdown=FIRST_BODY, owner=teacher)
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/{lesson.pk}/edit/")
    key_panel = page.locator("#builder-key")
    expect(key_panel).to_contain_text("Add an article first")
    expect(page.locator("#builder-assign")).to_contain_text("needs at least one article")
    page.get_by_role("button", name="Add Report from the front").click()
    expect(page.locator(".builder-status")).to_contain_text("Added “Report from the front”.")
    # Without a reload: the key mode and the classes are offered at once.
    expect(key_panel.get_by_role("link", name="Open the key mode")).to_be_visible()
    expect(page.locator("#builder-assign").get_by_role("link", name=f"Set for {classroom.name}")).to_be_visible()
    _shot(page, screenshot_dir, "lesson-builder-one-article")

    page.get_by_role("link", name=re.compile("^Preview")).click()
    expect(page.locator(".lesson-intro-preview")).to_contain_text("Read both reports.")
    intro = page.locator(".lesson-intro-preview").bounding_box()
    text = page.locator("#article-text").bounding_box()
    assert abs(intro["x"] - text["x"]) <= 2, f"the introduction starts at {intro['x']}, the text at {text['x']}"
    assert intro["x"] + intro["width"] <= text["x"] + text["width"] + 2
    _shot(page, screenshot_dir, "lesson-preview-intro")
    page.get_by_role("link", name="Back to the lesson").click()

    delete = page.locator(".builder-delete")
    delete.get_by_role("button", name="Delete the lesson…").click()
    expect(delete.get_by_text("Delete “This week” for good?")).to_be_visible()
    _shot(page, screenshot_dir, "lesson-builder-delete-confirm")
    delete.get_by_role("button", name="Yes, delete it").click()
    expect(page).to_have_url(f"{live_server.url}/lessons/")
    expect(page.locator(".messages")).to_contain_text("Deleted “This week” with its key.")
    assert not Lesson.objects.filter(pk=lesson.pk).exists()


def test_the_library_and_the_builders_search_at_both_widths(
    live_server, page, login_as, teacher, other_teacher, screenshot_dir
):
    for title in ("Theirs one", "Theirs two", "Theirs three"):
        lesson = factories.LessonFactory(owner=other_teacher, title=title)
        factories.LessonArticleFactory(lesson=lesson)
    mine = factories.LessonFactory(owner=teacher, title="Mine")
    login_as(teacher)
    page.goto(f"{live_server.url}/lessons/library/")
    cards = page.locator(".lesson-card")
    expect(cards).to_have_count(3)
    tops = [round(cards.nth(i).bounding_box()["y"]) for i in range(2)]
    assert tops[0] == tops[1], f"cards in a row start at {tops}"
    _shot(page, screenshot_dir, "lesson-library")
    page.goto(f"{live_server.url}/lessons/{mine.pk}/edit/")
    search = page.get_by_label("Search articles")
    assert search.evaluate("e => getComputedStyle(e).borderTopLeftRadius") == "6px"  # the site's inputs
    _shot(page, screenshot_dir, "lesson-builder-search")
