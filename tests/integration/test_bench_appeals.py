"""The benchmark's history of appeals (bench/appeals_data.py) is one the
application reads as its own: numbers continue, pages and Open311 work."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from bench import appeals_data
from hromada.appeals.models import Appeal, AppealEvent, AppealStatus
from hromada.appeals.tests.factories import appeal_file
from hromada.documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_generated_history_reads_and_files_like_a_real_one(client):
    cache.clear()

    fixture = appeals_data.generate(scale=0.00005)

    assert fixture.appeals == Appeal.objects.count() == 600
    assert Document.objects.count() == 600
    assert AppealEvent.objects.count() == 1200
    newest = Appeal.objects.order_by("-registered_at").first()
    oldest = Appeal.objects.order_by("registered_at").first()
    assert (newest.registered_at - oldest.registered_at).days > 9 * 365
    assert oldest.status in (AppealStatus.CLOSED, AppealStatus.ANSWERED)
    assert client.get("/appeals/").status_code == 200
    assert client.get("/open311/v2/requests.json").status_code == 200
    # the journal's counter continues after the generated numbers
    category = Appeal.objects.first().category
    filed = appeal_file(category=category, lon=30.37, lat=50.385)
    this_year = Appeal.objects.filter(
        registered_at__year=timezone.localdate().year
    ).exclude(pk=filed.pk)
    assert filed.document.registration_seq == this_year.count() + 1
    # a later run measures the kept history again without rewriting it
    assert appeals_data.generated()
    kept = appeals_data.kept()
    assert (kept.appeals, kept.category_code, kept.reused) == (
        601,
        fixture.category_code,
        True,
    )
