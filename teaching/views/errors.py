"""Friendly error pages (used when DEBUG is off) and the CSRF failure answer."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults

CSRF_MESSAGE = (
    "Your page was open too long or you logged in elsewhere, so this change was not accepted. "
    "Reload the page and try again — your saved work is safe."
)


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"detail": ["Not found, or not yours to see."]}}, status=404)
    return render(request, "404.html", status=404)


FALLBACK_500 = (
    "<!doctype html><title>Something went wrong · Crosscheck</title><h1>Something went wrong on our side</h1>"
    "<p>Your saved work is safe. Please try again in a minute; if it keeps happening, tell your teacher.</p>"
)
SERVER_ERROR_MESSAGE = "Something went wrong on our side; nothing was changed. Try again in a moment."


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"request": ["The request could not be read."]}}, status=400)
    if isinstance(exception, RequestDataTooBig):
        # Django refuses a form over DATA_UPLOAD_MAX_MEMORY_SIZE before any view runs (a whole web page pasted
        # into "Add an article", say): say what happened and what to do instead of a bare "Bad Request".
        limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024):g} MB"
        return render(request, "413.html", {"limit": limit, "back": request.path}, status=413)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"permission": [str(exception or "") or "You may not do that."]}}, status=403)
    return defaults.permission_denied(request, exception)


def server_error(request):
    # An API client gets JSON, whatever failed. People get the plain template (no context processors that
    # could fail again), and if even that fails (its stylesheet's URL, say), a fixed page.
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"server": [SERVER_ERROR_MESSAGE]}}, status=500)
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:
        return HttpResponseServerError(FALLBACK_500)


def csrf_failure(request, reason=""):
    """A write without a valid CSRF token: JSON for API clients, a page that says what to do for people."""
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"csrf": [CSRF_MESSAGE]}}, status=403)
    return render(request, "403_csrf.html", {"message": CSRF_MESSAGE}, status=403)
