"""What an appeal gathers as it is handled: files, timeline, followers,
and the answers of each control cycle."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.appeals.models.appeals import Appeal
from hromada.appeals.models.choices import AppealEventKind, AppealOutcome
from hromada.core.models import BaseModel, StoredFile
from hromada.org.models import OrgUnit


class AttachmentRole(models.TextChoices):
    """Whose file: the applicant's evidence or part of the answer."""

    APPLICANT = "applicant", _("From the applicant")
    ANSWER = "answer", _("Of the answer")


class AppealAttachment(BaseModel):
    """A photo or document of an appeal, stored with its SHA-256."""

    appeal = models.ForeignKey(
        Appeal,
        verbose_name=_("appeal"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    stored_file = models.ForeignKey(
        StoredFile, verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=AttachmentRole, default="applicant"
    )
    is_image = models.BooleanField(_("image"), default=False)
    answer = models.ForeignKey(
        "AppealAnswer",
        verbose_name=_("answer"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )

    class Meta:
        verbose_name = _("appeal attachment")
        verbose_name_plural = _("appeal attachments")
        ordering = ["appeal", "pk"]

    def __str__(self) -> str:
        return self.stored_file.original_name


class AppealEvent(BaseModel):
    """A step of the appeal's timeline, as its public page tells it.

    ``unit`` says whose desk the appeal went to; an official's name is
    kept in ``actor`` for staff and never shown on public pages.
    """

    appeal = models.ForeignKey(
        Appeal,
        verbose_name=_("appeal"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AppealEventKind)
    at = models.DateTimeField(_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A public remark: "due date moved to 17.04.2025", "forwarded to …".
    note = models.CharField(_("note"), max_length=500, blank=True)
    # What the applicant wrote (a comment): staff and the applicant only.
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("appeal event")
        verbose_name_plural = _("appeal events")
        ordering = ["appeal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.kind}"


class AppealFollower(BaseModel):
    """Someone who reported the same problem and joined this appeal."""

    appeal = models.ForeignKey(
        Appeal,
        verbose_name=_("appeal"),
        on_delete=models.CASCADE,
        related_name="followers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(
                fields=["appeal", "user"], name="appeals_follower_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.user_id}"


class AnswerStatus(models.TextChoices):
    """An executor's answer waits for the controller, who accepts it (it is
    published) or returns it for rework."""

    SUBMITTED = "submitted", _("Waiting for the controller")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for rework")


class AppealAnswer(BaseModel):
    """One answer of one control cycle; the accepted one is the appeal's.

    It is the EDMS task's report (``report``), so the card's control of
    execution and the appeal tell the same story.
    """

    appeal = models.ForeignKey(
        Appeal,
        verbose_name=_("appeal"),
        on_delete=models.CASCADE,
        related_name="answer_drafts",
    )
    text = models.TextField(_("answer"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=AppealOutcome)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        pgettext_lazy("appeal", "status"),
        max_length=16,
        choices=AnswerStatus,
        default=AnswerStatus.SUBMITTED,
    )
    task_report = models.ForeignKey(
        "documents.TaskReport",
        verbose_name=_("report on the task"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("appeal", "reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(
        pgettext_lazy("appeal", "reviewed at"), null=True, blank=True
    )
    review_comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["appeal", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["appeal"],
                condition=Q(status="submitted"),
                name="appeals_answer_one_waiting",
            ),
            models.UniqueConstraint(
                fields=["task_report"], name="appeals_answer_once_per_report"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.appeal_id} {self.status}"
