"""The district's load (benchmarks/district.py runs it): a class of students and their teacher, in locust.

Each student logs in through the real form, opens the assignment, reads the article and saves
``DISTRICT_SAVES`` highlights the way the reading view's outbox does (an htmx POST with a client key,
retried with the same key after a 5xx or a dropped connection, so a retry never duplicates); then reads
the article again and is done. The teacher reloads the review every few seconds. When every student is
done the run ends. Every save the server confirmed is written to ``DISTRICT_OUT`` (one JSON object a line)
for the database check.

The users are locust's FastHttpUser (geventhttpclient): the load generator shares the machine's cores with
the servers it measures, and it spends several times less CPU per request than the requests-based HttpUser.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import secrets
import time

import gevent
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

INFO = json.loads(open(os.environ["DISTRICT_INFO"], encoding="utf-8").read())  # noqa: SIM115
SAVES = int(os.environ.get("DISTRICT_SAVES", "20"))
PASSWORD = INFO["password"]
RETRIES = 10  # the outbox keeps trying; a run has to end somewhere
_next_student = itertools.count()
_done = {"students": 0}
_confirmed: list[dict] = []


@events.test_stop.add_listener
def _write_confirmed(environment, **kwargs):
    with open(os.environ["DISTRICT_OUT"], "w", encoding="utf-8") as out:
        for row in _confirmed:
            out.write(json.dumps(row) + "\n")


def _csrf(user: FastHttpUser) -> str:
    """The CSRF cookie, as the page's script reads it for the X-CSRFToken header."""
    return next((c.value for c in user.client.cookiejar if c.name == "csrftoken"), "")


def _login(user: FastHttpUser, username: str) -> None:
    user.client.get("/accounts/login/", name="login page")
    token = _csrf(user)
    with user.client.post(
        "/accounts/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": user.host + "/accounts/login/"},
        allow_redirects=False,
        name="log in",
        catch_response=True,
    ) as response:
        if response.status_code != 302:
            response.failure(f"login refused: HTTP {response.status_code}")
            raise StopUser()


class Student(FastHttpUser):
    wait_time = between(INFO["think_min"], INFO["think_max"])
    weight = 100

    def on_start(self):
        n = next(_next_student)
        if n >= INFO["students"]:
            raise StopUser()
        self.username = f"{INFO['prefix']}{n:03d}"
        rng = random.Random(n)
        self.position = rng.choice(list(INFO["spans"]))
        self.todo = rng.sample(INFO["spans"][self.position], SAVES)
        self.saved = 0
        _login(self, self.username)
        pk = INFO["assignment"]
        # First open starts the submission and lands on the first article; then the article of the day.
        self.client.get(f"/assignments/{pk}/", name="open assignment")
        self.client.get(f"/assignments/{pk}/articles/{self.position}/", name="reading view")

    @task
    def save_a_highlight(self):
        if not self.todo:
            self.client.get(f"/assignments/{INFO['assignment']}/articles/{self.position}/", name="reading view")
            _done["students"] += 1
            if _done["students"] >= INFO["students"]:
                gevent.spawn_later(0.5, self.environment.runner.quit)
            raise StopUser()
        start, end, exact = self.todo.pop()
        key = secrets.token_hex(8)
        category = random.choice(INFO["categories"])
        for attempt in range(1, RETRIES + 1):
            with self.client.post(
                f"/assignments/{INFO['assignment']}/articles/{self.position}/annotations/",
                {"category": category, "start": start, "end": end, "exact": exact, "client_key": key},
                headers={
                    "X-CSRFToken": _csrf(self),
                    "HX-Request": "true",
                    "Referer": self.host + "/",
                },
                name="save a highlight",
                catch_response=True,
            ) as response:
                if response.status_code == 200:
                    _confirmed.append(
                        {
                            "student": self.username,
                            "client_key": key,
                            "position": self.position,
                            "start": start,
                            "end": end,
                            "category": category,
                            "attempts": attempt,
                        }
                    )
                    return
                response.failure(f"HTTP {response.status_code}")
                if response.status_code and response.status_code < 500:
                    return  # refused: the outbox shows the message, does not retry
            time.sleep(min(8, 0.5 * 2**attempt))  # the outbox backs off, then sends the same key again


class Teacher(FastHttpUser):
    wait_time = between(3, 6)
    fixed_count = 1

    def on_start(self):
        _login(self, INFO["teacher"])

    @task
    def reload_review(self):
        self.client.get(f"/assignments/{INFO['assignment']}/review/", name="teacher review")
