"""The teacher's view of the class (teaching/selectors/insights.py): the heatmap and the class's agreement."""

import pytest

from teaching import selectors
from teaching.models import Annotation
from tests import factories
from tests.teaching.helpers import PHRASES, highlighting_class


def test_heatmap_counts_students_per_passage(sample_key, classroom, assignment, article):
    highlighting_class(classroom, assignment, article, 4)
    heat = selectors.class_heatmap(assignment, 1)
    assert heat.class_size == 4 and heat.highlighters == 4 and heat.submitted == 4
    by_quote = {p.quote: p for p in heat.passages}
    assert by_quote["300 troops"].label == "4 of 4 students — 4 as numbers"
    assert by_quote["300 troops"].level == 5
    assert by_quote["according to the general staff"].label == "2 of 4 students — 2 as sourcing"
    assert by_quote["according to the general staff"].level == 3  # 50% is in the 41–60% step
    assert {k.exact for k in heat.key_items} == set(PHRASES)


def test_most_highlighted_quotes_a_figure_with_its_currency_and_percent_signs(classroom, assignment, article):
    article.body_markdown = "The barrier cost £18.4 million, and steel prices rose by 41% in a year."
    article.save()
    sub = factories.SubmissionFactory(
        assignment=assignment, student=factories.EnrollmentFactory(classroom=classroom).student
    )
    factories.annotation_for(sub, article, "£18.4 million", "numbers")
    factories.annotation_for(sub, article, "41%", "numbers")
    heat = selectors.class_heatmap(assignment, 1)
    assert [p.quote for p in heat.most_highlighted] == ["£18.4 million", "41%"]


def test_heatmap_filters_one_category_and_its_key_items(sample_key, classroom, assignment, article):
    highlighting_class(classroom, assignment, article, 4)
    heat = selectors.class_heatmap(assignment, 1, "sourcing")
    assert [p.quote for p in heat.passages] == ["according to the general staff"]
    assert [k.category for k in heat.key_items] == ["sourcing"]
    assert selectors.class_heatmap(assignment, 1, "bogus").category is None  # unknown filter: all


def test_heatmap_leaves_out_students_who_left_and_orphans(sample_key, classroom, assignment, article):
    (sub,) = highlighting_class(classroom, assignment, article, 1)
    gone = factories.SubmissionFactory(assignment=assignment, student=factories.StudentFactory())
    factories.annotation_for(gone, article, "inside the city", "rhetoric")
    Annotation.objects.filter(submission=sub, category="sourcing").update(anchor_status="orphaned")
    heat = selectors.class_heatmap(assignment, 1)
    assert [p.quote for p in heat.passages] == ["300 troops"]


def test_agreement_per_category_with_a_reading(sample_key, classroom, assignment, article):
    highlighting_class(classroom, assignment, article, 4)
    readings = {r.category.value: r for r in selectors.class_heatmap(assignment, 1).agreement}
    assert readings["numbers"].kappa == pytest.approx(1.0)
    assert readings["numbers"].reading == "The class almost fully agrees on which words are numbers."
    assert readings["rhetoric"].kappa is None
    assert readings["rhetoric"].display == "—"
    # half the class marks the same words, half marks none: better than chance, far from agreement
    assert readings["sourcing"].band == "fair"
    assert readings["sourcing"].reading == "The class agrees a little on which words are sourcing."


@pytest.mark.parametrize("kappa, shown", [(None, "—"), (-0.001, "0.00"), (-0.54, "-0.54"), (0.5449, "0.54")])
def test_kappa_display_never_shows_negative_zero(kappa, shown):
    from teaching import categories as category_defs
    from teaching.selectors.insights import KappaReading

    assert KappaReading(category_defs.NUMBERS, kappa, "", "").display == shown
