"""The public pages of the registry of services: the catalogue, a service's
information and technological cards, and the services' sitemap."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from hromada.cnap import views
from hromada.cnap.models import (
    DocumentForm,
    LegalBasisLevel,
    ServiceStatus,
    StageRole,
)
from hromada.cnap.services import cards, directory, items
from hromada.cnap.tests import factories

pytestmark = pytest.mark.django_db
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def uk(text: str, context: str = "") -> str:
    """``text`` as the pages say it in Ukrainian, the default language."""
    with translation.override("uk"):
        if context:
            return translation.pgettext(context, text)
        return translation.gettext(text)


def body_of(client: Client, url: str, data: dict | None = None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200
    return response.content.decode()


def listed_names(body: str) -> list[str]:
    """The names of the cards a catalogue page lists, in order."""
    return re.findall(
        r'<a class="govuk-link" href="/services/[^"]+/">([^<]+)</a>', body
    )


def set_status(service, status):
    return cards.service_status_set(actor=None, service=service, status=status)


@pytest.fixture
def situation():
    return directory.life_situation_save(actor=None, name="Навчання")


@pytest.fixture
def duplicate(situation):
    return factories.published(
        name="Видача дубліката атестата", life_situations=(situation,)
    )


# The catalogue


def test_the_catalogue_lists_public_cards_with_provider_term_and_fee(client, duplicate):
    # given: a draft and an archived card besides the published one
    factories.draft(name="Чернетка послуги")
    set_status(factories.published(name="Архівна послуга"), ServiceStatus.ARCHIVED)

    # when
    body = body_of(client, "/services/")

    # then
    assert listed_names(body) == [duplicate.name]
    assert f'href="/services/{duplicate.slug}/"' in body
    assert duplicate.summary in body
    assert duplicate.provider.name in body
    assert "10 " in body  # the term, «10 робочих днів» once translated
    assert uk("Free of charge") in body
    assert "Чернетка послуги" not in body


def test_the_catalogue_finds_a_card_by_an_inflected_word(client, duplicate):
    # given
    factories.published(name="Реєстрація місця проживання", summary="Для всіх.")

    # when: «атестата», the card's summary says «атестат»
    body = body_of(client, "/services/", {"q": "атестата"})

    # then
    assert listed_names(body) == [duplicate.name]
    assert '<meta name="robots" content="noindex">' in body


def test_words_with_nothing_to_look_for_are_explained(client, duplicate):
    body = body_of(client, "/services/", {"q": "*** ???"})

    assert listed_names(body) == []
    assert "govuk-inset-text" in body


def test_nothing_found_says_so(client, duplicate):
    body = body_of(client, "/services/", {"q": "екскаватор"})

    assert listed_names(body) == []
    assert uk("No service meets all these criteria.") in body


def test_the_catalogue_filters_by_situation_provider_and_fee(client, duplicate):
    # given
    social = factories.provider("Управління соціального захисту")
    paid = factories.published(
        name="Платна послуга", provider=social, **factories.paid_changes()
    )
    free = factories.published(name="Безоплатна послуга", provider=social)

    # when
    by_situation = body_of(
        client, "/services/", {"situation": duplicate.life_situations.get().slug}
    )
    by_provider = body_of(client, "/services/", {"provider": str(social.public_id)})
    paid_only = body_of(client, "/services/", {"fee": "paid"})
    free_only = body_of(client, "/services/", {"fee": "free"})

    # then
    assert listed_names(by_situation) == [duplicate.name]
    assert listed_names(by_provider) == [free.name, paid.name]
    assert listed_names(paid_only) == [paid.name]
    assert listed_names(free_only) == [free.name, duplicate.name]
    assert "85,00" in paid_only


@pytest.mark.parametrize(
    "query",
    [
        {"situation": "nemaie-takoi"},
        {"provider": "not-a-uuid"},
        {"provider": "00000000-0000-0000-0000-000000000000"},
        {"fee": "maybe"},
    ],
)
def test_a_wrong_filter_value_is_a_form_error_not_a_failure(client, duplicate, query):
    body = body_of(client, "/services/", query)

    assert "govuk-error-summary" in body
    assert listed_names(body) == []


def test_the_catalogue_lists_life_situations_as_links(client, duplicate, situation):
    # given: a situation of a draft only is not offered
    hidden = directory.life_situation_save(actor=None, name="Переїзд")
    factories.draft(life_situations=(hidden,))

    # when
    body = body_of(client, "/services/")

    # then
    assert f'href="/services/?situation={situation.slug}"' in body
    assert f"?situation={hidden.slug}" not in body


def test_pages_past_the_last_or_malformed_show_a_real_page(
    client, monkeypatch, duplicate
):
    # given: three cards, two on a page
    monkeypatch.setattr(views, "PER_PAGE", 2)
    first = factories.published(name="А перша послуга")
    last = factories.published(name="Я остання послуга")

    # when
    page_two = body_of(client, "/services/", {"page": "2"})
    past_the_end = body_of(client, "/services/", {"page": "99"})
    malformed = body_of(client, "/services/", {"page": "abc"})

    # then: past the end is the last page, malformed the first
    assert listed_names(page_two) == [last.name]
    assert listed_names(past_the_end) == [last.name]
    assert listed_names(malformed) == [first.name, duplicate.name]
    assert 'class="govuk-pagination"' in malformed


def test_a_suspended_card_is_listed_and_marked(client, duplicate):
    set_status(duplicate, ServiceStatus.SUSPENDED)

    body = body_of(client, "/services/")

    assert listed_names(body) == [duplicate.name]
    assert uk("Temporarily suspended", "service") in body


def _catalogue_queries(client: Client, data: dict) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body_of(client, "/services/", data)
    return len(captured.captured_queries)


@pytest.mark.parametrize("data", [{}, {"q": "атестата", "fee": "free"}])
def test_the_catalogue_reads_as_much_for_fifteen_cards_as_for_three(client, data):
    # given
    situation = directory.life_situation_save(actor=None, name="Навчання")
    for _number in range(3):
        factories.published(life_situations=(situation,))
    three = _catalogue_queries(client, data)

    # when
    for _number in range(12):
        factories.published(
            provider=factories.provider(f"Відділ {_number}"),
            life_situations=(situation,),
        )
    fifteen = _catalogue_queries(client, data)

    # then: the situations, the providers, the ids (with the search) and
    # the page's cards
    assert (three, fifteen) == (4 + bool(data), 4 + bool(data))


# A service's card


@pytest.fixture
def full_card(situation):
    """A paid card with every section filled and acts on two levels."""
    service = factories.draft(
        name="Видача дозволу на порушення благоустрою",
        national_registry_code="01234",
        approved_by="наказ №12 від 03.02.2026",
        grounds="Заява суб’єкта господарювання.",
        notes="Адміністратор ЦНАП видає опис прийнятих документів.",
        life_situations=(situation,),
        **{**factories.paid_changes(), "fee_amount": Decimal("1234.50")},
    )
    factories.complete(service)
    items.service_item_add(
        actor=None,
        service=service,
        data=items.LegalBasisData(
            level=LegalBasisLevel.LOCAL,
            title="Правила благоустрою міста",
            url="https://example.org/pravyla",
        ),
    )
    items.service_item_add(
        actor=None,
        service=service,
        data=items.DocumentData(
            title="Витяг з Державного реєстру",
            form=DocumentForm.COPY,
            copies=2,
            requirements="Не старший за місяць.",
            obtainable_from_registry=True,
        ),
    )
    return set_status(service, ServiceStatus.ACTIVE)


def test_the_card_shows_its_sixteen_sections_in_order(client, full_card):
    body = body_of(client, full_card.get_absolute_url())

    sections = re.findall(
        r'<dt class="govuk-summary-list__key">(\d+(?:\.\d)?)\. ', body
    )
    assert sections == [
        "1", "2", "3", "4", "7", "8", "9", "10", "11", "11.1", "11.2", "11.3",
        "12", "13", "14", "15", "16",
    ]  # fmt: skip
    for text in (
        full_card.name,
        full_card.provider.name,
        "01234",
        "наказ №12 від 03.02.2026",
        "м. Вишневе, вул. Соборна, 1",
        "середа до 20:00",
        "Закон України «Про освіту»",
        '<a class="govuk-link" href="https://example.org/pravyla">Правила благоустрою міста</a>',
        "Заява суб’єкта господарювання.",
        "Не старший за місяць.",
        uk("You need not bring it: the centre obtains it from a state register."),
        "1\xa0234,50",
        "37955989",
        "UA213223130000026007233566001",
        "Адміністративний збір",
        "Відсутність архівного запису про видачу.",
        "Дублікат документа про загальну середню освіту.",
        "Адміністратор ЦНАП видає опис прийнятих документів.",
    ):
        assert text in body
    assert uk("Acts of the Cabinet of Ministers of Ukraine") not in body


def test_the_documents_are_an_ordered_list_in_their_order(client, full_card):
    body = body_of(client, full_card.get_absolute_url())

    titles = re.findall(r"<li>\s*<strong>([^<]+)</strong>", body)
    assert titles == [
        "Заява",
        "Паспорт громадянина України",
        "Витяг з Державного реєстру",
    ]


def test_the_tech_card_is_a_table_with_explained_action_codes(client, full_card):
    body = body_of(client, full_card.get_absolute_url())

    table = body[body.index('<table class="govuk-table"') : body.index("</table>")]
    assert table.count('<th scope="row"') == 2
    assert "Прийом і реєстрація заяви" in table
    assert "Начальник відділу освіти" in table
    label = uk(StageRole.APPROVES.label)
    assert f'<abbr title="{label}">З</abbr>' in table
    assert 'aria-describedby="tech-card-legend"' in table
    assert f"<li>{label}</li>" in body


def test_the_card_links_its_life_situations_and_has_meta_tags(
    client, full_card, situation
):
    body = body_of(client, full_card.get_absolute_url())

    assert f'href="/services/?situation={situation.slug}"' in body
    description = re.search(r'<meta name="description"\s+content="([^"]*)">', body)
    assert description is not None
    assert description.group(1) == full_card.summary
    assert f'content="http://testserver/services/{full_card.slug}/"' in body
    assert 'href="/services/" class="govuk-back-link"' in body
    assert "noindex" not in body


def test_a_free_card_says_free_of_charge(client, duplicate):
    body = body_of(client, duplicate.get_absolute_url())

    assert uk("Free of charge") in body
    assert "11.1." not in body


def test_a_suspended_card_says_so_prominently(client, duplicate):
    set_status(duplicate, ServiceStatus.SUSPENDED)

    body = body_of(client, duplicate.get_absolute_url())

    assert "govuk-notification-banner" in body
    assert uk("Temporarily suspended", "service") in body


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_a_hidden_card_is_missing_for_the_public_and_other_staff(client, status):
    # given
    service = factories.draft()
    if status == "archived":
        service = set_status(factories.published(), ServiceStatus.ARCHIVED)
    url = service.get_absolute_url()

    # when
    anonymous = client.get(url).status_code
    client.force_login(factories.staff())
    staff = client.get(url).status_code

    # then
    assert (anonymous, staff) == (404, 404)


def test_a_keeper_previews_a_draft_marked_as_such(client):
    # given
    service = factories.draft()
    client.force_login(factories.keeper())

    # when
    body = body_of(client, service.get_absolute_url())

    # then
    assert service.name in body
    assert "govuk-warning-text" in body
    assert '<meta name="robots" content="noindex">' in body


def test_an_unknown_card_is_missing(client):
    assert client.get("/services/nemaie-takoi/").status_code == 404


def _card_queries(client: Client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        body_of(client, url)
    return len(captured.captured_queries)


def test_a_card_reads_a_fixed_number_of_queries(client, duplicate, full_card):
    # when: a card with a few items and one with more on every list
    small = _card_queries(client, duplicate.get_absolute_url())
    large = _card_queries(client, full_card.get_absolute_url())

    # then: the card with its provider, then centres, situations, acts,
    # documents, refusal grounds and stages
    assert (small, large) == (7, 7)


# The sitemap


def test_the_services_sitemap_lists_public_cards_only(client, duplicate):
    # given
    draft = factories.draft()

    # when
    response = client.get("/sitemap-services.xml")

    # then
    urlset = ET.fromstring(response.content)
    locations = [
        node.findtext(f"{SITEMAP}loc") for node in urlset.iter(f"{SITEMAP}url")
    ]
    assert len(locations) == 1
    assert locations[0].endswith(duplicate.get_absolute_url())
    assert draft.slug not in response.content.decode()
    assert urlset.find(f"{SITEMAP}url/{SITEMAP}lastmod") is not None
