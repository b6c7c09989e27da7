"""The portal's site search finds public administrative services."""

import pytest
from django.utils import translation

from hromada.cnap.models import ServiceStatus
from hromada.cnap.services import cards
from hromada.cnap.tests import factories

pytestmark = pytest.mark.django_db


def label() -> str:
    """What a service's hit is called on the Ukrainian page."""
    with translation.override("uk"):
        return translation.pgettext("search hit", "Administrative service")


def test_the_site_search_finds_a_service_by_an_inflected_word(client):
    # given: the card's summary says «атестат»
    service = factories.published(name="Видача дубліката документа про освіту")

    # when
    body = client.get("/search/", {"q": "атестата"}).content.decode()

    # then
    assert f'<a class="govuk-link" href="{service.get_absolute_url()}">' in body
    assert service.name in body
    assert label() in body


def test_the_site_search_never_shows_a_draft_or_an_archived_card(client):
    # given
    draft = factories.draft(name="Чернетка про атестат")
    archived = cards.service_status_set(
        actor=None, service=factories.published(), status=ServiceStatus.ARCHIVED
    )

    # when
    body = client.get("/search/", {"q": "атестата"}).content.decode()

    # then
    assert draft.get_absolute_url() not in body
    assert archived.get_absolute_url() not in body
    assert label() not in body


def test_a_suspended_card_is_still_found(client):
    # given
    service = cards.service_status_set(
        actor=None, service=factories.published(), status=ServiceStatus.SUSPENDED
    )

    # when
    body = client.get("/search/", {"q": "атестата"}).content.decode()

    # then
    assert service.get_absolute_url() in body
