"""Forms for highlights and reviews. They check shapes; the services check the rules."""

from __future__ import annotations

from django import forms

from teaching import categories as category_defs
from teaching.models import Annotation
from teaching.services.annotations import MAX_COMMENT_CHARS
from teaching.services.submissions import MAX_FEEDBACK_CHARS

__all__ = ["AnnotationCreateForm", "AnnotationMarkForm", "AnnotationUpdateForm", "SubmissionReturnForm"]


class AnnotationCreateForm(forms.Form):
    category = forms.ChoiceField(
        choices=category_defs.CHOICES, error_messages={"required": "Choose rhetoric, sourcing or numbers."}
    )
    start = forms.IntegerField(min_value=0, error_messages={"required": "Select some words in the article first."})
    end = forms.IntegerField(min_value=1, error_messages={"required": "Select some words in the article first."})
    exact = forms.CharField(strip=False, max_length=5000, error_messages={"required": "Select some words first."})
    comment = forms.CharField(required=False, max_length=MAX_COMMENT_CHARS, widget=forms.Textarea)
    # The browser's id for a pending save (static/js outbox): retries update rather than duplicate.
    client_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class AnnotationUpdateForm(forms.Form):
    category = forms.ChoiceField(choices=[("", "Keep"), *category_defs.CHOICES], required=False)
    comment = forms.CharField(required=False, max_length=MAX_COMMENT_CHARS, widget=forms.Textarea)

    def cleaned_changes(self) -> dict:
        changes = {"category": self.cleaned_data.get("category") or None}
        # A form without a comment field leaves the comment alone; an empty one clears it.
        if "comment" in self.data:
            changes["comment"] = self.cleaned_data.get("comment", "")
        return changes


class AnnotationMarkForm(forms.Form):
    mark = forms.ChoiceField(choices=[("", "No mark"), *Annotation.Mark.choices], required=False)
    comment = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)


class SubmissionReturnForm(forms.Form):
    feedback = forms.CharField(required=False, max_length=MAX_FEEDBACK_CHARS, widget=forms.Textarea)
