from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.forms import SYNTAX_HELP, ArticleAdminForm, ArticleImportForm
from articles.models import Article


class HasAnnotationsFilter(admin.SimpleListFilter):
    title = "highlights by students"
    parameter_name = "annotated"

    def lookups(self, request, model_admin):
        return [("yes", "Has highlights"), ("no", "No highlights yet")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(num_annotations__gt=0)
        if self.value() == "no":
            return queryset.filter(num_annotations=0)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = [
        "title",
        "title_is_editorial",
        "outlet_column",
        "author_column",
        "published_on",
        "highlights_column",
        "preview_column",
    ]
    list_filter = ["title_is_editorial", "outlet", HasAnnotationsFilter]
    search_fields = ["title", "outlet", "author"]
    readonly_fields = ["highlights_note", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "title_is_editorial"]}),
        (
            "Where the report comes from",
            {
                "fields": ["outlet", "author", "published_on", "original_url"],
                "description": "Leave empty what you do not know: students see “unknown”, never a guess.",
            },
        ),
        ("Text", {"fields": ["body_markdown", "highlights_note"], "description": mark_safe(SYNTAX_HELP)}),
        ("Record", {"fields": ["updated_at"], "classes": ["collapse"]}),
    ]
    view_on_site = False  # the "Preview as students see it" button is the view on site
    change_form_template = "admin/articles/article/change_form.html"
    change_list_template = "admin/articles/article/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_annotations=Count("annotations"))

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="articles_article_import"),
            *super().get_urls(),
        ]

    @admin.display(description="outlet", ordering="outlet")
    def outlet_column(self, obj):
        return obj.outlet or format_html("<em>{}</em>", obj.outlet_display)

    @admin.display(description="author", ordering="author")
    def author_column(self, obj):
        return obj.author or format_html("<em>{}</em>", obj.author_display)

    @admin.display(description="highlights", ordering="num_annotations")
    def highlights_column(self, obj):
        return obj.num_annotations

    @admin.display(description="preview")
    def preview_column(self, obj):
        return format_html('<a href="{}">Preview</a>', reverse("articles:article_preview", args=[obj.pk]))

    @admin.display(description="highlights by students")
    def highlights_note(self, obj):
        count = obj.annotation_count() if obj else 0
        if not count:
            return "None yet: the text can be edited."
        return f"{count}: the text is locked so their highlights stay in place; title and details can be edited."

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            article = form.save()
            self.log_addition(request, article, [{"added": {"name": "article", "object": str(article)}}])
            messages.success(
                request,
                format_html(
                    'Imported “{}”. <a href="{}">Preview it as students see it</a> before adding it to a lesson.',
                    article.title,
                    reverse("articles:article_preview", args=[article.pk]),
                ),
            )
            return redirect("admin:articles_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import an article from a file",
            "form": form,
        }
        return TemplateResponse(request, "admin/articles/article/import_form.html", context)
