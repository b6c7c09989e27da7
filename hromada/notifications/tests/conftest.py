import pytest
from django_tasks import default_task_backend


@pytest.fixture(autouse=True)
def _task_backend_clear():
    """The DummyBackend keeps results per process: start each test empty."""
    default_task_backend.clear()  # type: ignore[attr-defined]
    yield
    default_task_backend.clear()  # type: ignore[attr-defined]
