"""The API under failure: every /api/ error answers JSON (500 included), a dropped database connection costs
no 500, two identical creates in flight answer 201 then 200, and a form with text that is not UTF-8 is refused."""

import json
import threading

import pytest
from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.test import Client
from django.urls import reverse

from teaching import selectors
from teaching.models import Annotation
from tests import factories
from tests.teaching.views.test_api import payload_for

ON_POSTGRES = connection.vendor == "postgresql"
POSTGRES_ONLY = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="PostgreSQL only (run the suite with DATABASE_URL=postgres://…, as CI does): it needs a server that "
    "ends the app's connections, or two connections writing at once (the in-memory SQLite test database "
    "cannot have two writers)",
)


def list_url(assignment) -> str:
    return reverse("teaching:api_assignment_annotations", args=[assignment.pk])


def _payload(article, phrase: str, comment: str = "") -> dict:
    return payload_for(article, phrase, comment=comment or None)


def _post(client, assignment, payload):
    return client.post(list_url(assignment), data=json.dumps(payload), content_type="application/ld+json")


# --- JSON for every API error ------------------------------------------------------------------------------


def test_an_api_server_error_answers_json(student, assignment, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "get_assignment_for_reader", broken)
    client = Client(raise_request_exception=False)
    client.force_login(student)
    response = client.get(list_url(assignment))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["errors"]["server"]


def test_a_page_server_error_stays_the_friendly_page(student, assignment, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "get_assignment_for_student", broken)
    client = Client(raise_request_exception=False)
    client.force_login(student)
    response = client.get(reverse("teaching:assignment_read", args=[assignment.pk]))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


def test_an_unknown_api_url_answers_json(student_client):
    response = student_client.get("/api/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["errors"]["detail"]


# --- A second highlight, and identical creates ---------------------------------------------------------------


def test_the_same_words_again_with_another_comment_is_a_second_highlight(student_client, assignment, article):
    first = _post(student_client, assignment, _payload(article, "300 troops", "Who counted?"))
    second = _post(student_client, assignment, _payload(article, "300 troops", "Compare with the BBC"))
    assert (first.status_code, second.status_code) == (201, 201)
    assert sorted(Annotation.objects.values_list("comment", flat=True)) == ["Compare with the BBC", "Who counted?"]


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True)
def test_two_identical_creates_in_flight_answer_201_then_200(student, assignment, article):
    payload = _payload(article, "300 troops", "Who counted?")
    statuses: list[int] = []
    barrier = threading.Barrier(2)

    def send() -> None:
        try:
            client = Client()
            client.force_login(student)
            barrier.wait(5)
            statuses.append(_post(client, assignment, payload).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(statuses) == [200, 201]
    assert Annotation.objects.count() == 1


# --- A dropped database connection ---------------------------------------------------------------------------


def test_connection_health_checks_are_on():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True)
def test_postgres_ending_the_apps_connections_costs_no_500(student, assignment, article):
    factories.annotation_for(factories.SubmissionFactory(assignment=assignment, student=student), article, "300 troops")
    kept = connection.settings_dict["CONN_MAX_AGE"]
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 600  # connections kept between requests, as in production
    client = Client(raise_request_exception=False)
    try:
        client.force_login(student)

        def request(method: str, *args, **kwargs):
            close_old_connections()  # what Django's handler does at the start of every request
            return getattr(client, method)(*args, **kwargs)

        assert request("get", list_url(assignment)).status_code == 200
        for method, args, kwargs in [
            ("get", [list_url(assignment)], {}),
            ("post", [list_url(assignment)], {
                "data": json.dumps(_payload(article, "general staff")), "content_type": "application/ld+json",
            }),
        ]:  # fmt: skip
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            other = connections.create_connection("default")
            try:
                with other.cursor() as cursor:  # the server ends the app's connection (failover, restart)
                    cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            finally:
                other.close()
            response = request(method, *args, **kwargs)
            assert response.status_code in (200, 201), response.content[:500]
            assert response["Content-Type"].startswith("application/")
    finally:
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = kept


# --- Form text that is not UTF-8 -------------------------------------------------------------------------------


def test_a_form_comment_that_is_not_utf8_is_refused_and_nothing_stored(student_client, assignment, article):
    phrase = "300 troops"
    start = article.body_text.index(phrase)
    body = (
        f"category=numbers&start={start}&end={start + len(phrase)}&exact=300%20troops&comment=caf%E9%20%FF"
    ).encode()
    url = reverse("teaching:annotation_create", args=[assignment.pk, 1])
    response = student_client.post(
        url, data=body, content_type="application/x-www-form-urlencoded", headers={"HX-Request": "true"}
    )
    assert response.status_code == 400
    assert "not valid UTF-8 (comment)" in response.content.decode()
    assert not Annotation.objects.exists()


def test_a_form_comment_in_utf8_is_saved(student_client, assignment, article):
    phrase = "300 troops"
    start = article.body_text.index(phrase)
    body = f"category=numbers&start={start}&end={start + len(phrase)}&exact=300%20troops&comment=caf%C3%A9".encode()
    url = reverse("teaching:annotation_create", args=[assignment.pk, 1])
    response = student_client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert Annotation.objects.get().comment == "café"


def test_a_multipart_form_comment_that_is_not_utf8_is_refused_too(student_client, assignment, article):
    # What a hand-made client sends with curl -F: Django would decode it leniently as well.
    phrase = "300 troops"
    start = article.body_text.index(phrase)
    fields = {"category": b"numbers", "start": str(start).encode(), "end": str(start + len(phrase)).encode()}
    fields |= {"exact": phrase.encode(), "comment": b"caf\xe9 \xff"}
    body = b"".join(
        b'--XyZ\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (name.encode(), value)
        for name, value in fields.items()
    )
    body += b"--XyZ--\r\n"
    url = reverse("teaching:annotation_create", args=[assignment.pk, 1])
    response = student_client.post(url, data=body, content_type="multipart/form-data; boundary=XyZ")
    assert response.status_code == 400
    assert "not valid UTF-8 (comment)" in response.content.decode()
    assert not Annotation.objects.exists()
    # The same form in UTF-8 is saved.
    body = body.replace(b"caf\xe9 \xff", "café".encode())
    response = student_client.post(url, data=body, content_type="multipart/form-data; boundary=XyZ")
    assert response.status_code == 302
    assert Annotation.objects.get().comment == "café"
