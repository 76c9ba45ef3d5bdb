"""Template helpers for the claims pages."""

from django import template

register = template.Library()


@register.filter
def comparison_count(counts: dict, submission) -> int | str:
    """`{{ counts|comparison_count:row.submission }}`: a student's number of comparisons; "—" when not started."""
    if submission is None:
        return "—"
    return counts.get(submission.pk, 0)
