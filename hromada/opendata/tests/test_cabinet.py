"""The catalogue keepers' pages at /cabinet/opendata/."""

import pytest
from django.test import Client
from django.utils.translation import gettext

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import ValidationError
from hromada.core.models import AuditEvent
from hromada.opendata import selectors, services
from hromada.opendata.admin import DatasetAdmin
from hromada.opendata.forms_cabinet import DatasetPassportForm
from hromada.opendata.models import Dataset
from hromada.opendata.tests.factories import dataset_make, producer_make
from hromada.org.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db

URL = "/cabinet/opendata/"


@pytest.fixture(autouse=True)
def _no_mfa_step(settings):
    """Staff sign in without the second factor in demo mode, as in tests of
    other cabinet rooms; the MFA rule has its own tests in accounts."""
    settings.HROMADA_DEMO = True


@pytest.fixture
def keeper():
    return UserFactory.create(roles=[Role.ANALYST])


@pytest.fixture
def keeper_client(client: Client, keeper) -> Client:
    client.force_login(keeper)
    return client


@pytest.fixture
def catalogue():
    finance = OrgUnitFactory.create(name="Фінансове управління")
    budget = dataset_make("byudzhet", title="Бюджет громади", publisher=finance)
    draft = dataset_make("chernetka", title="Чернетка", published=False)
    return budget, draft


def audit_actions() -> list[str]:
    return list(
        AuditEvent.objects.filter(action__startswith="opendata.")
        .order_by("pk")
        .values_list("action", flat=True)
    )


def form_data(dataset: Dataset, **changes: str) -> dict[str, str]:
    data = {
        "title": dataset.title,
        "description": dataset.description,
        "legal_basis": dataset.legal_basis,
        "purpose": dataset.purpose,
        "frequency": dataset.frequency,
        "theme": dataset.theme,
        "responsible_person": dataset.responsible_person,
        "responsible_email": dataset.responsible_email,
        "publisher": str(dataset.publisher_id or ""),
        "licence": dataset.licence,
        "keywords_text": "бюджет",
    }
    return {**data, **changes}


def state(dataset: Dataset) -> tuple:
    dataset.refresh_from_db()
    return (
        dataset.title,
        dataset.description,
        dataset.responsible_email,
        dataset.version,
        dataset.is_published,
    )


@pytest.mark.parametrize(
    ("who", "keeps"),
    [
        ({"roles": [Role.ANALYST]}, True),
        ({"roles": [Role.SYSTEM_ADMINISTRATOR]}, True),
        ({"is_superuser": True}, True),
        ({"roles": [Role.ANALYST], "is_active": False}, False),
        ({"roles": [Role.EXECUTOR]}, False),
        ({"roles": [Role.CITIZEN]}, False),
    ],
)
def test_the_keepers_selectors_read_for_keepers_only(catalogue, who, keeps):
    # given
    budget, _draft = catalogue
    user = UserFactory.create(**who)

    # when
    outcome = (
        selectors.dataset_list_for_keeper(user=user).count(),
        selectors.resource_list_for_keeper(user=user, dataset=budget).count(),
    )

    # then
    assert outcome == ((2, 4) if keeps else (0, 0))


def test_the_admin_edits_passports_with_the_cabinet_form():
    assert DatasetAdmin.form is DatasetPassportForm


def test_a_keeper_sees_every_dataset_published_or_not(keeper_client, catalogue):
    # when
    response = keeper_client.get(URL)

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert [
        (dataset.name, room, dataset.resource_count)
        for dataset, room in response.context["rows"]
    ] == [("byudzhet", "tests", 4), ("chernetka", "tests", 4)]
    for text in (
        "Бюджет громади",
        "Чернетка",
        "Фінансове управління",
        "Оприлюднено",
        "Не оприлюднено",
        "Щомісяця",
        "2 набори даних",
        f'href="{URL}byudzhet/"',
    ):
        assert text in content, text


def test_the_producing_room_is_named(keeper_client, catalogue):
    # given
    budget, _draft = catalogue
    Dataset.objects.filter(pk=budget.pk).update(owner="opendata")

    # when
    response = keeper_client.get(URL)

    # then
    assert [room for _dataset, room in response.context["rows"]] == [
        "Відкриті дані",
        "tests",
    ]


def test_the_list_costs_a_fixed_number_of_queries(
    keeper_client, catalogue, django_assert_num_queries
):
    # given
    for number in range(5):
        dataset_make(f"dodatkovyi-{number}", published=number % 2 == 0)
    keeper_client.get(URL)  # warm the session

    # when / then: session, user, the keeper's roles, the count, the page
    # with its publishers and numbers of files; then the cabinet menu's
    # three (substitutions, posts, the documents' counters)
    with django_assert_num_queries(8):
        response = keeper_client.get(URL)
    assert len(response.context["rows"]) == 7


def test_the_list_pages_through_many_datasets(keeper_client):
    # given
    producer_make("odyn")
    services.dataset_sync()
    for number in range(20):
        producer_make(f"nabir-{number:02}")
    services.dataset_sync()

    # when
    first = keeper_client.get(URL)
    second = keeper_client.get(URL, {"page": 2})

    # then
    assert (len(first.context["rows"]), len(second.context["rows"])) == (20, 1)
    assert "?page=2" in first.content.decode()


def test_a_keeper_opens_a_published_dataset_with_its_files(keeper_client, catalogue):
    # given
    budget, _draft = catalogue
    csv = budget.resources.get(kind="data", format="csv")

    # when
    response = keeper_client.get(f"{URL}byudzhet/")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Бюджет громади",
        "Оприлюднено",
        csv.stored_file.sha256,
        "http://testserver/opendata/dataset/byudzhet/csv",
        "http://testserver/opendata/dataset/byudzhet/structure",
        "Зняти з оприлюднення",
        "Сформувати файли зараз",
        "Зберегти паспорт",
        'value="opendata@rada.example"',
        # the passport's own words, not another room's «Опис»
        "Стислий опис",
    ):
        assert text in content, text
    assert f"{URL}byudzhet/publish/" not in content


def test_an_unpublished_dataset_shows_its_files_without_links(keeper_client, catalogue):
    # given
    _budget, draft = catalogue
    xlsx = draft.resources.get(kind="data", format="xlsx")

    # when
    response = keeper_client.get(f"{URL}chernetka/")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert xlsx.stored_file.sha256 in content
    assert "/opendata/dataset/chernetka/" not in content
    assert f'action="{URL}chernetka/publish/"' in content
    assert f"{URL}chernetka/unpublish/" not in content


def test_a_missing_dataset_is_missing(keeper_client, catalogue):
    assert keeper_client.get(f"{URL}nemaie/").status_code == 404
    assert keeper_client.post(f"{URL}nemaie/publish/").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", ""),
        ("get", "chernetka/"),
        ("post", "chernetka/"),
        ("get", "chernetka/publish/"),
        ("post", "chernetka/publish/"),
        ("post", "byudzhet/unpublish/"),
        ("post", "byudzhet/refresh/"),
    ],
)
def test_staff_who_do_not_keep_the_catalogue_find_nothing(
    client, catalogue, method, path
):
    # given
    budget, draft = catalogue
    before = (state(budget), state(draft), audit_actions())
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))

    # when
    response = getattr(client, method)(URL + path, form_data(draft, title="Змінено"))

    # then
    assert response.status_code == 404
    assert (state(budget), state(draft), audit_actions()) == before


@pytest.mark.parametrize("path", ["", "chernetka/"])
def test_an_anonymous_visitor_is_sent_to_sign_in(client, catalogue, path):
    # when
    response = client.get(URL + path)

    # then
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={URL}{path}"


def test_the_cabinet_menu_shows_the_catalogue_to_keepers_only(client, keeper):
    # when
    client.force_login(keeper)
    for_keeper = client.get("/cabinet/").content.decode()
    client.force_login(UserFactory.create(roles=[Role.EXECUTOR]))
    for_executor = client.get("/cabinet/").content.decode()

    # then
    assert (f'href="{URL}"' in for_keeper, f'href="{URL}"' in for_executor) == (
        True,
        False,
    )


def test_a_keeper_saves_the_passport_and_it_is_audited(
    keeper_client, keeper, catalogue
):
    # given
    _budget, draft = catalogue
    data = form_data(
        draft,
        description="Новий опис набору",
        keywords_text="кошти, бюджет",
    )

    # when
    response = keeper_client.post(f"{URL}chernetka/", data)

    # then
    assert (response.status_code, response["Location"]) == (302, f"{URL}chernetka/")
    assert state(draft) == (
        "Чернетка",
        "Новий опис набору",
        "opendata@rada.example",
        3,
        False,
    )
    event = AuditEvent.objects.filter(action="opendata.passport_update").last()
    assert (event.actor, event.data) == (
        keeper,
        {"changed": ["description"], "keywords": ["бюджет", "кошти"], "version": 3},
    )
    page = keeper_client.get(response["Location"]).content.decode()
    assert "Паспорт збережено." in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"responsible_email": "не-пошта"},
            "Введіть коректну адресу електронної пошти.",
        ),
        ({"title": ""}, "Це поле обов&#x27;язкове."),
        ({"description": "   "}, "Це поле обов&#x27;язкове."),
    ],
)
def test_a_wrong_passport_is_explained_and_nothing_changes(
    keeper_client, catalogue, changes, message
):
    # given
    _budget, draft = catalogue
    before = (state(draft), audit_actions())

    # when
    response = keeper_client.post(
        f"{URL}chernetka/", form_data(draft, **{"description": "Інший опис", **changes})
    )

    # then
    content = response.content.decode()
    assert response.status_code == 400
    assert "Виникла проблема" in content
    assert message in content
    assert "<title>Чернетка" in content
    assert (state(draft), audit_actions()) == before


def test_a_refusal_of_the_service_is_shown_on_the_form(
    keeper_client, catalogue, monkeypatch
):
    # given: the service refuses, as it would a passport changed meanwhile
    _budget, draft = catalogue
    before = (state(draft), audit_actions())

    def refuse(**kwargs):
        raise ValidationError(
            gettext("The passport is not complete."),
            details={
                "purpose": [gettext("Fill in this field of the passport.")],
                "extras": [gettext("Fill in this field of the passport.")],
            },
        )

    monkeypatch.setattr(services, "dataset_passport_update", refuse)

    # when
    response = keeper_client.post(f"{URL}chernetka/", form_data(draft))

    # then: the field's message by the field, the rest above the form
    content = response.content.decode()
    assert response.status_code == 400
    assert content.count("Заповніть це поле паспорта.") == 4
    assert "Паспорт заповнено не повністю." in content
    assert (state(draft), audit_actions()) == before


def test_a_keeper_publishes_a_dataset(keeper_client, keeper, catalogue):
    # given
    _budget, draft = catalogue

    # when
    response = keeper_client.post(f"{URL}chernetka/publish/", follow=True)

    # then
    assert response.redirect_chain == [(f"{URL}chernetka/", 302)]
    assert "Набір даних оприлюднено." in response.content.decode()
    assert state(draft)[-1] is True
    event = AuditEvent.objects.filter(action__startswith="opendata.").last()
    assert (event.action, event.actor) == ("opendata.publish", keeper)


def test_publishing_twice_changes_the_state_once(keeper_client, catalogue):
    # given
    _budget, draft = catalogue
    before = audit_actions()

    # when
    first = keeper_client.post(f"{URL}chernetka/publish/")
    second = keeper_client.post(f"{URL}chernetka/publish/", follow=True)

    # then
    assert first["Location"] == f"{URL}chernetka/"
    assert "Набір даних уже оприлюднено." in second.content.decode()
    assert state(draft)[-1] is True
    assert audit_actions() == [*before, "opendata.publish"]


def test_a_refused_publication_is_explained_and_nothing_changes(keeper_client):
    # given: a passport with no files and no responsible person
    producer_make("novyi")
    services.dataset_sync()
    dataset = Dataset.objects.get(name="novyi")
    before = (state(dataset), audit_actions())

    # when
    response = keeper_client.post(f"{URL}novyi/publish/", follow=True)

    # then
    content = response.content.decode()
    assert response.redirect_chain == [(f"{URL}novyi/", 302)]
    assert "Перед оприлюдненням заповніть паспорт" in content
    assert (state(dataset), audit_actions()) == before


def test_a_keeper_withdraws_a_dataset(keeper_client, keeper, catalogue):
    # given
    budget, _draft = catalogue

    # when
    response = keeper_client.post(f"{URL}byudzhet/unpublish/", follow=True)

    # then
    assert "Набір даних знято з оприлюднення." in response.content.decode()
    assert state(budget)[-1] is False
    event = AuditEvent.objects.filter(action__startswith="opendata.").last()
    assert (event.action, event.actor) == ("opendata.unpublish", keeper)


def test_a_keeper_generates_the_files_now(keeper_client, keeper):
    # given: a dataset whose files were never generated
    producer_make("novyi")
    services.dataset_sync()
    dataset = Dataset.objects.get(name="novyi")

    # when
    response = keeper_client.post(f"{URL}novyi/refresh/", follow=True)
    again = keeper_client.post(f"{URL}novyi/refresh/", follow=True)

    # then
    assert "Файли сформовано заново." in response.content.decode()
    assert "Дані не змінилися" in again.content.decode()
    assert dataset.resources.count() == 4
    assert list(
        AuditEvent.objects.filter(action="opendata.refresh").values_list(
            "actor", flat=True
        )
    ) == [keeper.pk, keeper.pk]


def test_the_action_buttons_only_accept_post(keeper_client, catalogue):
    # given
    _budget, draft = catalogue
    before = (state(draft), audit_actions())

    # when
    answers = [
        keeper_client.get(f"{URL}chernetka/{action}/").status_code
        for action in ("publish", "unpublish", "refresh")
    ]

    # then
    assert answers == [405, 405, 405]
    assert (state(draft), audit_actions()) == before
