"""Pointing: one target at a time, on a ring (ISO 9241-9 serial task) or anywhere.

A touch-down is the selection. A hit needs the touch-down inside the target, the lift
still on it (or within LIFT_SLOP_MM), and a single finger: a palm or several fingers at
once is recorded as such. Reaction time runs from the target appearing to the first
contact. Without hover sensing a touchscreen cannot separate reaction from movement in a
discrete trial, so there movement time is also onset to contact; in serial play (no
pause) it is the time between successive selections, as in ISO 9241-9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from engine.game import RoundSetup, Trial
from engine.levels.difficulty import Difficulty
from engine.scoring.pointing import (
    Throughput,
    pointing_summary,
    selection_offsets,
    sequence_throughput,
)
from engine.scoring.stats import NAN
from engine.touch import Phase, Touch
from games.tap.base import EDGE_MM, LIFT_SLOP_MM, Feedback, TapModel

MIN_SEQUENCE = 4
WIDTH_BAND = 0.2


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
class _Selection:
    finger: int
    down_ms: float
    down_x: float
    down_y: float
    fingers: int
    several: bool = False


class PointingModel(TapModel):
    """One target at a time, shown until it is selected or its time limit runs out.
    Subclasses say where the next target is and whether play is serial."""

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.target: Target | None = None
        self._selection: _Selection | None = None
        self._last_down: float | None = None

    @property
    def selecting(self) -> bool:
        """A finger came down on the target and has not lifted yet."""
        return self._selection is not None

    @property
    def shown_width_mm(self) -> float:
        """The width drawn: the target's, or the level's before the first target."""
        return self.target.width_mm if self.target else float(self._params["width_mm"])

    def _next_spot(self, width: float, distance: float
                   ) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where the next target is, and where the movement to it starts."""
        raise NotImplementedError

    def _serial(self) -> bool:
        """Whether this selection follows the last one with no pause (ISO serial task)."""
        return False

    def _time_limit(self) -> float | None:
        return self.time_limit(self._params)

    def _start(self, t: float) -> None:
        width = self._fit_width(float(self._params["width_mm"]))
        here, before = self._next_spot(width, float(self._params["distance_mm"]))
        limit = self._time_limit()
        self.target = Target(here[0], here[1], width, before[0], before[1], t,
                             t + limit if limit else None)
        self._selection = None  # fingers already resting were counted as early touches
        if self.target.deadline_ms is not None:
            self.schedule(self.target.deadline_ms, self._too_slow, "deadline")

    def _too_slow(self, t: float) -> None:
        self._finish_point(None, t, "too_slow")

    def _touch(self, touch: Touch) -> None:
        target, sel = self.target, self._selection
        if touch.phase is Phase.DOWN:
            if target is None:
                self._early += 1
                return
            if sel is None:
                fingers = len(self.contacts)
                self._selection = _Selection(touch.finger, touch.t_ms, touch.x_mm,
                                             touch.y_mm, fingers, several=fingers > 1)
                self.cancel("deadline")   # a selection under way is not too slow
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
        serial = self._serial()
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

    def _numbers(self, trials: list[Trial]) -> dict[str, Any]:
        return pointing_numbers(trials)


class RingModel(PointingModel):
    """ISO 9241-9 serial task: N targets on a circle; the next target, across the circle,
    lights up when the current one is released (after `pause_ms`)."""

    layout = "ring"

    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self._ring_index = 0

    def ring_positions(self, width: float, distance: float, count: int
                       ) -> list[tuple[float, float]]:
        """N target centres on a circle of diameter `distance`, shrunk to fit the board."""
        cx, cy = self.centre
        radius = min(distance / 2.0, (min(self.board) - width) / 2.0 - EDGE_MM)
        radius = max(radius, 0.0)
        return [(self._mirror(cx + radius * math.sin(2 * math.pi * i / count)),
                 cy - radius * math.cos(2 * math.pi * i / count)) for i in range(count)]

    def spots(self, width: float) -> list[tuple[float, float]]:
        """The ring's target centres at this width (the view draws them all)."""
        return self.ring_positions(width, float(self._params["distance_mm"]),
                                   int(self._params["ring_targets"]))

    def _next_spot(self, width: float, distance: float
                   ) -> tuple[tuple[float, float], tuple[float, float]]:
        count = int(self._params["ring_targets"])
        spots = self.ring_positions(width, distance, count)
        step = (count + 1) // 2
        here = spots[self._ring_index % count]
        before = spots[(self._ring_index - step) % count]
        self._ring_index += step
        return here, before

    def _serial(self) -> bool:
        return float(self._params.get("pause_ms", 0)) == 0 and \
            self._last_down is not None and self.done > 0


class RandomModel(PointingModel):
    """A target appears somewhere `distance_mm` from the board's centre (the movement is
    measured from there: the last target is gone when the next one is placed)."""

    layout = "random"

    def _next_spot(self, width: float, distance: float
                   ) -> tuple[tuple[float, float], tuple[float, float]]:
        before = self.centre
        return self._random_spot(before, width, distance), before

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


def pointing_numbers(trials: list[Trial]) -> dict[str, Any]:
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
