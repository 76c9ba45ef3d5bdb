"""`make run` again (setup_demo) never touches anybody's work: the launch lesson and key are loaded once."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article
from teaching import permissions, services
from teaching.models import Assignment, KeyComparison, KeyItem, Lesson, LessonArticle, ReferenceKey, User
from tests import factories

pytestmark = pytest.mark.django_db

LAUNCH = "Pokrovsk: four reports"


def _setup() -> str:
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def _snapshot():
    items = sorted(KeyItem.objects.values_list("pk", "article_id", "category", "start", "end", "explanation"))
    comparisons = sorted(
        (c.pk, c.title, c.relation, c.explanation, tuple(sorted(c.items.values_list("pk", flat=True))))
        for c in KeyComparison.objects.all()
    )
    lessons = sorted(Lesson.objects.values_list("pk", "title", "introduction", "owner_id"))
    links = sorted(LessonArticle.objects.values_list("lesson_id", "article_id", "position"))
    articles = sorted(Article.objects.values_list("pk", "title", "body_markdown"))
    return items, comparisons, lessons, links, articles, Assignment.objects.count(), User.objects.count()


@pytest.fixture
def launch():
    _setup()
    return Lesson.objects.get(title=LAUNCH)


def test_the_launch_lesson_belongs_to_the_site(launch):
    assert launch.owner is None
    teacher, admin = User.objects.get(username="teacher"), User.objects.get(username="admin")
    assert not permissions.can_edit_lesson(teacher, launch) and not permissions.can_edit_key(teacher, launch)
    assert permissions.can_edit_lesson(admin, launch)


def test_running_setup_again_changes_nothing(launch):
    before = _snapshot()
    _setup()
    assert _snapshot() == before


def test_a_key_item_an_admin_deleted_stays_deleted_and_their_edits_stay(launch):
    admin = User.objects.get(username="admin")
    key = launch.reference_key
    deleted = key.items.order_by("pk").first()
    services.delete_key_item(item=deleted, by=admin)
    edited = key.items.order_by("pk").last()
    services.update_key_item(item=edited, explanation="The admin's own words.", by=admin)
    comparison = key.comparisons.order_by("pk").first()
    services.delete_key_comparison(comparison=comparison, by=admin)
    before = _snapshot()

    out = _setup()

    assert _snapshot() == before
    assert not KeyItem.objects.filter(pk=deleted.pk).exists()
    assert KeyItem.objects.filter(key=key).count() == 49
    assert not KeyComparison.objects.filter(title=comparison.title).exists()
    assert "has been edited since it was loaded: left as it is" in out


def test_a_lesson_an_admin_changed_keeps_its_introduction_and_articles(launch):
    admin = User.objects.get(username="admin")
    services.update_lesson(lesson=launch, title=launch.title, introduction="Read only two.", by=admin)
    link = launch.lesson_articles.order_by("position").last()
    services.remove_lesson_article(link=link, by=admin)
    before = _snapshot()

    _setup()

    assert _snapshot() == before
    launch.refresh_from_db()
    assert launch.introduction == "Read only two." and launch.lesson_articles.count() == 3


def test_a_persons_correction_of_an_article_is_not_reverted(launch):
    admin = User.objects.get(username="admin")
    article = launch.lesson_articles.get(position=1).article
    corrected = article.body_markdown.replace("Pokrovsk", "Pokrovsk (Donetsk oblast)", 1)
    services.revise_article(article=article, body_markdown=corrected, by=admin, note="A correction")

    _setup()

    article.refresh_from_db()
    assert article.body_markdown == corrected and article.current_revision.number == 2


def test_while_nobody_edited_the_key_a_missing_item_is_added_back(launch):
    """An interrupted or older load (no person involved) is completed; this is the only thing a re-run adds."""
    key = launch.reference_key
    KeyItem.objects.filter(pk=key.items.order_by("pk").first().pk).delete()  # not through a service: nobody edited
    assert ReferenceKey.objects.get(pk=key.pk).edited_at is None

    _setup()

    assert KeyItem.objects.filter(key=key).count() == 50


def test_a_teachers_copy_of_the_launch_lesson_is_untouched_by_a_rerun(launch):
    teacher = User.objects.get(username="teacher")
    copy = services.copy_lesson(lesson=launch, by=teacher)
    item = copy.reference_key.items.order_by("pk").first()
    services.delete_key_item(item=item, by=teacher)
    before = _snapshot()

    _setup()

    assert _snapshot() == before
    assert copy.reference_key.items.count() == 49
    assert launch.reference_key.items.count() == 50


def test_a_teachers_own_lesson_with_the_launch_title_is_not_mistaken_for_it(db):
    teacher = factories.TeacherFactory(username="teacher", role=User.Role.TEACHER)
    own = Lesson.objects.create(title=LAUNCH, introduction="Mine.", owner=teacher)
    _setup()
    own.refresh_from_db()
    assert own.introduction == "Mine." and not own.lesson_articles.exists()
    assert Lesson.objects.filter(title=LAUNCH, owner__isnull=True).count() == 1
