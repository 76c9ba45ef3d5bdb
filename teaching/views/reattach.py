"""Re-attaching a highlight that a correction set aside: a teacher of the class or an admin selects its words.

The form → service → errors dance is the article page's (teaching/views/article_page.run_write); a refused
re-attachment shows the page again, 400, with the reasons and what was typed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from teaching import selectors, services
from teaching.models import Annotation, User
from teaching.text import anchoring
from teaching.views.article_page import run_write


class ReattachForm(forms.Form):
    """The selection made with the mouse (filled in by reattach.js), or words typed without JavaScript; valid
    once it names one clear place in ``text`` (``cleaned_data["selection"]``: start, end and quote)."""

    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    exact = forms.CharField(required=False, strip=False, max_length=5000, widget=forms.HiddenInput)
    words = forms.CharField(
        label="Or type the exact words",
        required=False,
        strip=False,
        max_length=5000,
        help_text="As written in the article; they must appear there only once.",
    )

    def __init__(self, *args, text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text

    def clean(self) -> dict:
        cleaned = super().clean()
        hidden = [name for name in ("start", "end", "exact") if name in self.errors]
        if hidden:
            # Hidden fields have no place to show an error: say it once, for the whole form.
            for name in hidden:
                del self.errors[name]
            raise ValidationError("The selection could not be read. Select the words again, or type them in the box.")
        if cleaned.get("words", "").strip():
            # A ValidationError naming "words" is shown at that field.
            start, end = services.find_unique_occurrence(self.text, cleaned["words"])
            cleaned["selection"] = (start, end, self.text[start:end])
        elif cleaned.get("start") is not None and cleaned.get("end") is not None and cleaned.get("exact"):
            cleaned["selection"] = (cleaned["start"], cleaned["end"], cleaned["exact"])
        else:
            raise ValidationError("Select the words in the article first, or type them in the box.")
        return cleaned


def _context_words(annotation: Annotation) -> dict[str, str]:
    """The stored surrounding text, without the half words at its cut ends."""
    before, after = annotation.prefix, annotation.suffix
    if len(before) >= anchoring.CONTEXT_CHARS and " " in before:
        before = before.split(" ", 1)[1]
    if len(after) >= anchoring.CONTEXT_CHARS and " " in after:
        after = after.rsplit(" ", 1)[0]
    return {"context_before": before, "context_after": after}


def _done_url(user: User, annotation: Annotation) -> str:
    assignment = annotation.submission.assignment
    if user.is_teacher and assignment.classroom.teacher_id == user.pk:
        position = selectors.position_of_article(assignment, annotation.article_id)
        return reverse("teaching:submission_review_article", args=[annotation.submission_id, position])
    return reverse("admin:articles_article_orphans", args=[annotation.article_id])


@require_http_methods(["GET", "POST"])
@login_required
def annotation_reattach(request, pk: int):
    annotation = selectors.get_annotation_for_reattach(request.user, pk)
    done_url = _done_url(request.user, annotation)
    if not annotation.is_orphaned:
        messages.info(request, "This highlight is on the article's words already.")
        return redirect(done_url)
    form = ReattachForm(request.POST if request.method == "POST" else None, text=annotation.article.body_text)
    errors = []
    if request.method == "POST":

        def write(data):
            start, end, exact = data["selection"]
            services.reattach_annotation(annotation=annotation, start=start, end=end, exact=exact, by=request.user)
            return exact

        exact, errors = run_write(form, write)
        if not errors:
            messages.success(request, f"Re-attached the highlight to “{exact}”.")
            following = selectors.list_orphaned_annotations(submission=annotation.submission).first()
            return redirect(reverse("teaching:annotation_reattach", args=[following.pk]) if following else done_url)
    others = [o for o in selectors.list_orphaned_annotations(submission=annotation.submission) if o.pk != annotation.pk]
    context = {
        "annotation": annotation,
        **_context_words(annotation),
        "article": annotation.article,
        "submission": annotation.submission,
        "form": form,
        "done_url": done_url,
        "orphaned_annotations": others,
        "errors": errors,
    }
    # A refused re-attachment answers 400, as every refused write does (teaching/views/article_page.py).
    return render(request, "teaching/annotation_reattach.html", context, status=400 if errors else 200)
