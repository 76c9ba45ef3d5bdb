"""W3C records and the URLs they carry: one place for the API and the exports to build them from."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from teaching.models import Annotation
from teaching.text import w3c


def article_url(request, article_id: int) -> str:
    """The article's absolute URL: the W3C target ``source``. One place, so it can follow the articles app."""
    try:
        path = reverse("articles:article_detail", args=[article_id])
    except NoReverseMatch:
        path = f"/articles/{article_id}/"
    return request.build_absolute_uri(path)


def annotation_url(request, pk: int) -> str:
    return request.build_absolute_uri(reverse("teaching:api_annotation", args=[pk]))


def annotations_url(request, assignment_pk: int) -> str:
    return request.build_absolute_uri(reverse("teaching:api_assignment_annotations", args=[assignment_pk]))


def person_iri(user_pk: int) -> str:
    # There are no public profile pages, and an email must never leave the site: a stable, opaque URN.
    return f"urn:crosscheck:user:{user_pk}"


def annotation_record(request, annotation: Annotation, *, for_teacher: bool) -> w3c.AnnotationRecord:
    submission = annotation.submission
    student = submission.student
    teacher = submission.assignment.classroom.teacher
    return w3c.AnnotationRecord(
        iri=annotation_url(request, annotation.pk),
        source=article_url(request, annotation.article_id),
        start=annotation.start,
        end=annotation.end,
        exact=annotation.exact,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
        category=annotation.category,
        comment=annotation.comment,
        creator_iri=person_iri(student.pk),
        creator_nickname=student.username,
        creator_name=student.display_name,
        created=annotation.created_at,
        modified=annotation.updated_at,
        teacher_mark_label=annotation.get_teacher_mark_display() if annotation.teacher_mark else "",
        teacher_comment=annotation.teacher_comment,
        show_assessment=for_teacher or submission.marks_visible,
        assessor_name=teacher.display_name,
        orphaned=annotation.is_orphaned,
    )
