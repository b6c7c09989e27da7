"""The demo captured-mail pages: demo mode and staff only."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.notifications.tests.factories import CapturedMailFactory

pytestmark = pytest.mark.django_db
LIST_URL = "/cabinet/notifications/mail/"


@pytest.fixture
def staff(client):
    user = UserFactory.create(roles=[Role.EXECUTOR])
    client.force_login(user)
    return user


@pytest.fixture
def demo(settings):
    settings.HROMADA_DEMO = True


def test_list_url_name():
    assert reverse("notifications:captured_mail_list") == LIST_URL


def test_staff_reads_captured_mail_newest_first_in_demo_mode(client, staff, demo):
    # given
    now = timezone.now()
    older = CapturedMailFactory.create(
        sent_at=now - timedelta(hours=1), subject="Старий лист"
    )
    newer = CapturedMailFactory.create(sent_at=now, subject="Новий лист")

    # when
    response = client.get(LIST_URL)

    # then
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [newer, older]
    content = response.content.decode()
    assert content.index("Новий лист") < content.index("Старий лист")
    assert (
        reverse("notifications:captured_mail_detail", args=[newer.public_id]) in content
    )
    assert timezone.localtime(now).strftime("%d.%m.%Y %H:%M") in content


def test_list_is_paginated_by_twenty(client, staff, demo):
    # given
    CapturedMailFactory.create_batch(21)

    # when
    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    # then
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 1
    assert 'class="govuk-pagination"' in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()


def test_list_query_count(client, staff, demo, django_assert_num_queries):
    # given
    CapturedMailFactory.create_batch(5)

    # when: session, user, the user's roles (cabinet gate), page count,
    # the menu's (the user's substitutions and posts, the counters), page
    with django_assert_num_queries(8):
        response = client.get(LIST_URL)

    # then
    assert len(response.context["page"].object_list) == 5


def test_detail_shows_text_and_sandboxed_html(client, staff, demo):
    # given
    mail = CapturedMailFactory.create(subject="Підтвердіть адресу")

    # when
    response = client.get(
        reverse("notifications:captured_mail_detail", args=[mail.public_id])
    )

    # then
    assert response.status_code == 200
    assert response.context["mail"] == mail
    content = response.content.decode()
    assert "Підтвердіть адресу" in content
    assert "https://hromada.example/?a=1&amp;b=2" in content
    assert 'sandbox=""' in content
    assert 'srcdoc="&lt;p&gt;Доброго дня!&lt;/p&gt;&lt;script&gt;' in content
    assert "<script>alert" not in content


def test_unknown_mail_is_not_found(client, staff, demo):
    response = client.get(
        reverse(
            "notifications:captured_mail_detail",
            args=["00000000-0000-4000-8000-000000000000"],
        )
    )

    assert response.status_code == 404


@pytest.mark.parametrize("detail", [False, True])
def test_anonymous_visitor_is_sent_to_sign_in(client, demo, detail):
    mail = CapturedMailFactory.create()
    url = (
        reverse("notifications:captured_mail_detail", args=[mail.public_id])
        if detail
        else LIST_URL
    )

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


def person(who: str):
    match who:
        case "anonymous":
            return None
        case "citizen":
            return UserFactory.create(roles=[Role.CITIZEN])
        case "superuser without a staff role":
            return UserFactory.create(is_superuser=True, is_staff=True)
        case "executor" | "system administrator":
            role = Role.EXECUTOR if who == "executor" else Role.SYSTEM_ADMINISTRATOR
            user = UserFactory.create(roles=[role])
            Authenticator.objects.create(
                user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
            )
            return user
    raise ValueError(who)


@pytest.mark.parametrize(
    ("who", "demo_mode", "status"),
    [
        ("anonymous", True, 302),
        ("citizen", True, 403),
        ("superuser without a staff role", True, 403),
        ("executor", True, 200),
        ("system administrator", True, 200),
        ("anonymous", False, 302),
        ("citizen", False, 403),
        ("executor", False, 404),
        ("system administrator", False, 404),
    ],
)
def test_captured_mail_access_matrix(client, settings, who, demo_mode, status):
    # given
    settings.HROMADA_DEMO = demo_mode
    user = person(who)
    if user is not None:
        client.force_login(user)
    mail = CapturedMailFactory.create()
    detail_url = reverse("notifications:captured_mail_detail", args=[mail.public_id])

    # when
    statuses = (client.get(LIST_URL).status_code, client.get(detail_url).status_code)

    # then
    assert statuses == (status, status)
