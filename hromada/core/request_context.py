"""What one request carries down to code that has no request in hand.

Services are called from views, tasks and commands alike; only a view knows
the client's IP, so the middleware puts it here for the request's duration.

``request_memo`` keeps a value computed once per request, such as the
cabinet menu's counters that two menu entries share. Outside a request
(tasks, commands, tests calling a selector) nothing is kept: every call
computes afresh, so a value never outlives the request that asked for it.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar, Token
from typing import Any, TypeVar

T = TypeVar("T")

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)
_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("request_memo", default=None)


def request_memo(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per request for ``key``; always outside one."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    value: T = memo[key]
    return value


MemoToken = Token[dict[Hashable, Any] | None]


def request_memo_start() -> MemoToken:
    """Open an empty memo for the request; returns the token to close it."""
    return _memo.set({})


def request_memo_end(token: MemoToken) -> None:
    """Drop the request's memo (the token from ``request_memo_start``)."""
    _memo.reset(token)
