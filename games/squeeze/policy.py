"""How a simulated patient plays the squeeze game: fingertips land around the ball, close
in as far as the hand can, hold, and let go on the cue (late, spread out, a finger lagging
or stuck as severity says); bouts of grip-and-release cycles; a pinch held with tremor,
jitter and drift."""

from __future__ import annotations

import math
from collections.abc import Sequence

from engine.input.placement import Finger
from engine.sim.hand import SimPatient
from engine.sim.planned import PlannedPolicy, touch_id
from engine.touch import Phase, Touch
from games.squeeze.ball import Point
from games.squeeze.model import Attempt, SqueezeModel
from games.squeeze.skills import SKILLS, SqueezeSkills

STEP_MS = 16.0
GRIP_DEG: dict[Finger, float] = {"thumb": -150.0, "index": -45.0, "middle": -15.0,
                                 "ring": 15.0, "little": 45.0}
"""Where a right hand's fingertips sit around a ball, in degrees clockwise from the top."""


class SqueezePolicy(PlannedPolicy[SqueezeSkills]):
    def __init__(self, patient: SimPatient) -> None:
        super().__init__(patient, SKILLS)

    def plan(self, model: SqueezeModel, t_ms: float) -> list[Touch]:
        self.begin(t_ms)
        a = model.attempt
        if model.finished:
            return []
        if a is None or model.phase == "clear":
            if not model.contacts:
                return []
            return self.once(("clear", model.done), lambda: self._lift_all(model, t_ms))
        if model.phase == "bout" and a.bout_start_ms is None and not a.ids:
            return self.once(("bout", model.done), lambda: self._bout(model, a, t_ms))
        if model.phase == "reach" and not a.ids:
            make = self._pinch if a.task == "pinch" else self._grip
            return self.once(("reach", model.done), lambda: make(model, a, t_ms))
        if model.phase == "release":
            return self.once(("release", model.done), lambda: self._release(model, a, t_ms))
        return []

    # -- where fingers go ---------------------------------------------------------------
    def _landing(self, model: SqueezeModel, a: Attempt, radius: float) -> dict[int, Point]:
        """Fingertips around the ball (two side by side for a pair, one on the edge)."""
        cx, cy = model.centre
        sign = -1.0 if model.side == "left" else 1.0
        jitter = self.patient.rng.normal(0.0, 2.0, (len(a.fingers), 2))
        if len(a.fingers) == 1:
            points = [(cx + sign * radius, cy)]
        elif a.task == "pair":
            points = [(cx + sign * k * radius * 0.8, cy) for k in (-1.0, 1.0)]
        else:
            points = [(cx + radius * math.sin(math.radians(sign * GRIP_DEG[f])),
                       cy - radius * math.cos(math.radians(sign * GRIP_DEG[f])))
                      for f in a.fingers]
        return {touch_id(f): (x + float(j[0]), y + float(j[1]))
                for f, (x, y), j in zip(a.fingers, points, jitter, strict=True)}

    def _closed(self, model: SqueezeModel, start: dict[int, Point], depth: float
                ) -> dict[int, Point]:
        """The same fingertips `depth` (0..1) of the way in towards the ball's centre."""
        cx, cy = model.centre
        return {i: (cx + (x - cx) * (1 - depth), cy + (y - cy) * (1 - depth))
                for i, (x, y) in start.items()}

    def _move(self, start: dict[int, Point], end: dict[int, Point], t0: float, ms: float
              ) -> list[Touch]:
        steps = max(2, int(ms / STEP_MS))
        out = []
        for k in range(1, steps + 1):
            s = k / steps
            t = t0 + k * STEP_MS
            tx, ty = self.patient.tremor(t)
            out += [Touch(i, Phase.MOVE, a[0] + (end[i][0] - a[0]) * s + tx * 0.3,
                          a[1] + (end[i][1] - a[1]) * s + ty * 0.3, t)
                    for i, a in start.items()]
        return out

    def _depth(self) -> float:
        p, sk = self.patient, self.skills
        return min(0.85, max(0.0, float(p.rng.normal(sk.close_percent, sk.close_sd))
                             / p.fatigue / 100.0))

    # -- a grip -------------------------------------------------------------------------
    def _grip(self, model: SqueezeModel, a: Attempt, t: float) -> list[Touch]:
        p, sk = self.patient, self.skills
        land = max(t, a.onset_ms) + p.reaction_ms() + p.movement_ms(60.0, 2 * model.ball_r)
        start = self._landing(model, a, model.ball_r * 0.85)
        touches = [Touch(i, Phase.DOWN, x, y, land + k * float(p.rng.uniform(10.0, 50.0)))
                   for k, (i, (x, y)) in enumerate(start.items())]
        t0 = max(x.t_ms for x in touches) + 40.0
        close_ms = sk.close_ms * p.fatigue
        touches += self._move(start, self._closed(model, start, self._depth()), t0, close_ms)
        if p.chance(sk.early_chance * p.fatigue):
            i = next(iter(start))
            early = t0 + close_ms + float(p.rng.uniform(0.1, 0.8)) * float(model.params["hold_ms"])
            touches.append(Touch(i, Phase.UP, *start[i], early))
        return touches

    def _release(self, model: SqueezeModel, a: Attempt, t: float) -> list[Touch]:
        """Let go on the cue: late, spread out, maybe a finger lagging or stuck."""
        p, sk = self.patient, self.skills
        cue = a.cue_ms if a.cue_ms is not None else t
        first = max(t, cue) + p.reaction_ms() + sk.release_delay_ms * p.fatigue
        ids = [i for i in a.ids if i in model.contacts]
        times = {i: first + abs(float(p.rng.normal(0.0, sk.release_spread_ms))) for i in ids}
        if len(ids) > 1 and p.chance(sk.lag_chance):
            times[ids[-1]] += sk.lag_ms * float(p.rng.uniform(0.6, 1.4))
        if p.chance(sk.stuck_chance):
            times[ids[-1]] += float(model.params["release_limit_ms"]) + 500.0
        return [Touch(i, Phase.UP, *model.contacts[i], times[i]) for i in ids]

    def _lift_all(self, model: SqueezeModel, t: float) -> list[Touch]:
        return [Touch(i, Phase.UP, x, y, t + 50.0 + 20.0 * k)
                for k, (i, (x, y)) in enumerate(model.contacts.items())]

    # -- a bout of cycles ---------------------------------------------------------------
    def _bout(self, model: SqueezeModel, a: Attempt, t: float) -> list[Touch]:
        p, sk = self.patient, self.skills
        now = max(t, a.onset_ms) + p.reaction_ms()
        end = now + float(model.params["cycle_ms"]) + 800.0
        touches: list[Touch] = []
        while now < end:
            start = self._landing(model, a, model.ball_r * 0.85)
            for k, (i, (x, y)) in enumerate(start.items()):
                touches.append(Touch(i, Phase.DOWN, x, y, now + k * float(p.rng.uniform(5, 25))))
            now = max(x.t_ms for x in touches) + 10.0
            close_ms = sk.close_ms * p.fatigue * float(p.rng.uniform(0.85, 1.15))
            closed = self._closed(model, start, self._depth())
            touches += self._move(start, closed, now, close_ms)
            now += close_ms + 60.0
            ups = sorted(now + abs(float(p.rng.normal(0.0, sk.release_spread_ms * 0.5)))
                         for _ in closed)
            touches += [Touch(i, Phase.UP, *closed[i], up) for i, up in zip(closed, ups,
                                                                           strict=True)]
            now = ups[-1] + sk.cycle_pause_ms * p.fatigue * float(p.rng.uniform(0.8, 1.2))
        return touches

    # -- a pinch held -------------------------------------------------------------------
    def _pinch(self, model: SqueezeModel, a: Attempt, t: float) -> list[Touch]:
        p, sk = self.patient, self.skills
        target = float(model.params["target_mm"])
        land = max(t, a.onset_ms) + p.reaction_ms() + p.movement_ms(60.0, target)
        ids = [touch_id(f) for f in a.fingers]
        bias = float(p.rng.normal(0.0, sk.jitter_mm))
        reach_ms = p.movement_ms(12.0, 2 * float(model.params["band_mm"]))
        hold_ms = float(model.params["hold_ms"]) + 500.0
        drift = sk.drift_mm_s * float(p.rng.choice([-1.0, 1.0]))
        touches = [Touch(i, Phase.DOWN, *xy, land + 40.0 * k)
                   for k, (i, xy) in enumerate(self._pinch_at(model, ids, target + 12.0))]
        t0 = land + 40.0 * len(ids)
        for k in range(1, int((reach_ms + hold_ms) / STEP_MS) + 1):
            dt = k * STEP_MS
            s = min(1.0, dt / reach_ms)
            held = max(0.0, dt - reach_ms) / 1000.0
            size = target + 12.0 + (bias - 12.0) * s + drift * held + p.tremor(t0 + dt)[0]
            wobble = p.rng.normal(0.0, sk.jitter_mm * 0.3, (len(ids), 2))
            touches += [Touch(i, Phase.MOVE, x + float(w[0]), y + float(w[1]), t0 + dt)
                        for (i, (x, y)), w in zip(self._pinch_at(model, ids, size), wobble,
                                                  strict=True)]
        last = t0 + reach_ms + hold_ms
        return touches + [Touch(i, Phase.UP, *xy, last + 30.0)
                          for i, xy in self._pinch_at(model, ids, target)]

    def _pinch_at(self, model: SqueezeModel, ids: Sequence[int], size: float
                  ) -> list[tuple[int, Point]]:
        """Thumb down-left and index up-right of the centre (mirrored for a left hand),
        `size` apart; one finger on the edge at half of it."""
        cx, cy = model.centre
        sign = -1.0 if model.side == "left" else 1.0
        if len(ids) == 1:
            return [(ids[0], (cx + sign * size / 2, cy))]
        dx, dy = size / 2 * math.cos(math.radians(45)), size / 2 * math.sin(math.radians(45))
        return [(ids[0], (cx - sign * dx, cy + dy)), (ids[1], (cx + sign * dx, cy - dy))]
