"""Search room: Ukrainian full-text search over objects other rooms index.

Rooms write through ``services.search_document_index`` and
``services.search_document_remove`` and read through
``selectors.search_query`` and ``selectors.search_lookup``.
"""
