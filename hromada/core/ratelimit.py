"""A fixed-window counter of attempts, kept in the cache.

Public forms (an appeal, a petition signature) take attempts from people
who have not signed in; a burst from one address or one account is a
script, not a citizen. The counter lives in the cache: Redis in production,
so every web machine counts together; the process's memory embedded.
Keys are hashed, so no IP address is kept in the cache in plain text.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from hromada.core.errors import RateLimitedError


@dataclass(frozen=True, kw_only=True, slots=True)
class RateLimit:
    """At most ``limit`` attempts of one key within ``window_seconds``."""

    scope: str
    limit: int
    window_seconds: int


def _cache_key(rate: RateLimit, key: str) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"ratelimit:{rate.scope}:{rate.window_seconds}:{digest}"


def rate_limit_check(*, rates: tuple[RateLimit, ...], keys: tuple[str, ...]) -> None:
    """Refuse politely if any key has used up any of the ``rates``.

    Counts nothing: call ``rate_limit_count`` once the attempt succeeded,
    so that a form sent back with an error does not use up the allowance.
    Empty keys (no account, no address) are skipped.
    """
    limits = {
        _cache_key(rate, key): rate.limit
        for rate in rates
        for key in filter(None, keys)
    }
    counts = cache.get_many(list(limits))  # one round trip to the cache
    for cache_key, limit in limits.items():
        if (counts.get(cache_key) or 0) >= limit:
            raise RateLimitedError(
                _(
                    "We have received several submissions from you in a "
                    "short time. Please try again later, or call the "
                    "city contact centre."
                )
            )


def rate_limit_count(*, rates: tuple[RateLimit, ...], keys: tuple[str, ...]) -> None:
    """Count one successful attempt of each key against each rate."""
    for rate in rates:
        for key in filter(None, keys):
            cache_key = _cache_key(rate, key)
            # add() starts the window only if it is not running yet.
            if not cache.add(cache_key, 1, timeout=rate.window_seconds):
                try:
                    cache.incr(cache_key)
                except ValueError:
                    # The window ended between add() and incr().
                    cache.add(cache_key, 1, timeout=rate.window_seconds)
