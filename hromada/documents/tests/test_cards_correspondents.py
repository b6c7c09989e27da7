import pytest

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ApplicationError, PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.documents.models import AccessLevel, Correspondent, CorrespondentKind
from hromada.documents.selectors import cards as selectors
from hromada.documents.services import correspondents
from hromada.documents.tests.factories_cards import (
    CorrespondentFactory,
    DocumentFactory,
)

pytestmark = pytest.mark.django_db

ORGANISATION = CorrespondentKind.ORGANISATION
PERSON = CorrespondentKind.PERSON


@pytest.fixture
def registrar():
    return UserFactory.create(roles=[Role.REGISTRAR])


@pytest.fixture
def executor():
    return UserFactory.create(roles=[Role.EXECUTOR])


def _create(actor, **fields):
    values = {"kind": ORGANISATION, "name": "ТОВ «Водоканал»", **fields}
    return correspondents.correspondent_create(actor=actor, **values)


def test_create_normalises_and_audits(registrar):
    # when
    correspondent = _create(
        registrar,
        name="  ПрАТ   «Київобленерго» ",
        edrpou=" 3412 3457 ",
        email=" office@koe.example ",
    )

    # then
    assert (
        correspondent.name,
        correspondent.search_name,
        correspondent.edrpou,
        correspondent.email,
    ) == (
        "ПрАТ «Київобленерго»",
        "прат «київобленерго»",
        "34123457",
        "office@koe.example",
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.data) == (
        "documents.correspondent_create",
        registrar,
        {"kind": "organisation"},
    )


def test_create_twice_with_the_same_details_keeps_one_entry(registrar):
    # when: a form sent twice
    first = _create(registrar, edrpou="34123457")
    second = _create(registrar, name="тов «водоканал»", edrpou="34123457")

    # then
    assert second.pk == first.pk
    assert Correspondent.objects.count() == 1
    assert AuditEvent.objects.count() == 1


def test_two_people_of_one_name_at_different_addresses_are_two_entries(registrar):
    first = _create(registrar, kind=PERSON, name="Петренко Марія", address="вул. А, 1")
    second = _create(registrar, kind=PERSON, name="Петренко Марія", address="вул. Б, 2")

    assert first.pk != second.pk


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"name": "   "}, {"name": ["Вкажіть назву або ім’я кореспондента."]}),
        ({"edrpou": "3412345"}, {"edrpou": ["Код ЄДРПОУ складається з 8 цифр."]}),
        ({"edrpou": "3412345x"}, {"edrpou": ["Код ЄДРПОУ складається з 8 цифр."]}),
        (
            {"edrpou": "34123458"},
            {"edrpou": ["Код ЄДРПОУ 34123458 недійсний: перевірте цифри."]},
        ),
        (
            {"kind": PERSON, "edrpou": "34123457"},
            {"edrpou": ["Фізична особа не має коду ЄДРПОУ; залиште поле порожнім."]},
        ),
        (
            {"email": "office@"},
            {
                "email": [
                    "Введіть адресу електронної пошти, наприклад name@example.com."
                ]
            },
        ),
    ],
)
def test_create_refuses_bad_details_and_adds_nothing(registrar, fields, errors):
    with pytest.raises(ApplicationError) as raised:
        _create(registrar, **fields)

    assert (raised.value.code, raised.value.details) == (
        "correspondent_invalid",
        errors,
    )
    assert Correspondent.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_create_is_for_the_office(executor):
    with pytest.raises(PermissionDeniedError):
        _create(executor)

    assert Correspondent.objects.exists() is False


def test_intake_creates_without_an_actor():
    correspondent = _create(None, kind=PERSON, name="Олена", email="olena@mail.example")

    assert AuditEvent.objects.get().actor is None
    assert correspondent.kind == PERSON


def test_update_records_which_fields_changed_not_their_values(registrar):
    # given
    correspondent = _create(registrar, kind=PERSON, name="Шевчук Олег")

    # when
    correspondents.correspondent_update(
        correspondent=correspondent,
        actor=registrar,
        kind=PERSON,
        name="Шевчук Олег Васильович",
        address="вул. Київська, 2",
    )

    # then
    correspondent.refresh_from_db()
    assert (correspondent.name, correspondent.search_name, correspondent.address) == (
        "Шевчук Олег Васильович",
        "шевчук олег васильович",
        "вул. Київська, 2",
    )
    event = AuditEvent.objects.latest("pk")
    assert (event.action, event.data) == (
        "documents.correspondent_update",
        {"fields": ["address", "name"]},
    )


def test_update_into_a_twin_of_another_active_entry_is_refused(registrar):
    # given
    _create(registrar, name="ГО «Зелене Вишневе»")
    other = _create(registrar, name="ГО «Зелене місто»")

    # when
    with pytest.raises(ApplicationError) as raised:
        correspondents.correspondent_update(
            correspondent=other,
            actor=registrar,
            kind=ORGANISATION,
            name="ГО «Зелене Вишневе»",
        )

    # then
    assert raised.value.code == "correspondent_duplicate"
    other.refresh_from_db()
    assert other.name == "ГО «Зелене місто»"


def test_update_without_changes_writes_no_event(registrar):
    correspondent = _create(registrar)

    correspondents.correspondent_update(
        correspondent=correspondent,
        actor=registrar,
        kind=ORGANISATION,
        name="ТОВ «Водоканал»",
    )

    assert AuditEvent.objects.count() == 1


def test_update_is_for_the_office(registrar, executor):
    correspondent = _create(registrar)

    with pytest.raises(PermissionDeniedError):
        correspondents.correspondent_update(
            correspondent=correspondent, actor=executor, kind=ORGANISATION, name="Х"
        )

    correspondent.refresh_from_db()
    assert correspondent.name == "ТОВ «Водоканал»"


def test_deactivate_and_reactivate_are_audited_once(registrar):
    # given
    correspondent = _create(registrar)

    # when
    correspondents.correspondent_deactivate(
        correspondent=correspondent, actor=registrar
    )
    correspondents.correspondent_deactivate(
        correspondent=correspondent, actor=registrar
    )
    correspondents.correspondent_reactivate(
        correspondent=correspondent, actor=registrar
    )

    # then
    correspondent.refresh_from_db()
    assert correspondent.is_active is True
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "documents.correspondent_create",
        "documents.correspondent_deactivate",
        "documents.correspondent_reactivate",
    ]


def test_reactivating_beside_an_active_twin_is_refused(registrar):
    # given: the entry was deactivated and re-added with the same details
    old = _create(registrar)
    correspondents.correspondent_deactivate(correspondent=old, actor=registrar)
    _create(registrar)

    # when
    with pytest.raises(ApplicationError) as raised:
        correspondents.correspondent_reactivate(correspondent=old, actor=registrar)

    # then
    assert raised.value.code == "correspondent_duplicate"
    old.refresh_from_db()
    assert old.is_active is False


def test_deactivate_is_for_the_office(registrar, executor):
    correspondent = _create(registrar)

    with pytest.raises(PermissionDeniedError):
        correspondents.correspondent_deactivate(
            correspondent=correspondent, actor=executor
        )

    correspondent.refresh_from_db()
    assert correspondent.is_active is True


def test_read_of_a_person_is_recorded_and_of_an_organisation_is_not(registrar):
    person = CorrespondentFactory.create(person=True)
    organisation = CorrespondentFactory.create()

    correspondents.correspondent_read_record(correspondent=person, reader=registrar)
    correspondents.correspondent_read_record(
        correspondent=organisation, reader=registrar
    )

    event = AuditEvent.objects.get()
    assert (event.action, event.target_id) == (
        "documents.correspondent_read",
        str(person.pk),
    )


def test_search_ignores_case_and_apostrophe_variants(registrar):
    # given
    _create(registrar, name="Об’єднання співвласників «Зоря»")
    _create(registrar, name="ПрАТ «Київобленерго»", edrpou="34123457")

    # when
    def names(query):
        found = selectors.correspondent_list_for_user(user=registrar, query=query)
        return [c.name for c in found]

    # then
    assert names("ОБ'ЄДНАННЯ зоря") == ["Об’єднання співвласників «Зоря»"]
    assert names("київобл") == ["ПрАТ «Київобленерго»"]
    assert names("3412") == ["ПрАТ «Київобленерго»"]
    assert names("нема") == []


def test_list_filters_by_kind_and_state(registrar):
    # given
    organisation = CorrespondentFactory.create()
    person = CorrespondentFactory.create(person=True)
    gone = CorrespondentFactory.create(is_active=False)

    # when
    def pks(**filters):
        found = selectors.correspondent_list_for_user(user=registrar, **filters)
        return {c.pk for c in found}

    # then
    assert pks() == {organisation.pk, person.pk}
    assert pks(kind=PERSON) == {person.pk}
    assert pks(is_active=False) == {gone.pk}
    assert pks(is_active=None) == {organisation.pk, person.pk, gone.pk}


def test_staff_outside_the_office_see_a_person_only_through_a_document(executor):
    # given
    organisation = CorrespondentFactory.create()
    stranger = CorrespondentFactory.create(person=True)
    known = CorrespondentFactory.create(person=True)
    DocumentFactory.create(correspondent=known, created_by=executor)
    hidden = CorrespondentFactory.create(person=True)
    DocumentFactory.create(correspondent=hidden, access_level=AccessLevel.DSK)

    # when
    found = selectors.correspondent_list_for_user(user=executor)

    # then
    assert {c.pk for c in found} == {organisation.pk, known.pk}
    assert stranger.pk not in {c.pk for c in found}


def test_citizens_see_no_correspondents():
    CorrespondentFactory.create()
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    assert selectors.correspondent_list_for_user(user=citizen).exists() is False


def test_card_choices_keep_the_card_s_own_entry(executor):
    # given: a person the executor no longer sees, already on their draft
    person = CorrespondentFactory.create(person=True, is_active=False)
    organisation = CorrespondentFactory.create()

    # when
    choices = selectors.correspondent_choices_for_user(user=executor, keep=person)

    # then
    assert {c.pk for c in choices} == {person.pk, organisation.pk}
