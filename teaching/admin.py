"""The admin: where staff create teachers, assemble lessons and look into problems."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from teaching import categories as category_defs
from teaching import services
from teaching.models import (
    Annotation,
    Assignment,
    Classroom,
    Enrollment,
    KeyComparison,
    KeyItem,
    Lesson,
    LessonArticle,
    ReferenceKey,
    Submission,
    User,
)
from teaching.services.lessons import students_work_on


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "is_staff", "is_active", "last_login")
    list_filter = ("role", "is_staff", "is_superuser", "is_active")
    fieldsets = (
        (None, {"fields": ("username", "password", "role")}),
        ("Personal info", {"fields": ("first_name", "last_name", "email")}),
        (
            "Permissions",
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "description": "Staff can use this admin. Teachers need role “Teacher”, not staff status.",
            },
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "role", "first_name", "last_name", "usable_password", "password1", "password2"),
                "description": "To add a teacher, choose role “Teacher”. Students usually sign up with a class code.",
            },
        ),
    )


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0
    raw_id_fields = ("student",)
    readonly_fields = ("joined_at",)
    verbose_name = "student"
    verbose_name_plural = "roster"


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ("name", "teacher", "join_code", "student_count", "created_at")
    list_filter = ("teacher",)
    search_fields = ("name", "teacher__username", "teacher__last_name", "join_code")
    raw_id_fields = ("teacher",)
    readonly_fields = ("created_at",)
    inlines = [EnrollmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("teacher").annotate(_student_count=Count("enrollments"))

    @admin.display(description="students", ordering="_student_count")
    def student_count(self, obj):
        return obj._student_count


class LessonArticleFormSet(forms.BaseInlineFormSet):
    """Refuse to take an article out of a lesson, or to point its row at another article, while students have
    highlighted it there or the key has items on it: their work would vanish from the reading view and the
    review (and key items would be left on an article the lesson no longer has)."""

    def clean(self):
        super().clean()
        for form in self.forms:
            link = form.instance
            if not link.pk:
                continue
            removed = form in self.deleted_forms
            if not removed and "article" not in form.changed_data:
                continue
            before = LessonArticle.objects.select_related("article").get(pk=link.pk)
            work = students_work_on(before)
            if work:
                action = "leave this lesson" if removed else "be replaced by another article"
                raise forms.ValidationError(
                    f"“{before.article}” cannot {action}: students have made {work} highlight(s) on it "
                    "in assignments of this lesson. Create a new lesson instead."
                )
            items = KeyItem.objects.filter(key__lesson_id=before.lesson_id, article_id=before.article_id).count()
            if items and not removed:
                raise forms.ValidationError(
                    f"“{before.article}” cannot be replaced by another article: the lesson's reference key has "
                    f"{items} item(s) on it. Remove the row (the key items go with it) and add the other article "
                    "as a new row."
                )


class LessonArticleInline(admin.TabularInline):
    model = LessonArticle
    formset = LessonArticleFormSet
    extra = 1
    fields = ("position", "article")
    raw_id_fields = ("article",)
    ordering = ("position", "id")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # New rows start after the last position, so the default never collides with an existing article.
        next_position = (obj.lesson_articles.count() + 1) if obj is not None and obj.pk else 1
        formset.form.base_fields["position"].initial = next_position
        return formset


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "article_count", "created_at")
    list_select_related = ("owner",)
    search_fields = ("title", "owner__username")
    raw_id_fields = ("owner",)
    inlines = [LessonArticleInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.mark_lesson_edited(form.instance)  # so `make run` never adds back to what an admin changed

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_article_count=Count("lesson_articles"))

    @admin.display(description="articles", ordering="_article_count")
    def article_count(self, obj):
        return obj._article_count


class AssignmentAdminForm(forms.ModelForm):
    categories = forms.MultipleChoiceField(
        choices=category_defs.CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=list(category_defs.VALUES),
        help_text="What students highlight in this assignment.",
    )

    class Meta:
        model = Assignment
        fields = ("classroom", "lesson", "instructions", "due_at", "categories")


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    form = AssignmentAdminForm
    list_display = ("lesson", "classroom", "due_at", "created_at")
    list_filter = ("classroom__teacher",)
    list_select_related = ("lesson", "classroom")
    search_fields = ("lesson__title", "classroom__name")
    raw_id_fields = ("classroom",)

    def get_readonly_fields(self, request, obj=None):
        # Once students have started, a different lesson would hide their highlights: keep it fixed.
        if obj is not None and obj.submissions.exists():
            return ("lesson",)
        return ()


class AnnotationInline(admin.TabularInline):
    model = Annotation
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    fields = ("article", "category", "exact", "comment", "teacher_mark", "teacher_comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-only: students' work changes only through the app's services, never by hand here."""

    list_display = ("student", "assignment", "status", "submitted_at", "returned_at", "updated_at")
    list_filter = ("status",)
    list_select_related = ("student", "assignment__lesson", "assignment__classroom")
    search_fields = ("student__username", "student__last_name", "assignment__lesson__title")
    readonly_fields = (
        "assignment",
        "student",
        "status",
        "feedback",
        "submitted_at",
        "returned_at",
        "created_at",
        "updated_at",
    )
    fields = readonly_fields
    inlines = [AnnotationInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Reference keys (teachers build them in the key mode of the reading view) -------------------------


class KeyItemInline(admin.TabularInline):
    """Where an item sits is chosen in the key mode (a selection on the text); here only what it says."""

    model = KeyItem
    extra = 0
    fields = ("article", "exact", "start", "end", "anchor_status", "category", "explanation")
    readonly_fields = ("article", "exact", "start", "end", "anchor_status")
    ordering = ("article", "start", "end", "id")

    def has_add_permission(self, request, obj=None):
        return False


class KeyComparisonForm(forms.ModelForm):
    class Meta:
        model = KeyComparison
        fields = ("position", "title", "relation", "explanation", "items")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "items" in self.fields:
            if self.instance.pk:
                self.fields["items"].queryset = KeyItem.objects.filter(key_id=self.instance.key_id).select_related(
                    "article"
                )
            self.fields["items"].help_text = "Two or more items of this key."

    def clean(self):
        cleaned = super().clean()
        items = cleaned.get("items")
        key = cleaned.get("key") or (self.instance.key if self.instance.key_id else None)
        if items is not None:
            if len(items) < 2:
                self.add_error("items", "A comparison links at least two key items.")
            elif key is not None and any(item.key_id != key.pk for item in items):
                self.add_error("items", "Every item of a comparison must belong to this key.")
        return cleaned


class KeyComparisonInline(admin.StackedInline):
    model = KeyComparison
    form = KeyComparisonForm
    extra = 0
    ordering = ("position", "id")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        items = formset.form.base_fields["items"]
        items.queryset = KeyItem.objects.filter(key=obj).select_related("article") if obj else KeyItem.objects.none()
        return formset


@admin.register(ReferenceKey)
class ReferenceKeyAdmin(admin.ModelAdmin):
    list_display = ("lesson", "item_count", "comparison_count", "updated_at")
    search_fields = ("lesson__title",)
    readonly_fields = ("lesson", "key_mode_link", "created_at", "updated_at")
    fields = ("lesson", "key_mode_link", "created_at", "updated_at")
    inlines = [KeyItemInline, KeyComparisonInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("lesson")
            .annotate(_items=Count("items", distinct=True), _comparisons=Count("comparisons", distinct=True))
        )

    def has_add_permission(self, request):
        return False  # a key is created the first time someone adds to it in the key mode

    @admin.display(description="items", ordering="_items")
    def item_count(self, obj):
        return obj._items

    @admin.display(description="comparisons", ordering="_comparisons")
    def comparison_count(self, obj):
        return obj._comparisons

    @admin.display(description="Edit on the text")
    def key_mode_link(self, obj):
        url = reverse("teaching:key_start", args=[obj.lesson_id])
        return format_html('<a href="{}">Open the key mode</a> to add items by selecting words in the articles.', url)

    def save_formset(self, request, form, formset, change):
        if formset.model is not KeyItem:
            return super().save_formset(request, form, formset, change)
        # Item changes go through the services, like every write to a key. The admin's history message
        # reads what changed from the formset, so it is told here.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for item_form in formset.deleted_forms:
            if item_form.instance.pk:
                item = KeyItem.objects.select_related("key__lesson").get(pk=item_form.instance.pk)
                services.delete_key_item(item=item, by=request.user)
                formset.deleted_objects.append(item)
        for item_form in formset.forms:
            if item_form in formset.deleted_forms or not item_form.has_changed() or not item_form.instance.pk:
                continue
            item = services.update_key_item(
                item=KeyItem.objects.select_related("key__lesson").get(pk=item_form.instance.pk),
                category=item_form.cleaned_data["category"],
                explanation=item_form.cleaned_data["explanation"],
                by=request.user,
            )
            formset.changed_objects.append((item, item_form.changed_data))
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            services.mark_key_edited(form.instance)


@admin.register(KeyComparison)
class KeyComparisonAdmin(admin.ModelAdmin):
    form = KeyComparisonForm
    list_display = ("title", "key", "relation", "position")
    list_filter = ("relation",)
    list_select_related = ("key__lesson",)
    search_fields = ("title", "key__lesson__title")
    raw_id_fields = ("key",)
    fields = ("key", "position", "title", "relation", "explanation", "items")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.mark_key_edited(form.instance.key)

    def delete_model(self, request, obj):
        key = obj.key
        super().delete_model(request, obj)
        services.mark_key_edited(key)

    def delete_queryset(self, request, queryset):
        keys = list({comparison.key for comparison in queryset.select_related("key")})
        super().delete_queryset(request, queryset)
        for key in keys:
            services.mark_key_edited(key)
