"""Helpers shared by the tests of teaching/ (the fixtures built on them are in tests/teaching/conftest.py)."""

from teaching import services
from tests import factories

# The sample key's items (tests/teaching/conftest.py: sample_key): phrase in the sample article → its category
# and the teacher's explanation.
PHRASES = {
    "approximately 300 troops": ("numbers", "Other reports say 200."),
    "according to the general staff": ("sourcing", "One side’s own count."),
    "modern-day Stalingrad": ("rhetoric", "A loaded comparison."),
}


def highlighting_class(classroom, assignment, article, size):
    """`size` students; every one highlights the number, every second one the sourcing too."""
    subs = []
    for i in range(size):
        student = factories.EnrollmentFactory(classroom=classroom).student
        sub = factories.SubmissionFactory(assignment=assignment, student=student, status="submitted")
        factories.annotation_for(sub, article, "300 troops", "numbers")
        if i % 2 == 0:
            factories.annotation_for(sub, article, "according to the general staff", "sourcing")
        subs.append(sub)
    return subs


# A correction that takes "modern-day Stalingrad" out of the sample article.
STALINGRAD_SENTENCE = "Critics called it a “modern-day Stalingrad” – a claim no one could check."
NEW_SENTENCE = "Critics likened it to Stalingrad – a claim no one could check."


def orphan(submission, article, phrase="modern-day Stalingrad", comment="Loaded comparison"):
    """A rhetoric highlight on `phrase` (orphaned once `correct` has taken the words out)."""
    return factories.annotation_for(submission, article, phrase, category="rhetoric", comment=comment)


def correct(article, by=None):
    by = by or factories.AdminFactory()
    body = article.body_markdown.replace(STALINGRAD_SENTENCE, NEW_SENTENCE)
    report = services.revise_article(article=article, body_markdown=body, by=by)
    article.refresh_from_db()
    return report


# Number claims and comparisons in the launch lesson (its fixtures: articles, pk_assignment, pk_submission, pk_key).
SOLDIERS_002 = "approximately 300 troops"
SOLDIERS_003 = "approximately 200 Russian soldiers"
FORCES_002 = "11,000 Russian forces"
FORCES_003 = "about 11,000"


def claim(submission, article, phrase, counted="Russian soldiers inside the city", **extra):
    return factories.annotation_for(submission, article, phrase, category="numbers", counted=counted, **extra)


def soldiers_pair(submission, articles, **extra):
    return claim(submission, articles["002"], SOLDIERS_002, **extra), claim(submission, articles["003"], SOLDIERS_003)


def link(submission, *members, relation="contradict"):
    """The submission's student compares `members` (number claims)."""
    return services.create_comparison(
        submission=submission, annotations=members, relation=relation, by=submission.student
    )
