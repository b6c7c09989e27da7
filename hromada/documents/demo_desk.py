"""Work in progress on the demo city's desks (demo mode only).

The registered history of ``demo`` is closed: nobody would find anything on
"Сьогодні". Here the same services a clerk uses put today's work on the
desks of the demo housing department: letters addressed to it, two
резолюції of its head to ``executor@`` with a colleague, a report waiting
for the head, and a letter that came by e-mail waiting for the registrar.
These dates count from the day the demo loads, as live work does.
"""

from django.utils import timezone

from hromada.accounts.models import User
from hromada.documents.models import (
    Channel,
    Correspondent,
    DocumentKind,
    Journal,
    TaskRole,
)
from hromada.documents.services import control, registration, resolutions
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit

# (summary, the correspondent's outgoing number) of letters to housing.
LETTERS = (
    ("Про промерзання стін у будинку на вул. Садовій, 14", "115/02"),
    ("Про заміну ліфта в під'їзді № 2 будинку на вул. Миру, 3", "37-к"),
    ("Про графік підготовки житлового фонду до зими", "08-11/412"),
)
INSTRUCTIONS = (
    "Обстежити будинок, скласти акт і підготувати відповідь заявникам",
    "Опрацювати з управителем будинку та поінформувати",
)
REPORT = "Будинок обстежено 20.11, акт складено, проєкт відповіді додано"
E_MAIL_LETTER = "Про перевірку стану дитячого майданчика на вул. Вишневій"


def load(
    *,
    registrar: User,
    head: User,
    executor: User,
    journal: Journal,
    office: OrgUnit,
    correspondents: list[Correspondent],
) -> int:
    """Put today's work on the desks; returns how many cards it made."""
    today = timezone.localdate()
    housing = next(iter(org_selectors.org_unit_ids_headed_by(user=head)))
    unit = OrgUnit.objects.get(pk=housing)
    colleague = (
        org_selectors.employee_list_current(org_unit=unit)
        .exclude(user__in=(head, executor))
        .first()
    )
    cards = []
    for n, (summary, number) in enumerate(LETTERS):
        draft = registration.document_create_draft(
            actor=registrar,
            kind=DocumentKind.INCOMING,
            org_unit=office,
            summary=summary,
            pages=n + 1,
            channel=Channel.POST,
            correspondent=correspondents[n],
            correspondent_number=number,
            correspondent_date=today,
            addressee_units=[unit],
        )
        cards.append(
            registration.document_register(
                document=draft, journal=journal, actor=registrar
            )
        )
    # The third letter waits for the head's резолюція.
    tasks = []
    for card, text in zip(cards, INSTRUCTIONS, strict=False):
        executors = [executor] + ([colleague.user] if colleague else [])
        resolution = resolutions.resolution_create(
            document=card, author=head, entered_by=head, text=text, executors=executors
        )
        tasks.append(resolution.tasks.get(role=TaskRole.RESPONSIBLE))
    control.task_report_submit(task=tasks[0], actor=executor, text=REPORT)
    registration.document_create_draft(
        actor=registrar,
        kind=DocumentKind.INCOMING,
        org_unit=office,
        summary=E_MAIL_LETTER,
        channel=Channel.EMAIL,
        correspondent=correspondents[len(LETTERS)],
        addressee_units=[unit],
    )
    return len(cards) + 1
