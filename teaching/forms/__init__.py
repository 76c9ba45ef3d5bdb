"""Forms: validation of what people type. Each area keeps its forms in its own module (re-exported by name)."""

from teaching.forms.accounts import (
    ThrottledAdminLoginForm,
    ThrottledLoginForm,
)
from teaching.forms.annotations import (
    AnnotationCreateForm,
    AnnotationMarkForm,
    AnnotationUpdateForm,
    SubmissionReturnForm,
)
from teaching.forms.claims import (
    ClaimForm,
    ComparisonCreateForm,
    ComparisonUpdateForm,
)
from teaching.forms.classrooms import (
    AddStudentForm,
    AssignmentForm,
    ClassroomForm,
    JoinClassroomForm,
    SignupCodeForm,
    StudentSignupForm,
)
from teaching.forms.keys import (
    KeyComparisonEditForm,
    KeyItemCreateForm,
    KeyItemUpdateForm,
    SuggestionAcceptForm,
    SuggestionDismissForm,
)
from teaching.forms.lessons import (
    LessonArticleAddForm,
    LessonArticleMoveForm,
    LessonForm,
)

__all__ = [
    "KeyComparisonEditForm",
    "AddStudentForm",
    "AnnotationCreateForm",
    "AnnotationMarkForm",
    "AnnotationUpdateForm",
    "AssignmentForm",
    "ClaimForm",
    "ClassroomForm",
    "ComparisonCreateForm",
    "ComparisonUpdateForm",
    "JoinClassroomForm",
    "KeyItemCreateForm",
    "KeyItemUpdateForm",
    "LessonArticleAddForm",
    "LessonArticleMoveForm",
    "LessonForm",
    "SignupCodeForm",
    "StudentSignupForm",
    "SubmissionReturnForm",
    "SuggestionAcceptForm",
    "SuggestionDismissForm",
    "ThrottledAdminLoginForm",
    "ThrottledLoginForm",
]
