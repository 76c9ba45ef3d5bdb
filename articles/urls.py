from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("new/", views.article_create, name="article_create"),
    path("<id:pk>/", views.article_detail, name="article_detail"),
    path("<id:pk>/preview/", views.article_preview, name="article_preview"),
    path("<id:pk>/edit/", views.article_edit, name="article_edit"),
]
