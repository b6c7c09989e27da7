"""The roles of the platform; each is a Django group of the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Who a user is to the council; a user may hold several roles."""

    CITIZEN = "citizen", _("Citizen")
    BUSINESS = "business", _("Business representative")
    REGISTRAR = "registrar", _("Registrar (office)")
    EXECUTOR = "executor", _("Executor")
    UNIT_HEAD = "unit_head", _("Head of unit")
    DEPUTY_MAYOR = "deputy_mayor", _("Deputy mayor")
    MAYOR = "mayor", _("Mayor")
    COUNCIL_SECRETARY = "council_secretary", _("Council secretary")
    DEPUTY = "deputy", _("Deputy of the council")
    CNAP_ADMINISTRATOR = "cnap_administrator", _("ЦНАП administrator")
    PERMIT_SPECIALIST = "permit_specialist", _("Permit-body specialist")
    CONTACT_CENTRE_OPERATOR = "contact_centre_operator", _("Contact-centre operator")
    DISPATCHER = "dispatcher", _("Dispatcher of a municipal enterprise")
    GIS_EDITOR = "gis_editor", _("GIS editor")
    CONTENT_EDITOR = "content_editor", _("Content editor")
    ANALYST = "analyst", _("Analyst")
    SYSTEM_ADMINISTRATOR = "system_administrator", _("System administrator")


# Roles that work in the cabinet: they must use MFA outside demo mode.
PUBLIC_ROLES = frozenset({Role.CITIZEN, Role.BUSINESS})
STAFF_ROLES = frozenset(set(Role) - PUBLIC_ROLES)
