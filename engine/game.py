"""What a game plugs into the engine: a pure model, a simulated-patient policy, a scene.

A round is defined by its `RoundSetup` (level, seed, hand, mode, board size) and the
difficulty's starting state; fed the same touches it produces the same trials.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from engine.levels.difficulty import Difficulty
from engine.schedule import Action, Schedule, Scheduled
from engine.touch import Touch
from engine.trial import checked

MODES = ("training", "checkup")


@dataclass(frozen=True)
class RoundSetup:
    """Everything (besides the difficulty) that defines a round."""

    game: str
    level_id: str
    seed: int
    hand: str = "right"                 # "left", "right" or "both"
    mode: str = "training"              # "training" or "checkup"
    board_w_mm: float = 200.0
    board_h_mm: float = 120.0
    self_paced: bool = False            # no time limits
    variant: str = ""                   # e.g. "one-finger" in the pinch game
    reps: int | None = None
    """Trials in a training round (a set of the daily dose); None: the level's own count."""

    @property
    def mirrored(self) -> bool:
        """Left-hand play mirrors layouts left to right."""
        return self.hand == "left"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoundSetup:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


Trial = dict[str, Any]
"""A finished trial: the base every game fills (`engine.trial.TrialBase`: "success",
"level_value", "counts_for_staircase") and the game's own measures, units in their names."""


class GameModel(Protocol):
    """A game's rules and state. Pure: no pygame, no wall clock."""

    suggested_variant: str | None
    """Another way of playing (a variant id) the player seems to need, or None."""

    @property
    def finished(self) -> bool: ...

    def on_touch(self, touch: Touch) -> None:
        """Handle a touch (first advancing the model's time to the touch's time)."""

    def tick(self, t_ms: float) -> None:
        """Let time pass with no input up to `t_ms`."""

    def next_change_ms(self) -> float | None:
        """When the model will next change by itself (a target appears, time runs out)."""

    def take_trials(self) -> list[Trial]:
        """Trials finished since the last call."""

    def progress(self) -> tuple[int, int]:
        """(trials done, trials in the round) for the progress bar."""

    def summary(self) -> dict[str, Any]:
        """The round's main numbers, computed with the scoring metrics."""


class RoundModel:
    """What every game model keeps alike: its setup and difficulty, a random generator
    seeded from the setup (so a round replays exactly), the model's time and what is
    scheduled on it, the round's end and progress, and its trials (all, and those not
    yet taken). Subclasses set `total`, `schedule` what happens by itself (a target
    appears, time runs out) and `record` each finished trial."""

    total: int = 0
    suggested_variant: str | None = None
    """Another way of playing the game (a variant id) that the player seems to need: the
    round offers it in one tap (a finger alone on a peg in two-finger play)."""

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        self.setup = setup
        self.difficulty = difficulty
        self.rng = random.Random(setup.seed)
        self.now = 0.0
        self.done = 0
        self.results: list[Trial] = []
        self._new: list[Trial] = []
        self._finished = False
        self._timers = Schedule()

    @property
    def finished(self) -> bool:
        return self._finished

    def progress(self) -> tuple[int, int]:
        return (self.done, self.total)

    def take_trials(self) -> list[Trial]:
        if not self._new:
            return []
        new, self._new = self._new, []
        return new

    def time_limit(self, params: Mapping[str, Any], name: str = "time_limit_ms"
                   ) -> float | None:
        """The limit (ms) a parameter sets, or None: 0 means none, and a self-paced round
        (the player's "No time limits") has none."""
        limit = float(params.get(name, 0.0))
        return None if self.setup.self_paced or limit <= 0 else limit

    def record(self, trial: Trial) -> bool:
        """A trial is finished: it moves the staircase (unless it says
        `"counts_for_staircase": False`), joins the results and the trials not yet taken,
        and counts towards the round's end. Returns whether the round goes on. A trial
        without the base (`engine.trial`) raises TrialError: a game's programming error."""
        checked(trial, self.setup.game)
        if trial.get("counts_for_staircase", True):
            self.difficulty.update(trial["success"])
        self.results.append(trial)
        self._new.append(trial)
        self.done += 1
        if self.done >= self.total:
            self._finished = True
        return not self._finished

    # -- time -------------------------------------------------------------------------------
    def schedule(self, t_ms: float, action: Action, key: Hashable | None = None
                 ) -> Scheduled:
        """Call `action(t_ms)` when the model's time reaches `t_ms`; a `key` replaces
        whatever was scheduled under it. Returns a handle to `cancel`."""
        return self._timers.schedule(t_ms, action, key)

    def cancel(self, what: Scheduled | Hashable) -> None:
        """Cancel a scheduled action by its handle or its key (if it is still pending)."""
        self._timers.cancel(what)

    def scheduled(self, key: Hashable) -> Scheduled | None:
        """The action pending under `key`, if any."""
        return self._timers.get(key)

    def next_change_ms(self) -> float | None:
        """When the model will next change by itself: its earliest scheduled action."""
        return None if self._finished else self._timers.next_ms()

    def tick(self, t_ms: float) -> None:
        self._advance(t_ms)

    def _advance(self, t_ms: float) -> None:
        """Let time pass up to `t_ms`, running every action due on the way in time order
        (each at its own time); touches call this first with their time."""
        while not self._finished and (due := self._timers.pop_due(t_ms)) is not None:
            self.now = max(self.now, due.t_ms)
            due.run()
        self.now = max(self.now, t_ms)


class Policy(Protocol):
    """How a simulated player plays a game: the next gesture, given what is on screen."""

    def plan(self, model: Any, t_ms: float) -> list[Touch]:
        """Touches to perform from `t_ms` on (empty: nothing to do now)."""
