"""Reads that depend on who asks: they return only what that user may see, or raise Http404."""

from teaching.selectors.annotations import *  # noqa: F401,F403
from teaching.selectors.articles import *  # noqa: F401,F403
from teaching.selectors.claims import *  # noqa: F401,F403
from teaching.selectors.classrooms import *  # noqa: F401,F403
from teaching.selectors.feedback import *  # noqa: F401,F403
from teaching.selectors.insights import *  # noqa: F401,F403
from teaching.selectors.keys import *  # noqa: F401,F403
from teaching.selectors.orphans import *  # noqa: F401,F403
from teaching.selectors.submissions import *  # noqa: F401,F403
