"""Forms for the reference key. They check shapes; the services in teaching.services.keys check the rules."""

from __future__ import annotations

from django import forms

from teaching import categories as category_defs
from teaching.models import Relation
from teaching.services.keys import MAX_EXPLANATION_CHARS

__all__ = [
    "KeyComparisonEditForm",
    "KeyItemCreateForm",
    "KeyItemUpdateForm",
    "SuggestionAcceptForm",
    "SuggestionDismissForm",
]

SELECT_FIRST = "Select some words in the article first."


class KeyItemCreateForm(forms.Form):
    category = forms.ChoiceField(
        choices=category_defs.CHOICES, error_messages={"required": "Choose rhetoric, sourcing or numbers."}
    )
    start = forms.IntegerField(min_value=0, error_messages={"required": SELECT_FIRST})
    end = forms.IntegerField(min_value=1, error_messages={"required": SELECT_FIRST})
    exact = forms.CharField(strip=False, max_length=5000, error_messages={"required": SELECT_FIRST})
    explanation = forms.CharField(required=False, max_length=MAX_EXPLANATION_CHARS, widget=forms.Textarea)
    # The browser's id for a pending add (static/js outbox): retries update rather than duplicate.
    client_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class KeyItemUpdateForm(forms.Form):
    category = forms.ChoiceField(choices=[("", "Keep"), *category_defs.CHOICES], required=False)
    explanation = forms.CharField(required=False, max_length=MAX_EXPLANATION_CHARS, widget=forms.Textarea)

    def cleaned_changes(self) -> dict:
        changes = {"category": self.cleaned_data.get("category") or None}
        # A form without an explanation field leaves it alone; an empty one clears it.
        if "explanation" in self.data:
            changes["explanation"] = self.cleaned_data.get("explanation", "")
        return changes


class SuggestionDismissForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=[("numbers", "Numbers"), ("sourcing", "Sourcing"), ("quotation", "Quotation")])


class SuggestionAcceptForm(SuggestionDismissForm):
    category = forms.ChoiceField(
        choices=category_defs.CHOICES, error_messages={"required": "Choose rhetoric, sourcing or numbers."}
    )
    explanation = forms.CharField(required=False, max_length=MAX_EXPLANATION_CHARS, widget=forms.Textarea)


class KeyComparisonEditForm(forms.Form):
    """A comparison of the key as the site's editor sends it; the service checks the rules (as for the admin)."""

    title = forms.CharField(max_length=200, error_messages={"required": "Say what is compared."})
    relation = forms.ChoiceField(
        choices=Relation.choices,
        error_messages={
            "required": "Choose agree, contradict or measure different things.",
            "invalid_choice": "Choose agree, contradict or measure different things.",
        },
    )
    explanation = forms.CharField(required=False, max_length=MAX_EXPLANATION_CHARS)

    def clean(self):
        cleaned = super().clean()
        cleaned["items"] = sorted({int(value) for value in self.data.getlist("items") if value.isdigit()})
        return cleaned

    def sent_values(self) -> dict:
        """What was sent, to fill the form in again after a refusal."""
        return {
            "title": self.data.get("title", ""),
            "relation": self.data.get("relation", ""),
            "explanation": self.data.get("explanation", ""),
            "item_ids": [int(value) for value in self.data.getlist("items") if value.isdigit()],
        }
