"""Drive a round with a simulated player: gestures from the policy, time from the model."""

from __future__ import annotations

from typing import Any, Protocol

from engine.game import GameModel, Policy, Trial
from engine.touch import Touch

IDLE_STEP_MS = 50.0
MAX_ROUND_MS = 20 * 60_000.0


class Driven(Protocol):
    """What a simulated player drives: a round controller, or a demonstration's recorder."""

    @property
    def model(self) -> GameModel: ...

    def on_touch(self, touch: Touch, /) -> Any: ...

    def tick(self, t_ms: float, /) -> Any: ...


class ModelRound:
    """A model driven as a round controller is, keeping its trials and the touches made
    (and nothing stored): demonstrations and test rounds."""

    def __init__(self, model: GameModel) -> None:
        self.model = model
        self.touches: list[Touch] = []
        self.trials: list[Trial] = []

    def on_touch(self, touch: Touch) -> list[Trial]:
        self.touches.append(touch)
        self.model.on_touch(touch)
        return self._collect()

    def tick(self, t_ms: float) -> list[Trial]:
        self.model.tick(t_ms)
        return self._collect()

    def _collect(self) -> list[Trial]:
        new = self.model.take_trials()
        self.trials.extend(new)
        return new


def play_round(controller: Driven, policy: Policy, start_ms: float = 0.0,
               limit_ms: float = MAX_ROUND_MS) -> float:
    """Play until the model is finished (or `limit_ms` passes); returns the end time."""
    t = start_ms
    model = controller.model
    while not model.finished and t - start_ms < limit_ms:
        gesture = policy.plan(model, t)
        if gesture:
            for touch in gesture:
                if touch.t_ms >= t:
                    t = touch.t_ms
                    controller.on_touch(touch)
                else:
                    controller.on_touch(touch.at(t))   # never back in time
            continue
        upcoming = model.next_change_ms()
        t = max(t + 1.0, upcoming) if upcoming is not None and upcoming > t else t + IDLE_STEP_MS
        controller.tick(t)
    return t
