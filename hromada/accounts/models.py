"""Users (e-mail login), citizen profiles and API tokens."""

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hromada.core.models import BaseModel


class UserManager(BaseUserManager["User"]):
    """Creates users keyed by a normalised e-mail address."""

    use_in_migrations = True

    def create_user(
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        """Create an active user; a ``None`` password makes it unusable."""
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        """Create a superuser for the Django admin."""
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin, BaseModel):
    """A person who signs in with an e-mail address.

    ``is_staff`` only opens the Django admin; cabinet access comes from roles.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    last_name = models.CharField(_("surname"), max_length=150, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("admin site access"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        """Name as written on documents: surname, name, patronymic."""
        return " ".join(
            p for p in (self.last_name, self.first_name, self.patronymic) if p
        )

    def get_short_name(self) -> str:
        """Name and surname, as in a greeting or a staff list."""
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.email


class PrivilegedCategory(models.TextChoices):
    """Categories entitled to priority handling (пільгові категорії)."""

    NONE = "", _("None")
    WAR_VETERAN = "war_veteran", _("War veteran or combatant")
    WAR_DISABLED = "war_disabled", _("Person with disability due to war")
    DISABLED_I_II = "disabled_i_ii", _("Person with disability, group I or II")
    CHERNOBYL = "chernobyl", _("Chornobyl disaster victim")
    LARGE_FAMILY = "large_family", _("Parent of a large family")
    IDP = "idp", _("Internally displaced person")
    HERO = "hero", _("Hero of Ukraine")
    FAMILY_OF_FALLEN = "family_of_fallen", _("Family member of a fallen defender")


class CitizenProfile(BaseModel):
    """A citizen's contact details; personal data, shown only to its owner.

    Staff reads are audited (DOMAIN.md SEC-03).
    """

    user = models.OneToOneField(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="citizen_profile",
    )
    address = models.CharField(_("postal address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    privileged_category = models.CharField(
        _("privileged category"),
        max_length=32,
        choices=PrivilegedCategory,
        blank=True,
        default=PrivilegedCategory.NONE,
    )

    class Meta:
        verbose_name = _("citizen profile")
        verbose_name_plural = _("citizen profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(privileged_category__in=PrivilegedCategory.values),
                name="accounts_citizenprofile_category_known",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)
