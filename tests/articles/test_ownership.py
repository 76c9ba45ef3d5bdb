"""Who owns an article and who may edit it; the articles app standing alone (no teaching imports)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from articles import hooks
from articles.models import Article
from articles.permissions import can_edit_article, is_teacher_or_admin
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(teacher, other_teacher):
    return {
        "mine": factories.ArticleFactory(title="Mine", owner=teacher),
        "theirs": factories.ArticleFactory(title="Theirs", owner=other_teacher),
        "site": factories.ArticleFactory(title="The site's"),
    }


@pytest.mark.parametrize(
    ("who", "article", "may_edit"),
    [
        ("teacher", "mine", True),
        ("teacher", "theirs", False),
        ("teacher", "site", False),
        ("other_teacher", "theirs", True),
        ("other_teacher", "mine", False),
        ("admin_user", "mine", True),
        ("admin_user", "site", True),
        ("student", "mine", False),
        ("student", "site", False),
    ],
)
def test_can_edit_article(request, library, who, article, may_edit):
    assert can_edit_article(request.getfixturevalue(who), library[article]) is may_edit


def test_anonymous_may_do_nothing(library):
    from django.contrib.auth.models import AnonymousUser

    assert not is_teacher_or_admin(AnonymousUser())
    assert not can_edit_article(AnonymousUser(), library["site"])


@pytest.mark.parametrize(("who", "allowed"), [("teacher", True), ("admin_user", True), ("student", False)])
def test_the_library_is_for_teachers_and_admins(request, who, allowed):
    assert is_teacher_or_admin(request.getfixturevalue(who)) is allowed


def test_querysets_split_own_articles_from_the_shared_library(teacher, admin_user, library):
    assert list(Article.objects.owned_by(teacher)) == [library["mine"]]
    assert set(Article.objects.shared_with(teacher)) == {library["theirs"], library["site"]}
    assert list(Article.objects.editable_by(teacher)) == [library["mine"]]
    assert Article.objects.editable_by(admin_user).count() == 3


def test_a_departing_teachers_articles_stay_as_the_sites(other_teacher, library):
    other_teacher.delete()
    article = Article.objects.get(pk=library["theirs"].pk)
    assert article.owner is None
    assert article.owner_display.startswith("Crosscheck")


def test_hooks_are_filled_by_the_teaching_app():
    assert hooks.NAMES <= set(hooks._registry)


def test_a_missing_hook_says_who_should_fill_it(monkeypatch):
    monkeypatch.setattr(hooks, "_registry", {})
    with pytest.raises(ImproperlyConfigured, match="teaching app"):
        hooks.revise_article(article=None, body_markdown="", by=None)
    with pytest.raises(ImproperlyConfigured, match="Unknown article hooks"):
        hooks.register(delete_everything=print)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize(
    "path",
    sorted((Path(settings.BASE_DIR) / "articles").rglob("*.py")),
    ids=lambda p: str(p.relative_to(settings.BASE_DIR)),
)
def test_articles_never_import_teaching(path):
    assert not {name for name in _imports(path) if name == "teaching" or name.startswith("teaching.")}
