"""How a simulated patient plays the tap game."""

from __future__ import annotations

from typing import Any

from engine.sim.hand import SimPatient
from engine.touch import Phase, Touch
from games.tap.model import PointingModel, RhythmModel, RingModel, SequenceModel, TapModel
from games.tap.skills import SKILLS, remembers

SERIAL_REACTION_SHARE = 0.3   # in serial play the next movement is largely anticipated
FINGER = 1
PALM_FINGER = 2


class TapPolicy:
    def __init__(self, patient: SimPatient) -> None:
        self.patient = patient
        self.skills = SKILLS.of(patient.hand)
        self.start_minutes = patient.minutes_played
        self._last: Any = None

    def plan(self, model: TapModel, t_ms: float) -> list[Touch]:
        self.patient.at_time(t_ms, self.start_minutes)
        if isinstance(model, PointingModel):
            return self._point(model, t_ms)
        if isinstance(model, SequenceModel):
            return self._sequence(model, t_ms)
        assert isinstance(model, RhythmModel)
        return self._rhythm(model, t_ms)

    def _once(self, key: Any) -> bool:
        """True the first time a situation is seen (so each prompt gets one answer)."""
        if key == self._last:
            return False
        self._last = key
        return True

    def _tap(self, x: float, y: float, t: float, extra: bool = True) -> list[Touch]:
        p = self.patient
        lx, ly = p.endpoint(x, y, t)
        dwell = p.dwell_ms()
        drift = p.tremor(t + dwell)
        touches = [Touch(FINGER, Phase.DOWN, lx, ly, t)]
        if extra and p.chance(self.skills.extra_finger_chance):
            touches += [Touch(PALM_FINGER, Phase.DOWN, lx + 25.0, ly + 30.0, t + 20.0),
                        Touch(PALM_FINGER, Phase.UP, lx + 25.0, ly + 30.0, t + dwell)]
        touches.append(Touch(FINGER, Phase.UP, lx + drift[0] * 0.3, ly + drift[1] * 0.3,
                             t + dwell + 1.0))
        return sorted(touches, key=lambda touch: touch.t_ms)

    def _point(self, model: PointingModel, t: float) -> list[Touch]:
        target = model.target
        if target is None or not self._once(("point", target.onset_ms)):
            return []
        p = self.patient
        distance = max(1.0, ((target.x_mm - target.from_x_mm) ** 2 +
                             (target.y_mm - target.from_y_mm) ** 2) ** 0.5)
        reaction = p.reaction_ms()
        if isinstance(model, RingModel) and model.done > 0:
            reaction *= SERIAL_REACTION_SHARE
        down = max(t, target.onset_ms) + reaction + p.movement_ms(distance, target.width_mm)
        return self._tap(target.x_mm, target.y_mm, down)

    def _sequence(self, model: SequenceModel, t: float) -> list[Touch]:
        seq = model.sequence
        if seq is None or seq.result_at is not None or t < seq.demo_end_ms:
            return []
        step = len(seq.entered)
        if not self._once(("seq", seq.demo_start_ms, step)):
            return []
        p = self.patient
        if step == 0:
            self._recalled = remembers(p, self.skills, len(seq.order))
        wanted = seq.order[step]
        if not self._recalled and step == len(seq.order) // 2:
            wanted = (wanted + 1) % len(seq.pads)  # forgot this one
        x, y = seq.pads[wanted]
        delay = p.reaction_ms() if step == 0 else p.movement_ms(30.0, seq.width_mm) + 150.0
        return self._tap(x, y, max(t, seq.demo_end_ms) + delay, extra=False)

    def _rhythm(self, model: RhythmModel, t: float) -> list[Touch]:
        rh = model.rhythm
        if rh is None:
            return []
        end = rh.end_ms
        if end is not None and t >= end - 1.0:
            return []
        if not self._once(("rhythm", rh.ready_ms, len(rh.downs))):
            return []
        p = self.patient
        pad = 0 if rh.expected is None else rh.expected
        x, y = rh.pads[pad]
        distance = abs(rh.pads[1][0] - rh.pads[0][0])
        delay = p.reaction_ms() if rh.start_ms is None else \
            p.movement_ms(distance, rh.width_mm) * 0.8
        when = t + delay
        if end is not None and when >= end:
            return []
        return self._tap(x, y, when, extra=False)
