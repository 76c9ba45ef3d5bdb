"""Logging in: Django's login forms, throttled against guessing (teaching/throttle.py)."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm

from teaching import throttle

__all__ = ["ThrottledAdminLoginForm", "ThrottledLoginForm"]


class _Throttled:
    """Refuse before checking the password once a username or an address has failed too often; count each
    failure. ``throttled`` is set when the refusal is the throttle's (the view answers 429 then)."""

    throttled: throttle.Throttled | None = None

    def clean(self):
        self.throttled = throttle.check(self.request, "login")
        if self.throttled:
            raise forms.ValidationError(throttle.message(self.throttled, "failed logins"), code="throttled")
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                throttle.record_failure(self.request, "login")
            raise


class ThrottledLoginForm(_Throttled, AuthenticationForm):
    pass


class ThrottledAdminLoginForm(_Throttled, AdminAuthenticationForm):
    pass
