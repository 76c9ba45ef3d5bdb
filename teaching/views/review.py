"""Placeholder: being written. Every view here answers 501 until it is built."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


submission_review = _todo
submission_review_article = _todo
annotation_mark = _todo
submission_return = _todo
