"""My lessons, the builder and the library: pages, htmx fragments, Post/Redirect/Get, query counts."""

import pytest
from django.urls import reverse

from teaching.models import Lesson, LessonArticle
from tests import factories

pytestmark = pytest.mark.django_db

HTMX = {"headers": {"HX-Request": "true"}}


@pytest.fixture
def mine(teacher):
    lesson = factories.LessonFactory(owner=teacher, title="My lesson", introduction="Compare the two reports.")
    for position, title in enumerate(["First report", "Second report"], start=1):
        factories.LessonArticleFactory(lesson=lesson, article=factories.ArticleFactory(title=title), position=position)
    return lesson


def _titles(lesson):
    return list(
        LessonArticle.objects.filter(lesson=lesson).order_by("position").values_list("article__title", flat=True)
    )


def _link(lesson, title):
    return LessonArticle.objects.get(lesson=lesson, article__title=title)


def test_teachers_navigation_has_my_lessons(teacher_client):
    page = teacher_client.get(reverse("teaching:classroom_list")).content.decode()
    assert f'href="{reverse("teaching:lesson_list")}">My lessons</a>' in page


def test_my_lessons_lists_only_mine(teacher_client, mine, other_teacher):
    factories.LessonFactory(owner=other_teacher, title="Not mine")
    factories.LessonFactory(owner=None, title="The site's")
    page = teacher_client.get(reverse("teaching:lesson_list")).content.decode()
    assert ">My lesson<" in page and "First report" in page
    assert "Not mine" not in page and "The site&#x27;s" not in page


def test_my_lessons_empty_state_points_to_making_and_copying(teacher_client):
    page = teacher_client.get(reverse("teaching:lesson_list")).content.decode()
    assert "No lessons of your own yet" in page and reverse("teaching:lesson_library") in page


def _lessons(owner, n, articles=2, key_items=2):
    for i in range(n):
        lesson = factories.LessonFactory(owner=owner, title=f"Lesson {i:03d}")
        for position in range(1, articles + 1):
            factories.LessonArticleFactory(lesson=lesson, position=position)
        key = factories.ReferenceKeyFactory(lesson=lesson)
        article = lesson.lesson_articles.first().article
        for _ in range(key_items):
            factories.key_item_for(key, article, "approximately 300 troops")


@pytest.mark.parametrize("n", [2, 20])
def test_my_lessons_query_count_is_constant(teacher_client, teacher, django_assert_num_queries, n):
    _lessons(teacher, n)
    # session, user, lessons with their counts, their articles
    with django_assert_num_queries(4):
        response = teacher_client.get(reverse("teaching:lesson_list"))
    assert response.content.decode().count('class="card lesson-card"') == n


@pytest.mark.parametrize("n", [2, 20])
def test_library_query_count_is_constant(teacher_client, other_teacher, django_assert_num_queries, n):
    _lessons(other_teacher, n)
    _lessons(None, 1)
    # session, user, lessons with owners and counts, their articles
    with django_assert_num_queries(4):
        response = teacher_client.get(reverse("teaching:lesson_library"))
    assert response.content.decode().count('class="card lesson-card"') == n + 1


def test_library_shows_others_and_the_sites_lessons_not_mine_and_searches(teacher_client, mine, other_teacher):
    theirs = factories.LessonFactory(owner=other_teacher, title="Novak's lesson")
    factories.LessonArticleFactory(lesson=theirs)
    site = factories.LessonFactory(owner=None, title="Pokrovsk")
    factories.LessonArticleFactory(lesson=site)
    factories.LessonFactory(owner=other_teacher, title="Empty one")  # no articles: nothing to read yet
    page = teacher_client.get(reverse("teaching:lesson_library")).content.decode()
    assert "Novak&#x27;s lesson" in page and "Pokrovsk" in page and "From the site" in page
    assert ">My lesson<" not in page and "Empty one" not in page
    page = teacher_client.get(reverse("teaching:lesson_library"), {"q": "pokrov"}).content.decode()
    assert "Pokrovsk" in page and "Novak" not in page


def test_create_lesson_redirects_to_its_builder(teacher_client, teacher):
    response = teacher_client.post(reverse("teaching:lesson_create"), {"title": "This week", "introduction": "Two."})
    lesson = Lesson.objects.get(title="This week")
    assert lesson.owner == teacher
    assert response.status_code == 302 and response["Location"] == reverse("teaching:lesson_edit", args=[lesson.pk])


def test_create_lesson_without_a_title_shows_the_form_again(teacher_client):
    response = teacher_client.post(reverse("teaching:lesson_create"), {"title": " ", "introduction": ""})
    assert response.status_code == 200 and "Give the lesson a title" in response.content.decode()
    assert not Lesson.objects.exists()


def test_builder_shows_articles_candidates_key_and_classes(teacher_client, mine, classroom):
    library = factories.LessonFactory(title="Library lesson")
    factories.LessonArticleFactory(lesson=library, article=factories.ArticleFactory(title="From the library"))
    page = teacher_client.get(reverse("teaching:lesson_edit", args=[mine.pk])).content.decode()
    assert page.index("First report") < page.index("Second report")
    assert "From the library" in page
    assert reverse("teaching:key_start", args=[mine.pk]) in page
    assert f"{reverse('teaching:assignment_create', args=[classroom.pk])}?lesson={mine.pk}" in page
    assert reverse("teaching:lesson_article_preview", args=[mine.pk, 2]) in page


def test_builder_saves_title_and_introduction_prg(teacher_client, mine):
    url = reverse("teaching:lesson_edit", args=[mine.pk])
    response = teacher_client.post(url, {"title": "Renamed", "introduction": "New words."})
    assert response.status_code == 302 and response["Location"] == url
    mine.refresh_from_db()
    assert (mine.title, mine.introduction) == ("Renamed", "New words.")


def test_move_htmx_returns_the_article_list_fragment(teacher_client, mine):
    url = reverse("teaching:lesson_article_move", args=[_link(mine, "Second report").pk])
    response = teacher_client.post(url, {"direction": "up"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="lesson-articles"') and "<html" not in body
    assert "Moved “Second report” up." in body
    assert body.index("Second report") < body.index("First report")
    assert _titles(mine) == ["Second report", "First report"]


def test_move_without_htmx_redirects_back_to_the_builder(teacher_client, mine):
    url = reverse("teaching:lesson_article_move", args=[_link(mine, "First report").pk])
    response = teacher_client.post(url, {"direction": "down"})
    assert response.status_code == 302
    assert response["Location"] == reverse("teaching:lesson_edit", args=[mine.pk]) + "#lesson-articles"
    assert _titles(mine) == ["Second report", "First report"]


def test_refused_move_answers_400_with_the_reason(teacher_client, mine):
    url = reverse("teaching:lesson_article_move", args=[_link(mine, "First report").pk])
    response = teacher_client.post(url, {"direction": "up"}, **HTMX)
    assert response.status_code == 400 and "already the first article" in response.content.decode()
    assert _titles(mine) == ["First report", "Second report"]


def test_remove_refused_where_students_have_work_htmx_400_and_redirect_with_message(
    teacher_client, mine, classroom, student
):
    submission = factories.SubmissionFactory(
        assignment=factories.AssignmentFactory(classroom=classroom, lesson=mine), student=student
    )
    factories.annotation_for(submission, _link(mine, "First report").article, "approximately 300 troops")
    url = reverse("teaching:lesson_article_remove", args=[_link(mine, "First report").pk])
    response = teacher_client.post(url, **HTMX)
    assert response.status_code == 400
    assert "cannot leave this lesson: students have 1 highlight on it" in response.content.decode()
    response = teacher_client.post(url, follow=True)
    assert "cannot leave this lesson" in response.content.decode()
    assert _titles(mine) == ["First report", "Second report"]
    page = teacher_client.get(reverse("teaching:lesson_edit", args=[mine.pk])).content.decode()
    assert "students have highlighted it here" in page


def test_remove_htmx(teacher_client, mine):
    url = reverse("teaching:lesson_article_remove", args=[_link(mine, "First report").pk])
    response = teacher_client.post(url, **HTMX)
    assert response.status_code == 200 and "Removed “First report”." in response.content.decode()
    assert _titles(mine) == ["Second report"]


def test_add_from_the_library_htmx(teacher_client, mine):
    library = factories.LessonFactory(title="Library lesson")
    article = factories.ArticleFactory(title="From the library")
    factories.LessonArticleFactory(lesson=library, article=article)
    response = teacher_client.post(
        reverse("teaching:lesson_article_add", args=[mine.pk]), {"article": article.pk}, **HTMX
    )
    assert response.status_code == 200 and "Added “From the library”." in response.content.decode()
    assert _titles(mine) == ["First report", "Second report", "From the library"]


@pytest.mark.parametrize("value", ["", "abc", "-1", "999999"])
def test_add_with_a_bad_or_unknown_article_is_refused(teacher_client, mine, value):
    response = teacher_client.post(reverse("teaching:lesson_article_add", args=[mine.pk]), {"article": value}, **HTMX)
    assert response.status_code == 400 and "Choose one of your articles" in response.content.decode()
    assert len(_titles(mine)) == 2


def test_after_bringing_a_new_article_the_builder_offers_to_add_it(teacher_client, mine, teacher):
    """The contract with the article pages: they redirect to ?added=<id>; the builder offers a one-click add."""
    article = factories.ArticleFactory(title="Just brought", owner=teacher)
    url = reverse("teaching:lesson_edit", args=[mine.pk])
    page = teacher_client.get(url, {"added": article.pk}).content.decode()
    assert "Add “Just brought” to this lesson" in page
    assert f"{reverse('articles:article_create')}?next={url}" in page  # "Bring a new article", back here after
    # Already in the lesson, unknown or malformed: no offer.
    for added in (_link(mine, "First report").article_id, 999999, "abc"):
        page = teacher_client.get(url, {"added": added}).content.decode()
        assert "to this lesson</button>" not in page


def test_candidates_list_the_teachers_own_articles_first(teacher_client, mine, teacher, other_teacher):
    factories.ArticleFactory(title="AAA from another teacher", owner=other_teacher)
    factories.ArticleFactory(title="ZZZ of my own", owner=teacher)
    page = teacher_client.get(reverse("teaching:lesson_edit", args=[mine.pk])).content.decode()
    assert page.index("ZZZ of my own") < page.index("AAA from another teacher")


def test_preview_shows_the_article_as_students_see_it(teacher_client, mine):
    page = teacher_client.get(reverse("teaching:lesson_article_preview", args=[mine.pk, 2])).content.decode()
    assert "Second report" in page and "approximately 300 troops" in page
    assert "article 2 of 2" in page
    first = teacher_client.get(reverse("teaching:lesson_article_preview", args=[mine.pk, 1])).content.decode()
    assert "Compare the two reports." in first  # the introduction, before the first article
    assert teacher_client.get(reverse("teaching:lesson_article_preview", args=[mine.pk, 3])).status_code == 404


def test_copy_makes_my_own_lesson_and_opens_its_builder(teacher_client, teacher, other_teacher):
    theirs = factories.LessonFactory(owner=other_teacher, title="Theirs")
    factories.LessonArticleFactory(lesson=theirs)
    response = teacher_client.post(reverse("teaching:lesson_copy", args=[theirs.pk]))
    copy = Lesson.objects.get(owner=teacher)
    assert response.status_code == 302 and response["Location"] == reverse("teaching:lesson_edit", args=[copy.pk])
    page = teacher_client.get(response["Location"]).content.decode()
    assert "Your copy of “Theirs”" in page


def test_reading_someone_elses_lesson_shows_its_key_read_only_and_offers_a_copy(teacher_client, other_teacher):
    theirs = factories.LessonFactory(owner=other_teacher, title="Theirs")
    link = factories.LessonArticleFactory(lesson=theirs)
    key = factories.ReferenceKeyFactory(lesson=theirs)
    factories.key_item_for(key, link.article, "approximately 300 troops", explanation="Compare with 200.")
    page = teacher_client.get(reverse("teaching:lesson_detail", args=[theirs.pk])).content.decode()
    assert "approximately 300 troops" in page and "Compare with 200." in page and "read-only" in page
    assert reverse("teaching:lesson_copy", args=[theirs.pk]) in page
    assert reverse("teaching:lesson_edit", args=[theirs.pk]) not in page


def test_set_for_a_class_comes_with_the_lesson_chosen(teacher_client, mine, classroom):
    url = reverse("teaching:assignment_create", args=[classroom.pk])
    page = teacher_client.get(url, {"lesson": mine.pk}).content.decode()
    assert f'<option value="{mine.pk}" selected>' in page


@pytest.mark.parametrize("name", ["teaching:lesson_edit", "teaching:key_comparisons"])
def test_builder_pages_keep_the_sites_htmx_config(teacher_client, mine, name):
    # htmx reads the first <meta name="htmx-config">: a page's own one, placed before the site's, dropped
    # includeIndicatorStyles: false (htmx then adds a <style> the CSP refuses), allowEval: false and
    # selfRequestsOnly — on the lesson builder and the key's comparisons.
    html = teacher_client.get(reverse(name, args=[mine.pk])).text
    assert html.count('name="htmx-config"') == 1
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html


def test_adding_the_first_article_refreshes_the_side_panels_out_of_band(teacher_client, teacher, classroom):
    empty = factories.LessonFactory(owner=teacher, title="Empty")
    article = factories.ArticleFactory(title="First one", owner=teacher)
    page = teacher_client.get(reverse("teaching:lesson_edit", args=[empty.pk])).content.decode()
    assert "Add an article first" in page and 'hx-swap-oob="true"' not in page
    response = teacher_client.post(
        reverse("teaching:lesson_article_add", args=[empty.pk]), {"article": article.pk}, **HTMX
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert '<section class="card" id="builder-key" aria-labelledby="key-title" hx-swap-oob="true">' in text
    assert '<section class="card" id="builder-assign" aria-labelledby="assign-title" hx-swap-oob="true">' in text
    assert "Add an article first" not in text
    assert reverse("teaching:key_start", args=[empty.pk]) in text
    assert f"Set for {classroom.name}" in text


def test_delete_my_lesson_goes_back_to_my_lessons_with_a_message(teacher_client, mine):
    page = teacher_client.get(reverse("teaching:lesson_edit", args=[mine.pk])).content.decode()
    assert reverse("teaching:lesson_delete", args=[mine.pk]) in page
    response = teacher_client.post(reverse("teaching:lesson_delete", args=[mine.pk]), follow=True)
    assert response.redirect_chain == [(reverse("teaching:lesson_list"), 302)]
    assert "Deleted “My lesson” with its key. Its articles are still in My articles." in response.content.decode()
    assert not Lesson.objects.filter(pk=mine.pk).exists()


def test_delete_refused_where_students_have_work_says_why(teacher_client, mine, classroom, student):
    submission = factories.SubmissionFactory(
        assignment=factories.AssignmentFactory(classroom=classroom, lesson=mine), student=student
    )
    factories.annotation_for(submission, _link(mine, "First report").article, "approximately 300 troops")
    response = teacher_client.post(reverse("teaching:lesson_delete", args=[mine.pk]), follow=True)
    assert response.redirect_chain == [(reverse("teaching:lesson_edit", args=[mine.pk]), 302)]
    assert "“My lesson” cannot be deleted: 1 student has work in an assignment of it" in response.content.decode()
    assert Lesson.objects.filter(pk=mine.pk).exists()
