"""Sequence: 3 to 7 pads light up in turn; the player taps the same pads in order."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import NAN, mean, median
from engine.touch import Phase, Touch
from engine.trial import success_rate
from games.tap.base import EDGE_MM, Feedback, TapModel

SEQUENCE_GAP_MS = 250.0
SEQUENCE_IDLE_MS = 6000.0
SEQUENCE_RESULT_MS = 900.0


@dataclass
class SequenceState:
    pads: list[tuple[float, float]]
    width_mm: float
    order: list[int]
    demo_start_ms: float
    show_ms: float
    entered: list[int] = field(default_factory=list)
    tap_times: list[float] = field(default_factory=list)
    errors_mm: list[float] = field(default_factory=list)
    result_at: float | None = None
    success: bool = False

    @property
    def demo_end_ms(self) -> float:
        return self.demo_start_ms + len(self.order) * (self.show_ms + SEQUENCE_GAP_MS)

    def lit(self, t_ms: float) -> int | None:
        """The pad lit at `t_ms` during the demonstration."""
        if t_ms < self.demo_start_ms or t_ms >= self.demo_end_ms:
            return None
        step, within = divmod(t_ms - self.demo_start_ms, self.show_ms + SEQUENCE_GAP_MS)
        return self.order[int(step)] if within < self.show_ms else None


class SequenceModel(TapModel):
    """The pads light up in order (the demonstration); then the player repeats it. A
    wrong pad, several fingers or SEQUENCE_IDLE_MS without a tap ends the try; the
    result shows for SEQUENCE_RESULT_MS."""

    layout = "sequence"
    min_pause_ms = 600.0

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.sequence: SequenceState | None = None

    def pad_positions(self, count: int, width: float) -> list[tuple[float, float]]:
        """Pads on a gentle arc, like fingertips above a thumb (mirrored for the left hand)."""
        cx, cy = self.centre
        spread = min(self.board[0] - width - 2 * EDGE_MM, count * (width + 10.0))
        if count == 1:
            return [(cx, cy)]
        out = []
        for i in range(count):
            f = i / (count - 1) - 0.5
            x = cx + f * spread
            y = cy + 0.35 * min(self.board[1] / 2 - width, 30.0) * (4 * f * f - 0.5)
            out.append((self._mirror(x), y))
        return out

    def _start(self, t: float) -> None:
        count = int(self._params["pads"])
        width = self._fit_width(min(float(self._params["width_mm"]),
                                    (self.board[0] - 2 * EDGE_MM) / count - 4.0))
        length = max(2, round(float(self._params["sequence_length"])))
        order: list[int] = []
        for _ in range(length):
            choices = [i for i in range(count) if not order or i != order[-1]]
            order.append(self.rng.choice(choices))
        self.sequence = SequenceState(self.pad_positions(count, width), width, order, t,
                                      float(self._params["show_ms"]))
        self.schedule(self.sequence.demo_end_ms, self._wait_for_taps, "try")

    def _wait_for_taps(self, t: float) -> None:
        """The player's turn: a try nobody carries on ends after SEQUENCE_IDLE_MS."""
        self.schedule(t + SEQUENCE_IDLE_MS, self._idle, "try")

    def _idle(self, t: float) -> None:
        self._end_sequence(t, success=False)

    def _touch(self, touch: Touch) -> None:
        seq = self.sequence
        if touch.phase is not Phase.DOWN:
            return
        if seq is None or seq.result_at is not None or touch.t_ms < seq.demo_end_ms:
            self._early += 1
            return
        pad, _ = self.pad_at(seq.pads, seq.width_mm, touch.x_mm, touch.y_mm)
        expected = seq.order[len(seq.entered)]
        seq.tap_times.append(touch.t_ms)
        seq.errors_mm.append(math.hypot(touch.x_mm - seq.pads[expected][0],
                                        touch.y_mm - seq.pads[expected][1]))
        seq.entered.append(-1 if pad is None else pad)
        if pad != expected or len(self.contacts) > 1:
            self._end_sequence(touch.t_ms, success=False)
            self.feedback = Feedback("miss", touch.x_mm, touch.y_mm, touch.t_ms)
        elif len(seq.entered) == len(seq.order):
            self._end_sequence(touch.t_ms, success=True)
            self.feedback = Feedback("hit", touch.x_mm, touch.y_mm, touch.t_ms)
        else:
            self.feedback = Feedback("hit", touch.x_mm, touch.y_mm, touch.t_ms, "step")
            self._wait_for_taps(touch.t_ms)

    def _end_sequence(self, t: float, success: bool) -> None:
        seq = self.sequence
        assert seq is not None
        seq.success = success
        seq.result_at = t + SEQUENCE_RESULT_MS
        self.schedule(seq.result_at, self._close_sequence, "try")

    def _close_sequence(self, t: float) -> None:
        seq = self.sequence
        assert seq is not None
        correct = 0
        for want, got in zip(seq.order, seq.entered, strict=False):
            if want != got:
                break
            correct += 1
        intervals = [b - a for a, b in zip(seq.tap_times, seq.tap_times[1:], strict=False)]
        trial: Trial = {
            "kind": "sequence", "index": self.done, "success": seq.success,
            "outcome": "hit" if seq.success else "miss",
            "level_value": self.difficulty.adapted, "length": len(seq.order),
            "pads": len(seq.pads), "pad_w_mm": seq.width_mm, "order": seq.order,
            "entered": seq.entered, "correct_taps": correct,
            "onset_ms": seq.demo_start_ms, "demo_end_ms": seq.demo_end_ms,
            "reaction_ms": seq.tap_times[0] - seq.demo_end_ms if seq.tap_times else NAN,
            "interval_ms_mean": mean(intervals), "endpoint_error_mm": mean(seq.errors_mm),
            "early_touches": self._early,
        }
        self._early = 0
        self.sequence = None
        self._record(trial, t)

    def _numbers(self, trials: list[Trial]) -> dict[str, Any]:
        return {"longest_correct": max((t["correct_taps"] for t in trials), default=0),
                "reaction_ms_median": median([t["reaction_ms"] for t in trials]),
                "endpoint_error_mm": mean([t["endpoint_error_mm"] for t in trials]),
                "hit_rate": success_rate(trials)}
