"""The applicant's comments: checked, on the staff's and the applicant's
timelines, never on the public page."""

import pytest
from django.urls import reverse
from django.utils import translation

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.appeals.models import PRIVATE_EVENT_KINDS, AppealEvent
from hromada.appeals.services import comments
from hromada.appeals.tests.factories import (
    CategoryFactory,
    RoutingRuleFactory,
    appeal_file,
    appeals_journal,
    enterprise,
)
from hromada.core.errors import ValidationError

pytestmark = pytest.mark.django_db

WORDS = "Біля опори 12-345 досі темно, телефон 0501112233"


@pytest.fixture
def filed():
    appeals_journal()
    lights = enterprise()
    category = CategoryFactory(code="lighting_fault", name="Вуличне освітлення")
    RoutingRuleFactory(category=category, unit=lights.unit)
    citizen = UserFactory(roles=[Role.CITIZEN])
    appeal = appeal_file(category=category, actor=citizen)
    return appeal, lights, citizen


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("   ", "Write the comment."),
        ("x" * (comments.COMMENT_MAX + 1), "at most"),
        ("<b>Темно</b>", "HTML"),
        (
            "http://a.example http://b.example http://c.example http://d.example",
            "links",
        ),
    ],
)
def test_a_bad_comment_is_refused_and_adds_nothing(filed, text, says):
    appeal, _lights, _citizen = filed

    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        comments.appeal_comment_add(
            appeal=appeal, text=text, actor=None, via="test", by_applicant=True
        )

    assert says in refusal.value.message
    assert not AppealEvent.objects.filter(kind__in=PRIVATE_EVENT_KINDS).exists()


def test_staff_and_the_applicant_read_the_comment_the_public_does_not(client, filed):
    appeal, lights, citizen = filed
    comments.appeal_comment_add(
        appeal=appeal, text=WORDS, actor=None, via="test", by_applicant=True
    )

    public = client.get(reverse("appeals:appeal_detail", args=[appeal.public_id]))
    client.force_login(citizen)
    own = client.get(reverse("appeals_my:my_appeal_detail", args=[appeal.public_id]))
    client.force_login(lights.director)
    staff = client.get(
        reverse("appeals_cabinet:appeal_detail", args=[appeal.public_id])
    )

    assert public.status_code == own.status_code == staff.status_code == 200
    assert "0501112233" not in public.content.decode()
    assert "0501112233" in own.content.decode()
    assert "0501112233" in staff.content.decode()
