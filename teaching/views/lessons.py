"""My lessons, the lesson builder and the shared library (teachers, in the site rather than the admin).

A teacher makes a lesson, adds articles (their own and the library's), reorders and removes them, previews each
as students see it and sets the lesson for a class. Other teachers' lessons and the site's are read in the
library and copied to be adapted. Writes answer htmx with the article list fragment (400 with the reason when
refused) and everything else with a redirect (Post/Redirect/Get).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from teaching import forms, selectors, services
from teaching.models import LessonArticle
from teaching.views.accounts import teacher_required

BUILDER = "teaching/lesson_edit.html"


def _builder_context(request, lesson, *, form=None, errors=(), query: str = "") -> dict:
    added = selectors.get_usable_article(request.user, request.GET.get("added")) if "added" in request.GET else None
    links = list(selectors.list_builder_articles(lesson))
    if added is not None and any(link.article_id == added.pk for link in links):
        added = None  # already in the lesson
    return {
        "lesson": lesson,
        "form": form or forms.LessonForm(initial={"title": lesson.title, "introduction": lesson.introduction}),
        "links": links,
        "errors": list(errors),
        "added": added,
        "query": query,
        "candidates": list(selectors.list_articles_to_add(request.user, lesson, query)[:50]),
        "classrooms": list(selectors.list_classrooms_to_assign(request.user)),
        "builder_url": reverse("teaching:lesson_edit", args=[lesson.pk]),
    }


@teacher_required
@require_GET
def lesson_list(request):
    lessons = selectors.list_my_lessons(request.user)
    return render(request, "teaching/lesson_list.html", {"lessons": lessons})


@teacher_required
@require_http_methods(["GET", "POST"])
def lesson_create(request):
    form = forms.LessonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            lesson = services.create_lesson(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Created “{lesson.title}”. Now add its articles.")
            return redirect("teaching:lesson_edit", pk=lesson.pk)
    return render(request, "teaching/lesson_form.html", {"form": form})


@teacher_required
@require_GET
def lesson_library(request):
    query = request.GET.get("q", "")[:100]
    lessons = selectors.list_library_lessons(request.user, query)
    return render(request, "teaching/lesson_library.html", {"lessons": lessons, "query": query})


@teacher_required
@require_GET
def lesson_detail(request, pk: int):
    lesson = selectors.get_lesson_for_reading(request.user, pk)
    context = {
        "lesson": lesson,
        "key_articles": selectors.list_key_items_read_only(lesson),
        "comparisons": list(selectors.list_key_comparisons_read_only(lesson)),
        "classrooms": list(selectors.list_classrooms_to_assign(request.user)),
    }
    return render(request, "teaching/lesson_detail.html", context)


@teacher_required
@require_POST
def lesson_copy(request, pk: int):
    lesson = selectors.get_lesson_for_reading(request.user, pk)
    copy = services.copy_lesson(lesson=lesson, by=request.user)
    messages.success(request, f"Copied “{lesson.title}” with its key. This copy is yours: change anything.")
    return redirect("teaching:lesson_edit", pk=copy.pk)


@teacher_required
@require_http_methods(["GET", "POST"])
def lesson_edit(request, pk: int):
    lesson = selectors.get_lesson_for_editing(request.user, pk)
    query = request.GET.get("q", "")[:100]
    if request.method == "POST":
        form = forms.LessonForm(request.POST)
        if form.is_valid():
            try:
                services.update_lesson(lesson=lesson, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Saved the title and introduction.")
                return redirect("teaching:lesson_edit", pk=lesson.pk)
        return render(request, BUILDER, _builder_context(request, lesson, form=form), status=400)
    template = BUILDER + "#lesson-articles" if request.htmx else BUILDER
    return render(request, template, _builder_context(request, lesson, query=query))


@teacher_required
@require_POST
def lesson_delete(request, pk: int):
    lesson = selectors.get_lesson_for_editing(request.user, pk)
    assignments: list[int] = []
    errors = _run(lambda: assignments.append(services.delete_lesson(lesson=lesson, by=request.user)))
    if errors:
        for message in errors:
            messages.error(request, message)
        return redirect("teaching:lesson_edit", pk=lesson.pk)
    gone = (
        f" and the {assignments[0]} assignment{'s' if assignments[0] != 1 else ''} nobody had started"
        if assignments[0]
        else ""
    )
    messages.success(request, f"Deleted “{lesson.title}” with its key{gone}. Its articles are still in My articles.")
    return redirect("teaching:lesson_list")


def _respond(request, lesson, *, errors=(), done: str = ""):
    """htmx: the article list (400 with the reason when refused); otherwise back to the builder with a message."""
    if request.htmx:
        context = _builder_context(request, lesson, errors=errors)
        # The side panels depend on whether the lesson has articles: they come along, swapped out of band.
        context.update(done="" if errors else done, oob=True)
        return render(request, BUILDER + "#lesson-articles", context, status=400 if errors else 200)
    for message in errors:
        messages.error(request, message)
    if done and not errors:
        messages.success(request, done)
    return redirect(reverse("teaching:lesson_edit", args=[lesson.pk]) + "#lesson-articles")


def _run(write) -> list[str]:
    try:
        write()
    except ValidationError as error:
        return list(error.messages)
    except PermissionDenied as error:
        return [str(error)]
    return []


@teacher_required
@require_POST
def lesson_article_add(request, pk: int):
    lesson = selectors.get_lesson_for_editing(request.user, pk)
    form = forms.LessonArticleAddForm(request.POST)
    article = selectors.get_usable_article(request.user, form.data.get("article")) if form.is_valid() else None
    if article is None:
        return _respond(request, lesson, errors=["Choose one of your articles or one from the library."])
    errors = _run(lambda: services.add_lesson_article(lesson=lesson, article=article, by=request.user))
    return _respond(request, lesson, errors=errors, done=f"Added “{article.title}”.")


def _link_for_editing(request, pk: int) -> LessonArticle:
    link = get_object_or_404(LessonArticle.objects.select_related("article"), pk=pk)
    link.lesson = selectors.get_lesson_for_editing(request.user, link.lesson_id)  # 404 unless it is theirs
    return link


@teacher_required
@require_POST
def lesson_article_move(request, pk: int):
    link = _link_for_editing(request, pk)
    form = forms.LessonArticleMoveForm(request.POST)
    if not form.is_valid():
        return _respond(request, link.lesson, errors=["Move an article up or down."])
    direction = form.cleaned_data["direction"]
    errors = _run(lambda: services.move_lesson_article(link=link, direction=direction, by=request.user))
    return _respond(request, link.lesson, errors=errors, done=f"Moved “{link.article.title}” {direction}.")


@teacher_required
@require_POST
def lesson_article_remove(request, pk: int):
    link = _link_for_editing(request, pk)
    removed: list[int] = []
    errors = _run(lambda: removed.append(services.remove_lesson_article(link=link, by=request.user)))
    items = f" and its {removed[0]} key item{'s' if removed[0] != 1 else ''}" if removed and removed[0] else ""
    return _respond(request, link.lesson, errors=errors, done=f"Removed “{link.article.title}”{items}.")


@teacher_required
@require_GET
def lesson_article_preview(request, pk: int, position: int):
    """The article as students will see it in this lesson (without highlights), with the lesson's other articles."""
    lesson = selectors.get_lesson_for_reading(request.user, pk)
    article = selectors.get_lesson_article(lesson.pk, position).article
    positions = list(selectors.list_lesson_articles_in(lesson.pk).values_list("position", flat=True))
    context = {"lesson": lesson, "article": article, "position": position, "positions": positions}
    return render(request, "teaching/lesson_article_preview.html", context)
