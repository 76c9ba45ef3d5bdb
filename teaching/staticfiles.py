"""How static files are stored for serving: WhiteNoise's compressed manifest storage.

`collectstatic` writes every file under a content-hashed name (``app.3f2a9c1e.css``) with a gzip copy
beside it, and WhiteNoise serves hashed names with a far-future, immutable Cache-Control: a browser
fetches each version once. ES modules import each other by relative path (``./textpos.js``); the
import aggregation rewrites those imports to hashed names too, so a page never mixes versions of its
modules and every module is cached as long as its entry. Only our own modules (``js/``) are rewritten:
django-htmx's extensions import a name that is not a file, which the rewriting would refuse.
"""

from django.conf import settings
from django.contrib.staticfiles.storage import HashedFilesMixin
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = (
        *CompressedManifestStaticFilesStorage.patterns,
        ("js/*.js", HashedFilesMixin._js_module_import_aggregation_patterns[1]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        """The file's hashed URL, worked out once per name: the manifest is read once when the storage is made
        and never changes while it lives (every page asked again for its five to seven files: about 20 µs
        each). With DEBUG (unhashed names) or ``force``, Django's answer every time."""
        if force or settings.DEBUG:
            return super().url(name, force)
        found = self._urls.get(name)
        if found is None:
            found = self._urls[name] = super().url(name)
        return found

    def post_process(self, *args, **kwargs):
        # collectstatic writes a new manifest: no URL worked out from the old one is kept.
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
