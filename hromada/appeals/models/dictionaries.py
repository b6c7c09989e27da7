"""Dictionaries of appeals: the КМУ №858 classifier and the category tree.

The classifier of citizens' appeals (постанова КМУ від 24.09.2008 №858) is
amended from time to time, so its lists are data with dates of validity,
never code (DOMAIN.md APL-13): a quarterly report of 2024 reads the edition
in force then. The category tree is the city's own, kept by administrators;
each category points at its 858 topic, which the report needs.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.models import BaseModel


class VersionedEntry(BaseModel):
    """A dictionary entry valid from one date, until another or for good."""

    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class TopicCode(VersionedEntry):
    """A theme of section II of the 858 classifier («Житлова політика»)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("858 topic")
        verbose_name_plural = _("858 topics")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="appeals_topic_code_edition_once"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="appeals_topic_code_dates_ordered",
            ),
        ]


class AuthorCategory(VersionedEntry):
    """A category of authors of section I, item 7 of the classifier.

    ``privileged`` marks the categories whose appeals the law puts first
    (Закон «Про звернення громадян», ст. 20; DOMAIN.md APL-12).
    """

    privileged = models.BooleanField(_("handled first"), default=False)

    class Meta:
        verbose_name = _("category of authors")
        verbose_name_plural = _("categories of authors")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="appeals_author_category_edition_once",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="appeals_author_category_dates_ordered",
            ),
        ]


class TermRule(models.TextChoices):
    """Which term of art. 20 a category's appeals get by default (D1, D2)."""

    NO_STUDY = "appeal.no_study", _("15 days: needs no further study")
    GENERAL = "appeal.general", _("One month")


class Category(BaseModel):
    """A node of the city's tree of appeal categories («Вуличне освітлення»).

    Citizens choose a leaf; routing rules and statistics may name any node.
    The code is stable: Open311 publishes it as the ``service_code``.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        TopicCode,
        verbose_name=_("858 topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    term_rule = models.CharField(
        _("default term"), max_length=32, choices=TermRule, default=TermRule.GENERAL
    )
    # Whether the map asks for a point: a broken light has one, a billing
    # dispute has none.
    needs_location = models.BooleanField(_("needs a location"), default=True)
    is_active = models.BooleanField(pgettext_lazy("appeal", "active"), default=True)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("ordering", "position"), default=0
    )

    class Meta:
        verbose_name = _("appeal category")
        verbose_name_plural = _("appeal categories")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_rule__in=TermRule.values),
                name="appeals_category_term_rule_known",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="appeals_category_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class QuestionKind(models.TextChoices):
    """The kinds of answer a category question takes (Open311 datatypes)."""

    STRING = "string", _("Short text")
    TEXT = "text", _("Long text")
    NUMBER = "number", _("Number")
    DATETIME = "datetime", _("Date and time")
    SINGLE = "singlevaluelist", _("One of a list")
    MULTI = "multivaluelist", _("Several of a list")


class CategoryQuestion(BaseModel):
    """An extra question a category asks («Номер опори», «Скільки днів?»).

    Open311 publishes the questions as the service definition's attributes.
    ``choices`` is a list of ``{"key": …, "name": …}`` for list kinds.
    """

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=16, choices=QuestionKind, default="string"
    )
    required = models.BooleanField(_("required"), default=False)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("ordering", "position"), default=0
    )

    class Meta:
        verbose_name = _("category question")
        verbose_name_plural = _("category questions")
        ordering = ["category", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "code"], name="appeals_question_code_once"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values),
                name="appeals_question_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return self.label
