"""Django admin (superusers only): users and citizen profiles, read-only.

Accounts are created and roles assigned through the services (audited); the
admin shows them. Opening a citizen's profile here is a staff read of
personal data and is recorded in the audit log (DOMAIN.md SEC-03).
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from hromada.accounts import services
from hromada.accounts.models import CitizenProfile, User


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    """Lists and shows records; every write goes through a service."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ("email", "last_name", "first_name", "is_active", "date_joined")
    list_filter = ("is_active", "groups")
    search_fields = ("email", "last_name", "first_name")
    exclude = ("password",)


@admin.register(CitizenProfile)
class CitizenProfileAdmin(ReadOnlyAdmin):
    list_display = ("user", "privileged_category")
    list_select_related = ("user",)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        profile = self.get_object(request, object_id)
        if profile is not None and isinstance(request.user, User):
            services.citizen_profile_read(
                profile=profile, reader=request.user, purpose="admin"
            )
        return super().change_view(request, object_id, form_url, extra_context)
