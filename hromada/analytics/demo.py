"""The demo city's statistics of appeals: the summaries computed once.

Rooms load in INSTALLED_APPS order, so the appeals room has filed its
demo appeals by now; the nightly task keeps the summaries fresh after.
"""

from hromada.analytics import services
from hromada.core.demo import DemoContext


def load(context: DemoContext) -> None:
    """Compute the summaries of the demo appeals; running it again gives
    the same rows."""
    result = services.appeal_stats_rebuild()
    context.log.append(f"analytics: summaries of appeals (days: {result.days})")
