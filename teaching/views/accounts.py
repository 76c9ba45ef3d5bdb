"""Students signing up with a class code, and joining further classes."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from teaching import permissions, services
from teaching.forms import JoinClassroomForm, StudentSignupForm


def role_required(predicate):
    """Logged-in users for whom ``predicate(user)`` holds; others logged in get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied("This page is not for your account.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


teacher_required = role_required(permissions.is_teacher)
student_required = role_required(permissions.is_student)


@require_http_methods(["GET", "POST"])
def student_signup(request):
    code = request.GET.get("code", "")
    if request.user.is_authenticated:
        if permissions.is_student(request.user):
            target = reverse("teaching:classroom_join")
            return redirect(f"{target}?{urlencode({'code': code})}" if code else target)
        return redirect("home")
    form = StudentSignupForm(
        request.POST if request.method == "POST" else None, initial={"join_code": services.normalise_join_code(code)}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, classroom = services.register_student(
                join_code=data["join_code"],
                username=data["username"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.display_name}! You’ve joined “{classroom.name}”.")
            return redirect("teaching:dashboard")
    return render(request, "teaching/student_signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
@student_required
def classroom_join(request):
    form = JoinClassroomForm(
        request.POST if request.method == "POST" else None,
        initial={"join_code": services.normalise_join_code(request.GET.get("code", ""))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = services.join_classroom(student=request.user, join_code=form.cleaned_data["join_code"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"You’ve joined “{enrollment.classroom.name}”.")
            return redirect("teaching:dashboard")
    return render(request, "teaching/classroom_join.html", {"form": form})
