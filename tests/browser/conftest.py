"""Fixtures shared by the browser tests (the personas, `login_as` and Chromium's settings are in tests/conftest.py)."""

import pytest

from tests import factories
from tests.browser.reading_helpers import article_at, launch_assignment


@pytest.fixture
def setup(classroom, student):
    """The launch lesson set to the class, the student's work on it (nothing highlighted yet) and its article 3."""
    assignment = launch_assignment(classroom)
    submission = factories.SubmissionFactory(assignment=assignment, student=student)
    return {"assignment": assignment, "submission": submission, "article": article_at(assignment, 3)}
