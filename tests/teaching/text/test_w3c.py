"""The pure W3C Web Annotation module: building documents and parsing client bodies."""

from datetime import UTC, datetime

import pytest

from teaching.text import w3c

SOURCE = "http://testserver/articles/7/"
TEXT = "Officials said approximately 300 troops were inside the city."


def record(**overrides) -> w3c.AnnotationRecord:
    values = dict(
        iri="http://testserver/api/annotations/1/",
        source=SOURCE,
        start=29,
        end=40,
        exact="300 troops",
        prefix="Officials said approximately ",
        suffix=" were inside",
        category="numbers",
        comment="",
        creator_iri="urn:crosscheck:user:5",
        creator_nickname="sam",
        creator_name="Sam Ortiz",
        created=datetime(2025, 3, 1, 9, 30, tzinfo=UTC),
        modified=datetime(2025, 3, 1, 9, 45, 12, 345, tzinfo=UTC),
    )
    values.update(overrides)
    return w3c.AnnotationRecord(**values)


def valid_payload(**overrides) -> dict:
    payload = {
        "@context": w3c.ANNO_CONTEXT,
        "type": "Annotation",
        "motivation": "commenting",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "numbers"},
            {"type": "TextualBody", "purpose": "commenting", "value": "Who counted?"},
        ],
        "target": {
            "source": SOURCE,
            "selector": [
                {"type": "TextQuoteSelector", "exact": "300 troops", "prefix": "approximately ", "suffix": " were"},
                {"type": "TextPositionSelector", "start": 29, "end": 39},
            ],
        },
    }
    payload.update(overrides)
    return payload


def test_to_annotation_has_the_w3c_shape():
    doc = w3c.to_annotation(record(comment="Who counted?"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "Annotation"
    assert doc["id"] == "http://testserver/api/annotations/1/"
    assert doc["motivation"] == "commenting"
    assert doc["created"] == "2025-03-01T09:30:00Z"
    assert doc["modified"] == "2025-03-01T09:45:12Z"
    assert doc["creator"] == {"id": "urn:crosscheck:user:5", "type": "Person", "nickname": "sam", "name": "Sam Ortiz"}
    assert [(b["purpose"], b["value"]) for b in doc["body"]] == [("tagging", "numbers"), ("commenting", "Who counted?")]
    assert doc["target"]["source"] == SOURCE
    quote, position = doc["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "300 troops",
        "prefix": "Officials said approximately ",
        "suffix": " were inside",
    }
    assert position == {"type": "TextPositionSelector", "start": 29, "end": 40}


def test_to_annotation_without_comment_is_highlighting():
    doc = w3c.to_annotation(record())
    assert doc["motivation"] == "highlighting"
    assert [b["purpose"] for b in doc["body"]] == ["tagging"]


@pytest.mark.parametrize(
    ("show", "label", "comment", "expected"),
    [
        (True, "Good catch", "Compare with the BBC figure.", "Good catch: Compare with the BBC figure."),
        (True, "Look again", "", "Look again"),
        (True, "", "Only a comment", "Only a comment"),
        (True, "", "", None),
        (False, "Good catch", "Hidden until returned", None),
    ],
)
def test_to_annotation_assessing_body(show, label, comment, expected):
    doc = w3c.to_annotation(
        record(show_assessment=show, teacher_mark_label=label, teacher_comment=comment, assessor_name="Ada Okafor")
    )
    assessing = [b for b in doc["body"] if b["purpose"] == "assessing"]
    if expected is None:
        assert assessing == []
    else:
        assert assessing == [
            {
                "type": "TextualBody",
                "purpose": "assessing",
                "value": expected,
                "format": "text/plain",
                "creator": {"type": "Person", "name": "Ada Okafor"},
            }
        ]


def test_to_collection_embeds_one_page():
    doc = w3c.to_collection(iri="http://testserver/api/assignments/3/annotations/", label="L", records=[record()] * 2)
    assert doc["type"] == "AnnotationCollection"
    assert doc["@context"] == w3c.ANNO_CONTEXT
    assert doc["total"] == 2
    assert doc["first"]["type"] == "AnnotationPage"
    assert len(doc["first"]["items"]) == 2
    assert "@context" not in doc["first"]["items"][0]


def test_parse_new_valid():
    new = w3c.parse_new(valid_payload())
    assert new == w3c.NewAnnotation(
        source=SOURCE,
        start=29,
        end=39,
        exact="300 troops",
        prefix="approximately ",
        suffix=" were",
        category="numbers",
        comment="Who counted?",
    )


def test_parse_new_minimal_single_objects():
    payload = {
        "body": {"purpose": "tagging", "value": "rhetoric"},
        "target": {
            "source": SOURCE,
            "selector": [
                {"type": "TextPositionSelector", "start": 0, "end": 3},
                {"type": "TextQuoteSelector", "exact": "Off"},
            ],
        },
    }
    new = w3c.parse_new(payload)
    assert (new.category, new.comment, new.prefix, new.suffix) == ("rhetoric", "", None, None)


def _without(payload, *path):
    node = payload
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return payload


def _set(payload, path, value):
    node = payload
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return payload


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("target", "selector", 1, "start"), "29", "target.selector.start"),
        (("target", "selector", 1, "start"), True, "target.selector.start"),
        (("target", "selector", 1, "start"), None, "target.selector.start"),
        (("target", "selector", 1, "start"), 29.5, "target.selector.start"),
        (("target", "selector", 1, "start"), 29.0, "target.selector.start"),
        (("target", "selector", 1, "start"), -1, "target.selector.start"),
        (("target", "selector", 1, "end"), 10**12, "target.selector.end"),
        (("target", "selector", 1, "end"), 29, "target.selector.end"),
        (("target", "selector", 1, "end"), {"n": 1}, "target.selector.end"),
        (("target", "selector", 0, "exact"), "", "target.selector.exact"),
        (("target", "selector", 0, "exact"), ["300"], "target.selector.exact"),
        (("target", "selector", 0, "exact"), "a\x00b", "target.selector.exact"),
        (("target", "selector", 0, "exact"), "\ud800", "target.selector.exact"),
        (("target", "selector", 0, "prefix"), 3, "target.selector.prefix"),
        (("target", "selector", 0, "suffix"), "x" * 300, "target.selector.suffix"),
        (("target", "selector", 0, "type"), "XPathSelector", "target.selector"),
        (("target", "selector"), [], "target.selector"),
        (("target", "selector"), "junk", "target.selector"),
        (("target", "source"), 7, "target.source"),
        (("target", "source"), "", "target.source"),
        (("target",), "http://testserver/articles/7/", "target"),
        (("target",), [], "target"),
        (("target",), None, "target"),
        (("body",), [], "body.tagging"),
        (("body",), "numbers", "body"),
        (("body",), [None], "body"),
        (("body", 0, "purpose"), "describing", "body"),
        (("body", 0, "type"), "SpecificResource", "body"),
        (("body", 0, "value"), 3, "body.tagging"),
        (("body", 0, "value"), "  ", "body.tagging"),
        (("body", 1, "value"), {"x": 1}, "body.commenting"),
        (("body", 1, "value"), "c" * (w3c.MAX_FIELD_CHARS + 1), "body.commenting"),
        (("type",), "Note", "type"),
        (("motivation",), "bookmarking", "motivation"),
        (("motivation",), [], "motivation"),
        (("@context",), "http://schema.org/", "@context"),
    ],
)
def test_parse_new_rejects_with_the_field(path, value, field):
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_new(_set(valid_payload(), path, value))
    assert field in caught.value.errors, caught.value.errors
    assert all(isinstance(m, str) and m for messages in caught.value.errors.values() for m in messages)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (("target",), "target"),
        (("body",), "body"),
        (("target", "source"), "target.source"),
        (("target", "selector"), "target.selector"),
        (("target", "selector", 1, "start"), "target.selector.start"),
        (("target", "selector", 1, "end"), "target.selector.end"),
        (("target", "selector", 0, "exact"), "target.selector.exact"),
    ],
)
def test_parse_new_missing_fields(path, field):
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_new(_without(valid_payload(), *path))
    assert field in caught.value.errors


def test_parse_new_reports_several_fields_at_once():
    payload = _set(_set(valid_payload(), ("target", "selector", 1, "start"), "a"), ("body", 0, "value"), 1)
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_new(payload)
    assert {"target.selector.start", "body.tagging"} <= set(caught.value.errors)


def test_parse_new_duplicate_tagging_bodies():
    payload = valid_payload(body=[{"purpose": "tagging", "value": "numbers"}, {"purpose": "tagging", "value": "x"}])
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_new(payload)
    assert "body.tagging" in caught.value.errors


def test_parse_new_ignores_assessing_bodies():
    payload = valid_payload()
    payload["body"].append({"type": "TextualBody", "purpose": "assessing", "value": "Good catch"})
    assert w3c.parse_new(payload).category == "numbers"


@pytest.mark.parametrize("payload", [None, [], "x", 3, True])
def test_parse_new_non_object(payload):
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_new(payload)
    assert list(caught.value.errors) == ["json"]


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"   ",
        b"{",
        b"{'a': 1}",
        b"[1, 2]",
        b'"text"',
        b"null",
        b"\xff\xfe{}",
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b"[" * 100_000,
        b"{" + b" " * (w3c.MAX_BODY_BYTES + 1) + b"}",
    ],
)
def test_parse_json_rejects(raw):
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_json(raw)
    assert list(caught.value.errors) == ["json"]


def test_parse_json_accepts_bom_and_unicode():
    assert w3c.parse_json('\ufeff{"a": "Сирський – “x”"}'.encode()) == {"a": "Сирський – “x”"}


@pytest.mark.parametrize(
    ("content_type", "charset", "ok"),
    [
        ("application/json", None, True),
        ("application/ld+json", "utf-8", True),
        ("APPLICATION/JSON", "UTF-8", True),
        ("application/json", "latin-1", False),
        ("text/plain", None, False),
        ("application/x-www-form-urlencoded", None, False),
        ("multipart/form-data", None, False),
        ("", None, False),
    ],
)
def test_check_content_type(content_type, charset, ok):
    if ok:
        w3c.check_content_type(content_type, charset)
    else:
        with pytest.raises(w3c.InvalidAnnotation) as caught:
            w3c.check_content_type(content_type, charset)
        assert list(caught.value.errors) == ["content_type"]


def test_parse_changes_patch_only_what_is_sent():
    changes = w3c.parse_changes({"body": [{"purpose": "commenting", "value": ""}]}, partial=True)
    assert changes == w3c.AnnotationChanges(category=None, comment="", selection=None)


def test_parse_changes_put_clears_missing_comment_and_needs_target():
    changes = w3c.parse_changes(valid_payload(body=[{"purpose": "tagging", "value": "rhetoric"}]), partial=False)
    assert (changes.category, changes.comment) == ("rhetoric", "")
    assert changes.selection.start == 29
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.parse_changes({"body": [{"purpose": "tagging", "value": "rhetoric"}]}, partial=False)
    assert "target" in caught.value.errors


def test_to_annotation_orphan_keeps_only_the_quote():
    doc = w3c.to_annotation(record(orphaned=True))
    assert [s["type"] for s in doc["target"]["selector"]] == ["TextQuoteSelector"]


@pytest.mark.parametrize(
    ("prefix", "suffix", "fields"),
    [
        (None, None, set()),
        ("approximately ", " were", set()),
        ("Officials said approximately ", " were inside the city.", set()),
        ("roughly ", None, {"target.selector.prefix"}),
        (None, " are", {"target.selector.suffix"}),
        ("x", "y", {"target.selector.prefix", "target.selector.suffix"}),
    ],
)
def test_check_quote_context(prefix, suffix, fields):
    start = TEXT.index("300 troops")
    if not fields:
        w3c.check_quote_context(TEXT, start=start, end=start + 10, prefix=prefix, suffix=suffix)
        return
    with pytest.raises(w3c.InvalidAnnotation) as caught:
        w3c.check_quote_context(TEXT, start=start, end=start + 10, prefix=prefix, suffix=suffix)
    assert set(caught.value.errors) == fields
