"""Browser journeys: pytest-playwright driving Debian's Chromium, axe-core."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import Page, Route

# Playwright's sync API runs an event loop in this thread; without this,
# Django refuses the ORM calls that the test itself makes.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    # The Debian package, never a browser downloaded by `playwright install`.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "uk-UA"}


@pytest.fixture(autouse=True)
def _static_from_sources(settings) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def page(page: Page, live_server) -> Page:
    """The browser may talk only to the test server."""

    def guard(route: Route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    return page


@pytest.fixture
def axe_violations(page: Page) -> Callable[[], list[str]]:
    def run() -> list[str]:
        page.add_script_tag(path=str(AXE))
        return page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: tags}))"
            ".violations.map((v) => `${v.id}: ${v.nodes.length} ${v.nodes.map(n => n.target).join(' ')}`)",
            WCAG,
        )

    return run


@pytest.fixture
def sign_in(page: Page, live_server) -> Callable[[object], None]:
    """Put a signed-in session cookie for ``user`` into the browser."""

    def run(user) -> None:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": live_server.url,
                },
            ]
        )

    return run


@pytest.fixture
def transferred(page: Page, live_server) -> Callable[[str], tuple[int, int]]:
    """What opening ``path`` transfers: the bytes of every answered GET, and
    of the scripts among them (a page's weight, STANDARDS' budget)."""

    def run(path: str) -> tuple[int, int]:
        sizes: dict[str, tuple[str, int]] = {}

        def record(response) -> None:
            if response.request.method == "GET" and response.status == 200:
                sizes[response.url] = (
                    response.request.resource_type,
                    len(response.body()),
                )

        page.on("response", record)
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", record)
        total = sum(size for _kind, size in sizes.values())
        scripts = sum(size for kind, size in sizes.values() if kind == "script")
        return total, scripts

    return run
