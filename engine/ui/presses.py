"""Tremor-tolerant presses: a finger that bounces must not press twice.

A button fires when a finger lifts inside it (with a few mm of slack for a finger that
drifts); the app's `PressGuard` then ignores any other button's activation for
`refractory_ms` (default 300 ms, a player's setting), so a bounce or a tremor's second
touch does nothing. The keys of a keyboard or keypad are guarded against their own repeat
only ("Roose" for "Rose"), so that typing at a steady pace loses no letter. The guard is
active while the app hands a touch to its scenes.
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
        self._keys: dict[int, float] = {}

    def remaining_ms(self, t_ms: float, key: object | None = None) -> float:
        """How long presses (of `key` only, for a key) are still ignored at `t_ms`."""
        last = self._last_ms if key is None else self._keys.get(id(key))
        if last is None or t_ms < last:
            return 0.0
        return max(0.0, last + self.refractory_ms - t_ms)

    def allow(self, t_ms: float, key: object | None = None) -> bool:
        """True (and the window starts again) if a press at `t_ms` counts; a `key` is held
        back only by its own last press."""
        if self.remaining_ms(t_ms, key) > 0.0:
            return False
        self._last_ms = t_ms
        if key is not None:
            self._keys[id(key)] = t_ms
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


def press_allowed(t_ms: float, key: object | None = None) -> bool:
    """Whether a button (a keyboard's `key`) may fire now (always, outside a dispatch)."""
    return _active is None or _active.allow(t_ms, key)
