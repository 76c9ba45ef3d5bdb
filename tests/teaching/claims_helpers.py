"""Fixtures and helpers shared by the claims tests (number claims, comparisons, the ledger)."""

import pytest

from teaching.models import LessonArticle
from tests import factories

SOLDIERS_002 = "approximately 300 troops"
SOLDIERS_003 = "approximately 200 Russian soldiers"
FORCES_002 = "11,000 Russian forces"
FORCES_003 = "about 11,000"


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


def claim(submission, article, phrase, counted="Russian soldiers inside the city", **extra):
    return factories.annotation_for(submission, article, phrase, category="numbers", counted=counted, **extra)


def soldiers_pair(submission, articles, **extra):
    return claim(submission, articles["002"], SOLDIERS_002, **extra), claim(submission, articles["003"], SOLDIERS_003)
