import pytest
from django.urls import reverse
from django.utils import timezone

from teaching.models import Submission
from tests import factories

pytestmark = pytest.mark.django_db


def _url(assignment):
    return reverse("teaching:assignment_review", args=[assignment.pk])


def test_review_page_shows_summary_table_and_open_links(teacher_client, classroom, student, other_student, assignment):
    submitted = factories.SubmissionFactory(
        assignment=assignment, student=student, status=Submission.Status.SUBMITTED, submitted_at=timezone.now()
    )
    response = teacher_client.get(_url(assignment))
    text = response.text
    assert "<strong>1 of 2</strong> submitted" in text
    assert "1 not started" in text
    assert assignment.lesson.title in text and assignment.instructions in text
    assert reverse("teaching:submission_review", args=[submitted.pk]) in text
    assert text.count(">Open<span") == 1  # riya has not started: nothing to open
    for heading in ("Rhetoric", "Sourcing", "Numbers", "Total"):
        assert f'<th scope="col" class="num">{heading}</th>' in text
    assert '<span class="status status-not_started">Not started</span>' in text


def test_review_page_hides_columns_for_categories_not_in_play(teacher_client, classroom, lesson, student):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson, categories=["numbers"])
    response = teacher_client.get(_url(assignment))
    assert '<th scope="col" class="num">Numbers</th>' in response.text
    assert '<th scope="col" class="num">Rhetoric</th>' not in response.text


def test_review_page_empty_class(teacher_client, assignment):
    response = teacher_client.get(_url(assignment))
    assert "No students in this class yet" in response.text


@pytest.mark.parametrize("size", [3, 30])
def test_review_query_count_is_constant(teacher_client, classroom, lesson, article, size, django_assert_num_queries):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    for i in range(size):
        s = factories.EnrollmentFactory(classroom=classroom).student
        if i % 3:
            sub = factories.SubmissionFactory(assignment=assignment, student=s)
            factories.annotation_for(sub, article, "300")
    # session, user, assignment (+lesson, class), roster, submissions (ids, statuses, versions), the page's
    # students with their submissions (one query), the kept results (teaching/services/results.py: key
    # items, lesson articles, kept rows; the first load also matches everybody once: texts, highlights,
    # class sums to move, one upsert, in a transaction), comparisons (teaching.selectors.class_comparisons,
    # with the review's submissions): counts, key comparisons (none: no query for their items)
    with django_assert_num_queries(18):
        response = teacher_client.get(_url(assignment))
    assert len(response.context["review"].rows) == size
    with django_assert_num_queries(11):  # nothing changed: nobody is matched again
        response = teacher_client.get(_url(assignment))
    assert f"of {size}</strong> submitted" in response.text


def test_a_student_who_has_not_started_shows_no_counts_rather_than_zeros(
    teacher_client, classroom, student, assignment
):
    response = teacher_client.get(_url(assignment))
    row = response.text.split(f">{student.display_name}")[1].split("</tr>")[0]
    assert "Not started" in row
    assert '<td class="num">0</td>' not in row and row.count('<span class="muted">—</span>') >= 4


def test_review_shows_a_page_of_students_and_the_whole_class_figures(teacher_client, classroom, lesson, article):
    from teaching.selectors.classrooms import REVIEW_PAGE_SIZE

    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    size = REVIEW_PAGE_SIZE + 5
    names = []
    for i in range(size):
        s = factories.EnrollmentFactory(classroom=classroom, student__last_name=f"Student{i:03d}").student
        names.append(s.username)
        if i % 2:
            sub = factories.SubmissionFactory(assignment=assignment, student=s, status="submitted")
            factories.annotation_for(sub, article, "300")
    first = teacher_client.get(_url(assignment))
    assert [r.student.username for r in first.context["review"].rows] == names[:REVIEW_PAGE_SIZE]
    assert f"<strong>{size // 2} of {size}</strong> submitted" in first.text
    assert f"Students 1–{REVIEW_PAGE_SIZE} of {size}" in first.text
    second = teacher_client.get(_url(assignment) + "?page=2")
    assert [r.student.username for r in second.context["review"].rows] == names[REVIEW_PAGE_SIZE:]
    assert f"<strong>{size // 2} of {size}</strong> submitted" in second.text
    assert second.context["review"].rows[1].counts["numbers"] == 1  # highlight counts on the later page too
    # A page past the end shows the last one; nonsense shows the first.
    assert teacher_client.get(_url(assignment) + "?page=9").context["review"].page.number == 2
    assert teacher_client.get(_url(assignment) + "?page=x").context["review"].page.number == 1
