"""Forms: validation of what people type. Each area keeps its forms in its own module."""

from teaching.forms.annotations import *  # noqa: F401,F403
from teaching.forms.claims import *  # noqa: F401,F403
from teaching.forms.classrooms import *  # noqa: F401,F403
from teaching.forms.keys import *  # noqa: F401,F403
