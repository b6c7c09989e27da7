import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowPage

from hromada.accounts.roles import Role
from hromada.accounts.tests.factories import UserFactory
from hromada.core.errors import PermissionDeniedError
from hromada.core.models import AuditEvent
from hromada.org.tests.factories import EmployeeFactory, OrgUnitFactory
from hromada.portal import services
from hromada.portal.models import HomePage, NewsPage, PortalSection, StandardPage
from hromada.search import selectors as search_selectors
from hromada.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_the_site_skeleton_exists_after_migrate_without_audit_or_index():
    # then: the migration made it quietly, and running it again changes nothing
    assert HomePage.objects.count() == 1
    assert AuditEvent.objects.exists() is False
    assert SearchDocument.objects.exists() is False

    pages = Page.objects.count()
    services.portal_site_ensure()
    assert Page.objects.count() == pages


def test_publication_is_audited_and_indexed(make_news):
    # when
    news = make_news("Відкрили сквер на Садовій")

    # then
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["portal.create", "portal.publish"]
    hits = search_selectors.search_query(query="сквер", kinds=["portal.page"])
    assert [hit.object_id for hit in hits.hits] == [str(news.pk)]


def test_unpublication_is_audited_and_leaves_the_search(make_news):
    news = make_news("Відкрили сквер на Садовій")

    news.unpublish()

    assert AuditEvent.objects.order_by("-pk").first().action == "portal.unpublish"
    assert (
        search_selectors.search_query(query="сквер", kinds=["portal.page"]).total == 0
    )


def test_deleting_a_live_page_takes_it_out_of_the_search(make_news):
    news = make_news("Відкрили сквер на Садовій")

    Page.objects.get(pk=news.pk).delete()

    assert (
        search_selectors.search_query(query="сквер", kinds=["portal.page"]).total == 0
    )


def test_a_new_page_gets_the_official_transliteration_as_slug(home):
    page = services.page_create(
        parent=home,
        page=StandardPage(title="Житлово-комунальне господарство", body="<p>x</p>"),
        actor=None,
    )

    assert page.slug == "zhytlovo-komunalne-hospodarstvo"


def test_a_citizen_cannot_build_pages_and_nothing_changes(home):
    citizen = UserFactory.create(roles=[Role.CITIZEN])

    with pytest.raises(PermissionDeniedError):
        services.page_create(
            parent=home,
            page=StandardPage(title="Сторінка", body="<p>x</p>"),
            actor=citizen,
        )

    assert StandardPage.objects.exists() is False
    assert AuditEvent.objects.exists() is False


@pytest.fixture
def unit_with_staff():
    unit = OrgUnitFactory.create(name="Управління ЖКГ")
    editor = EmployeeFactory.create(
        position__org_unit=unit,
        position__role=Role.CONTENT_EDITOR,
        user__roles=[Role.CONTENT_EDITOR],
    ).user
    head = EmployeeFactory.create(
        position__org_unit=unit, position__is_head=True, user__roles=[Role.UNIT_HEAD]
    ).user
    clerk = EmployeeFactory.create(position__org_unit=unit).user
    return unit, editor, head, clerk


def test_a_section_lets_its_editor_draft_and_its_head_publish(home, unit_with_staff):
    # given
    unit, editor, head, clerk = unit_with_staff
    section_root = services.page_create(
        parent=home, page=StandardPage(title="ЖКГ", body="<p>x</p>"), actor=None
    )
    elsewhere = Page.objects.get(pk=home.pk)

    # when
    section = services.portal_section_setup(
        org_unit=unit, root_page=section_root, actor=None
    )

    # then
    editor_perms = section_root.permissions_for_user(editor)
    head_perms = section_root.permissions_for_user(head)
    assert (editor_perms.can_edit(), editor_perms.can_publish()) == (True, False)
    assert (head_perms.can_edit(), head_perms.can_publish()) == (True, True)
    assert elsewhere.permissions_for_user(editor).can_edit() is False
    assert (
        clerk.groups.filter(pk__in=[section.editors_id, section.publishers_id]).exists()
        is False
    )
    assert WorkflowPage.objects.get(page=section_root).workflow == section.workflow
    task = section.workflow.tasks.get().specific
    assert list(task.groups.all()) == [section.publishers]
    assert editor.has_perm("wagtailadmin.access_admin") is True


def test_section_setup_twice_changes_nothing(home, unit_with_staff):
    unit = unit_with_staff[0]
    root = services.page_create(
        parent=home, page=StandardPage(title="ЖКГ", body="<p>x</p>"), actor=None
    )

    services.portal_section_setup(org_unit=unit, root_page=root, actor=None)
    groups = Group.objects.count()
    services.portal_section_setup(org_unit=unit, root_page=root, actor=None)

    assert (PortalSection.objects.count(), Group.objects.count()) == (1, groups)


def test_scheduled_publishing_publishes_when_the_time_comes(news_index):
    # given: a page approved to go live a moment ago
    from datetime import timedelta

    from django.utils import timezone

    page = NewsPage(title="Заплановано", lead="x", body="<p>x</p>", live=False)
    news_index.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    a_minute_ago = timezone.now() - timedelta(minutes=1)
    NewsPage.objects.filter(pk=page.pk).update(go_live_at=a_minute_ago)
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.approved_go_live_at = a_minute_ago
    revision.save(update_fields=["content", "approved_go_live_at"])

    # when
    services.page_scheduled_publish()

    # then
    page.refresh_from_db()
    assert page.live is True
    event = AuditEvent.objects.get(action="portal.publish")
    assert event.actor_id is None
