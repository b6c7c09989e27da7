"""Reads of single acts: what a person may see, texts on a date, relations."""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from hromada.registry import permissions
from hromada.registry.models import (
    ActAccess,
    ActImport,
    ActStatus,
    LegalAct,
    LegalActEdition,
    LegalActRelation,
)
from hromada.search import lemmatiser

AnyUser = AbstractBaseUser | AnonymousUser


def visible_acts_q(user: AnyUser, *, via: str = "") -> Q:
    """The acts ``user`` may read: public ones, and internal ones for staff.

    ``via`` is the path from another model to the act (``"source__"``), so
    the condition joins the act instead of listing every visible act.
    """
    if permissions.can_read_internal_acts(user):
        return Q()
    return Q(**{f"{via}access": ActAccess.PUBLIC})


def act_list_for_user(*, user: AnyUser) -> QuerySet[LegalAct]:
    """Every act ``user`` may read, newest first, with its issuer."""
    return (
        LegalAct.objects.filter(visible_acts_q(user))
        .select_related("issuer", "scan")
        .order_by("-adopted_on", "-id")
    )


def act_list_latest_public(*, limit: int = 30) -> list[LegalAct]:
    """The newest public adopted acts, for feeds: drafts are not news yet."""
    return list(
        LegalAct.objects.filter(access=ActAccess.PUBLIC)
        .exclude(status=ActStatus.DRAFT)
        .select_related("issuer")
        .annotate(current_text=current_text_expression())
        .order_by("-adopted_on", "-id")[:limit]
    )


def act_feed_etag(*, limit: int = 50) -> str:
    """A tag of the feeds' content: it changes when an act of the feed, or
    the language, does. One query over the newest acts, without texts."""
    rows = (
        LegalAct.objects.filter(access=ActAccess.PUBLIC)
        .exclude(status=ActStatus.DRAFT)
        .order_by("-adopted_on", "-id")
        .values_list("pk", "updated_at")[:limit]
    )
    content = repr((get_language(), list(rows)))
    return hashlib.sha256(content.encode()).hexdigest()[:32]


def current_text_expression() -> Coalesce:
    """An annotation of the act's current text: its latest edition, or as
    adopted; one subquery, not a query per act."""
    latest = LegalActEdition.objects.filter(act=OuterRef("pk")).order_by("-valid_from")
    return Coalesce(Subquery(latest.values("text")[:1]), "text")


@dataclass(frozen=True, kw_only=True, slots=True)
class TextOnDate:
    """The act's text in force on ``on``, and the edition it comes from.

    ``edition`` is ``None`` when the act has no editions (the text as
    adopted); ``in_force`` says whether the act itself was in force then.
    """

    on: date
    text: str
    edition: LegalActEdition | None
    in_force: bool


def act_text_on(*, act: LegalAct, on: date) -> TextOnDate:
    """The act's text as it stood on ``on`` (REG-06)."""
    edition = (
        act.editions.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .select_related("changed_by")
        .first()
    )
    # Before the first edition, or without editions, the act read as adopted.
    return TextOnDate(
        on=on,
        text=edition.text if edition is not None else act.text,
        edition=edition,
        in_force=act_in_force_on(act=act, on=on),
    )


def act_in_force_on(*, act: LegalAct, on: date) -> bool:
    """Whether the act was in force on ``on``, by its dates."""
    if act.status == ActStatus.DRAFT or act.effective_from is None:
        return False
    return act.effective_from <= on and (
        act.repealed_on is None or on < act.repealed_on
    )


def in_force_on_q(on: date) -> Q:
    """The acts in force on ``on``, by their dates (suspensions aside)."""
    return (
        ~Q(status=ActStatus.DRAFT)
        & Q(effective_from__lte=on)
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=on))
    )


def act_editions(*, act: LegalAct) -> list[LegalActEdition]:
    """The act's editions, oldest first, with the acts that changed them."""
    return list(act.editions.select_related("changed_by").order_by("valid_from"))


@dataclass(frozen=True, kw_only=True, slots=True)
class Relations:
    """What an act does to others, and what others did to it."""

    outgoing: list[LegalActRelation]
    incoming: list[LegalActRelation]


def act_relations(*, act: LegalAct, user: AnyUser) -> Relations:
    """Both directions of the act's relations, with only the acts ``user``
    may read on the other side: two queries."""
    outgoing = LegalActRelation.objects.filter(source=act).filter(
        visible_acts_q(user, via="target__")
    )
    incoming = LegalActRelation.objects.filter(target=act).filter(
        visible_acts_q(user, via="source__")
    )
    return Relations(
        outgoing=list(outgoing.select_related("target", "target__issuer")),
        incoming=list(incoming.select_related("source", "source__issuer")),
    )


def act_search_urls(*, object_ids: Sequence[str]) -> dict[str, str]:
    """Public addresses of the public acts among search hits' ``object_ids``.

    For the site search: the search room knows an act by its id; one query.
    """
    ids = [int(value) for value in object_ids if value.isdigit()]
    acts = LegalAct.objects.filter(pk__in=ids, access=ActAccess.PUBLIC).only("slug")
    return {str(act.pk): act.get_absolute_url() for act in acts}


def act_import_list_for_user(*, user: AnyUser) -> QuerySet[ActImport]:
    """Bulk imports, newest first: the registry's keepers see them all,
    nobody else any."""
    imports = ActImport.objects.select_related("metadata", "created_by")
    if permissions.can_keep_registry(user):
        return imports.order_by("-created_at", "-id")
    return imports.none()


def act_resolve(*, user: AnyUser, reference: str) -> list[LegalAct]:
    """The acts ``user`` may read that ``reference`` names: a permanent
    link, an address (slug) or a number; several only for a number."""
    text = reference.strip().rstrip("/")
    slug = text.rsplit("/", 1)[-1]
    acts = act_list_for_user(user=user)
    by_slug = list(acts.filter(slug=slug)[:1])
    if by_slug:
        return by_slug
    return list(acts.filter(number_key=lemmatiser.normalise_value(text))[:10])
