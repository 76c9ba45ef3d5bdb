from django.conf import settings
from django.http import HttpResponse
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
