"""Reads about classes, rosters and assignments, limited to what the asking user may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from teaching import categories as category_defs
from teaching import permissions
from teaching import rows as rows_sql
from teaching.models import Assignment, Classroom, Enrollment, Lesson, Submission, User
from teaching.selectors.feedback import ClassWork, class_work

__all__ = [
    "AssignmentReview",
    "ReviewRow",
    "StudentAssignment",
    "get_assignment_review_for",
    "get_classroom_for",
    "list_assignments_for_classroom",
    "list_assignments_for_student",
    "list_classrooms_for",
    "list_lessons_for_assignment",
    "list_roster",
]

NOT_STARTED = "not_started"
_STATUS_LABELS = {NOT_STARTED: "Not started", **dict(Submission.Status.choices)}


def _category_counts() -> dict[str, Count]:
    return {
        f"count_{c.value}": Count("annotations", filter=Q(annotations__category=c.value)) for c in category_defs.ALL
    }


def list_classrooms_for(*, user: User) -> QuerySet[Classroom]:
    """A teacher's own classes (with student and open-assignment counts); a student's joined classes."""
    if permissions.is_teacher(user):
        now = timezone.now()
        return Classroom.objects.filter(teacher=user).annotate(
            student_count=Count("enrollments", distinct=True),
            open_assignment_count=Count(
                "assignments",
                filter=Q(assignments__due_at__isnull=True) | Q(assignments__due_at__gte=now),
                distinct=True,
            ),
        )
    if permissions.is_student(user):
        return Classroom.objects.filter(enrollments__student=user).select_related("teacher")
    return Classroom.objects.none()


def get_classroom_for(*, user: User, pk: int) -> Classroom:
    """The class, if ``user`` teaches it; anyone else gets a 404 (not a hint that it exists)."""
    if not permissions.is_teacher(user):
        raise Http404("No such class.")
    try:
        return Classroom.objects.get(pk=pk, teacher=user)
    except Classroom.DoesNotExist:
        raise Http404("No such class.") from None


def list_roster(*, classroom: Classroom) -> QuerySet[Enrollment]:
    return (
        Enrollment.objects.filter(classroom=classroom)
        .select_related("student")
        .order_by("student__last_name", "student__first_name", "student__username")
    )


def list_assignments_for_classroom(*, classroom: Classroom) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(classroom=classroom)
        .select_related("lesson")
        .annotate(
            submitted_count=Count(
                "submissions",
                filter=Q(submissions__status__in=[Submission.Status.SUBMITTED, Submission.Status.RETURNED]),
            )
        )
    )


def list_lessons_for_assignment() -> QuerySet[Lesson]:
    """Lessons a teacher can set: only those with at least one article, each with its article count."""
    return Lesson.objects.annotate(article_count=Count("lesson_articles")).filter(article_count__gt=0)


@dataclass(frozen=True)
class StudentAssignment:
    assignment: Assignment
    submission: Submission | None

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else NOT_STARTED

    @property
    def status_label(self) -> str:
        return _STATUS_LABELS[self.status]

    @property
    def highlight_count(self) -> int:
        return self.submission.highlight_count if self.submission else 0

    @property
    def action_label(self) -> str:
        return {
            NOT_STARTED: "Start",
            Submission.Status.IN_PROGRESS: "Continue",
            Submission.Status.SUBMITTED: "View",
            Submission.Status.RETURNED: "Read your teacher’s marks",
        }[self.status]

    @property
    def is_done(self) -> bool:
        return self.submission is not None and self.submission.is_handed_in

    @property
    def feedback_visible(self) -> bool:
        return Submission.feedback_visible_for(self.status, self.assignment.feedback_timing)


def _dashboard_order(row: StudentAssignment) -> tuple:
    # Work still to do first, soonest due first; undated after dated; newest assignments first among equals.
    due = row.assignment.due_at
    return (row.is_done, due is None, due or datetime.max.replace(tzinfo=UTC), -row.assignment.pk)


def list_assignments_for_student(*, user: User) -> list[StudentAssignment]:
    """Every assignment in the classes ``user`` is enrolled in, with their own submission (if any)."""
    if not permissions.is_student(user):
        return []
    own_submissions = Submission.objects.filter(student=user).annotate(highlight_count=Count("annotations"))
    assignments = (
        Assignment.objects.filter(classroom__enrollments__student=user)
        .select_related("lesson", "classroom", "lesson__reference_key")  # the key: for "See your feedback"
        .prefetch_related(Prefetch("submissions", queryset=own_submissions, to_attr="own_submissions"))
    )
    rows = [StudentAssignment(a, a.own_submissions[0] if a.own_submissions else None) for a in assignments]
    return sorted(rows, key=_dashboard_order)


@dataclass(frozen=True)
class ReviewRow:
    student: User
    submission: Submission | None
    counts: dict[str, int]  # category value → highlights, for the categories in play
    enrolled: bool = True

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else NOT_STARTED

    @property
    def status_label(self) -> str:
        return _STATUS_LABELS[self.status]

    @property
    def count_list(self) -> list[int]:
        return list(self.counts.values())

    @property
    def total(self) -> int:
        return sum(self.counts.values())


REVIEW_PAGE_SIZE = 40  # students per page of the review: a lecture-sized class stays as quick as a small one


@dataclass(frozen=True)
class ReviewPage:
    number: int
    pages: int
    first: int  # 1-based place of the first row shown
    last: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None

    @property
    def numbers(self) -> range:
        return range(1, self.pages + 1)


@dataclass(frozen=True)
class AssignmentReview:
    assignment: Assignment
    rows: list[ReviewRow]  # this page's
    work: ClassWork | None = None  # the kept results the counts came from, for the scores beside them
    page: ReviewPage | None = None
    submitted_count: int = 0  # the whole class's, not only this page's
    in_progress_count: int = 0
    not_started_count: int = 0
    student_count: int = 0
    # Every submission of the assignment (id, status, work_version), read once for the whole page
    # (class_comparisons reads them too).
    submissions: list[tuple[int, str, int]] = field(default_factory=list)


def _name_order(user: User) -> tuple[str, str, str]:
    return (user.last_name, user.first_name, user.username)


def students_with_submissions(
    assignment_id: int, student_ids: list[int]
) -> tuple[dict[int, User], dict[int, Submission]]:
    """``User.objects.in_bulk(student_ids)`` and those students' submissions to the assignment,
    ``Submission.objects.in_bulk`` of their ids: in one query of SQL written here (the review reads them on
    every load; the ORM's two cost more to build than to run)."""
    if not student_ids:
        return {}, {}
    users, subs = User._meta.db_table, Submission._meta.db_table
    sql = (
        f'SELECT {rows_sql.columns(User)}, {rows_sql.columns(Submission)} FROM "{users}" '  # noqa: S608
        f'LEFT JOIN "{subs}" ON "{subs}"."student_id" = "{users}"."id" AND "{subs}"."assignment_id" = %s '
        f'WHERE "{users}"."id" IN ({", ".join(["%s"] * len(student_ids))})'
    )
    width = len(User._meta.concrete_fields)
    students, own = {}, {}
    for values in rows_sql.fetchall(sql, [assignment_id, *student_ids]):
        student = rows_sql.instance(User, values[:width])
        students[student.pk] = student
        if values[width] is not None:  # the submission's id: None when the student has not started
            submission = rows_sql.instance(Submission, values[width:])
            own[submission.pk] = submission
    return students, own


def get_assignment_review_for(*, user: User, pk: int, page: int = 1) -> AssignmentReview:
    """One row per student (started or not) with highlight counts, a page of ``REVIEW_PAGE_SIZE`` at a
    time, and the whole class's figures (submitted, in progress, not started).

    The class is read as ids and statuses only; students, submissions and kept results are read for the
    page's rows alone, so a page costs the same for 40 students as for 400.
    """
    if not permissions.is_teacher(user):
        raise Http404("No such assignment.")
    try:
        assignment = Assignment.objects.select_related("lesson__owner", "classroom").get(pk=pk, classroom__teacher=user)
    except Assignment.DoesNotExist:
        raise Http404("No such assignment.") from None
    in_play = [c.value for c in assignment.category_objects]
    roster = list(list_roster(classroom=assignment.classroom).values_list("student_id", flat=True))  # in name order
    on_roster = set(roster)
    every = list(
        Submission.objects.filter(assignment=assignment).values_list("pk", "student_id", "status", "work_version")
    )
    submissions = {student: (sub_pk, status) for sub_pk, student, status, _ in every}
    # Work by students no longer on the roster is still shown (after the roster), never silently dropped.
    left = [s for s in submissions if s not in on_roster]
    if left:
        left = [u.pk for u in sorted(User.objects.filter(pk__in=left), key=_name_order)]
    order = [(s, True) for s in roster] + [(s, False) for s in left]
    done = (Submission.Status.SUBMITTED, Submission.Status.RETURNED)
    statuses = [submissions[s][1] for s, _ in order if s in submissions]
    pages = max(1, -(-len(order) // REVIEW_PAGE_SIZE))
    number = min(max(1, page), pages)
    shown = order[(number - 1) * REVIEW_PAGE_SIZE : number * REVIEW_PAGE_SIZE]
    students, own = students_with_submissions(assignment.pk, [s for s, _ in shown])
    # Highlight counts come from the kept results (teaching/services/results.py), not a count per load.
    work = class_work(assignment, {sub.pk: sub.work_version for sub in own.values()}, spans_only=True)

    def row(student_id: int, enrolled: bool) -> ReviewRow:
        sub = own.get(submissions[student_id][0]) if student_id in submissions else None
        counts = dict.fromkeys(in_play, 0)
        for result in work.of(sub.pk) if sub else ():
            for c in in_play:
                counts[c] += result.highlights.get(c, 0) + result.set_aside.get(c, 0)
        if sub is not None:
            sub.student = students[student_id]
        return ReviewRow(student=students[student_id], submission=sub, counts=counts, enrolled=enrolled)

    first = (number - 1) * REVIEW_PAGE_SIZE
    return AssignmentReview(
        assignment=assignment,
        rows=[row(s, enrolled) for s, enrolled in shown],
        work=work,
        page=ReviewPage(number, pages, first + 1 if shown else 0, first + len(shown), len(order)),
        submitted_count=sum(1 for status in statuses if status in done),
        in_progress_count=sum(1 for status in statuses if status == Submission.Status.IN_PROGRESS),
        not_started_count=len(roster) - sum(1 for s in roster if s in submissions),
        student_count=len(roster),
        submissions=[(sub_pk, status, version) for sub_pk, _, status, version in every],
    )
