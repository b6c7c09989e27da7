"""Every public page of the demo city is valid HTML, as the Nu HTML Checker
(the W3C's validator, ``vnu.jar`` from the npm package ``vnu-jar``, ADR 12)
judges it: the portal's pages, the registry of acts, the services, open
data, the public appeals and the sign-in page, rendered from the demo city's
content."""

import json
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page

from hromada.appeals.models import Appeal
from hromada.cnap.models import AdministrativeService
from hromada.opendata.models import Dataset
from hromada.registry.models import LegalAct, LegalActRelation

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture
def demo_city(settings):
    settings.HROMADA_DEMO = True
    settings.IS_PRODUCTION = False
    call_command("demo", stdout=StringIO())
    cache.clear()


def _public_paths() -> list[str]:
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    paths = {page.url for page in pages if page.url}
    paths |= {
        "/podii/?view=list",
        "/search/?q=бюджет",
        "/search/?q=",
        "/acts/",
        "/acts/?q=земельної+ділянки&sort=relevance",
        "/acts/?q=%22",
        "/acts/?date_from=2099-01-01",
        "/opendata/",
        "/appeals/",
        "/appeals/new/",
        "/appeals/stats/",
        "/accounts/login/",
        "/open311/v2/discovery.html",
        "/services/",
        "/services/?q=довідка&fee=free",
        "/search/?q=атестата",
    }
    # a free card, and the paid one with its payment details
    services = list(AdministrativeService.objects.order_by("is_paid", "name"))
    for service in services[:: max(1, len(services) - 1)]:
        paths.add(service.get_absolute_url())
    public = LegalAct.objects.filter(access="public")
    amended = LegalActRelation.objects.filter(source__access="public").first()
    for act in (public.first(), amended and amended.source, amended and amended.target):
        if act is not None:
            paths.add(act.get_absolute_url())
    paths |= {f"/opendata/dataset/{name}/" for name in _dataset_names()}
    shown = Appeal.objects.filter(is_public=True).order_by("pk").first()
    if shown is not None:
        paths.add(f"/appeals/{shown.public_id}/")
    return sorted(paths)


def _dataset_names() -> list[str]:
    return list(
        Dataset.objects.filter(is_published=True).values_list("name", flat=True)
    )


def test_every_public_page_of_the_demo_city_is_valid_html(client, demo_city, tmp_path):
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: apt-get install -y default-jre-headless")
    assert VNU.exists(), "node_modules/vnu-jar is missing: npm ci"
    files: dict[str, str] = {}
    for number, path in enumerate(_public_paths()):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("text/html"), path
        name = tmp_path / f"page-{number}.html"
        name.write_bytes(response.content)
        files[name.name] = path
    assert len(files) >= 30

    checked = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    messages = json.loads(checked.stdout)["messages"]
    errors = [
        f"{files[m['url'].rsplit('/', 1)[1]]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert not errors, "\n".join(errors)
