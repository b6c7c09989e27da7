"""Fixtures of the cnap room's tests."""

import pytest


@pytest.fixture(autouse=True)
def _no_mfa_step(settings):
    """Staff sign in without the second factor in demo mode, as in tests of
    other cabinet rooms; the MFA rule has its own tests in accounts."""
    settings.HROMADA_DEMO = True
