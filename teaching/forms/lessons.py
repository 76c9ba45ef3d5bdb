"""Forms of the lesson builder: a lesson's title and introduction, and which article to add or move."""

from django import forms


class LessonForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        error_messages={"required": "Give the lesson a title students will recognise."},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    introduction = forms.CharField(
        label="Introduction for students",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown to students before the first article: what the articles are and what to look for.",
    )


class LessonArticleAddForm(forms.Form):
    article = forms.IntegerField(
        min_value=1, error_messages={"required": "Choose an article to add.", "invalid": "Choose an article to add."}
    )


class LessonArticleMoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[("up", "Up"), ("down", "Down")], error_messages={"invalid_choice": "Move an article up or down."}
    )
