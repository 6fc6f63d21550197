"""Progression between levels: unlock rules, therapist overrides, and a kind word when a
player struggles. Pure functions over round outcomes; the caller stores the results."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from engine.levels.schema import (
    Adapt,
    Level,
    LevelSet,
    scale_mean,
    stepped,
    value_at,
    within,
)

STRUGGLE_ROUNDS = 3
STRUGGLE_SUCCESS = 0.6
STRUGGLE_POSITION = 0.1


@dataclass(frozen=True)
class RoundOutcome:
    """What progression needs to know about one finished training round."""

    level_id: str
    success_rate: float
    final_position: float   # where the staircase ended: 0 easy bound .. 1 hard bound
    value: float | None = None
    """The mean value the round was played at, in the parameter's unit (older records
    kept only the position)."""
    day: str | None = None
    """The local date it was played on (ISO; older records and bare simulations: None)."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"level": self.level_id, "success": self.success_rate,
                               "position": self.final_position}
        if self.value is not None:
            out["value"] = self.value
        if self.day is not None:
            out["day"] = self.day
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundOutcome:
        value, day = data.get("value"), data.get("day")
        return cls(str(data["level"]), float(data["success"]), float(data["position"]),
                   None if value is None else float(value), None if day is None else str(day))


def at_least_as_hard(adapt: Adapt, value: float, than: float) -> bool:
    """`value` is as hard as `than` or harder (the level's bounds say which way is hard)."""
    slack = 1e-9 * max(abs(than), 1.0)
    return value <= than + slack if adapt.hard < adapt.easy else value >= than - slack


def reached(level: Level, outcome: RoundOutcome) -> float:
    """The value a round was played at (older records: where it ended)."""
    assert level.adapt is not None
    if outcome.value is not None:
        return outcome.value
    return value_at(level.adapt, outcome.final_position)


@dataclass(frozen=True)
class DayAtLevel:
    """A day's training rounds at one level, taken together."""

    value: float      # the mean value played at (geometric on a log scale)
    success: float    # the mean success rate


def day_keys(history: Sequence[RoundOutcome]) -> list[str]:
    """Each round's day (a round of unknown day, from an older record, is a day alone)."""
    return [o.day if o.day is not None else f"#{k}" for k, o in enumerate(history)]


def days_at(level: Level, history: Sequence[RoundOutcome]) -> list[DayAtLevel]:
    """The days played at `level`, oldest first."""
    groups: dict[str, list[RoundOutcome]] = {}
    for key, outcome in zip(day_keys(history), history, strict=True):
        if outcome.level_id == level.id:
            groups.setdefault(key, []).append(outcome)
    out = []
    for rounds in groups.values():
        rates = [o.success_rate for o in rounds if not math.isnan(o.success_rate)]
        mean = 1.0 if level.adapt is None else scale_mean(
            level.adapt, [reached(level, o) for o in rounds])
        out.append(DayAtLevel(mean, sum(rates) / len(rates) if rates else math.nan))
    return out


def shows_mastery(level: Level, day: DayAtLevel) -> bool:
    """A day that shows mastery: success at least the rule's, played at least as hard as
    the level's mastery value."""
    rule = level.unlock
    if math.isnan(day.success) or day.success < rule.success:
        return False
    return level.adapt is None or at_least_as_hard(level.adapt, day.value,
                                                   rule.mastery_value(level.adapt))


def earns_unlock(level: Level, history: Sequence[RoundOutcome]) -> bool:
    """On `days` of the last `of_days` days played at this level, the player showed
    mastery, and played it on `practice_days` days in all (rounds oldest first)."""
    rule = level.unlock
    played = days_at(level, history)
    recent = played[-rule.of_days:]
    return len(played) >= rule.practice_days and \
        sum(shows_mastery(level, day) for day in recent) >= rule.days


def last_days(history: Sequence[RoundOutcome], count: int) -> list[RoundOutcome]:
    """The rounds of the last `count` days played."""
    keys = day_keys(history)
    kept = set(list(dict.fromkeys(reversed(keys)))[:count])
    return [o for o, key in zip(history, keys, strict=True) if key in kept]


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


EASE_STEPS = 2
"""A new level is harder in some other way: its first value is this many steps easier than
the value reached on the level before, in the same parameter."""


def predicted_start(before: Level, level: Level, reached_before: float | None) -> float:
    """Where a player moving up from `before` starts `level`: the value they reached there,
    eased by EASE_STEPS, when both adapt the same parameter; else `level`'s own start
    (what a hand that masters `before` can do here, from the level file)."""
    adapt = level.adapt
    assert adapt is not None
    same = before.adapt is not None and before.adapt.param == adapt.param
    if not same or reached_before is None or not math.isfinite(reached_before):
        return adapt.first
    return within(adapt, stepped(adapt, reached_before, -EASE_STEPS))
