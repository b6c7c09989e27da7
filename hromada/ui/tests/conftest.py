from collections.abc import Iterator

import pytest

from hromada.ui import navigation


@pytest.fixture
def menu_keys() -> Iterator[list[str]]:
    """Keys a test registers in the menus; removed again afterwards."""
    keys: list[str] = []
    yield keys
    for key in keys:
        navigation.menu_unregister(key)
