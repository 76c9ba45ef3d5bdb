"""Forms for signing up, joining and running a class. They check shape; services check rules."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation

from teaching import categories as category_defs
from teaching.models import JOIN_CODE_LENGTH, Classroom, FeedbackTiming

__all__ = [
    "AddStudentForm",
    "AssignmentForm",
    "ClassroomForm",
    "JoinClassroomForm",
    "SignupCodeForm",
    "StudentSignupForm",
]

_CODE_ATTRS = {
    "autocomplete": "off",
    "autocapitalize": "characters",
    "spellcheck": "false",
    "class": "join-code-input",
}


def _class_code_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label="Class code",
        max_length=JOIN_CODE_LENGTH * 3,  # room for spaces and dashes typed from the board
        help_text="Your teacher shows it on the board, e.g. “ABCD 2345”. Capitals and spaces don’t matter.",
        widget=forms.TextInput(attrs=_CODE_ATTRS),
        error_messages={"required": "Enter the class code your teacher gave you."},
        **kwargs,
    )


class JoinClassroomForm(forms.Form):
    join_code = _class_code_field()


class SignupCodeForm(forms.Form):
    """Sign-up's first step: the class code alone, sent as ``?code=`` like the join link a teacher shares."""

    code = _class_code_field()


class StudentSignupForm(JoinClassroomForm):
    """Sign-up's second step, for the class whose code the first step checked (carried in a hidden field)."""

    join_code = forms.CharField(max_length=JOIN_CODE_LENGTH * 3, widget=forms.HiddenInput)
    username = forms.CharField(
        label="Choose a username",
        max_length=150,
        help_text="You’ll use it to log in. Letters, numbers and . _ - only. Don’t use your email.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
    )
    first_name = forms.CharField(label="First name (optional)", max_length=150, required=False)
    last_name = forms.CharField(label="Last name (optional)", max_length=150, required=False)
    password = forms.CharField(
        label="Choose a password",
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password"), cleaned.get("password_confirm")
        if first and second and first != second:
            self.add_error("password_confirm", "The two passwords don’t match. Type the same password twice.")
        return cleaned


class ClassroomForm(forms.ModelForm):
    class Meta:
        model = Classroom
        fields = ["name"]
        labels = {"name": "Class name"}
        help_texts = {"name": "What you and your students call it, e.g. “Year 10 Media – Tuesday”."}


class AddStudentForm(forms.Form):
    username = forms.CharField(
        label="Username",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
    password = forms.CharField(
        label="Password (optional)",
        required=False,
        strip=False,
        help_text="Leave empty and Crosscheck makes a readable temporary password, shown to you once.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class LessonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, lesson) -> str:
        count = getattr(lesson, "article_count", None)
        if count is None:
            return lesson.title
        return f"{lesson.title} ({count} article{'' if count == 1 else 's'})"


class AssignmentForm(forms.Form):
    lesson = LessonChoiceField(
        queryset=None,
        empty_label="Choose a lesson…",
        error_messages={"required": "Choose the lesson students will read."},
    )
    instructions = forms.CharField(
        label="Instructions (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown to students above the first article.",
    )
    due_at = forms.DateTimeField(
        label="Due (optional)",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Enter a date and time, e.g. 14/03/2026 15:30."},
    )
    categories = forms.MultipleChoiceField(
        label="What students highlight",
        choices=[(c.value, f"{c.label} — {c.question}") for c in category_defs.ALL],
        initial=list(category_defs.VALUES),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing for students to highlight."},
    )

    feedback_timing = forms.ChoiceField(
        label="When students see the feedback",
        choices=FeedbackTiming.choices,
        initial=FeedbackTiming.ON_SUBMIT,
        widget=forms.RadioSelect,
        required=False,  # not sent (an older form, a script): the model's default, right after submitting
        error_messages={"invalid_choice": "Choose one of the two times."},
    )

    def clean_feedback_timing(self) -> str:
        return self.cleaned_data.get("feedback_timing") or FeedbackTiming.ON_SUBMIT

    def __init__(self, *args, lessons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].queryset = lessons
        if not self.is_bound and len(lessons) == 1:
            self.initial.setdefault("lesson", lessons[0].pk)
