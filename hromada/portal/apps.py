from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PortalConfig(AppConfig):
    name = "hromada.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from wagtail.signals import page_published, page_unpublished

        from hromada.core import datasets
        from hromada.portal.datasets import EVENTS_DATASET
        from hromada.ui import navigation as ui_navigation

        datasets.dataset_producer_register(EVENTS_DATASET)
        for key, label, target, order in (
            ("news", _("News"), {"url": "/novyny/"}, 70),
            ("events", _("Events"), {"url": "/podii/"}, 80),
            ("bodies", _("Executive bodies"), {"url_name": "portal:bodies"}, 90),
            ("contacts", _("Contacts"), {"url": "/kontakty/"}, 95),
            (
                "search",
                pgettext_lazy("site search", "Search"),
                {"url_name": "portal:search"},
                200,
            ),
        ):
            ui_navigation.portal_menu_register(
                key=key, label=label, order=order, **target
            )
        post_migrate.connect(site_ensure, sender=self)
        page_published.connect(record_publication)
        page_unpublished.connect(record_unpublication)


def site_ensure(**kwargs: Any) -> None:
    """After ``migrate`` (and a test's flush), the site has its home page."""
    from hromada.portal import services

    services.portal_site_ensure()


def record_publication(instance: Any, revision: Any, **kwargs: Any) -> None:
    """Wagtail published a page: audit it and update the site search."""
    from hromada.portal import services

    services.page_publication_record(
        page=instance, revision=revision, actor=_acting_user()
    )


def record_unpublication(instance: Any, **kwargs: Any) -> None:
    """Wagtail took a page off the site: audit it, drop it from the search."""
    from hromada.portal import services

    services.page_unpublication_record(page=instance, actor=_acting_user())


def _acting_user() -> Any:
    """The editor whose request this is; ``None`` for the scheduled run."""
    from wagtail.log_actions import get_active_log_context

    return get_active_log_context().user
