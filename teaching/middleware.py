from io import BytesIO
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.http.request import RawPostDataException
from django.shortcuts import resolve_url


class HealthCheckMiddleware:
    """Answer /healthz before sessions, auth or the database are touched.

    Load balancers and `make bench` poll it; it must stay cheap and never set a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return HttpResponse("ok", content_type="text/plain")
        return self.get_response(request)


class BackgroundLoginMiddleware:
    """A background request (htmx or the page's own fetch) from someone no longer logged in gets 401.

    ``login_required`` would redirect it to the login page; fetch follows the redirect, sees 200 and the
    page would think a save had worked. A 401 lets the page keep the highlight and say what to do.
    """

    MESSAGE = "Your session has ended. Log in again in another tab, then reload this page: unsaved highlights are kept."

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 302
            and request.headers.get("HX-Request") == "true"
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            return HttpResponse(self.MESSAGE, status=401, content_type="text/plain; charset=utf-8")
        return response


class PermissionsPolicyMiddleware:
    """Every response, static files and /healthz included, says which browser features the site may use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RefuseUndecodableFormsMiddleware:
    """A form whose text is not valid UTF-8 is refused (400), not stored with replacement characters.

    Django decodes form fields leniently (a bad byte becomes "\ufffd"), so a comment would be saved
    altered. The JSON API refuses such a body with 400; forms are refused the same way, before any view.
    Browsers always send UTF-8: only a broken or hand-made client gets here.
    """

    MESSAGE = "The form sent text that is not valid UTF-8 ({fields}). Nothing was saved: send the text as UTF-8."
    FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")  # both reach views as request.POST

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH") and request.content_type in self.FORMS:
            bad = self._undecodable_fields(request)
            if bad:
                message = self.MESSAGE.format(fields=", ".join(sorted(bad)))
                if request.path.startswith("/api/"):
                    return JsonResponse({"errors": {field: [message] for field in sorted(bad)}}, status=400)
                return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _undecodable_fields(request) -> set[str]:
        try:
            body = request.body
        except (RequestDataTooBig, RawPostDataException):
            return set()  # Django refuses or has read it already; nothing for us to check
        bad = set()
        # latin-1 maps every byte to one character, so each field's bytes can be checked on their own.
        if request.content_type == "multipart/form-data":
            fields = _multipart_text_fields(request, body)
        else:
            fields = parse_qsl(body.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
        for name, value in fields:
            try:
                value.encode("latin-1").decode("utf-8")
                name.encode("latin-1").decode("utf-8")
            except UnicodeDecodeError:
                bad.add(name.encode("latin-1").decode("utf-8", "replace"))
        return bad


def _multipart_text_fields(request, body: bytes) -> list[tuple[str, str]]:
    """The text fields (not files) of a multipart body, each byte read as one latin-1 character."""
    meta = {**request.META, "CONTENT_LENGTH": str(len(body))}
    try:
        post, _files = MultiPartParser(meta, BytesIO(body), [MemoryFileUploadHandler(request)], "latin-1").parse()
    except MultiPartParserError:
        return []  # Django answers 400 for it when the view reads the form
    return [(name, value) for name, values in post.lists() for value in values]
