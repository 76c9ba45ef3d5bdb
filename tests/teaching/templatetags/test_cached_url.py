"""``{% url %}`` keeps each URL it reversed (teaching/templatetags/cached_url.py): the same URL as Django's tag
and ``reverse`` for every kind of argument, under the current script prefix, with Django's errors."""

import pytest
from django.template import engines
from django.template.defaulttags import URLNode
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils.safestring import mark_safe

from teaching.templatetags.cached_url import CachedURLNode


def _render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("source", "name", "args"),
    [
        ("{% url 'home' %}", "home", []),
        ("{% url 'teaching:article_read' 12 3 %}", "teaching:article_read", [12, 3]),
        ("{% url 'teaching:article_read' pk position %}", "teaching:article_read", [7, 2]),
        ("{% url name pk position %}", "teaching:article_read", [7, 2]),
        ("{% url 'teaching:article_read' pk=pk position=position %}", "teaching:article_read", [7, 2]),
        ("{% url 'teaching:annotation_edit' safe %}", "teaching:annotation_edit", ["41"]),
    ],
)
def test_the_url_is_reverses_answer(source, name, args):
    context = {"pk": 7, "position": 2, "name": "teaching:article_read", "safe": mark_safe("41")}
    for _ in range(2):  # reversed, then kept
        assert _render(source, **context) == reverse(name, args=args)


def test_the_tag_is_the_cached_one_and_keeps_djangos_errors_and_as():
    template = engines["django"].from_string("{% url 'home' %}")
    assert isinstance(template.template.nodelist[0], CachedURLNode)
    assert isinstance(template.template.nodelist[0], URLNode)
    with pytest.raises(NoReverseMatch):
        _render("{% url 'teaching:article_read' 1 %}")
    assert _render("{% url 'no-such-page' as found %}[{{ found }}]") == "[]"
    assert _render("{% url 'home' as found %}[{{ found }}]") == f"[{reverse('home')}]"


def test_other_arguments_go_through_djangos_tag():
    """A value whose text is its own (an object with __str__), or a bool (equal to 1 as a key), is not kept
    under a key another value shares."""

    class Pk:
        def __str__(self):
            return "5"

    assert _render("{% url 'teaching:annotation_edit' pk %}", pk=Pk()) == reverse("teaching:annotation_edit", args=[5])
    assert _render("{% url 'teaching:annotation_edit' 1 %}") == reverse("teaching:annotation_edit", args=[1])
    with pytest.raises(NoReverseMatch):  # "True" is not a number: refused, not the URL kept for 1
        _render("{% url 'teaching:annotation_edit' pk %}", pk=True)


def test_the_script_prefix_is_part_of_what_is_kept():
    first = _render("{% url 'teaching:article_read' 3 1 %}")
    set_script_prefix("/crosscheck/")
    try:
        assert _render("{% url 'teaching:article_read' 3 1 %}") == "/crosscheck" + first
    finally:
        set_script_prefix("/")
    assert _render("{% url 'teaching:article_read' 3 1 %}") == first
