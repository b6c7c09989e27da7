"""Reads of the documents room, one module per area; import the module."""
