"""W3C records and the URLs they carry: one place for the API and the exports to build them from."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from teaching.models import Annotation
from teaching.text import w3c

_SENTINEL = 987654321  # an id no URL pattern treats specially, replaced by the real one


class Links:
    """The absolute URLs of one response, each pattern reversed once: a collection of 200 records spent
    a third of its time in ``reverse`` and ``build_absolute_uri`` when every record built its own."""

    def __init__(self, request):
        self._request = request
        self._patterns: dict[str, tuple[str, str]] = {}
        self._works: dict[tuple[int, bool], tuple[str, str, str, bool, str]] = {}

    def _url(self, name: str, pk: int, fallback: str | None = None) -> str:
        pattern = self._patterns.get(name)
        if pattern is None:
            try:
                path = reverse(name, args=[_SENTINEL])
            except NoReverseMatch:
                if fallback is None:
                    raise
                path = fallback.format(_SENTINEL)
            head, _, tail = self._request.build_absolute_uri(path).partition(str(_SENTINEL))
            pattern = self._patterns[name] = (head, tail)
        return f"{pattern[0]}{pk}{pattern[1]}"

    def annotation(self, pk: int) -> str:
        return self._url("teaching:api_annotation", pk)

    def collection(self, assignment_pk: int) -> str:
        return self._url("teaching:api_assignment_annotations", assignment_pk)

    def article(self, article_id: int) -> str:
        # The articles app left out of the URLconf: the URL still names the article.
        return self._url("articles:article_detail", article_id, fallback="/articles/{}/")


def person_iri(user_pk: int) -> str:
    # There are no public profile pages, and an email must never leave the site: a stable, opaque URN.
    return f"urn:crosscheck:user:{user_pk}"


def article_url(request, article_id: int) -> str:
    """The article's absolute URL: the W3C target ``source``. One place, so it can follow the articles app."""
    return Links(request).article(article_id)


def annotation_url(request, pk: int) -> str:
    return Links(request).annotation(pk)


def annotations_url(request, assignment_pk: int) -> str:
    return Links(request).collection(assignment_pk)


def annotation_record(
    request, annotation: Annotation, *, for_teacher: bool, links: Links | None = None
) -> w3c.AnnotationRecord:
    """``links``: the response's URL builder, passed by a page of many records so it is built once."""
    links = links or Links(request)
    creator_iri, nickname, name, show_assessment, assessor_name = _work(links, annotation.submission, for_teacher)
    return w3c.AnnotationRecord(
        iri=links.annotation(annotation.pk),
        source=links.article(annotation.article_id),
        start=annotation.start,
        end=annotation.end,
        exact=annotation.exact,
        prefix=annotation.prefix,
        suffix=annotation.suffix,
        category=annotation.category,
        comment=annotation.comment,
        creator_iri=creator_iri,
        creator_nickname=nickname,
        creator_name=name,
        created=annotation.created_at,
        modified=annotation.updated_at,
        teacher_mark_label=annotation.get_teacher_mark_display() if annotation.teacher_mark else "",
        teacher_comment=annotation.teacher_comment,
        show_assessment=show_assessment,
        assessor_name=assessor_name,
        # Without positions while set aside, or while a correction is still moving it onto the new text.
        orphaned=annotation.is_orphaned or annotation.is_being_moved,
    )


def _work(links: Links, submission, for_teacher: bool) -> tuple[str, str, str, bool, str]:
    """What every record of one submission says alike (its student, whether the assessment shows, the teacher),
    worked out once per submission for a page of many records, not once per record."""
    key = (submission.pk, for_teacher)
    found = links._works.get(key)
    if found is None:
        student, teacher = submission.student, submission.assignment.classroom.teacher
        found = links._works[key] = (
            person_iri(student.pk),
            student.username,
            student.display_name,
            for_teacher or submission.marks_visible,
            teacher.display_name,
        )
    return found
