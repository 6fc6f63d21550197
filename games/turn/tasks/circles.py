"""Thumb circles: keep the thumb on the ball and roll it around the ring, `turns` times,
clockwise or counter-clockwise. The ball follows the finger's angle about the centre;
lifting the finger leaves the ball where it is, to be picked up again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.touch import Touch
from games.turn.angles import Around, Point
from games.turn.measures import Piece, circles
from games.turn.tasks.base import BALL_MM, Task, near, on_circle

START_DEG = 0.0
"""The ball starts on the right of the ring, clear of the instruction across the top."""
GOAL_SLACK_DEG = 0.5
"""The last turn is done within half a degree of its end (no one can see less)."""


class CirclesTask(Task):
    kind = "circles"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.band = self.param("band_mm")
        self.radius = max(BALL_MM, min(self.param("ring_mm"), self.board.room_h - self.band))
        self.goal_deg = self.param("turns") * 360.0
        self.ball_deg = START_DEG
        self.around: Around | None = None
        self.pieces: list[list[tuple[float, float, float, float]]] = []

    @property
    def ball(self) -> Point:
        return on_circle(self.centre, self.radius, self.ball_deg)

    @property
    def turned_deg(self) -> float:
        """Degrees turned so far in the asked direction."""
        return 0.0 if self.around is None else self.around.angle.turned * self.sign

    def limit_ms(self) -> float:
        per_turn = self.param("turn_ms")
        return per_turn * self.param("turns") if per_turn > 0 else super().limit_ms()

    def accepts(self, touch: Touch) -> bool:
        return near((touch.x_mm, touch.y_mm), self.ball, BALL_MM)

    def gripped(self, t_ms: float) -> None:
        point = next(iter(self.points.values()))
        if self.around is None:
            self.around = Around(self.centre, self.ball)
        self.pieces.append([])
        self._sample(t_ms, point)

    def moved(self, touch: Touch) -> str | None:
        self._sample(touch.t_ms, (touch.x_mm, touch.y_mm))
        return "done" if self.turned_deg >= self.goal_deg - GOAL_SLACK_DEG else None

    def _sample(self, t_ms: float, point: Point) -> None:
        assert self.around is not None
        self.ball_deg = self.around.feed(point)
        self.pieces[-1].append((t_ms, self.ball_deg, *point))

    def succeeded(self, outcome: str, measures: Mapping[str, Any]) -> bool:
        inside = measures.get("inside_percent")
        return outcome == "done" and inside is not None and \
            inside >= self.param("inside_needed") * 100.0

    def measures(self, t_ms: float) -> dict[str, Any]:
        found = circles([Piece.of(rows) for rows in self.pieces], self.centre, self.radius,
                        self.band, self.sign)
        return {**found.to_dict(), "direction": self.direction, "goal_deg": self.goal_deg,
                "ring_mm": self.radius, "band_mm": self.band}
