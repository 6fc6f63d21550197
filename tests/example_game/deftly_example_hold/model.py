"""The hold game's rules: a circle appears; touch it and keep the finger inside until the
hold time has passed. Pure: touches in, trials out."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import mean, median
from engine.touch import Phase, Touch


@dataclass
class Circle:
    x_mm: float
    y_mm: float
    size_mm: float
    hold_ms: float
    onset_ms: float
    finger: int | None = None
    down_ms: float | None = None
    drift_mm: float = 0.0
    tries: int = 0

    def inside(self, x_mm: float, y_mm: float) -> bool:
        return math.dist((x_mm, y_mm), (self.x_mm, self.y_mm)) <= self.size_mm / 2


class HoldModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.total = int(difficulty.params()["trials"])
        self.circle: Circle | None = None
        self._down_xy = (0.0, 0.0)
        self.schedule(float(difficulty.params()["pause_ms"]), self._show)

    def _show(self, t_ms: float) -> None:
        p = self.difficulty.params()
        size = float(p["size_mm"])
        margin = size / 2 + 2.0
        w, h = self.setup.board_w_mm, self.setup.board_h_mm
        self.circle = Circle(self.rng.uniform(margin, max(margin, w - margin)),
                             self.rng.uniform(margin, max(margin, h - margin)),
                             size, float(p["hold_ms"]), t_ms)
        self.schedule(t_ms + float(p["limit_ms"]), lambda t: self._end(t, "too_slow"),
                      key="limit")

    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        circle = self.circle
        if circle is None or self.finished:
            return
        if touch.phase is Phase.DOWN and circle.finger is None:
            circle.tries += 1
            if circle.inside(touch.x_mm, touch.y_mm):
                circle.finger, circle.down_ms = touch.finger, touch.t_ms
                self._down_xy = (touch.x_mm, touch.y_mm)
                self.schedule(touch.t_ms + circle.hold_ms, lambda t: self._end(t, "held"),
                              key="held")
        elif touch.finger == circle.finger and touch.phase is Phase.MOVE:
            circle.drift_mm = max(circle.drift_mm,
                                  math.dist(self._down_xy, (touch.x_mm, touch.y_mm)))
            if not circle.inside(touch.x_mm, touch.y_mm):
                self._end(touch.t_ms, "slipped_off")
        elif touch.finger == circle.finger and touch.phase is Phase.UP:
            self._end(touch.t_ms, "let_go")

    def _end(self, t_ms: float, outcome: str) -> None:
        circle = self.circle
        assert circle is not None
        self.cancel("limit")
        self.cancel("held")
        self.circle = None
        held = 0.0 if circle.down_ms is None else t_ms - circle.down_ms
        trial: Trial = {"success": outcome == "held", "level_value": self.difficulty.adapted,
                        "counts_for_staircase": True, "outcome": outcome,
                        "onset_ms": circle.onset_ms, "end_ms": t_ms,
                        "reaction_ms": None if circle.down_ms is None
                        else circle.down_ms - circle.onset_ms,
                        "held_ms": held, "drift_mm": circle.drift_mm, "tries": circle.tries,
                        "size_mm": circle.size_mm, "index": self.done}
        if self.record(trial):
            self.schedule(t_ms + float(self.difficulty.params()["pause_ms"]), self._show)

    def summary(self) -> dict[str, Any]:
        done = self.results
        reactions = [tr["reaction_ms"] for tr in done if tr["reaction_ms"] is not None]
        return {"kind": "hold", "trials": len(done),
                "success_rate": mean([float(tr["success"]) for tr in done]),
                "held_ms_median": median([tr["held_ms"] for tr in done]),
                "drift_mm_median": median([tr["drift_mm"] for tr in done]),
                "reaction_ms_median": median(reactions),
                "final_value": self.difficulty.adapted}
