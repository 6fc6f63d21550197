"""Turn the dial: thumb and index on the dial turn it (the line between them turns it, as
a key or a jar lid) to the target angle and hold it there for `hold_ms`. Leaving the
target window starts the hold again; a finger off the dial leaves it where it is. The
hold's wobble is the RMS about its mean over the hold's second half, once it has settled
(the first half may still be coming in from the window's edge)."""

from __future__ import annotations

from typing import Any

from engine.input.gestures import pose_between
from engine.input.rotation import RotationTracker
from engine.touch import Touch
from games.turn.measures import rms_about_mean
from games.turn.tasks.base import Task, near

NAN = float("nan")


class DialTask(Task):
    kind = "dial"
    needs = 2

    def __init__(self, *args: Any, angle_deg: float = 90.0) -> None:
        super().__init__(*args)
        self.radius = min(self.param("dial_mm"), self.board.room_h - 2.0)
        self.angle = angle_deg
        self.target = self.sign * angle_deg
        self.tolerance = self.param("tolerance_deg")
        self.turned = 0.0            # the dial's angle from where it started (clockwise +)
        self._base = 0.0             # the angle when the fingers last took hold
        self._tracker = RotationTracker(min_aperture_mm=5.0)
        self.peak = 0.0              # furthest turned the asked way
        self.first_reach_ms: float | None = None
        self.reach_progress = NAN
        self.hold_start_ms: float | None = None
        self.hold: list[tuple[float, float]] = []   # (t, angle) since the hold began
        self.slips = 0               # out of the window during a hold

    @property
    def label(self) -> str:
        return f"{self.target:+.0f}°"

    @property
    def inside(self) -> bool:
        return abs(self.turned - self.target) <= self.tolerance

    def accepts(self, touch: Touch) -> bool:
        return near((touch.x_mm, touch.y_mm), self.centre, self.radius)

    def gripped(self, t_ms: float) -> None:
        self._base = self.turned
        self._tracker.reset()
        self._turn(t_ms)

    def moved(self, touch: Touch) -> str | None:
        self._turn(touch.t_ms)
        return None

    def _turn(self, t_ms: float) -> None:
        first, second = self.points.values()
        rotation = self._tracker.feed(pose_between(first, second))
        self.turned = self._base + rotation.turned_deg
        progress = self.turned * self.sign
        self.peak = max(self.peak, progress)
        if self.inside:
            if self.first_reach_ms is None:
                self.first_reach_ms, self.reach_progress = t_ms, progress
            if self.hold_start_ms is None:
                self.hold_start_ms, self.hold = t_ms, []
                self.wake_ms = t_ms + self.param("hold_ms")
            self.hold.append((t_ms, self.turned))
        elif self.hold_start_ms is not None:
            self._lose_hold()
            self.slips += 1

    def _lose_hold(self) -> None:
        self.hold_start_ms, self.wake_ms, self.hold = None, None, []

    def let_go(self, touch: Touch) -> str | None:
        self._lose_hold()
        return None

    def wake(self, t_ms: float) -> str | None:
        if self.hold_start_ms is None or t_ms < self.hold_start_ms + self.param("hold_ms"):
            return None
        self.hold.append((t_ms, self.turned))   # held still to the end: its last sample
        return "done"

    def _wobble(self) -> float:
        """RMS about the mean over the hold's second half."""
        assert self.hold_start_ms is not None
        settled = self.hold_start_ms + self.param("hold_ms") / 2
        return rms_about_mean([a for t, a in self.hold if t >= settled] or [self.hold[-1][1]])

    def timeout(self) -> str:
        return "not_held" if self.first_reach_ms is not None else "not_reached"

    def measures(self, t_ms: float) -> dict[str, Any]:
        start = self.started_ms
        reach = None if self.first_reach_ms is None or start is None else \
            self.first_reach_ms - start
        held = self.wake_ms is not None and self.hold_start_ms is not None and \
            t_ms >= self.wake_ms
        return {
            "direction": self.direction, "target_deg": self.angle,
            "tolerance_deg": self.tolerance,
            "time_to_target_ms": reach,
            "turn_speed_deg_s": self.reach_progress / reach * 1000.0 if reach else None,
            "overshoot_deg": max(0.0, self.peak - self.angle)
            if self.first_reach_ms is not None else None,
            "reached_deg": self.peak, "turned_deg": self.turned * self.sign,
            "hold_rms_deg": self._wobble() if held else None,
            "slips": self.slips,
        }

