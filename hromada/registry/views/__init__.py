"""Views of the registry room, one module per audience; import the module."""
