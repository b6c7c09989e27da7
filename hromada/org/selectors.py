"""Reads of the org structure: units, current employees, substitutions."""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from hromada.accounts.models import User
from hromada.core.request_context import request_memo
from hromada.org.models import Employee, OrgUnit, Substitution, SubstitutionScope


def _current_q(on: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def directory_text(*, user: User, position_title: str, unit_name: str) -> str:
    """The lower-cased text the directory search matches against."""
    parts = (
        user.last_name,
        user.first_name,
        user.patronymic,
        position_title,
        unit_name,
    )
    return " ".join(p for p in parts if p).casefold()


def org_unit_list_active() -> QuerySet[OrgUnit]:
    """Active units in their display order, parents joined."""
    return OrgUnit.objects.filter(is_active=True).select_related("parent")


def employee_list_current(
    *, on: date | None = None, query: str = "", org_unit: OrgUnit | None = None
) -> QuerySet[Employee]:
    """Employees holding a post on ``on`` (today), for the staff directory.

    ``query`` matches every word against name, position and unit.
    """
    on = on or timezone.localdate()
    employees = Employee.objects.filter(_current_q(on), user__is_active=True)
    for word in query.casefold().split():
        employees = employees.filter(directory_text__contains=word)
    if org_unit is not None:
        employees = employees.filter(position__org_unit=org_unit)
    return employees.select_related("user", "position", "position__org_unit").order_by(
        "position__org_unit__sort_order",
        "position__org_unit__name",
        "-position__is_head",
        "position__sort_order",
        "user__last_name",
        "pk",
    )


def _posts_held(*, user: User, on: date) -> frozenset[tuple[int, str, bool]]:
    """(unit id, unit index, is head) of every post ``user`` holds or acts
    in on ``on``.

    One query, kept on the user instance like ``substitution_absent_ids_for``
    (one request's ``request.user``): the menu, the inbox and the rules of
    one page ask about the user's posts many times.
    """
    answers: dict[date, frozenset[tuple[int, str, bool]]] = user.__dict__.setdefault(
        "_hromada_posts", {}
    )
    if on not in answers:
        people = {user.pk, *substitution_absent_ids_for(user=user, on=on)}
        answers[on] = frozenset(
            Employee.objects.filter(_current_q(on), user_id__in=people).values_list(
                "position__org_unit_id",
                "position__org_unit__unit_index",
                "position__is_head",
            )
        )
    return answers[on]


def org_unit_ids_for_user(*, user: User, on: date | None = None) -> frozenset[int]:
    """Units where ``user`` holds a post today, including as a substitute."""
    posts = _posts_held(user=user, on=on or timezone.localdate())
    return frozenset(unit_id for unit_id, _index, _is_head in posts)


def org_unit_indexes_for_user(
    *, user: User, heads_only: bool = False, on: date | None = None
) -> frozenset[str]:
    """Indexes of the units where ``user`` holds (or heads) a post today."""
    posts = _posts_held(user=user, on=on or timezone.localdate())
    return frozenset(
        index for _unit_id, index, is_head in posts if is_head or not heads_only
    )


def employee_exists(
    *, user: User, org_unit_id: int, is_head: bool | None = None, on: date | None = None
) -> bool:
    """Whether ``user`` holds (or acts in) a post in the unit today."""
    posts = _posts_held(user=user, on=on or timezone.localdate())
    return any(
        unit_id == org_unit_id and (is_head is None or head == is_head)
        for unit_id, _index, head in posts
    )


def substitution_absent_ids_for(
    *,
    user: User,
    on: date | None = None,
    scope: SubstitutionScope = SubstitutionScope.ALL,
) -> frozenset[int]:
    """Ids of the people ``user`` acts for on ``on`` within ``scope``.

    One query per day asked, whatever the scope, kept on the user instance
    (one request's ``request.user``), as roles are: a page asks this for
    every rule it checks and for every scope.
    """
    on = on or timezone.localdate()
    answers: dict[date, tuple[tuple[int, str], ...]] = user.__dict__.setdefault(
        "_hromada_acting_for", {}
    )
    if on not in answers:
        answers[on] = tuple(
            Substitution.objects.filter(
                substitute=user,
                starts_on__lte=on,
                ends_on__gte=on,
                is_cancelled=False,
            ).values_list("absent_id", "scope")
        )
    scopes = {str(SubstitutionScope.ALL), str(scope)}
    return frozenset(absent for absent, held in answers[on] if held in scopes)


def substitution_list_current(*, on: date | None = None) -> QuerySet[Substitution]:
    """Substitutions in force on ``on``, with both people joined."""
    on = on or timezone.localdate()
    return Substitution.objects.filter(
        starts_on__lte=on, ends_on__gte=on, is_cancelled=False
    ).select_related("absent", "substitute")


def org_unit_descendant_ids(*, unit_ids: frozenset[int]) -> frozenset[int]:
    """The given units and every unit below them in the tree.

    The tree is small (tens of units), so one query reads all parent links,
    once per request: the page and the cabinet menu's counters both ask.
    """
    children = request_memo("org.unit_children", _unit_children)
    found = set(unit_ids)
    stack = list(unit_ids)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)


def _unit_children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for pk, parent_id in OrgUnit.objects.values_list("pk", "parent_id"):
        if parent_id is not None:
            children.setdefault(parent_id, []).append(pk)
    return children


def org_unit_ids_headed_by(*, user: User, on: date | None = None) -> frozenset[int]:
    """Units whose head post ``user`` holds or acts in today."""
    posts = _posts_held(user=user, on=on or timezone.localdate())
    return frozenset(unit_id for unit_id, _index, is_head in posts if is_head)


def org_unit_head(*, org_unit_id: int, on: date | None = None) -> User | None:
    """Who holds the unit's head post today (the first appointed, if the
    post is shared); ``None`` while it is vacant."""
    employee = (
        Employee.objects.filter(
            _current_q(on or timezone.localdate()),
            position__org_unit_id=org_unit_id,
            position__is_head=True,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("valid_from", "pk")
        .first()
    )
    return employee.user if employee is not None else None
