import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from teaching import categories as category_defs

# Join codes avoid characters that are easy to misread on a projector (0/O, 1/I/L).
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class User(AbstractUser):
    """Admins are staff; teachers are created by an admin; everyone else is a student."""

    class Role(models.TextChoices):
        STUDENT = "student", "Student"
        TEACHER = "teacher", "Teacher"

    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STUDENT)

    @property
    def is_teacher(self) -> bool:
        return self.role == self.Role.TEACHER

    @property
    def is_student(self) -> bool:
        return self.role == self.Role.STUDENT and not self.is_staff

    @property
    def role_label(self) -> str:
        if self.is_staff:
            return "Admin"
        return self.get_role_display()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Classroom(models.Model):
    name = models.CharField(max_length=120)
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="classrooms_taught")
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Enrollment", related_name="classrooms_joined", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Enrollment(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="enrollments")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="unique_enrollment")]

    def __str__(self) -> str:
        return f"{self.student} in {self.classroom}"


class Lesson(models.Model):
    """A sequence of articles with an introduction for students.

    ``owner`` is the teacher who made it (or copied it); ``None`` means the site's own (the launch lesson).
    Its reference key belongs to the same owner: who may edit either is ``permissions.can_edit_lesson``.
    """

    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True, help_text="Shown to students before the first article.")
    articles = models.ManyToManyField("articles.Article", through="LessonArticle", related_name="lessons")
    # PROTECT: removing a teacher must never hand their lessons to the site (or delete them) silently.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lessons_owned",
        help_text="The teacher who made it. Empty: the site's own lesson, which teachers copy rather than edit.",
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", editable=False
    )
    # Set by every change a person makes (site or admin); the launch loader only adds to a lesson while it is unset.
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class LessonArticleQuerySet(models.QuerySet):
    """ "Is this article in the lesson, and where?" — answered here only (services, selectors and views ask)."""

    def has_article(self, *, lesson_id: int, article_id: int) -> bool:
        return self.filter(lesson_id=lesson_id, article_id=article_id).exists()

    def position_of(self, *, lesson_id: int, article_id: int) -> int | None:
        """Where the article stands in the lesson, or None when it is not (or no longer) in it."""
        return self.filter(lesson_id=lesson_id, article_id=article_id).values_list("position", flat=True).first()


class LessonArticle(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="lesson_articles")
    article = models.ForeignKey("articles.Article", on_delete=models.PROTECT, related_name="lesson_articles")
    position = models.PositiveSmallIntegerField(default=1)

    objects = LessonArticleQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "article"], name="unique_lesson_article"),
            models.UniqueConstraint(
                fields=["lesson", "position"],
                name="unique_lesson_position",
                violation_error_message="Two articles of a lesson cannot share a position.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.article}"


class FeedbackTiming(models.TextChoices):
    """When students see the reference-key feedback on their work."""

    ON_SUBMIT = "on_submit", "Right after they submit"
    ON_RETURN = "on_return", "When I return their work"


class Assignment(models.Model):
    FeedbackTiming = FeedbackTiming

    # PROTECT down the chain classroom → assignment → submission: deleting a class, an assignment or a
    # student in the admin must never take students' work with it silently.
    classroom = models.ForeignKey(Classroom, on_delete=models.PROTECT, related_name="assignments")
    lesson = models.ForeignKey(Lesson, on_delete=models.PROTECT, related_name="assignments")
    instructions = models.TextField(blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    categories = models.JSONField(default=list, help_text="Which of rhetoric / sourcing / numbers are in play.")
    feedback_timing = models.CharField(max_length=10, choices=FeedbackTiming.choices, default=FeedbackTiming.ON_SUBMIT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.lesson} — {self.classroom}"

    def clean(self) -> None:
        if not isinstance(self.categories, list) or not self.categories:
            raise ValidationError({"categories": "Choose at least one category."})
        unknown = [c for c in self.categories if c not in category_defs.BY_VALUE]
        if unknown:
            raise ValidationError({"categories": f"Unknown category: {', '.join(map(str, unknown))}."})
        self.categories = category_defs.ordered(self.categories)

    @property
    def category_objects(self) -> list[category_defs.Category]:
        return [category_defs.BY_VALUE[c] for c in category_defs.ordered(self.categories)]

    @property
    def is_overdue(self) -> bool:
        return self.due_at is not None and self.due_at < timezone.now()


class Submission(models.Model):
    """One student's work on one assignment: in progress → submitted → returned."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned"

    assignment = models.ForeignKey(Assignment, on_delete=models.PROTECT, related_name="submissions")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    feedback = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped with every change to the highlights (teaching.services.note_work_changed), in the same
    # transaction: a kept result computed from an older version is recomputed (ArticleResult).
    work_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "student"], name="one_submission_per_student")]

    def __str__(self) -> str:
        return f"{self.student} — {self.assignment}"

    @property
    def is_editable(self) -> bool:
        """Students may change their work until they submit, and again once it is returned."""
        return self.status != self.Status.SUBMITTED

    @property
    def is_handed_in(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.RETURNED)

    @property
    def marks_visible(self) -> bool:
        """The student sees their teacher's marks and comments once the work is returned (the teacher always)."""
        return self.status == self.Status.RETURNED

    @staticmethod
    def feedback_visible_for(status: str, feedback_timing: str) -> bool:
        """Submitted with feedback "right after they submit", or returned by the teacher (whatever the setting).

        Static so a row that carries only the status (the dashboard's cards) asks the same rule.
        """
        if status == Submission.Status.RETURNED:
            return True
        return status == Submission.Status.SUBMITTED and feedback_timing == FeedbackTiming.ON_SUBMIT

    @property
    def feedback_visible(self) -> bool:
        """May the student see the reference-key feedback on this work now?"""
        return self.feedback_visible_for(self.status, self.assignment.feedback_timing)


class AnchoredSpan(models.Model):
    """A span of an article's plain text, held by a W3C selector pair.

    ``start``/``end`` are a TextPositionSelector (code points into the text of ``revision``, which is the
    article's current text while the span is anchored); ``exact``/``prefix``/``suffix`` a TextQuoteSelector.
    Both are kept so the span can be found again when the article is corrected (teaching/anchoring.py).
    Student annotations and the teacher's reference-key items follow the same rules.
    """

    class AnchorStatus(models.TextChoices):
        ANCHORED = "anchored", "On the article's words"
        ORPHANED = "orphaned", "Could not place after a correction"

    anchor_status = models.CharField(max_length=8, choices=AnchorStatus.choices, default=AnchorStatus.ANCHORED)
    orphaned_at = models.DateTimeField(null=True, blank=True)
    category = models.CharField(max_length=12, choices=category_defs.CHOICES)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    exact = models.TextField()
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["start", "end", "id"]

    @property
    def is_orphaned(self) -> bool:
        return self.anchor_status == self.AnchorStatus.ORPHANED


# An annotation anchored with positions into the article's text as it is now (see ``on_current_text``); the
# last two cases are rows and articles from before revisions were recorded.
ON_CURRENT_TEXT = Q(anchor_status=AnchoredSpan.AnchorStatus.ANCHORED) & (
    Q(revision_id=models.F("article__text_revision_id"))
    | Q(revision__isnull=True)
    | Q(article__text_revision__isnull=True)
)


class AnnotationQuerySet(models.QuerySet):
    def on_current_text(self) -> "AnnotationQuerySet":
        """Anchored, with positions into the article's text as it is now: what is drawn, matched and exported
        with positions. A correction commits the new text first and moves the highlights after it, in short
        batches (teaching.services.revisions); until its batch is written a highlight still points into the
        older text (its ``revision``) and is left out here: hidden for a moment, never on other words."""
        return self.filter(ON_CURRENT_TEXT)


class Annotation(AnchoredSpan):
    """A student's highlight, with their comment and, once reviewed, the teacher's mark."""

    class Mark(models.TextChoices):
        GOOD_CATCH = "good", "Good catch"
        LOOK_AGAIN = "again", "Look again"

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="annotations")
    article = models.ForeignKey("articles.Article", on_delete=models.PROTECT, related_name="annotations")
    # The revision whose text start/end point into: the one it was made on, or re-anchored to.
    # An orphan keeps the revision (and the selector) it last fitted, so its old context can be shown.
    revision = models.ForeignKey(
        "articles.ArticleRevision", on_delete=models.PROTECT, null=True, blank=True, related_name="annotations"
    )
    comment = models.TextField(blank=True, max_length=2000)
    # The browser's own id for a highlight it is still trying to save: a retry after a lost answer (or
    # after the student changed the category meanwhile) updates the same row instead of adding another.
    client_key = models.CharField(max_length=64, blank=True, editable=False)
    # A "numbers" highlight as a claim (issue 4): what is counted, and where and when, in the student's words.
    # The value itself is parsed from `exact` on demand (teaching/text/numberclaims/), never stored twice.
    counted = models.CharField("what is counted", max_length=120, blank=True)
    place = models.CharField(max_length=120, blank=True)
    time_window = models.CharField(max_length=120, blank=True)
    teacher_mark = models.CharField(max_length=8, choices=Mark.choices, blank=True)
    teacher_comment = models.TextField(blank=True, max_length=2000)

    objects = AnnotationQuerySet.as_manager()

    class Meta(AnchoredSpan.Meta):
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="annotation_span_not_empty"),
            models.UniqueConstraint(
                fields=["submission", "client_key"], condition=~Q(client_key=""), name="unique_client_key"
            ),
        ]
        indexes = [
            # A student's highlights on an article, on its words: with anchor_status in it, SQLite no longer
            # prefers the index below for these (it scanned the whole class's highlights on the article).
            models.Index(fields=["submission", "article", "anchor_status"], name="annotation_work_on_article"),
            models.Index(fields=["article", "anchor_status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.exact[:40]}"

    @property
    def is_being_moved(self) -> bool:
        """Anchored, but its positions point into an older text than the article's: a correction is moving it.
        Needs ``text_revision_id`` annotated on the row (``F("article__text_revision_id")``); without it, False."""
        current = getattr(self, "text_revision_id", None)
        return (
            self.anchor_status == self.AnchorStatus.ANCHORED
            and None not in (current, self.revision_id)
            and current != self.revision_id
        )


class Relation(models.TextChoices):
    """How linked number claims relate (a student's comparison or a key comparison)."""

    AGREE = "agree", "Agree"
    CONTRADICT = "contradict", "Contradict"
    DIFFERENT = "different", "Measure different things"


class Comparison(models.Model):
    """A student's claim link: two or more "numbers" highlights, from any articles of the lesson."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comparisons")
    annotations = models.ManyToManyField(Annotation, related_name="comparisons")
    relation = models.CharField(max_length=12, choices=Relation.choices)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_relation_display()} ({self.submission})"


class ReferenceKey(models.Model):
    """A lesson's reference key: what a careful reader highlights, with the teacher's explanations."""

    lesson = models.OneToOneField(Lesson, on_delete=models.CASCADE, related_name="reference_key")
    # Set by every change a person makes to the key (site or admin); the launch loader adds only while it is unset,
    # so an item a teacher or admin deleted never comes back.
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reference key: {self.lesson}"


class KeyItem(AnchoredSpan):
    """One span of the reference key, with the teacher's explanation of why it matters."""

    # PROTECT, like everything that carries work: deleting a key must not take its items with it silently.
    key = models.ForeignKey(ReferenceKey, on_delete=models.PROTECT, related_name="items")
    article = models.ForeignKey("articles.Article", on_delete=models.PROTECT, related_name="key_items")
    revision = models.ForeignKey(
        "articles.ArticleRevision", on_delete=models.PROTECT, null=True, blank=True, related_name="key_items"
    )
    explanation = models.TextField(max_length=2000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # The browser's id for an item it is still trying to add (the key mode's outbox), as on Annotation:
    # a retry after a lost answer updates the same item instead of adding another.
    client_key = models.CharField(max_length=64, blank=True, editable=False)

    class Meta(AnchoredSpan.Meta):
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="key_item_span_not_empty"),
            models.UniqueConstraint(
                fields=["key", "client_key"], condition=~Q(client_key=""), name="unique_key_item_client_key"
            ),
        ]
        indexes = [models.Index(fields=["key", "article"]), models.Index(fields=["article", "anchor_status"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.exact[:40]}"


class KeyComparison(models.Model):
    """A comparison in the reference key: key items across articles and how they relate."""

    key = models.ForeignKey(ReferenceKey, on_delete=models.PROTECT, related_name="comparisons")
    items = models.ManyToManyField(KeyItem, related_name="comparisons")
    title = models.CharField(max_length=200, help_text='What is compared, e.g. "people evacuated from the town".')
    relation = models.CharField(max_length=12, choices=Relation.choices)
    explanation = models.TextField(max_length=2000)
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class DismissedSuggestion(models.Model):
    """A suggested key span the teacher dismissed, so it is not offered again."""

    key = models.ForeignKey(ReferenceKey, on_delete=models.CASCADE, related_name="dismissed_suggestions")
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=12)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "article", "start", "end", "kind"], name="unique_dismissal"),
        ]

    def __str__(self) -> str:
        return f"Dismissed {self.kind} suggestion at {self.start}–{self.end}"


class ArticleResult(models.Model):
    """A submission's highlights on one article matched against the lesson's key, kept between reads.

    Derived data, written only by teaching/services/results.py: the class pages add these rows up instead
    of re-matching the whole class on every load. ``inputs`` names what it was computed from (the
    submission's work version, the key's items on the article, the article's text); a row whose inputs
    are no longer current is recomputed when next read. Deleting every row is always safe.
    """

    # No database constraints: a constraint makes every upsert of these rows lock the submission and
    # article rows (KEY SHARE), which is what students' saves lock too. Deletion still cascades (the ORM's).
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="article_results", db_constraint=False
    )
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", db_constraint=False)
    inputs = models.CharField(max_length=80)
    figures = models.JSONField(default=dict)  # category → [found, missed, extra], every category
    found_items = models.JSONField(default=list)  # ids of the key items found
    words = models.JSONField(default=dict)  # category → merged word ranges [[first, past last], …]
    highlights = models.JSONField(default=dict)  # category → highlights on the words
    set_aside = models.JSONField(default=dict)  # category → highlights set aside by a correction

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "article"], name="one_result_per_submission_article")
        ]

    def __str__(self) -> str:
        return f"{self.submission} on article {self.article_id}"


class ClassArticleResult(models.Model):
    """The sum of one assignment's kept ``ArticleResult`` rows on one article: what the class pages show.

    Derived data, written only by teaching/services/results.py. Whenever a kept row of a member changes,
    the same transaction takes its old figures out of this sum and puts the new ones in, so a teacher's
    reload reads one row instead of adding up the whole class. ``members`` (submission id → the inputs
    of its row counted here) is checked against the current rows on every read: a sum that does not
    match them is rebuilt, never trusted. Deleting every row is always safe.
    """

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="+", db_constraint=False)
    stamp = models.CharField(max_length=40)  # the article text (its updated_at) the word numbers refer to
    members = models.JSONField(default=dict)  # submission id → inputs of the row counted
    coverage = models.JSONField(default=dict)  # category mask → per word: members covering it with exactly those
    found_by = models.JSONField(default=dict)  # key item id → members that found it
    raters = models.JSONField(default=dict)  # category mask → members whose highlights are in exactly those

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "article"], name="one_class_result_per_article")]

    def __str__(self) -> str:
        return f"Class of {self.assignment_id} on article {self.article_id}"
