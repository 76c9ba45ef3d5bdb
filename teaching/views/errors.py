"""Friendly error pages (used when DEBUG is off) and the CSRF failure answer."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

CSRF_MESSAGE = (
    "Your page was open too long or you logged in elsewhere, so this change was not accepted. "
    "Reload the page and try again — your saved work is safe."
)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


FALLBACK_500 = (
    "<!doctype html><title>Something went wrong · Crosscheck</title><h1>Something went wrong on our side</h1>"
    "<p>Your saved work is safe. Please try again in a minute; if it keeps happening, tell your teacher.</p>"
)


def server_error(request):
    # No context processors that could fail again: render the plain template, and if even that fails
    # (its stylesheet's URL, say), a fixed page.
    try:
        return HttpResponseServerError(loader.get_template("500.html").render())
    except Exception:
        return HttpResponseServerError(FALLBACK_500)


def csrf_failure(request, reason=""):
    """A write without a valid CSRF token: JSON for API clients, a page that says what to do for people."""
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"csrf": [CSRF_MESSAGE]}}, status=403)
    return render(request, "403_csrf.html", {"message": CSRF_MESSAGE}, status=403)
