"""Events the accounts room announces to the rooms above it."""

from dataclasses import dataclass

from hromada.core.events import EventChannel


@dataclass(frozen=True, kw_only=True, slots=True)
class UserRenamed:
    """A user's surname, first name or patronymic changed."""

    user_id: int


user_renamed = EventChannel[UserRenamed]("accounts.user_renamed")
