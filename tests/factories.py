import random
import re

import factory
from factory.django import DjangoModelFactory

from articles.models import Article
from teaching import models
from teaching.text.anchoring import select

PASSWORD = "correct-horse-42"

SAMPLE_BODY = (
    "# Troops enter the city\n\n"
    "Officials said approximately 300 troops were inside the city, according to the general staff.\n\n"
    "Critics called it a “modern-day Stalingrad” – a claim no one could check.\n"
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = models.User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StudentFactory(UserFactory):
    username = factory.Sequence(lambda n: f"student{n}")
    role = models.User.Role.STUDENT


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")
    role = models.User.Role.TEACHER


class AdminFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title = "Troops enter the city"
    body_markdown = SAMPLE_BODY


class ClassroomFactory(DjangoModelFactory):
    class Meta:
        model = models.Classroom

    name = factory.Sequence(lambda n: f"Class {n}")
    teacher = factory.SubFactory(TeacherFactory)


class EnrollmentFactory(DjangoModelFactory):
    class Meta:
        model = models.Enrollment

    classroom = factory.SubFactory(ClassroomFactory)
    student = factory.SubFactory(StudentFactory)


class LessonFactory(DjangoModelFactory):
    class Meta:
        model = models.Lesson

    title = factory.Sequence(lambda n: f"Lesson {n}")
    introduction = "Read the reports and highlight what you notice."


class LessonArticleFactory(DjangoModelFactory):
    class Meta:
        model = models.LessonArticle

    lesson = factory.SubFactory(LessonFactory)
    article = factory.SubFactory(ArticleFactory)
    position = 1


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = models.Assignment

    classroom = factory.SubFactory(ClassroomFactory)
    lesson = factory.SubFactory(LessonFactory)
    instructions = "Highlight rhetoric, sourcing and numbers."
    categories = factory.LazyFunction(lambda: ["rhetoric", "sourcing", "numbers"])


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = models.Submission

    assignment = factory.SubFactory(AssignmentFactory)
    student = factory.SubFactory(StudentFactory)


def _selector_for(article, phrase: str, occurrence: int):
    text = article.body_text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    sel = select(text, start, start + len(phrase), phrase)
    return {"start": sel.start, "end": sel.end, "exact": sel.exact, "prefix": sel.prefix, "suffix": sel.suffix}


def annotation_for(submission, article, phrase: str, category: str = "numbers", occurrence: int = 0, **extra):
    """Create an annotation on the `occurrence`-th appearance of `phrase` in the article's text."""
    extra.setdefault("revision", article.current_revision)  # as create_annotation records it
    return models.Annotation.objects.create(
        submission=submission, article=article, category=category, **_selector_for(article, phrase, occurrence), **extra
    )


def seed_highlights(submission, article, count: int, *, seed: int, longest: int = 5) -> None:
    """`count` numbers highlights of 1 to `longest` words at random places (seeded), written in bulk: a large
    article's worth of work for the correction and concurrency tests."""
    text = article.body_text
    words = [m.span() for m in re.finditer(r"\S+", text)]
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randint(0, longest - 1))
        start, end = words[first][0], words[last][1]
        sel = select(text, start, end, text[start:end])
        rows.append(
            models.Annotation(
                submission=submission,
                article=article,
                revision=article.current_revision,
                category="numbers",
                start=sel.start,
                end=sel.end,
                exact=sel.exact,
                prefix=sel.prefix,
                suffix=sel.suffix,
            )  # fmt: skip
        )
    models.Annotation.objects.bulk_create(rows, batch_size=2000)


class ReferenceKeyFactory(DjangoModelFactory):
    class Meta:
        model = models.ReferenceKey

    lesson = factory.SubFactory(LessonFactory)


def key_item_for(key, article, phrase: str, category: str = "numbers", occurrence: int = 0, **extra):
    """Create a reference-key item on the `occurrence`-th appearance of `phrase` in the article's text."""
    extra.setdefault("revision", article.current_revision)
    extra.setdefault("explanation", f"Why “{phrase}” matters.")
    return models.KeyItem.objects.create(
        key=key, article=article, category=category, **_selector_for(article, phrase, occurrence), **extra
    )
