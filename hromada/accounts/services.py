"""Writes about users: profiles, roles, and audited reads of personal data."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from hromada.accounts import events, permissions
from hromada.accounts.models import CitizenProfile, PrivilegedCategory, User
from hromada.accounts.roles import Role
from hromada.core.audit import audit_record
from hromada.core.errors import ApplicationError, PermissionDeniedError


def _role_groups(roles: frozenset[Role]) -> list[Group]:
    # The groups come from a data migration; get_or_create also covers a
    # database flushed by transactional tests or restored without them.
    return [Group.objects.get_or_create(name=role.value)[0] for role in sorted(roles)]


@transaction.atomic
def citizen_profile_update(
    *,
    user: User,
    actor: User,
    last_name: str,
    first_name: str,
    patronymic: str,
    address: str,
    phone: str,
    privileged_category: str,
) -> CitizenProfile:
    """Save a citizen's own name and contact details.

    Only the citizen edits their profile; the audit event names the changed
    fields, never their values (personal data stays out of the log). A
    submit that changes nothing writes nothing.
    """
    if actor.pk != user.pk or not actor.is_active:
        raise PermissionDeniedError(_("Only the citizen can change their own profile."))
    user = User.objects.select_for_update().get(pk=user.pk)
    profile, _created = CitizenProfile.objects.get_or_create(user=user)
    profile = CitizenProfile.objects.select_for_update().get(pk=profile.pk)
    new_user = {
        "last_name": last_name,
        "first_name": first_name,
        "patronymic": patronymic,
    }
    new_profile = {
        "address": address,
        "phone": phone,
        "privileged_category": PrivilegedCategory(privileged_category),
    }
    changed = [k for k, v in new_user.items() if getattr(user, k) != v]
    changed += [k for k, v in new_profile.items() if getattr(profile, k) != v]
    if not changed:
        return profile  # a repeated submit changes nothing and logs nothing
    for key, value in new_user.items():
        setattr(user, key, value)
    for key, value in new_profile.items():
        setattr(profile, key, value)
    user.save(update_fields=[*new_user, "updated_at"])
    profile.save(update_fields=[*new_profile, "updated_at"])
    audit_record(
        actor=actor,
        action="accounts.profile_update",
        target=profile,
        data={"fields": sorted(changed)},
    )
    if set(changed) & set(new_user):
        events.user_renamed.send_on_commit(events.UserRenamed(user_id=user.pk))
    return profile


@transaction.atomic
def citizen_profile_read(
    *, profile: CitizenProfile, reader: User, purpose: str
) -> CitizenProfile:
    """Record that a staff member opened a citizen's personal card.

    DOMAIN.md SEC-03: every staff read of personal data is logged with who,
    what, when and why; the citizen's own reads are not logged.
    """
    if reader.pk == profile.user_id:
        return profile
    if not (permissions.can_use_cabinet(reader) or reader.is_superuser):
        raise PermissionDeniedError(_("Only council staff may open a citizen's card."))
    audit_record(
        actor=reader,
        action="accounts.profile_read",
        target=profile,
        data={"purpose": purpose},
    )
    return profile


@transaction.atomic
def user_roles_set(*, user: User, roles: frozenset[Role], actor: User | None) -> User:
    """Give ``user`` exactly ``roles``; ``actor=None`` is a loader or command.

    System administrators and superusers assign roles.
    """
    if actor is not None and not (
        permissions.is_system_administrator(actor) or actor.is_superuser
    ):
        raise PermissionDeniedError(_("Only a system administrator assigns roles."))
    user = User.objects.select_for_update().get(pk=user.pk)
    before = set(user.groups.values_list("name", flat=True))
    wanted = {role.value for role in roles}
    if before == wanted:
        return user
    user.groups.set(_role_groups(frozenset(Role(name) for name in wanted)))
    audit_record(
        actor=actor,
        action="accounts.roles_set",
        target=user,
        data={"added": sorted(wanted - before), "removed": sorted(before - wanted)},
    )
    return user


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    email: str,
    password: str | None,
    last_name: str = "",
    first_name: str = "",
    patronymic: str = "",
    roles: frozenset[Role] = frozenset(),
    email_verified: bool = False,
    is_superuser: bool = False,
    password_hash: str | None = None,
) -> User:
    """Create an account, e.g. for an employee; ``actor=None`` is the system.

    Citizens sign up through allauth instead. A verified address lets the
    person sign in at once (mandatory verification is otherwise enforced).
    ``password_hash`` (an already hashed password) spares the demo loader
    hashing the same password a hundred times.
    """
    if actor is not None and not (
        permissions.is_system_administrator(actor) or actor.is_superuser
    ):
        raise PermissionDeniedError(_("Only a system administrator creates accounts."))
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ApplicationError(
            _("An account with this e-mail address already exists."), code="email_taken"
        )
    user = User.objects.create_user(
        email,
        password,
        last_name=last_name,
        first_name=first_name,
        patronymic=patronymic,
        is_staff=is_superuser,
        is_superuser=is_superuser,
    )
    if password_hash is not None:
        user.password = password_hash
        user.save(update_fields=["password"])
    EmailAddress.objects.create(
        user=user, email=email, primary=True, verified=email_verified
    )
    if roles:
        user.groups.set(_role_groups(roles))
    audit_record(
        actor=actor,
        action="accounts.user_create",
        target=user,
        data={"roles": sorted(r.value for r in roles), "superuser": is_superuser},
    )
    return user
