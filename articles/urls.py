from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("<int:pk>/", views.article_detail, name="article_detail"),
    path("<int:pk>/preview/", views.article_preview, name="article_preview"),
]
