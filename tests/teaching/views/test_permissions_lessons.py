"""Lessons and keys owned by someone else: read, assign and copy are allowed; edit and delete are refused.

One table over (request, whose lesson, role, expected status). `mine` belongs to `teacher`, `theirs` to
`other_teacher`, `site` to nobody (like the launch lesson). `teacher` has set all three for their class: setting a
lesson gives no right to change it or its key.
"""

import pytest
from django.urls import reverse

from teaching import services
from teaching.models import KeyComparison, KeyItem, Lesson, LessonArticle
from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
PHRASE = "approximately 300 troops"
ROLES = ["anonymous", "student", "teacher", "other_teacher", "admin_user"]


def _lesson(owner, title):
    lesson = factories.LessonFactory(owner=owner, title=title)
    factories.LessonArticleFactory(lesson=lesson, article=factories.ArticleFactory(title=f"{title} article"))
    factories.LessonArticleFactory(lesson=lesson, article=factories.ArticleFactory(title=f"{title} second"), position=2)
    key = services.get_or_create_key(lesson)
    article = lesson.lesson_articles.get(position=1).article
    first = factories.key_item_for(key, article, PHRASE, explanation="Original")
    second = factories.key_item_for(key, article, "modern-day Stalingrad", category="rhetoric", explanation="Original")
    comparison = KeyComparison.objects.create(key=key, title="Original", relation="agree", explanation="Original")
    comparison.items.set([first, second])
    return {"lesson": lesson, "item": first, "comparison": comparison}


@pytest.fixture
def world(teacher, other_teacher, classroom, student):
    lessons = {
        "mine": _lesson(teacher, "Mine"),
        "theirs": _lesson(other_teacher, "Theirs"),
        "site": _lesson(None, "Site"),
    }
    for entry in lessons.values():
        factories.AssignmentFactory(classroom=classroom, lesson=entry["lesson"])
    return lessons


def _span(article, phrase="Officials said"):
    start = article.body_text.index(phrase)
    return {"category": "sourcing", "start": start, "end": start + len(phrase), "exact": phrase}


OWNERS = {"mine": "teacher", "theirs": "other_teacher", "site": None}

# (method, url name, args from an entry of the world, data, status for the owner and admins). Everyone else who is
# logged in gets 404 (not 403), as everywhere a teacher reaches for what is not theirs; anonymous: the login page.
EDITS = [
    ("get", "teaching:key_start", lambda e: [e["lesson"].pk], None, 302),
    ("get", "teaching:key_edit", lambda e: [e["lesson"].pk, 1], None, 200),
    (
        "post",
        "teaching:key_item_create",
        lambda e: [e["lesson"].pk, 1],
        lambda e: _span(e["lesson"].lesson_articles.get(position=1).article),
        302,
    ),
    ("post", "teaching:key_item_update", lambda e: [e["item"].pk], lambda e: {"explanation": "Rewritten"}, 302),
    ("post", "teaching:key_item_delete", lambda e: [e["item"].pk], None, 302),
]

CASES = [
    pytest.param(
        method,
        name,
        args,
        data,
        whose,
        role,
        "login" if role == "anonymous" else ok if role in ("admin_user", OWNERS[whose]) else 404,
        id=f"{name.split(':')[1]}-{whose}-{role}",
    )
    for method, name, args, data, ok in EDITS
    for whose in OWNERS
    for role in ROLES
]


def _key_rows():
    return sorted(KeyItem.objects.values_list("pk", "explanation", "category"))


@pytest.mark.parametrize(("method", "name", "args", "data", "whose", "role", "expected"), CASES)
def test_key_writes_and_the_key_mode_are_for_the_owner_and_admins(
    client, request, world, method, name, args, data, whose, role, expected
):
    entry = world[whose]
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    before = _key_rows()
    response = getattr(client, method)(reverse(name, args=args(entry)), data(entry) if data else {})
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected
    if method == "get" or expected in ("login", 404):
        assert _key_rows() == before  # a refused request changes nothing
    else:
        assert _key_rows() != before


@pytest.mark.parametrize("whose", ["mine", "theirs", "site"])
def test_any_teacher_may_assign_any_lesson_to_their_own_class(client, world, teacher, classroom, whose):
    client.force_login(teacher)
    response = client.post(
        reverse("teaching:assignment_create", args=[classroom.pk]),
        {"lesson": world[whose]["lesson"].pk, "categories": ["numbers"], "feedback_timing": "on_submit"},
    )
    assert response.status_code == 302
    assert classroom.assignments.filter(lesson=world[whose]["lesson"]).count() == 2


@pytest.mark.parametrize("whose", ["theirs", "site"])
def test_setting_someone_elses_lesson_shows_its_key_as_read_only(client, world, teacher, classroom, whose):
    client.force_login(teacher)
    assignment = classroom.assignments.get(lesson=world[whose]["lesson"])
    page = client.get(reverse("teaching:assignment_review", args=[assignment.pk])).content.decode()
    assert reverse("teaching:key_start", args=[assignment.lesson_id]) not in page
    assert "which you can read but not change" in page
    mine = classroom.assignments.get(lesson=world["mine"]["lesson"])
    page = client.get(reverse("teaching:assignment_review", args=[mine.pk])).content.decode()
    assert reverse("teaching:key_start", args=[mine.lesson_id]) in page


def test_the_articles_of_a_lesson_are_untouched_by_refused_requests(client, world, teacher):
    before = sorted(LessonArticle.objects.values_list("lesson_id", "article_id", "position"))
    client.force_login(teacher)
    for whose in ("theirs", "site"):
        client.post(reverse("teaching:key_item_delete", args=[world[whose]["item"].pk]))
    assert sorted(LessonArticle.objects.values_list("lesson_id", "article_id", "position")) == before
    assert KeyItem.objects.count() == 6


# --- The lesson pages: My lessons, the builder, the library ----------------------------------------------------

TEACHER_PAGE = {"student": 403, "teacher": 200, "other_teacher": 200, "admin_user": 403}


def _extra_article(world):
    """An article of the library that none of the three lessons has yet."""
    article = factories.ArticleFactory(title="Extra")
    factories.LessonArticleFactory(lesson=factories.LessonFactory(owner=None, title="Elsewhere"), article=article)
    return article


# (method, url name, args, data, status for the owner, status for another teacher)
LESSON_REQUESTS = [
    ("get", "teaching:lesson_detail", lambda w, e: [e["lesson"].pk], None, 200, 200),
    ("get", "teaching:lesson_article_preview", lambda w, e: [e["lesson"].pk, 1], None, 200, 200),
    ("post", "teaching:lesson_copy", lambda w, e: [e["lesson"].pk], None, 302, 302),
    ("get", "teaching:lesson_edit", lambda w, e: [e["lesson"].pk], None, 200, 404),
    ("post", "teaching:lesson_edit", lambda w, e: [e["lesson"].pk], lambda w, e: {"title": "Taken over"}, 302, 404),
    (
        "post",
        "teaching:lesson_article_add",
        lambda w, e: [e["lesson"].pk],
        lambda w, e: {"article": _extra_article(w).pk},
        302,
        404,
    ),
    (
        "post",
        "teaching:lesson_article_move",
        lambda w, e: [e["lesson"].lesson_articles.get(position=1).pk],
        lambda w, e: {"direction": "down"},
        302,
        404,
    ),
    (
        "post",
        "teaching:lesson_article_remove",
        lambda w, e: [e["lesson"].lesson_articles.get(position=2).pk],
        None,
        302,
        404,
    ),
]


def _lesson_expected(role, whose, for_owner, for_others):
    if role == "anonymous":
        return "login"
    if role in ("student", "admin_user"):
        return 403  # teacher pages; admins change lessons in the admin
    return for_owner if role == OWNERS[whose] else for_others


LESSON_CASES = [
    pytest.param(
        method,
        name,
        args,
        data,
        whose,
        role,
        _lesson_expected(role, whose, for_owner, for_others),
        id=f"{method}-{name.split(':')[1]}-{whose}-{role}",
    )
    for method, name, args, data, for_owner, for_others in LESSON_REQUESTS
    for whose in OWNERS
    for role in ROLES
]


def _lesson_rows():
    lessons = sorted(Lesson.objects.values_list("pk", "title", "introduction", "owner_id"))
    return lessons, sorted(LessonArticle.objects.values_list("lesson_id", "article_id", "position"))


@pytest.mark.parametrize(("method", "name", "args", "data", "whose", "role", "expected"), LESSON_CASES)
def test_lesson_pages_read_and_copy_for_every_teacher_edit_only_for_the_owner(
    client, request, world, method, name, args, data, whose, role, expected
):
    entry = world[whose]
    url = reverse(name, args=args(world, entry))
    payload = data(world, entry) if data else {}
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    before = _lesson_rows()
    response = getattr(client, method)(url, payload)
    if expected == "login":
        assert response.status_code == 302 and response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == expected
    if method == "get" or expected in ("login", 403, 404):
        assert _lesson_rows() == before  # a refused request changes nothing
    elif name != "teaching:lesson_copy":
        assert _lesson_rows() != before
    else:  # a copy adds the copier's lesson; the original is as it was
        assert Lesson.objects.filter(copied_from=entry["lesson"], owner=request.getfixturevalue(role)).count() == 1
        assert [row for row in _lesson_rows()[0] if row[0] == entry["lesson"].pk] == [
            row for row in before[0] if row[0] == entry["lesson"].pk
        ]


@pytest.mark.parametrize("name", ["teaching:lesson_list", "teaching:lesson_create", "teaching:lesson_library"])
@pytest.mark.parametrize("role", ROLES)
def test_my_lessons_and_the_library_are_teacher_pages(client, request, world, name, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(name))
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(f"{LOGIN}?next=")
    else:
        assert response.status_code == TEACHER_PAGE[role]
