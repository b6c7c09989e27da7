"""The КМУ №858 report's worksheet: layout and print settings only.

Columns: the line's number, what it counts, how many appeals. The title
rows name the council and the quarter; the table's heading repeats on
every printed page; the sheet fits the width of an A4 page.
"""

from typing import Any, Final

from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from hromada.analytics.report858 import Report858, ReportBlock

COLUMN_WIDTHS: Final = {"A": 9, "B": 78, "C": 16}
THIN: Final = Side(style="thin", color="000000")
BOX: Final = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADING_FILL: Final = PatternFill("solid", fgColor="D9E2EC")
BOLD: Final = Font(bold=True)
WRAP: Final = Alignment(wrap_text=True, vertical="top")
CENTRE: Final = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sheet_write(sheet: Worksheet, *, report: Report858, title: list[str]) -> None:
    """Fill ``sheet`` with ``report`` under the ``title`` lines; call with
    the report's language active (the headings are translated here)."""
    sheet.title = _("Quarter %(quarter)d of %(year)d") % {
        "quarter": report.quarter,
        "year": report.year,
    }
    for row, text in enumerate(title, start=1):
        _merged(sheet, row, text, font=Font(bold=row <= 2, size=14 if row == 1 else 12))
    heading_row = len(title) + 2
    headings = [_("No."), _("Indicator"), _("Appeals")]
    for column, text in enumerate(headings, start=1):
        cell = sheet.cell(row=heading_row, column=column, value=text)
        cell.font, cell.fill, cell.border, cell.alignment = (
            BOLD,
            HEADING_FILL,
            BOX,
            CENTRE,
        )
    row = heading_row + 1
    row = _line(
        sheet,
        row,
        "",
        _("Appeals received in the quarter, total"),
        report.total,
        bold=True,
    )
    row = _section(sheet, row, "I", _("Attributes of appeals"))
    for block in report.attributes:
        row = _block(sheet, row, block)
    for block in (report.topics, report.outcomes):
        row = _section(sheet, row, block.number, block.title)
        row = _block(sheet, row, block, heading=False)
    _layout(sheet, heading_row)


def _merged(sheet: Worksheet, row: int, text: str, *, font: Font) -> None:
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font, cell.alignment = font, Alignment(horizontal="center", wrap_text=True)


def _section(sheet: Worksheet, row: int, number: str, title: str) -> int:
    sheet.cell(row=row, column=1, value=number)
    sheet.cell(row=row, column=2, value=title)
    for column in (1, 2, 3):
        cell = sheet.cell(row=row, column=column)
        cell.font, cell.fill, cell.border = BOLD, HEADING_FILL, BOX
    return row + 1


def _block(
    sheet: Worksheet, row: int, block: ReportBlock, *, heading: bool = True
) -> int:
    if heading:
        row = _line(sheet, row, block.number, block.title, None, bold=True)
    for line in block.lines:
        row = _line(sheet, row, line.number, line.label, line.count)
    return row


def _line(
    sheet: Worksheet,
    row: int,
    number: str,
    label: str,
    count: Any,
    *,
    bold: bool = False,
) -> int:
    values = (number, label, count)
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.border, cell.alignment = BOX, WRAP
        if bold:
            cell.font = BOLD
    return row + 1


def _layout(sheet: Worksheet, heading_row: int) -> None:
    for letter, width in COLUMN_WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=1)
    sheet.print_title_rows = f"{heading_row}:{heading_row}"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "&P / &N"
