"""Pages go out gzipped by teaching.middleware.FastGZipMiddleware: Django's GZipMiddleware at level 3."""

import gzip

from django.http import HttpResponse, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.test import RequestFactory

from teaching.middleware import FastGZipMiddleware

BODY = ("<p>Crosscheck reads the news with you. " * 200).encode()


def respond(body=BODY, *, accept="gzip, deflate, br", **headers):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept)
    return FastGZipMiddleware(lambda r: HttpResponse(body, headers=headers))(request)


def test_settings_use_the_fast_gzip_middleware(settings):
    assert "teaching.middleware.FastGZipMiddleware" in settings.MIDDLEWARE
    assert "django.middleware.gzip.GZipMiddleware" not in settings.MIDDLEWARE


def test_a_page_is_gzipped_and_decompresses_to_the_same_bytes():
    response = respond(ETag='"abc"')
    assert response["Content-Encoding"] == "gzip"
    assert response["Vary"] == "Accept-Encoding"
    assert response["Content-Length"] == str(len(response.content))
    assert response["ETag"] == 'W/"abc"'
    assert len(response.content) < len(BODY)
    assert gzip.decompress(response.content) == BODY


def test_responses_are_padded_against_breach_like_djangos():
    lengths = {len(respond().content) for _ in range(30)}
    assert len(lengths) > 1  # a random-length file name in the gzip header
    assert max(lengths) - min(lengths) < FastGZipMiddleware.max_random_bytes
    assert FastGZipMiddleware.max_random_bytes == GZipMiddleware.max_random_bytes


def test_what_django_leaves_alone_is_left_alone():
    short = respond(b"tiny")
    assert not short.has_header("Content-Encoding") and short.content == b"tiny"
    plain = respond(accept="identity")
    assert not plain.has_header("Content-Encoding") and plain.content == BODY
    assert plain["Vary"] == "Accept-Encoding"
    encoded = respond(**{"Content-Encoding": "br"})
    assert encoded.content == BODY


def test_streaming_responses_still_go_through_djangos_code():
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    response = FastGZipMiddleware(lambda r: StreamingHttpResponse(iter([BODY, BODY])))(request)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == BODY + BODY
