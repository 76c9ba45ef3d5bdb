"""Fixtures shared by the tests of teaching/: a selector's tests (tests/teaching/selectors/) and its page's
tests (tests/teaching/views/) build the same data, so it is defined here once. The personas, the sample
lesson and the logged-in clients are in tests/conftest.py."""

import pytest

from teaching import services
from teaching.models import KeyComparison, LessonArticle
from tests import factories
from tests.teaching.helpers import PHRASES, correct, orphan

# Reference keys --------------------------------------------------------------------------------------


@pytest.fixture
def key(assignment):
    """The key of the assignment's lesson, new and empty (as the key editor creates it)."""
    return services.get_or_create_key(assignment.lesson)


@pytest.fixture
def sample_key(lesson, article):
    """A key for `lesson` with one item per category on the sample article, each with an explanation."""
    key = factories.ReferenceKeyFactory(lesson=lesson)
    for phrase, (category, explanation) in PHRASES.items():
        factories.key_item_for(key, article, phrase, category, explanation=explanation)
    return key


@pytest.fixture
def worked(submission, article):
    """Sam found the number, added a rhetoric highlight the key lacks, missed the sourcing and rhetoric items."""
    found = factories.annotation_for(submission, article, "300 troops", "numbers")
    extra = factories.annotation_for(submission, article, "a claim no one could check", "rhetoric", comment="Hedge?")
    return {"found": found, "extra": extra}


# The launch lesson (Pokrovsk): number claims and comparisons ---------------------------------------------


@pytest.fixture
def articles(pokrovsk):
    """The lesson's articles by file number: "000" … "003"."""
    ordered = [la.article for la in LessonArticle.objects.filter(lesson=pokrovsk).order_by("position")]
    return dict(zip(["000", "001", "002", "003"], ordered, strict=True))


@pytest.fixture
def pk_assignment(pokrovsk, classroom):
    return factories.AssignmentFactory(classroom=classroom, lesson=pokrovsk)


@pytest.fixture
def pk_submission(pk_assignment, student):
    return factories.SubmissionFactory(assignment=pk_assignment, student=student)


# The launch lesson's key comparisons that pk_key holds: (title, relation, explanation, [(article, words)]).
PK_KEY_COMPARISONS = [
    (
        "Russian soldiers inside the city",
        "contradict",
        "125–250, about 300 and about 200: the reports disagree on the same quantity.",
        [
            ("001", "Approximately 25 Russian assault teams – five to ten men"),
            ("002", "approximately 300 troops now operating inside the city"),
            ("003", "approximately 200 Russian soldiers have managed to slip into the centre of town"),
        ],
    ),
    (
        "Russian forces around the city",
        "agree",
        "Corroboration is a result too: 11,000 in both.",
        [
            ("002", "With 11,000 Russian forces in the immediate area"),
            ("003", "Estimated Russian forces concentrated around Pokrovsk: about 11,000"),
        ],
    ),
]


@pytest.fixture
def pk_key(pokrovsk, articles):
    """A key for the launch lesson with two of its comparisons: one the reports contradict, one they agree on."""
    key = factories.ReferenceKeyFactory(lesson=pokrovsk)
    for position, (title, relation, explanation, items) in enumerate(PK_KEY_COMPARISONS, start=1):
        comparison = KeyComparison.objects.create(
            key=key, title=title, relation=relation, position=position, explanation=explanation
        )
        comparison.items.set([factories.key_item_for(key, articles[number], words) for number, words in items])
    return key


# Highlights set aside by a correction ---------------------------------------------------------------------


@pytest.fixture
def orphaned(submission, article):
    annotation = orphan(submission, article)
    report = correct(article)
    assert report.orphan_ids == [annotation.pk]
    annotation.refresh_from_db()
    return annotation
