"""Counting attempts per key in the cache, for limits like "10 per minute from one address".

The counter lives in the default cache: shared between processes only when that cache is
(Redis in production, see docs/configuration.md); the local-memory cache of a one-process
demo counts per process.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts per `period` seconds for each key, e.g. Limit.parse("10/m")."""

    name: str
    count: int
    period: int

    @classmethod
    def parse(cls, name: str, rate: str) -> Limit:
        count, _slash, unit = rate.partition("/")
        return cls(name, int(count), PERIODS[unit[:1]])

    def _key(self, key: str) -> str:
        return f"sigap:limit:{self.name}:{key}"

    def reached(self, key: str) -> bool:
        """Whether the attempts of `key` in the current period used up the limit."""
        return int(cache.get(self._key(key), 0)) >= self.count

    def add(self, key: str) -> int:
        """Count one attempt of `key`; returns the attempts so far in this period."""
        full = self._key(key)
        cache.add(full, 0, self.period)
        try:
            return int(cache.incr(full))
        except ValueError:  # expired between add and incr
            cache.set(full, 1, self.period)
            return 1

    def take(self, key: str) -> bool:
        """Count an attempt if the limit allows it: True when it may go ahead."""
        if self.reached(key):
            return False
        self.add(key)
        return True
