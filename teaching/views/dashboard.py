"""The student's start page: every assignment in their classes and what to do next."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from teaching import selectors
from teaching.forms import JoinClassroomForm
from teaching.views.accounts import student_required


@require_GET
@student_required
def dashboard(request):
    rows = selectors.list_assignments_for_student(user=request.user)
    context = {
        "rows": rows,
        "classrooms": list(selectors.list_classrooms_for(user=request.user)),
        "to_do": [r for r in rows if not r.is_done],
        "done": [r for r in rows if r.is_done],
        "join_form": JoinClassroomForm(),
    }
    return render(request, "teaching/dashboard.html", context)
