"""Drive a round with a simulated player: gestures from the policy, time from the model."""

from __future__ import annotations

from typing import Any, Protocol

from engine.game import GameModel, Policy
from engine.touch import Touch

IDLE_STEP_MS = 50.0
MAX_ROUND_MS = 20 * 60_000.0


class Driven(Protocol):
    """What a simulated player drives: a round controller, or a demonstration's recorder."""

    @property
    def model(self) -> GameModel: ...

    def on_touch(self, touch: Touch, /) -> Any: ...

    def tick(self, t_ms: float, /) -> Any: ...


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
