"""The CSV's "Key match" column: present when the lesson has a reference key, with the matching's verdict."""

import csv
import io

from teaching.models import Submission
from teaching.text import exports
from tests import factories


def _rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _work(submission, article):
    key = factories.ReferenceKeyFactory(lesson=submission.assignment.lesson)
    factories.key_item_for(key, article, "approximately 300 troops", "numbers")
    factories.annotation_for(submission, article, "approximately 300 troops", "numbers")
    factories.annotation_for(submission, article, "300 troops", "numbers")
    factories.annotation_for(submission, article, "modern-day Stalingrad", "rhetoric")


def test_teacher_csv_has_key_match_when_a_key_exists(client, teacher, submission, article):
    _work(submission, article)
    client.force_login(teacher)
    rows = _rows(client.get(f"/assignments/{submission.assignment_id}/export.csv"))
    assert rows[0] == exports.HEADERS_WITH_KEY
    by_quote = {r[4]: r[-1] for r in rows[1:]}
    assert by_quote["approximately 300 troops"] == "found: “approximately 300 troops”"
    assert by_quote["300 troops"] == "also on a found key item"
    assert by_quote["modern-day Stalingrad"] == "not in the key"


def test_teacher_csv_without_key_has_no_key_column(client, teacher, submission, article):
    factories.annotation_for(submission, article, "approximately 300 troops", "numbers")
    client.force_login(teacher)
    rows = _rows(client.get(f"/assignments/{submission.assignment_id}/export.csv"))
    assert rows[0] == exports.HEADERS


def test_student_sees_key_column_only_once_feedback_is_visible(client, student, submission, article):
    _work(submission, article)
    client.force_login(student)
    url = f"/assignments/{submission.assignment_id}/my-work.csv"
    assert _rows(client.get(url))[0] == exports.HEADERS  # still in progress
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.RETURNED)
    assert _rows(client.get(url))[0] == exports.HEADERS_WITH_KEY
