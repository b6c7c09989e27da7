"""The contact centre's reads: phone numbers as Ukrainians type them, the
caller's appeals, the load of the units."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import (
    Appeal,
    AppealChannel,
    AppealStatus,
    AuthorCategory,
)
from hromada.appeals.selectors import contact
from hromada.appeals.services import execution
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    applicant_input,
    enterprise,
)

PHONE = "+380671234567"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("+380671234567", PHONE),
        ("+380 67 123 45 67", PHONE),
        ("+38 (067) 123-45-67", PHONE),
        ("+38(067)1234567", PHONE),
        ("380671234567", PHONE),
        ("0671234567", PHONE),
        ("067 123 45 67", PHONE),
        ("(067) 123-45-67", PHONE),
        ("067-123-45-67", PHONE),
        ("8 067 123 45 67", PHONE),
        ("67 123 45 67", PHONE),
        ("00380671234567", PHONE),
        ("+380 (0)67 123 45 67", PHONE),
        (" 044 235 00 00 ", "+380442350000"),
        ("+48 22 123 45 67", "+48221234567"),
        ("0048 22 123 45 67", "+48221234567"),
        ("45-67-89", "456789"),
        ("нема", ""),
        ("", ""),
    ],
)
def test_phone_canonical_reads_the_usual_spellings(typed, canonical):
    assert contact.phone_canonical(typed) == canonical


@pytest.mark.parametrize(
    ("canonical", "is_complete"),
    [
        (PHONE, True),
        ("+38067123456", False),
        ("+48221234567", True),
        ("+4822", False),
        ("456789", False),
        ("", False),
    ],
)
def test_only_a_whole_number_can_be_called_back(canonical, is_complete):
    assert contact.phone_is_complete(canonical) is is_complete


def test_the_variants_hold_the_canonical_form_first_and_the_typed_one():
    variants = contact.phone_variants("(067)123-45-67")

    assert variants[0] == PHONE
    assert "(067)123-45-67" in variants
    assert {"0671234567", "380671234567", "+38 (067) 123-45-67"} <= set(variants)
    assert len(variants) == len(set(variants))
    assert all(len(variant) <= 20 for variant in variants)


def test_a_text_without_digits_has_no_variants():
    assert contact.phone_variants("не знаю") == []


@pytest.fixture
def city(db):
    appeals_journal()
    lights = enterprise()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    return category, lights


@pytest.fixture
def operator(db):
    return UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR])


def filed_by_phone(category, phone, **overrides):
    return appeal_file(
        category=category,
        channel=AppealChannel.CONTACT_CENTRE,
        applicant=applicant_input(phone=phone, email=""),
        **overrides,
    )


@pytest.mark.django_db
def test_the_caller_is_found_by_any_spelling_the_number_was_stored_in(city, operator):
    # given: three appeals stored with the number spelt three ways, and a
    # stranger's
    category, _lights = city
    first = filed_by_phone(category, "067 123 45 67", title="Перше")
    second = filed_by_phone(category, "+38 (067) 123-45-67", title="Друге")
    third = filed_by_phone(category, PHONE, title="Третє")
    filed_by_phone(category, "+380501112233", title="Чуже")

    # when
    found = list(contact.appeal_list_for_caller(user=operator, phone="0671234567"))

    # then: the most recent first
    assert found == [third, second, first]


@pytest.mark.django_db
def test_the_callers_open_appeals_leave_out_the_forwarded(city, operator):
    category, _lights = city
    kept = filed_by_phone(category, PHONE)
    gone = filed_by_phone(category, PHONE)
    execution.appeal_forward(appeal=gone, actor=operator, forward_to="Держпраці")

    found = list(contact.appeal_list_caller_open(user=operator, phone=PHONE))

    assert found == [kept]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", [Role.MAYOR, Role.DISPATCHER, Role.EXECUTOR, Role.CITIZEN]
)
def test_nobody_but_the_desk_finds_a_caller(city, role):
    category, _lights = city
    filed_by_phone(category, PHONE)
    user = UserFactory(roles=[role])

    assert list(contact.appeal_list_for_caller(user=user, phone=PHONE)) == []
    assert contact.applicant_latest_for_caller(user=user, phone=PHONE) is None


@pytest.mark.django_db
def test_a_registrar_finds_the_caller_too(city):
    category, _lights = city
    appeal = filed_by_phone(category, PHONE)
    registrar = UserFactory(roles=[Role.REGISTRAR])

    assert list(contact.appeal_list_for_caller(user=registrar, phone=PHONE)) == [appeal]


@pytest.mark.django_db
def test_the_latest_applicant_row_gives_the_callers_details(city, operator):
    category, _lights = city
    filed_by_phone(category, "0671234567")
    appeal_file(
        category=category,
        channel=AppealChannel.CONTACT_CENTRE,
        applicant=applicant_input(
            phone="+380 67 123 45 67", family_name="Гнатюк", email=""
        ),
    )

    latest = contact.applicant_latest_for_caller(user=operator, phone=PHONE)

    assert latest is not None
    assert (latest.family_name, latest.given_name) == ("Гнатюк", "Олена")


@pytest.mark.django_db
def test_an_inactive_operator_finds_nothing(city):
    category, _lights = city
    filed_by_phone(category, PHONE)
    operator = UserFactory(roles=[Role.CONTACT_CENTRE_OPERATOR], is_active=False)

    assert list(contact.appeal_list_for_caller(user=operator, phone=PHONE)) == []


def test_the_lookup_uses_the_index_on_the_phone(city, operator):
    # The applicant's phone is matched with = / IN on its own column, so
    # the index on it answers; no function wraps the column.
    sql = str(contact.appeal_list_for_caller(user=operator, phone=PHONE).query)

    assert '"appeals_applicant"."phone" IN (' in sql


# --- the load of the units ------------------------------------------------


@pytest.fixture
def watcher(db):
    return UserFactory(roles=[Role.MAYOR])


def due(appeal, days):
    """Move the appeal's due date ``days`` from today (negative: overdue)."""
    on = timezone.localdate() + timedelta(days=days)
    Appeal.objects.filter(pk=appeal.pk).update(due_on=on, limit_on=on)
    return appeal


@pytest.mark.django_db
def test_unit_load_counts_open_unassigned_in_progress_overdue_and_at_risk(
    city, watcher
):
    # given: the lights enterprise has five open appeals and one answered
    category, lights = city
    water = enterprise("КП «Міськводоканал»")
    water_category = CategoryFactory(code="water", name="Вода")
    RoutingRuleFactory(category=water_category, unit=water.unit)
    due(appeal_file(category=category), -3)
    due(appeal_file(category=category), 0)
    due(appeal_file(category=category), 3)
    due(appeal_file(category=category), 4)
    busy = appeal_file(category=category)
    execution.appeal_assign(
        appeal=busy, actor=lights.dispatcher, executor=lights.executor
    )
    due(busy, -1)
    closed = appeal_file(category=category)
    Appeal.objects.filter(pk=closed.pk).update(
        status=AppealStatus.CLOSED, answered_at=timezone.now()
    )
    due(appeal_file(category=water_category), 10)
    unrouted = due(appeal_file(category=CategoryFactory(name="Інше")), -2)

    # when
    rows = contact.unit_load(user=watcher, today=timezone.localdate())

    # then: the most overdue first; the unrouted appeal has its own line
    assert [
        (r.unit_name, r.open_total, r.unassigned, r.in_progress, r.overdue, r.at_risk)
        for r in rows
    ] == [
        ("КП «Благоустрій»", 5, 4, 1, 2, 2),
        ("", 1, 1, 0, 1, 0),
        ("КП «Міськводоканал»", 1, 1, 0, 0, 0),
    ]
    assert rows[0].unit_public_id == lights.unit.public_id
    assert rows[1].unit_public_id is None
    assert unrouted.unit_id is None
    total = contact.unit_load_total(rows)
    assert (total.open_total, total.overdue, total.at_risk) == (7, 3, 2)


@pytest.mark.django_db
def test_unit_load_is_one_query(city, watcher, django_assert_num_queries):
    category, _lights = city
    for _ in range(5):
        appeal_file(category=category)
    # the first call reads the watcher's roles, as a request does once
    contact.unit_load(user=watcher, today=timezone.localdate())

    with django_assert_num_queries(1):
        contact.unit_load(user=watcher, today=timezone.localdate())


@pytest.mark.django_db
def test_registrations_of_the_day_by_channel(city, watcher, operator):
    category, _lights = city
    appeal_file(category=category)
    appeal_file(category=category)
    filed_by_phone(category, PHONE)
    yesterday = appeal_file(category=category)
    Appeal.objects.filter(pk=yesterday.pk).update(
        registered_at=timezone.now() - timedelta(days=1)
    )

    counts = contact.registrations_by_channel(user=watcher, day=timezone.localdate())

    assert [(c.channel, c.total) for c in counts] == [
        (AppealChannel.PORTAL, 2),
        (AppealChannel.CONTACT_CENTRE, 1),
    ]


@pytest.mark.django_db
def test_the_overdue_list_is_oldest_first_and_filters_by_unit(city, watcher):
    category, lights = city
    later = due(appeal_file(category=category), -1)
    oldest = due(appeal_file(category=category), -5)
    due(appeal_file(category=category), 0)
    stray = due(appeal_file(category=CategoryFactory(name="Інше")), -2)
    today = timezone.localdate()

    every = list(contact.appeal_list_overdue(user=watcher, today=today))
    of_unit = list(
        contact.appeal_list_overdue(
            user=watcher, today=today, unit=lights.unit.public_id
        )
    )
    unrouted = list(
        contact.appeal_list_overdue(user=watcher, today=today, unit=contact.NO_UNIT)
    )

    assert every == [oldest, stray, later]
    assert of_unit == [oldest, later]
    assert unrouted == [stray]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.UNIT_HEAD, Role.DISPATCHER, Role.CITIZEN])
def test_the_load_is_hidden_from_everyone_else(city, role):
    category, _lights = city
    due(appeal_file(category=category), -1)
    user = UserFactory(roles=[role])
    today = timezone.localdate()

    assert contact.unit_load(user=user, today=today) == []
    assert contact.registrations_by_channel(user=user, day=today) == []
    assert list(contact.appeal_list_overdue(user=user, today=today)) == []


@pytest.mark.django_db
def test_privileged_author_categories_in_force_only(db):
    # given: the 858 dictionary as loaded, one entry expired, one not yet
    today = timezone.localdate()
    AuthorCategory.objects.create(
        code="98",
        name="скасована пільга",
        privileged=True,
        valid_from=today - timedelta(days=400),
        valid_to=today - timedelta(days=1),
    )
    AuthorCategory.objects.create(
        code="99",
        name="майбутня пільга",
        privileged=True,
        valid_from=today + timedelta(days=1),
    )

    # when
    found = list(contact.author_category_list_privileged(on=today))

    # then
    codes = [category.code for category in found]
    assert "98" not in codes
    assert "99" not in codes
    assert codes == sorted(codes)
    assert (
        len(codes)
        == AuthorCategory.objects.filter(
            privileged=True, valid_to__isnull=True, valid_from__lte=today
        ).count()
    )
    assert {category.privileged for category in found} == {True}
