import pytest
from django_tasks import default_task_backend

from hromada.opendata import tasks
from hromada.opendata.models import Dataset
from hromada.opendata.tests.factories import producer_make

pytestmark = pytest.mark.django_db


def test_the_hourly_job_syncs_and_enqueues_the_due_refreshes():
    # given
    producer_make("novyi")

    # when
    tasks.dataset_refresh_due.call_local()

    # then
    dataset = Dataset.objects.get()
    assert [(r.task.name, r.kwargs) for r in default_task_backend.results] == [
        ("dataset_refresh", {"dataset_id": dataset.pk})
    ]


def test_the_refresh_task_generates_the_files():
    # given
    producer_make("novyi")
    tasks.dataset_refresh_due.call_local()
    dataset = Dataset.objects.get()

    # when
    tasks.dataset_refresh.call(dataset_id=dataset.pk)

    # then
    assert dataset.resources.count() == 4
