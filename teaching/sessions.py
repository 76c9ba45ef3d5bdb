"""Shared classroom computers: a student's session ends when the browser closes or after a school day idle.

At login a student's session cookie gets no expiry date (the browser drops it when it closes), and the
session records when it was last used; a request after ``STUDENT_SESSION_IDLE_SECONDS`` without one logs the
student out. Browsers that restore a closed session ("continue where you left off") keep the cookie, which is
why the idle limit is checked on the server too. Teachers and admins keep Django's ``SESSION_COOKIE_AGE``.

The last-used time is rewritten at most every ``REFRESH_SECONDS``, so a student's requests do not each write
the session.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from teaching import permissions

LAST_SEEN = "student_last_seen"
REFRESH_SECONDS = 5 * 60


@receiver(user_logged_in, dispatch_uid="teaching.sessions.student_logged_in")
def student_logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session") and permissions.is_student(user):
        request.session.set_expiry(0)  # a cookie without a date: gone when the browser closes
        request.session[LAST_SEEN] = int(time.time())


class StudentSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if permissions.is_student(request.user):
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN, 0)
            if now - last_seen > settings.STUDENT_SESSION_IDLE_SECONDS:
                logout(request)
            elif now - last_seen > REFRESH_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
