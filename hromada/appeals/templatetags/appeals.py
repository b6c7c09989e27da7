"""Template filters of public appeal pages: nothing personal gets out."""

from django import template

from hromada.appeals import privacy
from hromada.appeals.models import Appeal

register = template.Library()


@register.filter
def redacted(text: str) -> str:
    """The text with e-mail addresses, phones and tax numbers hidden."""
    return privacy.redact(text or "")


@register.filter
def public_place(appeal: Appeal) -> str:
    """The street and the district, never the building or free text."""
    street = str(appeal.address.street) if appeal.address_id and appeal.address else ""
    district = appeal.district.name if appeal.district_id and appeal.district else ""
    return ", ".join(part for part in (street, district) if part)


@register.filter
def percent(share: float) -> str:
    """0.643 as «64 %», as Ukrainian texts write a share."""
    return f"{round((share or 0) * 100)} %"
