"""Generated payloads against the annotation API: never a 500, never a partial write.

Every example reuses one logged-in student, so invariants are checked per request: on any 4xx the
number of annotations (and the annotation being edited) is exactly as before.
"""

import copy
import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teaching.models import Annotation, Submission
from tests import factories

ALLOWED = {200, 201, 400, 403, 404}
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.sampled_from(["numbers", "rhetoric", "tagging", "commenting", "TextQuoteSelector", "Annotation", ""])
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


def valid_payload(article) -> dict:
    text = article.body_text
    start = text.index("300 troops")
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "motivation": "commenting",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "numbers"},
            {"type": "TextualBody", "purpose": "commenting", "value": "Who counted?"},
        ],
        "target": {
            "source": f"http://testserver/articles/{article.pk}/",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "300 troops", "prefix": text[start - 5 : start]},
                {"type": "TextPositionSelector", "start": start, "end": start + 10},
            ],
        },
    }


def paths(value, prefix=()):
    """Every path (tuple of keys / indexes) into a JSON value, the root included."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


@st.composite
def mutated(draw, base: dict):
    payload = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        candidates = list(paths(payload))
        path = draw(st.sampled_from(candidates))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if not path:
            if action == "replace":
                payload = draw(json_values)
            continue
        parent = payload
        try:
            for key in path[:-1]:
                parent = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        last = path[-1]
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(json_values)
        elif isinstance(parent, list):
            parent.append(draw(json_values))
    return payload


@pytest.fixture
def logged_in(client, student, submission):
    client.force_login(student)
    return client


def _post(client, submission, body: bytes, content_type="application/json"):
    url = reverse("teaching:api_assignment_annotations", args=[submission.assignment_id])
    return client.post(url, data=body, content_type=content_type)


def _check_create(response, before: int, article) -> None:
    assert response.status_code in ALLOWED, response.content[:300]
    if response.status_code >= 400:
        assert Annotation.objects.count() == before
        assert set(response.json()) == {"errors"}
        assert all(isinstance(m, str) for ms in response.json()["errors"].values() for m in ms)
    else:
        # Whatever was accepted points at exactly the words it quotes.
        for annotation in Annotation.objects.all():
            assert article.body_text[annotation.start : annotation.end] == annotation.exact


@pytest.mark.django_db
def test_arbitrary_json_never_breaks_the_create_endpoint(logged_in, submission, article):
    @SETTINGS
    @given(json_values)
    def run(value):
        before = Annotation.objects.count()
        _check_create(_post(logged_in, submission, json.dumps(value).encode()), before, article)

    run()


@pytest.mark.django_db
def test_mutated_valid_payloads_never_break_the_create_endpoint(logged_in, submission, article):
    base = valid_payload(article)

    @SETTINGS
    @given(mutated(base))
    def run(payload):
        before = Annotation.objects.count()
        _check_create(_post(logged_in, submission, json.dumps(payload).encode()), before, article)

    run()


@pytest.mark.django_db
def test_random_spans_are_accepted_only_when_the_quote_matches(logged_in, submission, article):
    text = article.body_text

    @SETTINGS
    @given(
        st.integers(min_value=-5, max_value=len(text) + 5),
        st.integers(min_value=-5, max_value=len(text) + 5),
        st.booleans(),
        st.text(max_size=20),
    )
    def run(start, end, use_real_quote, other_quote):
        payload = valid_payload(article)
        exact = text[start:end] if use_real_quote and 0 <= start < end else other_quote
        payload["target"]["selector"] = [
            {"type": "TextQuoteSelector", "exact": exact},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ]
        before = Annotation.objects.count()
        response = _post(logged_in, submission, json.dumps(payload).encode())
        _check_create(response, before, article)
        matches = 0 <= start < end <= len(text) and text[start:end] == exact and exact.strip()
        assert (response.status_code in (200, 201)) == bool(matches)

    run()


@pytest.mark.django_db
def test_random_bytes_and_content_types_never_break_the_create_endpoint(logged_in, submission, article):
    @SETTINGS
    @given(
        st.binary(max_size=200),
        st.sampled_from(["application/json", "application/ld+json", "text/plain", "application/octet-stream", ""]),
    )
    def run(body, content_type):
        before = Annotation.objects.count()
        _check_create(_post(logged_in, submission, body, content_type or "application/json"), before, article)

    run()


@pytest.mark.django_db
def test_mutated_updates_change_nothing_unless_accepted(client, student, submission, article):
    annotation = factories.annotation_for(submission, article, "general staff", category="sourcing", comment="Which?")
    client.force_login(student)
    url = reverse("teaching:api_annotation", args=[annotation.pk])
    base = client.get(url).json()

    @SETTINGS
    @given(mutated(base), st.sampled_from(["put", "patch"]))
    def run(payload, method):
        before = Annotation.objects.values("start", "end", "exact", "category", "comment").get(pk=annotation.pk)
        response = getattr(client, method)(url, data=json.dumps(payload), content_type="application/json")
        assert response.status_code in ALLOWED, response.content[:300]
        after = Annotation.objects.values("start", "end", "exact", "category", "comment").get(pk=annotation.pk)
        assert (after["start"], after["end"], after["exact"]) == (before["start"], before["end"], before["exact"])
        if response.status_code >= 400:
            assert after == before
        assert Submission.objects.count() == 1

    run()
