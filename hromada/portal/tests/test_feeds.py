import xml.etree.ElementTree as ET

import feedparser
import pytest

from hromada.portal import services

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_has_required_elements(client, make_news, category):
    # given
    news = make_news("Новий сквер", categories=[category])

    # when
    response = client.get("/feeds/news.rss")

    # then
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("language") == "uk"
    item = channel.find("item")
    assert item.findtext("title") == "Новий сквер"
    assert item.findtext("guid") == f"urn:uuid:{news.translation_key}"
    assert item.findtext("link").endswith(news.url)
    assert item.findtext("pubDate").endswith("+0200") or item.findtext(
        "pubDate"
    ).endswith("+0300")
    assert item.findtext("category") == "Благоустрій"


def test_atom_feed_has_required_elements(client, make_news):
    news = make_news("Новий сквер")

    response = client.get("/feeds/news.atom")

    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}id")
    assert feed.find(f"{ATOM}author") is not None
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{news.translation_key}"
    assert entry.findtext(f"{ATOM}updated")
    assert entry.find(f"{ATOM}summary").get("type") == "html"


def test_editing_an_item_keeps_its_id_and_updates_it(client, make_news):
    # given
    news = make_news("Новий сквер")
    before = ET.fromstring(client.get("/feeds/news.atom").content).find(f"{ATOM}entry")

    # when
    services.page_revise(
        page=news, changes={"title": "Новий сквер відкрито"}, actor=None
    )
    after = ET.fromstring(client.get("/feeds/news.atom").content).find(f"{ATOM}entry")

    # then
    assert after.findtext(f"{ATOM}id") == before.findtext(f"{ATOM}id")
    assert after.findtext(f"{ATOM}title") == "Новий сквер відкрито"
    assert after.findtext(f"{ATOM}updated") >= before.findtext(f"{ATOM}updated")


def test_category_feed_has_only_its_news(client, make_news, category):
    make_news("Новий сквер", categories=[category])
    make_news("Новий автобус")

    body = client.get("/feeds/news/blahoustrii.rss").content.decode()

    assert ("Новий сквер" in body, "Новий автобус" in body) == (True, False)
    assert client.get("/feeds/news/nemaie.rss").status_code == 404


def test_feed_answers_304_to_a_matching_etag(client, make_news):
    make_news("Новий сквер")
    etag = client.get("/feeds/news.atom")["ETag"]

    response = client.get("/feeds/news.atom", headers={"if-none-match": etag})

    assert response.status_code == 304


def test_feed_holds_at_most_fifty_items(client, make_news):
    for number in range(52):
        make_news(f"Новина {number}")

    channel = ET.fromstring(client.get("/feeds/news.rss").content).find("channel")

    assert len(channel.findall("item")) == 50


@pytest.mark.parametrize(
    ("path", "version"), [("/feeds/news.rss", "rss20"), ("/feeds/news.atom", "atom10")]
)
def test_a_feed_reader_reads_the_news_feed(client, make_news, category, path, version):
    # given: feedparser, the parser most feed readers in Python are built on
    news = make_news("Новий сквер", categories=[category], lead="Лави й доріжки.")

    # when
    read = feedparser.parse(client.get(path).content)

    # then: well-formed, of its format, every entry dated and linked
    assert (read.bozo, read.version) == (False, version)
    assert read.feed.title
    assert read.feed.language == "uk"
    entry = read.entries[0]
    assert entry.title == "Новий сквер"
    assert entry.link.endswith(news.url)
    assert entry.id == f"urn:uuid:{news.translation_key}"
    assert entry.published_parsed is not None
    assert "Лави й доріжки." in entry.summary
    assert [tag.term for tag in entry.tags] == ["Благоустрій"]
