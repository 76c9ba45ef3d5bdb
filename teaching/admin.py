"""The admin: where staff create teachers, assemble lessons and look into problems."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count

from teaching import categories as category_defs
from teaching.models import Annotation, Assignment, Classroom, Enrollment, Lesson, LessonArticle, Submission, User


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


class LessonArticleInline(admin.TabularInline):
    model = LessonArticle
    extra = 1
    fields = ("position", "article")
    raw_id_fields = ("article",)
    ordering = ("position", "id")


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "article_count", "created_at")
    search_fields = ("title",)
    inlines = [LessonArticleInline]

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


class AnnotationInline(admin.TabularInline):
    model = Annotation
    extra = 0
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
