"""Every write that matters. Views and the admin call these; they never save rows themselves.

Re-exported by name (never `import *`), so a reader can see which module a call goes to.
"""

from teaching.services.annotations import (
    MAX_COMMENT_CHARS,
    READ_ONLY_MESSAGE,
    create_annotation,
    delete_annotation,
    update_annotation,
)
from teaching.services.claims import (
    MAX_CLAIM_FIELD_CHARS,
    MAX_NOTE_CHARS,
    create_comparison,
    delete_comparison,
    update_claim,
    update_comparison,
)
from teaching.services.classrooms import (
    add_student_to_classroom,
    create_assignment,
    create_classroom,
    generate_temporary_password,
    join_classroom,
    normalise_join_code,
    regenerate_join_code,
    register_student,
)
from teaching.services.keys import (
    MAX_EXPLANATION_CHARS,
    accept_suggestion,
    create_key_comparison,
    create_key_item,
    delete_key_comparison,
    delete_key_item,
    dismiss_suggestion,
    get_or_create_key,
    update_key_comparison,
    update_key_item,
)
from teaching.services.revisions import (
    ReanchorReport,
    apply_placements,
    find_unique_occurrence,
    reattach_annotation,
    revise_article,
)
from teaching.services.submissions import (
    MAX_FEEDBACK_CHARS,
    mark_annotation,
    return_submission,
    start_submission,
    submit_submission,
)

__all__ = [
    "MAX_CLAIM_FIELD_CHARS",
    "MAX_COMMENT_CHARS",
    "MAX_EXPLANATION_CHARS",
    "MAX_FEEDBACK_CHARS",
    "MAX_NOTE_CHARS",
    "READ_ONLY_MESSAGE",
    "ReanchorReport",
    "accept_suggestion",
    "add_student_to_classroom",
    "apply_placements",
    "create_annotation",
    "create_assignment",
    "create_classroom",
    "create_comparison",
    "create_key_comparison",
    "create_key_item",
    "delete_annotation",
    "delete_comparison",
    "delete_key_comparison",
    "delete_key_item",
    "dismiss_suggestion",
    "find_unique_occurrence",
    "generate_temporary_password",
    "get_or_create_key",
    "join_classroom",
    "mark_annotation",
    "normalise_join_code",
    "reattach_annotation",
    "regenerate_join_code",
    "register_student",
    "return_submission",
    "revise_article",
    "start_submission",
    "submit_submission",
    "update_annotation",
    "update_claim",
    "update_comparison",
    "update_key_comparison",
    "update_key_item",
]
