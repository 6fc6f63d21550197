"""How a simulated patient plays the lift game: lays a plausible hand down, lifts the cued
finger after a reaction time, and takes its neighbours along as far as its fingers are
coupled (they slide, or lift with it)."""

from __future__ import annotations

import math

from engine.input.placement import FINGERS, Finger
from engine.sim.hand import SimPatient
from engine.sim.planned import PlannedPolicy, touch_id
from engine.touch import Phase, Touch
from games.lift.hand_shape import fingertips
from games.lift.model import Cue, LiftModel
from games.lift.skills import SKILLS, LiftSkills, coupling

STEP_MS = 40.0
SLIP_MM = 22.0


class LiftPolicy(PlannedPolicy[LiftSkills]):
    def __init__(self, patient: SimPatient) -> None:
        super().__init__(patient, SKILLS)

    def plan(self, model: LiftModel, t_ms: float) -> list[Touch]:
        self.begin(t_ms)
        if model.finished:
            return []
        if model.phase == "place":
            return self.once(("place", model.attempts), lambda: self._place(model, t_ms))
        if model.phase == "cue" and model.cue is not None:
            cue = model.cue
            return self.once(("cue", cue.onset_ms), lambda: self._lift(model, cue, t_ms))
        watch = model.watch
        if model.phase == "wait" and watch is not None and \
                len(watch.down) < len(model.fingers):
            return self.once(("back", model.done, watch.down),
                              lambda: self._put_back(model, t_ms))
        return []

    # -- laying the hand down -----------------------------------------------------------------
    def _place(self, model: LiftModel, t: float) -> list[Touch]:
        """Lift whatever is down, then lay the hand flat, fingertips landing one by one."""
        p = self.patient
        touches = [Touch(i, Phase.UP, x, y, t + 30.0 + 10.0 * k)
                   for k, (i, (x, y)) in enumerate(model.contacts.items())]
        land = t + 300.0 + p.reaction_ms()
        for finger, (x, y) in self._hand(model).items():
            land += float(p.rng.uniform(15.0, 60.0))
            touches.append(Touch(touch_id(finger), Phase.DOWN, x, y, land))
        return touches

    def _hand(self, model: LiftModel) -> dict[Finger, tuple[float, float]]:
        """Fingertips of a hand of some size, a little turned, in the board's middle."""
        p = self.patient
        return fingertips(model.fingers, model.side, model.setup.board_w_mm,
                          model.setup.board_h_mm, float(p.rng.uniform(0.88, 1.08)),
                          math.radians(float(p.rng.normal(0.0, 6.0))))

    def _put_back(self, model: LiftModel, t: float) -> list[Touch]:
        """Fingers left up (or astray) go back down on their pads."""
        assert model.placement is not None and model.watch is not None
        down = model.watch.down
        touches = []
        for pad in model.placement.pads:
            if pad.finger in down:
                continue
            i = touch_id(pad.finger)
            if i in model.contacts:
                touches.append(Touch(i, Phase.UP, *model.contacts[i], t + 20.0))
            touches.append(Touch(i, Phase.DOWN, pad.x_mm, pad.y_mm,
                                 t + 250.0 + self.patient.reaction_ms()))
        return touches

    # -- a cue --------------------------------------------------------------------------------
    def _lift(self, model: LiftModel, cue: Cue, t: float) -> list[Touch]:
        p, sk = self.patient, self.skills
        assert model.placement is not None
        pads = {pad.finger: (pad.x_mm, pad.y_mm) for pad in model.placement.pads}
        up = max(t, cue.onset_ms) + p.reaction_ms() + sk.lift_delay_ms * p.fatigue
        if p.chance(sk.slip_chance * p.fatigue):
            return self._slip(model, up)
        touches: list[Touch] = []
        others = [f for f in model.fingers if f not in cue.fingers]
        if others and p.chance(sk.wrong_finger_chance * p.fatigue):
            wrong = min(others, key=lambda f: abs(FINGERS.index(f) -
                                                  FINGERS.index(cue.fingers[0])))
            touches += self._up_and_back(wrong, pads[wrong], up, up + 250.0)
            others.remove(wrong)
            up += 350.0 + p.reaction_ms() * 0.5
        hold = float(model.params["hold_ms"])
        held = hold + float(p.rng.normal(350.0, 100.0)) if hold > 0 else \
            p.movement_ms(15.0, 10.0) + 150.0
        if hold > 0 and p.chance(sk.drop_chance * p.fatigue):
            held = hold * float(p.rng.uniform(0.3, 0.9))
        for k, finger in enumerate(cue.fingers):
            lag = k * abs(float(p.rng.normal(0.0, 60.0)))
            touches += self._up_and_back(finger, pads[finger], up + lag, up + lag + held)
        for other in others:
            c = max(coupling(sk, f, other) for f in cue.fingers)
            touches += self._follow(other, pads[other], pads[cue.fingers[0]], c, up, held)
        return touches

    def _up_and_back(self, finger: Finger, pad: tuple[float, float], up: float,
                     down: float) -> list[Touch]:
        """Lift a finger and put it back near its pad."""
        p, i = self.patient, touch_id(finger)
        dx, dy = (max(-3.0, min(3.0, float(v))) for v in
                  p.rng.normal(0.0, 0.3 * p.hand.scatter_mm, 2))
        return [Touch(i, Phase.UP, pad[0], pad[1], up),
                Touch(i, Phase.DOWN, pad[0] + dx, pad[1] + dy, max(down, up + 60.0))]

    def _follow(self, finger: Finger, pad: tuple[float, float], towards: tuple[float, float],
                c: float, up: float, held: float) -> list[Touch]:
        """A finger that should stay still, coupled by `c`: lifts along, or slides."""
        p = self.patient
        if p.chance(0.85 * c * c):
            start = up + float(p.rng.uniform(20.0, 120.0))
            return self._up_and_back(finger, pad, start,
                                     start + float(p.rng.uniform(150.0, max(200.0, held))))
        slide = c * self.skills.slide_mm * float(p.rng.lognormal(0.0, 0.35))
        dist = math.dist(pad, towards) or 1.0
        ux, uy = (towards[0] - pad[0]) / dist, (towards[1] - pad[1]) / dist
        steps = max(2, int(min(held, 600.0) / STEP_MS))
        touches = []
        for k in range(1, steps + 1):
            s = min(1.0, 2.0 * k / steps)
            tx, ty = p.tremor(up + k * STEP_MS)
            touches.append(Touch(touch_id(finger), Phase.MOVE,
                                 pad[0] + ux * slide * s + tx * 0.3,
                                 pad[1] + uy * slide * s + ty * 0.3, up + k * STEP_MS))
        return touches

    def _slip(self, model: LiftModel, t: float) -> list[Touch]:
        """The whole hand slides away (the round pauses and asks for it again)."""
        assert model.watch is not None
        angle = float(self.patient.rng.uniform(0.0, 2 * math.pi))
        ids = {touch_id(f): model.contacts.get(touch_id(f)) for f in model.watch.down}
        touches = []
        for k in range(1, 9):
            s = SLIP_MM * k / 8
            touches += [Touch(i, Phase.MOVE, xy[0] + s * math.cos(angle),
                              xy[1] + s * math.sin(angle), t + k * STEP_MS)
                        for i, xy in ids.items() if xy is not None]
        return touches
