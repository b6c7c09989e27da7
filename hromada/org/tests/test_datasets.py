"""The org room's open datasets: the directory and the structure."""

from datetime import date

import pytest
from django.conf import settings

from hromada.org import datasets
from hromada.org.models import OrgUnitKind
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory, PositionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    council = OrgUnitFactory.create(
        name="Міська рада",
        kind=OrgUnitKind.COUNCIL,
        sort_order=0,
        edrpou="26543212",
        address="вул. Центральна, 1",
        phone="(04598) 2-10-00",
        email="rada@rada.example",
    )
    education = OrgUnitFactory.create(
        name="Відділ освіти", parent=council, sort_order=1, unit_index="07"
    )
    OrgUnitFactory.create(name="Ліквідований відділ", is_active=False)
    post = PositionFactory.create(
        org_unit=education, title="Начальник відділу", is_head=True
    )
    PositionFactory.create(org_unit=education, title="Спеціаліст")
    EmployeeFactory.create(
        position=post,
        user__last_name="Коваль",
        user__first_name="Ірина",
        user__patronymic="Петрівна",
        valid_from=date(2020, 1, 1),
    )
    return council, education


def test_the_directory_lists_active_units_with_their_public_contacts(units):
    # given
    council, _education = units

    # when
    rows = list(datasets.directory_rows())

    # then
    assert [row["name"] for row in rows] == ["Міська рада", "Відділ освіти"]
    assert rows[0] == {
        "id": str(council.public_id),
        "name": "Міська рада",
        "short_name": "",
        "kind": OrgUnitKind.COUNCIL.label,
        "edrpou": "26543212",
        "address": "вул. Центральна, 1",
        "phone": "(04598) 2-10-00",
        "email": "rada@rada.example",
        "reception_hours": "",
        "website": settings.HROMADA_SITE_URL,
    }


def test_the_structure_names_parents_heads_and_posts(units):
    # given
    council, education = units

    # when
    rows = list(datasets.structure_rows())

    # then
    assert rows[1] == {
        "id": str(education.public_id),
        "parent_id": str(council.public_id),
        "name": "Відділ освіти",
        "kind": OrgUnitKind.DEPARTMENT.label,
        "unit_index": "07",
        "head_position": "Начальник відділу",
        "head_name": "Коваль Ірина Петрівна",
        "positions": 2,
    }
    assert (rows[0]["parent_id"], rows[0]["head_name"]) == (None, "")
