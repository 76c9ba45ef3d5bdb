"""What creating any anchored span (a student's highlight, a reference-key item) has in common."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet

from articles.models import Article, ArticleRevision
from teaching import rows
from teaching.models import AnchoredSpan
from teaching.text import anchoring

__all__: list[str] = []  # internal to the services package


def select_in_current_text(
    article: Article, start: int, end: int, exact: str
) -> tuple[Article, anchoring.TextSelector]:
    """Check a new span against the article's text as it is now, under the article's row lock.

    A correction saved since the page was loaded (teaching.services.revise_article) must not receive
    offsets into the old text: the mismatch is refused with a message that says to reload.
    """
    current = _lock_for_reading(article.pk)
    try:
        return current, anchoring.select(current.body_text, start, end, exact)
    except anchoring.QuoteMismatch as error:
        raise ValidationError(str(error)) from error


def _lock_for_reading(pk: int) -> Article:
    """The article's text under a lock that a correction must wait for, and that waits for a correction.

    On PostgreSQL a shared row lock (FOR SHARE): a class saving on one article saves side by side, and
    ``revise_article`` (FOR UPDATE) waits until they are done, as they wait for it. (FOR UPDATE here made
    every save of a class on one article wait for the one before it.) SQLite has no row locks: its
    IMMEDIATE transactions already take the database's write lock.

    The same row gives the id of the revision whose text this is (``text_revision``, written with the text;
    the latest revision for an article from before it was recorded), which a new span records: a correction
    cannot slip in between, and a save needs no query of its own for it. (Read from the locked row itself:
    on PostgreSQL a save that waited for a correction's lock gets the row as the correction left it, text and
    revision together, while a subquery would still see the statement's older snapshot, without the new
    revision — and a highlight on the new text recorded on the old revision would be moved again.)
    """
    table, column = Article._meta.db_table, Article._meta.pk.column
    revisions = ArticleRevision._meta.db_table
    # In SQL written here on every database (the ORM's subquery annotation cost a save more to build than to run).
    sql = (
        f'SELECT "{column}", "body_text", COALESCE("text_revision_id", (SELECT r."id" FROM "{revisions}" r '  # noqa: S608
        f'WHERE r."article_id" = "{table}"."{column}" ORDER BY r."number" DESC LIMIT 1)) AS "latest_revision_id" '
        f'FROM "{table}" WHERE "{column}" = %s'
    )
    if connection.vendor == "postgresql":
        sql += " FOR SHARE"
    row = rows.fetchone(sql, [pk])
    if row is None:
        raise Article.DoesNotExist
    # The article's id and text alone (its other fields deferred, as ``raw`` left them), built directly: a raw
    # queryset's column mapping cost a save more than the row.
    current = Article.from_db(connection.alias, ["id", "body_text"], row[:2])
    current.latest_revision_id = row[2]
    return current


def span_fields(current: Article, selector: anchoring.TextSelector) -> dict:
    """The selector columns of a new span, recorded on the revision it was made on (its id alone, read with the
    text under the lock by ``select_in_current_text``: the revision's texts are not needed to save a span)."""
    return {
        "start": selector.start,
        "end": selector.end,
        "exact": selector.exact,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "revision_id": current.latest_revision_id,
    }


# Foreign keys a new span is given from rows the service has just read (or locked): checking that they exist
# again is a query each that proves nothing.
_READ_FOREIGN_KEYS = ("submission", "key", "article", "revision", "created_by")


def check_span(span: AnchoredSpan, *, exclude: tuple[str, ...] = ()) -> None:
    """``full_clean`` for a span a service is about to save, without the queries that prove nothing: the
    foreign keys (read by the service) and the constraints the database enforces anyway — the end after the
    start (``anchoring.select`` refused an empty span already) and the client key (looked up first; two
    saves with one key are serialised by the write lock)."""
    span.full_clean(exclude=[*_READ_FOREIGN_KEYS, *exclude], validate_unique=False, validate_constraints=False)


def anchored_on(spans: QuerySet, selector: anchoring.TextSelector, category: str) -> QuerySet:
    """The anchored spans already on exactly these characters in this category, oldest first."""
    if hasattr(spans, "on_current_text"):
        spans = spans.on_current_text()  # a highlight still being moved has offsets into the older text
    return spans.filter(
        start=selector.start,
        end=selector.end,
        category=category,
        anchor_status=AnchoredSpan.AnchorStatus.ANCHORED,
    ).order_by("pk")


def find_anchored(
    spans: QuerySet, selector: anchoring.TextSelector, category: str, *, comment: str | None = None
) -> AnchoredSpan | None:
    """The anchored span already on exactly these characters in this category (and with this ``comment``,
    when given), if any (idempotent creates)."""
    same = anchored_on(spans, selector, category)
    if comment is not None:
        same = same.filter(comment=comment)
    return same.first()
