"""Placeholder: being written. Every view here answers 501 until it is built."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


assignment_read = _todo
article_read = _todo
annotation_create = _todo
annotation_update = _todo
annotation_delete = _todo
submission_submit = _todo
