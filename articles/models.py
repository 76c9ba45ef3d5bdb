import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from articles import rendering

EMPTY_BODY_MESSAGE = "The article body is empty. Paste or upload the text of the report."


def body_is_blank(source: str | None) -> bool:
    """Nothing a reader would see: only whitespace, control characters (dropped when saved) and invisible
    format characters such as zero-width spaces and direction marks."""
    visible = rendering.normalise_source(source or "")
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in visible)


UNKNOWN = "unknown"


def highlights_label(count: int) -> str:
    return "1 highlight" if count == 1 else f"{count:,} highlights"


class ArticleQuerySet(models.QuerySet):
    def owned_by(self, user) -> "ArticleQuerySet":
        """The articles ``user`` brought in (the teacher's own)."""
        return self.filter(owner=user) if user.is_authenticated else self.none()

    def shared_with(self, user) -> "ArticleQuerySet":
        """The shared library as ``user`` sees it: the site's articles and other teachers', read-only."""
        return self.exclude(owner=user) if user.is_authenticated else self.none()

    def editable_by(self, user) -> "ArticleQuerySet":
        """Admins edit every article; a teacher only their own (see articles.permissions.can_edit_article)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        return self.filter(owner=user)

    def search(self, query: str) -> "ArticleQuerySet":
        query = query.strip()
        if not query:
            return self
        return self.filter(
            models.Q(title__icontains=query) | models.Q(outlet__icontains=query) | models.Q(author__icontains=query)
        )


class Article(models.Model):
    """A news report as students read it.

    ``body_markdown`` is the source an admin edits; ``body_html`` (sanitised) and
    ``body_text`` (what annotations point into) are derived from it on save.
    Every body is kept as an ``ArticleRevision``: revision 1 when the article is created,
    then one per correction made through ``articles.hooks.revise_article`` (the teaching app
    fills it in), which also re-anchors the students' highlights.

    ``owner`` is the teacher who added it; other teachers read it in the shared library but
    never edit it, and articles without an owner belong to the site.
    """

    title = models.CharField(max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # a departing teacher's articles stay, for the lessons that use them
        null=True,
        blank=True,
        related_name="articles",
        help_text="The teacher who brought the article in and may edit it. Empty: one of the site's own "
        "articles (such as the launch lesson's), edited only by admins.",
    )
    title_is_editorial = models.BooleanField(
        "title supplied by the lesson editor",
        default=False,
        help_text="Tick when the outlet gave no headline and the title was written for the lesson. "
        "Students see it marked as such.",
    )
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=200, blank=True)
    published_on = models.DateField("publication date", null=True, blank=True)
    original_url = models.URLField("original URL", max_length=500, blank=True)
    body_markdown = models.TextField(
        "body (Markdown)",
        help_text="Paragraphs separated by blank lines. `## ` for a sub-heading, `- ` for a list item, "
        "`{: .caption }` on the line after a paragraph marks a photo caption, `{: .promo }` a publisher's promotion.",
    )
    body_html = models.TextField(editable=False, default="")
    body_text = models.TextField(editable=False, default="")
    # The revision whose text ``body_text`` is, written with it: a highlight's positions are drawn on this
    # text only when they point into this revision (a correction moves them after committing the text).
    text_revision = models.ForeignKey(
        "ArticleRevision", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # Stored normalised: invisible control characters (NUL above all, which PostgreSQL refuses in text)
        # never reach the database, and the source matches what was rendered from it.
        self.body_markdown = rendering.normalise_source(self.body_markdown)
        self.body_html, self.body_text = rendering.render(self.body_markdown)
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            # The first body is revision 1, whichever path created the article (admin, import, fixtures).
            self.text_revision = ArticleRevision.objects.create(
                article=self, number=1, body_markdown=self.body_markdown, body_text=self.body_text
            )
            Article.objects.filter(pk=self.pk).update(text_revision=self.text_revision)

    def get_absolute_url(self) -> str:
        return reverse("articles:article_preview", args=[self.pk])

    def clean(self) -> None:
        if body_is_blank(self.body_markdown):
            raise ValidationError({"body_markdown": EMPTY_BODY_MESSAGE})

    def annotation_count(self) -> int:
        return self.annotations.count() if self.pk else 0

    @property
    def current_revision(self) -> "ArticleRevision | None":
        """The revision whose text is ``body_text`` now (the latest)."""
        if not self.pk:
            return None
        return self.revisions.order_by("-number").first()

    @property
    def owner_display(self) -> str:
        if self.owner_id is None:
            return "Crosscheck (the site’s own)"
        return getattr(self.owner, "display_name", None) or self.owner.get_username()

    # Shown to students instead of invented metadata.
    @property
    def outlet_display(self) -> str:
        return self.outlet or UNKNOWN

    @property
    def author_display(self) -> str:
        return self.author or UNKNOWN

    @property
    def headline_in_body(self) -> bool:
        """True when the body opens with the outlet's own headline as a heading.

        The reading view then shows that heading as the title, so the headline stays
        annotatable (it is part of the text) and is not shown twice.
        """
        return self.body_html.startswith("<h1>")


class ArticleRevision(models.Model):
    """One version of an article's body, kept so a correction can be seen, diffed and traced.

    ``body_text`` is stored too: annotations made on (or set aside at) this revision have
    offsets into it, so their old context can always be shown.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    body_markdown = models.TextField()
    body_text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_revision_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article} · revision {self.number}"

    @property
    def author_display(self) -> str:
        if self.created_by is None:
            return "not recorded (an import, the fixtures or a deleted account)"
        return self.created_by.get_username()
