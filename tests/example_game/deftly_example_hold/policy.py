"""How a simulated patient plays the hold game: reach the circle, hold it, sometimes let go
too early, with the finger wandering by its tremor and unsteadiness."""

from __future__ import annotations

from deftly_example_hold.model import HoldModel
from deftly_example_hold.skills import SKILLS
from engine.sim.hand import SimPatient
from engine.touch import Phase, Touch

STEP_MS = 50.0


class HoldPolicy:
    def __init__(self, patient: SimPatient) -> None:
        self.patient = patient
        self.skills = SKILLS.of(patient.hand)
        self.start_minutes = patient.minutes_played
        self._last: object = None

    def plan(self, model: HoldModel, t_ms: float) -> list[Touch]:
        self.patient.at_time(t_ms, self.start_minutes)
        circle = model.circle
        if circle is None or circle.finger is not None:
            return []
        key = (circle.onset_ms, circle.tries)
        if key == self._last:
            return []
        self._last = key
        p = self.patient
        down = max(t_ms, circle.onset_ms) + p.reaction_ms() + p.movement_ms(
            60.0, circle.size_mm)
        x, y = p.endpoint(circle.x_mm, circle.y_mm, down)
        hold = circle.hold_ms + 80.0
        if p.chance(self.skills.early_release_chance * p.fatigue):
            hold = circle.hold_ms * float(p.rng.uniform(0.2, 0.9))
        touches = [Touch(1, Phase.DOWN, x, y, down)]
        t = down + STEP_MS
        while t < down + hold:
            dx, dy = p.tremor(t)
            wander = p.rng.normal(0.0, self.skills.steadiness_mm * 0.3, 2)
            touches.append(Touch(1, Phase.MOVE, x + dx + float(wander[0]),
                                 y + dy + float(wander[1]), t))
            t += STEP_MS
        last = touches[-1]
        touches.append(Touch(1, Phase.UP, last.x_mm, last.y_mm, down + hold))
        return touches
