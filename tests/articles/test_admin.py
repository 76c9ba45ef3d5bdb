"""The articles admin: list, change form, revisions and their diff, orphans, import from a file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests import factories

CHANGELIST = reverse("admin:articles_article_changelist")
IMPORT = reverse("admin:articles_article_import")


def change_data(article, **overrides):
    data = {
        "title": article.title,
        "title_is_editorial": "on" if article.title_is_editorial else "",
        "outlet": article.outlet,
        "author": article.author,
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "original_url": article.original_url,
        "body_markdown": article.body_markdown,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v != "" or k not in {"title_is_editorial"}}


# List -------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 6])
def test_changelist_query_count_does_not_grow(admin_client, django_assert_num_queries, count):
    factories.ArticleFactory.create_batch(count)
    # session, user, count, count (paginator), rows, outlet filter choices
    with django_assert_num_queries(6):
        response = admin_client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.content.decode().count("/preview/") == count


def test_changelist_offers_import_and_shows_unknowns(admin_client, article):
    html = admin_client.get(CHANGELIST).content.decode()
    assert IMPORT in html
    assert "Import from a .txt or .md file" in html
    assert "<em>unknown</em>" in html
    assert reverse("articles:article_preview", args=[article.pk]) in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Kyiv", {"Kyiv Post report"}), ("Hromadske", {"Night shift"}), ("Petrenko", {"Night shift"}), ("zzz", set())],
)
def test_changelist_search(admin_client, query, expected):
    factories.ArticleFactory(title="Kyiv Post report", outlet="Kyiv Post")
    factories.ArticleFactory(title="Night shift", outlet="Hromadske", author="O. Petrenko")
    response = admin_client.get(CHANGELIST, {"q": query})
    assert {a.title for a in response.context["cl"].result_list} == expected


def test_changelist_filters_by_highlights_and_editorial_title(admin_client, submission, article):
    editorial = factories.ArticleFactory(title="Editor's title", title_is_editorial=True)
    factories.annotation_for(submission, article, "300 troops")
    titles = lambda params: {a.title for a in admin_client.get(CHANGELIST, params).context["cl"].result_list}  # noqa: E731
    assert titles({"annotated": "yes"}) == {article.title}
    assert titles({"annotated": "no"}) == {editorial.title}
    assert titles({"title_is_editorial__exact": "1"}) == {editorial.title}


# Change form ------------------------------------------------------------------------


def test_change_form_has_markdown_body_help_and_preview_link(admin_client, article):
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert 'class="article-markdown"' in html
    assert "{: .caption }" in html
    assert "Preview as students see it" in html
    assert reverse("articles:article_preview", args=[article.pk]) in html
    assert 'name="body_html"' not in html
    assert 'name="body_text"' not in html


def test_change_form_edits_body_of_unannotated_article(admin_client, article):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, change_data(article, body_markdown="# New\n\nNew text."))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body_text == "New\nNew text."


def test_change_form_revises_body_of_annotated_article(admin_client, admin_user, submission, article):
    troops = factories.annotation_for(submission, article, "300 troops")
    stalingrad = factories.annotation_for(submission, article, "modern-day Stalingrad", category="rhetoric")
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = article.body_markdown.replace("300 troops", "3,000 troops")
    response = admin_client.post(
        url,
        change_data(article, title="Changed too", body_markdown=body, revision_note="Fixed the number"),
        follow=True,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.title, article.body_markdown) == ("Changed too", body.strip())
    revision = article.current_revision
    assert (revision.number, revision.created_by, revision.note) == (2, admin_user, "Fixed the number")
    assert revision.body_text == article.body_text
    troops.refresh_from_db()
    stalingrad.refresh_from_db()
    # The figure the student highlighted changed: set aside for the teacher, never put on "3,000 troops".
    assert (troops.anchor_status, troops.exact) == ("orphaned", "300 troops")
    assert article.body_text[stalingrad.start : stalingrad.end] == stalingrad.exact == "modern-day Stalingrad"
    assert stalingrad.revision == revision
    shown = [str(m) for m in response.context["messages"]]
    assert any(
        m.startswith(
            "Saved as revision 2. 0 highlights stayed on the same words, 1 moved with the text, 1 could not be placed."
        )
        for m in shown
    )


def test_change_form_reports_orphans_with_a_link(admin_client, submission, article):
    kept = factories.annotation_for(submission, article, "Officials said", category="sourcing")
    gone = factories.annotation_for(submission, article, "modern-day Stalingrad", category="rhetoric", comment="Loaded")
    url = reverse("admin:articles_article_change", args=[article.pk])
    body = article.body_markdown.replace(
        "Critics called it a “modern-day Stalingrad” – a claim no one could check.", ""
    )
    response = admin_client.post(url, change_data(article, body_markdown=body), follow=True)
    orphans_url = reverse("admin:articles_article_orphans", args=[article.pk])
    html = response.content.decode()
    assert (
        "Saved as revision 2. 1 highlight stayed on the same words, 0 moved with the text, "
        f'1 could not be placed. <a href="{orphans_url}">Review the highlight that could not be placed</a>.' in html
    )
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert (kept.anchor_status, gone.anchor_status) == ("anchored", "orphaned")
    assert (gone.exact, gone.comment, gone.revision.number) == ("modern-day Stalingrad", "Loaded", 1)
    page = admin_client.get(orphans_url).content.decode()
    assert "“modern-day Stalingrad”" in page and "Loaded" in page
    assert reverse("teaching:annotation_reattach", args=[gone.pk]) in page
    assert "1 could not be placed after an earlier correction" in admin_client.get(url).content.decode()


def test_change_form_allows_title_and_metadata_of_annotated_article(admin_client, submission, article):
    factories.annotation_for(submission, article, "300 troops")
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(
        url, change_data(article, title="Troops in the city", outlet="Kyiv Independent", published_on="2025-11-05")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.outlet, str(article.published_on)) == (
        "Troops in the city",
        "Kyiv Independent",
        "2025-11-05",
    )
    assert article.revisions.count() == 1  # title and details are not the text: no revision
    assert "1 on the text. Changing the text saves a new revision" in admin_client.get(url).content.decode()


def test_change_form_markup_only_change_is_a_revision_that_keeps_every_highlight(admin_client, submission, article):
    # Marking a paragraph as a caption leaves the text, and so every highlight, where it was.
    annotation = factories.annotation_for(submission, article, "300 troops")
    text_before = article.body_text
    body = article.body_markdown.rstrip("\n") + "\n{: .caption }\n"
    response = admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_data(article, body_markdown=body),
        follow=True,
    )
    article.refresh_from_db()
    assert article.body_text == text_before
    assert 'class="caption"' in article.body_html
    assert "Saved as revision 2. 1 highlight stayed on the same words" in response.content.decode()
    before = (annotation.start, annotation.end)
    annotation.refresh_from_db()
    assert (annotation.start, annotation.end, annotation.revision.number) == (*before, 2)


def test_model_clean_no_longer_refuses_an_annotated_body_change(submission, article):
    factories.annotation_for(submission, article, "300 troops")
    article.body_markdown = "Something else entirely."
    article.full_clean()


def test_adding_an_article_makes_revision_one_by_the_admin(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:articles_article_add"),
        {"title": "New report", "body_markdown": "First *words*.", "outlet": "", "author": ""},
    )
    assert response.status_code == 302
    article = Article.objects.get(title="New report")
    assert [(r.number, r.created_by, r.body_text) for r in article.revisions.all()] == [(1, admin_user, "First words.")]


# Revisions and their diff ------------------------------------------------------------


def test_change_form_lists_revisions_with_diff_links(admin_client, admin_user, article):
    from teaching.services import revise_article

    revise_article(article=article, body_markdown=article.body_markdown + "\nMore.\n", by=admin_user, note="Added")
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert reverse("admin:articles_article_revision", args=[article.pk, 2]) in html
    assert "the first text" in html and "Added" in html and "admin" in html


def test_revision_diff_escapes_and_marks_changes(admin_client, admin_user, article):
    from teaching.services import revise_article

    old = "Officials said <b>300</b> troops & more.\n"
    new = "Officials said <script>alert(1)</script> 3,000 troops & more.\n"
    article.body_markdown = old
    article.save()
    revise_article(article=article, body_markdown=old.replace("Officials", "Officals"), by=admin_user)
    revise_article(article=article, body_markdown=new, by=admin_user, note="<i>note</i>")
    response = admin_client.get(reverse("admin:articles_article_revision", args=[article.pk, 3]))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html and "<i>note</i>" not in html
    assert '<ins class="diff-ins">&lt;script&gt;alert(1)&lt;/script&gt; 3,000</ins>' in html
    assert '<del class="diff-del">Officals</del><ins class="diff-ins">Officials</ins>' in html
    assert '<del class="diff-del">&lt;b&gt;300&lt;/b&gt;</del>' in html
    assert "&amp; more." in html
    assert "&lt;i&gt;note&lt;/i&gt;" in html


@pytest.mark.parametrize(("number", "status"), [(1, 200), (2, 404)])
def test_revision_page_for_first_and_missing_revisions(admin_client, article, number, status):
    response = admin_client.get(reverse("admin:articles_article_revision", args=[article.pk, number]))
    assert response.status_code == status
    if status == 200:
        assert "nothing earlier to compare it with" in response.content.decode()


@pytest.mark.parametrize("name", ["admin:articles_article_revision", "admin:articles_article_orphans"])
def test_revision_and_orphan_pages_need_staff(client, student, article, name):
    args = [article.pk, 1] if name.endswith("revision") else [article.pk]
    client.force_login(student)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_orphans_page_when_there_are_none(admin_client, article):
    html = admin_client.get(reverse("admin:articles_article_orphans", args=[article.pk])).content.decode()
    assert "Every highlight on this article is on its words." in html


# Import from a file -------------------------------------------------------------------


def upload(name, content, **fields):
    return {"file": SimpleUploadedFile(name, content), "title": "", "outlet": "", "author": "", **fields}


def test_import_page_renders(admin_client):
    html = admin_client.get(IMPORT).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="file"' in html and 'name="title_is_editorial"' in html


def test_import_txt_uses_first_line_as_headline(admin_client):
    content = "Troops enter Pokrovsk\n\nTroops enter Pokrovsk\n\nAbout *300* troops – “inside”.\n\n\n".encode()
    response = admin_client.post(IMPORT, upload("report.txt", content, outlet="The Daily"))
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert (article.title, article.title_is_editorial, article.outlet) == ("Troops enter Pokrovsk", False, "The Daily")
    assert article.body_text == "Troops enter Pokrovsk\nAbout *300* troops – “inside”."
    assert article.headline_in_body
    followed = admin_client.get(response["Location"]).content.decode()
    assert "Imported “Troops enter Pokrovsk”" in followed


def test_import_with_editorial_title(admin_client):
    response = admin_client.post(
        IMPORT,
        upload("column.md", b"First *paragraph*.\n\n## Sub\n", title="Editor's title", title_is_editorial="on"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, article.title_is_editorial) == ("Editor's title", True)
    assert article.body_html == "<p>First <em>paragraph</em>.</p>\n<h2>Sub</h2>"


@pytest.mark.parametrize(
    ("name", "content", "fields", "field", "message"),
    [
        ("empty.txt", b"", {}, "file", "The submitted file is empty."),
        ("blank.txt", b"\n   \n\n", {}, "file", "The file is empty: there is no article text in it."),
        ("scan.txt", b"%PDF-1.7\n\x00\x00\x01", {}, "file", "This is not a text file"),
        ("old.txt", "Zürich café".encode("cp1252"), {}, "file", "The file is not UTF-8 text"),
        (
            "huge.txt",
            b"x" * (1024 * 1024 + 1),
            {},
            "file",
            "The file is 1,048,577 bytes, over the limit of 1 MB (1,048,576 bytes).",
        ),
        ("report.docx", b"PK\x03\x04", {}, "file", "Only .txt and .md files can be imported"),
        ("report.txt", b"Body", {"title_is_editorial": "on"}, "title", "type that title here"),
        ("report.md", b"No heading\n\nBody", {}, "file", "start the Markdown file with its headline"),
        ("report.txt", b"Headline\n\nBody", {"original_url": "not a url"}, "original_url", "Enter a valid URL."),
        ("report.txt", ("x" * 301 + "\n\nBody").encode(), {}, "title", "too long for a headline"),
    ],
)
def test_import_refuses_bad_input_and_saves_nothing(admin_client, name, content, fields, field, message):
    response = admin_client.post(IMPORT, upload(name, content, **fields))
    assert response.status_code == 200
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert "Nothing has been saved." in html
    assert Article.objects.count() == 0


def test_import_requires_a_file(admin_client):
    response = admin_client.post(IMPORT, {"title": "x"})
    assert response.context["form"].errors["file"] == ["This field is required."]
    assert Article.objects.count() == 0


def test_import_is_staff_only(client, teacher):
    client.force_login(teacher)
    response = client.get(IMPORT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# Preview ------------------------------------------------------------------------------


def test_preview_is_for_teachers_and_admins_not_students(client, teacher, student, article):
    # The preview is the article's page in My articles: teachers read the shared library there.
    url = reverse("articles:article_preview", args=[article.pk])
    assert client.get(url).status_code == 302
    client.force_login(student)
    assert client.get(url).status_code == 403
    client.force_login(teacher)
    assert client.get(url).status_code == 200


def test_preview_shows_article_text_container(admin_client, article):
    html = admin_client.get(reverse("articles:article_preview", args=[article.pk])).content.decode()
    assert f'data-article-id="{article.pk}"' in html
    assert f">{article.body_html}</div>" in html


def test_preview_of_missing_article_is_404(admin_client):
    assert admin_client.get(reverse("articles:article_preview", args=[999])).status_code == 404


# A body of nothing visible ------------------------------------------------------------

INVISIBLE_BODIES = ["\x01\x02\x03", "\x00\x1f\x7f\r\n", "\x0b\x0c \u00a0\t", "\u200b\ufeff\u200e"]
EMPTY_BODY = "The article body is empty"


@pytest.mark.parametrize("body", INVISIBLE_BODIES)
def test_adding_an_article_with_an_invisible_body_is_a_form_error(admin_client, body):
    data = {"title": "Blank report", "body_markdown": body}
    response = admin_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert EMPTY_BODY in response.content.decode()
    assert not Article.objects.filter(title="Blank report").exists()


@pytest.mark.parametrize("body", INVISIBLE_BODIES)
def test_editing_an_article_to_an_invisible_body_is_a_form_error_not_a_500(admin_client, article, body):
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, change_data(article, title="A better title", body_markdown=body))
    assert response.status_code == 200
    html = response.content.decode()
    assert EMPTY_BODY in html
    assert 'value="A better title"' in html  # the title typed is still in the form, to save with a real body
    article.refresh_from_db()
    assert article.body_text and article.revisions.count() == 1
