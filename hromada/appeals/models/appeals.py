"""An appeal, its applicants, files, timeline and followers.

The appeal is a registered EDMS card (``document``) plus what only an
appeal has: the 858 attributes, the place, the routing, the answer and the
applicant's rating. The applicant's personal data lives in ``Applicant``,
apart, so that nothing public ever needs to read that table.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.appeals.models.choices import (
    AppealChannel,
    AppealForm,
    AppealKind,
    AppealOutcome,
    AppealStatus,
    AppealSubject,
    AuthorGender,
    ReceiptAttribute,
    ReceiptForm,
    SocialStatus,
)
from hromada.appeals.models.dictionaries import AuthorCategory, Category, TopicCode
from hromada.appeals.models.routing import RoutingRule
from hromada.core.models import BaseModel
from hromada.documents.models import Document
from hromada.gis.models import Address, District
from hromada.org.models import OrgUnit

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 5000
ANSWER_MAX_LENGTH = 10000


class Applicant(BaseModel):
    """The author of an appeal as they gave themselves (APL-02, APL-03).

    One row per appeal and author: what the person wrote then, even if
    their account changes later. Personal data: staff and the person only.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    family_name = models.CharField(_("surname"), max_length=150, blank=True)
    given_name = models.CharField(_("first name"), max_length=150, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=300, blank=True)
    gender = models.CharField(
        _("gender"), max_length=8, choices=AuthorGender, blank=True, default=""
    )

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        indexes = [models.Index(fields=["phone"], name="appeals_applicant_phone")]

    def __str__(self) -> str:
        return self.full_name or str(_("Anonymous"))

    @property
    def full_name(self) -> str:
        """Surname, first name, patronymic, as Ukrainian forms write them."""
        parts = (self.family_name, self.given_name, self.patronymic)
        return " ".join(part for part in parts if part)


class Appeal(BaseModel):
    """A citizen's appeal (звернення громадян), registered as a document."""

    document = models.OneToOneField(
        Document,
        verbose_name=_("registration card"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    number = models.CharField(_("number"), max_length=64, db_index=True)
    registered_at = models.DateTimeField(_("registered at"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed from the account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    applicant = models.ForeignKey(
        Applicant,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    co_signers = models.ManyToManyField(
        Applicant,
        verbose_name=_("co-signers"),
        blank=True,
        related_name="co_signed_appeals",
    )
    # КМУ №858, section I.
    kind = models.CharField(_("kind"), max_length=16, choices=AppealKind)
    subject = models.CharField(
        _("author type"),
        max_length=16,
        choices=AppealSubject,
        default=AppealSubject.INDIVIDUAL,
    )
    receipt_form = models.CharField(
        _("form of receipt"), max_length=24, choices=ReceiptForm
    )
    receipt_attribute = models.CharField(
        _("receipt attribute"),
        max_length=16,
        choices=ReceiptAttribute,
        default=ReceiptAttribute.PRIMARY,
    )
    appeal_form = models.CharField(_("type"), max_length=16, choices=AppealForm)
    author_gender = models.CharField(
        _("author's gender"), max_length=8, choices=AuthorGender, blank=True
    )
    social_status = models.CharField(
        _("social status"), max_length=16, choices=SocialStatus, blank=True
    )
    author_categories = models.ManyToManyField(
        AuthorCategory, verbose_name=_("categories of authors"), blank=True
    )
    topic = models.ForeignKey(
        TopicCode,
        verbose_name=_("858 topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    privileged = models.BooleanField(_("handled first"), default=False)
    channel = models.CharField(_("channel"), max_length=32, choices=AppealChannel)
    # What and where.
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    answers = models.JSONField(_("answers to the category's questions"), default=dict)
    title = models.CharField(
        pgettext_lazy("appeal", "title"), max_length=TITLE_MAX_LENGTH
    )
    description = models.TextField(_("description"))
    # What the public reads: the same texts with the applicants' names and
    # contacts hidden (privacy.redact), made once when they are written.
    public_title = models.CharField(
        _("title, as published"), max_length=TITLE_MAX_LENGTH, blank=True
    )
    public_description = models.TextField(_("description, as published"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    address = models.ForeignKey(
        Address,
        verbose_name=_("address"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    address_text = models.CharField(_("place"), max_length=300, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Who answers, who checks, by when.
    status = models.CharField(
        pgettext_lazy("appeal", "status"),
        max_length=16,
        choices=AppealStatus,
        default=AppealStatus.REGISTERED,
    )
    routing_rule = models.ForeignKey(
        RoutingRule,
        verbose_name=_("routing rule"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    controller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("controller"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("executor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(pgettext_lazy("appeal", "due date"))
    due_rule = models.CharField(pgettext_lazy("appeal", "deadline rule"), max_length=40)
    due_explanation = models.TextField(_("how the due date was set"))
    limit_on = models.DateField(_("latest possible due date"))
    extended_at = models.DateTimeField(_("term extended at"), null=True, blank=True)
    forward_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded at"), null=True, blank=True)
    # The answer and what the applicant made of it.
    answer_text = models.TextField(_("answer"), blank=True)
    public_answer = models.TextField(_("answer, as published"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=AppealOutcome, blank=True
    )
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    # What the applicant said with the rating: for the unit, never public.
    rating_comment = models.CharField(
        _("applicant's comment"), max_length=1000, blank=True
    )
    reopened_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Links between appeals.
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("repeats"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="repeats",
    )
    follower_count = models.PositiveIntegerField(_("followers"), default=0)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-registered_at", "-pk"]
        indexes = [
            models.Index(
                fields=["-registered_at", "-id"],
                condition=Q(is_public=True),
                name="appeals_public_newest",
            ),
            models.Index(fields=["unit", "status", "due_on"]),
            models.Index(fields=["owner", "-registered_at"]),
            models.Index(fields=["category", "status", "lon", "lat"]),
            models.Index(fields=["executor", "status"]),
            # The nightly summaries read appeals by registration day and
            # those changed since the last run; the desk's load, today's.
            models.Index(fields=["registered_at"], name="appeals_registered_at"),
            models.Index(fields=["updated_at"], name="appeals_updated_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=AppealStatus.values),
                name="appeals_appeal_status_known",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AppealKind.values),
                name="appeals_appeal_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=AppealChannel.values),
                name="appeals_appeal_channel_known",
            ),
            models.CheckConstraint(
                condition=Q(lon__isnull=True, lat__isnull=True)
                | Q(lon__gte=-180, lon__lte=180, lat__gte=-90, lat__lte=90),
                name="appeals_appeal_point_whole",
            ),
            models.CheckConstraint(
                condition=Q(due_on__lte=F("limit_on")),
                name="appeals_appeal_due_within_limit",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="appeals_appeal_rating_range",
            ),
            models.CheckConstraint(
                condition=~Q(status=AppealStatus.IN_PROGRESS)
                | Q(executor__isnull=False),
                name="appeals_appeal_executor_in_progress",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[AppealStatus.ANSWERED, AppealStatus.CLOSED])
                | Q(answered_at__isnull=False),
                name="appeals_appeal_answered_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_open(self) -> bool:
        """Still the council's to answer."""
        return self.status in (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS)
