import pytest

from hromada.search import services
from hromada.search.tests.corpus import CORPUS


@pytest.fixture
def corpus(db):
    for entry in CORPUS:
        services.search_document_index(
            kind=entry.kind,
            object_id=entry.object_id,
            title=entry.title,
            body=entry.body,
            fields=entry.fields,
            is_public=entry.is_public,
        )
    return CORPUS
