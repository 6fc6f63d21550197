"""The weighted up-down staircase (Kaernbach 1991).

After a success the task gets harder by one step; after a failure it gets easier by
p / (1 - p) steps, so the player succeeds a share p of the time (0.8 by default).
Until the first failure the steps are 1.5 times larger, so a new player reaches their
level quickly without overshooting far. The value stays within the level's bounds.
A "log" scale steps by a ratio.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.levels.schema import Adapt, position_of, scale_mean, stepped, within

FAST_START_FACTOR = 1.5
RUNNING_WINDOW = 30


@dataclass
class Staircase:
    adapt: Adapt
    target: float = 0.8
    value: float = math.nan
    trials: int = 0
    successes: int = 0
    reversed_once: bool = False
    trace: list[float] = field(default_factory=list)
    outcomes: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not 0.5 <= self.target < 1.0:
            raise ValueError(f"target success must be in [0.5, 1), got {self.target}")
        if math.isnan(self.value):
            self.value = self.adapt.first
        self.value = self._clamp(self.value)

    # -- the rule ----------------------------------------------------------------
    @property
    def down_ratio(self) -> float:
        """How many steps easier after a failure: p / (1 - p)."""
        return self.target / (1.0 - self.target)

    def update(self, success: bool) -> float:
        """Record one trial's outcome and move; returns the new value."""
        self.trace.append(self.value)
        self.outcomes.append(bool(success))
        self.trials += 1
        if success:
            self.successes += 1
            steps = 1.0 if self.reversed_once else FAST_START_FACTOR
        else:
            self.reversed_once = True
            steps = -self.down_ratio
        self.value = self._clamp(self._move(self.value, steps))
        return self.value

    def _move(self, value: float, steps: float) -> float:
        """`steps` towards hard (negative: towards easy)."""
        return stepped(self.adapt, value, steps)

    def _clamp(self, value: float) -> float:
        return within(self.adapt, value)

    # -- reading it --------------------------------------------------------------
    @property
    def position(self) -> float:
        """0 at the easy bound, 1 at the hard bound."""
        return position_of(self.adapt, self.value)

    def played_at(self) -> float:
        """The level this round's trials were played at, on average (geometric on a log
        scale): where the player's ability lies, steadier than the last value (one miss
        moves that several steps)."""
        return scale_mean(self.adapt, self.trace) if self.trace else self.value

    def running_rate(self, window: int = RUNNING_WINDOW) -> float:
        """Share of successes over the last `window` trials (NaN before any trial)."""
        recent = self.outcomes[-window:]
        return sum(recent) / len(recent) if recent else math.nan

    # -- saving it -----------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """What carries over to the next round (today ends, tomorrow starts here)."""
        return {"value": self.value, "trials": self.trials, "successes": self.successes,
                "reversed_once": self.reversed_once}

    @classmethod
    def resume(cls, adapt: Adapt, target: float, state: dict[str, Any] | None) -> Staircase:
        if not state:
            return cls(adapt, target)
        stair = cls(adapt, target, value=float(state.get("value", adapt.first)),
                    trials=int(state.get("trials", 0)), successes=int(state.get("successes",
                                                                                   0)),
                    reversed_once=bool(state.get("reversed_once", False)))
        return stair
