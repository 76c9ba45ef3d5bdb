from django.http import HttpResponse


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
