"""Students signing up with a class code, and joining further classes."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from teaching import permissions, services, throttle
from teaching.forms import JoinClassroomForm, SignupCodeForm, StudentSignupForm, ThrottledLoginForm


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


def _wrong_code(error: ValidationError) -> bool:
    return any(e.code == services.UNKNOWN_CODE for e in getattr(error, "error_dict", {}).get("join_code", []))


def _too_many(response, throttled: throttle.Throttled | None):
    """A refusal by the throttle answers 429 with the page (and its message) and says when to come back."""
    if throttled:
        response.status_code = 429
        response["Retry-After"] = str(throttled.seconds)
    return response


class LoginView(auth_views.LoginView):
    authentication_form = ThrottledLoginForm

    def form_invalid(self, form):
        return _too_many(super().form_invalid(form), form.throttled)


def _code_step(request, code: str, errors=(), throttled: throttle.Throttled | None = None):
    """Sign-up's first step: the class code alone, with what was wrong with the last one (429 when throttled)."""
    form = SignupCodeForm({"code": code} if errors else None, initial={"code": services.normalise_join_code(code)})
    if errors and form.is_valid():
        form.add_error("code", list(errors))
    return _too_many(render(request, "teaching/student_signup.html", {"code_form": form}), throttled)


def _classroom_for(request, code: str):
    """The class a sign-up code opens, or the first step again saying why. Wrong codes count towards the throttle."""
    if throttled := throttle.check(request, "signup"):
        return None, _code_step(request, code, [throttle.message(throttled, "wrong class codes")], throttled)
    try:
        return services.classroom_for_join_code(code), None
    except ValidationError as exc:
        if _wrong_code(exc):
            throttle.record_failure(request, "signup")
        return None, _code_step(request, code, exc.message_dict.get("join_code", exc.messages))


@require_http_methods(["GET", "POST"])
def student_signup(request):
    """Join a class with its code, in two steps: the code first (checked before any password is asked for), then
    the account. A wrong code comes back to the first step with the reason, and nothing is created."""
    code = request.POST.get("join_code", "") if request.method == "POST" else request.GET.get("code", "")
    if request.user.is_authenticated:
        if permissions.is_student(request.user):
            target = reverse("teaching:classroom_join")
            return redirect(f"{target}?{urlencode({'code': code})}" if code else target)
        return redirect("home")
    if request.method == "GET" and "code" not in request.GET:
        return _code_step(request, code)
    classroom, refusal = _classroom_for(request, code)
    if refusal:
        return refusal
    form = StudentSignupForm(
        request.POST if request.method == "POST" else None, initial={"join_code": classroom.join_code}
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            user, classroom = services.register_student(
                join_code=classroom.join_code,
                username=data["username"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
        except ValidationError as exc:
            if _wrong_code(exc):  # the teacher made a new code a moment ago
                throttle.record_failure(request, "signup")
                return _code_step(request, code, exc.message_dict["join_code"])
            form.add_error(None, exc)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, f"Welcome, {user.display_name}! You’ve joined “{classroom.name}”.")
            return redirect("teaching:dashboard")
    return render(request, "teaching/student_signup.html", {"form": form, "classroom": classroom})


@require_http_methods(["GET", "POST"])
@student_required
def classroom_join(request):
    form = JoinClassroomForm(
        request.POST if request.method == "POST" else None,
        initial={"join_code": services.normalise_join_code(request.GET.get("code", ""))},
    )
    throttled = None
    if request.method == "POST" and form.is_valid() and not (throttled := throttle.check(request, "join")):
        try:
            enrollment = services.join_classroom(student=request.user, join_code=form.cleaned_data["join_code"])
        except ValidationError as exc:
            if _wrong_code(exc):
                throttle.record_failure(request, "join")
            form.add_error(None, exc)
        else:
            messages.success(request, f"You’ve joined “{enrollment.classroom.name}”.")
            return redirect("teaching:dashboard")
    if throttled:
        form.add_error("join_code", throttle.message(throttled, "wrong class codes"))
    return _too_many(render(request, "teaching/classroom_join.html", {"form": form}), throttled)
