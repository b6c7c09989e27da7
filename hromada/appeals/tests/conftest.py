"""Fixtures of the appeals room's tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limiter counts in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_mfa_step(settings):
    """Staff sign in without the second factor in demo mode, as in tests of
    other cabinet rooms; the MFA rule has its own tests in accounts."""
    settings.HROMADA_DEMO = True
