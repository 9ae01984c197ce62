"""Slowing down password guessing: accounts lock after failed logins in a row, and an
address that keeps failing is told to wait (429).

Account locks live in the database (`server_user.failed_logins`, `locked_until`), so
every server process and a restart see them. Every FAILURES_PER_LOCK failures in a
row lock the account, for 5 minutes the first time and twice as long each further
time, up to an hour; a success or an administrator's `unlock-user` resets it. While
locked, even the right password is refused, and attempts do not count further.

The per-address limit is kept in memory (one process's view; run several workers and
each keeps its own): a sliding window of *failed* attempts, so an office where fifty
people log in at eight through one address is not held up, while a guesser is.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from .models import User

FAILURES_PER_LOCK = 5
FIRST_LOCK = timedelta(minutes=5)
LONGEST_LOCK = timedelta(minutes=60)


def lock_length(failures: int) -> timedelta:
    """How long the lock earned by `failures` failures in a row lasts (a multiple of
    FAILURES_PER_LOCK): 5, 10, 20, 40, 60, 60 … minutes."""
    doublings = max(failures // FAILURES_PER_LOCK - 1, 0)
    return min(FIRST_LOCK * 2 ** min(doublings, 10), LONGEST_LOCK)


def locked_for(user: User, now: datetime) -> timedelta | None:
    """How long the account stays locked, or None if it is not."""
    if user.locked_until is None or user.locked_until <= now:
        return None
    return user.locked_until - now


def count_failure(user: User, now: datetime) -> timedelta | None:
    """One more wrong password; returns the lock it earned, if this failure locked it."""
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins % FAILURES_PER_LOCK:
        return None
    length = lock_length(user.failed_logins)
    user.locked_until = now + length
    return length


def reset(user: User) -> None:
    """A right password (or an administrator) clears the count and any lock."""
    user.failed_logins = 0
    user.locked_until = None


def minutes(wait: timedelta | float) -> int:
    """A wait in whole minutes, rounded up, at least one (for messages)."""
    seconds = wait.total_seconds() if isinstance(wait, timedelta) else wait
    return max(1, math.ceil(seconds / 60))


@dataclass
class AddressGuard:
    """Failed attempts per client address in the last `window` seconds."""

    limit: int
    window: float = 60.0

    def __post_init__(self) -> None:
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()  # sync endpoints run in a thread pool

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self._failures.get(address)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[address]
        return times

    def retry_after(self, address: str) -> int | None:
        """Seconds until `address` may try again, or None if it may now."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(address, now)
            if len(times) < self.limit:
                return None
            return max(1, math.ceil(times[-self.limit] + self.window - now))

    def failed(self, address: str) -> bool:
        """Count one failure; True if it used up the address's allowance just now."""
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 10_000:  # a flood of addresses: drop the stale ones
                for stale in list(self._failures):
                    self._recent(stale, now)
            times = self._failures.setdefault(address, self._recent(address, now))
            times.append(now)
            return len(times) == self.limit
