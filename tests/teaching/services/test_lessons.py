"""Lesson services: ownership, the builder's writes (and that a refused one changes nothing), copying with the key."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import Article
from teaching import services
from teaching.models import (
    Assignment,
    DismissedSuggestion,
    KeyComparison,
    KeyItem,
    Lesson,
    LessonArticle,
    ReferenceKey,
    Submission,
)
from tests import factories

pytestmark = pytest.mark.django_db


def _articles(lesson):
    return list(
        LessonArticle.objects.filter(lesson=lesson).order_by("position").values_list("article__title", "position")
    )


@pytest.fixture
def three(teacher):
    """`teacher`'s lesson of three articles A, B, C."""
    lesson = factories.LessonFactory(owner=teacher, title="Three")
    for position, title in enumerate("ABC", start=1):
        factories.LessonArticleFactory(lesson=lesson, article=factories.ArticleFactory(title=title), position=position)
    return lesson


def _link(lesson, title):
    return LessonArticle.objects.select_related("lesson", "article").get(lesson=lesson, article__title=title)


def test_create_lesson_belongs_to_its_teacher(teacher):
    lesson = services.create_lesson(title="  The week’s news ", introduction=" Read both. ", by=teacher)
    assert (lesson.title, lesson.introduction, lesson.owner) == ("The week’s news", "Read both.", teacher)


@pytest.mark.parametrize(
    ("title", "introduction", "message"),
    [("   ", "", "Give the lesson a title"), ("x" * 201, "", "at most 200"), ("T", "y" * 4001, "at most 4,000")],
)
def test_create_lesson_refuses_bad_input_and_saves_nothing(teacher, title, introduction, message):
    with pytest.raises(ValidationError, match=message):
        services.create_lesson(title=title, introduction=introduction, by=teacher)
    assert not Lesson.objects.exists()


def test_students_cannot_make_lessons(student):
    with pytest.raises(PermissionDenied):
        services.create_lesson(title="Mine", by=student)


def test_add_puts_the_article_last_and_refuses_a_duplicate(three, teacher):
    d = factories.ArticleFactory(title="D")
    factories.LessonArticleFactory(lesson=factories.LessonFactory(), article=d)  # in the library
    services.add_lesson_article(lesson=three, article=d, by=teacher)
    assert _articles(three) == [("A", 1), ("B", 2), ("C", 3), ("D", 4)]
    with pytest.raises(ValidationError, match="already in this lesson"):
        services.add_lesson_article(lesson=three, article=d, by=teacher)
    assert _articles(three)[-1] == ("D", 4) and len(_articles(three)) == 4


def test_add_takes_the_teachers_own_articles_and_the_shared_librarys(three, teacher, other_teacher):
    own = factories.ArticleFactory(title="Mine, in no lesson yet", owner=teacher)
    theirs = factories.ArticleFactory(title="Another teacher's", owner=other_teacher)
    services.add_lesson_article(lesson=three, article=own, by=teacher)
    services.add_lesson_article(lesson=three, article=theirs, by=teacher)
    assert [title for title, _ in _articles(three)][-2:] == ["Mine, in no lesson yet", "Another teacher's"]


@pytest.mark.parametrize(
    ("title", "direction", "expected"),
    [
        ("B", "up", ["B", "A", "C"]),
        ("B", "down", ["A", "C", "B"]),
        ("A", "down", ["B", "A", "C"]),
        ("C", "up", ["A", "C", "B"]),
    ],
)
def test_move_swaps_with_the_neighbour(three, teacher, title, direction, expected):
    services.move_lesson_article(link=_link(three, title), direction=direction, by=teacher)
    assert _articles(three) == [(t, n) for n, t in enumerate(expected, start=1)]


@pytest.mark.parametrize(("title", "direction", "message"), [("A", "up", "already the first"), ("C", "down", "last")])
def test_move_past_either_end_is_refused_and_changes_nothing(three, teacher, title, direction, message):
    with pytest.raises(ValidationError, match=message):
        services.move_lesson_article(link=_link(three, title), direction=direction, by=teacher)
    assert _articles(three) == [("A", 1), ("B", 2), ("C", 3)]


def test_remove_closes_the_gap_and_takes_the_articles_key_items(three, teacher):
    key = services.get_or_create_key(three)
    b = _link(three, "B").article
    factories.key_item_for(key, b, "approximately 300 troops")
    kept = factories.key_item_for(key, _link(three, "A").article, "approximately 300 troops")
    assert services.remove_lesson_article(link=_link(three, "B"), by=teacher) == 1
    assert _articles(three) == [("A", 1), ("C", 2)]
    assert list(KeyItem.objects.all()) == [kept]


def test_remove_is_refused_where_students_have_work_and_changes_nothing(three, teacher, classroom, student):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=three)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    factories.annotation_for(submission, _link(three, "B").article, "approximately 300 troops")
    with pytest.raises(ValidationError, match="students have 1 highlight on it"):
        services.remove_lesson_article(link=_link(three, "B"), by=teacher)
    assert _articles(three) == [("A", 1), ("B", 2), ("C", 3)]


def test_work_in_another_lesson_does_not_block_removal(three, teacher, classroom, student):
    other = factories.LessonFactory()
    factories.LessonArticleFactory(lesson=other, article=_link(three, "B").article)
    submission = factories.SubmissionFactory(
        assignment=factories.AssignmentFactory(classroom=classroom, lesson=other), student=student
    )
    factories.annotation_for(submission, _link(three, "B").article, "approximately 300 troops")
    services.remove_lesson_article(link=_link(three, "B"), by=teacher)
    assert _articles(three) == [("A", 1), ("C", 2)]


@pytest.mark.parametrize("who", ["other_teacher", "student"])
def test_nobody_else_changes_a_teachers_lesson(three, request, who):
    actor = request.getfixturevalue(who)
    before = _articles(three)
    outside = factories.ArticleFactory(title="D")
    factories.LessonArticleFactory(lesson=factories.LessonFactory(), article=outside)
    for write in (
        lambda: services.update_lesson(lesson=three, title="Mine", introduction="", by=actor),
        lambda: services.add_lesson_article(lesson=three, article=outside, by=actor),
        lambda: services.move_lesson_article(link=_link(three, "B"), direction="up", by=actor),
        lambda: services.remove_lesson_article(link=_link(three, "B"), by=actor),
    ):
        with pytest.raises(PermissionDenied, match="Copy it from the library"):
            write()
    three.refresh_from_db()
    assert (three.title, _articles(three)) == ("Three", before)


def test_teachers_cannot_change_the_sites_lesson_but_admins_can(teacher, admin_user):
    site = factories.LessonFactory(owner=None, title="Site")
    with pytest.raises(PermissionDenied):
        services.update_lesson(lesson=site, title="Taken", introduction="", by=teacher)
    services.update_lesson(lesson=site, title="Renamed by the admin", introduction="", by=admin_user)
    site.refresh_from_db()
    assert site.title == "Renamed by the admin" and site.owner is None


# --- Copying ----------------------------------------------------------------------------------------------------


@pytest.fixture
def theirs(other_teacher):
    """`other_teacher`'s two-article lesson with a key: two items, a comparison, a dismissed suggestion."""
    lesson = factories.LessonFactory(owner=other_teacher, title="Theirs", introduction="Their words.")
    first, second = factories.ArticleFactory(title="First"), factories.ArticleFactory(title="Second")
    factories.LessonArticleFactory(lesson=lesson, article=first, position=1)
    factories.LessonArticleFactory(lesson=lesson, article=second, position=2)
    key = services.get_or_create_key(lesson)
    a = factories.key_item_for(key, first, "approximately 300 troops", explanation="Theirs A")
    b = factories.key_item_for(key, second, "approximately 300 troops", explanation="Theirs B")
    comparison = KeyComparison.objects.create(key=key, title="Troops", relation="agree", explanation="Same")
    comparison.items.set([a, b])
    DismissedSuggestion.objects.create(key=key, article=first, start=0, end=5, kind="numbers")
    return lesson


def _key_state(lesson):
    key = ReferenceKey.objects.get(lesson=lesson)
    items = sorted(key.items.values_list("article_id", "category", "start", "end", "exact", "explanation"))
    comparisons = [
        (c.title, c.relation, c.explanation, sorted(c.items.values_list("article_id", "start")))
        for c in key.comparisons.order_by("position")
    ]
    return items, comparisons, sorted(key.dismissed_suggestions.values_list("article_id", "start", "end", "kind"))


def test_copy_has_the_same_articles_in_order_and_the_same_key_and_is_the_copiers(theirs, teacher):
    copy = services.copy_lesson(lesson=theirs, by=teacher)
    assert (copy.owner, copy.copied_from, copy.title, copy.introduction) == (
        teacher,
        theirs,
        "Theirs (copy)",
        "Their words.",
    )
    assert _articles(copy) == _articles(theirs)
    assert _key_state(copy) == _key_state(theirs)
    assert not set(copy.reference_key.items.values_list("pk", flat=True)) & set(
        theirs.reference_key.items.values_list("pk", flat=True)
    )


def test_editing_the_copy_never_changes_the_original(theirs, teacher):
    original = (_articles(theirs), _key_state(theirs))
    copy = services.copy_lesson(lesson=theirs, by=teacher)
    item = copy.reference_key.items.order_by("pk").first()
    services.update_key_item(item=item, explanation="Mine now", by=teacher)
    services.delete_key_item(item=copy.reference_key.items.order_by("pk").last(), by=teacher)
    services.delete_key_comparison(comparison=copy.reference_key.comparisons.get(), by=teacher)
    services.move_lesson_article(link=_link(copy, "Second"), direction="up", by=teacher)
    services.remove_lesson_article(link=_link(copy, "First"), by=teacher)
    services.update_lesson(lesson=copy, title="Mine", introduction="My words.", by=teacher)
    theirs.refresh_from_db()
    assert (_articles(theirs), _key_state(theirs)) == original
    assert (theirs.title, theirs.introduction) == ("Theirs", "Their words.")


def test_a_lesson_without_a_key_copies_without_one(teacher):
    site = factories.LessonFactory(owner=None)
    factories.LessonArticleFactory(lesson=site)
    copy = services.copy_lesson(lesson=site, by=teacher)
    assert not ReferenceKey.objects.filter(lesson=copy).exists() and copy.lesson_articles.count() == 1


def test_students_cannot_copy(theirs, student):
    with pytest.raises(PermissionDenied):
        services.copy_lesson(lesson=theirs, by=student)
    assert Lesson.objects.count() == 1


# --- An article corrected after students highlighted it: the lesson side holds ----------------------------------


def test_a_correction_re_anchors_or_sets_aside_the_key_items_of_every_lesson_that_uses_the_article(
    theirs, teacher, other_teacher, classroom, student
):
    """The original and a teacher's copy share the article: both keys follow the same rules as highlights."""
    copy = services.copy_lesson(lesson=theirs, by=teacher)
    article = _link(theirs, "First").article
    submission = factories.SubmissionFactory(
        assignment=factories.AssignmentFactory(classroom=classroom, lesson=copy), student=student
    )
    highlight = factories.annotation_for(submission, article, "approximately 300 troops")
    gone = factories.key_item_for(copy.reference_key, article, "modern-day Stalingrad", category="rhetoric")
    body = article.body_markdown.replace("Officials said ", "Officials said on Monday ").replace(
        "a “modern-day Stalingrad” – ", ""
    )
    report = services.revise_article(
        article=article, body_markdown=body, by=factories.AdminFactory(), note="A correction"
    )
    article.refresh_from_db()
    for item in KeyItem.objects.filter(article=article).exclude(pk=gone.pk):
        assert item.anchor_status == "anchored"
        assert article.body_text[item.start : item.end] == "approximately 300 troops"
    gone.refresh_from_db()
    highlight.refresh_from_db()
    assert gone.is_orphaned and gone.exact == "modern-day Stalingrad"  # set aside, never moved to other words
    assert article.body_text[highlight.start : highlight.end] == "approximately 300 troops"
    assert report.key_items.orphaned == 1
    # The comparison of each key still links its (re-anchored) items.
    for lesson in (theirs, copy):
        assert lesson.reference_key.comparisons.get().items.count() == 2


# --- Deleting --------------------------------------------------------------------------------------------------


def test_delete_takes_the_key_and_unstarted_assignments_and_keeps_the_articles(three, teacher, classroom, student):
    key = services.get_or_create_key(three)
    first = factories.key_item_for(key, _link(three, "A").article, "approximately 300 troops")
    second = factories.key_item_for(key, _link(three, "B").article, "approximately 300 troops")
    KeyComparison.objects.create(key=key, title="Troops", relation="agree").items.set([first, second])
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=three)
    factories.SubmissionFactory(assignment=assignment, student=student)  # opened, nothing done
    articles = sorted(LessonArticle.objects.filter(lesson=three).values_list("article_id", flat=True))
    assert services.delete_lesson(lesson=three, by=teacher) == 1
    assert not Lesson.objects.filter(pk=three.pk).exists()
    assert not Assignment.objects.exists() and not Submission.objects.exists()
    assert not KeyItem.objects.exists() and not KeyComparison.objects.exists() and not ReferenceKey.objects.exists()
    assert sorted(Article.objects.filter(pk__in=articles).values_list("pk", flat=True)) == articles


@pytest.mark.parametrize("work", ["highlight", "handed_in"])
def test_delete_is_refused_where_students_have_work_and_changes_nothing(three, teacher, classroom, student, work):
    assignment = factories.AssignmentFactory(classroom=classroom, lesson=three)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    if work == "highlight":
        factories.annotation_for(submission, _link(three, "B").article, "approximately 300 troops")
    else:
        Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    with pytest.raises(ValidationError, match="1 student has work in an assignment of it"):
        services.delete_lesson(lesson=three, by=teacher)
    assert Lesson.objects.filter(pk=three.pk).exists()
    assert _articles(three) == [("A", 1), ("B", 2), ("C", 3)]
    assert Assignment.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("who", ["other_teacher", "student", "admin_user"])
def test_only_the_owner_deletes_a_lesson(three, request, who):
    with pytest.raises(PermissionDenied, match="Only the teacher who made this lesson"):
        services.delete_lesson(lesson=three, by=request.getfixturevalue(who))
    assert Lesson.objects.filter(pk=three.pk).exists()


def test_the_sites_lesson_is_not_deleted_in_the_site(teacher, admin_user):
    site = factories.LessonFactory(owner=None, title="Site")
    for who in (teacher, admin_user):
        with pytest.raises(PermissionDenied):
            services.delete_lesson(lesson=site, by=who)
    assert Lesson.objects.filter(pk=site.pk).exists()
