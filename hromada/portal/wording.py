"""Django's own Ukrainian for messages that Wagtail translates again.

Wagtail's catalogs carry other wording for a few of Django's core messages,
and an installed app's catalog wins over Django's. The rooms come before
Wagtail in INSTALLED_APPS, so this room's catalog restores Django's wording
for every form of the project.
"""

from typing import Final

from django.utils.translation import gettext_noop

DJANGO_WORDING: Final = (gettext_noop("This field is required."),)
