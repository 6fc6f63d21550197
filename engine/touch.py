"""The `Touch` value: one finger event in millimetres and milliseconds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import cast


class Phase(StrEnum):
    DOWN = "down"
    MOVE = "move"
    UP = "up"


MOUSE_FINGER = 0
"""The finger id the mouse (or a stylus seen as a mouse) uses; real fingers are 1, 2, ..."""


@dataclass(frozen=True, slots=True)
class Touch:
    """One finger going down, moving or going up at (x_mm, y_mm) at time t_ms."""

    finger: int
    phase: Phase
    x_mm: float
    y_mm: float
    t_ms: float

    def to_row(self) -> list[object]:
        """Compact JSON-friendly form: [finger, phase, x, y, t]."""
        return [self.finger, self.phase.value, self.x_mm, self.y_mm, self.t_ms]

    @classmethod
    def from_row(cls, row: list[object] | tuple[object, ...]) -> Touch:
        finger, phase, x, y, t = row
        return cls(int(cast(int, finger)), Phase(cast(str, phase)), float(cast(float, x)),
                   float(cast(float, y)), float(cast(float, t)))

    def at(self, t_ms: float) -> Touch:
        """The same touch restamped at another time."""
        return Touch(self.finger, self.phase, self.x_mm, self.y_mm, t_ms)

    def distance_to(self, x_mm: float, y_mm: float) -> float:
        return float(((self.x_mm - x_mm) ** 2 + (self.y_mm - y_mm) ** 2) ** 0.5)
