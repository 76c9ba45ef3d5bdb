"""The site's URLs. Each area owns a views module; names are `app:noun_action`."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

import teaching.converters  # noqa: F401  (registers <id:…>)
from teaching.forms import ThrottledAdminLoginForm
from teaching.views import (
    accounts,
    api,
    classrooms,
    dashboard,
    home,
    key_comparisons,
    keys,
    lessons,
    reading,
    reattach,
    review,
)
from teaching.views import claims as claim_views
from teaching.views import exports as export_views
from teaching.views import feedback as feedback_views
from teaching.views import insights as insight_views

app_patterns = [
    # Accounts
    path("join/", accounts.student_signup, name="student_signup"),
    path("classes/join/", accounts.classroom_join, name="classroom_join"),
    # Students
    path("assignments/", dashboard.dashboard, name="dashboard"),
    path("assignments/<id:pk>/", reading.assignment_read, name="assignment_read"),
    path("assignments/<id:pk>/articles/<id:position>/", reading.article_read, name="article_read"),
    path(
        "assignments/<id:pk>/articles/<id:position>/annotations/",
        reading.annotation_create,
        name="annotation_create",
    ),
    path("annotations/<id:pk>/", reading.annotation_update, name="annotation_update"),
    path("annotations/<id:pk>/delete/", reading.annotation_delete, name="annotation_delete"),
    path("annotations/<id:pk>/edit/", reading.annotation_edit, name="annotation_edit"),
    path("assignments/<id:pk>/submit/", reading.submission_submit, name="submission_submit"),
    # Teachers
    path("classes/", classrooms.classroom_list, name="classroom_list"),
    path("classes/new/", classrooms.classroom_create, name="classroom_create"),
    path("classes/<id:pk>/", classrooms.classroom_detail, name="classroom_detail"),
    path(
        "classes/<id:pk>/join-code/",
        classrooms.classroom_join_code_regenerate,
        name="classroom_join_code_regenerate",
    ),
    path("classes/<id:pk>/students/add/", classrooms.classroom_student_add, name="classroom_student_add"),
    path("classes/<id:pk>/assignments/new/", classrooms.assignment_create, name="assignment_create"),
    path("assignments/<id:pk>/review/", classrooms.assignment_review, name="assignment_review"),
    path("submissions/<id:pk>/", review.submission_review, name="submission_review"),
    path(
        "submissions/<id:pk>/articles/<id:position>/",
        review.submission_review_article,
        name="submission_review_article",
    ),
    path("annotations/<id:pk>/mark/", review.annotation_mark, name="annotation_mark"),
    path("submissions/<id:pk>/return/", review.submission_return, name="submission_return"),
    path("annotations/<id:pk>/reattach/", reattach.annotation_reattach, name="annotation_reattach"),
    # My lessons, the builder and the shared library (teaching/views/lessons.py) -------------------------
    path("lessons/", lessons.lesson_list, name="lesson_list"),
    path("lessons/new/", lessons.lesson_create, name="lesson_create"),
    path("lessons/library/", lessons.lesson_library, name="lesson_library"),
    path("lessons/<id:pk>/", lessons.lesson_detail, name="lesson_detail"),
    path("lessons/<id:pk>/copy/", lessons.lesson_copy, name="lesson_copy"),
    path("lessons/<id:pk>/edit/", lessons.lesson_edit, name="lesson_edit"),
    path("lessons/<id:pk>/delete/", lessons.lesson_delete, name="lesson_delete"),
    path("lessons/<id:pk>/articles/add/", lessons.lesson_article_add, name="lesson_article_add"),
    path(
        "lessons/<id:pk>/articles/<id:position>/preview/",
        lessons.lesson_article_preview,
        name="lesson_article_preview",
    ),
    path("lesson-articles/<id:pk>/move/", lessons.lesson_article_move, name="lesson_article_move"),
    path("lesson-articles/<id:pk>/remove/", lessons.lesson_article_remove, name="lesson_article_remove"),
    # Reference key (teaching/views/keys.py): the key mode of the reading view ------------------------
    path("lessons/<id:pk>/key/", keys.key_start, name="key_start"),
    path("lessons/<id:pk>/key/articles/<id:position>/", keys.key_edit, name="key_edit"),
    path("lessons/<id:pk>/key/articles/<id:position>/items/", keys.key_item_create, name="key_item_create"),
    path(
        "lessons/<id:pk>/key/articles/<id:position>/suggestions/accept/",
        keys.key_suggestion_accept,
        name="key_suggestion_accept",
    ),
    path(
        "lessons/<id:pk>/key/articles/<id:position>/suggestions/dismiss/",
        keys.key_suggestion_dismiss,
        name="key_suggestion_dismiss",
    ),
    path("lessons/<id:pk>/key/comparisons/", key_comparisons.key_comparisons, name="key_comparisons"),
    path(
        "lessons/<id:pk>/key/comparisons/new/",
        key_comparisons.key_comparison_create,
        name="key_comparison_create",
    ),
    path("key-comparisons/<id:pk>/", key_comparisons.key_comparison_update, name="key_comparison_update"),
    path("key-comparisons/<id:pk>/delete/", key_comparisons.key_comparison_delete, name="key_comparison_delete"),
    path("key-items/<id:pk>/", keys.key_item_update, name="key_item_update"),
    path("key-items/<id:pk>/delete/", keys.key_item_delete, name="key_item_delete"),
    # Number claims, claim links, the numbers ledger, side by side (teaching/views/claims.py) ----------
    path("annotations/<id:pk>/claim/", claim_views.claim_update, name="claim_update"),
    path("assignments/<id:pk>/comparisons/", claim_views.comparison_create, name="comparison_create"),
    path("comparisons/<id:pk>/", claim_views.comparison_update, name="comparison_update"),
    path("comparisons/<id:pk>/delete/", claim_views.comparison_delete, name="comparison_delete"),
    path("assignments/<id:pk>/ledger/", claim_views.numbers_ledger, name="numbers_ledger"),
    path("submissions/<id:pk>/ledger/", claim_views.submission_ledger, name="submission_ledger"),
    path("assignments/<id:pk>/compare/", claim_views.article_compare_pick, name="article_compare_pick"),
    path("assignments/<id:pk>/compare/<id:left>/<id:right>/", claim_views.article_compare, name="article_compare"),
    # W3C Web Annotation JSON API and exports (teaching/views/api.py, teaching/views/exports.py) ------
    path("api/assignments/<id:pk>/annotations/", api.assignment_annotations, name="api_assignment_annotations"),
    path("api/annotations/<id:pk>/", api.annotation_detail, name="api_annotation"),
    path("assignments/<id:pk>/export.csv", export_views.assignment_csv, name="export_assignment_csv"),
    path("assignments/<id:pk>/export.jsonld", export_views.assignment_jsonld, name="export_assignment_jsonld"),
    path("assignments/<id:pk>/my-work.csv", export_views.my_work_csv, name="export_my_work_csv"),
    path("assignments/<id:pk>/my-work.jsonld", export_views.my_work_jsonld, name="export_my_work_jsonld"),
    # ---------------------------------------------------------------------------------------------------
    # Reference-key feedback and the class on the text (teaching/views/feedback.py, insights.py) -------
    path("assignments/<id:pk>/feedback/", feedback_views.submission_feedback_start, name="submission_feedback_start"),
    path(
        "assignments/<id:pk>/feedback/articles/<id:position>/",
        feedback_views.submission_feedback,
        name="submission_feedback",
    ),
    path("assignments/<id:pk>/class/", insight_views.assignment_heatmap_start, name="assignment_heatmap_start"),
    path(
        "assignments/<id:pk>/class/articles/<id:position>/",
        insight_views.assignment_heatmap,
        name="assignment_heatmap",
    ),
    path("assignments/<id:pk>/key-items/", insight_views.assignment_key_items, name="assignment_key_items"),
    path("submissions/<id:pk>/scores/", insight_views.submission_scores, name="submission_scores"),
    # ---------------------------------------------------------------------------------------------------
]

urlpatterns = [
    path("", home.home, name="home"),
    path("admin/", admin.site.urls),
    # Log in and out, change one's password. No password reset: the site sends no mail, so a forgotten
    # password is reset by the school's admin (the login page says so).
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("articles/", include("articles.urls")),
    path("", include((app_patterns, "teaching"))),
]

admin.site.login_form = ThrottledAdminLoginForm  # the admin's login is throttled like the site's

handler400 = "teaching.views.errors.bad_request"
handler403 = "teaching.views.errors.permission_denied"
handler404 = "teaching.views.errors.page_not_found"
handler500 = "teaching.views.errors.server_error"
