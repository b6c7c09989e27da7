"""Who reaches the route-template editor; its list, query counts, menu."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.menus_routes import register_routes_menu
from hromada.documents.tests.factories_routes import (
    RouteTemplateFactory,
    RouteTemplateStepFactory,
)
from hromada.documents.tests.route_template_pages.pages import (
    LIST_URL,
    colleague,
    head_of,
    page_queries,
    step_post,
    url,
)
from hromada.org.tests.factories import (
    OrgUnitFactory,
    SubstitutionFactory,
)
from hromada.ui import navigation as ui_navigation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("executor", 404),
        ("head elsewhere", 404),
        ("citizen", 403),
    ],
)
def test_others_cannot_reach_a_template(client, template, visa, method, who, status):
    # given
    people = {
        "executor": visa,
        "head elsewhere": head_of(OrgUnitFactory.create()),
        "citizen": UserFactory.create(roles=[Role.CITIZEN]),
    }
    client.force_login(people[who])
    step = template.steps.get()
    addresses = [
        url("route_template_detail", template),
        url("route_template_update", template),
        url("route_template_step_edit", step),
    ]
    if method == "post":
        addresses += [
            url("route_template_activate", template),
            url("route_template_deactivate", template),
            url("route_template_step_add", template),
            url("route_template_step_move", step),
            url("route_template_step_remove", step),
        ]

    # when
    statuses = {getattr(client, method)(address).status_code for address in addresses}

    # then
    assert statuses == {status}
    template.refresh_from_db()
    assert (template.is_active, template.steps.count()) == (True, 1)
    assert AuditEvent.objects.exists() is False


@pytest.mark.parametrize(
    ("who", "status"),
    [("executor", 404), ("head", 200), ("administrator", 200), ("citizen", 403)],
)
def test_who_opens_the_editor(client, unit, visa, head, who, status):
    people = {
        "executor": visa,
        "head": head,
        "administrator": UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR]),
        "citizen": UserFactory.create(roles=[Role.CITIZEN]),
    }
    client.force_login(people[who])

    responses = [
        client.get(LIST_URL),
        client.get(reverse("documents:route_template_create")),
    ]

    assert [r.status_code for r in responses] == [status, status]


def test_a_head_role_without_a_unit_gets_an_explanation(client, template):
    client.force_login(UserFactory.create(roles=[Role.DEPUTY_MAYOR]))

    response = client.get(LIST_URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["templates"]) == []
    assert "Сьогодні ви не очолюєте жодного підрозділу" in body
    assert reverse("documents:route_template_create") not in body


def test_an_acting_head_opens_the_editor_for_the_unit(client, template, unit, head):
    # given: an executor stands in for the head today
    today = timezone.localdate()
    deputy = colleague(unit)
    SubstitutionFactory.create(
        absent=head,
        substitute=deputy,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=1),
    )
    client.force_login(deputy)

    # when
    response = client.get(LIST_URL)

    # then
    assert list(response.context["templates"]) == [template]


def test_state_changing_pages_refuse_get(client, template, head):
    client.force_login(head)
    step = template.steps.get()

    statuses = [
        client.get(url("route_template_activate", template)).status_code,
        client.get(url("route_template_step_add", template)).status_code,
        client.get(url("route_template_step_move", step)).status_code,
        client.get(url("route_template_step_remove", step)).status_code,
    ]

    assert statuses == [405, 405, 405, 405]


def test_the_list_filters_by_unit_and_kind(client, template, unit, head):
    # given
    child = OrgUnitFactory.create(parent=unit)
    other_kind = RouteTemplateFactory.create(org_unit=unit, kind="internal")
    below = RouteTemplateFactory.create(org_unit=child)
    client.force_login(head)

    # when
    def listed(**query):
        return set(client.get(LIST_URL, query).context["templates"])

    # then
    assert listed() == {template, other_kind, below}
    assert listed(kind="internal") == {other_kind}
    assert listed(unit=str(child.public_id)) == {below}
    assert listed(unit=str(unit.public_id), kind="outgoing") == {template}


def test_list_query_count_does_not_grow_with_rows(client, unit, head):
    # given
    RouteTemplateFactory.create(org_unit=unit)
    client.force_login(head)
    chrome = page_queries(client, reverse("ui:cabinet_home"))
    one = page_queries(client, LIST_URL)
    for _ in range(4):
        RouteTemplateFactory.create(org_unit=OrgUnitFactory.create(parent=unit))

    # when
    five = page_queries(client, LIST_URL)

    # then: past the cabinet's own queries (the user's substitutions and
    # posts among them), the unit tree (read once per request, for the
    # choices and the editor's scope), the units to choose from, and the
    # templates with units and step counts
    assert (one - chrome, five - chrome) == (3, 3)


def test_detail_query_count_does_not_grow_with_steps(client, template, unit, head):
    # given
    client.force_login(head)
    address = url("route_template_detail", template)
    chrome = page_queries(client, reverse("ui:cabinet_home"))
    one = page_queries(client, address)
    for order in range(2, 6):
        RouteTemplateStepFactory.create(
            template=template, order=order, participants=[colleague(unit)]
        )

    # when
    five = page_queries(client, address)

    # then: past the cabinet's own queries (the user's substitutions and
    # posts among them), the editor scope (the unit tree), the template,
    # its steps, their people, and the people to choose from
    assert (one - chrome, five - chrome) == (5, 5)


def test_the_menu_shows_the_editor_to_heads_and_administrators(
    rf, monkeypatch, head, visa
):
    # given: a copy of the registry, so the test leaves the menu as it was
    monkeypatch.setattr(
        ui_navigation, "_cabinet_menu", dict(ui_navigation._cabinet_menu)
    )
    register_routes_menu()
    admin = UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR])

    # when
    def keys(user):
        return {item.key for item in ui_navigation.cabinet_menu_for_user(user)}

    # then
    assert "documents_route_templates" in keys(head)
    assert "documents_route_templates" in keys(admin)
    assert "documents_route_templates" not in keys(visa)


def test_a_step_term_may_be_in_working_hours(client, template, head, visa):
    # given
    step = template.steps.get()
    client.force_login(head)
    edit = url("route_template_step_edit", step)

    # when: four working hours, then an impossible hundred
    changed = client.post(edit, step_post(visa, term_days="4", term_unit="hours"))
    page = client.get(edit)
    refused = client.post(edit, step_post(visa, term_days="100", term_unit="hours"))

    # then
    assert changed.status_code == 302
    step.refresh_from_db()
    assert (step.term_hours, step.term_days) == (4, 1)
    assert (
        page.context["form"].initial["term_unit"],
        page.context["form"].initial["term_days"],
    ) == ("hours", 4)
    assert refused.status_code == 400
    assert refused.context["form"].errors["term_days"] == ["Вкажіть строк від 1 до 80."]
    detail = client.get(url("route_template_detail", template))
    assert "4 робочі години" in detail.content.decode()
