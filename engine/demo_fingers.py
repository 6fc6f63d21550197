"""Where the fingers of a demonstration are at a moment: on the screen (a touch is down),
or in the air on their way from one touch to the next, so the drawn hand moves calmly
between targets instead of blinking from one to the other."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from engine.touch import Phase, Touch

APPROACH_MS = 700.0     # a finger comes into view this long before its first touch
LINGER_MS = 600.0       # and stays this long after its last
TRAVEL_MS = 2500.0      # a finger lifted for longer than this leaves and comes back


@dataclass(frozen=True)
class FingerAt:
    finger: int
    x_mm: float
    y_mm: float
    down: bool


class FingerTimeline:
    """Each finger's touches in time order, to ask where it is at any time."""

    def __init__(self, touches: Sequence[Touch]) -> None:
        self._by_finger: dict[int, list[Touch]] = {}
        for touch in sorted(touches, key=lambda e: e.t_ms):
            self._by_finger.setdefault(touch.finger, []).append(touch)
        self._times = {f: [e.t_ms for e in path] for f, path in self._by_finger.items()}

    def at(self, t_ms: float) -> list[FingerAt]:
        """The fingers in view at `t_ms` (down, or in the air near a touch)."""
        shown: list[FingerAt] = []
        for finger, path in self._by_finger.items():
            spot = _where(path, self._times[finger], t_ms)
            if spot is not None:
                shown.append(FingerAt(finger, spot[0], spot[1], spot[2]))
        return shown


def _where(path: list[Touch], times: list[float], t_ms: float
           ) -> tuple[float, float, bool] | None:
    i = bisect_right(times, t_ms)
    before = path[i - 1] if i else None
    after = path[i] if i < len(path) else None
    if before is not None and before.phase is not Phase.UP:
        return before.x_mm, before.y_mm, True
    if after is None:
        if before is not None and t_ms - before.t_ms <= LINGER_MS:
            return before.x_mm, before.y_mm, False
        return None
    if before is None:
        return (after.x_mm, after.y_mm, False) if after.t_ms - t_ms <= APPROACH_MS else None
    gap = after.t_ms - before.t_ms
    if gap > TRAVEL_MS:
        if t_ms - before.t_ms <= LINGER_MS:
            return before.x_mm, before.y_mm, False
        return (after.x_mm, after.y_mm, False) if after.t_ms - t_ms <= APPROACH_MS else None
    share = _ease((t_ms - before.t_ms) / gap if gap > 0 else 1.0)
    return (before.x_mm + (after.x_mm - before.x_mm) * share,
            before.y_mm + (after.y_mm - before.y_mm) * share, False)


def _ease(share: float) -> float:
    """Slow out, slow in: a calm movement."""
    s = min(max(share, 0.0), 1.0)
    return s * s * (3.0 - 2.0 * s)
