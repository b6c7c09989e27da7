"""Django admin (superusers): the catalogue's passports.

Edits, publication and refreshes go through the services, which check the
keeper and audit each write; datasets themselves come from producers.
"""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hromada.accounts.models import User
from hromada.core.errors import ApplicationError
from hromada.opendata import services
from hromada.opendata.forms_cabinet import DatasetPassportForm
from hromada.opendata.models import Dataset, Resource

PASSPORT_FIELDS = services.PASSPORT_FIELDS


class ResourceInline(admin.TabularInline[Resource, Dataset]):
    model = Resource
    fields = ("kind", "format", "row_count", "generated_at", "stored_file")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def _each(
    modeladmin: admin.ModelAdmin[Dataset],
    request: HttpRequest,
    datasets: QuerySet[Dataset],
    call: Any,
) -> None:
    for dataset in datasets:
        try:
            call(dataset=dataset, actor=request.user)
        except ApplicationError as error:
            modeladmin.message_user(
                request, f"{dataset}: {error.message}", messages.ERROR
            )


@admin.action(description=_("Publish the chosen datasets"))
def publish(
    modeladmin: admin.ModelAdmin[Dataset],
    request: HttpRequest,
    datasets: QuerySet[Dataset],
) -> None:
    _each(modeladmin, request, datasets, services.dataset_publish)


@admin.action(description=_("Withdraw the chosen datasets"))
def unpublish(
    modeladmin: admin.ModelAdmin[Dataset],
    request: HttpRequest,
    datasets: QuerySet[Dataset],
) -> None:
    _each(modeladmin, request, datasets, services.dataset_unpublish)


@admin.action(description=_("Generate the files of the chosen datasets now"))
def refresh(
    modeladmin: admin.ModelAdmin[Dataset],
    request: HttpRequest,
    datasets: QuerySet[Dataset],
) -> None:
    _each(modeladmin, request, datasets, services.dataset_refresh)


@admin.register(Dataset)
class DatasetAdmin(admin.ModelAdmin[Dataset]):
    form = DatasetPassportForm
    list_display = ("title", "name", "publisher", "is_published", "modified_at")
    list_filter = ("is_published", "owner", "frequency")
    search_fields = ("name", "search_text")
    list_select_related = ("publisher",)
    readonly_fields = (
        "name",
        "owner",
        "public_id",
        "version",
        "is_published",
        "first_published_at",
        "modified_at",
        "relevant_at",
    )
    fields = (*readonly_fields, *PASSPORT_FIELDS, "keywords_text")
    inlines = (ResourceInline,)
    actions = (publish, unpublish, refresh)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Dataset, form: Any, change: bool
    ) -> None:
        assert isinstance(request.user, User)  # the admin needs a signed-in user
        try:
            services.dataset_passport_update(
                dataset=obj, actor=request.user, passport=form.passport()
            )
        except ApplicationError as error:
            self.message_user(request, error.message, messages.ERROR)

    def save_related(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        """Keywords are saved by the service, resources are generated."""
