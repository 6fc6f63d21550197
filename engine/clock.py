"""Clocks. One clock is injected everywhere; nothing in a model reads the wall clock."""

from __future__ import annotations

import time
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
