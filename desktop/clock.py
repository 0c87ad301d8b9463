"""The one place the application reads the time, so tests can fix it."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Wall-clock time; stored instants are UTC, calendar days are the office's local day."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.datetime.now().astimezone().date()


class FixedClock:
    """A clock that only moves when told to (tests, screenshots, demo data)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.UTC)
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def today(self) -> dt.date:
        return self._at.date()

    def advance(self, delta: dt.timedelta) -> None:
        self._at += delta


_clock: Clock = SystemClock()


def clock() -> Clock:
    return _clock


def set_clock(new: Clock) -> Clock:
    """Replace the process clock; returns the previous one so callers can restore it."""
    global _clock
    previous, _clock = _clock, new
    return previous


def utcnow() -> dt.datetime:
    return _clock.now()


def today() -> dt.date:
    return _clock.today()
