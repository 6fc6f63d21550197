"""Keep the set of fingers down consistent, whatever the device sends.

Pure code: no pygame. Raw finger reports come in with any hashable key (SDL's
(touch_id, finger_id), or the mouse); consistent `Touch` values come out:

- keys are mapped to small finger ids (1, 2, ...), reused once a finger lifts;
- a move or up for a finger that is not down is dropped;
- a down for a finger that is already down lifts the old one first;
- NaN or infinite coordinates are replaced by the finger's last position
  (a down with no usable position is dropped);
- positions are clamped to the board; time never runs backwards.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

from engine.touch import MOUSE_FINGER, Phase, Touch

MOUSE_KEY = "mouse"


@dataclass
class _Finger:
    finger: int
    x_mm: float
    y_mm: float


class FingerTracker:
    """Turns raw finger reports into a consistent stream of `Touch` values."""

    def __init__(self, width_mm: float, height_mm: float, max_fingers: int = 20) -> None:
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.max_fingers = max_fingers
        self._down: dict[Hashable, _Finger] = {}
        self._last_t = -math.inf
        self.most_fingers = 0
        """The most real fingers (not the mouse) seen down at once."""

    @property
    def fingers_down(self) -> frozenset[int]:
        """The ids of the fingers currently down."""
        return frozenset(f.finger for f in self._down.values())

    @property
    def touching(self) -> bool:
        """True while any real finger (not the mouse) is down."""
        return any(key != MOUSE_KEY for key in self._down)

    def resize(self, width_mm: float, height_mm: float) -> None:
        self.width_mm, self.height_mm = width_mm, height_mm

    def report(self, key: Hashable, phase: Phase, x_mm: float, y_mm: float,
               t_ms: float) -> list[Touch]:
        """Feed one raw report; returns the touches it produces (zero, one or two)."""
        t = self._time(t_ms)
        current = self._down.get(key)
        if phase is Phase.DOWN:
            out: list[Touch] = []
            if current is not None:
                out.append(self._lift(key, current, current.x_mm, current.y_mm, t))
            if not (_finite(x_mm) and _finite(y_mm)) or len(self._down) >= self.max_fingers:
                return out
            finger = MOUSE_FINGER if key == MOUSE_KEY else self._free_id()
            x, y = self._clamp(x_mm, y_mm)
            self._down[key] = _Finger(finger, x, y)
            if key != MOUSE_KEY:
                self.most_fingers = max(self.most_fingers,
                                        sum(k != MOUSE_KEY for k in self._down))
            out.append(Touch(finger, Phase.DOWN, x, y, t))
            return out
        if current is None:
            return []
        x, y = self._clamp(x_mm if _finite(x_mm) else current.x_mm,
                           y_mm if _finite(y_mm) else current.y_mm)
        if phase is Phase.UP:
            return [self._lift(key, current, x, y, t)]
        if (x, y) == (current.x_mm, current.y_mm):
            return []
        current.x_mm, current.y_mm = x, y
        return [Touch(current.finger, Phase.MOVE, x, y, t)]

    def lift_all(self, t_ms: float) -> list[Touch]:
        """Lift every finger (window lost focus, touch device reset)."""
        t = self._time(t_ms)
        return [self._lift(key, f, f.x_mm, f.y_mm, t) for key, f in list(self._down.items())]

    def _lift(self, key: Hashable, finger: _Finger, x: float, y: float, t: float) -> Touch:
        del self._down[key]
        return Touch(finger.finger, Phase.UP, x, y, t)

    def _free_id(self) -> int:
        used = self.fingers_down
        return next(i for i in range(1, self.max_fingers + 2) if i not in used)

    def _time(self, t_ms: float) -> float:
        if _finite(t_ms) and t_ms > self._last_t:
            self._last_t = float(t_ms)
        elif not math.isfinite(self._last_t):
            self._last_t = 0.0
        return self._last_t

    def _clamp(self, x: float, y: float) -> tuple[float, float]:
        return (min(max(float(x), 0.0), self.width_mm), min(max(float(y), 0.0), self.height_mm))


def _finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except TypeError:
        return False
