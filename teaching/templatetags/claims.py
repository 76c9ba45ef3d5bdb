"""Template helpers for the claims pages."""

from django import template

register = template.Library()


@register.filter
def comparison_count(counts: dict, submission) -> int | str:
    """`{{ counts|comparison_count:row.submission }}`: a student's number of comparisons; "—" when not started."""
    if submission is None:
        return "—"
    return counts.get(submission.pk, 0)


@register.filter
def links_for(links: dict, annotation) -> list:
    """`{{ claim_links|links_for:annotation }}`: the comparisons a highlight belongs to."""
    return links.get(annotation.pk, []) if links else []


@register.filter
def claim_reading(text: str):
    """The ledger's reading of a quote (teaching.text.comparisons.read_claim)."""
    from teaching.text.comparisons import read_claim

    return read_claim(text)
