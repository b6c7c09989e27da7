"""Writes of the registry room, one module per area; import the module."""
