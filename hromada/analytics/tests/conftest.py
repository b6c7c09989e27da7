"""Fixtures of the analytics room's tests: a city whose appeals are filed
and handled through the appeals room's own services."""

import pytest

from hromada.analytics.tests.history import City, city_build

# The appeals room's own: filing is rate limited in the cache (cleared for
# each test), and staff sign in without the second factor in demo mode.
from hromada.appeals.tests.conftest import (  # noqa: F401
    _fresh_rate_limits,
    _no_mfa_step,
)


@pytest.fixture
def city() -> City:
    return city_build()
