"""Who may do what with articles. Roles are the user model's (``is_teacher``, ``is_staff``); no teaching import."""

from __future__ import annotations


def is_teacher_or_admin(user) -> bool:
    """Teachers and admins use the article library; students never see it."""
    return bool(user.is_authenticated and (user.is_staff or getattr(user, "is_teacher", False)))


def can_edit_article(user, article) -> bool:
    """Admins edit every article; a teacher only the ones they added. The site's own (no owner): admins only."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return bool(getattr(user, "is_teacher", False) and article.owner_id is not None and article.owner_id == user.pk)
