"""Background entry points of the appeals room: ids in, one service call."""

import logging

from django.utils import timezone
from django_tasks import task
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from hromada.appeals.models import ClassifierTarget
from hromada.appeals.services import answers, escalation, feedback, intake, learning

logger = logging.getLogger(__name__)


@task()
def appeals_register_accepted() -> None:
    """Register the appeals the public sent, a moment after acceptance."""
    intake.appeal_intakes_register_accepted()


@db_periodic_task(crontab(minute="*"))
def appeals_register_waiting() -> None:
    """Every minute, register accepted appeals still waiting."""
    registered = intake.appeal_intakes_register_waiting(
        received_before=timezone.now() - intake.WAITING_GRACE
    )
    if registered:
        logger.info("Registered %s accepted appeals that were waiting", registered)


@task()
def appeal_answer_record(*, task_id: int) -> None:
    """Answer the appeal whose EDMS task was accepted; safe to run twice."""
    answers.answer_record_from_task(task_id=task_id)


@db_periodic_task(crontab(hour="3", minute="15"))
def appeals_close_unrated() -> None:
    """Every night, close answered appeals left unrated past the window."""
    closed = feedback.appeals_close_unrated()
    if closed:
        logger.info("Closed %s answered appeals nobody rated", closed)


@db_periodic_task(crontab(hour="2", minute="40"))
def appeals_classifier_train() -> None:
    """Every night, retrain the suggestions of category and unit."""
    for target in ClassifierTarget:
        model = learning.classifier_train(target=target)
        if model is not None:
            logger.info(
                "Classifier of %s: %s appeals, accuracy %s",
                target,
                model.samples,
                model.accuracy,
            )


@db_periodic_task(crontab(hour="7", minute="45"))
def appeals_escalate() -> None:
    """Every morning, the digests of appeals at risk and overdue."""
    sent = escalation.appeals_escalate(today=timezone.localdate())
    if sent:
        logger.info("Escalation digests sent to %s people", sent)
