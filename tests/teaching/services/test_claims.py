"""Services for number claims and claim links: every rule, and every refusal changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teaching import services
from teaching.models import Annotation, Comparison, Submission
from tests import factories
from tests.teaching.helpers import FORCES_003, SOLDIERS_002, claim, soldiers_pair


def _snapshot(submission):
    return (
        list(Annotation.objects.filter(submission=submission).values("pk", "counted", "place", "time_window")),
        list(Comparison.objects.filter(submission=submission).values("pk", "relation", "note")),
        sorted(Comparison.annotations.through.objects.values_list("comparison_id", "annotation_id")),
    )


# --- update_claim ------------------------------------------------------------------------------------


def test_update_claim_saves_the_students_words(pk_submission, articles, student):
    a = claim(pk_submission, articles["002"], SOLDIERS_002, counted="")
    services.update_claim(
        annotation=a, counted="  Russian   soldiers inside the city ", place="Pokrovsk", time_window="", by=student
    )
    a.refresh_from_db()
    assert (a.counted, a.place, a.time_window) == ("Russian soldiers inside the city", "Pokrovsk", "")


def test_update_claim_none_leaves_a_field_alone(pk_submission, articles, student):
    a = claim(pk_submission, articles["002"], SOLDIERS_002, place="Pokrovsk")
    services.update_claim(annotation=a, time_window="November", by=student)
    a.refresh_from_db()
    assert (a.counted, a.place, a.time_window) == ("Russian soldiers inside the city", "Pokrovsk", "November")


@pytest.mark.parametrize(
    ("setup", "changes", "error"),
    [
        ("long", {"counted": "x" * 121}, ValidationError),
        ("long", {"place": "p" * 121}, ValidationError),
        ("long", {"time_window": "w" * 121}, ValidationError),
        ("rhetoric", {"counted": "soldiers"}, ValidationError),
        ("submitted", {"counted": "soldiers"}, ValidationError),
        ("linked", {"counted": "   "}, ValidationError),
        ("other", {"counted": "soldiers"}, PermissionDenied),
    ],
)
def test_update_claim_refusals_change_nothing(pk_submission, articles, student, other_student, setup, changes, error):
    category = "rhetoric" if setup == "rhetoric" else "numbers"
    a = factories.annotation_for(
        pk_submission, articles["002"], SOLDIERS_002, category=category, counted="troops in the city"
    )
    if setup == "linked":
        b = claim(pk_submission, articles["003"], "approximately 200 Russian soldiers")
        services.create_comparison(submission=pk_submission, annotations=[a, b], relation="contradict", by=student)
    if setup == "submitted":
        Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    by = other_student if setup == "other" else student
    before = _snapshot(pk_submission)
    with pytest.raises(error):
        services.update_claim(annotation=a, by=by, **changes)
    assert _snapshot(pk_submission) == before


def test_update_claim_message_says_the_length(pk_submission, articles, student):
    a = claim(pk_submission, articles["002"], SOLDIERS_002)
    with pytest.raises(ValidationError) as info:
        services.update_claim(annotation=a, counted="x" * 130, by=student)
    assert "at most 120 characters (this has 130)" in str(info.value)


# --- create / update / delete comparison -----------------------------------------------------------------


def test_create_comparison_links_numbers_across_articles(pk_submission, articles, student):
    a, b = soldiers_pair(pk_submission, articles)
    c = claim(pk_submission, articles["001"], "Approximately 25 Russian assault teams – five to ten men")
    comparison = services.create_comparison(
        submission=pk_submission, annotations=[a, b.pk, c], relation="contradict", note=" 300 vs 200 ", by=student
    )
    assert comparison.relation == "contradict" and comparison.note == "300 vs 200"
    assert set(comparison.annotations.all()) == {a, b, c}


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("one", "at least two different numbers"),
        ("same_twice", "at least two different numbers"),
        ("relation", "agree, contradict or measure different things"),
        ("note", "at most 2000 characters"),
        ("category", "is not a Numbers highlight"),
        ("undescribed", "Say what"),
        ("orphaned", "lost its place"),
        ("foreign", "only link your own highlights"),
        ("submitted", "read-only"),
        ("duplicate", "already linked exactly these numbers"),
    ],
)
def test_create_comparison_refusals_change_nothing(pk_submission, articles, student, other_student, case, message):
    a, b = soldiers_pair(pk_submission, articles)
    members, relation, note = [a, b], "contradict", ""
    if case == "one":
        members = [a]
    elif case == "same_twice":
        members = [a, a.pk]
    elif case == "relation":
        relation = "maybe"
    elif case == "note":
        note = "n" * 2001
    elif case == "category":
        members = [a, factories.annotation_for(pk_submission, articles["003"], "about 11,000", category="rhetoric")]
    elif case == "undescribed":
        members = [a, claim(pk_submission, articles["003"], FORCES_003, counted="")]
    elif case == "orphaned":
        Annotation.objects.filter(pk=b.pk).update(anchor_status="orphaned")
    elif case == "foreign":
        theirs = factories.SubmissionFactory(assignment=pk_submission.assignment, student=other_student)
        members = [a, claim(theirs, articles["003"], SOLDIERS_002.replace("300 troops", "200 Russian soldiers"))]
    elif case == "submitted":
        Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    elif case == "duplicate":
        services.create_comparison(submission=pk_submission, annotations=[b, a], relation="agree", by=student)
    before = _snapshot(pk_submission)
    with pytest.raises(ValidationError) as info:
        services.create_comparison(
            submission=pk_submission, annotations=members, relation=relation, note=note, by=student
        )
    assert message in " ".join(info.value.messages)
    assert _snapshot(pk_submission) == before


def test_create_comparison_for_someone_elses_submission_is_refused(pk_submission, articles, other_student):
    a, b = soldiers_pair(pk_submission, articles)
    with pytest.raises(PermissionDenied):
        services.create_comparison(submission=pk_submission, annotations=[a, b], relation="agree", by=other_student)
    assert not Comparison.objects.exists()


def test_create_comparison_refuses_an_article_outside_the_lesson(pk_submission, articles, student):
    a, _ = soldiers_pair(pk_submission, articles)
    stray = factories.ArticleFactory()
    outside = factories.annotation_for(pk_submission, stray, "approximately 300 troops", counted="troops")
    with pytest.raises(ValidationError, match="not part of this lesson"):
        services.create_comparison(submission=pk_submission, annotations=[a, outside], relation="agree", by=student)
    assert not Comparison.objects.exists()


def test_update_comparison_changes_relation_note_and_members(pk_submission, articles, student):
    a, b = soldiers_pair(pk_submission, articles)
    c = claim(pk_submission, articles["001"], "Approximately 25 Russian assault teams – five to ten men")
    comparison = services.create_comparison(submission=pk_submission, annotations=[a, b], relation="agree", by=student)
    services.update_comparison(comparison=comparison, relation="contradict", note="300 ≠ 200", by=student)
    services.update_comparison(comparison=comparison, annotations=[a, b, c], by=student)
    comparison.refresh_from_db()
    assert (comparison.relation, comparison.note) == ("contradict", "300 ≠ 200")
    assert comparison.annotations.count() == 3


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("relation", ValidationError),
        ("note", ValidationError),
        ("submitted", ValidationError),
        ("other", PermissionDenied),
    ],
)
def test_update_and_delete_comparison_refusals_change_nothing(
    pk_submission, articles, student, other_student, case, error
):
    a, b = soldiers_pair(pk_submission, articles)
    comparison = services.create_comparison(submission=pk_submission, annotations=[a, b], relation="agree", by=student)
    if case == "submitted":
        Submission.objects.filter(pk=pk_submission.pk).update(status="submitted")
    by = other_student if case == "other" else student
    changes = {"relation": "nope"} if case == "relation" else {"note": "n" * 2001} if case == "note" else {"note": "x"}
    before = _snapshot(pk_submission)
    with pytest.raises(error):
        services.update_comparison(comparison=comparison, by=by, **changes)
    if case in ("submitted", "other"):
        with pytest.raises(error):
            services.delete_comparison(comparison=comparison, by=by)
    assert _snapshot(pk_submission) == before


def test_delete_comparison_keeps_the_highlights(pk_submission, articles, student):
    a, b = soldiers_pair(pk_submission, articles)
    comparison = services.create_comparison(submission=pk_submission, annotations=[a, b], relation="agree", by=student)
    services.delete_comparison(comparison=comparison, by=student)
    assert not Comparison.objects.exists()
    assert Annotation.objects.filter(pk__in=[a.pk, b.pk]).count() == 2
