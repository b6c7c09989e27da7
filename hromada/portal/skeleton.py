"""The pages every installation starts with, in Ukrainian (the content's
language; the interface around it is translated).

Their addresses are fixed: ``/bodies/`` and ``/accessibility/`` were the
portal's addresses before the CMS, and the others are the titles'
official transliteration.
"""

from datetime import date

from django.conf import settings

from hromada.portal.models import (
    AccessibilityStatementPage,
    BodiesIndexPage,
    ComplianceStatus,
    ContactsPage,
    EventsCalendarPage,
    HomePage,
    NewsIndexPage,
    PortalPage,
)

STATEMENT_PREPARED_ON = date(2026, 11, 22)

STATEMENT = """
<p>{city} прагне, щоб цим порталом могли користуватися якомога більше людей:
змінювати кольори й розмір тексту, збільшувати сторінку до 400% так, щоб текст
не виходив за межі екрана, переходити сторінками лише з клавіатури та слухати
їх за допомогою програми зчитування з екрана.</p>
<h2>Як перевіряють портал</h2>
<ul>
<li>Кожну сторінку автоматично перевіряють засобом axe-core на відповідність
WCAG 2.1 рівня AA після кожної зміни програмного забезпечення; сторінку з
порушенням не випускають.</li>
<li>Кожна форма працює без JavaScript і лише з клавіатурою.</li>
<li>Основна мова порталу — українська; інтерфейс доступний також англійською.</li>
</ul>
<h2>Що ще не доступно</h2>
<p>Ручну перевірку з допоміжними технологіями ще не завершено. Документи, які
додають редактори, можуть бути недоступними для програм зчитування з екрана,
якщо це скановані зображення.</p>
"""

FEEDBACK = """
<p>Якщо ви не можете скористатися частиною порталу або вам потрібна інформація
в іншому форматі (великий шрифт, аудіозапис, легке читання), напишіть до
загального відділу ради.</p>
"""


def home_page() -> HomePage:
    """The front page (its heading is the council's name)."""
    return HomePage(
        title="Головна",
        slug="home",
        intro=(
            "Офіційний портал міської ради: новини, події, органи влади та їхні "
            "контакти, звернення громадян і документи."
        ),
    )


def section_pages() -> list[PortalPage]:
    """The sections below the home page."""
    city = settings.HROMADA_CITY["name"]
    return [
        NewsIndexPage(title="Новини", slug="novyny", show_in_menus=True),
        EventsCalendarPage(title="Події", slug="podii", show_in_menus=True),
        BodiesIndexPage(
            title="Виконавчі органи та комунальні підприємства",
            slug="bodies",
            show_in_menus=True,
        ),
        ContactsPage(title="Контакти", slug="kontakty", show_in_menus=True),
        AccessibilityStatementPage(
            title="Заява про доступність",
            slug="accessibility",
            standard="ДСТУ EN 301 549:2022",
            compliance=ComplianceStatus.PARTIAL,
            body=STATEMENT.format(city=city).strip(),
            feedback=FEEDBACK.strip(),
            response_days=5,
            prepared_on=STATEMENT_PREPARED_ON,
        ),
    ]
