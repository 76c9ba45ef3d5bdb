"""Placeholder: being written. Every view here answers 501 until it is built."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


classroom_list = _todo
classroom_create = _todo
classroom_detail = _todo
classroom_join_code_regenerate = _todo
classroom_student_add = _todo
assignment_create = _todo
assignment_review = _todo
