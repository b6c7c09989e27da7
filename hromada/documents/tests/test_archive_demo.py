import random

import pytest

from hromada.core.demo import DemoContext
from hromada.documents import demo_archive
from hromada.documents.models import Nomenclature, NomenclatureItem, RetentionKind
from hromada.documents.tests.factories_archive import unit

pytestmark = pytest.mark.django_db


def _context():
    return DemoContext(rng=random.Random(1), password_hash="x")


def test_demo_nomenclature_is_loaded_once_and_approved():
    # given
    unit("01")
    unit("13")

    # when: loaded twice
    demo_archive.load(_context())
    demo_archive.load(_context())

    # then
    assert (
        Nomenclature.objects.filter(year=2026, approved_at__isnull=False).count() == 2
    )
    items = NomenclatureItem.objects.order_by("case_index")
    assert [(i.case_index, i.retention_kind, i.retention_years) for i in items] == [
        ("01-01", RetentionKind.PERMANENT, None),
        ("01-04", RetentionKind.PERMANENT, None),
        ("01-12", RetentionKind.YEARS, 5),
        ("01-20", RetentionKind.YEARS, 5),
        ("01-25", RetentionKind.PERMANENT, None),
        ("13-01", RetentionKind.YEARS, 5),
        ("13-05", RetentionKind.YEARS, 5),
    ]
