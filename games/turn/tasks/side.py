"""Side to side: roll the ball along the line from one mark to the other and back,
`cycles` times (across the screen, or up and down for flexion and extension). The ball
follows the finger along the line (a finger that strays off it leaves the ball there);
lifting it leaves the ball where it is."""

from __future__ import annotations

from typing import Any

from engine.touch import Touch
from games.turn.angles import Point, Swing, Turnarounds
from games.turn.measures import rhythm
from games.turn.tasks.base import BALL_MM, Task, near

TURN_MM = 4.0
"""The ball turned back once it came back this far (a smaller wobble is no turn)."""
OFF_LINE_MM = 15.0


class SideTask(Task):
    kind = "side"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.across = self.params["axis"] == "across"
        room = self.board.room_w - BALL_MM if self.across else self.board.room_h - BALL_MM
        self.half = max(BALL_MM, min(self.param("span_mm") / 2, room))
        self.mark = min(self.param("mark_mm"), self.half / 2)   # a mark is never at the middle
        self.goal = int(self.param("cycles"))
        self.at = 0.0                     # the ball's place along the line, from the centre
        self.heading = 1                  # the mark to reach next: +1 right (up), -1
        self.reached: list[float] = []    # when each mark was reached
        self.off_line = False
        self.turns = Turnarounds(TURN_MM)
        self.legs: list[Swing] = []

    @property
    def label(self) -> str:
        return str(self.params["axis"])

    def along(self, offset: float) -> Point:
        """The point `offset` mm along the line from the centre (positive: right, or up)."""
        cx, cy = self.centre
        return (cx + offset, cy) if self.across else (cx, cy - offset)

    @property
    def ball(self) -> Point:
        return self.along(self.at)

    @property
    def cycles(self) -> int:
        return len(self.reached) // 2

    def accepts(self, touch: Touch) -> bool:
        return near((touch.x_mm, touch.y_mm), self.ball, BALL_MM)

    def moved(self, touch: Touch) -> str | None:
        dx, dy = touch.x_mm - self.centre[0], touch.y_mm - self.centre[1]
        along, across = (dx, dy) if self.across else (-dy, dx)
        self.off_line = abs(across) > OFF_LINE_MM
        if self.off_line:
            return None          # the ball stays on its line; the board asks to come back
        self.at = max(-self.half - BALL_MM, min(self.half + BALL_MM, along))
        leg = self.turns.feed(touch.t_ms, self.at)
        if leg is not None:
            self.legs.append(leg)
        if self.at * self.heading >= self.half - self.mark:
            self.reached.append(touch.t_ms)
            self.heading = -self.heading
        return "done" if self.cycles >= self.goal else None

    def measures(self, t_ms: float) -> dict[str, Any]:
        return {**rhythm(self.legs).to_dict(), "cycles": self.cycles, "cycle_goal": self.goal,
                "span_mm": 2 * self.half, "axis": self.params["axis"]}
