"""The demo city: every room may contribute a ``demo`` module.

``manage.py demo`` imports ``<room>.demo`` for each installed room, lowest
layer first (the order of INSTALLED_APPS), and calls its ``load(context)``.
The kernel never imports a room by name, so the layers stay intact.
"""

import random
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext as _

from hromada.core.errors import ApplicationError

DEMO_SEED = 20261122
DEMO_PASSWORD = "demo-hromada"  # documented in README.md; demo mode only


@dataclass(kw_only=True)
class DemoContext:
    """What a room's loader gets: a seeded generator and a log."""

    rng: random.Random
    password_hash: str
    log: list[str] = field(default_factory=list)


def demo_modules() -> list[ModuleType]:
    """The ``demo`` modules of installed rooms, in INSTALLED_APPS order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("hromada."):
            continue
        name = f"{config.name}.demo"
        if config.name != __package__ and find_spec(name) is not None:
            modules.append(import_module(name))
    return modules


def demo_load() -> list[str]:
    """Build the demo city; refused in production; re-running changes nothing.

    Each room's loader runs in its own transaction and returns early when
    its data is already there.
    """
    if settings.IS_PRODUCTION or not settings.HROMADA_DEMO:
        raise ApplicationError(
            _("Demo data can be loaded only in demo mode, never in production."),
            code="demo_refused",
        )
    context = DemoContext(
        # Reproducible fake data, not secrets: a seeded generator on purpose.
        rng=random.Random(DEMO_SEED),  # noqa: S311
        password_hash=make_password(DEMO_PASSWORD),
    )
    for module in demo_modules():
        module.load(context)
    return context.log
