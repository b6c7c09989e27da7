import pytest

from hromada.opendata.tests.factories import dataset_make
from hromada.org.tests.factories import OrgUnitFactory
from hromada.ui import navigation

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    finance = OrgUnitFactory.create(name="Фінансове управління")
    budget = dataset_make(
        "byudzhet", title="Бюджет громади", publisher=finance, keywords=("бюджет",)
    )
    schools = dataset_make(
        "shkoly", title="Перелік шкіл", keywords=("освіта",), spatial=True
    )
    dataset_make("chernetka", title="Чернетка", published=False)
    return budget, schools


def test_the_catalogue_lists_published_datasets_without_signing_in(client, catalogue):
    # when
    response = client.get("/opendata/")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    assert ("Бюджет громади" in content, "Перелік шкіл" in content) == (True, True)
    assert "Чернетка" not in content
    assert "2 набори даних" in content


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?q=бюджет", ["Бюджет громади"]),
        ("?publisher=finansove-upravlinnia", ["Бюджет громади"]),
        ("?keyword=освіта", ["Перелік шкіл"]),
        ("?format=geojson", ["Перелік шкіл"]),
        ("?q=нічого", []),
    ],
)
def test_the_catalogue_filters_without_javascript(client, catalogue, query, titles):
    # when
    content = client.get("/opendata/" + query).content.decode()

    # then
    assert [
        t for t in ("Бюджет громади", "Перелік шкіл") if f">{t}</a>" in content
    ] == titles


def test_the_catalogue_page_costs_a_fixed_number_of_queries(
    client, catalogue, django_assert_num_queries
):
    # given: publishers (2), keywords, the count, the page, its keywords, its files
    for number in range(5):
        dataset_make(f"dodatkovyi-{number}")

    # when / then
    with django_assert_num_queries(7):
        response = client.get("/opendata/")
    assert response.status_code == 200


def test_the_dataset_page_shows_passport_files_and_structure(client, catalogue):
    # given
    budget, _schools = catalogue
    csv = budget.resources.get(kind="data", format="csv")

    # when
    response = client.get("/opendata/dataset/byudzhet/")

    # then
    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Паспорт набору даних",
        "Постанова КМУ №835",
        "Коваль Оксана Петрівна",
        "opendata@rada.example",
        "Щомісяця",
        csv.stored_file.sha256,
        "/opendata/dataset/byudzhet/csv",
        "/opendata/dataset/byudzhet/structure",
        "Повна назва",
        "Найменування",
        "/api/3/action/package_show?id=byudzhet",
        "/opendata/dataset/byudzhet.ttl",
    ):
        assert text in content, text


def test_an_unpublished_dataset_is_missing(client, catalogue):
    # when
    answers = [
        client.get(path).status_code
        for path in (
            "/opendata/dataset/chernetka/",
            "/opendata/dataset/chernetka/csv",
            "/opendata/dataset/chernetka.ttl",
            "/opendata/dataset/byudzhet/geojson",
        )
    ]

    # then
    assert answers == [404, 404, 404, 404]


@pytest.mark.parametrize(
    ("path", "content_type", "filename"),
    [
        ("/opendata/dataset/shkoly/csv", "text/csv; charset=utf-8", "shkoly.csv"),
        (
            "/opendata/dataset/shkoly/json",
            "application/json; charset=utf-8",
            "shkoly.json",
        ),
        (
            "/opendata/dataset/shkoly/xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "shkoly.xlsx",
        ),
        (
            "/opendata/dataset/shkoly/geojson",
            "application/geo+json; charset=utf-8",
            "shkoly.geojson",
        ),
        (
            "/opendata/dataset/shkoly/structure",
            "text/csv; charset=utf-8",
            "shkoly-structure.csv",
        ),
    ],
)
def test_downloads_carry_their_mime_type_and_name(
    client, catalogue, path, content_type, filename
):
    # when
    response = client.get(path)

    # then
    assert (response.status_code, response["Content-Type"]) == (200, content_type)
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_portal_menu_links_the_catalogue():
    # when
    items = navigation.portal_menu(path="/opendata/")

    # then
    item = next(item for item in items if item.key == "opendata")
    assert (str(item.label), item.href, item.is_current) == (
        "Відкриті дані",
        "/opendata/",
        True,
    )
