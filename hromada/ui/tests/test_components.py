import re
from urllib.parse import parse_qs

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation
from pytest_django.asserts import assertInHTML


def _pagination(number: int, query: str = "", **extra) -> str:
    page = Paginator(range(100), 10).page(number)
    context = {"page": page, "query": QueryDict(query), **extra}
    with translation.override("uk"):
        return render_to_string("ui/components/pagination.html", context)


def test_pagination_keeps_other_parameters_and_marks_the_current_page():
    # when
    rendered = _pagination(5, "q=вода&page=5&sort=date")

    # then
    hrefs = re.findall(r'href="\?([^"]+)"', rendered)
    pages = [parse_qs(href.replace("&amp;", "&")) for href in hrefs]
    assert [p["page"] for p in pages] == [
        ["4"],
        ["1"],
        ["4"],
        ["5"],
        ["6"],
        ["10"],
        ["6"],
    ]
    assert all(p["q"] == ["вода"] and p["sort"] == ["date"] for p in pages)
    assert '<nav class="govuk-pagination" aria-label="Сторінки">' in rendered
    assert re.search(r'aria-label="Сторінка 5"\s+aria-current="page">5</a>', rendered)
    assert rendered.count("govuk-pagination__item--ellipsis") == 2
    assert "Попередня" in rendered
    assert "Наступна" in rendered


def test_pagination_first_page_has_no_previous_link():
    rendered = _pagination(1)

    assert "Попередня" not in rendered
    assert 'rel="next" ' not in rendered  # the attribute order is fixed
    assert re.search(r'href="\?page=2" rel="next"', rendered)


def test_pagination_uses_the_given_parameter_and_label():
    rendered = _pagination(2, "p=2", page_param="p", label="Документи, сторінки")

    assert 'aria-label="Документи, сторінки"' in rendered
    assert re.search(r'href="\?p=1" rel="prev"', rendered)


def test_pagination_renders_nothing_for_a_single_page():
    page = Paginator(range(5), 10).page(1)

    rendered = render_to_string("ui/components/pagination.html", {"page": page})

    assert rendered.strip() == ""


def test_query_transform_sets_and_removes_parameters():
    template = Template(
        "{% load ui %}{% query_transform query page=3 sort=None %}|"
        "{% query_transform query name 'x' %}"
    )

    rendered = template.render(
        Context({"query": QueryDict("sort=date&q=a"), "name": "q"})
    )

    assert rendered == "q=a&amp;page=3|sort=date&amp;q=x"


def test_success_banner_is_an_alert():
    with translation.override("uk"):
        rendered = render_to_string(
            "ui/components/notification_banner.html", {"text": "Збережено."}
        )

    assertInHTML(
        '<div class="govuk-notification-banner govuk-notification-banner--success"'
        ' role="alert" aria-labelledby="notification-banner-main-title"'
        ' data-module="govuk-notification-banner">'
        '<div class="govuk-notification-banner__header">'
        '<h2 class="govuk-notification-banner__title"'
        ' id="notification-banner-main-title">Успішно</h2></div>'
        '<div class="govuk-notification-banner__content">'
        '<p class="govuk-notification-banner__heading">Збережено.</p></div></div>',
        rendered,
    )


def test_important_banner_is_a_region():
    with translation.override("uk"):
        rendered = render_to_string(
            "ui/components/notification_banner.html",
            {"text": "Прийом не ведеться.", "kind": "important", "id": "closed"},
        )

    assert 'role="region"' in rendered
    assert 'id="notification-banner-closed-title"' in rendered
    assert "Важливо" in rendered


def test_summary_row_with_action_names_what_it_changes():
    with translation.override("uk"):
        rendered = render_to_string(
            "ui/components/summary_row.html",
            {"key": "Виконавець", "value": "Коваль О.", "action_href": "/x/"},
        )

    assertInHTML(
        '<a class="govuk-link" href="/x/">Змінити'
        '<span class="govuk-visually-hidden">Виконавець</span></a>',
        rendered,
    )


def test_button_link_and_back_link():
    with translation.override("uk"):
        button = render_to_string(
            "ui/components/button.html",
            {"text": "Далі", "href": "/next/", "variant": "secondary"},
        )
        back = render_to_string("ui/components/back_link.html", {"href": "/list/"})

    assertInHTML(
        '<a href="/next/" role="button" draggable="false"'
        ' class="govuk-button govuk-button--secondary" data-module="govuk-button">'
        "Далі</a>",
        button,
    )
    assertInHTML('<a href="/list/" class="govuk-back-link">Назад</a>', back)


def test_every_component_documents_its_context():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "templates/ui/components"

    first_lines = {p.name: p.read_text().splitlines()[0] for p in folder.glob("*.html")}

    assert all(
        re.fullmatch(r"\{# .+\. Context: .+\. #\}", line)
        for line in first_lines.values()
    ), first_lines


def test_query_transform_keeps_every_value_and_leaves_the_query_as_it_was():
    query = QueryDict("kind=a&kind=b&q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82&page=2")
    template = Template("{% load ui %}{% query_transform query 'kind' 'c' page=None %}")

    rendered = template.render(Context({"query": query}))

    assert rendered == "kind=c&amp;q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"
    assert query.getlist("kind") == ["a", "b"]
    assert query["page"] == "2"
    assert (
        Template("{% load ui %}{% query_transform query %}").render(
            Context({"query": query})
        )
        == "kind=a&amp;kind=b&amp;q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82&amp;page=2"
    )
