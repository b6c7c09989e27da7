"""Routing rules: which unit answers an appeal of a category, in a place."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.appeals.models.dictionaries import Category
from hromada.core.models import BaseModel
from hromada.gis.models import District
from hromada.org.models import OrgUnit


class RoutingRule(BaseModel):
    """Category × district × keywords → the responsible unit and controller.

    A rule with no category, district or keywords matches any; the most
    specific matching rule wins (see ``selectors.routing_rule_for``). A rule
    may say the matter is outside the council's competence: the appeal is
    then forwarded to ``forward_to`` within five days (DOMAIN.md APL-07, D4).
    """

    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="routing_rules",
        help_text=_("Applies to the category and every category under it."),
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_(
            "Comma-separated; the rule applies when the text has one of them. "
            "A word matches its forms: «ліхтар» matches «ліхтарі»."
        ),
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
    outside_competence = models.BooleanField(
        _("outside the council's competence"), default=False
    )
    forward_to = models.CharField(
        _("forward to"),
        max_length=300,
        blank=True,
        help_text=_("The competent body, when the matter is not the council's."),
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=100,
        help_text=_("Between equally specific rules, the lower number wins."),
    )
    is_active = models.BooleanField(pgettext_lazy("appeal", "active"), default=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(outside_competence=False, unit__isnull=False)
                    | Q(outside_competence=True, unit__isnull=True) & ~Q(forward_to="")
                ),
                name="appeals_routing_rule_has_destination",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        """The keywords, trimmed and lower-case, empty ones dropped."""
        return [
            word.strip().lower() for word in self.keywords.split(",") if word.strip()
        ]
