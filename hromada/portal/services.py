"""Writes of the portal room: the site's skeleton, pages, sections, and what
follows a publication (audit, search index, iCalendar sequence)."""

import hashlib
import io
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Final
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hromada.accounts.roles import Role
from hromada.core.audit import audit_record
from hromada.core.errors import PermissionDeniedError
from hromada.org import selectors as org_selectors
from hromada.org.models import OrgUnit
from hromada.portal import permissions, selectors, skeleton
from hromada.portal.models import (
    EventPage,
    EventSequence,
    HomePage,
    NewsCategory,
    PortalPage,
    PortalSection,
)
from hromada.search import services as search_services

logger = logging.getLogger(__name__)

Actor = AbstractBaseUser | AnonymousUser | None

SEARCH_KIND: Final = "portal.page"
EDITOR_PAGE_PERMISSIONS: Final = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS: Final = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
MEDIA_PERMISSIONS: Final = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


@transaction.atomic
def portal_site_ensure() -> HomePage:
    """Give the site its home page and the sections every installation has
    (news, events, bodies, contacts, accessibility statement), once.

    Runs after every ``migrate`` (the authority of the installation itself,
    no person). Not audited, as content types and permissions are not: it
    makes the structure a new installation starts from, and later runs
    change nothing.
    """
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", live=True)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.order_by("path").first()
    if home is None:
        _welcome_page_delete(root=root)
        home = skeleton.home_page()
        root.add_child(instance=home)
        home.save_revision()
        _default_site_set(home)
    home_page: HomePage = home
    for page in skeleton.section_pages():
        if not page.__class__.objects.exists():
            home.add_child(instance=page)
            page.save_revision()
    return home_page


def _default_site_set(home: HomePage) -> None:
    address = urlsplit(settings.HROMADA_SITE_URL)
    port = address.port or (443 if address.scheme == "https" else 80)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname=address.hostname or "localhost",
        port=port,
        root_page=home,
        is_default_site=True,
        site_name=settings.HROMADA_CITY["name"],
    )


def _welcome_page_delete(*, root: Page) -> None:
    """Remove the placeholder page Wagtail installs, if nothing is below it."""
    for page in root.get_children():
        if page.specific_class is Page and page.numchild == 0:
            # Taken off quietly: nobody published it, so nobody unpublishes it.
            Page.objects.filter(pk=page.pk).update(live=False)
            page.refresh_from_db()
            page.delete()


@transaction.atomic
def page_create(
    *,
    parent: Page,
    page: PortalPage,
    actor: Actor,
    publish: bool = True,
    first_published_at: datetime | None = None,
) -> PortalPage:
    """Add ``page`` below ``parent``, save its first revision and publish it.

    For code that builds pages (the demo, imports); editors use ``/cms/``,
    whose page permissions decide. ``actor=None``: the installation itself.
    """
    _check_actor_may_build(actor)
    if first_published_at is not None:
        page.first_published_at = first_published_at
    parent.add_child(instance=page)
    revision = page.save_revision(user=_user(actor), log_action=True)
    audit_record(
        actor=actor,
        action="portal.create",
        target=page,
        data={"title": page.title, "parent": parent.pk},
    )
    if publish:
        revision.publish(user=_user(actor))
    return page


@transaction.atomic
def page_revise(
    *, page: PortalPage, changes: Mapping[str, object], actor: Actor
) -> PortalPage:
    """Change fields of ``page`` and publish the change as a new revision.

    For code that maintains pages (the demo, imports); editors use ``/cms/``.
    """
    _check_actor_may_build(actor)
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision(user=_user(actor), log_action=True)
    audit_record(
        actor=actor,
        action="portal.revise",
        target=page,
        data={"fields": sorted(changes)},
    )
    revision.publish(user=_user(actor))
    return page


def _check_actor_may_build(actor: Actor) -> None:
    if actor is not None and not permissions.can_manage_sections(actor):
        raise PermissionDeniedError(
            _("Pages are built from code only by the installation's administrators.")
        )


def _user(actor: Actor) -> AbstractBaseUser | None:
    if actor is None or not actor.is_authenticated:
        return None
    return actor


@transaction.atomic
def page_publication_record(*, page: Page, revision: Revision, actor: Actor) -> None:
    """Record that ``page`` was published: an audit event, the site search,
    and an event's iCalendar sequence.

    Called when Wagtail announces a publication (an editor, a workflow's
    approval, the scheduled-publishing run); ``actor=None`` is that run.
    """
    page = page.specific
    # Wagtail announces a revision approved for a later time the same way;
    # the page goes live when the scheduled run publishes it again.
    scheduled = not page.live
    audit_record(
        actor=actor,
        action="portal.schedule" if scheduled else "portal.publish",
        target=page,
        data={
            "revision": revision.pk,
            "title": page.title,
            "url_path": page.url_path,
            "go_live_at": page.go_live_at,
        },
    )
    if isinstance(page, EventPage) and not scheduled:
        _event_sequence_update(page)
    _page_index_update(page)


@transaction.atomic
def page_unpublication_record(*, page: Page, actor: Actor) -> None:
    """Record that ``page`` left the public site (unpublished, expired or
    deleted): an audit event, and it leaves the site search."""
    audit_record(
        actor=actor,
        action="portal.unpublish",
        target=page,
        data={"title": page.title, "url_path": page.url_path},
    )
    search_services.search_document_remove(kind=SEARCH_KIND, object_id=str(page.pk))


def _page_index_update(page: Page) -> None:
    """Index a live public page; take any other out of the site search."""
    if not selectors.page_is_public(page=page):
        search_services.search_document_remove(kind=SEARCH_KIND, object_id=str(page.pk))
        return
    specific = page.specific
    body = specific.search_text() if isinstance(specific, PortalPage) else ""
    search_services.search_document_index(
        kind=SEARCH_KIND,
        object_id=str(page.pk),
        title=page.title[:1000],
        body=body,
        is_public=True,
    )


@transaction.atomic
def portal_search_reindex() -> int:
    """Index every live public page again; returns how many.

    Idempotent; not audited (the index is derived data).
    """
    count = 0
    for page in selectors.page_list_public():
        _page_index_update(page)
        count += 1
    return count


def _event_fingerprint(event: EventPage) -> str:
    parts = (
        event.starts_at.isoformat(),
        event.ends_at.isoformat(),
        event.place,
        event.address,
        event.status,
    )
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _event_sequence_update(event: EventPage) -> None:
    """SEQUENCE grows when the time, the place or the status changed since
    the last publication (RFC 5545 §3.8.7.4); the UID never changes."""
    fingerprint = _event_fingerprint(event)
    now = timezone.now()
    row, created = EventSequence.objects.select_for_update().get_or_create(
        event=event, defaults={"fingerprint": fingerprint, "changed_at": now}
    )
    if not created and row.fingerprint != fingerprint:
        row.sequence += 1
        row.fingerprint = fingerprint
        row.changed_at = now
        row.save(update_fields=["sequence", "fingerprint", "changed_at"])


@transaction.atomic
def news_category_create(*, name: str, slug: str, actor: Actor) -> NewsCategory:
    """A news category; an existing one with ``slug`` is returned as it is."""
    _check_actor_may_build(actor)
    category, created = NewsCategory.objects.get_or_create(
        slug=slug, defaults={"name": name}
    )
    if created:
        audit_record(
            actor=actor, action="portal.category_create", target=category, data={}
        )
    return category


@transaction.atomic
def image_create(*, title: str, file_name: str, content: bytes, actor: Actor) -> Image:
    """Store a picture in the editor's image library."""
    _check_actor_may_build(actor)
    image = Image(
        title=title,
        uploaded_by_user=_user(actor),
        file=ImageFile(io.BytesIO(content), name=file_name),
    )
    image.save()
    audit_record(actor=actor, action="portal.image_add", target=image, data={})
    return image


@transaction.atomic
def document_create(
    *, title: str, file_name: str, content: bytes, actor: Actor
) -> Document:
    """Store a file (a form, a sample) in the editor's document library."""
    _check_actor_may_build(actor)
    document = Document(title=title, uploaded_by_user=_user(actor))
    document.file.save(file_name, ContentFile(content), save=False)
    document.save()
    audit_record(actor=actor, action="portal.document_add", target=document, data={})
    return document


@transaction.atomic
def portal_section_setup(
    *, org_unit: OrgUnit, root_page: Page, actor: Actor
) -> PortalSection:
    """Let ``org_unit`` edit ``root_page`` and the pages below it: its
    content editors draft and submit, its head approves and publishes.

    Idempotent; a unit may own several subtrees (call once for each). The
    groups' members follow the org tree: see ``portal_section_members_sync``.
    """
    _check_actor_may_build(actor)
    section = _section_for(org_unit)
    _grant_pages(section.editors, root_page, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(section.publishers, root_page, PUBLISHER_PAGE_PERMISSIONS)
    WorkflowPage.objects.update_or_create(
        page=root_page, defaults={"workflow": section.workflow}
    )
    _section_members_sync(section)
    audit_record(
        actor=actor,
        action="portal.section_setup",
        target=section,
        data={"page": root_page.pk, "org_unit": org_unit.pk},
    )
    return section


@transaction.atomic
def portal_section_members_sync(*, section: PortalSection, actor: Actor) -> None:
    """Make the section's groups hold the unit's content editors and head
    as the org tree has them today."""
    _check_actor_may_build(actor)
    _section_members_sync(section)
    audit_record(actor=actor, action="portal.section_sync", target=section, data={})


def _section_for(org_unit: OrgUnit) -> PortalSection:
    existing = PortalSection.objects.filter(org_unit=org_unit).first()
    if existing is not None:
        return existing
    name = org_unit.short_name or org_unit.name
    with translation.override(settings.LANGUAGE_CODE):
        editors = _admin_group(_("Portal editors: %(unit)s") % {"unit": name})
        publishers = _admin_group(_("Portal publishers: %(unit)s") % {"unit": name})
        workflow = Workflow.objects.create(
            name=_("Approval by the head: %(unit)s") % {"unit": name}
        )
        task = GroupApprovalTask.objects.create(
            name=_("The head of %(unit)s approves") % {"unit": name}
        )
    task.groups.set([publishers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return PortalSection.objects.create(
        org_unit=org_unit, editors=editors, publishers=publishers, workflow=workflow
    )


def _admin_group(name: str) -> Group:
    group, _created = Group.objects.get_or_create(name=name[:150])
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    collection = Collection.get_first_root_node()
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )
    return group


def _grant_pages(group: Group, page: Page, codenames: tuple[str, ...]) -> None:
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def _section_members_sync(section: PortalSection) -> None:
    employees = org_selectors.employee_list_current(org_unit=section.org_unit)
    editors = {
        employee.user
        for employee in employees
        if employee.position.role == Role.CONTENT_EDITOR
    }
    head = org_selectors.org_unit_head(org_unit_id=section.org_unit_id)
    section.editors.user_set.set(editors)
    section.publishers.user_set.set([head] if head is not None else [])


def page_scheduled_publish() -> None:
    """Run Wagtail's scheduled publishing once: pages whose go-live time has
    passed go live, expired ones come off the site.

    The authority is the schedule an editor with publishing rights approved;
    each publication is audited (``actor=None``) through Wagtail's signals.
    """
    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)
