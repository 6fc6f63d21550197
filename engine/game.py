"""What a game plugs into the engine: a pure model, a simulated-patient policy, a scene.

A round is defined by its `RoundSetup` (level, seed, hand, mode, board size) and the
difficulty's starting state; fed the same touches it produces the same trials.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from engine.levels.difficulty import Difficulty
from engine.touch import Touch

if TYPE_CHECKING:
    pass

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
"""A finished trial: at least "success" (bool) and "level_value"; metric names carry units."""


class GameModel(Protocol):
    """A game's rules and state. Pure: no pygame, no wall clock."""

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
    seeded from the setup (so a round replays exactly), the model's time, the round's
    end and progress, and its trials (all, and those not yet taken). Subclasses set
    `total` and append finished trials to `results` and `_new`."""

    total: int = 0

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        self.setup = setup
        self.difficulty = difficulty
        self.rng = random.Random(setup.seed)
        self.now = 0.0
        self.done = 0
        self.results: list[Trial] = []
        self._new: list[Trial] = []
        self._finished = False

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

    def next_change_ms(self) -> float | None:
        """When the model will next change by itself (subclasses say)."""
        raise NotImplementedError

    def _on_due(self, t_ms: float) -> None:
        """What the model scheduled for `t_ms` happens now (a target appears, time runs
        out); called in time order by `tick` and by touches that come later."""
        raise NotImplementedError

    def tick(self, t_ms: float) -> None:
        self._advance(t_ms)

    def _advance(self, t_ms: float) -> None:
        """Let time pass up to `t_ms`, handling every scheduled change on the way."""
        while not self._finished:
            due = self.next_change_ms()
            if due is None or due > t_ms:
                break
            self.now = max(self.now, due)
            self._on_due(due)
        self.now = max(self.now, t_ms)


class Policy(Protocol):
    """How a simulated player plays a game: the next gesture, given what is on screen."""

    def plan(self, model: Any, t_ms: float) -> list[Touch]:
        """Touches to perform from `t_ms` on (empty: nothing to do now)."""
