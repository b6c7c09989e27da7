"""The base of every API view: authentication, permission, lookups."""

from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from rest_framework import authentication, permissions
from rest_framework.exceptions import NotFound
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.views import APIView

from hromada.accounts.models import User
from hromada.api.authentication import BearerTokenAuthentication
from hromada.api.permissions import CanUseCabinet

ModelT = TypeVar("ModelT", bound=Model)


class BaseApi(APIView):
    """An API view: a bearer token or a session, then the cabinet's gate.

    Exempt from Django's login redirect, because DRF authenticates and
    answers 401 itself. The bearer class comes first so that 401 carries
    ``WWW-Authenticate``.
    """

    authentication_classes = (
        BearerTokenAuthentication,
        authentication.SessionAuthentication,
    )
    permission_classes = (permissions.IsAuthenticated, CanUseCabinet)

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Callable[..., Any]:
        return login_not_required(super().as_view(**initkwargs))

    @staticmethod
    def actor(request: Request) -> User:
        """The signed-in user; the permission classes have already run."""
        return cast(User, request.user)  # IsAuthenticated and CanUseCabinet held


def get_or_404(queryset: QuerySet[ModelT], **lookup: object) -> ModelT:
    """One object of a scoped queryset; hidden and missing both answer 404."""
    try:
        return queryset.get(**lookup)
    except ObjectDoesNotExist as error:
        raise NotFound from error


class ApiPagination(LimitOffsetPagination):
    """``?limit=&offset=``; 20 by default, 100 at most."""

    default_limit = 20
    max_limit = 100
