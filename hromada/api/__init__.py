"""The REST API room: DRF endpoints over the rooms' selectors and services."""
