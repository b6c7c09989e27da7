"""OD-05: no private person's data in any file the catalogue publishes."""

import pytest

from hromada.core import storage
from hromada.opendata import services
from hromada.opendata.models import Dataset, Resource
from hromada.org import datasets as org_datasets
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_the_org_datasets_name_heads_but_no_private_contacts():
    # given
    org_datasets.datasets_register()
    unit = OrgUnitFactory.create(
        name="Відділ освіти", phone="(04598) 2-10-00", email="osvita@rada.example"
    )
    head = EmployeeFactory.create(
        position=PositionFactory.create(
            org_unit=unit, title="Начальник відділу", is_head=True
        ),
        user__last_name="Головенко",
        user__first_name="Ірина",
        user__email="irina.private@mail.example",
        work_phone="+380501234567",
    )
    EmployeeFactory.create(
        position__org_unit=unit,
        user__last_name="Рядовий",
        user__email="ryadovyi@mail.example",
        work_phone="+380671112233",
    )
    services.dataset_sync()

    # when
    for dataset in Dataset.objects.all():
        services.dataset_refresh(dataset=dataset)

    # then
    published = b"".join(
        storage.file_open(r.stored_file).read()
        for r in Resource.objects.filter(format="csv")
    ).decode()
    assert sorted(Dataset.objects.values_list("name", flat=True)) == [
        "dovidnyk-orhanizatsii",
        "orhanizatsiina-struktura",
    ]
    assert ("osvita@rada.example" in published, "Головенко Ірина" in published) == (
        True,
        True,
    )
    for private in (
        head.user.email,
        "+380501234567",
        "Рядовий",
        "ryadovyi@mail.example",
        "+380671112233",
    ):
        assert private not in published, private
