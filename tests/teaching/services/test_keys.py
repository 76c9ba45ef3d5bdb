"""Services for the reference key: validation, who may write, and that a refused write changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from teaching import selectors, services
from teaching.models import DismissedSuggestion, KeyComparison, KeyItem, ReferenceKey
from teaching.text.suggestions import suggest
from tests import factories

PHRASE = "approximately 300 troops"


def _span(article, phrase):
    start = article.body_text.index(phrase)
    return {"start": start, "end": start + len(phrase), "exact": phrase}


def _create(key, article, by, phrase=PHRASE, **extra):
    fields = {"category": "numbers", **_span(article, phrase), "explanation": "Compare with 200.", **extra}
    return services.create_key_item(key=key, article=article, by=by, **fields)


def _item_and_comparison(key, article, teacher):
    """An item, and a comparison of it with a second item, both made by `teacher`."""
    item = _create(key, article, teacher)
    comparison = services.create_key_comparison(
        key=key,
        title="T",
        relation="agree",
        items=[item, _create(key, article, teacher, phrase="modern-day")],
        by=teacher,
    )
    return item, comparison


def test_get_or_create_key_is_one_per_lesson(lesson):
    first = services.get_or_create_key(lesson)
    assert services.get_or_create_key(lesson) == first
    assert ReferenceKey.objects.count() == 1


def test_create_key_item_stores_selector_and_author(key, article, teacher):
    item = _create(key, article, teacher)
    assert (item.exact, item.category, item.explanation, item.created_by) == (
        PHRASE,
        "numbers",
        "Compare with 200.",
        teacher,
    )
    assert article.body_text[item.start : item.end] == PHRASE
    assert item.prefix and item.suffix and item.revision == article.current_revision


def test_create_key_item_is_idempotent_and_fills_in_a_new_explanation(key, article, teacher):
    first = _create(key, article, teacher, explanation="")
    again = _create(key, article, teacher, explanation="Now explained.")
    assert again.pk == first.pk
    assert KeyItem.objects.get().explanation == "Now explained."


def test_create_key_item_allows_an_empty_explanation_while_building(key, article, teacher):
    assert _create(key, article, teacher, explanation="   ").explanation == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"category": "opinion"}, "Choose rhetoric, sourcing or numbers."),
        ({"exact": "approximately 301 troops"}, "do not match the article"),
        ({"start": 10_000, "end": 10_024}, "outside the article"),
        ({"explanation": "x" * 2001}, "at most 2000 characters"),
    ],
)
def test_create_key_item_refuses_bad_input_and_writes_nothing(key, article, teacher, change, message):
    with pytest.raises(ValidationError, match=message):
        _create(key, article, teacher, **change)
    assert not KeyItem.objects.exists()


def test_create_key_item_refuses_an_article_outside_the_lesson(key, teacher):
    other = factories.ArticleFactory(title="Elsewhere")
    with pytest.raises(ValidationError, match="not part of the lesson"):
        _create(key, other, teacher)
    assert not KeyItem.objects.exists()


@pytest.fixture
def outsider(request, other_teacher, student, db):
    return {"other_teacher": other_teacher, "student": student, "nobody": None}[request.param]


@pytest.mark.parametrize("outsider", ["other_teacher", "student", "nobody"], indirect=True)
def test_only_editors_write_to_a_key(key, article, teacher, outsider):
    item = _create(key, article, teacher)
    s = next(x for x in suggest(article.body_text) if x.kind == "sourcing")
    writes = [
        lambda: _create(key, article, outsider, phrase="modern-day Stalingrad"),
        lambda: services.update_key_item(item=item, explanation="Hacked", by=outsider),
        lambda: services.delete_key_item(item=item, by=outsider),
        lambda: services.accept_suggestion(
            key=key, article=article, start=s.start, end=s.end, kind=s.kind, category="sourcing", by=outsider
        ),
        lambda: services.dismiss_suggestion(
            key=key, article=article, start=s.start, end=s.end, kind=s.kind, by=outsider
        ),
        lambda: services.create_key_comparison(key=key, title="T", relation="agree", items=[item, item], by=outsider),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write()
    item.refresh_from_db()
    assert KeyItem.objects.count() == 1 and item.explanation == "Compare with 200."
    assert not DismissedSuggestion.objects.exists() and not KeyComparison.objects.exists()


def test_admins_edit_any_key_and_teachers_only_the_keys_of_lessons_they_own(
    lesson, teacher, other_teacher, admin_user, assignment
):
    assert selectors.can_edit_key(admin_user, lesson)
    assert selectors.can_edit_key(teacher, lesson)
    assert not selectors.can_edit_key(other_teacher, lesson)
    # Setting the lesson for one's own class gives no right to its key: it is the feedback the owner's classes see.
    factories.AssignmentFactory(classroom=factories.ClassroomFactory(teacher=other_teacher), lesson=lesson)
    assert not selectors.can_edit_key(other_teacher, lesson)
    site_lesson = factories.LessonFactory(owner=None)
    factories.AssignmentFactory(classroom=factories.ClassroomFactory(teacher=teacher), lesson=site_lesson)
    assert not selectors.can_edit_key(teacher, site_lesson)
    assert selectors.can_edit_key(admin_user, site_lesson)


@pytest.mark.parametrize("who", ["other_teacher", "setting_teacher"])
def test_a_teacher_who_sets_another_teachers_lesson_cannot_change_its_key(key, article, teacher, other_teacher, who):
    """The bug this closes: assigning someone's lesson used to give the right to rewrite the feedback their
    classes see. Now every key write by a non-owner is refused and changes nothing."""
    if who == "setting_teacher":
        factories.AssignmentFactory(classroom=factories.ClassroomFactory(teacher=other_teacher), lesson=key.lesson)
    item, comparison = _item_and_comparison(key, article, teacher)
    for write in (
        lambda: services.update_key_item(item=item, explanation="Rewritten", by=other_teacher),
        lambda: services.delete_key_item(item=item, by=other_teacher),
        lambda: services.update_key_comparison(
            comparison=comparison, title="Mine now", relation="contradict", items=[item, item], by=other_teacher
        ),
        lambda: services.delete_key_comparison(comparison=comparison, by=other_teacher),
    ):
        with pytest.raises(PermissionDenied, match="Copy the lesson"):
            write()
    item.refresh_from_db()
    comparison.refresh_from_db()
    assert (item.explanation, comparison.title, KeyItem.objects.count()) == ("Compare with 200.", "T", 2)


def test_every_key_write_marks_the_key_as_edited_by_a_person(key, article, teacher):
    assert key.edited_at is None
    item = _create(key, article, teacher)
    key.refresh_from_db()
    first = key.edited_at
    assert first is not None
    services.delete_key_item(item=item, by=teacher)
    key.refresh_from_db()
    assert key.edited_at >= first


def test_a_refused_key_write_does_not_mark_the_key(key, article, other_teacher):
    with pytest.raises(PermissionDenied):
        _create(key, article, other_teacher)
    key.refresh_from_db()
    assert key.edited_at is None


def test_update_key_item_changes_category_and_explanation(key, article, teacher):
    item = _create(key, article, teacher)
    services.update_key_item(item=item, category="rhetoric", explanation="  Vague. ", by=teacher)
    item.refresh_from_db()
    assert (item.category, item.explanation) == ("rhetoric", "Vague.")
    services.update_key_item(item=item, category=None, explanation=None, by=teacher)
    item.refresh_from_db()
    assert (item.category, item.explanation) == ("rhetoric", "Vague.")


@pytest.mark.parametrize(
    ("change", "message"),
    [({"category": "gossip"}, "Choose rhetoric"), ({"explanation": "y" * 2001}, "at most 2000")],
)
def test_update_key_item_refuses_bad_input_and_changes_nothing(key, article, teacher, change, message):
    item = _create(key, article, teacher)
    with pytest.raises(ValidationError, match=message):
        services.update_key_item(item=item, by=teacher, **change)
    stored = KeyItem.objects.get()
    assert (stored.category, stored.explanation) == ("numbers", "Compare with 200.")


def test_delete_key_item(key, article, teacher):
    services.delete_key_item(item=_create(key, article, teacher), by=teacher)
    assert not KeyItem.objects.exists()


def test_accept_suggestion_makes_an_item_on_the_suggested_words(key, article, teacher):
    s = next(x for x in suggest(article.body_text) if x.kind == "numbers")
    item = services.accept_suggestion(
        key=key,
        article=article,
        start=s.start,
        end=s.end,
        kind=s.kind,
        category="numbers",
        explanation="Hm",
        by=teacher,
    )
    assert item.exact == article.body_text[s.start : s.end]
    assert s not in selectors.list_key_suggestions(key, article, [item])


@pytest.mark.parametrize("shift", [(0, 1), (1, 0), (-1, 0)])
def test_accept_or_dismiss_refuses_a_span_that_is_not_offered(key, article, teacher, shift):
    s = next(x for x in suggest(article.body_text) if x.kind == "numbers")
    span = {"start": s.start + shift[0], "end": s.end + shift[1], "kind": s.kind}
    with pytest.raises(ValidationError, match="no longer offered"):
        services.accept_suggestion(key=key, article=article, category="numbers", by=teacher, **span)
    with pytest.raises(ValidationError, match="no longer offered"):
        services.dismiss_suggestion(key=key, article=article, by=teacher, **span)
    assert not KeyItem.objects.exists() and not DismissedSuggestion.objects.exists()


def test_dismissed_suggestion_does_not_come_back_and_dismissing_twice_is_harmless(key, article, teacher):
    s = next(x for x in suggest(article.body_text) if x.kind == "sourcing")
    for _ in range(2):
        services.dismiss_suggestion(key=key, article=article, start=s.start, end=s.end, kind=s.kind, by=teacher)
    assert DismissedSuggestion.objects.count() == 1
    assert s not in selectors.list_key_suggestions(key, article, [])


def test_suggestions_leave_out_spans_already_in_the_key_in_their_category(key, article, teacher):
    offered = selectors.list_key_suggestions(key, article, [])
    number = next(x for x in offered if x.kind == "numbers" and "300" in article.body_text[x.start : x.end])
    rhetoric = _create(key, article, teacher, category="rhetoric")  # same words, another category
    assert number in selectors.list_key_suggestions(key, article, [rhetoric])
    numbers = _create(key, article, teacher, phrase="300 troops")
    assert number not in selectors.list_key_suggestions(key, article, [rhetoric, numbers])


def test_key_comparison_create_update_delete(key, article, teacher):
    a = _create(key, article, teacher)
    b = _create(key, article, teacher, phrase="modern-day Stalingrad", category="rhetoric")
    comparison = services.create_key_comparison(
        key=key, title="  Troops  ", relation="contradict", items=[a, b], explanation="Why", by=teacher
    )
    assert (comparison.title, comparison.position, set(comparison.items.all())) == ("Troops", 1, {a, b})
    services.update_key_comparison(comparison=comparison, title="T2", relation="agree", items=[a, b], by=teacher)
    comparison.refresh_from_db()
    assert (comparison.title, comparison.relation) == ("T2", "agree")
    services.delete_key_comparison(comparison=comparison, by=teacher)
    assert not KeyComparison.objects.exists()


def test_key_comparison_refuses_one_item_foreign_items_and_bad_relation(key, article, teacher):
    a = _create(key, article, teacher)
    foreign_key = factories.ReferenceKeyFactory()
    factories.LessonArticleFactory(lesson=foreign_key.lesson, article=article)
    foreign = factories.key_item_for(foreign_key, article, "modern-day Stalingrad", category="rhetoric")
    cases = [
        ({"items": [a]}, "items"),
        ({"items": [a, a]}, "items"),
        ({"items": [a, foreign]}, "items"),
        ({"items": [a, foreign], "relation": "maybe"}, "relation"),
        ({"items": [a, foreign], "title": " "}, "title"),
    ]
    for change, field in cases:
        fields = {"title": "T", "relation": "agree", **change}
        with pytest.raises(ValidationError) as error:
            services.create_key_comparison(key=key, by=teacher, **fields)
        assert field in error.value.message_dict
    assert not KeyComparison.objects.exists()


def test_key_writes_without_an_acting_user_are_refused(key, article, teacher):
    """Services fail closed: a caller that does not say who acts (by=None) is refused, never let through."""
    item, comparison = _item_and_comparison(key, article, teacher)
    for write in (
        lambda: _create(key, article, None, phrase="according to the general staff"),
        lambda: services.update_key_item(item=item, explanation="Rewritten", by=None),
        lambda: services.delete_key_item(item=item, by=None),
        lambda: services.update_key_comparison(
            comparison=comparison, title="Anyone's", relation="contradict", items=[item, item], by=None
        ),
        lambda: services.delete_key_comparison(comparison=comparison, by=None),
    ):
        with pytest.raises(PermissionDenied):
            write()
    assert KeyItem.objects.count() == 2 and KeyComparison.objects.get().title == "T"
