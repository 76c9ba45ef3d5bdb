"""Placeholder: being written. Every view here answers 501 until it is built."""

from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("Not built yet", status=501)


student_signup = _todo
classroom_join = _todo
