"""Django admin of the kernel: the calendar (editable) and the audit log."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from hromada.core import services
from hromada.core.models import AuditEvent, CalendarDay, MartialLawPeriod


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin[CalendarDay]):
    list_display = ("date", "kind", "name", "source_act")
    list_filter = ("kind",)
    search_fields = ("name", "source_act")
    date_hierarchy = "date"
    ordering = ("-date",)

    def save_model(
        self, request: HttpRequest, obj: CalendarDay, form: ModelForm[Any], change: bool
    ) -> None:
        services.calendar_day_save(day=obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        services.calendar_day_delete(day=obj, actor=request.user)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[CalendarDay]
    ) -> None:
        for day in queryset:
            services.calendar_day_delete(day=day, actor=request.user)


@admin.register(MartialLawPeriod)
class MartialLawPeriodAdmin(admin.ModelAdmin[MartialLawPeriod]):
    list_display = ("starts_on", "ends_on", "decree_ref")
    search_fields = ("decree_ref",)
    ordering = ("-starts_on",)

    def save_model(
        self,
        request: HttpRequest,
        obj: MartialLawPeriod,
        form: ModelForm[Any],
        change: bool,
    ) -> None:
        services.martial_law_period_save(period=obj, actor=request.user)

    def delete_model(self, request: HttpRequest, obj: MartialLawPeriod) -> None:
        services.martial_law_period_delete(period=obj, actor=request.user)

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[MartialLawPeriod]
    ) -> None:
        for period in queryset:
            services.martial_law_period_delete(period=period, actor=request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    """The audit log, read only: nobody adds, changes or deletes an event."""

    list_display = ("pk", "occurred_at", "action", "actor", "target_type", "target_id")
    list_filter = ("action", "target_type")
    search_fields = ("action", "target_id")
    date_hierarchy = "occurred_at"
    list_select_related = ("actor", "target_type")
    readonly_fields = (
        "occurred_at",
        "actor",
        "action",
        "target_type",
        "target_id",
        "data",
        "ip_address",
        "previous_hash",
        "hash",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: AuditEvent | None = None
    ) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: AuditEvent | None = None
    ) -> bool:
        return False
