"""Load the reference key of the launch lesson "Pokrovsk: four reports" from fixtures/pokrovsk/key.json.

Run after ``load_launch_lesson`` (``setup_demo`` does both). Safe to run again: once a person has changed
the key (``ReferenceKey.edited_at``, set by every key service and by the admin), nothing is written at all —
an item someone deleted must not come back. While nobody has, only what is missing is added: an item already
in the key at the same place in the same article, or a comparison with the same title, is left as it is.
Nothing is ever deleted.

Each item names its article file (as in lesson.json), its category, its quote verbatim and, where the
quote occurs more than once in the article's text, which occurrence (0-based). Quotes are located in
``body_text``, the text students highlight; a missing quote, or a repeated one without an occurrence,
stops the command before anything is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from teaching import categories as category_defs
from teaching.models import KeyComparison, KeyItem, Lesson, ReferenceKey, Relation
from teaching.text import anchoring

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"


def occurrences(text: str, quote: str) -> list[int]:
    found, at = [], text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


class Command(BaseCommand):
    help = "Add the launch lesson's reference key (items and comparisons) from fixtures/pokrovsk/key.json (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dir", dest="directory", default=str(FIXTURE_DIR), help="folder holding lesson.json and key.json"
        )

    def handle(self, *args, directory: str, **options) -> None:
        folder = Path(directory)
        spec = self._read(folder / "key.json")
        positions = {item["file"]: n for n, item in enumerate(self._read(folder / "lesson.json")["articles"], start=1)}
        lesson = Lesson.objects.filter(title=spec["lesson"], owner__isnull=True).first()
        if lesson is None:
            raise CommandError(f"No lesson “{spec['lesson']}”. Run load_launch_lesson first.")
        key = ReferenceKey.objects.filter(lesson=lesson).first()
        if lesson.edited_at is not None or (key is not None and key.edited_at is not None):
            counts = f" ({key.items.count()} items, {key.comparisons.count()} comparisons)" if key else ""
            self.stdout.write(
                f"The reference key of “{lesson.title}” has been edited since it was loaded: left as it is{counts}."
            )
            return
        articles = {la.position: la.article for la in lesson.lesson_articles.select_related("article")}

        # Locate every quote first: a fixture that does not fit the text writes nothing.
        located, errors = {}, []
        for n, entry in enumerate(spec["items"], start=1):
            try:
                located[self._ref(entry)] = self._locate(entry, positions, articles)
            except CommandError as error:
                errors.append(f"item {n}: {error}")
            if entry.get("category") not in category_defs.BY_VALUE:
                errors.append(f"item {n}: unknown category {entry.get('category')!r}")
            if not (entry.get("explanation") or "").strip():
                errors.append(f"item {n}: no explanation")
        for comparison in spec["comparisons"]:
            if comparison["relation"] not in Relation.values:
                errors.append(f"comparison “{comparison['title']}”: unknown relation {comparison['relation']!r}")
            for member in comparison["items"]:
                if self._ref(member) not in located:
                    errors.append(f"comparison “{comparison['title']}”: {member['quote']!r} is not an item of the key")
            if len(comparison["items"]) < 2:
                errors.append(f"comparison “{comparison['title']}”: needs at least two items")
        if errors:
            raise CommandError("key.json does not fit the articles:\n  " + "\n  ".join(errors))

        with transaction.atomic():
            key, created_key = ReferenceKey.objects.get_or_create(lesson=lesson)
            items, added = {}, 0
            for entry in spec["items"]:
                article, start, end = located[self._ref(entry)]
                item, created = self._item(key, article, start, end, entry)
                items[self._ref(entry)] = item
                added += created
            compared = 0
            existing_titles = set(key.comparisons.values_list("title", flat=True))
            for position, comparison in enumerate(spec["comparisons"], start=1):
                if comparison["title"] in existing_titles:
                    continue
                made = KeyComparison(
                    key=key,
                    title=comparison["title"],
                    relation=comparison["relation"],
                    explanation=comparison["explanation"],
                    position=position,
                )
                made.full_clean()
                made.save()
                made.items.set([items[self._ref(member)] for member in comparison["items"]])
                compared += 1
        if added or compared or created_key:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Reference key of “{lesson.title}”: added {added} item{'s' if added != 1 else ''} and "
                    f"{compared} comparison{'s' if compared != 1 else ''}."
                )
            )
        else:
            self.stdout.write(f"The reference key of “{lesson.title}” is up to date ({len(items)} items).")

    # ------------------------------------------------------------------------------------------------

    def _read(self, path: Path) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"No {path.name} in {path.parent}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{path} is not valid JSON: {error}") from None

    @staticmethod
    def _ref(entry: dict) -> tuple[str, str, int | None]:
        return entry["article"], entry["quote"], entry.get("occurrence")

    def _locate(self, entry: dict, positions: dict, articles: dict):
        position = positions.get(entry["article"])
        article = articles.get(position)
        if article is None:
            raise CommandError(f"{entry['article']} is not an article of the lesson")
        found = occurrences(article.body_text, entry["quote"])
        if not found:
            raise CommandError(f"{entry['quote']!r} is not in {entry['article']}")
        occurrence = entry.get("occurrence")
        if occurrence is None:
            if len(found) > 1:
                raise CommandError(
                    f"{entry['quote']!r} occurs {len(found)} times in {entry['article']}: say which with “occurrence”"
                )
            occurrence = 0
        if not 0 <= occurrence < len(found):
            raise CommandError(f"{entry['quote']!r} has no occurrence {occurrence} in {entry['article']}")
        start = found[occurrence]
        return article, start, start + len(entry["quote"])

    def _item(self, key: ReferenceKey, article, start: int, end: int, entry: dict) -> tuple[KeyItem, bool]:
        existing = KeyItem.objects.filter(
            key=key, article=article, start=start, end=end, anchor_status=KeyItem.AnchorStatus.ANCHORED
        ).first()
        if existing is not None:
            return existing, False
        selector = anchoring.select(article.body_text, start, end, entry["quote"])
        item = KeyItem(
            key=key,
            article=article,
            category=entry["category"],
            start=selector.start,
            end=selector.end,
            exact=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            explanation=entry["explanation"].strip(),
            revision=article.current_revision,
        )
        try:
            item.full_clean()
        except ValidationError as error:
            raise CommandError(f"{entry['quote']!r}: {'; '.join(error.messages)}") from None
        item.save()
        return item, True
