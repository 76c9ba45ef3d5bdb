"""CSV and JSON-LD exports: safe cells, intact characters, who may download what, query counts."""

import csv
import io
import json

import pytest
from django.urls import reverse

from teaching.models import Annotation, Submission
from teaching.text import exports
from tests import factories

CYRILLIC_BODY = (
    "# Сирський on Pokrovsk\n\n"
    "General Oleksandr Syrskyi (Олександр Сирський) said “about 300” soldiers held the line – a figure "
    "no one could check.\n"
)


def parse_csv(response) -> list[list[str]]:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:10]
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# --- Pure -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-5 degrees", "'-5 degrees"),
        ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("  =1+1", "'  =1+1"),
        ("\n\n-2", "'\n\n-2"),
        ("\u00a0@x", "'\u00a0@x"),
        ("300 troops", "300 troops"),
        ("“modern-day Stalingrad” – a claim", "“modern-day Stalingrad” – a claim"),
        ("a = b", "a = b"),
        ("Сирський", "Сирський"),
        ("", ""),
        (None, ""),
        (42, 42),
        (0, 0),
    ],
)
def test_neutralise(value, expected):
    assert exports.neutralise(value) == expected


def _row(**overrides):
    values = dict(
        student="Олександр Сирський",
        username="sam",
        article="“Troops” – enter",
        category="Numbers",
        quote="-5 degrees",
        comment='=HYPERLINK("http://x","click")',
        teacher_mark="Good catch",
        teacher_comment="@ look again",
        start=10,
        end=20,
        status="Returned",
    )
    values.update(overrides)
    return exports.ExportRow(**values)


def test_to_csv_round_trips_with_bom_and_guards():
    text = exports.to_csv([_row(), _row(quote="Сирський’s “300” – roughly", comment='multi\nline, with "quotes"')])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert rows[0] == exports.HEADERS
    assert "Key match" not in rows[0]
    assert rows[1] == [
        "Олександр Сирський",
        "sam",
        "“Troops” – enter",
        "Numbers",
        "'-5 degrees",
        '\'=HYPERLINK("http://x","click")',
        "Good catch",
        "'@ look again",
        "10",
        "20",
        "Returned",
    ]
    assert rows[2][4:6] == ["Сирський’s “300” – roughly", 'multi\nline, with "quotes"']


def test_to_csv_key_match_column_only_when_asked():
    text = exports.to_csv([_row(key_match="=matched")], with_key_match=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert rows[0][-1] == "Key match"
    assert rows[1][-1] == "'=matched"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (
            ("Pokrovsk: four reports", "Year 10 Media", "highlights"),
            "pokrovsk-four-reports-year-10-media-highlights.csv",
        ),
        (("Сирський", "sam"), "sam.csv"),
        (("Café “quotes” – dash",), "cafe-quotes-dash.csv"),
        (('../../etc/passwd"; x=', ""), "etc-passwd-x.csv"),
        (("Сирський",), "export.csv"),
        (("a" * 200,), "a" * 80 + ".csv"),
    ],
)
def test_safe_filename(parts, expected):
    assert exports.safe_filename(*parts, extension="csv") == expected


# --- Views ------------------------------------------------------------------------------------------


@pytest.fixture
def cyrillic_article(lesson):
    article = factories.ArticleFactory(title="Сирський – “the line”", body_markdown=CYRILLIC_BODY)
    factories.LessonArticleFactory(lesson=lesson, article=article, position=2)
    return article


@pytest.fixture
def work(submission, other_student, assignment, article, cyrillic_article):
    """Sam: two highlights (one with a formula-looking comment, one Cyrillic); Riya: one."""
    factories.annotation_for(
        submission,
        article,
        "300 troops",
        comment='=HYPERLINK("http://x","click")',
        teacher_mark=Annotation.Mark.GOOD_CATCH,
        teacher_comment="Compare – the other report says 200.",
    )
    factories.annotation_for(
        submission, cyrillic_article, "Олександр Сирський", category="sourcing", comment="Who is “Сирський”?"
    )
    riya = factories.SubmissionFactory(assignment=assignment, student=other_student, status=Submission.Status.SUBMITTED)
    factories.annotation_for(riya, article, "modern-day Stalingrad", category="rhetoric")
    return submission


URLS = {
    "csv": "teaching:export_assignment_csv",
    "jsonld": "teaching:export_assignment_jsonld",
    "my_csv": "teaching:export_my_work_csv",
    "my_jsonld": "teaching:export_my_work_jsonld",
}


def test_teacher_csv(client, teacher, assignment, work):
    client.force_login(teacher)
    response = client.get(reverse(URLS["csv"], args=[assignment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    filename = response["Content-Disposition"]
    assert filename.startswith('attachment; filename="') and filename.endswith('-year-10-media-highlights.csv"')
    assert filename.isascii()
    header, *rows = parse_csv(response)
    assert header == exports.HEADERS
    assert [(r[1], r[3], r[4]) for r in rows] == [
        ("riya", "Rhetoric", "modern-day Stalingrad"),
        ("sam", "Numbers", "300 troops"),
        ("sam", "Sourcing", "Олександр Сирський"),
    ]
    sam_numbers = rows[1]
    assert sam_numbers[2] == "Troops enter the city"
    assert sam_numbers[5] == '\'=HYPERLINK("http://x","click")'
    assert sam_numbers[6:8] == ["Good catch", "Compare – the other report says 200."]
    assert sam_numbers[10] == "In progress"
    assert int(sam_numbers[9]) - int(sam_numbers[8]) == len("300 troops")
    assert rows[2][2] == "Сирський – “the line”" and rows[2][5] == "Who is “Сирський”?"
    assert rows[0][10] == "Submitted"


def test_student_csv_is_own_work_and_hides_unreturned_marks(client, student, assignment, work):
    client.force_login(student)
    url = reverse(URLS["my_csv"], args=[assignment.pk])
    header, *rows = parse_csv(client.get(url))
    assert {r[1] for r in rows} == {"sam"} and len(rows) == 2
    assert rows[0][6:8] == ["", ""]
    work.status = Submission.Status.RETURNED
    work.save()
    header, *rows = parse_csv(client.get(url))
    assert rows[0][6:8] == ["Good catch", "Compare – the other report says 200."]


def test_jsonld_download_is_the_api_collection(client, teacher, assignment, work):
    client.force_login(teacher)
    response = client.get(reverse(URLS["jsonld"], args=[assignment.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
    assert response["Content-Disposition"].endswith('-annotations.jsonld"')
    assert "Сирський" in response.content.decode("utf-8")  # not \u-escaped
    document = json.loads(response.content)
    api = client.get(reverse("teaching:api_assignment_annotations", args=[assignment.pk])).json()
    assert document["type"] == "AnnotationCollection" and document["total"] == 3
    assert sorted(i["id"] for i in document["first"]["items"]) == sorted(i["id"] for i in api["first"]["items"])


def test_student_jsonld_is_own_work(client, other_student, assignment, work):
    client.force_login(other_student)
    document = json.loads(client.get(reverse(URLS["my_jsonld"], args=[assignment.pk])).content)
    assert [i["creator"]["nickname"] for i in document["first"]["items"]] == ["riya"]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("student", {"my_csv", "my_jsonld"}),
        ("other_student", {"my_csv", "my_jsonld"}),
        ("teacher", {"csv", "jsonld"}),
        ("other_teacher", set()),
        ("admin_user", set()),
        ("outsider", set()),
        ("anonymous", set()),
    ],
)
@pytest.mark.parametrize("export", list(URLS))
def test_export_permissions(client, request, assignment, work, role, allowed, export):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(reverse(URLS[export], args=[assignment.pk]))
    if export in allowed:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 404
        assert "300 troops" not in response.content.decode()


@pytest.mark.parametrize("size", [1, 8])
@pytest.mark.parametrize("export", ["csv", "jsonld"])
def test_export_query_count_is_constant(client, django_assert_num_queries, teacher, assignment, article, size, export):
    for _ in range(size):
        learner = factories.StudentFactory()
        factories.EnrollmentFactory(classroom=assignment.classroom, student=learner)
        sub = factories.SubmissionFactory(assignment=assignment, student=learner)
        factories.annotation_for(sub, article, "300 troops")
        factories.annotation_for(sub, article, "general staff", category="sourcing")
    client.force_login(teacher)
    # session + user, the assignment, the lesson's article order, the submissions with their students, the
    # annotations; the CSV also asks for the articles' titles and the lesson's reference key ("Key match")
    with django_assert_num_queries(8 if export == "csv" else 6):
        response = client.get(reverse(URLS[export], args=[assignment.pk]))
    assert response.status_code == 200


def test_review_page_links_to_exports(client, teacher, assignment, work):
    client.force_login(teacher)
    page = client.get(reverse("teaching:assignment_review", args=[assignment.pk])).content.decode()
    assert reverse(URLS["csv"], args=[assignment.pk]) in page
    assert reverse(URLS["jsonld"], args=[assignment.pk]) in page


def test_dashboard_links_to_my_work_only_once_started(client, student, classroom, lesson, assignment, work):
    untouched = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    client.force_login(student)
    page = client.get(reverse("teaching:dashboard")).content.decode()
    assert reverse(URLS["my_csv"], args=[assignment.pk]) in page
    assert reverse(URLS["my_jsonld"], args=[assignment.pk]) in page
    assert reverse(URLS["my_csv"], args=[untouched.pk]) not in page
