"""The teacher's pages: their classes, one class (roster, code, assignments), setting and reviewing work."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teaching import selectors, services
from teaching.forms import AddStudentForm, AssignmentForm, ClassroomForm
from teaching.views.accounts import teacher_required

# Session key for a generated password: shown on the next page only, never put in a cookie or a URL.
NEW_STUDENT_SESSION_KEY = "teaching.new_student_credentials"


def _join_link(request, classroom) -> str:
    return request.build_absolute_uri(
        f"{reverse('teaching:student_signup')}?{urlencode({'code': classroom.join_code})}"
    )


def _detail_context(request, classroom, *, student_form=None) -> dict:
    credentials = request.session.get(NEW_STUDENT_SESSION_KEY)
    if credentials and credentials.get("classroom") == classroom.pk:
        del request.session[NEW_STUDENT_SESSION_KEY]
    else:
        credentials = None
    return {
        "classroom": classroom,
        "join_link": _join_link(request, classroom),
        "roster": selectors.list_roster(classroom=classroom),
        "assignments": selectors.list_assignments_for_classroom(classroom=classroom),
        "student_form": student_form or AddStudentForm(),
        "new_student": credentials,
    }


@teacher_required
@require_GET
def classroom_list(request):
    classrooms = selectors.list_classrooms_for(user=request.user)
    return render(request, "teaching/classroom_list.html", {"classrooms": classrooms})


@teacher_required
@require_http_methods(["GET", "POST"])
def classroom_create(request):
    form = ClassroomForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            classroom = services.create_classroom(teacher=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Created “{classroom.name}”. Share the class code below with your students.")
            return redirect("teaching:classroom_detail", pk=classroom.pk)
    return render(request, "teaching/classroom_form.html", {"form": form})


@teacher_required
@require_GET
def classroom_detail(request, pk):
    classroom = selectors.get_classroom_for(user=request.user, pk=pk)
    return render(request, "teaching/classroom_detail.html", _detail_context(request, classroom))


@teacher_required
@require_POST
def classroom_join_code_regenerate(request, pk):
    classroom = selectors.get_classroom_for(user=request.user, pk=pk)
    services.regenerate_join_code(classroom=classroom, by=request.user)
    if request.htmx:
        context = {"classroom": classroom, "join_link": _join_link(request, classroom), "code_changed": True}
        return render(request, "teaching/classroom_detail.html#join-code", context)
    messages.success(request, f"New class code: {classroom.join_code}. The old code no longer works.")
    return redirect("teaching:classroom_detail", pk=classroom.pk)


@teacher_required
@require_POST
def classroom_student_add(request, pk):
    classroom = selectors.get_classroom_for(user=request.user, pk=pk)
    form = AddStudentForm(request.POST)
    if form.is_valid():
        try:
            student, temporary = services.add_student_to_classroom(
                classroom=classroom, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if temporary:
                request.session[NEW_STUDENT_SESSION_KEY] = {
                    "classroom": classroom.pk,
                    "name": student.display_name,
                    "username": student.username,
                    "password": temporary,
                }
            messages.success(request, f"Added {student.display_name} to “{classroom.name}”.")
            return redirect(reverse("teaching:classroom_detail", args=[classroom.pk]) + "#roster")
    context = _detail_context(request, classroom, student_form=form)
    return render(request, "teaching/classroom_detail.html", context)


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_create(request, pk):
    classroom = selectors.get_classroom_for(user=request.user, pk=pk)
    lessons = selectors.list_lessons_for_assignment()
    # "Set for <class>" from a lesson's page arrives with ?lesson=<pk>: that lesson comes chosen.
    initial = {"lesson": request.GET["lesson"]} if request.GET.get("lesson", "").isdigit() else {}
    form = AssignmentForm(request.POST if request.method == "POST" else None, lessons=lessons, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.create_assignment(classroom=classroom, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Set “{assignment.lesson.title}” for {classroom.name}.")
            return redirect(reverse("teaching:classroom_detail", args=[classroom.pk]) + "#assignments")
    return render(request, "teaching/assignment_form.html", {"classroom": classroom, "form": form, "lessons": lessons})


class _SubmissionLinks:
    """Each row's links to the submission's scores, ledger and review: every pattern reversed once per page, not
    three ``{% url %}`` per row (an eighth of what a page of 40 rows cost)."""

    SENTINEL = "2147483647"  # a pk no table reaches, replaced by each row's

    def __init__(self) -> None:
        names = ("scores", "submission_scores"), ("ledger", "submission_ledger"), ("review", "submission_review")
        self.patterns = {key: reverse(f"teaching:{name}", args=[self.SENTINEL]) for key, name in names}

    def of(self, submission) -> dict[str, str]:
        if submission is None:
            return {}
        pk = str(submission.pk)
        return {key: pattern.replace(self.SENTINEL, pk) for key, pattern in self.patterns.items()}


@teacher_required
@require_GET
def assignment_review(request, pk):
    page = request.GET.get("page", "1")
    review = selectors.get_assignment_review_for(user=request.user, pk=pk, page=int(page) if page.isdigit() else 1)
    # Against the reference key (teaching/selectors/feedback.py): the page's rows, already read, reused.
    scores = selectors.class_scores(
        review.assignment,
        submission_students={r.submission.pk: r.student.pk for r in review.rows if r.submission},
        enrolled={r.student.pk for r in review.rows if r.enrolled},
        work=review.work,
        with_key_items=False,  # the page shows each student's figures, not the key items' shares
    )
    shown = [r.submission.pk for r in review.rows if r.submission]
    links = _SubmissionLinks()
    context = {
        "review": review,
        "assignment": review.assignment,
        "categories": review.assignment.category_objects,
        "scores": scores,
        "rows": [
            (r, scores.by_submission.get(r.submission.pk) if r.submission else None, links.of(r.submission))
            for r in review.rows
        ],
        "comparisons": selectors.class_comparisons(
            review.assignment,
            counts_for=shown,
            submissions=review.submissions,
            lesson_articles=review.work.lesson_articles,
        ),
        "page_url": reverse("teaching:assignment_review", args=[pk]) + "?page=",
    }
    return render(request, "teaching/assignment_review.html", context)
