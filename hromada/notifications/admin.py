"""Django admin for the notifications room: read-only views of the tables."""

from django.contrib import admin
from django.http import HttpRequest

from hromada.notifications.models import CapturedMail, Notification


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows rows but never writes them: writes belong to the services."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: object | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: object | None = None
    ) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "template",
        "channel",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "channel", "template"]
    search_fields = ["dedup_key", "template"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    # The address stays off the list; the change view shows it to superusers.
    fields = (
        "public_id",
        "recipient",
        "recipient_email",
        "channel",
        "template",
        "language",
        "context",
        "dedup_key",
        "message_id",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields


@admin.register(CapturedMail)
class CapturedMailAdmin(ReadOnlyAdmin):
    list_display = ["sent_at", "to", "subject"]
    search_fields = ["to", "subject"]
    date_hierarchy = "sent_at"
    fields = ("public_id", "sent_at", "from_email", "to", "subject", "text", "html")
    readonly_fields = fields
