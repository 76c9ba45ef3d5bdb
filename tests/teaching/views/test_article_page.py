"""The article page's writes, whose cost does not grow with the number of highlights in the article (they
answer with one highlight and the counters), and its starts. The page object: tests/teaching/selectors/."""

import json

import pytest
from django.urls import reverse

from teaching.models import Annotation, KeyItem
from tests import factories

PHRASE = "approximately 300 troops"
HX = {"HX-Request": "true"}


def _fill(submission, article, n):
    """n highlights of five characters each, none of them on PHRASE."""
    text = article.body_text
    avoid = range(text.index(PHRASE) - 5, text.index(PHRASE) + len(PHRASE))
    starts = [i for i in range(len(text) - 6) if i not in avoid and text[i : i + 5].strip()][:n]
    Annotation.objects.bulk_create(
        Annotation(
            submission=submission, article=article, category="rhetoric", start=s, end=s + 5, exact=text[s : s + 5]
        )
        for s in starts
    )
    assert len(starts) == n


def _span(article):
    start = article.body_text.index(PHRASE)
    return {"start": start, "end": start + len(PHRASE), "exact": PHRASE}


@pytest.fixture
def long_article(db):
    """An article long enough to hold 200 separate highlights."""
    body = " ".join(f"Paragraph {i}: officials said approximately {i} units moved." for i in range(60))
    return factories.ArticleFactory(body_markdown=body + "\n\nThey counted approximately 300 troops in all.")


@pytest.fixture
def long_submission(classroom, student, long_article):
    lesson = factories.LessonFactory()
    factories.LessonArticleFactory(lesson=lesson, article=long_article, position=1)
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    return factories.SubmissionFactory(assignment=assignment, student=student)


@pytest.mark.parametrize("n", [5, 200])
def test_saving_one_highlight_costs_the_same_at_5_and_200(
    student_client, long_submission, long_article, django_assert_num_queries, n
):
    _fill(long_submission, long_article, n)
    url = reverse("teaching:annotation_create", args=[long_submission.assignment.pk, 1])
    # session, user; the service (savepoint, the one read of the work: submission locked with its assignment,
    # still in the class, the article's id at that position; the work version that keeps its kept results fresh;
    # the article's text with its latest revision's id; the client key; insert); the answer: the counts (one
    # query), the next highlight in reading order (a new highlight has no claim links to read) — the same number
    # at 5 and at 200 (was 13: the view read the submission and the article's id before the service locked it)
    with django_assert_num_queries(11):
        response = student_client.post(
            url, {"category": "numbers", "client_key": "k1", **_span(long_article)}, headers=HX
        )
    assert response.status_code == 200
    created = Annotation.objects.get(exact=PHRASE)
    html = response.content.decode()
    assert html.count('class="annotation-item') == 1 and f'id="annotation-{created.pk}"' in html
    assert 'id="annotation-region"' not in html  # never the whole list
    assert f'<span class="count-badge" id="article-highlight-count" hx-swap-oob="true">{n + 1}</span>' in html
    assert json.loads(response.headers["HX-Trigger"])["highlights-changed"]["id"] == created.pk


@pytest.mark.parametrize("n", [5, 200])
def test_saving_one_highlight_through_the_api_costs_the_same_at_5_and_200(
    student_client, long_submission, long_article, django_assert_num_queries, n
):
    _fill(long_submission, long_article, n)
    payload = {
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "numbers"}],
        "target": {
            "source": f"http://testserver/articles/{long_article.pk}/",
            "selector": [
                {"type": "TextQuoteSelector", "exact": PHRASE},
                {"type": "TextPositionSelector", **_span(long_article)},
            ],
        },
    }
    payload["target"]["selector"][1].pop("exact")
    url = reverse("teaching:api_assignment_annotations", args=[long_submission.assignment.pk])
    # session, user, assignment (+lesson, class, teacher) where the student is enrolled; the article named (if
    # in the lesson); savepoint, the one read of the work (submission locked, still in the class, the article in
    # its lesson), the work version, the article's text with its latest revision's id, the same words already
    # highlighted (one query), insert, release; the record is built from what the write returned, not read
    # again — the same number at 5 and at 200 (was 16: the lesson's article ids read first, the enrolment and
    # the submission read before the lock, and a savepoint of its own)
    with django_assert_num_queries(11):
        response = student_client.post(url, json.dumps(payload), content_type="application/ld+json")
    assert response.status_code == 201, response.content
    created = Annotation.objects.get(exact=PHRASE)
    doc = response.json()
    assert doc["id"] == response["Location"] and doc["id"].endswith(f"/api/annotations/{created.pk}/")
    assert doc["creator"]["nickname"] == long_submission.student.username


@pytest.mark.parametrize("n", [5, 200])
def test_editing_and_deleting_one_highlight_cost_the_same_at_5_and_200(
    student_client, long_submission, long_article, django_assert_num_queries, n
):
    _fill(long_submission, long_article, n)
    one = factories.annotation_for(long_submission, long_article, PHRASE)
    # session, user, the highlight (+submission, assignment, article); the service (savepoint, submission locked,
    # the work version, update); the answer: position, the counts (one query) — the same number at 5 and at 200
    with django_assert_num_queries(10):
        response = student_client.post(
            reverse("teaching:annotation_update", args=[one.pk]), {"category": "sourcing", "comment": "x"}, headers=HX
        )
    html = response.content.decode()
    assert response.status_code == 200 and html.count('class="annotation-item') == 1
    assert f'id="annotation-{one.pk}" tabindex="0" hx-swap-oob="true"' in html
    with django_assert_num_queries(11):  # …and the delete (with its cascade and the work version), at 5 and 200 alike
        response = student_client.post(reverse("teaching:annotation_delete", args=[one.pk]), headers=HX)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="annotation-item' not in html
    assert f'<div id="annotation-{one.pk}" hx-swap-oob="delete"></div>' in html


def test_a_new_highlight_goes_before_its_successor_in_reading_order(student_client, submission, article):
    later = factories.annotation_for(submission, article, "modern-day Stalingrad")
    url = reverse("teaching:annotation_create", args=[submission.assignment.pk, 1])
    response = student_client.post(url, {"category": "numbers", **_span(article)}, headers=HX)
    assert f'hx-swap-oob="beforebegin:#annotation-{later.pk}"' in response.content.decode()


def test_a_refused_write_answers_400_with_its_reason_everywhere(student_client, submission, article, teacher, lesson):
    response = student_client.post(
        reverse("teaching:annotation_create", args=[submission.assignment.pk, 1]), {"category": "x"}, headers=HX
    )
    assert response.status_code == 400
    assert 'id="panel-errors" hx-swap-oob="true"' in response.content.decode()
    assert json.loads(response.headers["HX-Trigger"])["write-refused"]["messages"]


@pytest.fixture
def long_lesson(teacher, long_article):
    lesson = factories.LessonFactory(owner=teacher)
    factories.LessonArticleFactory(lesson=lesson, article=long_article, position=1)
    return lesson


def _fill_key(lesson, article, n):
    """n key items of five characters each, none of them on PHRASE."""
    key = factories.ReferenceKeyFactory(lesson=lesson)
    text = article.body_text
    avoid = range(text.index(PHRASE) - 5, text.index(PHRASE) + len(PHRASE))
    starts = [i for i in range(len(text) - 6) if i not in avoid and text[i : i + 5].strip()][:n]
    KeyItem.objects.bulk_create(
        KeyItem(
            key=key, article=article, category="rhetoric", start=s, end=s + 5, exact=text[s : s + 5], explanation="E"
        )
        for s in starts
    )
    assert len(starts) == n
    return key


@pytest.mark.parametrize("n", [5, 200])
def test_key_mode_writes_cost_the_same_at_5_and_200(
    teacher_client, long_lesson, long_article, django_assert_num_queries, n
):
    key = _fill_key(long_lesson, long_article, n)
    # session, user, lesson (with its owner); lesson article; the write (key got or created: savepoint, select;
    # the service: the editor's mark, article in the lesson, its text with its latest revision's id, the client
    # key, the same span already there, full_clean's checks, insert); the answer: counts, the next item in
    # reading order, the suggestions (dismissals, the key's spans on the article) — the same number at 5 and at 200
    with django_assert_num_queries(19):
        response = teacher_client.post(
            reverse("teaching:key_item_create", args=[long_lesson.pk, 1]),
            {"category": "numbers", "client_key": "k1", **_span(long_article)},
            headers=HX,
        )
    html = response.content.decode()
    created = KeyItem.objects.get(exact=PHRASE)
    assert response.status_code == 200 and html.count('class="annotation-item') == 1
    assert 'id="annotation-region"' not in html and f'id="key-item-{created.pk}"' in html
    assert f'<span class="count-badge" id="article-highlight-count" hx-swap-oob="true">{n + 1}</span>' in html
    # session, user, the item (+key, lesson, article), its position; the service (savepoint, the editor's mark,
    # update); the answer: counts — and no suggestions (a change of category or explanation offers none anew)
    with django_assert_num_queries(9):
        response = teacher_client.post(
            reverse("teaching:key_item_update", args=[created.pk]),
            {"category": "sourcing", "explanation": "x"},
            headers=HX,
        )
    html = response.content.decode()
    assert response.status_code == 200 and html.count('class="annotation-item') == 1
    assert f'id="key-item-{created.pk}" tabindex="0" hx-swap-oob="true"' in html and 'id="suggestions"' not in html
    # …and the delete (its comparisons, the item), with the suggestions it may bring back
    with django_assert_num_queries(12):
        response = teacher_client.post(reverse("teaching:key_item_delete", args=[created.pk]), headers=HX)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="annotation-item' not in html
    assert f'<div id="key-item-{created.pk}" hx-swap-oob="delete"></div>' in html
    assert key.items.count() == n


@pytest.mark.parametrize("n", [5, 200])
def test_marking_one_highlight_costs_the_same_at_5_and_200(
    teacher_client, long_submission, long_article, django_assert_num_queries, n
):
    _fill(long_submission, long_article, n)
    one = factories.annotation_for(long_submission, long_article, PHRASE)
    long_submission.status = "submitted"
    long_submission.save()
    # session, user, the highlight (+submission, assignment, class); the service (savepoint, submission locked,
    # update); the answer: the entry with its key match (the article, the student's highlights on it, the key's
    # items) — the same number at 5 and at 200
    with django_assert_num_queries(10):
        response = teacher_client.post(
            reverse("teaching:annotation_mark", args=[one.pk]), {"mark": "good", "comment": "Yes"}, headers=HX
        )
    html = response.content.decode()
    assert response.status_code == 200 and html.count('class="annotation-item') == 1
    assert json.loads(response.headers["HX-Trigger"])["mark-changed"]["id"] == one.pk


# --- the first article of the lesson, one rule for every page that steps through it ------------------------

_STARTS = [
    # (start URL name, who, the page it opens, what its pk is)
    ("assignment_read", "student", "article_read", "assignment"),
    ("submission_review", "teacher", "submission_review_article", "submission"),
    ("key_start", "teacher", "key_edit", "lesson"),
    ("submission_feedback_start", "student", "submission_feedback", "assignment"),
    ("assignment_heatmap_start", "teacher", "assignment_heatmap", "assignment"),
]


def _start_pk(submission, owner):
    return {
        "assignment": submission.assignment_id,
        "submission": submission.pk,
        "lesson": submission.assignment.lesson_id,
    }[owner]


@pytest.mark.parametrize(("start", "who", "opens", "owner"), _STARTS, ids=[s[0] for s in _STARTS])
def test_every_start_opens_the_lessons_first_article_wherever_it_sits(
    client, request, submission, start, who, opens, owner
):
    lesson = submission.assignment.lesson
    lesson.lesson_articles.update(position=4)
    factories.LessonArticleFactory(lesson=lesson, position=7)
    client.force_login(request.getfixturevalue(who))
    pk = _start_pk(submission, owner)
    response = client.get(reverse(f"teaching:{start}", args=[pk]))
    assert response.status_code == 302 and response["Location"] == reverse(f"teaching:{opens}", args=[pk, 4])


@pytest.mark.parametrize(
    ("start", "who", "goes_to", "warning"),
    [
        ("assignment_read", "student", "teaching:dashboard", "This lesson has no articles yet. Ask your teacher."),
        ("submission_feedback_start", "student", "assignment", ""),
        ("key_start", "teacher", "teaching:classroom_list", "nothing to build a key on"),
        ("submission_review", "teacher", "page 1", ""),
        ("assignment_heatmap_start", "teacher", "page 1", ""),
    ],
)
def test_every_start_in_a_lesson_without_articles_says_where_to_go(
    client, request, submission, start, who, goes_to, warning
):
    submission.assignment.lesson.lesson_articles.all().delete()
    client.force_login(request.getfixturevalue(who))
    owner = next(s[3] for s in _STARTS if s[0] == start)
    pk = _start_pk(submission, owner)
    response = client.get(reverse(f"teaching:{start}", args=[pk]))
    assert response.status_code == 302
    if goes_to == "page 1":  # the page itself answers that there is no such article
        opens = next(s[2] for s in _STARTS if s[0] == start)
        assert response["Location"] == reverse(f"teaching:{opens}", args=[pk, 1])
        assert client.get(response["Location"]).status_code == 404
    elif goes_to == "assignment":
        assert response["Location"] == reverse("teaching:assignment_read", args=[pk])
    else:
        assert response["Location"] == reverse(goes_to)
    shown = [str(m) for m in response.wsgi_request._messages]
    assert (warning in shown[0]) if warning else not shown
