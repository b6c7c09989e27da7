"""Documents endpoints: cards, their files, tasks and approvals (issue 3).

Reads go through the documents selectors, writes through its services; a
hidden object answers 404 exactly like a missing one.
"""

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from hromada.api.base import ApiPagination, BaseApi, get_or_404
from hromada.api.errors import ERROR_RESPONSES
from hromada.api.v1.documents import serializers as io
from hromada.documents.selectors import cards as card_selectors
from hromada.documents.selectors import control as control_selectors
from hromada.documents.selectors import files as file_selectors
from hromada.documents.selectors import routes as route_selectors
from hromada.documents.services import control as control_services
from hromada.documents.services import registration as registration_services
from hromada.documents.services import routes as route_services


def _page(
    view: BaseApi,
    request: Request,
    queryset: QuerySet[Any],
    serializer: type[serializers.Serializer],
) -> Response:
    paginator = ApiPagination()
    rows = paginator.paginate_queryset(queryset, request, view=view)
    data = serializer(rows, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


def _query(request: Request, serializer: type[serializers.Serializer]) -> Any:
    params = serializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    return params.validated_data


def _body(request: Request, serializer: type[serializers.Serializer]) -> Any:
    payload = serializer(data=request.data)
    payload.is_valid(raise_exception=True)
    return payload.validated_data


class DocumentListApi(BaseApi):
    """Cards the caller may see, newest numbers first, drafts on top."""

    @extend_schema(
        operation_id="document_list",
        parameters=[io.DocumentFilterInputSerializer],
        responses={200: io.DocumentPageOutputSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        filters = _query(request, io.DocumentFilterInputSerializer)
        documents = card_selectors.document_list_for_user(
            user=self.actor(request),
            kind=filters.get("kind"),
            status=filters.get("status"),
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
            query=filters.get("q", ""),
        )
        return _page(self, request, documents, io.DocumentOutputSerializer)

    @extend_schema(
        operation_id="document_create",
        request=io.DocumentCreateInputSerializer,
        responses={201: io.DocumentOutputSerializer, **ERROR_RESPONSES},
    )
    def post(self, request: Request) -> Response:
        data = _body(request, io.DocumentCreateInputSerializer)
        document = registration_services.document_create_draft(
            actor=self.actor(request), **data
        )
        return Response(
            io.DocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED
        )


class DocumentDetailApi(BaseApi):
    """One card the caller may see."""

    @extend_schema(
        operation_id="document_detail",
        responses={200: io.DocumentOutputSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request, public_id: UUID) -> Response:
        actor = self.actor(request)
        document = get_or_404(
            card_selectors.document_list_for_user(user=actor), public_id=public_id
        )
        registration_services.document_read_record(document=document, reader=actor)
        return Response(io.DocumentOutputSerializer(document).data)


class DocumentRegisterApi(BaseApi):
    """Give a draft its number in a journal (registrars only)."""

    @extend_schema(
        operation_id="document_register",
        request=io.DocumentRegisterInputSerializer,
        responses={200: io.DocumentOutputSerializer, **ERROR_RESPONSES},
    )
    def post(self, request: Request, public_id: UUID) -> Response:
        actor = self.actor(request)
        document = get_or_404(
            card_selectors.document_list_for_user(user=actor), public_id=public_id
        )
        data = _body(request, io.DocumentRegisterInputSerializer)
        document = registration_services.document_register(
            document=document, journal=data["journal"], actor=actor
        )
        return Response(io.DocumentOutputSerializer(document).data)


class DocumentFileListApi(BaseApi):
    """A card's files, each with its versions, newest first."""

    @extend_schema(
        operation_id="document_file_list",
        responses={200: io.DocumentFileOutputSerializer(many=True), **ERROR_RESPONSES},
    )
    def get(self, request: Request, public_id: UUID) -> Response:
        document = get_or_404(
            card_selectors.document_list_for_user(user=self.actor(request)),
            public_id=public_id,
        )
        files = file_selectors.document_file_list(document=document)
        return Response(
            io.DocumentFileOutputSerializer(
                files, many=True, context={"request": request}
            ).data
        )


class TaskListApi(BaseApi):
    """The caller's own tasks, soonest due first."""

    @extend_schema(
        operation_id="task_list",
        parameters=[io.TaskFilterInputSerializer],
        responses={200: io.TaskPageOutputSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        actor = self.actor(request)
        filters = _query(request, io.TaskFilterInputSerializer)
        tasks = control_selectors.task_list_for_user(user=actor).filter(executor=actor)
        if "status" in filters:
            tasks = tasks.filter(status=filters["status"])
        return _page(self, request, tasks, io.TaskOutputSerializer)


class TaskReportApi(BaseApi):
    """Report on a task; the report then waits for review."""

    @extend_schema(
        operation_id="task_report",
        request=io.TaskReportInputSerializer,
        responses={200: io.TaskOutputSerializer, **ERROR_RESPONSES},
    )
    def post(self, request: Request, public_id: UUID) -> Response:
        actor = self.actor(request)
        task = get_or_404(
            control_selectors.task_list_for_user(user=actor), public_id=public_id
        )
        data = _body(request, io.TaskReportInputSerializer)
        control_services.task_report_submit(task=task, actor=actor, text=data["text"])
        task = control_selectors.task_list_for_user(user=actor).get(pk=task.pk)
        return Response(io.TaskOutputSerializer(task).data)


class ApprovalListApi(BaseApi):
    """Approval tasks waiting for the caller or whom they stand in for."""

    @extend_schema(
        operation_id="approval_list",
        responses={200: io.ApprovalPageOutputSerializer, **ERROR_RESPONSES},
    )
    def get(self, request: Request) -> Response:
        approvals = route_selectors.approval_list_for_user(user=self.actor(request))
        return _page(self, request, approvals, io.ApprovalOutputSerializer)


class ApprovalDecideApi(BaseApi):
    """Decide on an approval task for the file version the caller saw."""

    @extend_schema(
        operation_id="approval_decide",
        request=io.ApprovalDecideInputSerializer,
        responses={200: io.ApprovalOutputSerializer, **ERROR_RESPONSES},
    )
    def post(self, request: Request, public_id: UUID) -> Response:
        actor = self.actor(request)
        task = get_or_404(
            route_selectors.approval_list_for_user(user=actor), public_id=public_id
        )
        data = _body(request, io.ApprovalDecideInputSerializer)
        task = route_services.route_decide(task=task, actor=actor, **data)
        return Response(
            io.ApprovalOutputSerializer(task, context={"request": request}).data
        )
