"""``{% url %}`` with each answer kept: a built-in of the template engine (teaching/settings.py), in place of
Django's own tag, taking the same arguments and giving the same URL.

A page reverses the same few URLs again and again (the site's header, the lesson's steps, the pager, the
forms' actions: sixteen per reading view), and ``reverse`` walks the URL patterns every time (about 30 µs
each). What it returns depends on nothing but the view name, the arguments, the current app, the script
prefix and the URLconf, so the answer for each combination is kept (a bounded LRU). Arguments of other
types than str and int (a model instance, a lazy string), and names that do not reverse, go through Django's
tag as they always did.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.conf import settings
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

# Types whose value alone says what ``reverse`` makes of them (``str()`` of the value): bool is not one (True
# and 1 are equal as keys but reverse to "True" and "1"), nor anything with a ``__str__`` of its own.
_PLAIN = frozenset({int, str, SafeString})


@lru_cache(maxsize=8192)
def _reversed(view_name: str, args: tuple, kwargs: tuple, current_app, script_prefix: str, urlconf) -> str:
    return reverse(view_name, args=list(args), kwargs=dict(kwargs), current_app=current_app)


def cached_reverse(view_name: str, args: tuple = (), kwargs: tuple = (), current_app=None) -> str:
    """``reverse(view_name, args, kwargs)``, kept for this script prefix and URLconf. ``args`` and the values of
    ``kwargs`` (a tuple of pairs) must be str or int: their value alone says what ``reverse`` makes of them."""
    return _reversed(view_name, args, kwargs, current_app, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


class CachedURLNode(URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((k, v.resolve(context)) for k, v in self.kwargs.items())
        view_name = self.view_name.resolve(context)
        plain = (
            type(view_name) in _PLAIN
            and all(type(v) in _PLAIN for v in args)
            and all(type(v) in _PLAIN for _, v in kwargs)
        )
        if not plain:
            return super().render(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = ""
        try:
            url = cached_reverse(view_name, args, kwargs, current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's ``{% url %}`` (its parsing and its errors), rendered through ``CachedURLNode``."""
    node = django_url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
