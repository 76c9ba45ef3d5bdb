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

from django.db.models import F

from articles.models import Article
from teaching import categories as category_defs
from teaching.models import Annotation, ArticleResult, KeyItem, LessonArticle, Submission
from teaching.text import agreement
from teaching.text.matching import Span, Tokens, match, tokenize

__all__ = [
    "KeptResult",
    "kept_results",
    "note_work_changed",
]

ANCHORED = Annotation.AnchorStatus.ANCHORED


def note_work_changed(*, submission_id: int) -> None:
    """Call inside the transaction of any write that changes a submission's highlights (the hook)."""
    Submission.objects.filter(pk=submission_id).update(work_version=F("work_version") + 1)


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
) -> dict[tuple[int, int], KeptResult]:
    """(submission id, article id) → its result, for the submissions in ``versions`` (id → work_version).

    ``lesson_articles`` need ``article.updated_at`` (and ``body_text`` is read only for rows that must be
    recomputed); ``key_items`` are the key's anchored items. Queries: the kept rows; then, only when some
    are missing or stale, the articles' texts, those submissions' highlights, and one upsert.
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
    kept: dict[tuple[int, int], KeptResult] = {}
    rows = ArticleResult.objects.filter(submission_id__in=list(versions), article_id__in=list(wanted_articles))
    for row in rows.values_list(*fields):
        pair = (row[0], row[1])
        if expected.get(pair) == row[2]:
            kept[pair] = _from_row(row[3], row[4], row[7] if with_words else {}, row[5], row[6])
    stale = [pair for pair in expected if pair not in kept]
    if stale:
        kept.update(_recompute(stale, key_items, versions, fingerprints))
    return kept


def _recompute(stale, key_items, versions, fingerprints) -> dict[tuple[int, int], KeptResult]:
    article_ids = {a for _, a in stale}
    # Text and stamp from one row: the row is labelled with the text it was matched on.
    articles = {a.pk: a for a in Article.objects.filter(pk__in=article_ids).only("pk", "body_text", "updated_at")}
    key: dict[int, list[Span]] = defaultdict(list)
    for item in key_items:
        key[item.article_id].append(Span(item.start, item.end, item.category, item.pk))
    rows: dict[tuple[int, int], list] = defaultdict(list)
    highlights = Annotation.objects.filter(
        submission_id__in={s for s, _ in stale}, article_id__in=article_ids
    ).values_list("submission_id", "article_id", "category", "start", "end", "anchor_status")
    for submission_id, article_id, category, start, end, status in highlights:
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
    ArticleResult.objects.bulk_create(
        writes,
        update_conflicts=True,
        unique_fields=["submission", "article"],
        update_fields=["inputs", "figures", "found_items", "words", "highlights", "set_aside"],
        batch_size=500,
    )
    return out
