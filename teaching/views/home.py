from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_GET


@require_GET
@login_required
def home(request):
    """Send each role to the page it starts from."""
    user = request.user
    if user.is_teacher:
        return redirect("teaching:classroom_list")
    if user.is_staff:
        return redirect("admin:index")
    return redirect("teaching:dashboard")
