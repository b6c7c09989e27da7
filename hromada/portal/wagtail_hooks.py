"""The portal's additions to the editor at ``/cms/``."""

from wagtail.snippets.models import register_snippet

from hromada.portal.models import NewsCategory

register_snippet(NewsCategory)
