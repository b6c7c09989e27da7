"""The readiness probe and /healthz."""

import pytest

from hromada.core import health

pytestmark = pytest.mark.django_db


def _broken():
    raise ConnectionError("down")


def test_health_report_says_ok_for_every_part():
    assert health.health_report() == {"database": "ok", "cache": "ok", "queue": "ok"}


def test_healthz_answers_200_without_signing_in(client):
    response = client.get("/healthz")

    assert (response.status_code, response.json()) == (
        200,
        {
            "status": "ok",
            "checks": {"database": "ok", "cache": "ok", "queue": "ok"},
            "failing": [],
        },
    )
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("part", ["database", "cache", "queue"])
def test_healthz_answers_503_naming_the_failing_part(client, monkeypatch, part):
    monkeypatch.setitem(health.CHECKS, part, _broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failing"] == [part]
    assert response.json()["checks"][part] == "unavailable"
    assert response.json()["status"] == "unavailable"


def test_a_cache_that_forgets_is_unavailable(monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda key: None)

    assert health.health_report()["cache"] == "unavailable"


def test_healthz_accepts_only_get(client):
    assert client.post("/healthz").status_code == 405
