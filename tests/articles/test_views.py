"""Teachers' article pages: My articles, adding an article (paste, upload, address → preview → save), editing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from articles.models import Article
from tests import factories
from tests.articles.docx_files import REPORT, make_docx
from tests.page_server import NEWS_PAGE

pytestmark = pytest.mark.django_db

ADD = reverse("articles:article_create")
NEWS_TITLE = "Flood barrier delayed again as costs double, council papers show"
PASTED = "Barrier delayed\nThe barrier will not open before 2030.\nIt costs £97m, twice the first estimate."


@pytest.fixture
def signed_in(client, teacher):
    client.force_login(teacher)
    return client


def details_from(response) -> dict:
    """The preview form's fields as the browser would send them back."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, datetime.date):
            value = value.isoformat()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    return data


def test_add_page_offers_three_ways(signed_in):
    html = signed_in.get(ADD).text
    for step in ("paste", "upload", "address"):
        assert f'name="step" value="{step}"' in html
    assert 'enctype="multipart/form-data"' in html


def test_paste_previews_then_saves_an_article_owned_by_the_teacher(signed_in, teacher):
    response = signed_in.post(ADD, {"step": "paste", "paste-text": PASTED, "paste-format": "text"})
    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Barrier delayed"
    assert "the text’s first line, its headline" in response.text
    assert 'id="preview-text"' in response.text and "It costs £97m" in response.text
    assert Article.objects.count() == 0  # a preview saves nothing

    response = signed_in.post(ADD, {**details_from(response), "step": "save"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:article_preview", args=[article.pk])
    assert (article.owner, article.title) == (teacher, "Barrier delayed")
    assert article.body_text.startswith("Barrier delayed\nThe barrier will not open")
    assert article.revisions.get().created_by == teacher


def test_the_title_fixed_in_the_preview_is_the_one_saved(signed_in):
    response = signed_in.post(ADD, {"step": "paste", "paste-text": PASTED, "paste-format": "text"})
    data = {**details_from(response), "title": "Barrier delayed to 2030", "outlet": "The Harbour Ledger"}
    response = signed_in.post(ADD, {**data, "step": "preview"})
    assert "Barrier delayed to 2030" in response.text
    assert Article.objects.count() == 0
    signed_in.post(ADD, {**details_from(response), "step": "save"})
    assert Article.objects.values_list("title", "outlet").get() == ("Barrier delayed to 2030", "The Harbour Ledger")


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/lessons/3/edit/", "/lessons/3/edit/?added={pk}"),
        ("/lessons/3/edit/?tab=articles", "/lessons/3/edit/?tab=articles&added={pk}"),
        ("https://evil.example/steal", "/articles/{pk}/preview/"),
        ("//evil.example/steal", "/articles/{pk}/preview/"),
        ("javascript:alert(1)", "/articles/{pk}/preview/"),
    ],
)
def test_after_saving_it_goes_back_to_a_local_next_with_the_new_id(signed_in, next_url, expected):
    response = signed_in.post(
        f"{ADD}?next={next_url}",
        {"step": "paste", "paste-text": PASTED, "paste-format": "text", "paste-next": next_url},
    )
    data = details_from(response)
    assert data["next"] == (next_url if expected.startswith("/lessons") else "")
    response = signed_in.post(ADD, {**data, "step": "save"})
    assert response["Location"] == expected.format(pk=Article.objects.get().pk)


def test_upload_a_saved_web_page(signed_in):
    upload = SimpleUploadedFile("barrier.html", NEWS_PAGE.read_bytes(), content_type="text/html")
    response = signed_in.post(ADD, {"step": "upload", "upload-file": upload})
    form = response.context["form"]
    assert form["title"].value() == NEWS_TITLE
    assert (form["outlet"].value(), form["author"].value()) == ("The Harbour Ledger", "Nadia Brennan")
    assert form["published_on"].value() == datetime.date(2026, 3, 14)
    assert "Switch energy supplier" not in response.text
    signed_in.post(ADD, {**details_from(response), "step": "save"})
    article = Article.objects.get()
    assert article.published_on == datetime.date(2026, 3, 14)
    assert article.original_url.startswith("https://www.harbourledger.example/")


def test_upload_a_word_document(signed_in):
    upload = SimpleUploadedFile("report.docx", make_docx(REPORT))
    response = signed_in.post(ADD, {"step": "upload", "upload-file": upload})
    assert response.context["form"]["title"].value() == REPORT[0][1]
    assert "<h2>What changes</h2>" in response.text
    assert response.context["form"]["author"].value() == ""  # the file's "creator" is not the report's author


def test_fetch_a_web_address(signed_in, page_server):
    response = signed_in.post(ADD, {"step": "address", "address-url": page_server + "/news/flood-barrier.html"})
    assert response.context["form"]["title"].value() == NEWS_TITLE
    assert "11,000 homes" in response.text


def _error_shown(response, message: str) -> bool:
    return response.status_code == 200 and message in response.text and 'role="alert"' in response.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"step": "paste", "paste-text": "", "paste-format": "text"}, "This field is required."),
        ({"step": "paste", "paste-text": "  \n ", "paste-format": "text"}, "There is no text"),
        ({"step": "paste", "paste-text": "x" * (1024 * 1024 + 1), "paste-format": "text"}, "over the limit of 1 MB"),
        ({"step": "upload"}, "This field is required."),
        ({"step": "upload", "upload-file": ("a.txt", b"")}, "The submitted file is empty."),
        ({"step": "upload", "upload-file": ("a.txt", b"%PDF\x00\x01")}, "not a text file"),
        ({"step": "upload", "upload-file": ("a.txt", "Caf\xe9".encode("latin-1"))}, "not UTF-8"),
        ({"step": "upload", "upload-file": ("a.txt", b"x" * (1024 * 1024 + 1))}, "over the limit of"),
        ({"step": "upload", "upload-file": ("a.docx", b"not a zip")}, "not a Word document"),
        ({"step": "upload", "upload-file": ("a.html", b"<html><body><nav>Home</nav></body></html>")}, "could not find"),
        ({"step": "upload", "upload-file": ("a.pdf", b"%PDF-1.7")}, "“.pdf”"),
        ({"step": "address", "address-url": ""}, "This field is required."),
        ({"step": "address", "address-url": "not a url"}, "Enter a valid URL."),
        ({"step": "address", "address-url": "http://10.0.0.1/news"}, "private network"),
        ({"step": "address", "address-url": "http://169.254.169.254/latest/"}, "private network"),
        ({"step": "address", "address-url": "{server}/loop-a"}, "circle of redirects"),
        ({"step": "address", "address-url": "{server}/report.pdf"}, "not a web page"),
        ({"step": "address", "address-url": "{server}/big"}, "larger than"),
        ({"step": "address", "address-url": "{server}/slow"}, "took too long"),
        ({"step": "address", "address-url": "{server}/missing"}, "404 Not Found"),
    ],
)
def test_bad_input_gets_a_message_in_the_form_and_saves_nothing(signed_in, page_server, data, message):
    data = dict(data)
    if "upload-file" in data:
        name, content = data["upload-file"]
        data["upload-file"] = SimpleUploadedFile(name, content)
    if "address-url" in data:
        data["address-url"] = data["address-url"].format(server=page_server)
    with override_settings(ARTICLE_FETCH_TIMEOUT=0.5, ARTICLE_PAGE_MAX_BYTES=32 * 1024):
        response = signed_in.post(ADD, data)
    assert _error_shown(response, message), response.text[:3000]
    assert Article.objects.count() == 0


@override_settings(ARTICLE_FETCH_ALLOW_LOOPBACK=False)
def test_loopback_addresses_are_refused_outside_the_tests(signed_in, page_server):
    response = signed_in.post(ADD, {"step": "address", "address-url": page_server + "/news/flood-barrier.html"})
    assert _error_shown(response, "private network")


def test_saving_with_an_empty_title_or_text_is_refused(signed_in):
    response = signed_in.post(ADD, {"step": "save", "title": "", "body_markdown": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"title", "body_markdown"}
    assert Article.objects.count() == 0


def test_markup_in_a_draft_is_escaped_in_the_preview(signed_in):
    response = signed_in.post(
        ADD, {"step": "save", "title": "<script>alert(1)</script>", "body_markdown": "<img src=x onerror=alert(1)>"}
    )
    # saved: the title is text and the body's HTML is shown as typed, never run
    article = Article.objects.get()
    assert response.status_code == 302
    page = signed_in.get(reverse("articles:article_preview", args=[article.pk])).text
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


# My articles --------------------------------------------------------------------------------------


def test_my_articles_lists_own_articles_and_the_shared_library(signed_in, teacher, other_teacher):
    factories.ArticleFactory(title="Mine", owner=teacher)
    factories.ArticleFactory(title="Theirs", owner=other_teacher)
    factories.ArticleFactory(title="The site's")
    response = signed_in.get(reverse("articles:article_list"))
    assert [a.title for a in response.context["mine"]] == ["Mine"]
    assert [a.title for a in response.context["library"]] == ["The site's", "Theirs"]
    html = response.text
    assert html.count("/edit/") == 1  # only their own article offers Edit


def test_my_articles_search(signed_in, teacher):
    factories.ArticleFactory(title="Flood barrier", owner=teacher)
    factories.ArticleFactory(title="Bus cuts", owner=teacher)
    response = signed_in.get(reverse("articles:article_list"), {"q": "flood"})
    assert [a.title for a in response.context["mine"]] == ["Flood barrier"]


def test_my_articles_when_empty_says_what_to_do(signed_in):
    assert "You have not added an article yet" in signed_in.get(reverse("articles:article_list")).text


@pytest.mark.parametrize("count", [2, 12])
def test_my_articles_query_count_does_not_grow(signed_in, teacher, other_teacher, django_assert_num_queries, count):
    for n in range(count):
        factories.ArticleFactory(title=f"Mine {n}", owner=teacher)
        factories.ArticleFactory(title=f"Theirs {n}", owner=other_teacher)
    # session + user, my articles, the library
    with django_assert_num_queries(4):
        response = signed_in.get(reverse("articles:article_list"))
    assert len(response.context["library"]) == count


def test_the_teachers_navigation_links_to_my_articles(signed_in):
    assert f'href="{reverse("articles:article_list")}"' in signed_in.get(reverse("teaching:classroom_list")).text


# Editing ------------------------------------------------------------------------------------------


def edit_data(article, **changes) -> dict:
    data = {
        "title": article.title,
        "outlet": article.outlet,
        "author": article.author,
        "published_on": "",
        "original_url": article.original_url,
        "body_markdown": article.body_markdown,
        "revision_note": "",
    }
    return {**data, **changes}


def test_editing_details_keeps_the_text_and_its_revision(signed_in, teacher):
    article = factories.ArticleFactory(owner=teacher)
    url = reverse("articles:article_edit", args=[article.pk])
    response = signed_in.post(url, edit_data(article, outlet="The Harbour Ledger", published_on="2026-03-14"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.outlet, article.published_on) == ("The Harbour Ledger", datetime.date(2026, 3, 14))
    assert article.revisions.count() == 1


def test_editing_text_with_students_work_goes_through_revision_and_reanchoring(
    client, teacher, student, submission, article
):
    article.owner = teacher
    article.save(update_fields=["owner"])
    highlight = factories.annotation_for(submission, article, "approximately 300 troops")
    client.force_login(teacher)
    url = reverse("articles:article_edit", args=[article.pk])
    assert "Students have made 1 highlight" in client.get(url).text
    new_body = "A new first paragraph.\n\n" + article.body_markdown
    response = client.post(url, edit_data(article, body_markdown=new_body, revision_note="added a paragraph"))
    assert response.status_code == 302
    article.refresh_from_db()
    highlight.refresh_from_db()
    revision = article.revisions.order_by("-number").first()
    assert (revision.number, revision.note, revision.created_by) == (2, "added a paragraph", teacher)
    assert article.body_text[highlight.start : highlight.end] == "approximately 300 troops"
    assert highlight.revision == revision
    follow = client.get(response["Location"])
    assert "Saved as revision 2" in follow.text


def test_an_edit_that_leaves_the_text_alone_makes_no_revision(signed_in, teacher):
    article = factories.ArticleFactory(owner=teacher)
    signed_in.post(reverse("articles:article_edit", args=[article.pk]), edit_data(article, title="Renamed"))
    assert article.revisions.count() == 1


def test_a_paste_over_the_request_limit_gets_a_clear_page_not_a_bare_400(signed_in, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
    response = signed_in.post(
        ADD, {"step": "paste", "paste-text": "x" * (3 * 1024 * 1024 + 10), "paste-format": "text"}
    )
    text = response.content.decode()
    assert response.status_code == 413
    assert "That was too much to send at once" in text and "over 3 MB" in text
    assert "upload the file" in text and f'href="{ADD}"' in text
    assert not Article.objects.exists()
