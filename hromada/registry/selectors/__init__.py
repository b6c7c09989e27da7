"""Reads of the registry room, one module per area; import the module.

``act_search_urls`` is offered here too, for the portal's site search.
"""

from hromada.registry.selectors.acts import act_search_urls

__all__ = ["act_search_urls"]
