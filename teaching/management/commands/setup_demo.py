"""Load the launch lesson and the demo accounts, then print how to log in. Safe to run again.

Running it again never touches anybody's work: the launch lesson and its key are loaded once, and later runs
add only what is missing from a lesson and key nobody has edited (see load_launch_lesson, load_launch_key);
accounts, the demo class and its assignment are only created when absent.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from teaching.models import Assignment, Classroom, Enrollment, Lesson, User

LAUNCH_LESSON_TITLE = "Pokrovsk: four reports"
DEMO_CLASS = "Demo class — Year 10 Media"

# (username, password, role, first name, last name, staff)
DEMO_ACCOUNTS = [
    ("admin", "crosscheck-admin", User.Role.STUDENT, "Alex", "Admin", True),
    ("teacher", "crosscheck-teacher", User.Role.TEACHER, "Ada", "Okafor", False),
    ("student1", "crosscheck-student", User.Role.STUDENT, "Sam", "Reyes", False),
    ("student2", "crosscheck-student", User.Role.STUDENT, "Riya", "Patel", False),
]


class Command(BaseCommand):
    help = "Load the launch lesson and demo accounts (an admin, a teacher, two students in a demo class)."

    def handle(self, *args, **options):
        call_command("load_launch_lesson", stdout=self.stdout)
        call_command("load_launch_key", stdout=self.stdout)
        with transaction.atomic():
            users, notes = self._accounts()
            classroom = self._classroom(teacher=users["teacher"], students=[users["student1"], users["student2"]])
        self._print_logins(notes, classroom)

    def _accounts(self):
        users, notes = {}, {}
        for username, password, role, first, last, staff in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "role": role,
                    "first_name": first,
                    "last_name": last,
                    "is_staff": staff,
                    "is_superuser": staff,
                },
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            elif not user.check_password(password):
                # Someone changed it while trying the site; keep theirs rather than reset it silently.
                notes[username] = "(password changed since it was created)"
            users[username] = user
        return users, notes

    def _classroom(self, *, teacher, students):
        classroom, _ = Classroom.objects.get_or_create(name=DEMO_CLASS, teacher=teacher)
        for student in students:
            Enrollment.objects.get_or_create(classroom=classroom, student=student)
        lesson = Lesson.objects.filter(title=LAUNCH_LESSON_TITLE, owner__isnull=True).first()
        if lesson and not classroom.assignments.filter(lesson=lesson).exists():
            Assignment.objects.create(
                classroom=classroom,
                lesson=lesson,
                instructions=(
                    "Read all four reports. Highlight rhetoric, sourcing and numbers, and say in a comment why each "
                    "highlight matters. Look hardest at the numbers the reports disagree on."
                ),
                categories=["rhetoric", "sourcing", "numbers"],
            )
        return classroom

    def _print_logins(self, notes, classroom):
        w = self.stdout.write
        w("")
        w(self.style.SUCCESS("Crosscheck is ready. Demo logins:"))
        for username, password, role, _first, _last, staff in DEMO_ACCOUNTS:
            label = "admin" if staff else role
            w(f"  {label:<8} {username:<10} {password:<20} {notes.get(username, '')}")
        w(f"  Demo class: {classroom.name} — students join with code {classroom.join_code}")
        w("")
