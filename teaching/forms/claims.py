"""Forms for number claims and claim links. They check shapes; teaching.services.claims checks the rules."""

from __future__ import annotations

from django import forms

from teaching.models import Relation
from teaching.services.claims import MAX_NOTE_CHARS

__all__ = ["ClaimForm", "ComparisonCreateForm", "ComparisonUpdateForm"]

_RELATION_ERROR = "Say how the numbers relate: agree, contradict or measure different things."
_RELATION_ERRORS = {"required": _RELATION_ERROR, "invalid_choice": _RELATION_ERROR}


class ClaimForm(forms.Form):
    # Lengths are checked by the service (with the count in the message), not cut off here.
    counted = forms.CharField(required=False, strip=False)
    place = forms.CharField(required=False, strip=False)
    time_window = forms.CharField(required=False, strip=False)

    def cleaned_changes(self) -> dict:
        """Only the fields the request sent: a form without `place` leaves the place alone."""
        names = ("counted", "place", "time_window")
        return {name: self.cleaned_data.get(name, "") for name in names if name in self.data}


class ComparisonCreateForm(forms.Form):
    annotations = forms.TypedMultipleChoiceField(
        coerce=int, choices=(), error_messages={"required": "Choose at least two numbers to compare."}
    )
    relation = forms.ChoiceField(choices=Relation.choices, error_messages=_RELATION_ERRORS)
    note = forms.CharField(required=False, max_length=MAX_NOTE_CHARS, widget=forms.Textarea)

    def __init__(self, *args, annotation_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Any id shape-checks here; whose highlight it is and its category are the service's rules.
        self.fields["annotations"].choices = [(str(pk), str(pk)) for pk in annotation_ids]
        self.fields["annotations"].error_messages["invalid_choice"] = "You can only link your own numbers highlights."


class ComparisonUpdateForm(forms.Form):
    relation = forms.ChoiceField(choices=Relation.choices, error_messages=_RELATION_ERRORS)
    note = forms.CharField(required=False, max_length=MAX_NOTE_CHARS, widget=forms.Textarea)
