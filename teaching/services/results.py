"""Kept results: each submission's highlights on each article, matched against the lesson's key once.

The teacher's class pages (the review, the class on the text, the key-item table) add these rows up
instead of re-matching every student against the key on every load. One row per submission × article
(``ArticleResult``) holds what those pages need: found / missed / extra per category, the key items
found, the words each category covers (merged word ranges, for the heatmap and agreement) and how many
highlights there are.

When a row is fresh
-------------------
A row records the inputs it was computed from: the submission's ``work_version``, a fingerprint of the
key items on that article, and the article's ``updated_at``. Every change to a student's highlights
bumps ``work_version`` in the same transaction (``note_work_changed``, called by the annotation and
re-attach services); a correction changes the article's ``updated_at`` in the transaction that
re-anchors its highlights; any change to the key (by any path: the key mode, the admin, a lesson copied
with its key) changes the fingerprint, which is read from the key items themselves. A row whose inputs
differ from the current ones is recomputed the next time a page needs it, and written back. So a save
costs one UPDATE more, whatever the class size, and a teacher's reload re-matches only the work that
changed since the last one.

The version is read before the highlights, so a save that lands in between leaves a row labelled
older than what it holds: it is recomputed once more, never trusted stale. Rows are upserted; two
pages computing the same row at once write the same figures.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from operator import add

from django.db import connection, transaction

from articles.models import Article
from teaching import categories as category_defs
from teaching import rows as rows_sql
from teaching.models import Annotation, ArticleResult, ClassArticleResult, KeyItem, LessonArticle, Submission
from teaching.text import agreement
from teaching.text.matching import Span, Tokens, match, tokenize

__all__ = [
    "KeptResult",
    "kept_results",
    "kept_rows",
    "note_work_changed",
]

ANCHORED = Annotation.AnchorStatus.ANCHORED


def note_work_changed(*, submission_id: int) -> None:
    """Call inside the transaction of any write that changes a submission's highlights (the hook).

    In SQL written here (every save runs it; the ORM's UPDATE cost ten times as much to build as to run)."""
    table, column = Submission._meta.db_table, Submission._meta.get_field("work_version").column
    with connection.cursor() as cursor:
        cursor.execute(f'UPDATE "{table}" SET "{column}" = "{column}" + 1 WHERE "id" = %s', [submission_id])  # noqa: S608


@dataclass(frozen=True)
class KeptResult:
    """One submission on one article, against the key (every category, so the assignment's may change)."""

    figures: dict[str, tuple[int, int, int]]  # category → (found, missed, extra)
    found_items: frozenset[int]  # key items found
    words: dict[str, list[tuple[int, int]]]  # category → merged word ranges [first, past last)
    highlights: dict[str, int]  # category → highlights on the words (anchored)
    set_aside: dict[str, int]  # category → highlights set aside by a correction


def _fingerprints(items: Iterable[KeyItem]) -> dict[int, str]:
    """Per article: a short digest of the anchored key items on it (what matching reads from the key)."""
    parts: dict[int, list[str]] = defaultdict(list)
    for item in items:
        parts[item.article_id].append(f"{item.pk},{item.category},{item.start},{item.end}")
    return {
        article: hashlib.blake2b(";".join(sorted(p)).encode(), digest_size=8).hexdigest()
        for article, p in parts.items()
    }


def _inputs(version: int, fingerprint: str, article_stamp) -> str:
    return f"{version}:{fingerprint}:{article_stamp.timestamp():.6f}"


_tokens: dict[tuple[int, float], Tokens] = {}


def tokens_for(article) -> Tokens:
    """The article's word tokens, kept per process for its current text (derived data, safe to rebuild)."""
    stamp = (article.pk, article.updated_at.timestamp())
    found = _tokens.get(stamp)
    if found is None:
        if len(_tokens) > 256:
            _tokens.clear()
        found = _tokens[stamp] = tokenize(article.body_text)
    return found


def compute_result(tokens: Tokens, key: list[Span], rows: list[tuple[str, int, int, str]]) -> KeptResult:
    """rows: (category, start, end, anchor_status) of one submission's highlights on one article."""
    spans = [Span(start, end, category) for category, start, end, status in rows if status == ANCHORED]
    scores = match(tokens, key, spans, category_defs.VALUES)
    figures = {c: (len(r.found), len(r.missed), len(r.extra)) for c, r in scores.categories.items()}
    found = frozenset(m.key.ref for r in scores.categories.values() for m in r.found)
    words = {}
    highlights: dict[str, int] = defaultdict(int)
    set_aside: dict[str, int] = defaultdict(int)
    by_category: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for category, start, end, status in rows:
        if status == ANCHORED:
            highlights[category] += 1
            by_category[category].append((start, end))
        else:
            set_aside[category] += 1
    for category, spans_here in by_category.items():
        words[category] = agreement.word_ranges(tokens, spans_here)
    return KeptResult(figures, found, words, dict(highlights), dict(set_aside))


def _from_row(figures, found_items, words, highlights, set_aside) -> KeptResult:
    return KeptResult(
        {c: tuple(v) for c, v in figures.items()},
        frozenset(found_items),
        {c: [tuple(r) for r in v] for c, v in (words or {}).items()},
        highlights,
        set_aside,
    )


def kept_results(
    *,
    lesson_articles: list[LessonArticle],
    key_items: list[KeyItem],
    versions: dict[int, int],
    article_ids: Iterable[int] | None = None,
    with_words: bool = True,
    with_figures: bool = True,
) -> dict[tuple[int, int], KeptResult]:
    """(submission id, article id) → its result, for the submissions in ``versions`` (id → work_version).

    ``lesson_articles`` need ``article.updated_at`` (and ``body_text`` is read only for rows that must be
    recomputed); ``key_items`` are the key's anchored items. Queries: the kept rows; then, only when some
    are missing or stale, the articles' texts, those submissions' highlights, and one upsert (with the
    class sums that count them). ``with_figures=False`` only makes the rows current, reading no figures,
    and returns each row's inputs instead of its result.
    """
    wanted_articles = {la.article_id: la.article for la in lesson_articles}
    if article_ids is not None:
        wanted_articles = {a: wanted_articles[a] for a in article_ids if a in wanted_articles}
    if not versions or not wanted_articles:
        return {}
    fingerprints = _fingerprints(key_items)
    expected = {
        (s, a): _inputs(v, fingerprints.get(a, "-"), article.updated_at)
        for s, v in versions.items()
        for a, article in wanted_articles.items()
    }
    fields = ["submission_id", "article_id", "inputs", "figures", "found_items", "highlights", "set_aside"]
    if with_words:
        fields.append("words")
    if not with_figures:
        fields = fields[:3]
    kept: dict[tuple[int, int], KeptResult | None] = {}
    for row in kept_rows(list(versions), list(wanted_articles), tuple(fields)):
        pair = (row[0], row[1])
        if expected.get(pair) == row[2]:
            kept[pair] = (
                _from_row(row[3], row[4], row[7] if with_words else {}, row[5], row[6]) if with_figures else None
            )
    stale = [pair for pair in expected if pair not in kept]
    if stale:
        recomputed = _recompute(stale, key_items, versions, fingerprints)
        if not with_figures:
            return expected
        kept.update(recomputed)
    return expected if not with_figures else kept


def kept_rows(submission_ids: list[int], article_ids: list[int], fields: tuple[str, ...]) -> list[list]:
    """``ArticleResult.objects.filter(submission_id__in=…, article_id__in=…).values_list(*fields)``, in SQL
    written here: every class page reads these rows on every load, and for a class of 160 the ORM spent more
    building the query (a parameter per submission) than the database spent running it."""
    if not submission_ids or not article_ids:
        return []
    table = ArticleResult._meta.db_table
    sql = (
        f'SELECT {rows_sql.columns(ArticleResult, fields)} FROM "{table}" '  # noqa: S608
        f'WHERE "{table}"."submission_id" IN ({", ".join(["%s"] * len(submission_ids))}) '
        f'AND "{table}"."article_id" IN ({", ".join(["%s"] * len(article_ids))})'
    )
    convert = rows_sql.converter(ArticleResult, fields)
    return [convert(values) for values in rows_sql.fetchall(sql, [*submission_ids, *article_ids])]


def _recompute(stale, key_items, versions, fingerprints) -> dict[tuple[int, int], KeptResult]:
    article_ids = {a for _, a in stale}
    # Text and stamp from one row: the row is labelled with the text it was matched on.
    articles = {
        a.pk: a
        for a in Article.objects.filter(pk__in=article_ids).only("pk", "body_text", "updated_at", "text_revision_id")
    }
    key: dict[int, list[Span]] = defaultdict(list)
    for item in key_items:
        key[item.article_id].append(Span(item.start, item.end, item.category, item.pk))
    rows: dict[tuple[int, int], list] = defaultdict(list)
    highlights = Annotation.objects.filter(
        submission_id__in={s for s, _ in stale}, article_id__in=article_ids
    ).values_list("submission_id", "article_id", "category", "start", "end", "anchor_status", "revision_id")
    for submission_id, article_id, category, start, end, status, revision_id in highlights:
        text_revision = articles[article_id].text_revision_id
        if status == ANCHORED and None not in (revision_id, text_revision) and revision_id != text_revision:
            continue  # a correction is still moving it onto this text (it stamps the article again when done)
        rows[(submission_id, article_id)].append((category, start, end, status))
    out, writes = {}, []
    for pair in stale:
        submission_id, article_id = pair
        article = articles[article_id]
        result = compute_result(tokens_for(article), key[article_id], rows.get(pair, []))
        out[pair] = result
        writes.append(
            ArticleResult(
                submission_id=submission_id,
                article_id=article_id,
                inputs=_inputs(versions[submission_id], fingerprints.get(article_id, "-"), article.updated_at),
                figures={c: list(v) for c, v in result.figures.items()},
                found_items=sorted(result.found_items),
                words={c: [list(r) for r in v] for c, v in result.words.items()},
                highlights=result.highlights,
                set_aside=result.set_aside,
            )
        )
    # One order for every writer: two pages upserting overlapping rows never wait on each other in a cycle.
    writes.sort(key=lambda r: (r.submission_id, r.article_id))
    with transaction.atomic():
        _fold_into_class_sums(writes)
        ArticleResult.objects.bulk_create(
            writes,
            update_conflicts=True,
            unique_fields=["submission", "article"],
            update_fields=["inputs", "figures", "found_items", "words", "highlights", "set_aside"],
            batch_size=500,
        )
    return out


# --- the class sums (ClassArticleResult) ------------------------------------------------------------
#
# Per assignment and article, the sum of its submissions' kept rows: per word, how many submissions
# cover it with exactly each combination of categories (a bit mask: one bit per category, so any set
# of categories in play can be added up from it); per key item, how many found it; per combination of
# categories, how many submissions highlighted in exactly those. Kept up to date by ``_recompute``: the
# one writer of the rows takes each old row out of the sums and puts the new one in, in the same
# transaction. Read only after checking its ``members`` against the current rows.

BIT = {c: 1 << n for n, c in enumerate(category_defs.VALUES)}
MASKS = range(1, 1 << len(category_defs.VALUES))


def _stamp_of(inputs: str) -> str:
    return inputs.rsplit(":", 1)[-1]


def _stamp(article_stamp) -> str:
    return f"{article_stamp.timestamp():.6f}"


def _word_masks(words: dict) -> dict[int, int]:
    """word number → the categories (bit mask) one submission's ranges cover it with."""
    masks: dict[int, int] = defaultdict(int)
    for category, ranges in (words or {}).items():
        bit = BIT.get(category, 0)
        for first, past in ranges:
            for w in range(first, past):
                masks[w] |= bit
    return masks


def _rated_mask(highlights: dict) -> int:
    return sum(BIT.get(c, 0) for c, n in (highlights or {}).items() if n)


def _apply(sums: dict, words: dict, found_items, highlights: dict, sign: int, key=str) -> None:
    """Add (sign 1) or take out (sign -1) one row's figures to or from the sums, in place. ``key``: how
    the sums name masks and items (``str`` as stored in JSON, ``int`` in ``ClassSums``)."""
    coverage = sums["coverage"]
    if coverage:
        for w, mask in _word_masks(words).items():
            coverage[key(mask)][w] += sign
    found_by = sums["found_by"]
    for item in found_items or ():
        k = key(item)
        found_by[k] = found_by.get(k, 0) + sign
        if not found_by[k]:
            del found_by[k]
    mask = _rated_mask(highlights)
    if mask:
        raters = sums["raters"]
        raters[key(mask)] = raters.get(key(mask), 0) + sign


def _empty_sums(size: int) -> dict:
    return {"coverage": {str(m): [0] * size for m in MASKS}, "found_by": {}, "raters": {}}


def _fold_into_class_sums(writes: list[ArticleResult]) -> None:
    """Inside _recompute's transaction, before the rows are written: move each class sum that counts one
    of these rows from its old figures to its new ones. A sum that cannot be moved exactly (its article's
    text changed, or it counted a row that is no longer there) is dropped, to be rebuilt when next read.

    A change to a student's work makes all their rows stale, but usually only one article's figures change:
    a row recomputed to the figures it had only moves its inputs in ``members``. The per-word coverage (the
    bulk of a sum) is then neither read nor written; it is read (the row is locked already) only for a sum
    whose figures move."""
    submission_ids = {w.submission_id for w in writes}
    article_ids = {w.article_id for w in writes}
    assignment_of = dict(Submission.objects.filter(pk__in=submission_ids).values_list("pk", "assignment_id"))
    sums = {
        (s.assignment_id, s.article_id): s
        for s in ClassArticleResult.objects.select_for_update()
        .filter(assignment_id__in=set(assignment_of.values()), article_id__in=article_ids)
        .defer("coverage")
        .order_by("pk")
    }
    if not sums:
        return
    old = {
        (s, a): (inputs, words, found, highlights)
        for s, a, inputs, words, found, highlights in ArticleResult.objects.filter(
            submission_id__in=submission_ids, article_id__in=article_ids
        ).values_list("submission_id", "article_id", "inputs", "words", "found_items", "highlights")
    }
    dropped, moved, touched = set(), set(), set()
    for w in writes:
        key = (assignment_of.get(w.submission_id), w.article_id)
        kept = sums.get(key)
        if kept is None or key in dropped:
            continue
        member = str(w.submission_id)
        counted = kept.members.get(member)
        before = old.get((w.submission_id, w.article_id))
        if _stamp_of(w.inputs) != kept.stamp or (counted is not None and (before is None or before[0] != counted)):
            dropped.add(key)
            continue
        kept.members[member] = w.inputs
        touched.add(key)
        if counted is not None and (before[1], before[2], before[3]) == (w.words, w.found_items, w.highlights):
            continue  # the same figures as the row counted: taking it out and putting it back changes nothing
        figures = {"coverage": kept.coverage, "found_by": kept.found_by, "raters": kept.raters}
        if counted is not None:
            _apply(figures, before[1], before[2], before[3], -1)
        _apply(figures, w.words, w.found_items, w.highlights, 1)
        moved.add(key)
    for key, kept in sums.items():
        if key in dropped:
            kept.delete()
        elif key in moved:
            kept.save(update_fields=["members", "coverage", "found_by", "raters"])
        elif key in touched:
            kept.save(update_fields=["members"])


@dataclass
class ClassSums:
    """One assignment's class on one article, added up: read by the heatmap and the key-item table."""

    size: int  # words in the article's text
    coverage: dict[int, list[int]]  # category mask → per word: submissions covering it with exactly those
    found_by: dict[int, int]  # key item id → submissions that found it
    raters: dict[int, int]  # category mask → submissions whose highlights are in exactly those categories

    def covering(self, categories: Iterable[str]) -> list[int]:
        """Per word: submissions covering it with any of ``categories``."""
        wanted = sum(BIT[c] for c in categories)
        rows = [self.coverage[m] for m in MASKS if m & wanted and m in self.coverage]
        if not rows:
            return [0] * self.size
        if any(len(row) != len(rows[0]) for row in rows):
            raise ValueError("Every category mask must count the same words.")
        total = list(rows[0])
        for row in rows[1:]:
            total = list(map(add, total, row))  # word by word, in C: a class of 160 has thousands of words
        return total

    def rating(self, categories: Iterable[str]) -> int:
        """Submissions with at least one highlight in one of ``categories``."""
        wanted = sum(BIT[c] for c in categories)
        return sum(n for mask, n in self.raters.items() if mask & wanted)


def _sums_from(row_coverage: dict, found_by: dict, raters: dict, size: int) -> ClassSums:
    coverage = {int(m): counts for m, counts in (row_coverage or {}).items()}
    return ClassSums(
        size,
        coverage,
        {int(k): n for k, n in found_by.items()},
        {int(k): n for k, n in raters.items()},
    )


def class_sums(
    *,
    assignment_id: int,
    lesson_articles: list[LessonArticle],
    key_items: list[KeyItem],
    versions: dict[int, int],
    left_out: set[int],
    article_ids: Iterable[int],
    with_coverage: bool = True,
) -> dict[int, ClassSums]:
    """article id → the sums of the assignment's submissions on it, without those in ``left_out``
    (submission ids: work by students no longer in the class). ``versions``: every submission of the
    assignment (id → work_version).

    Makes the kept rows current first (recomputing only what changed, which moves the sums along), then
    reads one ClassArticleResult per article and checks that it counts exactly the current rows. A sum
    missing or not matching (never built, the text corrected, a submission deleted, a race between two
    writers) is rebuilt from the rows. Queries: the rows' inputs, the sums; more only
    when something was stale or is left out. ``with_coverage=False`` leaves the per-word coverage unread
    (the key-item table needs only who found what).
    """
    articles = {la.article_id: la.article for la in lesson_articles}
    article_ids = [a for a in article_ids if a in articles]
    inputs = kept_results(
        lesson_articles=lesson_articles,
        key_items=key_items,
        versions=versions,
        article_ids=article_ids,
        with_figures=False,
    )
    fields = ["article_id", "stamp", "members", "found_by", "raters"] + (["coverage"] if with_coverage else [])
    kept = {
        row[0]: row
        for row in ClassArticleResult.objects.filter(
            assignment_id=assignment_id, article_id__in=article_ids
        ).values_list(*fields)
    }
    out: dict[int, ClassSums] = {}
    for article_id in article_ids:
        stamp = _stamp(articles[article_id].updated_at)
        members = {str(s): i for (s, a), i in inputs.items() if a == article_id}
        row = kept.get(article_id)
        if row is not None and row[1] == stamp and row[2] == members:
            out[article_id] = _sums_from(row[5] if with_coverage else {}, row[3], row[4], 0)
        else:
            out[article_id] = _rebuild(assignment_id, article_id, list(versions))
        if with_coverage:
            out[article_id].size = len(next(iter(out[article_id].coverage.values()), []))
    if left_out:
        _leave_out(out, left_out, article_ids)
    return out


def _rebuild(assignment_id: int, article_id: int, submission_ids: list[int]) -> ClassSums:
    """The sums from the rows themselves, written back (one transaction: no row moves while read here)."""
    with transaction.atomic():
        article = Article.objects.only("pk", "body_text", "updated_at").get(pk=article_id)
        stamp = _stamp(article.updated_at)
        size = len(tokens_for(article))
        sums = _empty_sums(size)
        members = {}
        rows = ArticleResult.objects.filter(submission_id__in=submission_ids, article_id=article_id)
        for submission_id, inputs, words, found, highlights in rows.values_list(
            "submission_id", "inputs", "words", "found_items", "highlights"
        ):
            if _stamp_of(inputs) != stamp:
                continue  # matched on an older text: not counted (and not a member) until recomputed
            _apply(sums, words, found, highlights, 1)
            members[str(submission_id)] = inputs
        ClassArticleResult.objects.update_or_create(
            assignment_id=assignment_id,
            article_id=article_id,
            defaults={"stamp": stamp, "members": members, **sums},
        )
    return _sums_from(sums["coverage"], sums["found_by"], sums["raters"], size)


def _leave_out(out: dict[int, ClassSums], left_out: set[int], article_ids: list[int]) -> None:
    """Take the rows of ``left_out`` out of the sums just read (not of the kept ones)."""
    rows = ArticleResult.objects.filter(submission_id__in=left_out, article_id__in=article_ids)
    for article_id, words, found, highlights in rows.values_list("article_id", "words", "found_items", "highlights"):
        sums = out[article_id]
        figures = {
            "coverage": {m: list(c) for m, c in sums.coverage.items()},
            "found_by": dict(sums.found_by),
            "raters": dict(sums.raters),
        }
        _apply(figures, words, found, highlights, -1, key=int)
        sums.coverage, sums.found_by, sums.raters = figures["coverage"], figures["found_by"], figures["raters"]
