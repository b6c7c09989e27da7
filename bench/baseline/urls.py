"""B0 hello world, B1 a 20-row read, B2 a single-row insert."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from bench.baseline.models import Row


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world")


def read20(request: HttpRequest) -> JsonResponse:
    rows = list(Row.objects.order_by("pk").values("id", "title")[:20])
    return JsonResponse({"rows": rows})


@csrf_exempt
def insert(request: HttpRequest) -> JsonResponse:
    row = Row.objects.create(title="benchmark row")
    return JsonResponse({"id": row.pk}, status=201)


urlpatterns = [
    path("b0/", hello),
    path("b1/", read20),
    path("b2/", insert),
]
