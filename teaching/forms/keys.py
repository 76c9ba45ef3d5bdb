"""Forms for the reference key. They check shapes; the services in teaching.services.keys check the rules."""

from __future__ import annotations

from django import forms

from teaching import categories as category_defs
from teaching.services.keys import MAX_EXPLANATION_CHARS

__all__ = ["KeyItemCreateForm", "KeyItemUpdateForm", "SuggestionAcceptForm", "SuggestionDismissForm"]

SELECT_FIRST = "Select some words in the article first."


class KeyItemCreateForm(forms.Form):
    category = forms.ChoiceField(
        choices=category_defs.CHOICES, error_messages={"required": "Choose rhetoric, sourcing or numbers."}
    )
    start = forms.IntegerField(min_value=0, error_messages={"required": SELECT_FIRST})
    end = forms.IntegerField(min_value=1, error_messages={"required": SELECT_FIRST})
    exact = forms.CharField(strip=False, max_length=5000, error_messages={"required": SELECT_FIRST})
    explanation = forms.CharField(required=False, max_length=MAX_EXPLANATION_CHARS, widget=forms.Textarea)


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
