"""Scripted touches that read like a story: `finger(1).down(40, 30).move_to(80, 30, ms=300).up()`.

Used by tests and by the simulated patients. Times are ms, positions mm.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence

from engine.touch import Phase, Touch

SAMPLE_MS = 8.0
"""Moves are sampled every 8 ms, like a 125 Hz touch panel."""


class FingerScript:
    """One finger's story. Each call appends touches and moves the script's clock forward."""

    def __init__(self, finger: int, at_ms: float = 0.0, sample_ms: float = SAMPLE_MS) -> None:
        self.finger = finger
        self.t_ms = float(at_ms)
        self.sample_ms = sample_ms
        self.touches: list[Touch] = []
        self._x = math.nan
        self._y = math.nan

    def at(self, t_ms: float) -> FingerScript:
        """Continue at absolute time `t_ms`."""
        self.t_ms = float(t_ms)
        return self

    def wait(self, ms: float) -> FingerScript:
        self.t_ms += ms
        return self

    def down(self, x_mm: float, y_mm: float) -> FingerScript:
        self._x, self._y = x_mm, y_mm
        self.touches.append(Touch(self.finger, Phase.DOWN, x_mm, y_mm, self.t_ms))
        return self

    def hold(self, ms: float) -> FingerScript:
        """Stay down without moving for `ms`."""
        return self.wait(ms)

    def move_to(self, x_mm: float, y_mm: float, ms: float = 100.0) -> FingerScript:
        """Slide in a straight line to (x, y) over `ms`, sampled every `sample_ms`."""
        return self.path([(x_mm, y_mm)], ms)

    def path(self, points: Sequence[tuple[float, float]], ms: float) -> FingerScript:
        """Slide through `points` at constant speed, taking `ms` in all."""
        xs = [self._x, *(p[0] for p in points)]
        ys = [self._y, *(p[1] for p in points)]
        seg = [math.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]) for i in range(len(points))]
        total = sum(seg) or 1.0
        steps = max(1, round(ms / self.sample_ms))
        start = self.t_ms
        for k in range(1, steps + 1):
            x, y = _along(xs, ys, seg, total * k / steps)
            self.touches.append(Touch(self.finger, Phase.MOVE, x, y, start + ms * k / steps))
        self._x, self._y = xs[-1], ys[-1]
        self.t_ms = start + ms
        return self

    def samples(self, points: Iterable[tuple[float, float, float]]) -> FingerScript:
        """Moves at given (x, y, t) samples."""
        for x, y, t in points:
            self._x, self._y, self.t_ms = x, y, t
            self.touches.append(Touch(self.finger, Phase.MOVE, x, y, t))
        return self

    def up(self) -> FingerScript:
        self.touches.append(Touch(self.finger, Phase.UP, self._x, self._y, self.t_ms))
        return self

    def tap(self, x_mm: float, y_mm: float, hold_ms: float = 80.0) -> FingerScript:
        return self.down(x_mm, y_mm).hold(hold_ms).up()


def finger(n: int, at: float = 0.0) -> FingerScript:
    """Start a story for finger `n` at time `at` ms."""
    return FingerScript(n, at)


def merge(*scripts: FingerScript | Iterable[Touch]) -> list[Touch]:
    """Interleave several fingers' touches in time order (stable for equal times)."""
    streams = [s.touches if isinstance(s, FingerScript) else list(s) for s in scripts]
    return list(heapq.merge(*streams, key=lambda touch: touch.t_ms))


def _along(xs: list[float], ys: list[float], seg: list[float],
           distance: float) -> tuple[float, float]:
    for i, length in enumerate(seg):
        if distance <= length or i == len(seg) - 1:
            f = 0.0 if length == 0 else min(distance / length, 1.0)
            return (xs[i] + f * (xs[i + 1] - xs[i]), ys[i] + f * (ys[i + 1] - ys[i]))
        distance -= length
    return (xs[-1], ys[-1])
