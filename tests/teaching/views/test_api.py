"""The W3C Web Annotation JSON API: reads, writes, errors, permissions, CSRF and query counts."""

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse

from teaching.models import Annotation, Submission
from teaching.text import w3c
from tests import factories

CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def list_url(assignment) -> str:
    return reverse("teaching:api_assignment_annotations", args=[assignment.pk])


def item_url(annotation) -> str:
    return reverse("teaching:api_annotation", args=[annotation.pk])


def source_of(article) -> str:
    return f"http://testserver/articles/{article.pk}/"


def payload_for(article, phrase: str, category: str = "numbers", comment: str | None = None, **target) -> dict:
    text = article.body_text
    start = text.index(phrase)
    body = [{"type": "TextualBody", "purpose": "tagging", "value": category}]
    if comment is not None:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": comment})
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "commenting" if comment else "highlighting",
        "body": body,
        "target": {
            "source": target.get("source", source_of(article)),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": phrase,
                    "prefix": text[max(0, start - 10) : start],
                    "suffix": text[start + len(phrase) : start + len(phrase) + 10],
                },
                {"type": "TextPositionSelector", "start": start, "end": start + len(phrase)},
            ],
        },
    }


def post_json(client, url, payload, content_type="application/ld+json"):
    return client.post(url, data=json.dumps(payload), content_type=content_type)


@pytest.fixture
def annotation(submission, article):
    return factories.annotation_for(submission, article, "300 troops", comment="Who counted?")


@pytest.fixture
def others_annotation(assignment, other_student, article):
    other_submission = factories.SubmissionFactory(assignment=assignment, student=other_student)
    return factories.annotation_for(other_submission, article, "modern-day Stalingrad", category="rhetoric")


ROLES = ["student", "other_student", "teacher", "other_teacher", "admin_user", "outsider", "anonymous"]


@pytest.fixture
def as_role(request, client):
    def _as(role):
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        return client

    return _as


# --- Reads -------------------------------------------------------------------------------------------


def test_list_student_sees_own_annotations_as_a_w3c_collection(
    client, student, assignment, annotation, others_annotation
):
    client.force_login(student)
    response = client.get(list_url(assignment))
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    doc = response.json()
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection"
    assert doc["id"] == f"http://testserver{list_url(assignment)}"
    assert doc["total"] == 1
    [item] = doc["first"]["items"]
    assert item["id"] == f"http://testserver{item_url(annotation)}"
    assert item["type"] == "Annotation"
    assert item["motivation"] == "commenting"
    assert item["creator"] == {
        "id": f"urn:crosscheck:user:{student.pk}",
        "type": "Person",
        "nickname": "sam",
        "name": student.display_name,
    }
    assert [(b["purpose"], b["value"]) for b in item["body"]] == [
        ("tagging", "numbers"),
        ("commenting", "Who counted?"),
    ]
    assert item["target"]["source"] == source_of(annotation.article)
    quote, position = item["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "300 troops"
    assert quote["prefix"] == annotation.prefix and quote["suffix"] == annotation.suffix
    assert position == {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
    assert item["created"].endswith("Z") and item["modified"].endswith("Z")


def test_list_teacher_sees_every_student(client, teacher, assignment, annotation, others_annotation):
    client.force_login(teacher)
    doc = client.get(list_url(assignment)).json()
    assert sorted(i["creator"]["nickname"] for i in doc["first"]["items"]) == ["riya", "sam"]


def test_list_never_shows_an_email(client, teacher, student, assignment, annotation):
    student.email = "sam.private@example.org"
    student.save()
    client.force_login(teacher)
    assert "sam.private@example.org" not in client.get(list_url(assignment)).content.decode()


@pytest.mark.parametrize(
    ("role", "status", "nicknames"),
    [
        ("student", 200, ["sam"]),
        ("other_student", 200, ["riya"]),
        ("teacher", 200, ["riya", "sam"]),
        ("other_teacher", 404, None),
        ("admin_user", 404, None),
        ("outsider", 404, None),
        ("anonymous", 403, None),
    ],
)
def test_list_permissions(as_role, role, status, nicknames, assignment, annotation, others_annotation):
    response = as_role(role).get(list_url(assignment))
    assert response.status_code == status
    if nicknames is None:
        assert "items" not in response.content.decode()
        assert "errors" in response.json()
    else:
        assert sorted(i["creator"]["nickname"] for i in response.json()["first"]["items"]) == nicknames


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("student", 200),
        ("other_student", 404),
        ("teacher", 200),
        ("other_teacher", 404),
        ("admin_user", 404),
        ("outsider", 404),
        ("anonymous", 403),
    ],
)
def test_item_read_permissions(as_role, role, status, annotation):
    response = as_role(role).get(item_url(annotation))
    assert response.status_code == status
    if status == 200:
        assert response.json()["target"]["selector"][0]["exact"] == "300 troops"
    else:
        assert "300 troops" not in response.content.decode()


@pytest.mark.parametrize("role", ["student", "teacher"])
@pytest.mark.parametrize("size", [1, 6])
def test_list_query_count_is_constant(client, django_assert_num_queries, request, role, size, assignment, article):
    for n in range(size):
        learner = factories.StudentFactory()
        factories.EnrollmentFactory(classroom=assignment.classroom, student=learner)
        sub = factories.SubmissionFactory(assignment=assignment, student=learner)
        factories.annotation_for(sub, article, "300 troops", comment=f"note {n}")
    user = request.getfixturevalue(role)
    if role == "student":
        sub = factories.SubmissionFactory(assignment=assignment, student=user)
        for phrase in ["300 troops", "general staff", "modern-day Stalingrad"][: 1 + size // 3]:
            factories.annotation_for(sub, article, phrase)
    client.force_login(user)
    # session + user, the assignment (with enrolment or teacher check), the submissions with their students,
    # the annotations
    with django_assert_num_queries(5):
        response = client.get(list_url(assignment))
    assert response.status_code == 200


def test_assessment_is_shown_to_the_student_only_once_returned(client, student, teacher, submission, annotation):
    annotation.teacher_mark = Annotation.Mark.GOOD_CATCH
    annotation.teacher_comment = "Compare with the second report."
    annotation.save()

    def assessing(user):
        client.force_login(user)
        body = client.get(item_url(annotation)).json()["body"]
        return [b["value"] for b in body if b["purpose"] == "assessing"]

    assert assessing(student) == []
    assert assessing(teacher) == ["Good catch: Compare with the second report."]
    submission.status = Submission.Status.RETURNED
    submission.save()
    assert assessing(student) == ["Good catch: Compare with the second report."]


# --- Create --------------------------------------------------------------------------------------------


def test_create_returns_201_with_location(client, student, assignment, article):
    client.force_login(student)
    response = post_json(client, list_url(assignment), payload_for(article, "general staff", "sourcing", "Which one?"))
    assert response.status_code == 201, response.content
    created = Annotation.objects.get()
    assert response["Location"] == f"http://testserver{item_url(created)}"
    assert response["Content-Type"] == CONTENT_TYPE
    doc = response.json()
    assert doc["id"] == response["Location"]
    assert [(b["purpose"], b["value"]) for b in doc["body"]] == [("tagging", "sourcing"), ("commenting", "Which one?")]
    assert (created.category, created.exact, created.comment) == ("sourcing", "general staff", "Which one?")
    assert created.submission.student == student
    assert created.end - created.start == len("general staff")


def test_create_starts_the_submission_and_repeats_are_idempotent(client, student, assignment, article):
    client.force_login(student)
    assert not Submission.objects.exists()
    first = post_json(client, list_url(assignment), payload_for(article, "300 troops"))
    again = post_json(client, list_url(assignment), payload_for(article, "300 troops"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Annotation.objects.count() == 1 and Submission.objects.count() == 1


def test_refused_create_does_not_start_a_submission(client, student, assignment, article):
    client.force_login(student)
    response = post_json(client, list_url(assignment), payload_for(article, "300 troops", category="gossip"))
    assert response.status_code == 400
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("student", 201),
        ("teacher", 403),
        ("other_teacher", 404),
        ("admin_user", 404),
        ("outsider", 404),
        ("anonymous", 403),
    ],
)
def test_create_permissions(as_role, role, status, assignment, article):
    response = post_json(as_role(role), list_url(assignment), payload_for(article, "300 troops"))
    assert response.status_code == status
    assert Annotation.objects.count() == (1 if status == 201 else 0)


def _mutate(path, value):
    def apply(payload):
        node = payload
        for key in path[:-1]:
            node = node[key]
        if value is DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return payload

    return apply


DELETE = object()
START = ("target", "selector", 1, "start")
END = ("target", "selector", 1, "end")
EXACT = ("target", "selector", 0, "exact")
TAG = ("body", 0, "value")

# (case, change to a valid payload (or raw bytes), content type, field that must carry an error)
ERROR_CASES = [
    ("end past the article", _mutate(END, 100_000), None, "target.selector"),
    ("start after end", _mutate(START, 99_999), None, "target.selector.end"),
    ("negative start", _mutate(START, -3), None, "target.selector.start"),
    ("quote does not match", _mutate(EXACT, "400 troops"), None, "target.selector"),
    (
        "prefix does not match",
        _mutate(("target", "selector", 0, "prefix"), "not before"),
        None,
        "target.selector.prefix",
    ),
    ("unknown category", _mutate(TAG, "gossip"), None, "body.tagging"),
    ("category as a list", _mutate(TAG, ["numbers"]), None, "body.tagging"),
    (
        "comment too long",
        lambda p: {**p, "body": [*p["body"], {"purpose": "commenting", "value": "x" * 2001}]},
        None,
        "body.commenting",
    ),
    (
        "comment with NUL",
        lambda p: {**p, "body": [*p["body"], {"purpose": "commenting", "value": "a\x00"}]},
        None,
        "body.commenting",
    ),
    ("malformed JSON", b'{"target": ', None, "json"),
    ("not UTF-8", b"\xff\xfe\x00{", None, "json"),
    ("blank body", b"  \n ", None, "json"),
    ("JSON list", b"[]", None, "json"),
    ("JSON string", b'"annotation"', None, "json"),
    ("JSON null", b"null", None, "json"),
    ("huge body", b'{"x": "' + b"a" * (200 * 1024) + b'"}', None, "json"),
    ("deeply nested", b"[" * 50_000 + b"]" * 50_000, None, "json"),
    ("form-encoded", b"target=1", "application/x-www-form-urlencoded", "content_type"),
    ("plain text", None, "text/plain", "content_type"),
    ("multipart", None, "multipart/form-data; boundary=x", "content_type"),
    ("latin-1 JSON", None, "application/json; charset=latin-1", "content_type"),
    ("missing target", _mutate(("target",), DELETE), None, "target"),
    ("missing body", _mutate(("body",), DELETE), None, "body"),
    ("missing start", _mutate(START, DELETE), None, "target.selector.start"),
    ("missing exact", _mutate(EXACT, DELETE), None, "target.selector.exact"),
    ("missing source", _mutate(("target", "source"), DELETE), None, "target.source"),
    ("start as a string", _mutate(START, "10"), None, "target.selector.start"),
    ("end as a boolean", _mutate(END, True), None, "target.selector.end"),
    ("start null", _mutate(START, None), None, "target.selector.start"),
    ("start as a float", _mutate(START, 1.5), None, "target.selector.start"),
    ("nested junk in the selector", _mutate(("target", "selector"), [[{"a": [None]}]]), None, "target.selector"),
    ("nested junk as target", _mutate(("target",), {"source": {"a": 1}, "selector": {}}), None, "target.source"),
    ("body is a number", _mutate(("body",), 7), None, "body"),
    ("unsupported selector", _mutate(("target", "selector", 0, "type"), "CssSelector"), None, "target.selector"),
    ("another article", _mutate(("target", "source"), "http://testserver/articles/999999/"), None, "target.source"),
    ("another site", _mutate(("target", "source"), "http://evil.example/articles/{pk}/"), None, "target.source"),
    ("wrong type", _mutate(("type",), "Bookmark"), None, "type"),
    ("wrong motivation", _mutate(("motivation",), "editing"), None, "motivation"),
]


@pytest.mark.parametrize(("case", "change", "content_type", "field"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_create_refuses_bad_input_with_a_field_error(
    client, student, submission, article, case, change, content_type, field
):
    client.force_login(student)
    valid = payload_for(article, "300 troops", comment="ok")
    if isinstance(change, bytes):
        data = change
    elif change is None:
        data = json.dumps(valid).encode()
    else:
        payload = change(json.loads(json.dumps(valid)))
        data = json.dumps(payload).replace("{pk}", str(article.pk)).encode()
    response = client.post(list_url(submission.assignment), data=data, content_type=content_type or "application/json")
    assert response.status_code == 400, response.content[:300]
    errors = response.json()["errors"]
    assert field in errors, errors
    assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)
    assert Annotation.objects.count() == 0


def test_create_category_not_in_the_assignment(client, student, classroom, lesson, article):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson, categories=["rhetoric"])
    client.force_login(student)
    response = post_json(client, list_url(assignment), payload_for(article, "300 troops", "numbers"))
    assert response.status_code == 400
    assert response.json()["errors"] == {"body.tagging": ["Numbers is not part of this assignment."]}
    assert not Annotation.objects.exists()


def test_create_article_of_another_lesson(client, student, assignment):
    stray = factories.ArticleFactory(title="Elsewhere")
    client.force_login(student)
    response = post_json(client, list_url(assignment), payload_for(stray, "300 troops"))
    assert response.status_code == 400
    assert "target.source" in response.json()["errors"]


# --- Update and delete ------------------------------------------------------------------------------


def patch_json(client, url, payload, method="patch"):
    return getattr(client, method)(url, data=json.dumps(payload), content_type="application/json")


def test_patch_changes_category_and_comment(client, student, annotation):
    client.force_login(student)
    response = patch_json(
        client,
        item_url(annotation),
        {"body": [{"purpose": "tagging", "value": "rhetoric"}, {"purpose": "commenting", "value": "Loaded word."}]},
    )
    assert response.status_code == 200, response.content
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("rhetoric", "Loaded word.")
    assert [b["value"] for b in response.json()["body"]] == ["rhetoric", "Loaded word."]


def test_patch_comment_only_keeps_category(client, student, annotation):
    client.force_login(student)
    response = patch_json(client, item_url(annotation), {"body": {"purpose": "commenting", "value": ""}})
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("numbers", "")
    assert response.json()["motivation"] == "highlighting"


def test_put_round_trip_of_the_representation_changes_nothing(client, student, submission, annotation):
    annotation.teacher_mark = Annotation.Mark.LOOK_AGAIN
    annotation.save()
    submission.status = Submission.Status.RETURNED
    submission.save()
    client.force_login(student)
    doc = client.get(item_url(annotation)).json()
    assert any(b["purpose"] == "assessing" for b in doc["body"])
    response = patch_json(client, item_url(annotation), doc, method="put")
    assert response.status_code == 200, response.content
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment, annotation.teacher_mark) == ("numbers", "Who counted?", "again")


def test_put_without_comment_clears_it(client, student, annotation):
    client.force_login(student)
    doc = client.get(item_url(annotation)).json()
    doc["body"] = [{"type": "TextualBody", "purpose": "tagging", "value": "sourcing"}]
    assert patch_json(client, item_url(annotation), doc, method="put").status_code == 200
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("sourcing", "")


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t["selector"][1].update(start=t["selector"][1]["start"] + 1),
        lambda t: t["selector"][1].update(end=t["selector"][1]["end"] - 1),
        lambda t: t["selector"][0].update(exact="300 troop"),
        lambda t: t.update(source="http://testserver/articles/999999/"),
    ],
)
def test_selectors_are_immutable(client, student, annotation, change):
    client.force_login(student)
    doc = client.get(item_url(annotation)).json()
    change(doc["target"])
    for method in ("put", "patch"):
        response = patch_json(client, item_url(annotation), doc, method=method)
        assert response.status_code == 400
        assert response.json()["errors"] == {"target": [w3c.IMMUTABLE_TARGET_MESSAGE]}
    before = (annotation.start, annotation.end, annotation.exact, annotation.updated_at)
    annotation.refresh_from_db()
    assert (annotation.start, annotation.end, annotation.exact, annotation.updated_at) == before


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"body": {"purpose": "tagging", "value": "gossip"}}, "body.tagging"),
        ({"body": {"purpose": "commenting", "value": "x" * 2001}}, "body.commenting"),
        ({"body": {"purpose": "commenting", "value": 5}}, "body.commenting"),
        ({"body": [{"purpose": "tagging", "value": "rhetoric"}, "junk"]}, "body"),
        ({"motivation": "bookmarking"}, "motivation"),
    ],
)
def test_patch_refuses_bad_input(client, student, annotation, payload, field):
    client.force_login(student)
    response = patch_json(client, item_url(annotation), payload)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    annotation.refresh_from_db()
    assert (annotation.category, annotation.comment) == ("numbers", "Who counted?")


def test_delete(client, student, annotation):
    client.force_login(student)
    response = client.delete(item_url(annotation))
    assert response.status_code == 204
    assert not Annotation.objects.exists()
    assert client.get(item_url(annotation)).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("student", None),
        ("other_student", 404),
        ("teacher", 403),
        ("other_teacher", 404),
        ("admin_user", 404),
        ("outsider", 404),
        ("anonymous", 403),
    ],
)
@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_write_permissions(as_role, role, status, method, annotation):
    client = as_role(role)
    payload = {"body": {"purpose": "tagging", "value": "rhetoric"}}
    if method == "put":
        client_doc = Client()
        client_doc.force_login(annotation.submission.student)
        payload = client_doc.get(item_url(annotation)).json()
        payload["body"][0]["value"] = "rhetoric"
    response = (
        client.delete(item_url(annotation))
        if method == "delete"
        else patch_json(client, item_url(annotation), payload, method)
    )
    if status is None:
        assert response.status_code in (200, 204)
        return
    assert response.status_code == status
    annotation.refresh_from_db()
    assert annotation.category == "numbers"


@pytest.mark.parametrize(
    "request_",
    [
        lambda c, a, s, art: post_json(c, list_url(s.assignment), payload_for(art, "general staff")),
        lambda c, a, s, art: patch_json(c, item_url(a), {"body": {"purpose": "commenting", "value": "new"}}),
        lambda c, a, s, art: c.delete(item_url(a)),
    ],
    ids=["create", "update", "delete"],
)
def test_submitted_work_is_read_only_409(client, student, submission, annotation, article, request_):
    submission.status = Submission.Status.SUBMITTED
    submission.save()
    client.force_login(student)
    response = request_(client, annotation, submission, article)
    assert response.status_code == 409
    assert response.json()["errors"] == {
        "submission": ["You have submitted this work; it is read-only until your teacher returns it."]
    }
    annotation.refresh_from_db()
    assert Annotation.objects.count() == 1 and annotation.comment == "Who counted?"


def test_other_methods_are_refused_405(client, student, assignment, annotation):
    client.force_login(student)
    assert client.put(list_url(assignment)).status_code == 405
    assert client.post(item_url(annotation)).status_code == 405
    assert Annotation.objects.count() == 1


# --- CSRF ------------------------------------------------------------------------------------------


@pytest.fixture
def csrf_client(student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    return client


def test_writes_without_the_csrf_token_are_refused(csrf_client, submission, annotation, article):
    assert (
        post_json(csrf_client, list_url(submission.assignment), payload_for(article, "general staff")).status_code
        == 403
    )
    assert (
        patch_json(csrf_client, item_url(annotation), {"body": {"purpose": "commenting", "value": "x"}}).status_code
        == 403
    )
    assert csrf_client.delete(item_url(annotation)).status_code == 403
    annotation.refresh_from_db()
    assert Annotation.objects.count() == 1 and annotation.comment == "Who counted?"


def test_writes_with_the_csrf_token_succeed(csrf_client, submission, article):
    token = "k" * 32
    csrf_client.cookies["csrftoken"] = token
    response = csrf_client.post(
        list_url(submission.assignment),
        data=json.dumps(payload_for(article, "general staff")),
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201
    assert csrf_client.get(list_url(submission.assignment)).status_code == 200  # reads need no token


def test_orphaned_annotation_keeps_only_its_quote(client, student, annotation):
    """Set aside after a correction, its position points into an older text: only the quote is given."""
    Annotation.objects.filter(pk=annotation.pk).update(anchor_status=Annotation.AnchorStatus.ORPHANED)
    client.force_login(student)
    selectors = client.get(item_url(annotation)).json()["target"]["selector"]
    assert selectors == [
        {"type": "TextQuoteSelector", "exact": "300 troops", "prefix": annotation.prefix, "suffix": annotation.suffix}
    ]


@pytest.mark.parametrize("returned", [False, True])
def test_collection_items_are_the_item_documents(
    client, student, teacher, submission, article, others_annotation, returned
):
    """The collection builds its records from rows of values, the item endpoint from the model: every item,
    for the student and the teacher, is the same document — on its words, set aside, still being moved by a
    correction (no positions for those two), marked and commented."""
    from articles.models import Article, ArticleRevision

    on_words = factories.annotation_for(submission, article, "300 troops", comment="Who <counted>?")
    factories.annotation_for(submission, article, "general staff", category="sourcing", anchor_status="orphaned")
    moving = factories.annotation_for(submission, article, "modern-day Stalingrad", category="rhetoric")
    newer = ArticleRevision.objects.create(
        article=article,
        number=article.current_revision.number + 1,
        body_markdown=article.body_markdown,
        body_text=article.body_text,
    )
    Article.objects.filter(pk=article.pk).update(text_revision=newer)
    Annotation.objects.exclude(pk=moving.pk).update(revision=newer)  # only `moving` still points at the old text
    Annotation.objects.filter(pk=on_words.pk).update(teacher_mark="good", teacher_comment="Yes & no")
    if returned:
        Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.RETURNED)
    for user in (student, teacher):
        client.force_login(user)
        items = client.get(list_url(submission.assignment)).json()["first"]["items"]
        assert len(items) == (3 if user == student else 4)
        for item in items:
            alone = client.get(item["id"]).json()
            alone.pop("@context")
            assert item == alone
        moved = next(i for i in items if i["id"].endswith(f"/{moving.pk}/"))
        assert [s["type"] for s in moved["target"]["selector"]] == ["TextQuoteSelector"]


def test_collection_is_the_standard_librarys_json(client, student, submission, article):
    """orjson writes the documents: the bytes parse to what the standard library reads from them, compact, with
    text outside ASCII as itself (not escaped)."""
    factories.annotation_for(submission, article, "300 troops", comment='Wer zählt? « 300 » — 👀\n\t"quoted"')
    client.force_login(student)
    response = client.get(list_url(submission.assignment))
    body = response.content.decode("utf-8")
    assert "Wer zählt? « 300 » — 👀" in body
    doc = json.loads(body)
    assert doc["first"]["items"][0]["body"][1]["value"] == 'Wer zählt? « 300 » — 👀\n\t"quoted"'
    assert body == json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def test_jsonld_falls_back_to_the_standard_library_for_text_orjson_refuses():
    from teaching.views.api import _jsonld

    moment = datetime(2026, 12, 3, 14, 20, 48, 999999, tzinfo=UTC)
    response = _jsonld({"value": "a\ud800b", "created": moment}, status=201)
    assert response.status_code == 201
    assert response["Content-Type"] == CONTENT_TYPE
    assert json.loads(response.content) == {"value": "a\ud800b", "created": "2026-12-03T14:20:48Z"}


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 3, 14, 20, 48, 999999, tzinfo=UTC),
        datetime(2026, 12, 3, 14, 20, 48, tzinfo=ZoneInfo("UTC")),  # PostgreSQL's driver
        datetime(2026, 6, 3, 14, 20, 48, 5, tzinfo=ZoneInfo("Europe/Berlin")),
        datetime(2026, 12, 3, 14, 20, 48, 5),
    ],
)
def test_the_collections_dates_are_written_as_w3c_writes_them(moment):
    """The collection leaves its dates to the API's encoder (orjson's options): what w3c.iso_date writes."""
    from teaching.views.api import _jsonld

    assert json.loads(_jsonld({"created": moment}).content) == {"created": w3c.iso_date(moment)}
