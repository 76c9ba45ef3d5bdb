"""How static files are stored for serving: WhiteNoise's compressed manifest storage.

`collectstatic` writes every file under a content-hashed name (``app.3f2a9c1e.css``) with a gzip copy
beside it, and WhiteNoise serves hashed names with a far-future, immutable Cache-Control: a browser
fetches each version once. ES modules import each other by relative path (``./textpos.js``); the
import aggregation rewrites those imports to hashed names too, so a page never mixes versions of its
modules and every module is cached as long as its entry. Only our own modules (``js/``) are rewritten:
django-htmx's extensions import a name that is not a file, which the rewriting would refuse.
"""

from django.contrib.staticfiles.storage import HashedFilesMixin
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = (
        *CompressedManifestStaticFilesStorage.patterns,
        ("js/*.js", HashedFilesMixin._js_module_import_aggregation_patterns[1]),
    )
