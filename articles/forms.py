"""Admin forms for articles: editing the Markdown body and creating an article from a file."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator

from articles import importing
from articles.models import EMPTY_BODY_MESSAGE, Article

SYNTAX_HELP = (
    "Markdown: a blank line between paragraphs · <code># Headline</code> (the outlet's own headline, first line) · "
    "<code>## Sub-heading</code> · <code>- item</code> for a list · <code>*italic*</code> "
    "<code>**bold**</code> · <code>[words](https://…)</code> for a link · "
    "<code>{: .caption }</code> on the line under a paragraph marks a photo caption, "
    "<code>{: .promo }</code> a publisher's promotion · <code>\\*</code> shows a literal star. "
    "HTML tags are shown as typed, not run."
)


def _original_url_field() -> forms.URLField:
    return forms.URLField(
        label="Original URL",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Where the report was published, if known.",
    )


class ArticleAdminForm(forms.ModelForm):
    original_url = _original_url_field()
    revision_note = forms.CharField(
        label="What changed (optional)",
        required=False,
        max_length=300,
        help_text="Kept with the new revision when you change the text, e.g. “typo in the third paragraph”.",
        widget=forms.TextInput(attrs={"class": "vTextField"}),
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "title_is_editorial",
            "owner",
            "outlet",
            "author",
            "published_on",
            "original_url",
            "body_markdown",
        ]
        widgets = {
            "body_markdown": forms.Textarea(attrs={"rows": 28, "class": "article-markdown", "spellcheck": "false"}),
        }
        help_texts = {
            "body_markdown": "Keep the outlet's wording exactly; only add the markup above. "
            "Check the result with “Preview as students see it”.",
        }
        error_messages = {"body_markdown": {"required": EMPTY_BODY_MESSAGE}}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Control characters, NUL included, are dropped when the body is saved (rendering.normalise_source):
        # a pasted NUL is not an error of its own, and a body of nothing else gets the "empty" message.
        body = self.fields["body_markdown"]
        body.validators = [v for v in body.validators if not isinstance(v, ProhibitNullCharactersValidator)]


class ArticleImportForm(forms.ModelForm):
    """Create an article from an uploaded .txt or .md file plus its details."""

    original_url = _original_url_field()
    file = forms.FileField(
        label="Text file",
        help_text="A .txt or .md file, UTF-8, at most "
        f"{importing.human_size(settings.ARTICLE_UPLOAD_MAX_BYTES)}. In a .txt file every line is a paragraph "
        "(or, if paragraphs are separated by blank lines, every block), and lines starting with “- ” are a list.",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.md,.markdown,text/plain,text/markdown"}),
    )

    class Meta:
        model = Article
        fields = ["title", "title_is_editorial", "outlet", "author", "published_on", "original_url"]
        help_texts = {
            "title": "Leave empty to use the file's first line (the outlet's headline); it then stays in the "
            "text as its heading, so students can highlight it.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def _post_clean(self) -> None:
        # The model's own checks need the body, which exists only once the file was read.
        if self.instance.body_markdown:
            super()._post_clean()

    def clean(self) -> dict:
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        title = cleaned.get("title", "")
        if cleaned.get("title_is_editorial") and not title:
            self.add_error("title", "You ticked “title supplied by the lesson editor”: type that title here.")
            return cleaned
        try:
            importing.check_filename(upload.name)
            # Checked before reading, so an oversized upload is never loaded into memory.
            importing.check_size(upload.size, max_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES)
            imported = importing.import_file(
                upload.read(),
                filename=upload.name,
                title=title,
                max_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES,
            )
        except importing.ImportProblem as problem:
            self.add_error("file", str(problem))
            return cleaned
        max_length = Article._meta.get_field("title").max_length
        if len(imported.title) > max_length:
            self.add_error(
                "title",
                f"The file's first line is {len(imported.title)} characters long, too long for a headline "
                f"(at most {max_length}). Type the title here; the whole file then becomes the text.",
            )
            return cleaned
        cleaned["title"] = imported.title
        self.instance.body_markdown = imported.body_markdown
        return cleaned
