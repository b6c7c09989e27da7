from datetime import date

import pytest

from hromada.core.deadlines import WorkingCalendar

MARTIAL_LAW_SINCE_2022 = ((date(2022, 2, 24), None),)


@pytest.fixture
def martial_law() -> WorkingCalendar:
    """Martial law from 24.02.2022 with no end, as the data migration loads."""
    return WorkingCalendar(martial_law=MARTIAL_LAW_SINCE_2022)


@pytest.fixture
def peace() -> WorkingCalendar:
    """The statutory calendar with no martial law at all."""
    return WorkingCalendar()
