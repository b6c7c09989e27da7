"""The council's structure: units, positions, employees, substitutions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.accounts.roles import Role
from hromada.core.models import BaseModel


class OrgUnitKind(models.TextChoices):
    """What kind of body a unit of the tree is."""

    COUNCIL = "council", _("Council")
    EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee")
    LEADERSHIP = "leadership", _("Leadership")
    DEPARTMENT = "department", _("Department")
    SECTOR = "sector", _("Sector")
    CNAP = "cnap", _("Administrative services centre")
    ENTERPRISE = "enterprise", _("Municipal enterprise")
    STAROSTA_DISTRICT = "starosta_district", _("Starosta district")


class OrgUnit(BaseModel):
    """A unit of the org tree (структурний підрозділ)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=OrgUnitKind)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    unit_index = models.CharField(
        _("unit index"),
        max_length=10,
        blank=True,
        help_text=_("Index used in case indexes and registration numbers, e.g. 03."),
    )
    edrpou = models.CharField(_("ЄДРПОУ code"), max_length=8, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    reception_hours = models.TextField(
        _("reception hours"),
        blank=True,
        help_text=_("When the unit receives citizens, as it is published."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")
        ordering = ["sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrgUnitKind.values), name="org_orgunit_kind_known"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="org_orgunit_not_own_parent"
            ),
            models.UniqueConstraint(
                fields=["unit_index"],
                condition=~Q(unit_index=""),
                name="org_orgunit_unit_index_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class Position(BaseModel):
    """A post in a unit (посада); ``is_head`` marks the unit's head."""

    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField(pgettext_lazy("position", "title"), max_length=200)
    role = models.CharField(
        _("role"), max_length=32, choices=Role, default=Role.EXECUTOR
    )
    is_head = models.BooleanField(_("head of the unit"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["org_unit", "sort_order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="org_position_role_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.org_unit}"


class Employee(BaseModel):
    """A person holding a post for a period; a person may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="employments",
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        on_delete=models.PROTECT,
        related_name="employees",
    )
    work_phone = models.CharField(_("work phone"), max_length=40, blank=True)
    room = models.CharField(_("room"), max_length=20, blank=True)
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)
    # Lower-cased name, position and unit for the directory search: SQLite's
    # LIKE folds only ASCII, so Cyrillic is folded here by Python.
    directory_text = models.TextField(_("directory text"), blank=True, editable=False)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="org_employee_valid_range",
            ),
            models.UniqueConstraint(
                fields=["user", "position", "valid_from"],
                name="org_employee_unique_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.position}"


class SubstitutionScope(models.TextChoices):
    """Which of the absent person's rights the substitute exercises."""

    ALL = "all", _("All duties")
    RESOLVE = "resolve", _("Resolutions")
    SIGN = "sign", _("Signing")
    APPROVE = "approve", _("Approval")


class Substitution(BaseModel):
    """Acting for an absent employee for a period (заміщення), with a scope."""

    absent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("absent employee"),
        on_delete=models.PROTECT,
        related_name="substituted_by",
    )
    substitute = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("substitute"),
        on_delete=models.PROTECT,
        related_name="substitutes_for",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    scope = models.CharField(
        _("scope"),
        max_length=16,
        choices=SubstitutionScope,
        default=SubstitutionScope.ALL,
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("substitution")
        verbose_name_plural = _("substitutions")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="org_substitution_valid_range",
            ),
            models.CheckConstraint(
                condition=~Q(absent=F("substitute")), name="org_substitution_not_self"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=SubstitutionScope.values),
                name="org_substitution_scope_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.substitute} → {self.absent}"
