from django.urls import path

from articles import views

app_name = "articles"
urlpatterns = [
    path("<int:pk>/preview/", views.article_preview, name="article_preview"),
]
