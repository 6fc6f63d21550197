"""Clocks. One clock is injected everywhere; nothing in a model reads the wall clock.

Two kinds: a `Clock` gives monotonic milliseconds (durations, model time); a `WallClock`
gives the calendar time for labels and dates. `system_time` is the only reader of the
real calendar time; everything else is handed a wall clock (the store keeps one).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Monotonic milliseconds since an arbitrary origin."""

    def now_ms(self) -> float: ...


class MonotonicClock:
    """The real clock: `time.perf_counter_ns`, zero at construction."""

    def __init__(self) -> None:
        self._origin_ns = time.perf_counter_ns()

    def now_ms(self) -> float:
        return (time.perf_counter_ns() - self._origin_ns) / 1e6


class ManualClock:
    """A clock that only moves when told to (tests, replays, simulations)."""

    def __init__(self, t_ms: float = 0.0) -> None:
        self.t_ms = float(t_ms)

    def now_ms(self) -> float:
        return self.t_ms

    def advance(self, ms: float) -> float:
        """Move forward by `ms` (never backward) and return the new time."""
        self.t_ms += max(0.0, float(ms))
        return self.t_ms

    def set(self, t_ms: float) -> None:
        """Jump to `t_ms` if it is later than now."""
        self.t_ms = max(self.t_ms, float(t_ms))


WallClock = Callable[[], datetime]
"""The calendar time (an aware `datetime`): only for labels, dates and file names, never
for durations (those come from a `Clock`)."""


def system_time() -> datetime:
    """The real wall clock in the machine's own zone: the one place that reads it."""
    return datetime.now().astimezone()


class SetWallClock:
    """A wall clock that shows whatever it was last set to (simulations, demos, tests)."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a wall clock needs a time with its UTC offset")
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("a wall clock needs a time with its UTC offset")
        self.at = at

    def advance(self, by: timedelta) -> datetime:
        self.at += by
        return self.at
