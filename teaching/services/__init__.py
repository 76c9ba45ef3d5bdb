"""Every write that matters. Views and the admin call these; they never save rows themselves."""

from teaching.services.annotations import *  # noqa: F401,F403
from teaching.services.claims import *  # noqa: F401,F403
from teaching.services.classrooms import *  # noqa: F401,F403
from teaching.services.keys import *  # noqa: F401,F403
from teaching.services.revisions import *  # noqa: F401,F403
from teaching.services.submissions import *  # noqa: F401,F403
