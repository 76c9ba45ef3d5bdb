"""Template filters about lessons, so templates ask the permission predicates instead of restating them."""

from django import template

from teaching import permissions

register = template.Library()


@register.filter
def can_edit_key_of(user, lesson) -> bool:
    """``{% if user|can_edit_key_of:lesson %}``: may this user change the lesson's reference key?"""
    return permissions.can_edit_key(user, lesson)


@register.filter
def can_edit_lesson_of(user, lesson) -> bool:
    """``{% if user|can_edit_lesson_of:lesson %}``: may this user change the lesson (its articles, its text)?"""
    return permissions.can_edit_lesson(user, lesson)


@register.filter
def owner_label(lesson) -> str:
    """Who a lesson belongs to, in words: "the site" or the teacher's name."""
    return lesson.owner.display_name if lesson.owner_id else "the site"
