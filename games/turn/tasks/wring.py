"""Wring the towel: one contact on each end of the towel (two hands, or thumb and index)
turn about its centre in opposite directions, back and forth, as when wringing a cloth:
both ends go down together, then both up. Each contact's angle about the centre is
measured; a leg, from one turning point to the next, counts when both turned at least
`amplitude_deg` in opposite ways (the first, from rest, is only half a swing: it neither
counts nor is measured). An amplitude is peak to peak: a swing of 30 degrees either way
is 60."""

from __future__ import annotations

import math
from typing import Any

from engine.touch import Touch
from games.turn.angles import Around, Point, Swing, Turnarounds
from games.turn.measures import cycle_amplitudes, per_minute, wringing
from games.turn.tasks.base import Task, near, on_circle

GRIP_MM = 9.0          # the drawn grip at each end
TURN_DEG = 8.0         # the twist turned back once it came back this far


class WringTask(Task):
    kind = "wring"
    needs = 2

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.radius = min(self.param("ring_mm"), self.board.room_h - 4.0,
                          self.board.room_w - 4.0)
        self.amplitude = self.param("amplitude_deg")
        self.goal = int(self.param("cycles"))
        self.ends: dict[str, int] = {}           # "left"/"right" -> touch id
        self.around: dict[str, Around] = {}
        self.turns = Turnarounds(TURN_DEG)
        self.legs: list[Swing] = []              # the legs that counted
        self.turned_back = 0                     # of them, those that turned back (whole)
        self.tried = 0                           # legs, counted or not
        self.angles: dict[str, float] = {"left": 0.0, "right": 0.0}   # turned, each end

    @property
    def label(self) -> str:
        return ""

    def grip(self, end: str) -> Point:
        """Where an end's grip is now: it turns round the centre with its contact."""
        start = 180.0 if end == "left" else 0.0
        return on_circle(self.centre, self.radius, start + self.angles[end])

    @property
    def cycles(self) -> int:
        return len(self.legs) // 2

    def accepts(self, touch: Touch) -> bool:
        """A finger takes the nearest free grip it is on (where the grips have turned to:
        an end picked up again after twisting past the vertical is still that end)."""
        point = (touch.x_mm, touch.y_mm)
        free = [e for e in ("left", "right") if e not in self.ends and
                near(point, self.grip(e), GRIP_MM)]
        if not free:
            return False
        self.ends[min(free, key=lambda e: math.dist(point, self.grip(e)))] = touch.finger
        return True

    def gripped(self, t_ms: float) -> None:
        for end, finger in self.ends.items():
            point = self.points[finger]
            if end in self.around:
                self.around[end].feed(point)
            else:
                self.around[end] = Around(self.centre, point)
        self._twist(t_ms)

    def moved(self, touch: Touch) -> str | None:
        for end, finger in self.ends.items():
            self.around[end].feed(self.points[finger])
        return self._twist(touch.t_ms)

    def _twist(self, t_ms: float) -> str | None:
        for end, around in self.around.items():
            self.angles[end] = around.angle.turned
        left, right = self.angles["left"], self.angles["right"]
        leg = self.turns.feed(t_ms, right - left, (left, right))
        if leg is not None:
            self.tried += 1
            if self.tried > 1 and self._counts(leg):   # the first leg, from rest: not
                self.legs.append(leg)
                self.turned_back = len(self.legs)
        under_way = self.turns.finish()
        if self.tried >= 1 and len(self.legs) + 1 >= 2 * self.goal and \
                under_way is not None and self._counts(under_way):
            self.legs.append(under_way)      # the last leg needs no turn back
            return "done"
        return None

    def _counts(self, leg: Swing) -> bool:
        d_left = leg.end_tag[0] - leg.start_tag[0]
        d_right = leg.end_tag[1] - leg.start_tag[1]
        return d_left * d_right < 0 and min(abs(d_left), abs(d_right)) >= self.amplitude

    def let_go(self, touch: Touch) -> str | None:
        self.ends = {e: f for e, f in self.ends.items() if f != touch.finger}
        return None

    def measures(self, t_ms: float) -> dict[str, Any]:
        whole = self.legs[:self.turned_back]     # the last leg, cut short by the goal: not
        found = wringing(whole)
        return {**found.to_dict(), "cycles": self.cycles, "cycle_goal": self.goal,
                "cycles_per_min": per_minute(len(whole) / 2, whole[-1].t1_ms - whole[0].t0_ms)
                if len(whole) >= 2 else None,   # whole legs, turning point to turning point
                "legs_tried": self.tried,
                "amplitudes_left": [c[0] for c in cycle_amplitudes(whole)],
                "amplitudes_right": [c[1] for c in cycle_amplitudes(whole)]}
