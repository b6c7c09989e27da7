"""Demo accounts of people outside the council staff (demo mode only)."""

from django.db import transaction

from hromada.accounts import services
from hromada.accounts.models import PrivilegedCategory, User
from hromada.accounts.roles import Role
from hromada.core.demo import DemoContext

DEMO_DOMAIN = "vyshneve.example"

# (e-mail local part, surname, first name, patronymic, roles, superuser)
PEOPLE = [
    ("citizen", "Гнатюк", "Ярина", "Степанівна", {Role.CITIZEN}, False),
    ("business", "Остапчук", "Роман", "Ігорович", {Role.BUSINESS}, False),
    ("admin", "Адміністратор", "Системний", "", {Role.SYSTEM_ADMINISTRATOR}, True),
]


def demo_email(local: str) -> str:
    """The demo address of a role or person: ``mayor@vyshneve.example``."""
    return f"{local}@{DEMO_DOMAIN}"


@transaction.atomic
def load(context: DemoContext) -> None:
    """Create the citizen, business and superuser demo accounts once."""
    if User.objects.filter(email=demo_email("admin")).exists():
        return
    for local, last, first, patronymic, roles, superuser in PEOPLE:
        user = services.user_create(
            actor=None,
            email=demo_email(local),
            password=None,
            password_hash=context.password_hash,
            last_name=last,
            first_name=first,
            patronymic=patronymic,
            roles=frozenset(roles),
            email_verified=True,
            is_superuser=superuser,
        )
        if Role.CITIZEN in roles:
            services.citizen_profile_update(
                user=user,
                actor=user,
                last_name=last,
                first_name=first,
                patronymic=patronymic,
                address="вул. Садова, 12, кв. 5, м. Вишневе, 08132",
                phone="+380671234567",
                privileged_category=PrivilegedCategory.IDP,
            )
    context.log.append(f"accounts: {len(PEOPLE)} demo accounts")
