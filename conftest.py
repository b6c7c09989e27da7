"""Fixtures shared by every room's tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import LazySettings


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: LazySettings, tmp_path: Path) -> None:
    """Each test stores files in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_task_backend() -> Iterator[None]:
    """Start every test with no enqueued tasks (DummyBackend)."""
    from django_tasks import default_task_backend

    default_task_backend.results.clear()  # type: ignore[attr-defined]
    yield
    default_task_backend.results.clear()  # type: ignore[attr-defined]
