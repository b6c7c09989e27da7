"""Kernel views: the health probe."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hromada.core.health import health_report


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with every part "ok", or 503 naming the parts that are not."""
    report = health_report()
    failing = sorted(name for name, state in report.items() if state != "ok")
    status = "ok" if not failing else "unavailable"
    body = {"status": status, "checks": report, "failing": failing}
    return JsonResponse(body, status=200 if not failing else 503)
