from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles import rendering

UNKNOWN = "unknown"


def highlights_label(count: int) -> str:
    return "1 highlight" if count == 1 else f"{count:,} highlights"


def annotated_body_message(count: int) -> str:
    return (
        f"Students have already annotated this article ({highlights_label(count)}). Changing its text would move their "
        "highlights; editing the text of annotated articles arrives with article revisions. "
        "The title and the other details can still be changed."
    )


class ArticleQuerySet(models.QuerySet):
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
    """

    title = models.CharField(max_length=300)
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.body_html, self.body_text = rendering.render(self.body_markdown)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:article_preview", args=[self.pk])

    def clean(self) -> None:
        if not self.body_markdown or not self.body_markdown.strip():
            raise ValidationError(
                {"body_markdown": "The article body is empty. Paste or upload the text of the report."}
            )
        self.check_body_change(self.body_markdown)

    def annotation_count(self) -> int:
        return self.annotations.count() if self.pk else 0

    def check_body_change(self, body_markdown: str) -> None:
        """Refuse a new body that would move students' highlights.

        Annotations are offsets into ``body_text``, so only a change to the text matters:
        markup-only edits (marking a caption, a heading level) are allowed. Until
        re-anchoring exists, a text change to an annotated article is refused.
        """
        if not self.pk:
            return
        stored = Article.objects.filter(pk=self.pk).values_list("body_markdown", "body_text").first()
        if stored is None or stored[0] == body_markdown or rendering.render(body_markdown)[1] == stored[1]:
            return
        count = self.annotation_count()
        if count:
            raise ValidationError({"body_markdown": annotated_body_message(count)})

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
