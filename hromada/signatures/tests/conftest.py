"""Fixtures of the signatures room's tests."""

import pytest


@pytest.fixture(autouse=True)
def _demo_pki(settings) -> None:
    """Tests may issue demo certificates, as demo mode does."""
    settings.HROMADA_DEMO_PKI = True
