"""Pinch-to-size: spread or pinch two fingers to scale a circle until it matches an
outline, then hold it there for a moment (grip aperture control).

A trial succeeds when the size is held within the tolerance for `hold_ms`, with the
fingers down, within the time limit and at most MAX_GRIPS grips (one fresh try allowed).

In one-finger mode the player drags a handle on the circle's edge instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.gestures import Contacts, two_finger_pose
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import mean, median
from engine.touch import Phase, Touch
from engine.trial import success_rate
from games.pinch.params import ONE_FINGER

MIN_MM, MAX_MM = 8.0, 90.0
MAX_GRIPS = 2
FIRST_ONSET_MS = 600.0
PAUSE_MS = 1000.0


@dataclass
class Sizing:
    target_mm: float
    size_mm: float
    start_mm: float
    onset_ms: float
    deadline_ms: float | None
    fingers: tuple[int, ...] = ()
    base_mm: float = 0.0
    base_aperture_mm: float = 0.0
    matched_since: float | None = None
    first_match_ms: float | None = None
    crossings: int = 0
    grips: int = 0
    samples: list[tuple[float, float]] = field(default_factory=list)


class SizeModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.one_finger = setup.variant == ONE_FINGER
        params = difficulty.params()
        self._params = params
        self.total = int(params["trials"])
        self.contacts = Contacts()
        self.sizing: Sizing | None = None
        self.last_success: bool | None = None
        self.schedule(FIRST_ONSET_MS, self._start)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.setup.board_w_mm / 2, self.setup.board_h_mm / 2)

    def largest_mm(self) -> float:
        return min(MAX_MM, self.setup.board_h_mm - 12.0, self.setup.board_w_mm - 12.0)

    # -- the engine's interface -------------------------------------------------------------
    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        self.contacts.update(touch)
        s = self.sizing
        if self._finished or s is None:
            return
        if touch.phase is Phase.DOWN and not s.fingers:
            self._grip(s, touch)
        elif touch.finger in s.fingers:
            if touch.phase is Phase.UP:
                s.fingers = ()
                s.matched_since = None   # the size must be held with the fingers on
            else:
                self._resize(s, touch.t_ms)
        self._watch_hold(s)

    def _watch_hold(self, s: Sizing) -> None:
        """A size matched with the fingers on is held once `hold_ms` has passed."""
        if s.matched_since is not None and s.fingers:
            self.schedule(s.matched_since + float(self._params["hold_ms"]), self._settle,
                          "hold")
        else:
            self.cancel("hold")

    def _settle(self, t_ms: float) -> None:
        """The size was held long enough (a success with few grips), or time ran out."""
        s = self.sizing
        assert s is not None
        held = s.matched_since is not None and bool(s.fingers) and \
            t_ms >= s.matched_since + float(self._params["hold_ms"])
        self._finish(t_ms, held and s.grips <= MAX_GRIPS)

    # -- trials -------------------------------------------------------------------------------
    def _start(self, t: float) -> None:
        self._params = self.difficulty.params()
        largest = self.largest_mm()
        target = self.rng.uniform(max(MIN_MM + 8, largest * 0.3), largest * 0.9)
        start = target * self.rng.choice([0.5, 0.6, 1.4, 1.6])
        start = min(max(start, MIN_MM), largest)
        limit = self.time_limit(self._params)
        deadline = None if limit is None else t + limit
        self.sizing = Sizing(target, start, start, t, deadline)
        if deadline is not None:
            self.schedule(deadline, self._settle, "deadline")

    def handle_point(self) -> tuple[float, float]:
        """The one-finger handle: on the circle's edge, on the side of the playing hand."""
        s = self.sizing
        cx, cy = self.centre
        r = (s.size_mm if s else MIN_MM) / 2
        return (cx - r, cy) if self.setup.mirrored else (cx + r, cy)

    def _grip(self, s: Sizing, touch: Touch) -> None:
        if self.one_finger:
            hx, hy = self.handle_point()
            if math.hypot(touch.x_mm - hx, touch.y_mm - hy) <= 12.0:
                s.fingers, s.grips = (touch.finger,), s.grips + 1
            return
        down = self.contacts.all
        if len(down) >= 2:
            a, b = down[0], down[1]
            aperture = two_finger_pose(a, b).aperture_mm
            if aperture > 2.0:
                s.fingers, s.grips = (a.finger, b.finger), s.grips + 1
                s.base_mm, s.base_aperture_mm = s.size_mm, aperture

    def _resize(self, s: Sizing, t: float) -> None:
        contacts = [c for f in s.fingers if (c := self.contacts.get(f)) is not None]
        if len(contacts) < len(s.fingers):
            return
        if self.one_finger:
            c = contacts[0]
            size = 2 * math.hypot(c.x_mm - self.centre[0], c.y_mm - self.centre[1])
        else:
            aperture = two_finger_pose(contacts[0], contacts[1]).aperture_mm
            size = s.base_mm * aperture / max(s.base_aperture_mm, 2.0)
        size = min(max(size, MIN_MM), self.largest_mm())
        before = s.size_mm - s.target_mm
        s.size_mm = size
        after = size - s.target_mm
        if before * after < 0:
            s.crossings += 1
        s.samples.append((t, size))
        tolerance = float(self._params["size_tolerance_mm"])
        if abs(after) <= tolerance:
            if s.matched_since is None:
                s.matched_since = t
            if s.first_match_ms is None:
                s.first_match_ms = t
        else:
            s.matched_since = None

    def _finish(self, t: float, success: bool) -> None:
        s = self.sizing
        assert s is not None
        self.sizing = None
        self.cancel("deadline")
        self.cancel("hold")
        record: Trial = {
            "kind": "size", "index": self.done, "success": success,
            "outcome": "held" if success else ("too_slow" if s.first_match_ms is None
                                               or s.matched_since is None else "many_tries"),
            "level_value": self.difficulty.adapted,
            "mode": ONE_FINGER if self.one_finger else "pinch",
            "target_mm": s.target_mm, "start_mm": s.start_mm, "final_mm": s.size_mm,
            "aperture_error_mm": abs(s.size_mm - s.target_mm),
            "tolerance_mm": float(self._params["size_tolerance_mm"]),
            "onset_ms": s.onset_ms, "end_ms": t,
            "time_to_match_ms": s.first_match_ms - s.onset_ms if s.first_match_ms else None,
            "overshoots": s.crossings, "grips": s.grips,
        }
        self.last_success = success
        if self.record(record):
            self.schedule(t + PAUSE_MS, self._start)

    def summary(self) -> dict[str, Any]:
        trials = self.results
        return {
            "kind": "size", "mode": ONE_FINGER if self.one_finger else "pinch",
            "trials": len(trials),
            "success_rate": success_rate(trials),
            "final_value": self.difficulty.adapted,
            "aperture_error_mm": mean([t["aperture_error_mm"] for t in trials]),
            "time_to_match_ms": median([t["time_to_match_ms"] for t in trials
                                        if t["time_to_match_ms"] is not None]),
            "overshoots": mean([t["overshoots"] for t in trials]),
        }
