"""revise_article on the real Pokrovsk text: every highlight stays, moves with its words, or is set aside."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, ArticleRevision
from teaching import services
from teaching.models import Annotation
from tests import factories

OPINION = "Opinion: a military commentator on what Russia gains and loses at Pokrovsk"
DELETED_PARAGRAPH = (
    "Is that a plan? Not exactly. One by one, Ukraine is locating and cordoning off these pockets of infiltrators. "
    "Enter the Ukrainian air force and French-made AASM “Hammer” glide bombs. As Russians seek cover in shattered "
    "apartment buildings, “Hammer” smart bombs slice through multiple floors to vaporize sniper nests and drone "
    "control points.\n\n"
)


@pytest.fixture
def opinion(pokrovsk):
    return Article.objects.get(title=OPINION)


@pytest.fixture
def pokrovsk_submission(pokrovsk, classroom, student):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=pokrovsk)
    return factories.SubmissionFactory(assignment=assignment, student=student)


def revise(article, old, new, by=None):
    by = by or factories.AdminFactory()  # an admin corrects; revise_article refuses anyone else
    assert article.body_markdown.count(old) == 1, old
    return services.revise_article(article=article, body_markdown=article.body_markdown.replace(old, new), by=by)


@pytest.mark.parametrize(
    ("phrase", "old", "new", "status", "expected"),
    [
        # A typo fixed before the highlight, same length: nothing moves.
        ("The noose tightens", "no ‘safe. rear areas", "no ‘safe’ rear areas", "kept", "The noose tightens"),
        # A typo fixed before the highlight that adds a character: same words, one place later.
        ("The noose tightens", "US-made Blackhawk helicopters", "US-made Black Hawk helicopters", "moved", None),
        # A number corrected inside the highlight: its words changed, so it is set aside for the teacher
        # (placing it on "75,000" would show the student's highlight on a figure they never chose).
        ("conservatively estimated at 70,000", "estimated at 70,000", "estimated at 75,000", "orphaned", None),
        # Its whole paragraph deleted: set aside, never put on other words.
        ("“Hammer” smart bombs slice through multiple floors", DELETED_PARAGRAPH, "", "orphaned", None),
        # The highlighted sentence duplicated right beside it: the copy may have been pasted before or after
        # it, and nothing in the texts says which. Set aside for the teacher, never guessed onto one copy.
        (
            "An atrocity, but not a victory.",
            "An atrocity, but not a victory.",
            "An atrocity, but not a victory. An atrocity, but not a victory.",
            "orphaned",
            None,
        ),
        # Pasted elsewhere (here: a paragraph away), the copy cannot be taken for the original.
        (
            "An atrocity, but not a victory.",
            "US-made Blackhawk helicopters",
            "US-made Blackhawk helicopters (An atrocity, but not a victory.)",
            "kept",
            "An atrocity, but not a victory.",
        ),
    ],
    ids=["typo-same-length", "typo-before", "edit-inside", "paragraph-deleted", "sentence-duplicated", "pull-quote"],
)
def test_revise_article_places_each_highlight(opinion, submission, phrase, old, new, status, expected):
    annotation = factories.annotation_for(submission, opinion, phrase, category="rhetoric", comment="Why I chose it")
    before = Annotation.objects.values().get(pk=annotation.pk)
    report = revise(opinion, old, new)
    annotation.refresh_from_db()
    opinion.refresh_from_db()
    assert (report.kept, report.moved, report.orphaned) == (
        int(status == "kept"),
        int(status == "moved"),
        int(status == "orphaned"),
    )
    assert annotation.comment == "Why I chose it"
    if status == "orphaned":
        assert report.orphan_ids == [annotation.pk]
        assert annotation.anchor_status == "orphaned" and annotation.orphaned_at is not None
        # The student's selection stays on record exactly as it was, on the revision it fitted.
        for name in ("start", "end", "exact", "prefix", "suffix", "comment", "revision_id"):
            assert getattr(annotation, name) == before[name]
        return
    text = opinion.body_text
    assert annotation.anchor_status == "anchored" and annotation.orphaned_at is None
    assert text[annotation.start : annotation.end] == annotation.exact == (expected or phrase)
    assert annotation.prefix == text[max(0, annotation.start - 32) : annotation.start]
    assert annotation.suffix == text[annotation.end : annotation.end + 32]
    assert annotation.revision == report.revision == opinion.current_revision
    if status == "kept":
        assert (annotation.start, annotation.end) == (before["start"], before["end"])
    else:  # other places, or other (edited) words
        assert (annotation.start, annotation.end, annotation.exact) != (before["start"], before["end"], before["exact"])


def test_revise_article_counts_a_realistic_correction(opinion, submission, other_student, admin_user):
    other = factories.SubmissionFactory(assignment=submission.assignment, student=other_student)
    phrases = [
        (submission, "Approximately 25 Russian assault teams"),  # before every edit
        (submission, "Captured Russian prisoners"),  # before every edit
        (other, "The noose tightens"),  # after the Black Hawk fix: moves
        (submission, "conservatively estimated at 70,000"),  # edited inside
        (other, "“Hammer” smart bombs slice through multiple floors"),  # its paragraph deleted
        (submission, "Enter the Ukrainian air force"),  # its paragraph deleted
    ]
    annotations = [factories.annotation_for(s, opinion, phrase) for s, phrase in phrases]
    body = (
        opinion.body_markdown.replace("US-made Blackhawk", "US-made Black Hawk")
        .replace("estimated at 70,000", "estimated at 75,000")
        .replace(DELETED_PARAGRAPH, "")
    )
    report = services.revise_article(article=opinion, body_markdown=body, by=admin_user, note="Three fixes")
    assert (report.kept, report.moved, report.orphaned) == (2, 1, 3)
    assert sorted(report.orphan_ids) == sorted([annotations[3].pk, annotations[4].pk, annotations[5].pk])
    assert report.summary() == (
        "Saved as revision 2. 2 highlights stayed on the same words, 1 moved with the text, 3 could not be placed."
    )
    assert Annotation.objects.filter(article=opinion).count() == 6  # nothing deleted
    revision = ArticleRevision.objects.get(article=opinion, number=2)
    assert (revision.created_by, revision.note, revision.body_text) == (admin_user, "Three fixes", opinion.body_text)


def test_revise_article_unchanged_body_saves_nothing(opinion):
    report = services.revise_article(
        article=opinion, body_markdown=opinion.body_markdown + "\n", by=factories.AdminFactory()
    )
    assert report.revision is None and not report.created
    assert report.summary() == "The text did not change, so no revision was saved."
    assert opinion.revisions.count() == 1


def test_revise_article_refuses_an_empty_body_and_changes_nothing(opinion):
    before = Article.objects.values().get(pk=opinion.pk)
    with pytest.raises(ValidationError, match="The article body is empty"):
        services.revise_article(article=opinion, body_markdown="  \n", by=factories.AdminFactory())
    assert Article.objects.values().get(pk=opinion.pk) == before
    assert opinion.revisions.count() == 1


def test_revise_article_numbers_revisions_and_re_anchors_against_the_latest(opinion, submission):
    annotation = factories.annotation_for(submission, opinion, "The noose tightens")
    revise(opinion, "US-made Blackhawk", "US-made Black Hawk")
    revise(opinion, "Let’s cut through the hype", "Let us cut through the hype")
    assert list(opinion.revisions.values_list("number", flat=True)) == [1, 2, 3]
    annotation.refresh_from_db()
    assert opinion.body_text[annotation.start : annotation.end] == "The noose tightens"
    assert annotation.revision.number == 3


def test_orphans_are_not_re_anchored_again(opinion, submission):
    annotation = factories.annotation_for(submission, opinion, "Enter the Ukrainian air force")
    revise(opinion, DELETED_PARAGRAPH, "")
    annotation.refresh_from_db()
    orphaned_at = annotation.orphaned_at
    report = revise(opinion, "US-made Blackhawk", "US-made Black Hawk")
    annotation.refresh_from_db()
    assert (report.total, annotation.anchor_status, annotation.orphaned_at) == (0, "orphaned", orphaned_at)


# A student saving against the old text while the body changes -----------------------------------


def test_create_annotation_with_offsets_into_the_old_text_is_refused(opinion, pokrovsk_submission):
    factories.annotation_for(pokrovsk_submission, opinion, "The noose tightens")
    stale = Article.objects.get(pk=opinion.pk)  # what the student's page was rendered from
    start = stale.body_text.index("President Volodymyr Zelensky")
    revise(opinion, "US-made Blackhawk", "US-made Black Hawk")
    count = Annotation.objects.count()
    with pytest.raises(ValidationError, match="The article may have changed: reload the page"):
        services.create_annotation(
            submission=pokrovsk_submission,
            article=stale,
            category="sourcing",
            start=start,
            end=start + len("President Volodymyr Zelensky"),
            exact="President Volodymyr Zelensky",
            by=pokrovsk_submission.student,
        )
    assert Annotation.objects.count() == count


def test_create_annotation_records_the_current_revision(opinion, pokrovsk_submission):
    revise(opinion, "US-made Blackhawk", "US-made Black Hawk")
    start = opinion.body_text.index("Black Hawk")
    annotation = services.create_annotation(
        submission=pokrovsk_submission,
        article=opinion,
        category="rhetoric",
        start=start,
        end=start + len("Black Hawk"),
        exact="Black Hawk",
        by=pokrovsk_submission.student,
    )
    assert annotation.revision.number == 2


# Property: edits outside every highlight leave their words alone ----------------------------------


PLAIN = (
    "Officials said approximately 300 troops were inside the city, according to the general staff, while critics "
    "called it a modern-day Stalingrad and nobody could check either claim on the ground that week."
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_edits_outside_every_highlight_never_change_their_words(submission, data):
    # One plain paragraph: its Markdown source and its text are the same string.
    article = factories.ArticleFactory(body_markdown=PLAIN)
    assert article.body_text == PLAIN
    phrases = ["300 troops", "general staff", "modern-day Stalingrad"]
    annotations = [factories.annotation_for(submission, article, p) for p in phrases]
    # The gaps around the highlights, one untouched character of margin on each side.
    edges = [0, *[x for a in annotations for x in (a.start, a.end)], len(PLAIN) - 1]
    gaps = [(edges[i] + 1, edges[i + 1] - 1) for i in range(0, len(edges), 2) if edges[i + 1] - edges[i] > 2]
    lo, hi = data.draw(st.sampled_from(gaps))
    a = data.draw(st.integers(lo, hi))
    b = data.draw(st.integers(a, hi))
    insert = data.draw(st.text(alphabet="abcdefghij ,.", max_size=8))
    new_source = PLAIN[:a] + insert + PLAIN[b:]
    report = services.revise_article(article=article, body_markdown=new_source, by=factories.AdminFactory())
    article.refresh_from_db()
    assert report.orphaned == 0
    for annotation, phrase in zip(annotations, phrases, strict=True):
        annotation.refresh_from_db()
        assert article.body_text[annotation.start : annotation.end] == annotation.exact == phrase


# Data migrations -------------------------------------------------------------------------------


def test_data_migrations_give_old_articles_revision_one_and_old_annotations_their_revision(opinion, submission):
    annotation = factories.annotation_for(submission, opinion, "The noose tightens")
    # As before the migrations: no revision rows, annotations without a revision.
    Annotation.objects.filter(pk=annotation.pk).update(revision=None)
    ArticleRevision.objects.all().delete()
    articles_migration = importlib.import_module("articles.migrations.0002_article_revisions")
    teaching_migration = importlib.import_module("teaching.migrations.0002_annotation_revision_and_anchor_status")
    articles_migration.create_first_revisions(global_apps, None)
    teaching_migration.attach_to_current_revision(global_apps, None)
    for article in Article.objects.all():
        assert [(r.number, r.body_markdown, r.body_text) for r in article.revisions.all()] == [
            (1, article.body_markdown, article.body_text)
        ]
    annotation.refresh_from_db()
    assert annotation.revision == opinion.revisions.get(number=1)
    # Running them again adds nothing.
    articles_migration.create_first_revisions(global_apps, None)
    assert ArticleRevision.objects.filter(article=opinion).count() == 1


def test_revise_article_re_anchors_reference_key_items_by_the_same_rules(opinion, pokrovsk, submission):
    key = factories.ReferenceKeyFactory(lesson=pokrovsk)
    moved = factories.key_item_for(key, opinion, "The noose tightens", category="rhetoric", explanation="Metaphor")
    gone = factories.key_item_for(key, opinion, "Enter the Ukrainian air force", explanation="Unsourced")
    highlight = factories.annotation_for(submission, opinion, "Captured Russian prisoners")
    body = opinion.body_markdown.replace("US-made Blackhawk", "US-made Black Hawk").replace(DELETED_PARAGRAPH, "")
    report = services.revise_article(article=opinion, body_markdown=body, by=factories.AdminFactory())
    assert (report.kept, report.moved, report.orphaned) == (1, 0, 0)
    keys = report.key_items
    assert (keys.kept, keys.moved, keys.orphaned, keys.orphan_ids) == (0, 1, 1, [gone.pk])
    assert report.summary() == (
        "Saved as revision 2. 1 highlight stayed on the same words, 0 moved with the text, none had to be set aside. "
        "Reference-key items: 0 stayed, 1 moved, 1 could not be placed."
    )
    opinion.refresh_from_db()
    for item in (moved, gone, highlight):
        item.refresh_from_db()
    assert opinion.body_text[moved.start : moved.end] == moved.exact == "The noose tightens"
    assert moved.revision.number == 2 and highlight.revision.number == 2
    assert (gone.anchor_status, gone.exact, gone.explanation, gone.revision.number) == (
        "orphaned",
        "Enter the Ukrainian air force",
        "Unsourced",
        1,
    )


# --- Who may correct --------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["nobody", "anonymous", "student", "other teacher"])
def test_revise_article_refuses_anyone_but_an_admin_or_the_owner(who, student, other_teacher, teacher):
    from django.contrib.auth.models import AnonymousUser

    article = factories.ArticleFactory(owner=teacher, body_markdown="One sentence. Another one.")
    by = {"nobody": None, "anonymous": AnonymousUser(), "student": student, "other teacher": other_teacher}[who]
    with pytest.raises(PermissionDenied):
        services.revise_article(article=article, body_markdown="One sentence. A new one.", by=by)
    article.refresh_from_db()
    assert article.body_markdown == "One sentence. Another one."
    assert ArticleRevision.objects.filter(article=article).count() == 1


def test_revise_article_by_the_owner_by_an_admin_and_by_a_named_system_actor(teacher, admin_user):
    article = factories.ArticleFactory(owner=teacher, body_markdown="One sentence. Another one.")
    services.revise_article(article=article, body_markdown="One sentence. A second one.", by=teacher)
    services.revise_article(article=article, body_markdown="One sentence. A third one.", by=admin_user)
    services.revise_article(
        article=article, body_markdown="One sentence. A fourth one.", by=services.system_actor("fixture loader")
    )
    authors = list(
        ArticleRevision.objects.filter(article=article).order_by("number").values_list("created_by", flat=True)
    )
    assert authors[1:] == [teacher.pk, admin_user.pk, None]  # the system records no user
    with pytest.raises(ValueError):
        services.system_actor("  ")
