"""Load the launch lesson "Pokrovsk: four reports" from fixtures/pokrovsk/. Safe to run again.

The fixture decides each article's title, editorial-title flag and text, and the lesson's
title, introduction and order. Outlet, author, date and URL are unknown in the fixture, so
whatever an admin has filled in since is kept. Articles are found again through the lesson
(so a renamed article is not duplicated), otherwise by title.

Running it again never undoes a person's work: a lesson changed since it was loaded (``Lesson.edited_at``,
set by the lesson builder and the admin) is left entirely as it is; otherwise an article whose current text
is a person's revision keeps it (a corrected fixture only replaces text the loader wrote).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article
from teaching.models import Lesson, LessonArticle
from teaching.services import revise_article, system_actor

FIXTURE_DIR = Path(settings.BASE_DIR) / "fixtures" / "pokrovsk"


class Command(BaseCommand):
    help = "Create or update the launch lesson “Pokrovsk: four reports” and its four articles (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dir", dest="directory", default=str(FIXTURE_DIR), help="folder holding lesson.json and the .md files"
        )

    def handle(self, *args, directory: str, **options) -> None:
        folder = Path(directory)
        spec = self._read_spec(folder)
        self.changes: list[str] = []
        with transaction.atomic():
            lesson = Lesson.objects.filter(title=spec["title"], owner__isnull=True).first()
            if lesson is not None and lesson.edited_at is not None:
                self.stdout.write(f"The lesson “{lesson.title}” has been edited since it was loaded: left as it is.")
                return
            by_position = (
                {la.position: la.article for la in lesson.lesson_articles.select_related("article")} if lesson else {}
            )
            articles = [
                self._article(item, folder=folder, existing=by_position.get(position))
                for position, item in enumerate(spec["articles"], start=1)
            ]
            lesson = self._lesson(lesson, spec, articles)
        if self.changes:
            for change in self.changes:
                self.stdout.write(f"  {change}")
            self.stdout.write(self.style.SUCCESS(f"Loaded the lesson “{lesson.title}” ({len(articles)} articles)."))
        else:
            self.stdout.write(f"The lesson “{lesson.title}” and its {len(articles)} articles are up to date.")

    def _read_spec(self, folder: Path) -> dict:
        try:
            spec = json.loads((folder / "lesson.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"No lesson.json in {folder}") from None
        except json.JSONDecodeError as error:
            raise CommandError(f"{folder / 'lesson.json'} is not valid JSON: {error}") from None
        for item in spec["articles"]:
            path = folder / item["file"]
            if not path.is_file():
                raise CommandError(f"lesson.json lists {item['file']}, which is not in {folder}")
            item["body_markdown"] = path.read_text(encoding="utf-8")
        return spec

    def _article(self, item: dict, *, folder: Path, existing: Article | None) -> Article:
        article = existing or Article.objects.filter(title=item["title"]).first()
        if article is None:
            article = Article(
                title=item["title"],
                title_is_editorial=item["title_is_editorial"],
                body_markdown=item["body_markdown"],
            )
            self._save(article, item)
            self.changes.append(f"created article “{article.title}”")
            return article
        changed = []
        if article.title != item["title"]:
            article.title = item["title"]
            changed.append("title")
        if article.title_is_editorial != item["title_is_editorial"]:
            article.title_is_editorial = item["title_is_editorial"]
            changed.append("editorial-title flag")
        if changed:
            self._save(article, item)
        revision = article.current_revision
        if revision is not None and revision.created_by_id is not None:
            if article.body_markdown != item["body_markdown"]:
                self.stdout.write(f"  kept the text of “{article.title}”: revised by {revision.author_display}")
        elif article.body_markdown != item["body_markdown"]:
            # A corrected fixture becomes the next revision; students' highlights are re-anchored.
            try:
                report = revise_article(
                    article=article,
                    body_markdown=item["body_markdown"],
                    by=system_actor(f"load_launch_lesson: {item['file']}"),
                    note=f"Loaded from {item['file']}",
                )
            except ValidationError as error:
                raise CommandError(f"{item['file']}: {'; '.join(error.messages)}") from None
            changed.append("text")
            if report.total:
                review = " Review them in the admin (the article's “could not place” page)." if report.orphaned else ""
                self.stdout.write(f"  “{article.title}”: {report.summary()}{review}")
        if changed:
            self.changes.append(f"updated {', '.join(changed)} of “{article.title}”")
        return article

    def _save(self, article: Article, item: dict) -> None:
        try:
            article.full_clean()
        except ValidationError as error:
            raise CommandError(f"{item['file']}: {'; '.join(error.messages)}") from None
        article.save()

    def _lesson(self, lesson: Lesson | None, spec: dict, articles: list[Article]) -> Lesson:
        if lesson is None:
            # The launch lesson belongs to the site (no owner): teachers copy it rather than edit it.
            lesson = Lesson.objects.create(title=spec["title"], introduction=spec["introduction"])
            self.changes.append(f"created lesson “{lesson.title}”")
        elif lesson.introduction != spec["introduction"]:
            lesson.introduction = spec["introduction"]
            lesson.save(update_fields=["introduction"])
            self.changes.append("updated the lesson introduction")
        current = {la.article_id: la for la in lesson.lesson_articles.all()}
        for position, article in enumerate(articles, start=1):
            link = current.pop(article.pk, None)
            if link is None:
                LessonArticle.objects.create(lesson=lesson, article=article, position=position)
                self.changes.append(f"added “{article.title}” to the lesson at position {position}")
            elif link.position != position:
                link.position = position
                link.save(update_fields=["position"])
                self.changes.append(f"moved “{article.title}” to position {position}")
        for extra in current.values():
            # Added by an admin since: never removed here (assignments may use it), only reported.
            self.stdout.write(f"  left in place: “{extra.article}” (position {extra.position}), not in the fixture")
        return lesson
