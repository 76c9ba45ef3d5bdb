"""Every URL of the site × every persona: the status each one gets, and a refusal changes nothing.

A URL pattern without a row here fails ``test_every_url_pattern_has_a_row``: a new page or endpoint is
not done until this table says who may use it. The personas:

* ``student`` — Sam, in the class, with work in progress (the owner of the objects named below);
* ``classmate`` — Riya, in the same class, with work of her own;
* ``outsider`` — a student in no class;
* ``removed_student`` — Rami, who was in the class and has work in it, but whose enrolment has ended: he
  keeps his work (the teacher still sees it) but may not open the class's material or change anything;
* ``teacher`` — the class's teacher; ``other_teacher`` — teaches another class (of the same lesson);
* ``admin_user`` — staff; ``anonymous`` — not logged in.

Rows that target the removed student's own objects (``removed_*``) check the rule from his side.
"""

from __future__ import annotations

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from teaching import models
from teaching.converters import IdConverter
from tests import factories

PERSONAS = [
    "anonymous",
    "student",
    "classmate",
    "outsider",
    "removed_student",
    "teacher",
    "other_teacher",
    "admin_user",
]
PHRASE = "approximately 300 troops"
OTHER_PHRASE = "modern-day Stalingrad"
LOGIN = "login"  # expected: a redirect to the login page
ADMIN_LOGIN = "admin-login"  # expected: the admin's own redirect to its login (staff-only pages)
REFUSED = {401, 403, 404, 405, LOGIN, ADMIN_LOGIN}


@pytest.fixture
def world(db, teacher, classroom, student, other_student, removed_student, other_teacher, admin_user):
    first, second = factories.ArticleFactory(title="First report"), factories.ArticleFactory(title="Second report")
    lesson = factories.LessonFactory(title="Two reports", owner=teacher)  # the key is the owner's
    factories.LessonArticleFactory(lesson=lesson, article=first, position=1)
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    theirs = factories.ClassroomFactory(teacher=other_teacher)
    their_assignment = factories.AssignmentFactory(classroom=theirs, lesson=lesson)
    key = factories.ReferenceKeyFactory(lesson=lesson)
    key_item = factories.key_item_for(key, first, PHRASE)
    own_article = factories.ArticleFactory(title="The teacher's own report", owner=teacher)
    key_comparison = models.KeyComparison.objects.create(key=key, title="Troops", relation="agree", explanation="E")
    key_comparison.items.set([key_item, factories.key_item_for(key, second, PHRASE)])

    def work(who, status="in_progress"):
        submission = factories.SubmissionFactory(assignment=assignment, student=who, status=status)
        one = factories.annotation_for(submission, first, PHRASE, counted="troops inside")
        two = factories.annotation_for(submission, second, PHRASE, counted="troops inside")
        comparison = models.Comparison.objects.create(submission=submission, relation="agree")
        comparison.annotations.set([one, two])
        return submission, one, two, comparison

    submission, annotation, second_annotation, comparison = work(student)
    work(other_student)
    # Rami's work was made while he was in the class; the removed_student fixture ended his enrolment.
    r_submission, r_annotation, r_second, r_comparison = work(removed_student)
    return {
        "anonymous": None,
        "student": student,
        "classmate": other_student,
        "outsider": factories.StudentFactory(username="outsider"),
        "removed_student": removed_student,
        "teacher": teacher,
        "other_teacher": other_teacher,
        "admin_user": admin_user,
        "objects": {
            "classroom": classroom.pk,
            "their_classroom": theirs.pk,
            "assignment": assignment.pk,
            "their_assignment": their_assignment.pk,
            "lesson": lesson.pk,
            "article": first.pk,
            "own_article": own_article.pk,
            "submission": submission.pk,
            "annotation": annotation.pk,
            "second_annotation": second_annotation.pk,
            "comparison": comparison.pk,
            "removed_submission": r_submission.pk,
            "removed_annotation": r_annotation.pk,
            "removed_second_annotation": r_second.pk,
            "removed_comparison": r_comparison.pk,
            "key_item": key_item.pk,
            "lesson_article": lesson.lesson_articles.get(position=1).pk,
            "key_comparison": key_comparison.pk,
        },
        "articles": {"first": first, "second": second},
    }


def _span(article, phrase=OTHER_PHRASE) -> dict:
    start = article.body_text.index(phrase)
    return {"start": start, "end": start + len(phrase), "exact": phrase}


def _w3c(world, request_host="testserver") -> dict:
    article = world["articles"]["first"]
    span = _span(article)
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "highlighting",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "rhetoric"}],
        "target": {
            "source": f"http://{request_host}{reverse('articles:article_detail', args=[article.pk])}",
            "selector": [
                {"type": "TextPositionSelector", "start": span["start"], "end": span["end"]},
                {"type": "TextQuoteSelector", "exact": span["exact"]},
            ],
        },
    }


# Expected statuses, by persona, in PERSONAS order. "login" = redirected to the login page.
def _row(*statuses):
    assert len(statuses) == len(PERSONAS)
    return dict(zip(PERSONAS, statuses, strict=True))


#                     anon   student classmt outsider removed teacher  other_t admin
STUDENT_PAGE = _row(LOGIN, 200, 200, 404, 404, 404, 404, 404)  # a page of the assignment, for its students
STUDENT_REDIRECT = _row(LOGIN, 302, 302, 404, 404, 404, 404, 404)
OWN_WRITE = _row(LOGIN, 302, 404, 404, 404, 404, 404, 404)  # a write to Sam's own objects
REMOVED_OWN = _row(LOGIN, 404, 404, 404, 404, 404, 404, 404)  # Rami's objects: nobody may change them
TEACHER_PAGE = _row(LOGIN, 404, 404, 404, 404, 200, 404, 404)
TEACHER_PAGE_403 = _row(LOGIN, 403, 403, 403, 403, 200, 404, 403)  # teacher-only pages (role check first)
LIBRARY_PAGE = _row(LOGIN, 403, 403, 403, 403, 200, 200, 200)  # articles: teachers and admins, never students

# (method, url name, {url kwarg: object key or literal}, data, expected)
ROWS = [
    # Site and accounts ------------------------------------------------------------------------------
    ("get", "home", {}, None, _row(302, 302, 302, 302, 302, 302, 302, 302)),
    ("get", "login", {}, None, _row(200, 200, 200, 200, 200, 200, 200, 200)),
    ("post", "logout", {}, {}, _row(302, 302, 302, 302, 302, 302, 302, 302)),
    ("get", "password_change", {}, None, _row(LOGIN, 200, 200, 200, 200, 200, 200, 200)),
    ("get", "password_change_done", {}, None, _row(LOGIN, 200, 200, 200, 200, 200, 200, 200)),
    ("get", "teaching:student_signup", {}, None, _row(200, 302, 302, 302, 302, 302, 302, 302)),
    ("get", "teaching:classroom_join", {}, None, _row(LOGIN, 200, 200, 200, 200, 403, 403, 403)),
    # Articles -------------------------------------------------------------------------------------------
    ("get", "articles:article_detail", {"pk": "article"}, None, _row(LOGIN, 200, 200, 404, 404, 200, 200, 200)),
    # Teachers' article library: teachers and admins read every article; each teacher edits only their own.
    ("get", "articles:article_list", {}, None, LIBRARY_PAGE),
    ("get", "articles:article_create", {}, None, LIBRARY_PAGE),
    ("post", "articles:article_create", {}, {}, LIBRARY_PAGE),  # nothing to import: the add page again
    ("get", "articles:article_preview", {"pk": "article"}, None, LIBRARY_PAGE),
    ("get", "articles:article_preview", {"pk": "own_article"}, None, LIBRARY_PAGE),
    ("get", "articles:article_edit", {"pk": "own_article"}, None, _row(LOGIN, 403, 403, 403, 403, 200, 403, 200)),
    ("post", "articles:article_edit", {"pk": "own_article"}, {}, _row(LOGIN, 403, 403, 403, 403, 200, 403, 200)),
    ("get", "articles:article_edit", {"pk": "article"}, None, _row(LOGIN, 403, 403, 403, 403, 403, 403, 200)),
    ("post", "articles:article_edit", {"pk": "article"}, {}, _row(LOGIN, 403, 403, 403, 403, 403, 403, 200)),
    # The student's reading view -------------------------------------------------------------------------
    ("get", "teaching:dashboard", {}, None, _row(LOGIN, 200, 200, 200, 200, 403, 403, 403)),
    ("get", "teaching:assignment_read", {"pk": "assignment"}, None, STUDENT_REDIRECT),
    ("get", "teaching:article_read", {"pk": "assignment", "position": 1}, None, STUDENT_PAGE),
    ("post", "teaching:annotation_create", {"pk": "assignment", "position": 1}, "new_highlight", STUDENT_REDIRECT),
    ("post", "teaching:annotation_update", {"pk": "annotation"}, {"comment": "changed"}, OWN_WRITE),
    ("post", "teaching:annotation_update", {"pk": "removed_annotation"}, {"comment": "changed"}, REMOVED_OWN),
    ("post", "teaching:annotation_delete", {"pk": "annotation"}, {}, OWN_WRITE),
    ("post", "teaching:annotation_delete", {"pk": "removed_annotation"}, {}, REMOVED_OWN),
    ("get", "teaching:annotation_edit", {"pk": "annotation"}, None, _row(LOGIN, 200, 404, 404, 404, 404, 404, 404)),
    ("get", "teaching:annotation_edit", {"pk": "removed_annotation"}, None, REMOVED_OWN),
    ("post", "teaching:submission_submit", {"pk": "assignment"}, {}, STUDENT_REDIRECT),
    # Claims, the ledger, side by side -------------------------------------------------------------------
    ("post", "teaching:claim_update", {"pk": "annotation"}, {"counted": "soldiers"}, OWN_WRITE),
    ("post", "teaching:claim_update", {"pk": "removed_annotation"}, {"counted": "soldiers"}, REMOVED_OWN),
    ("post", "teaching:comparison_create", {"pk": "assignment"}, "link", STUDENT_REDIRECT),
    ("post", "teaching:comparison_update", {"pk": "comparison"}, {"relation": "contradict"}, OWN_WRITE),
    ("post", "teaching:comparison_update", {"pk": "removed_comparison"}, {"relation": "contradict"}, REMOVED_OWN),
    ("post", "teaching:comparison_delete", {"pk": "comparison"}, {}, OWN_WRITE),
    ("post", "teaching:comparison_delete", {"pk": "removed_comparison"}, {}, REMOVED_OWN),
    ("get", "teaching:numbers_ledger", {"pk": "assignment"}, None, STUDENT_PAGE),
    ("get", "teaching:article_compare_pick", {"pk": "assignment"}, None, STUDENT_PAGE),
    ("get", "teaching:article_compare", {"pk": "assignment", "left": 1, "right": 2}, None, STUDENT_PAGE),
    ("get", "teaching:submission_ledger", {"pk": "submission"}, None, TEACHER_PAGE),
    ("get", "teaching:submission_ledger", {"pk": "removed_submission"}, None, TEACHER_PAGE),
    # Feedback (Sam's work is in progress: he is sent back to the reading view with a message) -----------
    ("get", "teaching:submission_feedback_start", {"pk": "assignment"}, None, STUDENT_REDIRECT),
    ("get", "teaching:submission_feedback", {"pk": "assignment", "position": 1}, None, STUDENT_REDIRECT),
    # Exports and the W3C API ----------------------------------------------------------------------------
    ("get", "teaching:export_my_work_csv", {"pk": "assignment"}, None, STUDENT_PAGE),
    ("get", "teaching:export_my_work_jsonld", {"pk": "assignment"}, None, STUDENT_PAGE),
    ("get", "teaching:export_assignment_csv", {"pk": "assignment"}, None, TEACHER_PAGE),
    ("get", "teaching:export_assignment_jsonld", {"pk": "assignment"}, None, TEACHER_PAGE),
    (
        "get",
        "teaching:api_assignment_annotations",
        {"pk": "assignment"},
        None,
        _row(403, 200, 200, 404, 404, 200, 404, 404),
    ),
    (
        "api-post",
        "teaching:api_assignment_annotations",
        {"pk": "assignment"},
        "w3c",
        _row(403, 201, 201, 404, 404, 403, 404, 404),
    ),
    ("get", "teaching:api_annotation", {"pk": "annotation"}, None, _row(403, 200, 404, 404, 404, 200, 404, 404)),
    (
        "get",
        "teaching:api_annotation",
        {"pk": "removed_annotation"},
        None,
        _row(403, 404, 404, 404, 404, 200, 404, 404),
    ),
    (
        "api-patch",
        "teaching:api_annotation",
        {"pk": "annotation"},
        {"body": [{"type": "TextualBody", "purpose": "commenting", "value": "changed"}]},
        _row(403, 200, 404, 404, 404, 403, 404, 404),
    ),
    (
        "api-patch",
        "teaching:api_annotation",
        {"pk": "removed_annotation"},
        {"body": [{"type": "TextualBody", "purpose": "commenting", "value": "changed"}]},
        _row(403, 404, 404, 404, 404, 403, 404, 404),
    ),
    ("api-delete", "teaching:api_annotation", {"pk": "annotation"}, None, _row(403, 204, 404, 404, 404, 403, 404, 404)),
    (
        "api-delete",
        "teaching:api_annotation",
        {"pk": "removed_annotation"},
        None,
        _row(403, 404, 404, 404, 404, 403, 404, 404),
    ),
    # The teacher's classes and review -------------------------------------------------------------------
    ("get", "teaching:classroom_list", {}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    ("get", "teaching:classroom_create", {}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    ("get", "teaching:classroom_detail", {"pk": "classroom"}, None, TEACHER_PAGE_403),
    (
        "post",
        "teaching:classroom_join_code_regenerate",
        {"pk": "classroom"},
        {},
        _row(LOGIN, 403, 403, 403, 403, 302, 404, 403),
    ),
    ("post", "teaching:classroom_student_add", {"pk": "classroom"}, {}, _row(LOGIN, 403, 403, 403, 403, 200, 404, 403)),
    ("get", "teaching:assignment_create", {"pk": "classroom"}, None, TEACHER_PAGE_403),
    ("get", "teaching:assignment_review", {"pk": "assignment"}, None, TEACHER_PAGE_403),
    ("get", "teaching:submission_review", {"pk": "submission"}, None, _row(LOGIN, 404, 404, 404, 404, 302, 404, 404)),
    (
        "get",
        "teaching:submission_review",
        {"pk": "removed_submission"},
        None,
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 404),
    ),
    ("get", "teaching:submission_review_article", {"pk": "submission", "position": 1}, None, TEACHER_PAGE),
    ("get", "teaching:submission_review_article", {"pk": "removed_submission", "position": 1}, None, TEACHER_PAGE),
    (
        "post",
        "teaching:annotation_mark",
        {"pk": "annotation"},
        {"mark": "good"},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 404),
    ),
    (
        "post",
        "teaching:submission_return",
        {"pk": "submission"},
        {"feedback": "x"},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 404),
    ),
    ("get", "teaching:annotation_reattach", {"pk": "annotation"}, None, _row(LOGIN, 404, 404, 404, 404, 302, 404, 302)),
    # The class on the text -------------------------------------------------------------------------------
    (
        "get",
        "teaching:assignment_heatmap_start",
        {"pk": "assignment"},
        None,
        _row(LOGIN, 403, 403, 403, 403, 302, 404, 403),
    ),
    ("get", "teaching:assignment_heatmap", {"pk": "assignment", "position": 1}, None, TEACHER_PAGE_403),
    ("get", "teaching:assignment_key_items", {"pk": "assignment"}, None, TEACHER_PAGE_403),
    ("get", "teaching:submission_scores", {"pk": "submission"}, None, TEACHER_PAGE_403),
    ("get", "teaching:submission_scores", {"pk": "removed_submission"}, None, TEACHER_PAGE_403),
    # The reference key -------------------------------------------------------------------------------
    ("get", "teaching:key_start", {"pk": "lesson"}, None, _row(LOGIN, 404, 404, 404, 404, 302, 404, 302)),
    ("get", "teaching:key_edit", {"pk": "lesson", "position": 1}, None, _row(LOGIN, 404, 404, 404, 404, 200, 404, 200)),
    (
        "post",
        "teaching:key_item_create",
        {"pk": "lesson", "position": 1},
        {},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 302),
    ),
    (
        "post",
        "teaching:key_suggestion_accept",
        {"pk": "lesson", "position": 1},
        {},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 302),
    ),
    (
        "post",
        "teaching:key_suggestion_dismiss",
        {"pk": "lesson", "position": 1},
        {},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 302),
    ),
    ("post", "teaching:key_item_update", {"pk": "key_item"}, {}, _row(LOGIN, 404, 404, 404, 404, 302, 404, 302)),
    ("post", "teaching:key_item_delete", {"pk": "key_item"}, {}, _row(LOGIN, 404, 404, 404, 404, 302, 404, 302)),
    # The key's comparisons across articles (the lesson's owner and admins) -----------------------------------
    ("get", "teaching:key_comparisons", {"pk": "lesson"}, None, _row(LOGIN, 404, 404, 404, 404, 200, 404, 200)),
    (
        "post",
        "teaching:key_comparison_create",
        {"pk": "lesson"},
        {},
        _row(LOGIN, 404, 404, 404, 404, 400, 404, 400),
    ),
    (
        "post",
        "teaching:key_comparison_update",
        {"pk": "key_comparison"},
        {"title": "Changed"},
        _row(LOGIN, 404, 404, 404, 404, 400, 404, 400),
    ),
    (
        "post",
        "teaching:key_comparison_delete",
        {"pk": "key_comparison"},
        {},
        _row(LOGIN, 404, 404, 404, 404, 302, 404, 302),
    ),
    # My lessons, the builder, the library (the lesson is the teacher's; other teachers read and copy it) ---------
    ("get", "teaching:lesson_list", {}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    ("get", "teaching:lesson_create", {}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    ("get", "teaching:lesson_library", {}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    ("get", "teaching:lesson_detail", {"pk": "lesson"}, None, _row(LOGIN, 403, 403, 403, 403, 200, 200, 403)),
    (
        "get",
        "teaching:lesson_article_preview",
        {"pk": "lesson", "position": 1},
        None,
        _row(LOGIN, 403, 403, 403, 403, 200, 200, 403),
    ),
    ("post", "teaching:lesson_copy", {"pk": "lesson"}, {}, _row(LOGIN, 403, 403, 403, 403, 302, 302, 403)),
    ("get", "teaching:lesson_edit", {"pk": "lesson"}, None, _row(LOGIN, 403, 403, 403, 403, 200, 404, 403)),
    # The owner's delete is refused with a message here (students have work in it); an admin is refused too.
    ("post", "teaching:lesson_delete", {"pk": "lesson"}, {}, _row(LOGIN, 403, 403, 403, 403, 302, 404, 403)),
    ("post", "teaching:lesson_article_add", {"pk": "lesson"}, {}, _row(LOGIN, 403, 403, 403, 403, 302, 404, 403)),
    (
        "post",
        "teaching:lesson_article_move",
        {"pk": "lesson_article"},
        {"direction": "down"},
        _row(LOGIN, 403, 403, 403, 403, 302, 404, 403),
    ),
    (
        "post",
        "teaching:lesson_article_remove",
        {"pk": "lesson_article"},
        {},
        _row(LOGIN, 403, 403, 403, 403, 302, 404, 403),
    ),
]


def _url(name: str, kwargs: dict, objects: dict) -> str:
    return reverse(name, kwargs={k: objects.get(v, v) if isinstance(v, str) else v for k, v in kwargs.items()})


def _data(data, world, who):
    if data == "new_highlight":
        return {"category": "rhetoric", **_span(world["articles"]["first"])}
    if data == "link":
        user = world[who]
        ids = list(
            models.Annotation.objects.filter(submission__student=user).values_list("pk", flat=True)
            if user is not None
            else []
        )
        return {"annotations": ids, "relation": "contradict"}
    if data == "w3c":
        return _w3c(world)
    return data


def _snapshot() -> dict:
    """Everything a refused request must leave as it was."""
    return {
        "submissions": list(models.Submission.objects.order_by("pk").values_list("pk", "status", "feedback")),
        "annotations": list(
            models.Annotation.objects.order_by("pk").values_list("pk", "category", "comment", "counted", "teacher_mark")
        ),
        "comparisons": list(models.Comparison.objects.order_by("pk").values_list("pk", "relation", "note")),
        "links": list(models.Comparison.annotations.through.objects.order_by("pk").values_list("pk")),
        "key_items": list(models.KeyItem.objects.order_by("pk").values_list("pk", "category", "explanation")),
        "key_comparisons": list(models.KeyComparison.objects.order_by("pk").values_list("pk", "title", "relation")),
        "enrolments": list(models.Enrollment.objects.order_by("pk").values_list("pk")),
        "lessons": list(models.Lesson.objects.order_by("pk").values_list("pk", "title", "owner_id")),
        "lesson_articles": list(models.LessonArticle.objects.order_by("pk").values_list("pk", "lesson_id", "position")),
        "classes": list(models.Classroom.objects.order_by("pk").values_list("pk", "join_code")),
        "users": models.User.objects.count(),
    }


def _request(client, method: str, url: str, data):
    if method == "get":
        return client.get(url)
    if method == "post":
        return client.post(url, data or {})
    http = method.removeprefix("api-")
    if data is None:
        return getattr(client, http)(url)
    return getattr(client, http)(url, json.dumps(data), content_type="application/ld+json")


CASES = [
    pytest.param(
        method,
        name,
        kwargs,
        data,
        who,
        expected[who],
        id=f"{method}-{name}-{'-'.join(map(str, kwargs.values()))}-{who}",
    )
    for method, name, kwargs, data, expected in ROWS
    for who in PERSONAS
]


@pytest.mark.parametrize(("method", "name", "kwargs", "data", "who", "expected"), CASES)
def test_persona_gets_the_expected_answer(client, world, method, name, kwargs, data, who, expected):
    if world[who] is not None:
        client.force_login(world[who])
    url = _url(name, kwargs, world["objects"])
    before = _snapshot()
    response = _request(client, method, url, _data(data, world, who))
    if expected in (LOGIN, ADMIN_LOGIN):
        assert response.status_code == 302, response.status_code
        login = reverse("login") if expected == LOGIN else reverse("admin:login")
        assert response["Location"].startswith(login + "?next=")
    else:
        assert response.status_code == expected
    if expected in REFUSED:
        assert _snapshot() == before, "a refused request changed something"


def _url_patterns(patterns, namespace=""):
    """(name, pattern) of every URL pattern of the site outside the Django admin."""
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":  # the Django admin checks staff itself (tests/teaching/admin/)
                continue
            yield from _url_patterns(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
        elif isinstance(p, URLPattern):
            yield f"{namespace}{p.name}", p


def _url_names(patterns):
    return (name for name, _ in _url_patterns(patterns))


def test_every_url_pattern_has_a_row():
    covered = {name for _, name, *_ in ROWS}
    missing = sorted(set(_url_names(get_resolver().url_patterns)) - covered)
    assert not missing, f"URL patterns without a row in this table: {missing}"


def test_every_row_names_a_real_url():
    names = set(_url_names(get_resolver().url_patterns))
    assert {name for _, name, *_ in ROWS} <= names


@pytest.mark.parametrize("who", ["student", "teacher"])
def test_an_id_no_database_integer_can_hold_is_not_found_not_an_error(world, who):
    """A URL typed or cut with an id of 25 digits: a 404 (or a refusal), never a server error (SQLite refuses
    such a number outright: teaching/converters.py stops it at the URL)."""
    from django.test import Client

    browser = Client(raise_request_exception=False)
    browser.force_login(world[who])
    checked = 0
    for name, pattern in _url_patterns(get_resolver().url_patterns):
        converters = pattern.pattern.converters
        ints = [k for k, c in converters.items() if isinstance(c, IdConverter)]
        if not ints or len(ints) != len(converters):
            continue  # only the patterns that take nothing but ids
        url = reverse(name, kwargs={k: 987654321 for k in ints}).replace("987654321", str(10**25))
        for answer in (browser.get(url), browser.post(url, {"body": "x"})):
            assert answer.status_code < 500, f"{url}: {answer.status_code}"
        checked += 1
    assert checked >= 30
