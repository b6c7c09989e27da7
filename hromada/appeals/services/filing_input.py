"""What an appeal states, as every channel hands it to ``appeal_submit``,
and the checks of it: all refusals at once, by field (Закон «Про звернення
громадян», ст. 5: the name, the place of residence, the essence and a way
to answer; DOMAIN.md APL-02, APL-03)."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from hromada.appeals.models import (
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Appeal,
    AppealChannel,
    AppealKind,
    AppealSubject,
    AuthorCategory,
    AuthorGender,
    Category,
    SocialStatus,
)
from hromada.appeals.services import questions
from hromada.appeals.services.attachments import FILES_MAX
from hromada.core.errors import ValidationError
from hromada.gis.models import Address

CO_SIGNERS_MAX: Final = 50
# Markup in plain text is refused, not silently stripped: the citizen sees
# what will be registered. Angle brackets around ordinary words stay.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
LINK = re.compile(r"https?://", re.IGNORECASE)
LINKS_MAX: Final = 3


@dataclass(frozen=True, kw_only=True, slots=True)
class ApplicantInput:
    """An author as the form or the operator gave them."""

    family_name: str = ""
    given_name: str = ""
    patronymic: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    gender: str = AuthorGender.NOT_STATED


@dataclass(frozen=True, kw_only=True)
class AppealInput:
    """Everything an appeal states; the channel decides what is required."""

    kind: str
    category: Category
    title: str
    description: str
    applicant: ApplicantInput
    is_public: bool = True
    subject: str = AppealSubject.INDIVIDUAL
    co_signers: Sequence[ApplicantInput] = ()
    author_categories: Sequence[AuthorCategory] = ()
    social_status: str = SocialStatus.NOT_STATED
    answers: Mapping[str, object] = field(default_factory=dict)
    address: Address | None = None
    address_text: str = ""
    lon: float | None = None
    lat: float | None = None
    files: Sequence[File[bytes]] = ()
    # An earlier appeal this one contests or repeats (повторне), or the
    # same appeal of the same person received again (дублетне, APL-15).
    repeat_of: Appeal | None = None
    duplicate_of: Appeal | None = None


def appeal_input_check(
    data: AppealInput, *, channel: AppealChannel
) -> dict[str, object]:
    """Every refusal at once, by field; the cleaned answers to questions."""
    errors: dict[str, list[str]] = {}
    _check_text(data, errors)
    _check_applicant(data.applicant, channel=channel, errors=errors, prefix="")
    if data.subject == AppealSubject.COLLECTIVE and not data.co_signers:
        errors.setdefault("co_signers", []).append(
            _("A collective appeal needs at least one co-signer.")
        )
    if len(data.co_signers) > CO_SIGNERS_MAX:
        errors.setdefault("co_signers", []).append(
            _("An appeal takes at most %(count)d co-signers here.")
            % {"count": CO_SIGNERS_MAX}
        )
    for signer in data.co_signers:
        if not (signer.family_name.strip() and signer.given_name.strip()):
            errors.setdefault("co_signers", []).append(
                _("Give every co-signer's surname and first name.")
            )
            break
    if (
        not data.category.is_active
        or data.category.children.filter(is_active=True).exists()
    ):
        errors.setdefault("category", []).append(_("Choose a category from the list."))
    if data.repeat_of is not None and data.duplicate_of is not None:
        errors.setdefault("repeat_of", []).append(
            _("An appeal repeats an earlier one or duplicates it, not both.")
        )
    if len(data.files) > FILES_MAX:
        errors.setdefault("files", []).append(
            _("Attach at most %(count)d files.") % {"count": FILES_MAX}
        )
    answers = questions.answers_clean(data.category, data.answers, errors=errors)
    if errors:
        raise ValidationError(
            _("Check the appeal: some fields need your attention."),
            code="appeal_invalid",
            details=errors,
        )
    return answers


def _check_text(data: AppealInput, errors: dict[str, list[str]]) -> None:
    if data.kind not in AppealKind.values:
        errors.setdefault("kind", []).append(_("Choose the kind of appeal."))
    limits = (
        ("title", data.title, TITLE_MAX_LENGTH),
        ("description", data.description, DESCRIPTION_MAX_LENGTH),
    )
    for name, value, limit in limits:
        value = value.strip()
        if not value:
            errors.setdefault(name, []).append(_("Fill in this field."))
        elif len(value) > limit:
            errors.setdefault(name, []).append(
                _("Write at most %(count)d characters.") % {"count": limit}
            )
        elif MARKUP.search(value):
            errors.setdefault(name, []).append(
                _("Write plain text: HTML tags and scripts are not accepted.")
            )
    if len(LINK.findall(data.description)) > LINKS_MAX:
        errors.setdefault("description", []).append(
            _("An appeal may hold at most %(count)d links.") % {"count": LINKS_MAX}
        )


def _check_applicant(
    applicant: ApplicantInput,
    *,
    channel: AppealChannel,
    errors: dict[str, list[str]],
    prefix: str,
) -> None:
    required = ["family_name", "given_name"]
    if channel == AppealChannel.PORTAL:
        # ст. 5: a written appeal states the place of residence; an
        # electronic one, an e-mail address for the reply.
        required += ["postal_address", "email"]
    elif channel == AppealChannel.OPEN311:
        # Open311 clients (FixMyStreet among them) ask for no residence;
        # the e-mail address is the way to answer (APL-03).
        required.append("email")
    else:
        required.append("phone")
    for name in required:
        if not str(getattr(applicant, name)).strip():
            errors.setdefault(prefix + name, []).append(_("Fill in this field."))
    if applicant.email.strip():
        try:
            validate_email(applicant.email.strip())
        except DjangoValidationError:
            errors.setdefault(prefix + "email", []).append(
                _("Enter an e-mail address like name@example.com.")
            )
    if applicant.gender not in AuthorGender.values:
        errors.setdefault(prefix + "gender", []).append(_("Choose from the list."))
