import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_robots_txt_names_the_sitemap_index(client):
    body = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in body
    assert "Disallow: /cabinet/" in body


def test_sitemap_is_an_index_of_pages_acts_and_services(client):
    response = client.get("/sitemap.xml")

    index = ET.fromstring(response.content)
    assert index.tag == f"{NS}sitemapindex"
    locations = [node.findtext(f"{NS}loc") for node in index.iter(f"{NS}sitemap")]
    assert [loc.rsplit("/", 1)[1] for loc in locations] == [
        "sitemap-pages.xml",
        "sitemap-acts.xml",
        "sitemap-services.xml",
    ]


def test_pages_sitemap_lists_only_public_pages(client, make_news):
    news = make_news("Відкрили сквер")
    draft = make_news("Чернетка")
    draft.unpublish()

    urlset = ET.fromstring(client.get("/sitemap-pages.xml").content)

    locations = [node.findtext(f"{NS}loc") for node in urlset.iter(f"{NS}url")]
    assert any(loc.endswith(news.url) for loc in locations)
    assert not any(loc.endswith(draft.url) for loc in locations)
    assert all(
        node.find(f"{NS}lastmod") is not None for node in urlset.iter(f"{NS}url")
    )
