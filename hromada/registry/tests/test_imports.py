"""Bulk import: a table of acts and a ZIP of their scans."""

import io
import zipfile
from datetime import date

import openpyxl
import pytest
from django.test import Client
from django.utils import translation
from django_tasks import default_task_backend

from hromada.core.errors import ValidationError
from hromada.core.models import AuditEvent
from hromada.registry.models import ActImport, ImportStatus, LegalAct
from hromada.registry.services import imports
from hromada.registry.tests.factories import act_register, council, keeper
from hromada.registry.tests.pdfs import PDF

pytestmark = pytest.mark.django_db
BROKEN = b"%PDF-1.4\nthis is not a pdf at all"
HEADER = "вид;номер;дата;орган;назва;текст;файл;доступ"


def archive(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for name, content in files.items():
            zipped.writestr(f"scans/{name}", content)
    return buffer.getvalue()


def run(table: bytes, name: str = "acts.csv", scans: bytes | None = None) -> ActImport:
    job = imports.act_import_start(
        actor=keeper(),
        metadata=table,
        metadata_name=name,
        archive=scans,
        archive_name="scans.zip" if scans else "",
    )
    return imports.act_import_run(import_id=job.pk)


def test_good_rows_become_acts_and_bad_ones_are_reported_with_their_reasons():
    # given a council and one act already registered
    body = council().name
    act_register(number="3-VIII", adopted_on=date(2025, 2, 1))
    table = "\n".join(
        [
            HEADER,
            f"рішення ради;1-VIII;14.03.2025;{body};Про бюджет;Текст бюджету.;1.pdf;",
            f"рішення ради;2-VIII;2025-03-15;{body};Про ліфти;;2.pdf;внутрішній",
            f"рішення ради;3-VIII;01.02.2025;{body};Про дубль;Текст.;;",
            f"рішення ради;4-VIII;31.02.2025;{body};Про хибну дату;Текст.;;",
            "рішення ради;5-VIII;16.03.2025;Невідомий орган;Про орган;Текст.;;",
            f"рішення ради;6-VIII;17.03.2025;{body};Про відсутній файл;Текст.;6.pdf;",
            f"рішення ради;7-VIII;18.03.2025;{body};Про зіпсований файл;Текст.;7.pdf;",
            f"постанова;8-VIII;19.03.2025;{body};Про вид;Текст.;;",
            "",
        ]
    ).encode()
    # when it is imported with an archive of scans
    job = run(table, scans=archive(**{"1.pdf": PDF, "2.pdf": PDF, "7.pdf": BROKEN}))
    # then two acts are registered, with their scans, and six rows rejected
    assert (job.status, job.total, job.processed, job.imported) == (
        ImportStatus.DONE,
        8,
        8,
        2,
    )
    assert {
        act.number: act.access for act in LegalAct.objects.exclude(number="3-VIII")
    } == {"1-VIII": "public", "2-VIII": "internal"}
    assert LegalAct.objects.get(number="1-VIII").scan.size == len(PDF)
    assert [(row["line"], row["reason"]) for row in job.report] == [
        (4, "Цей орган уже має акт цього виду з таким номером і датою."),
        (5, "«31.02.2025» у стовпці «дата» — не дата: запишіть її як 14.03.2025."),
        (6, "Органу «Невідомий орган» немає."),
        (7, "В архіві немає файлу «6.pdf»."),
        (8, "Файл «7.pdf» пошкоджено: він не відкривається як PDF."),
        (9, "«постанова» — не вид акта."),
    ]
    assert AuditEvent.objects.filter(action="registry.import_finish").count() == 1


def test_an_xlsx_table_with_spreadsheet_dates_is_read_too():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Вид", "Номер", "Дата", "Орган", "Назва"])
    sheet.append(
        ["розпорядження", "15-р", date(2025, 4, 1), council().name, "Про відпустку"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    job = run(buffer.getvalue(), name="acts.xlsx")
    assert (job.status, job.imported, job.report) == (ImportStatus.DONE, 1, [])
    assert LegalAct.objects.get().adopted_on == date(2025, 4, 1)


def test_a_table_without_the_required_columns_fails_as_a_whole():
    job = run("номер;назва\n1;Про щось\n".encode())
    assert job.status == ImportStatus.FAILED
    assert job.failure == "У таблиці бракує стовпців: kind, date, issuer."
    assert not LegalAct.objects.exists()


def test_anything_but_a_table_is_refused_before_the_import_starts():
    with pytest.raises(ValidationError):
        imports.act_import_start(actor=keeper(), metadata=PDF, metadata_name="acts.pdf")
    assert not ActImport.objects.exists()


def test_starting_queues_the_run_and_a_second_run_changes_nothing():
    job = imports.act_import_start(
        actor=keeper(),
        metadata=f"{HEADER}\nрішення ради;1;14.03.2025;{council().name};Про;;;\n".encode(),
        metadata_name="acts.csv",
    )
    assert len(default_task_backend.results) == 0  # queued after the commit
    imports.act_import_run(import_id=job.pk)
    imports.act_import_run(import_id=job.pk)
    assert LegalAct.objects.count() == 1


def test_the_cabinet_shows_the_progress_and_the_report(client: Client):
    client.force_login(keeper())
    job = run(f"{HEADER}\nрішення ради;1;99.99.2025;{council().name};Про;;;\n".encode())
    body = client.get(f"/cabinet/acts/imports/{job.public_id}/").content.decode()
    assert 'value="100"' in body
    assert "Відхилені рядки" in body
    partial = client.get(
        f"/cabinet/acts/imports/{job.public_id}/", HTTP_HX_REQUEST="true"
    )
    assert "<html" not in partial.content.decode()


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (ImportStatus.RUNNING, "Виконується"),
        (ImportStatus.DONE, "Завершено"),
        (ImportStatus.FAILED, "Не вдалося"),
    ],
)
def test_an_imports_state_reads_as_an_import_not_as_a_letter(status, label):
    with translation.override("uk"):
        assert str(status.label) == label
