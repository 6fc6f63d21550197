"""Tremor-tolerant presses: a finger that bounces must not press twice.

A button fires when a finger lifts inside it (with a few mm of slack for a finger that
drifts); the app's `PressGuard` then ignores any other button's activation for
`refractory_ms` (default 300 ms, a player's setting), so a bounce or a tremor's second
touch does nothing. The guard is active while the app hands a touch to its scenes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

REFRACTORY_MS = 300.0
REFRACTORY_RANGE_MS = (0.0, 1500.0)


class PressGuard:
    """Allows one press, then none until `refractory_ms` have passed."""

    def __init__(self, refractory_ms: float = REFRACTORY_MS) -> None:
        self.refractory_ms = refractory_ms
        self._last_ms: float | None = None

    def remaining_ms(self, t_ms: float) -> float:
        """How long presses are still ignored at `t_ms` (0: a press counts)."""
        if self._last_ms is None or t_ms < self._last_ms:
            return 0.0
        return max(0.0, self._last_ms + self.refractory_ms - t_ms)

    def allow(self, t_ms: float) -> bool:
        """True (and the window starts again) if a press at `t_ms` counts."""
        if self.remaining_ms(t_ms) > 0.0:
            return False
        self._last_ms = t_ms
        return True


_active: PressGuard | None = None


@contextmanager
def guarding(guard: PressGuard) -> Iterator[PressGuard]:
    """Presses made inside the block go through `guard`."""
    global _active
    outer, _active = _active, guard
    try:
        yield guard
    finally:
        _active = outer


def press_allowed(t_ms: float) -> bool:
    """Whether a button may fire now (always, outside an app's dispatch)."""
    return _active is None or _active.allow(t_ms)
