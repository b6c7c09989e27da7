from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.menus_routes import register_routes_menu
from hromada.documents.models import RouteTemplate
from hromada.documents.tests.factories_routes import (
    RouteTemplateFactory,
    RouteTemplateStepFactory,
    SigningCertificateFactory,
)
from hromada.org.tests.factories import (
    EmployeeFactory,
    OrgUnitFactory,
    SubstitutionFactory,
)
from hromada.ui import navigation as ui_navigation

pytestmark = pytest.mark.django_db
LIST_URL = "/cabinet/documents/routes/templates/"


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


def head_of(unit):
    return EmployeeFactory.create(
        position__org_unit=unit,
        position__is_head=True,
        user__roles=[Role.UNIT_HEAD],
    ).user


def colleague(unit):
    """A current employee: the editor offers current staff as participants."""
    return EmployeeFactory.create(position__org_unit=unit).user


@pytest.fixture
def unit():
    return OrgUnitFactory.create()


@pytest.fixture
def head(unit):
    return head_of(unit)


@pytest.fixture
def visa(unit):
    return colleague(unit)


@pytest.fixture
def template(unit, visa):
    template = RouteTemplateFactory.create(org_unit=unit, name="Лист відділу")
    RouteTemplateStepFactory.create(template=template, order=1, participants=[visa])
    return template


def url(name, obj):
    return reverse(f"documents:{name}", args=[obj.public_id])


def page_queries(client, address):
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200
    return len(context.captured_queries)


def step_post(visa, **fields):
    return {
        "kind": "visa",
        "participants": [visa.pk],
        "quorum": "all",
        "quorum_n": "",
        "term_days": "2",
        "term_unit": "days",
        "on_reject": "return_to_author",
        **fields,
    }


def test_url_names():
    assert reverse("documents:route_template_list") == LIST_URL


def test_a_head_creates_a_template_and_adds_its_steps(client, unit, head, visa):
    # given
    client.force_login(head)
    assert client.get(reverse("documents:route_template_create")).status_code == 200

    # when: the template, then two steps, then activation
    created = client.post(
        reverse("documents:route_template_create"),
        {"name": "Довідка", "kind": "internal", "org_unit": unit.pk},
    )
    template = RouteTemplate.objects.get()
    detail = url("route_template_detail", template)
    first = client.post(
        url("route_template_step_add", template), step_post(visa, order="1")
    )
    chief = SigningCertificateFactory.create(user=colleague(unit)).user
    client.post(
        url("route_template_step_add", template),
        step_post(chief, kind="sign", order="2", term_days="1"),
    )
    client.post(url("route_template_activate", template))

    # then
    assert (created.status_code, created["Location"]) == (302, detail)
    assert (first.status_code, first["Location"]) == (302, detail)
    template.refresh_from_db()
    assert (template.name, template.org_unit, template.is_active) == (
        "Довідка",
        unit,
        True,
    )
    assert list(template.steps.values_list("order", "kind", "term_days")) == [
        (1, "visa", 2),
        (2, "sign", 1),
    ]
    page = client.get(detail).content.decode()
    assert "Етап 2: Підпис" in page
    assert "Перемістити етап 2 вище" in page


def test_the_template_page_works_without_script(client, template, head, visa):
    # given: a second step, so both moves are offered
    RouteTemplateStepFactory.create(template=template, order=2, participants=[visa])
    client.force_login(head)

    # when
    body = client.get(url("route_template_detail", template)).content.decode()

    # then: each action is a plain form or link
    steps = list(template.steps.order_by("order"))
    for step in steps:
        assert f'action="{url("route_template_step_remove", step)}"' in body
        assert f'href="{url("route_template_step_edit", step)}"' in body
        assert f'action="{url("route_template_step_move", step)}"' in body
    assert 'name="to_order" value="2"' in body
    assert 'name="to_order" value="1"' in body
    assert f'action="{url("route_template_step_add", template)}"' in body
    assert 'name="order" value="3"' in body
    assert "<script" not in body.split("</main>")[0].split("<main")[1]


def test_step_actions_through_the_pages(client, template, head, visa):
    # given
    second = RouteTemplateStepFactory.create(
        template=template, order=2, kind="approve", participants=[visa]
    )
    client.force_login(head)

    # when: move the second step up, change it, then remove the first
    moved = client.post(url("route_template_step_move", second), {"to_order": "1"})
    edit_page = client.get(url("route_template_step_edit", second))
    changed = client.post(
        url("route_template_step_edit", second),
        step_post(visa, kind="endorse", term_days="4"),
    )
    removed = client.post(
        url("route_template_step_remove", template.steps.get(kind="visa"))
    )

    # then
    detail = url("route_template_detail", template)
    assert [r["Location"] for r in (moved, changed, removed)] == [detail] * 3
    assert edit_page.context["form"].initial["kind"] == "approve"
    assert list(template.steps.values_list("order", "kind", "term_days")) == [
        (1, "endorse", 4)
    ]
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "documents.route_template_step_move",
        "documents.route_template_step_update",
        "documents.route_template_step_remove",
    ]


def test_n_of_m_needs_n_and_other_quorums_do_not(client, template, head, visa):
    # given
    client.force_login(head)
    add = url("route_template_step_add", template)

    # when
    missing = client.post(add, step_post(visa, quorum="n_of_m", order="2"))
    too_big = client.post(
        add, step_post(visa, quorum="n_of_m", quorum_n="2", order="2")
    )
    fine = client.post(add, step_post(visa, quorum="any", order="2"))

    # then
    assert missing.status_code == 400
    assert missing.context["add_form"].errors == {
        "quorum_n": ["Введіть N або оберіть інший спосіб погодження."]
    }
    assert too_big.status_code == 400
    assert too_big.context["add_form"].errors == {
        "quorum_n": ["Введіть число від 1 до 1."]
    }
    assert fine.status_code == 302
    assert list(template.steps.values_list("order", "quorum", "quorum_n")) == [
        (1, "all", None),
        (2, "any", None),
    ]


def test_the_step_form_marks_nothing_optional(client, template, head):
    client.force_login(head)

    body = client.get(url("route_template_detail", template)).content.decode()

    assert "необов’язково" not in body
    assert "Потрібно лише для «N з M»" in body


def test_a_signer_without_a_certificate_is_shown_on_the_field(
    client, template, head, visa
):
    client.force_login(head)

    response = client.post(
        url("route_template_step_add", template),
        step_post(visa, kind="sign", order="2"),
    )

    assert response.status_code == 400
    assert list(response.context["add_form"].errors) == ["participants"]
    assert template.steps.count() == 1


def test_a_double_submitted_step_is_added_once(client, template, head, visa):
    client.force_login(head)
    add = url("route_template_step_add", template)

    responses = [client.post(add, step_post(visa, order="2")) for _ in range(2)]

    assert [r.status_code for r in responses] == [302, 302]
    assert template.steps.count() == 2


def test_a_duplicate_name_is_shown_on_the_name_field(client, template, unit, head):
    client.force_login(head)

    response = client.post(
        reverse("documents:route_template_create"),
        {"name": "Лист відділу", "kind": template.kind, "org_unit": unit.pk},
    )

    assert response.status_code == 400
    assert response.context["form"].errors == {
        "name": ["Шаблон із такою назвою вже є для цього підрозділу й виду."]
    }
    assert RouteTemplate.objects.count() == 1


def test_a_head_cannot_choose_a_unit_they_do_not_head(client, unit, head):
    # given
    elsewhere = OrgUnitFactory.create()
    client.force_login(head)

    # when
    response = client.post(
        reverse("documents:route_template_create"),
        {"name": "Чужий", "kind": "outgoing", "org_unit": elsewhere.pk},
    )
    empty = client.post(
        reverse("documents:route_template_create"),
        {"name": "Загальний", "kind": "outgoing", "org_unit": ""},
    )

    # then: neither another unit nor the whole council is on offer
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["org_unit"]
    assert empty.status_code == 400
    assert list(empty.context["form"].errors) == ["org_unit"]
    assert RouteTemplate.objects.exists() is False


def test_an_administrator_builds_a_council_wide_template(client):
    client.force_login(UserFactory.create(roles=[Role.SYSTEM_ADMINISTRATOR]))

    response = client.post(
        reverse("documents:route_template_create"),
        {"name": "Загальний", "kind": "outgoing", "org_unit": ""},
    )

    assert response.status_code == 302
    assert RouteTemplate.objects.get().org_unit is None


def test_deactivation_and_a_refused_activation_show_messages(client, template, head):
    # given
    client.force_login(head)

    # when
    stopped = client.post(url("route_template_deactivate", template), follow=True)
    template.steps.all().delete()
    refused = client.post(url("route_template_activate", template), follow=True)

    # then
    assert "Шаблон більше не пропонується" in stopped.content.decode()
    assert "Додайте принаймні один етап" in refused.content.decode()
    template.refresh_from_db()
    assert template.is_active is False


def test_a_header_change_through_the_form(client, template, unit, head):
    client.force_login(head)
    edit = url("route_template_update", template)
    assert client.get(edit).context["form"].initial["org_unit"] == unit.pk

    response = client.post(
        edit, {"name": "Лист відділу (новий)", "kind": "internal", "org_unit": unit.pk}
    )

    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.name, template.kind) == ("Лист відділу (новий)", "internal")


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
    # posts among them), the unit choices (the unit tree, the units), the
    # editor scope (the unit tree again), and the templates with units and
    # step counts
    assert (one - chrome, five - chrome) == (4, 4)


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
