"""Pages of the appeals room, one module per audience; import the module."""
