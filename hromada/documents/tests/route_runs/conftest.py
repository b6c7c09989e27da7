"""Fixtures of the running-route tests: a draft with a PDF, its people."""

import pytest

from hromada.documents.models import ApprovalKind
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.tests.factories_routes import FileVersionFactory
from hromada.documents.tests.route_runs.world import staff


@pytest.fixture
def author():
    return staff()


@pytest.fixture
def version(author):
    return FileVersionFactory.create(document_file__document__created_by=author)


@pytest.fixture
def document(version):
    return version.document_file.document


@pytest.fixture
def visa_a():
    return staff()


@pytest.fixture
def visa_b():
    return staff()


@pytest.fixture
def signer():
    return staff()


@pytest.fixture
def two_steps(visa_a, visa_b, signer):
    return [
        StepSpec(kind=ApprovalKind.VISA, participants=[visa_a, visa_b], term_days=2),
        StepSpec(kind=ApprovalKind.SIGN, participants=[signer]),
    ]
