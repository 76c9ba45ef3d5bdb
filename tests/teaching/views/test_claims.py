"""Views for number claims, claim links, the ledger and side by side: access, htmx fragments, PRG, queries."""

import pytest
from django.urls import reverse

from teaching import services
from teaching.models import Annotation, Comparison, Submission
from tests import factories
from tests.teaching.helpers import FORCES_002, FORCES_003, SOLDIERS_002, SOLDIERS_003, claim, link, soldiers_pair

HX = {"HX-Request": "true"}


def _ledger(assignment):
    return reverse("teaching:numbers_ledger", args=[assignment.pk])


# --- the ledger ----------------------------------------------------------------------------------------


def test_ledger_shows_comparisons_with_the_computed_verdict_beside_the_students(
    client, student, pk_submission, articles
):
    a, b = soldiers_pair(pk_submission, articles)
    link(pk_submission, a, b)
    c, d = claim(pk_submission, articles["002"], FORCES_002), claim(pk_submission, articles["003"], FORCES_003)
    link(pk_submission, c, d, relation="contradict")
    client.force_login(student)
    html = client.get(_ledger(pk_submission.assignment)).content.decode()
    assert "Numbers ledger" in html
    assert "≈ 300 troops" in html and "≈ 200 soldiers" in html
    assert 'data-computed="disagree" data-relation="contradict"' in html
    assert "The numbers bear this out" in html
    # 11,000 and about 11,000 overlap: the ledger asks rather than corrects
    assert 'data-computed="compatible" data-relation="contradict"' in html
    assert "are they really contradictory?" in html
    assert "Russian soldiers inside the city" in html


def test_ledger_neither_questions_nor_bears_out_figures_that_are_only_close(client, student, submission, lesson):
    """ "About 1,400 homes" against "around 1,200 homes" (a flood story, not the launch lesson): the figures meet
    only if both are taken loosely. A student who calls them contradictory is not questioned, and not told the
    numbers bear them out either."""
    one = factories.ArticleFactory(body_markdown="The scheme would protect about 1,400 homes, officials said.")
    two = factories.ArticleFactory(body_markdown="The wall will shield around 1,200 homes by 2027.")
    factories.LessonArticleFactory(lesson=lesson, article=one, position=2)
    factories.LessonArticleFactory(lesson=lesson, article=two, position=3)
    a = claim(submission, one, "about 1,400 homes", counted="homes protected")
    b = claim(submission, two, "around 1,200 homes", counted="homes protected")
    link(submission, a, b, relation="contradict")
    client.force_login(student)
    html = client.get(_ledger(submission.assignment)).content.decode()
    assert 'data-computed="close" data-relation="contradict"' in html
    assert "Close: can’t tell" in html
    assert "The numbers alone can’t tell: your verdict stands" in html
    assert "are they really contradictory?" not in html
    assert "The numbers bear this out" not in html


def test_ledger_empty_state_teaches_how_to_link(client, student, pk_submission):
    client.force_login(student)
    html = client.get(_ledger(pk_submission.assignment)).content.decode()
    assert "No comparisons yet" in html
    assert "what each one counts" in html
    assert reverse("teaching:article_compare_pick", args=[pk_submission.assignment.pk]) in html


def test_ledger_says_when_a_quote_has_no_number(client, student, pk_submission, articles):
    claim(pk_submission, articles["001"], "tens of thousands", counted="")
    client.force_login(student)
    html = client.get(_ledger(pk_submission.assignment)).content.decode()
    assert "Not a number we can compare — describe it in words." in html


def test_ledger_escapes_what_students_write(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles, place="<script>alert(1)</script>")
    services.create_comparison(
        submission=pk_submission, annotations=[a, b], relation="agree", note="<b>bold</b>", by=student
    )
    client.force_login(student)
    html = client.get(_ledger(pk_submission.assignment)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_ledger_htmx_returns_the_region_only(client, student, pk_submission, articles):
    soldiers_pair(pk_submission, articles)
    client.force_login(student)
    html = client.get(_ledger(pk_submission.assignment), headers=HX).content.decode()
    assert html.lstrip().startswith('<div class="ledger-region" id="ledger-region"')
    assert "<html" not in html


def test_ledger_before_starting_shows_an_empty_ledger_and_writes_nothing(client, student, pk_assignment):
    client.force_login(student)
    response = client.get(_ledger(pk_assignment))
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize("who", ["teacher", "outsider", "anonymous"])
def test_ledger_is_only_for_the_students_own_work(client, pk_submission, teacher, who):
    if who == "teacher":
        client.force_login(teacher)
    elif who == "outsider":
        client.force_login(factories.StudentFactory(username="stranger"))
    response = client.get(_ledger(pk_submission.assignment))
    if who == "anonymous":
        assert response.status_code == 302 and "login" in response.url
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("size", [2, 6])
def test_ledger_query_count_does_not_grow(client, student, pk_submission, articles, django_assert_num_queries, size):
    phrases_002 = [
        SOLDIERS_002,
        FORCES_002,
        "150,000-170,000",
        "roughly 60%",
        "at least 162 Russian soldiers",
        "up to 100",
    ]
    phrases_003 = [SOLDIERS_003, FORCES_003, "more than 60,000", "roughly 1,200", "some 6–8 kilometres", "45,000"]
    for p2, p3 in list(zip(phrases_002, phrases_003, strict=True))[:size]:
        link(pk_submission, claim(pk_submission, articles["002"], p2), claim(pk_submission, articles["003"], p3))
    client.force_login(student)
    # session + user, submission, lesson articles, comparisons + their members, numbers highlights
    with django_assert_num_queries(7):
        response = client.get(_ledger(pk_submission.assignment))
    assert response.content.decode().count('class="ledger-row') == size


# --- writes ---------------------------------------------------------------------------------------------


def test_create_comparison_htmx_answers_the_region_with_the_new_row(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    client.force_login(student)
    url = reverse("teaching:comparison_create", args=[pk_submission.assignment.pk])
    response = client.post(
        url, {"annotations": [a.pk, b.pk], "relation": "contradict", "note": "300 vs 200"}, headers=HX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="ledger-region"')
    assert "Numbers linked." in html
    assert 'data-computed="disagree" data-relation="contradict"' in html
    assert Comparison.objects.get().annotations.count() == 2


def test_create_comparison_without_htmx_redirects_back(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    client.force_login(student)
    url = reverse("teaching:comparison_create", args=[pk_submission.assignment.pk])
    response = client.post(url, {"annotations": [a.pk, b.pk], "relation": "agree"})
    assert response.status_code == 302 and response.url == _ledger(pk_submission.assignment)
    nxt = client.post(url, {"annotations": [a.pk, b.pk], "relation": "agree", "next": "https://evil.example/"})
    assert nxt.url == _ledger(pk_submission.assignment)  # not an open redirect


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"relation": "contradict"}, "Choose at least two numbers"),
        ({"annotations": "A", "relation": "maybe"}, "agree, contradict or measure different things"),
        ({"annotations": "A", "relation": "agree"}, "at least two different numbers"),
        ({"annotations": ["A", "999999"], "relation": "agree"}, "only link your own numbers highlights"),
    ],
)
def test_create_comparison_bad_input_shows_a_reason_and_changes_nothing(
    client, student, pk_submission, articles, data, message
):
    a, _ = soldiers_pair(pk_submission, articles)
    data = {
        k: ([a.pk if x == "A" else x for x in v] if isinstance(v, list) else (a.pk if v == "A" else v))
        for k, v in data.items()
    }
    client.force_login(student)
    url = reverse("teaching:comparison_create", args=[pk_submission.assignment.pk])
    response = client.post(url, data, headers=HX)
    assert response.status_code == 400  # refused: the region with the reason, as every write answers
    assert "data-errors" in response.content.decode() and message in response.content.decode()
    assert "write-refused" in response.headers["HX-Trigger"]
    assert not Comparison.objects.exists()


def test_create_comparison_cannot_use_another_students_highlight(
    client, student, other_student, pk_submission, articles
):
    a, _ = soldiers_pair(pk_submission, articles)
    theirs = factories.SubmissionFactory(assignment=pk_submission.assignment, student=other_student)
    b = claim(theirs, articles["003"], SOLDIERS_003)
    client.force_login(student)
    url = reverse("teaching:comparison_create", args=[pk_submission.assignment.pk])
    response = client.post(url, {"annotations": [a.pk, b.pk], "relation": "agree"}, headers=HX)
    assert "data-errors" in response.content.decode()
    assert not Comparison.objects.exists()


def test_claim_update_card_fragment(client, student, pk_submission, articles):
    a = claim(pk_submission, articles["002"], SOLDIERS_002, counted="")
    client.force_login(student)
    url = reverse("teaching:claim_update", args=[a.pk])
    response = client.post(url, {"counted": "troops in the city", "place": "Pokrovsk", "fragment": "card"}, headers=HX)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="claim-card" id="claim-{a.pk}"')
    assert "Saved" in html and "≈ 300 troops" in html
    a.refresh_from_db()
    assert (a.counted, a.place, a.time_window) == ("troops in the city", "Pokrovsk", "")


def test_claim_update_too_long_keeps_the_old_words(client, student, pk_submission, articles):
    a = claim(pk_submission, articles["002"], SOLDIERS_002)
    client.force_login(student)
    url = reverse("teaching:claim_update", args=[a.pk])
    response = client.post(url, {"counted": "x" * 121, "fragment": "card"}, headers=HX)
    assert "at most 120 characters" in response.content.decode()
    a.refresh_from_db()
    assert a.counted == "Russian soldiers inside the city"


@pytest.mark.parametrize("name", ["claim_update", "comparison_update", "comparison_delete"])
def test_writes_on_someone_elses_work_are_404(client, student, other_student, pk_submission, articles, name):
    a, b = soldiers_pair(pk_submission, articles)
    comparison = link(pk_submission, a, b)
    target = a.pk if name == "claim_update" else comparison.pk
    client.force_login(other_student)
    response = client.post(reverse(f"teaching:{name}", args=[target]), {"counted": "x", "relation": "agree"})
    assert response.status_code == 404
    assert Comparison.objects.filter(pk=comparison.pk, relation="contradict").exists()
    assert Annotation.objects.get(pk=a.pk).counted == "Russian soldiers inside the city"


def test_writes_need_post(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    comparison = link(pk_submission, a, b)
    client.force_login(student)
    assert client.get(reverse("teaching:comparison_delete", args=[comparison.pk])).status_code == 405
    assert Comparison.objects.filter(pk=comparison.pk).exists()


def test_update_and_delete_comparison_htmx(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    comparison = link(pk_submission, a, b)
    client.force_login(student)
    url = reverse("teaching:comparison_update", args=[comparison.pk])
    html = client.post(url, {"relation": "agree", "note": "same?"}, headers=HX).content.decode()
    assert "Link saved." in html and "how can they agree?" in html
    html = client.post(reverse("teaching:comparison_delete", args=[comparison.pk]), headers=HX).content.decode()
    assert "Link removed" in html and not Comparison.objects.exists()


def test_submitted_work_cannot_be_linked(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    client.force_login(student)
    url = reverse("teaching:comparison_create", args=[pk_submission.assignment.pk])
    response = client.post(url, {"annotations": [a.pk, b.pk], "relation": "agree"}, headers=HX)
    assert "read-only" in response.content.decode()
    assert not Comparison.objects.exists()
    page = client.get(_ledger(pk_submission.assignment)).content.decode()
    assert "Link these numbers" not in page and 'name="counted"' not in page


# --- the teacher's view -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("who", "status"), [("teacher", 200), ("other_teacher", 404), ("student", 404)])
def test_submission_ledger_only_for_the_class_teacher(
    client, pk_submission, articles, teacher, other_teacher, student, who, status
):
    a, b = soldiers_pair(pk_submission, articles)
    link(pk_submission, a, b)
    client.force_login({"teacher": teacher, "other_teacher": other_teacher, "student": student}[who])
    response = client.get(reverse("teaching:submission_ledger", args=[pk_submission.pk]))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "≈ 300 troops" in html and "Student says" in html
        assert "Link these numbers" not in html  # read-only


# --- side by side -----------------------------------------------------------------------------------------


def test_compare_pick_redirects_to_the_pair(client, student, pk_submission):
    client.force_login(student)
    url = reverse("teaching:article_compare_pick", args=[pk_submission.assignment.pk])
    assert client.get(url).status_code == 200
    response = client.get(url, {"left": 3, "right": 4})
    assert response.url == reverse("teaching:article_compare", args=[pk_submission.assignment.pk, 3, 4])


@pytest.mark.parametrize(
    ("left", "right", "message"), [(3, 3, "two different"), (3, 9, "of this lesson"), ("x", 1, "of this lesson")]
)
def test_compare_pick_refuses_bad_pairs(client, student, pk_submission, left, right, message):
    client.force_login(student)
    url = reverse("teaching:article_compare_pick", args=[pk_submission.assignment.pk])
    response = client.get(url, {"left": left, "right": right})
    assert response.status_code == 400 and message in response.content.decode()


def test_compare_renders_two_panes_with_their_own_text_containers(client, student, pk_submission, articles):
    soldiers_pair(pk_submission, articles)
    client.force_login(student)
    html = client.get(reverse("teaching:article_compare", args=[pk_submission.assignment.pk, 3, 4])).content.decode()
    assert 'id="article-text-left"' in html and 'id="article-text-right"' in html
    assert 'id="article-text"' not in html
    assert html.count('class="pane-item') == 2
    assert 'data-scope="3,4"' in html


@pytest.mark.parametrize(("left", "right", "status"), [(3, 9, 404), (3, 3, 302)])
def test_compare_bad_positions(client, student, pk_submission, left, right, status):
    client.force_login(student)
    response = client.get(reverse("teaching:article_compare", args=[pk_submission.assignment.pk, left, right]))
    assert response.status_code == status


def test_compare_is_only_for_enrolled_students(client, pk_submission, teacher):
    client.force_login(teacher)
    assert client.get(reverse("teaching:article_compare", args=[pk_submission.assignment.pk, 3, 4])).status_code == 404


@pytest.mark.parametrize("size", [2, 6])
def test_compare_query_count_does_not_grow(client, student, pk_submission, articles, django_assert_num_queries, size):
    phrases_002 = [SOLDIERS_002, FORCES_002, "150,000-170,000", "roughly 60%", "at least 162 Russian soldiers"]
    phrases_003 = [SOLDIERS_003, FORCES_003, "more than 60,000", "roughly 1,200", "some 6–8 kilometres"]
    for p2, p3 in list(zip(phrases_002, phrases_003, strict=True))[: size // 2]:
        link(pk_submission, claim(pk_submission, articles["002"], p2), claim(pk_submission, articles["003"], p3))
    client.force_login(student)
    # session + user, submission (read only while the student is in the class: the page object's check asks
    # nothing more); each pane: its article, its highlights; the lesson articles, read once for the picker and the
    # ledger; the ledger of the two: comparisons + their members, numbers highlights (it takes the panes' articles:
    # none read again)
    with django_assert_num_queries(11):
        response = client.get(reverse("teaching:article_compare", args=[pk_submission.assignment.pk, 3, 4]))
    html = response.content.decode()
    assert html.count('class="pane-item') == size and html.count('class="ledger-row') == size // 2


def test_compare_refreshes_one_pane_alone(client, student, pk_submission, articles):
    a, b = soldiers_pair(pk_submission, articles)
    client.force_login(student)
    url = reverse("teaching:article_compare", args=[pk_submission.assignment.pk, 3, 4])
    html = client.get(url, {"pane": "right"}, headers={"HX-Request": "true"}).content.decode()
    assert 'id="pane-list-right"' in html and f'id="pane-annotation-{b.pk}"' in html
    assert f'id="pane-annotation-{a.pk}"' not in html and "<html" not in html
    assert '<span class="count-badge" id="pane-count-right" data-pane-count hx-swap-oob="true">1</span>' in html
    assert client.get(url, {"pane": "middle"}, headers={"HX-Request": "true"}).status_code == 404


# --- in the reading view -------------------------------------------------------------------------------------


def test_reading_view_shows_the_claim_its_links_and_a_jump_to_the_other_article(
    client, student, pk_submission, articles
):
    a, b = soldiers_pair(pk_submission, articles)
    link(pk_submission, a, b)
    client.force_login(student)
    html = client.get(reverse("teaching:article_read", args=[pk_submission.assignment.pk, 3])).content.decode()
    assert "Reads as</span> <strong>≈ 300 troops</strong>" in html
    assert "Counts:</span> Russian soldiers inside the city" in html
    jump = reverse("teaching:article_read", args=[pk_submission.assignment.pk, 4]) + f"?focus={b.pk}#annotation-{b.pk}"
    assert jump in html
    assert "article 4: “approximately 200 Russian" in html
    assert reverse("teaching:numbers_ledger", args=[pk_submission.assignment.pk]) in html


def test_reading_view_says_when_a_number_cannot_be_compared(client, student, pk_submission, articles):
    claim(pk_submission, articles["001"], "tens of thousands", counted="")
    client.force_login(student)
    html = client.get(reverse("teaching:article_read", args=[pk_submission.assignment.pk, 2])).content.decode()
    assert "Not a number we can compare — describe it in words." in html
    assert "Say what it counts" in html


def test_claim_update_from_the_reading_view_answers_that_highlight(client, student, pk_submission, articles):
    a = claim(pk_submission, articles["002"], SOLDIERS_002, counted="")
    client.force_login(student)
    url = reverse("teaching:claim_update", args=[a.pk])
    response = client.post(url, {"counted": "troops", "fragment": "reading"}, headers=HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="annotation-item cat-numbers" id="annotation-{a.pk}"')
    assert "Counts:</span> troops" in html and 'id="annotation-region"' not in html
    bad = client.post(url, {"counted": "x" * 121, "fragment": "reading"}, headers=HX)
    assert bad.status_code == 400 and "data-errors" in bad.content.decode()


@pytest.mark.parametrize("size", [1, 4])
def test_reading_view_with_links_query_count_does_not_grow(
    client, student, pk_submission, articles, django_assert_num_queries, size
):
    pairs = [(SOLDIERS_002, SOLDIERS_003), (FORCES_002, FORCES_003), ("150,000-170,000", "more than 60,000"),
             ("roughly 60%", "roughly 1,200")]  # fmt: skip
    for p2, p3 in pairs[:size]:
        link(pk_submission, claim(pk_submission, articles["002"], p2), claim(pk_submission, articles["003"], p3))
    client.force_login(student)
    # the reading page (8) + the links' members and the lesson's positions
    with django_assert_num_queries(10):
        response = client.get(reverse("teaching:article_read", args=[pk_submission.assignment.pk, 3]))
    assert response.content.decode().count('class="claim-item-link"') == size


def test_ledger_compares_the_parts_it_reads_and_says_what_it_set_aside(client, student, classroom):
    lesson = factories.LessonFactory(title="A poll, reported twice")
    bodies = ["The poll asked 22 953 people on 03/01/2005 what they thought.", "The poll asked 22 953 people."]
    texts = []
    for position, body in enumerate(bodies, start=1):
        article = factories.ArticleFactory(title=f"Report {position}", body_markdown=body)
        factories.LessonArticleFactory(lesson=lesson, article=article, position=position)
        texts.append(article)
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=lesson)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    a = factories.annotation_for(submission, texts[0], "22 953 people on 03/01/2005", counted="people asked")
    b = factories.annotation_for(submission, texts[1], "22 953 people", counted="people asked")
    link(submission, a, b, relation="agree")
    client.force_login(student)
    html = client.get(_ledger(assignment)).content.decode()
    assert 'data-computed="compatible" data-relation="agree"' in html
    assert "Set aside, not read for sure: “03/01/2005”" in html
    assert "Part of it was not read for sure, so the ledger compares only the rest" in html
    assert "The numbers bear this out" in html
    assert "could not be read for sure" not in html
