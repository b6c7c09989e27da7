"""Django admin (superusers only): the org structure, read-only.

The structure changes through the org services, which audit every write.
"""

from django.contrib import admin

from hromada.accounts.admin import ReadOnlyAdmin
from hromada.org.models import Employee, OrgUnit, Position, Substitution


@admin.register(OrgUnit)
class OrgUnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "unit_index", "parent", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "short_name", "unit_index")
    list_select_related = ("parent",)


@admin.register(Position)
class PositionAdmin(ReadOnlyAdmin):
    list_display = ("title", "org_unit", "role", "is_head")
    list_filter = ("role", "is_head")
    list_select_related = ("org_unit",)


@admin.register(Employee)
class EmployeeAdmin(ReadOnlyAdmin):
    list_display = ("user", "position", "valid_from", "valid_to", "work_phone")
    search_fields = ("directory_text",)
    list_select_related = ("user", "position", "position__org_unit")


@admin.register(Substitution)
class SubstitutionAdmin(ReadOnlyAdmin):
    list_display = (
        "absent",
        "substitute",
        "starts_on",
        "ends_on",
        "scope",
        "is_cancelled",
    )
    list_select_related = ("absent", "substitute")
