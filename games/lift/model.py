"""The lift game's rules: the hand laid flat, a pad lighting up, that finger lifting alone.

A round goes: "place" (waiting for a plausible hand: as many fingertips as pads, read by
`engine.input.placement.identify` once their number has been steady for `SETTLE_MS`),
then cue after cue: "wait" (every finger down, the next cue due), "cue" (a pad is lit:
lift that finger) and "up" (it is up: hold it, then put it back). The whole hand lifting
or sliding away pauses the round in "place" again; that cue is asked again and never
scored. Pure: touches in, trials out.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.placement import (
    Finger,
    HandEvent,
    HandLimits,
    HandWatch,
    Placement,
    Side,
    WatchEvent,
    identify,
)
from engine.levels.difficulty import Difficulty
from engine.scoring.stats import mean, median
from engine.touch import Phase, Touch
from engine.trial import numbers, success_rate
from games.lift.cues import cue_list, fingers_for
from games.lift.individuation import CoMovement, hand_index, individuation

SETTLE_MS = 600.0
"""The fingertips on the screen must stay this many for this long before the hand is read."""
READY_MS = 900.0
"""A hand just placed (or every finger just back) waits this long for the next cue."""
HINT_MS = 2500.0

LIFTED_OK = ("alone", "not_alone", "dropped")
"""Outcomes in which the cued finger lifted, first and in time."""


@dataclass
class Cue:
    """One lit pad (two in the pair task) and what the hand did."""

    fingers: tuple[Finger, ...]
    onset_ms: float
    lifted: dict[Finger, float] = field(default_factory=dict)
    returned: dict[Finger, float] = field(default_factory=dict)
    wrong: Finger | None = None
    """Another finger that lifted before the cued ones did."""
    strays: int = 0

    @property
    def all_up(self) -> bool:
        return all(f in self.lifted for f in self.fingers)

    @property
    def up_since_ms(self) -> float | None:
        """When the last cued finger lifted (None while one is still down)."""
        return max(self.lifted[f] for f in self.fingers) if self.all_up else None


@dataclass(frozen=True)
class Hint:
    key: str
    t_ms: float


def hand_limits(params: dict[str, Any]) -> HandLimits:
    """The level file's plausible hand."""
    return HandLimits(min_spacing_mm=float(params["min_spacing_mm"]),
                      max_spacing_mm=float(params["max_spacing_mm"]),
                      max_span_mm=float(params["max_span_mm"]),
                      max_off_arc_mm=float(params["max_off_arc_mm"]),
                      hand_moved_mm=float(params["hand_moved_mm"]))


class LiftModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        params = difficulty.params()
        self.task = str(params["task"])
        self.fingers = fingers_for(int(params["pads"]))
        self.total = int(params["trials"])
        self.limits = hand_limits(params)
        self.side: Side = "left" if setup.hand == "left" else "right"
        self.cues = cue_list(self.task, self.fingers, self.total, self.rng)
        self.phase = "place"
        self.contacts: dict[int, tuple[float, float]] = {}
        """Every touch down now, by id, where it is."""
        self.placement: Placement | None = None
        self.watch: HandWatch | None = None
        self.problem: str | None = None
        """The text key saying why the hand is not placed (None: not read yet)."""
        self.attempts = 0
        """Readings of the hand that failed, and placements lost."""
        self.resets = 0
        """Placements lost mid-round (the whole hand lifted or slid)."""
        self.strays = 0
        self.cue: Cue | None = None
        self.hint: Hint | None = None
        self.params = params

    # -- touches ----------------------------------------------------------------------------
    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        if self.finished or not all(map(math.isfinite, (touch.x_mm, touch.y_mm, touch.t_ms))):
            return
        self._track(touch)
        if self.watch is None:
            if touch.phase is not Phase.MOVE:
                self.schedule(touch.t_ms + SETTLE_MS, self._read_hand, "settle")
            return
        for event in self.watch.feed(touch):
            self._on_event(event)
            if self.watch is None:
                return

    def _track(self, touch: Touch) -> None:
        if touch.phase is Phase.UP:
            self.contacts.pop(touch.finger, None)
        elif touch.phase is Phase.DOWN or touch.finger in self.contacts:
            self.contacts[touch.finger] = (touch.x_mm, touch.y_mm)

    def _on_event(self, event: HandEvent) -> None:
        t, kind, finger = event.t_ms, event.kind, event.finger
        if kind in (WatchEvent.HAND_LIFTED, WatchEvent.HAND_MOVED):
            self._lose_hand(kind, t)
        elif kind is WatchEvent.STRAY:
            self.strays += 1
            if self.cue is not None:
                self.cue.strays += 1
            self.hint = Hint("lift.hint.stray", t)
        elif finger is None:
            return
        elif kind is WatchEvent.LIFTED:
            self._lifted(finger, t)
        elif kind is WatchEvent.RETURNED:
            self._returned(finger, t)

    def _lifted(self, finger: Finger, t: float) -> None:
        cue = self.cue
        if cue is None or self.phase != "cue":
            return
        if finger not in cue.fingers:
            if not cue.lifted and cue.wrong is None:
                cue.wrong = finger
            return
        cue.lifted.setdefault(finger, t)
        if cue.all_up:
            self.phase = "up"
            self.cancel("limit")
            self.schedule(t + float(self.params["return_limit_ms"]), self._end_cue, "back")

    def _returned(self, finger: Finger, t: float) -> None:
        cue = self.cue
        if cue is not None and self.phase == "cue" and finger in cue.lifted:
            del cue.lifted[finger]    # back before the others were up: a pair lifts together
        elif cue is not None and finger in cue.lifted:
            cue.returned.setdefault(finger, t)
            if self.phase == "up" and all(f in cue.returned for f in cue.fingers):
                self._end_cue(t)
        elif self.phase == "wait" and self._all_down() and self.scheduled("cue") is None:
            self.schedule(t + READY_MS, self._give_cue, "cue")

    # -- the hand ---------------------------------------------------------------------------
    def _read_hand(self, t: float) -> None:
        """The number of fingertips has been steady: read the hand, or say what is wrong."""
        if self.watch is not None or not self.contacts:
            return
        if len(self.contacts) < len(self.fingers):
            return      # still landing, or the hand not down yet: the prompt says how many
        ids = tuple(self.contacts)
        result = identify([self.contacts[i] for i in ids], self.side, self.limits,
                          self.fingers)
        if not isinstance(result, Placement):
            self.problem = result.message_key
            self.attempts += 1
            return
        self.placement, self.problem = result, None
        self.watch = HandWatch(result, self.limits, ids)
        self.phase = "wait"
        self.schedule(t + READY_MS, self._give_cue, "cue")

    def _lose_hand(self, kind: WatchEvent, t: float) -> None:
        """The whole hand lifted or slid: pause, and ask again for the hand and this cue."""
        for key in ("cue", "limit", "back"):
            self.cancel(key)
        self.watch, self.placement, self.cue, self.hint = None, None, None, None
        self.phase = "place"
        self.problem = f"lift.again.{kind.value}"
        self.resets += 1
        self.attempts += 1
        if self.contacts:
            self.schedule(t + SETTLE_MS, self._read_hand, "settle")

    def _all_down(self) -> bool:
        return self.watch is not None and len(self.watch.down) == len(self.fingers)

    # -- cues -------------------------------------------------------------------------------
    def _give_cue(self, t: float) -> None:
        if self.watch is None or self.finished:
            return
        if not self._all_down():
            self.hint = Hint("lift.hint.all_down", t)
            return      # a finger is up: the cue comes once it is back (`_returned`)
        self.params = self.difficulty.params()
        self.cue = Cue(self.cues[self.done], t)
        self.watch.start_window()
        self.phase = "cue"
        limit = self.time_limit(self.params)
        if limit is not None:
            self.schedule(t + limit, self._end_cue, "limit")

    def _end_cue(self, t: float) -> None:
        cue, watch = self.cue, self.watch
        if cue is None or watch is None:
            return
        self.cancel("limit")
        self.cancel("back")
        trial = self._trial(cue, watch, t)
        self.cue, self.phase = None, "wait"
        if self.record(trial):
            gap = float(self.params["cue_gap_ms"])
            self.schedule(t + gap, self._give_cue, "cue")

    def _trial(self, cue: Cue, watch: HandWatch, t: float) -> Trial:
        p = self.params
        states = {s.finger: s for s in watch.states}
        co = {f: CoMovement(states[f].moved_mm, bool(states[f].lifted_ms))
              for f in self.fingers if f not in cue.fingers}
        up = cue.up_since_ms
        back = [cue.returned[f] for f in cue.fingers if f in cue.returned]
        all_back = up is not None and len(back) == len(cue.fingers)
        up_ms = None if up is None else (min(back) if all_back else t) - up   # all up at once
        reference = float(p["reference_slide_mm"])
        index = individuation(co.values(), reference) if up is not None else math.nan
        slid = max((c.slide_mm for c in co.values() if not c.lifted), default=0.0)
        others_lifted = sum(c.lifted for c in co.values())
        alone = others_lifted == 0 and slid <= float(p["slide_allowed_mm"])
        outcome = _outcome(cue, up_ms, float(p["hold_ms"]), alone)
        success = outcome == "alone" or (outcome == "not_alone" and not p["alone_needed"])
        return {
            "kind": self.task, "index": self.done, "success": success,
            "level_value": self.difficulty.adapted, "outcome": outcome,
            "cue": "+".join(cue.fingers), "label": "+".join(cue.fingers),
            "finger": cue.fingers[0], "fingers": list(cue.fingers),
            "onset_ms": cue.onset_ms, "end_ms": t,
            "reaction_ms": None if up is None else up - cue.onset_ms,
            "movement_ms": max(back) - up if all_back and up is not None else None,
            "up_ms": up_ms, "alone": outcome == "alone",
            "individuation": index if math.isfinite(index) else None,
            "co_movement": {f: c.to_dict() for f, c in co.items()},
            "others_lifted": others_lifted, "others_slide_mm": slid,
            "wrong_finger": cue.wrong, "strays": cue.strays,
            "time_limit_ms": float(p["time_limit_ms"]), "hold_ms": float(p["hold_ms"]),
            "slide_allowed_mm": float(p["slide_allowed_mm"]),
        }

    # -- the round's numbers ----------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        done = self.results
        outcomes = Counter(tr["outcome"] for tr in done)
        out: dict[str, Any] = {
            "kind": "lift", "task": self.task, "trials": len(done),
            "success_rate": success_rate(done),
            "correct_lifts": sum(outcomes[o] for o in LIFTED_OK),
            "alone_lifts": outcomes["alone"], "wrong_finger_lifts": outcomes["wrong_finger"],
            "late_lifts": outcomes["late"],
            "reaction_ms": median(numbers(done, "reaction_ms")),
            "movement_ms": median(numbers(done, "movement_ms")),
            "hand_resets": self.resets, "strays": self.strays,
            "final_value": self.difficulty.adapted,
        }
        by_finger = _by_finger(done)
        means = {f: mean(numbers(trials, "individuation")) for f, trials in by_finger.items()}
        out["individuation_index"] = hand_index(means)
        for finger, trials in by_finger.items():
            alone = sum(tr["outcome"] == "alone" for tr in trials)
            out |= {f"cued_{finger}": len(trials), f"alone_{finger}": alone,
                        f"alone_rate_{finger}": alone / len(trials),
                        f"individuation_index_{finger}": means[finger],
                        f"reaction_ms_{finger}": median(numbers(trials, "reaction_ms")),
                        f"movement_ms_{finger}": median(numbers(trials, "movement_ms"))}
        return out


def _outcome(cue: Cue, up_ms: float | None, hold_ms: float, alone: bool) -> str:
    if up_ms is None:
        return "late"
    if cue.wrong is not None:
        return "wrong_finger"
    if hold_ms > 0 and up_ms < hold_ms:
        return "dropped"
    return "alone" if alone else "not_alone"



def _by_finger(trials: list[Trial]) -> dict[str, list[Trial]]:
    """The trials that cued each finger (a pair's trial counts for both)."""
    out: dict[str, list[Trial]] = defaultdict(list)
    for trial in trials:
        for finger in trial["fingers"]:
            out[finger].append(trial)
    return dict(out)
