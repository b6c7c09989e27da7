"""The current request's actor address, for audit events written deep down.

Services are called from views, tasks and commands alike; only a view knows
the client's IP, so the middleware puts it here for the request's duration.
"""

from contextvars import ContextVar

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)
