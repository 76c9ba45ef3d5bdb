"""The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), in plain Python.

No Django here: views turn rows into ``AnnotationRecord`` values, this module turns those into JSON-LD
dicts, and turns a client's JSON body into plain values (``NewAnnotation`` / ``AnnotationChanges``) or
an ``InvalidAnnotation`` carrying every problem found, keyed by the field's path in the W3C document.
It checks only *shape* (types, required parts, sizes). The rules of the classroom — is the quote what
the article says, is the category part of the assignment, is the work still editable — belong to the
annotation services, which the views call afterwards.

Error keys (``{"errors": {key: [message, ...]}}``):
    ``content_type`` and ``json`` describe the HTTP request itself; the rest name the W3C field:
    ``type``, ``motivation``, ``target``, ``target.source``, ``target.selector``,
    ``target.selector.start``, ``target.selector.end``, ``target.selector.exact``, ``target.selector.prefix``,
    ``target.selector.suffix``, ``body``, ``body.tagging`` (the category) and ``body.commenting`` (the comment).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
ACCEPTED_CONTENT_TYPES = ("application/json", "application/ld+json")

PURPOSE_TAGGING = "tagging"
PURPOSE_COMMENTING = "commenting"
# The teacher's mark and comment travel as a body with purpose "assessing" — the W3C purpose for
# "an assessment about the Target resource". It is server-managed: shown only once the work has been
# returned (or to the teacher), and ignored when a client sends it back in a PUT or PATCH.
PURPOSE_ASSESSING = "assessing"
MOTIVATIONS = ("highlighting", "commenting")

MAX_BODY_BYTES = 128 * 1024  # a 5,000-character quote plus a 2,000-character comment, escaped, fits easily
MAX_CONTEXT_CHARS = 256  # prefix / suffix sent by a client
MAX_OFFSET = 10**9
MAX_FIELD_CHARS = 10_000  # anything longer is refused here, before the services see it

IMMUTABLE_TARGET_MESSAGE = (
    "The highlighted text of an annotation can't be changed. "
    "Delete this annotation and create a new one on the words you want."
)


class InvalidAnnotation(ValueError):
    """A request body that is not an acceptable W3C annotation; ``errors`` maps field paths to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class _Errors:
    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise InvalidAnnotation(self.by_field)


# --- Output ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class AnnotationRecord:
    """What one annotation says, in plain values (the view fills it from the database row).

    Not frozen: a frozen dataclass sets each of its 19 fields through ``object.__setattr__``, which made building
    the records a fifth of a collection of 200's own work; nothing changes a record once it is built."""

    iri: str
    source: str  # the article's URL
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    category: str
    comment: str
    creator_iri: str
    creator_nickname: str
    creator_name: str
    created: datetime
    modified: datetime
    teacher_mark_label: str = ""
    teacher_comment: str = ""
    show_assessment: bool = False  # the work was returned, or the teacher is asking
    assessor_name: str = ""
    # Set aside after an article correction: the position points into an older text, so only the
    # quote (with its context) is given; a client can still find the words if they return.
    orphaned: bool = False


def iso_date(moment: datetime) -> str:
    """How a record's dates are written: to the second, UTC as "Z"."""
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def to_annotation(record: AnnotationRecord, *, with_context: bool = True, dates_as_text: bool = True) -> dict:
    """The record as a W3C Annotation. ``dates_as_text=False`` leaves ``created`` and ``modified`` as datetimes,
    for an encoder that writes them as ``iso_date`` does (the API's: teaching/views/api.py)."""
    body: list[dict] = [
        {"type": "TextualBody", "purpose": PURPOSE_TAGGING, "value": record.category, "format": "text/plain"}
    ]
    if record.comment:
        body.append(
            {"type": "TextualBody", "purpose": PURPOSE_COMMENTING, "value": record.comment, "format": "text/plain"}
        )
    if record.show_assessment and (record.teacher_mark_label or record.teacher_comment):
        value = ": ".join(part for part in (record.teacher_mark_label, record.teacher_comment) if part)
        assessment = {"type": "TextualBody", "purpose": PURPOSE_ASSESSING, "value": value, "format": "text/plain"}
        if record.assessor_name:
            assessment["creator"] = {"type": "Person", "name": record.assessor_name}
        body.append(assessment)
    document = {
        "id": record.iri,
        "type": "Annotation",
        "motivation": "commenting" if record.comment else "highlighting",
        "created": iso_date(record.created) if dates_as_text else record.created,
        "modified": iso_date(record.modified) if dates_as_text else record.modified,
        "creator": {
            "id": record.creator_iri,
            "type": "Person",
            "nickname": record.creator_nickname,
            "name": record.creator_name,
        },
        "body": body,
        "target": {
            "source": record.source,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": record.exact,
                    "prefix": record.prefix,
                    "suffix": record.suffix,
                },
                *(
                    []
                    if record.orphaned
                    else [{"type": "TextPositionSelector", "start": record.start, "end": record.end}]
                ),
            ],
        },
    }
    return {"@context": ANNO_CONTEXT, **document} if with_context else document


def to_collection(*, iri: str, label: str, records: Iterable[AnnotationRecord], dates_as_text: bool = True) -> dict:
    """An AnnotationCollection whose single AnnotationPage embeds every item (classes are small);
    ``dates_as_text``: as ``to_annotation``'s."""
    items = [to_annotation(r, with_context=False, dates_as_text=dates_as_text) for r in records]
    return {
        "@context": ANNO_CONTEXT,
        "id": iri,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"id": f"{iri}#page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


# --- Input -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewAnnotation:
    source: str
    start: int
    end: int
    exact: str
    prefix: str | None
    suffix: str | None
    category: str
    comment: str


@dataclass(frozen=True)
class Selection:
    source: str
    start: int
    end: int
    exact: str
    prefix: str | None
    suffix: str | None


@dataclass(frozen=True)
class AnnotationChanges:
    """``None`` leaves a field as it is. ``selection`` is what the client sent as target, if anything."""

    category: str | None
    comment: str | None
    selection: Selection | None


def check_content_type(content_type: str, charset: str | None = None) -> None:
    errors = _Errors()
    if (content_type or "").lower() not in ACCEPTED_CONTENT_TYPES:
        errors.add(
            "content_type",
            f"Send the annotation as JSON with Content-Type application/json or application/ld+json "
            f"(got {content_type or 'none'!s:.60}).",
        )
    elif charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        errors.add("content_type", "Send JSON encoded as UTF-8.")
    errors.raise_if_any()


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON")


def parse_json(raw: bytes) -> dict:
    """The request body as a JSON object, or InvalidAnnotation on ``json``."""
    if len(raw) > MAX_BODY_BYTES:
        raise InvalidAnnotation({"json": [f"The request is too large (at most {MAX_BODY_BYTES // 1024} KB)."]})
    if not raw.strip():
        raise InvalidAnnotation({"json": ["The request has no body: send a W3C annotation as a JSON object."]})
    try:
        text = raw.decode("utf-8-sig")
        value = json.loads(text, parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        raise InvalidAnnotation({"json": ["The request is not valid UTF-8 text."]}) from None
    except RecursionError:
        raise InvalidAnnotation({"json": ["The JSON is nested too deeply."]}) from None
    except ValueError as error:
        raise InvalidAnnotation({"json": [f"The request is not valid JSON ({str(error)[:120]})."]}) from None
    if not isinstance(value, dict):
        raise InvalidAnnotation({"json": ["Send one annotation as a JSON object ({...})."]})
    return value


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _storable(text: str) -> bool:
    """Text a database can hold: no NUL character, no lone surrogate (possible through JSON escapes)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _string(errors: _Errors, field: str, value: object, *, allow_empty: bool, max_chars: int) -> str | None:
    if not isinstance(value, str):
        errors.add(field, f"Must be text, not {_describe(value)}.")
        return None
    if not _storable(value):
        errors.add(field, "Contains a character that can't be stored (a NUL or an unpaired surrogate).")
        return None
    if not allow_empty and not value.strip():
        errors.add(field, "Must not be empty.")
        return None
    if len(value) > max_chars:
        errors.add(field, f"Is too long ({len(value)} characters; at most {max_chars}).")
        return None
    return value


def _offset(errors: _Errors, field: str, value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            errors.add(field, "Must be a whole number written without a decimal point.")
        else:
            errors.add(field, f"Must be a whole number of characters, not {_describe(value)}.")
        return None
    if value < 0 or value > MAX_OFFSET:
        errors.add(field, "Is outside the article.")
        return None
    return value


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _check_envelope(errors: _Errors, payload: dict) -> None:
    context = payload.get("@context", ANNO_CONTEXT)
    if ANNO_CONTEXT not in _as_list(context):
        errors.add("@context", f"Use the Web Annotation context {ANNO_CONTEXT}.")
    if "type" in payload and payload["type"] != "Annotation" and "Annotation" not in _as_list(payload["type"]):
        errors.add("type", 'The type of a W3C annotation is "Annotation".')
    if "motivation" in payload:
        motivations = _as_list(payload["motivation"])
        if not motivations or not all(isinstance(m, str) and m in MOTIVATIONS for m in motivations):
            errors.add("motivation", 'Use "highlighting" or "commenting".')


def _parse_target(errors: _Errors, target: object) -> Selection | None:
    if isinstance(target, list):
        if len(target) != 1:
            errors.add("target", "An annotation here has exactly one target: a passage of one article.")
            return None
        target = target[0]
    if not isinstance(target, dict):
        errors.add("target", f"Must be an object with source and selector, not {_describe(target)}.")
        return None
    source = None
    if "source" not in target:
        errors.add("target.source", "Give the URL of the article.")
    else:
        source = _string(errors, "target.source", target["source"], allow_empty=False, max_chars=2000)
    if "selector" not in target:
        errors.add("target.selector", "Give a TextQuoteSelector and a TextPositionSelector.")
        return None
    quote = position = None
    for selector in _as_list(target["selector"]):
        if not isinstance(selector, dict):
            errors.add("target.selector", f"Each selector must be an object, not {_describe(selector)}.")
            return None
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and quote is None:
            quote = selector
        elif kind == "TextPositionSelector" and position is None:
            position = selector
        elif kind in ("TextQuoteSelector", "TextPositionSelector"):
            errors.add("target.selector", f"Give only one {kind}.")
            return None
        else:
            errors.add(
                "target.selector",
                f"Unsupported selector type {str(kind)[:40]!r}: use TextQuoteSelector and TextPositionSelector.",
            )
            return None
    if quote is None or position is None:
        missing = " and ".join(
            name for name, sel in (("TextQuoteSelector", quote), ("TextPositionSelector", position)) if sel is None
        )
        errors.add("target.selector", f"Missing {missing}.")
        return None
    start = end = None
    for key in ("start", "end"):
        if key not in position:
            errors.add(f"target.selector.{key}", f"The TextPositionSelector needs {key}.")
    if "start" in position:
        start = _offset(errors, "target.selector.start", position["start"])
    if "end" in position:
        end = _offset(errors, "target.selector.end", position["end"])
    if start is not None and end is not None and end <= start:
        errors.add("target.selector.end", "Must be after start: select at least one character.")
    exact = None
    if "exact" not in quote:
        errors.add("target.selector.exact", "The TextQuoteSelector needs exact: the highlighted words.")
    else:
        exact = _string(errors, "target.selector.exact", quote["exact"], allow_empty=False, max_chars=MAX_FIELD_CHARS)
    context = {}
    for key in ("prefix", "suffix"):
        context[key] = None
        if key in quote:
            context[key] = _string(
                errors, f"target.selector.{key}", quote[key], allow_empty=True, max_chars=MAX_CONTEXT_CHARS
            )
    if None in (source, start, end, exact):
        return None
    return Selection(source=source, start=start, end=end, exact=exact, **context)


def _parse_bodies(errors: _Errors, body: object) -> tuple[str | None, str | None, bool]:
    """(category, comment, ok). Assessing bodies are server-managed and skipped."""
    items = _as_list(body)
    category = comment = None
    ok = True
    for item in items:
        if isinstance(item, str):
            errors.add("body", "Send each body as a TextualBody object with purpose and value, not a URL.")
            return None, None, False
        if not isinstance(item, dict):
            errors.add("body", f"Each body must be a TextualBody object, not {_describe(item)}.")
            return None, None, False
        if item.get("type", "TextualBody") != "TextualBody":
            errors.add("body", "Only TextualBody bodies are accepted.")
            return None, None, False
        purpose = item.get("purpose")
        if purpose == PURPOSE_ASSESSING:
            continue
        if purpose not in (PURPOSE_TAGGING, PURPOSE_COMMENTING):
            errors.add("body", 'Each body needs purpose "tagging" (the category) or "commenting" (your comment).')
            return None, None, False
        field = f"body.{purpose}"
        if field in errors.by_field:
            continue
        if (purpose == PURPOSE_TAGGING and category is not None) or (
            purpose == PURPOSE_COMMENTING and comment is not None
        ):
            errors.add(field, f'Give only one body with purpose "{purpose}".')
            ok = False
            continue
        if "value" not in item:
            errors.add(field, "The body needs a value.")
            ok = False
            continue
        value = _string(
            errors, field, item["value"], allow_empty=purpose == PURPOSE_COMMENTING, max_chars=MAX_FIELD_CHARS
        )
        if value is None:
            ok = False
        elif purpose == PURPOSE_TAGGING:
            category = value.strip()
        else:
            comment = value
    return category, comment, ok


def parse_new(payload: object) -> NewAnnotation:
    """A complete annotation from a client (POST)."""
    if not isinstance(payload, dict):
        raise InvalidAnnotation({"json": ["Send one annotation as a JSON object ({...})."]})
    errors = _Errors()
    _check_envelope(errors, payload)
    selection = None
    if "target" not in payload:
        errors.add("target", "Give the target: the article's URL and the selected text.")
    else:
        selection = _parse_target(errors, payload["target"])
    category = comment = None
    if "body" not in payload:
        errors.add("body", 'Give a TextualBody with purpose "tagging": rhetoric, sourcing or numbers.')
    else:
        category, comment, _ = _parse_bodies(errors, payload["body"])
        if category is None and not errors.by_field.get("body") and "body.tagging" not in errors.by_field:
            errors.add("body.tagging", 'Give a TextualBody with purpose "tagging": rhetoric, sourcing or numbers.')
    errors.raise_if_any()
    assert selection is not None and category is not None
    return NewAnnotation(
        source=selection.source,
        start=selection.start,
        end=selection.end,
        exact=selection.exact,
        prefix=selection.prefix,
        suffix=selection.suffix,
        category=category,
        comment=comment or "",
    )


def parse_changes(payload: object, *, partial: bool) -> AnnotationChanges:
    """Changes from a PUT (``partial=False``: the whole annotation, a missing comment clears it) or a PATCH
    (only what is sent changes). Server-managed fields (id, creator, created, modified, assessing) are ignored."""
    if not isinstance(payload, dict):
        raise InvalidAnnotation({"json": ["Send one annotation as a JSON object ({...})."]})
    errors = _Errors()
    _check_envelope(errors, payload)
    selection = None
    if "target" in payload:
        selection = _parse_target(errors, payload["target"])
    elif not partial:
        errors.add("target", "A PUT sends the whole annotation, target included (or use PATCH).")
    category = comment = None
    if "body" in payload:
        category, comment, _ = _parse_bodies(errors, payload["body"])
        if not partial and category is None and not errors.by_field.get("body"):
            errors.by_field.setdefault("body.tagging", []).append(
                'Give a TextualBody with purpose "tagging": rhetoric, sourcing or numbers.'
            )
        if not partial and comment is None:
            comment = ""
    elif not partial:
        errors.add("body", "A PUT sends the whole annotation, body included (or use PATCH).")
    errors.raise_if_any()
    return AnnotationChanges(category=category, comment=comment, selection=selection)


def check_quote_context(text: str, *, start: int, end: int, prefix: str | None, suffix: str | None) -> None:
    """A client's prefix/suffix must agree with the article around the quote (when the span is inside it;
    the services explain a span outside it). Clients send as much context as they like, so compare ends."""
    if not (0 <= start < end <= len(text)):
        return
    errors = _Errors()
    if prefix and not text[:start].endswith(prefix):
        errors.add("target.selector.prefix", "The text before the highlight does not match the article.")
    if suffix and not text[end:].startswith(suffix):
        errors.add("target.selector.suffix", "The text after the highlight does not match the article.")
    errors.raise_if_any()
