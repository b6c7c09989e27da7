from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from hromada.accounts.events import UserRenamed, user_renamed


class OrgConfig(AppConfig):
    name = "hromada.org"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from hromada.org import datasets

        user_renamed.connect(refresh_directory)
        datasets.datasets_register()


def refresh_directory(event: UserRenamed) -> None:
    """Keep the staff directory's search text in step with the new name."""
    from hromada.org import services  # models are not ready while apps.py loads

    services.employee_directory_refresh(user_id=event.user_id)
