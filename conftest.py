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


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Start every test with an empty cache: ``core.pagecache`` would
    otherwise answer a test with a public page an earlier test rendered."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Start every test in the default language. A request activates its
    language and leaves it active in the thread (a page from the page cache
    activates none), so a test would otherwise run in the language of an
    earlier test's last request (an English Open311 client's, say)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
