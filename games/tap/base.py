"""What the tap game's layouts share: the board, the fingers down, the feedback, the
pause between trials and the summary's first numbers. Pure: mm and ms, no pygame."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.gestures import Contacts
from engine.levels.difficulty import Difficulty
from engine.touch import Touch
from engine.trial import success_rate

LIFT_SLOP_MM = 3.0
EDGE_MM = 4.0
FIRST_ONSET_MS = 800.0


@dataclass
class Feedback:
    """The last thing that happened, for the view's hit effect or miss marker."""

    kind: str          # "hit" or "miss"
    x_mm: float
    y_mm: float
    t_ms: float
    reason: str = ""


class TapModel(RoundModel):
    """A tap round of one layout: trials start FIRST_ONSET_MS in, then a pause (at least
    `min_pause_ms`) after each. Subclasses start a trial, take its touches and add
    their numbers to the summary."""

    layout: ClassVar[str]
    min_pause_ms: ClassVar[float] = 0.0

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        params = difficulty.params()
        self.total = int(params["trials"])
        self.contacts = Contacts()
        self.feedback: Feedback | None = None
        self._early = 0
        self._params = params
        self.schedule(FIRST_ONSET_MS, self._start_trial, "start")

    # -- board geometry --------------------------------------------------------------------
    @property
    def board(self) -> tuple[float, float]:
        return (self.setup.board_w_mm, self.setup.board_h_mm)

    def _mirror(self, x: float) -> float:
        return self.board[0] - x if self.setup.mirrored else x

    @property
    def centre(self) -> tuple[float, float]:
        return (self.board[0] / 2.0, self.board[1] / 2.0)

    def _fit_width(self, width: float) -> float:
        return min(width, self.board[1] - 2 * EDGE_MM, self.board[0] - 2 * EDGE_MM)

    def pad_at(self, pads: list[tuple[float, float]], width: float, x: float, y: float
               ) -> tuple[int | None, float]:
        """The pad under (x, y), forgiving by LIFT_SLOP_MM, and the distance to its centre."""
        best = min(range(len(pads)), key=lambda i: math.hypot(x - pads[i][0], y - pads[i][1]))
        distance = math.hypot(x - pads[best][0], y - pads[best][1])
        return (best if distance <= width / 2 + LIFT_SLOP_MM else None), distance

    # -- trials ------------------------------------------------------------------------------
    @property
    def waiting(self) -> bool:
        """Between trials: the next one is on its way."""
        return self.scheduled("start") is not None

    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        contact = self.contacts.update(touch)
        if self._finished or contact is None:
            return
        self._touch(touch)

    def _start_trial(self, t: float) -> None:
        self._params = self.difficulty.params()
        self._start(t)

    def _start(self, t: float) -> None:
        raise NotImplementedError

    def _touch(self, touch: Touch) -> None:
        raise NotImplementedError

    def _record(self, trial: Trial, t: float) -> None:
        """Record a finished trial and start the next after the pause."""
        if self.record(trial):
            pause = max(float(self._params.get("pause_ms", 0.0)), self.min_pause_ms)
            self.schedule(t + pause, self._start_trial, "start")

    # -- the round's numbers ------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        trials = self.results
        return {"layout": self.layout, "trials": len(trials),
                "success_rate": success_rate(trials), "final_value": self.difficulty.adapted,
                **self._numbers(trials)}

    def _numbers(self, trials: list[Trial]) -> dict[str, Any]:
        """The layout's own numbers for the summary."""
        raise NotImplementedError
