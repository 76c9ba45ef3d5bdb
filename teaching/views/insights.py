"""The teacher's view of the class: the class on the text (heatmap + agreement), the key-item table,
and one student's figures with the items behind them."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from teaching import selectors
from teaching.selectors.article_page import Navigation
from teaching.views.accounts import teacher_required
from teaching.views.article_page import first_article


@teacher_required
@require_GET
def assignment_heatmap_start(request, pk: int):
    assignment = selectors.get_assignment_for_teacher(user=request.user, pk=pk)
    lesson_articles = selectors.list_lesson_articles_for_assignment(assignment)
    return first_article(request, lesson_articles, "teaching:assignment_heatmap", pk)


@teacher_required
@require_GET
def assignment_heatmap(request, pk: int, position: int):
    assignment = selectors.get_assignment_for_teacher(user=request.user, pk=pk)
    heat = selectors.class_heatmap(assignment, position, request.GET.get("category") or None)
    navigation = Navigation(
        lesson_articles=heat.lesson_articles, position=position, url_name="teaching:assignment_heatmap", owner_pk=pk
    )
    context = {
        "assignment": assignment,
        "heat": heat,
        "article": heat.article,
        "categories": assignment.category_objects,
        "position": position,
        "previous": navigation.previous,
        "next": navigation.next,
        "category_query": f"?category={heat.category.value}" if heat.category else "",
        # Compact: one row per passage, each label once (a class of 160 has thousands of passages and a few
        # hundred different labels); heatmap.js builds the descriptions screen readers get.
        "passages_json": heat.passages_payload(),
        "key_json": [
            {"id": k.pk, "start": k.start, "end": k.end, "category": k.category, "explanation": k.explanation}
            for k in heat.key_items
        ],
    }
    return render(request, "teaching/insights_heatmap.html", context)


@teacher_required
@require_GET
def assignment_key_items(request, pk: int):
    assignment = selectors.get_assignment_for_teacher(user=request.user, pk=pk)
    table = selectors.key_item_rows(assignment)
    sort = request.GET.get("sort", "found")
    rows, column, descending = selectors.sort_key_items(table.rows, sort)
    base = reverse("teaching:assignment_key_items", args=[pk])
    headers = []
    for name, label, numeric in [
        ("category", "Category", False),
        ("article", "Article", False),
        ("found", "Found by", True),  # before the quote, so phones see it without scrolling
        ("quote", "Key item", False),
    ]:
        current = name == column
        # The first click on a column sorts it the natural way; clicking the sorted column flips it.
        next_sort = (name if descending else f"-{name}") if current else name
        headers.append(
            {
                "name": name,
                "label": label,
                "numeric": numeric,
                "url": f"{base}?sort={next_sort}",
                "aria_sort": ("descending" if descending else "ascending") if current else None,
            }
        )
    context = {
        "assignment": assignment,
        "rows": rows,
        "class_size": table.class_size,
        "not_started": table.not_started,
        "has_key": table.has_key,
        "headers": headers,
        "missed_by_most": sum(1 for r in rows if r.missed_by_most),
    }
    return render(request, "teaching/insights_key_items.html", context)


@teacher_required
@require_GET
def submission_scores(request, pk: int):
    submission = selectors.get_submission_for_review(request.user, pk)
    feedback = selectors.student_feedback(submission)
    context = {
        "submission": submission,
        "assignment": submission.assignment,
        "feedback": feedback,
        "visible_to_student": submission.feedback_visible,
    }
    return render(request, "teaching/insights_student.html", context)
