from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.portal import selectors, services
from hromada.portal.models import (
    EventPage,
    EventsCalendarPage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)


@pytest.fixture
def home() -> HomePage:
    page = selectors.home_page()
    assert page is not None
    return page


@pytest.fixture
def news_index(home) -> NewsIndexPage:
    return NewsIndexPage.objects.get(depth=home.depth + 1)


@pytest.fixture
def calendar(home) -> EventsCalendarPage:
    return EventsCalendarPage.objects.get(depth=home.depth + 1)


@pytest.fixture
def make_news(news_index):
    def make(title="Відкрили сквер", *, categories=(), days_ago=1, **fields):
        page = NewsPage(
            title=title,
            lead=fields.pop("lead", "Коротко про подію."),
            body=fields.pop("body", "<p>Текст новини.</p>"),
            categories=list(categories),
            **fields,
        )
        return services.page_create(
            parent=news_index,
            page=page,
            actor=None,
            first_published_at=timezone.now() - timedelta(days=days_ago),
        )

    return make


@pytest.fixture
def make_event(calendar):
    def make(title="Сесія міської ради", *, starts_in=timedelta(days=2), **fields):
        starts = timezone.now().replace(microsecond=0) + starts_in
        page = EventPage(
            title=title,
            summary=fields.pop("summary", "Пленарне засідання."),
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            place=fields.pop("place", "Сесійна зала"),
            **fields,
        )
        return services.page_create(parent=calendar, page=page, actor=None)

    return make


@pytest.fixture
def category() -> NewsCategory:
    return services.news_category_create(
        name="Благоустрій", slug="blahoustrii", actor=None
    )
