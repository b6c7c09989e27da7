"""The attributes of an appeal (КМУ №858, section I) and its lifecycle."""

from typing import Final

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hromada.core.transitions import Transitions


class AppealKind(models.TextChoices):
    """За видами (858 §I.3; Закон «Про звернення громадян», ст. 3)."""

    PROPOSAL = "proposal", _("Proposal (remark)")
    STATEMENT = "statement", _("Statement (request)")
    COMPLAINT = "complaint", _("Complaint")


class AppealSubject(models.TextChoices):
    """За суб'єктом (858 §I.5)."""

    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    ANONYMOUS = "anonymous", _("Anonymous")


class ReceiptForm(models.TextChoices):
    """За формою надходження (858 §I.1): how the appeal reached the council."""

    POST = "post", _("By post or e-mail")
    PHONE = "phone", _("By phone")
    PERSONAL_RECEPTION = "personal_reception", _("At a personal reception")
    PROXY = "proxy", _("Through an authorised person")
    AUTHORITIES = "authorities", _("Through bodies of power")
    MEDIA = "media", _("Through the media")
    OTHER_BODIES = "other_bodies", _("From other bodies and organisations")


class ReceiptAttribute(models.TextChoices):
    """За ознакою надходження (858 §I.2; DOMAIN.md §1.2)."""

    PRIMARY = "primary", _("Primary")
    REPEAT = "repeat", _("Repeat")
    DUPLICATE = "duplicate", _("Duplicate")
    RECURRENT = "recurrent", _("Recurrent")
    MASS = "mass", _("Mass")


class AppealForm(models.TextChoices):
    """За типом (858 §I.6)."""

    LETTER = "letter", _("Letter")
    ORAL = "oral", _("Oral")
    TELEGRAM = "telegram", _("Telegram")
    ELECTRONIC = "electronic", _("Electronic")


class AuthorGender(models.TextChoices):
    """За статтю авторів (858 §I.4); not stated is allowed."""

    NOT_STATED = "", _("Not stated")
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class SocialStatus(models.TextChoices):
    """За соціальним станом (858 §I.8, as councils publish it)."""

    NOT_STATED = "", _("Not stated")
    PENSIONER = "pensioner", _("Pensioner")
    WORKER = "worker", _("Worker")
    PEASANT = "peasant", _("Farmer")
    PUBLIC_SECTOR = "public_sector", _("Public-sector employee")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    MILITARY = "military", _("Military serviceman")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    UNEMPLOYED = "unemployed", _("Unemployed")
    STUDENT = "student", _("Pupil or student")
    OTHER = "other", pgettext_lazy("social status", "Other")


class AppealChannel(models.TextChoices):
    """Where the appeal came from (DOMAIN.md §3.4)."""

    PORTAL = "portal", _("Portal form")
    OPEN311 = "open311", _("Open311 application")
    CONTACT_CENTRE = "contact_centre", _("Contact centre")
    HOTLINE = "hotline", _("Hotline")
    PERSONAL_RECEPTION = "personal_reception", _("Personal reception")
    POST = "post", _("Post")
    EMAIL = "email", _("E-mail")
    NATIONAL_CONTACT_CENTRE = "national_contact_centre", _("Government contact centre")


# 858 §I.1 and §I.6 follow from the channel.
CHANNEL_RECEIPT: Final = {
    AppealChannel.PORTAL: (ReceiptForm.POST, AppealForm.ELECTRONIC),
    AppealChannel.OPEN311: (ReceiptForm.POST, AppealForm.ELECTRONIC),
    AppealChannel.CONTACT_CENTRE: (ReceiptForm.PHONE, AppealForm.ORAL),
    AppealChannel.HOTLINE: (ReceiptForm.PHONE, AppealForm.ORAL),
    AppealChannel.PERSONAL_RECEPTION: (
        ReceiptForm.PERSONAL_RECEPTION,
        AppealForm.ORAL,
    ),
    AppealChannel.POST: (ReceiptForm.POST, AppealForm.LETTER),
    AppealChannel.EMAIL: (ReceiptForm.POST, AppealForm.ELECTRONIC),
    AppealChannel.NATIONAL_CONTACT_CENTRE: (
        ReceiptForm.OTHER_BODIES,
        AppealForm.ORAL,
    ),
}


class AppealStatus(models.TextChoices):
    """Where an appeal is; the moves are in APPEAL_TRANSITIONS."""

    REGISTERED = "registered", _("Registered")
    IN_PROGRESS = "in_progress", pgettext_lazy("appeal", "In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", pgettext_lazy("appeal status", "Closed")
    FORWARDED = "forwarded", _("Forwarded")
    NOT_CONSIDERED = "not_considered", _("Not considered")


# Reopening ("not resolved") moves an answered appeal back to work, with a
# new control cycle; forwarded and not-considered appeals are final.
APPEAL_TRANSITIONS: Final[Transitions[AppealStatus]] = {
    AppealStatus.REGISTERED: frozenset(
        {
            AppealStatus.IN_PROGRESS,
            AppealStatus.FORWARDED,
            AppealStatus.NOT_CONSIDERED,
        }
    ),
    AppealStatus.IN_PROGRESS: frozenset(
        {
            AppealStatus.IN_PROGRESS,
            AppealStatus.ANSWERED,
            AppealStatus.FORWARDED,
            AppealStatus.NOT_CONSIDERED,
        }
    ),
    AppealStatus.ANSWERED: frozenset({AppealStatus.CLOSED, AppealStatus.IN_PROGRESS}),
    AppealStatus.CLOSED: frozenset(),
    AppealStatus.FORWARDED: frozenset(),
    AppealStatus.NOT_CONSIDERED: frozenset(),
}

# Open: still the council's to answer.
OPEN_STATUSES: Final = frozenset({AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS})


class AppealOutcome(models.TextChoices):
    """Результат розгляду, for statistics (DOMAIN.md APL-20)."""

    NONE = "", _("Not yet")
    SATISFIED = "satisfied", _("Resolved positively")
    REFUSED = "refused", _("Refused")
    EXPLAINED = "explained", _("Explained")
    FORWARDED = "forwarded", _("Forwarded")
    NOT_CONSIDERED = "not_considered", _("Not considered")


class AppealEventKind(models.TextChoices):
    """A step of an appeal's timeline."""

    REGISTERED = "registered", _("Registered")
    ROUTED = "routed", _("Routed")
    ASSIGNED = "assigned", _("Executor assigned")
    EXTENDED = "extended", _("Term extended")
    FORWARDED = "forwarded", _("Forwarded")
    ANSWERED = "answered", _("Answered")
    REOPENED = "reopened", _("Reopened")
    RATED = "rated", _("Rated")
    CLOSED = "closed", pgettext_lazy("appeal event", "Closed")
    NOT_CONSIDERED = "not_considered", _("Not considered")
    JOINED = "joined", _("Someone joined")
    COMMENTED = "commented", _("The applicant added a comment")
    REMARKED = "remarked", _("Another person added a comment")


# Steps only staff and the applicant see: what the applicant wrote may hold
# anything a person types, so no public page, feed or export shows it.
PRIVATE_EVENT_KINDS = frozenset({AppealEventKind.COMMENTED, AppealEventKind.REMARKED})
