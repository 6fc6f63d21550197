"""Rhythm: tap two pads in turn as fast as possible for `duration_ms` (two-target test)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import mean, median
from engine.scoring.tapping import tapping
from engine.touch import Phase, Touch
from games.tap.base import EDGE_MM, Feedback, TapModel

RHYTHM_WAIT_MS = 30_000.0


@dataclass
class RhythmState:
    pads: list[tuple[float, float]]
    width_mm: float
    duration_ms: float
    ready_ms: float
    start_ms: float | None = None
    downs: list[tuple[float, float, float, int]] = field(default_factory=list)
    ups: list[float] = field(default_factory=list)
    correct: int = 0
    expected: int | None = None

    @property
    def end_ms(self) -> float | None:
        return None if self.start_ms is None else self.start_ms + self.duration_ms


class RhythmModel(TapModel):
    """A bout starts with a tap on either pad and lasts `duration_ms`; a bout nobody
    starts ends after RHYTHM_WAIT_MS."""

    layout = "rhythm"
    min_pause_ms = 2500.0

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.rhythm: RhythmState | None = None

    def _start(self, t: float) -> None:
        width = self._fit_width(float(self._params["width_mm"]))
        distance = min(float(self._params["distance_mm"]), self.board[0] - width - 2 * EDGE_MM)
        cx, cy = self.centre
        pads = [(self._mirror(cx - distance / 2), cy), (self._mirror(cx + distance / 2), cy)]
        self.rhythm = RhythmState(pads, width, float(self._params["duration_ms"]), t)
        self.schedule(t + RHYTHM_WAIT_MS, self._end_rhythm, "end")

    def _touch(self, touch: Touch) -> None:
        rh = self.rhythm
        if rh is None:
            if touch.phase is Phase.DOWN:
                self._early += 1
            return
        if touch.phase is Phase.UP:
            if rh.start_ms is not None:
                rh.ups.append(touch.t_ms)
            return
        if touch.phase is not Phase.DOWN:
            return
        pad, _ = self.pad_at(rh.pads, rh.width_mm, touch.x_mm, touch.y_mm)
        if rh.start_ms is None:
            if pad is None:
                return  # the bout starts with a tap on a pad
            rh.start_ms = touch.t_ms
            self.schedule(rh.start_ms + rh.duration_ms, self._end_rhythm, "end")
        wanted = pad if rh.expected is None else rh.expected
        if wanted is None:
            return   # (cannot happen: a bout starts on a pad)
        ok = pad is not None and pad == wanted and len(self.contacts) == 1
        rh.downs.append((touch.t_ms, touch.x_mm, touch.y_mm, wanted))
        if ok:
            rh.correct += 1
        rh.expected = 1 - wanted
        self.feedback = Feedback("hit" if ok else "miss", touch.x_mm, touch.y_mm, touch.t_ms,
                                 "step")

    def _end_rhythm(self, t: float) -> None:
        rh = self.rhythm
        assert rh is not None
        downs = rh.downs
        down_ms = [d[0] for d in downs]
        xy = [(d[1], d[2]) for d in downs]
        targets = [rh.pads[d[3]] for d in downs]
        start = rh.start_ms if rh.start_ms is not None else t
        result = tapping(down_ms, rh.ups, xy, targets, start, start + rh.duration_ms)
        accuracy = rh.correct / len(downs) if downs else 0.0
        trial: Trial = {
            "kind": "rhythm", "index": self.done, "success": accuracy >= 0.8 and len(downs) >= 4,
            "outcome": "hit" if accuracy >= 0.8 else "miss",
            "level_value": self.difficulty.adapted, "pad_w_mm": rh.width_mm,
            "distance_mm": math.hypot(rh.pads[1][0] - rh.pads[0][0], 0.0),
            "onset_ms": rh.ready_ms, "accuracy": accuracy, "correct_taps": rh.correct,
            "early_touches": self._early, **result.to_dict(),
        }
        self._early = 0
        self.rhythm = None
        self._record(trial, t)

    def _numbers(self, trials: list[Trial]) -> dict[str, Any]:
        return {"hit_rate": mean([t["accuracy"] for t in trials]),
                "tap_count": mean([t["tap_count"] for t in trials]),
                "frequency_per_s": mean([t["frequency_per_s"] for t in trials]),
                "interval_cv_percent": mean([t["interval_ms_cv_percent"] for t in trials]),
                "fatigue_ms": mean([t["fatigue_ms"] for t in trials]),
                "dwell_ms_median": median([t["dwell_ms_median"] for t in trials]),
                "dysmetria_mm": mean([t["dysmetria_mm"] for t in trials])}
