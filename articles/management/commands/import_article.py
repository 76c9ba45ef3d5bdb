"""Create an article from a .txt or .md file: ``manage.py import_article PATH [options]``."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles import importing
from articles.models import Article


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date must be YYYY-MM-DD, got “{value}”.") from None


class Command(BaseCommand):
    help = (
        "Create an article from a UTF-8 .txt or .md file. A .txt file's wording is kept exactly (Markdown "
        "characters are escaped); without --title its first line is the headline and stays in the text."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="the .txt or .md file")
        parser.add_argument("--title", default="", help="title; default: the file's first line (its headline)")
        parser.add_argument(
            "--editorial-title",
            action="store_true",
            help="the title was written for the lesson (the outlet gave none); requires --title",
        )
        parser.add_argument("--outlet", default="")
        parser.add_argument("--author", default="")
        parser.add_argument("--date", type=_date, default=None, help="publication date, YYYY-MM-DD")
        parser.add_argument("--url", default="", help="original URL")

    def handle(self, *args, path: str, title: str, editorial_title: bool, **options) -> None:
        if editorial_title and not title.strip():
            raise CommandError("--editorial-title needs --title: the title you are supplying.")
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        max_bytes = settings.ARTICLE_UPLOAD_MAX_BYTES
        try:
            importing.check_filename(file.name)
            importing.check_size(file.stat().st_size, max_bytes=max_bytes)
            imported = importing.import_file(file.read_bytes(), filename=file.name, title=title, max_bytes=max_bytes)
        except importing.ImportProblem as problem:
            raise CommandError(f"{file}: {problem}") from None
        article = Article(
            title=imported.title,
            title_is_editorial=editorial_title,
            outlet=options["outlet"].strip(),
            author=options["author"].strip(),
            published_on=options["date"],
            original_url=options["url"].strip(),
            body_markdown=imported.body_markdown,
        )
        try:
            article.full_clean()
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
            raise CommandError(f"{file}: {problems}") from None
        article.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported article {article.pk}: “{article.title}” ({len(article.body_text):,} characters)."
            )
        )
