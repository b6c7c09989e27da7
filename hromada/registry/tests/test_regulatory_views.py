"""REG-05 in the browser's requests: the keepers attach a regulatory act's
impact analysis and reports; everyone who may read the act reads them."""

import uuid
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hromada.core.models import AuditEvent
from hromada.registry.models import ActAccess, RegulatoryDocument
from hromada.registry.services.regulatory import BASIC, IMPACT, PERIODIC, REPEAT
from hromada.registry.tests import factories
from hromada.registry.tests.factories import regulatory_act, regulatory_document
from hromada.registry.tests.pdfs import PDF

pytestmark = pytest.mark.django_db


def form(**changes):
    values = {
        "kind": "impact_analysis",
        "title": "Аналіз регуляторного впливу проєкту рішення",
        "prepared_on_day": "10",
        "prepared_on_month": "1",
        "prepared_on_year": "2025",
        "file": SimpleUploadedFile("arv.pdf", PDF, content_type="application/pdf"),
        "once": str(uuid.uuid4()),
    }
    values.update(changes)
    return values


def test_a_keeper_attaches_a_document_once_however_often_the_form_is_sent(
    client: Client,
):
    # given
    act = regulatory_act()
    client.force_login(factories.keeper())
    url = f"/cabinet/acts/{act.slug}/regulatory/new/"
    sent = form()

    # when
    shown = client.get(url)
    first = client.post(url, sent)
    sent["file"] = SimpleUploadedFile("arv.pdf", PDF, content_type="application/pdf")
    second = client.post(url, sent)

    # then
    assert shown.status_code == 200
    assert 'enctype="multipart/form-data"' in shown.content.decode()
    document = RegulatoryDocument.objects.get()
    assert (document.act, document.kind, document.prepared_on) == (
        act,
        IMPACT,
        date(2025, 1, 10),
    )
    manage = f"/cabinet/acts/{act.slug}/"
    assert first["Location"] == second["Location"] == manage
    assert AuditEvent.objects.filter(action="registry.regulatory_add").count() == 1
    page = client.get(manage).content.decode()
    assert "Регуляторні документи" in page
    assert "Аналіз регуляторного впливу проєкту рішення" in page
    assert f"/cabinet/acts/{act.slug}/regulatory/{document.public_id}/remove/" in page


def test_a_refusal_comes_back_on_its_field(client: Client):
    act = regulatory_act()
    regulatory_document(act, IMPACT, date(2025, 1, 5))
    client.force_login(factories.keeper())

    response = client.post(f"/cabinet/acts/{act.slug}/regulatory/new/", form())

    body = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in body
    assert 'id="id_kind-error"' in body
    assert RegulatoryDocument.objects.count() == 1


def test_a_form_without_a_file_is_refused(client: Client):
    act = regulatory_act()
    client.force_login(factories.keeper())

    response = client.post(f"/cabinet/acts/{act.slug}/regulatory/new/", form(file=""))

    assert response.status_code == 400
    assert RegulatoryDocument.objects.exists() is False


def test_the_pages_are_missing_for_other_staff_and_for_acts_that_are_not_regulatory(
    client: Client,
):
    act = regulatory_act()
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))
    plain = factories.act_register()
    remove = f"/cabinet/acts/{act.slug}/regulatory/{document.public_id}/remove/"

    client.force_login(factories.staff())
    assert client.get(f"/cabinet/acts/{act.slug}/regulatory/new/").status_code == 404
    assert client.post(remove).status_code == 404
    client.force_login(factories.keeper())
    assert client.get(f"/cabinet/acts/{plain.slug}/regulatory/new/").status_code == 404
    wrong_act = f"/cabinet/acts/{plain.slug}/regulatory/{document.public_id}/remove/"
    assert client.get(wrong_act).status_code == 404
    assert RegulatoryDocument.objects.filter(pk=document.pk).exists() is True


def test_a_keeper_confirms_and_removes_a_document(client: Client):
    act = regulatory_act()
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))
    client.force_login(factories.keeper())
    url = f"/cabinet/acts/{act.slug}/regulatory/{document.public_id}/remove/"

    asked = client.get(url)
    removed = client.post(url)

    assert asked.status_code == 200
    assert "Вилучити документ?" in asked.content.decode()
    assert removed["Location"] == f"/cabinet/acts/{act.slug}/"
    assert RegulatoryDocument.objects.exists() is False


def test_a_refused_removal_says_why(client: Client):
    act = regulatory_act()
    basic = regulatory_document(act, BASIC, date(2025, 2, 20))
    regulatory_document(act, REPEAT, date(2026, 3, 2))
    client.force_login(factories.keeper())

    response = client.post(
        f"/cabinet/acts/{act.slug}/regulatory/{basic.public_id}/remove/"
    )

    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert act.regulatory_documents.count() == 2


def test_a_visitor_reads_the_documents_and_the_next_tracking(client: Client):
    # given
    act = regulatory_act()
    regulatory_document(act, IMPACT, date(2025, 1, 10), title="АРВ проєкту")
    basic = regulatory_document(
        act, BASIC, date(2025, 2, 20), published_on=date(2025, 2, 24)
    )

    # when
    body = client.get(act.get_absolute_url()).content.decode()
    download = client.get(
        f"/acts/{act.slug}/regulatory/{basic.public_id}.pdf", {"download": "1"}
    )

    # then
    assert "Регуляторні документи" in body
    assert "Аналіз регуляторного впливу" in body
    assert "АРВ проєкту" in body
    assert "24.02.2025" in body
    assert "Повторне відстеження результативності: між 01.03.2026 і 01.03.2027." in body
    assert f"/acts/{act.slug}/regulatory/{basic.public_id}.pdf?download=1" in body
    assert (
        "/cabinet/" not in body.split("Регуляторні документи")[1].split("</section>")[0]
    )
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        f'attachment; filename="{act.slug}-bazove-vidstezhennia-2025-02-20.pdf"'
    )
    assert b"".join(download.streaming_content) == PDF


def test_an_act_that_is_not_regulatory_has_no_such_section(client: Client):
    act = factories.act_register()

    body = client.get(act.get_absolute_url()).content.decode()

    assert "Регуляторні документи" not in body


def test_an_internal_acts_documents_are_missing_for_visitors(client: Client):
    act = regulatory_act(access=ActAccess.INTERNAL)
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))
    url = f"/acts/{act.slug}/regulatory/{document.public_id}.pdf"

    assert client.get(url).status_code == 404
    client.force_login(factories.staff())
    assert client.get(url).status_code == 200


def test_a_document_is_found_only_under_its_own_act(client: Client):
    act = regulatory_act()
    other = regulatory_act(number="999-VIII")
    document = regulatory_document(act, IMPACT, date(2025, 1, 5))

    response = client.get(f"/acts/{other.slug}/regulatory/{document.public_id}.pdf")

    assert response.status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_act_pages_read_the_documents_in_one_query_however_many(
    client: Client, signed_in
):
    # given: one act with one document, another with five
    if signed_in:
        client.force_login(factories.keeper())
    one, five = regulatory_act(), regulatory_act(number="2-VIII")
    regulatory_document(one, IMPACT, date(2025, 1, 5))
    regulatory_document(five, IMPACT, date(2025, 1, 5))
    regulatory_document(five, BASIC, date(2025, 2, 20))
    regulatory_document(five, REPEAT, date(2026, 3, 2))
    regulatory_document(five, PERIODIC, date(2026, 4, 1))
    regulatory_document(five, PERIODIC, date(2026, 5, 1))
    plain = factories.act_register(number="3-VIII")
    prefix = "/cabinet/acts/" if signed_in else "/acts/"

    # when
    counts = [_queries(client, f"{prefix}{act.slug}/") for act in (plain, one, five)]

    # then: the section adds one query, the same for one document or five
    assert counts[1] == counts[2] == counts[0] + 1


def test_the_public_page_of_a_regulatory_act_with_five_documents_costs_six_queries(
    client: Client, django_assert_num_queries
):
    act = regulatory_act()
    regulatory_document(act, IMPACT, date(2025, 1, 5))
    regulatory_document(act, BASIC, date(2025, 2, 20))
    regulatory_document(act, REPEAT, date(2026, 3, 2))
    regulatory_document(act, PERIODIC, date(2026, 4, 1))
    regulatory_document(act, PERIODIC, date(2026, 5, 1))

    # the act, its text on the day, editions, relations both ways, documents
    with django_assert_num_queries(6):
        response = client.get(act.get_absolute_url())

    assert response.content.decode().count("?download=1") == 5
