"""The reference key in the admin: items read-only where they sit, editable in what they say."""

import pytest
from django.urls import reverse

from teaching.models import KeyComparison, KeyItem
from tests import factories


@pytest.fixture
def key_with_items(lesson, article):
    key = factories.ReferenceKeyFactory(lesson=lesson)
    a = factories.key_item_for(key, article, "approximately 300 troops", explanation="Old")
    b = factories.key_item_for(key, article, "modern-day Stalingrad", category="rhetoric")
    comparison = KeyComparison.objects.create(key=key, title="T", relation="agree", explanation="E")
    comparison.items.set([a, b])
    return key, a, b, comparison


def test_key_admin_pages_load_with_the_key_mode_link(admin_client, key_with_items):
    key, _a, _b, comparison = key_with_items
    assert admin_client.get(reverse("admin:teaching_referencekey_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:teaching_referencekey_change", args=[key.pk])).content.decode()
    assert reverse("teaching:key_start", args=[key.lesson_id]) in page
    assert "approximately 300 troops" in page
    assert admin_client.get(reverse("admin:teaching_keycomparison_change", args=[comparison.pk])).status_code == 200


def _formset_data(page_context, changes):
    """The change form's own data, as the browser would post it, with `changes` applied."""
    data = {}
    for formset in page_context["inline_admin_formsets"]:
        fs = formset.formset
        prefix = fs.prefix
        data[f"{prefix}-TOTAL_FORMS"] = fs.total_form_count()
        data[f"{prefix}-INITIAL_FORMS"] = fs.initial_form_count()
        for i, form in enumerate(fs.forms):
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value is None:
                    continue
                if isinstance(value, list):
                    data[f"{prefix}-{i}-{name}"] = [getattr(v, "pk", v) for v in value]
                else:
                    data[f"{prefix}-{i}-{name}"] = getattr(value, "pk", value)
    data.update(changes)
    return data


def test_admin_edits_an_items_explanation_and_category_but_not_where_it_sits(admin_client, key_with_items):
    key, a, _b, _comparison = key_with_items
    url = reverse("admin:teaching_referencekey_change", args=[key.pk])
    page = admin_client.get(url)
    items_prefix = next(f.formset.prefix for f in page.context["inline_admin_formsets"] if f.formset.model is KeyItem)
    index = next(i for i, f in enumerate(page.context["inline_admin_formsets"][0].formset.forms) if f.instance == a)
    data = _formset_data(
        page.context,
        {
            f"{items_prefix}-{index}-explanation": "New words",
            f"{items_prefix}-{index}-category": "sourcing",
            f"{items_prefix}-{index}-start": 0,  # read-only: ignored
        },
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    a.refresh_from_db()
    assert (a.explanation, a.category, a.exact) == ("New words", "sourcing", "approximately 300 troops")


def test_admin_comparison_needs_two_items_of_its_key(admin_client, key_with_items):
    key, a, _b, comparison = key_with_items
    other = factories.key_item_for(factories.ReferenceKeyFactory(), a.article, "modern-day Stalingrad")
    url = reverse("admin:teaching_keycomparison_change", args=[comparison.pk])
    base = {"key": key.pk, "position": 1, "title": "T", "relation": "agree", "explanation": "E"}
    response = admin_client.post(url, {**base, "items": [a.pk]})
    assert response.status_code == 200 and "at least two key items" in response.content.decode()
    response = admin_client.post(url, {**base, "items": [a.pk, other.pk]})
    assert response.status_code == 200
    assert set(comparison.items.values_list("pk", flat=True)) != {a.pk, other.pk}


def test_admin_changes_to_comparisons_mark_the_key_edited_so_make_run_leaves_it_alone(admin_client, key_with_items):
    key, a, b, comparison = key_with_items
    assert key.edited_at is None
    url = reverse("admin:teaching_keycomparison_change", args=[comparison.pk])
    base = {"key": key.pk, "position": 1, "title": "Renamed", "relation": "agree", "explanation": "E"}
    assert admin_client.post(url, {**base, "items": [a.pk, b.pk]}).status_code == 302
    key.refresh_from_db()
    edited = key.edited_at
    assert edited is not None
    admin_client.post(reverse("admin:teaching_keycomparison_delete", args=[comparison.pk]), {"post": "yes"})
    key.refresh_from_db()
    assert not KeyComparison.objects.exists() and key.edited_at >= edited
