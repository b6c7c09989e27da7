"""The route-template editor's pages: templates, steps, forms."""

import pytest
from django.urls import reverse

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.models import RouteTemplate
from hromada.documents.tests.factories_routes import (
    RouteTemplateStepFactory,
    SigningCertificateFactory,
)
from hromada.documents.tests.route_template_pages.pages import (
    LIST_URL,
    colleague,
    step_post,
    url,
)
from hromada.org.tests.factories import (
    OrgUnitFactory,
)

pytestmark = pytest.mark.django_db


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
