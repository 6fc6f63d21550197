"""The tap game's rules. Pure: positions in mm, times in ms, no pygame, no wall clock.

Layouts
- ring: ISO 9241-9 serial task. N targets on a circle; the next target, across the
  circle, lights up when the current one is released (after `pause_ms`).
- random: a target appears somewhere about `distance_mm` from the last one.
- sequence: 3 to 7 pads light up in turn; the player taps the same pads in order.
- rhythm: tap two pads in turn as fast as possible for `duration_ms` (two-target test).

A touch-down is the selection. A hit needs the touch-down inside the target, the lift
still on it (or within LIFT_SLOP_MM), and a single finger: a palm or several fingers at
once is recorded as such. Reaction time runs from the target appearing to the first
contact. Without hover sensing a touchscreen cannot separate reaction from movement in a
discrete trial, so there movement time is also onset to contact; in serial play (no
pause) it is the time between successive selections, as in ISO 9241-9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.gestures import Contacts
from engine.levels.difficulty import Difficulty
from engine.scoring.pointing import (
    Throughput,
    pointing_summary,
    selection_offsets,
    sequence_throughput,
)
from engine.scoring.stats import NAN, mean, median
from engine.scoring.tapping import tapping
from engine.touch import Phase, Touch

LIFT_SLOP_MM = 3.0
EDGE_MM = 4.0
SEQUENCE_GAP_MS = 250.0
SEQUENCE_IDLE_MS = 6000.0
SEQUENCE_RESULT_MS = 900.0
RHYTHM_WAIT_MS = 30_000.0
FIRST_ONSET_MS = 800.0


@dataclass
class Target:
    """A dot to hit. `width_mm` is its diameter."""

    x_mm: float
    y_mm: float
    width_mm: float
    from_x_mm: float
    from_y_mm: float
    onset_ms: float
    deadline_ms: float | None

    def distance_to(self, x: float, y: float) -> float:
        return math.hypot(x - self.x_mm, y - self.y_mm)

    @property
    def radius_mm(self) -> float:
        return self.width_mm / 2.0


@dataclass
class Feedback:
    """The last thing that happened, for the view's hit effect or miss marker."""

    kind: str          # "hit" or "miss"
    x_mm: float
    y_mm: float
    t_ms: float
    reason: str = ""


@dataclass
class _Selection:
    finger: int
    down_ms: float
    down_x: float
    down_y: float
    fingers: int
    several: bool = False


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


class TapModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        params = difficulty.params()
        self.layout = str(params["layout"])
        self.total = int(params["trials"])
        self.contacts = Contacts()
        self.target: Target | None = None
        self.sequence: SequenceState | None = None
        self.rhythm: RhythmState | None = None
        self.feedback: Feedback | None = None
        self._selection: _Selection | None = None
        self._pending_onset: float | None = FIRST_ONSET_MS
        self._early = 0
        self._last_down: float | None = None
        self._ring_index = 0
        self._params = params

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

    def ring_positions(self, width: float, distance: float, count: int
                       ) -> list[tuple[float, float]]:
        """N target centres on a circle of diameter `distance`, shrunk to fit the board."""
        cx, cy = self.centre
        radius = min(distance / 2.0, (min(self.board) - width) / 2.0 - EDGE_MM)
        radius = max(radius, 0.0)
        return [(self._mirror(cx + radius * math.sin(2 * math.pi * i / count)),
                 cy - radius * math.cos(2 * math.pi * i / count)) for i in range(count)]

    # -- the engine's interface -------------------------------------------------------------
    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        contact = self.contacts.update(touch)
        if self._finished or contact is None:
            return
        if self.layout in ("ring", "random"):
            self._point_touch(touch)
        elif self.layout == "sequence":
            self._sequence_touch(touch)
        else:
            self._rhythm_touch(touch)

    def next_change_ms(self) -> float | None:
        if self._finished:
            return None
        if self._pending_onset is not None:
            return self._pending_onset
        if self.target is not None and self.target.deadline_ms is not None and \
                self._selection is None:
            return self.target.deadline_ms
        if self.sequence is not None:
            seq = self.sequence
            if seq.result_at is not None:
                return seq.result_at
            if self.now < seq.demo_end_ms:
                return seq.demo_end_ms
            last = seq.tap_times[-1] if seq.tap_times else seq.demo_end_ms
            return last + SEQUENCE_IDLE_MS
        if self.rhythm is not None:
            end = self.rhythm.end_ms
            return end if end is not None else self.rhythm.ready_ms + RHYTHM_WAIT_MS
        return None

    def _on_due(self, t: float) -> None:
        if self._pending_onset is not None and t >= self._pending_onset:
            self._pending_onset = None
            self._start_trial(t)
        elif self.target is not None and self._selection is None:
            self._finish_point(None, t, "too_slow")
        elif self.sequence is not None:
            seq = self.sequence
            if seq.result_at is not None:
                self._close_sequence(t)
            elif t > seq.demo_end_ms:
                self._end_sequence(t, success=False)  # nobody tapped for a while
        elif self.rhythm is not None:
            self._end_rhythm(t)

    # -- starting trials --------------------------------------------------------------------
    def _start_trial(self, t: float) -> None:
        self._params = self.difficulty.params()
        if self.layout in ("ring", "random"):
            self._start_point(t)
        elif self.layout == "sequence":
            self._start_sequence(t)
        else:
            self._start_rhythm(t)

    def _time_limit(self) -> float | None:
        limit = float(self._params.get("time_limit_ms", 0.0))
        return None if self.setup.self_paced or limit <= 0 else limit

    def _start_point(self, t: float) -> None:
        width = self._fit_width(float(self._params["width_mm"]))
        distance = float(self._params["distance_mm"])
        if self.layout == "ring":
            count = int(self._params["ring_targets"])
            spots = self.ring_positions(width, distance, count)
            step = (count + 1) // 2
            here = spots[self._ring_index % count]
            before = spots[(self._ring_index - step) % count]
            self._ring_index += step
        else:
            before = (self.target.x_mm, self.target.y_mm) if self.target else self.centre
            here = self._random_spot(before, width, distance)
        limit = self._time_limit()
        self.target = Target(here[0], here[1], width, before[0], before[1], t,
                             t + limit if limit else None)
        self._selection = None  # fingers already resting were counted as early touches

    def _random_spot(self, before: tuple[float, float], width: float,
                     distance: float) -> tuple[float, float]:
        margin = width / 2.0 + EDGE_MM
        lo_x, hi_x = margin, self.board[0] - margin
        lo_y, hi_y = margin, self.board[1] - margin
        for _ in range(60):
            angle = self.rng.uniform(0, 2 * math.pi)
            x = before[0] + distance * math.cos(angle)
            y = before[1] + distance * math.sin(angle)
            if lo_x <= x <= hi_x and lo_y <= y <= hi_y:
                return (x, y)
        return (self.rng.uniform(lo_x, max(lo_x, hi_x)), self.rng.uniform(lo_y, max(lo_y, hi_y)))

    # -- pointing ---------------------------------------------------------------------------
    def _point_touch(self, touch: Touch) -> None:
        target, sel = self.target, self._selection
        if touch.phase is Phase.DOWN:
            if target is None or self._pending_onset is not None:
                self._early += 1
                return
            if sel is None:
                fingers = len(self.contacts)
                self._selection = _Selection(touch.finger, touch.t_ms, touch.x_mm,
                                             touch.y_mm, fingers, several=fingers > 1)
            else:
                sel.fingers = max(sel.fingers, len(self.contacts))
                sel.several = True
            return
        if sel is None or touch.finger != sel.finger or touch.phase is not Phase.UP:
            return
        self._finish_point(touch, touch.t_ms, None)

    def _finish_point(self, up: Touch | None, t: float, forced: str | None) -> None:
        target, sel = self.target, self._selection
        assert target is not None
        if forced is not None or sel is None or up is None:
            outcome = forced or "too_slow"
            down_ms = up_ms = down_x = down_y = up_x = up_y = NAN
            fingers = 0
        else:
            down_ms, down_x, down_y, fingers = sel.down_ms, sel.down_x, sel.down_y, sel.fingers
            up_ms, up_x, up_y = up.t_ms, up.x_mm, up.y_mm
            inside = target.distance_to(down_x, down_y) <= target.radius_mm
            stayed = target.distance_to(up_x, up_y) <= target.radius_mm + LIFT_SLOP_MM
            outcome = ("several_fingers" if sel.several else "hit" if inside and stayed
                       else "slid_off" if inside else "miss")
        success = outcome == "hit"
        serial = self.layout == "ring" and float(self._params.get("pause_ms", 0)) == 0 \
            and self._last_down is not None and self.done > 0
        reaction = down_ms - target.onset_ms
        movement = down_ms - self._last_down if serial and self._last_down is not None \
            else reaction
        dx = float(selection_offsets([target.from_x_mm, target.from_y_mm],
                                     [target.x_mm, target.y_mm], [down_x, down_y])[0]) \
            if math.isfinite(down_x) else NAN
        trial: Trial = {
            "kind": "point", "index": self.done, "outcome": outcome, "success": success,
            "level_value": self.difficulty.adapted,
            "target_x_mm": target.x_mm, "target_y_mm": target.y_mm,
            "target_w_mm": target.width_mm, "from_x_mm": target.from_x_mm,
            "from_y_mm": target.from_y_mm,
            "distance_mm": math.hypot(target.x_mm - target.from_x_mm,
                                      target.y_mm - target.from_y_mm),
            "onset_ms": target.onset_ms, "down_ms": down_ms, "up_ms": up_ms,
            "down_x_mm": down_x, "down_y_mm": down_y, "up_x_mm": up_x, "up_y_mm": up_y,
            "reaction_ms": reaction, "movement_ms": movement, "dwell_ms": up_ms - down_ms,
            "endpoint_error_mm": target.distance_to(down_x, down_y),
            "axis_offset_mm": dx, "fingers": fingers, "early_touches": self._early,
            "time_limit_ms": target.deadline_ms - target.onset_ms if target.deadline_ms
            else None, "serial": serial,
        }
        if math.isfinite(down_ms):
            self._last_down = down_ms
        self._early = 0
        x, y = (down_x, down_y) if math.isfinite(down_x) else (target.x_mm, target.y_mm)
        self.feedback = Feedback("hit" if success else "miss", x, y, t, outcome)
        self._record(trial, t)
        self.target, self._selection = None, None

    def _record(self, trial: Trial, t: float) -> None:
        self.difficulty.update(trial["success"])
        self.results.append(trial)
        self._new.append(trial)
        self.done += 1
        if self.done >= self.total:
            self._finished = True
            return
        pause = float(self._params.get("pause_ms", 0.0))
        if self.layout == "rhythm":
            pause = max(pause, 2500.0)
        elif self.layout == "sequence":
            pause = max(pause, 600.0)
        self._pending_onset = t + pause

    # -- sequence ------------------------------------------------------------------------
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

    def _start_sequence(self, t: float) -> None:
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

    def pad_at(self, pads: list[tuple[float, float]], width: float, x: float, y: float
               ) -> tuple[int | None, float]:
        """The pad under (x, y), forgiving by LIFT_SLOP_MM, and the distance to its centre."""
        best = min(range(len(pads)), key=lambda i: math.hypot(x - pads[i][0], y - pads[i][1]))
        distance = math.hypot(x - pads[best][0], y - pads[best][1])
        return (best if distance <= width / 2 + LIFT_SLOP_MM else None), distance

    def _sequence_touch(self, touch: Touch) -> None:
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

    def _end_sequence(self, t: float, success: bool) -> None:
        seq = self.sequence
        assert seq is not None
        seq.success = success
        seq.result_at = t + SEQUENCE_RESULT_MS

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

    # -- rhythm --------------------------------------------------------------------------
    def _start_rhythm(self, t: float) -> None:
        width = self._fit_width(float(self._params["width_mm"]))
        distance = min(float(self._params["distance_mm"]), self.board[0] - width - 2 * EDGE_MM)
        cx, cy = self.centre
        pads = [(self._mirror(cx - distance / 2), cy), (self._mirror(cx + distance / 2), cy)]
        self.rhythm = RhythmState(pads, width, float(self._params["duration_ms"]), t)

    def _rhythm_touch(self, touch: Touch) -> None:
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

    # -- the round's numbers ------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        trials = self.results
        base = {"layout": self.layout, "trials": len(trials),
                "success_rate": mean([t["success"] for t in trials]) if trials else NAN,
                "final_value": self.difficulty.adapted}
        if self.layout in ("ring", "random"):
            return {**base, **_pointing_numbers(trials)}
        if self.layout == "sequence":
            return {**base, "longest_correct": max((t["correct_taps"] for t in trials),
                                                   default=0),
                    "reaction_ms_median": median([t["reaction_ms"] for t in trials]),
                    "endpoint_error_mm": mean([t["endpoint_error_mm"] for t in trials]),
                    "hit_rate": base["success_rate"]}
        return {**base, "hit_rate": mean([t["accuracy"] for t in trials]),
                "tap_count": mean([t["tap_count"] for t in trials]),
                "frequency_per_s": mean([t["frequency_per_s"] for t in trials]),
                "interval_cv_percent": mean([t["interval_ms_cv_percent"] for t in trials]),
                "fatigue_ms": mean([t["fatigue_ms"] for t in trials]),
                "dwell_ms_median": median([t["dwell_ms_median"] for t in trials]),
                "dysmetria_mm": mean([t["dysmetria_mm"] for t in trials])}


def _pointing_numbers(trials: list[Trial]) -> dict[str, Any]:
    """Hit rate, robust times, endpoints and ISO throughput for pointing trials."""
    touched = [t for t in trials if math.isfinite(t["down_ms"])]
    summary = pointing_summary(
        [t["success"] for t in trials], [t["reaction_ms"] for t in touched],
        [t["movement_ms"] for t in touched],
        [(t["down_x_mm"], t["down_y_mm"]) for t in touched],
        [(t["target_x_mm"], t["target_y_mm"]) for t in touched], throughput_groups(trials))
    return {"hit_rate": summary.hit_rate,
            "reaction_ms_median": summary.reaction_ms.median,
            "reaction_ms_iqr": summary.reaction_ms.iqr,
            "reaction_ms_mean": summary.reaction_ms.mean,
            "movement_ms_median": summary.movement_ms.median,
            "endpoint_error_mm": summary.endpoints.error_mean_mm,
            "endpoint_spread_mm": summary.endpoints.spread_mm,
            "throughput_bits_per_s": summary.throughput_bits_per_s,
            "several_fingers": sum(t["outcome"] == "several_fingers" for t in trials),
            "too_slow": sum(t["outcome"] == "too_slow" for t in trials),
            "width_mm_final": trials[-1]["target_w_mm"] if trials else NAN}


MIN_SEQUENCE = 4
WIDTH_BAND = 0.2


def throughput_groups(trials: list[Trial]) -> list[Throughput]:
    """ISO throughput per distance-width condition, never pooled across conditions.

    With an adaptive width, trials whose widths fall in the same 20 % band (on a log
    scale) and whose distances round to the same millimetre form one
    condition; conditions with fewer than MIN_SEQUENCE selections are left out. The first
    trial of a serial round has no defined start and is left out too.
    """
    groups: dict[tuple[int, int], list[Trial]] = {}
    for t in trials:
        if not math.isfinite(t["down_ms"]) or not math.isfinite(t["movement_ms"]) or \
                (t["kind"] == "point" and t["index"] == 0 and _serial_round(trials)):
            continue
        key = (round(t["distance_mm"]), round(math.log(t["target_w_mm"]) / WIDTH_BAND))
        groups.setdefault(key, []).append(t)
    out = []
    for group in groups.values():
        if len(group) < MIN_SEQUENCE:
            continue
        out.append(sequence_throughput(
            [(t["from_x_mm"], t["from_y_mm"]) for t in group],
            [(t["target_x_mm"], t["target_y_mm"]) for t in group],
            [(t["down_x_mm"], t["down_y_mm"]) for t in group],
            [t["movement_ms"] for t in group], serial=all(t["serial"] for t in group)))
    return out


def _serial_round(trials: list[Trial]) -> bool:
    return any(t.get("serial") for t in trials)
