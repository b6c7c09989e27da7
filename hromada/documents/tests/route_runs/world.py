"""Helpers of the running-route tests: start, decide, read statuses."""

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalTask,
)
from hromada.documents.services import routes as services


def staff():
    return UserFactory.create(roles=[Role.EXECUTOR])


def start(document, version, author, steps):
    return services.route_start(
        document=document, version=version, actor=author, steps=steps
    )


def task_of(route, user, order=1):
    return ApprovalTask.objects.get(
        step__route=route, step__order=order, participant=user
    )


def decide(route, user, decision=ApprovalDecision.APPROVED, comment="", order=1):
    return services.route_decide(
        task=task_of(route, user, order),
        actor=user,
        decision=decision,
        comment=comment,
        seen_sha256=route.file_version.sha256,
    )


def statuses(route):
    route.refresh_from_db()
    steps = route.steps.order_by("order").values_list("status", flat=True)
    return (route.status, list(steps))
