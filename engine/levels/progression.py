"""Progression between levels: unlock rules, therapist overrides, and a kind word when a
player struggles. Pure functions over round outcomes; the caller stores the results."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engine.levels.schema import Level, LevelSet

STRUGGLE_ROUNDS = 3
STRUGGLE_SUCCESS = 0.6
STRUGGLE_POSITION = 0.1


@dataclass(frozen=True)
class RoundOutcome:
    """What progression needs to know about one finished training round."""

    level_id: str
    success_rate: float
    final_position: float   # where the staircase ended: 0 easy bound .. 1 hard bound

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level_id, "success": self.success_rate,
                "position": self.final_position}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundOutcome:
        return cls(str(data["level"]), float(data["success"]), float(data["position"]))


def qualifies(level: Level, outcome: RoundOutcome) -> bool:
    """A round good enough to count towards unlocking the next level."""
    rule = level.unlock
    if math.isnan(outcome.success_rate):
        return False
    position = 1.0 if level.adapt is None else outcome.final_position
    return outcome.success_rate >= rule.success and position >= rule.at - 1e-9


def earns_unlock(level: Level, history: Sequence[RoundOutcome]) -> bool:
    """`rounds` of the last `of_last` rounds at this level qualified (newest last)."""
    recent = [o for o in history if o.level_id == level.id][-level.unlock.of_last:]
    return sum(qualifies(level, o) for o in recent) >= level.unlock.rounds


def struggling(level: Level, history: Sequence[RoundOutcome]) -> bool:
    """The last few rounds at this level all stayed at its easy end with little success."""
    recent = [o for o in history if o.level_id == level.id][-STRUGGLE_ROUNDS:]
    return len(recent) == STRUGGLE_ROUNDS and all(
        o.success_rate < STRUGGLE_SUCCESS and o.final_position <= STRUGGLE_POSITION
        for o in recent)


@dataclass(frozen=True)
class LevelState:
    level: Level
    open: bool
    reason: str = ""      # "", "locked", "locked by your therapist", "capped by your therapist"


def level_states(levels: LevelSet, unlocked: set[str], overrides: Mapping[str, Any]
                 ) -> list[LevelState]:
    """Which levels a player may play. The first level is always open. Therapist overrides
    (`level:<id>` = "locked"/"unlocked", `cap` = the last allowed level id) win."""
    cap = overrides.get("cap")
    cap_index = next((i for i, lv in enumerate(levels.levels) if lv.id == cap), None)
    states = []
    for i, level in enumerate(levels.levels):
        forced = overrides.get(f"level:{level.id}")
        if cap_index is not None and i > cap_index:
            states.append(LevelState(level, False, "capped by your therapist"))
        elif forced == "locked":
            states.append(LevelState(level, False, "locked by your therapist"))
        elif forced == "unlocked" or i == 0 or level.id in unlocked:
            states.append(LevelState(level, True))
        else:
            states.append(LevelState(level, False, "locked"))
    return states


def next_level(levels: LevelSet, level_id: str) -> Level | None:
    index = levels.index(level_id)
    return levels.levels[index + 1] if index + 1 < len(levels.levels) else None


def previous_level(levels: LevelSet, level_id: str) -> Level | None:
    index = levels.index(level_id)
    return levels.levels[index - 1] if index > 0 else None


def current_level(levels: LevelSet, states: Sequence[LevelState], last: str | None) -> Level:
    """The level to offer: the last one played if still open, else the highest open one."""
    open_ids = [s.level.id for s in states if s.open]
    if last in open_ids:
        return levels.levels[levels.index(last)]
    return levels.levels[levels.index(open_ids[-1])] if open_ids else levels.levels[0]
