"""teaching.rows: a row of SQL written by hand gives the model instance, and the values, the ORM would have read."""

import datetime

from django.db import connection

from teaching import rows
from teaching.models import Annotation, Assignment, KeyItem, Submission, User
from teaching.selectors import get_assignment_for_student
from teaching.selectors.annotations import _RECORD_FIELDS
from teaching.selectors.classrooms import students_with_submissions
from teaching.selectors.feedback import list_key_item_spans_for_lesson, list_key_items_for_lesson
from teaching.selectors.submissions import assignment_with_class
from tests import factories


def _row(model, where_pk, fields=None, extra=""):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT {rows.columns(model, fields)}{extra} FROM "{table}" WHERE "id" = %s', [where_pk])
        return cursor.fetchone()


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_instance_is_what_the_orm_reads(submission, article):
    submission.assignment.categories = ["numbers", "rhetoric"]  # a JSON field
    submission.assignment.due_at = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)
    submission.assignment.save()
    submission.submitted_at = datetime.datetime(2026, 2, 1, 8, 0, 5, 123456, tzinfo=datetime.UTC)
    submission.save()
    for model, pk in ((Assignment, submission.assignment_id), (Submission, submission.pk)):
        built = rows.instance(model, _row(model, pk))
        read = model.objects.get(pk=pk)
        assert _fields(built) == _fields(read) and built.pk == read.pk
        assert built._state.adding is False and built._state.db == "default"
    built = rows.instance(Assignment, _row(Assignment, submission.assignment_id))
    assert built.categories == ["numbers", "rhetoric"] and built.due_at.tzinfo is not None


def test_converted_values_are_what_values_list_reads(submission, article):
    one = factories.annotation_for(submission, article, article.body_text.split()[0])
    convert = rows.converter(Annotation, _RECORD_FIELDS)
    values = list(convert(_row(Annotation, one.pk, _RECORD_FIELDS, extra=", 7")))
    assert values[:-1] == list(Annotation.objects.values_list(*_RECORD_FIELDS).get(pk=one.pk))
    assert values[-1] == 7  # what follows the model's columns is kept as it is
    assert list(rows.converted(Annotation, _row(Annotation, one.pk, _RECORD_FIELDS), _RECORD_FIELDS)) == values[:-1]


def test_assignment_with_class_reads_the_lesson_class_and_teacher_or_nothing(
    assignment, student, outsider, teacher, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = get_assignment_for_student(student, assignment.pk)
        assert (found.lesson.title, found.classroom.name, found.classroom.teacher.username) == (
            assignment.lesson.title,
            assignment.classroom.name,
            teacher.username,
        )
    assert assignment_with_class(assignment.pk, student_id=outsider.pk) is None
    assert assignment_with_class(assignment.pk, teacher_id=teacher.pk).pk == assignment.pk
    assert assignment_with_class(assignment.pk, teacher_id=student.pk) is None


def test_students_with_submissions_reads_what_the_orms_in_bulk_reads(
    submission, other_student, classroom, lesson, django_assert_num_queries
):
    """The review's students and their submissions (one query) against ``in_bulk`` of each (two)."""
    submission.submitted_at = datetime.datetime(2026, 2, 1, 8, 0, 5, 123456, tzinfo=datetime.UTC)
    submission.status = Submission.Status.SUBMITTED
    submission.save()
    elsewhere = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    factories.SubmissionFactory(assignment=elsewhere, student=other_student)  # another assignment's: not this one's
    wanted = [submission.student_id, other_student.pk, 10**9]
    with django_assert_num_queries(1):
        students, own = students_with_submissions(submission.assignment_id, wanted)
    read_students = User.objects.in_bulk(wanted)
    read_own = Submission.objects.in_bulk([submission.pk])
    assert {pk: _fields(u) for pk, u in students.items()} == {pk: _fields(u) for pk, u in read_students.items()}
    assert {pk: _fields(s) for pk, s in own.items()} == {pk: _fields(s) for pk, s in read_own.items()}
    assert all(s._state.adding is False for s in [*students.values(), *own.values()])
    with django_assert_num_queries(0):
        assert students_with_submissions(submission.assignment_id, []) == ({}, {})


def test_key_items_for_a_lesson_are_what_the_orm_reads(pk_key, pokrovsk, articles):
    """list_key_items_for_lesson / list_key_item_spans_for_lesson (SQL written here) against the ORM's read."""
    set_aside = KeyItem.objects.filter(key=pk_key).order_by("start").first()
    KeyItem.objects.filter(pk=set_aside.pk).update(anchor_status="orphaned")
    other = factories.ReferenceKeyFactory(lesson=factories.LessonFactory())
    factories.key_item_for(other, articles["002"], "approximately 300 troops")  # another lesson's key
    expected = list(
        KeyItem.objects.filter(key__lesson_id=pokrovsk.pk, anchor_status="anchored").order_by(
            "article_id", "start", "end", "id"
        )
    )
    found = list_key_items_for_lesson(pokrovsk.pk)
    assert [_fields(i) for i in found] == [_fields(i) for i in expected] and len(found) >= 3
    assert all(i._state.adding is False for i in found) and set_aside.pk not in {i.pk for i in found}
    assert list_key_item_spans_for_lesson(pokrovsk.pk) == [
        (i.pk, i.article_id, i.category, i.start, i.end) for i in expected
    ]
    assert list_key_items_for_lesson(factories.LessonFactory().pk) == []
