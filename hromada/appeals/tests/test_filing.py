"""Filing an appeal: registration in the EDMS, routing, terms, refusals."""

import uuid
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealEvent,
    AppealEventKind,
    AppealStatus,
    AppealSubject,
    AuthorCategory,
    ReceiptForm,
    TermRule,
)
from hromada.appeals.services import filing
from hromada.appeals.tests.factories import (
    CITY_LAT,
    CITY_LON,
    CategoryFactory,
    DistrictFactory,
    RoutingRuleFactory,
    appeal_file,
    appeal_input,
    appeals_journal,
    applicant_input,
)
from hromada.core.errors import (
    ApplicationError,
    PermissionDeniedError,
    RateLimitedError,
    ValidationError,
)
from hromada.core.models import AuditEvent, StoredFile
from hromada.documents.models import Document, DocumentKind, DocumentStatus
from hromada.notifications.models import Notification

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01"
    b"\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def journal():
    return appeals_journal()


@pytest.fixture
def lighting():
    return CategoryFactory(code="lighting_fault", name="Вуличне освітлення")


def test_a_visitors_appeal_is_registered_routed_and_acknowledged(
    journal, lighting, django_capture_on_commit_callbacks
):
    # given
    district = DistrictFactory()
    rule = RoutingRuleFactory(category=lighting)
    today = timezone.localdate()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        appeal = appeal_file(category=lighting)

    # then: registered in the journal of appeals, the surname's letter first
    document = Document.objects.get(pk=appeal.document_id)
    assert document.kind == DocumentKind.APPEAL
    assert document.status == DocumentStatus.REGISTERED
    assert document.journal == journal
    assert document.created_by is None
    assert appeal.number == document.registration_number == "К-1"
    assert list(document.addressees.values_list("org_unit", flat=True)) == [
        rule.unit_id
    ]
    # routed to the rule's enterprise, with the term of art. 20
    assert appeal.unit == rule.unit
    assert appeal.district == district
    assert appeal.status == AppealStatus.REGISTERED
    assert appeal.due_rule == TermRule.NO_STUDY
    assert (appeal.due_on - today).days == 15
    assert (appeal.limit_on - today).days == 45
    assert appeal.receipt_form == ReceiptForm.POST
    assert appeal.owner is None
    assert appeal.applicant.family_name == "Коваленко"
    kinds = list(appeal.events.values_list("kind", "unit"))
    assert kinds == [
        (AppealEventKind.REGISTERED, None),
        (AppealEventKind.ROUTED, rule.unit_id),
    ]
    # the applicant hears the number by e-mail, once
    notification = Notification.objects.get(template="appeals/registered")
    assert notification.recipient_email == "olena@test.example"
    assert notification.context["number"] == "К-1"
    # audited without personal data
    event = AuditEvent.objects.get(action="appeals.submit")
    assert event.data["number"] == "К-1"
    assert "Коваленко" not in str(event.data)
    assert "olena@test.example" not in str(event.data)


def test_a_citizens_own_appeal_belongs_to_their_account(journal, lighting):
    citizen = UserFactory(roles=[Role.CITIZEN])

    appeal = appeal_file(category=lighting, actor=citizen)

    assert appeal.owner == citizen
    assert appeal.applicant.user == citizen
    notification = Notification.objects.get(template="appeals/registered")
    assert notification.recipient == citizen


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"description": ""}, "description"),
        ({"description": "x" * 5001}, "description"),
        ({"description": "<script>alert(1)</script>"}, "description"),
        ({"title": "Ліхтар <b>не світить</b>"}, "title"),
        ({"applicant": applicant_input(email="")}, "email"),
        ({"applicant": applicant_input(email="not-an-address")}, "email"),
        ({"applicant": applicant_input(family_name="")}, "family_name"),
        ({"applicant": applicant_input(postal_address="")}, "postal_address"),
        ({"subject": AppealSubject.COLLECTIVE}, "co_signers"),
        ({"kind": "wish"}, "kind"),
        (
            {"description": "http://a http://b http://c http://d купуйте"},
            "description",
        ),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_is_registered(
    journal, lighting, overrides, field
):
    with pytest.raises(ValidationError) as refusal:
        appeal_file(category=lighting, **overrides)

    assert field in refusal.value.details
    assert Appeal.objects.count() == 0
    assert Document.objects.count() == 0
    assert Notification.objects.count() == 0


def test_a_point_outside_the_city_is_refused(journal, lighting):
    DistrictFactory()

    with pytest.raises(ValidationError) as refusal:
        appeal_file(category=lighting, lon=24.03, lat=49.84)

    assert refusal.value.code == "appeal_place"
    assert list(refusal.value.details) == ["location"]
    assert Appeal.objects.count() == 0


def test_a_category_that_needs_a_place_refuses_an_appeal_without_one(journal, lighting):
    with pytest.raises(ValidationError) as refusal:
        appeal_file(category=lighting, lon=None, lat=None)

    assert "location" in refusal.value.details


def test_a_group_of_categories_cannot_be_chosen(journal, lighting):
    CategoryFactory(parent=lighting)

    with pytest.raises(ValidationError) as refusal:
        appeal_file(category=lighting)

    assert "category" in refusal.value.details


def test_the_same_form_sent_twice_files_one_appeal(journal, lighting):
    key = uuid.uuid4()
    data = appeal_input(category=lighting)

    first = filing.appeal_submit(
        actor=None, channel=AppealChannel.PORTAL, data=data, once_key=key
    )
    second = filing.appeal_submit(
        actor=None, channel=AppealChannel.PORTAL, data=data, once_key=key
    )

    assert first == second
    assert Appeal.objects.count() == 1
    assert Document.objects.count() == 1


def test_a_burst_from_one_address_is_refused_politely(
    journal, lighting, django_capture_on_commit_callbacks
):
    def send():
        with django_capture_on_commit_callbacks(execute=True):
            return filing.appeal_submit(
                actor=None,
                channel=AppealChannel.PORTAL,
                data=appeal_input(category=lighting),
                client_key="203.0.113.7",
            )

    for _ in range(5):
        send()

    with pytest.raises(RateLimitedError):
        send()
    assert Appeal.objects.count() == 5
    # another address is not affected
    filing.appeal_submit(
        actor=None,
        channel=AppealChannel.PORTAL,
        data=appeal_input(category=lighting),
        client_key="198.51.100.1",
    )
    assert Appeal.objects.count() == 6


def test_a_collective_appeal_is_marked_ko_and_keeps_its_co_signers(journal, lighting):
    appeal = appeal_file(
        category=lighting,
        subject=AppealSubject.COLLECTIVE,
        co_signers=[
            applicant_input(family_name="Бондар", given_name="Іван", email=""),
            applicant_input(family_name="Ткач", given_name="Марія", email=""),
        ],
    )

    assert appeal.number == "КО-1"
    assert sorted(appeal.co_signers.values_list("family_name", flat=True)) == [
        "Бондар",
        "Ткач",
    ]


def test_an_appeal_of_a_privileged_author_is_marked_to_be_handled_first(
    journal, lighting
):
    combatant = AuthorCategory.objects.get(name="учасник бойових дій")
    pensioner_free = AuthorCategory.objects.get(name="ветеран праці")

    first = appeal_file(category=lighting, author_categories=[combatant])
    second = appeal_file(category=lighting, author_categories=[pensioner_free])

    assert first.privileged is True
    assert second.privileged is False
    assert list(first.author_categories.all()) == [combatant]


def test_a_photo_is_stored_with_its_checksum(journal, lighting):
    photo = SimpleUploadedFile("lamp.png", PNG, content_type="image/png")

    appeal = appeal_file(category=lighting, files=[photo])

    attachment = appeal.attachments.get()
    assert attachment.is_image
    assert attachment.stored_file.sha256
    assert attachment.stored_file.size == len(PNG)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("lamp.png", b"MZ\x90\x00 not an image"),
        ("lamp.exe", PNG),
        ("big.png", PNG + b"\x00" * (10 * 1024 * 1024)),
    ],
)
def test_a_bad_or_huge_file_is_refused_and_nothing_is_registered(
    journal, lighting, name, content
):
    upload = SimpleUploadedFile(name, content)

    with pytest.raises(ValidationError), transaction.atomic():
        appeal_file(category=lighting, files=[upload])

    assert Appeal.objects.count() == 0
    assert StoredFile.objects.count() == 0


def test_without_a_journal_of_appeals_a_call_is_refused_clearly(lighting):
    with pytest.raises(ApplicationError) as refusal:
        appeal_file(
            category=lighting,
            channel=AppealChannel.CONTACT_CENTRE,
            applicant=applicant_input(phone="+380441234567"),
        )

    assert refusal.value.code == "no_appeals_journal"


def test_registration_starts_a_timeline_with_the_registration_moment(journal, lighting):
    appeal = appeal_file(category=lighting)

    registered = AppealEvent.objects.get(appeal=appeal)
    assert registered.kind == AppealEventKind.REGISTERED
    assert registered.at == appeal.registered_at
    assert appeal.registered_at.date() <= date.today()
    assert (appeal.lon, appeal.lat) == (CITY_LON, CITY_LAT)


def test_a_repeat_and_a_duplicate_are_linked_and_marked(journal, lighting):
    first = appeal_file(category=lighting)

    repeat = appeal_file(category=lighting, repeat_of=first)
    duplicate = appeal_file(category=lighting, duplicate_of=first)

    assert (repeat.receipt_attribute, repeat.repeat_of) == ("repeat", first)
    assert (duplicate.receipt_attribute, duplicate.duplicate_of) == (
        "duplicate",
        first,
    )
    assert first.receipt_attribute == "primary"
    with pytest.raises(ValidationError):
        appeal_file(category=lighting, repeat_of=first, duplicate_of=first)


def test_only_the_desk_writes_down_a_phone_appeal(journal, lighting):
    with pytest.raises(PermissionDeniedError):
        appeal_file(
            category=lighting,
            channel=AppealChannel.CONTACT_CENTRE,
            actor=UserFactory(roles=[Role.CITIZEN]),
            applicant=applicant_input(phone="050 123 45 67"),
        )
    with pytest.raises(PermissionDeniedError):
        filing.appeal_submit(
            actor=None,
            channel=AppealChannel.CONTACT_CENTRE,
            data=appeal_input(
                category=lighting, applicant=applicant_input(phone="050 123 45 67")
            ),
        )

    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])
    appeal = appeal_file(
        category=lighting,
        channel=AppealChannel.CONTACT_CENTRE,
        actor=operator,
        applicant=applicant_input(phone="(050) 123-45-67"),
    )

    assert appeal.applicant.phone == "+380501234567"
    assert appeal.owner is None
    assert appeal.document.created_by == operator
