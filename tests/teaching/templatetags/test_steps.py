"""The lesson's steps rendered in Python (teaching/templatetags/steps.py): the HTML of the template it replaced,
byte for byte."""

from types import SimpleNamespace

import pytest
from django.template import engines
from django.urls import set_script_prefix

# templates/teaching/_lesson_steps.html as it was, included by the article page with these names.
TEMPLATE = """<nav class="lesson-steps-nav" aria-label="Articles in this lesson">
  <ol class="lesson-steps">
    {% for la in lesson_articles %}
      <li>
        <a class="lesson-step{% if la.position == position %} is-current{% endif %}" href="{% url url_name owner_pk la.position %}"{% if la.position == position %} aria-current="page"{% endif %}>
          <span class="step-num" aria-hidden="true">{{ forloop.counter }}</span>
          <span class="step-title"><span class="visually-hidden">Article {{ forloop.counter }}: </span>{{ la.article.title }}</span>
          <span class="step-count{% if not la.highlight_count %} is-zero{% endif %}" id="step-count-{{ la.article_id }}" data-article-count-for="{{ la.article_id }}">{{ la.highlight_count }}<span class="visually-hidden"> {{ count_noun|default:"highlights" }}</span></span>
        </a>
      </li>
    {% endfor %}
  </ol>
</nav>
"""  # noqa: E501


def _steps(*rows):
    return [
        SimpleNamespace(
            position=position, article_id=article_id, highlight_count=count, article=SimpleNamespace(title=title)
        )
        for position, article_id, count, title in rows
    ]


CASES = [
    ([], "teaching:article_read", 3, 1, "highlights"),
    (
        _steps(
            (1, 11, 0, "Pokrovsk: the city"), (2, 12, 200, "Opinion: <what> Russia \"gains\" & 'loses'"), (4, 9, 7, "Ü")
        ),
        "teaching:article_read",
        3,
        2,
        "highlights",
    ),
    (_steps((1, 11, 3, "A"), (2, 12, 0, "B")), "teaching:submission_review_article", 41, 1, "highlights"),
    (_steps((1, 11, 3, "A"), (2, 12, 0, "B")), "teaching:key_edit", 5, 2, "key items"),
    (_steps((7, 11, 1, "A")), "teaching:article_read", 3, 99, ""),
]


@pytest.mark.parametrize(("lesson_articles", "url_name", "owner_pk", "position", "count_noun"), CASES)
def test_the_steps_are_the_templates_html(lesson_articles, url_name, owner_pk, position, count_noun):
    context = {
        "lesson_articles": lesson_articles,
        "url_name": url_name,
        "owner_pk": owner_pk,
        "position": position,
        "count_noun": count_noun,
    }
    tag = "{% load steps %}{% lesson_steps lesson_articles url_name owner_pk position count_noun %}"
    for _ in range(2):  # the URL pattern reversed, then kept
        assert engines["django"].from_string(tag).render(context) == engines["django"].from_string(TEMPLATE).render(
            context
        )


def test_the_steps_follow_the_script_prefix():
    context = {"rows": _steps((1, 11, 0, "A"))}
    tag = "{% load steps %}{% lesson_steps rows 'teaching:article_read' 3 1 %}"
    set_script_prefix("/crosscheck/")
    try:
        assert 'href="/crosscheck/assignments/3/articles/1/"' in engines["django"].from_string(tag).render(context)
    finally:
        set_script_prefix("/")
    assert 'href="/assignments/3/articles/1/"' in engines["django"].from_string(tag).render(context)
