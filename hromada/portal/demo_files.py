"""Pictures and files of the demo portal, drawn here with no network."""

import io
from random import Random
from typing import Final

from PIL import Image, ImageDraw

PICTURE_SIZE: Final = (1200, 675)
PICTURE_ALT: Final = "Ілюстрація: кольорові геометричні фігури"
PALETTES: Final = (
    ((11, 74, 139), (255, 221, 0)),
    ((0, 112, 60), (244, 119, 56)),
    ((80, 38, 117), (255, 191, 71)),
    ((0, 94, 165), (145, 220, 255)),
    ((140, 36, 58), (255, 237, 186)),
)


def picture(rng: Random, number: int) -> bytes:
    """A JPEG of coloured shapes, the same for the same generator state."""
    background, accent = PALETTES[number % len(PALETTES)]
    image = Image.new("RGB", PICTURE_SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = PICTURE_SIZE
    for _shape in range(6):
        x, y = rng.randint(0, width), rng.randint(0, height)
        radius = rng.randint(60, 220)
        box = (x - radius, y - radius, x + radius, y + radius)
        if rng.random() < 0.5:
            draw.ellipse(box, outline=accent, width=14)
        else:
            draw.rectangle(box, fill=_mix(background, accent, rng.random()))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80, optimize=True)
    return output.getvalue()


def _mix(
    first: tuple[int, int, int], second: tuple[int, int, int], share: float
) -> tuple[int, int, int]:
    red, green, blue = (
        round(a + (b - a) * share) for a, b in zip(first, second, strict=True)
    )
    return red, green, blue


def blank_form(title: str) -> bytes:
    """A DOCX form with blanks to fill in."""
    from docx import Document

    document = Document()
    document.add_paragraph("Міському голові\n__________________________")
    document.add_paragraph(
        "від _______________________________\n(прізвище, ім’я, по батькові)"
    )
    document.add_paragraph(
        "адреса: ___________________________\nтелефон: __________________________"
    )
    document.add_heading(title, level=1)
    document.add_paragraph("Прошу ____________________________________________")
    document.add_paragraph("Додатки: _________________________________________")
    document.add_paragraph("«___» ____________ 20___ р.        Підпис ____________")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def sample_pdf(title: str) -> bytes:
    """A PDF of the form filled in with an invented applicant."""
    from weasyprint import HTML

    html = f"""<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8">
<title>{title}</title><style>
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 12pt; margin: 2cm; }}
.to {{ margin-left: 50%; }} .mark {{ color: #1d70b8; }}
</style></head><body>
<p class="to">Міському голові<br>від <span class="mark">Зразкової Олени Петрівни</span>
<br>адреса: <span class="mark">вул. Прикладна, 1, м. Вишневе</span></p>
<h1>{title}</h1>
<p>Прошу <span class="mark">розглянути мою заяву по суті та повідомити про рішення
листом на зазначену адресу.</span></p>
<p>Додатки: <span class="mark">копія паспорта, копія довідки про доходи.</span></p>
<p>«01» січня 2026 р. Підпис ____________</p>
<p><em>ЗРАЗОК ЗАПОВНЕННЯ</em></p></body></html>"""
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
