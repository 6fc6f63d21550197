"""What a game model asks for each trial's parameters, and tells each trial's outcome."""

from __future__ import annotations

import math
from typing import Any, Protocol

from engine.levels.schema import Level, Value
from engine.levels.staircase import Staircase


class Difficulty(Protocol):
    level: Level

    def params(self) -> dict[str, Value]:
        """Parameters for the next trial."""
        ...

    @property
    def adapted(self) -> float:
        """The adapted parameter's current value (NaN when nothing adapts)."""
        ...

    def update(self, success: bool) -> None: ...


class Adaptive:
    """A training round: a staircase moves the level's adaptive parameter."""

    def __init__(self, level: Level, staircase: Staircase) -> None:
        self.level = level
        self.staircase = staircase

    def params(self) -> dict[str, Value]:
        return self.level.values(self.staircase.value)

    @property
    def adapted(self) -> float:
        return self.staircase.value

    def update(self, success: bool) -> None:
        self.staircase.update(success)


class Fixed:
    """A check-up (or a level without adaptation): the same parameters every trial."""

    def __init__(self, level: Level) -> None:
        self.level = level
        self.outcomes: list[bool] = []

    def params(self) -> dict[str, Value]:
        return self.level.values()

    @property
    def adapted(self) -> float:
        return math.nan

    def update(self, success: bool) -> None:
        self.outcomes.append(bool(success))


def difficulty_for(level: Level, target: float, state: dict[str, Any] | None
                   ) -> Adaptive | Fixed:
    """The right difficulty for a level: adaptive if it has an adaptive parameter."""
    if level.adapt is None or level.checkup:
        return Fixed(level)
    return Adaptive(level, Staircase.resume(level.adapt, target, state))
