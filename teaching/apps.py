from django.apps import AppConfig


class TeachingConfig(AppConfig):
    name = "teaching"
    verbose_name = "Classroom"

    def ready(self) -> None:
        # The articles app must not import this one: it reaches re-anchoring and class-based reading
        # through hooks that are filled in here.
        from articles import hooks
        from teaching import (
            selectors,
            services,
            sessions,  # noqa: F401 (a student's login sets how their session ends)
        )

        hooks.register(
            revise_article=services.revise_article,
            article_for_reader=selectors.get_article_for,
            orphaned_highlights=lambda *, article: selectors.list_orphaned_annotations(article=article),
            highlight_counts=_highlight_counts,
        )


def _highlight_counts(*, article) -> tuple[int, int]:
    """(on the text, set aside) for the article admin's note about students' highlights."""
    from django.db.models import Count

    from teaching.models import Annotation

    counts = dict(article.annotations.values_list("anchor_status").annotate(n=Count("id")))
    return counts.get(Annotation.AnchorStatus.ANCHORED, 0), counts.get(Annotation.AnchorStatus.ORPHANED, 0)
