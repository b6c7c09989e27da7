"""A running route in the cabinet: start, decide, the approval list, the panel."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hromada.accounts.permissions import has_role
from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.models import AuditEvent
from hromada.documents.menus_routes import register_routes_menu
from hromada.documents.models import (
    ApprovalDecision,
    ApprovalKind,
    ApprovalRoute,
    ApprovalTask,
    RouteStatus,
)
from hromada.documents.selectors.counters import approval_count_for_user
from hromada.documents.services import routes as services
from hromada.documents.services.route_steps import StepSpec
from hromada.documents.templatetags.documents_routes import document_route_panel
from hromada.documents.tests.factories_routes import (
    FileVersionFactory,
    RouteTemplateFactory,
)
from hromada.documents.tests.route_runs.world import staff
from hromada.org import selectors as org_selectors
from hromada.org.models import SubstitutionScope
from hromada.org.tests.factories import EmployeeFactory, SubstitutionFactory
from hromada.ui import navigation as ui_navigation

pytestmark = pytest.mark.django_db
LIST_URL = "/cabinet/documents/approvals/"


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.HROMADA_DEMO = True


@pytest.fixture
def visa():
    return staff()


@pytest.fixture
def route(document, version, author, visa, signer):
    return services.route_start(
        document=document,
        version=version,
        actor=author,
        steps=[
            StepSpec(kind=ApprovalKind.VISA, participants=[visa]),
            StepSpec(kind=ApprovalKind.SIGN, participants=[signer]),
        ],
    )


@pytest.fixture
def visa_task(route, visa):
    return ApprovalTask.objects.get(step__route=route, participant=visa)


@pytest.fixture
def substitute(visa):
    deputy = staff()
    SubstitutionFactory.create(
        absent=visa,
        substitute=deputy,
        scope=SubstitutionScope.APPROVE,
    )
    return deputy


def test_url_names():
    assert reverse("documents:approval_list") == LIST_URL


def test_the_list_shows_the_active_step_only(client, route, visa, signer):
    # given
    client.force_login(visa)

    # when
    response = client.get(LIST_URL)

    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert route.document.summary in body
    assert list(response.context["tasks"]) == [
        ApprovalTask.objects.get(participant=visa)
    ]
    client.force_login(signer)
    assert list(client.get(LIST_URL).context["tasks"]) == []


def page_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_approval_list_query_count(client, author, signer):
    # given: one card, then five, waiting for the signer's visa
    def card():
        version = FileVersionFactory.create(document_file__document__created_by=author)
        services.route_start(
            document=version.document_file.document,
            version=version,
            actor=author,
            steps=[StepSpec(kind=ApprovalKind.VISA, participants=[signer])],
        )

    card()
    client.force_login(signer)
    chrome = page_queries(client, reverse("ui:cabinet_home"))
    one = page_queries(client, LIST_URL)
    for _ in range(4):
        card()

    # when
    five = page_queries(client, LIST_URL)

    # then: the page adds one query to the cabinet's own (session, user,
    # roles, menu counters): the tasks with their cards and files joined
    assert (one - chrome, five - chrome) == (1, 1)


def test_decide_form_records_the_decision(client, visa_task, visa, version):
    # given
    client.force_login(visa)
    url = reverse("documents:route_decide", args=[visa_task.public_id])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"]["seen_sha256"].value() == version.sha256

    # when
    response = client.post(
        url, {"decision": "approved", "comment": "", "seen_sha256": version.sha256}
    )

    # then
    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    visa_task.refresh_from_db()
    assert (visa_task.decision, visa_task.decided_by) == ("approved", visa)


def test_decide_form_with_a_stale_hash_shows_the_error(client, visa_task, visa):
    # given
    client.force_login(visa)
    url = reverse("documents:route_decide", args=[visa_task.public_id])

    # when
    response = client.post(
        url, {"decision": "approved", "comment": "", "seen_sha256": "a" * 64}
    )

    # then
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Документ змінився, перегляньте нову версію."
    ]
    visa_task.refresh_from_db()
    assert visa_task.decision == ApprovalDecision.PENDING


def test_the_file_decided_on_is_served(client, visa_task, visa):
    client.force_login(visa)

    response = client.get(reverse("documents:route_file", args=[visa_task.public_id]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("participant", 200),
        ("substitute", 200),
        ("starter", 404),
        ("other_staff", 404),
        ("citizen", 403),
    ],
)
def test_decide_permission_matrix(
    client, visa_task, visa, substitute, author, who, status
):
    # given
    people = {
        "participant": visa,
        "substitute": substitute,
        "starter": author,
        "other_staff": staff(),
        "citizen": UserFactory.create(roles=[Role.CITIZEN]),
    }
    client.force_login(people[who])
    url = reverse("documents:route_decide", args=[visa_task.public_id])
    sha = visa_task.step.route.file_version.sha256

    # when
    response = client.post(
        url, {"decision": "approved", "comment": "", "seen_sha256": sha}
    )

    # then
    decided = status == 200
    assert response.status_code == (302 if decided else status)
    visa_task.refresh_from_db()
    expected = ApprovalDecision.APPROVED if decided else ApprovalDecision.PENDING
    assert visa_task.decision == expected
    assert (
        AuditEvent.objects.filter(action="documents.route_decide").exists() is decided
    )


@pytest.mark.parametrize(
    ("who", "status", "started"),
    [
        ("starter", 302, True),
        ("participant", 200, False),
        ("other_staff", 404, False),
        ("citizen", 403, False),
    ],
)
def test_start_permission_matrix(
    client, document, version, author, visa, signer, who, status, started
):
    # given: the participant is named on the card by an earlier, finished route
    earlier = services.route_start(
        document=document,
        version=version,
        actor=author,
        steps=[StepSpec(kind=ApprovalKind.ACQUAINT, participants=[visa])],
    )
    services.route_cancel(route=earlier, actor=author, reason="Спроба.")
    for person in (visa, signer):  # the form offers current employees only
        EmployeeFactory.create(user=person)
    people = {
        "starter": author,
        "participant": visa,
        "other_staff": staff(),
        "citizen": UserFactory.create(roles=[Role.CITIZEN]),
    }
    client.force_login(people[who])
    url = reverse("documents:route_start", args=[document.public_id])

    # when
    response = client.post(
        url,
        {
            "version": version.pk,
            "mode": "ad_hoc",
            "visa_participants": [visa.pk],
            "signatory": signer.pk,
        },
    )

    # then
    assert response.status_code == status
    running = ApprovalRoute.objects.filter(status=RouteStatus.RUNNING)
    assert running.exists() is started


def test_start_form_from_a_template(client, document, version, author, signer):
    # given
    template = RouteTemplateFactory.create(kind=document.kind)
    services_step = template.steps.create(order=1, kind=ApprovalKind.SIGN)
    services_step.participants.set([signer])
    client.force_login(author)
    url = reverse("documents:route_start", args=[document.public_id])
    assert client.get(url).status_code == 200

    # when
    response = client.post(
        url, {"version": version.pk, "mode": "template", "template": template.pk}
    )

    # then
    assert response.status_code == 302
    route = ApprovalRoute.objects.get()
    assert (route.template, route.file_version) == (template, version)
    page = client.get(url)
    assert "Етап 1" in page.content.decode()


def test_start_form_asks_for_a_template(client, document, version, author):
    client.force_login(author)
    url = reverse("documents:route_start", args=[document.public_id])

    response = client.post(url, {"version": version.pk, "mode": "template"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "template": ["Оберіть шаблон маршруту або оберіть «Візи, потім підпис»."]
    }
    assert ApprovalRoute.objects.exists() is False


def test_start_form_asks_for_the_ad_hoc_people(client, document, version, author):
    client.force_login(author)
    url = reverse("documents:route_start", args=[document.public_id])

    response = client.post(url, {"version": version.pk, "mode": "ad_hoc"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "visa_participants": [
            "Оберіть, хто ставить візи, або запустіть маршрут за шаблоном."
        ],
        "signatory": ["Оберіть підписанта або запустіть маршрут за шаблоном."],
    }
    assert ApprovalRoute.objects.exists() is False


def test_start_form_labels_say_when_a_field_is_needed(client, document, author, signer):
    # given: a template fits the card, so both ways are open
    step = RouteTemplateFactory.create(kind=document.kind).steps.create(
        order=1, kind=ApprovalKind.SIGN
    )
    step.participants.set([signer])
    client.force_login(author)

    # when
    response = client.get(reverse("documents:route_start", args=[document.public_id]))

    # then: no field is marked optional; the hints say which way needs it
    body = response.content.decode()
    assert "необов’язково" not in body
    form = response.context["form"]
    assert [str(form[name].label) for name in form.fields] == [
        "Версія файлу для погодження",
        "Маршрут",
        "Шаблон маршруту",
        "Візи (усі паралельно)",
        "Підписант",
    ]
    assert str(form["template"].help_text) == "Потрібно, якщо маршрут за шаблоном."
    assert str(form["signatory"].help_text) == (
        "Потрібно для маршруту «Візи, потім підпис»."
    )
    assert form["mode"].initial == "template"
    assert "required" not in form["signatory"].as_widget()


def test_without_a_fitting_template_the_form_says_so(client, document, author):
    client.force_login(author)

    response = client.get(reverse("documents:route_start", args=[document.public_id]))

    form = response.context["form"]
    assert str(form["template"].help_text) == (
        "Жоден шаблон не підходить для цього документа: оберіть «Візи, потім підпис»."
    )
    assert form["mode"].initial == "ad_hoc"


def test_cancel_view(client, route, author):
    client.force_login(author)

    response = client.post(
        reverse("documents:route_cancel", args=[route.public_id]),
        {"reason": "Інший підписант."},
    )

    assert response.status_code == 302
    route.refresh_from_db()
    assert route.status == RouteStatus.CANCELLED


def test_panel_shows_who_decided_for_whom(rf, route, visa, substitute, author):
    # given
    task = ApprovalTask.objects.get(participant=visa)
    services.route_decide(
        task=task,
        actor=substitute,
        decision=ApprovalDecision.APPROVED,
        seen_sha256=route.file_version.sha256,
    )
    request = rf.get("/")
    request.user = author
    request.resolver_match = None

    # when
    context = document_route_panel({}, route.document, request)

    # then
    assert context["route"] == route
    assert context["can_cancel"] is True
    assert context["show_start_link"] is False


def test_menu_counter_costs_one_query(
    route, visa, substitute, django_assert_num_queries, monkeypatch
):
    # given: a copy of the registry, so the test leaves the menu as it was
    menu = dict(ui_navigation._cabinet_menu)
    monkeypatch.setattr(ui_navigation, "_cabinet_menu", menu)
    register_routes_menu()

    # when: the people's substitutions, roles and posts are known, as on
    # any cabinet page, where the access rules asked for them first
    for person in (visa, substitute):
        org_selectors.substitution_absent_ids_for(user=person)
        org_selectors.org_unit_ids_headed_by(user=person)
        has_role(person, Role.REGISTRAR)
    with django_assert_num_queries(1):
        visa_count = approval_count_for_user(visa)
    with django_assert_num_queries(1):
        substitute_count = approval_count_for_user(substitute)

    # then
    entry = next(
        e
        for e in ui_navigation.cabinet_menu_entries()
        if e.key == "documents_approvals"
    )
    assert (entry.url_name, entry.order) == ("documents:approval_list", 20)
    assert (visa_count, substitute_count) == (1, 1)
