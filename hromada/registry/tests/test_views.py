"""The registry's public pages and feeds, and the keepers' cabinet."""

import uuid
import xml.etree.ElementTree as ET
from datetime import date

import feedparser
import pytest
from django.test import Client

from hromada.core.models import AuditEvent
from hromada.registry.models import ActAccess, LegalAct, RelationKind
from hromada.registry.services import acts as act_services
from hromada.registry.services import changes as change_services
from hromada.registry.tests.factories import act_register, keeper, staff
from hromada.registry.tests.pdfs import PDF

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def lifts():
    return act_register(
        title="Про ремонт ліфтів",
        text="Провести капітальний ремонт ліфтів.",
        number="120-VIII",
        adopted_on=date(2025, 4, 2),
    )


def test_the_search_page_finds_an_inflected_word_and_links_its_permalink(
    client: Client, lifts
):
    response = client.get("/acts/", {"q": "ліфтами"})
    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="/acts/{lifts.slug}/"' in body
    assert "<mark>ліфтів</mark>" in body
    assert "Постійне посилання на цей пошук" in body
    assert 'type="application/atom+xml"' in body


def test_a_wrong_date_is_explained_and_nothing_is_searched(client: Client, lifts):
    response = client.get(
        "/acts/",
        {"date_from_day": "31", "date_from_month": "2", "date_from_year": "2025"},
    )
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert lifts.title not in body


def test_an_unknown_number_says_so(client: Client, lifts):
    body = client.get("/acts/", {"number": "999"}).content.decode()
    assert "Жоден акт не відповідає всім цим умовам." in body


def test_the_act_page_shows_its_card_text_relations_editions_and_a_qr_code(
    client: Client, lifts
):
    amending = act_register(title="Про зміни до програми", adopted_on=date(2025, 9, 1))
    change_services.act_relate(
        actor=None,
        source=amending,
        target=lifts,
        kind=RelationKind.AMENDS,
        text="Нова редакція.",
    )
    body = client.get(lifts.get_absolute_url()).content.decode()
    assert "Нова редакція." in body
    assert amending.get_absolute_url() in body
    assert 'class="hromada-qr" role="img"' in body
    assert '"@type": "Legislation"' in body
    earlier = client.get(
        lifts.get_absolute_url(), {"on_day": "1", "on_month": "5", "on_year": "2025"}
    )
    assert "Провести капітальний ремонт ліфтів." in earlier.content.decode()
    other_side = client.get(amending.get_absolute_url()).content.decode()
    assert lifts.get_absolute_url() in other_side


def test_internal_acts_and_their_scans_are_missing_for_the_public(client: Client):
    act = act_services.act_register(
        actor=None,
        data=act_register.__globals__["act_data"](access=ActAccess.INTERNAL),
        scan=PDF,
        scan_name="a.pdf",
    )
    assert client.get(act.get_absolute_url()).status_code == 404
    assert client.get(f"{act.get_absolute_url()}scan.pdf").status_code == 404
    client.force_login(staff())
    assert client.get(act.get_absolute_url()).status_code == 200


def test_the_scan_is_shown_inline_or_downloaded(client: Client, lifts):
    act_services.act_scan_attach(actor=None, act=lifts, content=PDF, name="scan.pdf")
    inline = client.get(f"{lifts.get_absolute_url()}scan.pdf")
    download = client.get(f"{lifts.get_absolute_url()}scan.pdf", {"download": "1"})
    assert inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"].startswith("inline")
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF


def test_the_feeds_list_adopted_public_acts_with_stable_ids_and_answer_304(
    client: Client, lifts
):
    act_register(title="Проєкт рішення", is_draft=True)
    act_register(title="Внутрішній наказ", access=ActAccess.INTERNAL)
    atom = client.get("/feeds/acts.atom")
    feed = ET.fromstring(atom.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [
        f"http://testserver/acts/{lifts.slug}/"
    ]
    assert entries[0].findtext(f"{ATOM}updated")
    assert (
        client.get("/feeds/acts.atom", HTTP_IF_NONE_MATCH=atom["ETag"]).status_code
        == 304
    )
    rss = ET.fromstring(client.get("/feeds/acts.rss").content)
    item = rss.find("channel/item")
    assert item is not None
    assert (
        item.findtext("guid")
        == item.findtext("link")
        == f"http://testserver/acts/{lifts.slug}/"
    )
    assert item.findtext("pubDate").endswith("+0300")
    assert rss.findtext("channel/language") == "uk"


@pytest.mark.parametrize(
    ("path", "version"), [("/feeds/acts.rss", "rss20"), ("/feeds/acts.atom", "atom10")]
)
def test_a_feed_reader_reads_the_acts_feed(client: Client, lifts, path, version):
    read = feedparser.parse(client.get(path).content)

    assert (read.bozo, read.version, read.feed.language) == (False, version, "uk")
    (entry,) = read.entries
    assert entry.title == (
        f"{lifts.get_kind_display()} № {lifts.number} від "
        f"{lifts.adopted_on:%d.%m.%Y}: {lifts.title}"
    )
    assert entry.link == f"http://testserver/acts/{lifts.slug}/"
    assert entry.published_parsed is not None


def test_the_cabinet_is_missing_for_staff_who_do_not_keep_the_registry(client: Client):
    client.force_login(staff())
    assert client.get("/cabinet/acts/").status_code == 404
    assert client.get("/cabinet/acts/new/").status_code == 404


def test_a_keeper_registers_an_act_once_however_often_the_form_is_sent(client: Client):
    client.force_login(keeper())
    council = act_register.__globals__["council"]()
    form = {
        "kind": "council_decision",
        "number": "15-VIII",
        "adopted_on_day": "14",
        "adopted_on_month": "3",
        "adopted_on_year": "2025",
        "issuer": council.pk,
        "title": "Про програму",
        "text": "Текст.",
        "access": "public",
        "once": str(uuid.uuid4()),
    }
    first = client.post("/cabinet/acts/new/", form)
    second = client.post("/cabinet/acts/new/", form)
    act = LegalAct.objects.get()
    assert first["Location"] == second["Location"] == f"/cabinet/acts/{act.slug}/"
    assert AuditEvent.objects.filter(action="registry.register").count() == 1


def test_a_bad_card_comes_back_with_its_errors(client: Client):
    client.force_login(keeper())
    response = client.post(
        "/cabinet/acts/new/", {"kind": "council_decision", "number": ""}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not LegalAct.objects.exists()


def test_a_keeper_relates_acts_by_address_or_number(client: Client, lifts):
    client.force_login(keeper())
    repeal = act_register(title="Про скасування", adopted_on=date(2025, 10, 1))
    unknown = client.post(
        f"/cabinet/acts/{repeal.slug}/relate/", {"kind": "repeals", "target": "nope"}
    )
    assert "Жоден акт не має такої адреси чи номера." in unknown.content.decode()
    response = client.post(
        f"/cabinet/acts/{repeal.slug}/relate/",
        {"kind": "repeals", "target": f"http://testserver/acts/{lifts.slug}/"},
    )
    assert response.status_code == 302
    lifts.refresh_from_db()
    assert lifts.status == "repealed"


def test_the_acts_sitemap_lists_public_acts_only(client: Client, lifts):
    internal = act_register(access=ActAccess.INTERNAL)
    body = client.get("/sitemap-acts.xml").content.decode()
    assert f"<loc>http://testserver/acts/{lifts.slug}/</loc>" in body
    assert internal.slug not in body
    assert "<lastmod>" in body
