"""revise_article against generated corrections of known truth (tests/teaching/text/corrections.py).

The service moves most highlights with set-based UPDATEs and places only those near an edit one by one;
every row must end exactly where the pure module places it, the admin's counts must be what happened,
and no highlight may land on other words.
"""

import pytest
from django.db.models import F

from articles.models import Article
from articles.rendering import render
from teaching import services
from teaching.models import Annotation, KeyItem
from teaching.text import anchoring
from tests import factories
from tests.teaching.text import corrections


def _markdown(text: str) -> str | None:
    """Markdown whose text is exactly ``text`` (paragraphs one per line), or None if Markdown would change it."""
    source = "\n\n".join(text.split("\n"))
    return source if render(source)[1] == text else None


def _cases(seed: int, count: int, highlights: int):
    usable = []
    for case in corrections.generate(seed=seed, count=count, highlights=highlights):
        old, new = _markdown(case.old), _markdown(case.new)
        if old and new:
            usable.append((case, old, new))
    assert len(usable) >= count * 3 // 4  # most corrections survive the round trip through Markdown
    return usable


@pytest.mark.django_db
def test_revise_article_places_every_row_where_the_pure_module_does(submission, admin_user):
    outcomes = corrections.Table()
    key = factories.ReferenceKeyFactory(lesson=submission.assignment.lesson)
    for case, old_md, new_md in _cases(seed=23, count=40, highlights=30):
        article = factories.ArticleFactory(body_markdown=old_md)
        revision = article.current_revision
        spans = dict(
            category="numbers", article=article, revision=revision, anchor_status=Annotation.AnchorStatus.ANCHORED
        )
        rows = Annotation.objects.bulk_create(
            Annotation(
                submission=submission,
                start=s.start,
                end=s.end,
                exact=s.exact,
                prefix=s.prefix,
                suffix=s.suffix,
                **spans,
            )
            for s in case.selectors
        )
        items = KeyItem.objects.bulk_create(
            KeyItem(
                key=key,
                start=s.start,
                end=s.end,
                exact=s.exact,
                prefix=s.prefix,
                suffix=s.suffix,
                explanation="Why",
                **spans,
            )
            for s in case.selectors[:5]
        )
        report = services.revise_article(article=article, body_markdown=new_md, by=admin_user)
        article.refresh_from_db()
        assert article.body_text == case.new
        reanchorer = anchoring.Reanchorer(case.old, case.new)
        expected = {"kept": 0, "moved": 0, "orphaned": 0}
        by_pk = {a.pk: a for a in Annotation.objects.filter(article=article)}
        for sel, row in zip(case.selectors, rows, strict=True):
            placement = reanchorer.place(start=sel.start, end=sel.end, exact=sel.exact)
            expected[placement.status] += 1
            saved = by_pk[row.pk]
            if placement.is_orphaned:
                assert (saved.anchor_status, saved.revision_id) == ("orphaned", revision.pk)
                assert (saved.start, saved.end, saved.exact, saved.prefix, saved.suffix) == (
                    sel.start,
                    sel.end,
                    sel.exact,
                    sel.prefix,
                    sel.suffix,
                )
            else:
                fresh = anchoring.select(case.new, placement.start, placement.end, placement.exact)
                assert (saved.anchor_status, saved.revision_id) == ("anchored", report.revision.pk)
                assert (saved.start, saved.end, saved.exact, saved.prefix, saved.suffix) == (
                    fresh.start,
                    fresh.end,
                    fresh.exact,
                    fresh.prefix,
                    fresh.suffix,
                )
            outcomes.add(case.kind, corrections.judge(case, sel, _as_placement(saved, placement.status)))
        assert (report.kept, report.moved, report.orphaned) == (
            expected["kept"],
            expected["moved"],
            expected["orphaned"],
        )
        assert sorted(report.orphan_ids) == sorted(pk for pk, a in by_pk.items() if a.anchor_status == "orphaned")
        assert report.key_items.total == len(items)
    total = outcomes.total
    assert total["misplaced"] == total["stretched"] == total["shrunk"] == 0, outcomes.format()
    assert total["moved"] and total["set aside"] and total["kept"]


def _as_placement(row, status):
    if row.anchor_status == "orphaned":
        return anchoring.Placement("orphaned")
    return anchoring.Placement(status, row.start, row.end, row.exact)


@pytest.mark.django_db
def test_revise_article_diffs_again_when_another_correction_landed_meanwhile(submission, article, monkeypatch):
    """The diff is made before the lock; if the text changed meanwhile the rows follow what is there now."""
    annotation = factories.annotation_for(submission, article, "300 troops")
    real = anchoring.Reanchorer
    calls = []

    def first_diff_then_someone_else_corrects(old, new):
        calls.append(old)
        if len(calls) == 1:  # between the diff and the lock, another admin inserts a sentence at the top
            Article.objects.filter(pk=article.pk).update(body_text="Breaking. " + old)
            Annotation.objects.filter(pk=annotation.pk).update(start=F("start") + 10, end=F("end") + 10)
        return real(old, new)

    monkeypatch.setattr(anchoring, "Reanchorer", first_diff_then_someone_else_corrects)
    body = article.body_markdown.replace("Officials said", "Officials have said")
    services.revise_article(article=article, body_markdown=body, by=factories.AdminFactory())
    annotation.refresh_from_db()
    article.refresh_from_db()
    assert len(calls) == 2 and calls[1].startswith("Breaking. ")
    assert article.body_text[annotation.start : annotation.end] == annotation.exact == "300 troops"
