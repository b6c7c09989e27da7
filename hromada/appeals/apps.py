from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from hromada.documents.events import TaskDone


class AppealsConfig(AppConfig):
    name = "hromada.appeals"
    verbose_name = _("Appeals")

    def ready(self) -> None:
        from hromada.appeals import permissions
        from hromada.documents.events import task_done
        from hromada.ui import navigation as ui_navigation

        task_done.connect(on_task_done)
        ui_navigation.portal_menu_register(
            key="appeals", label=_("Appeals"), url_name="appeals:appeal_list", order=20
        )
        ui_navigation.my_menu_register(
            key="appeals", label=_("My appeals"), url_name="appeals_my:my_appeal_list"
        )
        ui_navigation.cabinet_menu_register(
            key="appeals",
            label=_("Appeals"),
            url_name="appeals_cabinet:queue",
            order=15,
            visible=permissions.can_work_on_appeals,
        )
        ui_navigation.cabinet_menu_register(
            key="appeals_call",
            label=_("Take a call"),
            url_name="appeals_cabinet:contact_call",
            order=14,
            visible=permissions.can_take_calls,
        )
        ui_navigation.cabinet_menu_register(
            key="appeals_settings",
            label=_("Categories and routing"),
            url_name="appeals_cabinet:category_list",
            order=17,
            visible=permissions.can_keep_dictionaries,
        )
        ui_navigation.cabinet_menu_register(
            key="appeals_load",
            label=_("Load of the units"),
            url_name="appeals_cabinet:contact_load",
            order=16,
            visible=permissions.can_view_load,
        )


def on_task_done(event: TaskDone) -> None:
    """A task on an appeal's card was accepted: record the answer in a
    background task, so that a failure here cannot reach the reviewer."""
    from hromada.appeals import tasks  # models are not ready while apps.py loads

    if event.document_kind == "appeal":
        tasks.appeal_answer_record.enqueue(task_id=event.task_id)
