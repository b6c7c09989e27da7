"""Named deadline rules: the statutory terms of DOMAIN.md §2.0 as data.

Each rule cites its act and article and carries the confidence mark of its
row in the deadline table (D1..D27); a rule marked secondary or unverified
is a default to re-read against the act, not a settled reading.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DeadlineUnit(StrEnum):
    """What the amount of a rule counts."""

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"
    HOURS = "hours"


class DeadlineShift(StrEnum):
    """Where a due date that falls on a day off moves (TIME-07)."""

    NONE = "none"
    PREVIOUS_WORKING = "previous_working"
    NEXT_WORKING = "next_working"


class DeadlineDirection(StrEnum):
    """Whether the term runs after its start or ends before an event."""

    AFTER = "after"
    BEFORE = "before"


class Confidence(StrEnum):
    """The confidence mark of DOMAIN.md §0: ✅, 🟡 or ⚠️."""

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, kw_only=True, slots=True)
class DeadlineRule:
    """One statutory term: what is counted, how much, and which act says so.

    ``cap_days`` bounds any extension in calendar days from the start (appeals:
    45 days in total). ``publication_day_counts`` matters only for rules that
    run ``BEFORE`` an event (see ``working_days_before``).
    """

    code: str
    domain_ref: str
    title: "StrOrPromise"
    unit: DeadlineUnit
    amount: int
    legal_source: "StrOrPromise"
    confidence: Confidence
    cap_days: int | None = None
    shift: DeadlineShift = DeadlineShift.NONE
    direction: DeadlineDirection = DeadlineDirection.AFTER
    publication_day_counts: bool = False


CALENDAR = DeadlineUnit.CALENDAR_DAYS
WORKING = DeadlineUnit.WORKING_DAYS
MONTHS = DeadlineUnit.MONTHS
HOURS = DeadlineUnit.HOURS
CONFIRMED = Confidence.CONFIRMED
SECONDARY = Confidence.SECONDARY
UNVERIFIED = Confidence.UNVERIFIED

APPEALS_ART_5 = _("Law of Ukraine “On citizens' appeals”, art. 5")
APPEALS_ART_7 = _("Law of Ukraine “On citizens' appeals”, art. 7")
APPEALS_ART_17 = _("Law of Ukraine “On citizens' appeals”, art. 17")
APPEALS_ART_20 = _("Law of Ukraine “On citizens' appeals”, art. 20")
APPEALS_ART_23_1 = _("Law of Ukraine “On citizens' appeals”, art. 23-1")
DEPUTIES_ART_13 = _(
    "Law of Ukraine “On the status of deputies of local councils”, art. 13"
)
INFORMATION_ART_15 = _("Law of Ukraine “On access to public information”, art. 15")
INFORMATION_ART_20 = _("Law of Ukraine “On access to public information”, art. 20")
LOCAL_GOVERNMENT_ART_46 = _(
    "Law of Ukraine “On local self-government in Ukraine”, art. 46 part 10"
)
LOCAL_GOVERNMENT_ART_59 = _(
    "Law of Ukraine “On local self-government in Ukraine”, art. 59 part 4"
)
REGULATORY_ART_7 = _(
    "Law of Ukraine “On the principles of state regulatory policy”, art. 7"
)
REGULATORY_ART_9 = _(
    "Law of Ukraine “On the principles of state regulatory policy”, art. 9"
)

_RULES = (
    DeadlineRule(
        code="appeal.no_study",
        domain_ref="D1",
        title=_("Appeal needing no additional study"),
        unit=CALENDAR,
        amount=15,
        legal_source=APPEALS_ART_20,
        confidence=SECONDARY,
    ),
    # Law "On citizens' appeals", art. 20: one month; the head may extend
    # it with notice to the applicant, 45 days in total at most.
    DeadlineRule(
        code="appeal.general",
        domain_ref="D2",
        title=_("Appeal"),
        unit=MONTHS,
        amount=1,
        cap_days=45,
        legal_source=APPEALS_ART_20,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="appeal.forward",
        domain_ref="D4",
        title=_("Forwarding an appeal outside the council's competence"),
        unit=CALENDAR,
        amount=5,
        legal_source=APPEALS_ART_7,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="appeal.return_incomplete",
        domain_ref="D5",
        title=_("Returning an appeal that lacks data for a decision"),
        unit=CALENDAR,
        amount=5,
        legal_source=APPEALS_ART_7,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="appeal.return_form",
        domain_ref="D6",
        title=_("Returning an appeal that does not meet the required form"),
        unit=CALENDAR,
        amount=10,
        legal_source=APPEALS_ART_5,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="complaint.from_decision",
        domain_ref="D7",
        title=_("Complaint about a decision, counted from the decision"),
        unit=MONTHS,
        amount=12,
        legal_source=APPEALS_ART_17,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="complaint.from_learning",
        domain_ref="D7",
        title=_("Complaint about a decision, counted from learning of it"),
        unit=MONTHS,
        amount=1,
        legal_source=APPEALS_ART_17,
        confidence=SECONDARY,
    ),
    # The article number in Law 93-IV is not verified (DOMAIN.md §5 item 6).
    DeadlineRule(
        code="deputy_appeal.answer",
        domain_ref="D8",
        title=_("Deputy's appeal"),
        unit=CALENDAR,
        amount=10,
        legal_source=DEPUTIES_ART_13,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="deputy_appeal.extended",
        domain_ref="D8",
        title=_("Deputy's appeal, extended with a reasoned notice"),
        unit=MONTHS,
        amount=1,
        legal_source=DEPUTIES_ART_13,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="public_information.request",
        domain_ref="D10",
        title=_("Request for public information"),
        unit=WORKING,
        amount=5,
        legal_source=INFORMATION_ART_20,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="public_information.extended",
        domain_ref="D10",
        title=_("Request for public information, extended with reasons"),
        unit=WORKING,
        amount=20,
        legal_source=INFORMATION_ART_20,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="public_information.extension_notice",
        domain_ref="D10",
        title=_("Notice extending a request for public information"),
        unit=WORKING,
        amount=5,
        legal_source=INFORMATION_ART_20,
        confidence=SECONDARY,
    ),
    # ДПІ art. 20 ч. 2: clock hours from the registration timestamp (TIME-10).
    DeadlineRule(
        code="public_information.urgent",
        domain_ref="D11",
        title=_("Urgent request for public information"),
        unit=HOURS,
        amount=48,
        legal_source=INFORMATION_ART_20,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="personal_data.subject_request",
        domain_ref="D12",
        title=_("Data subject's question about the processing of personal data"),
        unit=CALENDAR,
        amount=30,
        legal_source=_("Law of Ukraine “On personal data protection”, art. 8"),
        confidence=SECONDARY,
    ),
    # Unverified in the act (DOMAIN.md §5 item 1); a law may set another term.
    DeadlineRule(
        code="administrative_service.default",
        domain_ref="D13",
        title=_("Administrative service"),
        unit=CALENDAR,
        amount=30,
        legal_source=_("Law of Ukraine “On administrative services”, art. 10"),
        confidence=UNVERIFIED,
    ),
    # Unverified in the act (DOMAIN.md §5 item 2).
    DeadlineRule(
        code="permit.default",
        domain_ref="D14",
        title=_("Permit document"),
        unit=WORKING,
        amount=10,
        legal_source=_(
            "Law of Ukraine “On the permit system in the sphere of economic activity”"
        ),
        confidence=UNVERIFIED,
    ),
    # ДПІ art. 15 ч. 3 as amended by Law 890-IX: at least ten working days
    # before consideration; the conservative reading (DOMAIN.md §5 item 5).
    DeadlineRule(
        code="draft_decision.publication",
        domain_ref="D15",
        title=_("Publication of a draft decision"),
        unit=WORKING,
        amount=10,
        direction=DeadlineDirection.BEFORE,
        legal_source=INFORMATION_ART_15,
        confidence=CONFIRMED,
    ),
    DeadlineRule(
        code="act.publication",
        domain_ref="D16",
        title=_("Publication of an adopted act"),
        unit=WORKING,
        amount=5,
        legal_source=INFORMATION_ART_15,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="council_session.notice",
        domain_ref="D18",
        title=_("Notice of a council session"),
        unit=CALENDAR,
        amount=10,
        direction=DeadlineDirection.BEFORE,
        legal_source=LOCAL_GOVERNMENT_ART_46,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="mayor.veto",
        domain_ref="D19",
        title=_("Mayor's suspension of a council decision"),
        unit=CALENDAR,
        amount=5,
        legal_source=LOCAL_GOVERNMENT_ART_59,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="council.veto_reconsideration",
        domain_ref="D19",
        title=_("Council's reconsideration of a suspended decision"),
        unit=CALENDAR,
        amount=14,
        legal_source=LOCAL_GOVERNMENT_ART_59,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="petition.check",
        domain_ref="D21",
        title=_("Check of an e-petition before publication"),
        unit=WORKING,
        amount=2,
        legal_source=_("Local regulations on e-petitions"),
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="petition.consideration",
        domain_ref="D23",
        title=_("Consideration of an e-petition"),
        unit=WORKING,
        amount=10,
        legal_source=APPEALS_ART_23_1,
        confidence=SECONDARY,
    ),
    DeadlineRule(
        code="regulatory.comments_min",
        domain_ref="D24",
        title=_("Shortest period for comments on a draft regulatory act"),
        unit=MONTHS,
        amount=1,
        legal_source=REGULATORY_ART_9,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="regulatory.comments_max",
        domain_ref="D24",
        title=_("Longest period for comments on a draft regulatory act"),
        unit=MONTHS,
        amount=3,
        legal_source=REGULATORY_ART_9,
        confidence=UNVERIFIED,
    ),
    DeadlineRule(
        code="regulatory.plan_publication",
        domain_ref="D25",
        title=_("Publication of the plan of regulatory acts"),
        unit=CALENDAR,
        amount=10,
        legal_source=REGULATORY_ART_7,
        confidence=SECONDARY,
    ),
    # TIME-07: internal tasks due on a day off fall due the working day before.
    DeadlineRule(
        code="task.default",
        domain_ref="D26",
        title=_("Internal task without an explicit deadline"),
        unit=CALENDAR,
        amount=30,
        shift=DeadlineShift.PREVIOUS_WORKING,
        legal_source=_("Records-management instruction of the council"),
        confidence=UNVERIFIED,
    ),
)

RULES: Mapping[str, DeadlineRule] = MappingProxyType(
    {rule.code: rule for rule in _RULES}
)
