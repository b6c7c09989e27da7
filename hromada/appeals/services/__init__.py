"""Writes of the appeals room, one module per area; import the module."""
