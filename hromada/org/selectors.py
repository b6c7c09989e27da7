"""Reads of the org structure: units, current employees, substitutions."""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from hromada.accounts.models import User
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


def org_unit_ids_for_user(*, user: User, on: date | None = None) -> frozenset[int]:
    """Units where ``user`` holds a post today, including as a substitute."""
    on = on or timezone.localdate()
    own = Employee.objects.filter(_current_q(on), user=user).values_list(
        "position__org_unit_id", flat=True
    )
    absent_ids = substitution_absent_ids_for(user=user, on=on)
    acting = Employee.objects.filter(
        _current_q(on), user_id__in=absent_ids
    ).values_list("position__org_unit_id", flat=True)
    return frozenset(own) | frozenset(acting)


def employee_exists(
    *, user: User, org_unit_id: int, is_head: bool | None = None, on: date | None = None
) -> bool:
    """Whether ``user`` holds (or acts in) a post in the unit today."""
    on = on or timezone.localdate()
    people = {user.pk, *substitution_absent_ids_for(user=user, on=on)}
    employees = Employee.objects.filter(
        _current_q(on), user_id__in=people, position__org_unit_id=org_unit_id
    )
    if is_head is not None:
        employees = employees.filter(position__is_head=is_head)
    return employees.exists()


def substitution_absent_ids_for(
    *,
    user: User,
    on: date | None = None,
    scope: SubstitutionScope = SubstitutionScope.ALL,
) -> frozenset[int]:
    """Ids of the people ``user`` acts for on ``on`` within ``scope``.

    Kept on the user instance (one request's ``request.user``), as roles are:
    a page asks this for every rule it checks.
    """
    on = on or timezone.localdate()
    answers: dict[tuple[date, str], frozenset[int]] = user.__dict__.setdefault(
        "_hromada_acting_for", {}
    )
    key = (on, str(scope))
    if key not in answers:
        answers[key] = frozenset(
            Substitution.objects.filter(
                substitute=user,
                starts_on__lte=on,
                ends_on__gte=on,
                is_cancelled=False,
                scope__in={SubstitutionScope.ALL, scope},
            ).values_list("absent_id", flat=True)
        )
    return answers[key]


def substitution_list_current(*, on: date | None = None) -> QuerySet[Substitution]:
    """Substitutions in force on ``on``, with both people joined."""
    on = on or timezone.localdate()
    return Substitution.objects.filter(
        starts_on__lte=on, ends_on__gte=on, is_cancelled=False
    ).select_related("absent", "substitute")


def org_unit_descendant_ids(*, unit_ids: frozenset[int]) -> frozenset[int]:
    """The given units and every unit below them in the tree.

    The tree is small (tens of units), so one query reads all parent links.
    """
    children: dict[int, list[int]] = {}
    for pk, parent_id in OrgUnit.objects.values_list("pk", "parent_id"):
        if parent_id is not None:
            children.setdefault(parent_id, []).append(pk)
    found = set(unit_ids)
    stack = list(unit_ids)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)


def org_unit_ids_headed_by(*, user: User, on: date | None = None) -> frozenset[int]:
    """Units whose head post ``user`` holds or acts in today."""
    on = on or timezone.localdate()
    people = {user.pk, *substitution_absent_ids_for(user=user, on=on)}
    ids = Employee.objects.filter(
        _current_q(on), user_id__in=people, position__is_head=True
    ).values_list("position__org_unit_id", flat=True)
    return frozenset(ids)
