"""Fixtures of the catalogue's tests: a registry of producers of their own."""

import pytest

from hromada.core import datasets as core_datasets


@pytest.fixture(autouse=True)
def producers(monkeypatch):
    """Only the producers a test registers: the rooms' own stay out."""
    registry: dict = {}
    monkeypatch.setattr(core_datasets, "_producers", registry)
    return registry
