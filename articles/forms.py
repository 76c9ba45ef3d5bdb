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


# Teachers' pages: adding an article (three sources → a draft → save) and editing their own ----------------


class NextField(forms.CharField):
    """Where to go after saving (a local URL, checked in the view); carried through every step."""

    def __init__(self, **kwargs) -> None:
        super().__init__(required=False, max_length=500, widget=forms.HiddenInput, **kwargs)


class PasteForm(forms.Form):
    FORMATS = [("text", "Plain text, as copied"), ("markdown", "Markdown")]

    title = forms.CharField(
        label="Title (optional)",
        required=False,
        max_length=300,
        help_text="Leave empty to take it from the text. If the text starts with the headline, type it here and "
        "it is shown as the headline.",
    )
    text = forms.CharField(
        label="The article's text",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        strip=False,
        help_text="Paste the whole report. Lines or long runs of text become readable paragraphs; the words are "
        "kept exactly as they are.",
    )
    format = forms.ChoiceField(label="The text is", choices=FORMATS, initial="text", widget=forms.RadioSelect)
    next = NextField()

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("There is no text: paste the article's text.")
        try:
            importing.check_text_size(text, max_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES)
        except importing.ImportProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return text


class UploadForm(forms.Form):
    file = forms.FileField(
        label="A file",
        help_text=".txt or .md (UTF-8, at most "
        f"{importing.human_size(settings.ARTICLE_UPLOAD_MAX_BYTES)}), a saved web page (.html, .htm) or a Word "
        f"document (.docx), at most {importing.human_size(settings.ARTICLE_PAGE_MAX_BYTES)}.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html"}
        ),
    )
    next = NextField()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            importing.upload_suffix(upload.name)
            # Checked before reading, so an oversized upload is never loaded into memory.
            importing.check_size(upload.size, max_bytes=settings.ARTICLE_PAGE_MAX_BYTES)
        except importing.ImportProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class AddressForm(forms.Form):
    url = forms.URLField(
        label="Web address",
        max_length=500,
        assume_scheme="https",
        help_text="The address of the report, copied from the browser. Crosscheck reads the page and keeps only "
        "the article: not the menus, adverts, links or comments around it.",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    next = NextField()


class ArticleDetailsForm(forms.ModelForm):
    """The draft's details and text, checked in the preview and saved; the same fields edit an own article."""

    original_url = _original_url_field()
    next = NextField()

    class Meta:
        model = Article
        fields = ["title", "title_is_editorial", "outlet", "author", "published_on", "original_url", "body_markdown"]
        labels = {
            "title_is_editorial": "The outlet gave no headline: I wrote this title",
            "body_markdown": "The text (Markdown)",
        }
        help_texts = {
            "title_is_editorial": "",  # the label says it all
            "outlet": "Leave empty if you do not know: students see “unknown”, never a guess.",
            "author": "Leave empty if you do not know.",
            "published_on": "Leave empty if you do not know.",
            "body_markdown": "Keep the outlet's wording; change only breaks and markup.",
        }
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body_markdown": forms.Textarea(attrs={"rows": 16, "spellcheck": "false", "class": "markdown-source"}),
        }

    def clean_body_markdown(self) -> str:
        body = self.cleaned_data["body_markdown"]
        try:
            importing.check_text_size(body, max_bytes=settings.ARTICLE_UPLOAD_MAX_BYTES)
        except importing.ImportProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return body


class ArticleEditForm(ArticleDetailsForm):
    revision_note = forms.CharField(
        label="What changed (optional)",
        required=False,
        max_length=300,
        help_text="Kept with the new revision when you change the text, e.g. “typo in the third paragraph”.",
    )

    class Meta(ArticleDetailsForm.Meta):
        pass
