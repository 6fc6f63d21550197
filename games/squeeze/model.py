"""The squeeze game's rules. A trial goes: the ball appears ("reach": the fingertips land
on it), the hand closes ("squeeze") to the squeeze mark and holds ("hold"), and on the
cue every finger lets go ("release"). A cycles trial counts full grip-and-release cycles
in `cycle_ms` ("bout"); a pinch trial holds the ball at a size ("pinch"). Between trials
every finger leaves the screen ("clear"). A touchscreen measures how the hand closes,
holds still and opens, never how hard it squeezes. Pure: touches in, trials out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.placement import Finger, Side
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import mean, median
from engine.scoring.steadiness import NOTHING, Steadiness, steadiness
from engine.touch import Phase, Touch
from engine.trial import numbers, success_rate
from games.squeeze.ball import (
    Point,
    aperture,
    closing,
    grip_fingers,
    name_contacts,
    pair_fingers,
    spread,
)
from games.squeeze.params import ONE_FINGER

ON_BALL_SLACK_MM = 8.0
"""A fingertip this far outside the ball's edge is still on it."""
BOUT_WAIT_MS = 30_000.0
"""A cycles bout that nobody starts ends after this."""
HINT_MS = 2000.0
PINCH_CUE_MS = 600.0


@dataclass
class Attempt:
    """One trial as it happens."""

    task: str
    fingers: tuple[Finger, ...]
    onset_ms: float
    label: str = ""
    ids: list[int] = field(default_factory=list)
    """The touches on the ball that make the grip, in landing order."""
    names: tuple[Finger | None, ...] = ()
    gripped_ms: float | None = None
    start_spread: float = math.nan
    depth: float = 0.0
    closed_ms: float | None = None
    cue_ms: float | None = None
    ups: dict[int, float] = field(default_factory=dict)
    strays: int = 0
    cycles: int = 0
    cycle_closed: bool = False
    cycle_depths: list[float] = field(default_factory=list)
    bout_start_ms: float | None = None
    hold_start_ms: float | None = None
    samples: list[tuple[float, float, tuple[Point, ...]]] = field(default_factory=list)
    """Pinch: (t, aperture, contact positions) at every change during the hold."""


@dataclass(frozen=True)
class Hint:
    key: str
    t_ms: float


class SqueezeModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        params = difficulty.params()
        self.params = params
        self.tasks = str(params["tasks"]).split("+")
        self.total = int(params["trials"])
        self.one_finger = setup.variant == ONE_FINGER
        self.side: Side = "left" if setup.hand == "left" else "right"
        self.pairs = str(params["pairs"]).split(",")
        self.centre: Point = (setup.board_w_mm / 2, setup.board_h_mm / 2 + 4.0)
        self.phase = "clear"
        self.contacts: dict[int, Point] = {}
        self.attempt: Attempt | None = None
        self.hint: Hint | None = None
        self.schedule(600.0, self._begin, "begin")

    # -- what is on screen --------------------------------------------------------------
    @property
    def task(self) -> str:
        return self.attempt.task if self.attempt else self.tasks[self.done % len(self.tasks)]

    @property
    def ball_r(self) -> float:
        """The ball's radius at rest: the grip's ball, or the pinch's starting size."""
        if self.task == "pinch":
            return float(self.params["target_mm"]) / 2 + 8.0
        return float(self.params["ball_mm"]) / 2

    def on_ball(self, x_mm: float, y_mm: float) -> bool:
        return math.dist((x_mm, y_mm), self.centre) <= self.ball_r + ON_BALL_SLACK_MM

    @property
    def grip(self) -> list[Point]:
        """Where the fingertips of the grip are now."""
        a = self.attempt
        return [self.contacts[i] for i in a.ids if i in self.contacts] if a else []

    @property
    def aperture(self) -> float:
        """The size a pinch holds now (NaN with no finger down)."""
        return aperture(self.grip, self.centre)

    @property
    def squeeze_mark(self) -> float:
        return float(self.params["squeeze_percent"]) / 100.0

    def time_left_ms(self, now_ms: float) -> float | None:
        a = self.attempt
        if a is None or a.bout_start_ms is None:
            return None
        return max(0.0, a.bout_start_ms + float(self.params["cycle_ms"]) - now_ms)

    # -- the flow -----------------------------------------------------------------------
    def _begin(self, t: float) -> None:
        if self.finished:
            return
        if self.contacts:
            self.phase = "clear"
            return          # the next ball waits until every finger is off (`_lift`)
        self.params = self.difficulty.params()
        task = self.tasks[self.done % len(self.tasks)]
        fingers, label = self._fingers_for(task)
        self.attempt = Attempt(task, fingers, t, label)
        self.phase = "bout" if task == "cycles" else "reach"
        limit = BOUT_WAIT_MS if task == "cycles" else self.time_limit(self.params)
        if limit is not None:
            self.schedule(t + limit, self._too_slow, "limit")

    def _fingers_for(self, task: str) -> tuple[tuple[Finger, ...], str]:
        if self.one_finger:
            return ("index",), task
        if task == "pinch":
            return ("thumb", "index"), task
        if task == "pair":
            pair = self.pairs[sum(1 for tr in self.results if tr["task"] == "pair")
                              % len(self.pairs)]
            return pair_fingers(pair), pair
        return grip_fingers(int(self.params["fingers"])), task

    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        if self.finished or not all(map(math.isfinite, (touch.x_mm, touch.y_mm, touch.t_ms))):
            return
        if touch.phase is Phase.UP:
            self.contacts.pop(touch.finger, None)
            self._lift(touch)
            return
        was_down = touch.finger in self.contacts
        if touch.phase is Phase.MOVE and not was_down:
            return
        self.contacts[touch.finger] = (touch.x_mm, touch.y_mm)
        if touch.phase is Phase.DOWN:
            if was_down:
                self._lift(touch)
            self._land(touch)
        else:
            self._moved(touch.t_ms)

    def _land(self, touch: Touch) -> None:
        a = self.attempt
        if a is None or self.phase == "clear":
            return
        if not self.on_ball(touch.x_mm, touch.y_mm) or len(a.ids) >= len(a.fingers) or \
                self.phase not in ("reach", "bout"):
            a.strays += 1
            self.hint = Hint("squeeze.hint.on_ball", touch.t_ms)
            return
        a.ids.append(touch.finger)
        if len(a.ids) < len(a.fingers):
            return
        a.start_spread = spread(self.grip, self.centre)
        if self.phase == "bout":
            if a.bout_start_ms is None:
                a.bout_start_ms = touch.t_ms
                self.schedule(touch.t_ms + float(self.params["cycle_ms"]), self._bout_end,
                              "limit")
            return
        a.gripped_ms = touch.t_ms
        a.names = name_contacts(self.grip, self.centre, self.side, a.fingers)
        self.phase = "pinch" if a.task == "pinch" else "squeeze"
        self._moved(touch.t_ms)

    def _moved(self, t: float) -> None:
        a = self.attempt
        if a is None or len(self.grip) < len(a.fingers):
            return
        if self.phase == "pinch":
            self._pinch_sample(a, t)
            return
        a.depth = max(a.depth, closing(a.start_spread, spread(self.grip, self.centre)))
        if a.depth < self.squeeze_mark:
            return
        if self.phase == "bout":
            a.cycle_closed = True
        elif self.phase == "squeeze":
            a.closed_ms = t
            self.phase = "hold"
            self.cancel("limit")
            self.schedule(t + float(self.params["hold_ms"]), self._cue, "cue")

    def _pinch_sample(self, a: Attempt, t: float) -> None:
        size = self.aperture
        inside = abs(size - float(self.params["target_mm"])) <= float(self.params["band_mm"])
        if a.hold_start_ms is None and inside:
            a.hold_start_ms = t
            self.cancel("limit")
            self.schedule(t + float(self.params["hold_ms"]), self._held, "held")
        if a.hold_start_ms is not None:
            sample = (t, size, tuple(self.grip))
            if a.samples and a.samples[-1][0] == t:   # both fingers reported at once
                a.samples[-1] = sample
            else:
                a.samples.append(sample)

    def _held(self, t: float) -> None:
        """The hold's time is up: its last sample is the fingers where they are now (a hold
        without a single move is a still one, not an unmeasured one)."""
        a = self.attempt
        if a is not None and len(self.grip) == len(a.fingers):
            self._pinch_sample(a, t)
        self._end(t, "held")

    def _cue(self, t: float) -> None:
        a = self.attempt
        if a is None or self.phase != "hold":
            return
        a.cue_ms = t
        self.phase = "release"
        limit = self.time_limit(self.params, "release_limit_ms")
        if limit is not None:
            self.schedule(t + limit, lambda at: self._end(at, "not_released"), "release")

    def _lift(self, touch: Touch) -> None:
        a = self.attempt
        if a is None:
            if self.phase == "clear" and not self.contacts and self.scheduled("begin") is None:
                self.schedule(touch.t_ms + 300.0, self._begin, "begin")
            return
        if touch.finger not in a.ids:
            return
        if self.phase == "bout":
            self._bout_lift(a, touch)
        elif self.phase == "reach":
            a.ids.remove(touch.finger)
        elif self.phase in ("squeeze", "hold"):
            a.ups[touch.finger] = touch.t_ms
            self._end(touch.t_ms, "early")
        elif self.phase == "pinch":
            self._end(touch.t_ms, "dropped" if a.hold_start_ms is not None else "early")
        elif self.phase == "release":
            a.ups.setdefault(touch.finger, touch.t_ms)
            if all(i in a.ups for i in a.ids):
                self._end(touch.t_ms, "released")

    def _bout_lift(self, a: Attempt, touch: Touch) -> None:
        a.ids.remove(touch.finger)
        if a.ids:
            return
        if a.bout_start_ms is not None:
            a.cycles += a.cycle_closed
            a.cycle_depths.append(a.depth)
        a.cycle_closed, a.depth = False, 0.0

    def _too_slow(self, t: float) -> None:
        a = self.attempt
        if a is None:
            return
        if a.task == "cycles":
            self._end(t, "not_started")
        else:
            self._end(t, "not_reached" if a.task == "pinch" else "not_closed")

    def _bout_end(self, t: float) -> None:
        if self.attempt is not None:
            self._end(t, "counted")

    # -- a finished trial ---------------------------------------------------------------
    def _end(self, t: float, outcome: str) -> None:
        a = self.attempt
        if a is None:
            return
        for key in ("limit", "cue", "release", "held"):
            self.cancel(key)
        trial = self._trial(a, t, outcome)
        self.attempt, self.phase = None, "clear"
        if self.record(trial):
            self.schedule(t + float(self.params["pause_ms"]), self._begin, "begin")

    def _trial(self, a: Attempt, t: float, outcome: str) -> Trial:
        p = self.params
        ups = [a.ups[i] for i in a.ids if i in a.ups]
        released = outcome == "released"
        hold = self._steadiness(a)
        cycles_10s = a.cycles * 10_000.0 / float(p["cycle_ms"])
        success = {"grip": released, "pair": released,
                   "cycles": outcome == "counted" and a.cycles >= round(float(p["cycle_goal"])),
                   "pinch": outcome == "held"
                   and hold.inside_percent >= float(p["inside_needed"]) * 100.0}[a.task]
        last = max(a.ids, key=lambda i: a.ups.get(i, math.inf)) if a.ids else None
        names = dict(zip(a.ids, a.names, strict=False))
        return {
            "kind": a.task, "task": a.task, "index": self.done, "success": bool(success),
            "level_value": self.difficulty.adapted, "outcome": outcome,
            "label": a.label if a.task == "pair" else "", "onset_ms": a.onset_ms,
            "end_ms": t, "fingers_down": len(a.ids),
            "grip_initiation_ms": None if a.gripped_ms is None else a.gripped_ms - a.onset_ms,
            "closing_percent": None if a.task == "pinch" or (
                a.task == "cycles" and not a.cycle_depths) else 100.0 * (
                median(a.cycle_depths) if a.task == "cycles" else a.depth),
            "closed_ms": a.closed_ms,
            "release_reaction_ms": max(ups) - a.cue_ms if released and a.cue_ms is not None
            else None,
            "release_spread_ms": max(ups) - min(ups) if released and ups else None,
            "last_up": names.get(last) if last is not None and outcome in (
                "released", "not_released") else None,
            "still_down": [names.get(i) or str(i) for i in a.ids if i not in a.ups]
            if outcome == "not_released" else [],
            "cycles": a.cycles if a.task == "cycles" else None,
            "cycles_10s": cycles_10s if a.task == "cycles" else None,
            **(hold.to_dict() if a.task == "pinch" else {}),
            "strays": a.strays, "squeeze_percent": float(p["squeeze_percent"]),
            "release_limit_ms": float(p["release_limit_ms"]),
        }

    def _steadiness(self, a: Attempt) -> Steadiness:
        if a.task != "pinch" or len(a.samples) < 2:
            return NOTHING
        return steadiness([s[0] for s in a.samples], [s[1] for s in a.samples],
                          [list(s[2]) for s in a.samples], float(self.params["target_mm"]),
                          float(self.params["band_mm"]))

    def summary(self) -> dict[str, Any]:
        done = self.results
        out: dict[str, Any] = {
            "kind": "+".join(self.tasks), "tasks": "+".join(self.tasks), "trials": len(done),
            "success_rate": success_rate(done),
            "grip_initiation_ms": median(numbers(done, "grip_initiation_ms")),
            "closing_percent": median(numbers(done, "closing_percent")),
            "release_reaction_ms": median(numbers(done, "release_reaction_ms")),
            "release_spread_ms": median(numbers(done, "release_spread_ms")),
            "cycles_10s": mean(numbers(done, "cycles_10s")),
            "early_releases": sum(tr["outcome"] == "early" for tr in done),
            "not_released": sum(tr["outcome"] == "not_released" for tr in done),
            "final_value": self.difficulty.adapted,
        }
        for key in NOTHING.to_dict():
            out[key] = mean(numbers(done, key))
        for pair in sorted({tr["label"] for tr in done if tr["task"] == "pair"}):
            mine = [tr for tr in done if tr["label"] == pair]
            key = pair.replace("-", "_")
            out[f"release_reaction_ms_{key}"] = median(numbers(mine,
                                                                    "release_reaction_ms"))
            out[f"closing_percent_{key}"] = median(numbers(mine, "closing_percent"))
        return out

