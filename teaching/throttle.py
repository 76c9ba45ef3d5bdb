"""Guessing is throttled: failed logins and wrong class codes are counted per username and per address.

Counting is django-ratelimit's (fixed windows with a per-key offset, in the cache named ``throttle``, which
is Redis when ``REDIS_URL`` is set so that every app process shares the counts). Only failures count: a
class logging in at once from one school address is not slowed down by its own successes. Once a count
reaches its limit the form is refused — even with the right password — until the window ends, and the
message says when that is.

An address is shared by a whole school behind one router, so its limits are high; a username or an
account is one person, so its limits are low. A cache that cannot be reached lets requests through
(logged): an outage of the counter must not lock every class out of the site.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from django.http import HttpRequest
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

__all__ = ["ACTIONS", "Throttled", "check", "message", "record_failure"]


ADDRESS = "ip"  # django-ratelimit's client address (RATELIMIT_IP_META_KEY; IPv6 counted per /64)


def _posted_username(group: str, request: HttpRequest) -> str:
    return (request.POST.get("username") or "").strip().casefold()


def _account(group: str, request: HttpRequest) -> str:
    return str(request.user.pk) if request.user.is_authenticated else ""


@dataclass(frozen=True)
class Limit:
    name: str
    rate: str  # failures per window, django-ratelimit's notation: "10/15m"
    key: object  # ADDRESS, or (group, request) -> str where an empty string is not counted
    says: str  # what the message names: "this username", "this network"


ACTIONS: dict[str, tuple[Limit, ...]] = {
    "login": (
        Limit("login-username", "10/15m", _posted_username, "this username"),
        Limit("login-address", "100/15m", ADDRESS, "this network"),
    ),
    # A wrong class code on the sign-up page (the code is the secret there; usernames are not).
    "signup": (Limit("signup-address", "30/15m", ADDRESS, "this network"),),
    # A wrong class code typed by a logged-in student.
    "join": (
        Limit("join-account", "10/15m", _account, "your account"),
        Limit("join-address", "30/15m", ADDRESS, "this network"),
    ),
}


@dataclass(frozen=True)
class Throttled:
    """A refusal: who is held back and for how many more seconds."""

    says: str
    seconds: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.seconds / 60))


def _usage(request: HttpRequest, limit: Limit, *, increment: bool) -> dict | None:
    if callable(limit.key) and not limit.key(limit.name, request):
        return None
    try:
        return get_usage(request, group=limit.name, key=limit.key, rate=limit.rate, increment=increment)
    except Exception:  # the counter's cache is down: let the request through rather than lock everyone out
        logger.exception("Throttle %s could not reach its cache", limit.name)
        return None


def check(request: HttpRequest, action: str) -> Throttled | None:
    """None while the request may go ahead; else who is held back and for how long."""
    for limit in ACTIONS[action]:
        usage = _usage(request, limit, increment=False)
        if usage is not None and usage["count"] >= usage["limit"]:
            return Throttled(limit.says, max(usage["time_left"], 1))
    return None


def record_failure(request: HttpRequest, action: str) -> None:
    for limit in ACTIONS[action]:
        _usage(request, limit, increment=True)


def message(throttled: Throttled, what: str) -> str:
    unit = "minute" if throttled.minutes == 1 else "minutes"
    return f"Too many {what} from {throttled.says}. For safety, please wait {throttled.minutes} {unit} and try again."
