"""The annotation API: W3C Web Annotations as JSON-LD, for the logged-in user's session.

    GET    /api/assignments/<pk>/annotations/   AnnotationCollection: a student's own, or (teacher) everyone's
    POST   /api/assignments/<pk>/annotations/   a student creates one → 201 + Location (200 if it already existed)
    GET    /api/annotations/<pk>/               one annotation (its student, or the class's teacher)
    PUT    /api/annotations/<pk>/               its student replaces category and comment (PATCH: only what is sent)
    DELETE /api/annotations/<pk>/               its student deletes it → 204

Writes need the CSRF token (``X-CSRFToken`` header), like every other form on the site; Django's
CsrfViewMiddleware refuses them otherwise. Shape is checked by ``teaching.text.w3c``; every classroom rule
by the annotation services. Errors answer ``{"errors": {"<field>": ["message", ...]}}``:

* 400 — the request is not an acceptable annotation (field paths: see ``teaching.text.w3c``);
* 403 — not logged in, or allowed to read but not to write (a teacher);
* 404 — not yours to see (we do not say whether it exists);
* 409 — the work has been submitted and is read-only until the teacher returns it (``submission``):
  the request was fine, the state of the work is what refuses it, so the client should not retry as is.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime
from urllib.parse import urlsplit

import orjson
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, HttpResponse, JsonResponse

from teaching import selectors, services
from teaching.models import Annotation, Assignment
from teaching.text import w3c
from teaching.views.records import Links, annotation_record, annotation_url

ERROR_FIELDS = {"category": "body.tagging", "comment": "body.commenting"}


# --- Reads -------------------------------------------------------------------------------------------


# --- Responses ---------------------------------------------------------------------------------------


# Datetimes as w3c.iso_date writes them (to the second, UTC as "Z"): orjson writes the collection's 400 in C,
# where formatting each in Python first cost about 0.5 ms.
_ORJSON_OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_OMIT_MICROSECONDS


def _date_as_text(value):
    if isinstance(value, datetime):
        return w3c.iso_date(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _jsonld(document: dict, *, status: int = 200) -> HttpResponse:
    """The document as JSON-LD, compact (no spaces after separators), encoded by orjson: a collection of 200
    took the standard library's encoder 1.2 ms against orjson's 0.08 ms, the same document parsed back. Text
    orjson refuses (a lone surrogate, which no stored field holds) goes through the standard library's."""
    try:
        body = orjson.dumps(document, option=_ORJSON_OPTIONS)
    except orjson.JSONEncodeError:
        # ASCII: a lone surrogate as its escape.
        body = json.dumps(document, separators=(",", ":"), default=_date_as_text).encode()
    return HttpResponse(body, status=status, content_type=w3c.CONTENT_TYPE)


def _errors(status: int, errors: dict[str, list[str]]) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status, json_dumps_params={"ensure_ascii": False})


def _not_allowed(allowed: list[str]) -> JsonResponse:
    response = _errors(405, {"method": [f"Use {', '.join(allowed)}."]})
    response["Allow"] = ", ".join(allowed)
    return response


def _from_validation_error(error: ValidationError, *, non_field: str) -> JsonResponse:
    if services.READ_ONLY_MESSAGE in error.messages:
        return _errors(409, {"submission": [services.READ_ONLY_MESSAGE]})
    if hasattr(error, "error_dict"):
        errors: dict[str, list[str]] = {}
        for field, messages in error.message_dict.items():
            key = non_field if field == NON_FIELD_ERRORS else ERROR_FIELDS.get(field, f"target.selector.{field}")
            errors.setdefault(key, []).extend(messages)
        return _errors(400, errors)
    return _errors(400, {non_field: list(error.messages)})


def _read_payload(request) -> dict:
    w3c.check_content_type(request.content_type, request.content_params.get("charset"))
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > w3c.MAX_BODY_BYTES:
        raise w3c.InvalidAnnotation({"json": [f"The request is too large (at most {w3c.MAX_BODY_BYTES // 1024} KB)."]})
    try:
        raw = request.body
    except RequestDataTooBig:
        raise w3c.InvalidAnnotation({"json": ["The request is too large."]}) from None
    return w3c.parse_json(raw)


def _source_is(request, source: str, article_id: int, *, links: Links | None = None) -> bool:
    """The target source names this article: its URL on this site (scheme aside: proxies differ)."""
    sent, ours = urlsplit(source), urlsplit((links or Links(request)).article(article_id))
    return sent.path == ours.path and sent.netloc in ("", ours.netloc) and not sent.query


def _article_from_source(request, assignment: Assignment, source: str, *, text: bool) -> tuple[int, str]:
    # The id the source names (a number in its path for which it is that article's URL), then whether that
    # article is in the lesson: one query, and only the article named is read — its text only when ``text``
    # (a client's prefix or suffix is checked against it; the service checks the quote itself).
    links = Links(request)
    named = {int(digits) for digits in re.findall(r"\d+", urlsplit(source).path)}
    for article_id in sorted(n for n in named if _source_is(request, source, n, links=links)):
        found = selectors.lesson_article_text(assignment.lesson_id, article_id, text=text)
        if found is not None:
            return article_id, found
    raise w3c.InvalidAnnotation({"target.source": ["This is not the URL of an article in this assignment's lesson."]})


# --- Views -------------------------------------------------------------------------------------------

LOGIN_FIRST = {"auth": ["Log in to use the annotation API."]}


def _json_errors(view):
    """A client of the API gets JSON for 404 and 403 too, not the site's HTML error pages."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return _errors(404, {"detail": ["Not found, or not yours to see."]})
        except PermissionDenied as error:
            return _errors(403, {"permission": [str(error) or "You may not do that."]})

    return wrapped


@_json_errors
def assignment_annotations(request, pk: int):
    if not request.user.is_authenticated:
        return _errors(403, LOGIN_FIRST)
    if request.method not in ("GET", "HEAD", "POST"):
        return _not_allowed(["GET", "POST"])
    assignment, for_teacher = selectors.get_assignment_for_reader(request.user, pk)
    if request.method == "POST":
        if for_teacher:
            return _errors(403, {"permission": ["Teachers read annotations here; only students create them."]})
        return _create(request, assignment)
    annotations = selectors.list_assignment_annotations(
        assignment, student=None if for_teacher else request.user, rows=True
    )
    links = Links(request)
    document = w3c.to_collection(
        iri=links.collection(assignment.pk),
        label=f"{assignment.lesson.title} — {assignment.classroom.name}",
        records=[annotation_record(request, a, for_teacher=for_teacher, links=links) for a in annotations],
        dates_as_text=False,  # _jsonld writes them
    )
    return _jsonld(document)


def _create(request, assignment: Assignment):
    try:
        new = w3c.parse_new(_read_payload(request))
        context = bool(new.prefix or new.suffix)  # without either, check_quote_context has nothing to check
        article_id, text = _article_from_source(request, assignment, new.source, text=context)
        if context:
            w3c.check_quote_context(text, start=new.start, end=new.end, prefix=new.prefix, suffix=new.suffix)
    except w3c.InvalidAnnotation as error:
        return _errors(400, error.errors)
    try:
        # One transaction, which starts the work on the first save: a refused annotation starts nothing.
        annotation, created = services.save_highlight(
            student=request.user,
            assignment_id=assignment.pk,
            article_id=article_id,
            category=new.category,
            start=new.start,
            end=new.end,
            exact=new.exact,
            comment=new.comment,
        )
    except PermissionDenied as error:  # not enrolled (any more)
        raise Http404 from error
    except ValidationError as error:
        return _from_validation_error(error, non_field="target.selector")
    # The service is idempotent and says whether it created: a resend (even one in flight at the same
    # time as the first) answers 200 with the existing annotation.
    # Its record is built without reading it again: the service returned it as saved, with the submission it
    # locked; its creator is the student who asked (the service checked), its assessor the class's teacher
    # (read with the assignment).
    annotation.submission.student = request.user
    annotation.submission.assignment = assignment
    response = _jsonld(
        w3c.to_annotation(annotation_record(request, annotation, for_teacher=False)), status=201 if created else 200
    )
    response["Location"] = annotation_url(request, annotation.pk)
    return response


@_json_errors
def annotation_detail(request, pk: int):
    if not request.user.is_authenticated:
        return _errors(403, LOGIN_FIRST)
    if request.method not in ("GET", "HEAD", "PUT", "PATCH", "DELETE"):
        return _not_allowed(["GET", "PUT", "PATCH", "DELETE"])
    annotation, for_teacher = selectors.get_annotation_for_reader(request.user, pk)
    if request.method in ("GET", "HEAD"):
        return _jsonld(w3c.to_annotation(annotation_record(request, annotation, for_teacher=for_teacher)))
    if for_teacher:
        return _errors(403, {"permission": ["Only the student who made this annotation can change it."]})
    if request.method == "DELETE":
        try:
            services.delete_annotation(annotation=annotation, by=request.user)
        except ValidationError as error:
            return _from_validation_error(error, non_field="annotation")
        return HttpResponse(status=204)
    return _update(request, annotation)


def _update(request, annotation: Annotation):
    try:
        changes = w3c.parse_changes(_read_payload(request), partial=request.method == "PATCH")
    except w3c.InvalidAnnotation as error:
        return _errors(400, error.errors)
    sent = changes.selection
    if sent is not None and not (
        _source_is(request, sent.source, annotation.article_id)
        and (sent.start, sent.end, sent.exact) == (annotation.start, annotation.end, annotation.exact)
    ):
        return _errors(400, {"target": [w3c.IMMUTABLE_TARGET_MESSAGE]})
    try:
        services.update_annotation(
            annotation=annotation, category=changes.category, comment=changes.comment, by=request.user
        )
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        return _from_validation_error(error, non_field="annotation")
    annotation = selectors.get_annotation_record(annotation.pk)
    return _jsonld(w3c.to_annotation(annotation_record(request, annotation, for_teacher=False)))
