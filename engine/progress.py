"""A player's progress in one game with one hand: staircases, unlocked levels, history.

Kept in the store's state (or in memory for simulations) under keys that start with the
player's id, so deleting a player deletes their progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from engine.levels.difficulty import Adaptive, Fixed, difficulty_for
from engine.levels.progression import (
    LevelState,
    RoundOutcome,
    current_level,
    earns_unlock,
    last_days,
    level_states,
    next_level,
    predicted_start,
    previous_level,
    struggling,
)
from engine.levels.schema import HISTORY_DAYS, Level, LevelSet

HISTORY = 400
"""At most this many training rounds are kept (newest last), of the last HISTORY_DAYS
days played."""


class StateBackend(Protocol):
    def get_state(self, kind: str, key: str) -> Any: ...
    def put_state(self, kind: str, key: str, value: Any) -> None: ...
    def overrides(self, profile_id: str) -> dict[str, Any]: ...
    def add_event(self, profile_id: str, kind: str, data: dict[str, Any]) -> None: ...


class MemoryBackend:
    """State kept in memory (simulations without --save, tests)."""

    def __init__(self) -> None:
        self.state: dict[tuple[str, str], Any] = {}
        self.events: list[dict[str, Any]] = []
        self.override: dict[str, dict[str, Any]] = {}

    def get_state(self, kind: str, key: str) -> Any:
        return self.state.get((kind, key))

    def put_state(self, kind: str, key: str, value: Any) -> None:
        self.state[(kind, key)] = value

    def overrides(self, profile_id: str) -> dict[str, Any]:
        return dict(self.override.get(profile_id, {}))

    def add_event(self, profile_id: str, kind: str, data: dict[str, Any]) -> None:
        self.events.append({"profile": profile_id, "kind": kind, **data})


@dataclass(frozen=True)
class RoundVerdict:
    """What a finished round changed: a level unlocked, or a gentle suggestion."""

    unlocked: Level | None = None
    suggest_easier: Level | None = None


def game_overrides(overrides: Mapping[str, Any], game: str) -> dict[str, Any]:
    """A player's therapist overrides for one game (stored as `<game>:<key>`), by key."""
    prefix = f"{game}:"
    return {k[len(prefix):]: v for k, v in overrides.items() if k.startswith(prefix)}


class PlayerProgress:
    def __init__(self, backend: StateBackend, profile_id: str, game: str, hand: str,
                 levels: LevelSet, variant: str = "") -> None:
        self.backend = backend
        self.profile_id = profile_id
        self.game = game
        self.hand = hand
        self.levels = levels
        self.variant = variant

    @property
    def _key(self) -> str:
        """Progress is kept per player, game, hand and way of playing (e.g. one finger)."""
        base = f"{self.profile_id}|{self.game}|{self.hand}"
        return f"{base}|{self.variant}" if self.variant else base

    def _record(self) -> dict[str, Any]:
        return dict(self.backend.get_state("progress", self._key) or {})

    def states(self) -> list[LevelState]:
        unlocked = set(self._record().get("unlocked", []))
        return level_states(self.levels, unlocked,
                            game_overrides(self.backend.overrides(self.profile_id), self.game))

    def current(self) -> Level:
        return current_level(self.levels, self.states(), self._record().get("last_level"))

    def history(self) -> list[RoundOutcome]:
        return [RoundOutcome.from_dict(d) for d in self._record().get("history", [])]

    def _staircase_state(self, level: Level) -> Any:
        return self.backend.get_state("staircase", f"{self._key}|{level.id}")

    def difficulty(self, level: Level) -> Adaptive | Fixed:
        """The difficulty to play `level` with, resuming its staircase where it stopped; a
        level not yet played starts where the player's ability predicts."""
        state = self._staircase_state(level)
        if not state and level.adapt is not None and not level.checkup:
            state = self._predicted(level)
        return difficulty_for(level, self.levels.target_success, state)

    def _predicted(self, level: Level) -> dict[str, Any] | None:
        """A first staircase for `level` from the level before it (see `predicted_start`)."""
        before = previous_level(self.levels, level.id)
        if before is None:
            return None
        state = self._staircase_state(before)
        value = predicted_start(before, level, None if not state else state.get("value"))
        return {"value": value}

    def finish_round(self, level: Level, difficulty: Adaptive | Fixed,
                     success_rate: float, day: str | None = None) -> RoundVerdict:
        """Save the staircase and history after a training round (played on `day`, an ISO
        date); unlock if earned."""
        if level.checkup or not isinstance(difficulty, Adaptive):
            return RoundVerdict()
        self.backend.put_state("staircase", f"{self._key}|{level.id}",
                               difficulty.staircase.state())
        record = self._record()
        outcomes = last_days([*self.history(), RoundOutcome(
            level.id, success_rate, difficulty.staircase.position,
            difficulty.staircase.played_at(), day)], HISTORY_DAYS)[-HISTORY:]
        record["history"] = [o.to_dict() for o in outcomes]
        record["last_level"] = level.id
        verdict = RoundVerdict()
        following = next_level(self.levels, level.id)
        unlocked = set(record.get("unlocked", []))
        if following is not None and following.id not in unlocked and \
                earns_unlock(level, outcomes):
            unlocked.add(following.id)
            record["unlocked"] = sorted(unlocked)
            record["last_level"] = following.id
            self.backend.add_event(self.profile_id, "unlock", {
                "game": self.game, "hand": self.hand, "level": following.id,
                "level_name": following.name})
            verdict = RoundVerdict(unlocked=following)
        elif struggling(level, outcomes):
            verdict = RoundVerdict(suggest_easier=previous_level(self.levels, level.id))
        self.backend.put_state("progress", self._key, record)
        return verdict
