"""What the turn game's exercises share: where they are drawn, their contacts, their clock
and the one-line outcome a trial ends with."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from engine.levels.schema import Value
from engine.touch import Touch
from games.turn.angles import Point

SLACK_MM = 8.0
"""A finger this far outside what it should touch is still on it (a shaky landing)."""
BALL_MM = 8.0
"""The rolled ball's radius."""
HINT_ROOM_MM = 16.0
"""The instruction's room across the top of the board (two lines)."""


@dataclass(frozen=True)
class Board:
    """The exercise's centre on the board, and the room around it (mm)."""

    centre: Point
    room_w: float     # from the centre to the side edges, less a margin
    room_h: float     # from the centre to the top and bottom, less the hint's room

    @classmethod
    def of(cls, width_mm: float, height_mm: float) -> Board:
        """Below the instruction's room at the top, in the middle of the rest."""
        room_h = max(10.0, (height_mm - HINT_ROOM_MM) / 2 - 2.0)
        return cls((width_mm / 2, HINT_ROOM_MM + (height_mm - HINT_ROOM_MM) / 2),
                   max(10.0, width_mm / 2 - 10.0), room_h)


class Task:
    """One trial of an exercise. `down`, `move` and `up` take the touches of its contacts
    (a `down` it does not take is a stray) and return an outcome when the trial is over;
    `wake_ms` is when it wants `wake` called (a hold's end); `measures` are its numbers."""

    kind: ClassVar[str]
    needs: ClassVar[int] = 1      # contacts at once

    def __init__(self, board: Board, params: Mapping[str, Value], sign: int, t_ms: float
                 ) -> None:
        self.board = board
        self.centre = board.centre
        self.params = params
        self.sign = sign          # +1 clockwise, -1 counter-clockwise
        self.onset_ms = t_ms
        self.points: dict[int, Point] = {}
        self.started_ms: float | None = None   # every contact first down
        self.strays = 0
        self.lifts = 0            # contacts lifted during the trial
        self.wake_ms: float | None = None
        self._frame: Touch | None = None     # the last move of a frame not yet judged

    @property
    def direction(self) -> str:
        return "cw" if self.sign > 0 else "ccw"

    @property
    def label(self) -> str:
        """What the trial asked for, in a word (the trial table shows it)."""
        return self.direction

    @property
    def phase(self) -> str:
        """"place" until every contact is down, then "turn"."""
        return "turn" if len(self.points) >= self.needs else "place"

    def limit_ms(self) -> float:
        return float(self.params["time_limit_ms"])

    def param(self, name: str) -> float:
        return float(self.params[name])

    # -- touches ------------------------------------------------------------------------
    def down(self, touch: Touch) -> bool:
        """Take a landing finger as a contact (True), or leave it as a stray (False)."""
        if len(self.points) >= self.needs or not self.accepts(touch):
            return False
        self.points[touch.finger] = (touch.x_mm, touch.y_mm)
        if len(self.points) == self.needs:
            if self.started_ms is None:
                self.started_ms = touch.t_ms
            self.gripped(touch.t_ms)
        return True

    def move(self, touch: Touch) -> str | None:
        """A contact moved. With two contacts, a panel reports both of a frame one after
        the other at the same time: the frame is judged once it is whole (`settle`)."""
        if touch.finger not in self.points:
            return None
        self.points[touch.finger] = (touch.x_mm, touch.y_mm)
        if len(self.points) < self.needs:
            return None
        if self.needs == 1:
            return self.moved(touch)
        self._frame = touch
        return None

    @property
    def frame_ms(self) -> float | None:
        """When the frame not yet judged was reported (None: none is waiting)."""
        return None if self._frame is None else self._frame.t_ms

    def settle(self, t_ms: float, *, everything: bool = False) -> str | None:
        """Judge the frame under way if time has moved past it (or in any case)."""
        frame = self._frame
        if frame is None or (frame.t_ms >= t_ms and not everything):
            return None
        self._frame = None
        return self.moved(frame) if len(self.points) >= self.needs else None

    def up(self, touch: Touch) -> str | None:
        if self.points.pop(touch.finger, None) is None:
            return None
        self.lifts += 1
        return self.let_go(touch)

    # -- what each exercise defines -----------------------------------------------------
    def accepts(self, touch: Touch) -> bool:
        raise NotImplementedError

    def gripped(self, t_ms: float) -> None:
        """Every contact is down (again)."""

    def moved(self, touch: Touch) -> str | None:
        raise NotImplementedError

    def let_go(self, touch: Touch) -> str | None:
        """A contact came off: by default the exercise waits for it to come back."""
        return None

    def wake(self, t_ms: float) -> str | None:
        return None

    def timeout(self) -> str:
        return "time"

    def succeeded(self, outcome: str, measures: Mapping[str, Any]) -> bool:
        return outcome == "done"

    def measures(self, t_ms: float) -> dict[str, Any]:
        raise NotImplementedError


def near(a: Point, b: Point, r_mm: float) -> bool:
    return math.dist(a, b) <= r_mm + SLACK_MM


def on_circle(centre: Point, radius: float, angle_deg: float) -> Point:
    a = math.radians(angle_deg)
    return (centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a))
