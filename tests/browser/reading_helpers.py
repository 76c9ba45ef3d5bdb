"""Shared by the reading/review browser tests: the launch lesson, and a real mouse selection."""

from __future__ import annotations

import io

from django.core.management import call_command

from teaching.models import Lesson
from tests import factories

LAUNCH_LESSON = "Pokrovsk: four reports"

# Finds the n-th occurrence of a phrase in #article-text's textContent (across text nodes and
# existing <mark>s), scrolls it into view and returns where its first and last characters are.
_MEASURE = """([phrase, nth, rootId]) => {
  const root = document.getElementById(rootId);
  const text = root.textContent;
  let index = -1;
  for (let i = 0; i <= nth; i++) { index = text.indexOf(phrase, index + 1); if (index < 0) return null; }
  const locate = (target) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let pos = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (target < pos + n.data.length) return [n, target - pos];
      pos += n.data.length;
    }
    return null;
  };
  const [n1, o1] = locate(index);
  const [n2, o2] = locate(index + phrase.length - 1);
  n1.parentElement.scrollIntoView({block: 'center'});
  const first = document.createRange(); first.setStart(n1, o1); first.setEnd(n1, o1 + 1);
  const last = document.createRange(); last.setStart(n2, o2); last.setEnd(n2, o2 + 1);
  const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
  return {x1: a.left, y1: a.top + a.height / 2, x2: b.right, y2: b.top + b.height / 2};
}"""


def launch_assignment(classroom, *, own_copy: bool = False, **kwargs):
    """The launch lesson set for `classroom`; with `own_copy`, the class's teacher's own copy of it (whose key the
    teacher may edit: the launch lesson itself belongs to the site)."""
    call_command("load_launch_lesson", stdout=io.StringIO())
    lesson = Lesson.objects.get(title=LAUNCH_LESSON)
    if own_copy:
        from teaching.services import copy_lesson

        lesson = copy_lesson(lesson=lesson, by=classroom.teacher)
    return factories.AssignmentFactory(classroom=classroom, lesson=lesson, **kwargs)


def article_at(assignment, position: int):
    return assignment.lesson.lesson_articles.select_related("article").get(position=position).article


def drag_select(page, phrase: str, nth: int = 0, root_id: str = "article-text") -> None:
    """Select a phrase the way a person does: press on its first letter, drag to its last, release.

    ``root_id`` names the text container (the side-by-side view has one per pane)."""
    box = page.evaluate(_MEASURE, [phrase, nth, root_id])
    assert box, f"{phrase!r} is not in #{root_id}"
    page.mouse.move(box["x1"] + 1, box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"] - 1, box["y2"], steps=10)
    page.mouse.up()


def mark_texts(page, annotation_id) -> str:
    """The text drawn for one annotation: all its <mark> pieces joined."""
    return page.evaluate(
        """(id) => [...document.querySelectorAll('#article-text mark.hl')]
            .filter(m => m.dataset.annotationIds.split(' ').includes(String(id)))
            .map(m => m.textContent).join('')""",
        str(annotation_id),
    )


def wait_ready(page) -> None:
    page.wait_for_selector("#annotate-page[data-ready=true]")


def login_context(live_server, browser_context, user) -> None:
    """Log `user` into another browser context (a second person at another computer)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    browser_context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])


def assert_fits_the_screen(page) -> None:
    """Nothing makes the page scroll sideways at the current viewport width (phones included)."""
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page is {scroll_width}px wide on a {width}px screen"


def open_reading_view(page, live_server, login_as, student, assignment, position: int = 3) -> None:
    """`student` logs in and opens the reading view of the assignment's article at `position`."""
    login_as(student)
    page.goto(f"{live_server.url}/assignments/{assignment.pk}/articles/{position}/")
    wait_ready(page)


def outbox_key(setup) -> str:
    """Where the page keeps unsent highlights: per assignment and student (the same before the first save)."""
    return f"crosscheck:outbox:a{setup['assignment'].pk}-u{setup['submission'].student_id}"
