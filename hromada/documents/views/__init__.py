"""Cabinet views of the documents room, one module per area."""
