"""The benchmark's registry of acts (bench/registry_data/) is one the
application reads as its own: its search entries are what the search
room's service writes, and the pages find its acts."""

import pytest
from django.core.cache import cache
from django.db import connection

from bench import registry_data
from hromada.registry.models import LegalAct, LegalActEdition, LegalActRelation
from hromada.search.models import SearchDocument, SearchField

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_generated_registry_is_indexed_as_the_service_indexes_it(client):
    cache.clear()

    fixture = registry_data.generate(scale=0.003)

    acts = registry_data.acts_for(scale=0.003, vendor=connection.vendor)
    assert fixture.acts == LegalAct.objects.count() == acts
    assert SearchDocument.objects.count() == SearchField.objects.count() == acts
    assert 300 <= fixture.words / fixture.acts <= 3_000
    assert LegalActEdition.objects.exists()
    assert LegalActRelation.objects.exists()
    # the lemma text composed chunk by chunk is what the service writes
    assert registry_data.check(sample=60) >= 60
    act = LegalAct.objects.filter(access="public").order_by("-adopted_on").first()
    assert client.get(act.get_absolute_url()).status_code == 200
    found = client.get("/acts/", {"q": "рішення", "sort": "newest"}).content.decode()
    assert act.get_absolute_url() in found
    assert registry_data.generated()
    assert registry_data.kept().acts == acts
