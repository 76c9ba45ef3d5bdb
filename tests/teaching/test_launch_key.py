"""The launch lesson ships with a full reference key: every row of the teacher's notes, and the comparisons."""

import io
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from teaching.models import KeyComparison, KeyItem, Lesson, ReferenceKey

NOTES = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk" / "notes.md"  # the teacher's notes
FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"
FILES = {
    "000": "000_6575d206fcadeba1",
    "001": "001_18aedc8948f32e47",
    "002": "002_435f9cf57dbe2614",
    "003": "003_9e0a65f48a0efc82",
}


def _notes_rows() -> list[tuple[str, str, str]]:
    """(category, article code, quote) for every row of the three tables in the notes."""
    rows, category = [], None
    for line in NOTES.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (Numbers|Sourcing|Rhetoric)", line)
        if heading:
            category = heading.group(1).lower()
        elif line.startswith("## "):
            category = None
        elif category and (row := re.match(r"\| (\d{3}) \| `(.+?)`", line)):
            rows.append((category, row.group(1), row.group(2)))
    return rows


def _load(**kwargs) -> str:
    out = io.StringIO()
    call_command("load_launch_key", stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture
def launch(db):
    call_command("load_launch_lesson", stdout=io.StringIO())
    _load()
    return Lesson.objects.get(title="Pokrovsk: four reports")


def _snapshot():
    items = sorted(KeyItem.objects.values_list("pk", "article_id", "category", "start", "end", "exact", "explanation"))
    comparisons = sorted(
        (c.pk, c.title, c.relation, c.explanation, tuple(sorted(c.items.values_list("pk", flat=True))))
        for c in KeyComparison.objects.all()
    )
    return items, comparisons


def test_every_row_of_the_notes_is_an_item_of_the_loaded_key(launch):
    rows = _notes_rows()
    counts = {c: sum(1 for row in rows if row[0] == c) for c in ("numbers", "sourcing", "rhetoric")}
    assert counts == {"numbers": 21, "sourcing": 12, "rhetoric": 11}
    key = launch.reference_key
    for category, code, quote in rows:
        matches = KeyItem.objects.filter(
            key=key, category=category, exact=quote, article__lesson_articles__lesson=launch
        )
        matches = [
            item for item in matches if item.article.lesson_articles.get(lesson=launch).position == int(code) + 1
        ]
        assert len(matches) == 1, f"{code} {category}: {quote!r}"
        assert matches[0].explanation.strip()
        assert matches[0].article.body_text[matches[0].start : matches[0].end] == quote


def test_the_eight_comparisons_link_at_least_two_items_each(launch):
    comparisons = list(launch.reference_key.comparisons.prefetch_related("items"))
    assert len(comparisons) == 8
    assert [c.position for c in comparisons] == list(range(1, 9))
    for comparison in comparisons:
        assert comparison.items.count() >= 2, comparison.title
        assert comparison.explanation.strip()
    relations = {c.title: c.relation for c in comparisons}
    assert relations["Two ratios that look alike"] == "different"
    assert relations["Where the reports agree"] == "agree"


def test_every_item_sits_on_its_words_with_an_explanation_of_one_to_three_sentences(launch):
    for item in KeyItem.objects.filter(key=launch.reference_key).select_related("article"):
        assert item.article.body_text[item.start : item.end] == item.exact
        assert item.prefix == item.article.body_text[max(0, item.start - 32) : item.start]
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", item.explanation.strip()) if s]
        assert 1 <= len(sentences) <= 3, item.explanation


def test_loading_twice_changes_nothing(launch):
    before = _snapshot()
    assert "up to date" in _load()
    assert _snapshot() == before
    assert ReferenceKey.objects.count() == 1


def test_a_teachers_edit_survives_loading_again(launch):
    item = KeyItem.objects.filter(key=launch.reference_key).first()
    item.explanation = "My own words."
    item.save()
    _load()
    item.refresh_from_db()
    assert item.explanation == "My own words."


def _fixture_dir(tmp_path, mutate) -> str:
    spec = json.loads((FIXTURES / "key.json").read_text(encoding="utf-8"))
    mutate(spec)
    (tmp_path / "key.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lesson.json").write_text((FIXTURES / "lesson.json").read_text(encoding="utf-8"), encoding="utf-8")
    return str(tmp_path)


def _missing(spec):
    spec["items"][0]["quote"] = "could rage on for 5 years"


def _ambiguous(spec):
    spec["items"].append(
        {"article": spec["items"][0]["article"], "category": "rhetoric", "quote": "Pokrovsk", "explanation": "x"}
    )


def _no_explanation(spec):
    spec["items"][3]["explanation"] = " "


def _dangling_comparison(spec):
    spec["comparisons"][0]["items"][0]["quote"] = "not an item"


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (_missing, "is not in 000"),
        (_ambiguous, "occurs .* times .* say which with “occurrence”"),
        (_no_explanation, "no explanation"),
        (_dangling_comparison, "is not an item of the key"),
    ],
)
def test_a_fixture_that_does_not_fit_fails_loudly_and_writes_nothing(db, tmp_path, mutate, message):
    call_command("load_launch_lesson", stdout=io.StringIO())
    with pytest.raises(CommandError, match=message):
        _load(directory=_fixture_dir(tmp_path, mutate))
    assert not KeyItem.objects.exists() and not ReferenceKey.objects.exists()


def test_without_the_lesson_the_command_says_what_to_run(db):
    with pytest.raises(CommandError, match="Run load_launch_lesson first"):
        _load()


def test_setup_demo_loads_the_key(db):
    call_command("setup_demo", stdout=io.StringIO())
    assert KeyItem.objects.count() == 50 and KeyComparison.objects.count() == 8
