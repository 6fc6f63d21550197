"""Roll the pencil: the pencil is seen end on, between two fingers, one above it and one
below. Sliding them opposite ways across it (the top one right, the bottom one left, and
back) rolls it, by the fingers' difference over its diameter (no slip). It drops when the
fingers part, when one lets go, or when they slide the same way: then both come off and
pick it up again. A stroke counts as a roll when it turns the pencil `roll_deg`."""

from __future__ import annotations

import itertools
import math
from typing import Any

from engine.touch import Touch
from games.turn.angles import Point, Turnarounds
from games.turn.measures import Piece, per_minute, roll_smoothness
from games.turn.tasks.base import SLACK_MM, Task

PART_MM = 10.0         # the fingers parted: this much further apart than the pencil is thick
TURN_DEG = 10.0        # a stroke turned back once the pencil came back this far
JUDGED_MM = 30.0
"""The fingers' movement is judged over this much travel: if more of it went the same way
(carrying the pencil) than opposite ways (rolling it), they stopped rolling and it slips
out. A finger a little behind the other at a turn (up to a quarter of a stroke) still
rolls it."""


class PencilTask(Task):
    kind = "pencil"
    needs = 2

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.r = self.param("pencil_mm") / 2
        self.goal = int(self.param("rolls"))
        self.stroke = self.param("roll_deg")
        self.x = self.centre[0]          # the pencil moves with the fingers' middle
        self.roll_deg = 0.0              # how far it has turned, clockwise +
        self.rolls = 0
        self.drops = 0
        self.dropped = ""                # why it fell, until both fingers are off
        self.top: int | None = None
        self.bottom: int | None = None
        self._grip: tuple[Point, Point, float, float] | None = None  # top, bottom, x, roll
        self._travel = [0.0, 0.0]        # together, opposite: travel since the last judgement
        self._last: tuple[Point, Point] | None = None
        self._turns = Turnarounds(TURN_DEG)
        self.pieces: list[list[tuple[float, float, float, float]]] = []

    @property
    def label(self) -> str:
        return ""

    @property
    def phase(self) -> str:
        return "dropped" if self.dropped else super().phase

    @property
    def y(self) -> float:
        return self.centre[1]

    def accepts(self, touch: Touch) -> bool:
        if self.dropped:
            return False
        above = touch.y_mm < self.y
        if (self.top if above else self.bottom) is not None:
            return False
        if abs(touch.x_mm - self.x) > self.r + SLACK_MM or \
                abs(abs(touch.y_mm - self.y) - self.r) > SLACK_MM + 4.0:
            return False
        if above:
            self.top = touch.finger
        else:
            self.bottom = touch.finger
        return True

    def _pair(self) -> tuple[Point, Point]:
        assert self.top is not None and self.bottom is not None
        return self.points[self.top], self.points[self.bottom]

    def gripped(self, t_ms: float) -> None:
        top, bottom = self._pair()
        self._grip = (top, bottom, self.x, self.roll_deg)
        self._last = (top, bottom)
        self._travel = [0.0, 0.0]
        self._turns = Turnarounds(TURN_DEG)
        self.pieces.append([(t_ms, self.roll_deg, self.x, self.y)])
        self._turns.feed(t_ms, self.roll_deg)

    def moved(self, touch: Touch) -> str | None:
        if self._grip is None or self._last is None:
            return None                      # dropped: waiting for both fingers off
        top, bottom = self._pair()
        (tx0, _), (bx0, _), x0, roll0 = self._grip
        dt, db = top[0] - tx0, bottom[0] - bx0
        self.roll_deg = roll0 + math.degrees((dt - db) / (2 * self.r))
        self.x = x0 + (dt + db) / 2
        self.pieces[-1].append((touch.t_ms, self.roll_deg, self.x, self.y))
        step_top, step_bottom = top[0] - self._last[0][0], bottom[0] - self._last[1][0]
        self._travel[0] += abs(step_top + step_bottom) / 2
        self._travel[1] += abs(step_top - step_bottom) / 2
        self._last = (top, bottom)
        leg = self._turns.feed(touch.t_ms, self.roll_deg)
        if leg is not None and leg.size >= self.stroke:
            self.rolls += 1
        if bottom[1] - top[1] > 2 * self.r + PART_MM:
            return self._drop("parted")
        if sum(self._travel) >= JUDGED_MM:
            if self._travel[0] > self._travel[1]:
                return self._drop("slid")
            self._travel = [0.0, 0.0]
        under_way = self._turns.finish()
        if self.rolls + 1 >= self.goal and under_way is not None and \
                under_way.size >= self.stroke:
            self.rolls += 1                  # the last stroke needs no turn back
            return "done"
        return "done" if self.rolls >= self.goal else None

    def let_go(self, touch: Touch) -> str | None:
        if touch.finger == self.top:
            self.top = None
        elif touch.finger == self.bottom:
            self.bottom = None
        outcome = None
        if not self.dropped and self._grip is not None and len(self.points) == 1:
            outcome = self._drop("let_go")
        if not self.points:                  # both off: it can be picked up again
            self.dropped, self.x = "", self.centre[0]
        return outcome

    def _drop(self, why: str) -> str | None:
        """The pencil falls; a stroke under way that had already turned it a roll's worth
        counts (the goal may be reached as it falls)."""
        under_way = self._turns.finish()
        if under_way is not None and under_way.size >= self.stroke:
            self.rolls += 1
        self.drops += 1
        self.dropped = why
        self._grip = None
        return "done" if self.rolls >= self.goal else None

    def measures(self, t_ms: float) -> dict[str, Any]:
        start = self.started_ms
        return {"rolls": self.rolls, "roll_goal": self.goal, "drops": self.drops,
                "roll_sparc": roll_smoothness([Piece.of(rows) for rows in self.pieces]),
                "rolls_per_min": per_minute(self.rolls, t_ms - start) if start else None,
                "rolled_deg": sum(abs(b[1] - a[1]) for rows in self.pieces
                                  for a, b in itertools.pairwise(rows))}
