"""Static files as served in production: hashed names, gzip copies, a far-future cache (teaching/staticfiles.py).

The other tests use the plain storage (tests/settings.py says why); this one collects with the real one.
"""

import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from teaching.staticfiles import StaticStorage

REAL_STORAGE = {"staticfiles": {"BACKEND": "teaching.staticfiles.StaticStorage"}}
YEAR = 365 * 24 * 3600


@pytest.fixture
def collected(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, **REAL_STORAGE}
    call_command("collectstatic", "--noinput", verbosity=0)
    return StaticStorage(location=str(tmp_path))


def test_collectstatic_writes_hashed_and_gzipped_copies(collected, tmp_path):
    url = collected.url("css/app.css")
    assert re.fullmatch(r"/static/css/app\.[0-9a-f]{12}\.css", url)
    hashed = tmp_path / url.removeprefix("/static/")
    assert hashed.exists()
    assert (hashed.parent / (hashed.name + ".gz")).exists()


def test_modules_import_each_other_by_hashed_name(collected, tmp_path):
    entry = tmp_path / collected.url("js/annotate.js").removeprefix("/static/")
    imports = re.findall(r'from "(\./[^"]+)"', entry.read_text())
    assert imports, "the reading view's entry module imports nothing?"
    assert all(re.fullmatch(r"\./[\w-]+\.[0-9a-f]{12}\.js", name) for name in imports), imports


@pytest.mark.django_db  # closing the response sends request_finished, which checks the connections
def test_whitenoise_serves_hashed_files_compressed_for_at_least_a_year(collected):
    url = collected.url("js/highlights.js")
    with override_settings(WHITENOISE_AUTOREFRESH=False):
        middleware = WhiteNoiseMiddleware(lambda request: pytest.fail("not served by WhiteNoise"))
        response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br"))
    response.close()
    assert response.status_code == 200
    assert response["Content-Encoding"] in ("gzip", "br")  # br when the brotli package is installed
    cache = response["Cache-Control"]
    assert "immutable" in cache
    assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= YEAR


def test_each_files_url_is_worked_out_once_and_is_djangos(collected, settings, monkeypatch):
    """The storage keeps the URL of each name (the manifest does not change while it lives): the same answer as
    the manifest storage's own, asked of the manifest once; with DEBUG or force, Django's answer every time."""
    from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

    fresh = StaticStorage(location=collected.location)
    expected = ManifestStaticFilesStorage.url(fresh, "css/app.css")
    asked = []
    original = ManifestStaticFilesStorage.url

    def counting(self, name, force=False):
        asked.append(name)
        return original(self, name, force)

    monkeypatch.setattr(ManifestStaticFilesStorage, "url", counting)
    assert [fresh.url("css/app.css") for _ in range(3)] == [expected] * 3
    assert asked == ["css/app.css"]
    settings.DEBUG = True
    assert fresh.url("css/app.css") == "/static/css/app.css"  # unhashed with DEBUG, as Django gives it
    assert fresh.url("css/app.css", force=True) == expected
    assert len(asked) == 3
    with pytest.raises(ValueError):  # a name the manifest lacks is refused every time, never kept
        settings.DEBUG = False
        fresh.url("css/not-there.css")
