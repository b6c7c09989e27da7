"""The demo city's portal: news, events, bodies, forms, a broadcast and the
editors who keep them (demo mode only; rooms below have loaded their data).

Pictures and files are drawn here, deterministically, with no network.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from django.db import transaction
from django.utils import timezone

from hromada.accounts import services as account_services
from hromada.accounts.roles import Role
from hromada.core.demo import DemoContext
from hromada.core.translit import slugify_uk
from hromada.org import selectors as org_selectors
from hromada.org import services as org_services
from hromada.org.models import OrgUnit, OrgUnitKind
from hromada.portal import contexts, demo_data, demo_files, selectors, services
from hromada.portal.models import (
    BodyPage,
    BroadcastPage,
    BroadcastsPage,
    ContactsPage,
    EventPage,
    EventsCalendarPage,
    FormSample,
    FormsSamplesPage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)

DEMO_DOMAIN = "vyshneve.example"
EDITOR_UNIT = "02"  # the organisational department keeps the portal
HOUSING_UNIT = "13"
FUNCTIONS = (
    "<p>Забезпечує виконання повноважень міської ради та її виконавчого "
    "комітету у своїй сфері, готує проєкти рішень, розглядає звернення "
    "громадян.</p>"
)


@transaction.atomic
def load(context: DemoContext) -> None:
    """Fill the portal once; a second run finds the news and stops."""
    home = selectors.home_page()
    if home is None or NewsPage.objects.exists():
        return
    units = {unit.unit_index: unit for unit in org_selectors.org_unit_list_active()}
    council = (
        org_selectors.org_unit_list_active().filter(kind=OrgUnitKind.COUNCIL).first()
    )
    services.page_revise(page=home, changes={"council": council}, actor=None)
    _contacts(council)
    categories = _categories()
    news_index = NewsIndexPage.objects.get(depth=home.depth + 1)
    _news(context.rng, news_index, categories, units)
    calendar = EventsCalendarPage.objects.get(depth=home.depth + 1)
    _events(calendar, units)
    bodies = _bodies(units)
    forms = _forms(home)
    broadcasts = _broadcast(home)
    _sections(context, units, bodies, [news_index, calendar, forms, broadcasts])
    count = services.portal_search_reindex()
    context.log.append(f"portal: {len(demo_data.NEWS)} news, {count} pages indexed")


def _categories() -> dict[str, NewsCategory]:
    return {
        name: services.news_category_create(
            name=name, slug=slugify_uk(name), actor=None
        )
        for name in demo_data.CATEGORIES
    }


def _news(
    rng: Random,
    index: NewsIndexPage,
    categories: dict[str, NewsCategory],
    units: dict[str, OrgUnit],
) -> None:
    now = timezone.now()
    for number, row in enumerate(demo_data.NEWS):
        title, lead, paragraphs, names, tags, unit_index, days_ago = row
        image = services.image_create(
            title=title,
            file_name=f"novyna-{number + 1}.jpg",
            content=demo_files.picture(rng, number),
            actor=None,
        )
        page = NewsPage(
            title=title,
            lead=lead,
            body="".join(f"<p>{text}</p>" for text in paragraphs),
            image=image,
            image_alt=demo_files.PICTURE_ALT,
            org_unit=units.get(unit_index),
            categories=[categories[name] for name in names],
        )
        page.tags.add(*tags)
        services.page_create(
            parent=index,
            page=page,
            actor=None,
            first_published_at=now - timedelta(days=days_ago, hours=number),
        )


def _events(calendar: EventsCalendarPage, units: dict[str, OrgUnit]) -> None:
    first = timezone.localdate().replace(day=1)
    for row in demo_data.EVENTS:
        title, summary, day, months, hour, hours, place, address, status, unit = row
        month = (first + timedelta(days=31 * months)).replace(day=1)
        starts = timezone.make_aware(
            datetime.combine(month.replace(day=day), time(hour))
        )
        page = EventPage(
            title=title,
            summary=summary,
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            place=place,
            address=address,
            status=status,
            organizer=units.get(unit),
            slug=f"{slugify_uk(title, max_length=60)}-{month:%Y-%m}-{day:02d}",
        )
        services.page_create(parent=calendar, page=page, actor=None)


def _bodies(units: dict[str, OrgUnit]) -> dict[int, BodyPage]:
    index = selectors.body_index_page()
    public = [u for u in units.values() if u.kind in contexts.PUBLIC_KINDS]
    council = org_selectors.org_unit_list_active().filter(kind=OrgUnitKind.COUNCIL)
    pages: dict[int, BodyPage] = {}
    for unit in [*council, *sorted(public, key=lambda u: u.sort_order)]:
        page = BodyPage(
            title=unit.name,
            slug=slugify_uk(unit.short_name or unit.name, max_length=60),
            org_unit=unit,
            functions=FUNCTIONS,
        )
        pages[unit.pk] = services.page_create(parent=index, page=page, actor=None)
    return pages


def _contacts(council: OrgUnit | None) -> None:
    page = ContactsPage.objects.get()
    services.page_revise(
        page=page,
        changes={"org_unit": council, "body": demo_data.CONTACTS_TEXT.strip()},
        actor=None,
    )


def _forms(home: HomePage) -> FormsSamplesPage:
    page = FormsSamplesPage(
        title="Бланки та зразки заяв",
        intro=(
            "Заповніть бланк від руки або на комп’ютері; зразок показує, як це зробити."
        ),
    )
    for title, description, name in demo_data.FORMS:
        blank = services.document_create(
            title=f"{title} (бланк)",
            file_name=f"{name}.docx",
            content=demo_files.blank_form(title),
            actor=None,
        )
        sample = services.document_create(
            title=f"{title} (зразок)",
            file_name=f"{name}-zrazok.pdf",
            content=demo_files.sample_pdf(title),
            actor=None,
        )
        page.samples.add(
            FormSample(
                title=title,
                description=description,
                form_document=blank,
                sample_document=sample,
            )
        )
    services.page_create(parent=home, page=page, actor=None)
    return page


def _broadcast(home: HomePage) -> BroadcastsPage:
    index = services.page_create(
        parent=home,
        page=BroadcastsPage(
            title="Трансляції сесій",
            intro="Записи пленарних засідань міської ради з текстовою версією.",
        ),
        actor=None,
    )
    held_on = timezone.localdate() - timedelta(days=14)
    services.page_create(
        parent=index,
        page=BroadcastPage(
            title="12 сесія міської ради VIII скликання",
            held_on=held_on,
            video_url=f"https://video.{DEMO_DOMAIN}/sesiia-12",
            duration_minutes=184,
            summary="Бюджет громади, програма благоустрою та земельні питання.",
            text_alternative=demo_data.BROADCAST_TEXT.strip(),
        ),
        actor=None,
    )
    assert isinstance(index, BroadcastsPage)
    return index


def _sections(
    context: DemoContext,
    units: dict[str, OrgUnit],
    bodies: dict[int, BodyPage],
    editor_pages: list[object],
) -> None:
    """The organisational department keeps the portal's sections; the
    housing department edits its own page, with a new demo editor."""
    housing = units[HOUSING_UNIT]
    _portal_editor(context, housing)
    for page in editor_pages:
        services.portal_section_setup(
            org_unit=units[EDITOR_UNIT], root_page=page, actor=None
        )
    services.portal_section_setup(
        org_unit=housing, root_page=bodies[housing.pk], actor=None
    )


def _portal_editor(context: DemoContext, unit: OrgUnit) -> None:
    user = account_services.user_create(
        actor=None,
        email=f"portal-editor@{DEMO_DOMAIN}",
        password=None,
        password_hash=context.password_hash,
        last_name="Кравець",
        first_name="Марта",
        patronymic="Олегівна",
        roles=frozenset({Role.CONTENT_EDITOR}),
        email_verified=True,
    )
    position = org_services.position_create(
        actor=None,
        org_unit=unit,
        title="Провідний спеціаліст (редактор порталу)",
        role=Role.CONTENT_EDITOR,
        sort_order=90,
    )
    org_services.employee_appoint(
        actor=None, user=user, position=position, valid_from=date(2021, 1, 4)
    )
