"""Finish moving highlights onto corrected articles' texts, after a correction was interrupted.

A correction (``teaching.services.revise_article``) commits the new text first and then moves the students'
highlights onto it in short batches. Were the process killed in between, the highlights not yet moved point
into the older text: they are not shown (never on other words) until they are moved. This moves them, by the
same rules; the next correction of the same article would too. Safe to run at any time, and again: a
highlight already on its article's text is never touched.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db.models import F

from teaching.models import Annotation
from teaching.services.revisions import settle_highlights


class Command(BaseCommand):
    help = "Move the highlights an interrupted correction left on an older text onto the article's text."

    def handle(self, *args, **options) -> None:
        behind = (
            Annotation.objects.filter(anchor_status=Annotation.AnchorStatus.ANCHORED, revision__isnull=False)
            .exclude(article__text_revision__isnull=True)
            .exclude(revision_id=F("article__text_revision_id"))
            .values_list("article_id", flat=True)
            .distinct()
            .order_by("article_id")
        )
        articles = list(behind)
        for article_id in articles:
            report = settle_highlights(article_id=article_id)
            self.stdout.write(
                f"Article {article_id}: {report.kept:,} highlights kept their words, {report.moved:,} moved with "
                f"the text, {report.orphaned:,} set aside."
            )
        if not articles:
            self.stdout.write("Every highlight is on its article's current text.")
