"""How a simulated patient traces: along the path at their preferred speed, wandering
slowly off the line, with tremor, sometimes lifting mid-way and carrying on."""

from __future__ import annotations

import math

from engine.sim.hand import SimPatient
from engine.touch import Phase, Touch
from games.trace.model import TraceModel, TraceTrial, guide_position
from games.trace.skills import SKILLS

SAMPLE_MS = 16.0
"""A simulated finger reports every 16 ms (62.5 Hz: a common tablet's touch rate; 8 ms
doubled the simulation's work for no difference in what the games measure)."""
FINGER = 1
WANDER_HZ = (0.25, 0.6, 1.3)


class TracePolicy:
    def __init__(self, patient: SimPatient) -> None:
        self.patient = patient
        self.skills = SKILLS.of(patient.hand)
        self.start_minutes = patient.minutes_played
        self._last: tuple[float, int, float] | None = None

    def plan(self, model: TraceModel, t_ms: float) -> list[Touch]:
        self.patient.at_time(t_ms, self.start_minutes)
        trial = model.trial
        if trial is None or trial.finger is not None:
            return []
        key = (trial.onset_ms, trial.stroke, round(trial.progress_mm, 3))
        if key == self._last:
            return []
        self._last = key
        p = self.patient
        start = max(t_ms, trial.onset_ms) + (p.reaction_ms() if trial.started_ms is None
                                             else 250.0 + p.rng.exponential(300.0))
        return self._stroke(model, trial, start)

    def _stroke(self, model: TraceModel, trial: TraceTrial, start: float) -> list[Touch]:
        p = self.patient
        skills = self.skills
        line = trial.line
        pace = model.pace_mm_per_s
        speed = pace if pace > 0 else max(4.0, skills.speed_mm_per_s * p.rng.normal(1.0,
                                                                                    0.1))
        speed /= p.fatigue
        remaining = max(line.length - trial.progress_mm, 0.5)
        stop_at = remaining
        if p.chance(skills.lift_chance):
            stop_at = remaining * p.rng.uniform(0.3, 0.8)
        steps = max(2, int(stop_at / speed * 1000.0 / SAMPLE_MS))
        phases = p.rng.uniform(0, 2 * math.pi, (2, len(WANDER_HZ)))
        amp = skills.wander_mm * p.fatigue / math.sqrt(len(WANDER_HZ) / 2)
        touches = []
        for k in range(steps + 1):
            t = start + k * SAMPLE_MS
            if pace > 0 and trial.started_ms is not None:
                target = guide_position(trial, pace, t)  # chase the guide dot
                arc = None
            else:
                arc = trial.progress_mm + stop_at * k / steps
                target = trial.point_at(trial.stroke, arc)
            seconds = t / 1000.0
            wander = [amp * sum(math.sin(2 * math.pi * f * seconds + phases[axis][i])
                                for i, f in enumerate(WANDER_HZ)) for axis in (0, 1)]
            tremor = p.tremor(t)
            jitter = p.rng.normal(0.0, 0.08, 2)
            x = target[0] + wander[0] + tremor[0] + float(jitter[0])
            y = target[1] + wander[1] + tremor[1] + float(jitter[1])
            phase = Phase.DOWN if k == 0 else Phase.MOVE
            touches.append(Touch(FINGER, phase, x, y, t))
            if arc is not None and arc >= line.length:
                break
        last = touches[-1]
        touches.append(Touch(FINGER, Phase.UP, last.x_mm, last.y_mm, last.t_ms + 20.0))
        return touches
